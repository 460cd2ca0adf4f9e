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
 * Both modes show the whole design zoomed to fit. "cairo" draws, in one GtkDrawingArea
 * callback, exactly the shapes of the canvas's own NinesGeometry: region boxes and AZ
 * lanes, every card as a rectangle with its label, every link as the canvas's Bézier
 * curve: the least any canvas of this design can do. "canvas" is the NinesCanvas the
 * application shows (when the build has it). */
#define G_LOG_DOMAIN "nines-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <adwaita.h>
#include <nines-model.h>
#ifdef HAVE_NINES_CANVAS
# include "nines-canvas.h"
#endif


typedef struct
{
  double  x, y, w, h;
  char   *label;
} BenchCard;

typedef struct
{
  double p[8];   /* start, two control points, end */
} BenchCurve;

typedef struct
{
  const char *mode;
  GtkWidget  *window;
  GtkWidget  *view;
  GArray     *cards;     /* BenchCard */
  GArray     *boxes;     /* BenchCard without label: regions and AZ lanes */
  NinesRect   bounds;
  gboolean    fitted;
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
  g_clear_pointer (&((BenchCard *) p)->label, g_free);
}

/* The shapes the canvas shows, from the same NinesGeometry it draws: region boxes, AZ
 * lanes, one card per deployed item (the pattern's additions included) and the links as
 * the canvas's own Bézier curves. */
static void
load_shapes (Bench         *b,
             NinesDocument *doc)
{
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, nines_document_get_dr_pattern (doc));
  g_autoptr(NinesGeometry) geometry = nines_geometry_new (doc, dep);

  for (guint i = 0; i < nines_geometry_get_n_regions (geometry); i++)
    {
      const NinesGeometryRegion *r = nines_geometry_get_region (geometry, i);
      BenchCard box = { r->rect.x, r->rect.y, r->rect.width, r->rect.height, NULL };

      g_array_append_val (b->boxes, box);
      for (guint z = 0; r->zones && r->zones[z]; z++)
        {
          BenchCard lane = { r->zone_rects[z].x, r->zone_rects[z].y,
                             r->zone_rects[z].width, r->zone_rects[z].height, NULL };
          g_array_append_val (b->boxes, lane);
        }
    }
  for (guint i = 0; i < nines_geometry_get_n_cards (geometry); i++)
    {
      const NinesGeometryCard *c = nines_geometry_get_card (geometry, i);
      BenchCard card = { c->rect.x, c->rect.y, c->rect.width, c->rect.height,
                         g_strdup (nines_component_get_display_name (c->component)) };

      g_array_append_val (b->cards, card);
    }
  for (guint i = 0; i < nines_geometry_get_n_links (geometry); i++)
    {
      const NinesGeometryLink *l = nines_geometry_get_link (geometry, i);
      BenchCurve curve;

      nines_geometry_link_curve (&nines_geometry_get_card (geometry, l->from)->rect,
                                 &nines_geometry_get_card (geometry, l->to)->rect, curve.p);
      g_array_append_val (b->curves, curve);
    }
  nines_geometry_get_bounds (geometry, &b->bounds);
}

static void
draw_raw (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        user_data)
{
  Bench *b = user_data;
  /* zoom to fit, as nines_canvas_zoom_fit(): 32 px margin, never above 1, floor 0.1 */
  double zoom = CLAMP (MIN ((width - 64) / b->bounds.width, (height - 64) / b->bounds.height), 0.1, 1.0);

  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  cairo_translate (cr, b->shift + (width - b->bounds.width * zoom) / 2,
                   (height - b->bounds.height * zoom) / 2);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -b->bounds.x, -b->bounds.y);
  b->zoom = zoom;

  cairo_set_line_width (cr, 1.0);
  for (guint i = 0; i < b->boxes->len; i++)
    {
      const BenchCard *r = &g_array_index (b->boxes, BenchCard, i);

      cairo_rectangle (cr, r->x, r->y, r->w, r->h);
      cairo_set_source_rgba (cr, 0.2, 0.4, 0.8, 0.06);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.6, 0.65, 0.7);
      cairo_stroke (cr);
    }
  cairo_set_line_width (cr, 1.5);
  cairo_set_source_rgb (cr, 0.4, 0.45, 0.5);
  for (guint i = 0; i < b->curves->len; i++)
    {
      const double *p = g_array_index (b->curves, BenchCurve, i).p;

      cairo_move_to (cr, p[0], p[1]);
      cairo_curve_to (cr, p[2], p[3], p[4], p[5], p[6], p[7]);
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
#ifdef HAVE_NINES_CANVAS
  if (NINES_IS_CANVAS (b->view) && !b->fitted)
    {
      nines_canvas_zoom_fit (NINES_CANVAS (b->view));
      b->zoom = nines_canvas_viewport_get_zoom (nines_canvas_get_viewport (NINES_CANVAS (b->view)));
      b->fitted = TRUE;
    }
#endif
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
          printf ("frame %s %.3f %.3f cards=%u curves=%u zoom=%.3f\n", b->mode,
                  g_array_index (b->times, double, b->times->len / 2), sum / b->times->len,
                  b->cards->len, b->curves->len, b->zoom);
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
  b.boxes = g_array_new (FALSE, FALSE, sizeof (BenchCard));
  g_array_set_clear_func (b.boxes, clear_card);
  b.times = g_array_new (FALSE, FALSE, sizeof (double));
  load_shapes (&b, doc);

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
  g_array_unref (b.boxes);
  g_array_unref (b.curves);
  g_array_unref (b.times);
  return ok ? 0 : 1;
}
