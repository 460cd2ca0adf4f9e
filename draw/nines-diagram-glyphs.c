/* nines-diagram-glyphs.c: one glyph per service kind, drawn by Nines with cairo paths
 * (no third-party icon set). Each glyph fits a 1×1 box centred on the origin and is
 * stroked or filled with the current source. */
#define G_LOG_DOMAIN "nines-diagram"

#include "config.h"

#include <math.h>

#include "nines-diagram.h"

static void
round_rect (cairo_t *cr,
            double   x,
            double   y,
            double   w,
            double   h,
            double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
cylinder (cairo_t *cr,
          double   w,
          double   h)
{
  double ry = w * 0.18;

  cairo_save (cr);
  cairo_translate (cr, 0, -h / 2 + ry);
  cairo_scale (cr, 1, ry / (w / 2));
  cairo_arc (cr, 0, 0, w / 2, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_stroke (cr);
  cairo_move_to (cr, -w / 2, -h / 2 + ry);
  cairo_line_to (cr, -w / 2, h / 2 - ry);
  cairo_save (cr);
  cairo_translate (cr, 0, h / 2 - ry);
  cairo_scale (cr, 1, ry / (w / 2));
  cairo_arc_negative (cr, 0, 0, w / 2, G_PI, 0);
  cairo_restore (cr);
  cairo_line_to (cr, w / 2, -h / 2 + ry);
  cairo_stroke (cr);
}

static void
arrow_head (cairo_t *cr,
            double   x,
            double   y,
            double   angle,
            double   len)
{
  cairo_move_to (cr, x + len * cos (angle + 2.6), y + len * sin (angle + 2.6));
  cairo_line_to (cr, x, y);
  cairo_line_to (cr, x + len * cos (angle - 2.6), y + len * sin (angle - 2.6));
  cairo_stroke (cr);
}

static void
glyph_globe (cairo_t *cr)
{
  cairo_arc (cr, 0, 0, 0.42, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_save (cr);
  cairo_scale (cr, 0.45, 1);
  cairo_arc (cr, 0, 0, 0.42, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_stroke (cr);
  cairo_move_to (cr, -0.42, 0);
  cairo_line_to (cr, 0.42, 0);
  cairo_move_to (cr, -0.36, -0.2);
  cairo_line_to (cr, 0.36, -0.2);
  cairo_move_to (cr, -0.36, 0.2);
  cairo_line_to (cr, 0.36, 0.2);
  cairo_stroke (cr);
}

static void
glyph_balancer (cairo_t  *cr,
                gboolean  square)
{
  if (square)
    {
      cairo_rectangle (cr, -0.42, -0.12, 0.24, 0.24);
      cairo_fill (cr);
    }
  else
    {
      cairo_arc (cr, -0.3, 0, 0.12, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  for (int i = -1; i <= 1; i++)
    {
      double ey = i * 0.34;
      cairo_move_to (cr, -0.18, 0);
      cairo_curve_to (cr, 0.05, 0, 0.1, ey, 0.42, ey);
      cairo_stroke (cr);
      arrow_head (cr, 0.42, ey, 0, 0.14);
    }
}

static void
glyph_gear (cairo_t *cr)
{
  for (int i = 0; i < 8; i++)
    {
      double a = i * G_PI / 4;
      cairo_move_to (cr, 0.26 * cos (a), 0.26 * sin (a));
      cairo_line_to (cr, 0.42 * cos (a), 0.42 * sin (a));
    }
  cairo_stroke (cr);
  cairo_arc (cr, 0, 0, 0.28, 0, 2 * G_PI);
  cairo_stroke (cr);
  cairo_arc (cr, 0, 0, 0.1, 0, 2 * G_PI);
  cairo_fill (cr);
}

void
nines_diagram_draw_glyph (cairo_t    *cr,
                          const char *kind,
                          double      cx,
                          double      cy,
                          double      size)
{
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, size, size);
  cairo_set_line_width (cr, 0.08);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (g_strcmp0 (kind, "vpc") == 0)
    {
      /* A cloud inside a dashed boundary. */
      double dash[] = { 0.1, 0.07 };
      cairo_set_dash (cr, dash, 2, 0);
      round_rect (cr, -0.45, -0.42, 0.9, 0.84, 0.12);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_arc (cr, -0.12, 0.02, 0.14, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, 0.04, -0.08, 0.16, G_PI, 2 * G_PI);
      cairo_arc (cr, 0.16, 0.06, 0.12, 3 * G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      cairo_stroke (cr);
    }
  else if (g_strcmp0 (kind, "ec2-asg") == 0)
    {
      /* Three instances, stacked. */
      for (int i = 2; i >= 0; i--)
        {
          round_rect (cr, -0.38 + i * 0.14, -0.38 + i * 0.14, 0.48, 0.48, 0.06);
          if (i == 0)
            cairo_fill (cr);
          else
            cairo_stroke (cr);
        }
    }
  else if (g_strcmp0 (kind, "alb") == 0)
    glyph_balancer (cr, FALSE);
  else if (g_strcmp0 (kind, "nlb") == 0)
    glyph_balancer (cr, TRUE);
  else if (g_strcmp0 (kind, "rds") == 0)
    cylinder (cr, 0.7, 0.85);
  else if (g_strcmp0 (kind, "aurora") == 0)
    {
      cylinder (cr, 0.6, 0.75);
      cairo_arc (cr, 0.3, 0.3, 0.14, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else if (g_strcmp0 (kind, "s3") == 0)
    {
      /* A bucket. */
      cairo_save (cr);
      cairo_translate (cr, 0, -0.3);
      cairo_scale (cr, 1, 0.25);
      cairo_arc (cr, 0, 0, 0.4, 0, 2 * G_PI);
      cairo_restore (cr);
      cairo_stroke (cr);
      cairo_move_to (cr, -0.4, -0.3);
      cairo_line_to (cr, -0.28, 0.36);
      cairo_curve_to (cr, -0.1, 0.46, 0.1, 0.46, 0.28, 0.36);
      cairo_line_to (cr, 0.4, -0.3);
      cairo_stroke (cr);
    }
  else if (g_strcmp0 (kind, "dynamodb") == 0)
    {
      /* A table. */
      round_rect (cr, -0.42, -0.36, 0.84, 0.72, 0.08);
      cairo_stroke (cr);
      cairo_rectangle (cr, -0.42, -0.36, 0.84, 0.2);
      cairo_fill (cr);
      cairo_move_to (cr, -0.42, 0.1);
      cairo_line_to (cr, 0.42, 0.1);
      cairo_move_to (cr, -0.1, -0.16);
      cairo_line_to (cr, -0.1, 0.36);
      cairo_stroke (cr);
    }
  else if (g_strcmp0 (kind, "route53") == 0)
    glyph_globe (cr);
  else if (g_strcmp0 (kind, "cloudfront") == 0)
    {
      /* A point broadcasting to the edge. */
      cairo_arc (cr, -0.3, 0.3, 0.1, 0, 2 * G_PI);
      cairo_fill (cr);
      for (int i = 1; i <= 3; i++)
        {
          cairo_arc (cr, -0.3, 0.3, 0.2 * i + 0.05, -G_PI / 2, 0);
          cairo_stroke (cr);
        }
    }
  else if (g_strcmp0 (kind, "nat-gateway") == 0)
    {
      /* A wall with traffic passing out through it. */
      cairo_move_to (cr, 0, -0.44);
      cairo_line_to (cr, 0, -0.12);
      cairo_move_to (cr, 0, 0.12);
      cairo_line_to (cr, 0, 0.44);
      cairo_move_to (cr, -0.42, 0);
      cairo_line_to (cr, 0.4, 0);
      cairo_stroke (cr);
      arrow_head (cr, 0.42, 0, 0, 0.16);
    }
  else if (g_strcmp0 (kind, "efs") == 0)
    {
      /* A folder. */
      cairo_move_to (cr, -0.42, -0.3);
      cairo_line_to (cr, -0.12, -0.3);
      cairo_line_to (cr, -0.02, -0.18);
      cairo_line_to (cr, 0.42, -0.18);
      cairo_line_to (cr, 0.42, 0.34);
      cairo_line_to (cr, -0.42, 0.34);
      cairo_close_path (cr);
      cairo_stroke (cr);
    }
  else if (g_strcmp0 (kind, "elasticache") == 0)
    {
      /* A lightning bolt: memory-speed. */
      cairo_move_to (cr, 0.1, -0.46);
      cairo_line_to (cr, -0.26, 0.06);
      cairo_line_to (cr, 0.0, 0.06);
      cairo_line_to (cr, -0.1, 0.46);
      cairo_line_to (cr, 0.26, -0.08);
      cairo_line_to (cr, 0.0, -0.08);
      cairo_close_path (cr);
      cairo_fill (cr);
    }
  else if (g_strcmp0 (kind, "lambda") == 0)
    {
      /* A lambda. */
      cairo_set_line_width (cr, 0.11);
      cairo_move_to (cr, -0.3, -0.38);
      cairo_line_to (cr, -0.12, -0.38);
      cairo_line_to (cr, 0.26, 0.38);
      cairo_line_to (cr, 0.36, 0.38);
      cairo_move_to (cr, 0.0, -0.12);
      cairo_line_to (cr, -0.3, 0.38);
      cairo_stroke (cr);
    }
  else if (g_strcmp0 (kind, "sqs") == 0)
    {
      /* Messages in a queue. */
      for (int i = 0; i < 3; i++)
        {
          round_rect (cr, -0.44 + i * 0.28, -0.14, 0.2, 0.28, 0.04);
          cairo_fill (cr);
        }
      cairo_move_to (cr, -0.44, 0.3);
      cairo_line_to (cr, 0.36, 0.3);
      cairo_stroke (cr);
      arrow_head (cr, 0.4, 0.3, 0, 0.12);
    }
  else if (g_strcmp0 (kind, "ci-server") == 0)
    glyph_gear (cr);
  else if (g_strcmp0 (kind, "guardduty") == 0)
    {
      /* A shield with an eye. */
      cairo_move_to (cr, 0, -0.44);
      cairo_curve_to (cr, 0.2, -0.34, 0.3, -0.34, 0.38, -0.34);
      cairo_curve_to (cr, 0.38, 0.1, 0.24, 0.32, 0, 0.46);
      cairo_curve_to (cr, -0.24, 0.32, -0.38, 0.1, -0.38, -0.34);
      cairo_curve_to (cr, -0.3, -0.34, -0.2, -0.34, 0, -0.44);
      cairo_close_path (cr);
      cairo_stroke (cr);
      cairo_arc (cr, 0, -0.02, 0.1, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else
    {
      round_rect (cr, -0.36, -0.36, 0.72, 0.72, 0.12);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

void
nines_diagram_kind_color (const char *kind,
                          double      rgb[3])
{
  /* GNOME HIG palette: orange compute, purple network, blue databases, green storage,
   * red security, slate for the rest. */
  static const struct { const char *kind; guint32 color; } colors[] = {
    { "ec2-asg", 0xe66100 }, { "lambda", 0xe66100 }, { "ci-server", 0xc64600 },
    { "vpc", 0x813d9c }, { "alb", 0x9141ac }, { "nlb", 0x9141ac }, { "nat-gateway", 0x813d9c },
    { "route53", 0x613583 }, { "cloudfront", 0x613583 },
    { "rds", 0x1c71d8 }, { "aurora", 0x1a5fb4 }, { "dynamodb", 0x1c71d8 },
    { "elasticache", 0x1a5fb4 },
    { "s3", 0x26a269 }, { "efs", 0x26a269 }, { "sqs", 0x2ec27e },
    { "guardduty", 0xc01c28 },
  };
  guint32 c = 0x5e5c64;

  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (colors[i].kind, kind) == 0)
      c = colors[i].color;
  rgb[0] = ((c >> 16) & 0xff) / 255.0;
  rgb[1] = ((c >> 8) & 0xff) / 255.0;
  rgb[2] = (c & 0xff) / 255.0;
}
