/* test-cost-export.c: CSV, JSON and Pricing-Calculator-shaped JSON of the examples' costs.
 *
 * Golden files: tests/model/golden/costs/EXAMPLE.{csv,json,calculator.json} for each
 * example's own pattern; NINES_UPDATE_GOLDEN=1 rewrites them. */
#include "config.h"

#include <math.h>
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
check_golden (const char *name,
              const char *text)
{
  g_autofree char *path = g_build_filename (g_getenv ("NINES_SOURCE_DIR"), "tests", "model", "golden",
                                            "costs", name, NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (g_getenv ("NINES_UPDATE_GOLDEN"), "1") == 0)
    {
      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      return;
    }
  g_file_get_contents (path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_golden (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(NinesDocument) doc = load_example (examples[e]);
      g_autoptr(NinesDeployment) d = nines_deployment_new (doc, nines_document_get_dr_pattern (doc));
      g_autoptr(NinesCostEstimate) est = nines_cost_model_estimate (d, NULL);
      g_autofree char *csv = nines_cost_export_csv (est);
      g_autoptr(JsonNode) json = nines_cost_export_json (est);
      g_autoptr(JsonNode) calc = nines_cost_export_calculator_json (est, NINES_COST_STEADY, "2026-01-01T00:00:00Z");
      g_autofree char *json_text = nines_cost_export_to_string (json);
      g_autofree char *calc_text = nines_cost_export_to_string (calc);
      g_autofree char *n1 = g_strdup_printf ("%s.csv", examples[e]);
      g_autofree char *n2 = g_strdup_printf ("%s.json", examples[e]);
      g_autofree char *n3 = g_strdup_printf ("%s.calculator.json", examples[e]);

      check_golden (n1, csv);
      check_golden (n2, json_text);
      check_golden (n3, calc_text);
    }
}

/* The files add up to the engine's totals, for every pattern. */
static void
test_totals_match_engine (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (NinesDrPattern p = NINES_DR_PATTERN_BACKUP_RESTORE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
      {
        g_autoptr(NinesDocument) doc = load_example (examples[e]);
        g_autoptr(NinesDeployment) d = nines_deployment_new (doc, p);
        g_autoptr(NinesCostEstimate) est = nines_cost_model_estimate (d, NULL);
        g_autofree char *csv = nines_cost_export_csv (est);
        g_auto(GStrv) rows = g_strsplit (csv, "\r\n", -1);
        double csv_sum[NINES_COST_N_STATES] = { 0, 0 };
        guint n_rows = 0;

        /* CSV: a header, then one row per line item; its monthly column sums to the list
         * total of each state. (No field of the examples holds a comma in a number.) */
        for (guint i = 1; rows[i] && *rows[i]; i++)
          {
            g_auto(GStrv) f = NULL;
            g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
            GString *cur = g_string_new (NULL);
            gboolean quoted = FALSE;

            for (const char *c = rows[i]; *c; c++)
              {
                if (*c == '"')
                  {
                    if (quoted && c[1] == '"')
                      g_string_append_c (cur, *++c);
                    else
                      quoted = !quoted;
                  }
                else if (*c == ',' && !quoted)
                  {
                    g_ptr_array_add (fields, g_string_free (cur, FALSE));
                    cur = g_string_new (NULL);
                  }
                else
                  g_string_append_c (cur, *c);
              }
            g_ptr_array_add (fields, g_string_free (cur, FALSE));
            g_assert_cmpuint (fields->len, ==, 20);
            csv_sum[g_str_equal (g_ptr_array_index (fields, 0), "steady") ? 0 : 1] +=
              g_ascii_strtod (g_ptr_array_index (fields, 11), NULL);
            n_rows++;
          }
        g_assert_cmpuint (n_rows, ==, nines_cost_estimate_get_n_lines (est));
        for (NinesCostState s = NINES_COST_STEADY; s < NINES_COST_N_STATES; s++)
          {
            NinesCostTotal t;
            g_autoptr(JsonNode) calc = nines_cost_export_calculator_json (est, s, "2026-01-01T00:00:00Z");
            JsonObject *root = json_node_get_object (calc);
            JsonObject *groups = json_object_get_object_member (root, "groups");
            g_autoptr(GList) names = json_object_get_members (groups);
            g_autoptr(JsonNode) json = nines_cost_export_json (est);
            JsonObject *st = json_object_get_object_member (json_object_get_object_member (json_node_get_object (json), "states"),
                                                            nines_cost_state_to_string (s));
            double groups_sum = 0;

            nines_cost_estimate_get_total (est, s, &t);
            g_assert_cmpfloat_with_epsilon (csv_sum[s], t.list_usd, 0.01);
            for (GList *l = names; l; l = l->next)
              {
                JsonObject *g = json_object_get_object_member (groups, l->data);
                JsonObject *services = json_object_get_object_member (g, "services");
                g_autoptr(GList) snames = json_object_get_members (services);
                double svc_sum = 0;

                for (GList *k = snames; k; k = k->next)
                  svc_sum += json_object_get_double_member (
                    json_object_get_object_member (json_object_get_object_member (services, k->data), "serviceCost"),
                    "monthly");
                g_assert_cmpfloat_with_epsilon (svc_sum, json_object_get_double_member (
                                                  json_object_get_object_member (g, "groupSubtotal"), "monthly"), 0.01);
                groups_sum += svc_sum;
              }
            g_assert_cmpfloat_with_epsilon (groups_sum, t.list_usd, 0.01);
            g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (root, "totalCost"), "monthly"),
                                            t.total_usd, 0.0001);
            g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_object_get_object_member (st, "total"), "total_usd"),
                                            t.total_usd, 0.0001);
          }
      }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/cost-export/golden", test_golden);
  g_test_add_func ("/nines/model/cost-export/totals", test_totals_match_engine);
  return g_test_run ();
}
