/* nines-bench-canvas.c: frame time of the design canvas vs a raw cairo loop.
 *
 *   nines-bench-canvas MODE DESIGN.nines FRAMES      MODE: cairo | canvas
 *
 * Opens a 1200 × 800 window showing DESIGN and paints FRAMES frames, each with real
 * damage (the view pans one pixel back and forth, so every frame repaints the whole
 * canvas: a bare queue_draw repaints nothing in GTK 4, which diffs render nodes).
 * Per-frame paint time is the frame clock's before-paint -> after-paint (snapshot,
 * render and present), as ../shared/testing/README.md §5 measures redraws. Prints
 *
 *   frame MODE MEDIAN_MS MEAN_MS cards=N curves=N
 *
 * "cairo" draws every card as a rectangle with its label and every link as a Bézier
 * curve in one GtkDrawingArea callback: the least any canvas of this design can do.
 * "canvas" is the NinesCanvas the application shows (when the build has it). */
#define G_LOG_DOMAIN "nines-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <adwaita.h>
#include <nines-model.h>
#ifdef HAVE_NINES_CANVAS
# include "nines-canvas.h"
#endif

#define CARD_W 150.0
#define CARD_H 56.0

typedef struct
{
  double  x, y, w, h;
  char   *label;
} BenchCard;

typedef struct
{
  double x0, y0, x1, y1;
} BenchCurve;

typedef struct
{
  const char *mode;
  GtkWidget  *window;
  GtkWidget  *view;
  GArray     *cards;     /* BenchCard */
  GArray     *curves;    /* BenchCurve */
  double      zoom;
  double      shift;     /* 0 or 1 pixel, flipped every frame */
  int         frames_left;
  int         frames;
  gint64      t_before;
  GArray     *times;     /* double ms */
  gboolean    started;
} Bench;

static void
clear_card (gpointer p)
{
  g_free (((BenchCard *) p)->label);
}

/* Cards at the document's layout positions, links between card edges. */
static void
load_shapes (Bench         *b,
             NinesDocument *doc)
{
  g_autoptr(GHashTable) where = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *links = nines_document_get_links (doc);

  for (guint i = 0; i < nines_document_get_n_components (doc); i++)
    {
      NinesComponent *c = nines_document_get_component (doc, i);
      NinesPoint p = { 40.0 * (i % 30), 80.0 * (i / 30) };
      BenchCard card;

      nines_document_get_position (doc, nines_component_get_id (c), &p);
      card = (BenchCard) { p.x, p.y, CARD_W, CARD_H, g_strdup (nines_component_get_display_name (c)) };
      g_array_append_val (b->cards, card);
      g_hash_table_insert (where, (char *) nines_component_get_id (c), GUINT_TO_POINTER (b->cards->len));
    }
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) l = g_list_model_get_item (links, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (where, nines_link_get_from (l)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (where, nines_link_get_to (l)));
      const BenchCard *a, *z;
      BenchCurve curve;

      if (from == 0 || to == 0)
        continue;
      a = &g_array_index (b->cards, BenchCard, from - 1);
      z = &g_array_index (b->cards, BenchCard, to - 1);
      curve = (BenchCurve) { a->x + a->w, a->y + a->h / 2, z->x, z->y + z->h / 2 };
      g_array_append_val (b->curves, curve);
    }
}

static void
draw_raw (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  Bench *b = user_data;

  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  cairo_translate (cr, b->shift, 0);
  cairo_scale (cr, b->zoom, b->zoom);

  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgb (cr, 0.4, 0.45, 0.5);
  for (guint i = 0; i < b->curves->len; i++)
    {
      const BenchCurve *c = &g_array_index (b->curves, BenchCurve, i);
      double mid = (c->x0 + c->x1) / 2;

      cairo_move_to (cr, c->x0, c->y0);
      cairo_curve_to (cr, mid, c->y0, mid, c->y1, c->x1, c->y1);
      cairo_stroke (cr);
    }
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 13);
  for (guint i = 0; i < b->cards->len; i++)
    {
      const BenchCard *c = &g_array_index (b->cards, BenchCard, i);

      cairo_rectangle (cr, c->x, c->y, c->w, c->h);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.2, 0.4, 0.8);
      cairo_stroke (cr);
      cairo_move_to (cr, c->x + 8, c->y + 22);
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      cairo_show_text (cr, c->label);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
next_frame (Bench *b)
{
  b->shift = b->shift > 0 ? 0 : 1;
#ifdef HAVE_NINES_CANVAS
  if (NINES_IS_CANVAS (b->view))
    {
      nines_canvas_viewport_pan (nines_canvas_get_viewport (NINES_CANVAS (b->view)),
                                 b->shift > 0 ? 1 : -1, 0);
      return;
    }
#endif
  gtk_widget_queue_draw (b->view);
}

static void
on_before_paint (GdkFrameClock *clock,
                 Bench         *b)
{
  b->t_before = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Bench         *b)
{
  double ms = (g_get_monotonic_time () - b->t_before) / 1000.0;

  if (!gtk_widget_get_mapped (b->window))
    return;
  /* The first frames lay out and realize everything: not a redraw. */
  if (b->started)
    {
      g_array_append_val (b->times, ms);
      if (--b->frames_left <= 0)
        {
          double sum = 0;

          for (guint i = 0; i < b->times->len; i++)
            sum += g_array_index (b->times, double, i);
          g_array_sort (b->times, compare_doubles);
          printf ("frame %s %.3f %.3f cards=%u curves=%u\n", b->mode,
                  g_array_index (b->times, double, b->times->len / 2), sum / b->times->len,
                  b->cards->len, b->curves->len);
          fflush (stdout);
          gtk_window_destroy (GTK_WINDOW (b->window));
          return;
        }
    }
  else if (++b->frames_left >= 0)
    {
      b->started = TRUE;
      b->frames_left = b->frames;
    }
  next_frame (b);
}

static void
on_realize (GtkWidget *window,
            Bench     *b)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), b);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) doc = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Bench b = { 0 };
  double max_x = 1, max_y = 1;
  gboolean ok;

  if (argc < 4)
    {
      fprintf (stderr, "usage: nines-bench-canvas cairo|canvas DESIGN.nines FRAMES\n");
      return 2;
    }
  b.mode = argv[1];
  b.frames = MAX (1, atoi (argv[3]));
  b.frames_left = -3;   /* warm-up frames */
  if (!(doc = nines_document_load_from_file (argv[2], &error)))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  gtk_init ();
  adw_init ();
  b.cards = g_array_new (FALSE, FALSE, sizeof (BenchCard));
  g_array_set_clear_func (b.cards, clear_card);
  b.curves = g_array_new (FALSE, FALSE, sizeof (BenchCurve));
  b.times = g_array_new (FALSE, FALSE, sizeof (double));
  load_shapes (&b, doc);
  for (guint i = 0; i < b.cards->len; i++)
    {
      const BenchCard *c = &g_array_index (b.cards, BenchCard, i);
      max_x = MAX (max_x, c->x + c->w);
      max_y = MAX (max_y, c->y + c->h);
    }
  /* Everything in view, as a canvas's zoom-to-fit shows it (its 0.1 floor applied). */
  b.zoom = MAX (0.1, MIN (1200 / max_x, 800 / max_y));

  b.window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (b.window), 1200, 800);
  if (g_str_equal (b.mode, "cairo"))
    {
      b.view = gtk_drawing_area_new ();
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (b.view), draw_raw, &b, NULL);
    }
#ifdef HAVE_NINES_CANVAS
  else if (g_str_equal (b.mode, "canvas"))
    {
      g_autoptr(NinesCommandStack) stack = nines_command_stack_new (doc);

      b.view = nines_canvas_new ();
      nines_canvas_set_command_stack (NINES_CANVAS (b.view), stack);
    }
#endif
  else
    {
      fprintf (stderr, "nines-bench-canvas: mode \"%s\" is not in this build\n", b.mode);
      return 77;
    }
  gtk_window_set_child (GTK_WINDOW (b.window), b.view);
  g_signal_connect (b.window, "realize", G_CALLBACK (on_realize), &b);
  loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect_swapped (b.window, "destroy", G_CALLBACK (g_main_loop_quit), loop);
  gtk_window_present (GTK_WINDOW (b.window));
  g_main_loop_run (loop);
  ok = b.times->len > 0;
  g_array_unref (b.cards);
  g_array_unref (b.curves);
  g_array_unref (b.times);
  return ok ? 0 : 1;
}
