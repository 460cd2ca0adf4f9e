/* nines-cost-rules.c: what each kind of component bills, and what replication bills.
 *
 * Quantities are per month; hourly resources run NINES_HOURS_PER_MONTH (730) hours.
 * Usage dimensions are the ones the importers store (nines-price-import-*.c). Sources of
 * the billing rules are the AWS pricing pages of each service; the assumptions a design
 * cannot express are stated in the line's note. */
#define G_LOG_DOMAIN "nines-cost-model"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-cost-private.h"

#define H NINES_HOURS_PER_MONTH

/* Parameters, tolerant of kinds without them (the catalog gives defaults). */
static double
num (NinesComponent *c,
     const char     *name)
{
  NinesParamValue v;

  /* Decoded values: a pricing pass reads tens of thousands of them. */
  if (!_nines_component_read_param (c, name, &v))
    return 0;
  switch (v.cls)
    {
    case G_VARIANT_CLASS_INT64:
    case G_VARIANT_CLASS_DOUBLE: return v.number;
    case G_VARIANT_CLASS_BOOLEAN: return v.i;
    default: return 0;
    }
}

static const char *
str (NinesComponent *c,
     const char     *name,
     const char     *otherwise)
{
  NinesParamValue v;

  if (_nines_component_read_param (c, name, &v) && v.cls == G_VARIANT_CLASS_STRING)
    return v.string;
  return otherwise;
}

/* A live replica in steady state receives its data through replication (priced there);
 * it stores the data but serves no traffic until failover. */
static gboolean
is_idle_replica (NinesCostCtx *ctx)
{
  return ctx->item && ctx->item->role == NINES_ROLE_REPLICA && ctx->state == NINES_COST_STEADY;
}

#define ADD(service, usage, unit, what, qty, note) \
  _nines_cost_add (ctx, service, ctx->region, usage, unit, what, qty, note)
/* A usage-billed dimension: scaled by the share of the traffic this item serves (see
 * _nines_cost_usage_share), with a note saying so when it is not all of it. */
#define SHARE_NOTE(note) (ctx->usage_share != 1.0 \
  ? N_("usage × this region's share of the traffic (knob multi_site_primary_share)") : (note))
#define MARK_USAGE(before) \
  G_STMT_START { if (ctx->estimate->n_lines > (before)) { \
    guint last_ = ctx->estimate->n_lines - 1; \
    g_array_append_val (ctx->estimate->usage_lines, last_); } } G_STMT_END
#define USE(service, usage, unit, what, qty, note) \
  G_STMT_START { guint before_ = ctx->estimate->n_lines; \
    _nines_cost_add (ctx, service, ctx->region, usage, unit, what, (qty) * ctx->usage_share, SHARE_NOTE (note)); \
    MARK_USAGE (before_); } G_STMT_END
#define USE2(service, a, b, unit, what, qty, note) \
  G_STMT_START { const char *parts_[] = { a, b, NULL }; guint before_ = ctx->estimate->n_lines; \
    _nines_cost_add_parts (ctx, service, ctx->region, parts_, unit, what, (qty) * ctx->usage_share, \
                           SHARE_NOTE (note)); \
    MARK_USAGE (before_); } G_STMT_END
#define ADD2(service, a, b, unit, what, qty, note) \
  G_STMT_START { const char *parts_[] = { a, b, NULL }; \
    _nines_cost_add_parts (ctx, service, ctx->region, parts_, unit, what, qty, note); } G_STMT_END
#define ADD3(service, a, b, c, unit, what, qty, note) \
  G_STMT_START { const char *parts_[] = { a, b, c, NULL }; \
    _nines_cost_add_parts (ctx, service, ctx->region, parts_, unit, what, qty, note); } G_STMT_END
#define ADD4(service, a, b, c, d, unit, what, qty, note) \
  G_STMT_START { const char *parts_[] = { a, b, c, d, NULL }; \
    _nines_cost_add_parts (ctx, service, ctx->region, parts_, unit, what, qty, note); } G_STMT_END

static void
price_ec2 (NinesCostCtx *ctx,
           double        instances,
           const char   *type,
           double        ebs_gb,
           const char   *ebs_type)
{
  ADD2 ("AmazonEC2", "instance", type, "Hrs", N_("EC2 instance hours (Linux, on demand)"), instances * H, NULL);
  ADD2 ("AmazonEC2", "ebs", ebs_type, "GB-Mo", N_("EBS volume storage"), instances * ebs_gb, NULL);
}

static void
price_rds (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  const char *az = num (c, "multi_az") ? "multi-az" : "single-az";
  double storage = num (c, "storage_gb");
  /* Daily changes kept for the retention period; RDS gives backup storage up to 100% of
   * the provisioned storage in the region at no charge (Amazon RDS pricing, "Backup
   * storage"), so the full snapshot is free and the changes bill. */
  double changes = num (c, "write_gb_per_day") * num (c, "backup_retention_days");

  ADD4 ("AmazonRDS", "instance", str (c, "engine", "postgres"), str (c, "instance_class", ""), az,
        "Hrs", N_("RDS instance hours"), H, NULL);
  ADD3 ("AmazonRDS", "storage", str (c, "storage_type", "gp3"), az, "GB-Mo", N_("RDS storage"), storage, NULL);
  if (!is_idle_replica (ctx))
    ADD ("AmazonRDS", "backup-storage", "GB-Mo", N_("RDS backup storage beyond the free allowance"), changes,
         /* xgettext:no-c-format */
         N_("daily changes × retention days; the first 100% of storage is free"));
}

static void
price_aurora (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  gboolean io_opt = num (c, "io_optimized") != 0;
  const char *engine = str (c, "engine", "aurora-postgresql");
  /* A writer plus the readers, as the CloudFormation export creates them; only a
   * headless secondary (pilot light's global database) runs none until it is promoted. */
  gboolean headless = ctx->item && ctx->item->headless && ctx->state == NINES_COST_STEADY;
  double instances = headless ? 0 : num (c, "readers") + 1;

  ADD3 ("AmazonRDS", io_opt ? "aurora-instance-io-optimized" : "aurora-instance", engine,
        str (c, "instance_class", ""), "Hrs", N_("Aurora instance hours"), instances * H, NULL);
  ADD ("AmazonRDS", io_opt ? "aurora-storage-io-optimized" : "aurora-storage", "GB-Mo",
       N_("Aurora storage"), num (c, "storage_gb"), NULL);
  /* Not split by multi-site's traffic share: the writer in the primary region does the
   * writes, and the secondary cluster's read I/O is not modelled (it serves reads). */
  if (!io_opt && !is_idle_replica (ctx))
    ADD ("AmazonRDS", "aurora-io", "IOs", N_("Aurora I/O requests"), num (c, "io_millions") * 1e6, NULL);
}

static void
price_s3 (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  const char *cls = str (c, "storage_class", "STANDARD");

  /* A replica bucket bills the requests the pattern gives it: none until failover, its
   * share of the traffic in multi-site (replication PUTs are on the replication). */
  ADD2 ("AmazonS3", "storage", cls, "GB-Mo", N_("S3 storage"), num (c, "storage_gb"), NULL);
  USE2 ("AmazonS3", "requests-put", cls, "Requests", N_("S3 PUT, COPY, POST, LIST requests"),
        num (c, "put_requests_k") * 1e3, NULL);
  USE2 ("AmazonS3", "requests-get", cls, "Requests", N_("S3 GET and other requests"),
        num (c, "get_requests_k") * 1e3, NULL);
}

static void
price_dynamodb (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  double storage = num (c, "storage_gb");

  ADD ("AmazonDynamoDB", "storage", "GB-Mo", N_("DynamoDB table storage"), storage,
       N_("the 25 GB free tier is not deducted"));
  if (num (c, "pitr"))
    ADD ("AmazonDynamoDB", "pitr-storage", "GB-Mo", N_("DynamoDB continuous backups (PITR)"), storage, NULL);
  if (g_str_equal (str (c, "capacity_mode", "on-demand"), "provisioned"))
    {
      ADD ("AmazonDynamoDB", "provisioned-rcu", "ReadCapacityUnit-Hrs", N_("DynamoDB read capacity"),
           num (c, "rcu") * H, NULL);
      /* A replica's write capacity is billed as replicated WCUs (on the replication). */
      if (!is_idle_replica (ctx))
        ADD ("AmazonDynamoDB", "provisioned-wcu", "WriteCapacityUnit-Hrs", N_("DynamoDB write capacity"),
             num (c, "wcu") * H, NULL);
      return;
    }
  /* A replica serves the reads the pattern gives it (multi-site: its share). */
  USE ("AmazonDynamoDB", "ondemand-read", "ReadRequestUnits", N_("DynamoDB read request units"),
       num (c, "read_millions") * 1e6, NULL);
  if (is_idle_replica (ctx))
    return;
  /* Every write bills once as a write request unit where it lands and once as a
   * replicated write in the other region (priced on the replication): whichever region
   * takes it, so multi-site's split does not change the count. */
  ADD ("AmazonDynamoDB", "ondemand-write", "WriteRequestUnits", N_("DynamoDB write request units"),
       num (c, "write_millions") * 1e6, NULL);
}

static void
price_route53 (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  const char *policy = str (c, "routing_policy", "simple");
  /* Latency-based queries have their own price; failover and weighted records are
   * standard queries (Amazon Route 53 pricing, "Queries"). */
  const char *queries = g_str_equal (policy, "latency") ? "queries:latency" : "queries:standard";

  ADD ("AmazonRoute53", "hosted-zone", "HostedZone", N_("Route 53 hosted zones"), num (c, "hosted_zones"), NULL);
  ADD ("AmazonRoute53", queries, "Queries", N_("Route 53 queries"), num (c, "queries_millions") * 1e6, NULL);
  ADD ("AmazonRoute53", "health-check:aws", "Health-Check", N_("Route 53 health checks (AWS endpoints)"),
       num (c, "health_checks"), NULL);
}

const char *
_nines_cost_edge_location (const char *region)
{
  /* CloudFront bills by the edge location that serves the viewer; Nines assumes viewers
   * near the primary region. Names as in the pricing page's "Regional DT from X". */
  static const struct { const char *prefix; const char *edge; } map[] = {
    { "us-", "United States" }, { "mx-", "United States" }, { "ca-", "Canada" },
    { "eu-", "EU" }, { "il-", "EU" }, { "sa-", "South America" }, { "me-", "Middle East" },
    { "af-", "South Africa" }, { "ap-northeast-1", "Japan" }, { "ap-northeast-3", "Japan" },
    { "ap-south-", "India" }, { "ap-southeast-2", "Australia" }, { "ap-southeast-4", "Australia" },
    /* New Zealand is in CloudFront's "Australia & New Zealand" price region */
    { "ap-southeast-6", "Australia" }, { "ap-", "Asia Pacific" },
  };

  for (guint i = 0; region && i < G_N_ELEMENTS (map); i++)
    if (g_str_has_prefix (region, map[i].prefix))
      return map[i].edge;
  return "United States";
}

static void
price_cloudfront (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  const char *primary = nines_deployment_get_primary_region (ctx->estimate->deployment);
  const char *edge = _nines_cost_edge_location (primary);

  ADD2 ("AmazonCloudFront", "transfer-out", edge, "GB", N_("CloudFront data transfer out to the internet"),
        num (c, "gb_out"), N_("viewers near the primary region"));
  ADD2 ("AmazonCloudFront", "requests-https", edge, "Requests", N_("CloudFront HTTPS requests"),
        num (c, "requests_millions") * 1e6, NULL);
}

static void
price_elasticache (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  const char *engine = str (c, "engine", "redis");
  const char *label = g_str_equal (engine, "valkey") ? "Valkey"
                    : g_str_equal (engine, "memcached") ? "Memcached" : "Redis";

  ADD3 ("AmazonElastiCache", "node", label, str (c, "node_type", ""), "Hrs", N_("ElastiCache node hours"),
        num (c, "nodes") * H, NULL);
}

static void
price_lambda (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  const char *arch = str (c, "arch", "arm64");
  double requests = num (c, "requests_millions") * 1e6;
  /* Duration is billed in GB-seconds: invocations × seconds × memory in GB (AWS Lambda
   * pricing). The monthly free tier is not deducted. */
  double gb_s = requests * num (c, "duration_ms") / 1000.0 * num (c, "memory_mb") / 1024.0;

  USE2 ("AWSLambda", "requests", arch, "Requests", N_("Lambda requests"), requests, NULL);
  USE2 ("AWSLambda", "duration", arch, "GB-Seconds", N_("Lambda duration"), gb_s,
        N_("the monthly free tier is not deducted"));
}

static void
price_ec2_asg (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  price_ec2 (ctx, num (c, "desired"), str (c, "instance_type", ""), num (c, "ebs_gb"), str (c, "ebs_type", "gp3"));
}

static void
price_ci_server (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  /* The kind has no volume type: gp3, the EC2 default for new volumes. */
  price_ec2 (ctx, 1, str (c, "instance_type", ""), num (c, "ebs_gb"), "gp3");
}

static void
price_alb (NinesCostCtx *ctx)
{
  ADD ("AWSELB", "alb:hours", "Hrs", N_("Application Load Balancer hours"), H, NULL);
  USE ("AWSELB", "alb:lcu", "LCU-Hrs", N_("Load balancer capacity units"), num (ctx->component, "lcu") * H, NULL);
}

static void
price_nlb (NinesCostCtx *ctx)
{
  ADD ("AWSELB", "nlb:hours", "Hrs", N_("Network Load Balancer hours"), H, NULL);
  USE ("AWSELB", "nlb:nlcu", "NLCU-Hrs", N_("Network load balancer capacity units"), num (ctx->component, "nlcu") * H, NULL);
}

static void
price_nat (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  /* One NAT gateway per AZ it serves. */
  double gateways = MAX (1, nines_component_get_n_azs (c));

  ADD ("AmazonEC2", "nat:hours", "Hrs", N_("NAT gateway hours"), gateways * H, NULL);
  USE ("AmazonEC2", "nat:gb", "GB", N_("NAT gateway data processed"), num (c, "gb_processed"), NULL);
}

static void
price_efs (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  ADD2 ("AmazonEFS", "storage", str (c, "storage_class", "standard"), "GB-Mo", N_("EFS storage"),
        num (c, "storage_gb"), NULL);
}

static void
price_sqs (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  USE ("AWSQueueService", num (c, "fifo") ? "requests:fifo" : "requests:standard", "Requests",
       N_("SQS requests"), num (c, "requests_millions") * 1e6, N_("the first million free requests are not deducted"));
}

static void
price_guardduty (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  USE ("AmazonGuardDuty", "cloudtrail-events", "Events", N_("GuardDuty CloudTrail events analysed"),
       num (c, "cloudtrail_events_millions") * 1e6, NULL);
  USE ("AmazonGuardDuty", "flow-log-gb", "GB", N_("GuardDuty VPC flow log and DNS analysis"),
       num (c, "flow_log_gb"), NULL);
}

/* "vpc": VPCs and subnets carry no charge (Amazon VPC pricing); what runs in them
 * (NAT gateways, endpoints) is priced as its own component. */
static void
price_nothing (NinesCostCtx *ctx)
{
}

typedef void (*KindRule) (NinesCostCtx *ctx);

static const struct {
  const char *kind;
  KindRule    rule;
} kind_rules[] = {
  { "ec2-asg", price_ec2_asg }, { "ci-server", price_ci_server }, { "alb", price_alb },
  { "nlb", price_nlb }, { "rds", price_rds }, { "aurora", price_aurora }, { "s3", price_s3 },
  { "dynamodb", price_dynamodb }, { "route53", price_route53 }, { "cloudfront", price_cloudfront },
  { "nat-gateway", price_nat }, { "efs", price_efs }, { "elasticache", price_elasticache },
  { "lambda", price_lambda }, { "sqs", price_sqs }, { "guardduty", price_guardduty },
  { "vpc", price_nothing },
};

/* Kind -> rule, hashed once: a design has thousands of components. */
static KindRule
lookup_kind_rule (const char *kind)
{
  static GHashTable *by_kind;

  if (g_once_init_enter (&by_kind))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (kind_rules); i++)
        g_hash_table_insert (t, (gpointer) kind_rules[i].kind, kind_rules[i].rule);
      g_once_init_leave (&by_kind, t);
    }
  return g_hash_table_lookup (by_kind, kind);
}

typedef struct
{
  KindRule rule;
  gboolean alarms;   /* the kind has an "alarms" parameter */
} KindPlan;

void
_nines_cost_price_component (NinesCostCtx *ctx)
{
  NinesComponent *c = ctx->component;
  const NinesKindInfo *info = nines_component_get_kind_info (c);
  KindPlan *plan;

  if (info == NULL)
    return;   /* a kind the catalog does not know: the loader has already said so */

  /* What to do for a kind is worked out once per kind and estimate (keyed by the
   * catalog's kind record, a pointer): a design has thousands of components. */
  if (!(plan = g_hash_table_lookup (ctx->kind_plans, info)))
    {
      plan = g_new0 (KindPlan, 1);
      plan->rule = lookup_kind_rule (info->id);
      plan->alarms = nines_kind_info_lookup_param (info, "alarms") != NULL;
      g_hash_table_insert (ctx->kind_plans, (gpointer) info, plan);
    }
  if (plan->rule != NULL)
    plan->rule (ctx);
  /* CloudWatch alarms, for a kind that declares some. */
  if (plan->alarms)
    ADD ("AmazonCloudWatch", "alarm:standard", "Alarms", N_("CloudWatch alarms (standard resolution)"),
         num (c, "alarms"), NULL);
}

/* The Backup data-transfer family of the kind a backup copies. */
static const char *
backup_resource (const char *kind)
{
  if (_nines_kind_is (kind, "aurora"))
    return "Aurora";
  if (_nines_kind_is (kind, "dynamodb"))
    return "DDB";
  if (_nines_kind_is (kind, "s3"))
    return "S3";
  if (_nines_kind_is (kind, "efs"))
    return "EFS";
  if (_nines_kind_is (kind, "ec2-asg") || _nines_kind_is (kind, "ci-server"))
    return "EBS";
  return NULL;   /* RDS snapshot copies are billed as inter-region data transfer */
}

void
_nines_cost_price_replication (NinesCostCtx           *ctx,
                               const NinesReplication *r,
                               guint                   index)
{
  NinesComponent *source;
  const NinesDeployedItem *target;
  NinesComponent *dest;
  const char *kind;
  const char *to = r->to_region;

  /* The drawn component it copies and the item receiving it, resolved by the deployment. */
  _nines_deployment_get_replication_ends (ctx->estimate->deployment, index, NULL, &source, &target);
  dest = target ? (target->steady ? target->steady : target->failover) : NULL;
  kind = source ? nines_component_get_kind (source) : "";

  /* The line's item is the copy receiving the data (item_id); its component is the
   * drawn data store the data comes from. */
  ctx->name = source ? nines_component_get_display_name (source) : r->source_id;
  ctx->region = r->from_region;

  switch (r->kind)
    {
    case NINES_REPLICATION_BACKUP_COPY:
      {
        const char *res = backup_resource (kind);

        /* The copies kept in the recovery region (the pattern's stored_gb). RDS and
         * Aurora snapshot copies bill as their snapshot storage there (no free allowance
         * outside the source region); the others as AWS Backup warm storage. */
        ctx->region = to;
        if (_nines_kind_is (kind, "rds"))
          ADD ("AmazonRDS", "backup-storage", "GB-Mo", N_("RDS snapshot copies kept"), r->stored_gb, NULL);
        else if (_nines_kind_is (kind, "aurora"))
          ADD ("AmazonRDS", "aurora-backup-storage", "GB-Mo", N_("Aurora snapshot copies kept"), r->stored_gb, NULL);
        else if (_nines_kind_is (kind, "dynamodb"))
          ADD ("AWSBackup", "warm-storage:DDB", "GB-Mo", N_("AWS Backup copies kept (DynamoDB)"), r->stored_gb, NULL);
        else if (_nines_kind_is (kind, "s3"))
          ADD ("AWSBackup", "warm-storage:S3", "GB-Mo", N_("AWS Backup copies kept (S3)"), r->stored_gb, NULL);
        else
          ADD ("AWSBackup", "warm-storage", "GB-Mo", N_("AWS Backup copies kept"), r->stored_gb, NULL);
        ctx->region = r->from_region;
        /* The backups the plan keeps in the source region (the pattern's source_stored_gb),
         * billed there like the copies: Aurora snapshots beyond the free allowance of one
         * cluster volume ("Amazon Aurora pricing", backup storage: no charge up to 100 % of
         * the cluster's storage in the region); DynamoDB and EFS as AWS Backup warm storage
         * (DynamoDB backups are full, EFS incremental: the pattern's volumes). */
        if (_nines_kind_is (kind, "aurora"))
          ADD ("AmazonRDS", "aurora-backup-storage", "GB-Mo", N_("Aurora snapshots kept in the source region"),
               r->source_stored_gb - (source ? num (source, "storage_gb") : 0),
               N_("snapshots for knob backup_retention_days; the first cluster volume is free"));
        else if (_nines_kind_is (kind, "dynamodb"))
          ADD ("AWSBackup", "warm-storage:DDB", "GB-Mo", N_("AWS Backup backups kept in the source region (DynamoDB)"),
               r->source_stored_gb, N_("full backups every knob backup_interval_hours, kept knob backup_retention_days"));
        else if (_nines_kind_is (kind, "efs"))
          ADD ("AWSBackup", "warm-storage", "GB-Mo", N_("AWS Backup backups kept in the source region (EFS)"),
               r->source_stored_gb, N_("incremental backups every knob backup_interval_hours, kept knob backup_retention_days"));
        if (res)
          ADD3 ("AWSBackup", "copy-transfer", res, to, "GB", N_("AWS Backup cross-region copy transfer"),
                r->gb_per_month, NULL);
        else
          ADD2 ("AWSDataTransfer", "inter-region-out", to, "GB", N_("Snapshot copy: inter-region data transfer"),
                r->gb_per_month, NULL);
      }
      break;

    case NINES_REPLICATION_AMI_COPY:
      ADD2 ("AWSDataTransfer", "inter-region-out", to, "GB", N_("AMI copy: inter-region data transfer"), r->gb_per_month, NULL);
      /* The AMIs' EBS snapshots kept in the recovery region. */
      ctx->region = to;
      ADD ("AmazonEC2", "ebs-snapshot", "GB-Mo", N_("EBS snapshots of the AMI copies kept"), r->stored_gb, NULL);
      break;

    case NINES_REPLICATION_RDS_REPLICA:
    case NINES_REPLICATION_EFS:
      ADD2 ("AWSDataTransfer", "inter-region-out", to, "GB", N_("Inter-region data transfer"), r->gb_per_month, NULL);
      break;

    case NINES_REPLICATION_S3_CRR:
      ADD2 ("AWSDataTransfer", "inter-region-out", to, "GB", N_("S3 replication: inter-region data transfer"),
            r->gb_per_month, NULL);
      /* Replicated objects are PUTs into the destination bucket, at its class's price. */
      ctx->region = to;
      ADD2 ("AmazonS3", "requests-put", dest ? str (dest, "storage_class", "STANDARD") : "STANDARD", "Requests",
            N_("S3 replication PUT requests"), r->requests_per_month, NULL);
      break;

    case NINES_REPLICATION_AURORA_GLOBAL:
      ADD2 ("AWSDataTransfer", "inter-region-out", to, "GB", N_("Aurora global database: inter-region data transfer"),
            r->gb_per_month, NULL);
      /* Replicated write I/Os are billed for each secondary region, at its price. */
      ctx->region = to;
      ADD2 ("AmazonRDS", "aurora-global-write-io", source ? str (source, "engine", "aurora-postgresql") : "aurora-postgresql",
            "IOs", N_("Aurora global database replicated write I/Os"), r->requests_per_month, NULL);
      break;

    case NINES_REPLICATION_DDB_GLOBAL:
      ADD2 ("AWSDataTransfer", "inter-region-out", to, "GB", N_("DynamoDB global table: inter-region data transfer"),
            r->gb_per_month, NULL);
      ctx->region = to;
      if (source && g_str_equal (str (source, "capacity_mode", "on-demand"), "provisioned"))
        ADD ("AmazonDynamoDB", "provisioned-replicated-wcu", "ReplicatedWriteCapacityUnit-Hrs",
             N_("DynamoDB replicated write capacity"), num (source, "wcu") * H, NULL);
      else
        ADD ("AmazonDynamoDB", "ondemand-replicated-write", "ReplicatedWriteRequestUnits",
             N_("DynamoDB replicated write request units"), r->requests_per_month, NULL);
      break;

    default:
      break;
    }
}
