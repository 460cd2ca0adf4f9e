/* test-cost-model.c: pricing every kind, tiers, overrides, discount, missing prices,
 * the two states and replication, on hand-made deployments and on the examples */
#include "config.h"

#include "nines-test-cost.h"
#include "nines-test-examples.h"

#define I(v) g_variant_new_int64 (v)
#define D(v) g_variant_new_double (v)
#define B(v) g_variant_new_boolean (v)
#define S(v) g_variant_new_string (v)

/* A small snapshot with round numbers, so the expectations are plain arithmetic. */
static NinesPriceSnapshot *
fixture_prices (void)
{
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  guint src = nines_price_builder_add_source (b, "fixture.json", "2025-01-02", "test");

  nines_price_builder_add (b, src, "AmazonEC2", "us-east-1", "instance:m6i.large", "Hrs", 0.1, 0, INFINITY, "EC2.A.B", NULL);
  nines_price_builder_add (b, src, "AmazonEC2", "ca-central-1", "instance:m6i.large", "Hrs", 0.2, 0, INFINITY, "EC2.C.D", NULL);
  nines_price_builder_add (b, src, "AmazonEC2", "us-east-1", "ebs:gp3", "GB-Mo", 0.08, 0, INFINITY, NULL, NULL);
  nines_price_builder_add (b, src, "AmazonS3", "us-east-1", "storage:STANDARD", "GB-Mo", 0.023, 0, 51200, "S3.T.1", NULL);
  nines_price_builder_add (b, src, "AmazonS3", "us-east-1", "storage:STANDARD", "GB-Mo", 0.022, 51200, 512000, "S3.T.2", NULL);
  nines_price_builder_add (b, src, "AmazonS3", "us-east-1", "storage:STANDARD", "GB-Mo", 0.021, 512000, INFINITY, "S3.T.3", NULL);
  nines_price_builder_add (b, src, "AmazonS3", "ca-central-1", "storage:STANDARD", "GB-Mo", 0.025, 0, INFINITY, NULL, NULL);
  nines_price_builder_add (b, src, "AmazonS3", "ca-central-1", "requests-put:STANDARD", "Requests", 5e-6, 0, INFINITY, NULL, NULL);
  nines_price_builder_add (b, src, "AWSDataTransfer", "us-east-1", "inter-region-out:ca-central-1", "GB", 0.02, 0, INFINITY, NULL, NULL);
  nines_price_builder_add (b, src, "AmazonDynamoDB", "ca-central-1", "ondemand-replicated-write", "ReplicatedWriteRequestUnits", 1e-6, 0, INFINITY, NULL, NULL);
  nines_price_builder_add (b, src, "AmazonRDS", "ca-central-1", "aurora-global-write-io:aurora-postgresql", "IOs", 2e-7, 0, INFINITY, NULL, NULL);
  nines_price_builder_add (b, src, "AmazonRDS", "ca-central-1", "backup-storage", "GB-Mo", 0.1, 0, INFINITY, NULL, NULL);
  nines_price_builder_add (b, src, "AmazonRoute53", "global", "hosted-zone", "HostedZone", 0.5, 0, 25, NULL, NULL);
  nines_price_builder_add (b, src, "AmazonRoute53", "global", "hosted-zone", "HostedZone", 0.1, 25, INFINITY, NULL, NULL);
  return nines_price_builder_to_snapshot (b);
}

static void
test_tiers (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesPriceSnapshot) prices = fixture_prices ();
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesCostEstimate) est = NULL;
  const NinesCostLine *l;

  nines_test_cost_component (doc, "big", "s3", "us-east-1", 0, "storage_gb", D (600 * 1024.0),
                             "put_requests_k", D (0), "get_requests_k", D (0), NULL);
  nines_test_cost_component (doc, "dns", "route53", NULL, 0, "hosted_zones", I (30), "queries_millions", D (0), NULL);
  dep = nines_test_cost_design (doc);
  est = nines_cost_model_estimate (dep, prices);

  /* 600 TB: 50 TB at the first tier, 450 TB at the second, 100 TB at the third. */
  l = nines_test_cost_line (est, NINES_COST_STEADY, "big", "storage:STANDARD", 0);
  g_assert_nonnull (l);
  g_assert_cmpfloat (l->quantity, ==, 51200);
  g_assert_cmpfloat_with_epsilon (l->monthly_usd, 51200 * 0.023, 1e-6);
  g_assert_cmpstr (l->rate_code, ==, "S3.T.1");
  l = nines_test_cost_line (est, NINES_COST_STEADY, "big", "storage:STANDARD", 51200);
  g_assert_cmpfloat (l->quantity, ==, 460800);
  g_assert_cmpstr (l->rate_code, ==, "S3.T.2");
  l = nines_test_cost_line (est, NINES_COST_STEADY, "big", "storage:STANDARD", 512000);
  g_assert_cmpfloat (l->quantity, ==, 102400);
  g_assert_cmpfloat_with_epsilon (nines_test_cost_sum (est, NINES_COST_STEADY, "big", NULL),
                                  51200 * 0.023 + 460800 * 0.022 + 102400 * 0.021, 1e-6);
  /* 30 hosted zones: 25 at $0.50, 5 at $0.10. */
  g_assert_cmpfloat_with_epsilon (nines_test_cost_sum (est, NINES_COST_STEADY, "dns", NULL), 12.5 + 0.5, 1e-9);
  /* A quantity inside the first tier uses it alone. */
  g_assert_null (nines_test_cost_find (est, NINES_COST_STEADY, "dns", "queries:standard", 0));
}

static void
test_override_discount_missing (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesPriceSnapshot) prices = fixture_prices ();
  g_autoptr(NinesCommandStack) stack = NULL;
  g_autoptr(GError) error = NULL;
  NinesCostTotal t;

  nines_test_cost_component (doc, "web", "ec2-asg", "us-east-1", 2, "instance_type", S ("m6i.large"),
                             "min", I (2), "desired", I (2), "ebs_gb", I (10), NULL);
  nines_test_cost_component (doc, "q", "sqs", "us-east-1", 0, "requests_millions", D (5), NULL);

  /* SQS has no price in the fixture: said, never invented; the total is incomplete. */
  {
    g_autoptr(NinesDeployment) dep = nines_test_cost_design (doc);
    g_autoptr(NinesCostEstimate) est = nines_cost_model_estimate (dep, prices);
    const NinesCostLine *l = nines_test_cost_line (est, NINES_COST_STEADY, "q", "requests:standard", 0);

    g_assert_nonnull (l);
    g_assert_true (l->missing);
    g_assert_true (isnan (l->unit_usd));
    g_assert_cmpfloat (l->monthly_usd, ==, 0);
    g_assert_cmpfloat (l->quantity, ==, 5e6);
    g_assert_cmpstr (l->unit, ==, "Requests");
    g_assert_cmpstr (l->region, ==, "us-east-1");
    g_assert_false (nines_cost_estimate_is_complete (est, NINES_COST_STEADY));
    nines_cost_estimate_get_total (est, NINES_COST_STEADY, &t);
    g_assert_cmpuint (t.n_missing, ==, 1);
    /* 2 × 730 h × $0.10 + 20 GB × $0.08 */
    g_assert_cmpfloat_with_epsilon (t.list_usd, 146 + 1.6, 1e-9);
  }

  /* The user enters the missing price and overrides another; a 10 % discount applies. */
  stack = nines_command_stack_new (doc);
  g_assert_true (nines_command_stack_set_price_override (stack, "AWSQueueService", "us-east-1", "requests:standard",
                                                         4e-7, "pricing page 2025", &error));
  g_assert_true (nines_command_stack_set_price_override (stack, "AmazonEC2", "us-east-1", "instance:m6i.large",
                                                         0.05, "EDP quote", &error));
  g_assert_true (nines_command_stack_set_discount (stack, 10, &error));
  g_assert_no_error (error);
  {
    g_autoptr(NinesDeployment) dep = nines_test_cost_design (doc);
    g_autoptr(NinesCostEstimate) est = nines_cost_model_estimate (dep, prices);
    const NinesCostLine *l = nines_test_cost_line (est, NINES_COST_STEADY, "web", "instance:m6i.large", 0);

    g_assert_true (l->override);
    g_assert_cmpstr (l->source, ==, "price override");
    g_assert_cmpstr (l->note, ==, "EDP quote");
    g_assert_cmpfloat_with_epsilon (l->monthly_usd, 1460 * 0.05, 1e-9);
    g_assert_true (nines_cost_estimate_is_complete (est, NINES_COST_STEADY));
    nines_cost_estimate_get_total (est, NINES_COST_STEADY, &t);
    g_assert_cmpfloat_with_epsilon (t.list_usd, 73 + 1.6 + 2, 1e-9);
    g_assert_cmpfloat (t.discount_percent, ==, 10);
    g_assert_cmpfloat_with_epsilon (t.discount_usd, 7.66, 1e-9);
    g_assert_cmpfloat_with_epsilon (t.total_usd, 68.94, 1e-9);
  }
}

/* Steady and failed over: a standby scaled up, a backup copy restored, replication. */
static void
test_states_and_replication (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", "ca-central-1");
  g_autoptr(NinesPriceSnapshot) prices = fixture_prices ();
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesCostEstimate) est = NULL;
  g_autoptr(NinesComponent) small = NULL;
  g_autoptr(NinesComponent) full = NULL;
  NinesComponent *web, *assets, *table, *db;
  NinesReplication *r;
  NinesCostTotal steady, failover;

  web = nines_test_cost_component (doc, "web", "ec2-asg", "us-east-1", 2, "instance_type", S ("m6i.large"),
                                   "desired", I (4), "ebs_gb", I (0), NULL);
  assets = nines_test_cost_component (doc, "assets", "s3", "us-east-1", 0, "storage_gb", D (100),
                                      "put_requests_k", D (0), "get_requests_k", D (0), NULL);
  table = nines_test_cost_component (doc, "table", "dynamodb", "us-east-1", 0, NULL);
  db = nines_test_cost_component (doc, "db", "aurora", "us-east-1", 2, NULL);

  dep = _nines_deployment_new_empty (doc, NINES_DR_PATTERN_WARM_STANDBY);
  _nines_deployment_add_item (dep, "web", "web", NINES_ROLE_PRIMARY, FALSE, "us-east-1", web, web, NULL);
  small = nines_component_new ("web", "ec2-asg", "ca-central-1");
  nines_component_set_param (small, "instance_type", S ("m6i.large"));
  nines_component_set_param (small, "desired", I (1));
  nines_component_set_param (small, "ebs_gb", I (0));
  full = nines_component_copy (small);
  nines_component_set_param (full, "desired", I (4));
  _nines_deployment_add_item (dep, "web@ca-central-1", "web", NINES_ROLE_STANDBY, TRUE, "ca-central-1",
                              small, full, "standby");

  r = _nines_deployment_add_replication (dep, "assets", "assets@ca-central-1", NINES_REPLICATION_S3_CRR,
                                         "us-east-1", "ca-central-1");
  r->gb_per_month = 40;
  r->requests_per_month = 200000;
  r = _nines_deployment_add_replication (dep, "table", "table@ca-central-1", NINES_REPLICATION_DDB_GLOBAL,
                                         "us-east-1", "ca-central-1");
  r->gb_per_month = 10;
  r->requests_per_month = 3e6;
  r = _nines_deployment_add_replication (dep, "db", "db@ca-central-1", NINES_REPLICATION_AURORA_GLOBAL,
                                         "us-east-1", "ca-central-1");
  r->gb_per_month = 0;
  r->requests_per_month = 40e6;
  r = _nines_deployment_add_replication (dep, "db", "db@ca-central-1", NINES_REPLICATION_BACKUP_COPY,
                                         "us-east-1", "ca-central-1");
  r->stored_gb = 0;
  (void) assets; (void) table; (void) db;

  est = nines_cost_model_estimate (dep, prices);
  nines_cost_estimate_get_total (est, NINES_COST_STEADY, &steady);
  nines_cost_estimate_get_total (est, NINES_COST_FAILOVER, &failover);

  /* Steady: primary 4 × 730 × 0.1, standby 1 × 730 × 0.2, replication. */
  g_assert_cmpfloat_with_epsilon (nines_test_cost_sum (est, NINES_COST_STEADY, "web@ca-central-1", "instance:m6i.large"),
                                  146, 1e-9);
  /* CRR: transfer out of us-east-1 and PUTs into the ca-central-1 bucket. */
  {
    const NinesCostLine *l = nines_test_cost_line (est, NINES_COST_STEADY, "assets@ca-central-1",
                                                   "inter-region-out:ca-central-1", 0);
    g_assert_cmpstr (l->region, ==, "us-east-1");
    g_assert_cmpstr (l->kind, ==, "replication");
    g_assert_cmpfloat_with_epsilon (l->monthly_usd, 0.8, 1e-9);
    l = nines_test_cost_line (est, NINES_COST_STEADY, "assets@ca-central-1", "requests-put:STANDARD", 0);
    g_assert_cmpstr (l->region, ==, "ca-central-1");
    g_assert_cmpfloat_with_epsilon (l->monthly_usd, 1.0, 1e-9);
  }
  /* Global tables: replicated writes billed in the replica's region. */
  g_assert_cmpfloat_with_epsilon (nines_test_cost_sum (est, NINES_COST_STEADY, "table@ca-central-1",
                                                       "ondemand-replicated-write"), 3.0, 1e-9);
  /* Aurora global database: replicated write I/Os. */
  g_assert_cmpfloat_with_epsilon (nines_test_cost_sum (est, NINES_COST_STEADY, "db@ca-central-1",
                                                       "aurora-global-write-io:aurora-postgresql"), 8.0, 1e-9);
  /* Failed over: the standby at full size (4 × 730 × 0.2); replication stops. */
  g_assert_cmpfloat_with_epsilon (nines_test_cost_sum (est, NINES_COST_FAILOVER, "web@ca-central-1", NULL), 584, 1e-9);
  g_assert_cmpfloat_with_epsilon (nines_test_cost_sum (est, NINES_COST_FAILOVER, "assets@ca-central-1", NULL), 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (steady.list_usd, 292 + 146 + 0.8 + 1.0 + 0.2 + 3.0 + 8.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (failover.list_usd, 292 + 584, 1e-6);

  /* Grouped by region and by service. */
  {
    const char *key;
    double usd;
    guint n = nines_cost_estimate_get_n_groups (est, NINES_COST_FAILOVER, NINES_COST_BY_REGION);

    g_assert_cmpuint (n, ==, 2);
    nines_cost_estimate_get_group (est, NINES_COST_FAILOVER, NINES_COST_BY_REGION, 0, &key, &usd, NULL);
    g_assert_cmpstr (key, ==, "ca-central-1");
    g_assert_cmpfloat_with_epsilon (usd, 584, 1e-9);
  }
}

/* Every kind of the catalog, drawn with its defaults in us-east-1, has a price for every
 * dimension it bills (us-east-1 has them all, EBS included); in ca-central-1 only EBS is
 * missing (the sources' known gap). */
static void
check_every_kind (const char *region,
                  gboolean    ebs_missing)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  g_autoptr(NinesDocument) doc = nines_test_cost_document (region, NULL);
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesCostEstimate) est = NULL;
  g_autoptr(GHashTable) priced = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < nines_catalog_get_n_kinds (catalog); i++)
    {
      const NinesKindInfo *kind = nines_catalog_get_kind (catalog, i);
      const char *where = kind->placement == NINES_PLACEMENT_GLOBAL ? NULL : region;
      guint azs = kind->placement == NINES_PLACEMENT_ZONAL ? 2 : 0;

      nines_test_cost_component (doc, kind->id, kind->id, where, azs, NULL);
    }
  dep = nines_test_cost_design (doc);
  est = nines_cost_model_estimate (dep, NULL);
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
    {
      const NinesCostLine *l = nines_cost_estimate_get_line (est, i);

      g_hash_table_add (priced, (gpointer) l->kind);
      if (l->missing)
        {
          if (!(ebs_missing && g_str_has_prefix (l->usage, "ebs")))
            g_error ("no price for %s in %s (%s)", l->usage, l->region, l->kind);
          continue;
        }
      g_assert_true (l->monthly_usd > 0 || l->unit_usd == 0);
      g_assert_cmpstr (l->date, !=, "");
      g_assert_cmpstr (l->source, !=, "");
    }
  for (guint i = 0; i < nines_catalog_get_n_kinds (catalog); i++)
    {
      const char *id = nines_catalog_get_kind (catalog, i)->id;
      if (!g_str_equal (id, "vpc") && !g_hash_table_contains (priced, id))
        g_error ("kind %s has no cost line", id);
    }
  g_assert_true (nines_cost_estimate_is_complete (est, NINES_COST_STEADY) != ebs_missing);
}

static void
test_every_kind (void)
{
  check_every_kind ("us-east-1", FALSE);
  check_every_kind ("ca-central-1", TRUE);
}

/* An Aurora Global Database secondary under each pattern, priced like the CloudFormation
 * export builds it: no instance while headless (pilot light), one (warm standby) or the
 * primary's writer + readers (multi-site); after failover the promoted cluster runs a
 * writer and the readers, as the primary did. */
static void
test_aurora_secondary (void)
{
  struct { NinesDrPattern pattern; double steady, failover; } want[] = {
    { NINES_DR_PATTERN_PILOT_LIGHT, 0, 3 },
    { NINES_DR_PATTERN_WARM_STANDBY, 1, 3 },
    { NINES_DR_PATTERN_MULTI_SITE, 3, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", "us-west-2");
      g_autoptr(NinesDeployment) dep = NULL;
      g_autoptr(NinesCostEstimate) est = NULL;
      const char *usage = "aurora-instance:aurora-postgresql:db.r6g.large";

      nines_test_cost_component (doc, "db", "aurora", "us-east-1", 2, "engine", S ("aurora-postgresql"),
                                 "instance_class", S ("db.r6g.large"), "readers", I (2), NULL);
      nines_document_set_dr (doc, want[i].pattern, "us-west-2");
      dep = nines_deployment_new (doc, want[i].pattern);
      est = nines_cost_model_estimate (dep, NULL);

      g_assert_cmpfloat_with_epsilon (nines_test_cost_sum (est, NINES_COST_STEADY, "db", usage), 3 * 730 * 0.26, 1e-6);
      g_test_message ("%s", nines_dr_pattern_to_string (want[i].pattern));
      g_assert_cmpfloat_with_epsilon (nines_test_cost_sum (est, NINES_COST_STEADY, "db@us-west-2", usage),
                                      want[i].steady * 730 * 0.26, 1e-6);
      g_assert_cmpfloat_with_epsilon (nines_test_cost_sum (est, NINES_COST_FAILOVER, "db@us-west-2", usage),
                                      want[i].failover * 730 * 0.26, 1e-6);
    }
}

/* CloudFront bills by the edge location's price region; viewers are taken to be near the
 * primary region. New Zealand shares Australia's ("Australia & New Zealand" on the
 * CloudFront pricing page; AU in the usage report). */
static void
test_cloudfront_edge_region (void)
{
  struct { const char *primary, *edge; } want[] = {
    { "us-east-1", "United States" }, { "ca-central-1", "Canada" }, { "il-central-1", "EU" },
    { "ap-southeast-2", "Australia" }, { "ap-southeast-6", "Australia" },
    { "ap-south-1", "India" }, { "ap-northeast-1", "Japan" }, { "ap-southeast-1", "Asia Pacific" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_autoptr(NinesDocument) doc = nines_test_cost_document (want[i].primary, NULL);
      g_autoptr(NinesDeployment) dep = NULL;
      g_autoptr(NinesCostEstimate) est = NULL;
      g_autofree char *usage = g_strdup_printf ("transfer-out:%s", want[i].edge);

      nines_test_cost_component (doc, "cdn", "cloudfront", NULL, 0, NULL);
      nines_document_set_dr (doc, NINES_DR_PATTERN_NONE, NULL);
      dep = nines_deployment_new (doc, NINES_DR_PATTERN_NONE);
      est = nines_cost_model_estimate (dep, NULL);
      g_test_message ("%s", want[i].primary);
      g_assert_nonnull (nines_test_cost_find (est, NINES_COST_STEADY, "cdn", usage, 0));
    }
}

/* Each example under each pattern: priced, finite, and missing only what the sources lack. */
static void
test_examples (void)
{
  for (guint e = 0; e < nines_test_n_examples (); e++)
    for (NinesDrPattern p = NINES_DR_PATTERN_NONE; p < NINES_N_DR_PATTERNS; p++)
      {
        g_autoptr(NinesDocument) doc = nines_test_load_example (e);
        g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, p);
        g_autoptr(NinesCostEstimate) est = nines_cost_model_estimate (dep, NULL);
        NinesCostTotal steady, failover;

        nines_cost_estimate_get_total (est, NINES_COST_STEADY, &steady);
        nines_cost_estimate_get_total (est, NINES_COST_FAILOVER, &failover);
        g_assert_true (isfinite (steady.total_usd) && steady.total_usd > 0);
        g_assert_true (isfinite (failover.total_usd) && failover.total_usd > 0);
        for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
          {
            const NinesCostLine *l = nines_cost_estimate_get_line (est, i);
            if (l->missing && !g_str_has_prefix (l->usage, "ebs"))
              g_error ("%s/%s: no price for %s in %s", nines_test_example_names[e],
                       nines_dr_pattern_to_string (p), l->usage, l->region);
          }
        /* A pattern adds to the design's cost, never takes away. */
        if (p != NINES_DR_PATTERN_NONE)
          {
            g_autoptr(NinesDeployment) none = nines_deployment_new (doc, NINES_DR_PATTERN_NONE);
            g_autoptr(NinesCostEstimate) base = nines_cost_model_estimate (none, NULL);
            NinesCostTotal b;

            nines_cost_estimate_get_total (base, NINES_COST_STEADY, &b);
            g_assert_cmpfloat (steady.list_usd, >=, b.list_usd);
          }
      }
}

/* Quantities each kind bills, from its parameters (bundled snapshot, us-east-1). */
static void
test_kind_quantities (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", "ca-central-1");
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesCostEstimate) est = NULL;
  g_autoptr(NinesComponent) replica = NULL;
  NinesComponent *aurora;
  struct { const char *item, *usage; double tier, qty; const char *unit; } want[] = {
    /* 2 × 730 h; 2 × 30 GB */
    { "web", "instance:m6i.large", 0, 1460, "Hrs" }, { "web", "ebs:gp3", 0, 60, "GB-Mo" },
    /* one NAT gateway per AZ */
    { "nat", "nat:hours", 0, 3 * 730, "Hrs" }, { "nat", "nat:gb", 0, 250, "GB" },
    /* 3 LCUs all month */
    { "alb", "alb:lcu", 0, 3 * 730, "LCU-Hrs" },
    /* Multi-AZ instance; 4 GB/day kept 7 days of backup beyond the free allowance */
    { "db", "instance:postgres:db.m6g.large:multi-az", 0, 730, "Hrs" },
    { "db", "storage:gp3:multi-az", 0, 200, "GB-Mo" }, { "db", "backup-storage", 0, 28, "GB-Mo" },
    /* writer + 2 readers; I/O in millions */
    { "aurora", "aurora-instance:aurora-postgresql:db.r6g.large", 0, 3 * 730, "Hrs" },
    { "aurora", "aurora-io", 0, 100e6, "IOs" },
    /* a global-database secondary that is not headless runs a writer-to-be and its
     * readers (1 here), and no I/O while idle */
    { "aurora@ca-central-1", "aurora-instance:aurora-postgresql:db.r6g.large", 0, 2 * 730, "Hrs" },
    /* provisioned capacity: units × hours */
    { "ddb", "provisioned-rcu", 0, 100 * 730, "ReadCapacityUnit-Hrs" },
    { "ddb", "provisioned-wcu", 0, 50 * 730, "WriteCapacityUnit-Hrs" },
    { "ddb", "pitr-storage", 0, 25, "GB-Mo" },
    /* latency routing queries; health checks, the first 50 free */
    { "dns", "queries:latency", 0, 10e6, "Queries" }, { "dns", "health-check:aws", 0, 4, "Health-Check" },
    /* edge location of a North American primary region */
    { "cdn", "transfer-out:United States", 0, 500, "GB" },
    /* 10 M requests × 0.12 s × 0.5 GB = 600 000 GB-s */
    { "fn", "duration:arm64", 0, 600000, "GB-Seconds" }, { "fn", "requests:arm64", 0, 10e6, "Requests" },
    { "queue", "requests:fifo", 0, 10e6, "Requests" },
    { "cache", "node:Valkey:cache.m6g.large", 0, 2 * 730, "Hrs" },
    { "files", "storage:one-zone", 0, 100, "GB-Mo" },
    /* GuardDuty flow logs: 600 GB = 500 in the first tier, 100 in the next */
    { "gd", "flow-log-gb", 0, 500, "GB" }, { "gd", "flow-log-gb", 500, 100, "GB" },
    { "gd", "cloudtrail-events", 0, 5e6, "Events" },
    { "ci", "instance:m6i.xlarge", 0, 730, "Hrs" }, { "ci", "ebs:gp3", 0, 200, "GB-Mo" },
  };

  nines_test_cost_component (doc, "web", "ec2-asg", "us-east-1", 2, NULL);
  nines_test_cost_component (doc, "nat", "nat-gateway", "us-east-1", 3, "gb_processed", D (250), NULL);
  nines_test_cost_component (doc, "alb", "alb", "us-east-1", 2, "lcu", D (3), NULL);
  nines_test_cost_component (doc, "db", "rds", "us-east-1", 2, "storage_gb", I (200), "write_gb_per_day", D (4), NULL);
  aurora = nines_test_cost_component (doc, "aurora", "aurora", "us-east-1", 2, "readers", I (2), NULL);
  nines_test_cost_component (doc, "ddb", "dynamodb", "us-east-1", 0, "capacity_mode", S ("provisioned"),
                             "rcu", I (100), "wcu", I (50), NULL);
  nines_test_cost_component (doc, "dns", "route53", NULL, 0, "routing_policy", S ("latency"), "health_checks", I (4), NULL);
  nines_test_cost_component (doc, "cdn", "cloudfront", NULL, 0, NULL);
  nines_test_cost_component (doc, "fn", "lambda", "us-east-1", 0, NULL);
  nines_test_cost_component (doc, "queue", "sqs", "us-east-1", 0, "fifo", B (TRUE), NULL);
  nines_test_cost_component (doc, "cache", "elasticache", "us-east-1", 2, "engine", S ("valkey"), NULL);
  nines_test_cost_component (doc, "files", "efs", "us-east-1", 0, "storage_class", S ("one-zone"), NULL);
  nines_test_cost_component (doc, "gd", "guardduty", "us-east-1", 0, "flow_log_gb", D (600), NULL);
  nines_test_cost_component (doc, "ci", "ci-server", "us-east-1", 1, NULL);
  dep = nines_test_cost_design (doc);
  replica = nines_component_copy (aurora);
  nines_component_set_param (replica, "readers", I (1));
  _nines_deployment_add_item (dep, "aurora@ca-central-1", "aurora", NINES_ROLE_REPLICA, TRUE, "us-east-1",
                              replica, replica, "secondary");
  est = nines_cost_model_estimate (dep, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const NinesCostLine *l = nines_test_cost_line (est, NINES_COST_STEADY, want[i].item, want[i].usage, want[i].tier);

      g_assert_cmpfloat_with_epsilon (l->quantity, want[i].qty, 1e-6);
      g_assert_cmpstr (l->unit, ==, want[i].unit);
      g_assert_false (l->missing);
      g_assert_cmpfloat_with_epsilon (l->monthly_usd, l->quantity * l->unit_usd, 1e-9);
    }
  g_assert_null (nines_test_cost_find (est, NINES_COST_STEADY, "aurora@ca-central-1", "aurora-io", 0));
  /* Failed over, the secondary serves: its I/O bills. */
  nines_test_cost_line (est, NINES_COST_FAILOVER, "aurora@ca-central-1", "aurora-io", 0);
  /* The VPC bills nothing by itself. */
  g_assert_true (nines_cost_estimate_is_complete (est, NINES_COST_STEADY));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/cost/tiers", test_tiers);
  g_test_add_func ("/nines/model/cost/override-discount-missing", test_override_discount_missing);
  g_test_add_func ("/nines/model/cost/states-and-replication", test_states_and_replication);
  g_test_add_func ("/nines/model/cost/every-kind", test_every_kind);
  g_test_add_func ("/nines/model/cost/aurora-secondary", test_aurora_secondary);
  g_test_add_func ("/nines/model/cost/cloudfront-edge-region", test_cloudfront_edge_region);
  g_test_add_func ("/nines/model/cost/kind-quantities", test_kind_quantities);
  g_test_add_func ("/nines/model/cost/examples", test_examples);
  return g_test_run ();
}
