/* nines-findings.c: the findings container and the rules about the workload as a whole:
 * the seed's three questions, the recovery region, the recovery procedure. The rules about
 * single components are in nines-findings-rules.c. */
#define G_LOG_DOMAIN "nines-findings"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "nines-findings-private.h"

/* Closer than this, two regions may share a power grid, a weather system or the same
 * major internet routes (the seed: "pick two regions far enough apart to not be behind the
 * same major internet routers"). 500 km is a planning threshold, not an AWS figure. */
#define TOO_CLOSE_KM 500.0

struct _NinesFindings
{
  gatomicrefcount  ref_count;
  GPtrArray       *items;
};

G_DEFINE_BOXED_TYPE (NinesFindings, nines_findings, nines_findings_ref, nines_findings_unref)

static const char * const rule_ids[] = {
  "seed-backups-two-regions",
  "seed-dr-pattern",
  "seed-dr-test",
  "recovery-region-missing",
  "recovery-region-too-close",
  "recovery-region-same-geography",
  "control-plane-dependency",
  "manual-failover",
  "backups-never-restored",
  "single-az-database",
  "database-backups-off",
  "asg-single-az",
  "asg-max-unbounded",
  "bucket-no-crr",
  "bucket-lifecycle-partial",
  "failover-without-health-checks",
  "public-database",
  "no-vpc-separation",
  "no-edge-protection",
  "ci-no-recovery-plan",
  "nat-single-az",
  "no-threat-detection",
  NULL
};

const char * const *
nines_findings_list_rules (void)
{
  return rule_ids;
}

const char *
nines_severity_to_string (NinesSeverity severity)
{
  static const char *ids[] = { "info", "warning", "critical" };

  g_return_val_if_fail (severity <= NINES_SEVERITY_CRITICAL, NULL);
  return ids[severity];
}

void
_nines_findings_free_item (gpointer finding)
{
  NinesFinding *f = finding;

  g_free (f->component_id);
  g_free (f->what);
  g_free (f->why);
  g_free (f->fix);
  g_free (f);
}

static const char *
intern_rule (const char *rule)
{
  for (guint i = 0; rule_ids[i]; i++)
    if (g_str_equal (rule_ids[i], rule))
      return rule_ids[i];
  g_assert_not_reached ();
  return NULL;
}

void
_nines_findings_add (NinesFindingsBuild *b,
                     const char         *rule,
                     NinesSeverity       severity,
                     const char         *component_id,
                     char               *what,
                     char               *why,
                     char               *fix)
{
  NinesFinding *f = g_new0 (NinesFinding, 1);

  f->rule = intern_rule (rule);
  f->severity = severity;
  f->component_id = g_strdup (component_id);
  f->what = what;
  f->why = why;
  f->fix = fix;
  g_ptr_array_add (b->items, f);
}

/* Days from an ISO date to @today; -1 when unset or unreadable. */
static int
days_since (const char *iso,
            GDate      *today)
{
  unsigned y, m, d;
  GDate then;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return -1;
  g_date_clear (&then, 1);
  g_date_set_dmy (&then, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return g_date_days_between (&then, today);
}

/* Question 1: "Do our backups exist in at least two regions?" */
static void
rule_backups_two_regions (NinesFindingsBuild *b)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  guint n = nines_recovery_get_n_stores (b->recovery), n_missing = 0;
  const char *example = NULL;

  for (guint i = 0; i < n; i++)
    {
      const NinesStoreRpo *s = nines_recovery_get_store (b->recovery, i);

      if (s->rpo_s >= 0)
        continue;
      g_string_append_printf (missing, "%s%s", n_missing ? ", " : "", s->store_id);
      example = s->store_id;
      n_missing++;
    }

  if (n == 0)
    _nines_findings_add (b, "seed-backups-two-regions", NINES_SEVERITY_INFO, NULL,
                         g_strdup (_("Do our backups exist in at least two regions? There is no data "
                                     "store in the primary region to back up.")),
                         g_strdup (_("The seed's first question for your team.")),
                         g_strdup (_("Nothing to do.")));
  else if (n_missing == 0)
    _nines_findings_add (b, "seed-backups-two-regions", NINES_SEVERITY_INFO, NULL,
                         g_strdup_printf (_("Do our backups exist in at least two regions? Yes: all %u data "
                                            "store(s) have a copy in %s (%s)."),
                                          n, b->recovery_region,
                                          nines_dr_pattern_get_label (nines_deployment_get_pattern (b->deployment))),
                         g_strdup (_("The seed's first question for your team; its backup & restore "
                                     "advice: \"use these if possible and enable cross-region replication\".")),
                         g_strdup (_("Keep it so: test a restore from the recovery region.")));
  else
    _nines_findings_add (b, "seed-backups-two-regions", NINES_SEVERITY_CRITICAL, n_missing == 1 ? example : NULL,
                         g_strdup_printf (_("Do our backups exist in at least two regions? No: %s %s no copy "
                                            "outside %s."), missing->str,
                                          n_missing == 1 ? _("has") : _("have"), b->primary),
                         g_strdup (_("The seed: \"it's not a matter of if but when\"; a regional outage "
                                     "(like US-EAST-1 in 2017) makes single-region data unavailable, or "
                                     "lost. Well-Architected REL09: back up data and store the backups "
                                     "apart from the source.")),
                         g_strdup (_("Choose a DR pattern with a recovery region: even backup & restore "
                                     "copies snapshots there (AWS Backup copy rules, S3 CRR).")));
}

/* Question 2: "What disaster-recovery pattern do we follow?" */
static void
rule_dr_pattern (NinesFindingsBuild *b)
{
  NinesDrPattern pattern = nines_deployment_get_pattern (b->deployment);
  g_autofree char *rto = nines_format_duration (nines_recovery_get_rto_s (b->recovery));
  g_autofree char *rpo = nines_format_duration (nines_recovery_get_rpo_s (b->recovery));
  const NinesAvailability *a = nines_recovery_get_availability (b->recovery);

  if (pattern == NINES_DR_PATTERN_NONE || b->recovery_region == NULL)
    _nines_findings_add (b, "seed-dr-pattern", NINES_SEVERITY_CRITICAL, NULL,
                         g_strdup_printf (_("What disaster-recovery pattern do we follow? None: if %s fails, "
                                            "the workload is down until AWS restores it (%s) and data has "
                                            "no copy elsewhere."),
                                          b->primary ? b->primary : _("the primary region"), rto),
                         g_strdup (_("The seed's second question; \"AWS managed services take care of high "
                                     "availability within a region\", not across regions.")),
                         g_strdup (_("Start with backup & restore (hours) and move toward warm standby "
                                     "(minutes) as the cost of downtime justifies; compare them with "
                                     "'nines-cli compare'.")));
  else
    _nines_findings_add (b, "seed-dr-pattern", NINES_SEVERITY_INFO, NULL,
                         g_strdup_printf (_("What disaster-recovery pattern do we follow? %s into %s: RTO %s, "
                                            "RPO %s, %.2f nines."),
                                          nines_dr_pattern_get_label (pattern), b->recovery_region, rto, rpo,
                                          a->nines),
                         g_strdup (_("The seed's second question; \"costs increase as the required speed of "
                                     "recovery increases\".")),
                         g_strdup (_("Check that the RTO and RPO meet what the business agreed.")));
}

/* Question 3: "When did we last test our disaster-recovery plan?" */
static void
rule_dr_test (NinesFindingsBuild *b)
{
  const char *last = nines_document_get_last_dr_test (b->document);
  int days = days_since (last, b->today);

  if (days < 0)
    _nines_findings_add (b, "seed-dr-test", NINES_SEVERITY_CRITICAL, NULL,
                         g_strdup (_("When did we last test our disaster-recovery plan? Never (no date "
                                     "recorded).")),
                         g_strdup (_("The seed's third question; an untested plan is a guess. "
                                     "Well-Architected REL13-BP03: test disaster recovery implementation "
                                     "to validate it.")),
                         g_strdup (_("Run a game day that fails over to the recovery region and record "
                                     "its date under operations.")));
  else if (days > NINES_FINDINGS_STALE_DAYS)
    _nines_findings_add (b, "seed-dr-test", NINES_SEVERITY_WARNING, NULL,
                         g_strdup_printf (_("When did we last test our disaster-recovery plan? On %s, %d days "
                                            "ago (more than %d)."), last, days, NINES_FINDINGS_STALE_DAYS),
                         g_strdup (_("The seed's third question; configurations drift, so a test older than "
                                     "a quarter says little about today (Well-Architected REL13-BP03).")),
                         g_strdup (_("Schedule a DR test this quarter and record its date.")));
  else
    _nines_findings_add (b, "seed-dr-test", NINES_SEVERITY_INFO, NULL,
                         g_strdup_printf (_("When did we last test our disaster-recovery plan? On %s, %d days "
                                            "ago."), last, days),
                         g_strdup (_("The seed's third question (Well-Architected REL13-BP03).")),
                         g_strdup (_("Keep testing at least every quarter.")));
}

static void
rule_backups_restored (NinesFindingsBuild *b)
{
  const char *last = nines_document_get_last_restore_test (b->document);
  int days = days_since (last, b->today);

  if (nines_recovery_get_n_stores (b->recovery) == 0 || (days >= 0 && days <= NINES_FINDINGS_STALE_DAYS))
    return;
  _nines_findings_add (b, "backups-never-restored", NINES_SEVERITY_WARNING, NULL,
                       days < 0 ? g_strdup (_("No restore from backup has ever been recorded."))
                                : g_strdup_printf (_("The last restore test was on %s, %d days ago."), last, days),
                       g_strdup (_("The seed: \"Be sure to routinely test your backups. If you haven't practiced "
                                   "restoring in a few months, assume you won't be able to when disaster "
                                   "strikes.\" (Well-Architected REL09-BP04)")),
                       g_strdup (_("Restore the latest copy in the recovery region, measure the time (set the "
                                   "knob restore_mb_per_s from it) and record the date.")));
}

static void
rule_recovery_region (NinesFindingsBuild *b)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  const char *chosen = nines_document_get_recovery_region (b->document);
  const NinesRegionInfo *p, *r;
  double km;

  if (nines_deployment_get_pattern (b->deployment) != NINES_DR_PATTERN_NONE &&
      (chosen == NULL || g_strcmp0 (chosen, b->primary) == 0))
    {
      _nines_findings_add (b, "recovery-region-missing", NINES_SEVERITY_CRITICAL, NULL,
                           g_strdup_printf (_("The %s pattern has no recovery region distinct from %s."),
                                            nines_dr_pattern_get_label (nines_deployment_get_pattern (b->deployment)),
                                            b->primary),
                           g_strdup (_("A DR pattern protects against the loss of a region only with a second "
                                       "one (the seed: \"High availability prepares you to withstand regional "
                                       "outages\").")),
                           g_strdup (_("Choose a recovery region under dr.")));
      return;
    }
  if (chosen == NULL || b->primary == NULL)
    return;
  p = nines_catalog_lookup_region (catalog, b->primary);
  r = nines_catalog_lookup_region (catalog, chosen);
  if (p == NULL || r == NULL)
    return;

  km = nines_region_info_distance_km (p, r);
  if (km < TOO_CLOSE_KM)
    _nines_findings_add (b, "recovery-region-too-close", NINES_SEVERITY_WARNING, NULL,
                         g_strdup_printf (_("The recovery region %s is only %.0f km from %s."), chosen, km, b->primary),
                         g_strdup (_("The seed: \"pick two regions far enough apart to not be behind the same "
                                     "major internet routers\"; nearby regions can share a disaster (grid, "
                                     "weather, network). Well-Architected REL10-BP01.")),
                         g_strdup_printf (_("Pick a region farther away (the seed suggests ca-central-1 for "
                                            "us-east-1); at least %.0f km apart."), TOO_CLOSE_KM));
  if (g_strcmp0 (p->geography, r->geography) == 0)
    _nines_findings_add (b, "recovery-region-same-geography", NINES_SEVERITY_INFO, NULL,
                         g_strdup_printf (_("%s and %s are both in %s (%.0f km apart)."), b->primary, chosen,
                                          p->geography, km),
                         g_strdup (_("Same geography keeps data residency and latency simple, but a "
                                     "continent-wide event would hit both (Well-Architected REL10-BP01: "
                                     "choose locations by the disasters you plan for).")),
                         g_strdup (_("Fine for most workloads; if regulation allows and the risk warrants, "
                                     "consider a region in another geography.")));
}

static void
rule_recovery_procedure (NinesFindingsBuild *b)
{
  NinesDrPattern pattern = nines_deployment_get_pattern (b->deployment);

  for (guint i = 0; i < nines_recovery_get_n_steps (b->recovery); i++)
    {
      const NinesRecoveryStep *s = nines_recovery_get_step (b->recovery, i);

      if (!s->uses_failed_region)
        continue;
      _nines_findings_add (b, "control-plane-dependency",
                           s->kind == NINES_STEP_WAIT ? NINES_SEVERITY_CRITICAL : NINES_SEVERITY_WARNING,
                           s->item_id,
                           g_strdup_printf (_("Recovery step \"%s\" needs the control plane of %s, the region "
                                              "that failed."), s->label, s->control_plane),
                           g_strdup (_("Well-Architected REL13 (plan for disaster recovery) and REL11-BP04: "
                                       "rely on the data plane, not the control plane, during recovery; "
                                       "control planes are the first to be impaired in a regional event.")),
                           s->kind == NINES_STEP_TRAFFIC
                           ? g_strdup (_("Pre-create failover records with Route 53 health checks (or use "
                                         "Route 53 ARC routing controls), so failing over is a data-plane "
                                         "action: warm standby does this."))
                           : g_strdup (_("Keep everything recovery needs in the recovery region ahead of "
                                         "time: pick a DR pattern.")));
    }

  if (pattern != NINES_DR_PATTERN_NONE && b->recovery_region != NULL &&
      !nines_recovery_is_automated (b->recovery))
    {
      const NinesRecoveryStep *decide = nines_recovery_lookup_step (b->recovery, "decide");
      g_autofree char *wait = nines_format_duration (decide ? decide->end_s : 0);

      _nines_findings_add (b, "manual-failover", NINES_SEVERITY_INFO, NULL,
                           g_strdup_printf (_("Failover is manual: %s pass before recovery even starts."), wait),
                           g_strdup (_("The seed on warm standby: \"the automated recovery is worth the "
                                       "additional costs to mitigate your worst-case scenario of your "
                                       "operations guru being sick, asleep, on vacation, or otherwise "
                                       "unavailable.\"")),
                           g_strdup (_("Write the runbook down and rehearse it; or move to warm standby with "
                                       "Route 53 health checks.")));
    }
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  const NinesFinding *x = *(const NinesFinding **) a;
  const NinesFinding *y = *(const NinesFinding **) b;
  int c;

  if (x->severity != y->severity)
    return (int) y->severity - (int) x->severity;
  if ((c = g_strcmp0 (x->rule, y->rule)) != 0)
    return c;
  return g_strcmp0 (x->component_id, y->component_id);
}

NinesFindings *
nines_findings_new (NinesRecovery *recovery,
                    GDate         *today)
{
  return _nines_findings_new_with_scan (recovery, today, NULL);
}

NinesFindings *
_nines_findings_new_with_scan (NinesRecovery     *recovery,
                               GDate             *today,
                               NinesFindingsScan *scan)
{
  NinesFindingsBuild b = { 0 };
  NinesFindings *self;
  GDate now;

  g_return_val_if_fail (recovery != NULL, NULL);

  if (today == NULL)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_now_utc ();

      g_date_clear (&now, 1);
      g_date_set_dmy (&now, (GDateDay) g_date_time_get_day_of_month (dt),
                      (GDateMonth) g_date_time_get_month (dt), (GDateYear) g_date_time_get_year (dt));
      today = &now;
    }

  self = g_new0 (NinesFindings, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->items = g_ptr_array_new_with_free_func (_nines_findings_free_item);

  b.recovery = recovery;
  b.deployment = nines_recovery_get_deployment (recovery);
  b.document = nines_deployment_get_document (b.deployment);
  b.primary = nines_deployment_get_primary_region (b.deployment);
  b.recovery_region = nines_deployment_get_recovery_region (b.deployment);
  b.today = today;
  b.items = self->items;

  rule_backups_two_regions (&b);
  rule_dr_pattern (&b);
  rule_dr_test (&b);
  rule_backups_restored (&b);
  rule_recovery_region (&b);
  rule_recovery_procedure (&b);
  _nines_findings_component_rules (&b, scan);

  g_ptr_array_sort (self->items, compare_findings);
  return self;
}

NinesFindings *
nines_findings_ref (NinesFindings *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nines_findings_unref (NinesFindings *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->items);
  g_free (self);
}

guint
nines_findings_get_n_items (NinesFindings *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

const NinesFinding *
nines_findings_get_item (NinesFindings *self,
                         guint          i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->items->len, NULL);
  return g_ptr_array_index (self->items, i);
}

guint
nines_findings_count (NinesFindings *self,
                      NinesSeverity  severity)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);
  for (guint i = 0; i < self->items->len; i++)
    n += ((NinesFinding *) g_ptr_array_index (self->items, i))->severity == severity;
  return n;
}

const NinesFinding *
nines_findings_lookup (NinesFindings *self,
                       const char    *rule,
                       const char    *component_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      const NinesFinding *f = g_ptr_array_index (self->items, i);

      if (g_str_equal (f->rule, rule) && (component_id == NULL || g_strcmp0 (f->component_id, component_id) == 0))
        return f;
    }
  return NULL;
}
