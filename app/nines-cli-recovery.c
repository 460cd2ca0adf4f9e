/* nines-cli-recovery.c: compare, recovery, simulate, findings (and the recovery section of
 * report). Every duration is printed with its source. */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "nines-cli.h"
#include "nines-cli-recovery-private.h"

gboolean
nines_cli_parse_pattern (NinesDocument  *doc,
                         const char     *name,
                         NinesDrPattern *pattern)
{
  if (name == NULL)
    {
      *pattern = nines_document_get_dr_pattern (doc);
      return TRUE;
    }
  if (nines_dr_pattern_from_string (name, pattern))
    return TRUE;
  nines_cli_error (_("--pattern must be none, backup-restore, pilot-light, warm-standby or "
                     "multi-site (is \"%s\")"), name);
  return FALSE;
}

void
nines_cli_recovery_to_json (JsonBuilder   *b,
                            NinesRecovery *rec)
{
  const NinesAvailability *a = nines_recovery_get_availability (rec);
  const NinesStoreRpo *worst = nines_recovery_get_worst_store (rec);

  json_builder_begin_object (b);
  nines_cli_json_string (b, "pattern",
                         nines_dr_pattern_to_string (nines_deployment_get_pattern (nines_recovery_get_deployment (rec))));
  nines_cli_json_number (b, "rto_s", nines_recovery_get_rto_s (rec));
  nines_cli_json_number (b, "rpo_s", nines_recovery_get_rpo_s (rec));
  nines_cli_json_string (b, "rpo_store", worst ? worst->store_id : NULL);
  nines_cli_json_bool (b, "automated", nines_recovery_is_automated (rec));
  nines_cli_json_bool (b, "uses_failed_region_control_plane",
                       nines_recovery_uses_failed_region (rec));

  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (guint i = 0; i < nines_recovery_get_n_steps (rec); i++)
    {
      const NinesRecoveryStep *s = nines_recovery_get_step (rec, i);

      json_builder_begin_object (b);
      nines_cli_json_string (b, "id", s->id);
      nines_cli_json_string (b, "kind", nines_step_kind_to_string (s->kind));
      nines_cli_json_string (b, "label", s->label);
      nines_cli_json_string (b, "item", s->item_id);
      nines_cli_json_number (b, "start_s", s->start_s);
      nines_cli_json_number (b, "duration_s", s->duration_s);
      nines_cli_json_number (b, "end_s", s->end_s);
      nines_cli_json_bool (b, "critical", s->critical);
      json_builder_set_member_name (b, "after");
      json_builder_begin_array (b);
      for (guint d = 0; d < s->n_deps; d++)
        json_builder_add_string_value (b, nines_recovery_get_step (rec, s->deps[d])->id);
      json_builder_end_array (b);
      nines_cli_json_string (b, "control_plane", s->control_plane);
      nines_cli_json_bool (b, "uses_failed_region", s->uses_failed_region);
      nines_cli_json_string (b, "source", s->source);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "stores");
  json_builder_begin_array (b);
  for (guint i = 0; i < nines_recovery_get_n_stores (rec); i++)
    {
      const NinesStoreRpo *s = nines_recovery_get_store (rec, i);

      json_builder_begin_object (b);
      nines_cli_json_string (b, "id", s->store_id);
      nines_cli_json_string (b, "kind", s->kind);
      nines_cli_json_string (b, "mechanism", s->mechanism);
      nines_cli_json_number (b, "rpo_s", s->rpo_s);
      json_builder_set_member_name (b, "lost_gb");
      json_builder_add_double_value (b, s->lost_gb);
      nines_cli_json_string (b, "source", s->source);
      nines_cli_json_string (b, "note", s->note);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "availability");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "availability");
  json_builder_add_double_value (b, a->availability);
  json_builder_set_member_name (b, "nines");
  json_builder_add_double_value (b, a->nines);
  json_builder_set_member_name (b, "downtime_min_per_year");
  json_builder_add_double_value (b, a->downtime_min_per_year);
  json_builder_set_member_name (b, "region_availability");
  json_builder_add_double_value (b, a->region_availability);
  json_builder_set_member_name (b, "covered_fraction");
  json_builder_add_double_value (b, a->covered_fraction);
  nines_cli_json_string (b, "method", a->method);
  json_builder_set_member_name (b, "slas");
  json_builder_begin_array (b);
  for (guint i = 0; i < a->terms->len; i++)
    {
      const NinesSlaTerm *t = g_ptr_array_index (a->terms, i);

      json_builder_begin_object (b);
      nines_cli_json_string (b, "component", t->component_id);
      json_builder_set_member_name (b, "sla");
      json_builder_add_double_value (b, t->sla);
      nines_cli_json_string (b, "source", t->source);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

void
nines_cli_recovery_print (NinesRecovery *rec)
{
  NinesDeployment *dep = nines_recovery_get_deployment (rec);
  const NinesAvailability *a = nines_recovery_get_availability (rec);
  const NinesStoreRpo *worst = nines_recovery_get_worst_store (rec);
  g_autofree char *rto = nines_format_duration (nines_recovery_get_rto_s (rec));
  g_autofree char *rpo = nines_format_duration (nines_recovery_get_rpo_s (rec));
  const char *recovery = nines_deployment_get_recovery_region (dep);

  printf (_("Pattern %s: %s fails, recovery in %s\n"),
          nines_dr_pattern_get_label (nines_deployment_get_pattern (dep)),
          nines_deployment_get_primary_region (dep) ? nines_deployment_get_primary_region (dep) : _("(none)"),
          recovery ? recovery : _("(none)"));
  printf (_("RTO %s (critical path, marked *); RPO %s%s%s%s\n"), rto, rpo,
          worst ? _(" (set by ") : "", worst ? worst->store_id : "", worst ? ")" : "");
  printf (_("Failover is %s\n"), nines_recovery_is_automated (rec)
          ? _("automated (Route 53 health checks and routing)") : _("manual (someone must decide)"));
  if (nines_recovery_uses_failed_region (rec))
    printf (_("WARNING: recovery calls the control plane of the failed region (Well-Architected "
              "REL11-BP04 / REL13: rely on the data plane during recovery)\n"));

  printf (_("\nTimeline\n"));
  for (guint i = 0; i < nines_recovery_get_n_steps (rec); i++)
    {
      const NinesRecoveryStep *s = nines_recovery_get_step (rec, i);
      g_autofree char *start = nines_format_duration (s->start_s);
      g_autofree char *dur = nines_format_duration (s->duration_s);
      g_autofree char *end = nines_format_duration (s->end_s);

      printf ("%s %-9s %8s +%-8s = %-8s %s\n", s->critical ? "*" : " ",
              nines_step_kind_to_string (s->kind), start, dur, end, s->label);
      if (s->control_plane != NULL)
        printf (_("            control plane: %s%s\n"), s->control_plane,
                s->uses_failed_region ? _(" (the FAILED region)") : "");
      printf (_("            source: %s\n"), s->source);
    }

  printf (_("\nData stores (RPO)\n"));
  for (guint i = 0; i < nines_recovery_get_n_stores (rec); i++)
    {
      const NinesStoreRpo *s = nines_recovery_get_store (rec, i);
      g_autofree char *r = nines_format_duration (s->rpo_s);

      printf ("  %-14s %-9s %-16s RPO %-9s ~%.2f GB at risk\n", s->store_id, s->kind, s->mechanism, r, s->lost_gb);
      printf (_("            source: %s\n"), s->source);
      if (s->note)
        printf (_("            note: %s\n"), s->note);
    }

  printf (_("\nAvailability %.5f %% = %.2f nines, %.0f min of downtime a year\n"),
          a->availability * 100.0, a->nines, a->downtime_min_per_year);
  printf (_("  one region %.5f %%, recovery covers %.0f %% of a regional outage\n"),
          a->region_availability * 100.0, a->covered_fraction * 100.0);
  for (guint i = 0; i < a->terms->len; i++)
    {
      const NinesSlaTerm *t = g_ptr_array_index (a->terms, i);
      printf ("  %-14s %8.3f %%  %s\n", t->component_id, t->sla * 100.0, t->source);
    }
  printf (_("  method: %s\n"), a->method);
}

int
nines_cli_recovery (int    argc,
                    char **argv)
{
  g_autoptr(NinesDocument) doc = NULL;
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesRecovery) rec = NULL;
  g_autofree char *format = NULL;   /* GOption replaces, never frees, a default */
  g_autofree char *pattern_name = NULL;
  NinesDrPattern pattern;
  GOptionEntry entries[] = {
    { "pattern", 'p', 0, G_OPTION_ARG_STRING, &pattern_name, N_("DR pattern (default: the document's)"), "PATTERN" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { NULL }
  };

  if (!nines_cli_parse ("recovery", "FILE",
                        _("Prints the recovery timeline for the loss of the primary region: every\n"
                          "step with its duration, dependencies and source; RTO (the critical path),\n"
                          "RPO per data store and the availability with its method."),
                        entries, &argc, &argv, 1))
    return NINES_CLI_USAGE;
  if (!nines_cli_pick_format (&format, nines_cli_text_json))
    return NINES_CLI_USAGE;
  if (!(doc = nines_cli_load (argv[2])))
    return NINES_CLI_BAD_INPUT;
  if (!nines_cli_parse_pattern (doc, pattern_name, &pattern))
    return NINES_CLI_USAGE;

  dep = nines_deployment_new (doc, pattern);
  rec = nines_recovery_new (dep);
  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      nines_cli_recovery_to_json (b, rec);
      root = json_builder_get_root (b);
      nines_cli_print_json (root);
    }
  else
    nines_cli_recovery_print (rec);
  return NINES_CLI_OK;
}
