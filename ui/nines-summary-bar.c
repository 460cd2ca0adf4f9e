#define G_LOG_DOMAIN "nines-summary-bar"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-summary-bar.h"
#include "nines-ui.h"

#include <nines-chart.h>

struct _NinesSummaryBar
{
  GtkWidget      parent_instance;
  NinesAnalysis *analysis;
  GtkWidget     *values[NINES_SUMMARY_N_FIELDS];
  GtkWidget     *boxes[NINES_SUMMARY_N_FIELDS];
  GtkWidget     *pattern;
  guint          flush_tick;   /* tick callback flushing the analysis in the next frame */
};

G_DEFINE_FINAL_TYPE (NinesSummaryBar, nines_summary_bar, GTK_TYPE_WIDGET)

static const char *
caption (NinesSummaryField field)
{
  switch (field)
    {
    case NINES_SUMMARY_STEADY: return _("Monthly cost");
    case NINES_SUMMARY_FAILOVER: return _("While failed over");
    case NINES_SUMMARY_RTO: return _("Recovery time (RTO)");
    case NINES_SUMMARY_RPO: return _("Data loss (RPO)");
    case NINES_SUMMARY_NINES: return _("Availability");
    default: g_assert_not_reached ();
    }
}

static void
set_field (NinesSummaryBar   *self,
           NinesSummaryField  field,
           const char        *value,
           const char        *tooltip,
           gboolean           warn)
{
  g_autofree char *label = g_strdup_printf ("%s: %s", caption (field), value);

  gtk_label_set_label (GTK_LABEL (self->values[field]), value);
  nines_ui_set_tooltip_text (self->boxes[field], tooltip);
  if (warn)
    gtk_widget_add_css_class (self->values[field], "warning");
  else
    gtk_widget_remove_css_class (self->values[field], "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->values[field]), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
update (NinesSummaryBar *self)
{
  NinesPatternSummary s;
  const NinesStoreRpo *worst;
  const NinesAvailability *a;
  g_autofree char *steady = NULL, *failover = NULL, *rto = NULL, *rpo = NULL, *nines = NULL;
  g_autofree char *tip_cost = NULL, *tip_rto = NULL, *tip_rpo = NULL, *tip_nines = NULL;
  NinesRecovery *recovery;

  if (self->analysis == NULL || !nines_analysis_get_summary (self->analysis, &s))
    {
      for (guint i = 0; i < NINES_SUMMARY_N_FIELDS; i++)
        set_field (self, i, "—", NULL, FALSE);
      return;
    }
  recovery = nines_analysis_get_recovery (self->analysis);
  a = nines_recovery_get_availability (recovery);
  worst = nines_recovery_get_worst_store (recovery);

  steady = nines_analysis_format_usd (s.steady_usd);
  failover = nines_analysis_format_usd (s.failover_usd);
  if (!s.complete)
    {
      /* The totals leave out what has no price: say so rather than show a number that looks whole. */
      char *t = g_strdup_printf (_("%s +?"), steady);
      g_free (steady);
      steady = t;
      t = g_strdup_printf (_("%s +?"), failover);
      g_free (failover);
      failover = t;
      tip_cost = g_strdup (_("Some prices are missing from the snapshot: see the cost breakdown to enter them."));
    }
  else
    {
      gboolean own = FALSE;
      double discount = nines_analysis_get_discount (self->analysis, &own);

      if (discount <= 0)
        tip_cost = g_strdup (_("List prices from the AWS price snapshot with the design's overrides; the breakdown cites each price."));
      else if (own)
        tip_cost = g_strdup_printf (_("From the AWS price snapshot with the design's overrides, less the design's %.1f %% discount; the breakdown cites each price."),
                                    discount);
      else
        tip_cost = g_strdup_printf (_("From the AWS price snapshot with the design's overrides, less the %.1f %% discount set in Preferences; the breakdown cites each price."),
                                    discount);
    }
  rto = nines_format_duration (s.rto_s);
  rpo = nines_format_duration (s.rpo_s);
  nines = g_strdup_printf (_("%.2f nines"), s.nines);
  tip_rto = g_strdup_printf (_("Critical path of %u recovery steps%s; see the timeline for each step's source."),
                             nines_recovery_get_n_steps (recovery),
                             nines_recovery_is_automated (recovery) ? _(", detected and switched automatically") : "");
  if (worst)
    tip_rpo = g_strdup_printf (_("Set by %s (%s): %s"), nines_chart_store_name (recovery, worst->store_id), worst->mechanism, worst->source);
  else
    tip_rpo = g_strdup (_("The design has no data store."));
  tip_nines = g_strdup_printf (_("%.4f %% available, %.0f minutes of downtime a year. %s"),
                               a->availability * 100, a->downtime_min_per_year, a->method);

  set_field (self, NINES_SUMMARY_STEADY, steady, tip_cost, !s.complete);
  set_field (self, NINES_SUMMARY_FAILOVER, failover, tip_cost, !s.complete);
  set_field (self, NINES_SUMMARY_RTO, rto, tip_rto, FALSE);
  set_field (self, NINES_SUMMARY_RPO, rpo, tip_rpo, s.rpo_s < 0);
  set_field (self, NINES_SUMMARY_NINES, nines, tip_nines, FALSE);
  gtk_label_set_label (GTK_LABEL (self->pattern), nines_dr_pattern_get_label (s.pattern));
  {
    g_autofree char *a11y = g_strdup_printf ("%s: %s", _("Pattern"), nines_dr_pattern_get_label (s.pattern));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->pattern), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  }
}

static gboolean
flush_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  NinesSummaryBar *self = NINES_SUMMARY_BAR (widget);

  self->flush_tick = 0;
  /* The update phase comes before layout and paint: this frame shows the edit. */
  if (self->analysis)
    nines_analysis_flush (self->analysis);
  return G_SOURCE_REMOVE;
}

static void
on_invalidated (NinesSummaryBar *self)
{
  /* Unmapped, no frame comes for this widget: the analysis's idle takes over. */
  if (self->flush_tick == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->flush_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), flush_tick, NULL, NULL);
}

static void
remove_flush_tick (NinesSummaryBar *self)
{
  if (self->flush_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->flush_tick);
  self->flush_tick = 0;
}

static void
nines_summary_bar_unmap (GtkWidget *widget)
{
  remove_flush_tick (NINES_SUMMARY_BAR (widget));
  GTK_WIDGET_CLASS (nines_summary_bar_parent_class)->unmap (widget);
}

static void
nines_summary_bar_dispose (GObject *object)
{
  NinesSummaryBar *self = (NinesSummaryBar *)object;
  GtkWidget *child;

  remove_flush_tick (self);
  if (self->analysis)
    g_signal_handlers_disconnect_by_data (self->analysis, self);
  g_clear_object (&self->analysis);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (nines_summary_bar_parent_class)->dispose (object);
}

static void
nines_summary_bar_class_init (NinesSummaryBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nines_summary_bar_dispose;
  widget_class->unmap = nines_summary_bar_unmap;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "summarybar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nines_summary_bar_init (NinesSummaryBar *self)
{
  GtkWidget *pattern_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *pattern_caption = gtk_label_new (_("Pattern"));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 28);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Summary"), -1);

  self->pattern = gtk_label_new ("—");
  gtk_widget_add_css_class (self->pattern, "title-3");
  gtk_widget_add_css_class (pattern_caption, "caption");
  gtk_widget_add_css_class (pattern_caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->pattern), 0);
  gtk_label_set_xalign (GTK_LABEL (pattern_caption), 0);
  gtk_box_append (GTK_BOX (pattern_box), self->pattern);
  gtk_box_append (GTK_BOX (pattern_box), pattern_caption);
  gtk_widget_set_parent (pattern_box, GTK_WIDGET (self));

  for (guint i = 0; i < NINES_SUMMARY_N_FIELDS; i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *cap = gtk_label_new (caption (i));
      static const char *names[] = { "summary-steady", "summary-failover", "summary-rto", "summary-rpo", "summary-nines" };

      self->values[i] = gtk_label_new ("—");
      gtk_widget_set_name (self->values[i], names[i]);
      gtk_label_set_selectable (GTK_LABEL (self->values[i]), FALSE);
      gtk_widget_add_css_class (self->values[i], "title-3");
      gtk_widget_add_css_class (self->values[i], "numeric");
      gtk_widget_add_css_class (cap, "caption");
      gtk_widget_add_css_class (cap, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (self->values[i]), 0);
      gtk_label_set_xalign (GTK_LABEL (cap), 0);
      gtk_box_append (GTK_BOX (box), self->values[i]);
      gtk_box_append (GTK_BOX (box), cap);
      gtk_widget_set_parent (box, GTK_WIDGET (self));
      self->boxes[i] = box;
    }
  update (self);
}

GtkWidget *
nines_summary_bar_new (void)
{
  return g_object_new (NINES_TYPE_SUMMARY_BAR, NULL);
}

void
nines_summary_bar_set_analysis (NinesSummaryBar *self,
                                NinesAnalysis   *analysis)
{
  g_return_if_fail (NINES_IS_SUMMARY_BAR (self));

  if (self->analysis)
    g_signal_handlers_disconnect_by_data (self->analysis, self);
  remove_flush_tick (self);
  g_set_object (&self->analysis, analysis);
  if (analysis)
    {
      g_signal_connect_swapped (analysis, "changed", G_CALLBACK (update), self);
      g_signal_connect_swapped (analysis, "invalidated", G_CALLBACK (on_invalidated), self);
    }
  update (self);
}

const char *
nines_summary_bar_get_text (NinesSummaryBar   *self,
                            NinesSummaryField  field)
{
  g_return_val_if_fail (NINES_IS_SUMMARY_BAR (self), NULL);
  g_return_val_if_fail (field < NINES_SUMMARY_N_FIELDS, NULL);
  return gtk_label_get_label (GTK_LABEL (self->values[field]));
}
