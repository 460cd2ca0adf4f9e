/* nines-dr-patterns.c: the DR patterns as transforms (design, pattern, knobs) -> deployment.
 *
 * DESIGN.md section 3. The drawn workload stays as it is (role primary). For every
 * component in the primary region, the pattern adds what it keeps in the recovery region:
 * compute rules here, data-store rules in nines-dr-patterns-data.c, the Route 53 routing
 * rule at the end. Each added item has a steady and a failover configuration (NULL where
 * nothing exists in that state), so the cost engine prices both states and the recovery
 * model knows what must be created, scaled or promoted. */
#define G_LOG_DOMAIN "nines-dr-patterns"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-dr-patterns-private.h"

/* Every note a rule gives is translated once per deployment, not once per component. */
#undef _
#define _(msgid) NINES_PATTERN_TR (msgid)

const char *
_nines_pattern_tr (NinesPatternContext *ctx,
                   const char          *msgid)
{
  NinesPatternStrings *t = &ctx->strings;
  const char *text;

  for (guint i = 0; i < t->n; i++)
    if (t->msgid[i] == msgid)
      return t->text[i];
  text = g_dgettext (GETTEXT_PACKAGE, msgid);
  if (t->n < NINES_PATTERN_CACHE)
    {
      t->msgid[t->n] = msgid;
      t->text[t->n++] = text;
    }
  return text;
}

/* Sets @decoded's value, sharing the GVariant of an equal value set before. */
static void
set_value (NinesPatternContext   *ctx,
           NinesComponent        *c,
           const char            *name,
           const NinesParamValue *decoded)
{
  NinesPatternValues *vals = &ctx->values;
  g_autoptr(GVariant) fresh = NULL;

  for (guint i = 0; i < vals->n; i++)
    if (vals->decoded[i].cls == decoded->cls && vals->decoded[i].i == decoded->i &&
        memcmp (&vals->decoded[i].number, &decoded->number, sizeof (double)) == 0)
      {
        _nines_component_take_param (c, name, vals->value[i], &vals->decoded[i]);
        return;
      }
  switch (decoded->cls)
    {
    case G_VARIANT_CLASS_INT64:
      fresh = g_variant_ref_sink (g_variant_new_int64 (decoded->i));
      break;
    case G_VARIANT_CLASS_DOUBLE:
      fresh = g_variant_ref_sink (g_variant_new_double (decoded->number));
      break;
    case G_VARIANT_CLASS_BOOLEAN:
    default:
      fresh = g_variant_ref_sink (g_variant_new_boolean (decoded->i != 0));
      break;
    }
  _nines_component_take_param (c, name, fresh, decoded);
  if (vals->n < NINES_PATTERN_CACHE)
    {
      vals->value[vals->n] = g_steal_pointer (&fresh);
      vals->decoded[vals->n++] = *decoded;
    }
}

void
_nines_pattern_set_int (NinesPatternContext *ctx,
                        NinesComponent      *c,
                        const char          *name,
                        gint64               value)
{
  NinesParamValue d = { G_VARIANT_CLASS_INT64, value, (double) value, NULL };

  set_value (ctx, c, name, &d);
}

void
_nines_pattern_set_double (NinesPatternContext *ctx,
                           NinesComponent      *c,
                           const char          *name,
                           double               value)
{
  NinesParamValue d = { G_VARIANT_CLASS_DOUBLE, 0, value, NULL };

  set_value (ctx, c, name, &d);
}

void
_nines_pattern_set_bool (NinesPatternContext *ctx,
                         NinesComponent      *c,
                         const char          *name,
                         gboolean            value)
{
  NinesParamValue d = { G_VARIANT_CLASS_BOOLEAN, value ? 1 : 0, 0, NULL };

  set_value (ctx, c, name, &d);
}

void
_nines_pattern_set_string (NinesComponent *c,
                           const char     *name,
                           const char     *value)
{
  _nines_component_take_param (c, name, g_variant_new_string (value), NULL);
}

/* A copy of @c placed in the recovery region: same parameters, the recovery region, and
 * for zonal kinds as many of the recovery region's AZs as @c uses in its own (at least
 * one, at most what the recovery region has). */
NinesComponent *
_nines_pattern_copy_to_recovery (NinesPatternContext *ctx,
                                 NinesComponent      *c,
                                 guint                n_azs)
{
  const NinesKindInfo *kind = nines_component_get_kind_info (c);
  const char *azs[8];

  /* A fresh copy: nothing listens to it yet, so no "changed" signals. */
  if (kind != NULL && kind->placement == NINES_PLACEMENT_ZONAL)
    {
      guint avail = ctx->recovery_azs ? g_strv_length (ctx->recovery_azs) : 0;
      g_autofree const char **many = NULL;
      const char **list = azs;

      if (n_azs == 0)
        n_azs = MAX (1, nines_component_get_n_azs (c));
      n_azs = MIN (n_azs, avail);
      if (n_azs >= G_N_ELEMENTS (azs))
        list = many = g_new0 (const char *, n_azs + 1);
      for (guint i = 0; i < n_azs; i++)
        list[i] = ctx->recovery_azs[i];
      list[n_azs] = NULL;
      return _nines_component_copy_to (c, ctx->recovery, list, TRUE);
    }
  return _nines_component_copy_to (c, ctx->recovery, NULL, FALSE);
}

const char *
_nines_pattern_item_id (NinesPatternContext *ctx,
                        NinesComponent      *c)
{
  /* A rule asks for it two or three times for the same component. */
  if (ctx->id_of != c)
    {
      ctx->id_of = c;
      ctx->item_id = _nines_deployment_join_string (ctx->deployment, nines_component_get_id (c),
                                                    "@", ctx->recovery);
    }
  return ctx->item_id;
}

guint
_nines_pattern_recovery_n_azs (NinesPatternContext *ctx,
                               NinesComponent      *c)
{
  guint avail = ctx->recovery_azs ? g_strv_length (ctx->recovery_azs) : 0;

  return MAX (1, MIN (MAX (1, nines_component_get_n_azs (c)), avail));
}

/* An item that does not exist until recovery creates it: nothing in steady state, the
 * full-size copy once failed over. */
static void
add_on_recovery (NinesPatternContext *ctx,
                 NinesComponent      *c,
                 const char          *note)
{
  const char *id = _nines_pattern_item_id (ctx, c);
  g_autoptr(NinesComponent) full = _nines_pattern_copy_to_recovery (ctx, c, 0);

  _nines_deployment_add_item (ctx->deployment, id, nines_component_get_id (c),
                              NINES_ROLE_ON_RECOVERY, TRUE, ctx->recovery, NULL, full, note);
}

/* An item kept running in the recovery region: @steady in steady state (the same as the
 * failover copy when NULL), the full-size copy once failed over. */
static NinesDeployedItem *
add_standby (NinesPatternContext *ctx,
             NinesComponent      *c,
             NinesComponent      *steady,
             const char          *note)
{
  const char *id = _nines_pattern_item_id (ctx, c);
  g_autoptr(NinesComponent) full = _nines_pattern_copy_to_recovery (ctx, c, 0);

  return _nines_deployment_add_item (ctx->deployment, id, nines_component_get_id (c),
                                     NINES_ROLE_STANDBY, TRUE, ctx->recovery,
                                     steady ? steady : full, full, note);
}

/* The AMIs an Auto Scaling group (or a CI server) launches from, copied to the recovery
 * region each time they are rebuilt. A copy of an AMI whose snapshots have no earlier copy
 * in the destination is a full copy (EC2 User Guide, "Copy an AMI": incremental only
 * against an earlier copy of the same snapshot lineage), so each rebuild moves the whole
 * root volume; the copies kept are those within the backup retention. */
static void
add_ami_copy (NinesPatternContext *ctx,
              NinesComponent      *c,
              const char          *target_id,
              double               image_gb,
              double               change_days)
{
  NinesReplication *r;
  double copies_per_month = 30.0 / MAX (1.0, change_days);
  double kept = MAX (1.0, ceil (ctx->copy_retention_days / MAX (1.0, change_days)));

  r = _nines_deployment_add_replication (ctx->deployment, nines_component_get_id (c), target_id,
                                         NINES_REPLICATION_AMI_COPY, ctx->primary, ctx->recovery);
  r->gb_per_month = image_gb * copies_per_month;
  r->requests_per_month = copies_per_month;
  r->stored_gb = image_gb * kept;
  r->interval_s = change_days * 86400.0;
  r->lag_s = ctx->copy_lag_s;
  r->source = g_strdup (_("AMI rebuilt every ami_change_days, copied after it (knob copy_lag_minutes)"));
}

/* ec2-asg: AMI copies (backup & restore), AMI + launch template with zero instances
 * (pilot light), a group at the standby fraction but at least one instance per AZ (warm
 * standby), the full group (multi-site). */
static void
pattern_asg (NinesPatternContext *ctx,
             NinesComponent      *c)
{
  gint64 desired = nines_component_get_int (c, "desired");
  gint64 min = nines_component_get_int (c, "min");
  guint n_azs = _nines_pattern_recovery_n_azs (ctx, c);
  const char *id = _nines_pattern_item_id (ctx, c);
  g_autoptr(NinesComponent) steady = NULL;

  add_ami_copy (ctx, c, id, nines_component_get_double (c, "ebs_gb"),
                nines_component_get_double (c, "ami_change_days"));

  switch (ctx->pattern)
    {
    case NINES_DR_PATTERN_BACKUP_RESTORE:
      add_on_recovery (ctx, c, _("AMI copies are kept in the recovery region; the group and its "
                                 "launch template are created from them on recovery."));
      break;

    case NINES_DR_PATTERN_PILOT_LIGHT:
      steady = _nines_pattern_copy_to_recovery (ctx, c, 0);
      _nines_pattern_set_int (ctx, steady, "min", 0);
      _nines_pattern_set_int (ctx, steady, "desired", 0);
      add_standby (ctx, c, steady, _("Launch template and group exist with zero instances; "
                                     "recovery scales it to full size from the copied AMI."));
      break;

    case NINES_DR_PATTERN_WARM_STANDBY:
      {
        gint64 scaled = (gint64) ceil (ctx->standby_fraction * (double) desired);

        scaled = MAX (scaled, (gint64) n_azs);
        scaled = MIN (scaled, MAX (desired, (gint64) n_azs));
        steady = _nines_pattern_copy_to_recovery (ctx, c, 0);
        _nines_pattern_set_int (ctx, steady, "min", MIN (scaled, MAX (min, (gint64) n_azs)));
        _nines_pattern_set_int (ctx, steady, "desired", scaled);
        add_standby (ctx, c, steady, _("Running at the standby fraction (at least one instance "
                                       "per AZ); it scales out to full size on failover."));
      }
      break;

    case NINES_DR_PATTERN_MULTI_SITE:
      add_standby (ctx, c, NULL, _("Full size and serving: both regions take traffic."));
      break;

    case NINES_DR_PATTERN_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* ci-server: follows the pattern only when its recovery plan says so; its volume is
 * snapshotted and copied, and the server is launched from the copy on recovery (a build
 * server need not be hot, whatever the application's pattern). Plans "managed-ci" and
 * "local-build" recover outside AWS; "none" is a finding. */
static void
pattern_ci (NinesPatternContext *ctx,
            NinesComponent      *c)
{
  const char *id = _nines_pattern_item_id (ctx, c);
  const char *plan = nines_component_get_string (c, "recovery_plan");
  NinesReplication *r;
  double gb = nines_component_get_double (c, "ebs_gb");
  double per_month = 24.0 * 30.0 / ctx->backup_interval_h;

  if (g_strcmp0 (plan, "follow-pattern") != 0)
    return;
  add_on_recovery (ctx, c, _("Build server volume snapshots are copied to the recovery region; "
                             "the server is launched from the latest copy on recovery."));
  r = _nines_deployment_add_replication (ctx->deployment, nines_component_get_id (c), id,
                                         NINES_REPLICATION_BACKUP_COPY, ctx->primary, ctx->recovery);
  /* EBS snapshots after the first hold only changed blocks (EBS User Guide, "Amazon EBS
   * snapshots"); without a change-rate parameter the copy moves the volume once a month
   * plus one increment per backup, each taken as 1/30 of the volume. */
  r->gb_per_month = gb + gb / 30.0 * per_month;
  r->requests_per_month = per_month;
  r->stored_gb = gb + gb / 30.0 * MIN (per_month, ctx->copy_retention_days * 24.0 / ctx->backup_interval_h);
  r->interval_s = ctx->backup_interval_h * 3600.0;
  r->lag_s = ctx->copy_lag_s;
  r->source = g_strdup (_("knobs backup_interval_hours and copy_lag_minutes"));
}

/* alb, nlb, nat-gateway, vpc, lambda, sqs, guardduty and elasticache: created on recovery
 * (backup & restore; pilot light for the load balancers and caches as the table says),
 * running scaled down or idle (warm standby), running full (multi-site). */
static void
pattern_supporting (NinesPatternContext *ctx,
                    NinesComponent      *c)
{
  const char *kind = nines_component_get_kind (c);
  g_autoptr(NinesComponent) steady = NULL;
  gboolean lb = _nines_kind_is (kind, "alb") || _nines_kind_is (kind, "nlb");
  gboolean cache = _nines_kind_is (kind, "elasticache");
  gboolean serverless = _nines_kind_is (kind, "lambda") || _nines_kind_is (kind, "sqs");
  gboolean network = _nines_kind_is (kind, "vpc") || _nines_kind_is (kind, "nat-gateway");

  if (ctx->pattern == NINES_DR_PATTERN_MULTI_SITE)
    {
      add_standby (ctx, c, NULL, _("Full size and serving in the recovery region."));
      return;
    }

  if (ctx->pattern == NINES_DR_PATTERN_BACKUP_RESTORE ||
      (ctx->pattern == NINES_DR_PATTERN_PILOT_LIGHT && (lb || cache)))
    {
      add_on_recovery (ctx, c, lb ? _("Created by the recovery runbook (infrastructure as code).")
                               : cache ? _("Created empty on recovery; the cache warms up after traffic arrives.")
                               : _("Deployed by the recovery runbook (infrastructure as code)."));
      return;
    }

  /* Pilot light (network, serverless, detection) or warm standby: deployed ahead of time. */
  steady = _nines_pattern_copy_to_recovery (ctx, c, 0);
  if (lb)
    _nines_pattern_set_double (ctx, steady, _nines_kind_is (kind, "alb") ? "lcu" : "nlcu", 0);
  else if (cache)
    {
      gint64 nodes = nines_component_get_int (c, "nodes");
      _nines_pattern_set_int (ctx, steady, "nodes", MAX (1, (gint64) ceil (ctx->standby_fraction * (double) nodes)));
    }
  else if (serverless)
    _nines_pattern_set_double (ctx, steady, "requests_millions", 0);
  else if (_nines_kind_is (kind, "nat-gateway"))
    /* No traffic reaches the standby region until failover: its NAT gateways process
     * next to nothing (the data processed follows the traffic, not the fleet's size). */
    _nines_pattern_set_double (ctx, steady, "gb_processed", 0);
  else if (_nines_kind_is (kind, "guardduty"))
    {
      double f = ctx->pattern == NINES_DR_PATTERN_WARM_STANDBY ? ctx->standby_fraction : 0.1;
      /* An idle region still logs its own management events; 0.1 of the primary's is an
       * assumption for pilot light, the standby fraction for warm standby. */
      _nines_pattern_set_double (ctx, steady, "cloudtrail_events_millions",
                                 nines_component_get_double (c, "cloudtrail_events_millions") * f);
      _nines_pattern_set_double (ctx, steady, "flow_log_gb", nines_component_get_double (c, "flow_log_gb") * f);
    }

  add_standby (ctx, c, steady,
               lb ? _("Running and health-checked, idle until traffic fails over.")
               : cache ? _("Running with fewer nodes, kept warm; scaled out on failover.")
               : serverless ? _("Deployed and idle; it costs only what it serves.")
               : network ? _("Network created ahead so recovery only launches into it.")
               : _("Enabled in the recovery region too."));
}

/* route53: failover (warm standby) or latency (multi-site) routing with one health check
 * per regional endpoint, where the drawn zone does not have them already. Backup & restore
 * and pilot light change records by hand (the seed: "update your Route 53 DNS"). */
static void
pattern_routing (NinesPatternContext *ctx,
                 NinesComponent      *c)
{
  gint64 have = nines_component_get_int (c, "health_checks");
  const char *policy = nines_component_get_string (c, "routing_policy");
  const char *want = ctx->pattern == NINES_DR_PATTERN_MULTI_SITE ? "latency" : "failover";
  gboolean routed = g_strcmp0 (policy, "failover") == 0 || g_strcmp0 (policy, "latency") == 0;
  gint64 need = 2 * MAX (1, (gint64) ctx->n_front_doors);
  g_autoptr(NinesComponent) routing = NULL;
  g_autofree char *id = NULL;
  g_autofree char *note = NULL;

  if (ctx->pattern != NINES_DR_PATTERN_WARM_STANDBY && ctx->pattern != NINES_DR_PATTERN_MULTI_SITE)
    return;
  if (routed && have >= need)
    return;

  /* Only what the pattern adds: the drawn zone keeps its zones and queries. */
  routing = nines_component_copy (c);
  _nines_pattern_set_int (ctx, routing, "hosted_zones", 0);
  _nines_pattern_set_double (ctx, routing, "queries_millions", 0);
  _nines_pattern_set_int (ctx, routing, "health_checks", MAX (0, need - have));
  _nines_pattern_set_string (routing, "routing_policy", routed ? policy : want);
  id = g_strdup_printf ("%s@routing", nines_component_get_id (c));
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s routing records for both regions with %lld health "
                                       "check, one per regional endpoint, so traffic fails over "
                                       "without anyone changing DNS.",
                                       "%s routing records for both regions with %lld health "
                                       "checks, one per regional endpoint, so traffic fails over "
                                       "without anyone changing DNS.",
                                       (gulong) MAX (0, need - have)),
                          routed ? policy : want, (long long) MAX (0, need - have));
  _nines_deployment_add_item (ctx->deployment, id, nines_component_get_id (c), NINES_ROLE_ROUTING,
                              TRUE, NULL, routing, routing, note);
}

typedef void (*PatternRule) (NinesPatternContext *ctx,
                             NinesComponent      *c);

static const struct {
  const char  *kind;
  PatternRule  rule;
} rules[] = {
  { "ec2-asg", pattern_asg },
  { "ci-server", pattern_ci },
  { "alb", pattern_supporting },
  { "nlb", pattern_supporting },
  { "nat-gateway", pattern_supporting },
  { "vpc", pattern_supporting },
  { "lambda", pattern_supporting },
  { "sqs", pattern_supporting },
  { "guardduty", pattern_supporting },
  { "elasticache", pattern_supporting },
  { "rds", _nines_pattern_rds },
  { "aurora", _nines_pattern_aurora },
  { "s3", _nines_pattern_s3 },
  { "dynamodb", _nines_pattern_dynamodb },
  { "efs", _nines_pattern_efs },
  /* route53 is applied after every regional rule (it counts the front doors);
   * cloudfront is global and survives a regional outage as it is. */
};

static PatternRule
lookup_rule (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].kind, kind))
      return rules[i].rule;
  return NULL;
}

/* The rule of @c's kind, found by name once per kind and deployment. */
static PatternRule
rule_for (NinesPatternContext *ctx,
          NinesComponent      *c)
{
  const NinesKindInfo *info = nines_component_get_kind_info (c);
  NinesPatternRules *r = &ctx->rules;
  PatternRule rule;

  for (guint i = 0; info != NULL && i < r->n; i++)
    if (r->kind[i] == info)
      return (PatternRule) r->rule[i];
  rule = lookup_rule (nines_component_get_kind (c));
  if (info != NULL && r->n < NINES_PATTERN_CACHE)
    {
      r->kind[r->n] = info;
      r->rule[r->n++] = (gpointer) rule;
    }
  return rule;
}

static char **
recovery_azs (NinesDocument *document,
              const char    *recovery)
{
  NinesRegion *region = nines_document_lookup_region (document, recovery);
  const NinesRegionInfo *info;

  const char * const *azs;
  char **out;
  guint n;

  if (region != NULL && nines_region_get_azs (region)[0] != NULL)
    azs = nines_region_get_azs (region);
  else if ((info = nines_catalog_lookup_region (nines_catalog_get_default (), recovery)))
    azs = (const char * const *) info->azs;
  else
    azs = NULL;
  /* Interned once here, so every copy placed there shares them (_nines_component_place). */
  n = azs ? g_strv_length ((char **) azs) : 0;
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = (char *) g_intern_string (azs[i]);
  return out;
}

/* Everything a rule reads besides its component: fragments made under one key are reused
 * only under the same key (nines-deploy-cache.c). Compared byte for byte, so it is
 * cleared before it is filled (padding). */
typedef struct
{
  const char *primary;            /* interned */
  const char *recovery;           /* interned */
  const char *azs[16];            /* interned recovery AZs; more than 16: not cached */
  double      knobs[9];
  guint       n_front_doors;      /* the Route 53 rule's only: 0 for the others */
} ContextKey;

/* FALSE when the context cannot be keyed (more recovery AZs than the key holds). */
static gboolean
context_key (const NinesPatternContext *ctx,
             ContextKey                *key)
{
  guint n = g_strv_length (ctx->recovery_azs);

  memset (key, 0, sizeof *key);
  if (n > G_N_ELEMENTS (key->azs))
    return FALSE;
  key->primary = g_intern_string (ctx->primary);
  key->recovery = ctx->recovery;
  for (guint i = 0; i < n; i++)
    key->azs[i] = ctx->recovery_azs[i];
  key->knobs[0] = ctx->standby_fraction;
  key->knobs[1] = ctx->lifecycle_days;
  key->knobs[2] = ctx->backup_interval_h;
  key->knobs[3] = ctx->copy_retention_days;
  key->knobs[4] = ctx->backup_retention_days;
  key->knobs[5] = ctx->primary_share;
  key->knobs[6] = ctx->copy_lag_s;
  key->knobs[7] = ctx->replica_lag_s;
  key->knobs[8] = ctx->efs_change_fraction;
  return TRUE;
}

/* @rule for @c, or what it made last time when @cache (nullable) kept it. */
static void
apply_rule (NinesPatternContext *ctx,
            NinesDeployCache    *cache,
            PatternRule          rule,
            NinesComponent      *c)
{
  NinesDeployFragment *f;

  if (cache == NULL)
    {
      guint first = nines_deployment_get_n_items (ctx->deployment);

      rule (ctx, c);
      _nines_deployment_note_revisions (ctx->deployment, first);
    }
  else if ((f = _nines_deploy_cache_lookup (cache, c)))
    _nines_deployment_replay_fragment (ctx->deployment, f);
  else
    {
      _nines_deployment_begin_fragment (ctx->deployment, c);
      rule (ctx, c);
      _nines_deploy_cache_insert (cache, _nines_deployment_end_fragment (ctx->deployment));
    }
}

NinesDeployment *
nines_deployment_new (NinesDocument  *document,
                      NinesDrPattern  pattern)
{
  NinesPatternContext ctx = { 0 };
  NinesDeployCache *cache = NULL;
  gboolean keyed;
  ContextKey key;
  NinesDeployment *deployment;
  g_autofree NinesComponent **drawn = NULL;
  guint n;

  g_return_val_if_fail (NINES_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (pattern < NINES_N_DR_PATTERNS, NULL);

  deployment = _nines_deployment_new_empty (document, pattern);
  n = nines_document_get_n_components (document);

  /* The drawn workload as it runs in the primary region. Primary items keep existing
   * (and being billed) while failed over: their failover state is the drawn component. */
  drawn = g_new (NinesComponent *, MAX (1, n));
  for (guint i = 0; i < n; i++)
    drawn[i] = nines_document_get_component (document, i);
  for (guint i = 0; i < n; i++)
    {
      if (i + 8 < n)
        __builtin_prefetch (drawn[i + 8]);
      _nines_deployment_add_drawn (deployment, drawn[i]);
    }

  _nines_deployment_mark_drawn (deployment);

  ctx.deployment = deployment;
  ctx.document = document;
  ctx.pattern = pattern;
  ctx.primary = nines_deployment_get_primary_region (deployment);
  ctx.recovery = nines_deployment_get_recovery_region (deployment);
  if (pattern == NINES_DR_PATTERN_NONE || ctx.primary == NULL || ctx.recovery == NULL ||
      g_str_equal (ctx.primary, ctx.recovery))
    return deployment;

  ctx.recovery = g_intern_string (ctx.recovery);
  /* Interned like the components' regions: compared by address per component below. */
  ctx.primary = g_intern_string (ctx.primary);
  ctx.recovery_azs = recovery_azs (document, ctx.recovery);
  ctx.standby_fraction = nines_document_get_knob_double (document, "standby_fraction");
  ctx.lifecycle_days = nines_document_get_knob_double (document, "lifecycle_days");
  ctx.backup_interval_h = MAX (0.25, nines_document_get_knob_double (document, "backup_interval_hours"));
  ctx.copy_retention_days = nines_document_get_knob_double (document, "copy_retention_days");
  ctx.backup_retention_days = nines_document_get_knob_double (document, "backup_retention_days");
  ctx.primary_share = CLAMP (nines_document_get_knob_double (document, "multi_site_primary_share"), 0, 1);
  ctx.copy_lag_s = 60.0 * nines_document_get_knob_double (document, "copy_lag_minutes");
  ctx.replica_lag_s = nines_document_get_knob_double (document, "replica_lag_s");
  ctx.efs_change_fraction = nines_document_get_knob_double (document, "efs_change_percent") / 100.0;
  /* Rules run only for components that changed since the last build in this context. */
  if ((keyed = context_key (&ctx, &key)))
    {
      cache = _nines_document_get_deploy_cache (document, pattern, FALSE);
      _nines_deploy_cache_begin (cache, &key, sizeof key);
    }

  for (guint i = 0; i < n; i++)
    {
      NinesComponent *c = drawn[i];
      const char *kind = nines_component_get_kind (c);
      PatternRule rule;

      /* Components are spread over megabytes: ask for the ones a few on ahead. */
      if (i + 8 < n)
        __builtin_prefetch (drawn[i + 8]);
      if (nines_component_get_region (c) != ctx.primary)
        continue;
      _nines_deployment_set_current_drawn (deployment, i);
      if (_nines_kind_is (kind, "alb") || _nines_kind_is (kind, "nlb"))
        ctx.n_front_doors++;
      if ((rule = rule_for (&ctx, c)))
        apply_rule (&ctx, cache, rule, c);
    }
  if (cache != NULL)
    _nines_deploy_cache_end (cache);
  _nines_deployment_set_current_drawn (deployment, G_MAXUINT);
  /* Serverless front doors (Lambda behind Route 53) still need one health check each side.
   * The routing rule's fragments are kept apart: they depend on the front doors too. */
  cache = NULL;
  if (keyed && (pattern == NINES_DR_PATTERN_WARM_STANDBY || pattern == NINES_DR_PATTERN_MULTI_SITE))
    {
      key.n_front_doors = ctx.n_front_doors;
      cache = _nines_document_get_deploy_cache (document, pattern, TRUE);
      _nines_deploy_cache_begin (cache, &key, sizeof key);
    }
  for (guint i = 0; i < n; i++)
    {
      if (_nines_kind_is (nines_component_get_kind (drawn[i]), "route53"))
        apply_rule (&ctx, cache, pattern_routing, drawn[i]);
    }
  if (cache != NULL)
    _nines_deploy_cache_end (cache);

  _nines_deployment_resolve_replications (deployment);
  g_free (ctx.recovery_azs);   /* interned strings */
  for (guint i = 0; i < ctx.values.n; i++)
    g_variant_unref (ctx.values.value[i]);
  return deployment;
}
