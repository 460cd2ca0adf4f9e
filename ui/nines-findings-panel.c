#define G_LOG_DOMAIN "nines-findings-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "nines-findings-panel.h"
#include "nines-ui.h"

struct _NinesFindingsPanel
{
  NinesAnalysisPanel parent_instance;
  GtkWidget     *counts;
  GtkListBox    *list;
};

G_DEFINE_FINAL_TYPE (NinesFindingsPanel, nines_findings_panel, NINES_TYPE_ANALYSIS_PANEL)

enum { COMPONENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update (NinesAnalysisPanel *panel,
        NinesAnalysis      *analysis)
{
  NinesFindingsPanel *self = NINES_FINDINGS_PANEL (panel);
  NinesFindings *findings = analysis ? nines_analysis_get_findings (analysis) : NULL;
  GtkWidget *child;
  g_autofree char *counts = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  if (findings == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->counts), "");
      return;
    }

  counts = g_strdup_printf (_("%u critical · %u warnings · %u notes"),
                            nines_findings_count (findings, NINES_SEVERITY_CRITICAL),
                            nines_findings_count (findings, NINES_SEVERITY_WARNING),
                            nines_findings_count (findings, NINES_SEVERITY_INFO));
  gtk_label_set_label (GTK_LABEL (self->counts), counts);

  for (guint i = 0; i < nines_findings_get_n_items (findings); i++)
    {
      const NinesFinding *f = nines_findings_get_item (findings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      g_autofree char *subtitle = g_strdup_printf (_("%s\nFix: %s"), f->why, f->fix);
      g_autofree char *title = NULL;
      const char *icon_name, *severity;

      switch (f->severity)
        {
        case NINES_SEVERITY_CRITICAL:
          icon_name = "dialog-error-symbolic";
          severity = _("Critical");
          break;
        case NINES_SEVERITY_WARNING:
          icon_name = "dialog-warning-symbolic";
          severity = _("Warning");
          break;
        case NINES_SEVERITY_INFO:
        default:
          icon_name = "dialog-information-symbolic";
          severity = _("Note");
        }
      title = f->component_id ? g_strdup_printf ("%s (%s)", f->what, f->component_id) : g_strdup (f->what);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      icon = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_add_css_class (icon, f->severity == NINES_SEVERITY_CRITICAL ? "error" :
                                      f->severity == NINES_SEVERITY_WARNING ? "warning" : "accent");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, severity, -1);
      nines_ui_set_tooltip_text (icon, severity);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      if (f->component_id)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "component", g_strdup (f->component_id), g_free);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("find-location-symbolic"));
        }
      gtk_list_box_append (self->list, row);
    }
}

static void
row_activated_cb (NinesFindingsPanel *self,
                  GtkListBoxRow      *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "component");

  if (id)
    g_signal_emit (self, signals[COMPONENT_ACTIVATED], 0, id);
}

static void
nines_findings_panel_class_init (NinesFindingsPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  NINES_ANALYSIS_PANEL_CLASS (klass)->update = update;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  /**
   * NinesFindingsPanel::component-activated:
   * @id: the component the finding is about
   */
  signals[COMPONENT_ACTIVATED] = g_signal_new ("component-activated", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
nines_findings_panel_init (NinesFindingsPanel *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->counts = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->counts), 0);
  gtk_widget_add_css_class (self->counts, "heading");
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Findings"), -1);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), self->counts);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

GtkWidget *
nines_findings_panel_new (void)
{
  return g_object_new (NINES_TYPE_FINDINGS_PANEL, NULL);
}

GtkListBox *
nines_findings_panel_get_list (NinesFindingsPanel *self)
{
  g_return_val_if_fail (NINES_IS_FINDINGS_PANEL (self), NULL);
  return self->list;
}
