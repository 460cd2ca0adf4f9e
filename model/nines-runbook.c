/* nines-runbook.c: the DR runbook (Markdown) from the recovery model's timeline */
#define G_LOG_DOMAIN "nines-runbook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-cfn-template-private.h"

/* The seed's reminder (ops-to-the-nines.txt, "Backup & Restore"), quoted. */
#define SEED_TEST_REMINDER \
  "Be sure to routinely test your backups. If you haven't practiced restoring in a few " \
  "months, assume you won't be able to when disaster strikes."

typedef struct
{
  NinesRecovery   *recovery;
  NinesDeployment *deployment;
  NinesDocument   *document;
  const char      *primary;
  const char      *recovery_region;
  char            *primary_stack;
  char            *recovery_stack;
  JsonObject      *recovery_params;   /* the recovery template's Parameters, or NULL */
  JsonNode        *recovery_template;
  GString         *out;
} Runbook;

static char *
dur (double seconds)
{
  return nines_format_duration (seconds);
}

/* A shell line that puts a stack resource's physical id in $VAR. */
static void
lookup_line (Runbook    *rb,
             const char *var,
             const char *region,
             const char *stack,
             const char *logical_id)
{
  g_string_append_printf (rb->out,
                          "%s=$(aws cloudformation describe-stack-resource --region %s --stack-name %s "
                          "--logical-resource-id %s --query StackResourceDetail.PhysicalResourceId --output text)\n",
                          var, region, stack, logical_id);
}

static void
code_open (Runbook *rb)
{
  g_string_append (rb->out, "\n```sh\n");
}

static void
code_close (Runbook *rb)
{
  g_string_append (rb->out, "```\n");
}

static const char *
item_kind (const NinesDeployedItem *item)
{
  NinesComponent *c = item ? _nines_cfn_item_component (item) : NULL;

  return c ? nines_component_get_kind (c) : "";
}

static void
stack_update_command (Runbook    *rb,
                      const char *state)
{
  g_autoptr(GList) names = NULL;

  g_string_append_printf (rb->out, "aws cloudformation update-stack --region %s --stack-name %s "
                          "--use-previous-template --capabilities CAPABILITY_IAM \\\n  --parameters "
                          "ParameterKey=%s,ParameterValue=%s",
                          rb->recovery_region, rb->recovery_stack, NINES_CFN_STATE_PARAM, state);
  names = rb->recovery_params ? json_object_get_members (rb->recovery_params) : NULL;
  for (GList *l = names; l; l = l->next)
    {
      if (g_str_equal (l->data, NINES_CFN_STATE_PARAM))
        continue;
      if (g_str_has_suffix (l->data, "SnapshotArn") && g_str_equal (state, "failed-over"))
        g_string_append_printf (rb->out,
                                " \\\n    ParameterKey=%s,ParameterValue=\"$SNAPSHOT_ARN\"",
                                (const char *) l->data);
      else
        g_string_append_printf (rb->out, " \\\n    ParameterKey=%s,UsePreviousValue=true",
                                (const char *) l->data);
    }
  g_string_append_printf (rb->out,
                          "\naws cloudformation wait stack-update-complete --region %s --stack-name %s\n",
                          rb->recovery_region, rb->recovery_stack);
}

/* The target group (logical id) of the load balancer that sends traffic to @item. */
static char *
target_group_of (Runbook                 *rb,
                 const NinesDeployedItem *item)
{
  GListModel *links = nines_document_get_links (rb->document);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) link = g_list_model_get_item (links, i);
      NinesComponent *from;

      if (g_strcmp0 (nines_link_get_to (link), item->source_id) != 0)
        continue;
      from = nines_document_lookup_component (rb->document, nines_link_get_from (link));
      if (from != NULL && (g_str_equal (nines_component_get_kind (from), "alb")
                           || g_str_equal (nines_component_get_kind (from), "nlb")))
        return _nines_cfn_logical_id (nines_link_get_from (link), "TargetGroup");
    }
  return NULL;
}

static void
step_commands (Runbook                 *rb,
               const NinesRecoveryStep *step)
{
  const NinesDeployedItem *item = step->item_id ? nines_deployment_lookup_item (rb->deployment,
                                                                                step->item_id) : NULL;
  const char *kind = item_kind (item);
  g_autofree char *logical = item ? _nines_cfn_logical_id (item->id, NULL) : NULL;
  gboolean automated = nines_recovery_is_automated (rb->recovery);

  switch (step->kind)
    {
    case NINES_STEP_DETECT:
      if (automated)
        {
          g_string_append (rb->out,
                           "\nCheck: the primary region's Route 53 health check reports unhealthy.\n");
          code_open (rb);
          lookup_line (rb, "HC", rb->recovery_region, rb->recovery_stack, "HealthCheck");
          g_string_append (rb->out,
                           "aws route53 get-health-check-status --health-check-id \"$HC\"\n");
          code_close (rb);
        }
      else
        {
          g_string_append_printf (rb->out,
                                  "\nCheck: the CloudWatch alarms have fired and the AWS Health "
                                  "Dashboard confirms an event in %s.\n", rb->primary);
          code_open (rb);
          g_string_append_printf (rb->out, "aws health describe-events --region us-east-1 "
                                  "--filter eventStatusCodes=open,regions=%s\n", rb->primary);
          code_close (rb);
        }
      break;

    case NINES_STEP_DECIDE:
      {
        const char * const *owners = nines_document_get_owners (rb->document);
        g_autofree char *list = owners && owners[0] ? g_strjoinv (", ",
                                                                  (char **) owners) : g_strdup (_("(no owner recorded)"));

        g_string_append_printf (rb->out,
                                "\nThe incident lead declares the disaster and tells the owners: %s.\n", list);
      }
      break;

    case NINES_STEP_PROVISION:
      g_string_append_printf (rb->out,
                              "\nSwitch the recovery stack to its failed-over state: it creates what the "
                              "pattern does not keep running and sizes the groups to full.%s\n",
                              nines_deployment_get_pattern (rb->deployment) == NINES_DR_PATTERN_BACKUP_RESTORE
                              ? " The database is restored from the newest copied recovery point." : "");
      code_open (rb);
      if (rb->recovery_params != NULL)
        {
          g_autoptr(GList) names = json_object_get_members (rb->recovery_params);
          gboolean snapshot = FALSE;

          for (GList *l = names; l; l = l->next)
            snapshot |= g_str_has_suffix (l->data, "SnapshotArn");
          if (snapshot)
            {
              g_autofree char *vault = NULL;
              NinesCfnBuilder fake = { .document = rb->document };
              const char *type = "RDS";

              /* AWS Backup calls Aurora recovery points "Aurora", RDS instance ones "RDS". */
              for (guint i = 0; i < nines_deployment_get_n_items (rb->deployment); i++)
                {
                  const NinesDeployedItem *it = nines_deployment_get_item (rb->deployment, i);

                  if (g_strcmp0 (it->region, rb->recovery_region) == 0
                      && g_str_equal (item_kind (it), "aurora"))
                    type = "Aurora";
                }
              vault = _nines_cfn_vault_name (&fake);
              g_string_append_printf (rb->out,
                                      "SNAPSHOT_ARN=$(aws backup list-recovery-points-by-backup-vault "
                                      "--region %s --backup-vault-name %s \\\n  --by-resource-type %s "
                                      "--query 'sort_by(RecoveryPoints,&CreationDate)[-1].RecoveryPointArn' "
                                      "--output text)\n", rb->recovery_region, vault, type);
            }
        }
      stack_update_command (rb, "failed-over");
      code_close (rb);
      break;

    case NINES_STEP_DATA:
      if (g_str_equal (kind, "rds") && step->duration_s > 0 && g_str_has_prefix (step->label,
                                                                                 "Promote"))
        {
          code_open (rb);
          lookup_line (rb, "DB", rb->recovery_region, rb->recovery_stack, logical);
          g_string_append_printf (rb->out,
                                  "aws rds promote-read-replica --region %s --db-instance-identifier \"$DB\"\n"
                                  "aws rds wait db-instance-available --region %s --db-instance-identifier \"$DB\"\n",
                                  rb->recovery_region, rb->recovery_region);
          code_close (rb);
          g_string_append (rb->out,
                           "\nCheck: the instance has no ReadReplicaSourceDBInstanceIdentifier any more "
                           "and accepts writes. Then add read replicas again so capacity stays as it was "
                           "(the seed).\n");
        }
      else if (g_str_equal (kind, "aurora") && g_str_has_prefix (step->id,
                                                                 "data:") && !g_str_has_suffix (step->id, ":instance"))
        {
          g_autofree char *cluster = _nines_cfn_logical_id (item->id, "Cluster");
          g_autofree char *param = _nines_cfn_logical_id (item->id, "GlobalClusterId");

          code_open (rb);
          lookup_line (rb, "CLUSTER", rb->recovery_region, rb->recovery_stack, cluster);
          g_string_append_printf (rb->out,
                                  "GLOBAL=$(aws cloudformation describe-stacks --region %s --stack-name %s "
                                  "--query \"Stacks[0].Parameters[?ParameterKey=='%s'].ParameterValue\" --output text)\n",
                                  rb->recovery_region, rb->recovery_stack, param);
          g_string_append_printf (rb->out,
                                  "ARN=$(aws rds describe-db-clusters --region %s --db-cluster-identifier "
                                  "\"$CLUSTER\" --query 'DBClusters[0].DBClusterArn' --output text)\n"
                                  "aws rds failover-global-cluster --region %s --global-cluster-identifier \"$GLOBAL\" "
                                  "--target-db-cluster-identifier \"$ARN\" --allow-data-loss\n",
                                  rb->recovery_region, rb->recovery_region);
          code_close (rb);
          g_string_append (rb->out,
                           "\nCheck: `aws rds describe-global-clusters` lists the recovery cluster as the "
                           "writer (IsWriter true).\n");
        }
      else if (g_str_equal (kind, "aurora"))
        g_string_append (rb->out,
                         "\nThe stack update above adds the instances (FailoverState=failed-over); "
                         "check they are `available` with `aws rds describe-db-instances`.\n");
      else if (g_str_equal (kind, "dynamodb"))
        g_string_append_printf (rb->out, "\nCheck: the replica in %s is ACTIVE "
                                "(`aws dynamodb describe-table --region %s --table-name TABLE "
                                "--query Table.TableStatus`); point writers at it.\n",
                                rb->recovery_region, rb->recovery_region);
      else if (g_str_equal (kind, "s3"))
        {
          NinesCfnBuilder fake = { .document = rb->document };
          g_autofree char *name = _nines_cfn_bucket_name (&fake, item->source_id,
                                                          rb->recovery_region);
          g_autofree char *shell = NULL;
          g_auto(GStrv) parts = g_strsplit (name, "${AWS::AccountId}", 2);

          shell = g_strjoinv ("$ACCOUNT", parts);
          code_open (rb);
          g_string_append_printf (rb->out,
                                  "ACCOUNT=$(aws sts get-caller-identity --query Account --output text)\n"
                                  "aws s3api head-bucket --bucket \"%s\"\n", shell);
          code_close (rb);
          g_string_append (rb->out,
                           "\nThe replica keeps what was replicated; objects older than the recovery "
                           "region's lifecycle rule may be missing (the seed's two-week rule).\n");
        }
      else if (g_str_equal (kind, "efs"))
        g_string_append_printf (rb->out,
                                "\nDelete the replication configuration so the replica becomes writable: "
                                "`aws efs delete-replication-configuration --region %s --source-file-system-id FS`.\n",
                                rb->primary);
      else if (g_str_equal (kind, "rds"))
        g_string_append (rb->out,
                         "\nThe stack update restores the instance from the copied snapshot; wait for it: "
                         "`aws rds wait db-instance-available`.\n");
      break;

    case NINES_STEP_COMPUTE:
      if (rb->recovery_params != NULL && json_object_has_member (rb->recovery_params,
                                                                 NINES_CFN_STATE_PARAM))
        g_string_append (rb->out,
                         "\nThe stack update (FailoverState=failed-over) sets the group to full size.\n");
      else if (item != NULL && item->failover != NULL && g_str_equal (kind, "ec2-asg"))
        {
          code_open (rb);
          lookup_line (rb, "ASG", rb->recovery_region, rb->recovery_stack, logical);
          g_string_append_printf (rb->out, "aws autoscaling update-auto-scaling-group --region %s "
                                  "--auto-scaling-group-name \"$ASG\" --min-size %" G_GINT64_FORMAT
                                  " --desired-capacity %" G_GINT64_FORMAT "\n", rb->recovery_region,
                                  nines_component_get_int (item->failover, "min"),
                                  nines_component_get_int (item->failover, "desired"));
          code_close (rb);
        }
      if (g_str_equal (kind, "ec2-asg"))
        {
          g_autofree char *tg = NULL;

          tg = target_group_of (rb, item);
          if (tg == NULL)
            break;
          g_string_append (rb->out, "\nCheck: every target is healthy behind the load balancer.\n");
          code_open (rb);
          g_string_append_printf (rb->out,
                                  "TG=$(aws cloudformation describe-stack-resource --region %s --stack-name %s "
                                  "--logical-resource-id %s --query StackResourceDetail.PhysicalResourceId --output text)\n"
                                  "aws elbv2 describe-target-health --region %s --target-group-arn \"$TG\" "
                                  "--query 'TargetHealthDescriptions[].TargetHealth.State'\n",
                                  rb->recovery_region, rb->recovery_stack, tg, rb->recovery_region);
          code_close (rb);
        }
      break;

    case NINES_STEP_TRAFFIC:
      if (automated)
        g_string_append (rb->out,
                         "\nNothing to do: Route 53 stops answering with the unhealthy region. "
                         "Check: `dig +short DOMAIN` returns the recovery region's load balancer.\n");
      else
        {
          g_string_append_printf (rb->out,
                                  "\nPoint the domain's record at the recovery region's endpoint (stack "
                                  "output of %s). Route 53 changes go through its control plane in "
                                  "us-east-1.\n", rb->recovery_stack);
          code_open (rb);
          g_string_append_printf (rb->out,
                                  "aws cloudformation describe-stacks --region %s --stack-name %s "
                                  "--query 'Stacks[0].Outputs'\n"
                                  "aws route53 change-resource-record-sets --hosted-zone-id ZONE "
                                  "--change-batch file://failover-record.json\n", rb->recovery_region,
                                  rb->recovery_stack);
          code_close (rb);
        }
      break;

    case NINES_STEP_WARM:
      g_string_append (rb->out,
                       "\nCheck: load balancer latency and error rate are back to their usual "
                       "levels (CloudWatch AWS/ApplicationELB TargetResponseTime, "
                       "HTTPCode_Target_5XX_Count).\n");
      break;

    case NINES_STEP_WAIT:
      g_string_append (rb->out,
                       "\nNothing runs in another region: follow the AWS Health Dashboard until the "
                       "region is back, then check the service end to end.\n");
      break;

    default:
      break;
    }
}

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const NinesRecoveryStep *x = *(const NinesRecoveryStep **) a;
  const NinesRecoveryStep *y = *(const NinesRecoveryStep **) b;

  if (x->start_s != y->start_s)
    return x->start_s < y->start_s ? -1 : 1;
  return 0;   /* stable sort keeps the model's order */
}

static void
write_failover (Runbook *rb)
{
  guint n = nines_recovery_get_n_steps (rb->recovery);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (order, (gpointer) nines_recovery_get_step (rb->recovery, i));
  /* g_ptr_array_sort is not stable; insertion sort is, and timelines are short. */
  for (guint i = 1; i < order->len; i++)
    for (guint j = i; j > 0 && compare_steps (&order->pdata[j - 1], &order->pdata[j]) > 0; j--)
      {
        gpointer t = order->pdata[j];

        order->pdata[j] = order->pdata[j - 1];
        order->pdata[j - 1] = t;
      }

  g_string_append (rb->out,
                   "\n## Failover\n\nSteps in the order they start; times are from the moment the "
                   "primary region fails. Steps marked **critical** are on the critical path: a delay there "
                   "delays the whole recovery.\n");
  for (guint i = 0; i < order->len; i++)
    {
      const NinesRecoveryStep *s = order->pdata[i];
      g_autofree char *d = dur (s->duration_s);
      g_autofree char *start = dur (s->start_s);
      g_autofree char *end = dur (s->end_s);

      g_string_append_printf (rb->out, "\n### %u. %s%s\n\n", i + 1, s->label,
                              s->critical ? " (critical)" : "");
      g_string_append_printf (rb->out, "- Expected duration: %s (starts at T+%s, done by T+%s)\n",
                              d, start, end);
      g_string_append_printf (rb->out, "- Source: %s\n", s->source);
      if (s->n_deps > 0)
        {
          g_string_append (rb->out, "- Waits for: ");
          for (guint k = 0; k < s->n_deps; k++)
            g_string_append_printf (rb->out, "%s%s", k ? ", " : "",
                                    nines_recovery_get_step (rb->recovery, s->deps[k])->label);
          g_string_append_c (rb->out, '\n');
        }
      if (s->control_plane != NULL)
        g_string_append_printf (rb->out, "- Calls the control plane of %s%s\n", s->control_plane,
                                s->uses_failed_region ? " — **the failed region: this step may not work "
                                                        "during the outage**" : "");
      step_commands (rb, s);
    }
}

static void
write_rpo (Runbook *rb)
{
  guint n = nines_recovery_get_n_stores (rb->recovery);

  g_string_append (rb->out, "\n## Data you may lose (RPO per data store)\n\n");
  if (n == 0)
    {
      g_string_append (rb->out, "The design has no data store.\n");
      return;
    }
  g_string_append (rb->out, "| Store | Kind | Copy | RPO | Source |\n|---|---|---|---|---|\n");
  for (guint i = 0; i < n; i++)
    {
      const NinesStoreRpo *s = nines_recovery_get_store (rb->recovery, i);
      g_autofree char *rpo = dur (s->rpo_s);

      g_string_append_printf (rb->out, "| %s | %s | %s | %s | %s%s%s |\n", s->store_id, s->kind,
                              s->mechanism,
                              s->rpo_s < 0 ? "no copy outside the region" : rpo, s->source,
                              s->note ? "; " : "", s->note ? s->note : "");
    }
}

static void
write_failback (Runbook *rb)
{
  NinesDrPattern pattern = nines_deployment_get_pattern (rb->deployment);
  guint n_rep = nines_deployment_get_n_replications (rb->deployment);
  guint k = 1;

  if (pattern == NINES_DR_PATTERN_NONE || nines_deployment_get_recovery_region (rb->deployment) == NULL)
    {
      g_string_append_printf (rb->out,
                              "\n## Failback\n\nNothing to fail back: the service returns in %s when AWS "
                              "restores the region. Then check every data store end to end, and consider a DR "
                              "pattern so the next outage has somewhere to go.\n", rb->primary);
      return;
    }
  g_string_append_printf (rb->out,
                          "\n## Failback\n\nPlanned work, in a quiet window, once %s is healthy again. "
                          "The recovery model times the failover only; these steps take as long as the data "
                          "needs to copy back.\n", rb->primary);
  g_string_append_printf (rb->out,
                          "\n%u. Confirm on the AWS Health Dashboard that %s has recovered; keep "
                          "serving from %s meanwhile.\n", k++, rb->primary, rb->recovery_region);
  for (guint i = 0; i < n_rep; i++)
    {
      const NinesReplication *r = nines_deployment_get_replication (rb->deployment, i);

      /* A backup plan kept beside a replica fails back with the replica. */
      if (g_strcmp0 (r->from_region, rb->primary) != 0 || r->alongside)
        continue;
      switch (r->kind)
        {
        case NINES_REPLICATION_RDS_REPLICA:
          g_string_append_printf (rb->out,
                                  "%u. Copy %s back: create a cross-region read replica of the promoted "
                                  "instance in %s (`aws rds create-db-instance-read-replica --region %s "
                                  "--source-db-instance-identifier ARN`), wait until its lag is near zero, then "
                                  "promote it during the switch back.\n", k++, r->source_id, rb->primary, rb->primary);
          break;
        case NINES_REPLICATION_AURORA_GLOBAL:
          g_string_append_printf (rb->out,
                                  "%u. Once the old primary cluster of %s has rejoined the global database "
                                  "as a secondary, switch the writer back without data loss: `aws rds "
                                  "switchover-global-cluster --global-cluster-identifier GLOBAL "
                                  "--target-db-cluster-identifier PRIMARY-CLUSTER-ARN`.\n", k++, r->source_id);
          break;
        case NINES_REPLICATION_DDB_GLOBAL:
          g_string_append_printf (rb->out,
                                  "%u. %s: nothing to copy; the global table's %s replica catches up by "
                                  "itself. Check it is ACTIVE.\n", k++, r->source_id, rb->primary);
          break;
        case NINES_REPLICATION_S3_CRR:
          g_string_append_printf (rb->out,
                                  "%u. %s: copy objects written during the outage back to the primary "
                                  "bucket (`aws s3 sync s3://REPLICA s3://PRIMARY`) unless replication runs both "
                                  "ways.\n", k++, r->source_id);
          break;
        case NINES_REPLICATION_BACKUP_COPY:
          g_string_append_printf (rb->out,
                                  "%u. %s: take a backup of the restored copy in %s and restore it in %s "
                                  "(AWS Backup copy job back to the primary vault).\n", k++, r->source_id,
                                  rb->recovery_region, rb->primary);
          break;
        case NINES_REPLICATION_EFS:
          g_string_append_printf (rb->out,
                                  "%u. %s: replicate the file system back to %s, then fail over to it.\n",
                                  k++, r->source_id, rb->primary);
          break;
        default:
          break;
        }
    }
  if (nines_recovery_is_automated (rb->recovery))
    g_string_append_printf (rb->out,
                            "%u. Move traffic back: Route 53 returns to %s by itself once its health "
                            "check passes, so make sure the data is back first (or disable the primary's "
                            "health check until then).\n", k++, rb->primary);
  else
    g_string_append_printf (rb->out,
                            "%u. Move traffic back: change the record to %s's endpoint again "
                            "(`aws route53 change-resource-record-sets`), wait for the TTL.\n", k++, rb->primary);
  if (rb->recovery_params != NULL && json_object_has_member (rb->recovery_params,
                                                             NINES_CFN_STATE_PARAM))
    {
      g_string_append_printf (rb->out,
                              "%u. Return the recovery stack to its steady state (what %s keeps "
                              "running):\n", k++, nines_dr_pattern_get_label (pattern));
      code_open (rb);
      stack_update_command (rb, "steady");
      code_close (rb);
    }
  g_string_append_printf (rb->out,
                          "%u. Re-create what protects the primary again (read replica or global "
                          "secondary in %s, replication rules), check the RPO table above holds, and record "
                          "the event and its real durations.\n", k++, rb->recovery_region);
}

static void
write_test_reminder (Runbook *rb)
{
  const char *last_dr = nines_document_get_last_dr_test (rb->document);
  const char *last_restore = nines_document_get_last_restore_test (rb->document);

  g_string_append (rb->out, "\n## Test this runbook\n\n");
  g_string_append (rb->out, "> " SEED_TEST_REMINDER "\n>\n> — Ops to the Nines\n\n");
  g_string_append_printf (rb->out, "- Last DR test: %s\n", last_dr ? last_dr : "never recorded");
  g_string_append_printf (rb->out, "- Last restore test: %s\n",
                          last_restore ? last_restore : "never recorded");
  g_string_append (rb->out,
                   "- Run it as a game day: fail the primary on purpose (or in a copy of the stacks), "
                   "time every step against the durations above, and update the design's knobs with what "
                   "you measured.\n");
}

char *
nines_runbook_to_markdown (NinesRecovery *recovery)
{
  Runbook rb = { 0, };
  g_autofree char *rto = NULL;
  g_autofree char *rpo = NULL;
  const NinesStoreRpo *worst;
  const NinesAvailability *av;

  g_return_val_if_fail (recovery != NULL, NULL);

  rb.recovery = recovery;
  rb.deployment = nines_recovery_get_deployment (recovery);
  rb.document = nines_deployment_get_document (rb.deployment);
  rb.primary = nines_deployment_get_primary_region (rb.deployment);
  rb.recovery_region = nines_deployment_get_recovery_region (rb.deployment);
  if (rb.recovery_region == NULL)
    rb.recovery_region = rb.primary;
  rb.primary_stack = nines_cfn_template_stack_name (rb.deployment, rb.primary);
  rb.recovery_stack = nines_cfn_template_stack_name (rb.deployment, rb.recovery_region);
  rb.recovery_template = nines_cfn_template_build (rb.deployment, rb.recovery_region, NULL);
  if (rb.recovery_template != NULL)
    {
      JsonObject *root = json_node_get_object (rb.recovery_template);

      if (json_object_has_member (root, "Parameters"))
        rb.recovery_params = json_object_get_object_member (root, "Parameters");
    }
  rb.out = g_string_new (NULL);

  rto = dur (nines_recovery_get_rto_s (recovery));
  worst = nines_recovery_get_worst_store (recovery);
  rpo = nines_recovery_get_rpo_s (recovery) < 0 ? g_strdup (_("unbounded (a store has no copy outside the region)"))
                                                : dur (nines_recovery_get_rpo_s (recovery));
  av = nines_recovery_get_availability (recovery);

  g_string_append_printf (rb.out, "# DR runbook: %s\n\n", nines_document_get_name (rb.document));
  g_string_append_printf (rb.out, "- Pattern: %s\n",
                          nines_dr_pattern_get_label (nines_deployment_get_pattern (rb.deployment)));
  g_string_append_printf (rb.out, "- Primary region: %s (stack `%s`)\n", rb.primary,
                          rb.primary_stack);
  if (nines_deployment_get_pattern (rb.deployment) == NINES_DR_PATTERN_NONE
      || nines_deployment_get_recovery_region (rb.deployment) == NULL)
    g_string_append (rb.out,
                     "- Recovery region: none (nothing runs or is copied outside the primary region)\n");
  else
    g_string_append_printf (rb.out, "- Recovery region: %s (stack `%s`)\n", rb.recovery_region,
                            rb.recovery_stack);
  g_string_append_printf (rb.out, "- Expected RTO: %s (critical path of the failover below)\n",
                          rto);
  g_string_append_printf (rb.out, "- Expected RPO: %s%s%s%s\n", rpo, worst ? " (set by " : "",
                          worst ? worst->store_id : "", worst ? ")" : "");
  g_string_append_printf (rb.out, "- Failover is %s\n", nines_recovery_is_automated (recovery)
                          ? "automated: Route 53 health checks detect the failure and move traffic"
                          : "manual: a person detects, decides and moves traffic");
  g_string_append_printf (rb.out,
                          "- Availability estimate: %.5f %% (%.2f nines, %.0f min of downtime a year)\n",
                          av->availability * 100, av->nines, av->downtime_min_per_year);
  g_string_append_printf (rb.out, "- Document: %s\n", nines_document_get_uuid (rb.document));
  if (nines_recovery_uses_failed_region (recovery))
    g_string_append (rb.out,
                     "\n**Warning:** a step below calls the failed region's control plane; it may not "
                     "work during a regional outage (Well-Architected REL11-BP04).\n");

  write_failover (&rb);
  write_rpo (&rb);
  write_failback (&rb);
  write_test_reminder (&rb);

  g_clear_pointer (&rb.recovery_template, json_node_unref);
  g_free (rb.primary_stack);
  g_free (rb.recovery_stack);
  return g_string_free (rb.out, FALSE);
}
