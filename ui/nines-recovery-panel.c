#define G_LOG_DOMAIN "nines-recovery-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>
#include <nines-chart.h>

#include "nines-recovery-panel.h"
#include "nines-ui.h"

struct _NinesRecoveryPanel
{
  NinesAnalysisPanel parent_instance;
  GtkWidget     *heading;
  GtkWidget     *chart;
  GtkWidget     *steps;    /* GtkBox holding an AdwPreferencesGroup, rebuilt */
  GtkWidget     *stores;
};

G_DEFINE_FINAL_TYPE (NinesRecoveryPanel, nines_recovery_panel, NINES_TYPE_ANALYSIS_PANEL)

static NinesRecovery *
get_recovery (NinesRecoveryPanel *self)
{
  NinesAnalysis *analysis = nines_analysis_panel_get_analysis (NINES_ANALYSIS_PANEL (self));

  return analysis ? nines_analysis_get_recovery (analysis) : NULL;
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  NinesRecovery *recovery = get_recovery (data);

  if (recovery == NULL)
    return;
  nines_ui_prepare_chart (GTK_WIDGET (area), cr);
  nines_chart_draw_timeline (cr, recovery, width, adw_style_manager_get_dark (adw_style_manager_get_default ()), -1);
}

static gboolean
chart_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip,
               gpointer    data)
{
  NinesRecovery *recovery = get_recovery (data);
  const NinesRecoveryStep *s;
  g_autofree char *dur = NULL, *start = NULL, *text = NULL, *label = NULL;
  int i;

  if (recovery == NULL || (i = nines_chart_timeline_step_at (recovery, y)) < 0)
    return FALSE;
  s = nines_recovery_get_step (recovery, i);
  dur = nines_format_duration (s->duration_s);
  start = nines_format_duration (s->start_s);
  label = nines_chart_dup_step_label (recovery, i);
  text = g_strdup_printf (_("%s: %s, from %s after the failure%s\nSource: %s"), label, dur, start,
                          s->critical ? _(" (critical path)") : "", s->source);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
replace_group (GtkWidget  *holder,
               const char *title,
               const char *description)
{
  GtkWidget *child, *group = adw_preferences_group_new ();

  while ((child = gtk_widget_get_first_child (holder)))
    gtk_box_remove (GTK_BOX (holder), child);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title); /* fixed text, no markup */
  if (description)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (GTK_BOX (holder), group);
  return group;
}

static void
update (NinesAnalysisPanel *panel,
        NinesAnalysis      *analysis)
{
  NinesRecoveryPanel *self = NINES_RECOVERY_PANEL (panel);
  NinesRecovery *recovery = analysis ? nines_analysis_get_recovery (analysis) : NULL;
  g_autofree char *rto = NULL, *heading = NULL;
  GtkWidget *group;


  if (recovery == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->heading), "");
      replace_group (self->steps, "", NULL);
      replace_group (self->stores, "", NULL);
      return;
    }
  rto = nines_format_duration (nines_recovery_get_rto_s (recovery));
  heading = g_strdup_printf (_("Recovery takes %s after losing %s%s"), rto,
                             nines_deployment_get_primary_region (nines_recovery_get_deployment (recovery)),
                             nines_recovery_uses_failed_region (recovery)
                               ? _(" — some steps call the failed region (red)") : "");
  gtk_label_set_label (GTK_LABEL (self->heading), heading);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart),
                                       (int) nines_chart_timeline_height (recovery));
  gtk_widget_queue_draw (self->chart);

  group = replace_group (self->steps, _("Steps and Their Sources"),
                         _("Orange steps are on the critical path; hover a bar for details."));
  for (guint i = 0; i < nines_recovery_get_n_steps (recovery); i++)
    {
      const NinesRecoveryStep *s = nines_recovery_get_step (recovery, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *dur = nines_format_duration (s->duration_s);
      g_autofree char *title = nines_chart_dup_step_label (recovery, i);
      GtkWidget *label = gtk_label_new (dur);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s->source);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_add_css_class (label, "numeric");
      if (s->critical)
        gtk_widget_add_css_class (label, "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  group = replace_group (self->stores, _("Data Loss per Store (RPO)"), NULL);
  for (guint i = 0; i < nines_recovery_get_n_stores (recovery); i++)
    {
      const NinesStoreRpo *st = nines_recovery_get_store (recovery, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *rpo = nines_format_duration (st->rpo_s);
      g_autofree char *title = g_strdup_printf ("%s (%s, %s)", nines_chart_store_name (recovery, st->store_id),
                                               st->kind, st->mechanism);
      g_autofree char *subtitle = st->note ? g_strdup_printf ("%s\n%s", st->source, st->note) : g_strdup (st->source);
      GtkWidget *label = gtk_label_new (rpo);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_widget_add_css_class (label, st->rpo_s < 0 ? "error" : "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
}

static void
nines_recovery_panel_class_init (NinesRecoveryPanelClass *klass)
{
  NINES_ANALYSIS_PANEL_CLASS (klass)->update = update;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
nines_recovery_panel_init (NinesRecoveryPanel *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *lists = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  self->heading = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->heading), 0);
  gtk_label_set_wrap (GTK_LABEL (self->heading), TRUE);
  self->chart = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  gtk_widget_set_has_tooltip (self->chart, TRUE);
  g_signal_connect (self->chart, "query-tooltip", G_CALLBACK (chart_tooltip), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recovery timeline chart"), -1);
  self->steps = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->stores = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (self->steps, TRUE);
  gtk_widget_set_hexpand (self->stores, TRUE);
  gtk_box_set_homogeneous (GTK_BOX (lists), TRUE);
  gtk_box_append (GTK_BOX (lists), self->steps);
  gtk_box_append (GTK_BOX (lists), self->stores);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), self->heading);
  gtk_box_append (GTK_BOX (box), self->chart);
  gtk_box_append (GTK_BOX (box), lists);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

GtkWidget *
nines_recovery_panel_new (void)
{
  return g_object_new (NINES_TYPE_RECOVERY_PANEL, NULL);
}
