/* test-panels.c: the summary strip, cost breakdown, compare view, findings and simulation
 * show exactly what the model computes, and follow edits */
#include "config.h"

#include <glib/gstdio.h>

#include "nines-window.h"
#include "nines-compare-panel.h"
#include "nines-cost-panel.h"
#include "nines-findings-panel.h"
#include "nines-service-tile.h"
#include "nines-simulation-panel.h"
#include "nines-ui-test-utils.h"

static NinesWindow *
open_example (const char *name)
{
  NinesWindow *win = nines_window_new (NULL);

  gtk_window_present (GTK_WINDOW (win));
  g_action_group_activate_action (G_ACTION_GROUP (win), "open-example", g_variant_new_string (name));
  NINES_UI_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (nines_window_get_canvas (win))) > 100, 3000);
  nines_ui_spin (50);
  return win;
}

static char *
usd_text (double usd,
          gboolean complete)
{
  g_autofree char *s = nines_analysis_format_usd (usd);
  return complete ? g_steal_pointer (&s) : g_strdup_printf ("%s +?", s);
}

/* The strip's texts for the document's numbers straight from the model, as nines-cli
 * compare computes them; @discount >= 0 replaces the document's discount. */
static void
expected_summary (NinesWindow *win,
                  double       discount,
                  char       **text)
{
  NinesDocument *doc = nines_window_get_document (win);
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, nines_document_get_dr_pattern (doc));
  g_autoptr(NinesCostEstimate) est = nines_cost_model_estimate (dep, NULL);
  g_autoptr(NinesRecovery) rec = nines_recovery_new (dep);
  NinesCostTotal steady, failover;
  gboolean complete;

  nines_cost_estimate_get_total (est, NINES_COST_STEADY, &steady);
  nines_cost_estimate_get_total (est, NINES_COST_FAILOVER, &failover);
  if (discount >= 0)
    {
      nines_cost_total_set_discount (&steady, discount);
      nines_cost_total_set_discount (&failover, discount);
    }
  complete = steady.n_missing == 0 && failover.n_missing == 0;
  text[NINES_SUMMARY_STEADY] = usd_text (steady.total_usd, complete);
  text[NINES_SUMMARY_FAILOVER] = usd_text (failover.total_usd, complete);
  text[NINES_SUMMARY_RTO] = nines_format_duration (nines_recovery_get_rto_s (rec));
  text[NINES_SUMMARY_RPO] = nines_format_duration (nines_recovery_get_rpo_s (rec));
  text[NINES_SUMMARY_NINES] = g_strdup_printf ("%.2f nines", nines_recovery_get_availability (rec)->nines);
}

/* Checks the strip shows the model's numbers now, without spinning the main loop. */
static void
assert_summary_now (NinesWindow *win,
                    double       discount)
{
  NinesSummaryBar *bar = nines_window_get_summary (win);
  char *text[NINES_SUMMARY_N_FIELDS];

  expected_summary (win, discount, text);
  for (guint i = 0; i < NINES_SUMMARY_N_FIELDS; i++)
    {
      g_assert_cmpstr (nines_summary_bar_get_text (bar, i), ==, text[i]);
      g_free (text[i]);
    }
}

/* Checks the strip shows the model's numbers, once the main loop has delivered the edit. */
static void
assert_summary_matches_model (NinesWindow *win)
{
  NinesSummaryBar *bar = nines_window_get_summary (win);
  char *text[NINES_SUMMARY_N_FIELDS];

  expected_summary (win, -1, text);
  NINES_UI_WAIT_FOR (g_strcmp0 (nines_summary_bar_get_text (bar, NINES_SUMMARY_RTO), text[NINES_SUMMARY_RTO]) == 0 &&
                     g_strcmp0 (nines_summary_bar_get_text (bar, NINES_SUMMARY_STEADY), text[NINES_SUMMARY_STEADY]) == 0, 3000);
  for (guint i = 0; i < NINES_SUMMARY_N_FIELDS; i++)
    g_free (text[i]);
  assert_summary_now (win, -1);
}

static void
test_summary_follows_edits (void)
{
  NinesWindow *win = open_example ("storefront");
  NinesCommandStack *stack = nines_window_get_command_stack (win);
  g_autofree char *before = NULL;

  assert_summary_matches_model (win);
  before = g_strdup (nines_summary_bar_get_text (nines_window_get_summary (win), NINES_SUMMARY_STEADY));

  /* An edit: the strip follows within the same main-loop turn as the frame. */
  g_assert_true (nines_command_stack_set_param (stack, "web", "desired", g_variant_new_int64 (9), NULL));
  g_assert_true (nines_command_stack_set_param (stack, "web", "max", g_variant_new_int64 (12), NULL));
  nines_ui_spin (20);
  assert_summary_matches_model (win);
  g_assert_cmpstr (nines_summary_bar_get_text (nines_window_get_summary (win), NINES_SUMMARY_STEADY), !=, before);

  /* Every pattern, and back through undo. */
  for (guint p = 0; p < NINES_N_DR_PATTERNS; p++)
    {
      g_action_group_activate_action (G_ACTION_GROUP (win), "pattern",
                                      g_variant_new_string (nines_dr_pattern_to_string (p)));
      nines_ui_spin (10);
      assert_summary_matches_model (win);
    }
  while (nines_command_stack_can_undo (stack))
    nines_command_stack_undo (stack);
  nines_ui_spin (10);
  assert_summary_matches_model (win);
  g_assert_cmpstr (nines_summary_bar_get_text (nines_window_get_summary (win), NINES_SUMMARY_STEADY), ==, before);
  nines_ui_save_png (GTK_WIDGET (win), "window-summary.png");

  nines_window_show_welcome (win);
  gtk_window_destroy (GTK_WINDOW (win));
}

typedef struct
{
  NinesWindow *win;
  gboolean     edited;
  gboolean     painted;
  char        *text[NINES_SUMMARY_N_FIELDS];
} FrameEdit;

/* The edit comes as late as it can before a frame: at its very start. */
static void
on_before_paint (GdkFrameClock *clock,
                 FrameEdit     *fe)
{
  if (fe->edited)
    return;
  fe->edited = TRUE;
  g_action_group_activate_action (G_ACTION_GROUP (fe->win), "pattern", g_variant_new_string ("pilot-light"));
}

/* What that same frame painted. */
static void
on_after_paint (GdkFrameClock *clock,
                FrameEdit     *fe)
{
  if (!fe->edited || fe->painted)
    return;
  fe->painted = TRUE;
  for (guint i = 0; i < NINES_SUMMARY_N_FIELDS; i++)
    fe->text[i] = g_strdup (nines_summary_bar_get_text (nines_window_get_summary (fe->win), i));
}

/* Issue 7: the strip follows an edit within the frame. An edit made through an action
 * while a frame starts (as an input event dispatched together with the frame's paint)
 * must show in that very frame, not one later. */
static void
test_summary_same_frame (void)
{
  NinesWindow *win = open_example ("storefront");
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (win));
  FrameEdit fe = { win, FALSE, FALSE, { NULL } };
  char *want[NINES_SUMMARY_N_FIELDS];
  gulong before, after;

  assert_summary_matches_model (win);
  g_assert_nonnull (clock);
  before = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &fe);
  after = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &fe);
  gtk_widget_queue_draw (GTK_WIDGET (win));
  NINES_UI_WAIT_FOR (fe.painted, 3000);
  g_signal_handler_disconnect (clock, before);
  g_signal_handler_disconnect (clock, after);
  g_assert_true (fe.painted);
  g_assert_cmpint (nines_document_get_dr_pattern (nines_window_get_document (win)), ==, NINES_DR_PATTERN_PILOT_LIGHT);

  expected_summary (win, -1, want);
  for (guint i = 0; i < NINES_SUMMARY_N_FIELDS; i++)
    {
      g_assert_cmpstr (fe.text[i], ==, want[i]);
      g_free (want[i]);
      g_free (fe.text[i]);
    }

  nines_window_show_welcome (win);
  gtk_window_destroy (GTK_WINDOW (win));
}

/* The "discount-percent" preference applies to a design without its own discount, at once
 * in the open window; a design's own discount wins. */
static void
test_discount_preference (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  NinesWindow *win = open_example ("storefront");
  NinesAnalysis *analysis = nines_window_get_analysis (win);
  NinesCommandStack *stack = nines_window_get_command_stack (win);
  NinesCostTotal total;
  gboolean own = TRUE;

  assert_summary_now (win, 0);
  g_settings_set_double (settings, "discount-percent", 12.5);
  NINES_UI_WAIT_FOR (nines_analysis_get_default_discount (analysis) == 12.5, 3000);
  /* No frame or idle needed: the preference redraws when it arrives. */
  assert_summary_now (win, 12.5);
  g_assert_cmpfloat (nines_analysis_get_discount (analysis, &own), ==, 12.5);
  g_assert_false (own);
  g_assert_true (nines_analysis_get_total (analysis, NINES_COST_STEADY, &total));
  g_assert_cmpfloat_with_epsilon (total.total_usd, total.list_usd * 0.875, 1e-6);
  /* The comparison shows the same discount. */
  g_assert_cmpfloat_with_epsilon (nines_analysis_compare (analysis)[nines_document_get_dr_pattern (nines_window_get_document (win))].steady_usd,
                                  total.total_usd, 1e-6);

  /* The design's own discount wins, and undoing it brings the preference back. */
  g_assert_true (nines_command_stack_set_discount (stack, 5, NULL));
  nines_analysis_flush (analysis);
  assert_summary_now (win, 5);
  g_assert_cmpfloat (nines_analysis_get_discount (analysis, &own), ==, 5);
  g_assert_true (own);
  g_assert_true (nines_command_stack_undo (stack));
  nines_analysis_flush (analysis);
  assert_summary_now (win, 12.5);

  g_settings_reset (settings, "discount-percent");
  NINES_UI_WAIT_FOR (nines_analysis_get_default_discount (analysis) == 0, 3000);
  assert_summary_now (win, 0);

  nines_window_show_welcome (win);
  gtk_window_destroy (GTK_WINDOW (win));
}

/* The "units" preference: data sizes in GB/TB or GiB/TiB, followed live. */
static void
test_units_preference (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  NinesWindow *win = open_example ("storefront");
  NinesAnalysis *analysis = nines_window_get_analysis (win);
  g_autofree char *gb = nines_format_data_size (1.5, NINES_UNITS_DECIMAL);
  g_autofree char *tb = nines_format_data_size (2500, NINES_UNITS_DECIMAL);
  g_autofree char *gib = nines_format_data_size (1.5, NINES_UNITS_BINARY);
  g_autofree char *tib = nines_format_data_size (2500, NINES_UNITS_BINARY);

  g_assert_cmpstr (gb, ==, "1.50 GB");
  g_assert_cmpstr (tb, ==, "2.50 TB");
  g_assert_cmpstr (gib, ==, "1.40 GiB");     /* 1.5e9 / 2^30 = 1.397 */
  g_assert_cmpstr (tib, ==, "2.27 TiB");     /* 2.5e12 / 2^40 = 2.274 */

  g_assert_cmpint (nines_analysis_get_units (analysis), ==, NINES_UNITS_DECIMAL);
  g_settings_set_string (settings, "units", "binary");
  NINES_UI_WAIT_FOR (nines_analysis_get_units (analysis) == NINES_UNITS_BINARY, 3000);
  g_assert_cmpint (nines_analysis_get_units (analysis), ==, NINES_UNITS_BINARY);
  g_settings_reset (settings, "units");
  NINES_UI_WAIT_FOR (nines_analysis_get_units (analysis) == NINES_UNITS_DECIMAL, 3000);
  g_assert_cmpint (nines_analysis_get_units (analysis), ==, NINES_UNITS_DECIMAL);

  nines_window_show_welcome (win);
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
test_cost_breakdown (void)
{
  NinesWindow *win = open_example ("storefront");
  NinesCostPanel *panel = NINES_COST_PANEL (nines_window_get_panel (win, "costs"));
  GListModel *rows = nines_cost_panel_get_model (panel);
  NinesCostEstimate *est = nines_analysis_get_estimate (nines_window_get_analysis (win));
  NinesCostTotal total;
  guint steady = 0, missing_before;
  NinesCostRow *missing = NULL;
  double sum = 0;

  for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
    steady += nines_cost_estimate_get_line (est, i)->state == NINES_COST_STEADY;
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, steady);

  /* Grouped by region then service. */
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(NinesCostRow) row = g_list_model_get_item (rows, i);
      const NinesCostLine *line = nines_cost_row_get_line (row);

      sum += line->monthly_usd;
      if (i > 0)
        {
          g_autoptr(NinesCostRow) prev = g_list_model_get_item (rows, i - 1);
          const NinesCostLine *pl = nines_cost_row_get_line (prev);
          int c = g_strcmp0 (pl->region, line->region);
          g_assert_cmpint (c, <=, 0);
          if (c == 0)
            g_assert_cmpint (g_strcmp0 (pl->service, line->service), <=, 0);
        }
      if (line->missing && missing == NULL)
        missing = g_object_ref (row);
    }
  nines_cost_estimate_get_total (est, NINES_COST_STEADY, &total);
  g_assert_cmpfloat_with_epsilon (sum, total.list_usd, 1e-6);

  /* Entering a missing price: an undoable override, the total follows. */
  if (missing != NULL)
    {
      g_autoptr(GError) error = NULL;

      missing_before = total.n_missing;
      g_assert_true (nines_cost_panel_enter_price (panel, missing, 0.05, &error));
      g_assert_no_error (error);
      nines_ui_spin (10);
      est = nines_analysis_get_estimate (nines_window_get_analysis (win));
      nines_cost_estimate_get_total (est, NINES_COST_STEADY, &total);
      g_assert_cmpuint (total.n_missing, <, missing_before);
      assert_summary_matches_model (win);
      g_assert_true (nines_command_stack_undo (nines_window_get_command_stack (win)));
      g_object_unref (missing);
    }
  else
    g_test_message ("no missing price in the storefront example: the entry path is not exercised");

  nines_window_show_welcome (win);
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
test_compare_and_apply (void)
{
  NinesWindow *win = open_example ("storefront");
  NinesComparePanel *panel = NINES_COMPARE_PANEL (nines_window_get_panel (win, "compare"));
  NinesSummaryBar *bar = nines_window_get_summary (win);
  NinesDocument *doc = nines_window_get_document (win);

  g_action_group_activate_action (G_ACTION_GROUP (win), "compare", NULL);
  NINES_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (panel)), 2000);
  nines_ui_spin (50);
  /* The current pattern's row says what the strip says. */
  g_assert_cmpstr (nines_compare_panel_get_cell (panel, nines_document_get_dr_pattern (doc), 0), ==,
                   nines_summary_bar_get_text (bar, NINES_SUMMARY_STEADY));
  g_assert_cmpstr (nines_compare_panel_get_cell (panel, nines_document_get_dr_pattern (doc), 2), ==,
                   nines_summary_bar_get_text (bar, NINES_SUMMARY_RTO));

  /* Choosing one applies it. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "pattern", g_variant_new_string ("pilot-light"));
  g_assert_cmpint (nines_document_get_dr_pattern (doc), ==, NINES_DR_PATTERN_PILOT_LIGHT);
  assert_summary_matches_model (win);

  g_assert_cmpstr (nines_compare_panel_get_cell (panel, NINES_DR_PATTERN_PILOT_LIGHT, 2), ==,
                   nines_summary_bar_get_text (bar, NINES_SUMMARY_RTO));
  nines_ui_save_png (GTK_WIDGET (win), "window-compare.png");

  nines_window_show_welcome (win);
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
test_findings_select (void)
{
  NinesWindow *win = open_example ("storefront");
  NinesFindingsPanel *panel = NINES_FINDINGS_PANEL (nines_window_get_panel (win, "findings"));
  GtkListBox *list = nines_findings_panel_get_list (panel);
  NinesFindings *findings = nines_analysis_get_findings (nines_window_get_analysis (win));
  GtkListBoxRow *row = NULL;
  const char *id = NULL;
  guint n = 0;

  /* The rows are built when the page is shown. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "show-panel", g_variant_new_string ("findings"));
  NINES_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (panel)), 2000);

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (list)); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LIST_BOX_ROW (c))
      {
        n++;
        if (row == NULL && (id = g_object_get_data (G_OBJECT (c), "component")))
          row = GTK_LIST_BOX_ROW (c);
      }
  g_assert_cmpuint (n, ==, nines_findings_get_n_items (findings));
  if (row == NULL)
    {
      g_test_skip ("no finding about a component in the storefront example");
      nines_window_show_welcome (win);
      gtk_window_destroy (GTK_WINDOW (win));
      return;
    }
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_cmpuint (nines_canvas_get_n_selected (nines_window_get_canvas (win)), ==, 1);
  g_assert_cmpstr (nines_canvas_get_selection (nines_window_get_canvas (win))[0], ==, id);

  nines_window_show_welcome (win);
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
test_simulation (void)
{
  NinesWindow *win = open_example ("storefront");
  NinesSimulationPanel *panel = NINES_SIMULATION_PANEL (nines_window_get_panel (win, "simulate"));
  NinesCanvas *canvas = nines_window_get_canvas (win);
  NinesSimulation *sim;
  guint fail;

  g_action_group_activate_action (G_ACTION_GROUP (win), "simulate", NULL);
  NINES_UI_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (panel)), 2000);
  g_assert_true (nines_simulation_panel_set_target (panel, "us-east-1"));
  sim = nines_simulation_panel_get_simulation (panel);
  g_assert_nonnull (sim);
  fail = nines_simulation_get_failure_minute (sim);

  /* Before the failure nothing is grey; after it, what lived in us-east-1 is. */
  nines_simulation_panel_seek (panel, 0);
  g_assert_false (nines_service_tile_get_flags (NINES_SERVICE_TILE (nines_canvas_get_tile (canvas, "web")))
                  & NINES_DIAGRAM_CARD_FAILED);
  nines_simulation_panel_seek (panel, fail + 1);
  g_assert_true (nines_service_tile_get_flags (NINES_SERVICE_TILE (nines_canvas_get_tile (canvas, "web")))
                 & NINES_DIAGRAM_CARD_FAILED);
  g_assert_cmpstr (nines_simulation_panel_get_summary (panel), ==, "");

  /* Played to the end: the summary stays, with the model's figures. */
  nines_simulation_panel_play (panel);
  NINES_UI_WAIT_FOR (*nines_simulation_panel_get_summary (panel) != '\0', 20000);
  g_assert_true (strstr (nines_simulation_panel_get_summary (panel), "us-east-1") != NULL);
  nines_ui_save_png (GTK_WIDGET (win), "window-simulation.png");

  /* Leaving the page brings the canvas back. */
  g_action_group_activate_action (G_ACTION_GROUP (win), "show-panel", g_variant_new_string ("costs"));
  nines_ui_spin (50);
  g_assert_false (nines_service_tile_get_flags (NINES_SERVICE_TILE (nines_canvas_get_tile (canvas, "web")))
                  & NINES_DIAGRAM_CARD_FAILED);

  nines_window_show_welcome (win);
  gtk_window_destroy (GTK_WINDOW (win));
}

int
main (int argc, char *argv[])
{
  g_autofree char *tmp = g_dir_make_tmp ("nines-panels-XXXXXX", NULL);

  g_setenv ("XDG_STATE_HOME", tmp, TRUE);
  if (!nines_ui_test_init (&argc, &argv))
    return 0;
  g_test_add_func ("/nines/ui/panels/summary-follows-edits", test_summary_follows_edits);
  g_test_add_func ("/nines/ui/panels/summary-same-frame", test_summary_same_frame);
  g_test_add_func ("/nines/ui/panels/discount-preference", test_discount_preference);
  g_test_add_func ("/nines/ui/panels/units-preference", test_units_preference);
  g_test_add_func ("/nines/ui/panels/cost-breakdown", test_cost_breakdown);
  g_test_add_func ("/nines/ui/panels/compare-and-apply", test_compare_and_apply);
  g_test_add_func ("/nines/ui/panels/findings-select", test_findings_select);
  g_test_add_func ("/nines/ui/panels/simulation", test_simulation);
  return g_test_run ();
}
