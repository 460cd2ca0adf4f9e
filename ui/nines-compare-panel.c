#define G_LOG_DOMAIN "nines-compare-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>
#include <nines-chart.h>

#include "nines-compare-panel.h"
#include "nines-ui.h"

#define N_VALUES 6

struct _NinesComparePanel
{
  NinesAnalysisPanel parent_instance;
  GtkWidget     *grid;
  GtkWidget     *chart;
  GtkWidget     *cells[NINES_N_DR_PATTERNS][N_VALUES];
  GtkWidget     *use[NINES_N_DR_PATTERNS];
  GtkWidget     *names[NINES_N_DR_PATTERNS];
};

G_DEFINE_FINAL_TYPE (NinesComparePanel, nines_compare_panel, NINES_TYPE_ANALYSIS_PANEL)

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  NinesAnalysis *analysis = nines_analysis_panel_get_analysis (NINES_ANALYSIS_PANEL (data));
  const NinesPatternSummary *rows;
  NinesChartPoint points[NINES_N_DR_PATTERNS];
  NinesDocument *doc;

  if (analysis == NULL || !(rows = nines_analysis_compare (analysis)))
    return;
  doc = nines_analysis_get_document (analysis);
  for (guint p = 0; p < NINES_N_DR_PATTERNS; p++)
    {
      points[p].label = nines_dr_pattern_get_label (p);
      points[p].rto_s = rows[p].rto_s;
      points[p].usd = rows[p].steady_usd;
      points[p].current = p == nines_document_get_dr_pattern (doc);
      points[p].complete = rows[p].complete;
    }
  nines_ui_prepare_chart (GTK_WIDGET (area), cr);
  nines_chart_draw_compare (cr, points, NINES_N_DR_PATTERNS, width, height,
                            adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

/* Four extra deployments, priced and recovered: only for the page shown (or about to be:
 * NinesAnalysisPanel calls this for the stack's visible page before it is mapped). */
static void
update (NinesAnalysisPanel *panel,
        NinesAnalysis      *analysis)
{
  NinesComparePanel *self = NINES_COMPARE_PANEL (panel);
  const NinesPatternSummary *rows;
  NinesDocument *doc;

  if (analysis == NULL || !(rows = nines_analysis_compare (analysis)))
    return;
  doc = nines_analysis_get_document (analysis);
  for (guint p = 0; p < NINES_N_DR_PATTERNS; p++)
    {
      const NinesPatternSummary *r = &rows[p];
      gboolean current = p == nines_document_get_dr_pattern (doc);
      g_autofree char *values[N_VALUES] = { NULL };

      values[0] = nines_analysis_format_usd (r->steady_usd);
      values[1] = nines_analysis_format_usd (r->failover_usd);
      if (!r->complete)
        {
          char *a = g_strconcat (values[0], " +?", NULL), *b = g_strconcat (values[1], " +?", NULL);
          g_free (values[0]);
          g_free (values[1]);
          values[0] = a;
          values[1] = b;
        }
      values[2] = nines_format_duration (r->rto_s);
      values[3] = nines_format_duration (r->rpo_s);
      values[4] = g_strdup_printf ("%.2f", r->nines);
      values[5] = g_strdup_printf (ngettext ("%u item", "%u items", r->n_added), r->n_added);
      for (guint c = 0; c < N_VALUES; c++)
        {
          gtk_label_set_label (GTK_LABEL (self->cells[p][c]), values[c]);
          if (current)
            gtk_widget_add_css_class (self->cells[p][c], "heading");
          else
            gtk_widget_remove_css_class (self->cells[p][c], "heading");
        }
      gtk_widget_set_sensitive (self->use[p], !current);
      gtk_button_set_label (GTK_BUTTON (self->use[p]), current ? _("In use") : _("Use"));
      {
        /* GtkButton names itself after its label: name the pattern too. */
        g_autofree char *a11y = g_strdup_printf (current ? _("%s in use") : _("Use %s"),
                                                 nines_dr_pattern_get_label (p));
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->use[p]), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      }
    }
  gtk_widget_queue_draw (self->chart);
}

static void
nines_compare_panel_class_init (NinesComparePanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  NINES_ANALYSIS_PANEL_CLASS (klass)->update = update;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nines_compare_panel_init (NinesComparePanel *self)
{
  const char *headers[] = { N_("Pattern"), N_("Monthly"), N_("Failed over"), N_("RTO"), N_("RPO"),
                            N_("Nines"), N_("Adds"), "" };
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);

  self->grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->grid), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Patterns compared"), -1);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    {
      GtkWidget *h = gtk_label_new (*headers[c] ? _(headers[c]) : "");
      gtk_widget_add_css_class (h, "dim-label");
      gtk_widget_add_css_class (h, "caption");
      gtk_label_set_xalign (GTK_LABEL (h), c == 0 ? 0 : 1);
      gtk_grid_attach (GTK_GRID (self->grid), h, c, 0, 1, 1);
    }
  for (guint p = 0; p < NINES_N_DR_PATTERNS; p++)
    {
      self->names[p] = gtk_label_new (nines_dr_pattern_get_label (p));
      gtk_label_set_xalign (GTK_LABEL (self->names[p]), 0);
      gtk_grid_attach (GTK_GRID (self->grid), self->names[p], 0, p + 1, 1, 1);
      for (guint c = 0; c < N_VALUES; c++)
        {
          self->cells[p][c] = gtk_label_new ("—");
          gtk_label_set_xalign (GTK_LABEL (self->cells[p][c]), 1);
          gtk_widget_add_css_class (self->cells[p][c], "numeric");
          gtk_grid_attach (GTK_GRID (self->grid), self->cells[p][c], c + 1, p + 1, 1, 1);
        }
      self->use[p] = gtk_button_new_with_label (_("Use"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->use[p]), "win.pattern");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->use[p]), "s", nines_dr_pattern_to_string (p));
      {
        g_autofree char *a11y = g_strdup_printf (_("Use %s"), nines_dr_pattern_get_label (p));
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->use[p]), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      }
      gtk_grid_attach (GTK_GRID (self->grid), self->use[p], N_VALUES + 1, p + 1, 1, 1);
    }

  self->chart = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->chart), 380);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), 220);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  gtk_widget_set_hexpand (self->chart, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Monthly cost against recovery time"), -1);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), self->grid);
  gtk_box_append (GTK_BOX (box), self->chart);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

GtkWidget *
nines_compare_panel_new (void)
{
  return g_object_new (NINES_TYPE_COMPARE_PANEL, NULL);
}

const char *
nines_compare_panel_get_cell (NinesComparePanel *self,
                              NinesDrPattern     pattern,
                              guint              column)
{
  g_return_val_if_fail (NINES_IS_COMPARE_PANEL (self), NULL);
  g_return_val_if_fail (pattern < NINES_N_DR_PATTERNS && column < N_VALUES, NULL);
  return gtk_label_get_label (GTK_LABEL (self->cells[pattern][column]));
}
