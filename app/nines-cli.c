/* nines-cli.c: the headless Nines; links the model and AWS libraries only */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "nines-cli.h"

static const NinesCliCommand commands[] = {
  { "validate", "FILE", N_("Check a design and list every problem in it"), nines_cli_validate },
  { "report", "FILE", N_("Print a design: regions, components, links, cost and recovery"), nines_cli_report },
  { "aws", "whoami [--profile P]", N_("Ask AWS who the configured credentials belong to"), nines_cli_aws },
  { "export", "WHAT FILE -o PATH", N_("Export CloudFormation, diagram, costs, report or runbook"), nines_cli_export },
  { "provision", "plan|apply|status|destroy|policy FILE", N_("Create the deployment in AWS with CloudFormation: plan, apply, status, destroy"), nines_cli_provision },
  { "pricing", "import|show …", N_("Import AWS price files into a snapshot; list the snapshot's prices"), nines_cli_pricing },
  { "compare", "FILE", N_("The DR patterns side by side: cost, RTO, RPO, nines"), nines_cli_compare },
  { "recovery", "FILE", N_("Recovery timeline with sources: RTO, RPO per store, availability"), nines_cli_recovery },
  { "simulate", "FILE", N_("Replay the loss of a region or AZ minute by minute"), nines_cli_simulate },
  { "findings", "FILE", N_("Risks and the seed's three questions, with why and how to fix"), nines_cli_findings },
};

static void
print_usage (FILE *out)
{
  fprintf (out, _("Usage: nines-cli COMMAND [OPTION…] [ARG…]\n\n"
                  "Plans disaster recovery on AWS: what each pattern costs and how fast it recovers.\n\n"
                  "Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *head = g_strdup_printf ("%s %s", commands[i].name, commands[i].args);
      /* Pad by characters, not bytes: "…" is three bytes. */
      int pad = 28 - (int) g_utf8_strlen (head, -1);

      fprintf (out, "  %s%*s %s\n", head, MAX (pad, 0), "", _(commands[i].summary));
    }
  fprintf (out, _("\nRun 'nines-cli COMMAND --help' for a command's options.\n"
                  "Exit status: 0 done, 1 bad input (the message names the file and field),\n"
                  "2 wrong usage.\n"));
}

void
nines_cli_error (const char *format,
                 ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  fprintf (stderr, "nines-cli: %s\n", msg);
}

gboolean
nines_cli_parse (const char    *command,
                 const char    *args,
                 const char    *summary,
                 GOptionEntry  *entries,
                 int           *argc,
                 char        ***argv,
                 int            n_positional)
{
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("nines-cli %s", command);

  /* "Usage: nines-cli report [OPTION…] FILE" */
  g_set_prgname (prgname);
  ctx = g_option_context_new (args);
  g_option_context_set_summary (ctx, summary);
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      nines_cli_error (_("%s (see 'nines-cli %s --help')"), error->message, command);
      return FALSE;
    }
  /* (*argv)[0] is the program, (*argv)[1] the command */
  if (n_positional >= 0 && *argc - 2 != n_positional)
    {
      g_autofree char *help = g_option_context_get_help (ctx, TRUE, NULL);
      nines_cli_error (_("%s takes %d argument(s), got %d"), command, n_positional, *argc - 2);
      fprintf (stderr, "%s", help);
      return FALSE;
    }
  return TRUE;
}

NinesDocument *
nines_cli_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  NinesDocument *doc = nines_document_load_from_file (path, &error);

  if (doc == NULL)
    fprintf (stderr, "%s\n", error->message);
  return doc;
}

gboolean
nines_cli_check_format (const char         *format,
                        const char * const *allowed)
{
  g_autofree char *list = NULL;

  if (g_strv_contains (allowed, format))
    return TRUE;
  list = g_strjoinv ("|", (char **) allowed);
  nines_cli_error (_("--format must be %s (is \"%s\")"), list, format);
  return FALSE;
}

const char * const nines_cli_text_json[] = { "text", "json", NULL };

gboolean
nines_cli_pick_format (char               **format,
                       const char * const  *allowed)
{
  if (*format == NULL)
    *format = g_strdup (allowed[0]);
  return nines_cli_check_format (*format, allowed);
}

void
nines_cli_json_string (JsonBuilder *b,
                       const char  *member,
                       const char  *value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_string_value (b, value);
}

void
nines_cli_json_bool (JsonBuilder *b,
                     const char  *member,
                     gboolean     value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_boolean_value (b, value);
}

void
nines_cli_json_number (JsonBuilder *b,
                       const char  *member,
                       double       value)
{
  json_builder_set_member_name (b, member);
  if (value < 0 || !isfinite (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

void
nines_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

int
main (int   argc,
      char *argv[])
{
  nines_cli_exec_wrapper (argv);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return NINES_CLI_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return NINES_CLI_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("nines-cli %s\n", PACKAGE_VERSION);
      return NINES_CLI_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc, argv);

  nines_cli_error (_("unknown command \"%s\""), argv[1]);
  print_usage (stderr);
  return NINES_CLI_USAGE;
}
