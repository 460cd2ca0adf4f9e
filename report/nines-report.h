/* nines-report.h: files for people who will not open Nines.
 *
 * The diagram of a deployment as PNG, SVG or PDF (drawn by draw/, the canvas's code), and
 * the management report: a PDF with the title and date, the diagram, the four patterns
 * compared (table and cost-vs-RTO chart), the chosen pattern's cost by region and service,
 * steady against failed over, the recovery timeline, RPO per data store, availability,
 * findings and the source and date of the prices. Output is deterministic for the same
 * input; PDF creation dates come from SOURCE_DATE_EPOCH when it is set (the
 * reproducible-builds convention), else from the report's @date; a diagram PDF has none. */
#pragma once

#include <nines-diagram.h>

G_BEGIN_DECLS

/* @scale: pixels per plan unit for PNG (ignored for SVG and PDF). */
gboolean nines_report_export_diagram (NinesDeployment     *deployment,
                                      NinesDiagramFormat   format,
                                      double               scale,
                                      const char          *path,
                                      GError             **error);

/* @date: the report's date (also the day DR-test ages are counted to). */
gboolean nines_report_write_pdf      (NinesDocument       *document,
                                      NinesDrPattern       pattern,
                                      GDate               *date,
                                      const char          *path,
                                      GError             **error);

G_END_DECLS
