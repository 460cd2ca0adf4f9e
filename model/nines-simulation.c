/* nines-simulation.c: a region or AZ outage replayed minute by minute */
#define G_LOG_DOMAIN "nines-simulation"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "nines-model-private.h"

/* RDS Multi-AZ failover typically completes in 60-120 seconds (RDS User Guide, "Multi-AZ
 * DB instance deployments": failover process); the upper figure is used. */
#define RDS_MULTI_AZ_FAILOVER_S 120.0
/* Aurora fails over to a reader in another AZ typically within a minute (Aurora User
 * Guide, "High availability for Amazon Aurora"). */
#define AURORA_FAILOVER_S       60.0
/* An ALB Load Balancer Capacity Unit includes 25 new connections per second (Elastic
 * Load Balancing pricing, "LCU details"); one request per new connection is the lower
 * bound used when nothing else gives the request rate. */
#define ALB_NEW_CONN_PER_LCU_S  25.0
#define NLB_NEW_CONN_PER_NLCU_S 800.0   /* NLB pricing, "NLCU details": 800 new TCP connections/s */
#define SECONDS_PER_MONTH       (730.0 * 3600.0)
#define MAX_MINUTES             (31 * 24 * 60)
#define TAIL_MINUTES            5     /* minutes shown after recovery */

typedef struct
{
  double steady;     /* capacity share before @ready_s */
  double ready_s;    /* from then on, full */
} Curve;

struct _NinesSimulation
{
  gatomicrefcount  ref_count;
  NinesRecovery   *recovery;
  char            *target;
  gboolean         az;
  guint            at;
  GArray          *minutes;      /* of NinesSimMinute */
  double           downtime_min;
  double           failed;
  double           lost_gb;
  double           cost_usd;
  gboolean         has_cost;
  char            *method;

  /* the model being replayed */
  GArray          *curves;       /* of Curve: serving = min over curves */
  double           gate_s;       /* nothing serves the moved traffic before this */
  double           share_kept;   /* share of traffic served before @gate_s (multi-site) */
  double           recovered_s;
};

G_DEFINE_BOXED_TYPE (NinesSimulation, nines_simulation, nines_simulation_ref, nines_simulation_unref)

const char *
nines_sim_phase_to_string (NinesSimPhase phase)
{
  static const char *ids[] = { "normal", "down", "degraded", "recovered" };

  g_return_val_if_fail (phase <= NINES_SIM_RECOVERED, NULL);
  return ids[phase];
}

static void
add_curve (NinesSimulation *self,
           double           steady,
           double           ready_s)
{
  Curve c = { CLAMP (steady, 0.0, 1.0), MAX (0.0, ready_s) };

  g_array_append_val (self->curves, c);
  self->recovered_s = MAX (self->recovered_s, c.ready_s);
}

static double
serving_at (NinesSimulation *self,
            double           t)
{
  double s = 1.0;

  if (t < 0)
    return 1.0;
  for (guint i = 0; i < self->curves->len; i++)
    {
      const Curve *c = &g_array_index (self->curves, Curve, i);
      if (t < c->ready_s)
        s = MIN (s, c->steady);
    }
  if (t < self->gate_s)
    s *= self->share_kept;
  return s;
}

/* Requests a month reaching the workload: the largest of the front doors' own counts. */
static double
requests_per_month (NinesDocument *doc,
                    const char    *primary,
                    const char   **how)
{
  double best = 0;

  *how = N_("no front door with a request count: requests are not estimated");
  for (guint i = 0; i < nines_document_get_n_components (doc); i++)
    {
      NinesComponent *c = nines_document_get_component (doc, i);
      const char *kind = nines_component_get_kind (c);
      double r = 0;
      const char *h = NULL;

      if (g_str_equal (kind, "cloudfront"))
        r = nines_component_get_double (c, "requests_millions") * 1e6,
        h = N_("CloudFront HTTPS requests of the design");
      else if (g_str_equal (kind, "lambda") && g_strcmp0 (nines_component_get_region (c), primary) == 0)
        r = nines_component_get_double (c, "requests_millions") * 1e6,
        h = N_("Lambda invocations of the design");
      else if (g_str_equal (kind, "alb") && g_strcmp0 (nines_component_get_region (c), primary) == 0)
        r = nines_component_get_double (c, "lcu") * ALB_NEW_CONN_PER_LCU_S * SECONDS_PER_MONTH,
        h = N_("ALB LCUs × 25 new connections/s (one request each)");
      else if (g_str_equal (kind, "nlb") && g_strcmp0 (nines_component_get_region (c), primary) == 0)
        r = nines_component_get_double (c, "nlcu") * NLB_NEW_CONN_PER_NLCU_S * SECONDS_PER_MONTH,
        h = N_("NLB NLCUs × 800 new connections/s (one request each)");
      if (r > best)
        best = r, *how = h;
    }
  return best;
}

static void
model_region (NinesSimulation *self,
              double           duration_s,
              gboolean         primary_failed)
{
  NinesDeployment *dep = nines_recovery_get_deployment (self->recovery);
  NinesDocument *doc = nines_deployment_get_document (dep);
  const NinesRecoveryStep *traffic = nines_recovery_lookup_step (self->recovery, "traffic");
  gboolean multi_site = nines_deployment_get_pattern (dep) == NINES_DR_PATTERN_MULTI_SITE;
  double data_ready = 0;

  if (!primary_failed)
    {
      /* The recovery region failed: only multi-site served from it. */
      const NinesRecoveryStep *detect = nines_recovery_lookup_step (self->recovery, "detect");

      self->gate_s = multi_site ? detect->duration_s + nines_document_get_knob_double (doc, "dns_ttl_s") : 0;
      self->share_kept = 0.5;
      self->recovered_s = self->gate_s;
      return;
    }

  if (traffic == NULL)
    {
      /* Nothing to fail over to: down until the region is back. */
      add_curve (self, 0, duration_s);
      for (guint i = 0; i < nines_recovery_get_n_stores (self->recovery); i++)
        self->lost_gb += nines_recovery_get_store (self->recovery, i)->lost_gb;
      return;
    }

  for (guint i = 0; i < nines_recovery_get_n_steps (self->recovery); i++)
    {
      const NinesRecoveryStep *s = nines_recovery_get_step (self->recovery, i);
      /* Multi-active stores (global tables, replica buckets) need no action. */
      if (s->kind == NINES_STEP_DATA && s->duration_s > 0)
        data_ready = MAX (data_ready, s->end_s);
    }
  /* Requests that need the data fail until every store takes writes again. */
  add_curve (self, 0, data_ready);
  self->gate_s = traffic->end_s;
  self->share_kept = multi_site ? 0.5 : 0.0;

  /* Compute in the recovery region: the standby share until its step ends. */
  for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
    {
      const NinesDeployedItem *item = nines_deployment_get_item (dep, i);
      g_autofree char *step_id = NULL;
      const NinesRecoveryStep *step;
      double full;

      if (!item->added || item->failover == NULL ||
          !g_str_equal (nines_component_get_kind (item->failover), "ec2-asg"))
        continue;
      full = (double) nines_component_get_int (item->failover, "desired");
      step_id = g_strdup_printf ("compute:%s", item->source_id);
      step = nines_recovery_lookup_step (self->recovery, step_id);
      if (step != NULL && full > 0)
        add_curve (self, item->steady ? nines_component_get_int (item->steady, "desired") / full : 0, step->end_s);
    }
  self->recovered_s = MAX (self->recovered_s, MAX (self->gate_s, nines_recovery_get_rto_s (self->recovery)));
  for (guint i = 0; i < nines_recovery_get_n_stores (self->recovery); i++)
    self->lost_gb += nines_recovery_get_store (self->recovery, i)->lost_gb;
}

/* A capacity share @steady of the traffic @weight an item carries. */
static void
add_weighted_curve (NinesSimulation *self,
                    double           weight,
                    double           steady,
                    double           ready_s)
{
  add_curve (self, 1.0 - weight * (1.0 - steady), ready_s);
}

static void
model_az (NinesSimulation *self,
          double           duration_s)
{
  NinesDeployment *dep = nines_recovery_get_deployment (self->recovery);
  NinesDocument *doc = nines_deployment_get_document (dep);
  double boot_s = nines_document_get_knob_double (doc, "boot_minutes") * 60.0;
  gboolean multi_site = nines_deployment_get_pattern (dep) == NINES_DR_PATTERN_MULTI_SITE;

  for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
    {
      const NinesDeployedItem *item = nines_deployment_get_item (dep, i);
      NinesComponent *c = item->steady;
      const char * const *azs;
      const char *kind;
      double w;
      guint n;

      /* Only what serves in steady state counts: the drawn workload, and the second
       * region's half of the traffic in multi-site. A standby losing an AZ serves nobody. */
      if (item->added && !multi_site)
        continue;
      w = item->added || multi_site ? 0.5 : 1.0;
      if (c == NULL || !g_strv_contains ((const char * const *) (azs = nines_component_get_azs (c)), self->target))
        continue;
      kind = nines_component_get_kind (c);
      n = nines_component_get_n_azs (c);
      if (g_str_equal (kind, "ec2-asg") || g_str_equal (kind, "elasticache"))
        {
          /* The group rebalances into the surviving AZs: new instances boot. */
          if (n >= 2)
            add_weighted_curve (self, w, (double) (n - 1) / n, boot_s);
          else
            add_weighted_curve (self, w, 0, duration_s);
        }
      else if (g_str_equal (kind, "rds"))
        {
          if (!nines_component_get_bool (c, "multi_az"))
            add_weighted_curve (self, w, 0, duration_s);
          else if (g_str_equal (azs[0], self->target))
            add_weighted_curve (self, w, 0, RDS_MULTI_AZ_FAILOVER_S);
        }
      else if (g_str_equal (kind, "aurora"))
        {
          if (nines_component_get_int (c, "readers") == 0 || n < 2)
            add_weighted_curve (self, w, 0, duration_s);
          else if (g_str_equal (azs[0], self->target))
            add_weighted_curve (self, w, 0, AURORA_FAILOVER_S);
        }
      else if (g_str_equal (kind, "alb") || g_str_equal (kind, "nlb"))
        {
          if (n < 2)
            add_weighted_curve (self, w, 0, duration_s);
        }
      /* NAT gateways (egress), the CI server and the VPC do not serve requests. */
    }
}

static gboolean
find_target (NinesDeployment *dep,
             const char      *target,
             gboolean        *az)
{
  GListModel *regions = nines_document_get_regions (nines_deployment_get_document (dep));

  *az = FALSE;
  if (g_strcmp0 (target, nines_deployment_get_primary_region (dep)) == 0 ||
      g_strcmp0 (target, nines_deployment_get_recovery_region (dep)) == 0)
    return TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(NinesRegion) r = g_list_model_get_item (regions, i);
      if (nines_region_has_az (r, target))
        return *az = TRUE;
    }
  return FALSE;
}

NinesSimulation *
nines_simulation_new (NinesRecovery       *recovery,
                      const char          *target,
                      guint                at_minute,
                      double               duration_minutes,
                      const NinesSimCost  *cost,
                      GError             **error)
{
  g_autoptr(NinesSimulation) self = NULL;
  NinesDeployment *dep;
  NinesDocument *doc;
  const char *how;
  double duration_s, per_minute, rate_before, rate_after, cum_lost = 0;
  gboolean az, primary_failed;
  guint horizon;

  g_return_val_if_fail (recovery != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);

  dep = nines_recovery_get_deployment (recovery);
  doc = nines_deployment_get_document (dep);
  if (!find_target (dep, target, &az))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s is neither a region nor an AZ this deployment uses"), target);
      return NULL;
    }

  duration_s = duration_minutes > 0 ? duration_minutes * 60.0
             : nines_document_get_knob_double (doc, "region_outage_hours") * 3600.0;
  /* The outage and a few minutes after it must fit the minutes simulated; NaN and
   * infinity would reach the horizon's conversion to an integer. */
  if (isnan (duration_minutes))
    {
      g_set_error_literal (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                           _("The outage length is not a number of minutes"));
      return NULL;
    }
  if (!(at_minute + duration_s / 60.0 + TAIL_MINUTES <= MAX_MINUTES))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("An outage from minute %u lasting %g min does not fit the %u minutes (31 days) "
                     "a simulation covers"), at_minute, duration_s / 60.0, (guint) MAX_MINUTES);
      return NULL;
    }

  self = g_new0 (NinesSimulation, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->recovery = nines_recovery_ref (recovery);
  self->target = g_strdup (target);
  self->az = az;
  self->at = at_minute;
  self->minutes = g_array_new (FALSE, TRUE, sizeof (NinesSimMinute));
  self->curves = g_array_new (FALSE, FALSE, sizeof (Curve));
  self->share_kept = 1.0;

  primary_failed = !az && g_str_equal (target, nines_deployment_get_primary_region (dep));
  if (az)
    model_az (self, duration_s);
  else
    model_region (self, duration_s, primary_failed);

  per_minute = requests_per_month (doc, nines_deployment_get_primary_region (dep), &how) / (730.0 * 60.0);
  self->has_cost = cost != NULL;
  rate_before = cost ? cost->steady_usd_month / (730.0 * 60.0) : 0;
  /* Once the primary region is lost the recovery region runs (and bills) at full size. */
  rate_after = cost && primary_failed && nines_deployment_get_recovery_region (dep) != NULL
               ? cost->failover_usd_month / (730.0 * 60.0) : rate_before;

  /* In doubles: a recovery that takes longer than the horizon stops at it. */
  horizon = (guint) MIN ((double) at_minute + ceil (self->recovered_s / 60.0) + TAIL_MINUTES,
                         MAX_MINUTES);
  for (guint m = 0; m < horizon; m++)
    {
      NinesSimMinute row = { 0 };
      double t = ((double) m - (double) at_minute) * 60.0;
      double s = 0;

      for (guint k = 0; k < 4; k++)
        s += serving_at (self, t + 7.5 + 15.0 * k);
      s /= 4.0;
      if (m == at_minute)
        cum_lost = self->lost_gb;

      row.minute = m;
      row.serving = s;
      row.requests = per_minute;
      row.failed = per_minute * (1.0 - s);
      row.data_lost_gb = cum_lost;
      row.cost_usd = m < at_minute ? rate_before : rate_after;
      row.phase = m < at_minute ? NINES_SIM_NORMAL
                : s >= 1.0 && t + 60.0 > self->recovered_s ? NINES_SIM_RECOVERED
                : s <= 0.0 ? NINES_SIM_DOWN : NINES_SIM_DEGRADED;
      g_array_append_val (self->minutes, row);

      if (m >= at_minute)
        {
          self->failed += row.failed;
          self->cost_usd += row.cost_usd;
        }
    }
  self->downtime_min = self->recovered_s / 60.0;
  self->method = g_strdup_printf (_("Requests: %s (%.0f a minute, spread evenly). Serving is the "
                                    "smallest capacity share of the components in the request path, "
                                    "averaged over each minute; a region failure follows the recovery "
                                    "timeline (traffic moves at the traffic step, writes resume when every "
                                    "store is restored or promoted, standby groups serve their share until "
                                    "they scale out); an AZ failure follows each component's AZ redundancy. "
                                    "Data lost is each store's RPO window of writes; stores without a copy "
                                    "elsewhere are unavailable, not counted as lost. Cost per minute: the "
                                    "monthly rate / (730 × 60), at the failover rate once the primary "
                                    "region is lost."), _(how), per_minute);
  return g_steal_pointer (&self);
}

NinesSimulation *
nines_simulation_ref (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nines_simulation_unref (NinesSimulation *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  nines_recovery_unref (self->recovery);
  g_free (self->target);
  g_array_unref (self->minutes);
  g_array_unref (self->curves);
  g_free (self->method);
  g_free (self);
}

NinesRecovery *
nines_simulation_get_recovery (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->recovery;
}

const char *
nines_simulation_get_target (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->target;
}

gboolean
nines_simulation_is_az (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->az;
}

guint
nines_simulation_get_failure_minute (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->at;
}

guint
nines_simulation_get_n_minutes (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->minutes->len;
}

const NinesSimMinute *
nines_simulation_get_minute (NinesSimulation *self,
                             guint            i)
{
  g_return_val_if_fail (i < self->minutes->len, NULL);
  return &g_array_index (self->minutes, NinesSimMinute, i);
}

double
nines_simulation_get_downtime_minutes (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->downtime_min;
}

double
nines_simulation_get_requests_failed (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->failed;
}

double
nines_simulation_get_data_lost_gb (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->lost_gb;
}

double
nines_simulation_get_outage_cost_usd (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->cost_usd;
}

gboolean
nines_simulation_has_cost (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->has_cost;
}

const char *
nines_simulation_get_method (NinesSimulation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->method;
}
