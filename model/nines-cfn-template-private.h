/* nines-cfn-template-private.h: what the CloudFormation writer's files share.
 *
 * One NinesCfnBuilder makes one region's template. nines-cfn-template.c owns it and
 * walks the deployment; each resource family has its own file:
 * nines-cfn-network.c (VPC, subnets, NAT, security groups), nines-cfn-compute.c
 * (load balancers, launch templates, Auto Scaling groups, instances, Lambda),
 * nines-cfn-data.c (RDS, Aurora, S3, DynamoDB, EFS, ElastiCache, SQS) and
 * nines-cfn-edge.c (Route 53, CloudFront, AWS Backup, GuardDuty). */
#pragma once

#ifndef NINES_MODEL_COMPILATION
# error "nines-cfn-template-private.h is private to the model library"
#endif

#include "nines-model-private.h"

G_BEGIN_DECLS

/* The parameter that says which state a recovery-region stack is in. */
#define NINES_CFN_STATE_PARAM    "FailoverState"
#define NINES_CFN_FAILED_OVER    "IsFailedOver"

typedef struct
{
  NinesDeployment  *deployment;
  NinesDocument    *document;
  const char       *region;
  const char       *primary_region;
  const char       *recovery_region;   /* nullable */
  NinesDrPattern    pattern;
  gboolean          is_primary;

  JsonObject       *parameters;
  JsonObject       *conditions;
  JsonObject       *rules;
  JsonObject       *resources;
  JsonObject       *outputs;
  /* logical id -> condition name, for resources that exist only in one state */
  GHashTable       *conditional;

  /* The region's network, once made (nines-cfn-network.c) */
  gboolean          has_network;
  GPtrArray        *azs;               /* AZ IDs the VPC spans, of char* */
  GPtrArray        *public_subnets;    /* logical ids, parallel to azs */
  GPtrArray        *private_subnets;
} NinesCfnBuilder;

/* nines-cfn-template.c: JSON helpers */
JsonNode    *_nines_cfn_ref          (const char      *name);
JsonNode    *_nines_cfn_getatt       (const char      *resource,
                                      const char      *attribute);
JsonNode    *_nines_cfn_sub          (const char      *format);
JsonNode    *_nines_cfn_if           (const char      *condition,
                                      JsonNode        *then_node,
                                      JsonNode        *else_node);
JsonNode    *_nines_cfn_no_value     (void);
JsonNode    *_nines_cfn_string       (const char      *value);
JsonNode    *_nines_cfn_int          (gint64           value);
JsonNode    *_nines_cfn_bool         (gboolean         value);
JsonNode    *_nines_cfn_object       (JsonObject      *object);  /* takes @object */
JsonNode    *_nines_cfn_array        (JsonArray       *array);   /* takes @array */
JsonArray   *_nines_cfn_string_array (const char      *first,
                                      ...) G_GNUC_NULL_TERMINATED;

/* "web" -> "Web", "ec2-asg-2" -> "Ec2Asg2" (CloudFormation logical ids are alphanumeric). */
char        *_nines_cfn_logical_id   (const char      *id,
                                      const char      *suffix);
/* A lowercase name fragment for bucket names and identifiers ("db", "ec2-asg-2"). */
char        *_nines_cfn_name_fragment (const char     *id,
                                       gsize           max_len);

/* Adds a parameter (Type String unless @type says otherwise) and returns it so the
 * caller may add AllowedValues, Default… (transfer none). Adding one twice returns the
 * first. */
JsonObject  *_nines_cfn_add_parameter (NinesCfnBuilder *b,
                                       const char      *name,
                                       const char      *type,
                                       const char      *description,
                                       const char      *default_value);
/* A rule that refuses a failed-over stack whose @param is empty. */
void         _nines_cfn_require_when_failed_over (NinesCfnBuilder *b,
                                                  const char      *param,
                                                  const char      *why);
/* Adds a resource and returns its Properties (transfer none). @condition may be NULL. */
JsonObject  *_nines_cfn_add_resource  (NinesCfnBuilder *b,
                                       const char      *logical_id,
                                       const char      *type,
                                       const char      *condition);
JsonObject  *_nines_cfn_get_resource  (NinesCfnBuilder *b,
                                       const char      *logical_id);
gboolean     _nines_cfn_has_resource  (NinesCfnBuilder *b,
                                       const char      *logical_id);
void         _nines_cfn_add_output    (NinesCfnBuilder *b,
                                       const char      *name,
                                       const char      *description,
                                       JsonNode        *value);
/* An output that exists only under @condition (nullable). */
void         _nines_cfn_add_output_if (NinesCfnBuilder *b,
                                       const char      *name,
                                       const char      *description,
                                       JsonNode        *value,
                                       const char      *condition);
/* Ref to a resource; wrapped in Fn::If when the resource exists in one state only and
 * @from_condition (the referring resource's condition, may be NULL) differs. */
JsonNode    *_nines_cfn_ref_resource  (NinesCfnBuilder *b,
                                       const char      *logical_id,
                                       const char      *from_condition);
/* The tags every resource gets: document uuid and name, pattern, component, role. */
JsonArray   *_nines_cfn_tags          (NinesCfnBuilder *b,
                                       const NinesDeployedItem *item,
                                       const char      *name);
/* The same as a {key: value} map, for the types that take one. */
JsonObject  *_nines_cfn_tag_map       (NinesCfnBuilder *b,
                                       const NinesDeployedItem *item);
/* The component configuration an item has in its template: steady, else failover. */
NinesComponent *_nines_cfn_item_component (const NinesDeployedItem *item);
/* Adds the FailoverState parameter and its condition; returns NINES_CFN_FAILED_OVER. */
const char  *_nines_cfn_failed_over_condition (NinesCfnBuilder *b);
/* NULL, or NINES_CFN_FAILED_OVER for items that exist only once failed over. */
const char  *_nines_cfn_item_condition (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
/* A count that may differ between steady and failed-over state, as a string (the
 * Auto Scaling group sizes are strings in CloudFormation's schema). */
JsonNode    *_nines_cfn_state_count     (NinesCfnBuilder *b,
                                        gint64           steady,
                                        gint64           failover);
/* The deployment's replication that has @item as source or target, of @kind, if any. */
const NinesReplication *_nines_cfn_find_replication (NinesCfnBuilder *b,
                                                     const NinesDeployedItem *item,
                                                     NinesReplicationKind kind,
                                                     gboolean         as_target);
/* The deployed item in @region that comes from the drawn component @source_id. */
const NinesDeployedItem *_nines_cfn_find_item (NinesCfnBuilder *b,
                                               const char      *source_id,
                                               const char      *region);
/* Items of this template's region linked from/to @item by a drawn link. */
GPtrArray   *_nines_cfn_linked_items   (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item,
                                        gboolean         outgoing,
                                        const char      *kind);
/* Deterministic physical names shared by both regions' templates. */
char        *_nines_cfn_bucket_name    (NinesCfnBuilder *b,
                                        const char      *source_id,
                                        const char      *region);
char        *_nines_cfn_vault_name     (NinesCfnBuilder *b);
/* True when @kind needs a VPC (and so the region's template makes one). */
gboolean     _nines_cfn_kind_needs_vpc (const char      *kind);

/* nines-cfn-network.c */
void         _nines_cfn_add_network    (NinesCfnBuilder *b,
                                        const NinesDeployedItem *vpc_item);
/* Subnet logical ids for @azs (all the VPC's AZs when @azs is empty). */
JsonArray   *_nines_cfn_subnets_for    (NinesCfnBuilder *b,
                                        const char * const *azs,
                                        gboolean         public_subnets);
void         _nines_cfn_add_nat        (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
/* Security group @logical_id allowing @port from @source_sg (a security group's logical
 * id), from the VPC's own CIDR when @source_sg is "Vpc", or from anywhere when NULL. */
void         _nines_cfn_add_security_group (NinesCfnBuilder *b,
                                            const char      *logical_id,
                                            const char      *description,
                                            guint            port,
                                            const char      *source_sg,
                                            const char      *condition);

/* nines-cfn-compute.c */
void         _nines_cfn_add_load_balancer (NinesCfnBuilder *b,
                                           const NinesDeployedItem *item);
void         _nines_cfn_add_asg        (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
void         _nines_cfn_add_ci_server  (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
void         _nines_cfn_add_lambda     (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);

/* nines-cfn-data.c */
void         _nines_cfn_add_rds        (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
void         _nines_cfn_add_aurora     (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
void         _nines_cfn_add_s3         (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
void         _nines_cfn_add_dynamodb   (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
void         _nines_cfn_add_efs        (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
void         _nines_cfn_add_elasticache (NinesCfnBuilder *b,
                                         const NinesDeployedItem *item);
void         _nines_cfn_add_sqs        (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);

/* nines-cfn-edge.c */
void         _nines_cfn_add_route53    (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
void         _nines_cfn_add_cloudfront (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
/* Lets this account's CloudFront distributions read the bucket (origin access control). */
void         _nines_cfn_add_cloudfront_bucket_policy (NinesCfnBuilder *b,
                                                      const NinesDeployedItem *bucket_item,
                                                      const char      *condition);
void         _nines_cfn_add_guardduty  (NinesCfnBuilder *b,
                                        const NinesDeployedItem *item);
/* The backup vault (every region with data stores backed up or receiving copies) and,
 * in a source region, the plan with its cross-region copy rule. */
void         _nines_cfn_add_backup     (NinesCfnBuilder *b);

G_END_DECLS
