/* bench-recovery.c: recompute cost + recovery + findings for a large design.
 *
 * Goal (issue 4): 10,000 components in <= 10 ms, and linear: 10x the components in
 * <= 11x the time. Builds a design of N components (a realistic mix of kinds in the
 * primary region, warm standby to a recovery region), then times the recompute a model
 * change triggers: the deployment (pattern transform), its cost estimate, its recovery
 * (timeline, RPO, availability) and its findings. Prints the best of several runs; exits
 * 1 when a goal is missed so ./bench.sh can gate on it. */
#include "config.h"

#include <stdio.h>
#include <nines-model.h>

static const char *kinds[] = { "ec2-asg", "alb", "rds", "s3", "dynamodb", "elasticache",
                               "lambda", "sqs", "aurora", "efs", "nat-gateway", "nlb" };

static NinesDocument *
make_design (guint n)
{
  NinesDocument *doc = nines_document_new ();
  const char *p_azs[] = { "use1-az1", "use1-az2", "use1-az4", NULL };
  const char *r_azs[] = { "cac1-az1", "cac1-az2", "cac1-az4", NULL };
  g_autoptr(NinesRegion) primary = nines_region_new ("us-east-1", p_azs);
  g_autoptr(NinesRegion) recovery = nines_region_new ("ca-central-1", r_azs);
  g_autoptr(NinesComponent) dns = nines_component_new ("dns", "route53", NULL);

  nines_document_set_name (doc, "bench");
  nines_document_add_region (doc, primary);
  nines_document_add_region (doc, recovery);
  nines_document_add_component (doc, dns);
  for (guint i = 1; i < n; i++)
    {
      const char *kind = kinds[i % G_N_ELEMENTS (kinds)];
      g_autofree char *id = g_strdup_printf ("c%05u", i);
      g_autoptr(NinesComponent) c = nines_component_new (id, kind, "us-east-1");
      const NinesKindInfo *info = nines_component_get_kind_info (c);

      if (info->placement == NINES_PLACEMENT_ZONAL)
        nines_component_set_azs (c, p_azs);
      nines_document_add_component (doc, c);
    }
  nines_document_set_dr (doc, NINES_DR_PATTERN_WARM_STANDBY, "ca-central-1");
  return doc;
}

typedef struct
{
  double deployment, cost, recovery, findings, total;
} Times;

/* Best of @runs for each stage and for the whole recompute. */
static Times
recompute (NinesDocument *doc,
           guint          runs)
{
  Times best = { G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE, G_MAXDOUBLE };
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 26, 11, 2026);
  for (guint r = 0; r < runs; r++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, nines_document_get_dr_pattern (doc));
      gint64 t1 = g_get_monotonic_time ();
      g_autoptr(NinesCostEstimate) cost = nines_cost_model_estimate (dep, NULL);
      gint64 t2 = g_get_monotonic_time ();
      g_autoptr(NinesRecovery) rec = nines_recovery_new (dep);
      gint64 t3 = g_get_monotonic_time ();
      g_autoptr(NinesFindings) findings = nines_findings_new (rec, &today);
      gint64 t4 = g_get_monotonic_time ();

      g_assert (nines_cost_estimate_get_n_lines (cost) > 0);
      g_assert (nines_findings_get_n_items (findings) > 0);
      best.deployment = MIN (best.deployment, (t1 - t0) / 1000.0);
      best.cost = MIN (best.cost, (t2 - t1) / 1000.0);
      best.recovery = MIN (best.recovery, (t3 - t2) / 1000.0);
      best.findings = MIN (best.findings, (t4 - t3) / 1000.0);
      best.total = MIN (best.total, (t4 - t0) / 1000.0);
    }
  return best;
}

static void
print_times (guint  n,
             Times *t)
{
  printf ("  %6u components: %8.3f ms  (deployment %.3f, cost %.3f, recovery %.3f, findings %.3f)\n",
          n, t->total, t->deployment, t->cost, t->recovery, t->findings);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(NinesDocument) small = make_design (1000);
  g_autoptr(NinesDocument) large = make_design (10000);
  Times t_small, t_large;
  double ratio;
  gboolean ok;

  recompute (large, 1);   /* warm up: catalog, price snapshot */
  t_small = recompute (small, 20);
  t_large = recompute (large, 10);
  ratio = t_large.total / t_small.total;
  ok = t_large.total <= 10.0 && ratio <= 11.0;
  printf ("recompute (deployment + cost + recovery + findings), warm standby, best of runs:\n");
  print_times (1000, &t_small);
  print_times (10000, &t_large);
  printf ("  goal: 10,000 components <= 10 ms; 10x components -> %.2fx time (goal <= 11x)\n", ratio);
  printf ("%s\n", ok ? "PASS" : "MISS");
  return ok ? 0 : 1;
}
