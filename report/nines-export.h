/* nines-export.h: writing a deployment's exports to files, shared by nines-cli and the app.
 *
 * One entry point per kind of export so the command line and the window's Export menu
 * produce byte-identical files from the same functions (the diagram and the report are in
 * nines-report.h). Every function is safe to call from a worker thread as long as the
 * deployment is not shared with another thread. */
#pragma once

#include <nines-report.h>

G_BEGIN_DECLS

typedef enum
{
  NINES_COST_FORMAT_CSV,
  NINES_COST_FORMAT_JSON,
  NINES_COST_FORMAT_CALCULATOR,   /* shaped like an AWS Pricing Calculator estimate */
} NinesCostFormat;

/* Writes one template per region of @deployment as DIR/STACK-NAME.json (creating @dir).
 * Returns the paths written, or NULL with @error set. */
char     **nines_export_cloudformation_dir    (NinesDeployment  *deployment,
                                               const char       *dir,
                                               GError          **error);
/* Only @region's template, to the file @path. */
gboolean   nines_export_cloudformation_region (NinesDeployment  *deployment,
                                               const char       *region,
                                               const char       *path,
                                               GError          **error);
/* @stamp: the calculator estimate's creation time (NULL: now). */
gboolean   nines_export_costs                 (NinesDeployment  *deployment,
                                               NinesCostFormat   format,
                                               GDateTime        *stamp,
                                               const char       *path,
                                               GError          **error);
gboolean   nines_export_runbook               (NinesDeployment  *deployment,
                                               const char       *path,
                                               GError          **error);
/* @date NULL: today (UTC). */
gboolean   nines_export_report                (NinesDocument    *document,
                                               NinesDrPattern    pattern,
                                               GDate            *date,
                                               const char       *path,
                                               GError          **error);

/* "png", "svg", "pdf" from @path's extension (case-insensitive); PNG when none matches. */
NinesDiagramFormat nines_export_diagram_format_for_path (const char *path);

G_END_DECLS
