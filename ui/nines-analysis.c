#define G_LOG_DOMAIN "nines-analysis"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-analysis.h"

struct _NinesAnalysis
{
  GObject             parent_instance;
  NinesDocument      *document;
  gboolean            stale;
  gboolean            compare_stale;
  guint               idle;
  NinesDeployment    *deployment;
  NinesCostEstimate  *estimate;
  NinesRecovery      *recovery;
  NinesFindings      *findings;
  NinesPatternSummary compare[NINES_N_DR_PATTERNS];
  double              default_discount;
  NinesUnits          units;
  NinesPriceSnapshot *prices;         /* NULL: the bundled snapshot */
};

G_DEFINE_FINAL_TYPE (NinesAnalysis, nines_analysis, G_TYPE_OBJECT)

enum { CHANGED, INVALIDATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_results (NinesAnalysis *self)
{
  g_clear_pointer (&self->findings, nines_findings_unref);
  g_clear_pointer (&self->recovery, nines_recovery_unref);
  g_clear_pointer (&self->estimate, nines_cost_estimate_unref);
  g_clear_pointer (&self->deployment, nines_deployment_unref);
}

static void
ensure (NinesAnalysis *self)
{
  if (!self->stale)
    return;
  /* A pending idle still runs: it tells the listeners, even when a getter computed first. */
  self->stale = FALSE;
  if (self->document == NULL)
    {
      clear_results (self);
      return;
    }
  {
    /* The results it replaces, released by the evaluation beside its cost. */
    NinesEvaluation e = { g_steal_pointer (&self->deployment), g_steal_pointer (&self->estimate),
                          g_steal_pointer (&self->recovery), g_steal_pointer (&self->findings) };

    nines_evaluation_compute (&e, self->document, nines_document_get_dr_pattern (self->document),
                              self->prices, TRUE, NULL);
    self->deployment = e.deployment;
    self->estimate = e.estimate;
    self->recovery = e.recovery;
    self->findings = e.findings;
  }
}

static gboolean
recompute_idle (gpointer data)
{
  NinesAnalysis *self = data;

  self->idle = 0;
  ensure (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

void
nines_analysis_flush (NinesAnalysis *self)
{
  g_return_if_fail (NINES_IS_ANALYSIS (self));

  /* A pending idle is a pending "changed": deliver it now instead. */
  if (self->idle == 0)
    return;
  g_clear_handle_id (&self->idle, g_source_remove);
  recompute_idle (self);
}

static void
on_document_changed (NinesAnalysis *self)
{
  self->stale = TRUE;
  self->compare_stale = TRUE;
  /* The idle alone is not enough: an input event and the frame clock's paint that are
   * ready in the same main-loop iteration are dispatched together, so an idle added by
   * the event runs after that paint, and the frame shows the numbers from before the edit.
   * "invalidated" lets a widget flush from the frame's update phase (before layout and
   * paint); the idle covers the case where no frame is coming. Either way a burst of
   * edits is computed once. */
  if (self->idle == 0)
    self->idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, recompute_idle, self, NULL);
  g_signal_emit (self, signals[INVALIDATED], 0);
}

/* A preference that changes what is shown: every listener redraws at once. */
static void
preferences_changed (NinesAnalysis *self)
{
  self->compare_stale = TRUE;
  g_clear_handle_id (&self->idle, g_source_remove);
  ensure (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
nines_analysis_dispose (GObject *object)
{
  NinesAnalysis *self = (NinesAnalysis *)object;

  g_clear_handle_id (&self->idle, g_source_remove);
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  clear_results (self);
  g_clear_pointer (&self->prices, nines_price_snapshot_unref);
  G_OBJECT_CLASS (nines_analysis_parent_class)->dispose (object);
}

static void
nines_analysis_class_init (NinesAnalysisClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nines_analysis_dispose;

  /**
   * NinesAnalysis::changed:
   *
   * The results follow a new document or an edit.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * NinesAnalysis::invalidated:
   *
   * An edit made the results stale; "changed" follows (at the latest from an idle, at
   * once after nines_analysis_flush()).
   */
  signals[INVALIDATED] = g_signal_new ("invalidated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nines_analysis_init (NinesAnalysis *self)
{
}

NinesAnalysis *
nines_analysis_new (void)
{
  return g_object_new (NINES_TYPE_ANALYSIS, NULL);
}

void
nines_analysis_set_document (NinesAnalysis *self,
                             NinesDocument *document)
{
  g_return_if_fail (NINES_IS_ANALYSIS (self));
  g_return_if_fail (!document || NINES_IS_DOCUMENT (document));

  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document)
    g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
  self->stale = TRUE;
  self->compare_stale = TRUE;
  ensure (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

NinesDocument *
nines_analysis_get_document (NinesAnalysis *self)
{
  g_return_val_if_fail (NINES_IS_ANALYSIS (self), NULL);
  return self->document;
}

NinesDeployment *
nines_analysis_get_deployment (NinesAnalysis *self)
{
  g_return_val_if_fail (NINES_IS_ANALYSIS (self), NULL);
  ensure (self);
  return self->deployment;
}

NinesCostEstimate *
nines_analysis_get_estimate (NinesAnalysis *self)
{
  g_return_val_if_fail (NINES_IS_ANALYSIS (self), NULL);
  ensure (self);
  return self->estimate;
}

NinesRecovery *
nines_analysis_get_recovery (NinesAnalysis *self)
{
  g_return_val_if_fail (NINES_IS_ANALYSIS (self), NULL);
  ensure (self);
  return self->recovery;
}

NinesFindings *
nines_analysis_get_findings (NinesAnalysis *self)
{
  g_return_val_if_fail (NINES_IS_ANALYSIS (self), NULL);
  ensure (self);
  return self->findings;
}

double
nines_analysis_get_discount (NinesAnalysis *self,
                             gboolean      *from_design)
{
  double own;

  g_return_val_if_fail (NINES_IS_ANALYSIS (self), 0);

  own = self->document ? nines_document_get_discount_percent (self->document) : 0;
  if (from_design)
    *from_design = own > 0;
  return own > 0 ? own : self->default_discount;
}

static void
get_total (NinesAnalysis     *self,
           NinesCostEstimate *estimate,
           NinesCostState     state,
           NinesCostTotal    *total)
{
  nines_cost_estimate_get_total (estimate, state, total);
  nines_cost_total_set_discount (total, nines_analysis_get_discount (self, NULL));
}

gboolean
nines_analysis_get_total (NinesAnalysis  *self,
                          NinesCostState  state,
                          NinesCostTotal *total)
{
  g_return_val_if_fail (NINES_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (total != NULL, FALSE);

  ensure (self);
  if (self->estimate == NULL)
    return FALSE;
  get_total (self, self->estimate, state, total);
  return TRUE;
}

static void
summarise (NinesAnalysis       *self,
           NinesPatternSummary *s,
           NinesDeployment     *dep,
           NinesCostEstimate   *estimate,
           NinesRecovery       *recovery)
{
  NinesCostTotal steady, failover;
  const NinesAvailability *a = nines_recovery_get_availability (recovery);

  get_total (self, estimate, NINES_COST_STEADY, &steady);
  get_total (self, estimate, NINES_COST_FAILOVER, &failover);
  s->pattern = nines_deployment_get_pattern (dep);
  s->steady_usd = steady.total_usd;
  s->failover_usd = failover.total_usd;
  s->complete = steady.n_missing == 0 && failover.n_missing == 0;
  s->rto_s = nines_recovery_get_rto_s (recovery);
  s->rpo_s = nines_recovery_get_rpo_s (recovery);
  s->nines = a->nines;
  s->downtime_min_per_year = a->downtime_min_per_year;
  s->n_added = 0;
  for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
    if (nines_deployment_get_item (dep, i)->added)
      s->n_added++;
}

gboolean
nines_analysis_get_summary (NinesAnalysis       *self,
                            NinesPatternSummary *summary)
{
  g_return_val_if_fail (NINES_IS_ANALYSIS (self), FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);

  ensure (self);
  if (self->deployment == NULL)
    return FALSE;
  summarise (self, summary, self->deployment, self->estimate, self->recovery);
  return TRUE;
}

const NinesPatternSummary *
nines_analysis_compare (NinesAnalysis *self)
{
  g_return_val_if_fail (NINES_IS_ANALYSIS (self), NULL);

  if (self->document == NULL)
    return NULL;
  if (self->compare_stale)
    {
      for (guint p = 0; p < NINES_N_DR_PATTERNS; p++)
        {
          g_auto(NinesEvaluation) e = { 0 };

          nines_evaluation_compute (&e, self->document, p, self->prices, FALSE, NULL);
          summarise (self, &self->compare[p], e.deployment, e.estimate, e.recovery);
        }
      self->compare_stale = FALSE;
    }
  return self->compare;
}

void
nines_analysis_set_default_discount (NinesAnalysis *self,
                                     double         percent)
{
  g_return_if_fail (NINES_IS_ANALYSIS (self));

  /* The schema allows 0–99; a design's own discount is checked below 100 the same way. */
  percent = CLAMP (percent, 0, 99);
  if (percent == self->default_discount)
    return;
  self->default_discount = percent;
  preferences_changed (self);
}

double
nines_analysis_get_default_discount (NinesAnalysis *self)
{
  g_return_val_if_fail (NINES_IS_ANALYSIS (self), 0);
  return self->default_discount;
}

void
nines_analysis_set_units (NinesAnalysis *self,
                          NinesUnits     units)
{
  g_return_if_fail (NINES_IS_ANALYSIS (self));
  g_return_if_fail (units == NINES_UNITS_DECIMAL || units == NINES_UNITS_BINARY);

  if (units == self->units)
    return;
  self->units = units;
  preferences_changed (self);
}

void
nines_analysis_set_prices (NinesAnalysis      *self,
                           NinesPriceSnapshot *prices)
{
  g_return_if_fail (NINES_IS_ANALYSIS (self));

  if (prices == self->prices)
    return;
  if (prices)
    nines_price_snapshot_ref (prices);
  g_clear_pointer (&self->prices, nines_price_snapshot_unref);
  self->prices = prices;
  self->stale = TRUE;
  preferences_changed (self);
}

NinesPriceSnapshot *
nines_analysis_get_prices (NinesAnalysis *self)
{
  g_return_val_if_fail (NINES_IS_ANALYSIS (self), NULL);
  return self->prices;
}

NinesUnits
nines_analysis_get_units (NinesAnalysis *self)
{
  g_return_val_if_fail (NINES_IS_ANALYSIS (self), NINES_UNITS_DECIMAL);
  return self->units;
}

char *
nines_format_data_size (double     gb,
                        NinesUnits units)
{
  /* The model counts data in decimal GB (10^9 bytes), as the AWS Price List names its
   * units; binary shows the same bytes in GiB (2^30) and TiB (2^40). */
  if (units == NINES_UNITS_BINARY)
    {
      double gib = gb * 1e9 / 1073741824.0;

      if (gib >= 1024)
        /* Translators: a data size in tebibytes (2^40 bytes) */
        return g_strdup_printf (_("%.2f TiB"), gib / 1024);
      /* Translators: a data size in gibibytes (2^30 bytes) */
      return g_strdup_printf (_("%.2f GiB"), gib);
    }
  if (gb >= 1000)
    /* Translators: a data size in terabytes (10^12 bytes) */
    return g_strdup_printf (_("%.2f TB"), gb / 1000);
  /* Translators: a data size in gigabytes (10^9 bytes) */
  return g_strdup_printf (_("%.2f GB"), gb);
}

char *
nines_analysis_format_usd (double usd)
{
  /* US dollars as the Price List publishes them, grouped as the locale groups. */
  return g_strdup_printf (_("$%'.2f"), usd);
}
