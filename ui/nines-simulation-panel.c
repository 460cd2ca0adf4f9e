#define G_LOG_DOMAIN "nines-simulation-panel"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <adwaita.h>
#include <nines-chart.h>

#include "nines-simulation-panel.h"
#include "nines-ui.h"

/* A whole simulation plays in about this long, whatever its length in minutes. */
#define PLAY_SECONDS 12.0
#define TICK_MS      50

struct _NinesSimulationPanel
{
  GtkWidget        parent_instance;
  NinesAnalysis   *analysis;
  NinesSimulation *simulation;
  GtkStringList   *targets;
  GtkWidget       *target;
  GtkWidget       *play;
  GtkWidget       *scale;
  GtkWidget       *status;
  GtkWidget       *summary;
  GtkWidget       *chart;
  GtkWidget       *timeline;
  guint            minute;
  guint            tick;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (NinesSimulationPanel, nines_simulation_panel, GTK_TYPE_WIDGET)

enum { OUTAGE_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  NinesSimulationPanel *self = data;

  if (self->simulation == NULL)
    return;
  nines_ui_prepare_chart (GTK_WIDGET (area), cr);
  nines_chart_draw_simulation (cr, self->simulation, self->minute, width, height, is_dark ());
}

static void
draw_timeline (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  NinesSimulationPanel *self = data;
  double now;

  if (self->simulation == NULL || nines_simulation_is_az (self->simulation))
    return;
  now = ((double) self->minute - nines_simulation_get_failure_minute (self->simulation)) * 60.0;
  nines_ui_prepare_chart (GTK_WIDGET (area), cr);
  nines_chart_draw_timeline (cr, nines_simulation_get_recovery (self->simulation), width, is_dark (), MAX (now, 0));
}

static void
emit_outage (NinesSimulationPanel *self)
{
  const char *target = NULL;
  gboolean failed = FALSE;

  if (self->simulation)
    {
      const NinesSimMinute *m = nines_simulation_get_minute (self->simulation, self->minute);
      target = nines_simulation_get_target (self->simulation);
      failed = m->phase != NINES_SIM_NORMAL;
    }
  if (!failed)
    g_signal_emit (self, signals[OUTAGE_CHANGED], 0, NULL, NULL);
  else if (nines_simulation_is_az (self->simulation))
    g_signal_emit (self, signals[OUTAGE_CHANGED], 0, NULL, target);
  else
    g_signal_emit (self, signals[OUTAGE_CHANGED], 0, target, NULL);
}

static void
show_minute (NinesSimulationPanel *self)
{
  const NinesSimMinute *m;
  g_autofree char *status = NULL, *lost = NULL;
  const char *phase;
  NinesUnits units = self->analysis ? nines_analysis_get_units (self->analysis) : NINES_UNITS_DECIMAL;
  guint n;

  if (self->simulation == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->status), _("Pick a region or an availability zone and press Play."));
      gtk_label_set_label (GTK_LABEL (self->summary), "");
      return;
    }
  n = nines_simulation_get_n_minutes (self->simulation);
  self->minute = MIN (self->minute, n - 1);
  m = nines_simulation_get_minute (self->simulation, self->minute);
  switch (m->phase)
    {
    case NINES_SIM_NORMAL: phase = _("normal"); break;
    case NINES_SIM_DOWN: phase = _("down"); break;
    case NINES_SIM_DEGRADED: phase = _("degraded"); break;
    case NINES_SIM_RECOVERED: default: phase = _("recovered"); break;
    }
  lost = nines_format_data_size (m->data_lost_gb, units);
  /* Translators: the second %s is a data size, e.g. "1.50 GB" */
  status = g_strdup_printf (_("Minute %u: %s · serving %.0f %% of capacity · %'.0f requests failed this minute · %s of data lost so far"),
                            m->minute, phase, m->serving * 100, m->failed, lost);
  gtk_label_set_label (GTK_LABEL (self->status), status);

  self->updating = TRUE;
  gtk_range_set_range (GTK_RANGE (self->scale), 0, n - 1);
  gtk_range_set_value (GTK_RANGE (self->scale), self->minute);
  self->updating = FALSE;

  if (self->minute + 1 >= n)
    {
      /* The summary stays once the playback has run to the end. */
      g_autofree char *down = nines_format_duration (nines_simulation_get_downtime_minutes (self->simulation) * 60);
      g_autofree char *cost = nines_analysis_format_usd (nines_simulation_get_outage_cost_usd (self->simulation));
      g_autofree char *total_lost = nines_format_data_size (nines_simulation_get_data_lost_gb (self->simulation), units);
      /* Translators: the third %s is a data size, e.g. "1.50 GB" */
      g_autofree char *sum = g_strdup_printf (_("Outage of %s: %s until full capacity, %'.0f requests failed, %s of data lost%s%s."),
                                              nines_simulation_get_target (self->simulation), down,
                                              nines_simulation_get_requests_failed (self->simulation),
                                              total_lost,
                                              nines_simulation_has_cost (self->simulation) ? _(", running cost during it ") : "",
                                              nines_simulation_has_cost (self->simulation) ? cost : "");
      gtk_label_set_label (GTK_LABEL (self->summary), sum);
      nines_ui_set_tooltip_text (self->summary, nines_simulation_get_method (self->simulation));
    }
  else
    gtk_label_set_label (GTK_LABEL (self->summary), "");
  gtk_widget_queue_draw (self->chart);
  gtk_widget_queue_draw (self->timeline);
  emit_outage (self);
}

static gboolean
rebuild (NinesSimulationPanel *self)
{
  NinesRecovery *recovery = self->analysis ? nines_analysis_get_recovery (self->analysis) : NULL;
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (self->target));
  g_autoptr(GError) error = NULL;
  NinesPatternSummary s;
  NinesSimCost cost;

  g_clear_pointer (&self->simulation, nines_simulation_unref);
  if (recovery == NULL || item == NULL)
    return FALSE;
  /* Cost rates from the cost engine; the simulation does the minutes. */
  if (nines_analysis_get_summary (self->analysis, &s))
    {
      cost.steady_usd_month = s.steady_usd;
      cost.failover_usd_month = s.failover_usd;
    }
  self->simulation = nines_simulation_new (recovery, gtk_string_object_get_string (item), 5, 0,
                                           nines_analysis_get_summary (self->analysis, &s) ? &cost : NULL, &error);
  if (self->simulation == NULL)
    gtk_label_set_label (GTK_LABEL (self->status), error->message);
  if (self->simulation)
    gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->timeline),
                                         nines_simulation_is_az (self->simulation) ? 0 :
                                         (int) nines_chart_timeline_height (recovery));
  return self->simulation != NULL;
}

static void
fill_targets (NinesSimulationPanel *self)
{
  NinesDocument *doc = self->analysis ? nines_analysis_get_document (self->analysis) : NULL;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  g_auto(GStrv) targets = NULL;
  GtkStringObject *item = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (self->target));
  g_autofree char *keep = item ? g_strdup (gtk_string_object_get_string (item)) : NULL;
  GListModel *regions;

  if (doc != NULL)
    {
      const char *primary = nines_document_get_primary_region (doc);
      regions = nines_document_get_regions (doc);
      if (primary)
        g_strv_builder_add (b, primary);
      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(NinesRegion) r = g_list_model_get_item (regions, i);
          const char * const *azs = nines_region_get_azs (r);
          if (g_strcmp0 (nines_region_get_code (r), primary) != 0)
            g_strv_builder_add (b, nines_region_get_code (r));
          for (guint z = 0; azs[z]; z++)
            g_strv_builder_add (b, azs[z]);
        }
    }
  targets = g_strv_builder_end (b);
  self->updating = TRUE;
  gtk_string_list_splice (self->targets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->targets)),
                          (const char * const *) targets);
  for (guint i = 0; keep && targets[i]; i++)
    if (g_str_equal (targets[i], keep))
      gtk_drop_down_set_selected (GTK_DROP_DOWN (self->target), i);
  self->updating = FALSE;
}

void
nines_simulation_panel_stop (NinesSimulationPanel *self)
{
  g_return_if_fail (NINES_IS_SIMULATION_PANEL (self));
  g_clear_handle_id (&self->tick, g_source_remove);
  gtk_button_set_icon_name (GTK_BUTTON (self->play), "media-playback-start-symbolic");
  nines_ui_set_tooltip_text (self->play, _("Play"));
}

static gboolean
tick_cb (gpointer data)
{
  NinesSimulationPanel *self = data;
  guint n = nines_simulation_get_n_minutes (self->simulation);
  guint step = MAX (1, (guint) (n / (PLAY_SECONDS * 1000 / TICK_MS)));

  self->minute = MIN (self->minute + step, n - 1);
  show_minute (self);
  if (self->minute + 1 >= n)
    {
      self->tick = 0;
      nines_simulation_panel_stop (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

void
nines_simulation_panel_play (NinesSimulationPanel *self)
{
  g_return_if_fail (NINES_IS_SIMULATION_PANEL (self));

  if (self->simulation == NULL && !rebuild (self))
    return;
  if (self->minute + 1 >= nines_simulation_get_n_minutes (self->simulation))
    self->minute = 0;
  g_clear_handle_id (&self->tick, g_source_remove);
  self->tick = g_timeout_add (TICK_MS, tick_cb, self);
  gtk_button_set_icon_name (GTK_BUTTON (self->play), "media-playback-pause-symbolic");
  nines_ui_set_tooltip_text (self->play, _("Pause"));
  show_minute (self);
}

static void
play_clicked (NinesSimulationPanel *self)
{
  if (self->tick)
    nines_simulation_panel_stop (self);
  else
    nines_simulation_panel_play (self);
}

void
nines_simulation_panel_seek (NinesSimulationPanel *self,
                             guint                 minute)
{
  g_return_if_fail (NINES_IS_SIMULATION_PANEL (self));
  if (self->simulation == NULL && !rebuild (self))
    return;
  self->minute = minute;
  show_minute (self);
}

static void
scale_changed (NinesSimulationPanel *self)
{
  if (self->updating || self->simulation == NULL)
    return;
  self->minute = (guint) gtk_range_get_value (GTK_RANGE (self->scale));
  show_minute (self);
}

static void
target_changed (NinesSimulationPanel *self)
{
  if (self->updating)
    return;
  nines_simulation_panel_stop (self);
  self->minute = 0;
  rebuild (self);
  show_minute (self);
}

static void
analysis_changed (NinesSimulationPanel *self)
{
  /* An edit changes the outcome: start again from the new design. */
  nines_simulation_panel_stop (self);
  fill_targets (self);
  g_clear_pointer (&self->simulation, nines_simulation_unref);
  self->minute = 0;
  show_minute (self);
}

gboolean
nines_simulation_panel_set_target (NinesSimulationPanel *self,
                                   const char           *target)
{
  g_return_val_if_fail (NINES_IS_SIMULATION_PANEL (self), FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->targets)); i++)
    if (g_str_equal (gtk_string_list_get_string (self->targets, i), target))
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->target), i);
        target_changed (self);
        return self->simulation != NULL;
      }
  return FALSE;
}

static void
nines_simulation_panel_dispose (GObject *object)
{
  NinesSimulationPanel *self = (NinesSimulationPanel *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->tick, g_source_remove);
  if (self->analysis)
    g_signal_handlers_disconnect_by_data (self->analysis, self);
  g_clear_object (&self->analysis);
  g_clear_pointer (&self->simulation, nines_simulation_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->targets);
  G_OBJECT_CLASS (nines_simulation_panel_parent_class)->dispose (object);
}

static void
nines_simulation_panel_unmap (GtkWidget *widget)
{
  NinesSimulationPanel *self = NINES_SIMULATION_PANEL (widget);

  /* Leaving the page ends the show: the canvas comes back to life. */
  nines_simulation_panel_stop (self);
  g_signal_emit (self, signals[OUTAGE_CHANGED], 0, NULL, NULL);
  GTK_WIDGET_CLASS (nines_simulation_panel_parent_class)->unmap (widget);
}

static void
nines_simulation_panel_class_init (NinesSimulationPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nines_simulation_panel_dispose;
  widget_class->unmap = nines_simulation_panel_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /**
   * NinesSimulationPanel::outage-changed:
   * @region: (nullable): the failed region
   * @zone: (nullable): the failed AZ
   */
  signals[OUTAGE_CHANGED] = g_signal_new ("outage-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
nines_simulation_panel_init (NinesSimulationPanel *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *controls = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new (_("Fail"));

  self->targets = gtk_string_list_new (NULL);
  self->target = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->targets)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->target), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Region or availability zone to fail"), -1);
  g_signal_connect_swapped (self->target, "notify::selected", G_CALLBACK (target_changed), self);
  self->play = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  nines_ui_set_tooltip_text (self->play, _("Play"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Play the outage"), -1);
  gtk_widget_add_css_class (self->play, "suggested-action");
  g_signal_connect_swapped (self->play, "clicked", G_CALLBACK (play_clicked), self);
  self->scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 1, 1);
  gtk_widget_set_hexpand (self->scale, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minute"), -1);
  g_signal_connect_swapped (self->scale, "value-changed", G_CALLBACK (scale_changed), self);
  gtk_box_append (GTK_BOX (controls), label);
  gtk_box_append (GTK_BOX (controls), self->target);
  gtk_box_append (GTK_BOX (controls), self->play);
  gtk_box_append (GTK_BOX (controls), self->scale);

  self->status = gtk_label_new (NULL);
  gtk_widget_set_name (self->status, "simulation-status");
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_widget_add_css_class (self->status, "numeric");
  self->summary = gtk_label_new (NULL);
  gtk_widget_set_name (self->summary, "simulation-summary");
  gtk_label_set_xalign (GTK_LABEL (self->summary), 0);
  gtk_label_set_wrap (GTK_LABEL (self->summary), TRUE);
  gtk_widget_add_css_class (self->summary, "heading");
  self->chart = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), 120);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Capacity serving, minute by minute"), -1);
  self->timeline = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->timeline), draw_timeline, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->timeline), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recovery timeline"), -1);

  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), controls);
  gtk_box_append (GTK_BOX (box), self->status);
  gtk_box_append (GTK_BOX (box), self->summary);
  gtk_box_append (GTK_BOX (box), self->chart);
  gtk_box_append (GTK_BOX (box), self->timeline);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
  show_minute (self);
}

GtkWidget *
nines_simulation_panel_new (void)
{
  return g_object_new (NINES_TYPE_SIMULATION_PANEL, NULL);
}

void
nines_simulation_panel_set_analysis (NinesSimulationPanel *self,
                                     NinesAnalysis        *analysis)
{
  g_return_if_fail (NINES_IS_SIMULATION_PANEL (self));

  if (self->analysis)
    g_signal_handlers_disconnect_by_data (self->analysis, self);
  g_set_object (&self->analysis, analysis);
  if (analysis)
    g_signal_connect_swapped (analysis, "changed", G_CALLBACK (analysis_changed), self);
  analysis_changed (self);
}

NinesSimulation *
nines_simulation_panel_get_simulation (NinesSimulationPanel *self)
{
  g_return_val_if_fail (NINES_IS_SIMULATION_PANEL (self), NULL);
  return self->simulation;
}

const char *
nines_simulation_panel_get_summary (NinesSimulationPanel *self)
{
  g_return_val_if_fail (NINES_IS_SIMULATION_PANEL (self), NULL);
  return gtk_label_get_label (GTK_LABEL (self->summary));
}
