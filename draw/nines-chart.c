/* nines-chart.c: charts drawn with cairo (see nines-chart.h) */
#define G_LOG_DOMAIN "nines-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "nines-chart.h"

#define LABEL_SHARE 0.36
#define AXIS_HEIGHT 26.0

static void
fg (cairo_t  *cr,
    gboolean  dark,
    double    alpha)
{
  if (dark)
    cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  else
    cairo_set_source_rgba (cr, 0, 0, 0.05, alpha);
}

static const cairo_user_data_key_t context_key;

void
nines_chart_use_pango_context (cairo_t      *cr,
                               PangoContext *context)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  cairo_set_user_data (cr, &context_key, g_object_ref (context), g_object_unref);
}

/* A layout on the Pango context kept with @cr (its user data): the one given by
 * nines_chart_use_pango_context(), else what pango_cairo_create_layout() gives, without a
 * new context (and font lookups) per text. */
static PangoLayout *
create_layout (cairo_t *cr)
{
  PangoContext *context = cairo_get_user_data (cr, &context_key);

  if (context == NULL)
    {
      context = pango_cairo_create_context (cr);
      cairo_set_user_data (cr, &context_key, context, g_object_unref);
    }
  else
    pango_cairo_update_context (cr, context);
  return pango_layout_new (context);
}

/* Draws @text with its left (or right, @align_right) edge at @x, vertically centred on @y. */
static double
text (cairo_t    *cr,
      const char *str,
      const char *font,
      double      x,
      double      y,
      double      max_width,
      gboolean    align_right)
{
  g_autoptr(PangoLayout) layout = create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, str, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, align_right ? x - w : x, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  return w;
}

double
nines_chart_timeline_height (NinesRecovery *recovery)
{
  g_return_val_if_fail (recovery != NULL, 0);
  return nines_recovery_get_n_steps (recovery) * NINES_CHART_ROW_HEIGHT + AXIS_HEIGHT + 8;
}

int
nines_chart_timeline_step_at (NinesRecovery *recovery,
                              double         y)
{
  int i;

  g_return_val_if_fail (recovery != NULL, -1);
  if (y < 4)
    return -1;
  i = (int) ((y - 4) / NINES_CHART_ROW_HEIGHT);
  return i < (int) nines_recovery_get_n_steps (recovery) ? i : -1;
}

static gboolean
is_id_char (char c)
{
  /* Component ids are letters, digits, '-', '_' and '.'; deployed items add "@region". */
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.' || c == '@';
}

/* Whether @id stands at @at of @str as a whole token (a sentence may end right after it). */
static gboolean
token_at (const char *str,
          gsize       at,
          const char *id)
{
  gsize n = strlen (id);
  const char *after = str + at + n;

  if (n == 0 || strncmp (str + at, id, n) != 0 || (at > 0 && is_id_char (str[at - 1])))
    return FALSE;
  return !is_id_char (after[0]) || (after[0] == '.' && !is_id_char (after[1]));
}

/* @str with each whole-token occurrence of ids[k] replaced by names[k], in one pass (so a
 * name that contains an id is left alone); the first id that matches at a place wins. */
static char *
replace_tokens (const char         *str,
                const char * const *ids,
                const char * const *names,
                guint               n)
{
  GString *out = g_string_new (NULL);
  gsize len = strlen (str);

  for (gsize at = 0; at < len;)
    {
      guint k;

      for (k = 0; k < n; k++)
        if (ids[k] != NULL && token_at (str, at, ids[k]))
          break;
      if (k < n)
        {
          g_string_append (out, names[k]);
          at += strlen (ids[k]);
        }
      else
        g_string_append_c (out, str[at++]);
    }
  return g_string_free (out, FALSE);
}

static const char *
item_name (const NinesDeployedItem *item)
{
  NinesComponent *c = item->failover ? item->failover : item->steady;

  return c ? nines_component_get_display_name (c) : item->id;
}

char *
nines_chart_dup_step_label (NinesRecovery *recovery,
                            guint          i)
{
  const NinesRecoveryStep *s;
  NinesDeployment *dep;
  const NinesDeployedItem *item;
  NinesComponent *source;
  const char *ids[2], *names[2];

  g_return_val_if_fail (recovery != NULL, NULL);
  g_return_val_if_fail (i < nines_recovery_get_n_steps (recovery), NULL);

  s = nines_recovery_get_step (recovery, i);
  dep = nines_recovery_get_deployment (recovery);
  item = s->item_id ? nines_deployment_lookup_item (dep, s->item_id) : NULL;
  if (item == NULL)
    return g_strdup (s->label);

  /* The deployed id ("db@us-west-2") and the drawn one it comes from ("db"). */
  source = nines_document_lookup_component (nines_deployment_get_document (dep), item->source_id);
  ids[0] = item->id;
  names[0] = item_name (item);
  ids[1] = item->source_id;
  names[1] = source ? nines_component_get_display_name (source) : item_name (item);
  return replace_tokens (s->label, ids, names, G_N_ELEMENTS (ids));
}

const char *
nines_chart_store_name (NinesRecovery *recovery,
                        const char    *store_id)
{
  NinesComponent *c;

  g_return_val_if_fail (recovery != NULL, NULL);
  g_return_val_if_fail (store_id != NULL, NULL);

  c = nines_document_lookup_component (nines_deployment_get_document (nines_recovery_get_deployment (recovery)),
                                       store_id);
  return c ? nines_component_get_display_name (c) : store_id;
}

/* A round tick step (in seconds) giving about @n ticks over @span. */
static double
tick_step (double span,
           int    n)
{
  static const double steps[] = { 1, 5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200,
                                  4 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (span / steps[i] <= n)
      return steps[i];
  return steps[G_N_ELEMENTS (steps) - 1];
}

void
nines_chart_draw_timeline (cairo_t       *cr,
                           NinesRecovery *recovery,
                           double         width,
                           gboolean       dark,
                           double         now_s)
{
  guint n;
  double end = 0, x0, plot_w, step, axis_y;

  g_return_if_fail (cr != NULL && recovery != NULL);

  n = nines_recovery_get_n_steps (recovery);
  for (guint i = 0; i < n; i++)
    end = MAX (end, nines_recovery_get_step (recovery, i)->end_s);
  if (end <= 0)
    end = 1;
  x0 = width * LABEL_SHARE;
  plot_w = MAX (width - x0 - 90, 40);
  axis_y = 4 + n * NINES_CHART_ROW_HEIGHT;

  for (guint i = 0; i < n; i++)
    {
      const NinesRecoveryStep *s = nines_recovery_get_step (recovery, i);
      double y = 4 + i * NINES_CHART_ROW_HEIGHT;
      double bx = x0 + s->start_s / end * plot_w;
      double bw = MAX ((s->end_s - s->start_s) / end * plot_w, 2);
      gboolean pending = now_s >= 0 && now_s < s->start_s;
      g_autofree char *dur = nines_format_duration (s->duration_s);
      g_autofree char *label = nines_chart_dup_step_label (recovery, i);

      if (i % 2 == 0)
        {
          fg (cr, dark, 0.03);
          cairo_rectangle (cr, 0, y, width, NINES_CHART_ROW_HEIGHT);
          cairo_fill (cr);
        }
      fg (cr, dark, pending ? 0.35 : 0.85);
      text (cr, label, s->critical ? "Sans Bold 9" : "Sans 9", 6, y + NINES_CHART_ROW_HEIGHT / 2, x0 - 12, FALSE);

      cairo_rectangle (cr, bx, y + 5, bw, NINES_CHART_ROW_HEIGHT - 10);
      if (s->uses_failed_region)
        cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, pending ? 0.3 : 0.9);    /* red: depends on the failed region */
      else if (s->critical)
        cairo_set_source_rgba (cr, 0.90, 0.38, 0.0, pending ? 0.3 : 0.95);    /* orange: critical path */
      else
        cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, pending ? 0.25 : 0.7);   /* blue */
      cairo_fill (cr);
      if (now_s >= 0 && now_s > s->start_s && now_s < s->end_s)
        {
          /* The part done so far. */
          cairo_rectangle (cr, bx, y + 5, (now_s - s->start_s) / end * plot_w, NINES_CHART_ROW_HEIGHT - 10);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.35);
          cairo_fill (cr);
        }
      fg (cr, dark, pending ? 0.35 : 0.7);
      text (cr, dur, "Sans 9", bx + bw + 6, y + NINES_CHART_ROW_HEIGHT / 2, 84, FALSE);
    }

  /* Axis with round ticks. */
  fg (cr, dark, 0.4);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x0, axis_y + 0.5);
  cairo_line_to (cr, x0 + plot_w, axis_y + 0.5);
  cairo_stroke (cr);
  step = tick_step (end, 6);
  for (double t = 0; t <= end + 1e-6; t += step)
    {
      double x = x0 + t / end * plot_w;
      g_autofree char *label = nines_format_duration (t);

      cairo_move_to (cr, floor (x) + 0.5, axis_y);
      cairo_line_to (cr, floor (x) + 0.5, axis_y + 4);
      cairo_stroke (cr);
      text (cr, t == 0 ? _("failure") : label, "Sans 9", x - 4, axis_y + 14, 0, FALSE);
    }

  if (now_s >= 0)
    {
      double x = x0 + MIN (now_s, end) / end * plot_w;
      cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 0.9);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x, 0);
      cairo_line_to (cr, x, axis_y);
      cairo_stroke (cr);
    }
}

static PangoLayout *
label_layout (cairo_t               *cr,
              const NinesChartPoint *point)
{
  PangoLayout *layout = create_layout (cr);
  const char *font = point->current ? "Sans Bold 10" : "Sans 9";
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, point->label, -1);
  return layout;
}

/* Overlap of @r with what is already placed (labels and every point's dot), plus what of
 * it lies outside @area; 0 = a free spot. */
static double
label_cost (const NinesRect *r,
            const NinesRect *placed,
            guint            n_placed,
            const double    *px,
            const double    *py,
            guint            n_points,
            const NinesRect *area)
{
  double cost = 0;
  double inside_w = MIN (r->x + r->width, area->x + area->width) - MAX (r->x, area->x);
  double inside_h = MIN (r->y + r->height, area->y + area->height) - MAX (r->y, area->y);

  cost += r->width * r->height - MAX (0, inside_w) * MAX (0, inside_h);
  for (guint j = 0; j < n_placed; j++)
    {
      const NinesRect *p = &placed[j];
      double ow = MIN (r->x + r->width, p->x + p->width + 2) - MAX (r->x, p->x - 2);
      double oh = MIN (r->y + r->height, p->y + p->height + 2) - MAX (r->y, p->y - 2);

      if (ow > 0 && oh > 0)
        cost += ow * oh;
    }
  for (guint j = 0; j < n_points; j++)
    {
      NinesRect dot = { px[j] - 8, py[j] - 8, 16, 16 };

      if (nines_rect_intersects (r, &dot))
        cost += 256;
    }
  return cost;
}

/* nines_chart_place_labels(), giving the caller the labels' layouts (@layouts, nullable:
 * one per point, owned by the caller) so that drawing them does not shape them again. */
static void
place_labels (cairo_t               *cr,
              const NinesChartPoint *points,
              guint                  n_points,
              const double          *px,
              const double          *py,
              const NinesRect       *area,
              NinesRect             *boxes,
              PangoLayout          **layouts)
{
  g_autofree guint *order = g_new (guint, n_points);
  g_autofree NinesRect *placed = g_new (NinesRect, n_points);
  guint n = 0;

  /* The current pattern first (it gets the best spot), then left to right. */
  for (guint i = 0; i < n_points; i++)
    order[i] = i;
  for (guint i = 1; i < n_points; i++)
    for (guint j = i; j > 0; j--)
      {
        const NinesChartPoint *a = &points[order[j - 1]], *b = &points[order[j]];
        gboolean swap = b->current && !a->current;

        if (!swap && a->current == b->current)
          swap = px[order[j]] < px[order[j - 1]];
        if (!swap)
          break;
        { guint t = order[j]; order[j] = order[j - 1]; order[j - 1] = t; }
      }

  for (guint k = 0; k < n_points; k++)
    {
      guint i = order[k];
      PangoLayout *layout = label_layout (cr, &points[i]);
      double x = px[i], y = py[i], best = G_MAXDOUBLE;
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      /* Beside, then above and below, then further out in steps of a line. */
      for (int step = 0; step < 4 && best > 0; step++)
        {
          double d = step * (h + 2);
          const double cand[][2] = {
            { x + 9, y - h / 2.0 - d }, { x - 9 - w, y - h / 2.0 - d },
            { x + 9, y - h / 2.0 + d }, { x - 9 - w, y - h / 2.0 + d },
            { x + 4, y - 8 - h - d }, { x - 4 - w, y - 8 - h - d },
            { x + 4, y + 8 + d }, { x - 4 - w, y + 8 + d },
            { x - w / 2.0, y - 9 - h - d }, { x - w / 2.0, y + 9 + d },
          };

          for (guint c = 0; c < G_N_ELEMENTS (cand) && best > 0; c++)
            {
              NinesRect r = { cand[c][0], cand[c][1], w, h };
              double cost = label_cost (&r, placed, n, px, py, n_points, area);

              if (cost < best)
                {
                  best = cost;
                  boxes[i] = r;
                }
            }
        }
      placed[n++] = boxes[i];
      if (layouts != NULL)
        layouts[i] = layout;
      else
        g_object_unref (layout);
    }
}

void
nines_chart_place_labels (cairo_t               *cr,
                          const NinesChartPoint *points,
                          guint                  n_points,
                          const double          *px,
                          const double          *py,
                          const NinesRect       *area,
                          NinesRect             *boxes)
{
  g_return_if_fail (cr != NULL && area != NULL && boxes != NULL);

  place_labels (cr, points, n_points, px, py, area, boxes, NULL);
}

void
nines_chart_draw_compare (cairo_t               *cr,
                          const NinesChartPoint *points,
                          guint                  n_points,
                          double                 width,
                          double                 height,
                          gboolean               dark)
{
  const double left = 70, right = 20, top = 16, bottom = 36;
  double min_rto = G_MAXDOUBLE, max_rto = 0, max_usd = 0;
  double pw = width - left - right, ph = height - top - bottom;

  g_return_if_fail (cr != NULL);
  if (n_points == 0 || pw <= 10 || ph <= 10)
    return;

  for (guint i = 0; i < n_points; i++)
    {
      min_rto = MIN (min_rto, MAX (points[i].rto_s, 1));
      max_rto = MAX (max_rto, MAX (points[i].rto_s, 1));
      max_usd = MAX (max_usd, points[i].usd);
    }
  /* Log scale over whole decades of seconds. */
  min_rto = pow (10, floor (log10 (min_rto)));
  max_rto = pow (10, ceil (log10 (max_rto * 1.01)));
  max_usd = max_usd > 0 ? max_usd * 1.15 : 1;

  fg (cr, dark, 0.4);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left + 0.5, top);
  cairo_line_to (cr, left + 0.5, top + ph + 0.5);
  cairo_line_to (cr, left + pw, top + ph + 0.5);
  cairo_stroke (cr);
  for (double d = min_rto; d <= max_rto * 1.001; d *= 10)
    {
      double x = left + log10 (d / min_rto) / log10 (max_rto / min_rto) * pw;
      g_autofree char *label = nines_format_duration (d);
      fg (cr, dark, 0.5);
      text (cr, label, "Sans 9", x - 8, top + ph + 12, 0, FALSE);
    }
  for (int k = 0; k <= 4; k++)
    {
      double usd = max_usd * k / 4, y = top + ph - ph * k / 4;
      g_autofree char *label = g_strdup_printf ("$%.0f", usd);
      fg (cr, dark, 0.08);
      cairo_move_to (cr, left, floor (y) + 0.5);
      cairo_line_to (cr, left + pw, floor (y) + 0.5);
      cairo_stroke (cr);
      fg (cr, dark, 0.5);
      text (cr, label, "Sans 9", left - 6, y, 0, TRUE);
    }
  fg (cr, dark, 0.6);
  text (cr, _("recovery time (RTO) →"), "Sans 9", left + pw / 2 - 50, height - 8, 0, FALSE);

  {
    g_autofree double *px = g_new (double, n_points);
    g_autofree double *py = g_new (double, n_points);
    g_autofree NinesRect *boxes = g_new (NinesRect, n_points);
    g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, n_points);
    NinesRect area = { 0, 0, width, top + ph };

    for (guint i = 0; i < n_points; i++)
      {
        px[i] = left + log10 (MAX (points[i].rto_s, 1) / min_rto) / log10 (max_rto / min_rto) * pw;
        py[i] = top + ph - points[i].usd / max_usd * ph;
        cairo_arc (cr, px[i], py[i], points[i].current ? 7 : 5, 0, 2 * G_PI);
        if (points[i].current)
          cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
        else
          fg (cr, dark, 0.55);
        cairo_fill (cr);
      }
    place_labels (cr, points, n_points, px, py, &area, boxes, layouts);
    for (guint i = 0; i < n_points; i++)
      {
        g_autoptr(PangoLayout) layout = g_steal_pointer (&layouts[i]);
        double cx = CLAMP (px[i], boxes[i].x, boxes[i].x + boxes[i].width);
        double cy = CLAMP (py[i], boxes[i].y, boxes[i].y + boxes[i].height);

        /* A label pushed away from its point gets a leader line to it. */
        if (hypot (cx - px[i], cy - py[i]) > 14)
          {
            fg (cr, dark, 0.3);
            cairo_set_line_width (cr, 1);
            cairo_move_to (cr, px[i], py[i]);
            cairo_line_to (cr, cx, cy);
            cairo_stroke (cr);
          }
        fg (cr, dark, 0.85);
        cairo_move_to (cr, boxes[i].x, boxes[i].y);
        pango_cairo_show_layout (cr, layout);
      }
  }
}

void
nines_chart_draw_simulation (cairo_t         *cr,
                             NinesSimulation *simulation,
                             guint            upto_minute,
                             double           width,
                             double           height,
                             gboolean         dark)
{
  const double left = 44, right = 12, top = 10, bottom = 24;
  double pw = width - left - right, ph = height - top - bottom;
  guint n, fail;

  g_return_if_fail (cr != NULL && simulation != NULL);
  n = nines_simulation_get_n_minutes (simulation);
  if (n < 2 || pw <= 10 || ph <= 10)
    return;
  fail = nines_simulation_get_failure_minute (simulation);

  fg (cr, dark, 0.4);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left + 0.5, top);
  cairo_line_to (cr, left + 0.5, top + ph + 0.5);
  cairo_line_to (cr, left + pw, top + ph + 0.5);
  cairo_stroke (cr);
  fg (cr, dark, 0.5);
  text (cr, "100 %", "Sans 9", left - 4, top, 0, TRUE);
  text (cr, "0 %", "Sans 9", left - 4, top + ph, 0, TRUE);
  text (cr, _("minutes →"), "Sans 9", left + pw - 60, height - 8, 0, FALSE);

  /* The failure. */
  cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 0.8);
  cairo_move_to (cr, left + fail * pw / (n - 1), top);
  cairo_line_to (cr, left + fail * pw / (n - 1), top + ph);
  cairo_stroke (cr);

  /* Serving share, filled. */
  cairo_move_to (cr, left, top + ph);
  for (guint i = 0; i < n && i <= upto_minute; i++)
    cairo_line_to (cr, left + i * pw / (n - 1),
                   top + ph - nines_simulation_get_minute (simulation, i)->serving * ph);
  cairo_line_to (cr, left + MIN (upto_minute, n - 1) * pw / (n - 1), top + ph);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 0.15, 0.64, 0.41, 0.35);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0.15, 0.64, 0.41, 0.95);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}
