/* nines-diagram.c: drawing a design with cairo and pango (see nines-diagram.h) */
#define G_LOG_DOMAIN "nines-diagram"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "nines-diagram.h"

/* Below this many device pixels per unit, text is unreadable: leave it out. */
/* Below this many device pixels per plan unit a card shows its name alone, larger. */
#define TEXT_MIN_SCALE 0.75

void
nines_diagram_style_init (NinesDiagramStyle *style,
                          gboolean           dark)
{
  g_return_if_fail (style != NULL);
  memset (style, 0, sizeof *style);
  style->dark = dark;
  style->scale = 1.0;
}

static void
set_fg (cairo_t                 *cr,
        const NinesDiagramStyle *style,
        double                   alpha)
{
  if (style->dark)
    cairo_set_source_rgba (cr, 1, 1, 1, alpha);
  else
    cairo_set_source_rgba (cr, 0, 0, 0.05, alpha);
}

static void
round_rect (cairo_t         *cr,
            const NinesRect *r,
            double           radius)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static const cairo_user_data_key_t context_key;

/* One Pango context per cairo context (kept as its user data): creating a context per
 * text costs more than shaping the text. */
static PangoContext *
get_context (cairo_t *cr)
{
  PangoContext *context = cairo_get_user_data (cr, &context_key);

  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      context = pango_cairo_create_context (cr);
      /* No hinting: the text must scale smoothly with the zoom, like the shapes. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
      cairo_set_user_data (cr, &context_key, context, g_object_unref);
    }
  else
    pango_cairo_update_context (cr, context);
  return context;
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             const char *font,
             double      width)
{
  PangoLayout *layout = pango_layout_new (get_context (cr));
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
show_text (cairo_t    *cr,
           const char *text,
           const char *font,
           double      x,
           double      y,
           double      width)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, text, font, width);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Shows @text in "Sans Bold" at @size points, shrinking it down to @min_size so that it
 * fits @width in at most @max_lines lines (wrapped at words, else characters) before it is
 * ellipsized. Centred vertically on @cy when @centre, else starting at @y. */
static void
show_fitted_text (cairo_t    *cr,
                  const char *text,
                  double      size,
                  double      min_size,
                  int         max_lines,
                  double      x,
                  double      y,
                  double      width,
                  gboolean    centre)
{
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  for (double s = size; ; s = MAX (min_size, s * 0.9))
    {
      g_autofree char *font = g_strdup_printf ("Sans Bold %.1f", s);

      g_clear_object (&layout);
      layout = make_layout (cr, text, font, width);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, -max_lines);
      if (!pango_layout_is_ellipsized (layout) || s <= min_size)
        break;
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, centre ? y - h / 2.0 : y);
  pango_cairo_show_layout (cr, layout);
}

gboolean
nines_diagram_card_is_failed (const NinesGeometryCard *card,
                              const NinesDiagramStyle *style)
{
  g_return_val_if_fail (card != NULL && style != NULL, FALSE);

  if (style->failed_region != NULL)
    return card->region != NULL && g_strcmp0 (card->region, style->failed_region) == 0;
  if (style->failed_zone != NULL && card->component != NULL)
    {
      const char * const *azs = nines_component_get_azs (card->component);
      guint n = nines_component_get_n_azs (card->component);

      /* A zonal service dies with its zone only when it runs in no other zone. */
      return n == 1 && g_strcmp0 (azs[0], style->failed_zone) == 0;
    }
  return FALSE;
}

/* Global services' band: neutral (they belong to no region and survive a region's outage),
 * solid outline, titled like a region. */
static void
draw_global_band (cairo_t                 *cr,
                  NinesGeometry           *geometry,
                  const NinesDiagramStyle *style,
                  const NinesRect         *clip)
{
  NinesRect band;

  if (!nines_geometry_get_global_band (geometry, &band) ||
      (clip && !nines_rect_intersects (&band, clip)))
    return;
  round_rect (cr, &band, 16);
  set_fg (cr, style, style->dark ? 0.06 : 0.035);
  cairo_fill_preserve (cr);
  set_fg (cr, style, 0.35);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  if (style->scale >= 0.08)
    {
      g_autofree char *font = g_strdup_printf ("Sans Bold %.1f", CLAMP (9 / style->scale, 12, 44));

      set_fg (cr, style, 0.85);
      /* Translators: the band of the diagram holding Route 53, CloudFront and other
       * services that belong to no region */
      show_text (cr, _("Global / edge"), font, band.x + 14, band.y + 4, band.width - 28);
    }
}

void
nines_diagram_draw_regions (cairo_t                 *cr,
                            NinesGeometry           *geometry,
                            const NinesDiagramStyle *style,
                            const NinesRect         *clip)
{
  g_return_if_fail (cr != NULL && geometry != NULL && style != NULL);

  draw_global_band (cr, geometry, style, clip);
  for (guint i = 0; i < nines_geometry_get_n_regions (geometry); i++)
    {
      const NinesGeometryRegion *r = nines_geometry_get_region (geometry, i);
      gboolean failed = style->failed_region && g_strcmp0 (style->failed_region, r->code) == 0;
      double tint[3] = { 0.21, 0.52, 0.89 };   /* blue 3 */

      if (clip && !nines_rect_intersects (&r->rect, clip))
        continue;
      if (r->recovery)
        tint[0] = 0.15, tint[1] = 0.64, tint[2] = 0.41; /* green 5 */
      if (failed)
        tint[0] = tint[1] = tint[2] = 0.5;

      round_rect (cr, &r->rect, 16);
      cairo_set_source_rgba (cr, tint[0], tint[1], tint[2], style->dark ? 0.10 : 0.06);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, tint[0], tint[1], tint[2], 0.55);
      cairo_set_line_width (cr, 2);
      if (r->recovery)
        {
          double dash[] = { 10, 6 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* AZ lanes. */
      for (guint z = 0; r->zones[z] != NULL; z++)
        {
          round_rect (cr, &r->zone_rects[z], 10);
          if (style->failed_zone && g_strcmp0 (style->failed_zone, r->zones[z]) == 0)
            cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 0.12);
          else
            cairo_set_source_rgba (cr, tint[0], tint[1], tint[2], style->dark ? 0.08 : 0.05);
          cairo_fill (cr);
          if (style->scale >= TEXT_MIN_SCALE)
            {
              cairo_set_source_rgba (cr, tint[0], tint[1], tint[2], 0.9);
              show_text (cr, r->zones[z], "Sans 9", r->zone_rects[z].x + 8, r->zone_rects[z].y + 4,
                         r->zone_rects[z].width - 16);
            }
        }

      if (style->scale >= 0.08)
        {
          g_autofree char *title = NULL;
          /* At least ~9 device pixels tall when zoomed out (level of detail). */
          g_autofree char *font = g_strdup_printf ("Sans Bold %.1f", CLAMP (9 / style->scale, 12, 44));

          if (failed)
            title = g_strdup_printf (_("%s — region down"), r->label);
          else if (r->recovery)
            title = g_strdup_printf (_("%s — recovery region"), r->label);
          else
            title = g_strdup (r->label);
          set_fg (cr, style, 0.85);
          show_text (cr, title, font, r->rect.x + 14, r->rect.y + 4, r->rect.width - 28);
        }
    }
}

static void
link_path (cairo_t         *cr,
           const NinesRect *a,
           const NinesRect *b,
           double          *end_angle,
           double          *end_x,
           double          *end_y)
{
  double p[8];

  nines_geometry_link_curve (a, b, p);
  cairo_move_to (cr, p[0], p[1]);
  cairo_curve_to (cr, p[2], p[3], p[4], p[5], p[6], p[7]);
  *end_angle = atan2 (p[7] - p[5], p[6] - p[4]);
  *end_x = p[6];
  *end_y = p[7];
}

void
nines_diagram_draw_links (cairo_t                 *cr,
                          NinesGeometry           *geometry,
                          const NinesDiagramStyle *style,
                          const NinesRect         *clip)
{
  g_return_if_fail (cr != NULL && geometry != NULL && style != NULL);

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < nines_geometry_get_n_links (geometry); i++)
    {
      const NinesGeometryLink *l = nines_geometry_get_link (geometry, i);
      const NinesGeometryCard *a = nines_geometry_get_card (geometry, l->from);
      const NinesGeometryCard *b = nines_geometry_get_card (geometry, l->to);
      double angle, x, y;

      if (clip)
        {
          NinesRect span;
          nines_rect_union (&a->rect, &b->rect, &span);
          if (!nines_rect_intersects (&span, clip))
            continue;
        }

      link_path (cr, &a->rect, &b->rect, &angle, &x, &y);
      if (l->replication)
        {
          double dash[] = { 8, 5 };
          cairo_set_source_rgba (cr, 0.15, 0.64, 0.41, 0.95);
          cairo_set_dash (cr, dash, 2, 0);
        }
      else if (l->kind == NINES_LINK_DATA)
        {
          double dash[] = { 2, 4 };
          cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 0.9);
          cairo_set_dash (cr, dash, 2, 0);
        }
      else
        set_fg (cr, style, 0.55);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* The arrow head, filled. */
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x - 11 * cos (angle - 0.4), y - 11 * sin (angle - 0.4));
      cairo_line_to (cr, x - 11 * cos (angle + 0.4), y - 11 * sin (angle + 0.4));
      cairo_close_path (cr);
      cairo_fill (cr);
    }
}

static void
add_extent (NinesRect       *extents,
            gboolean        *any,
            const NinesRect *r,
            double           margin)
{
  NinesRect grown = { r->x - margin, r->y - margin, r->width + 2 * margin, r->height + 2 * margin };

  if (*any)
    nines_rect_union (extents, &grown, extents);
  else
    *extents = grown;
  *any = TRUE;
}

gboolean
nines_diagram_get_extents (NinesGeometry           *geometry,
                           const NinesDiagramStyle *style,
                           const NinesRect         *clip,
                           NinesRect               *extents)
{
  gboolean any = FALSE;
  NinesRect band;

  g_return_val_if_fail (geometry != NULL && style != NULL && extents != NULL, FALSE);

  /* The same culling as the drawing functions above. Boxes: a 2-unit stroke straddles
   * the outline, titles and lanes lie inside. */
  if (nines_geometry_get_global_band (geometry, &band) && (!clip || nines_rect_intersects (&band, clip)))
    add_extent (extents, &any, &band, 2);
  for (guint i = 0; i < nines_geometry_get_n_regions (geometry); i++)
    {
      const NinesGeometryRegion *r = nines_geometry_get_region (geometry, i);

      if (!clip || nines_rect_intersects (&r->rect, clip))
        add_extent (extents, &any, &r->rect, 2);
    }
  /* Links: a Bézier curve lies inside the box of its control points; the arrow head
   * (11 units) and the round caps of the 2-unit stroke reach a little beyond. */
  for (guint i = 0; i < nines_geometry_get_n_links (geometry); i++)
    {
      const NinesGeometryLink *l = nines_geometry_get_link (geometry, i);
      const NinesRect *a = &nines_geometry_get_card (geometry, l->from)->rect;
      const NinesRect *b = &nines_geometry_get_card (geometry, l->to)->rect;
      double p[8], x0, y0, x1, y1;
      NinesRect hull;

      if (clip)
        {
          NinesRect span;
          nines_rect_union (a, b, &span);
          if (!nines_rect_intersects (&span, clip))
            continue;
        }
      nines_geometry_link_curve (a, b, p);
      x0 = MIN (MIN (p[0], p[2]), MIN (p[4], p[6]));
      y0 = MIN (MIN (p[1], p[3]), MIN (p[5], p[7]));
      x1 = MAX (MAX (p[0], p[2]), MAX (p[4], p[6]));
      y1 = MAX (MAX (p[1], p[3]), MAX (p[5], p[7]));
      nines_rect_from_points (x0, y0, x1, y1, &hull);
      add_extent (extents, &any, &hull, 13);
    }
  if (any && clip)
    {
      double x0 = MAX (extents->x, clip->x), y0 = MAX (extents->y, clip->y);
      double x1 = MIN (extents->x + extents->width, clip->x + clip->width);
      double y1 = MIN (extents->y + extents->height, clip->y + clip->height);

      if (x1 <= x0 || y1 <= y0)
        return FALSE;
      *extents = (NinesRect) { x0, y0, x1 - x0, y1 - y0 };
    }
  return any;
}

void
nines_diagram_draw_card (cairo_t                 *cr,
                         const NinesGeometryCard *card,
                         const NinesRect         *rect,
                         const NinesDiagramStyle *style,
                         NinesDiagramCardFlags    flags)
{
  const char *kind;
  double rgb[3];
  double glyph = 32;
  gboolean failed = (flags & NINES_DIAGRAM_CARD_FAILED) != 0;

  g_return_if_fail (cr != NULL && card != NULL && rect != NULL && style != NULL);

  kind = card->component ? nines_component_get_kind (card->component) : NULL;
  nines_diagram_kind_color (kind, rgb);
  if (failed)
    rgb[0] = rgb[1] = rgb[2] = 0.55;

  cairo_save (cr);

  /* Body. */
  round_rect (cr, rect, 10);
  if (card->added)
    cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], style->dark ? 0.22 : 0.12);
  else if (style->dark)
    cairo_set_source_rgb (cr, 0.19, 0.19, 0.21);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  if (flags & NINES_DIAGRAM_CARD_SELECTED)
    {
      cairo_set_source_rgb (cr, 0.21, 0.52, 0.89);
      cairo_set_line_width (cr, 3);
    }
  else if (flags & NINES_DIAGRAM_CARD_DROP)
    {
      cairo_set_source_rgb (cr, 0.15, 0.64, 0.41);
      cairo_set_line_width (cr, 3);
    }
  else
    {
      cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], card->added ? 0.9 : 0.6);
      cairo_set_line_width (cr, 1.5);
    }
  if (card->added)
    {
      double dash[] = { 6, 4 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Kind stripe and glyph. */
  cairo_arc (cr, rect->x + 12 + glyph / 2, rect->y + rect->height / 2, glyph / 2 + 2, 0, 2 * G_PI);
  cairo_set_source_rgba (cr, rgb[0], rgb[1], rgb[2], 0.15);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  nines_diagram_draw_glyph (cr, kind, rect->x + 12 + glyph / 2, rect->y + rect->height / 2, glyph * 0.8);

  if (style->scale >= TEXT_MIN_SCALE && card->component != NULL)
    {
      g_autofree char *summary = nines_component_format_summary (card->component);
      double tx = rect->x + 20 + glyph, tw = rect->width - 28 - glyph;
      const char *name = nines_component_get_display_name (card->component);

      set_fg (cr, style, failed ? 0.45 : 0.92);
      if (card->added)
        {
          /* Role label: what the pattern made of the source. */
          g_autofree char *role = g_utf8_strup (nines_deploy_role_get_label (card->role), -1);
          cairo_set_source_rgb (cr, rgb[0] * 0.8, rgb[1] * 0.8, rgb[2] * 0.8);
          show_text (cr, role, "Sans Bold 7.5", tx, rect->y + 6, tw);
          set_fg (cr, style, 0.9);
          show_fitted_text (cr, name, 9.5, 8, 1, tx, rect->y + 19, tw, FALSE);
          set_fg (cr, style, 0.65);
          show_text (cr, summary ? summary : "", "Sans 9", tx, rect->y + 38, tw);
        }
      else
        {
          show_fitted_text (cr, name, 10, 8, 1, tx, rect->y + 9, tw, FALSE);
          set_fg (cr, style, failed ? 0.35 : 0.6);
          show_text (cr, summary ? summary : "", "Sans 9", tx, rect->y + 28, tw);
          if (card->component && nines_component_get_n_azs (card->component) > 0)
            {
              g_autofree char *azs = g_strjoinv (" ", (char **) nines_component_get_azs (card->component));
              set_fg (cr, style, 0.45);
              show_text (cr, azs, "Sans 7.5", tx, rect->y + 46, tw);
            }
        }
    }

  else if (style->scale >= 0.12 && card->component != NULL)
    {
      /* Zoomed out: the name alone, large enough to read (level of detail): ~8 pt on
       * screen, on two lines when it needs them, shrunk to ~6 pt before it is cut. */
      double size = MIN (8 / style->scale, 26);

      set_fg (cr, style, failed ? 0.45 : 0.9);
      show_fitted_text (cr, nines_component_get_display_name (card->component), size,
                        size * 0.75, 2, rect->x + 20 + glyph, rect->y + rect->height / 2,
                        rect->width - 26 - glyph, TRUE);
    }

  if (failed)
    {
      /* Crossed out. */
      cairo_set_source_rgba (cr, 0.75, 0.11, 0.16, 0.85);
      cairo_set_line_width (cr, 2.5);
      cairo_move_to (cr, rect->x + 6, rect->y + 6);
      cairo_line_to (cr, rect->x + rect->width - 6, rect->y + rect->height - 6);
      cairo_stroke (cr);
    }

  if (flags & NINES_DIAGRAM_CARD_FOCUSED)
    {
      NinesRect ring = { rect->x - 4, rect->y - 4, rect->width + 8, rect->height + 8 };
      double dash[] = { 3, 3 };
      round_rect (cr, &ring, 13);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.9);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

void
nines_diagram_draw (cairo_t                 *cr,
                    NinesGeometry           *geometry,
                    const NinesDiagramStyle *style)
{
  g_return_if_fail (cr != NULL && geometry != NULL && style != NULL);

  nines_diagram_draw_regions (cr, geometry, style, NULL);
  nines_diagram_draw_links (cr, geometry, style, NULL);
  for (guint i = 0; i < nines_geometry_get_n_cards (geometry); i++)
    {
      const NinesGeometryCard *card = nines_geometry_get_card (geometry, i);
      nines_diagram_draw_card (cr, card, &card->rect, style,
                               nines_diagram_card_is_failed (card, style) ? NINES_DIAGRAM_CARD_FAILED : 0);
    }
}

gboolean
nines_diagram_export (NinesGeometry           *geometry,
                      const NinesDiagramStyle *style,
                      NinesDiagramFormat       format,
                      double                   scale,
                      const char              *path,
                      GError                 **error)
{
  const double margin = 32;
  cairo_surface_t *surface;
  cairo_status_t status;
  NinesDiagramStyle s;
  NinesRect bounds;
  double w, h;
  cairo_t *cr;

  g_return_val_if_fail (geometry != NULL, FALSE);
  g_return_val_if_fail (style != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (scale > 0, FALSE);

  nines_geometry_get_bounds (geometry, &bounds);
  w = bounds.width + 2 * margin;
  h = bounds.height + 2 * margin;
  s = *style;

  switch (format)
    {
    case NINES_DIAGRAM_FORMAT_PNG:
      s.scale = scale;
      if (w * scale > 32767 || h * scale > 32767)
        {
          g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_FAILED,
                       _("The diagram is too large for a PNG at this scale (%.0f × %.0f pixels)"),
                       w * scale, h * scale);
          return FALSE;
        }
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (w * scale),
                                            (int) ceil (h * scale));
      break;
    case NINES_DIAGRAM_FORMAT_SVG:
      s.scale = 1;
      scale = 1;
      surface = cairo_svg_surface_create (path, w, h);
      break;
    case NINES_DIAGRAM_FORMAT_PDF:
      s.scale = 1;
      scale = 1;
      surface = cairo_pdf_surface_create (path, w, h);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  if (style->dark)
    cairo_set_source_rgb (cr, 0.14, 0.14, 0.14);
  else
    cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  cairo_translate (cr, margin - bounds.x, margin - bounds.y);
  nines_diagram_draw (cr, geometry, &s);
  cairo_destroy (cr);

  if (format == NINES_DIAGRAM_FORMAT_PNG)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO,
                   _("Could not write the diagram to “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
