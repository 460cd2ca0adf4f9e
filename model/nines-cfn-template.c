/* nines-cfn-template.c: one CloudFormation template per region of a deployment.
 *
 * This file holds the builder (parameters, conditions, resources, outputs, tags) and
 * walks the deployment's items; the resources of each family are made in
 * nines-cfn-{network,compute,data,edge}.c. */
#define G_LOG_DOMAIN "nines-cfn"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-cfn-template-private.h"
#include "nines-json-writer.h"

/* ---- JSON helpers ---------------------------------------------------------------- */

JsonNode *
_nines_cfn_string (const char *value)
{
  return json_node_init_string (json_node_alloc (), value);
}

JsonNode *
_nines_cfn_int (gint64 value)
{
  return json_node_init_int (json_node_alloc (), value);
}

JsonNode *
_nines_cfn_bool (gboolean value)
{
  return json_node_init_boolean (json_node_alloc (), value);
}

JsonNode *
_nines_cfn_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

JsonNode *
_nines_cfn_array (JsonArray *array)
{
  JsonNode *node = json_node_init_array (json_node_alloc (), array);

  json_array_unref (array);
  return node;
}

static JsonNode *
single (const char *key,
        JsonNode   *value)
{
  JsonObject *o = json_object_new ();

  json_object_set_member (o, key, value);
  return _nines_cfn_object (o);
}

JsonNode *
_nines_cfn_ref (const char *name)
{
  return single ("Ref", _nines_cfn_string (name));
}

JsonNode *
_nines_cfn_getatt (const char *resource,
                   const char *attribute)
{
  return single ("Fn::GetAtt",
                 _nines_cfn_array (_nines_cfn_string_array (resource, attribute, NULL)));
}

JsonNode *
_nines_cfn_sub (const char *format)
{
  return single ("Fn::Sub", _nines_cfn_string (format));
}

JsonNode *
_nines_cfn_if (const char *condition,
               JsonNode   *then_node,
               JsonNode   *else_node)
{
  JsonArray *a = json_array_new ();

  json_array_add_string_element (a, condition);
  json_array_add_element (a, then_node);
  json_array_add_element (a, else_node);
  return single ("Fn::If", _nines_cfn_array (a));
}

JsonNode *
_nines_cfn_no_value (void)
{
  return _nines_cfn_ref ("AWS::NoValue");
}

JsonArray *
_nines_cfn_string_array (const char *first,
                         ...)
{
  JsonArray *a = json_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    json_array_add_string_element (a, s);
  va_end (args);
  return a;
}

/* ---- names ----------------------------------------------------------------------- */

char *
_nines_cfn_logical_id (const char *id,
                       const char *suffix)
{
  GString *s = g_string_new (NULL);
  gboolean upper = TRUE;

  for (const char *p = id; *p && *p != '@'; p++)
    {
      if (!g_ascii_isalnum (*p))
        {
          upper = TRUE;
          continue;
        }
      g_string_append_c (s, upper ? g_ascii_toupper (*p) : *p);
      upper = FALSE;
    }
  if (s->len == 0 || g_ascii_isdigit (s->str[0]))
    g_string_prepend (s, "C");
  if (suffix != NULL)
    g_string_append (s, suffix);
  return g_string_free (s, FALSE);
}

char *
_nines_cfn_name_fragment (const char *id,
                          gsize       max_len)
{
  GString *s = g_string_new (NULL);

  for (const char *p = id; *p && *p != '@' && s->len < max_len; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (s, g_ascii_tolower (*p));
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && s->str[s->len - 1] == '-')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_append (s, "x");
  return g_string_free (s, FALSE);
}

static char *
uuid_prefix (NinesCfnBuilder *b)
{
  return _nines_cfn_name_fragment (nines_document_get_uuid (b->document), 8);
}

/* S3 bucket names are global: "nines-<uuid 8>-<component>-<account>-<region>" stays
 * unique per account and is known to both regions' templates, so the replication rule
 * in one names the bucket made by the other. At most 63 characters (S3 naming rules):
 * 6 + 9 + 16 + 13 + 19 < 63. */
char *
_nines_cfn_bucket_name (NinesCfnBuilder *b,
                        const char      *source_id,
                        const char      *region)
{
  g_autofree char *u = uuid_prefix (b);
  g_autofree char *frag = _nines_cfn_name_fragment (source_id, 15);

  return g_strdup_printf ("nines-%s-%s-${AWS::AccountId}-%s", u, frag, region);
}

char *
_nines_cfn_vault_name (NinesCfnBuilder *b)
{
  g_autofree char *u = uuid_prefix (b);

  return g_strdup_printf ("nines-%s-vault", u);
}

gboolean
_nines_cfn_kind_needs_vpc (const char *kind)
{
  static const char *kinds[] = { "ec2-asg", "alb", "nlb", "rds", "aurora", "elasticache",
                                 "nat-gateway", "efs", "ci-server", "vpc", NULL };

  return g_strv_contains (kinds, kind);
}

/* ---- builder --------------------------------------------------------------------- */

JsonObject *
_nines_cfn_add_parameter (NinesCfnBuilder *b,
                          const char      *name,
                          const char      *type,
                          const char      *description,
                          const char      *default_value)
{
  JsonObject *p;

  if (json_object_has_member (b->parameters, name))
    return json_object_get_object_member (b->parameters, name);
  p = json_object_new ();
  json_object_set_string_member (p, "Type", type ? type : "String");
  json_object_set_string_member (p, "Description", description);
  if (default_value != NULL)
    json_object_set_string_member (p, "Default", default_value);
  json_object_set_object_member (b->parameters, name, p);
  return p;
}

void
_nines_cfn_require_when_failed_over (NinesCfnBuilder *b,
                                     const char      *param,
                                     const char      *why)
{
  JsonObject *rule = json_object_new ();
  JsonObject *assertion = json_object_new ();
  JsonArray *asserts = json_array_new ();
  JsonArray *eq = json_array_new ();
  JsonArray *not = json_array_new ();
  JsonObject *eq_o = json_object_new ();
  JsonObject *not_o = json_object_new ();
  g_autofree char *name = g_strdup_printf ("%sWhenFailedOver", param);

  {
    JsonArray *state = json_array_new ();
    JsonObject *cond = json_object_new ();

    _nines_cfn_failed_over_condition (b);
    json_array_add_element (state, _nines_cfn_ref (NINES_CFN_STATE_PARAM));
    json_array_add_string_element (state, "failed-over");
    json_object_set_array_member (cond, "Fn::Equals", state);
    json_object_set_object_member (rule, "RuleCondition", cond);
  }
  json_array_add_element (eq, _nines_cfn_ref (param));
  json_array_add_string_element (eq, "");
  json_object_set_array_member (eq_o, "Fn::Equals", eq);
  json_array_add_element (not, _nines_cfn_object (eq_o));
  json_object_set_array_member (not_o, "Fn::Not", not);
  json_object_set_object_member (assertion, "Assert", not_o);
  json_object_set_string_member (assertion, "AssertDescription", why);
  json_array_add_object_element (asserts, assertion);
  json_object_set_array_member (rule, "Assertions", asserts);
  json_object_set_object_member (b->rules, name, rule);
}

JsonObject *
_nines_cfn_add_resource (NinesCfnBuilder *b,
                         const char      *logical_id,
                         const char      *type,
                         const char      *condition)
{
  JsonObject *r = json_object_new ();
  JsonObject *props = json_object_new ();

  g_assert (!json_object_has_member (b->resources, logical_id));
  json_object_set_string_member (r, "Type", type);
  if (condition != NULL)
    {
      json_object_set_string_member (r, "Condition", condition);
      g_hash_table_insert (b->conditional, g_strdup (logical_id), g_strdup (condition));
    }
  json_object_set_object_member (r, "Properties", props);
  json_object_set_object_member (b->resources, logical_id, r);
  return props;
}

JsonObject *
_nines_cfn_get_resource (NinesCfnBuilder *b,
                         const char      *logical_id)
{
  return json_object_get_object_member (b->resources, logical_id);
}

gboolean
_nines_cfn_has_resource (NinesCfnBuilder *b,
                         const char      *logical_id)
{
  return json_object_has_member (b->resources, logical_id);
}

void
_nines_cfn_add_output (NinesCfnBuilder *b,
                       const char      *name,
                       const char      *description,
                       JsonNode        *value)
{
  _nines_cfn_add_output_if (b, name, description, value, NULL);
}

void
_nines_cfn_add_output_if (NinesCfnBuilder *b,
                          const char      *name,
                          const char      *description,
                          JsonNode        *value,
                          const char      *condition)
{
  JsonObject *o = json_object_new ();
  JsonObject *export = json_object_new ();
  g_autofree char *export_name = g_strdup_printf ("${AWS::StackName}-%s", name);

  json_object_set_string_member (o, "Description", description);
  if (condition != NULL)
    json_object_set_string_member (o, "Condition", condition);
  json_object_set_member (o, "Value", value);
  json_object_set_member (export, "Name", _nines_cfn_sub (export_name));
  json_object_set_object_member (o, "Export", export);
  json_object_set_object_member (b->outputs, name, o);
}

JsonNode *
_nines_cfn_ref_resource (NinesCfnBuilder *b,
                         const char      *logical_id,
                         const char      *from_condition)
{
  const char *cond = g_hash_table_lookup (b->conditional, logical_id);

  if (cond == NULL || g_strcmp0 (cond, from_condition) == 0)
    return _nines_cfn_ref (logical_id);
  return _nines_cfn_if (cond, _nines_cfn_ref (logical_id), _nines_cfn_no_value ());
}

static void
add_tag (JsonArray  *tags,
         const char *key,
         const char *value)
{
  JsonObject *t = json_object_new ();

  json_object_set_string_member (t, "Key", key);
  json_object_set_string_member (t, "Value", value);
  json_array_add_object_element (tags, t);
}

JsonArray *
_nines_cfn_tags (NinesCfnBuilder         *b,
                 const NinesDeployedItem *item,
                 const char              *name)
{
  JsonArray *tags = json_array_new ();

  if (name != NULL)
    add_tag (tags, "Name", name);
  add_tag (tags, "nines:document", nines_document_get_uuid (b->document));
  add_tag (tags, "nines:document-name", nines_document_get_name (b->document));
  add_tag (tags, "nines:pattern", nines_dr_pattern_to_string (b->pattern));
  if (item != NULL)
    {
      add_tag (tags, "nines:component", item->source_id);
      add_tag (tags, "nines:role", nines_deploy_role_to_string (item->role));
    }
  return tags;
}

JsonObject *
_nines_cfn_tag_map (NinesCfnBuilder         *b,
                    const NinesDeployedItem *item)
{
  JsonObject *tags = json_object_new ();

  json_object_set_string_member (tags, "nines:document", nines_document_get_uuid (b->document));
  json_object_set_string_member (tags, "nines:document-name",
                                 nines_document_get_name (b->document));
  json_object_set_string_member (tags, "nines:pattern", nines_dr_pattern_to_string (b->pattern));
  if (item != NULL)
    {
      json_object_set_string_member (tags, "nines:component", item->source_id);
      json_object_set_string_member (tags, "nines:role", nines_deploy_role_to_string (item->role));
    }
  return tags;
}

NinesComponent *
_nines_cfn_item_component (const NinesDeployedItem *item)
{
  /* A backup copy's steady component describes stored copies, not a running resource;
   * what it becomes on recovery is the failover component. */
  if (item->role == NINES_ROLE_BACKUP_COPY && item->failover != NULL)
    return item->failover;
  return item->steady != NULL ? item->steady : item->failover;
}

const char *
_nines_cfn_failed_over_condition (NinesCfnBuilder *b)
{
  JsonObject *p;
  JsonObject *cond;

  if (json_object_has_member (b->conditions, NINES_CFN_FAILED_OVER))
    return NINES_CFN_FAILED_OVER;
  p = _nines_cfn_add_parameter (b, NINES_CFN_STATE_PARAM, "String",
                                "steady: deploy what the DR pattern keeps running in this region. "
                                "failed-over: create what recovery adds and scale to full size "
                                "(update the stack with this value during a failover).",
                                "steady");
  json_object_set_array_member (p, "AllowedValues",
                                _nines_cfn_string_array ("steady", "failed-over", NULL));
  cond = json_object_new ();
  {
    JsonArray *eq = json_array_new ();

    json_array_add_element (eq, _nines_cfn_ref (NINES_CFN_STATE_PARAM));
    json_array_add_string_element (eq, "failed-over");
    json_object_set_array_member (cond, "Fn::Equals", eq);
  }
  json_object_set_object_member (b->conditions, NINES_CFN_FAILED_OVER, cond);
  return NINES_CFN_FAILED_OVER;
}

const char *
_nines_cfn_item_condition (NinesCfnBuilder         *b,
                           const NinesDeployedItem *item)
{
  /* A primary-region stack is never updated to a failed-over state (its region is the
   * one that failed), so only other regions have conditional resources. */
  if (b->is_primary || (item->steady != NULL && item->role != NINES_ROLE_BACKUP_COPY))
    return NULL;
  return _nines_cfn_failed_over_condition (b);
}

JsonNode *
_nines_cfn_state_count (NinesCfnBuilder *b,
                        gint64           steady,
                        gint64           failover)
{
  g_autofree char *s = g_strdup_printf ("%" G_GINT64_FORMAT, steady);
  g_autofree char *f = g_strdup_printf ("%" G_GINT64_FORMAT, failover);

  if (steady == failover || b->is_primary)
    return _nines_cfn_string (s);
  return _nines_cfn_if (_nines_cfn_failed_over_condition (b), _nines_cfn_string (f),
                        _nines_cfn_string (s));
}

const NinesReplication *
_nines_cfn_find_replication (NinesCfnBuilder         *b,
                             const NinesDeployedItem *item,
                             NinesReplicationKind     kind,
                             gboolean                 as_target)
{
  guint n = nines_deployment_get_n_replications (b->deployment);

  for (guint i = 0; i < n; i++)
    {
      const NinesReplication *r = nines_deployment_get_replication (b->deployment, i);

      if (r->kind != kind)
        continue;
      if (as_target ? g_strcmp0 (r->target_id, item->id) == 0
                    : (g_strcmp0 (r->source_id, item->source_id) == 0
                       && g_strcmp0 (r->from_region, item->region) == 0))
        return r;
    }
  return NULL;
}

const NinesDeployedItem *
_nines_cfn_find_item (NinesCfnBuilder *b,
                      const char      *source_id,
                      const char      *region)
{
  guint n = nines_deployment_get_n_items (b->deployment);

  for (guint i = 0; i < n; i++)
    {
      const NinesDeployedItem *it = nines_deployment_get_item (b->deployment, i);

      if (g_strcmp0 (it->source_id, source_id) == 0 && g_strcmp0 (it->region, region) == 0)
        return it;
    }
  return NULL;
}

GPtrArray *
_nines_cfn_linked_items (NinesCfnBuilder         *b,
                         const NinesDeployedItem *item,
                         gboolean                 outgoing,
                         const char              *kind)
{
  GPtrArray *out = g_ptr_array_new ();
  GListModel *links = nines_document_get_links (b->document);
  guint n = g_list_model_get_n_items (links);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NinesLink) link = g_list_model_get_item (links, i);
      const char *mine = outgoing ? nines_link_get_from (link) : nines_link_get_to (link);
      const char *other = outgoing ? nines_link_get_to (link) : nines_link_get_from (link);
      const NinesDeployedItem *it;
      NinesComponent *c;

      if (g_strcmp0 (mine, item->source_id) != 0)
        continue;
      it = _nines_cfn_find_item (b, other, b->region);
      if (it == NULL)
        it = _nines_cfn_find_item (b, other, NULL);
      if (it == NULL)
        continue;
      c = _nines_cfn_item_component (it);
      if (c != NULL && (kind == NULL || g_str_equal (nines_component_get_kind (c), kind)))
        g_ptr_array_add (out, (gpointer) it);
    }
  return out;
}

/* ---- walking the deployment ------------------------------------------------------ */

static gboolean
item_in_region (const NinesDeployedItem *item,
                const char              *region)
{
  return item->region != NULL && g_str_equal (item->region, region);
}

GStrv
nines_cfn_template_list_regions (NinesDeployment *deployment)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  const char *primary;
  const char *recovery;
  guint n;

  g_return_val_if_fail (deployment != NULL, NULL);

  primary = nines_deployment_get_primary_region (deployment);
  recovery = nines_deployment_get_recovery_region (deployment);
  n = nines_deployment_get_n_items (deployment);
  if (primary != NULL)
    g_ptr_array_add (seen, (gpointer) primary);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        const NinesDeployedItem *it = nines_deployment_get_item (deployment, i);
        gboolean want;

        if (it->region == NULL)
          continue;
        want = pass == 0 ? g_strcmp0 (it->region, recovery) == 0 : TRUE;
        if (want && !g_ptr_array_find_with_equal_func (seen, it->region, g_str_equal, NULL))
          g_ptr_array_add (seen, it->region);
      }
  for (guint i = 0; i < seen->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (seen, i));
  return g_strv_builder_end (builder);
}

static void
add_item (NinesCfnBuilder         *b,
          const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *kind;

  /* Copies that nothing restores (AMIs, snapshots kept for a later manual restore) live
   * in the backup vault and AMI list, not as resources. */
  if (c == NULL || (item->role == NINES_ROLE_BACKUP_COPY && item->failover == NULL))
    return;
  kind = nines_component_get_kind (c);

  if (g_str_equal (kind, "route53") || g_str_equal (kind, "cloudfront"))
    return;  /* last, once their origins exist: see add_edge() */
  else if (!item_in_region (item, b->region))
    return;
  else if (g_str_equal (kind, "alb") || g_str_equal (kind, "nlb"))
    _nines_cfn_add_load_balancer (b, item);
  else if (g_str_equal (kind, "ec2-asg"))
    _nines_cfn_add_asg (b, item);
  else if (g_str_equal (kind, "ci-server"))
    _nines_cfn_add_ci_server (b, item);
  else if (g_str_equal (kind, "lambda"))
    _nines_cfn_add_lambda (b, item);
  else if (g_str_equal (kind, "rds"))
    _nines_cfn_add_rds (b, item);
  else if (g_str_equal (kind, "aurora"))
    _nines_cfn_add_aurora (b, item);
  else if (g_str_equal (kind, "s3"))
    _nines_cfn_add_s3 (b, item);
  else if (g_str_equal (kind, "dynamodb"))
    _nines_cfn_add_dynamodb (b, item);
  else if (g_str_equal (kind, "efs"))
    _nines_cfn_add_efs (b, item);
  else if (g_str_equal (kind, "elasticache"))
    _nines_cfn_add_elasticache (b, item);
  else if (g_str_equal (kind, "sqs"))
    _nines_cfn_add_sqs (b, item);
  else if (g_str_equal (kind, "nat-gateway"))
    _nines_cfn_add_nat (b, item);
  else if (g_str_equal (kind, "guardduty"))
    _nines_cfn_add_guardduty (b, item);
  /* "vpc" items are made first by build_network(). */
}

/* CloudFront points at the buckets and load balancers, and DNS at the distribution and
 * load balancers, so they come after the regional resources. A distribution is global:
 * the primary region's stack holds it. */
static void
add_edge (NinesCfnBuilder *b,
          const char      *kind)
{
  guint n = nines_deployment_get_n_items (b->deployment);

  for (guint i = 0; i < n; i++)
    {
      const NinesDeployedItem *it = nines_deployment_get_item (b->deployment, i);
      NinesComponent *c = _nines_cfn_item_component (it);

      if (c == NULL || !g_str_equal (nines_component_get_kind (c), kind))
        continue;
      if (g_str_equal (kind, "route53"))
        _nines_cfn_add_route53 (b, it);
      else if (b->is_primary && (it->region == NULL || item_in_region (it, b->region)))
        _nines_cfn_add_cloudfront (b, it);
    }
}

static void
build_network (NinesCfnBuilder *b)
{
  const NinesDeployedItem *vpc = NULL;
  gboolean needed = FALSE;
  guint n = nines_deployment_get_n_items (b->deployment);

  for (guint i = 0; i < n; i++)
    {
      const NinesDeployedItem *it = nines_deployment_get_item (b->deployment, i);
      NinesComponent *c = _nines_cfn_item_component (it);

      if (c == NULL || !item_in_region (it, b->region))
        continue;
      if (g_str_equal (nines_component_get_kind (c), "vpc"))
        {
          if (vpc == NULL)
            vpc = it;
        }
      else if (_nines_cfn_kind_needs_vpc (nines_component_get_kind (c)))
        needed = TRUE;
    }
  if (vpc != NULL || needed)
    _nines_cfn_add_network (b, vpc);
}

static gboolean
region_has_items (NinesDeployment *deployment,
                  const char      *region)
{
  guint n = nines_deployment_get_n_items (deployment);

  if (g_strcmp0 (region, nines_deployment_get_primary_region (deployment)) == 0)
    return TRUE;
  for (guint i = 0; i < n; i++)
    if (item_in_region (nines_deployment_get_item (deployment, i), region))
      return TRUE;
  return FALSE;
}

char *
nines_cfn_template_stack_name (NinesDeployment *deployment,
                               const char      *region)
{
  NinesDocument *doc;
  g_autofree char *frag = NULL;

  g_return_val_if_fail (deployment != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);

  doc = nines_deployment_get_document (deployment);
  frag = _nines_cfn_name_fragment (nines_document_get_name (doc) ? nines_document_get_name (doc) : "design", 40);
  return g_strdup_printf ("nines-%s-%s", frag, region);
}

JsonNode *
nines_cfn_template_build (NinesDeployment  *deployment,
                          const char       *region,
                          GError          **error)
{
  NinesCfnBuilder b = { 0, };
  JsonObject *root;
  JsonObject *metadata;
  g_autofree char *description = NULL;
  NinesDocument *doc;
  guint n;

  g_return_val_if_fail (deployment != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!region_has_items (deployment, region))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NOT_FOUND,
                   _("The deployment has nothing in region “%s”"), region);
      return NULL;
    }

  doc = nines_deployment_get_document (deployment);
  b.deployment = deployment;
  b.document = doc;
  b.region = region;
  b.primary_region = nines_deployment_get_primary_region (deployment);
  b.recovery_region = nines_deployment_get_recovery_region (deployment);
  b.pattern = nines_deployment_get_pattern (deployment);
  b.is_primary = g_strcmp0 (region, b.primary_region) == 0;
  b.parameters = json_object_new ();
  b.conditions = json_object_new ();
  b.rules = json_object_new ();
  b.resources = json_object_new ();
  b.outputs = json_object_new ();
  b.conditional = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  b.azs = g_ptr_array_new_with_free_func (g_free);
  b.public_subnets = g_ptr_array_new_with_free_func (g_free);
  b.private_subnets = g_ptr_array_new_with_free_func (g_free);

  build_network (&b);
  n = nines_deployment_get_n_items (deployment);
  for (guint i = 0; i < n; i++)
    add_item (&b, nines_deployment_get_item (deployment, i));
  add_edge (&b, "cloudfront");
  add_edge (&b, "route53");
  _nines_cfn_add_backup (&b);

  root = json_object_new ();
  json_object_set_string_member (root, "AWSTemplateFormatVersion", "2010-09-09");
  description = g_strdup_printf ("Nines: %s, %s, %s region %s (document %s)",
                                 nines_document_get_name (doc),
                                 nines_dr_pattern_get_label (b.pattern),
                                 b.is_primary ? "primary" : "recovery",
                                 region, nines_document_get_uuid (doc));
  json_object_set_string_member (root, "Description", description);
  metadata = json_object_new ();
  {
    JsonObject *nines = json_object_new ();

    json_object_set_string_member (nines, "document", nines_document_get_uuid (doc));
    json_object_set_string_member (nines, "document-name", nines_document_get_name (doc));
    json_object_set_string_member (nines, "pattern", nines_dr_pattern_to_string (b.pattern));
    json_object_set_string_member (nines, "region", region);
    json_object_set_string_member (nines, "role", b.is_primary ? "primary" : "recovery");
    json_object_set_object_member (metadata, "Nines", nines);
  }
  json_object_set_object_member (root, "Metadata", metadata);
  if (json_object_get_size (b.parameters) > 0)
    json_object_set_object_member (root, "Parameters", b.parameters);
  else
    json_object_unref (b.parameters);
  if (json_object_get_size (b.rules) > 0)
    json_object_set_object_member (root, "Rules", b.rules);
  else
    json_object_unref (b.rules);
  if (json_object_get_size (b.conditions) > 0)
    json_object_set_object_member (root, "Conditions", b.conditions);
  else
    json_object_unref (b.conditions);
  if (json_object_get_size (b.resources) == 0)
    {
      /* A template needs one resource; a region the pattern leaves empty still gets a
       * marker so the stack records that Nines manages the region. */
      JsonObject *props = _nines_cfn_add_resource (&b, "NinesMarker", "AWS::SSM::Parameter", NULL);
      g_autofree char *value = g_strdup_printf ("%s %s", nines_document_get_uuid (doc),
                                                nines_dr_pattern_to_string (b.pattern));

      json_object_set_string_member (props, "Type", "String");
      json_object_set_string_member (props, "Value", value);
      json_object_set_string_member (props, "Description",
                                     "Marks the region as managed by Nines for this document");
      json_object_set_object_member (props, "Tags", _nines_cfn_tag_map (&b, NULL));
    }
  json_object_set_object_member (root, "Resources", b.resources);
  if (json_object_get_size (b.outputs) > 0)
    json_object_set_object_member (root, "Outputs", b.outputs);
  else
    json_object_unref (b.outputs);

  g_hash_table_unref (b.conditional);
  g_ptr_array_unref (b.azs);
  g_ptr_array_unref (b.public_subnets);
  g_ptr_array_unref (b.private_subnets);

  return _nines_cfn_object (root);
}

char *
nines_cfn_template_to_string (JsonNode *template_node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (template_node != NULL, NULL);

  nines_json_write (out, template_node);
  if (out->len == 0 || out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
