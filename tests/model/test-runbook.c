/* test-runbook.c: the DR runbook of every example and pattern */
#include "config.h"

#include <string.h>
#include <nines-model.h>

static const char *examples[] = { "storefront", "newsroom", "ledger-api" };

static NinesDocument *
load_example (const char *name)
{
  g_autofree char *base = g_strdup_printf ("%s.nines", name);
  g_autofree char *path = g_build_filename (g_getenv ("NINES_SOURCE_DIR"), "data", "examples", base, NULL);
  g_autoptr(GError) error = NULL;
  NinesDocument *doc = nines_document_load_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("runbook lacks “%s”", needle);
}

static void
test_every_pattern (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (NinesDrPattern p = NINES_DR_PATTERN_BACKUP_RESTORE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
      {
        g_autoptr(NinesDocument) doc = load_example (examples[e]);
        g_autoptr(NinesDeployment) d = nines_deployment_new (doc, p);
        g_autoptr(NinesRecovery) r = nines_recovery_new (d);
        g_autofree char *md = nines_runbook_to_markdown (r);
        g_autofree char *again = nines_runbook_to_markdown (r);
        g_autofree char *rto = nines_format_duration (nines_recovery_get_rto_s (r));
        g_autofree char *rto_line = g_strdup_printf ("- Expected RTO: %s (", rto);

        g_assert_cmpstr (md, ==, again);
        g_assert_null (strstr (md, "(null)"));
        assert_contains (md, "# DR runbook: ");
        assert_contains (md, nines_dr_pattern_get_label (p));
        assert_contains (md, rto_line);
        assert_contains (md, "## Failover");
        assert_contains (md, "## Data you may lose");
        assert_contains (md, "## Failback");
        assert_contains (md, "## Test this runbook");
        /* The seed's reminder, and the recorded test date */
        assert_contains (md, "If you haven't practiced restoring in a few months, assume you won't be able to");
        assert_contains (md, nines_document_get_last_dr_test (doc));
        /* Every step of the timeline, with its duration */
        for (guint i = 0; i < nines_recovery_get_n_steps (r); i++)
          {
            const NinesRecoveryStep *s = nines_recovery_get_step (r, i);
            g_autofree char *dur = nines_format_duration (s->duration_s);
            g_autofree char *line = g_strdup_printf ("- Expected duration: %s (", dur);
            g_autofree char *head = g_strdup_printf (". %s", s->label);

            assert_contains (md, head);
            assert_contains (md, line);
            assert_contains (md, s->source);
          }
        for (guint i = 0; i < nines_recovery_get_n_stores (r); i++)
          {
            g_autofree char *row = g_strdup_printf ("| %s | ", nines_recovery_get_store (r, i)->store_id);

            assert_contains (md, row);
          }
        /* Never a password or secret value */
        g_assert_null (strstr (md, "MasterUserPassword"));
      }
}

/* Pilot light: the stack update creates the recovery side; the replica is promoted. */
static void
test_pilot_light_commands (void)
{
  g_autoptr(NinesDocument) doc = load_example ("storefront");
  g_autoptr(NinesDeployment) d = nines_deployment_new (doc, NINES_DR_PATTERN_PILOT_LIGHT);
  g_autoptr(NinesRecovery) r = nines_recovery_new (d);
  g_autofree char *md = nines_runbook_to_markdown (r);

  assert_contains (md, "--stack-name nines-storefront-ca-central-1");
  assert_contains (md, "ParameterKey=FailoverState,ParameterValue=failed-over");
  assert_contains (md, "ParameterKey=FailoverState,ParameterValue=steady");
  assert_contains (md, "aws rds promote-read-replica --region ca-central-1");
  assert_contains (md, "Failover is manual");
}

/* Warm standby: Route 53 detects and moves traffic by itself. */
static void
test_warm_standby_automated (void)
{
  g_autoptr(NinesDocument) doc = load_example ("storefront");
  g_autoptr(NinesDeployment) d = nines_deployment_new (doc, NINES_DR_PATTERN_WARM_STANDBY);
  g_autoptr(NinesRecovery) r = nines_recovery_new (d);
  g_autofree char *md = nines_runbook_to_markdown (r);

  g_assert_true (nines_recovery_is_automated (r));
  assert_contains (md, "Failover is automated");
  assert_contains (md, "aws route53 get-health-check-status");
  assert_contains (md, "Route 53 returns to us-east-1 by itself");
}

/* No DR: nothing to fail over to, nothing to fail back. */
static void
test_no_pattern (void)
{
  g_autoptr(NinesDocument) doc = load_example ("newsroom");
  g_autoptr(NinesDeployment) d = nines_deployment_new (doc, NINES_DR_PATTERN_NONE);
  g_autoptr(NinesRecovery) r = nines_recovery_new (d);
  g_autofree char *md = nines_runbook_to_markdown (r);

  assert_contains (md, "- Recovery region: none");
  assert_contains (md, "Nothing to fail back");
  assert_contains (md, "If you haven't practiced restoring");
  g_assert_null (strstr (md, "update-stack"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/runbook/every-pattern", test_every_pattern);
  g_test_add_func ("/nines/model/runbook/pilot-light", test_pilot_light_commands);
  g_test_add_func ("/nines/model/runbook/warm-standby", test_warm_standby_automated);
  g_test_add_func ("/nines/model/runbook/no-pattern", test_no_pattern);
  return g_test_run ();
}
