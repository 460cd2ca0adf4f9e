/* nines-dr-patterns-data.c: what each DR pattern keeps of the data stores (rds, aurora, s3,
 * dynamodb, efs) in the recovery region, and the replications that feed it.
 *
 * Replication volumes come from the component's own parameters so the cost engine can
 * price them (inter-region transfer, replicated writes, replication PUTs, backup
 * storage); intervals and lags come from knobs or cited AWS figures so the recovery model
 * can compute each store's RPO. */
#define G_LOG_DOMAIN "nines-dr-patterns"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "nines-dr-patterns-private.h"

/* Every note a rule gives is translated once per deployment, not once per component. */
#undef _
#define _(msgid) NINES_PATTERN_TR (msgid)

/* S3 Replication Time Control replicates 99.99 % of new objects within 15 minutes (S3 User
 * Guide, "Meeting compliance requirements with S3 Replication Time Control"); without RTC
 * most objects replicate within 15 minutes but with no bound (same page). */
#define S3_REPLICATION_S          (15.0 * 60.0)
/* EFS replication is designed for an RPO of 15 minutes for most file systems (EFS User
 * Guide, "Amazon EFS replication"). */
#define EFS_REPLICATION_S         (15.0 * 60.0)
/* DynamoDB global tables propagate a write to the other replicas typically within a
 * second (DynamoDB Developer Guide, "Global tables: how it works"). */
#define DDB_GLOBAL_LAG_S          1.0
/* Aurora bills write I/O in 4 KB units (Aurora User Guide, "Amazon Aurora storage":
 * I/O billing), so a million write I/Os carry at most 4 GB of changes. */
#define AURORA_WRITE_IO_KB        4.0
/* A DynamoDB write request unit covers an item of up to 1 KB (DynamoDB Developer Guide,
 * "Read/write capacity mode"). */
#define DDB_WRU_KB                1.0

static NinesReplication *
add_backup_copy (NinesPatternContext *ctx,
                 NinesComponent      *c,
                 const char          *target_id,
                 double               full_gb,
                 double               changed_gb_per_day,
                 gboolean             incremental)
{
  NinesReplication *r;
  double per_month = 24.0 * 30.0 / ctx->backup_interval_h;
  double kept = MAX (1.0, ctx->copy_retention_days * 24.0 / ctx->backup_interval_h);
  /* The backups themselves stay in the source region's vault for the plan's retention
   * (knob backup_retention_days), the copies only for copy_retention_days. */
  double kept_here = MAX (1.0, ctx->backup_retention_days * 24.0 / ctx->backup_interval_h);

  r = _nines_deployment_add_replication (ctx->deployment, nines_component_get_id (c), target_id,
                                         NINES_REPLICATION_BACKUP_COPY, ctx->primary, ctx->recovery);
  if (incremental)
    {
      /* AWS Backup stores periodic backups incrementally for supported resources: the first
       * is full, then only changes (AWS Backup Developer Guide, "Backup plans"); a copy to
       * another region is incremental against the previous copy. */
      double change_per_copy = changed_gb_per_day * ctx->backup_interval_h / 24.0;

      r->gb_per_month = change_per_copy * per_month;
      r->stored_gb = full_gb + change_per_copy * kept;
      r->source_stored_gb = full_gb + change_per_copy * kept_here;
    }
  else
    {
      /* Resources without incremental backups: each backup, and its copy, is full. */
      r->gb_per_month = full_gb * per_month;
      r->stored_gb = full_gb * kept;
      r->source_stored_gb = full_gb * kept_here;
    }
  /* RDS's automated backups in the source region are priced with the instance
   * (price_rds), not as the plan's. */
  if (_nines_kind_is (nines_component_get_kind (c), "rds"))
    r->source_stored_gb = 0;
  r->requests_per_month = per_month;
  r->interval_s = ctx->backup_interval_h * 3600.0;
  r->lag_s = ctx->copy_lag_s;
  r->source = g_strdup (_("AWS Backup plan: knob backup_interval_hours, copied cross-region "
                          "within knob copy_lag_minutes"));
  return r;
}

/* Pilot light and up keep the backup & restore plan beside the live copy: the seed,
 * "Pilot light has similar costs to backup and restore, with the added cost of however
 * much data is in your database", and Disaster Recovery of Workloads on AWS (pilot
 * light: "in addition to replication, back up your data" — replication copies a
 * corruption or a deletion too). The copies go to the replica's item, and the plan is
 * not the failover path. */
static void
add_backups_alongside (NinesPatternContext *ctx,
                       NinesComponent      *c,
                       const char          *target_id,
                       double               full_gb,
                       double               changed_gb_per_day,
                       gboolean             incremental)
{
  add_backup_copy (ctx, c, target_id, full_gb, changed_gb_per_day, incremental)->alongside = TRUE;
}

static NinesDeployedItem *
add_restored (NinesPatternContext *ctx,
              NinesComponent      *c,
              const char          *note)
{
  const char *id = _nines_pattern_item_id (ctx, c);
  g_autoptr(NinesComponent) restored = _nines_pattern_copy_to_recovery (ctx, c, 0);

  return _nines_deployment_add_item (ctx->deployment, id, nines_component_get_id (c),
                                     NINES_ROLE_BACKUP_COPY, TRUE, ctx->recovery,
                                     NULL, restored, note);
}

static NinesDeployedItem *
add_replica (NinesPatternContext *ctx,
             NinesComponent      *c,
             NinesComponent      *steady,
             NinesComponent      *failover,
             const char          *note)
{
  const char *id = _nines_pattern_item_id (ctx, c);

  return _nines_deployment_add_item (ctx->deployment, id, nines_component_get_id (c),
                                     NINES_ROLE_REPLICA, TRUE, ctx->recovery,
                                     steady, failover, note);
}

/* rds: snapshots copied cross-region (backup & restore); a cross-region read replica,
 * single-AZ while it only replicates and promoted (then Multi-AZ as drawn) on failover
 * (pilot light, warm standby); a full-size replica (multi-site: RDS takes writes in one
 * region only, so the second region reads locally and writes after promotion). */
void
_nines_pattern_rds (NinesPatternContext *ctx,
                    NinesComponent      *c)
{
  const char *id = _nines_pattern_item_id (ctx, c);
  double write_gb_day = nines_component_get_double (c, "write_gb_per_day");
  double storage_gb = nines_component_get_double (c, "storage_gb");
  g_autoptr(NinesComponent) failover = _nines_pattern_copy_to_recovery (ctx, c, 0);
  g_autoptr(NinesComponent) steady = NULL;
  NinesReplication *r;

  _nines_pattern_set_bool (ctx, failover, "public", FALSE);
  if (ctx->pattern == NINES_DR_PATTERN_BACKUP_RESTORE)
    {
      add_backup_copy (ctx, c, id, storage_gb, write_gb_day, TRUE);
      add_restored (ctx, c, _("Automated snapshots copied to the recovery region (AWS Backup); "
                              "a new instance is restored from the latest copy on recovery."));
      return;
    }

  if (ctx->pattern == NINES_DR_PATTERN_MULTI_SITE)
    steady = g_object_ref (failover);
  else
    {
      steady = _nines_pattern_copy_to_recovery (ctx, c, 1);
      _nines_pattern_set_bool (ctx, steady, "multi_az", FALSE);
      _nines_pattern_set_bool (ctx, steady, "public", FALSE);
    }
  add_replica (ctx, c, steady, failover,
               ctx->pattern == NINES_DR_PATTERN_MULTI_SITE
               ? _("Full-size cross-region read replica serving local reads; promoted to take "
                   "writes if the primary region fails.")
               : _("Cross-region read replica (single-AZ while replicating); promoted and made "
                   "Multi-AZ on failover."));
  r = _nines_deployment_add_replication (ctx->deployment, nines_component_get_id (c), id,
                                         NINES_REPLICATION_RDS_REPLICA, ctx->primary, ctx->recovery);
  /* The replica receives the change stream (WAL / binlog): about the data written. */
  r->gb_per_month = write_gb_day * 30.0;
  r->lag_s = ctx->replica_lag_s;
  r->source = g_strdup (_("knob replica_lag_s (the seed: \"a few hundred milliseconds\" of writes)"));
  add_backups_alongside (ctx, c, id, storage_gb, write_gb_day, TRUE);
}

/* aurora: snapshot copies (backup & restore); Aurora Global Database with a headless
 * secondary (pilot light), with one instance (warm standby), at full size (multi-site). */
void
_nines_pattern_aurora (NinesPatternContext *ctx,
                       NinesComponent      *c)
{
  const char *id = _nines_pattern_item_id (ctx, c);
  double write_io_m = nines_component_get_double (c, "write_io_millions");
  double changed_gb_month = write_io_m * 1e6 * AURORA_WRITE_IO_KB / 1e6;
  g_autoptr(NinesComponent) failover = _nines_pattern_copy_to_recovery (ctx, c, 0);
  g_autoptr(NinesComponent) steady = NULL;
  NinesDeployedItem *item;
  NinesReplication *r;

  _nines_pattern_set_bool (ctx, failover, "public", FALSE);
  if (ctx->pattern == NINES_DR_PATTERN_BACKUP_RESTORE)
    {
      add_backup_copy (ctx, c, id, nines_component_get_double (c, "storage_gb"),
                       changed_gb_month / 30.0, TRUE);
      add_restored (ctx, c, _("Cluster snapshots copied to the recovery region; a new cluster "
                              "is restored from the latest copy on recovery."));
      return;
    }

  if (ctx->pattern == NINES_DR_PATTERN_MULTI_SITE)
    steady = g_object_ref (failover);
  else
    {
      steady = _nines_pattern_copy_to_recovery (ctx, c, 1);
      _nines_pattern_set_int (ctx, steady, "readers", 0);
    }
  item = add_replica (ctx, c, steady, failover,
                      ctx->pattern == NINES_DR_PATTERN_PILOT_LIGHT
                      ? _("Aurora Global Database secondary cluster without instances (headless): "
                          "storage only; instances are added when it is promoted.")
                      : ctx->pattern == NINES_DR_PATTERN_WARM_STANDBY
                      ? _("Aurora Global Database secondary cluster with one instance; readers "
                          "are added after failover.")
                      : _("Aurora Global Database secondary cluster at full size, serving reads "
                          "(write forwarding or promotion for writes)."));
  item->headless = ctx->pattern == NINES_DR_PATTERN_PILOT_LIGHT;

  r = _nines_deployment_add_replication (ctx->deployment, nines_component_get_id (c), id,
                                         NINES_REPLICATION_AURORA_GLOBAL, ctx->primary, ctx->recovery);
  /* Aurora Global Database bills replicated write I/Os in each secondary region and the
   * data transferred between regions (Aurora pricing, "Global Database"). */
  r->gb_per_month = changed_gb_month;
  r->requests_per_month = write_io_m * 1e6;
  r->lag_s = ctx->replica_lag_s;
  r->source = g_strdup (_("Aurora Global Database replicates with typical latency under 1 second "
                          "(Aurora User Guide, \"Using Amazon Aurora Global Database\"); knob replica_lag_s"));
  add_backups_alongside (ctx, c, id, nines_component_get_double (c, "storage_gb"),
                         changed_gb_month / 30.0, TRUE);
}

/* s3: cross-region replication for every pattern (two-way for multi-site). Buckets not
 * critical to run the site keep only recent objects in the recovery region: the seed's
 * lifecycle policy ("delete any items that are older than two weeks"). */
void
_nines_pattern_s3 (NinesPatternContext *ctx,
                   NinesComponent      *c)
{
  const char *id = _nines_pattern_item_id (ctx, c);
  gboolean critical = nines_component_get_bool (c, "critical");
  double stored = nines_component_get_double (c, "storage_gb");
  double new_gb = nines_component_get_double (c, "new_gb_per_month");
  double puts = nines_component_get_double (c, "put_requests_k") * 1000.0;
  gboolean rtc = ctx->pattern >= NINES_DR_PATTERN_WARM_STANDBY;
  gboolean two_way = ctx->pattern == NINES_DR_PATTERN_MULTI_SITE;
  /* Multi-site: each region takes its share of the writes (knob multi_site_primary_share,
   * the seed's "50 percent of traffic to each region") and replicates them to the other. */
  double share = two_way ? ctx->primary_share : 1.0;
  g_autoptr(NinesComponent) steady = _nines_pattern_copy_to_recovery (ctx, c, 0);
  g_autoptr(NinesComponent) failover = NULL;
  NinesReplication *r;

  if (!critical)
    {
      _nines_pattern_set_int (ctx, steady, "lifecycle_days", (gint64) ctx->lifecycle_days);
      _nines_pattern_set_double (ctx, steady, "storage_gb",
                                 MIN (stored, new_gb * ctx->lifecycle_days / 30.0));
    }
  /* Replication PUTs are priced on the replication; the replica serves no reads until
   * failover (multi-site: the recovery region's share of each, traffic being split by
   * latency; the primary bucket's share is applied by the cost engine). */
  failover = nines_component_copy (steady);
  _nines_pattern_set_double (ctx, steady, "put_requests_k", two_way ? puts * (1.0 - share) / 1000.0 : 0);
  _nines_pattern_set_double (ctx, steady, "get_requests_k",
                             two_way ? nines_component_get_double (c, "get_requests_k") * (1.0 - share) : 0);

  add_replica (ctx, c, steady, failover,
               critical
               ? _("Replica bucket kept by cross-region replication (all objects).")
               : _("Replica bucket kept by cross-region replication; a lifecycle rule deletes "
                   "objects older than the knob lifecycle_days there."));

  r = _nines_deployment_add_replication (ctx->deployment, nines_component_get_id (c), id,
                                         NINES_REPLICATION_S3_CRR, ctx->primary, ctx->recovery);
  r->gb_per_month = new_gb * share;
  r->requests_per_month = puts * share;
  r->lag_s = S3_REPLICATION_S;
  r->rtc = rtc;
  /* xgettext:no-c-format */
  r->source = g_strdup (rtc ? _("S3 Replication Time Control: 99.99 % of objects within 15 minutes (SLA)")
                            : _("S3 replication without RTC: most objects within 15 minutes, no bound"));
  if (two_way)
    {
      r = _nines_deployment_add_replication (ctx->deployment, id, nines_component_get_id (c),
                                             NINES_REPLICATION_S3_CRR, ctx->recovery, ctx->primary);
      r->gb_per_month = new_gb * (1.0 - share);
      r->requests_per_month = puts * (1.0 - share);
      r->lag_s = S3_REPLICATION_S;
      r->rtc = TRUE;
      /* xgettext:no-c-format */
      r->source = g_strdup (_("S3 Replication Time Control: 99.99 % of objects within 15 minutes (SLA)"));
    }
}

/* dynamodb: backups copied (backup & restore); a global table replica otherwise. */
void
_nines_pattern_dynamodb (NinesPatternContext *ctx,
                         NinesComponent      *c)
{
  const char *id = _nines_pattern_item_id (ctx, c);
  double writes_m = nines_component_get_double (c, "write_millions");
  g_autoptr(NinesComponent) failover = _nines_pattern_copy_to_recovery (ctx, c, 0);
  g_autoptr(NinesComponent) steady = NULL;
  NinesReplication *r;

  if (ctx->pattern == NINES_DR_PATTERN_BACKUP_RESTORE)
    {
      /* DynamoDB backups are full copies of the table (DynamoDB Developer Guide, "Backup
       * and restore for DynamoDB"). */
      add_backup_copy (ctx, c, id, nines_component_get_double (c, "storage_gb"), 0, FALSE);
      add_restored (ctx, c, _("Table backups copied to the recovery region (AWS Backup); the "
                              "table is restored from the latest copy on recovery."));
      return;
    }

  /* A replica's writes are the replicated writes; it serves reads only in multi-site. */
  steady = nines_component_copy (failover);
  _nines_pattern_set_double (ctx, steady, "read_millions",
                             ctx->pattern == NINES_DR_PATTERN_MULTI_SITE
                             ? nines_component_get_double (c, "read_millions") * (1.0 - ctx->primary_share) : 0);
  add_replica (ctx, c, steady, failover,
               _("Global table replica: every write replicates here; it takes reads and writes "
                 "as soon as traffic arrives, nothing to promote."));
  r = _nines_deployment_add_replication (ctx->deployment, nines_component_get_id (c), id,
                                         NINES_REPLICATION_DDB_GLOBAL, ctx->primary, ctx->recovery);
  r->gb_per_month = writes_m * 1e6 * DDB_WRU_KB / 1e6;
  r->requests_per_month = writes_m * 1e6;
  r->lag_s = DDB_GLOBAL_LAG_S;
  r->source = g_strdup (_("DynamoDB global tables replicate typically within a second "
                          "(DynamoDB Developer Guide, \"Global tables\")"));
  add_backups_alongside (ctx, c, id, nines_component_get_double (c, "storage_gb"), 0, FALSE);
}

/* efs: AWS Backup copies (backup & restore); EFS replication to a read-only file system
 * otherwise, made writable on failover. */
void
_nines_pattern_efs (NinesPatternContext *ctx,
                    NinesComponent      *c)
{
  const char *id = _nines_pattern_item_id (ctx, c);
  double stored = nines_component_get_double (c, "storage_gb");
  double changed_month = stored * ctx->efs_change_fraction;
  g_autoptr(NinesComponent) copy = _nines_pattern_copy_to_recovery (ctx, c, 0);
  NinesReplication *r;

  if (ctx->pattern == NINES_DR_PATTERN_BACKUP_RESTORE)
    {
      add_backup_copy (ctx, c, id, stored, changed_month / 30.0, TRUE);
      add_restored (ctx, c, _("File system backups copied to the recovery region; restored on "
                              "recovery."));
      return;
    }
  add_replica (ctx, c, copy, copy,
               _("Read-only replica file system kept by EFS replication; replication is "
                 "deleted on failover to make it writable."));
  r = _nines_deployment_add_replication (ctx->deployment, nines_component_get_id (c), id,
                                         NINES_REPLICATION_EFS, ctx->primary, ctx->recovery);
  r->gb_per_month = changed_month;
  r->lag_s = EFS_REPLICATION_S;
  r->source = g_strdup (_("EFS replication: RPO of 15 minutes for most file systems "
                          "(EFS User Guide, \"Amazon EFS replication\")"));
  add_backups_alongside (ctx, c, id, stored, changed_month / 30.0, TRUE);
}
