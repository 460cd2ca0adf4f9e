/* nines-cfn-data.c: the data stores. RDS (Multi-AZ, password managed by RDS in Secrets
 * Manager, cross-region read replica from a source ARN parameter, restore from a copied
 * snapshot), Aurora (global database, headless or not), S3 (versioning, cross-region
 * replication, the seed's lifecycle rule in the recovery region), DynamoDB (global
 * table), EFS (replication), ElastiCache and SQS. */
#define G_LOG_DOMAIN "nines-cfn"

#include "config.h"

#include "nines-cfn-template-private.h"

static guint
engine_port (const char *engine)
{
  return g_str_has_suffix (engine, "postgres") || g_str_has_suffix (engine,
                                                                    "postgresql") ? 5432 : 3306;
}

static void
add_username_parameter (NinesCfnBuilder *b)
{
  JsonObject *p = _nines_cfn_add_parameter (b, "DbMasterUsername", "String",
                                            "Master user name of the databases (the password is generated "
                                            "and kept in AWS Secrets Manager, never in this template)",
                                            "nines_admin");

  json_object_set_string_member (p, "AllowedPattern", "^[a-zA-Z][a-zA-Z0-9_]{0,15}$");
}

static void
add_kms_parameter (NinesCfnBuilder *b)
{
  _nines_cfn_add_parameter (b, "ReplicaKmsKeyId", "String",
                            "KMS key in this region that encrypts cross-region database replicas "
                            "(RDS requires a key of the destination region)",
                            "alias/aws/rds");
}

/* The security group of a database: its port from the app tier that links to it in
 * this region, else from the VPC. */
static void
add_db_security_group (NinesCfnBuilder         *b,
                       const NinesDeployedItem *item,
                       const char              *sg,
                       guint                    port,
                       const char              *cond)
{
  g_autoptr(GPtrArray) clients = _nines_cfn_linked_items (b, item, FALSE, "ec2-asg");
  g_autofree char *client_sg = NULL;

  for (guint i = 0; i < clients->len && client_sg == NULL; i++)
    {
      const NinesDeployedItem *cl = g_ptr_array_index (clients, i);
      g_autofree char *id = _nines_cfn_logical_id (cl->id, "SecurityGroup");

      if (g_strcmp0 (cl->region, b->region) == 0 && _nines_cfn_has_resource (b, id)
          && g_strcmp0 (g_hash_table_lookup (b->conditional, id), cond) == 0)
        client_sg = g_steal_pointer (&id);
    }
  _nines_cfn_add_security_group (b, sg, "Database access from the application tier", port,
                                 client_sg ? client_sg : "Vpc", cond);
}

static void
add_subnet_group (NinesCfnBuilder         *b,
                  const NinesDeployedItem *item,
                  const char              *logical_id,
                  const char              *type,
                  const char              *cond)
{
  JsonObject *props = _nines_cfn_add_resource (b, logical_id, type, cond);
  g_autofree char *desc = g_strdup_printf ("Private subnets of %s", item->source_id);

  if (g_str_equal (type, "AWS::ElastiCache::SubnetGroup"))
    {
      json_object_set_string_member (props, "Description", desc);
      json_object_set_array_member (props, "SubnetIds", _nines_cfn_subnets_for (b, NULL, FALSE));
    }
  else
    {
      json_object_set_string_member (props, "DBSubnetGroupDescription", desc);
      json_object_set_array_member (props, "SubnetIds", _nines_cfn_subnets_for (b, NULL, FALSE));
    }
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, item, NULL));
}

/* The parameter naming the copied snapshot a restore starts from (backup & restore):
 * empty until failed over, then required. Returns a Ref to it. */
static JsonNode *
snapshot_parameter (NinesCfnBuilder         *b,
                    const NinesDeployedItem *item,
                    NinesComponent          *c,
                    const char              *snapshot,
                    const char              *what)
{
  g_autofree char *param = _nines_cfn_logical_id (item->id, "SnapshotArn");
  g_autofree char *desc = g_strdup_printf ("ARN of the %s of %s copied to %s to restore from (the latest "
                                           "recovery point in the Nines backup vault)",
                                           snapshot, nines_component_get_display_name (c), b->region);
  g_autofree char *why = g_strdup_printf ("Restoring the %s needs the ARN of its copied snapshot", what);

  _nines_cfn_add_parameter (b, param, "String", desc, "");
  _nines_cfn_require_when_failed_over (b, param, why);
  return _nines_cfn_ref (param);
}

static void
set_retain_policies (NinesCfnBuilder *b,
                     const char      *logical_id,
                     const char      *policy)
{
  JsonObject *r = _nines_cfn_get_resource (b, logical_id);

  json_object_set_string_member (r, "DeletionPolicy", policy);
  json_object_set_string_member (r, "UpdateReplacePolicy", policy);
}

void
_nines_cfn_add_rds (NinesCfnBuilder         *b,
                    const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *cond = _nines_cfn_item_condition (b, item);
  const char *engine = nines_component_get_string (c, "engine");
  g_autofree char *db = _nines_cfn_logical_id (item->id, NULL);
  g_autofree char *sg = _nines_cfn_logical_id (item->id, "SecurityGroup");
  g_autofree char *subnets = _nines_cfn_logical_id (item->id, "SubnetGroup");
  const NinesReplication *replica = _nines_cfn_find_replication (b, item,
                                                                 NINES_REPLICATION_RDS_REPLICA, TRUE);
  const NinesReplication *backup = _nines_cfn_find_replication (b, item,
                                                                NINES_REPLICATION_BACKUP_COPY, TRUE);
  gboolean is_replica = !b->is_primary && (replica != NULL || item->role == NINES_ROLE_REPLICA);
  gboolean restore = !b->is_primary && !is_replica && (backup != NULL || item->role == NINES_ROLE_BACKUP_COPY
                                                       || item->role == NINES_ROLE_ON_RECOVERY);
  JsonObject *props;
  JsonArray *a;

  if (!b->has_network)
    return;
  add_subnet_group (b, item, subnets, "AWS::RDS::DBSubnetGroup", cond);
  add_db_security_group (b, item, sg, engine_port (engine), cond);

  props = _nines_cfn_add_resource (b, db, "AWS::RDS::DBInstance", cond);
  set_retain_policies (b, db, "Snapshot");
  json_object_set_string_member (props, "DBInstanceClass",
                                 nines_component_get_string (c, "instance_class"));
  json_object_set_member (props, "DBSubnetGroupName", _nines_cfn_ref (subnets));
  a = json_array_new ();
  json_array_add_element (a, _nines_cfn_ref (sg));
  json_object_set_array_member (props, "VPCSecurityGroups", a);
  json_object_set_boolean_member (props, "MultiAZ", nines_component_get_bool (c, "multi_az"));
  json_object_set_boolean_member (props, "PubliclyAccessible",
                                  nines_component_get_bool (c, "public"));
  json_object_set_boolean_member (props, "CopyTagsToSnapshot", TRUE);

  if (is_replica)
    {
      g_autofree char *param = _nines_cfn_logical_id (item->id, "SourceDbArn");
      g_autofree char *src_out = _nines_cfn_logical_id (item->id, "Arn");
      g_autofree char *desc = g_strdup_printf ("ARN of the source DB instance of this read replica in %s "
                                               "(output %s of the %s stack)",
                                               replica ? replica->from_region : b->primary_region,
                                               src_out, replica ? replica->from_region : b->primary_region);
      JsonObject *p = _nines_cfn_add_parameter (b, param, "String", desc, NULL);

      json_object_set_string_member (p, "AllowedPattern",
                                     "^arn:aws[a-z-]*:rds:[a-z0-9-]+:[0-9]{12}:db:.+$");
      add_kms_parameter (b);
      /* A cross-region read replica names its source by ARN (RDS User Guide, "Creating a
       * read replica in a different AWS Region"); it inherits engine, storage and the
       * master user, and RDS requires a KMS key of the destination region. */
      json_object_set_member (props, "SourceDBInstanceIdentifier", _nines_cfn_ref (param));
      json_object_set_member (props, "KmsKeyId", _nines_cfn_ref ("ReplicaKmsKeyId"));
    }
  else if (restore)
    {
      json_object_set_member (props, "DBSnapshotIdentifier",
                              snapshot_parameter (b, item, c, "DB snapshot", "database"));
      json_object_set_string_member (props, "Engine", engine);
    }
  else
    {
      g_autofree char *storage = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  nines_component_get_int (c, "storage_gb"));

      add_username_parameter (b);
      json_object_set_string_member (props, "Engine", engine);
      json_object_set_string_member (props, "AllocatedStorage", storage);
      json_object_set_string_member (props, "StorageType",
                                     nines_component_get_string (c, "storage_type"));
      json_object_set_boolean_member (props, "StorageEncrypted", TRUE);
      json_object_set_member (props, "MasterUsername", _nines_cfn_ref ("DbMasterUsername"));
      /* RDS generates the password and keeps it in Secrets Manager (RDS User Guide,
       * "Password management with Amazon RDS and AWS Secrets Manager"). */
      json_object_set_boolean_member (props, "ManageMasterUserPassword", TRUE);
      json_object_set_int_member (props, "BackupRetentionPeriod",
                                  MAX (1, nines_component_get_int (c, "backup_retention_days")));
    }
  json_object_set_array_member (props, "Tags",
                                _nines_cfn_tags (b, item, nines_component_get_display_name (c)));

  if (cond == NULL && !is_replica)
    {
      g_autofree char *out = _nines_cfn_logical_id (item->id, "Arn");
      g_autofree char *sub = g_strdup_printf ("arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:db:${%s}", db);

      _nines_cfn_add_output (b, out,
                             "ARN of the DB instance (source of cross-region read replicas)",
                             _nines_cfn_sub (sub));
    }
}

/* ---- Aurora ---------------------------------------------------------------------- */


static void
add_aurora_instances (NinesCfnBuilder         *b,
                      const NinesDeployedItem *item,
                      NinesComponent          *c,
                      const char              *cluster,
                      guint                    from,
                      guint                    count,
                      const char              *cond)
{
  for (guint i = from; i < count; i++)
    {
      g_autofree char *suffix = g_strdup_printf ("Instance%u", i + 1);
      g_autofree char *id = _nines_cfn_logical_id (item->id, suffix);
      JsonObject *props = _nines_cfn_add_resource (b, id, "AWS::RDS::DBInstance", cond);

      json_object_set_member (props, "DBClusterIdentifier", _nines_cfn_ref (cluster));
      json_object_set_string_member (props, "DBInstanceClass",
                                     nines_component_get_string (c, "instance_class"));
      json_object_set_string_member (props, "Engine", nines_component_get_string (c, "engine"));
      json_object_set_boolean_member (props, "PubliclyAccessible",
                                      nines_component_get_bool (c, "public"));
      json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, item, NULL));
    }
}

void
_nines_cfn_add_aurora (NinesCfnBuilder         *b,
                       const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *cond = _nines_cfn_item_condition (b, item);
  const char *engine = nines_component_get_string (c, "engine");
  g_autofree char *cluster = _nines_cfn_logical_id (item->id, "Cluster");
  g_autofree char *global = _nines_cfn_logical_id (item->id, "GlobalCluster");
  g_autofree char *sg = _nines_cfn_logical_id (item->id, "SecurityGroup");
  g_autofree char *subnets = _nines_cfn_logical_id (item->id, "SubnetGroup");
  g_autofree char *secret = _nines_cfn_logical_id (item->id, "MasterSecret");
  g_autofree char *frag = _nines_cfn_name_fragment (item->source_id, 20);
  g_autofree char *uuid8 = _nines_cfn_name_fragment (nines_document_get_uuid (b->document), 8);
  g_autofree char *global_name = g_strdup_printf ("nines-%s-%s", uuid8, frag);
  const NinesReplication *outgoing = b->is_primary
    ? _nines_cfn_find_replication (b, item, NINES_REPLICATION_AURORA_GLOBAL, FALSE) : NULL;
  const NinesReplication *incoming = _nines_cfn_find_replication (b, item,
                                                                  NINES_REPLICATION_AURORA_GLOBAL, TRUE);
  gboolean secondary = !b->is_primary && (incoming != NULL || item->role == NINES_ROLE_REPLICA);
  /* Backup & restore: the cluster comes back from the copied snapshot on recovery. */
  gboolean restore = !b->is_primary && !secondary
                     && (_nines_cfn_find_replication (b, item, NINES_REPLICATION_BACKUP_COPY,
                                                      TRUE) != NULL
                         || item->role == NINES_ROLE_BACKUP_COPY || item->role == NINES_ROLE_ON_RECOVERY);
  JsonObject *props;
  JsonArray *a;

  if (!b->has_network)
    return;
  add_subnet_group (b, item, subnets, "AWS::RDS::DBSubnetGroup", cond);
  add_db_security_group (b, item, sg, engine_port (engine), cond);

  if (!secondary && !restore)
    {
      /* Aurora global databases cannot use RDS-managed master passwords (Aurora User
       * Guide, "Limitations for Secrets Manager integration"), so the password is
       * generated into a Secrets Manager secret and passed by dynamic reference: it
       * never appears in the template or the stack's parameters. */
      JsonObject *gen = json_object_new ();

      add_username_parameter (b);
      props = _nines_cfn_add_resource (b, secret, "AWS::SecretsManager::Secret", cond);
      json_object_set_string_member (props, "Description",
                                     "Master credentials of the Aurora cluster");
      json_object_set_member (gen, "SecretStringTemplate",
                              _nines_cfn_sub ("{\"username\": \"${DbMasterUsername}\"}"));
      json_object_set_string_member (gen, "GenerateStringKey", "password");
      json_object_set_int_member (gen, "PasswordLength", 32);
      json_object_set_string_member (gen, "ExcludeCharacters", "\"@/\\ '");
      json_object_set_object_member (props, "GenerateSecretString", gen);
      json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, item, NULL));
    }

  props = _nines_cfn_add_resource (b, cluster, "AWS::RDS::DBCluster", cond);
  set_retain_policies (b, cluster, "Snapshot");
  json_object_set_string_member (props, "Engine", engine);
  json_object_set_member (props, "DBSubnetGroupName", _nines_cfn_ref (subnets));
  a = json_array_new ();
  json_array_add_element (a, _nines_cfn_ref (sg));
  json_object_set_array_member (props, "VpcSecurityGroupIds", a);
  json_object_set_boolean_member (props, "StorageEncrypted", TRUE);
  if (nines_component_get_bool (c, "io_optimized"))
    json_object_set_string_member (props, "StorageType", "aurora-iopt1");
  json_object_set_int_member (props, "BackupRetentionPeriod",
                              nines_component_get_int (c, "backup_retention_days"));
  json_object_set_boolean_member (props, "CopyTagsToSnapshot", TRUE);
  if (secondary)
    {
      g_autofree char *param = _nines_cfn_logical_id (item->id, "GlobalClusterId");
      g_autofree char *desc = g_strdup_printf ("Identifier of the Aurora global database this secondary "
                                               "cluster joins (output %sGlobalClusterId of the %s stack)",
                                               cluster, b->primary_region);

      _nines_cfn_add_parameter (b, param, "String", desc, global_name);
      add_kms_parameter (b);
      json_object_set_member (props, "GlobalClusterIdentifier", _nines_cfn_ref (param));
      json_object_set_member (props, "KmsKeyId", _nines_cfn_ref ("ReplicaKmsKeyId"));
    }
  else if (restore)
    {
      /* The snapshot brings the master user and its password with it. */
      json_object_set_member (props, "SnapshotIdentifier",
                              snapshot_parameter (b, item, c, "DB cluster snapshot", "cluster"));
    }
  else
    {
      g_autofree char *user = g_strdup_printf ("{{resolve:secretsmanager:${%s}:SecretString:username}}", secret);
      g_autofree char *pass = g_strdup_printf ("{{resolve:secretsmanager:${%s}:SecretString:password}}", secret);

      json_object_set_member (props, "MasterUsername", _nines_cfn_sub (user));
      json_object_set_member (props, "MasterUserPassword", _nines_cfn_sub (pass));
    }
  json_object_set_array_member (props, "Tags",
                                _nines_cfn_tags (b, item, nines_component_get_display_name (c)));

  if (outgoing != NULL)
    {
      g_autofree char *out = g_strdup_printf ("%sGlobalClusterId", cluster);

      props = _nines_cfn_add_resource (b, global, "AWS::RDS::GlobalCluster", cond);
      json_object_set_string_member (props, "GlobalClusterIdentifier", global_name);
      json_object_set_member (props, "SourceDBClusterIdentifier", _nines_cfn_ref (cluster));
      _nines_cfn_add_output (b, out,
                             "Aurora global database identifier (for the secondary region's stack)",
                             _nines_cfn_ref (global));
    }

  /* Instances: a writer plus the readers. A headless secondary (Aurora global database
   * without instances, pilot light) runs none until failover adds them. */
  {
    NinesComponent *s = item->steady;
    NinesComponent *f = item->failover ? item->failover : item->steady;
    guint steady_n = (s != NULL && !item->headless) ? 1 + nines_component_get_int (s,
                                                                                   "readers") : 0;
    guint failover_n = f != NULL ? 1 + nines_component_get_int (f, "readers") : 0;

    if (b->is_primary)
      failover_n = steady_n;
    add_aurora_instances (b, item, c, cluster, 0, steady_n, cond);
    if (failover_n > steady_n)
      {
        add_aurora_instances (b, item, f, cluster, steady_n, failover_n,
                              _nines_cfn_failed_over_condition (b));
      }
  }
}

/* ---- S3 -------------------------------------------------------------------------- */

static JsonObject *
replication_rule (NinesCfnBuilder        *b,
                  const NinesReplication *r,
                  const char             *dest_bucket)
{
  JsonObject *rule = json_object_new ();
  JsonObject *filter = json_object_new ();
  JsonObject *dmr = json_object_new ();
  JsonObject *dest = json_object_new ();
  g_autofree char *arn = g_strdup_printf ("arn:${AWS::Partition}:s3:::%s", dest_bucket);

  json_object_set_string_member (rule, "Id", "nines-cross-region");
  json_object_set_string_member (rule, "Status", "Enabled");
  json_object_set_int_member (rule, "Priority", 1);
  json_object_set_string_member (filter, "Prefix", "");
  json_object_set_object_member (rule, "Filter", filter);
  json_object_set_string_member (dmr, "Status", "Enabled");
  json_object_set_object_member (rule, "DeleteMarkerReplication", dmr);
  json_object_set_member (dest, "Bucket", _nines_cfn_sub (arn));
  if (r->rtc)
    {
      /* S3 Replication Time Control: 99.99 % of objects within 15 minutes (S3 User
       * Guide, "Meeting compliance requirements with S3 Replication Time Control"). */
      JsonObject *rtc = json_object_new ();
      JsonObject *time = json_object_new ();
      JsonObject *metrics = json_object_new ();
      JsonObject *threshold = json_object_new ();

      json_object_set_string_member (rtc, "Status", "Enabled");
      json_object_set_int_member (time, "Minutes", 15);
      json_object_set_object_member (rtc, "Time", time);
      json_object_set_object_member (dest, "ReplicationTime", rtc);
      json_object_set_string_member (metrics, "Status", "Enabled");
      json_object_set_int_member (threshold, "Minutes", 15);
      json_object_set_object_member (metrics, "EventThreshold", threshold);
      json_object_set_object_member (dest, "Metrics", metrics);
    }
  json_object_set_object_member (rule, "Destination", dest);
  (void) b;
  return rule;
}

static JsonNode *
policy_statement (const char *action_json_list,
                  JsonNode   *resource)
{
  JsonObject *st = json_object_new ();
  g_auto(GStrv) actions = g_strsplit (action_json_list, " ", -1);
  JsonArray *a = json_array_new ();

  json_object_set_string_member (st, "Effect", "Allow");
  for (guint i = 0; actions[i]; i++)
    json_array_add_string_element (a, actions[i]);
  json_object_set_array_member (st, "Action", a);
  json_object_set_member (st, "Resource", resource);
  return _nines_cfn_object (st);
}

static void
add_replication_role (NinesCfnBuilder         *b,
                      const NinesDeployedItem *item,
                      const char              *role,
                      const char              *bucket_name,
                      const char              *dest_name,
                      const char              *cond)
{
  JsonObject *props = _nines_cfn_add_resource (b, role, "AWS::IAM::Role", cond);
  JsonObject *assume = json_object_new ();
  JsonObject *st = json_object_new ();
  JsonObject *principal = json_object_new ();
  JsonArray *a = json_array_new ();
  JsonObject *policy = json_object_new ();
  JsonObject *doc = json_object_new ();
  JsonArray *sts = json_array_new ();
  g_autofree char *src_arn = g_strdup_printf ("arn:${AWS::Partition}:s3:::%s", bucket_name);
  g_autofree char *src_objs = g_strdup_printf ("arn:${AWS::Partition}:s3:::%s/*", bucket_name);
  g_autofree char *dst_objs = g_strdup_printf ("arn:${AWS::Partition}:s3:::%s/*", dest_name);

  json_object_set_string_member (assume, "Version", "2012-10-17");
  json_object_set_string_member (st, "Effect", "Allow");
  json_object_set_string_member (principal, "Service", "s3.amazonaws.com");
  json_object_set_object_member (st, "Principal", principal);
  json_object_set_string_member (st, "Action", "sts:AssumeRole");
  json_array_add_object_element (a, st);
  json_object_set_array_member (assume, "Statement", a);
  json_object_set_object_member (props, "AssumeRolePolicyDocument", assume);

  /* The permissions S3 replication needs (S3 User Guide, "Setting up permissions for
   * live replication"). */
  json_object_set_string_member (doc, "Version", "2012-10-17");
  json_array_add_element (sts, policy_statement ("s3:GetReplicationConfiguration s3:ListBucket",
                                                 _nines_cfn_sub (src_arn)));
  json_array_add_element (sts,
                          policy_statement ("s3:GetObjectVersionForReplication s3:GetObjectVersionAcl "
                                                 "s3:GetObjectVersionTagging", _nines_cfn_sub (src_objs)));
  json_array_add_element (sts,
                          policy_statement ("s3:ReplicateObject s3:ReplicateDelete s3:ReplicateTags",
                                                 _nines_cfn_sub (dst_objs)));
  json_object_set_array_member (doc, "Statement", sts);
  json_object_set_string_member (policy, "PolicyName", "s3-replication");
  json_object_set_object_member (policy, "PolicyDocument", doc);
  a = json_array_new ();
  json_array_add_object_element (a, policy);
  json_object_set_array_member (props, "Policies", a);
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, item, NULL));
}

static gboolean
linked_from_cloudfront (NinesCfnBuilder *b,
                        const char      *source_id)
{
  GListModel *links = nines_document_get_links (b->document);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) link = g_list_model_get_item (links, i);
      NinesComponent *from;

      if (g_strcmp0 (nines_link_get_to (link), source_id) != 0)
        continue;
      from = nines_document_lookup_component (b->document, nines_link_get_from (link));
      if (from != NULL && g_str_equal (nines_component_get_kind (from), "cloudfront"))
        return TRUE;
    }
  return FALSE;
}

void
_nines_cfn_add_s3 (NinesCfnBuilder         *b,
                   const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *cond = _nines_cfn_item_condition (b, item);
  g_autofree char *bucket = _nines_cfn_logical_id (item->id, NULL);
  g_autofree char *role = _nines_cfn_logical_id (item->id, "ReplicationRole");
  g_autofree char *name = _nines_cfn_bucket_name (b, item->source_id, b->region);
  const NinesReplication *out = _nines_cfn_find_replication (b, item, NINES_REPLICATION_S3_CRR,
                                                             FALSE);
  const NinesReplication *in = _nines_cfn_find_replication (b, item, NINES_REPLICATION_S3_CRR,
                                                            TRUE);
  gint64 lifecycle = nines_component_get_int (c, "lifecycle_days");
  JsonObject *props;
  JsonObject *o;
  JsonArray *a;

  /* The seed: in the backup region, delete replicated items older than two weeks (the
   * lifecycle_days knob) unless the replica's own setting says otherwise. */
  if (lifecycle == 0 && in != NULL)
    lifecycle = (gint64) nines_document_get_knob_double (b->document, "lifecycle_days");

  props = _nines_cfn_add_resource (b, bucket, "AWS::S3::Bucket", cond);
  set_retain_policies (b, bucket, "Retain");
  json_object_set_member (props, "BucketName", _nines_cfn_sub (name));
  o = json_object_new ();
  /* Replication requires versioning on both buckets (S3 User Guide, "Requirements for
   * live replication"). */
  json_object_set_string_member (o, "Status",
                                 nines_component_get_bool (c,
                                                           "versioning") || out || in ? "Enabled" : "Suspended");
  json_object_set_object_member (props, "VersioningConfiguration", o);
  {
    JsonObject *enc = json_object_new ();
    JsonObject *rule = json_object_new ();
    JsonObject *def = json_object_new ();

    json_object_set_string_member (def, "SSEAlgorithm", "AES256");
    json_object_set_object_member (rule, "ServerSideEncryptionByDefault", def);
    a = json_array_new ();
    json_array_add_object_element (a, rule);
    json_object_set_array_member (enc, "ServerSideEncryptionConfiguration", a);
    json_object_set_object_member (props, "BucketEncryption", enc);
  }
  o = json_object_new ();
  json_object_set_boolean_member (o, "BlockPublicAcls", TRUE);
  json_object_set_boolean_member (o, "BlockPublicPolicy", TRUE);
  json_object_set_boolean_member (o, "IgnorePublicAcls", TRUE);
  json_object_set_boolean_member (o, "RestrictPublicBuckets", TRUE);
  json_object_set_object_member (props, "PublicAccessBlockConfiguration", o);
  if (lifecycle > 0)
    {
      JsonObject *lc = json_object_new ();
      JsonObject *rule = json_object_new ();
      JsonObject *nve = json_object_new ();

      json_object_set_string_member (rule, "Id",
                                     in ? "nines-expire-replicated-assets" : "nines-expire");
      json_object_set_string_member (rule, "Status", "Enabled");
      json_object_set_int_member (rule, "ExpirationInDays", lifecycle);
      json_object_set_int_member (nve, "NoncurrentDays", lifecycle);
      json_object_set_object_member (rule, "NoncurrentVersionExpiration", nve);
      a = json_array_new ();
      json_array_add_object_element (a, rule);
      json_object_set_array_member (lc, "Rules", a);
      json_object_set_object_member (props, "LifecycleConfiguration", lc);
    }
  if (out != NULL)
    {
      g_autofree char *dest = _nines_cfn_bucket_name (b, item->source_id, out->to_region);
      JsonObject *rc = json_object_new ();
      JsonObject *p;

      /* S3 checks that the destination bucket exists when replication is configured, and
       * the destination is made by the other region's stack: turn it on by a stack update
       * once both stacks exist. */
      p = _nines_cfn_add_parameter (b, "ReplicationEnabled", "String",
                                    "true once the other region's stack exists: S3 requires the "
                                    "destination buckets before replication can be configured",
                                    "false");
      json_object_set_array_member (p, "AllowedValues",
                                    _nines_cfn_string_array ("false", "true", NULL));
      if (!json_object_has_member (b->conditions, "IsReplicationEnabled"))
        {
          JsonObject *cnd = json_object_new ();
          JsonArray *eq = json_array_new ();

          json_array_add_element (eq, _nines_cfn_ref ("ReplicationEnabled"));
          json_array_add_string_element (eq, "true");
          json_object_set_array_member (cnd, "Fn::Equals", eq);
          json_object_set_object_member (b->conditions, "IsReplicationEnabled", cnd);
        }
      add_replication_role (b, item, role, name, dest, cond);
      json_object_set_member (rc, "Role", _nines_cfn_getatt (role, "Arn"));
      a = json_array_new ();
      json_array_add_object_element (a, replication_rule (b, out, dest));
      json_object_set_array_member (rc, "Rules", a);
      json_object_set_member (props, "ReplicationConfiguration",
                              _nines_cfn_if ("IsReplicationEnabled", _nines_cfn_object (rc),
                                             _nines_cfn_no_value ()));
    }
  json_object_set_array_member (props, "Tags",
                                _nines_cfn_tags (b, item, nines_component_get_display_name (c)));
  if (linked_from_cloudfront (b, item->source_id))
    _nines_cfn_add_cloudfront_bucket_policy (b, item, cond);

  if (cond == NULL)
    {
      g_autofree char *o_name = _nines_cfn_logical_id (item->id, "BucketName");

      _nines_cfn_add_output (b, o_name, "Name of the bucket", _nines_cfn_ref (bucket));
    }
}

/* ---- DynamoDB -------------------------------------------------------------------- */

void
_nines_cfn_add_dynamodb (NinesCfnBuilder         *b,
                         const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *cond = _nines_cfn_item_condition (b, item);
  g_autofree char *table = _nines_cfn_logical_id (item->id, NULL);
  g_autofree char *pk = _nines_cfn_logical_id (item->id, "PartitionKey");
  g_autofree char *desc = g_strdup_printf ("Partition key attribute of %s",
                                           nines_component_get_display_name (c));
  const NinesReplication *out = _nines_cfn_find_replication (b, item, NINES_REPLICATION_DDB_GLOBAL,
                                                             FALSE);
  gboolean provisioned = g_strcmp0 (nines_component_get_string (c, "capacity_mode"),
                                    "provisioned") == 0;
  JsonObject *props;
  JsonObject *o;
  JsonArray *a;

  /* A global table is one resource, declared in the primary region's stack with all
   * its replicas; the replica regions' stacks hold nothing for it. */
  if (_nines_cfn_find_replication (b, item, NINES_REPLICATION_DDB_GLOBAL, TRUE) != NULL)
    return;

  _nines_cfn_add_parameter (b, pk, "String", desc, "pk");
  props = _nines_cfn_add_resource (b, table,
                                   out ? "AWS::DynamoDB::GlobalTable" : "AWS::DynamoDB::Table", cond);
  set_retain_policies (b, table, "Retain");
  a = json_array_new ();
  o = json_object_new ();
  json_object_set_member (o, "AttributeName", _nines_cfn_ref (pk));
  json_object_set_string_member (o, "AttributeType", "S");
  json_array_add_object_element (a, o);
  json_object_set_array_member (props, "AttributeDefinitions", a);
  a = json_array_new ();
  o = json_object_new ();
  json_object_set_member (o, "AttributeName", _nines_cfn_ref (pk));
  json_object_set_string_member (o, "KeyType", "HASH");
  json_array_add_object_element (a, o);
  json_object_set_array_member (props, "KeySchema", a);
  json_object_set_string_member (props, "BillingMode",
                                 provisioned ? "PROVISIONED" : "PAY_PER_REQUEST");

  if (out == NULL)
    {
      if (provisioned)
        {
          o = json_object_new ();
          json_object_set_int_member (o, "ReadCapacityUnits",
                                      MAX (1, nines_component_get_int (c, "rcu")));
          json_object_set_int_member (o, "WriteCapacityUnits",
                                      MAX (1, nines_component_get_int (c, "wcu")));
          json_object_set_object_member (props, "ProvisionedThroughput", o);
        }
      o = json_object_new ();
      json_object_set_boolean_member (o, "PointInTimeRecoveryEnabled",
                                      nines_component_get_bool (c, "pitr"));
      json_object_set_object_member (props, "PointInTimeRecoverySpecification", o);
      json_object_set_array_member (props, "Tags",
                                    _nines_cfn_tags (b, item,
                                                     nines_component_get_display_name (c)));
    }
  else
    {
      const char *regions[] = { b->region, out->to_region };

      /* Global tables replicate through streams of new and old images (DynamoDB
       * Developer Guide, "Global tables: how it works"). */
      o = json_object_new ();
      json_object_set_string_member (o, "StreamViewType", "NEW_AND_OLD_IMAGES");
      json_object_set_object_member (props, "StreamSpecification", o);
      if (provisioned)
        {
          JsonObject *w = json_object_new ();
          JsonObject *as = json_object_new ();
          JsonObject *tt = json_object_new ();
          gint64 wcu = MAX (1, nines_component_get_int (c, "wcu"));

          /* Provisioned global tables need write auto scaling (CloudFormation,
           * AWS::DynamoDB::GlobalTable WriteProvisionedThroughputSettings). */
          json_object_set_int_member (as, "MinCapacity", wcu);
          json_object_set_int_member (as, "MaxCapacity", wcu * 4);
          json_object_set_double_member (tt, "TargetValue", 70);
          json_object_set_object_member (as, "TargetTrackingScalingPolicyConfiguration", tt);
          json_object_set_object_member (w, "WriteCapacityAutoScalingSettings", as);
          json_object_set_object_member (props, "WriteProvisionedThroughputSettings", w);
        }
      a = json_array_new ();
      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        {
          JsonObject *rep = json_object_new ();
          JsonObject *pitr = json_object_new ();

          json_object_set_string_member (rep, "Region", regions[i]);
          json_object_set_boolean_member (pitr, "PointInTimeRecoveryEnabled",
                                          nines_component_get_bool (c, "pitr"));
          json_object_set_object_member (rep, "PointInTimeRecoverySpecification", pitr);
          if (provisioned)
            {
              JsonObject *r = json_object_new ();

              json_object_set_int_member (r, "ReadCapacityUnits",
                                          MAX (1, nines_component_get_int (c, "rcu")));
              json_object_set_object_member (rep, "ReadProvisionedThroughputSettings", r);
            }
          json_object_set_array_member (rep, "Tags", _nines_cfn_tags (b, item, NULL));
          json_array_add_object_element (a, rep);
        }
      json_object_set_array_member (props, "Replicas", a);
    }
}

/* ---- EFS, ElastiCache, SQS ------------------------------------------------------- */

void
_nines_cfn_add_efs (NinesCfnBuilder         *b,
                    const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *cond = _nines_cfn_item_condition (b, item);
  g_autofree char *fs = _nines_cfn_logical_id (item->id, NULL);
  g_autofree char *sg = _nines_cfn_logical_id (item->id, "SecurityGroup");
  const NinesReplication *out = _nines_cfn_find_replication (b, item, NINES_REPLICATION_EFS, FALSE);
  JsonObject *props;
  JsonArray *a;

  /* EFS replication creates and owns the destination file system itself (EFS User
   * Guide, "Replicating file systems"): nothing to declare in the replica's region. */
  if (!b->has_network || _nines_cfn_find_replication (b, item, NINES_REPLICATION_EFS, TRUE) != NULL)
    return;
  _nines_cfn_add_security_group (b, sg, "NFS from the VPC", 2049, "Vpc", cond);
  props = _nines_cfn_add_resource (b, fs, "AWS::EFS::FileSystem", cond);
  set_retain_policies (b, fs, "Retain");
  json_object_set_boolean_member (props, "Encrypted", TRUE);
  if (out != NULL)
    {
      JsonObject *rc = json_object_new ();
      JsonObject *dest = json_object_new ();

      json_object_set_string_member (dest, "Region", out->to_region);
      a = json_array_new ();
      json_array_add_object_element (a, dest);
      json_object_set_array_member (rc, "Destinations", a);
      json_object_set_object_member (props, "ReplicationConfiguration", rc);
    }
  json_object_set_array_member (props, "FileSystemTags",
                                _nines_cfn_tags (b, item, nines_component_get_display_name (c)));
  for (guint i = 0; i < b->private_subnets->len; i++)
    {
      g_autofree char *suffix = g_strdup_printf ("MountTarget%u", i + 1);
      g_autofree char *mt = _nines_cfn_logical_id (item->id, suffix);

      props = _nines_cfn_add_resource (b, mt, "AWS::EFS::MountTarget", cond);
      json_object_set_member (props, "FileSystemId", _nines_cfn_ref (fs));
      json_object_set_member (props, "SubnetId",
                              _nines_cfn_ref (g_ptr_array_index (b->private_subnets, i)));
      a = json_array_new ();
      json_array_add_element (a, _nines_cfn_ref (sg));
      json_object_set_array_member (props, "SecurityGroups", a);
    }
}

void
_nines_cfn_add_elasticache (NinesCfnBuilder         *b,
                            const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *cond = _nines_cfn_item_condition (b, item);
  const char *engine = nines_component_get_string (c, "engine");
  gboolean memcached = g_strcmp0 (engine, "memcached") == 0;
  g_autofree char *cache = _nines_cfn_logical_id (item->id, NULL);
  g_autofree char *sg = _nines_cfn_logical_id (item->id, "SecurityGroup");
  g_autofree char *subnets = _nines_cfn_logical_id (item->id, "SubnetGroup");
  g_autofree char *desc = g_strdup_printf ("%s (Nines)", nines_component_get_display_name (c));
  gint64 nodes = nines_component_get_int (c, "nodes");
  JsonObject *props;
  JsonArray *a;

  if (!b->has_network)
    return;
  add_subnet_group (b, item, subnets, "AWS::ElastiCache::SubnetGroup", cond);
  _nines_cfn_add_security_group (b, sg, "Cache access from the VPC", memcached ? 11211 : 6379,
                                 "Vpc", cond);
  a = json_array_new ();
  json_array_add_element (a, _nines_cfn_getatt (sg, "GroupId"));
  if (memcached)
    {
      props = _nines_cfn_add_resource (b, cache, "AWS::ElastiCache::CacheCluster", cond);
      json_object_set_string_member (props, "Engine", "memcached");
      json_object_set_string_member (props, "CacheNodeType",
                                     nines_component_get_string (c, "node_type"));
      json_object_set_int_member (props, "NumCacheNodes", nodes);
      json_object_set_member (props, "CacheSubnetGroupName", _nines_cfn_ref (subnets));
      json_object_set_array_member (props, "VpcSecurityGroupIds", a);
    }
  else
    {
      props = _nines_cfn_add_resource (b, cache, "AWS::ElastiCache::ReplicationGroup", cond);
      json_object_set_string_member (props, "ReplicationGroupDescription", desc);
      json_object_set_string_member (props, "Engine", engine);
      json_object_set_string_member (props, "CacheNodeType",
                                     nines_component_get_string (c, "node_type"));
      json_object_set_int_member (props, "NumCacheClusters", nodes);
      json_object_set_boolean_member (props, "AutomaticFailoverEnabled", nodes > 1);
      json_object_set_boolean_member (props, "MultiAZEnabled", nodes > 1);
      json_object_set_boolean_member (props, "AtRestEncryptionEnabled", TRUE);
      json_object_set_boolean_member (props, "TransitEncryptionEnabled", TRUE);
      json_object_set_member (props, "CacheSubnetGroupName", _nines_cfn_ref (subnets));
      json_object_set_array_member (props, "SecurityGroupIds", a);
    }
  json_object_set_array_member (props, "Tags",
                                _nines_cfn_tags (b, item, nines_component_get_display_name (c)));
}

void
_nines_cfn_add_sqs (NinesCfnBuilder         *b,
                    const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *cond = _nines_cfn_item_condition (b, item);
  g_autofree char *queue = _nines_cfn_logical_id (item->id, NULL);
  JsonObject *props = _nines_cfn_add_resource (b, queue, "AWS::SQS::Queue", cond);

  if (nines_component_get_bool (c, "fifo"))
    json_object_set_boolean_member (props, "FifoQueue", TRUE);
  json_object_set_boolean_member (props, "SqsManagedSseEnabled", TRUE);
  json_object_set_array_member (props, "Tags",
                                _nines_cfn_tags (b, item, nines_component_get_display_name (c)));
}
