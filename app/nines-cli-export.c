/* nines-cli-export.c: nines-cli export cloudformation|runbook … FILE -o PATH */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "nines-cli.h"
#include "nines-export.h"

typedef struct
{
  const char      *date;
  NinesDocument   *document;
  NinesDeployment *deployment;
  const char      *output;
  const char      *format;
  const char      *region;
} ExportJob;

typedef gboolean (*ExportFunc) (ExportJob *job, GError **error);

static gboolean
export_cloudformation (ExportJob  *job,
                       GError    **error)
{
  g_auto(GStrv) written = NULL;

  if (job->region != NULL)
    return nines_export_cloudformation_region (job->deployment, job->region, job->output, error);
  /* All regions: -o names a directory that receives one STACK-NAME.json per region. */
  if (!(written = nines_export_cloudformation_dir (job->deployment, job->output, error)))
    return FALSE;
  for (guint i = 0; written[i] != NULL; i++)
    printf ("%s\n", written[i]);
  return TRUE;
}

static gboolean
export_runbook (ExportJob  *job,
                GError    **error)
{
  return nines_export_runbook (job->deployment, job->output, error);
}

static gboolean
export_costs (ExportJob  *job,
              GError    **error)
{
  NinesCostFormat format = NINES_COST_FORMAT_JSON;

  if (g_str_equal (job->format, "csv"))
    format = NINES_COST_FORMAT_CSV;
  else if (g_str_equal (job->format, "calculator"))
    format = NINES_COST_FORMAT_CALCULATOR;
  return nines_export_costs (job->deployment, format, NULL, job->output, error);
}

static gboolean
export_diagram (ExportJob  *job,
                GError    **error)
{
  NinesDiagramFormat format = NINES_DIAGRAM_FORMAT_PNG;

  if (g_str_equal (job->format, "svg"))
    format = NINES_DIAGRAM_FORMAT_SVG;
  else if (g_str_equal (job->format, "pdf"))
    format = NINES_DIAGRAM_FORMAT_PDF;
  /* 2 pixels per plan unit: sharp on high-density screens and in slides. */
  return nines_report_export_diagram (job->deployment, format, 2.0, job->output, error);
}

static gboolean
export_report (ExportJob  *job,
               GError    **error)
{
  g_autoptr(GDate) date = NULL;

  if (job->date != NULL)
    {
      date = g_date_new ();
      g_date_set_parse (date, job->date);
      if (!g_date_valid (date) || strlen (job->date) != 10)
        {
          g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                       _("--date must be YYYY-MM-DD (is “%s”)"), job->date);
          return FALSE;
        }
    }
  return nines_export_report (job->document, nines_deployment_get_pattern (job->deployment),
                              date, job->output, error);
}

typedef struct
{
  const char         *what;
  const char * const *formats;   /* the first is the default */
  ExportFunc          func;
} ExportKind;

static const char * const json_only[] = { "json", NULL };
static const char * const markdown_only[] = { "markdown", NULL };
static const char * const cost_formats[] = { "csv", "json", "calculator", NULL };
static const char * const diagram_formats[] = { "png", "svg", "pdf", NULL };
static const char * const pdf_only[] = { "pdf", NULL };

static const ExportKind kinds[] = {
  { "cloudformation", json_only, export_cloudformation },
  { "runbook", markdown_only, export_runbook },
  { "costs", cost_formats, export_costs },
  { "diagram", diagram_formats, export_diagram },
  { "report", pdf_only, export_report },
};

int
nines_cli_export (int    argc,
                  char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *pattern_str = NULL;
  g_autofree char *format = NULL;
  g_autofree char *region = NULL;
  g_autofree char *date = NULL;
  g_autoptr(NinesDocument) doc = NULL;
  g_autoptr(NinesDeployment) deployment = NULL;
  g_autoptr(GError) error = NULL;
  const ExportKind *kind = NULL;
  NinesDrPattern pattern;
  ExportJob job = { 0, };
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write (a directory for all CloudFormation regions)"), N_("PATH") },
    { "pattern", 'p', 0, G_OPTION_ARG_STRING, &pattern_str, N_("DR pattern (default: the document's)"), N_("PATTERN") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format (depends on WHAT)"), N_("FORMAT") },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region, N_("CloudFormation: only this region's template, to the file PATH"), N_("REGION") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("Report: its date (default today)"), N_("YYYY-MM-DD") },
    { NULL }
  };

  if (!nines_cli_parse ("export", "WHAT FILE",
                        _("Exports a design for the DR pattern. WHAT is one of:\n"
                          "  cloudformation   one template per region (JSON)\n"
                          "  runbook          failover and failback steps (Markdown)\n"
                          "  costs            line items: --format csv (default), json, or calculator\n"
                          "                   (shaped like an AWS Pricing Calculator estimate)\n"
                          "  diagram          the drawing: --format png (default), svg or pdf;\n"
                          "                   the format follows PATH's extension when not given\n"
                          "  report           the management report (PDF); --date YYYY-MM-DD"),
                        entries, &argc, &argv, 2))
    return NINES_CLI_USAGE;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (argv[2], kinds[i].what))
      kind = &kinds[i];
  if (kind == NULL)
    {
      nines_cli_error (_("unknown export “%s”"), argv[2]);
      return NINES_CLI_USAGE;
    }
  if (output == NULL)
    {
      nines_cli_error (_("export needs -o PATH"));
      return NINES_CLI_USAGE;
    }
  if (format == NULL)
    {
      /* A diagram's format follows the file name: -o design.svg */
      for (guint i = 0; kind->formats[i] != NULL && format == NULL; i++)
        {
          g_autofree char *ext = g_strdup_printf (".%s", kind->formats[i]);

          if (g_str_has_suffix (output, ext) && g_str_equal (kind->what, "diagram"))
            format = g_strdup (kind->formats[i]);
        }
      if (format == NULL)
        format = g_strdup (kind->formats[0]);
    }
  if (!nines_cli_check_format (format, kind->formats))
    return NINES_CLI_USAGE;
  if (!(doc = nines_cli_load (argv[3])))
    return NINES_CLI_BAD_INPUT;

  pattern = nines_document_get_dr_pattern (doc);
  if (pattern_str != NULL && !nines_dr_pattern_from_string (pattern_str, &pattern))
    {
      nines_cli_error (_("unknown pattern “%s” (backup-restore, pilot-light, warm-standby, multi-site, none)"),
                       pattern_str);
      return NINES_CLI_USAGE;
    }
  deployment = nines_deployment_new (doc, pattern);

  job.document = doc;
  job.deployment = deployment;
  job.output = output;
  job.format = format;
  job.region = region;
  job.date = date;
  if (!kind->func (&job, &error))
    {
      nines_cli_error ("%s", error->message);
      return NINES_CLI_BAD_INPUT;
    }
  return NINES_CLI_OK;
}
