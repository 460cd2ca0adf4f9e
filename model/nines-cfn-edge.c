/* nines-cfn-edge.c: what sits in front of and around the regions. Route 53 health
 * checks and failover/latency records, CloudFront (with S3 origin failover to the
 * replica bucket), the AWS Backup vault and plan with its cross-region copy rule, and
 * GuardDuty. */
#define G_LOG_DOMAIN "nines-cfn"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nines-cfn-template-private.h"

/* CloudFront managed policies, by their documented ids (CloudFront Developer Guide,
 * "Use managed cache policies" and "Use managed origin request policies"). */
#define CACHE_POLICY_CACHING_OPTIMIZED  "658327ea-f89d-4fab-a63d-7e88639e58f6"
#define CACHE_POLICY_CACHING_DISABLED   "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
#define ORIGIN_POLICY_ALL_VIEWER_NO_HOST "b689b0a8-53d0-40ab-baf2-68738e2966ac"

static void
add_dns_parameters (NinesCfnBuilder *b)
{
  JsonObject *p = _nines_cfn_add_parameter (b, "DomainName", "String",
                                            "Domain name users reach (e.g. shop.example.com)", NULL);

  json_object_set_string_member (p, "AllowedPattern", "^([a-zA-Z0-9-]+\\.)+[a-zA-Z]{2,}$");
  _nines_cfn_add_parameter (b, "HostedZoneId", "AWS::Route53::HostedZone::Id",
                            "Route 53 public hosted zone that holds the domain", NULL);
}

/* The routing the deployment uses: the most automated policy any of its Route 53 items
 * has (a warm standby's routing item says "failover" while the drawn one says "simple"). */
static const char *
routing_policy (NinesCfnBuilder *b)
{
  static const char *order[] = { "simple", "weighted", "latency", "failover" };
  guint best = 0;
  guint n = nines_deployment_get_n_items (b->deployment);

  for (guint i = 0; i < n; i++)
    {
      const NinesDeployedItem *it = nines_deployment_get_item (b->deployment, i);
      NinesComponent *c = _nines_cfn_item_component (it);

      if (c == NULL || !g_str_equal (nines_component_get_kind (c), "route53"))
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        if (g_strcmp0 (nines_component_get_string (c, "routing_policy"), order[k]) == 0 && k > best)
          best = k;
    }
  return order[best];
}

static gboolean
source_links_to (NinesCfnBuilder *b,
                 const char      *from,
                 const char      *to_kind)
{
  GListModel *links = nines_document_get_links (b->document);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) link = g_list_model_get_item (links, i);
      NinesComponent *to;

      if (g_strcmp0 (nines_link_get_from (link), from) != 0)
        continue;
      to = nines_document_lookup_component (b->document, nines_link_get_to (link));
      if (to != NULL && g_str_equal (nines_component_get_kind (to), to_kind))
        return TRUE;
    }
  return FALSE;
}

static gboolean
cdn_fronts_load_balancer (NinesCfnBuilder *b,
                          const char      *cdn_source_id)
{
  return source_links_to (b, cdn_source_id, "alb") || source_links_to (b, cdn_source_id, "nlb");
}

/* The first load balancer of this region the component @from sends traffic to. */
static const NinesDeployedItem *
regional_load_balancer (NinesCfnBuilder *b,
                        const char      *from)
{
  GListModel *links = nines_document_get_links (b->document);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) link = g_list_model_get_item (links, i);
      const NinesDeployedItem *it;
      const char *kind;

      if (g_strcmp0 (nines_link_get_from (link), from) != 0)
        continue;
      it = _nines_cfn_find_item (b, nines_link_get_to (link), b->region);
      if (it == NULL || _nines_cfn_item_component (it) == NULL)
        continue;
      kind = nines_component_get_kind (_nines_cfn_item_component (it));
      if (g_str_equal (kind, "alb") || g_str_equal (kind, "nlb"))
        {
          g_autofree char *lb = _nines_cfn_logical_id (it->id, NULL);

          if (_nines_cfn_has_resource (b, lb))
            return it;
        }
    }
  return NULL;
}

/* Any deployed item of this region @from sends traffic to. */
static const NinesDeployedItem *
regional_endpoint (NinesCfnBuilder *b,
                   const char      *from)
{
  GListModel *links = nines_document_get_links (b->document);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) link = g_list_model_get_item (links, i);
      const NinesDeployedItem *it;

      if (g_strcmp0 (nines_link_get_from (link), from) != 0
          || nines_link_get_kind (link) != NINES_LINK_TRAFFIC)
        continue;
      it = _nines_cfn_find_item (b, nines_link_get_to (link), b->region);
      if (it != NULL && _nines_cfn_item_component (it) != NULL
          && !(it->role == NINES_ROLE_BACKUP_COPY && it->failover == NULL))
        return it;
    }
  return NULL;
}

static const NinesDeployedItem *
drawn_cloudfront (NinesCfnBuilder *b,
                  const char      *from)
{
  GListModel *links = nines_document_get_links (b->document);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) link = g_list_model_get_item (links, i);
      const NinesDeployedItem *it;

      if (g_strcmp0 (nines_link_get_from (link), from) != 0)
        continue;
      it = _nines_cfn_find_item (b, nines_link_get_to (link), NULL);
      if (it != NULL && _nines_cfn_item_component (it) != NULL
          && g_str_equal (nines_component_get_kind (_nines_cfn_item_component (it)), "cloudfront"))
        return it;
    }
  return NULL;
}

static void
add_alias_target (JsonObject *record,
                  JsonNode   *dns_name,
                  JsonNode   *zone_id,
                  gboolean    evaluate)
{
  JsonObject *alias = json_object_new ();

  json_object_set_member (alias, "DNSName", dns_name);
  json_object_set_member (alias, "HostedZoneId", zone_id);
  json_object_set_boolean_member (alias, "EvaluateTargetHealth", evaluate);
  json_object_set_object_member (record, "AliasTarget", alias);
}

void
_nines_cfn_add_route53 (NinesCfnBuilder         *b,
                        const NinesDeployedItem *item)
{
  const char *policy = routing_policy (b);
  gboolean automated = !g_str_equal (policy, "simple");
  const NinesDeployedItem *cdn = drawn_cloudfront (b, item->source_id);
  const NinesDeployedItem *lb = NULL;
  const char *origin_from = item->source_id;
  const char *cond = NULL;
  const NinesDeployedItem *endpoint;
  g_autofree char *lb_id = NULL;
  gboolean nlb = FALSE;
  JsonObject *props;
  JsonNode *name;
  JsonNode *target;

  if (item->region != NULL && g_strcmp0 (item->region, b->region) != 0)
    return;
  if (_nines_cfn_has_resource (b, "DnsRecord") || _nines_cfn_has_resource (b, "OriginDnsRecord")
      || _nines_cfn_has_resource (b, "StaticDnsRecord"))
    return;

  /* DNS -> CloudFront. When the distribution fronts the load balancers, the domain is
   * an alias of the distribution and the regional records below name the origin it
   * fetches from ("origin.<domain>"); when it serves static assets only, it gets
   * "static.<domain>" and the domain itself points at the load balancers. */
  if (cdn != NULL)
    {
      g_autofree char *dist = _nines_cfn_logical_id (cdn->id, NULL);
      gboolean fronts = cdn_fronts_load_balancer (b, cdn->source_id);

      if (b->is_primary && _nines_cfn_has_resource (b, dist))
        {
          add_dns_parameters (b);
          props = _nines_cfn_add_resource (b, fronts ? "DnsRecord" : "StaticDnsRecord",
                                           "AWS::Route53::RecordSet", NULL);
          json_object_set_member (props, "HostedZoneId", _nines_cfn_ref ("HostedZoneId"));
          json_object_set_member (props, "Name", fronts ? _nines_cfn_ref ("DomainName")
                                                        : _nines_cfn_sub ("static.${DomainName}"));
          json_object_set_string_member (props, "Type", "A");
          /* Z2FDTNDATAQYW2: the hosted zone of every CloudFront alias (Route 53 API
           * Reference, AliasTarget). */
          add_alias_target (props, _nines_cfn_getatt (dist, "DomainName"),
                            _nines_cfn_string ("Z2FDTNDATAQYW2"), FALSE);
        }
      if (fronts)
        origin_from = cdn->source_id;
      else
        cdn = NULL;
    }

  lb = regional_load_balancer (b, origin_from);
  endpoint = lb != NULL ? lb : regional_endpoint (b, origin_from);
  if (endpoint == NULL)
    return;
  if (!automated && !b->is_primary)
    return;  /* simple routing: the runbook changes the record by hand */
  if (cdn != NULL && !automated)
    return;  /* CloudFront reaches the primary load balancer directly */

  add_dns_parameters (b);
  if (lb != NULL)
    {
      lb_id = _nines_cfn_logical_id (lb->id, NULL);
      cond = g_hash_table_lookup (b->conditional, lb_id);
      nlb = g_str_equal (nines_component_get_kind (_nines_cfn_item_component (lb)), "nlb");
      target = _nines_cfn_getatt (lb_id, "DNSName");
    }
  else
    {
      /* No load balancer drawn (e.g. Lambda behind API Gateway): the user names the
       * regional endpoint, and the record is a CNAME to it. */
      g_autofree char *desc = g_strdup_printf ("Regional DNS name serving %s in %s (e.g. an API Gateway "
                                               "regional custom domain d-….execute-api.%s.amazonaws.com)",
                                               nines_component_get_display_name (_nines_cfn_item_component (endpoint)),
                                               b->region, b->region);

      _nines_cfn_add_parameter (b, "EndpointDomainName", "String", desc, NULL);
      _nines_cfn_add_parameter (b, "HealthCheckPath", "String",
                                "HTTP path the Route 53 health checks request; it should check the "
                                "application's dependencies", "/health");
      cond = _nines_cfn_item_condition (b, endpoint);
      target = _nines_cfn_ref ("EndpointDomainName");
    }
  name = cdn != NULL ? _nines_cfn_sub ("origin.${DomainName}") : _nines_cfn_ref ("DomainName");

  if (automated)
    {
      JsonObject *cfg = json_object_new ();
      double interval = nines_document_get_knob_double (b->document, "health_check_interval_s");
      double threshold = nines_document_get_knob_double (b->document, "health_check_threshold");

      props = _nines_cfn_add_resource (b, "HealthCheck", "AWS::Route53::HealthCheck", cond);
      json_object_set_string_member (cfg, "Type", nlb ? "TCP" : "HTTPS");
      json_object_set_member (cfg, "FullyQualifiedDomainName", json_node_copy (target));
      json_object_set_int_member (cfg, "Port", 443);
      if (!nlb)
        json_object_set_member (cfg, "ResourcePath", _nines_cfn_ref ("HealthCheckPath"));
      /* Route 53 checks every 30 s (standard) or 10 s (fast) only (Route 53 Developer
       * Guide, "Values that you specify when you create or update health checks"). */
      json_object_set_int_member (cfg, "RequestInterval", interval <= 10 ? 10 : 30);
      json_object_set_int_member (cfg, "FailureThreshold",
                                  (gint64) CLAMP (round (threshold), 1, 10));
      json_object_set_object_member (props, "HealthCheckConfig", cfg);
      json_object_set_array_member (props, "HealthCheckTags", _nines_cfn_tags (b, item, NULL));
    }

  props = _nines_cfn_add_resource (b, cdn != NULL ? "OriginDnsRecord" : "DnsRecord",
                                   "AWS::Route53::RecordSet", cond);
  json_object_set_member (props, "HostedZoneId", _nines_cfn_ref ("HostedZoneId"));
  json_object_set_member (props, "Name", name);
  if (lb != NULL)
    {
      json_object_set_string_member (props, "Type", "A");
      add_alias_target (props, target, _nines_cfn_getatt (lb_id, "CanonicalHostedZoneID"),
                        automated);
    }
  else
    {
      JsonArray *rr = json_array_new ();
      g_autofree char *ttl = g_strdup_printf ("%.0f",
                                              nines_document_get_knob_double (b->document,
                                                                              "dns_ttl_s"));

      json_object_set_string_member (props, "Type", "CNAME");
      json_object_set_string_member (props, "TTL", ttl);
      json_array_add_element (rr, target);
      json_object_set_array_member (props, "ResourceRecords", rr);
    }
  if (automated)
    {
      json_object_set_string_member (props, "SetIdentifier", b->region);
      json_object_set_member (props, "HealthCheckId", _nines_cfn_ref ("HealthCheck"));
      if (g_str_equal (policy, "failover"))
        json_object_set_string_member (props, "Failover", b->is_primary ? "PRIMARY" : "SECONDARY");
      else if (g_str_equal (policy, "latency"))
        json_object_set_string_member (props, "Region", b->region);
      else
        json_object_set_int_member (props, "Weight", b->is_primary ? 100 : 0);
    }
}

/* ---- CloudFront ------------------------------------------------------------------ */

void
_nines_cfn_add_cloudfront_bucket_policy (NinesCfnBuilder         *b,
                                         const NinesDeployedItem *bucket_item,
                                         const char              *condition)
{
  g_autofree char *bucket = _nines_cfn_logical_id (bucket_item->id, NULL);
  g_autofree char *policy_id = _nines_cfn_logical_id (bucket_item->id, "CloudFrontPolicy");
  g_autofree char *objs = g_strdup_printf ("arn:${AWS::Partition}:s3:::${%s}/*", bucket);
  JsonObject *props = _nines_cfn_add_resource (b, policy_id, "AWS::S3::BucketPolicy", condition);
  JsonObject *doc = json_object_new ();
  JsonObject *st = json_object_new ();
  JsonObject *principal = json_object_new ();
  JsonObject *cnd = json_object_new ();
  JsonObject *like = json_object_new ();
  JsonArray *a = json_array_new ();

  json_object_set_member (props, "Bucket", _nines_cfn_ref (bucket));
  json_object_set_string_member (doc, "Version", "2012-10-17");
  json_object_set_string_member (st, "Sid", "CloudFrontOriginAccessControl");
  json_object_set_string_member (st, "Effect", "Allow");
  json_object_set_string_member (principal, "Service", "cloudfront.amazonaws.com");
  json_object_set_object_member (st, "Principal", principal);
  json_object_set_string_member (st, "Action", "s3:GetObject");
  json_object_set_member (st, "Resource", _nines_cfn_sub (objs));
  /* Only this account's distributions (CloudFront Developer Guide, "Restrict access to
   * an Amazon S3 origin"): the replica bucket's stack cannot know the distribution id. */
  json_object_set_member (like, "AWS:SourceArn",
                          _nines_cfn_sub ("arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/*"));
  json_object_set_object_member (cnd, "StringLike", like);
  json_object_set_object_member (st, "Condition", cnd);
  json_array_add_object_element (a, st);
  json_object_set_array_member (doc, "Statement", a);
  json_object_set_object_member (props, "PolicyDocument", doc);
}

static JsonObject *
counted (JsonArray *items)
{
  JsonObject *o = json_object_new ();

  json_object_set_int_member (o, "Quantity", json_array_get_length (items));
  json_object_set_array_member (o, "Items", items);
  return o;
}

static JsonObject *
s3_origin (const char *id,
           JsonNode   *domain,
           const char *oac)
{
  JsonObject *o = json_object_new ();
  JsonObject *cfg = json_object_new ();

  json_object_set_string_member (o, "Id", id);
  json_object_set_member (o, "DomainName", domain);
  json_object_set_string_member (cfg, "OriginAccessIdentity", "");
  json_object_set_object_member (o, "S3OriginConfig", cfg);
  json_object_set_member (o, "OriginAccessControlId", _nines_cfn_getatt (oac, "Id"));
  return o;
}

static JsonObject *
cache_behavior (const char *target,
                gboolean    dynamic,
                const char *path)
{
  JsonObject *cb = json_object_new ();

  if (path != NULL)
    json_object_set_string_member (cb, "PathPattern", path);
  json_object_set_string_member (cb, "TargetOriginId", target);
  json_object_set_string_member (cb, "ViewerProtocolPolicy", "redirect-to-https");
  json_object_set_boolean_member (cb, "Compress", TRUE);
  json_object_set_string_member (cb, "CachePolicyId",
                                 dynamic ? CACHE_POLICY_CACHING_DISABLED : CACHE_POLICY_CACHING_OPTIMIZED);
  if (dynamic)
    {
      json_object_set_string_member (cb, "OriginRequestPolicyId", ORIGIN_POLICY_ALL_VIEWER_NO_HOST);
      json_object_set_array_member (cb, "AllowedMethods",
                                    _nines_cfn_string_array ("GET", "HEAD", "OPTIONS", "PUT",
                                                             "PATCH",
                                                             "POST", "DELETE", NULL));
    }
  return cb;
}

void
_nines_cfn_add_cloudfront (NinesCfnBuilder         *b,
                           const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  g_autofree char *dist = _nines_cfn_logical_id (item->id, NULL);
  g_autofree char *oac = _nines_cfn_logical_id (item->id, "OriginAccessControl");
  GListModel *links = nines_document_get_links (b->document);
  JsonArray *origins = json_array_new ();
  JsonArray *groups = json_array_new ();
  JsonArray *behaviors = json_array_new ();
  JsonObject *default_behavior = NULL;
  g_autofree char *default_s3 = NULL;
  gboolean aliased = FALSE;
  gboolean automated = !g_str_equal (routing_policy (b), "simple");
  JsonObject *props;
  JsonObject *cfg;

  /* Is the distribution reached through the domain (a drawn dns -> cdn link)? */
  for (guint i = 0; i < nines_deployment_get_n_items (b->deployment); i++)
    {
      const NinesDeployedItem *it = nines_deployment_get_item (b->deployment, i);
      NinesComponent *ic = _nines_cfn_item_component (it);

      if (ic != NULL && g_str_equal (nines_component_get_kind (ic), "route53")
          && source_links_to (b, it->source_id, "cloudfront"))
        aliased = TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) link = g_list_model_get_item (links, i);
      const NinesDeployedItem *to;
      NinesComponent *tc;
      const char *kind;
      g_autofree char *origin_id = NULL;

      if (g_strcmp0 (nines_link_get_from (link), item->source_id) != 0)
        continue;
      to = _nines_cfn_find_item (b, nines_link_get_to (link), b->region);
      if (to == NULL || (tc = _nines_cfn_item_component (to)) == NULL)
        continue;
      kind = nines_component_get_kind (tc);
      origin_id = g_strdup_printf ("origin-%s", to->source_id);
      if (g_str_equal (kind, "s3"))
        {
          g_autofree char *bucket = _nines_cfn_logical_id (to->id, NULL);
          g_autofree char *dom = g_strdup_printf ("${%s}.s3.${AWS::Region}.amazonaws.com", bucket);
          const NinesReplication *crr = _nines_cfn_find_replication (b, to,
                                                                     NINES_REPLICATION_S3_CRR, FALSE);
          const char *target = origin_id;
          g_autofree char *group_id = NULL;

          if (!_nines_cfn_has_resource (b, bucket))
            continue;
          if (!_nines_cfn_has_resource (b, oac))
            {
              JsonObject *oc = json_object_new ();
              g_autofree char *oac_name = g_strdup_printf ("${AWS::StackName}-%s", dist);

              props = _nines_cfn_add_resource (b, oac, "AWS::CloudFront::OriginAccessControl",
                                               NULL);
              json_object_set_member (oc, "Name", _nines_cfn_sub (oac_name));
              json_object_set_string_member (oc, "OriginAccessControlOriginType", "s3");
              json_object_set_string_member (oc, "SigningBehavior", "always");
              json_object_set_string_member (oc, "SigningProtocol", "sigv4");
              json_object_set_object_member (props, "OriginAccessControlConfig", oc);
            }
          json_array_add_object_element (origins, s3_origin (origin_id, _nines_cfn_sub (dom), oac));
          if (crr != NULL)
            {
              /* The seed: keep the site's assets in a bucket replicated to the other
               * region; CloudFront fails over to the replica on 5xx (CloudFront
               * Developer Guide, "Optimize high availability with origin failover"). */
              g_autofree char *replica = _nines_cfn_bucket_name (b, to->source_id, crr->to_region);
              g_autofree char *rdom = g_strdup_printf ("%s.s3.%s.amazonaws.com", replica,
                                                       crr->to_region);
              g_autofree char *rid = g_strdup_printf ("origin-%s-%s", to->source_id,
                                                      crr->to_region);
              JsonObject *group = json_object_new ();
              JsonObject *criteria = json_object_new ();
              JsonArray *codes = json_array_new ();
              JsonArray *members = json_array_new ();
              JsonObject *m;

              json_array_add_object_element (origins, s3_origin (rid, _nines_cfn_sub (rdom), oac));
              group_id = g_strdup_printf ("group-%s", to->source_id);
              json_object_set_string_member (group, "Id", group_id);
              for (guint k = 0; k < 4; k++)
                json_array_add_int_element (codes, (gint64[]) { 500, 502, 503, 504 }[k]);
              json_object_set_object_member (criteria, "StatusCodes", counted (codes));
              json_object_set_object_member (group, "FailoverCriteria", criteria);
              m = json_object_new ();
              json_object_set_string_member (m, "OriginId", origin_id);
              json_array_add_object_element (members, m);
              m = json_object_new ();
              json_object_set_string_member (m, "OriginId", rid);
              json_array_add_object_element (members, m);
              json_object_set_object_member (group, "Members", counted (members));
              json_array_add_object_element (groups, group);
              target = group_id;
            }
          if (default_s3 == NULL)
            default_s3 = g_strdup (target);
          else
            {
              g_autofree char *path = g_strdup_printf ("/%s/*", to->source_id);

              json_array_add_object_element (behaviors, cache_behavior (target, FALSE, path));
            }
        }
      else if ((g_str_equal (kind, "alb") || g_str_equal (kind, "nlb")) && default_behavior == NULL)
        {
          g_autofree char *lb = _nines_cfn_logical_id (to->id, NULL);
          JsonObject *o = json_object_new ();
          JsonObject *custom = json_object_new ();

          if (!_nines_cfn_has_resource (b, lb))
            {
              json_object_unref (o);
              json_object_unref (custom);
              continue;
            }
          json_object_set_string_member (o, "Id", origin_id);
          /* With automated routing the origin is the health-checked record that moves
           * between the regions' load balancers; otherwise the primary one. */
          json_object_set_member (o, "DomainName", automated && aliased
                                  ? _nines_cfn_sub ("origin.${DomainName}")
                                  : _nines_cfn_getatt (lb, "DNSName"));
          json_object_set_string_member (custom, "OriginProtocolPolicy", "https-only");
          json_object_set_int_member (custom, "HTTPSPort", 443);
          json_object_set_array_member (custom, "OriginSSLProtocols",
                                        _nines_cfn_string_array ("TLSv1.2", NULL));
          json_object_set_object_member (o, "CustomOriginConfig", custom);
          json_array_add_object_element (origins, o);
          default_behavior = cache_behavior (origin_id, TRUE, NULL);
        }
    }

  if (json_array_get_length (origins) == 0)
    {
      json_array_unref (origins);
      json_array_unref (groups);
      json_array_unref (behaviors);
      return;
    }
  if (default_behavior == NULL)
    default_behavior = cache_behavior (default_s3, FALSE, NULL);
  else if (default_s3 != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/%s/*",
                                               default_s3 + strlen (g_str_has_prefix (default_s3,
                                                                                      "group-")
                                                                            ? "group-" : "origin-"));

      json_array_add_object_element (behaviors, cache_behavior (default_s3, FALSE, path));
    }

  props = _nines_cfn_add_resource (b, dist, "AWS::CloudFront::Distribution", NULL);
  cfg = json_object_new ();
  json_object_set_member (cfg, "Comment", _nines_cfn_string (nines_component_get_display_name (c)));
  json_object_set_boolean_member (cfg, "Enabled", TRUE);
  json_object_set_string_member (cfg, "HttpVersion", "http2and3");
  json_object_set_string_member (cfg, "PriceClass", "PriceClass_All");
  json_object_set_array_member (cfg, "Origins", origins);
  if (json_array_get_length (groups) > 0)
    json_object_set_object_member (cfg, "OriginGroups", counted (groups));
  else
    json_array_unref (groups);
  json_object_set_object_member (cfg, "DefaultCacheBehavior", default_behavior);
  if (json_array_get_length (behaviors) > 0)
    json_object_set_array_member (cfg, "CacheBehaviors", behaviors);
  else
    json_array_unref (behaviors);
  if (aliased)
    {
      JsonArray *aliases = json_array_new ();
      JsonObject *cert = json_object_new ();
      JsonObject *p;

      add_dns_parameters (b);
      p = _nines_cfn_add_parameter (b, "CloudFrontCertificateArn", "String",
                                    "ARN of an ACM certificate in us-east-1 for the domain and its "
                                    "static. name (CloudFront only uses certificates from us-east-1)", NULL);
      json_object_set_string_member (p, "AllowedPattern",
                                     "^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/.+$");
      json_array_add_element (aliases, cdn_fronts_load_balancer (b, item->source_id)
                                       ? _nines_cfn_ref ("DomainName")
                                       : _nines_cfn_sub ("static.${DomainName}"));
      json_object_set_array_member (cfg, "Aliases", aliases);
      json_object_set_member (cert, "AcmCertificateArn",
                              _nines_cfn_ref ("CloudFrontCertificateArn"));
      json_object_set_string_member (cert, "SslSupportMethod", "sni-only");
      json_object_set_string_member (cert, "MinimumProtocolVersion", "TLSv1.2_2021");
      json_object_set_object_member (cfg, "ViewerCertificate", cert);
    }
  json_object_set_object_member (props, "DistributionConfig", cfg);
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, item, NULL));
  {
    g_autofree char *out = _nines_cfn_logical_id (item->id, "DomainName");

    _nines_cfn_add_output (b, out, "Domain name of the CloudFront distribution",
                           _nines_cfn_getatt (dist, "DomainName"));
  }
}

void
_nines_cfn_add_guardduty (NinesCfnBuilder         *b,
                          const NinesDeployedItem *item)
{
  g_autofree char *id = _nines_cfn_logical_id (item->id, NULL);
  JsonObject *props = _nines_cfn_add_resource (b, id, "AWS::GuardDuty::Detector",
                                               _nines_cfn_item_condition (b, item));

  json_object_set_boolean_member (props, "Enable", TRUE);
  json_object_set_string_member (props, "FindingPublishingFrequency", "FIFTEEN_MINUTES");
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, item, NULL));
}

/* ---- AWS Backup ------------------------------------------------------------------ */

/* A cron expression for @hours between backups. AWS Backup runs at most hourly from a
 * schedule (AWS Backup Developer Guide, "Backup frequency"); intervals under a day are
 * rounded to a divisor of 24 so the runs stay evenly spaced. */
static char *
schedule_expression (double hours)
{
  static const int divisors[] = { 1, 2, 3, 4, 6, 8, 12 };
  int days;

  if (hours < 24)
    {
      int best = 1;

      for (guint i = 0; i < G_N_ELEMENTS (divisors); i++)
        if (fabs (divisors[i] - hours) < fabs (best - hours))
          best = divisors[i];
      return best == 1 ? g_strdup ("cron(0 * * * ? *)") : g_strdup_printf ("cron(0 0/%d * * ? *)",
                                                                           best);
    }
  days = (int) round (hours / 24);
  if (days <= 1)
    return g_strdup ("cron(0 5 * * ? *)");
  if (days == 7)
    return g_strdup ("cron(0 5 ? * SUN *)");
  return g_strdup_printf ("cron(0 5 1/%d * ? *)", days);
}

static JsonNode *
backup_arn (NinesCfnBuilder         *b,
            const NinesDeployedItem *item)
{
  const char *kind = nines_component_get_kind (_nines_cfn_item_component (item));
  g_autofree char *id = _nines_cfn_logical_id (item->id, NULL);
  g_autofree char *cluster = _nines_cfn_logical_id (item->id, "Cluster");
  g_autofree char *sub = NULL;

  if (g_str_equal (kind, "rds") && _nines_cfn_has_resource (b, id))
    {
      sub = g_strdup_printf ("arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:db:${%s}",
                             id);
      return _nines_cfn_sub (sub);
    }
  if (g_str_equal (kind, "aurora") && _nines_cfn_has_resource (b, cluster))
    {
      sub = g_strdup_printf ("arn:${AWS::Partition}:rds:${AWS::Region}:${AWS::AccountId}:cluster:${%s}", cluster);
      return _nines_cfn_sub (sub);
    }
  if ((g_str_equal (kind, "dynamodb") || g_str_equal (kind, "efs")) && _nines_cfn_has_resource (b,
                                                                                                id))
    return _nines_cfn_getatt (id, "Arn");
  if (g_str_equal (kind, "s3") && _nines_cfn_has_resource (b, id))
    return _nines_cfn_getatt (id, "Arn");
  return NULL;
}

static void
add_vault (NinesCfnBuilder *b)
{
  g_autofree char *name = _nines_cfn_vault_name (b);
  JsonObject *props;

  if (_nines_cfn_has_resource (b, "BackupVault"))
    return;
  props = _nines_cfn_add_resource (b, "BackupVault", "AWS::Backup::BackupVault", NULL);
  json_object_set_string_member (_nines_cfn_get_resource (b, "BackupVault"), "DeletionPolicy",
                                 "Retain");
  json_object_set_string_member (_nines_cfn_get_resource (b, "BackupVault"), "UpdateReplacePolicy",
                                 "Retain");
  json_object_set_string_member (props, "BackupVaultName", name);
  json_object_set_object_member (props, "BackupVaultTags", _nines_cfn_tag_map (b, NULL));
}

void
_nines_cfn_add_backup (NinesCfnBuilder *b)
{
  guint n = nines_deployment_get_n_replications (b->deployment);
  JsonArray *resources = json_array_new ();
  const char *to_region = NULL;
  g_autofree char *vault = _nines_cfn_vault_name (b);
  double hours = nines_document_get_knob_double (b->document, "backup_interval_hours");
  gint64 retention = (gint64) nines_document_get_knob_double (b->document, "backup_retention_days");
  g_autofree char *schedule = schedule_expression (hours);
  JsonObject *props;
  JsonObject *plan;
  JsonObject *rule;
  JsonObject *lc;
  JsonArray *a;

  for (guint i = 0; i < n; i++)
    {
      const NinesReplication *r = nines_deployment_get_replication (b->deployment, i);
      const NinesDeployedItem *src;
      JsonNode *arn;

      if (r->kind != NINES_REPLICATION_BACKUP_COPY)
        continue;
      if (g_strcmp0 (r->to_region, b->region) == 0)
        add_vault (b);
      if (g_strcmp0 (r->from_region, b->region) != 0)
        continue;
      src = _nines_cfn_find_item (b, r->source_id, b->region);
      if (src == NULL || (arn = backup_arn (b, src)) == NULL)
        continue;
      json_array_add_element (resources, arn);
      to_region = r->to_region;
    }
  if (json_array_get_length (resources) == 0)
    {
      json_array_unref (resources);
      return;
    }

  add_vault (b);
  props = _nines_cfn_add_resource (b, "BackupRole", "AWS::IAM::Role", NULL);
  {
    JsonObject *assume = json_object_new ();
    JsonObject *st = json_object_new ();
    JsonObject *principal = json_object_new ();

    json_object_set_string_member (assume, "Version", "2012-10-17");
    json_object_set_string_member (st, "Effect", "Allow");
    json_object_set_string_member (principal, "Service", "backup.amazonaws.com");
    json_object_set_object_member (st, "Principal", principal);
    json_object_set_string_member (st, "Action", "sts:AssumeRole");
    a = json_array_new ();
    json_array_add_object_element (a, st);
    json_object_set_array_member (assume, "Statement", a);
    json_object_set_object_member (props, "AssumeRolePolicyDocument", assume);
  }
  a = json_array_new ();
  json_array_add_element (a,
                          _nines_cfn_sub ("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"));
  json_array_add_element (a,
                          _nines_cfn_sub ("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"));
  json_object_set_array_member (props, "ManagedPolicyArns", a);
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, NULL, NULL));

  props = _nines_cfn_add_resource (b, "BackupPlan", "AWS::Backup::BackupPlan", NULL);
  plan = json_object_new ();
  {
    g_autofree char *plan_name = g_strdup_printf ("%s-cross-region", vault);

    json_object_set_string_member (plan, "BackupPlanName", plan_name);
  }
  rule = json_object_new ();
  json_object_set_string_member (rule, "RuleName", "nines-scheduled");
  json_object_set_member (rule, "TargetBackupVault", _nines_cfn_ref ("BackupVault"));
  json_object_set_string_member (rule, "ScheduleExpression", schedule);
  json_object_set_int_member (rule, "StartWindowMinutes", 60);
  json_object_set_int_member (rule, "CompletionWindowMinutes", 720);
  lc = json_object_new ();
  json_object_set_int_member (lc, "DeleteAfterDays", retention);
  json_object_set_object_member (rule, "Lifecycle", lc);
  {
    /* The seed: "Do our backups exist in at least two regions?" The copy action puts
     * every recovery point in the vault of the same name in the recovery region. */
    JsonObject *copy = json_object_new ();
    g_autofree char *dest = g_strdup_printf ("arn:${AWS::Partition}:backup:%s:${AWS::AccountId}:backup-vault:%s",
                                             to_region, vault);

    json_object_set_member (copy, "DestinationBackupVaultArn", _nines_cfn_sub (dest));
    lc = json_object_new ();
    json_object_set_int_member (lc, "DeleteAfterDays", retention);
    json_object_set_object_member (copy, "Lifecycle", lc);
    a = json_array_new ();
    json_array_add_object_element (a, copy);
    json_object_set_array_member (rule, "CopyActions", a);
  }
  a = json_array_new ();
  json_array_add_object_element (a, rule);
  json_object_set_array_member (plan, "BackupPlanRule", a);
  json_object_set_object_member (props, "BackupPlan", plan);
  json_object_set_object_member (props, "BackupPlanTags", _nines_cfn_tag_map (b, NULL));

  props = _nines_cfn_add_resource (b, "BackupSelection", "AWS::Backup::BackupSelection", NULL);
  json_object_set_member (props, "BackupPlanId", _nines_cfn_ref ("BackupPlan"));
  {
    JsonObject *sel = json_object_new ();

    json_object_set_string_member (sel, "SelectionName", "nines-data-stores");
    json_object_set_member (sel, "IamRoleArn", _nines_cfn_getatt ("BackupRole", "Arn"));
    json_object_set_array_member (sel, "Resources", resources);
    json_object_set_object_member (props, "BackupSelection", sel);
  }
}
