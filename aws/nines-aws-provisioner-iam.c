/* nines-aws-provisioner-iam.c: the IAM policy provisioning needs, and denied actions
 * explained */
#define G_LOG_DOMAIN "nines-aws-provisioner"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-aws-provisioner-private.h"

/* What Nines itself calls: sts:GetCallerIdentity (whoami), the CloudFormation calls of
 * nines-aws-cloudformation.c and CancelUpdateStack, and S3 for templates over the
 * inline limit. */
static const char * const nines_actions[] = {
  "sts:GetCallerIdentity",
  "cloudformation:CreateChangeSet", "cloudformation:DescribeChangeSet",
  "cloudformation:ExecuteChangeSet", "cloudformation:DeleteChangeSet",
  "cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents",
  "cloudformation:ListStackResources", "cloudformation:DeleteStack",
  "cloudformation:CancelUpdateStack", "cloudformation:ValidateTemplate",
  "cloudformation:TagResource",
  NULL
};

/* What CloudFormation calls with the caller's permissions (no service role) to create,
 * update and delete each resource type the export writes. Condensed from the handler
 * permissions ("handlers": create/update/delete "permissions") of each type's
 * CloudFormation resource provider schema (aws-cloudformation resource schemas, as
 * served by DescribeType), keeping the calls for the properties Nines sets. */
typedef struct
{
  const char *type;
  const char *actions;   /* space separated */
} TypeActions;

static const TypeActions type_actions[] = {
  { "AWS::EC2::VPC", "ec2:CreateVpc ec2:DeleteVpc ec2:DescribeVpcs ec2:ModifyVpcAttribute ec2:DescribeVpcAttribute ec2:CreateTags ec2:DeleteTags" },
  { "AWS::EC2::Subnet", "ec2:CreateSubnet ec2:DeleteSubnet ec2:DescribeSubnets ec2:ModifySubnetAttribute ec2:CreateTags ec2:DeleteTags" },
  { "AWS::EC2::InternetGateway", "ec2:CreateInternetGateway ec2:DeleteInternetGateway ec2:DescribeInternetGateways ec2:CreateTags" },
  { "AWS::EC2::VPCGatewayAttachment", "ec2:AttachInternetGateway ec2:DetachInternetGateway ec2:DescribeInternetGateways" },
  { "AWS::EC2::RouteTable", "ec2:CreateRouteTable ec2:DeleteRouteTable ec2:DescribeRouteTables ec2:CreateTags" },
  { "AWS::EC2::Route", "ec2:CreateRoute ec2:DeleteRoute ec2:ReplaceRoute ec2:DescribeRouteTables" },
  { "AWS::EC2::SubnetRouteTableAssociation", "ec2:AssociateRouteTable ec2:DisassociateRouteTable ec2:DescribeRouteTables" },
  { "AWS::EC2::EIP", "ec2:AllocateAddress ec2:ReleaseAddress ec2:DescribeAddresses ec2:CreateTags" },
  { "AWS::EC2::NatGateway", "ec2:CreateNatGateway ec2:DeleteNatGateway ec2:DescribeNatGateways ec2:CreateTags" },
  { "AWS::EC2::SecurityGroup", "ec2:CreateSecurityGroup ec2:DeleteSecurityGroup ec2:DescribeSecurityGroups ec2:AuthorizeSecurityGroupIngress ec2:AuthorizeSecurityGroupEgress ec2:RevokeSecurityGroupIngress ec2:RevokeSecurityGroupEgress ec2:CreateTags" },
  { "AWS::EC2::LaunchTemplate", "ec2:CreateLaunchTemplate ec2:CreateLaunchTemplateVersion ec2:DeleteLaunchTemplate ec2:DescribeLaunchTemplates ec2:DescribeLaunchTemplateVersions ec2:CreateTags iam:PassRole" },
  { "AWS::EC2::Instance", "ec2:RunInstances ec2:TerminateInstances ec2:DescribeInstances ec2:ModifyInstanceAttribute ec2:CreateTags iam:PassRole" },
  { "AWS::AutoScaling::AutoScalingGroup", "autoscaling:CreateAutoScalingGroup autoscaling:UpdateAutoScalingGroup autoscaling:DeleteAutoScalingGroup autoscaling:DescribeAutoScalingGroups autoscaling:DescribeScalingActivities autoscaling:CreateOrUpdateTags ec2:RunInstances ec2:DescribeLaunchTemplateVersions iam:CreateServiceLinkedRole iam:PassRole" },
  { "AWS::ElasticLoadBalancingV2::LoadBalancer", "elasticloadbalancing:CreateLoadBalancer elasticloadbalancing:DeleteLoadBalancer elasticloadbalancing:DescribeLoadBalancers elasticloadbalancing:ModifyLoadBalancerAttributes elasticloadbalancing:AddTags iam:CreateServiceLinkedRole" },
  { "AWS::ElasticLoadBalancingV2::TargetGroup", "elasticloadbalancing:CreateTargetGroup elasticloadbalancing:DeleteTargetGroup elasticloadbalancing:DescribeTargetGroups elasticloadbalancing:ModifyTargetGroup elasticloadbalancing:ModifyTargetGroupAttributes elasticloadbalancing:AddTags" },
  { "AWS::ElasticLoadBalancingV2::Listener", "elasticloadbalancing:CreateListener elasticloadbalancing:DeleteListener elasticloadbalancing:DescribeListeners elasticloadbalancing:ModifyListener" },
  { "AWS::IAM::Role", "iam:CreateRole iam:DeleteRole iam:GetRole iam:UpdateAssumeRolePolicy iam:PutRolePolicy iam:DeleteRolePolicy iam:GetRolePolicy iam:AttachRolePolicy iam:DetachRolePolicy iam:TagRole iam:PassRole" },
  { "AWS::Lambda::Function", "lambda:CreateFunction lambda:DeleteFunction lambda:GetFunction lambda:UpdateFunctionCode lambda:UpdateFunctionConfiguration lambda:TagResource s3:GetObject iam:PassRole" },
  { "AWS::RDS::DBSubnetGroup", "rds:CreateDBSubnetGroup rds:DeleteDBSubnetGroup rds:DescribeDBSubnetGroups rds:ModifyDBSubnetGroup rds:AddTagsToResource" },
  { "AWS::RDS::DBInstance", "rds:CreateDBInstance rds:CreateDBInstanceReadReplica rds:DeleteDBInstance rds:DescribeDBInstances rds:ModifyDBInstance rds:CreateDBSnapshot rds:AddTagsToResource rds:RemoveTagsFromResource secretsmanager:CreateSecret secretsmanager:TagResource kms:DescribeKey kms:CreateGrant" },
  { "AWS::RDS::DBCluster", "rds:CreateDBCluster rds:DeleteDBCluster rds:DescribeDBClusters rds:ModifyDBCluster rds:CreateDBClusterSnapshot rds:AddTagsToResource rds:RemoveFromGlobalCluster kms:DescribeKey kms:CreateGrant" },
  { "AWS::RDS::GlobalCluster", "rds:CreateGlobalCluster rds:DeleteGlobalCluster rds:DescribeGlobalClusters rds:ModifyGlobalCluster rds:RemoveFromGlobalCluster rds:DescribeDBClusters" },
  { "AWS::S3::Bucket", "s3:CreateBucket s3:DeleteBucket s3:ListBucket s3:PutBucketTagging s3:PutBucketVersioning s3:PutLifecycleConfiguration s3:PutReplicationConfiguration s3:PutEncryptionConfiguration s3:PutBucketPublicAccessBlock s3:PutBucketOwnershipControls iam:PassRole" },
  { "AWS::S3::BucketPolicy", "s3:PutBucketPolicy s3:GetBucketPolicy s3:DeleteBucketPolicy" },
  { "AWS::DynamoDB::Table", "dynamodb:CreateTable dynamodb:DeleteTable dynamodb:DescribeTable dynamodb:UpdateTable dynamodb:TagResource dynamodb:UpdateContinuousBackups dynamodb:DescribeContinuousBackups" },
  { "AWS::DynamoDB::GlobalTable", "dynamodb:CreateTable dynamodb:CreateTableReplica dynamodb:DeleteTable dynamodb:DeleteTableReplica dynamodb:DescribeTable dynamodb:UpdateTable dynamodb:TagResource dynamodb:UpdateContinuousBackups dynamodb:DescribeContinuousBackups dynamodb:Scan dynamodb:Query dynamodb:PutItem dynamodb:GetItem dynamodb:UpdateItem dynamodb:DeleteItem iam:CreateServiceLinkedRole" },
  { "AWS::SQS::Queue", "sqs:CreateQueue sqs:DeleteQueue sqs:GetQueueAttributes sqs:SetQueueAttributes sqs:TagQueue" },
  { "AWS::SecretsManager::Secret", "secretsmanager:CreateSecret secretsmanager:DeleteSecret secretsmanager:DescribeSecret secretsmanager:UpdateSecret secretsmanager:GetRandomPassword secretsmanager:TagResource" },
  { "AWS::Route53::HealthCheck", "route53:CreateHealthCheck route53:DeleteHealthCheck route53:GetHealthCheck route53:UpdateHealthCheck route53:ChangeTagsForResource" },
  { "AWS::Route53::RecordSet", "route53:ChangeResourceRecordSets route53:GetChange route53:ListResourceRecordSets route53:GetHostedZone" },
  { "AWS::CloudFront::Distribution", "cloudfront:CreateDistribution cloudfront:CreateDistributionWithTags cloudfront:DeleteDistribution cloudfront:GetDistribution cloudfront:GetDistributionConfig cloudfront:UpdateDistribution cloudfront:TagResource" },
  { "AWS::CloudFront::OriginAccessControl", "cloudfront:CreateOriginAccessControl cloudfront:DeleteOriginAccessControl cloudfront:GetOriginAccessControl cloudfront:UpdateOriginAccessControl" },
  { "AWS::Backup::BackupVault", "backup:CreateBackupVault backup:DeleteBackupVault backup:DescribeBackupVault backup:TagResource backup-storage:MountCapsule kms:CreateGrant kms:DescribeKey" },
  { "AWS::Backup::BackupPlan", "backup:CreateBackupPlan backup:DeleteBackupPlan backup:GetBackupPlan backup:UpdateBackupPlan backup:TagResource" },
  { "AWS::Backup::BackupSelection", "backup:CreateBackupSelection backup:DeleteBackupSelection backup:GetBackupSelection iam:PassRole" },
  { "AWS::GuardDuty::Detector", "guardduty:CreateDetector guardduty:DeleteDetector guardduty:GetDetector guardduty:UpdateDetector guardduty:TagResource iam:CreateServiceLinkedRole" },
  { "AWS::EFS::FileSystem", "elasticfilesystem:CreateFileSystem elasticfilesystem:DeleteFileSystem elasticfilesystem:DescribeFileSystems elasticfilesystem:CreateReplicationConfiguration elasticfilesystem:DeleteReplicationConfiguration elasticfilesystem:TagResource" },
  { "AWS::EFS::MountTarget", "elasticfilesystem:CreateMountTarget elasticfilesystem:DeleteMountTarget elasticfilesystem:DescribeMountTargets ec2:DescribeSubnets ec2:CreateNetworkInterface" },
  { "AWS::ElastiCache::SubnetGroup", "elasticache:CreateCacheSubnetGroup elasticache:DeleteCacheSubnetGroup elasticache:DescribeCacheSubnetGroups" },
  { "AWS::ElastiCache::ReplicationGroup", "elasticache:CreateReplicationGroup elasticache:DeleteReplicationGroup elasticache:DescribeReplicationGroups elasticache:ModifyReplicationGroup elasticache:AddTagsToResource" },
};

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  return g_strcmp0 (a, b);
}

static const char *
lookup_type_actions (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_actions); i++)
    if (g_str_equal (type_actions[i].type, type))
      return type_actions[i].actions;
  return NULL;
}

static void
add_actions (GTree      *actions,
             const char *list)
{
  g_auto(GStrv) words = g_strsplit (list, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_tree_insert (actions, g_strdup (words[i]), GINT_TO_POINTER (1));
}

static gboolean
add_to_array (gpointer key,
              gpointer value,
              gpointer data)
{
  json_array_add_string_element (data, key);
  return FALSE;
}

char *
nines_aws_provisioner_dup_policy (NinesDeployment  *deployment,
                                  GError          **error)
{
  g_auto(GStrv) regions = NULL;
  g_autoptr(GTree) actions = g_tree_new_full (compare_strings, NULL, g_free, NULL);
  g_autoptr(GTree) unknown = g_tree_new_full (compare_strings, NULL, g_free, NULL);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *policy = json_object_new ();
  JsonArray *statements = json_array_new ();
  JsonObject *st;
  JsonArray *arr;
  g_autofree char *stack_prefix = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  gboolean large_templates = FALSE;

  g_return_val_if_fail (deployment != NULL, NULL);

  regions = nines_cfn_template_list_regions (deployment);
  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    {
      g_autoptr(JsonNode) tmpl = nines_cfn_template_build (deployment, regions[i], error);
      JsonObject *resources;
      g_autoptr(GList) keys = NULL;

      if (tmpl == NULL)
        {
          json_object_unref (policy);
          json_array_unref (statements);
          return NULL;
        }
      {
        g_autofree char *text = nines_cfn_template_to_string (tmpl);

        /* over the inline limit, the template goes through a bucket of the account */
        if (strlen (text) > NINES_AWS_CFN_INLINE_TEMPLATE_LIMIT)
          large_templates = TRUE;
      }
      resources = json_object_get_object_member (json_node_get_object (tmpl), "Resources");
      keys = json_object_get_members (resources);
      for (GList *l = keys; l != NULL; l = l->next)
        {
          const char *type = json_object_get_string_member (json_object_get_object_member (resources, l->data), "Type");
          const char *list = lookup_type_actions (type);

          if (list != NULL)
            add_actions (actions, list);
          else
            g_tree_insert (unknown, g_strdup (type), GINT_TO_POINTER (1));
        }
      if (stack_prefix == NULL)
        {
          /* "nines-storefront-us-east-1" → "nines-storefront-*" */
          g_autofree char *name = nines_cfn_template_stack_name (deployment, regions[i]);

          stack_prefix = g_strndup (name, strlen (name) - strlen (regions[i]));
        }
    }
  if (g_tree_nnodes (unknown) > 0)
    {
      g_autoptr(JsonArray) names = json_array_new ();
      g_autoptr(JsonNode) n = json_node_new (JSON_NODE_ARRAY);
      g_autofree char *text = NULL;

      g_tree_foreach (unknown, add_to_array, names);
      json_node_set_array (n, names);
      text = json_to_string (n, FALSE);
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("No IAM actions known for resource types %s"), text);
      json_object_unref (policy);
      json_array_unref (statements);
      return NULL;
    }

  json_object_set_string_member (policy, "Version", "2012-10-17");

  /* CloudFormation, limited to the document's stacks (and their change sets) */
  st = json_object_new ();
  json_object_set_string_member (st, "Sid", "NinesStacks");
  json_object_set_string_member (st, "Effect", "Allow");
  arr = json_array_new ();
  for (guint i = 0; nines_actions[i] != NULL; i++)
    if (g_str_has_prefix (nines_actions[i], "cloudformation:") && !g_str_equal (nines_actions[i], "cloudformation:ValidateTemplate"))
      json_array_add_string_element (arr, nines_actions[i]);
  json_object_set_array_member (st, "Action", arr);
  arr = json_array_new ();
  {
    g_autofree char *stacks = g_strdup_printf ("arn:aws:cloudformation:*:*:stack/%s*/*", stack_prefix);

    json_array_add_string_element (arr, stacks);
    json_array_add_string_element (arr, "arn:aws:cloudformation:*:*:changeSet/nines-*/*");
  }
  json_object_set_array_member (st, "Resource", arr);
  json_array_add_object_element (statements, st);

  /* Calls that take no resource */
  st = json_object_new ();
  json_object_set_string_member (st, "Sid", "NinesAccount");
  json_object_set_string_member (st, "Effect", "Allow");
  arr = json_array_new ();
  json_array_add_string_element (arr, "cloudformation:ValidateTemplate");
  json_array_add_string_element (arr, "sts:GetCallerIdentity");
  json_object_set_array_member (st, "Action", arr);
  json_object_set_string_member (st, "Resource", "*");
  json_array_add_object_element (statements, st);

  /* What CloudFormation does for the caller, only when the call comes through it */
  st = json_object_new ();
  json_object_set_string_member (st, "Sid", "NinesResourcesThroughCloudFormation");
  json_object_set_string_member (st, "Effect", "Allow");
  arr = json_array_new ();
  g_tree_foreach (actions, add_to_array, arr);
  json_object_set_array_member (st, "Action", arr);
  json_object_set_string_member (st, "Resource", "*");
  {
    JsonObject *cond = json_object_new ();
    JsonObject *any = json_object_new ();

    json_object_set_string_member (any, "aws:CalledVia", "cloudformation.amazonaws.com");
    json_object_set_object_member (cond, "ForAnyValue:StringEquals", any);
    json_object_set_object_member (st, "Condition", cond);
  }
  json_array_add_object_element (statements, st);

  if (large_templates)
    {
      st = json_object_new ();
      json_object_set_string_member (st, "Sid", "NinesTemplateBucket");
      json_object_set_string_member (st, "Effect", "Allow");
      arr = json_array_new ();
      json_array_add_string_element (arr, "s3:CreateBucket");
      json_array_add_string_element (arr, "s3:PutObject");
      json_array_add_string_element (arr, "s3:GetObject");
      json_object_set_array_member (st, "Action", arr);
      arr = json_array_new ();
      json_array_add_string_element (arr, "arn:aws:s3:::nines-templates-*");
      json_array_add_string_element (arr, "arn:aws:s3:::nines-templates-*/*");
      json_object_set_array_member (st, "Resource", arr);
      json_array_add_object_element (statements, st);
    }

  json_object_set_array_member (policy, "Statement", statements);
  json_node_take_object (root, policy);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  return json_generator_to_data (gen, NULL);
}

char *
nines_aws_explain_denied (const char *message)
{
  g_autoptr(GRegex) re = NULL;
  g_autoptr(GMatchInfo) m = NULL;
  g_autofree char *principal = NULL, *action = NULL, *resource = NULL;

  if (message == NULL)
    return NULL;
  /* "User: arn:aws:iam::123456789012:user/x is not authorized to perform:
   *  cloudformation:CreateChangeSet on resource: arn:… (because no identity-based policy
   *  allows the cloudformation:CreateChangeSet action)" (IAM's AccessDenied message) */
  re = g_regex_new ("User: (\\S+) is not authorized to perform: ([A-Za-z0-9-]+:[A-Za-z0-9]+)"
                    "(?: on resource: (\\S+))?", 0, 0, NULL);
  if (g_regex_match (re, message, 0, &m))
    {
      principal = g_match_info_fetch (m, 1);
      action = g_match_info_fetch (m, 2);
      resource = g_match_info_fetch (m, 3);
      if (resource != NULL && *resource == '\0')
        g_clear_pointer (&resource, g_free);
      return g_strdup_printf (_("IAM denied the action %s to %s%s%s.\n"
                                "Ask for (at least) this statement:\n"
                                "  { \"Effect\": \"Allow\", \"Action\": \"%s\", \"Resource\": \"%s\" }\n"
                                "or for the whole policy Nines needs: nines-cli provision policy FILE"),
                              action, principal, resource ? _(" on ") : "", resource ? resource : "",
                              action, resource ? resource : "*");
    }
  if (strstr (message, "UnauthorizedOperation") != NULL || strstr (message, "Encoded authorization failure message") != NULL)
    return g_strdup (_("EC2 refused the call for lack of permission; the encoded message says which action: "
                       "decode it with “aws sts decode-authorization-message --encoded-message …”.\n"
                       "The whole policy Nines needs: nines-cli provision policy FILE"));
  if (strstr (message, "AccessDenied") != NULL || strstr (message, "not authorized") != NULL)
    return g_strdup (_("AWS refused the call for lack of permission.\n"
                       "The whole policy Nines needs: nines-cli provision policy FILE"));
  return NULL;
}

void
_nines_aws_provisioner_explain (GError **error)
{
  g_autofree char *why = NULL;

  if (error == NULL || *error == NULL)
    return;
  if (!((*error)->domain == NINES_AWS_ERROR && ((*error)->code == NINES_AWS_ERROR_AUTH
                                                  || (*error)->code == NINES_AWS_ERROR_SERVICE)))
    return;
  if ((why = nines_aws_explain_denied ((*error)->message)) == NULL)
    return;
  if (strstr ((*error)->message, "provision policy") != NULL)
    return;
  g_prefix_error (error, "%s\n", why);
}
