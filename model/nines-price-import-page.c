/* nines-price-import-page.c: AWS pricing-page JSON (meteredUnitMaps) and its processed form.
 *
 * Raw form (b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/…): "manifest" (with
 * hawkFilePublicationDate), "sets" (set name -> keys), "regions" (location -> key ->
 * {rateCode, price, attributes…}). Keys are hashes or readable labels.
 * Processed form (aws-price-watcher processed/): label -> "location (Attr: v, …)" -> price;
 * labels may be "[set] alias;alias". Neither form names units or tiers: the rules below
 * give them, from the label, as the pricing pages state them. */
#define G_LOG_DOMAIN "nines-price-import"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-model-private.h"
#include "nines-price-import-private.h"

enum
{
  RULE_REGIONAL = 0,
  RULE_GLOBAL = 1 << 0,  /* priced once for all regions: location "" or "Any" */
  RULE_EDGE = 1 << 1,    /* location is a CloudFront edge location: region global, {edge} */
};

typedef struct
{
  const char *file;      /* the price set's file stem */
  const char *pattern;   /* anchored regex on a label */
  const char *service;
  const char *usage;     /* \1… captures, {Attr} attributes, {to} "To Location" as a code, {edge} */
  const char *unit;
  double      tier_start;
  double      tier_end;
  guint       flags;
} PageRule;

#define INF INFINITY
#define TB 1024.0
/* Tier bounds as the pricing pages give them: S3 Standard "First 50 TB / Next 450 TB /
 * Over 500 TB" per month; CloudFront "First 10 TB … Over 5 PB"; Route 53 "first 25 hosted
 * zones", "first 1 billion queries"; Lambda duration tiers "first 6 billion GB-seconds,
 * next 9 billion, over 15 billion" (x86) and "7.5 / 11.25 / over 18.75 billion" (Arm);
 * SQS "first 100 billion, next 100 billion, over 200 billion requests"; GuardDuty flow
 * logs "first 500 GB, next 2 000, next 7 500, over 10 000". Route 53 health checks: the
 * first 50 for AWS endpoints carry no charge ("Basic Health checks up to 50"). */
static const PageRule rules[] = {
  /* EC2 on-demand Linux (processed/ec2.json) */
  { "ec2", "OnDemand Linux-instancetype-(.+)", "AmazonEC2", "instance:\\1", "Hrs", 0, INF, 0 },
  /* NAT Gateway (meteredUnitMaps ec2/natgateway.json) */
  { "natgateway", "Hourly charge for NAT Gateways", "AmazonEC2", "nat:hours", "Hrs", 0, INF, 0 },
  { "natgateway", "Charge for per GB data processed by NatGateways", "AmazonEC2", "nat:gb", "GB", 0, INF, 0 },
  /* Elastic Load Balancing */
  { "elb", "Application Load Balancer Hours", "AWSELB", "alb:hours", "Hrs", 0, INF, 0 },
  { "elb", "Application Load Balancer LCU Hours", "AWSELB", "alb:lcu", "LCU-Hrs", 0, INF, 0 },
  { "elb", "Network Load Balancer Hours", "AWSELB", "nlb:hours", "Hrs", 0, INF, 0 },
  { "elb", "Network Load Balancer LCU Hours", "AWSELB", "nlb:nlcu", "NLCU-Hrs", 0, INF, 0 },
  { "elb", "Classic Load Balancer Hours", "AWSELB", "clb:hours", "Hrs", 0, INF, 0 },
  { "elb", "Classic Load Balancer Data", "AWSELB", "clb:gb", "GB", 0, INF, 0 },
  /* S3 storage by class (tiered where the page tiers it) */
  { "s3", "Standard Storage First 50 TB per GB Mo", "AmazonS3", "storage:STANDARD", "GB-Mo", 0, 50 * TB, 0 },
  { "s3", "Standard Storage Next 450 TB per GB Mo", "AmazonS3", "storage:STANDARD", "GB-Mo", 50 * TB, 500 * TB, 0 },
  { "s3", "Standard Storage Over 500 TB per GB Mo", "AmazonS3", "storage:STANDARD", "GB-Mo", 500 * TB, INF, 0 },
  { "s3", "Intelligent Tiering Frequent Access First 50 TB per GB Mo", "AmazonS3", "storage:INTELLIGENT_TIERING", "GB-Mo", 0, 50 * TB, 0 },
  { "s3", "Intelligent Tiering Frequent Access Next 450 TB per GB Mo", "AmazonS3", "storage:INTELLIGENT_TIERING", "GB-Mo", 50 * TB, 500 * TB, 0 },
  { "s3", "Intelligent Tiering Frequent Access Over 500 TB per GB Mo", "AmazonS3", "storage:INTELLIGENT_TIERING", "GB-Mo", 500 * TB, INF, 0 },
  { "s3", "Standard Infrequent Access Storage per GB-Mo", "AmazonS3", "storage:STANDARD_IA", "GB-Mo", 0, INF, 0 },
  { "s3", "One Zone Infrequent Access Storage Inf per GB-Mo", "AmazonS3", "storage:ONEZONE_IA", "GB-Mo", 0, INF, 0 },
  { "s3", "Glacier Instant Retrieval Storage", "AmazonS3", "storage:GLACIER_IR", "GB-Mo", 0, INF, 0 },
  { "s3", "PUT COPY/POST or LIST requests per Requests", "AmazonS3", "requests-put:STANDARD", "Requests", 0, INF, 0 },
  { "s3", "GET and all other requests per Requests", "AmazonS3", "requests-get:STANDARD", "Requests", 0, INF, 0 },
  { "s3", "PUT COPY/POST or LIST requests to Intelligent Tiering per Requests", "AmazonS3", "requests-put:INTELLIGENT_TIERING", "Requests", 0, INF, 0 },
  { "s3", "GET and all other requests to Intelligent Tiering per Requests", "AmazonS3", "requests-get:INTELLIGENT_TIERING", "Requests", 0, INF, 0 },
  { "s3", "PUT COPY/POST or LIST requests to Standard Infrequent Access per Requests", "AmazonS3", "requests-put:STANDARD_IA", "Requests", 0, INF, 0 },
  { "s3", "GET and all other requests to Standard Infrequent Access per Requests", "AmazonS3", "requests-get:STANDARD_IA", "Requests", 0, INF, 0 },
  { "s3", "PUT COPY/POST or LIST requests to One Zone Infrequent Access per Requests", "AmazonS3", "requests-put:ONEZONE_IA", "Requests", 0, INF, 0 },
  { "s3", "GET and all other requests to One Zone Infrequent Access per Requests", "AmazonS3", "requests-get:ONEZONE_IA", "Requests", 0, INF, 0 },
  { "s3", "PUT COPY/POST or LIST requests to Glacier Instant Retrieval per Requests", "AmazonS3", "requests-put:GLACIER_IR", "Requests", 0, INF, 0 },
  { "s3", "GET and all other requests to Glacier Instant Retrieval per Requests", "AmazonS3", "requests-get:GLACIER_IR", "Requests", 0, INF, 0 },
  { "s3", "Per object per month monitoring and automation fee for objects in Intelligent Tiering", "AmazonS3", "monitoring:INTELLIGENT_TIERING", "Objects", 0, INF, 0 },
  /* DynamoDB */
  { "dynamodb", "PayPerRequest Read Request Units", "AmazonDynamoDB", "ondemand-read", "ReadRequestUnits", 0, INF, 0 },
  { "dynamodb", "PayPerRequest Write Request Units", "AmazonDynamoDB", "ondemand-write", "WriteRequestUnits", 0, INF, 0 },
  { "dynamodb", "PayPerRequest Replicated Write Request Units", "AmazonDynamoDB", "ondemand-replicated-write", "ReplicatedWriteRequestUnits", 0, INF, 0 },
  { "dynamodb", "Provisioned Read Units", "AmazonDynamoDB", "provisioned-rcu", "ReadCapacityUnit-Hrs", 0, INF, 0 },
  { "dynamodb", "Provisioned Write Units", "AmazonDynamoDB", "provisioned-wcu", "WriteCapacityUnit-Hrs", 0, INF, 0 },
  { "dynamodb", "Provisioned Replicated Write Units", "AmazonDynamoDB", "provisioned-replicated-wcu", "ReplicatedWriteCapacityUnit-Hrs", 0, INF, 0 },
  { "dynamodb", "Data Storage Indexed GB-Mo", "AmazonDynamoDB", "storage", "GB-Mo", 0, INF, 0 },
  { "dynamodb", "PITR Backup Storage GB-Mo", "AmazonDynamoDB", "pitr-storage", "GB-Mo", 0, INF, 0 },
  { "dynamodb", "On-Demand Backup Storage GB-Month", "AmazonDynamoDB", "backup-storage", "GB-Mo", 0, INF, 0 },
  /* Route 53 (global) */
  { "route53", "DNS Zone first 25", "AmazonRoute53", "hosted-zone", "HostedZone", 0, 25, RULE_GLOBAL },
  { "route53", "DNS Zone", "AmazonRoute53", "hosted-zone", "HostedZone", 25, INF, RULE_GLOBAL },
  { "route53", "Query Standard External first 1B", "AmazonRoute53", "queries:standard", "Queries", 0, 1e9, RULE_GLOBAL },
  { "route53", "Query Standard External over 1B", "AmazonRoute53", "queries:standard", "Queries", 1e9, INF, RULE_GLOBAL },
  { "route53", "Query Latency Based Routing External first 1B", "AmazonRoute53", "queries:latency", "Queries", 0, 1e9, RULE_GLOBAL },
  { "route53", "Query Latency Based Routing External over 1B", "AmazonRoute53", "queries:latency", "Queries", 1e9, INF, RULE_GLOBAL },
  { "route53", "Query Geo DNS External first 1B", "AmazonRoute53", "queries:geo", "Queries", 0, 1e9, RULE_GLOBAL },
  { "route53", "Query Geo DNS External over 1B", "AmazonRoute53", "queries:geo", "Queries", 1e9, INF, RULE_GLOBAL },
  { "route53", "Basic Health checks up to 50 AWS per Mo", "AmazonRoute53", "health-check:aws", "Health-Check", 0, 50, RULE_GLOBAL },
  { "route53", "Basic Health checks AWS per Mo", "AmazonRoute53", "health-check:aws", "Health-Check", 50, INF, RULE_GLOBAL },
  { "route53", "Basic Health checks External Non AWS per Mo", "AmazonRoute53", "health-check:external", "Health-Check", 0, INF, RULE_GLOBAL },
  { "route53", "Optional Health Check Features AWS per Mo", "AmazonRoute53", "health-check-features:aws", "Health-Check", 0, INF, RULE_GLOBAL },
  /* CloudFront (edge locations) */
  { "cloudfront", "Regional DT from (.+) to Internet First 10 TB", "AmazonCloudFront", "transfer-out:\\1", "GB", 0, 10 * TB, RULE_GLOBAL },
  { "cloudfront", "Regional DT from (.+) to Internet Next 40 TB", "AmazonCloudFront", "transfer-out:\\1", "GB", 10 * TB, 50 * TB, RULE_GLOBAL },
  { "cloudfront", "Regional DT from (.+) to Internet [Nn]ext 100 TB", "AmazonCloudFront", "transfer-out:\\1", "GB", 50 * TB, 150 * TB, RULE_GLOBAL },
  { "cloudfront", "Regional DT from (.+) to Internet Next 350 TB", "AmazonCloudFront", "transfer-out:\\1", "GB", 150 * TB, 500 * TB, RULE_GLOBAL },
  { "cloudfront", "Regional DT from (.+) to Internet [Nn]ext 524 TB", "AmazonCloudFront", "transfer-out:\\1", "GB", 500 * TB, 1024 * TB, RULE_GLOBAL },
  { "cloudfront", "Regional DT from (.+) to Internet Next 4 PB", "AmazonCloudFront", "transfer-out:\\1", "GB", 1024 * TB, 5120 * TB, RULE_GLOBAL },
  { "cloudfront", "Regional DT from (.+) to Internet Over 5 PB", "AmazonCloudFront", "transfer-out:\\1", "GB", 5120 * TB, INF, RULE_GLOBAL },
  { "cloudfront", "Request HTTPS Methods", "AmazonCloudFront", "requests-https:{edge}", "Requests", 0, INF, RULE_EDGE },
  { "cloudfront", "Request HTTP Methods", "AmazonCloudFront", "requests-http:{edge}", "Requests", 0, INF, RULE_EDGE },
  /* Data transfer */
  { "datatransfer", "DataTransfer InterRegion Outbound to .+", "AWSDataTransfer", "inter-region-out:{to}", "GB", 0, INF, 0 },
  { "datatransfer", "DataTransfer External Outbound (?:Next 10 TB|Next 40 TB|Next 100 TB|Greater than 150 TB)",
    "AWSDataTransfer", "internet-out", "GB", NAN, NAN, 0 },
  /* AWS Backup */
  { "backup", "Backup Storage Warm per GB-month", "AWSBackup", "warm-storage", "GB-Mo", 0, INF, 0 },
  { "backup", "(S3|DDB) Backup Storage Warm per GB-month", "AWSBackup", "warm-storage:\\1", "GB-Mo", 0, INF, 0 },
  { "backup", "Backup Storage Cold per GB-month", "AWSBackup", "cold-storage", "GB-Mo", 0, INF, 0 },
  { "backup", "(EBS|RDS|Aurora|DDB|S3|EFS) AWSBackup-DataTransfer to .+", "AWSBackup", "copy-transfer:\\1:{to}", "GB", 0, INF, 0 },
  { "backup", "RestoreRecoveryPoint Warm per GB", "AWSBackup", "restore", "GB", 0, INF, 0 },
  /* RDS instances (processed rds-{postgresql,mysql}-ondemand.json) */
  { "rds-postgresql-ondemand", "Database Instance PostgreSQL No license required db \\S+ .* Single-AZ (?:Current|Previous) Generation",
    "AmazonRDS", "instance:postgres:{Instance Type}:single-az", "Hrs", 0, INF, 0 },
  { "rds-postgresql-ondemand", "Database Instance PostgreSQL No license required db \\S+ .* Multi-AZ (?:Current|Previous) Generation",
    "AmazonRDS", "instance:postgres:{Instance Type}:multi-az", "Hrs", 0, INF, 0 },
  { "rds-mysql-ondemand", "Database Instance MySQL No license required db \\S+ .* Single-AZ (?:Current|Previous) Generation",
    "AmazonRDS", "instance:mysql:{Instance Type}:single-az", "Hrs", 0, INF, 0 },
  { "rds-mysql-ondemand", "Database Instance MySQL No license required db \\S+ .* Multi-AZ (?:Current|Previous) Generation",
    "AmazonRDS", "instance:mysql:{Instance Type}:multi-az", "Hrs", 0, INF, 0 },
  /* Aurora instances */
  { "rds-aurora-ondemand", "Database Instance Aurora MySQL No license required (?:General purpose|Memory optimized)(?: \\S+)? Single-AZ (?:Current|Previous) Generation",
    "AmazonRDS", "aurora-instance:aurora-mysql:{Instance Type}", "Hrs", 0, INF, 0 },
  { "rds-aurora-ondemand", "Database Instance Aurora PostgreSQL No license required (?:General purpose|Memory optimized)(?: \\S+)? Single-AZ (?:Current|Previous) Generation",
    "AmazonRDS", "aurora-instance:aurora-postgresql:{Instance Type}", "Hrs", 0, INF, 0 },
  { "rds-aurora-ondemand", "Database Instance Aurora MySQL No license required Aurora IO Optimization Mode (?:General purpose|Memory optimized)(?: \\S+)? Single-AZ (?:Current|Previous) Generation",
    "AmazonRDS", "aurora-instance-io-optimized:aurora-mysql:{Instance Type}", "Hrs", 0, INF, 0 },
  { "rds-aurora-ondemand", "Database Instance Aurora PostgreSQL No license required Aurora IO Optimization Mode (?:General purpose|Memory optimized)(?: \\S+)? Single-AZ (?:Current|Previous) Generation",
    "AmazonRDS", "aurora-instance-io-optimized:aurora-postgresql:{Instance Type}", "Hrs", 0, INF, 0 },
  /* RDS storage, snapshots, Aurora storage and I/O */
  { "rds-storage", "Database Storage Single AZ General Purpose-GP3", "AmazonRDS", "storage:gp3:single-az", "GB-Mo", 0, INF, 0 },
  { "rds-storage", "Database Storage Multi AZ General Purpose-GP3", "AmazonRDS", "storage:gp3:multi-az", "GB-Mo", 0, INF, 0 },
  { "rds-storage", "Database Storage Single AZ General Purpose", "AmazonRDS", "storage:gp2:single-az", "GB-Mo", 0, INF, 0 },
  { "rds-storage", "Database Storage Multi AZ General Purpose", "AmazonRDS", "storage:gp2:multi-az", "GB-Mo", 0, INF, 0 },
  { "rds-storage", "Database Storage Single AZ Provisioned IOPS", "AmazonRDS", "storage:io1:single-az", "GB-Mo", 0, INF, 0 },
  { "rds-storage", "Database Storage Multi AZ Provisioned IOPS", "AmazonRDS", "storage:io1:multi-az", "GB-Mo", 0, INF, 0 },
  { "rds-storage", "Database Storage Single AZ Provisioned IOPS-IO2", "AmazonRDS", "storage:io2:single-az", "GB-Mo", 0, INF, 0 },
  { "rds-storage", "Database Storage Multi AZ Provisioned IOPS-IO2", "AmazonRDS", "storage:io2:multi-az", "GB-Mo", 0, INF, 0 },
  { "rds-storage", "Storage Snapshot", "AmazonRDS", "backup-storage", "GB-Mo", 0, INF, 0 },
  { "rds-storage", "Aurora PostgreSQL Aurora Global Database", "AmazonRDS", "aurora-global-write-io:aurora-postgresql", "IOs", 0, INF, 0 },
  { "rds-storage", "Aurora MySQL Global Database", "AmazonRDS", "aurora-global-write-io:aurora-mysql", "IOs", 0, INF, 0 },
  { "rds-aurora-storage", "Database Storage DB Engine Aurora PostgreSQL General Purpose Aurora", "AmazonRDS", "aurora-storage", "GB-Mo", 0, INF, 0 },
  { "rds-aurora-storage", "Any IO Optimized Aurora", "AmazonRDS", "aurora-storage-io-optimized", "GB-Mo", 0, INF, 0 },
  { "rds-aurora-storage", "System Operation Aurora I O Operation", "AmazonRDS", "aurora-io", "IOs", 0, INF, 0 },
  { "rds-aurora-storage", "Storage Snapshot Aurora (PostgreSQL|MySQL)", "AmazonRDS", "aurora-backup-storage", "GB-Mo", 0, INF, 0 },
  /* EFS */
  { "efs", "General Purpose Storage GB Mo", "AmazonEFS", "storage:standard", "GB-Mo", 0, INF, 0 },
  { "efs", "One Zone General Purpose Storage GB Mo", "AmazonEFS", "storage:one-zone", "GB-Mo", 0, INF, 0 },
  /* ElastiCache nodes */
  { "elasticache", "OnDemand Cache Instance .* (Redis|Valkey|Memcached)(?: (?:Previous|Current) Generation)?", "AmazonElastiCache",
    "node:\\1:{Instance Type}", "Hrs", 0, INF, 0 },
  /* Lambda */
  { "lambda", "Lambda Requests", "AWSLambda", "requests:x86_64", "Requests", 0, INF, 0 },
  { "lambda", "Lambda Requests-ARM", "AWSLambda", "requests:arm64", "Requests", 0, INF, 0 },
  { "lambda", "Lambda Duration", "AWSLambda", "duration:x86_64", "GB-Seconds", 0, 6e9, 0 },
  { "lambda", "Lambda Duration Tier2", "AWSLambda", "duration:x86_64", "GB-Seconds", 6e9, 15e9, 0 },
  { "lambda", "Lambda Duration Tier3", "AWSLambda", "duration:x86_64", "GB-Seconds", 15e9, INF, 0 },
  { "lambda", "Lambda Duration-ARM", "AWSLambda", "duration:arm64", "GB-Seconds", 0, 7.5e9, 0 },
  { "lambda", "Lambda Duration-ARM Tier2", "AWSLambda", "duration:arm64", "GB-Seconds", 7.5e9, 18.75e9, 0 },
  { "lambda", "Lambda Duration-ARM Tier3", "AWSLambda", "duration:arm64", "GB-Seconds", 18.75e9, INF, 0 },
  /* SQS */
  { "queueservice", "Standard per Requests", "AWSQueueService", "requests:standard", "Requests", 0, 100e9, 0 },
  { "queueservice", "Standard per Requests Tier2", "AWSQueueService", "requests:standard", "Requests", 100e9, 200e9, 0 },
  { "queueservice", "Standard per Requests Tier3", "AWSQueueService", "requests:standard", "Requests", 200e9, INF, 0 },
  { "queueservice", "FIFO first-in first-out per Requests", "AWSQueueService", "requests:fifo", "Requests", 0, 100e9, 0 },
  { "queueservice", "FIFO first-in first-out per Requests Tier2", "AWSQueueService", "requests:fifo", "Requests", 100e9, 200e9, 0 },
  { "queueservice", "FIFO first-in first-out per Requests Tier3", "AWSQueueService", "requests:fifo", "Requests", 200e9, INF, 0 },
  /* GuardDuty */
  { "guardduty", "CloudTrail Events Processed per Events", "AmazonGuardDuty", "cloudtrail-events", "Events", 0, INF, 0 },
  { "guardduty", "VPC Flow Log and DNS Processed per First 500 GB", "AmazonGuardDuty", "flow-log-gb", "GB", 0, 500, 0 },
  { "guardduty", "VPC Flow Log and DNS Processed per Next 2000 GB", "AmazonGuardDuty", "flow-log-gb", "GB", 500, 2500, 0 },
  { "guardduty", "VPC Flow Log and DNS Processed per Next 7500 GB", "AmazonGuardDuty", "flow-log-gb", "GB", 2500, 10000, 0 },
  { "guardduty", "VPC Flow Log and DNS Processed per Over 10000 GB", "AmazonGuardDuty", "flow-log-gb", "GB", 10000, INF, 0 },
  /* CloudWatch alarms */
  { "cloudwatch", "Alarm Standard", "AmazonCloudWatch", "alarm:standard", "Alarms", 0, INF, 0 },
  { "cloudwatch", "Alarm High Resolution", "AmazonCloudWatch", "alarm:high-resolution", "Alarms", 0, INF, 0 },
};

static GRegex *compiled[G_N_ELEMENTS (rules)];

static void
compile_rules (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
        {
          g_autofree char *anchored = g_strdup_printf ("^(?:%s)$", rules[i].pattern);
          compiled[i] = g_regex_new (anchored, G_REGEX_OPTIMIZE, 0, NULL);
          g_assert (compiled[i] != NULL);
        }
      g_once_init_leave (&done, 1);
    }
}

typedef struct
{
  NinesPriceBuilder     *builder;
  NinesCatalog          *catalog;
  const char            *stem;
  guint                  source;
  NinesPriceImportStats *stats;
  GArray                *rule_ids;   /* rules of this stem */
} Ctx;

/* "US East (N. Virginia) (To Location: EU (Ireland))" -> location + attributes. */
static char *
split_location (const char *label,
                GHashTable *attrs)
{
  static GRegex *re;
  g_autoptr(GMatchInfo) m = NULL;
  g_autofree char *inner = NULL;
  char *location;

  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("^(.*?)(?: \\(([A-Z][A-Za-z ]*: .*)\\))?$", G_REGEX_OPTIMIZE, 0, NULL));
  if (!g_regex_match (re, label, 0, &m))
    return g_strdup (label);
  location = g_match_info_fetch (m, 1);
  inner = g_match_info_fetch (m, 2);
  if (inner && *inner)
    {
      g_auto(GStrv) parts = g_strsplit (inner, ", ", -1);
      const char *key = NULL;

      for (guint i = 0; parts[i]; i++)
        {
          char *colon = strstr (parts[i], ": ");
          if (colon)
            {
              *colon = '\0';
              key = parts[i];
              g_hash_table_insert (attrs, g_strdup (key), g_strdup (colon + 2));
            }
          else if (key)
            {
              /* a value with ", " in it */
              char *old = g_hash_table_lookup (attrs, key);
              g_hash_table_insert (attrs, g_strdup (key), g_strconcat (old, ", ", parts[i], NULL));
            }
        }
    }
  return location;
}

static const char *
location_to_code (Ctx        *ctx,
                  const char *location)
{
  const NinesRegionInfo *info = nines_catalog_lookup_location (ctx->catalog, location);
  return info ? info->code : NULL;
}

/* Expands a usage template; NULL when it refers to something missing. */
static char *
expand (Ctx        *ctx,
        const char *tmpl,
        GMatchInfo *m,
        GHashTable *attrs,
        const char *location)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (const char *p = tmpl; *p; p++)
    {
      if (p[0] == '\\' && g_ascii_isdigit (p[1]))
        {
          g_autofree char *cap = g_match_info_fetch (m, p[1] - '0');
          if (cap == NULL || *cap == '\0')
            return NULL;
          g_string_append (out, cap);
          p++;
        }
      else if (*p == '{')
        {
          const char *end = strchr (p, '}');
          g_autofree char *name = g_strndup (p + 1, end - p - 1);
          const char *value;

          if (g_str_equal (name, "to"))
            value = location_to_code (ctx, g_hash_table_lookup (attrs, "To Location"));
          else if (g_str_equal (name, "edge"))
            value = location;
          else
            value = g_hash_table_lookup (attrs, name);
          if (value == NULL || *value == '\0')
            return NULL;
          g_string_append (out, value);
          p = end;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static double
parse_range (const char *s)
{
  if (s == NULL)
    return NAN;
  if (g_ascii_strcasecmp (s, "Inf") == 0)
    return INFINITY;
  return g_ascii_strtod (s, NULL);
}

/* One price with the names it goes by. */
static void
add_entry (Ctx                *ctx,
           const char * const *aliases,
           const char         *location,
           GHashTable         *attrs,
           const char         *price_str,
           const char         *rate_code)
{
  double usd;
  char *end = NULL;

  ctx->stats->n_read++;
  /* An entry whose "price" is not a string (an object, a number, null) has no price. */
  if (price_str == NULL)
    return;
  usd = g_ascii_strtod (price_str, &end);
  if (end == price_str || !isfinite (usd) || usd < 0)
    return;

  for (guint r = 0; r < ctx->rule_ids->len; r++)
    {
      guint id = g_array_index (ctx->rule_ids, guint, r);
      const PageRule *rule = &rules[id];
      const char *region;

      if (rule->flags & RULE_GLOBAL)
        {
          if (*location != '\0' && !g_str_equal (location, "Any"))
            continue;
          region = NINES_PRICE_REGION_GLOBAL;
        }
      else if (rule->flags & RULE_EDGE)
        region = NINES_PRICE_REGION_GLOBAL;
      else if (!(region = location_to_code (ctx, location)))
        continue;

      for (guint a = 0; aliases[a]; a++)
        {
          g_autoptr(GMatchInfo) m = NULL;
          g_autofree char *usage = NULL;
          double start = rule->tier_start, tier_end = rule->tier_end;

          if (!g_regex_match (compiled[id], aliases[a], 0, &m))
            continue;
          if (!(usage = expand (ctx, rule->usage, m, attrs, location)))
            continue;
          if (isnan (start))
            {
              start = parse_range (g_hash_table_lookup (attrs, "StartingRange"));
              tier_end = parse_range (g_hash_table_lookup (attrs, "EndingRange"));
              if (isnan (start) || isnan (tier_end) || start > tier_end)
                continue;
            }
          nines_price_builder_add (ctx->builder, ctx->source, rule->service, region, usage,
                                   rule->unit, usd, start, tier_end, rate_code, aliases[a]);
          ctx->stats->n_kept++;
          return;
        }
    }
}

/* "[set] a;b" -> {set, a, b}; "label" -> {label} */
static GStrv
split_aliases (const char *key)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  const char *rest = key;

  if (key[0] == '[')
    {
      const char *close = strchr (key, ']');
      if (close)
        {
          g_autofree char *set = g_strndup (key + 1, close - key - 1);
          g_strv_builder_add (b, set);
          rest = close[1] == ' ' ? close + 2 : close + 1;
        }
    }
  if (*rest)
    {
      g_auto(GStrv) parts = g_strsplit (rest, ";", -1);
      g_strv_builder_addv (b, (const char **) parts);
    }
  return g_strv_builder_end (b);
}

static gboolean
is_iso_day (const char *s)
{
  return s && strlen (s) >= 10 && g_ascii_isdigit (s[0]) && s[4] == '-' && s[7] == '-';
}

gboolean
nines_price_import_page_json (NinesPriceBuilder      *builder,
                              JsonNode               *root,
                              const char             *stem,
                              const char             *source,
                              const char             *fallback_date,
                              NinesPriceImportStats  *stats,
                              GError                **error)
{
  NinesPriceImportStats local = { 0 };
  g_autoptr(GArray) rule_ids = g_array_new (FALSE, FALSE, sizeof (guint));
  JsonObject *obj;
  Ctx ctx = { 0 };

  g_return_val_if_fail (builder != NULL && root != NULL && stem != NULL && source != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: not a pricing-page JSON object"), source);
      return FALSE;
    }
  compile_rules ();
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].file, stem))
      g_array_append_val (rule_ids, i);

  obj = json_node_get_object (root);
  ctx.builder = builder;
  ctx.catalog = nines_catalog_get_default ();
  ctx.stem = stem;
  ctx.stats = stats ? stats : &local;
  ctx.rule_ids = rule_ids;

  if (json_object_has_member (obj, "manifest") && json_object_has_member (obj, "regions"))
    {
      JsonObject *manifest = _nines_json_object (obj, "manifest");
      JsonObject *sets = _nines_json_object (obj, "sets");
      JsonObject *regions = _nines_json_object (obj, "regions");
      const char *published = manifest ? _nines_json_string (manifest, "hawkFilePublicationDate", NULL) : NULL;
      g_autoptr(GHashTable) key_sets = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                              (GDestroyNotify) g_ptr_array_unref);
      g_autofree char *date = NULL;
      GList *locations;

      if (!is_iso_day (published) || regions == NULL)
        {
          g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                       _("%s: the manifest has no hawkFilePublicationDate"), source);
          return FALSE;
        }
      date = g_strndup (published, 10);
      ctx.source = nines_price_builder_add_source (builder, source, date, "aws-pricing-page");

      /* key -> names of the sets it belongs to */
      if (sets)
        {
          g_autoptr(GList) names = json_object_get_members (sets);
          for (GList *l = names; l; l = l->next)
            {
              JsonArray *keys = _nines_json_array (sets, l->data);
              for (guint k = 0; keys && k < json_array_get_length (keys); k++)
                {
                  const char *key = _nines_json_element_string (keys, k);
                  GPtrArray *list = g_hash_table_lookup (key_sets, key);
                  if (list == NULL)
                    g_hash_table_insert (key_sets, (gpointer) key, list = g_ptr_array_new ());
                  g_ptr_array_add (list, l->data);
                }
            }
        }

      locations = json_object_get_members (regions);
      for (GList *l = locations; l; l = l->next)
        {
          JsonObject *entries = _nines_json_object (regions, l->data);
          g_autoptr(GList) keys = entries ? json_object_get_members (entries) : NULL;

          for (GList *k = keys; k; k = k->next)
            {
              JsonObject *e = _nines_json_object (entries, k->data);
              g_autoptr(GHashTable) attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
              g_auto(GStrv) aliases = NULL;
              GPtrArray *in_sets = g_hash_table_lookup (key_sets, k->data);
              g_autoptr(GList) fields = NULL;

              if (e == NULL || !json_object_has_member (e, "price"))
                continue;
              fields = json_object_get_members (e);
              for (GList *f = fields; f; f = f->next)
                {
                  JsonNode *v = json_object_get_member (e, f->data);
                  if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
                    g_hash_table_insert (attrs, g_strdup (f->data), g_strdup (json_node_get_string (v)));
                }
              g_strv_builder_add (names, k->data);
              for (guint s = 0; in_sets && s < in_sets->len; s++)
                g_strv_builder_add (names, g_ptr_array_index (in_sets, s));
              aliases = g_strv_builder_end (names);
              add_entry (&ctx, (const char * const *) aliases, l->data, attrs,
                         g_hash_table_lookup (attrs, "price"), g_hash_table_lookup (attrs, "rateCode"));
            }
        }
      g_list_free (locations);
    }
  else
    {
      g_autoptr(GList) labels = json_object_get_members (obj);

      if (!is_iso_day (fallback_date))
        {
          g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                       _("%s carries no publication date: give one (--date YYYY-MM-DD)"), source);
          return FALSE;
        }
      ctx.source = nines_price_builder_add_source (builder, source, fallback_date, "aws-pricing-page-processed");
      for (GList *l = labels; l; l = l->next)
        {
          JsonObject *by_location = _nines_json_object (obj, l->data);
          g_auto(GStrv) aliases = split_aliases (l->data);
          g_autoptr(GList) locs = NULL;

          if (by_location == NULL)
            continue;
          locs = json_object_get_members (by_location);
          for (GList *r = locs; r; r = r->next)
            {
              g_autoptr(GHashTable) attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              g_autofree char *location = split_location (r->data, attrs);
              const char *price = _nines_json_string (by_location, r->data, NULL);

              if (price)
                add_entry (&ctx, (const char * const *) aliases, location, attrs, price, NULL);
            }
        }
    }
  return TRUE;
}
