/* test-evaluation.c: nines_evaluation_compute() on a design large enough that the cost is
 * computed on another thread beside the recovery, with the lines kept from earlier
 * estimates (nines-cost-cache.c) and the pattern output kept from earlier deployments
 * (nines-deploy-cache.c), gives exactly what the steps one by one give on a fresh copy. */
#include "config.h"

#include <string.h>
#include <nines-model.h>

#include "nines-test-examples.h"

/* The storefront example's components @copies times over (ids "<id>-<k>"), for a
 * deployment of thousands of items. */
static NinesDocument *
large_design (guint copies)
{
  NinesDocument *doc = nines_test_load_example_named ("storefront");
  guint n = nines_document_get_n_components (doc);

  for (guint k = 1; k < copies; k++)
    for (guint i = 0; i < n; i++)
      {
        NinesComponent *c = nines_document_get_component (doc, i);
        g_autofree char *id = g_strdup_printf ("%s-%u", nines_component_get_id (c), k);
        g_autoptr(NinesComponent) copy = nines_component_new (id, nines_component_get_kind (c),
                                                              nines_component_get_region (c));
        g_auto(GStrv) names = nines_component_list_explicit_params (c);

        nines_component_set_azs (copy, nines_component_get_azs (c));
        for (guint p = 0; names[p]; p++)
          nines_component_set_param (copy, names[p], nines_component_get_param (c, names[p]));
        nines_document_add_component (doc, copy);
      }
  return doc;
}

static void
ser_line (GString             *out,
          const NinesCostLine *l)
{
  g_string_append_printf (out, "%s|%s|%s|%d|%s|%s|%s|%s|%.17g|%s|%.17g|%.17g|%.17g|%.17g|%s|%s|%s|%d|%d|%s\n",
                          l->item_id, l->component, l->kind, l->state, l->region, l->service,
                          l->usage, l->what, l->quantity, l->unit, l->unit_usd, l->monthly_usd,
                          l->tier_start, l->tier_end, l->rate_code, l->source, l->date,
                          l->override, l->missing, l->note);
}

static char *
ser_evaluation (const NinesEvaluation *e)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "items %u replications %u\n", nines_deployment_get_n_items (e->deployment),
                          nines_deployment_get_n_replications (e->deployment));
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (e->estimate); i++)
    ser_line (out, nines_cost_estimate_get_line (e->estimate, i));
  for (guint s = 0; s < NINES_COST_N_STATES; s++)
    {
      NinesCostTotal t;

      nines_cost_estimate_get_total (e->estimate, s, &t);
      g_string_append_printf (out, "total %u %.17g %.17g %u\n", s, t.list_usd, t.total_usd, t.n_missing);
      for (guint g = 0; g < 2; g++)
        for (guint k = 0; k < nines_cost_estimate_get_n_groups (e->estimate, s, g); k++)
          {
            const char *key;
            double usd;
            guint missing;

            nines_cost_estimate_get_group (e->estimate, s, g, k, &key, &usd, &missing);
            g_string_append_printf (out, "group %u %u %s %.17g %u\n", s, g, key, usd, missing);
          }
    }
  for (guint i = 0; i < nines_recovery_get_n_steps (e->recovery); i++)
    {
      const NinesRecoveryStep *step = nines_recovery_get_step (e->recovery, i);
      g_string_append_printf (out, "step %s %s %.17g %.17g %d\n", step->id, step->label,
                              step->start_s, step->end_s, step->critical);
    }
  g_string_append_printf (out, "rto %.17g rpo %.17g nines %.17g\n", nines_recovery_get_rto_s (e->recovery),
                          nines_recovery_get_rpo_s (e->recovery),
                          nines_recovery_get_availability (e->recovery)->availability);
  for (guint i = 0; e->findings && i < nines_findings_get_n_items (e->findings); i++)
    {
      const NinesFinding *f = nines_findings_get_item (e->findings, i);
      g_string_append_printf (out, "finding %s %s %s\n", f->rule, f->component_id, f->what);
    }
  return g_string_free (out, FALSE);
}

/* The four steps one by one, on a fresh copy of @doc (nothing kept from earlier builds). */
static char *
ser_fresh (NinesDocument  *doc,
           NinesDrPattern  pattern,
           GDate          *today)
{
  g_autoptr(NinesDocument) copy = nines_document_copy (doc);
  g_auto(NinesEvaluation) e = { 0 };

  e.deployment = nines_deployment_new (copy, pattern);
  e.estimate = nines_cost_model_estimate (e.deployment, NULL);
  e.recovery = nines_recovery_new (e.deployment);
  e.findings = nines_findings_new (e.recovery, today);
  return ser_evaluation (&e);
}

static void
assert_same_as_fresh (NinesDocument  *doc,
                      NinesDrPattern  pattern,
                      GDate          *today)
{
  g_auto(NinesEvaluation) e = { 0 };
  g_autofree char *got = NULL;
  g_autofree char *want = ser_fresh (doc, pattern, today);

  nines_evaluation_compute (&e, doc, pattern, NULL, TRUE, today);
  got = ser_evaluation (&e);
  g_assert_cmpstr (got, ==, want);
}

static void
test_large_design (void)
{
  g_autoptr(NinesDocument) doc = large_design (150);
  g_autoptr(NinesCommandStack) stack = nines_command_stack_new (doc);
  g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JUNE, 2026);
  g_autoptr(GError) error = NULL;
  NinesComponent *db = nines_document_lookup_component (doc, "db-7");
  g_auto(NinesEvaluation) probe = { 0 };

  g_assert_nonnull (db);
  /* Large enough for the parallel path (2,000 deployed items). */
  nines_evaluation_compute (&probe, doc, NINES_DR_PATTERN_WARM_STANDBY, NULL, FALSE, today);
  g_assert_cmpuint (nines_deployment_get_n_items (probe.deployment), >=, 2000);
  g_assert_null (probe.findings);

  for (guint p = 0; p < NINES_N_DR_PATTERNS; p++)
    {
      /* Twice: the second reuses everything the first kept. */
      assert_same_as_fresh (doc, p, today);
      assert_same_as_fresh (doc, p, today);
    }

  /* An edit reprices and re-plans that component only, and the result is still exact. */
  g_assert_true (nines_command_stack_set_param (stack, "db-7", "storage_gb",
                                                g_variant_new_int64 (4321), &error));
  g_assert_no_error (error);
  assert_same_as_fresh (doc, NINES_DR_PATTERN_WARM_STANDBY, today);
  /* A replicated store renamed: its replication's kept lines must name it anew. */
  g_assert_true (nines_command_stack_set_component_name (stack, "db-7", "Orders (renamed)", &error));
  g_assert_no_error (error);
  assert_same_as_fresh (doc, NINES_DR_PATTERN_WARM_STANDBY, today);
  g_assert_true (nines_command_stack_set_knob (stack, "standby_fraction", g_variant_new_double (0.5), &error));
  g_assert_no_error (error);
  assert_same_as_fresh (doc, NINES_DR_PATTERN_WARM_STANDBY, today);
  g_assert_true (nines_command_stack_undo (stack));
  g_assert_true (nines_command_stack_undo (stack));
  g_assert_true (nines_command_stack_undo (stack));
  assert_same_as_fresh (doc, NINES_DR_PATTERN_PILOT_LIGHT, today);
  /* Price overrides take the uncached path. */
  g_assert_true (nines_command_stack_set_price_override (stack, "AmazonEC2", "us-east-1",
                                                         "instance:m6i.large", 0.05, NULL, &error));
  g_assert_no_error (error);
  assert_same_as_fresh (doc, NINES_DR_PATTERN_MULTI_SITE, today);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/evaluation/large-design", test_large_design);
  return g_test_run ();
}
