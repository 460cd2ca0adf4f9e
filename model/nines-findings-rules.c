/* nines-findings-rules.c: the rules about single components and the primary region's
 * layout (databases, groups, buckets, routing, network, edge, CI). One pass over the
 * components, then region-wide rules from what the pass collected: linear in the design. */
#define G_LOG_DOMAIN "nines-findings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-findings-private.h"

/* A group allowed to grow to this many times its desired size is effectively unbounded
 * for the bill (the seed's DoS warning); a planning threshold, not an AWS figure. */
#define ASG_UNBOUNDED_FACTOR 10

typedef struct
{
  gboolean     has_vpc;
  gboolean     has_cloudfront;
  gboolean     has_route53;
  gboolean     has_guardduty;
  gboolean     public_entry;        /* an internet-facing load balancer or API */
  gboolean     has_lambda;          /* an API served by functions (public when in DNS) */
  guint        in_primary;          /* components in the primary region */
  gboolean     needs_vpc;           /* zonal resources that live in subnets */
  guint        max_asg_azs;
  const char  *single_az_nat;
  /* Drawn items (indices) that are Route 53 records routing by failover or latency
   * without health checks: the routing rule looks at these only. */
  GArray      *unchecked_routing;
} RegionFacts;

static void
rule_database (NinesFindingsBuild *b,
               NinesComponent     *c)
{
  const char *id = nines_component_get_id (c);
  gboolean aurora = _nines_kind_is (nines_component_get_kind (c), "aurora");

  if (nines_component_get_bool (c, "public"))
    _nines_findings_add (b, "public-database", NINES_SEVERITY_CRITICAL, id,
                         g_strdup_printf (_("The database %s is publicly accessible."), id),
                         g_strdup (_("The seed: \"have a public subnet solely to hold web servers, then have "
                                     "a private subnet for databases\". Well-Architected SEC05-BP01: create "
                                     "network layers.")),
                         g_strdup (_("Turn off public accessibility and reach it from the private subnets "
                                     "only.")));

  if (aurora ? (nines_component_get_int (c, "readers") == 0 || nines_component_get_n_azs (c) < 2)
             : !nines_component_get_bool (c, "multi_az"))
    _nines_findings_add (b, "single-az-database", NINES_SEVERITY_WARNING, id,
                         aurora
                         ? g_strdup_printf (_("The Aurora cluster %s has no reader in another AZ to fail over to."), id)
                         : g_strdup_printf (_("The RDS database %s runs in a single AZ."), id),
                         g_strdup (_("An AZ failure takes the database down until it is rebuilt; Multi-AZ fails "
                                     "over in typically 60-120 s (RDS User Guide, \"Multi-AZ DB instance "
                                     "deployments\"). The seed: Aurora \"automatically handles all of the "
                                     "failovers for you\". Well-Architected REL10-BP01.")),
                         aurora ? g_strdup (_("Add at least one reader in another AZ."))
                                : g_strdup (_("Enable Multi-AZ.")));

  if (!aurora && nines_component_get_int (c, "backup_retention_days") == 0)
    _nines_findings_add (b, "database-backups-off", NINES_SEVERITY_CRITICAL, id,
                         g_strdup_printf (_("Automated backups of %s are off (retention 0 days)."), id),
                         g_strdup (_("No point-in-time recovery and nothing for AWS Backup to copy across "
                                     "regions (Well-Architected REL09-BP01: identify and back up all data).")),
                         g_strdup (_("Set a backup retention of at least 7 days.")));
}

static void
rule_asg (NinesFindingsBuild *b,
          NinesComponent     *c,
          RegionFacts        *facts)
{
  const char *id = nines_component_get_id (c);
  gint64 desired = nines_component_get_int (c, "desired");
  gint64 max = nines_component_get_int (c, "max");
  guint n_azs = nines_component_get_n_azs (c);

  facts->max_asg_azs = MAX (facts->max_asg_azs, n_azs);
  if (n_azs < 2)
    _nines_findings_add (b, "asg-single-az", NINES_SEVERITY_WARNING, id,
                         g_strdup_printf (_("The Auto Scaling group %s runs in one AZ."), id),
                         g_strdup (_("The seed: \"An auto-scaling group can spread out your instances across "
                                     "these availability zones\" and rebalances when one fails. "
                                     "Well-Architected REL10-BP01: deploy to multiple locations.")),
                         g_strdup (_("Spread the group over at least two AZs (three where the region has "
                                     "them).")));
  if (max >= ASG_UNBOUNDED_FACTOR * MAX (desired, (gint64) 1))
    _nines_findings_add (b, "asg-max-unbounded", NINES_SEVERITY_WARNING, id,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%s may grow to %lld instance, %lld× its "
                                                       "desired %lld.",
                                                       "%s may grow to %lld instances, %lld× its "
                                                       "desired %lld.", (gulong) max),
                                          id, (long long) max,
                                          (long long) (max / MAX (desired, (gint64) 1)),
                                          (long long) desired),
                         g_strdup (_("The seed: \"The maximum size prevents you from paying out the wazoo in "
                                     "the case of a major traffic spike or denial-of-service (DoS) attack.\"")),
                         g_strdup_printf (_("Cap max at the capacity you plan for (e.g. %lld) and "
                                            "put CloudFront and AWS WAF in front."),
                                          (long long) (MAX (desired, (gint64) 1) * 4)));
}

static void
rule_buckets (NinesFindingsBuild *b)
{
  for (guint i = 0; i < nines_recovery_get_n_stores (b->recovery); i++)
    {
      const NinesStoreRpo *s = nines_recovery_get_store (b->recovery, i);
      NinesComponent *c;
      gboolean critical;

      if (!g_str_equal (s->kind, "s3"))
        continue;
      if (s->note != NULL)
        _nines_findings_add (b, "bucket-lifecycle-partial", NINES_SEVERITY_INFO, s->store_id,
                             g_strdup_printf (_("Only recent objects of %s are kept in %s: %s."), s->store_id,
                                              b->recovery_region, s->note),
                             g_strdup (_("The seed: replicate recent assets and \"set up an S3 lifecycle policy "
                                         "to delete any items that are older than two weeks\"; older pages may "
                                         "miss some assets during an outage.")),
                             g_strdup (_("Intended for non-critical assets; mark the bucket critical if the site "
                                         "cannot run without all of it.")));
      if (s->rpo_s >= 0)
        continue;
      c = nines_document_lookup_component (b->document, s->store_id);
      critical = c != NULL && nines_component_get_bool (c, "critical");
      _nines_findings_add (b, "bucket-no-crr", critical ? NINES_SEVERITY_CRITICAL : NINES_SEVERITY_WARNING,
                           s->store_id,
                           g_strdup_printf (_("The bucket %s has no cross-region replication."), s->store_id),
                           g_strdup (_("The seed: \"we've come to treat S3 specifically as infallible\" until "
                                       "US-EAST-1 failed; \"Keep all of your CSS and JavaScript necessary to run "
                                       "your site in a bucket with cross-region replication enabled.\"")),
                           g_strdup (_("Enable S3 Cross-Region Replication (with Replication Time Control for "
                                       "a 15-minute bound) to the recovery region.")));
    }
}

static void
rule_routing (NinesFindingsBuild *b,
              const RegionFacts  *facts)
{
  /* Route 53 is global; a drawn record is the design's own routing (the pattern's
   * routing items carry their checks): the pass over the components listed the drawn
   * records that route by failover or latency without health checks. */
  gboolean any_route53 = facts->has_route53;

  for (guint k = 0; k < facts->unchecked_routing->len; k++)
    {
      const NinesDeployedItem *item = nines_deployment_get_item (b->deployment,
                                                                 g_array_index (facts->unchecked_routing, guint, k));
      g_autofree char *routing_id = NULL;
      const NinesDeployedItem *added;

      if (item->region != NULL || item->steady == NULL || item->added)
        continue;
      routing_id = g_strdup_printf ("%s@routing", item->id);
      added = nines_deployment_lookup_item (b->deployment, routing_id);
      if (added == NULL || nines_component_get_int (added->steady, "health_checks") <= 0)
        _nines_findings_add (b, "failover-without-health-checks", NINES_SEVERITY_CRITICAL, item->id,
                             g_strdup_printf (_("%s uses %s routing without health checks."), item->id,
                                              nines_component_get_string (item->steady, "routing_policy")),
                             g_strdup (_("Route 53 fails over only on health-check results; without them it "
                                         "keeps answering with the failed region (Route 53 Developer Guide, "
                                         "\"Configuring DNS failover\").")),
                             g_strdup (_("Add a health check per regional endpoint and attach it to the "
                                         "records.")));
    }

  if (nines_deployment_get_pattern (b->deployment) >= NINES_DR_PATTERN_WARM_STANDBY &&
      !nines_recovery_is_automated (b->recovery))
    _nines_findings_add (b, "failover-without-health-checks", NINES_SEVERITY_WARNING, NULL,
                         any_route53 ? g_strdup (_("The pattern expects automated failover, but no Route 53 "
                                                   "health checks drive it."))
                                     : g_strdup (_("The pattern expects automated failover, but the design has no "
                                                   "Route 53 zone to route with.")),
                         g_strdup (_("The seed: warm standby \"we can and should configure this to be totally "
                                     "automated\"; Route 53 latency or failover routing with health checks.")),
                         g_strdup (_("Add Route 53 with failover or latency routing and health checks.")));
}

static void
rule_ci (NinesFindingsBuild *b,
         NinesComponent     *c)
{
  const char *plan = nines_component_get_string (c, "recovery_plan");
  const char *id = nines_component_get_id (c);

  if (g_str_equal (plan, "none"))
    _nines_findings_add (b, "ci-no-recovery-plan", NINES_SEVERITY_WARNING, id,
                         g_strdup_printf (_("The build server %s has no recovery plan."), id),
                         g_strdup (_("The seed: \"How will you build and deploy your code if TravisCI becomes "
                                     "unavailable? You must factor this into your disaster recovery "
                                     "planning.\"")),
                         g_strdup (_("Follow the application's pattern for it, or keep the build scripts in "
                                     "a Makefile so you can build locally during a disaster.")));
  else if (g_str_equal (plan, "managed-ci"))
    _nines_findings_add (b, "ci-no-recovery-plan", NINES_SEVERITY_INFO, id,
                         g_strdup_printf (_("%s relies on a managed CI service's own disaster recovery."), id),
                         g_strdup (_("The seed: with a managed CI \"make sure you're tightly coupled with the "
                                     "disaster-recovery strategy of that provider\".")),
                         g_strdup (_("Keep builds runnable locally (a Makefile) as a fallback.")));
}

static void
region_rules (NinesFindingsBuild *b,
              RegionFacts        *facts)
{
  if (facts->needs_vpc && !facts->has_vpc)
    _nines_findings_add (b, "no-vpc-separation", NINES_SEVERITY_WARNING, NULL,
                         g_strdup_printf (_("No VPC is drawn in %s to separate public and private subnets."), b->primary),
                         g_strdup (_("The seed: \"use the VPC to wrap all of your services, have a public subnet "
                                     "solely to hold web servers, then have a private subnet for databases, "
                                     "caching\". Well-Architected SEC05-BP01.")),
                         g_strdup (_("Add a VPC with public and private subnets.")));
  if (facts->public_entry && !facts->has_cloudfront)
    _nines_findings_add (b, "no-edge-protection", NINES_SEVERITY_WARNING, NULL,
                         g_strdup (_("The public entry point is not behind CloudFront.")),
                         g_strdup (_("The seed: \"The combination of Route 53 and CloudFront provide a lot of "
                                     "distributed denial of service (DDoS) protection ... the costs for this "
                                     "protection are factored into your hourly rates\". Well-Architected "
                                     "SEC05-BP03 / REL11.")),
                         g_strdup (_("Put CloudFront (with AWS Shield Standard, included) in front of the "
                                     "site.")));
  if (facts->public_entry && !facts->has_route53)
    _nines_findings_add (b, "no-edge-protection", NINES_SEVERITY_WARNING, NULL,
                         g_strdup (_("The public entry point is not served through Route 53.")),
                         g_strdup (_("The seed: Route 53 is one of the two edge services for DDoS protection, "
                                     "and what every DR pattern uses to move traffic between regions.")),
                         g_strdup (_("Host the zone in Route 53.")));
  if (facts->single_az_nat != NULL && facts->max_asg_azs > 1)
    _nines_findings_add (b, "nat-single-az", NINES_SEVERITY_WARNING, facts->single_az_nat,
                         g_strdup_printf (_("The NAT gateway %s is in one AZ while instances span %u."),
                                          facts->single_az_nat, facts->max_asg_azs),
                         g_strdup (_("A NAT gateway is zonal: if its AZ fails, instances in the other AZs lose "
                                     "outbound access (VPC User Guide, \"NAT gateways\": create one per AZ). "
                                     "Well-Architected REL10-BP01.")),
                         g_strdup (_("Add a NAT gateway in each AZ the instances use.")));
  if (!facts->has_guardduty && facts->in_primary > 0)
    _nines_findings_add (b, "no-threat-detection", NINES_SEVERITY_INFO, NULL,
                         g_strdup_printf (_("No threat detection (GuardDuty) in %s."), b->primary),
                         g_strdup (_("The seed (threat modeling): \"add a virtual private cloud (VPC) and "
                                     "intrusion detection system (IDS) into your architecture\" when you "
                                     "store personal or sensitive data. Well-Architected SEC04-BP01.")),
                         g_strdup (_("Enable GuardDuty in every region you run in.")));
}

/* What the pass over the components found: its findings and the region's facts. */
struct _NinesFindingsScan
{
  GPtrArray   *items;    /* of NinesFinding */
  RegionFacts  facts;
};

/* What @c, in the primary region, adds to the region's @facts, and its findings. */
static void
scan_one (NinesFindingsBuild *b,
          NinesComponent     *c,
          RegionFacts        *facts)
{
  const char *kind = nines_component_get_kind (c);

  if (_nines_kind_is (kind, "rds") || _nines_kind_is (kind, "aurora"))
    rule_database (b, c);
  else if (_nines_kind_is (kind, "ec2-asg"))
    rule_asg (b, c, facts);
  else if (_nines_kind_is (kind, "ci-server"))
    rule_ci (b, c);
  else if (_nines_kind_is (kind, "vpc"))
    {
      facts->has_vpc = TRUE;
      if (!nines_component_get_bool (c, "private_subnets") || !nines_component_get_bool (c, "public_subnets"))
        _nines_findings_add (b, "no-vpc-separation", NINES_SEVERITY_WARNING, nines_component_get_id (c),
                             g_strdup_printf (_("The VPC %s does not have both public and private subnets."),
                                              nines_component_get_id (c)),
                             g_strdup (_("The seed: \"a public subnet solely to hold web servers, then ... a "
                                         "private subnet for databases\". Well-Architected SEC05-BP01.")),
                             g_strdup (_("Add private subnets for data stores and workers; keep only the "
                                         "load balancers public.")));
    }
  else if (_nines_kind_is (kind, "guardduty"))
    facts->has_guardduty = TRUE;
  else if (_nines_kind_is (kind, "nat-gateway") && nines_component_get_n_azs (c) < 2 && facts->single_az_nat == NULL)
    facts->single_az_nat = nines_component_get_id (c);

  if ((_nines_kind_is (kind, "alb") || _nines_kind_is (kind, "nlb")) && nines_component_get_bool (c, "public"))
    facts->public_entry = TRUE;
  else if (_nines_kind_is (kind, "lambda"))
    facts->has_lambda = TRUE;
  if (nines_component_get_kind_info (c) != NULL &&
      nines_component_get_kind_info (c)->placement == NINES_PLACEMENT_ZONAL)
    facts->needs_vpc = TRUE;
}

/* What the pass keeps of a component (nines-facts-cache.c): what it adds to the region's
 * facts when in the primary region, and whether it has findings of its own (then the
 * rules run again for it: they are few, and their texts are the findings'). */
typedef struct
{
  RegionFacts adds;          /* single_az_nat: set when it is one (the item's id is used) */
  gboolean    cloudfront;
  gboolean    route53;
  gboolean    unchecked_routing;   /* route53 by failover or latency, no health checks */
  gboolean    has_findings;
} ComponentFacts;

static void
read_facts (NinesComponent *c,
            gpointer        payload,
            gpointer        user_data)
{
  ComponentFacts *facts = payload;
  NinesFindingsBuild scratch = { 0 };
  const char *kind = nines_component_get_kind (c);

  scratch.items = g_ptr_array_new_with_free_func (_nines_findings_free_item);
  scan_one (&scratch, c, &facts->adds);
  facts->has_findings = scratch.items->len > 0;
  facts->cloudfront = _nines_kind_is (kind, "cloudfront");
  facts->route53 = _nines_kind_is (kind, "route53");
  if (facts->route53)
    {
      const char *policy = nines_component_get_string (c, "routing_policy");

      facts->unchecked_routing = (g_str_equal (policy, "failover") || g_str_equal (policy, "latency")) &&
                                 nines_component_get_int (c, "health_checks") == 0;
    }
  g_ptr_array_unref (scratch.items);
}

const NinesFactsKind _nines_findings_facts = { sizeof (ComponentFacts), read_facts };

/* The pass over the components: it reads only the deployment and its components (and
 * what was kept of them), so it can run before the recovery is known, on another
 * thread. */
static void
scan_components (NinesFindingsBuild *b,
                 RegionFacts        *out)
{
  RegionFacts facts = { .unchecked_routing = g_array_new (FALSE, FALSE, sizeof (guint)) };
  NinesDeployment *dep = b->deployment;
  NinesFactsCache *cache = _nines_document_get_findings_facts (b->document);
  guint n = _nines_deployment_get_n_drawn (dep);
  g_autofree guint *at = g_new (guint, MAX (n, 1));

  /* Drawn items are their components: their noted revisions find the kept facts. */
  _nines_facts_cache_begin (cache);
  for (guint i = 0; i < n; i++)
    {
      const NinesDeployedItem *item = nines_deployment_get_item (dep, i);

      if (i + 8 < n)
        __builtin_prefetch (nines_deployment_get_item (dep, i + 8));
      at[i] = _nines_facts_cache_lookup (cache, item->steady,
                                         item->revisions_known ? item->steady_revision
                                         : _nines_component_get_revision (item->steady), NULL);
    }
  for (guint i = 0; i < n; i++)
    {
      const NinesDeployedItem *item = nines_deployment_get_item (dep, i);
      const ComponentFacts *kept = _nines_facts_cache_get (cache, at[i]);

      facts.has_cloudfront |= kept->cloudfront;
      facts.has_route53 |= kept->route53;
      if (kept->unchecked_routing)
        g_array_append_val (facts.unchecked_routing, i);
      if (item->region == NULL || !_nines_same_region (item->region, b->primary))
        continue;
      facts.in_primary++;
      if (kept->has_findings)
        {
          scan_one (b, item->steady, &facts);
          continue;
        }
      facts.has_vpc |= kept->adds.has_vpc;
      facts.has_guardduty |= kept->adds.has_guardduty;
      facts.public_entry |= kept->adds.public_entry;
      facts.has_lambda |= kept->adds.has_lambda;
      facts.needs_vpc |= kept->adds.needs_vpc;
      facts.max_asg_azs = MAX (facts.max_asg_azs, kept->adds.max_asg_azs);
      if (kept->adds.single_az_nat != NULL && facts.single_az_nat == NULL)
        facts.single_az_nat = item->id;
    }
  _nines_facts_cache_end (cache);
  *out = facts;
}

NinesFindingsScan *
_nines_findings_scan_new (NinesDeployment *deployment)
{
  NinesFindingsScan *scan = g_new0 (NinesFindingsScan, 1);
  NinesFindingsBuild b = { 0 };

  scan->items = g_ptr_array_new_with_free_func (_nines_findings_free_item);
  b.deployment = deployment;
  b.document = nines_deployment_get_document (deployment);
  b.primary = nines_deployment_get_primary_region (deployment);
  b.recovery_region = nines_deployment_get_recovery_region (deployment);
  b.items = scan->items;
  scan_components (&b, &scan->facts);
  return scan;
}

void
_nines_findings_scan_free (NinesFindingsScan *scan)
{
  if (scan == NULL)
    return;
  g_ptr_array_unref (scan->items);
  g_clear_pointer (&scan->facts.unchecked_routing, g_array_unref);
  g_free (scan);
}

void
_nines_findings_component_rules (NinesFindingsBuild *b,
                                 NinesFindingsScan  *scan)
{
  RegionFacts facts;

  if (scan != NULL)
    {
      /* Taken over in the order found: the same list as scanning here. */
      for (guint i = 0; i < scan->items->len; i++)
        g_ptr_array_add (b->items, g_ptr_array_index (scan->items, i));
      g_ptr_array_set_free_func (scan->items, NULL);
      g_ptr_array_set_size (scan->items, 0);
      facts = scan->facts;
      scan->facts.unchecked_routing = NULL;   /* taken */
    }
  else
    scan_components (b, &facts);
  facts.public_entry |= facts.has_lambda && facts.has_route53;
  rule_buckets (b);
  rule_routing (b, &facts);
  region_rules (b, &facts);
  g_array_unref (facts.unchecked_routing);
}
