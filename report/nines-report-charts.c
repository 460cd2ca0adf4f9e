/* nines-report-charts.c: the report's charts: cost against RTO, cost bars, RTO timeline */
#define G_LOG_DOMAIN "nines-report"

#include "config.h"

#include <math.h>

#include "nines-report-private.h"

static const double ACCENT[3] = { 0.20, 0.40, 0.70 };
static const double WARM[3]   = { 0.85, 0.45, 0.15 };

/* A "nice" axis maximum: 1, 2 or 5 × 10^n at or above @v. */
static double
nice_max (double v)
{
  double p, f;

  if (v <= 0)
    return 1;
  p = pow (10, floor (log10 (v)));
  f = v / p;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

static void
axis_frame (cairo_t *cr,
            double   x,
            double   y,
            double   w,
            double   h)
{
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x, y + h);
  cairo_line_to (cr, x + w, y + h);
  cairo_stroke (cr);
}

void
_nines_report_chart_cost_rto (NinesReportLayout      *l,
                              const NinesReportPoint *points,
                              guint                   n_points)
{
  const double height = 220;
  const double x0 = NINES_REPORT_MARGIN + 60;
  const double w = _nines_report_content_width () - 80;
  const double h = height - 50;
  double max_rto = 0, max_usd = 0;
  double y0;

  _nines_report_ensure (l, height + 10);
  y0 = l->y + 10;
  for (guint i = 0; i < n_points; i++)
    {
      if (points[i].rto_s > max_rto)
        max_rto = points[i].rto_s;
      if (points[i].steady_usd > max_usd)
        max_usd = points[i].steady_usd;
    }
  max_rto = nice_max (max_rto / 60.0);   /* minutes */
  max_usd = nice_max (max_usd);

  axis_frame (l->cr, x0, y0, w, h);
  for (guint t = 0; t <= 4; t++)
    {
      g_autofree char *xl = g_strdup_printf ("%.0f min", max_rto * t / 4);
      g_autofree char *yl = _nines_report_money (max_usd * t / 4);

      cairo_set_source_rgb (l->cr, 0.90, 0.90, 0.90);
      cairo_rectangle (l->cr, x0 + 1, y0 + h - h * t / 4, w, 0.5);
      cairo_fill (l->cr);
      cairo_set_source_rgb (l->cr, 0.3, 0.3, 0.3);
      _nines_report_label (l->cr, xl, 7.5, FALSE, x0 + w * t / 4, y0 + h + 4, 0.5);
      _nines_report_label (l->cr, yl, 7.5, FALSE, x0 - 4, y0 + h - h * t / 4 - 5, 1);
    }
  cairo_set_source_rgb (l->cr, 0.2, 0.2, 0.2);
  _nines_report_label (l->cr, "Recovery time objective (RTO)", 8, TRUE, x0 + w / 2, y0 + h + 18,
                       0.5);
  _nines_report_label (l->cr, "Steady-state cost per month", 8, TRUE, x0 - 56, y0 - 14, 0);

  for (guint i = 0; i < n_points; i++)
    {
      double px = x0 + w * MIN (points[i].rto_s / 60.0 / max_rto, 1.0);
      double py = y0 + h - h * points[i].steady_usd / max_usd;
      const double *c = points[i].chosen ? WARM : ACCENT;

      cairo_set_source_rgb (l->cr, c[0], c[1], c[2]);
      cairo_arc (l->cr, px, py, points[i].chosen ? 6 : 4.5, 0, 2 * G_PI);
      cairo_fill (l->cr);
      cairo_set_source_rgb (l->cr, 0.1, 0.1, 0.1);
      _nines_report_label (l->cr, points[i].label, 8, points[i].chosen, px + 8, py - 5, 0);
    }
  l->y = y0 + height;
}

void
_nines_report_chart_bars (NinesReportLayout  *l,
                          const char * const *labels,
                          const double       *steady,
                          const double       *failover,
                          guint               n)
{
  const double bar = 9, gap = 8, label_w = 150;
  const double x0 = NINES_REPORT_MARGIN + label_w;
  const double w = _nines_report_content_width () - label_w - 70;
  double max = 0;
  double y;

  _nines_report_ensure (l, n * (2 * bar + gap) + 40);
  for (guint i = 0; i < n; i++)
    max = MAX (max, MAX (steady[i], failover[i]));
  max = nice_max (max);
  y = l->y + 4;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *s = _nines_report_money (steady[i]);
      g_autofree char *f = _nines_report_money (failover[i]);

      cairo_set_source_rgb (l->cr, 0.1, 0.1, 0.1);
      _nines_report_label (l->cr, labels[i], 8, FALSE, x0 - 6, y + bar / 2, 1);
      cairo_set_source_rgb (l->cr, ACCENT[0], ACCENT[1], ACCENT[2]);
      cairo_rectangle (l->cr, x0, y, MAX (0.5, w * steady[i] / max), bar);
      cairo_fill (l->cr);
      cairo_set_source_rgb (l->cr, WARM[0], WARM[1], WARM[2]);
      cairo_rectangle (l->cr, x0, y + bar, MAX (0.5, w * failover[i] / max), bar);
      cairo_fill (l->cr);
      cairo_set_source_rgb (l->cr, 0.2, 0.2, 0.2);
      _nines_report_label (l->cr, s, 7, FALSE, x0 + w * steady[i] / max + 4, y - 1, 0);
      _nines_report_label (l->cr, f, 7, FALSE, x0 + w * failover[i] / max + 4, y + bar - 1, 0);
      y += 2 * bar + gap;
    }
  /* legend */
  cairo_set_source_rgb (l->cr, ACCENT[0], ACCENT[1], ACCENT[2]);
  cairo_rectangle (l->cr, x0, y + 2, 10, 8);
  cairo_fill (l->cr);
  cairo_set_source_rgb (l->cr, 0.2, 0.2, 0.2);
  _nines_report_label (l->cr, "steady state", 8, FALSE, x0 + 14, y, 0);
  cairo_set_source_rgb (l->cr, WARM[0], WARM[1], WARM[2]);
  cairo_rectangle (l->cr, x0 + 100, y + 2, 10, 8);
  cairo_fill (l->cr);
  cairo_set_source_rgb (l->cr, 0.2, 0.2, 0.2);
  _nines_report_label (l->cr, "failed over", 8, FALSE, x0 + 114, y, 0);
  l->y = y + 24;
}

void
_nines_report_chart_timeline (NinesReportLayout *l,
                              NinesRecovery     *recovery)
{
  const double row = 16, label_w = 190;
  const double x0 = NINES_REPORT_MARGIN + label_w;
  const double w = _nines_report_content_width () - label_w - 10;
  guint n = nines_recovery_get_n_steps (recovery);
  double rto = nines_recovery_get_rto_s (recovery);
  double max_s = 0;
  double y;

  for (guint i = 0; i < n; i++)
    max_s = MAX (max_s, nines_recovery_get_step (recovery, i)->end_s);
  max_s = nice_max (MAX (max_s, 60) / 60.0) * 60.0;
  _nines_report_ensure (l, n * row + 50);
  y = l->y + 4;
  for (guint i = 0; i < n; i++)
    {
      const NinesRecoveryStep *s = nines_recovery_get_step (recovery, i);
      g_autofree char *d = nines_format_duration (s->duration_s);
      g_autofree char *label = g_strdup_printf ("%s (%s)", nines_step_kind_to_string (s->kind), d);
      double bx = x0 + w * s->start_s / max_s;
      double bw = MAX (1.5, w * s->duration_s / max_s);
      const double *c = s->critical ? WARM : ACCENT;

      cairo_set_source_rgb (l->cr, 0.1, 0.1, 0.1);
      _nines_report_label (l->cr, label, 7.5, s->critical, x0 - 6, y + 1, 1);
      cairo_set_source_rgb (l->cr, c[0], c[1], c[2]);
      cairo_rectangle (l->cr, bx, y + 2, bw, row - 6);
      cairo_fill (l->cr);
      y += row;
    }
  axis_frame (l->cr, x0, l->y, w, y - l->y);
  for (guint t = 0; t <= 4; t++)
    {
      g_autofree char *tl = nines_format_duration (max_s * t / 4);

      cairo_set_source_rgb (l->cr, 0.3, 0.3, 0.3);
      _nines_report_label (l->cr, tl, 7, FALSE, x0 + w * t / 4, y + 3, 0.5);
    }
  /* The RTO line */
  cairo_set_source_rgb (l->cr, 0.75, 0.1, 0.1);
  cairo_set_line_width (l->cr, 1);
  cairo_move_to (l->cr, x0 + w * MIN (rto, max_s) / max_s, l->y);
  cairo_line_to (l->cr, x0 + w * MIN (rto, max_s) / max_s, y);
  cairo_stroke (l->cr);
  {
    g_autofree char *d = nines_format_duration (rto);
    g_autofree char *t = g_strdup_printf ("RTO %s", d);

    _nines_report_label (l->cr, t, 7.5, TRUE, x0 + w * MIN (rto, max_s) / max_s + 3, l->y - 10, 0);
  }
  l->y = y + 22;
}
