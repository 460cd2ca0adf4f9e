/* test-cost-dr.c: what the DR patterns bill, on the shipped price snapshot: backups kept
 * in the source region, traffic shared by multi-site, the failed region while failed over */
#include "config.h"

#include <string.h>

#include "nines-test-cost.h"

#define I(v) g_variant_new_int64 (v)
#define D(v) g_variant_new_double (v)
#define S(v) g_variant_new_string (v)

/* The steady line of @item_id with @usage billed in @region, or NULL. */
static const NinesCostLine *
find_in (NinesCostEstimate *est,
         NinesCostState     state,
         const char        *item_id,
         const char        *usage,
         const char        *region)
{
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
    {
      const NinesCostLine *x = nines_cost_estimate_get_line (est, i);

      if (x->state == state && g_str_equal (x->item_id, item_id) && g_str_equal (x->usage, usage) &&
          g_str_equal (x->region, region))
        return x;
    }
  return NULL;
}

static NinesCostEstimate *
estimate (NinesDocument  *doc,
          NinesDrPattern  pattern)
{
  g_autoptr(NinesDeployment) dep = NULL;

  nines_document_set_dr (doc, pattern, "ca-central-1");
  dep = nines_deployment_new (doc, pattern);
  return nines_cost_model_estimate (dep, NULL);
}

/* Backup & restore keeps the backups in the primary region too, not only the copies:
 * DynamoDB's full backups (AWS Backup warm storage) for the plan's retention, Aurora's
 * snapshots beyond one free cluster volume. */
static void
test_backups_in_source_region (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", "ca-central-1");
  g_autoptr(NinesCostEstimate) est = NULL;
  const NinesCostLine *l;
  double interval_h = nines_document_get_knob_double (doc, "backup_interval_hours");
  double retention_d = nines_document_get_knob_double (doc, "backup_retention_days");
  double kept = retention_d * 24.0 / interval_h;
  /* Aurora: 40 M write I/Os of 4 KB a month = 160 GB of changes, 160/30 a day. */
  double aurora_change = 40e6 * 4.0 / 1e6 / 30.0 * interval_h / 24.0;

  nines_test_cost_component (doc, "table", "dynamodb", "us-east-1", 0, "storage_gb", D (25), NULL);
  nines_test_cost_component (doc, "db", "aurora", "us-east-1", 2, "storage_gb", D (100),
                             "write_io_millions", D (40), NULL);
  est = estimate (doc, NINES_DR_PATTERN_BACKUP_RESTORE);

  l = find_in (est, NINES_COST_STEADY, "table@ca-central-1", "warm-storage:DDB", "us-east-1");
  g_assert_nonnull (l);
  g_assert_cmpfloat_with_epsilon (l->quantity, 25 * kept, 1e-9);
  /* The copies in the recovery region are still there. */
  g_assert_nonnull (find_in (est, NINES_COST_STEADY, "table@ca-central-1", "warm-storage:DDB", "ca-central-1"));

  l = find_in (est, NINES_COST_STEADY, "db@ca-central-1", "aurora-backup-storage", "us-east-1");
  g_assert_nonnull (l);
  g_assert_cmpfloat_with_epsilon (l->quantity, aurora_change * kept, 1e-6);
}

/* The quantity of @usage billed for @item_id in @state (all tiers, any region). */
static double
quantity (NinesCostEstimate *est,
          NinesCostState     state,
          const char        *item_id,
          const char        *usage)
{
  double q = 0;

  for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
    {
      const NinesCostLine *x = nines_cost_estimate_get_line (est, i);

      if (x->state == state && g_str_equal (x->item_id, item_id) && g_str_equal (x->usage, usage))
        q += x->quantity;
    }
  return q;
}

/* Multi-site shares the traffic: usage-billed dimensions split by the knob
 * multi_site_primary_share, hours stay whole in both regions, and the survivor takes it
 * all when failed over. Warm standby's standby serves nothing until failover. */
static void
test_multi_site_shares_usage (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", "ca-central-1");
  g_autoptr(NinesCostEstimate) ms = NULL;
  g_autoptr(NinesCostEstimate) ws = NULL;
  const double share = 0.7;

  nines_test_cost_component (doc, "api", "lambda", "us-east-1", 0, "requests_millions", D (100), NULL);
  nines_test_cost_component (doc, "lb", "alb", "us-east-1", 2, "lcu", D (10), NULL);
  nines_test_cost_component (doc, "q", "sqs", "us-east-1", 0, "requests_millions", D (50), NULL);
  nines_test_cost_component (doc, "nat", "nat-gateway", "us-east-1", 2, "gb_processed", D (1000), NULL);
  nines_document_set_knob (doc, "multi_site_primary_share", D (share));
  ms = estimate (doc, NINES_DR_PATTERN_MULTI_SITE);

  g_assert_cmpfloat_with_epsilon (quantity (ms, NINES_COST_STEADY, "api", "requests:arm64"), share * 100e6, 1e-3);
  g_assert_cmpfloat_with_epsilon (quantity (ms, NINES_COST_STEADY, "api@ca-central-1", "requests:arm64"),
                                  (1 - share) * 100e6, 1e-3);
  g_assert_cmpfloat_with_epsilon (quantity (ms, NINES_COST_STEADY, "q", "requests:standard")
                                  + quantity (ms, NINES_COST_STEADY, "q@ca-central-1", "requests:standard"),
                                  50e6, 1e-3);
  g_assert_cmpfloat_with_epsilon (quantity (ms, NINES_COST_STEADY, "lb", "alb:lcu")
                                  + quantity (ms, NINES_COST_STEADY, "lb@ca-central-1", "alb:lcu"),
                                  10 * 730, 1e-6);
  g_assert_cmpfloat_with_epsilon (quantity (ms, NINES_COST_STEADY, "nat@ca-central-1", "nat:gb"),
                                  (1 - share) * 1000, 1e-6);
  /* Fixed dimensions are per region. */
  g_assert_cmpfloat_with_epsilon (quantity (ms, NINES_COST_STEADY, "lb", "alb:hours"), 730, 1e-9);
  g_assert_cmpfloat_with_epsilon (quantity (ms, NINES_COST_STEADY, "lb@ca-central-1", "alb:hours"), 730, 1e-9);
  /* Failed over: the survivor serves everything. */
  g_assert_cmpfloat_with_epsilon (quantity (ms, NINES_COST_FAILOVER, "api@ca-central-1", "requests:arm64"), 100e6, 1e-3);
  g_assert_cmpfloat_with_epsilon (quantity (ms, NINES_COST_FAILOVER, "lb@ca-central-1", "alb:lcu"), 10 * 730, 1e-6);

  ws = estimate (doc, NINES_DR_PATTERN_WARM_STANDBY);
  g_assert_cmpfloat (quantity (ws, NINES_COST_STEADY, "api", "requests:arm64"), ==, 100e6);
  g_assert_cmpfloat (quantity (ws, NINES_COST_STEADY, "api@ca-central-1", "requests:arm64"), ==, 0);
  g_assert_cmpfloat (quantity (ws, NINES_COST_STEADY, "lb@ca-central-1", "alb:lcu"), ==, 0);
  g_assert_cmpfloat (quantity (ws, NINES_COST_STEADY, "nat@ca-central-1", "nat:gb"), ==, 0);
  g_assert_cmpfloat_with_epsilon (quantity (ws, NINES_COST_FAILOVER, "api@ca-central-1", "requests:arm64"), 100e6, 1e-3);
  g_assert_cmpfloat_with_epsilon (quantity (ws, NINES_COST_FAILOVER, "nat@ca-central-1", "nat:gb"), 1000, 1e-6);
}

/* Failed over, the failed region keeps billing what exists there (hours, storage) with
 * a note saying so, and no usage: it serves no traffic. Without DR nothing changes. */
static void
test_failed_region (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", "ca-central-1");
  g_autoptr(NinesCostEstimate) ws = NULL;
  g_autoptr(NinesCostEstimate) none = NULL;
  const NinesCostLine *l;

  nines_test_cost_component (doc, "api", "lambda", "us-east-1", 0, "requests_millions", D (100), NULL);
  nines_test_cost_component (doc, "lb", "alb", "us-east-1", 2, "lcu", D (10), NULL);
  nines_test_cost_component (doc, "bucket", "s3", "us-east-1", 0, "storage_gb", D (100),
                             "get_requests_k", D (1000), NULL);
  ws = estimate (doc, NINES_DR_PATTERN_WARM_STANDBY);

  g_assert_cmpfloat (quantity (ws, NINES_COST_FAILOVER, "api", "requests:arm64"), ==, 0);
  g_assert_cmpfloat (quantity (ws, NINES_COST_FAILOVER, "lb", "alb:lcu"), ==, 0);
  g_assert_cmpfloat (quantity (ws, NINES_COST_FAILOVER, "bucket", "requests-get:STANDARD"), ==, 0);
  l = nines_test_cost_line (ws, NINES_COST_FAILOVER, "lb", "alb:hours", 0);
  g_assert_cmpfloat (l->quantity, ==, 730);
  g_assert_nonnull (l->note);
  g_assert_nonnull (strstr (l->note, "failed region"));
  l = nines_test_cost_line (ws, NINES_COST_FAILOVER, "bucket", "storage:STANDARD", 0);
  g_assert_cmpfloat (l->quantity, ==, 100);
  g_assert_nonnull (strstr (l->note, "failed region"));
  /* The survivor takes the traffic. */
  g_assert_cmpfloat_with_epsilon (quantity (ws, NINES_COST_FAILOVER, "api@ca-central-1", "requests:arm64"), 100e6, 1e-3);
  /* Steady state is untouched. */
  l = nines_test_cost_line (ws, NINES_COST_STEADY, "lb", "alb:hours", 0);
  g_assert_null (l->note);

  none = estimate (doc, NINES_DR_PATTERN_NONE);
  g_assert_cmpfloat_with_epsilon (quantity (none, NINES_COST_FAILOVER, "api", "requests:arm64"), 100e6, 1e-3);
}

/* Tiers apply per account and region, not per component: two 40 TB buckets share the
 * first 50 TB of S3 Standard, two zones with 30 health checks each share the 50 free
 * ones; each component keeps its lines, with its share of each tier. */
static void
test_tiers_per_region (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesCostEstimate) est = NULL;
  const NinesCostLine *l;
  NinesCostTotal total;
  double sum = 0;

  nines_test_cost_component (doc, "a", "s3", "us-east-1", 0, "storage_gb", D (40960), "put_requests_k", D (0),
                             "get_requests_k", D (0), NULL);
  nines_test_cost_component (doc, "b", "s3", "us-east-1", 0, "storage_gb", D (40960), "put_requests_k", D (0),
                             "get_requests_k", D (0), NULL);
  nines_test_cost_component (doc, "z1", "route53", NULL, 0, "hosted_zones", I (0), "queries_millions", D (0),
                             "health_checks", I (30), NULL);
  nines_test_cost_component (doc, "z2", "route53", NULL, 0, "hosted_zones", I (0), "queries_millions", D (0),
                             "health_checks", I (30), NULL);
  dep = nines_deployment_new (doc, NINES_DR_PATTERN_NONE);
  est = nines_cost_model_estimate (dep, NULL);

  /* 81,920 GB in all: 51,200 in the first tier, 30,720 in the next; half each. */
  for (guint k = 0; k < 2; k++)
    {
      const char *id = k == 0 ? "a" : "b";

      l = nines_test_cost_line (est, NINES_COST_STEADY, id, "storage:STANDARD", 0);
      g_assert_cmpfloat_with_epsilon (l->quantity, 25600, 1e-6);
      g_assert_cmpfloat (l->tier_end, ==, 51200);
      l = nines_test_cost_line (est, NINES_COST_STEADY, id, "storage:STANDARD", 51200);
      g_assert_cmpfloat_with_epsilon (l->quantity, 15360, 1e-6);
      g_assert_cmpfloat (l->unit_usd, <, nines_test_cost_line (est, NINES_COST_STEADY, id, "storage:STANDARD", 0)->unit_usd);
    }
  /* 60 checks: 50 free, 10 billed, shared 5 and 5. */
  for (guint k = 0; k < 2; k++)
    {
      const char *id = k == 0 ? "z1" : "z2";

      l = nines_test_cost_line (est, NINES_COST_STEADY, id, "health-check:aws", 50);
      g_assert_cmpfloat_with_epsilon (l->quantity, 5, 1e-9);
      sum += l->monthly_usd;
    }
  g_assert_cmpfloat_with_epsilon (sum, 10 * l->unit_usd, 1e-9);
  /* The totals add the lines. */
  nines_cost_estimate_get_total (est, NINES_COST_STEADY, &total);
  g_assert_cmpfloat_with_epsilon (total.list_usd, nines_test_cost_sum (est, NINES_COST_STEADY, NULL, NULL), 1e-6);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/cost-dr/backups-in-source-region", test_backups_in_source_region);
  g_test_add_func ("/nines/model/cost-dr/multi-site-shares-usage", test_multi_site_shares_usage);
  g_test_add_func ("/nines/model/cost-dr/failed-region", test_failed_region);
  g_test_add_func ("/nines/model/cost-dr/tiers-per-region", test_tiers_per_region);
  return g_test_run ();
}
