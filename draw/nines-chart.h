/* nines-chart.h: the charts of the app and of reports, drawn with cairo (no GTK): the RTO
 * timeline, cost against RTO for the patterns, and an outage simulation's serving share. */
#pragma once

#include <cairo.h>
#include <pango/pango.h>
#include <nines-model.h>

G_BEGIN_DECLS

#define NINES_CHART_ROW_HEIGHT 24.0

/* Draw @cr's texts with @context's font options and language: in a widget, the Pango
 * context gtk_widget_create_pango_context() gives, so that charts render text like the
 * widgets around them and share their fonts. Without it, a context made from @cr. */
void   nines_chart_use_pango_context (cairo_t      *cr,
                                      PangoContext *context);

/* Height the timeline of @recovery needs (one row per step plus the axis). */
double nines_chart_timeline_height  (NinesRecovery *recovery);
/* Gantt chart of the recovery steps (critical path highlighted, durations written).
 * @now_s >= 0 draws the playback cursor and fades the steps not yet started. */
void   nines_chart_draw_timeline    (cairo_t       *cr,
                                     NinesRecovery *recovery,
                                     double         width,
                                     gboolean       dark,
                                     double         now_s);
/* The label of step @i for people: the model's label, which names the items it acts on by
 * their ids (stable for the CLI and runbooks), with those ids replaced by the components'
 * display names. (transfer full) */
char  *nines_chart_dup_step_label   (NinesRecovery *recovery,
                                     guint          i);
/* The display name of the drawn data store @store_id (the id itself when unknown). */
const char *nines_chart_store_name  (NinesRecovery *recovery,
                                     const char    *store_id);
/* The step whose row is at @y, or -1. */
int    nines_chart_timeline_step_at (NinesRecovery *recovery,
                                     double         y);

typedef struct
{
  const char *label;
  double      rto_s;
  double      usd;        /* monthly, steady */
  gboolean    current;    /* the design's pattern */
  gboolean    complete;   /* every price found */
} NinesChartPoint;

/* Steady monthly cost (y) against RTO (x, logarithmic). */
void   nines_chart_draw_compare     (cairo_t               *cr,
                                     const NinesChartPoint *points,
                                     guint                  n_points,
                                     double                 width,
                                     double                 height,
                                     gboolean               dark);
/* Where nines_chart_draw_compare() writes each point's label, the point being at
 * (@px[i], @py[i]): beside it where there is room, else above, below or further out, so
 * that no label covers another label or any point, and all stay in @area when they can.
 * @boxes gets one rectangle per point. */
void   nines_chart_place_labels     (cairo_t               *cr,
                                     const NinesChartPoint *points,
                                     guint                  n_points,
                                     const double          *px,
                                     const double          *py,
                                     const NinesRect       *area,
                                     NinesRect             *boxes);
/* Share of capacity serving, minute by minute, up to @upto_minute. */
void   nines_chart_draw_simulation  (cairo_t         *cr,
                                     NinesSimulation *simulation,
                                     guint            upto_minute,
                                     double           width,
                                     double           height,
                                     gboolean         dark);

G_END_DECLS
