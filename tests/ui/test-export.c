/* test-export.c: the window's Export actions write the same files as the library (and so
 * nines-cli export), each in a form that parses, and report failures in a dialog */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "nines-export.h"
#include "nines-window-private.h"
#include "nines-ui-test-utils.h"

static char *tmpdir;

static NinesWindow *
storefront_window (void)
{
  NinesWindow *win = nines_window_new (NULL);

  gtk_window_present (GTK_WINDOW (win));
  NINES_UI_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (win)) > 0, 3000);
  g_action_group_activate_action (G_ACTION_GROUP (win), "open-example",
                                  g_variant_new_string ("storefront"));
  g_action_group_change_action_state (G_ACTION_GROUP (win), "pattern",
                                      g_variant_new_string ("warm-standby"));
  g_assert_cmpint (nines_document_get_dr_pattern (nines_window_get_document (win)), ==,
                   NINES_DR_PATTERN_WARM_STANDBY);
  return win;
}

/* Activates win.export-to and waits for its worker to finish. */
static void
export_to (NinesWindow *win,
           const char  *kind,
           const char  *path,
           const char  *format)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "export-to"));
  g_action_group_activate_action (G_ACTION_GROUP (win), "export-to",
                                  g_variant_new ("(sss)", kind, path, format));
  g_assert_cmpuint (win->exports_running, ==, 1);
  NINES_UI_WAIT_FOR (win->exports_running == 0, 30000);
  g_assert_cmpuint (win->exports_running, ==, 0);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static JsonNode *
parse_json_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_actions_enabled (void)
{
  const char *names[] = { "export-cloudformation", "export-diagram", "export-costs",
                          "export-report", "export-runbook", "export-to", "provision" };
  NinesWindow *win = nines_window_new (NULL);

  /* No design: nothing to export. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), names[i]));
  g_action_group_activate_action (G_ACTION_GROUP (win), "open-example",
                                  g_variant_new_string ("newsroom"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), names[i]));
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
test_cloudformation (void)
{
  NinesWindow *win = storefront_window ();
  NinesDocument *doc = nines_window_get_document (win);
  g_autoptr(NinesDeployment) deployment = nines_deployment_new (doc, NINES_DR_PATTERN_WARM_STANDBY);
  g_auto(GStrv) regions = nines_cfn_template_list_regions (deployment);
  g_autofree char *dir = g_build_filename (tmpdir, "cfn", NULL);

  g_assert_cmpuint (g_strv_length (regions), >=, 2);
  export_to (win, "cloudformation", dir, "");
  for (guint i = 0; regions[i]; i++)
    {
      g_autofree char *stack = nines_cfn_template_stack_name (deployment, regions[i]);
      g_autofree char *base = g_strdup_printf ("%s.json", stack);
      g_autofree char *path = g_build_filename (dir, base, NULL);
      g_autoptr(JsonNode) root = parse_json_file (path);
      JsonObject *obj = json_node_get_object (root);

      g_assert_true (json_object_has_member (obj, "AWSTemplateFormatVersion"));
      JsonObject *resources = json_object_get_object_member (obj, "Resources");

      g_assert_cmpuint (json_object_get_size (resources), >, 0);
    }
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
test_diagram (void)
{
  NinesWindow *win = storefront_window ();
  g_autofree char *png = g_build_filename (tmpdir, "shop.png", NULL);
  g_autofree char *svg = g_build_filename (tmpdir, "shop.svg", NULL);
  g_autofree char *pdf = g_build_filename (tmpdir, "shop.pdf", NULL);
  g_autofree char *svg_text = NULL, *pdf_text = NULL;
  cairo_surface_t *surface;

  export_to (win, "diagram", png, "png");
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), >, 200);
  cairo_surface_destroy (surface);

  export_to (win, "diagram", svg, "svg");
  svg_text = read_file (svg);
  g_assert_nonnull (strstr (svg_text, "<svg"));

  export_to (win, "diagram", pdf, "pdf");
  pdf_text = read_file (pdf);
  g_assert_true (g_str_has_prefix (pdf_text, "%PDF-"));
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
test_costs (void)
{
  NinesWindow *win = storefront_window ();
  g_autoptr(NinesDeployment) deployment = nines_deployment_new (nines_window_get_document (win),
                                                                NINES_DR_PATTERN_WARM_STANDBY);
  g_autofree char *csv = g_build_filename (tmpdir, "costs.csv", NULL);
  g_autofree char *lib_csv = g_build_filename (tmpdir, "costs-lib.csv", NULL);
  g_autofree char *json = g_build_filename (tmpdir, "costs.json", NULL);
  g_autofree char *calc = g_build_filename (tmpdir, "calculator.json", NULL);
  g_autofree char *csv_text = NULL, *lib_text = NULL;
  g_autoptr(JsonNode) json_root = NULL, calc_root = NULL;
  g_autoptr(GError) error = NULL;

  export_to (win, "costs", csv, "csv");
  csv_text = read_file (csv);
  g_assert_nonnull (strchr (csv_text, '\n'));
  /* Byte for byte what the library (and nines-cli export costs) writes. */
  g_assert_true (nines_export_costs (deployment, NINES_COST_FORMAT_CSV, NULL, lib_csv, &error));
  g_assert_no_error (error);
  lib_text = read_file (lib_csv);
  g_assert_cmpstr (csv_text, ==, lib_text);

  export_to (win, "costs", json, "json");
  json_root = parse_json_file (json);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_root));

  export_to (win, "costs", calc, "calculator");
  calc_root = parse_json_file (calc);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (calc_root));
  g_assert_false (json_node_equal (json_root, calc_root));
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
test_report_and_runbook (void)
{
  NinesWindow *win = storefront_window ();
  g_autofree char *pdf = g_build_filename (tmpdir, "report.pdf", NULL);
  g_autofree char *md = g_build_filename (tmpdir, "runbook.md", NULL);
  g_autofree char *pdf_text = NULL, *md_text = NULL;

  export_to (win, "report", pdf, "");
  pdf_text = read_file (pdf);
  g_assert_true (g_str_has_prefix (pdf_text, "%PDF-"));

  export_to (win, "runbook", md, "");
  md_text = read_file (md);
  g_assert_true (g_str_has_prefix (md_text, "#"));
  g_assert_nonnull (strstr (md_text, "ailover"));
  gtk_window_destroy (GTK_WINDOW (win));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static void
test_failure_dialog (void)
{
  NinesWindow *win = storefront_window ();
  g_autofree char *bad = g_build_filename (tmpdir, "no-such-dir", "sub", "costs.csv", NULL);
  AdwMessageDialog *dialog;

  g_assert_null (find_message_dialog ());
  export_to (win, "costs", bad, "csv");
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Export Failed");
  /* The body names the file. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), bad));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (win));
}

int
main (int    argc,
      char **argv)
{
  int ret;

  if (!nines_ui_test_init (&argc, &argv))
    return 0;
  tmpdir = g_dir_make_tmp ("nines-export-XXXXXX", NULL);
  g_test_add_func ("/export/actions-enabled", test_actions_enabled);
  g_test_add_func ("/export/cloudformation", test_cloudformation);
  g_test_add_func ("/export/diagram", test_diagram);
  g_test_add_func ("/export/costs", test_costs);
  g_test_add_func ("/export/report-and-runbook", test_report_and_runbook);
  g_test_add_func ("/export/failure-dialog", test_failure_dialog);
  ret = g_test_run ();
  if (g_getenv ("NINES_KEEP_TMP") == NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
      if (system (cmd) != 0)
        g_printerr ("could not remove %s\n", tmpdir);
    }
  g_free (tmpdir);
  return ret;
}
