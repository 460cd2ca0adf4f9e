/* test-simulation.c: region and AZ outages replayed minute by minute */
#include "config.h"

#include <math.h>
#include <nines-model.h>

#include "nines-test-examples.h"

#define AT 5

static NinesSimulation *
simulate (NinesDocument      *doc,
          NinesDrPattern      pattern,
          const char         *target,
          const NinesSimCost *cost)
{
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, pattern);
  g_autoptr(NinesRecovery) rec = nines_recovery_new (dep);
  g_autoptr(GError) error = NULL;
  NinesSimulation *sim = nines_simulation_new (rec, target, AT, 0, cost, &error);

  g_assert_no_error (error);
  return sim;
}

/* Totals are the sums of the minutes; before the failure everything serves; the last
 * minute is recovered. */
static void
check_consistent (NinesSimulation *sim)
{
  double failed = 0, cost = 0;
  guint n = nines_simulation_get_n_minutes (sim);
  const NinesSimMinute *last = nines_simulation_get_minute (sim, n - 1);

  g_assert_cmpuint (n, >, AT + 1);
  for (guint i = 0; i < n; i++)
    {
      const NinesSimMinute *m = nines_simulation_get_minute (sim, i);

      g_assert_cmpuint (m->minute, ==, i);
      g_assert_cmpfloat (m->serving, >=, 0);
      g_assert_cmpfloat (m->serving, <=, 1);
      g_assert_cmpfloat_with_epsilon (m->failed, m->requests * (1 - m->serving), 1e-6);
      if (i < AT)
        {
          g_assert_cmpint (m->phase, ==, NINES_SIM_NORMAL);
          g_assert_cmpfloat (m->serving, ==, 1);
          g_assert_cmpfloat (m->data_lost_gb, ==, 0);
        }
      else
        {
          failed += m->failed;
          cost += m->cost_usd;
        }
    }
  g_assert_cmpfloat_with_epsilon (nines_simulation_get_requests_failed (sim), failed, 1e-6 * MAX (1, failed));
  g_assert_cmpfloat_with_epsilon (nines_simulation_get_outage_cost_usd (sim), cost, 1e-9 + 1e-9 * cost);
  g_assert_cmpint (last->phase, ==, NINES_SIM_RECOVERED);
  g_assert_cmpfloat (last->serving, ==, 1);
  g_assert_nonnull (nines_simulation_get_method (sim));
}

static gboolean
needs_promotion (NinesRecovery *rec)
{
  for (guint i = 0; i < nines_recovery_get_n_steps (rec); i++)
    {
      const NinesRecoveryStep *s = nines_recovery_get_step (rec, i);
      if (s->kind == NINES_STEP_DATA && s->duration_s > 0)
        return TRUE;
    }
  return FALSE;
}

/* Losing the primary region replays the recovery timeline: down until the traffic moves
 * and the data is writable, recovered at the RTO, having lost each store's RPO window. */
static void
test_region (void)
{
  for (guint e = 0; e < nines_test_n_examples (); e++)
    {
      g_autoptr(NinesDocument) doc = nines_test_load_example (e);
      const char *primary = nines_document_get_primary_region (doc);
      double failed[NINES_N_DR_PATTERNS];

      for (NinesDrPattern p = NINES_DR_PATTERN_NONE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
        {
          g_autoptr(NinesSimulation) sim = simulate (doc, p, primary, NULL);
          NinesRecovery *rec = nines_simulation_get_recovery (sim);
          const NinesSimMinute *first = nines_simulation_get_minute (sim, AT);
          double lost = 0;

          check_consistent (sim);
          g_assert_false (nines_simulation_is_az (sim));
          for (guint i = 0; i < nines_recovery_get_n_stores (rec); i++)
            lost += nines_recovery_get_store (rec, i)->lost_gb;
          g_assert_cmpfloat_with_epsilon (nines_simulation_get_data_lost_gb (sim), lost, 1e-9);
          g_assert_cmpfloat_with_epsilon (first->data_lost_gb, lost, 1e-9);

          if (p == NINES_DR_PATTERN_NONE)
            g_assert_cmpfloat_with_epsilon (nines_simulation_get_downtime_minutes (sim),
                                            60 * nines_document_get_knob_double (doc, "region_outage_hours"), 1e-9);
          else
            g_assert_cmpfloat_with_epsilon (nines_simulation_get_downtime_minutes (sim),
                                            nines_recovery_get_rto_s (rec) / 60.0, 1e-9);
          /* Multi-site keeps serving the recovery region's own half, unless a store must
           * first be promoted to take writes (an RDS read replica). */
          if (p == NINES_DR_PATTERN_MULTI_SITE && !needs_promotion (rec))
            g_assert_cmpfloat (first->serving, ==, 0.5);
          else
            g_assert_cmpfloat (first->serving, ==, 0);
          failed[p] = nines_simulation_get_requests_failed (sim);
          g_assert_cmpfloat (failed[p], >, 0);
        }
      g_assert_cmpfloat (failed[NINES_DR_PATTERN_NONE], >, failed[NINES_DR_PATTERN_BACKUP_RESTORE]);
      g_assert_cmpfloat (failed[NINES_DR_PATTERN_BACKUP_RESTORE], >, failed[NINES_DR_PATTERN_PILOT_LIGHT]);
      g_assert_cmpfloat (failed[NINES_DR_PATTERN_PILOT_LIGHT], >, failed[NINES_DR_PATTERN_WARM_STANDBY]);
      g_assert_cmpfloat (failed[NINES_DR_PATTERN_WARM_STANDBY], >=, failed[NINES_DR_PATTERN_MULTI_SITE]);
    }
}

/* Warm standby serves at its standby share until it has scaled out. */
static void
test_warm_standby_degraded (void)
{
  g_autoptr(NinesDocument) doc = nines_test_load_example_named ("newsroom");
  g_autoptr(NinesSimulation) sim = simulate (doc, NINES_DR_PATTERN_WARM_STANDBY, "us-east-1", NULL);
  NinesRecovery *rec = nines_simulation_get_recovery (sim);
  NinesDeployment *dep = nines_recovery_get_deployment (rec);
  const NinesDeployedItem *cms = nines_deployment_lookup_item (dep, "cms@us-west-2");
  double share = (double) nines_component_get_int (cms->steady, "desired") /
                 (double) nines_component_get_int (cms->failover, "desired");
  double traffic_end = nines_recovery_lookup_step (rec, "traffic")->end_s;
  double scaled = nines_recovery_lookup_step (rec, "compute:cms")->end_s;
  gboolean seen = FALSE;

  g_assert_cmpfloat (share, <, 1);
  for (guint i = AT; i < nines_simulation_get_n_minutes (sim); i++)
    {
      const NinesSimMinute *m = nines_simulation_get_minute (sim, i);
      double t0 = (i - AT) * 60.0;

      /* whole minutes after the traffic moved and before the group scaled out */
      if (t0 >= traffic_end && t0 + 60 <= scaled)
        {
          g_assert_cmpfloat_with_epsilon (m->serving, share, 1e-9);
          g_assert_cmpint (m->phase, ==, NINES_SIM_DEGRADED);
          seen = TRUE;
        }
    }
  g_assert_true (seen);
}

/* Cost: the steady rate before the failure, the failover rate once the region is lost. */
static void
test_cost (void)
{
  g_autoptr(NinesDocument) doc = nines_test_load_example_named ("storefront");
  NinesSimCost cost = { 1000.0, 1800.0 };
  g_autoptr(NinesSimulation) sim = simulate (doc, NINES_DR_PATTERN_PILOT_LIGHT, "us-east-1", &cost);
  g_autoptr(NinesSimulation) az = simulate (doc, NINES_DR_PATTERN_PILOT_LIGHT, "use1-az2", &cost);
  guint n = nines_simulation_get_n_minutes (sim);

  g_assert_true (nines_simulation_has_cost (sim));
  g_assert_cmpfloat_with_epsilon (nines_simulation_get_minute (sim, 0)->cost_usd, 1000.0 / (730 * 60), 1e-12);
  g_assert_cmpfloat_with_epsilon (nines_simulation_get_minute (sim, AT)->cost_usd, 1800.0 / (730 * 60), 1e-12);
  g_assert_cmpfloat_with_epsilon (nines_simulation_get_outage_cost_usd (sim), (n - AT) * 1800.0 / (730 * 60), 1e-9);
  /* An AZ outage does not fail over: the bill stays steady. */
  g_assert_cmpfloat_with_epsilon (nines_simulation_get_minute (az, AT)->cost_usd, 1000.0 / (730 * 60), 1e-12);
}

/* One AZ: the Multi-AZ database fails over (its primary was there), the group loses a
 * third of its instances until replacements boot; nothing is lost. */
static void
test_az (void)
{
  g_autoptr(NinesDocument) doc = nines_test_load_example_named ("storefront");
  g_autoptr(NinesSimulation) sim = simulate (doc, NINES_DR_PATTERN_WARM_STANDBY, "use1-az1", NULL);
  g_autoptr(NinesSimulation) other = simulate (doc, NINES_DR_PATTERN_WARM_STANDBY, "use1-az4", NULL);
  double boot_min = nines_document_get_knob_double (doc, "boot_minutes");

  check_consistent (sim);
  check_consistent (other);
  g_assert_true (nines_simulation_is_az (sim));
  g_assert_cmpfloat (nines_simulation_get_data_lost_gb (sim), ==, 0);
  /* db's primary (first AZ) is use1-az1: two minutes of failover */
  g_assert_cmpfloat (nines_simulation_get_minute (sim, AT)->serving, ==, 0);
  g_assert_cmpfloat (nines_simulation_get_minute (sim, AT + 1)->serving, ==, 0);
  g_assert_cmpfloat_with_epsilon (nines_simulation_get_minute (sim, AT + 2)->serving, 2.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (nines_simulation_get_downtime_minutes (sim), boot_min, 1e-9);
  /* use1-az4 holds only web instances and the load balancer: two thirds serve */
  g_assert_cmpfloat_with_epsilon (nines_simulation_get_minute (other, AT)->serving, 2.0 / 3.0, 1e-9);
  g_assert_cmpfloat (nines_simulation_get_requests_failed (other), <, nines_simulation_get_requests_failed (sim));

  /* An AZ of the recovery region: the warm standby loses capacity but serves nobody yet;
   * in multi-site the region's half of the traffic feels it. */
  {
    g_autoptr(NinesSimulation) standby = simulate (doc, NINES_DR_PATTERN_WARM_STANDBY, "cac1-az1", NULL);
    g_autoptr(NinesSimulation) active = simulate (doc, NINES_DR_PATTERN_MULTI_SITE, "cac1-az2", NULL);

    check_consistent (standby);
    g_assert_cmpfloat (nines_simulation_get_requests_failed (standby), ==, 0);
    g_assert_cmpfloat_with_epsilon (nines_simulation_get_minute (active, AT)->serving, 1 - 0.5 / 3, 1e-9);
  }
}

/* Failing the recovery region hurts multi-site only (its half), and an unknown target is
 * an error. */
static void
test_other_targets (void)
{
  g_autoptr(NinesDocument) doc = nines_test_load_example_named ("ledger-api");
  g_autoptr(NinesSimulation) ms = simulate (doc, NINES_DR_PATTERN_MULTI_SITE, "eu-central-1", NULL);
  g_autoptr(NinesSimulation) ws = simulate (doc, NINES_DR_PATTERN_WARM_STANDBY, "eu-central-1", NULL);
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, NINES_DR_PATTERN_MULTI_SITE);
  g_autoptr(NinesRecovery) rec = nines_recovery_new (dep);
  g_autoptr(GError) error = NULL;
  NinesSimulation *bad;

  check_consistent (ms);
  check_consistent (ws);
  g_assert_cmpfloat (nines_simulation_get_minute (ms, AT)->serving, ==, 0.5);
  g_assert_cmpfloat (nines_simulation_get_requests_failed (ws), ==, 0);

  bad = nines_simulation_new (rec, "ap-south-1", AT, 0, NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID);
}

/* A failure time or outage length that cannot be simulated is refused; an outage as long
 * as the horizon allows gives totals that are the sums of its minutes. */
static void
test_bounds (void)
{
  g_autoptr(NinesDocument) doc = nines_test_load_example_named ("storefront");
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, NINES_DR_PATTERN_NONE);
  g_autoptr(NinesRecovery) rec = nines_recovery_new (dep);
  g_autoptr(NinesSimulation) longest = NULL;
  const double bad_durations[] = { NAN, INFINITY, 1e12, 31 * 24 * 60 };
  const guint bad_at[] = { 31 * 24 * 60, G_MAXINT, G_MAXUINT };

  for (guint i = 0; i < G_N_ELEMENTS (bad_durations); i++)
    {
      g_autoptr(GError) error = NULL;
      NinesSimulation *sim = nines_simulation_new (rec, "us-east-1", AT, bad_durations[i], NULL, &error);

      g_test_message ("duration %g", bad_durations[i]);
      g_assert_null (sim);
      g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_at); i++)
    {
      g_autoptr(GError) error = NULL;
      NinesSimulation *sim = nines_simulation_new (rec, "us-east-1", bad_at[i], 0, NULL, &error);

      g_test_message ("at %u", bad_at[i]);
      g_assert_null (sim);
      g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID);
    }

  longest = nines_simulation_new (rec, "us-east-1", AT, 31 * 24 * 60 - AT - 6, NULL, NULL);
  g_assert_nonnull (longest);
  check_consistent (longest);
  g_assert_cmpfloat (nines_simulation_get_downtime_minutes (longest), ==, 31 * 24 * 60 - AT - 6);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/simulation/region", test_region);
  g_test_add_func ("/nines/model/simulation/warm-standby-degraded", test_warm_standby_degraded);
  g_test_add_func ("/nines/model/simulation/cost", test_cost);
  g_test_add_func ("/nines/model/simulation/az", test_az);
  g_test_add_func ("/nines/model/simulation/other-targets", test_other_targets);
  g_test_add_func ("/nines/model/simulation/bounds", test_bounds);
  return g_test_run ();
}
