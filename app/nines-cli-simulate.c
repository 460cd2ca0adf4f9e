/* nines-cli-simulate.c: nines-cli compare (the patterns side by side) and simulate (an
 * outage minute by minute) */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "nines-cli.h"
#include "nines-cli-recovery-private.h"

/* Steady and failed-over monthly totals (after the document's discount) from the cost
 * engine; @complete is FALSE when some line has no price. */
static void
cost_rates (NinesDeployment *dep,
            NinesSimCost    *cost,
            gboolean        *complete)
{
  g_autoptr(NinesCostEstimate) estimate = nines_cost_model_estimate (dep, NULL);
  NinesCostTotal steady, failover;

  nines_cost_estimate_get_total (estimate, NINES_COST_STEADY, &steady);
  nines_cost_estimate_get_total (estimate, NINES_COST_FAILOVER, &failover);
  cost->steady_usd_month = steady.total_usd;
  cost->failover_usd_month = failover.total_usd;
  *complete = steady.n_missing == 0 && failover.n_missing == 0;
}

int
nines_cli_compare (int    argc,
                   char **argv)
{
  g_autoptr(NinesDocument) doc = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *format = NULL;   /* GOption replaces, never frees, a default */
  gboolean json;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { NULL }
  };

  if (!nines_cli_parse ("compare", "FILE",
                        _("Applies every DR pattern (and none) to the design and prints them side by\n"
                          "side: steady monthly cost, monthly cost while failed over, RTO, RPO and\n"
                          "availability (nines, downtime a year). Costs come from the bundled price\n"
                          "snapshot with the document's overrides and discount."),
                        entries, &argc, &argv, 1))
    return NINES_CLI_USAGE;
  if (!nines_cli_pick_format (&format, nines_cli_text_json))
    return NINES_CLI_USAGE;
  if (!(doc = nines_cli_load (argv[2])))
    return NINES_CLI_BAD_INPUT;
  json = g_str_equal (format, "json");

  if (json)
    json_builder_begin_array (b);
  else
    {
      printf (_("%s: %s fails over to %s\n\n"), nines_document_get_name (doc),
              nines_document_get_primary_region (doc) ? nines_document_get_primary_region (doc) : _("(none)"),
              nines_document_get_recovery_region (doc) ? nines_document_get_recovery_region (doc) : _("(none)"));
      printf ("%-26s %12s %12s %10s %10s %6s %12s\n", _("pattern"), _("steady/mo"), _("failover/mo"),
              _("RTO"), _("RPO"), _("nines"), _("down min/yr"));
    }

  for (NinesDrPattern p = NINES_DR_PATTERN_NONE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
    {
      g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, p);
      g_autoptr(NinesRecovery) rec = nines_recovery_new (dep);
      const NinesAvailability *a = nines_recovery_get_availability (rec);
      NinesSimCost cost;
      gboolean complete;

      cost_rates (dep, &cost, &complete);
      if (json)
        {
          json_builder_begin_object (b);
          nines_cli_json_string (b, "pattern", nines_dr_pattern_to_string (p));
          nines_cli_json_bool (b, "current", p == nines_document_get_dr_pattern (doc));
          nines_cli_json_number (b, "steady_usd_month", cost.steady_usd_month);
          nines_cli_json_number (b, "failover_usd_month", cost.failover_usd_month);
          nines_cli_json_bool (b, "cost_complete", complete);
          nines_cli_json_number (b, "rto_s", nines_recovery_get_rto_s (rec));
          nines_cli_json_number (b, "rpo_s", nines_recovery_get_rpo_s (rec));
          nines_cli_json_number (b, "availability", a->availability);
          nines_cli_json_number (b, "nines", a->nines);
          nines_cli_json_number (b, "downtime_min_per_year", a->downtime_min_per_year);
          nines_cli_json_bool (b, "automated", nines_recovery_is_automated (rec));
          json_builder_end_object (b);
        }
      else
        {
          g_autofree char *rto = nines_format_duration (nines_recovery_get_rto_s (rec));
          g_autofree char *rpo = nines_format_duration (nines_recovery_get_rpo_s (rec));
          g_autofree char *label = g_strdup_printf ("%s%s", nines_dr_pattern_get_label (p),
                                                    p == nines_document_get_dr_pattern (doc) ? " *" : "");

          printf ("%-26s %12.2f %12.2f %10s %10s %6.2f %12.0f%s\n", label,
                  cost.steady_usd_month, cost.failover_usd_month, rto, rpo, a->nines,
                  a->downtime_min_per_year, complete ? "" : _("  (some prices missing)"));
        }
    }

  if (json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (b);
      root = json_builder_get_root (b);
      nines_cli_print_json (root);
    }
  else
    printf (_("\n* the document's pattern. Costs in USD a month (730 h), after the document's discount;\n"
              "RTO is the critical path of 'nines-cli recovery'; availability: see its method there.\n"));
  return NINES_CLI_OK;
}

int
nines_cli_simulate (int    argc,
                    char **argv)
{
  g_autoptr(NinesDocument) doc = NULL;
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesRecovery) rec = NULL;
  g_autoptr(NinesSimulation) sim = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;   /* GOption replaces, never frees, a default */
  g_autofree char *pattern_name = NULL;
  g_autofree char *target = NULL;
  int at = 5;
  double duration = 0;
  NinesDrPattern pattern;
  NinesSimCost cost;
  gboolean complete;
  gboolean skipping = FALSE;
  GOptionEntry entries[] = {
    { "fail-region", 'r', 0, G_OPTION_ARG_STRING, &target, N_("Region or AZ ID to fail (required)"), "REGION|AZ" },
    { "pattern", 'p', 0, G_OPTION_ARG_STRING, &pattern_name, N_("DR pattern (default: the document's)"), "PATTERN" },
    { "at", 0, 0, G_OPTION_ARG_INT, &at, N_("Minute the failure happens (default 5)"), "MINUTES" },
    { "duration", 0, 0, G_OPTION_ARG_DOUBLE, &duration, N_("Outage length in minutes (default: knob region_outage_hours)"), "MINUTES" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { NULL }
  };

  if (!nines_cli_parse ("simulate", "FILE",
                        _("Fails a region (or one AZ) and replays the outage minute by minute: the share\n"
                          "of capacity serving, requests failed, data lost and cost, until recovered."),
                        entries, &argc, &argv, 1))
    return NINES_CLI_USAGE;
  if (!nines_cli_pick_format (&format, nines_cli_text_json))
    return NINES_CLI_USAGE;
  if (target == NULL || at < 0)
    {
      nines_cli_error (_("simulate needs --fail-region REGION|AZ (and --at >= 0)"));
      return NINES_CLI_USAGE;
    }
  if (!(doc = nines_cli_load (argv[2])))
    return NINES_CLI_BAD_INPUT;
  if (!nines_cli_parse_pattern (doc, pattern_name, &pattern))
    return NINES_CLI_USAGE;

  dep = nines_deployment_new (doc, pattern);
  rec = nines_recovery_new (dep);
  cost_rates (dep, &cost, &complete);
  if (!(sim = nines_simulation_new (rec, target, (guint) at, duration, &cost, &error)))
    {
      nines_cli_error ("%s", error->message);
      return NINES_CLI_BAD_INPUT;
    }

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      nines_cli_json_string (b, "pattern", nines_dr_pattern_to_string (pattern));
      nines_cli_json_string (b, "failed", target);
      nines_cli_json_bool (b, "az", nines_simulation_is_az (sim));
      json_builder_set_member_name (b, "failure_minute");
      json_builder_add_int_value (b, nines_simulation_get_failure_minute (sim));
      nines_cli_json_number (b, "downtime_minutes", nines_simulation_get_downtime_minutes (sim));
      nines_cli_json_number (b, "requests_failed", nines_simulation_get_requests_failed (sim));
      nines_cli_json_number (b, "data_lost_gb", nines_simulation_get_data_lost_gb (sim));
      nines_cli_json_number (b, "outage_cost_usd", nines_simulation_get_outage_cost_usd (sim));
      nines_cli_json_bool (b, "cost_complete", complete);
      nines_cli_json_string (b, "method", nines_simulation_get_method (sim));
      json_builder_set_member_name (b, "minutes");
      json_builder_begin_array (b);
      for (guint i = 0; i < nines_simulation_get_n_minutes (sim); i++)
        {
          const NinesSimMinute *m = nines_simulation_get_minute (sim, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "minute");
          json_builder_add_int_value (b, m->minute);
          nines_cli_json_string (b, "phase", nines_sim_phase_to_string (m->phase));
          nines_cli_json_number (b, "serving", m->serving);
          nines_cli_json_number (b, "requests", m->requests);
          nines_cli_json_number (b, "failed", m->failed);
          nines_cli_json_number (b, "data_lost_gb", m->data_lost_gb);
          nines_cli_json_number (b, "cost_usd", m->cost_usd);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      nines_cli_print_json (root);
      return NINES_CLI_OK;
    }

  printf (_("%s fails at minute %u (%s, %s)\n"), target, (guint) at,
          nines_dr_pattern_get_label (pattern), nines_simulation_is_az (sim) ? _("one AZ") : _("whole region"));
  printf (_("Recovered after %.1f min; %.0f requests failed; %.2f GB of data lost; outage cost %.2f USD%s\n\n"),
          nines_simulation_get_downtime_minutes (sim), nines_simulation_get_requests_failed (sim),
          nines_simulation_get_data_lost_gb (sim), nines_simulation_get_outage_cost_usd (sim),
          complete ? "" : _(" (some prices missing)"));
  printf ("%6s  %-10s %8s %14s %14s %10s %10s\n", _("minute"), _("phase"), _("serving"),
          _("requests"), _("failed"), _("lost GB"), _("USD"));
  for (guint i = 0, n = nines_simulation_get_n_minutes (sim); i < n; i++)
    {
      const NinesSimMinute *m = nines_simulation_get_minute (sim, i);
      const NinesSimMinute *prev = i > 0 ? nines_simulation_get_minute (sim, i - 1) : NULL;
      const NinesSimMinute *next = i + 1 < n ? nines_simulation_get_minute (sim, i + 1) : NULL;

      /* Long steady stretches collapse to their first and last minute. */
      if (prev != NULL && next != NULL && prev->phase == m->phase && prev->serving == m->serving &&
          next->phase == m->phase && next->serving == m->serving)
        {
          if (!skipping)
            printf ("%6s\n", "…");
          skipping = TRUE;
          continue;
        }
      skipping = FALSE;
      printf ("%6u  %-10s %7.1f%% %14.0f %14.0f %10.3f %10.4f\n", m->minute,
              nines_sim_phase_to_string (m->phase), m->serving * 100.0, m->requests, m->failed,
              m->data_lost_gb, m->cost_usd);
    }
  printf (_("\nmethod: %s\n"), nines_simulation_get_method (sim));
  return NINES_CLI_OK;
}
