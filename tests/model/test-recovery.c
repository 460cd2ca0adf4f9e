/* test-recovery.c: RTO timeline, RPO per store and availability on every bundled example */
#include "config.h"

#include <math.h>
#include <nines-model.h>

#include "nines-test-examples.h"

#define MIN_S 60.0
#define HOUR_S 3600.0

static NinesRecovery *
recover (NinesDocument  *doc,
         NinesDrPattern  pattern)
{
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, pattern);
  return nines_recovery_new (dep);
}

/* The timeline is a DAG solved by earliest start; RTO is its longest path, and the marked
 * critical path is a chain from a root to the step that ends last. */
static void
check_timeline (NinesRecovery *rec)
{
  double latest = 0;
  const NinesRecoveryStep *end = NULL;

  g_assert_cmpuint (nines_recovery_get_n_steps (rec), >, 0);
  for (guint i = 0; i < nines_recovery_get_n_steps (rec); i++)
    {
      const NinesRecoveryStep *s = nines_recovery_get_step (rec, i);
      double start = 0;

      g_assert_nonnull (s->source);
      g_assert_cmpuint (strlen (s->source), >, 10);
      g_assert_nonnull (s->label);
      g_assert_cmpfloat (s->duration_s, >=, 0);
      g_assert_true (nines_recovery_lookup_step (rec, s->id) == s);
      for (guint d = 0; d < s->n_deps; d++)
        {
          g_assert_cmpuint (s->deps[d], <, i);
          start = MAX (start, nines_recovery_get_step (rec, s->deps[d])->end_s);
        }
      g_assert_cmpfloat_with_epsilon (s->start_s, start, 1e-9);
      g_assert_cmpfloat_with_epsilon (s->end_s, s->start_s + s->duration_s, 1e-9);
      if (s->end_s >= latest)
        latest = s->end_s, end = s;
    }
  g_assert_cmpfloat_with_epsilon (nines_recovery_get_rto_s (rec), latest, 1e-9);

  /* Walk the critical path back: each critical step has a critical dependency that ends
   * exactly when it starts, down to a root at time 0. */
  g_assert_true (end->critical);
  while (end->n_deps > 0)
    {
      const NinesRecoveryStep *prev = NULL;

      for (guint d = 0; d < end->n_deps; d++)
        {
          const NinesRecoveryStep *dep = nines_recovery_get_step (rec, end->deps[d]);
          if (dep->critical && fabs (dep->end_s - end->start_s) < 1e-9)
            prev = dep;
        }
      g_assert_nonnull (prev);
      end = prev;
    }
  g_assert_cmpfloat (end->start_s, ==, 0);
}

/* Whether a step of @kind is on the critical path of @pattern's recovery. */
static gboolean
critical_step_kind (NinesDocument  *doc,
                    NinesDrPattern  pattern,
                    NinesStepKind   kind)
{
  g_autoptr(NinesRecovery) rec = recover (doc, pattern);

  for (guint i = 0; i < nines_recovery_get_n_steps (rec); i++)
    {
      const NinesRecoveryStep *step = nines_recovery_get_step (rec, i);

      if (step->critical && step->kind == kind)
        return TRUE;
    }
  return FALSE;
}

/* AWS's bands (Disaster Recovery of Workloads on AWS, "Disaster recovery options in the
 * cloud"): backup & restore hours, pilot light tens of minutes, warm standby minutes,
 * multi-site near zero; RTO falls along the patterns. */
static void
test_rto_bands (void)
{
  for (guint e = 0; e < nines_test_n_examples (); e++)
    {
      g_autoptr(NinesDocument) doc = nines_test_load_example (e);
      double rto[NINES_N_DR_PATTERNS];

      for (NinesDrPattern p = NINES_DR_PATTERN_NONE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
        {
          g_autoptr(NinesRecovery) rec = recover (doc, p);

          check_timeline (rec);
          rto[p] = nines_recovery_get_rto_s (rec);
          g_test_message ("%s %s: RTO %.0f s", nines_document_get_name (doc),
                          nines_dr_pattern_to_string (p), rto[p]);
        }
      g_assert_cmpfloat (rto[NINES_DR_PATTERN_NONE], >=,
                         nines_document_get_knob_double (doc, "region_outage_hours") * HOUR_S);
      g_assert_cmpfloat (rto[NINES_DR_PATTERN_BACKUP_RESTORE], >=, 1 * HOUR_S);
      g_assert_cmpfloat (rto[NINES_DR_PATTERN_BACKUP_RESTORE], <, 24 * HOUR_S);
      g_assert_cmpfloat (rto[NINES_DR_PATTERN_PILOT_LIGHT], >=, 10 * MIN_S);
      g_assert_cmpfloat (rto[NINES_DR_PATTERN_PILOT_LIGHT], <, 100 * MIN_S);
      g_assert_cmpfloat (rto[NINES_DR_PATTERN_WARM_STANDBY], >=, 1 * MIN_S);
      g_assert_cmpfloat (rto[NINES_DR_PATTERN_WARM_STANDBY], <=, 30 * MIN_S);
      g_assert_cmpfloat (rto[NINES_DR_PATTERN_MULTI_SITE], <=, 5 * MIN_S);

      g_assert_cmpfloat (rto[NINES_DR_PATTERN_BACKUP_RESTORE], >, rto[NINES_DR_PATTERN_PILOT_LIGHT]);
      g_assert_cmpfloat (rto[NINES_DR_PATTERN_PILOT_LIGHT], >, rto[NINES_DR_PATTERN_WARM_STANDBY]);
      /* Multi-site runs everything at full size, warm standby scales out after failover:
       * multi-site is faster wherever that scale-out is on warm standby's critical path.
       * Where it is not (nothing to scale: the ledger's Lambda and DynamoDB), both wait
       * for the same detection and DNS switch, and recover equally fast. */
      if (critical_step_kind (doc, NINES_DR_PATTERN_WARM_STANDBY, NINES_STEP_COMPUTE))
        g_assert_cmpfloat (rto[NINES_DR_PATTERN_WARM_STANDBY], >, rto[NINES_DR_PATTERN_MULTI_SITE]);
      else
        g_assert_cmpfloat (rto[NINES_DR_PATTERN_WARM_STANDBY], ==, rto[NINES_DR_PATTERN_MULTI_SITE]);
    }
}

/* Detection is the health checks (interval × threshold) when automated, the manual knob
 * otherwise; a knob change moves the RTO by exactly its share of the critical path. */
static void
test_detection_and_knobs (void)
{
  g_autoptr(NinesDocument) doc = nines_test_load_example_named ("newsroom");
  g_autoptr(NinesRecovery) ws = recover (doc, NINES_DR_PATTERN_WARM_STANDBY);
  g_autoptr(NinesRecovery) br = recover (doc, NINES_DR_PATTERN_BACKUP_RESTORE);
  g_autoptr(NinesRecovery) slower = NULL;
  const NinesRecoveryStep *restore;

  g_assert_true (nines_recovery_is_automated (ws));
  g_assert_cmpfloat (nines_recovery_lookup_step (ws, "detect")->duration_s, ==,
                     nines_document_get_knob_double (doc, "health_check_interval_s") *
                     nines_document_get_knob_double (doc, "health_check_threshold"));
  g_assert_null (nines_recovery_lookup_step (ws, "decide"));

  g_assert_false (nines_recovery_is_automated (br));
  g_assert_cmpfloat (nines_recovery_lookup_step (br, "detect")->duration_s, ==,
                     60 * nines_document_get_knob_double (doc, "detection_minutes"));
  g_assert_nonnull (nines_recovery_lookup_step (br, "decide"));

  /* The Aurora restore is size / throughput and on the critical path: halving the
   * throughput adds exactly one more restore duration to the RTO. */
  restore = nines_recovery_lookup_step (br, "data:db");
  g_assert_true (restore->critical);
  g_assert_cmpfloat_with_epsilon (restore->duration_s,
                                  nines_component_get_double (nines_document_lookup_component (doc, "db"), "storage_gb")
                                  * 1024.0 / nines_document_get_knob_double (doc, "restore_mb_per_s"), 1e-6);
  nines_document_set_knob (doc, "restore_mb_per_s",
                           g_variant_new_double (nines_document_get_knob_double (doc, "restore_mb_per_s") / 2));
  slower = recover (doc, NINES_DR_PATTERN_BACKUP_RESTORE);
  g_assert_cmpfloat_with_epsilon (nines_recovery_get_rto_s (slower),
                                  nines_recovery_get_rto_s (br) + restore->duration_s, 1e-6);
}

/* RPO per store from its replication: backup copies lose interval + copy lag, replicas
 * their lag; the workload's RPO is the worst store's. */
static void
test_rpo (void)
{
  for (guint e = 0; e < nines_test_n_examples (); e++)
    {
      g_autoptr(NinesDocument) doc = nines_test_load_example (e);
      double backup_s = 3600 * nines_document_get_knob_double (doc, "backup_interval_hours") +
                        60 * nines_document_get_knob_double (doc, "copy_lag_minutes");

      for (NinesDrPattern p = NINES_DR_PATTERN_NONE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
        {
          g_autoptr(NinesRecovery) rec = recover (doc, p);
          double worst = 0;
          gboolean unbounded = FALSE;

          g_assert_cmpuint (nines_recovery_get_n_stores (rec), >, 0);
          for (guint i = 0; i < nines_recovery_get_n_stores (rec); i++)
            {
              const NinesStoreRpo *s = nines_recovery_get_store (rec, i);
              gboolean database = !g_str_equal (s->kind, "s3") && !g_str_equal (s->kind, "efs");

              g_assert_nonnull (s->source);
              if (p == NINES_DR_PATTERN_NONE)
                {
                  g_assert_cmpfloat (s->rpo_s, <, 0);
                  g_assert_cmpstr (s->mechanism, ==, "none");
                  unbounded = TRUE;
                  continue;
                }
              g_assert_cmpfloat (s->rpo_s, >, 0);
              g_assert_cmpfloat_with_epsilon (s->lost_gb, s->rpo_s * s->write_gb_per_s, 1e-9);
              worst = MAX (worst, s->rpo_s);
              if (p == NINES_DR_PATTERN_BACKUP_RESTORE && database)
                g_assert_cmpfloat (s->rpo_s, ==, backup_s);
              if (p >= NINES_DR_PATTERN_PILOT_LIGHT)
                g_assert_cmpfloat (s->rpo_s, <=, 15 * MIN_S);
              if (p == NINES_DR_PATTERN_MULTI_SITE && database)
                g_assert_cmpfloat (s->rpo_s, <=, 1 * MIN_S);
            }
          if (unbounded)
            g_assert_cmpfloat (nines_recovery_get_rpo_s (rec), <, 0);
          else
            g_assert_cmpfloat (nines_recovery_get_rpo_s (rec), ==, worst);
          if (p == NINES_DR_PATTERN_BACKUP_RESTORE)
            g_assert_cmpfloat (nines_recovery_get_rpo_s (rec), >=, 1 * HOUR_S);
        }
    }
}

/* The seed's us-east-1 examples change DNS by hand in the manual patterns, which needs
 * Route 53's control plane, itself in us-east-1: flagged. Automated failover uses the data
 * plane only; an eu-west-1 workload is not flagged. */
static void
test_control_plane (void)
{
  g_autoptr(NinesDocument) store = nines_test_load_example_named ("storefront");
  g_autoptr(NinesDocument) ledger = nines_test_load_example_named ("ledger-api");
  g_autoptr(NinesRecovery) pl = recover (store, NINES_DR_PATTERN_PILOT_LIGHT);
  g_autoptr(NinesRecovery) ws = recover (store, NINES_DR_PATTERN_WARM_STANDBY);
  g_autoptr(NinesRecovery) none = recover (store, NINES_DR_PATTERN_NONE);
  g_autoptr(NinesRecovery) eu = recover (ledger, NINES_DR_PATTERN_BACKUP_RESTORE);
  const NinesRecoveryStep *traffic = nines_recovery_lookup_step (pl, "traffic");

  g_assert_true (nines_recovery_uses_failed_region (pl));
  g_assert_true (traffic->uses_failed_region);
  g_assert_cmpstr (traffic->control_plane, ==, "us-east-1");
  g_assert_false (nines_recovery_uses_failed_region (ws));
  g_assert_null (nines_recovery_lookup_step (ws, "traffic")->control_plane);
  g_assert_true (nines_recovery_uses_failed_region (none));
  g_assert_false (nines_recovery_uses_failed_region (eu));
}

/* Availability: serial composition of the cited SLAs; DR covers the part of a regional
 * outage after the RTO, so the nines rise along the patterns. */
static void
test_availability (void)
{
  for (guint e = 0; e < nines_test_n_examples (); e++)
    {
      g_autoptr(NinesDocument) doc = nines_test_load_example (e);
      double prev = 0;

      for (NinesDrPattern p = NINES_DR_PATTERN_NONE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
        {
          g_autoptr(NinesRecovery) rec = recover (doc, p);
          const NinesAvailability *a = nines_recovery_get_availability (rec);
          double region = 1, global = 1;
          double d = nines_document_get_knob_double (doc, "region_outage_hours") * HOUR_S;

          g_assert_nonnull (a->method);
          g_assert_cmpuint (a->terms->len, >, 0);
          for (guint i = 0; i < a->terms->len; i++)
            {
              const NinesSlaTerm *t = g_ptr_array_index (a->terms, i);
              NinesComponent *c = nines_document_lookup_component (doc, t->component_id);

              g_assert_nonnull (c);
              g_assert_nonnull (t->source);
              g_assert_cmpfloat (t->sla, >, 0.9);
              g_assert_cmpfloat (t->sla, <=, 1.0);
              if (nines_component_get_region (c) == NULL)
                global *= t->sla;
              else
                region *= t->sla;
            }
          g_assert_cmpfloat_with_epsilon (a->region_availability, region, 1e-12);
          g_assert_cmpfloat_with_epsilon (a->global_availability, global, 1e-12);
          if (p == NINES_DR_PATTERN_NONE)
            g_assert_cmpfloat_with_epsilon (a->availability, global * region, 1e-12);
          else
            g_assert_cmpfloat_with_epsilon (a->covered_fraction,
                                            CLAMP (1 - nines_recovery_get_rto_s (rec) / d, 0, 1), 1e-12);
          g_assert_cmpfloat_with_epsilon (a->downtime_min_per_year, (1 - a->availability) * 525600, 1e-6);
          g_assert_cmpfloat_with_epsilon (a->nines, -log10 (1 - a->availability), 1e-9);
          if (p <= NINES_DR_PATTERN_WARM_STANDBY)
            g_assert_cmpfloat (a->availability, >, prev);
          else
            g_assert_cmpfloat (a->availability, >=, prev);
          prev = a->availability;
        }
    }
}

static void
test_format (void)
{
  g_autofree char *a = nines_format_duration (45);
  g_autofree char *b = nines_format_duration (270);
  g_autofree char *c = nines_format_duration (3 * 3600 + 5 * 60);
  g_autofree char *d = nines_format_duration (-1);

  g_assert_cmpstr (a, ==, "45 s");
  g_assert_cmpstr (b, ==, "4.5 min");
  g_assert_cmpstr (c, ==, "3 h 05 min");
  g_assert_cmpstr (d, ==, "unbounded");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/recovery/rto-bands", test_rto_bands);
  g_test_add_func ("/nines/model/recovery/detection-and-knobs", test_detection_and_knobs);
  g_test_add_func ("/nines/model/recovery/rpo", test_rpo);
  g_test_add_func ("/nines/model/recovery/control-plane", test_control_plane);
  g_test_add_func ("/nines/model/recovery/availability", test_availability);
  g_test_add_func ("/nines/model/recovery/format", test_format);
  return g_test_run ();
}
