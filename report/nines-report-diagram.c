/* nines-report-diagram.c: the deployment's diagram as a file, and inside the report */
#define G_LOG_DOMAIN "nines-report"

#include "config.h"

#include <stdlib.h>
#include <math.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "nines-report-private.h"

/* Like nines_diagram_export(), which the canvas's code provides. */
#define DIAGRAM_MARGIN 32.0

char *
_nines_report_pdf_date (GDate *fallback)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) dt = NULL;

  if (epoch != NULL && *epoch != '\0')
    dt = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  else if (fallback != NULL && g_date_valid (fallback))
    dt = g_date_time_new_utc (g_date_get_year (fallback), g_date_get_month (fallback),
                              g_date_get_day (fallback), 0, 0, 0);
  else
    return g_strdup ("");   /* cairo then writes no date at all */
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static void
draw_fitted (cairo_t       *cr,
             NinesGeometry *geometry,
             double         x,
             double         y,
             double         width,
             double         height)
{
  NinesDiagramStyle style;
  NinesRect bounds;
  double w, h, s;

  nines_diagram_style_init (&style, FALSE);
  nines_geometry_get_bounds (geometry, &bounds);
  w = bounds.width + 2 * DIAGRAM_MARGIN;
  h = bounds.height + 2 * DIAGRAM_MARGIN;
  s = MIN (width / w, height / h);
  /* Vector output: keep every label (the level of detail is for small screens). */
  style.scale = 1.0;
  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, s, s);
  cairo_rectangle (cr, 0, 0, w, h);
  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_fill (cr);
  cairo_translate (cr, DIAGRAM_MARGIN - bounds.x, DIAGRAM_MARGIN - bounds.y);
  nines_diagram_draw (cr, geometry, &style);
  cairo_restore (cr);
}

void
_nines_report_draw_diagram (cairo_t         *cr,
                            NinesDeployment *deployment,
                            double           x,
                            double           y,
                            double           width,
                            double           height)
{
  NinesGeometry *geometry = nines_geometry_new (nines_deployment_get_document (deployment),
                                                deployment);

  draw_fitted (cr, geometry, x, y, width, height);
  nines_geometry_unref (geometry);
}

gboolean
nines_report_export_diagram (NinesDeployment     *deployment,
                             NinesDiagramFormat   format,
                             double               scale,
                             const char          *path,
                             GError             **error)
{
  NinesGeometry *geometry;
  NinesDiagramStyle style;
  NinesRect bounds;
  cairo_surface_t *surface;
  cairo_status_t status;
  g_autofree char *date = NULL;
  double w, h;
  cairo_t *cr;

  g_return_val_if_fail (deployment != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  geometry = nines_geometry_new (nines_deployment_get_document (deployment), deployment);
  if (format != NINES_DIAGRAM_FORMAT_PDF)
    {
      gboolean ok;

      nines_diagram_style_init (&style, FALSE);
      ok = nines_diagram_export (geometry, &style, format, scale, path, error);
      nines_geometry_unref (geometry);
      return ok;
    }

  /* PDF here rather than through nines_diagram_export(): cairo stamps PDFs with the
   * current time unless told a creation date, and the same input must give the same
   * file. */
  nines_geometry_get_bounds (geometry, &bounds);
  w = bounds.width + 2 * DIAGRAM_MARGIN;
  h = bounds.height + 2 * DIAGRAM_MARGIN;
  surface = cairo_pdf_surface_create (path, w, h);
  date = _nines_report_pdf_date (NULL);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  nines_document_get_name (nines_deployment_get_document (deployment)));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Nines");
  cr = cairo_create (surface);
  draw_fitted (cr, geometry, 0, 0, w, h);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  nines_geometry_unref (geometry);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO,
                   _("Could not write the diagram to “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
