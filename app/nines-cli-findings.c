/* nines-cli-findings.c: nines-cli findings, and the recovery/findings section of report */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "nines-cli.h"
#include "nines-cli-recovery-private.h"

static void
findings_to_json (JsonBuilder   *b,
                  NinesFindings *findings)
{
  json_builder_begin_array (b);
  for (guint i = 0; i < nines_findings_get_n_items (findings); i++)
    {
      const NinesFinding *f = nines_findings_get_item (findings, i);

      json_builder_begin_object (b);
      nines_cli_json_string (b, "rule", f->rule);
      nines_cli_json_string (b, "severity", nines_severity_to_string (f->severity));
      nines_cli_json_string (b, "component", f->component_id);
      nines_cli_json_string (b, "what", f->what);
      nines_cli_json_string (b, "why", f->why);
      nines_cli_json_string (b, "fix", f->fix);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_finding (const NinesFinding *f)
{
  printf ("\n[%s] %s%s%s%s\n", nines_severity_to_string (f->severity), f->rule,
          f->component_id ? " (" : "", f->component_id ? f->component_id : "",
          f->component_id ? ")" : "");
  printf (_("  what: %s\n  why:  %s\n  fix:  %s\n"), f->what, f->why, f->fix);
}

/* The seed's three questions first, then everything else by severity. */
static void
findings_print (NinesFindings *findings)
{
  printf (_("%u finding(s): %u critical, %u warning, %u info\n"),
          nines_findings_get_n_items (findings),
          nines_findings_count (findings, NINES_SEVERITY_CRITICAL),
          nines_findings_count (findings, NINES_SEVERITY_WARNING),
          nines_findings_count (findings, NINES_SEVERITY_INFO));
  printf (_("\nThe seed's three questions\n"));
  for (const char * const *q = (const char * const[]) { "seed-backups-two-regions", "seed-dr-pattern",
                                                        "seed-dr-test", NULL }; *q; q++)
    {
      const NinesFinding *f = nines_findings_lookup (findings, *q, NULL);
      if (f != NULL)
        print_finding (f);
    }
  printf (_("\nEverything else\n"));
  for (guint i = 0; i < nines_findings_get_n_items (findings); i++)
    {
      const NinesFinding *f = nines_findings_get_item (findings, i);
      if (!g_str_has_prefix (f->rule, "seed-"))
        print_finding (f);
    }
}

static gboolean
parse_today (const char *text,
             GDate      *date)
{
  unsigned y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      nines_cli_error (_("--today must be a date YYYY-MM-DD (is \"%s\")"), text ? text : "");
      return FALSE;
    }
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

int
nines_cli_findings (int    argc,
                    char **argv)
{
  g_autoptr(NinesDocument) doc = NULL;
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesRecovery) rec = NULL;
  g_autoptr(NinesFindings) findings = NULL;
  g_autofree char *format = NULL;   /* GOption replaces, never frees, a default */
  g_autofree char *pattern_name = NULL;
  g_autofree char *today_text = NULL;
  NinesDrPattern pattern;
  GDate today;
  GOptionEntry entries[] = {
    { "pattern", 'p', 0, G_OPTION_ARG_STRING, &pattern_name, N_("DR pattern (default: the document's)"), "PATTERN" },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, N_("Date to age the DR test against (default: today)"), "YYYY-MM-DD" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { NULL }
  };

  if (!nines_cli_parse ("findings", "FILE",
                        _("Checks the design and its DR pattern: answers the seed's three questions\n"
                          "(backups in two regions? which pattern? when last tested?) and lists every\n"
                          "risk with its severity, why it matters and how to fix it.\n"
                          "Exits 0 whatever it finds."),
                        entries, &argc, &argv, 1))
    return NINES_CLI_USAGE;
  if (!nines_cli_pick_format (&format, nines_cli_text_json))
    return NINES_CLI_USAGE;
  if (today_text != NULL && !parse_today (today_text, &today))
    return NINES_CLI_USAGE;
  if (!(doc = nines_cli_load (argv[2])))
    return NINES_CLI_BAD_INPUT;
  if (!nines_cli_parse_pattern (doc, pattern_name, &pattern))
    return NINES_CLI_USAGE;

  dep = nines_deployment_new (doc, pattern);
  rec = nines_recovery_new (dep);
  findings = nines_findings_new (rec, today_text ? &today : NULL);
  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      findings_to_json (b, findings);
      root = json_builder_get_root (b);
      nines_cli_print_json (root);
    }
  else
    findings_print (findings);
  return NINES_CLI_OK;
}

/* report: the recovery of the document's pattern and its findings. */
void
nines_cli_report_recovery (NinesDocument *doc,
                           const char    *format,
                           JsonNode      *design_json)
{
  g_autoptr(NinesDeployment) dep = NULL;
  g_autoptr(NinesRecovery) rec = NULL;
  g_autoptr(NinesFindings) findings = NULL;

  if (g_strcmp0 (format, "csv") == 0)
    return;
  dep = nines_deployment_new (doc, nines_document_get_dr_pattern (doc));
  rec = nines_recovery_new (dep);
  findings = nines_findings_new (rec, NULL);

  if (design_json != NULL)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      JsonObject *o = json_node_get_object (design_json);

      nines_cli_recovery_to_json (b, rec);
      json_object_set_member (o, "recovery", json_builder_get_root (b));
      json_builder_reset (b);
      findings_to_json (b, findings);
      json_object_set_member (o, "findings", json_builder_get_root (b));
      return;
    }
  printf (_("\nRecovery\n"));
  nines_cli_recovery_print (rec);
  printf (_("\nFindings\n"));
  findings_print (findings);
}
