/* nines-export.c: a deployment's exports written to files (nines-cli export and the app) */
#define G_LOG_DOMAIN "nines-report"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nines-export.h"

static gboolean
write_file (const char  *path,
            const char  *contents,
            GError     **error)
{
  /* g_file_set_contents() writes a temporary file and renames it over @path, so a failed
   * export never leaves half a file behind. */
  return g_file_set_contents (path, contents, -1, error);
}

gboolean
nines_export_cloudformation_region (NinesDeployment  *deployment,
                                    const char       *region,
                                    const char       *path,
                                    GError          **error)
{
  g_auto(GStrv) regions = NULL;
  g_autoptr(JsonNode) tmpl = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (deployment != NULL, FALSE);
  g_return_val_if_fail (region != NULL && path != NULL, FALSE);

  regions = nines_cfn_template_list_regions (deployment);
  if (!g_strv_contains ((const char * const *) regions, region))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NOT_FOUND,
                   _("The deployment has no template for region “%s”"), region);
      return FALSE;
    }
  if (!(tmpl = nines_cfn_template_build (deployment, region, error)))
    return FALSE;
  text = nines_cfn_template_to_string (tmpl);
  return write_file (path, text, error);
}

char **
nines_export_cloudformation_dir (NinesDeployment  *deployment,
                                 const char       *dir,
                                 GError          **error)
{
  g_auto(GStrv) regions = NULL;
  g_autoptr(GStrvBuilder) written = g_strv_builder_new ();

  g_return_val_if_fail (deployment != NULL, NULL);
  g_return_val_if_fail (dir != NULL, NULL);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create directory “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }
  regions = nines_cfn_template_list_regions (deployment);
  for (guint i = 0; regions[i] != NULL; i++)
    {
      g_autofree char *stack = nines_cfn_template_stack_name (deployment, regions[i]);
      g_autofree char *base = g_strdup_printf ("%s.json", stack);
      g_autofree char *path = g_build_filename (dir, base, NULL);

      if (!nines_export_cloudformation_region (deployment, regions[i], path, error))
        return NULL;
      g_strv_builder_add (written, path);
    }
  return g_strv_builder_end (written);
}

gboolean
nines_export_costs (NinesDeployment  *deployment,
                    NinesCostFormat   format,
                    GDateTime        *stamp,
                    const char       *path,
                    GError          **error)
{
  g_autoptr(NinesCostEstimate) est = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (deployment != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  est = nines_cost_model_estimate (deployment, NULL);
  switch (format)
    {
    case NINES_COST_FORMAT_CSV:
      text = nines_cost_export_csv (est);
      break;
    case NINES_COST_FORMAT_JSON:
      node = nines_cost_export_json (est);
      break;
    case NINES_COST_FORMAT_CALCULATOR:
      {
        g_autoptr(GDateTime) now = stamp ? g_date_time_ref (stamp) : g_date_time_new_now_utc ();
        g_autofree char *iso = g_date_time_format_iso8601 (now);

        node = nines_cost_export_calculator_json (est, NINES_COST_STEADY, iso);
      }
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if (node != NULL)
    text = nines_cost_export_to_string (node);
  return write_file (path, text, error);
}

gboolean
nines_export_runbook (NinesDeployment  *deployment,
                      const char       *path,
                      GError          **error)
{
  g_autoptr(NinesRecovery) recovery = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (deployment != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  recovery = nines_recovery_new (deployment);
  text = nines_runbook_to_markdown (recovery);
  return write_file (path, text, error);
}

gboolean
nines_export_report (NinesDocument   *document,
                     NinesDrPattern   pattern,
                     GDate           *date,
                     const char      *path,
                     GError         **error)
{
  g_autoptr(GDate) today = NULL;

  g_return_val_if_fail (NINES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                              g_date_time_get_year (now));
      date = today;
    }
  return nines_report_write_pdf (document, pattern, date, path, error);
}

NinesDiagramFormat
nines_export_diagram_format_for_path (const char *path)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, NINES_DIAGRAM_FORMAT_PNG);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".svg"))
    return NINES_DIAGRAM_FORMAT_SVG;
  if (g_str_has_suffix (lower, ".pdf"))
    return NINES_DIAGRAM_FORMAT_PDF;
  return NINES_DIAGRAM_FORMAT_PNG;
}
