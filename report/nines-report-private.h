/* nines-report-private.h: page layout and charts shared by the report's files */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "nines-report.h"

G_BEGIN_DECLS

/* A4 in points */
#define NINES_REPORT_PAGE_W 595.0
#define NINES_REPORT_PAGE_H 842.0
#define NINES_REPORT_MARGIN 48.0
#define NINES_REPORT_FONT   "Sans"

typedef struct
{
  cairo_t    *cr;
  double      y;            /* the cursor, from the top of the page */
  guint       page;
  char       *footer;
} NinesReportLayout;

typedef struct
{
  const char *title;
  double      width;        /* points */
  gboolean    right;        /* right-aligned (numbers) */
} NinesReportColumn;

/* nines-report-layout.c */
double  _nines_report_content_width (void);
double  _nines_report_bottom        (void);
void    _nines_report_finish_page   (NinesReportLayout       *l);
void    _nines_report_new_page      (NinesReportLayout       *l);
/* Starts a new page unless @height fits below the cursor. */
void    _nines_report_ensure        (NinesReportLayout       *l,
                                     double                   height);
/* Wrapped text at the cursor (@size points, bold or not); moves the cursor below it. */
void    _nines_report_text          (NinesReportLayout       *l,
                                     const char              *text,
                                     double                   size,
                                     gboolean                 bold,
                                     double                   gray);
void    _nines_report_heading       (NinesReportLayout       *l,
                                     const char              *text);
/* A table: @rows is a GPtrArray of GStrv, one string per column; @highlight is a row
 * index to shade, or -1. Breaks pages between rows and repeats the header. */
void    _nines_report_table         (NinesReportLayout       *l,
                                     const NinesReportColumn *columns,
                                     guint                    n_columns,
                                     GPtrArray               *rows,
                                     int                      highlight);
/* Text drawn at a point, not moving the cursor; returns its width. @align: 0 left,
 * 0.5 centred, 1 right of @x. */
double  _nines_report_label         (cairo_t                 *cr,
                                     const char              *text,
                                     double                   size,
                                     gboolean                 bold,
                                     double                   x,
                                     double                   y,
                                     double                   align);
/* "$12,345.67" */
char   *_nines_report_money         (double                   usd);

/* nines-report-charts.c */
typedef struct
{
  const char *label;
  double      rto_s;
  double      steady_usd;
  gboolean    chosen;
} NinesReportPoint;

void    _nines_report_chart_cost_rto  (NinesReportLayout      *l,
                                       const NinesReportPoint *points,
                                       guint                   n_points);
/* Horizontal bars, two series (steady, failed over) per label. */
void    _nines_report_chart_bars      (NinesReportLayout      *l,
                                       const char * const     *labels,
                                       const double           *steady,
                                       const double           *failover,
                                       guint                   n);
void    _nines_report_chart_timeline  (NinesReportLayout      *l,
                                       NinesRecovery          *recovery);

/* nines-report-diagram.c: draws the deployment's diagram into @width × @height at the
 * cursor's (x, y), scaled to fit. */
void    _nines_report_draw_diagram    (cairo_t                *cr,
                                       NinesDeployment        *deployment,
                                       double                  x,
                                       double                  y,
                                       double                  width,
                                       double                  height);
/* The PDF creation date: SOURCE_DATE_EPOCH when set, else @fallback, else "" (no date). */
char   *_nines_report_pdf_date        (GDate                  *fallback);

G_END_DECLS
