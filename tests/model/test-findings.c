/* test-findings.c: the findings engine: the seed's three questions on every example, the
 * DR-test age against an injected "today", and every rule on a design built to break it */
#include "config.h"

#include <nines-model.h>

#include "nines-test-examples.h"

/* A design that gets most things wrong: a single-AZ public database without backups, a
 * one-AZ group next to an unbounded one, a NAT gateway in one AZ, failover routing without
 * health checks, no VPC, no CloudFront, no GuardDuty, a build server with no plan, a
 * recovery region next door, and no DR or restore test on record. */
static const char *broken_design =
  "{\"format\": 1, \"name\": \"Broken\", \"uuid\": \"5d0c7a4e-1111-4222-8333-944455556666\","
  " \"regions\": [{\"code\": \"us-east-1\", \"azs\": [\"use1-az1\", \"use1-az2\"]},"
  "               {\"code\": \"us-east-2\", \"azs\": [\"use2-az1\", \"use2-az2\"]}],"
  " \"components\": ["
  "  {\"id\": \"dns\", \"kind\": \"route53\", \"routing_policy\": \"failover\", \"health_checks\": 0},"
  "  {\"id\": \"lb\", \"kind\": \"alb\", \"region\": \"us-east-1\", \"azs\": [\"use1-az1\", \"use1-az2\"], \"public\": true},"
  "  {\"id\": \"web\", \"kind\": \"ec2-asg\", \"region\": \"us-east-1\", \"azs\": [\"use1-az1\", \"use1-az2\"],"
  "   \"min\": 2, \"desired\": 2, \"max\": 100},"
  "  {\"id\": \"worker\", \"kind\": \"ec2-asg\", \"region\": \"us-east-1\", \"azs\": [\"use1-az1\"],"
  "   \"min\": 1, \"desired\": 1, \"max\": 2},"
  "  {\"id\": \"db\", \"kind\": \"rds\", \"region\": \"us-east-1\", \"azs\": [\"use1-az1\"],"
  "   \"multi_az\": false, \"public\": true, \"backup_retention_days\": 0},"
  "  {\"id\": \"media\", \"kind\": \"s3\", \"region\": \"us-east-1\", \"critical\": false},"
  "  {\"id\": \"nat\", \"kind\": \"nat-gateway\", \"region\": \"us-east-1\", \"azs\": [\"use1-az1\"]},"
  "  {\"id\": \"jenkins\", \"kind\": \"ci-server\", \"region\": \"us-east-1\", \"azs\": [\"use1-az2\"],"
  "   \"recovery_plan\": \"none\"}"
  " ],"
  " \"links\": [{\"from\": \"dns\", \"to\": \"lb\", \"kind\": \"traffic\"},"
  "           {\"from\": \"lb\", \"to\": \"web\", \"kind\": \"traffic\"},"
  "           {\"from\": \"web\", \"to\": \"db\", \"kind\": \"data\"}],"
  " \"dr\": {\"pattern\": \"pilot-light\", \"primary_region\": \"us-east-1\", \"recovery_region\": \"us-east-2\"},"
  " \"operations\": {}"
  "}";

static GDate *
date (int y, int m, int d)
{
  return g_date_new_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static NinesFindings *
findings_for (NinesDocument  *doc,
              NinesDrPattern  pattern,
              GDate          *today)
{
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, pattern);
  g_autoptr(NinesRecovery) rec = nines_recovery_new (dep);

  return nines_findings_new (rec, today);
}

static void
check_well_formed (NinesFindings *f)
{
  for (guint i = 0; i < nines_findings_get_n_items (f); i++)
    {
      const NinesFinding *x = nines_findings_get_item (f, i);

      g_assert_nonnull (x->rule);
      g_assert_true (g_strv_contains (nines_findings_list_rules (), x->rule));
      g_assert_cmpuint (strlen (x->what), >, 10);
      g_assert_cmpuint (strlen (x->why), >, 10);
      g_assert_cmpuint (strlen (x->fix), >, 5);
      /* the why cites the seed or the Well-Architected Framework or an AWS document */
      g_assert_true (strstr (x->why, "seed") || strstr (x->why, "Well-Architected") ||
                     strstr (x->why, "Guide") || strstr (x->why, "REL"));
      if (i > 0)
        g_assert_cmpint (x->severity, <=, nines_findings_get_item (f, i - 1)->severity);
    }
}

/* The seed's three questions, answered for every example and pattern. */
static void
test_seed_questions (void)
{
  g_autoptr(GDate) today = date (2026, 11, 26);

  for (guint e = 0; e < nines_test_n_examples (); e++)
    for (NinesDrPattern p = NINES_DR_PATTERN_NONE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
      {
        g_autoptr(NinesDocument) doc = nines_test_load_example (e);
        g_autoptr(NinesFindings) f = findings_for (doc, p, today);
        const NinesFinding *q1 = nines_findings_lookup (f, "seed-backups-two-regions", NULL);
        const NinesFinding *q2 = nines_findings_lookup (f, "seed-dr-pattern", NULL);
        const NinesFinding *q3 = nines_findings_lookup (f, "seed-dr-test", NULL);

        check_well_formed (f);
        g_assert_nonnull (q1);
        g_assert_nonnull (q2);
        g_assert_nonnull (q3);
        g_assert_true (g_str_has_prefix (q1->what, "Do our backups exist in at least two regions?"));
        g_assert_true (g_str_has_prefix (q2->what, "What disaster-recovery pattern do we follow?"));
        g_assert_true (g_str_has_prefix (q3->what, "When did we last test our disaster-recovery plan?"));
        if (p == NINES_DR_PATTERN_NONE)
          {
            g_assert_cmpint (q1->severity, ==, NINES_SEVERITY_CRITICAL);
            g_assert_cmpint (q2->severity, ==, NINES_SEVERITY_CRITICAL);
            g_assert_nonnull (strstr (q1->what, "No:"));
          }
        else
          {
            g_assert_cmpint (q1->severity, ==, NINES_SEVERITY_INFO);
            g_assert_nonnull (strstr (q1->what, "Yes:"));
            g_assert_nonnull (strstr (q2->what, nines_dr_pattern_get_label (p)));
          }
      }
}

/* The DR-test age is counted to the injected date: past 90 days it is a warning, never
 * tested is critical. */
static void
test_dr_test_age (void)
{
  g_autoptr(NinesDocument) doc = nines_test_load_example_named ("storefront");  /* tested 2026-05-12 */
  const char *last = nines_document_get_last_dr_test (doc);
  g_autoptr(GDate) tested = date (2026, 5, 12);
  g_autoptr(GDate) soon = date (2026, 6, 1);
  g_autoptr(GDate) edge = date (2026, 8, 10);
  g_autoptr(GDate) late = date (2026, 11, 26);
  g_autoptr(NinesFindings) a = findings_for (doc, NINES_DR_PATTERN_WARM_STANDBY, soon);
  g_autoptr(NinesFindings) b = findings_for (doc, NINES_DR_PATTERN_WARM_STANDBY, edge);
  g_autoptr(NinesFindings) c = findings_for (doc, NINES_DR_PATTERN_WARM_STANDBY, late);
  g_autofree char *days = g_strdup_printf ("%d days", g_date_days_between (tested, late));

  g_assert_cmpstr (last, ==, "2026-05-12");
  g_assert_cmpint (g_date_days_between (tested, edge), ==, NINES_FINDINGS_STALE_DAYS);
  g_assert_cmpint (nines_findings_lookup (a, "seed-dr-test", NULL)->severity, ==, NINES_SEVERITY_INFO);
  g_assert_cmpint (nines_findings_lookup (b, "seed-dr-test", NULL)->severity, ==, NINES_SEVERITY_INFO);
  g_assert_cmpint (nines_findings_lookup (c, "seed-dr-test", NULL)->severity, ==, NINES_SEVERITY_WARNING);
  g_assert_nonnull (strstr (nines_findings_lookup (c, "seed-dr-test", NULL)->what, days));
}

static void
expect (NinesFindings *f,
        const char    *rule,
        const char    *component,
        NinesSeverity  severity)
{
  const NinesFinding *x = nines_findings_lookup (f, rule, component);

  if (x == NULL)
    g_error ("no finding %s (%s)", rule, component ? component : "-");
  g_assert_cmpint (x->severity, ==, severity);
}

/* Every rule fires on the design built to break it, about the right component. */
static void
test_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) doc = nines_document_load_from_data (broken_design, -1, "broken.nines", &error);
  g_autoptr(GDate) today = date (2026, 11, 26);
  g_autoptr(NinesFindings) pl = NULL;
  g_autoptr(NinesFindings) none = NULL;
  g_autoptr(NinesFindings) ws = NULL;
  g_autoptr(NinesFindings) missing = NULL;
  g_autoptr(GHashTable) fired = g_hash_table_new (g_str_hash, g_str_equal);
  NinesFindings *all[4];

  g_assert_no_error (error);
  pl = findings_for (doc, NINES_DR_PATTERN_PILOT_LIGHT, today);
  none = findings_for (doc, NINES_DR_PATTERN_NONE, today);
  ws = findings_for (doc, NINES_DR_PATTERN_WARM_STANDBY, today);
  check_well_formed (pl);
  check_well_formed (none);

  expect (pl, "seed-dr-test", NULL, NINES_SEVERITY_CRITICAL);
  expect (pl, "backups-never-restored", NULL, NINES_SEVERITY_WARNING);
  expect (pl, "recovery-region-too-close", NULL, NINES_SEVERITY_WARNING);
  expect (pl, "recovery-region-same-geography", NULL, NINES_SEVERITY_INFO);
  expect (pl, "control-plane-dependency", NULL, NINES_SEVERITY_WARNING);
  expect (pl, "manual-failover", NULL, NINES_SEVERITY_INFO);
  expect (pl, "single-az-database", "db", NINES_SEVERITY_WARNING);
  expect (pl, "public-database", "db", NINES_SEVERITY_CRITICAL);
  expect (pl, "database-backups-off", "db", NINES_SEVERITY_CRITICAL);
  expect (pl, "asg-single-az", "worker", NINES_SEVERITY_WARNING);
  g_assert_null (nines_findings_lookup (pl, "asg-single-az", "web"));
  expect (pl, "asg-max-unbounded", "web", NINES_SEVERITY_WARNING);
  g_assert_null (nines_findings_lookup (pl, "asg-max-unbounded", "worker"));
  expect (pl, "bucket-lifecycle-partial", "media", NINES_SEVERITY_INFO);
  expect (pl, "failover-without-health-checks", "dns", NINES_SEVERITY_CRITICAL);
  expect (pl, "no-vpc-separation", NULL, NINES_SEVERITY_WARNING);
  expect (pl, "no-edge-protection", NULL, NINES_SEVERITY_WARNING);
  expect (pl, "ci-no-recovery-plan", "jenkins", NINES_SEVERITY_WARNING);
  expect (pl, "nat-single-az", "nat", NINES_SEVERITY_WARNING);
  expect (pl, "no-threat-detection", NULL, NINES_SEVERITY_INFO);

  expect (none, "seed-backups-two-regions", NULL, NINES_SEVERITY_CRITICAL);
  expect (none, "bucket-no-crr", "media", NINES_SEVERITY_WARNING);
  expect (none, "control-plane-dependency", NULL, NINES_SEVERITY_CRITICAL);
  /* warm standby adds health checks: the drawn zone's failover records are covered */
  g_assert_null (nines_findings_lookup (ws, "failover-without-health-checks", "dns"));
  g_assert_null (nines_findings_lookup (ws, "manual-failover", NULL));

  nines_document_set_dr (doc, NINES_DR_PATTERN_PILOT_LIGHT, NULL);
  missing = findings_for (doc, NINES_DR_PATTERN_PILOT_LIGHT, today);
  expect (missing, "recovery-region-missing", NULL, NINES_SEVERITY_CRITICAL);

  /* Together they exercise every rule the engine has (at least the 15 asked for). */
  all[0] = pl, all[1] = none, all[2] = ws, all[3] = missing;
  for (guint k = 0; k < G_N_ELEMENTS (all); k++)
    for (guint i = 0; i < nines_findings_get_n_items (all[k]); i++)
      g_hash_table_add (fired, (gpointer) nines_findings_get_item (all[k], i)->rule);
  g_assert_cmpuint (g_strv_length ((char **) nines_findings_list_rules ()), >=, 15);
  for (const char * const *r = nines_findings_list_rules (); *r; r++)
    if (!g_hash_table_contains (fired, *r))
      g_error ("rule %s never fired", *r);
}

/* The examples that follow the seed's advice raise nothing critical under their own
 * pattern, and a clean bill is not empty: the three answers are always there. */
static void
test_examples_clean (void)
{
  g_autoptr(GDate) today = date (2026, 11, 26);
  g_autoptr(NinesDocument) ledger = nines_test_load_example_named ("ledger-api");
  g_autoptr(NinesFindings) f = findings_for (ledger, nines_document_get_dr_pattern (ledger), today);

  g_assert_cmpuint (nines_findings_count (f, NINES_SEVERITY_CRITICAL), ==, 0);
  g_assert_cmpuint (nines_findings_get_n_items (f), >=, 3);
  {
    g_autoptr(NinesDocument) news = nines_test_load_example_named ("newsroom");
    g_autoptr(NinesFindings) n = findings_for (news, nines_document_get_dr_pattern (news), today);

    /* The seed's Jenkins server with no plan, and a DR test from 2025. */
    expect (n, "ci-no-recovery-plan", "ci", NINES_SEVERITY_WARNING);
    expect (n, "seed-dr-test", NULL, NINES_SEVERITY_WARNING);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/findings/seed-questions", test_seed_questions);
  g_test_add_func ("/nines/model/findings/dr-test-age", test_dr_test_age);
  g_test_add_func ("/nines/model/findings/rules", test_rules);
  g_test_add_func ("/nines/model/findings/examples", test_examples_clean);
  return g_test_run ();
}
