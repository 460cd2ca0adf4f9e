/* nines-report-layout.c: a small page layout for the report: text, headings, tables */
#define G_LOG_DOMAIN "nines-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nines-report-private.h"

double
_nines_report_content_width (void)
{
  return NINES_REPORT_PAGE_W - 2 * NINES_REPORT_MARGIN;
}

double
_nines_report_bottom (void)
{
  return NINES_REPORT_PAGE_H - NINES_REPORT_MARGIN;
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (NINES_REPORT_FONT);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

double
_nines_report_label (cairo_t    *cr,
                     const char *text,
                     double      size,
                     gboolean    bold,
                     double      x,
                     double      y,
                     double      align)
{
  PangoLayout *layout = make_layout (cr, text, size, bold, -1);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w / (double) PANGO_SCALE, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
  return w / (double) PANGO_SCALE;
}

void
_nines_report_finish_page (NinesReportLayout *l)
{
  g_autofree char *num = g_strdup_printf ("%u", l->page);

  cairo_save (l->cr);
  cairo_set_source_rgb (l->cr, 0.45, 0.45, 0.45);
  if (l->footer != NULL)
    _nines_report_label (l->cr, l->footer, 8, FALSE, NINES_REPORT_MARGIN,
                         _nines_report_bottom () + 16, 0);
  _nines_report_label (l->cr, num, 8, FALSE, NINES_REPORT_PAGE_W - NINES_REPORT_MARGIN,
                       _nines_report_bottom () + 16, 1);
  cairo_restore (l->cr);
  cairo_show_page (l->cr);
}

void
_nines_report_new_page (NinesReportLayout *l)
{
  _nines_report_finish_page (l);
  l->page++;
  l->y = NINES_REPORT_MARGIN;
}

void
_nines_report_ensure (NinesReportLayout *l,
                      double             height)
{
  if (l->y + height > _nines_report_bottom ())
    _nines_report_new_page (l);
}

void
_nines_report_text (NinesReportLayout *l,
                    const char        *text,
                    double             size,
                    gboolean           bold,
                    double             gray)
{
  PangoLayout *layout = make_layout (l->cr, text, size, bold, _nines_report_content_width ());
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  _nines_report_ensure (l, h / (double) PANGO_SCALE);
  cairo_set_source_rgb (l->cr, gray, gray, gray);
  cairo_move_to (l->cr, NINES_REPORT_MARGIN, l->y);
  pango_cairo_show_layout (l->cr, layout);
  l->y += h / (double) PANGO_SCALE + size * 0.4;
  g_object_unref (layout);
}

void
_nines_report_heading (NinesReportLayout *l,
                       const char        *text)
{
  /* Keep a heading with at least a few lines of what follows. */
  _nines_report_ensure (l, 90);
  l->y += 8;
  _nines_report_text (l, text, 15, TRUE, 0.10);
  cairo_set_source_rgb (l->cr, 0.20, 0.40, 0.70);
  cairo_rectangle (l->cr, NINES_REPORT_MARGIN, l->y - 4, _nines_report_content_width (), 1.2);
  cairo_fill (l->cr);
  l->y += 6;
}

static double
row_height (cairo_t                 *cr,
            const NinesReportColumn *columns,
            guint                    n_columns,
            const char * const      *cells,
            gboolean                 bold)
{
  double h = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      PangoLayout *layout = make_layout (cr, cells[c] ? cells[c] : "", 8.5, bold,
                                         columns[c].width - 6);
      int pw, ph;

      pango_layout_get_size (layout, &pw, &ph);
      h = MAX (h, ph / (double) PANGO_SCALE);
      g_object_unref (layout);
    }
  return h + 6;
}

static void
draw_row (NinesReportLayout       *l,
          const NinesReportColumn *columns,
          guint                    n_columns,
          const char * const      *cells,
          gboolean                 header,
          gboolean                 shade,
          double                   h)
{
  double x = NINES_REPORT_MARGIN;

  if (header || shade)
    {
      if (header)
        cairo_set_source_rgb (l->cr, 0.88, 0.91, 0.96);
      else
        cairo_set_source_rgb (l->cr, 1.0, 0.95, 0.80);
      cairo_rectangle (l->cr, NINES_REPORT_MARGIN, l->y, _nines_report_content_width (), h);
      cairo_fill (l->cr);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      PangoLayout *layout = make_layout (l->cr, cells[c] ? cells[c] : "", 8.5, header,
                                         columns[c].width - 6);

      pango_layout_set_alignment (layout, columns[c].right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      cairo_set_source_rgb (l->cr, 0.1, 0.1, 0.1);
      cairo_move_to (l->cr, x + 3, l->y + 3);
      pango_cairo_show_layout (l->cr, layout);
      g_object_unref (layout);
      x += columns[c].width;
    }
  cairo_set_source_rgb (l->cr, 0.80, 0.80, 0.80);
  cairo_rectangle (l->cr, NINES_REPORT_MARGIN, l->y + h - 0.5, _nines_report_content_width (), 0.5);
  cairo_fill (l->cr);
  l->y += h;
}

void
_nines_report_table (NinesReportLayout       *l,
                     const NinesReportColumn *columns,
                     guint                    n_columns,
                     GPtrArray               *rows,
                     int                      highlight)
{
  g_autofree const char **titles = g_new0 (const char *, n_columns + 1);
  double header_h;

  for (guint c = 0; c < n_columns; c++)
    titles[c] = columns[c].title;
  header_h = row_height (l->cr, columns, n_columns, titles, TRUE);
  /* Never a header alone at the foot of a page. */
  _nines_report_ensure (l, header_h + (rows->len > 0 ? row_height (l->cr, columns, n_columns,
                                                                    g_ptr_array_index (rows,
                                                                                       0), FALSE)
                                                     : header_h));
  draw_row (l, columns, n_columns, titles, TRUE, FALSE, header_h);
  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *cells = g_ptr_array_index (rows, r);
      double h = row_height (l->cr, columns, n_columns, cells, FALSE);

      if (l->y + h > _nines_report_bottom ())
        {
          _nines_report_new_page (l);
          draw_row (l, columns, n_columns, titles, TRUE, FALSE, header_h);
        }
      draw_row (l, columns, n_columns, cells, FALSE, (int) r == highlight, h);
    }
  l->y += 10;
}

char *
_nines_report_money (double usd)
{
  g_autofree char *plain = g_strdup_printf ("%.2f", fabs (usd));
  GString *out = g_string_new (usd < 0 ? "-$" : "$");
  const char *dot = strchr (plain, '.');
  gsize int_len = dot - plain;

  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, plain[i]);
    }
  g_string_append (out, dot);
  return g_string_free (out, FALSE);
}
