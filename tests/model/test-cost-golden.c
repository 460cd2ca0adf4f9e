/* test-cost-golden.c: Nines' line items against Infracost's expected tables
 * (pricing-sources/infracost-golden/<case>.golden with <case>.usage.yml; Infracost's AWS
 * Price List database, mostly us-east-1). For each case whose resources Nines models, the
 * equivalent design is built and its lines compared to the cent with the golden "Monthly
 * Cost" column. Where Nines differs, the test asserts the difference and says why.
 *
 * Not compared, and why:
 * - elb_test (Classic Load Balancer), autoscaling_group_test's launch configurations and
 *   instance_test's dedicated hosts, CPU credits, detailed monitoring and EBS-optimized
 *   surcharges: not kinds or dimensions Nines models.
 * - backup_vault_test: its .tf (and so its region) was not copied; its prices (EBS $0.055,
 *   DynamoDB $0.11 per GB-month) are not us-east-1's ($0.05, $0.10 in
 *   processed/backup.json), so the case cannot be rebuilt.
 * - data_transfer_test's internet egress and intra-region lines: Nines bills internet
 *   egress only through CloudFront, and no intra-region transfer; its inter-region lines
 *   are compared below.
 * - rds_cluster_test's serverless, backtrack and export lines: not modeled.
 * Prices that come from the golden files themselves (EBS in us-east-1, see
 * data/pricing/cited/ebs-us-east-1.json) are compared too but prove only the import. */
#include "config.h"

#include "nines-test-cost.h"

#define I(v) g_variant_new_int64 (v)
#define D(v) g_variant_new_double (v)
#define B(v) g_variant_new_boolean (v)
#define S(v) g_variant_new_string (v)

static void
expect (NinesCostEstimate *est,
        const char        *item,
        const char        *usage,
        double             tier_start,
        double             golden_usd,
        const char        *golden_row)
{
  const NinesCostLine *l = nines_test_cost_find (est, NINES_COST_STEADY, item, usage, tier_start);

  if (l == NULL)
    g_error ("%s: no line %s (tier from %g) for golden row \"%s\"", item, usage, tier_start, golden_row);
  g_assert_false (l->missing);
  if (nines_test_cents (l->monthly_usd) != golden_usd)
    g_error ("%s %s: Nines $%.2f, golden \"%s\" $%.2f", item, usage, l->monthly_usd, golden_row, golden_usd);
}

static NinesCostEstimate *
estimate (NinesDocument *doc)
{
  g_autoptr(NinesDeployment) dep = nines_test_cost_design (doc);
  return nines_cost_model_estimate (dep, NULL);
}

/* nat_gateway_test: aws_nat_gateway.nat_withUsage, monthly_data_processed_gb 100 */
static void
test_nat_gateway (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesCostEstimate) est = NULL;

  nines_test_cost_component (doc, "nat", "nat-gateway", "us-east-1", 1, "gb_processed", D (100), NULL);
  est = estimate (doc);
  expect (est, "nat", "nat:hours", 0, 32.85, "NAT gateway 730 hours $32.85");
  expect (est, "nat", "nat:gb", 0, 4.50, "Data processed 100 GB $4.50");
}

/* lb_test: aws_lb.alb1_usage and aws_lb.nlb1_usage, 1.3698 LCU each */
static void
test_lb (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesCostEstimate) est = NULL;

  nines_test_cost_component (doc, "alb", "alb", "us-east-1", 2, "lcu", D (1.3698), NULL);
  nines_test_cost_component (doc, "nlb", "nlb", "us-east-1", 2, "nlcu", D (1.3698), NULL);
  est = estimate (doc);
  expect (est, "alb", "alb:hours", 0, 16.43, "Application load balancer 730 hours $16.43");
  expect (est, "alb", "alb:lcu", 0, 8.00, "Load balancer capacity units 1.3698 LCU $8.00");
  expect (est, "nlb", "nlb:hours", 0, 16.43, "Network load balancer 730 hours $16.43");
  expect (est, "nlb", "nlb:nlcu", 0, 6.00, "Load balancer capacity units 1.3698 LCU $6.00");
}

/* route53_zone_test, route53_record_test (my_record_withUsage: 1.1 B standard and 1.2 B
 * latency queries), route53_health_check_test */
static void
test_route53 (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesCostEstimate) est = NULL;
  const NinesCostLine *l;

  nines_test_cost_component (doc, "zone", "route53", NULL, 0, "hosted_zones", I (1), "queries_millions", D (0), NULL);
  nines_test_cost_component (doc, "std", "route53", NULL, 0, "hosted_zones", I (0), "queries_millions", D (1100),
                             "routing_policy", S ("simple"), NULL);
  nines_test_cost_component (doc, "lat", "route53", NULL, 0, "hosted_zones", I (0), "queries_millions", D (1200),
                             "routing_policy", S ("latency"), NULL);
  nines_test_cost_component (doc, "hc", "route53", NULL, 0, "hosted_zones", I (0), "queries_millions", D (0),
                             "health_checks", I (1), NULL);
  est = estimate (doc);
  expect (est, "zone", "hosted-zone", 0, 0.50, "Hosted zone 1 months $0.50");
  expect (est, "std", "queries:standard", 0, 400.00, "Standard queries (first 1B) $400.00");
  expect (est, "std", "queries:standard", 1e9, 20.00, "Standard queries (over 1B) $20.00");
  expect (est, "lat", "queries:latency", 0, 600.00, "Latency based routing queries (first 1B) $600.00");
  expect (est, "lat", "queries:latency", 1e9, 60.00, "Latency based routing queries (over 1B) $60.00");

  /* Deviation: golden "aws_route53_health_check.simple: Health check 1 months $0.50".
   * The Price List (raw/route53.json) gives AWS-endpoint health checks two rates on one
   * SKU: URRRFRNVRT3XZBG6…ZRBZXHZTV5 "Basic Health checks up to 50 AWS" at $0 and
   * …HVPRRUAXWE at $0.50 from the 51st. Nines applies the tiers; Infracost bills every
   * check at $0.50. The 51st check costs what the golden file charges. */
  l = nines_test_cost_line (est, NINES_COST_STEADY, "hc", "health-check:aws", 0);
  g_assert_nonnull (l);
  g_assert_cmpfloat (l->monthly_usd, ==, 0);
  g_assert_cmpfloat (l->tier_end, ==, 50);

  /* Infracost prices each resource alone; Nines applies tiers to the deployment's total
   * per region (as AWS bills an account), so in one design "hc" and 51 more checks would
   * share the 50 free ones. The 51-check resource is a design of its own here. */
  {
    g_autoptr(NinesDocument) doc51 = nines_test_cost_document ("us-east-1", NULL);
    g_autoptr(NinesCostEstimate) est51 = NULL;

    nines_test_cost_component (doc51, "hc51", "route53", NULL, 0, "hosted_zones", I (0), "queries_millions", D (0),
                               "health_checks", I (51), NULL);
    est51 = estimate (doc51);
    expect (est51, "hc51", "health-check:aws", 50, 0.50, "Health check 1 months $0.50 (the 51st)");
  }
}

/* s3_bucket_test: aws_s3_bucket.bucket_withUsage, one storage class per block */
static void
test_s3 (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesCostEstimate) est = NULL;

  nines_test_cost_component (doc, "std", "s3", "us-east-1", 0, "storage_class", S ("STANDARD"), "storage_gb", D (10000),
                             "put_requests_k", D (10), "get_requests_k", D (10), NULL);
  nines_test_cost_component (doc, "it", "s3", "us-east-1", 0, "storage_class", S ("INTELLIGENT_TIERING"), "storage_gb", D (20000),
                             "put_requests_k", D (20), "get_requests_k", D (20), NULL);
  nines_test_cost_component (doc, "ia", "s3", "us-east-1", 0, "storage_class", S ("STANDARD_IA"), "storage_gb", D (30000),
                             "put_requests_k", D (30), "get_requests_k", D (30), NULL);
  nines_test_cost_component (doc, "oz", "s3", "us-east-1", 0, "storage_class", S ("ONEZONE_IA"), "storage_gb", D (40000),
                             "put_requests_k", D (40), "get_requests_k", D (40), NULL);
  est = estimate (doc);
  expect (est, "std", "storage:STANDARD", 0, 230.00, "Standard Storage 10,000 GB $230.00");
  expect (est, "std", "requests-put:STANDARD", 0, 0.05, "PUT, COPY, POST, LIST requests 10 1k $0.05");
  expect (est, "std", "requests-get:STANDARD", 0, 0.00, "GET, SELECT, and all other requests 10 1k $0.00");
  expect (est, "it", "storage:INTELLIGENT_TIERING", 0, 460.00, "Storage (frequent access) 20,000 GB $460.00");
  expect (est, "it", "requests-put:INTELLIGENT_TIERING", 0, 0.10, "PUT … 20 1k $0.10");
  expect (est, "it", "requests-get:INTELLIGENT_TIERING", 0, 0.01, "GET … 20 1k $0.01");
  expect (est, "ia", "storage:STANDARD_IA", 0, 375.00, "Standard - infrequent access Storage 30,000 GB $375.00");
  expect (est, "ia", "requests-put:STANDARD_IA", 0, 0.30, "PUT … 30 1k $0.30");
  expect (est, "ia", "requests-get:STANDARD_IA", 0, 0.03, "GET … 30 1k $0.03");
  expect (est, "oz", "storage:ONEZONE_IA", 0, 400.00, "One zone - infrequent access Storage 40,000 GB $400.00");
  expect (est, "oz", "requests-put:ONEZONE_IA", 0, 0.40, "PUT … 40 1k $0.40");
  expect (est, "oz", "requests-get:ONEZONE_IA", 0, 0.04, "GET … 40 1k $0.04");
}

/* dynamodb_table_test: my_dynamodb_table_usage (on demand, global table in us-east-2
 * and us-west-1) and my_dynamodb_table (provisioned 20 WCU / 30 RCU, same replicas) */
static void
test_dynamodb (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesCostEstimate) est = NULL;
  const char *replicas[] = { "us-east-2", "us-west-1" };
  const double rwru[] = { 1.88, 2.09 }, rwcu[] = { 9.49, 10.59 };
  const NinesCostLine *l;

  nines_test_cost_component (doc, "od", "dynamodb", "us-east-1", 0, "capacity_mode", S ("on-demand"),
                             "write_millions", D (3), "read_millions", D (8), "storage_gb", D (230), "pitr", B (TRUE), NULL);
  nines_test_cost_component (doc, "prov", "dynamodb", "us-east-1", 0, "capacity_mode", S ("provisioned"),
                             "wcu", I (20), "rcu", I (30), "storage_gb", D (0), "pitr", B (FALSE), NULL);
  dep = nines_test_cost_design (doc);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *od = g_strdup_printf ("od@%s", replicas[i]);
      g_autofree char *prov = g_strdup_printf ("prov@%s", replicas[i]);
      NinesReplication *r;

      r = _nines_deployment_add_replication (dep, "od", od, NINES_REPLICATION_DDB_GLOBAL, "us-east-1", replicas[i]);
      r->requests_per_month = 3e6;
      _nines_deployment_add_replication (dep, "prov", prov, NINES_REPLICATION_DDB_GLOBAL, "us-east-1", replicas[i]);
    }
  est = nines_cost_model_estimate (dep, NULL);
  expect (est, "od", "ondemand-write", 0, 1.88, "Write request unit (WRU) 3,000,000 $1.88");
  expect (est, "od", "ondemand-read", 0, 1.00, "Read request unit (RRU) 8,000,000 $1.00");
  expect (est, "od", "storage", 0, 57.50, "Data storage 230 GB $57.50");
  expect (est, "prov", "provisioned-wcu", 0, 9.49, "Write capacity unit (WCU) 20 $9.49");
  expect (est, "prov", "provisioned-rcu", 0, 2.85, "Read capacity unit (RCU) 30 $2.85");
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *od = g_strdup_printf ("od@%s", replicas[i]);
      g_autofree char *prov = g_strdup_printf ("prov@%s", replicas[i]);

      expect (est, od, "ondemand-replicated-write", 0, rwru[i], "Global table: Replicated write request unit");
      expect (est, prov, "provisioned-replicated-wcu", 0, rwcu[i], "Global table: Replicated write capacity unit 20");
    }
  /* Deviation: golden "PITR backup storage 2,300 GB $460.00" comes from a usage file
   * value (2,300 GB) that Nines has no parameter for: Nines sizes continuous backups at
   * the table's size. Same unit price ($0.20/GB-month), so 230 GB → $46.00. */
  l = nines_test_cost_line (est, NINES_COST_STEADY, "od", "pitr-storage", 0);
  g_assert_cmpfloat_with_epsilon (l->unit_usd, 460.00 / 2300, 1e-12);
  g_assert_cmpfloat (nines_test_cents (l->monthly_usd), ==, 46.00);
}

/* db_instance_test: mysql-multi-az (db.t3.large, gp2 30 GB) and mysql-iops (single-AZ,
 * io1 100 GB, 1,000 GB of additional backup storage) */
static void
test_db_instance (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesCostEstimate) est = NULL;

  nines_test_cost_component (doc, "maz", "rds", "us-east-1", 2, "engine", S ("mysql"), "instance_class", S ("db.t3.large"),
                             "multi_az", B (TRUE), "storage_type", S ("gp2"), "storage_gb", I (30),
                             "write_gb_per_day", D (100), "backup_retention_days", I (10), NULL);
  nines_test_cost_component (doc, "iops", "rds", "us-east-1", 1, "engine", S ("mysql"), "instance_class", S ("db.t3.large"),
                             "multi_az", B (FALSE), "storage_type", S ("io1"), "storage_gb", I (100),
                             "write_gb_per_day", D (0), NULL);
  est = estimate (doc);
  expect (est, "maz", "instance:mysql:db.t3.large:multi-az", 0, 198.56, "Database instance (on-demand, Multi-AZ, db.t3.large) $198.56");
  expect (est, "maz", "storage:gp2:multi-az", 0, 6.90, "Storage (general purpose SSD, gp2) 30 GB $6.90");
  /* 100 GB of changes a day kept 10 days: the golden's 1,000 GB of additional backup. */
  expect (est, "maz", "backup-storage", 0, 95.00, "Additional backup storage 1,000 GB $95.00");
  expect (est, "iops", "instance:mysql:db.t3.large:single-az", 0, 99.28, "Database instance (on-demand, Single-AZ, db.t3.large) $99.28");
  expect (est, "iops", "storage:io1:single-az", 0, 12.50, "Storage (provisioned IOPS SSD, io1) 100 GB $12.50");
}

/* rds_cluster_test (storage 100 GB, 10 writes + 10 reads a second = 52.56 M I/Os) and
 * rds_cluster_instance_test (cluster_instance db.r4.large, extended_support db.t3.large) */
static void
test_aurora (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesCostEstimate) est = NULL;

  nines_test_cost_component (doc, "r4", "aurora", "us-east-1", 2, "engine", S ("aurora-mysql"),
                             "instance_class", S ("db.r4.large"), "readers", I (0), "storage_gb", I (100),
                             "io_millions", D (52.56), NULL);
  nines_test_cost_component (doc, "t3", "aurora", "us-east-1", 2, "engine", S ("aurora-postgresql"),
                             "instance_class", S ("db.t3.large"), "readers", I (0), "storage_gb", I (0),
                             "io_millions", D (0), NULL);
  est = estimate (doc);
  expect (est, "r4", "aurora-instance:aurora-mysql:db.r4.large", 0, 211.70, "Database instance (on-demand, db.r4.large) $211.70");
  expect (est, "r4", "aurora-storage", 0, 10.00, "Storage 100 GB $10.00");
  expect (est, "r4", "aurora-io", 0, 10.51, "I/O requests 52.56 1M $10.51");
  expect (est, "t3", "aurora-instance:aurora-postgresql:db.t3.large", 0, 119.72, "Database instance (on-demand, db.t3.large) $119.72");
}

/* instance_test: instance1 (m3.medium), instance2_ebsOptimized (r3.xlarge),
 * t3_unlimited_cpuCredits (t3.medium), with gp2 root volumes */
static void
test_instances (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesCostEstimate) est = NULL;

  nines_test_cost_component (doc, "m3", "ec2-asg", "us-east-1", 1, "instance_type", S ("m3.medium"), "min", I (1),
                             "desired", I (1), "ebs_gb", I (10), "ebs_type", S ("gp2"), NULL);
  nines_test_cost_component (doc, "r3", "ec2-asg", "us-east-1", 1, "instance_type", S ("r3.xlarge"), "min", I (1),
                             "desired", I (1), "ebs_gb", I (8), "ebs_type", S ("gp2"), NULL);
  nines_test_cost_component (doc, "t3", "ci-server", "us-east-1", 1, "instance_type", S ("t3.medium"), "ebs_gb", I (40), NULL);
  est = estimate (doc);
  expect (est, "m3", "instance:m3.medium", 0, 48.91, "Instance usage (Linux/UNIX, on-demand, m3.medium) $48.91");
  expect (est, "r3", "instance:r3.xlarge", 0, 243.09, "Instance usage (Linux/UNIX, on-demand, r3.xlarge) $243.09");
  expect (est, "t3", "instance:t3.medium", 0, 30.37, "Instance usage (Linux/UNIX, on-demand, t3.medium) $30.37");
  /* Cited from ebs_volume_test / instance_test themselves (import check only). */
  expect (est, "m3", "ebs:gp2", 0, 1.00, "Storage (general purpose SSD, gp2) 10 GB $1.00");
  expect (est, "r3", "ebs:gp2", 0, 0.80, "root_block_device gp2 8 GB $0.80");
  expect (est, "t3", "ebs:gp3", 0, 3.20, "ebs_volume_test gp3 40 GB $3.20");
}

/* cloudfront_distribution_test: s3_distribution_with_usage, "US, Mexico, Canada" block */
static void
test_cloudfront (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesCostEstimate) est = NULL;
  const double gb = 10240 + 40960 + 102400 + 358400 + 536576 + 4194304 + 7097120.0;
  struct { double start, usd; const char *row; } tiers[] = {
    { 0, 870.40, "first 10TB 10,240 GB $870.40" },
    { 10240, 3276.80, "next 40TB 40,960 GB $3,276.80" },
    { 51200, 6144.00, "next 100TB 102,400 GB $6,144.00" },
    { 153600, 14336.00, "next 350TB 358,400 GB $14,336.00" },
    { 512000, 16097.28, "next 524TB 536,576 GB $16,097.28" },
    { 1048576, 104857.60, "next 4PB 4,194,304 GB $104,857.60" },
    { 5242880, 141942.40, "over 5PB 7,097,120 GB $141,942.40" },
  };

  nines_test_cost_component (doc, "cdn", "cloudfront", NULL, 0, "gb_out", D (gb), "requests_millions", D (0.1234), NULL);
  est = estimate (doc);
  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    expect (est, "cdn", "transfer-out:United States", tiers[i].start, tiers[i].usd, tiers[i].row);
  expect (est, "cdn", "requests-https:United States", 0, 0.12, "HTTPS requests 12.34 10k $0.12");
}

/* data_transfer_test: "Outbound data transfer to other regions 750 GB" from sa-east-1,
 * af-south-1 and ap-northeast-2, as a replication leaving each region. */
static void
test_data_transfer (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-1", NULL);
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesCostEstimate) est = NULL;
  struct { const char *from; double usd; } rows[] = {
    { "sa-east-1", 103.50 }, { "af-south-1", 110.25 }, { "ap-northeast-2", 60.00 },
  };

  nines_test_cost_component (doc, "db", "rds", "us-east-1", 1, NULL);
  dep = nines_test_cost_design (doc);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *target = g_strdup_printf ("from-%s", rows[i].from);
      NinesReplication *r = _nines_deployment_add_replication (dep, "db", target, NINES_REPLICATION_RDS_REPLICA,
                                                               rows[i].from, "us-east-1");
      r->gb_per_month = 750;
    }
  est = nines_cost_model_estimate (dep, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *target = g_strdup_printf ("from-%s", rows[i].from);
      expect (est, target, "inter-region-out:us-east-1", 0, rows[i].usd, "Outbound data transfer to other regions 750 GB");
    }
}

/* ebs_snapshot_copy_test: aws_ebs_snapshot_copy.gp2, 10 GB kept → $0.50 (cited price). */
static void
test_snapshot_copy (void)
{
  g_autoptr(NinesDocument) doc = nines_test_cost_document ("us-east-2", NULL);
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesCostEstimate) est = NULL;
  NinesReplication *r;

  nines_test_cost_component (doc, "web", "ec2-asg", "us-east-2", 1, "desired", I (0), NULL);
  dep = nines_test_cost_design (doc);
  r = _nines_deployment_add_replication (dep, "web", "web@us-east-1", NINES_REPLICATION_AMI_COPY, "us-east-2", "us-east-1");
  r->stored_gb = 10;
  est = nines_cost_model_estimate (dep, NULL);
  expect (est, "web@us-east-1", "ebs-snapshot", 0, 0.50, "EBS snapshot storage 10 GB $0.50");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/cost/golden/nat-gateway", test_nat_gateway);
  g_test_add_func ("/nines/model/cost/golden/lb", test_lb);
  g_test_add_func ("/nines/model/cost/golden/route53", test_route53);
  g_test_add_func ("/nines/model/cost/golden/s3-bucket", test_s3);
  g_test_add_func ("/nines/model/cost/golden/dynamodb-table", test_dynamodb);
  g_test_add_func ("/nines/model/cost/golden/db-instance", test_db_instance);
  g_test_add_func ("/nines/model/cost/golden/rds-cluster", test_aurora);
  g_test_add_func ("/nines/model/cost/golden/instance", test_instances);
  g_test_add_func ("/nines/model/cost/golden/cloudfront", test_cloudfront);
  g_test_add_func ("/nines/model/cost/golden/data-transfer", test_data_transfer);
  g_test_add_func ("/nines/model/cost/golden/ebs-snapshot-copy", test_snapshot_copy);
  return g_test_run ();
}
