/* bench-gui.c: start-up to first frame of the real Nines window against a bare GTK 4
 * window, and the canvas frame time with 2,000 components.
 *
 *   bench-gui bare|nines      prints FIRST_FRAME since_launch_ms=… (NINES_BENCH_T0_US is the
 *                             launch time in µs of CLOCK_REALTIME, set by bench-gui.sh)
 *   bench-gui frames [N]      pans a 2,000-component design for N frames and prints
 *                             FRAMES mean_ms=… p95_ms=… max_ms=… (layout + snapshot + render)
 * bench-gui.sh runs them alternately under Xvfb and reports medians and the ratio. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <sys/resource.h>

#include "nines-canvas.h"
#include "nines-window.h"

static gint64 t0_us;

static void
first_frame_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  gint64 now = g_get_real_time ();

  if (!gtk_widget_get_mapped (window))
    return;
  struct rusage ru;

  /* CPU time too: on a shared, loaded machine it varies far less than wall time. */
  getrusage (RUSAGE_SELF, &ru);
  printf ("FIRST_FRAME since_launch_ms=%.1f cpu_ms=%.1f\n", (now - t0_us) / 1000.0,
          (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0);
  fflush (stdout);
  exit (0);
}

static void
on_map (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_frame_cb), window);
}

static int
first_frame (gboolean nines)
{
  GtkWindow *window;
  const char *t0 = g_getenv ("NINES_BENCH_T0_US");

  t0_us = t0 ? g_ascii_strtoll (t0, NULL, 10) : g_get_real_time ();
  gtk_init ();
  adw_init ();
  if (nines)
    {
      g_autoptr(NinesDocument) doc = nines_document_load_example ("storefront", NULL);
      window = GTK_WINDOW (nines_window_new (NULL));
      nines_window_set_document (NINES_WINDOW (window), doc, NULL);
    }
  else
    {
      window = GTK_WINDOW (gtk_window_new ());
      gtk_window_set_default_size (window, 1280, 820);
      gtk_window_set_child (window, gtk_label_new ("bare GTK 4 window"));
    }
  g_signal_connect (window, "map", G_CALLBACK (on_map), NULL);
  gtk_window_present (window);
  while (TRUE)
    g_main_context_iteration (NULL, TRUE);
  return 0;
}

static gint64 frame_start;
static double frame_cpu_start;
static GArray *frame_times;
static GArray *frame_cpu;

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
layout_cb (GdkFrameClock *clock)
{
  frame_start = g_get_monotonic_time ();
  frame_cpu_start = thread_cpu_ms ();
}

static void
after_paint_cb (GdkFrameClock *clock)
{
  double ms;

  if (frame_start == 0)
    return;
  ms = (g_get_monotonic_time () - frame_start) / 1000.0;
  g_array_append_val (frame_times, ms);
  ms = thread_cpu_ms () - frame_cpu_start;
  g_array_append_val (frame_cpu, ms);
  frame_start = 0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static int
frames (guint n)
{
  g_autoptr(NinesDocument) doc = nines_document_new ();
  g_autoptr(NinesCommandStack) stack = NULL;
  const char *kinds[] = { "ec2-asg", "rds", "s3", "sqs", "lambda", "dynamodb", "alb", "elasticache" };
  const char *azs[] = { "use1-az1", "use1-az2", "use1-az4", NULL };
  GtkWindow *window;
  NinesCanvas *canvas;
  GdkFrameClock *clock;
  NinesRect bounds;
  double sum = 0;

  gtk_init ();
  adw_init ();
  {
    g_autoptr(NinesRegion) region = nines_region_new ("us-east-1", azs);
    nines_document_add_region (doc, region);
  }
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_autoptr(NinesComponent) c = nines_component_new (id, kinds[i % G_N_ELEMENTS (kinds)], "us-east-1");
      const NinesKindInfo *info = nines_component_get_kind_info (c);

      if (info->placement == NINES_PLACEMENT_ZONAL)
        nines_component_set_azs (c, azs);
      nines_document_add_component (doc, c);
      if (i > 0 && i % 3 == 0)
        {
          g_autofree char *from = g_strdup_printf ("c%u", i - 1);
          g_autoptr(NinesLink) link = nines_link_new (from, id, NINES_LINK_TRAFFIC);
          nines_document_add_link (doc, link);
        }
    }
  stack = nines_command_stack_new (doc);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 820);
  canvas = NINES_CANVAS (nines_canvas_new ());
  gtk_window_set_child (window, GTK_WIDGET (canvas));
  nines_canvas_set_command_stack (canvas, stack);
  gtk_window_present (window);
  while (gtk_widget_get_width (GTK_WIDGET (canvas)) < 100)
    g_main_context_iteration (NULL, TRUE);

  /* At a zoom where the cards show their text. */
  nines_canvas_viewport_zoom_at (nines_canvas_get_viewport (canvas), 0.8, 0, 0);
  nines_geometry_get_bounds (nines_canvas_get_geometry (canvas), &bounds);
  nines_canvas_viewport_set_origin (nines_canvas_get_viewport (canvas), bounds.x, bounds.y);
  frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  frame_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (canvas));
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  while (frame_times->len < n)
    {
      guint before = frame_times->len;
      nines_canvas_viewport_pan (nines_canvas_get_viewport (canvas), -7, -3);
      while (frame_times->len == before)
        g_main_context_iteration (NULL, TRUE);
    }
  g_array_sort (frame_times, compare_double);
  g_array_sort (frame_cpu, compare_double);
  for (guint i = 0; i < frame_times->len; i++)
    sum += g_array_index (frame_times, double, i);
  printf ("FRAMES components=2000 frames=%u mean_ms=%.2f median_ms=%.2f p95_ms=%.2f max_ms=%.2f\n",
          frame_times->len, sum / frame_times->len,
          g_array_index (frame_times, double, frame_times->len / 2),
          g_array_index (frame_times, double, frame_times->len * 95 / 100),
          g_array_index (frame_times, double, frame_times->len - 1));
  printf ("FRAMES_CPU median_ms=%.2f p95_ms=%.2f (main thread CPU from layout to after-paint)\n",
          g_array_index (frame_cpu, double, frame_cpu->len / 2),
          g_array_index (frame_cpu, double, frame_cpu->len * 95 / 100));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 2 && g_str_equal (argv[1], "bare"))
    return first_frame (FALSE);
  if (argc >= 2 && g_str_equal (argv[1], "nines"))
    return first_frame (TRUE);
  if (argc >= 2 && g_str_equal (argv[1], "frames"))
    return frames (argc >= 3 ? (guint) atoi (argv[2]) : 300);
  fprintf (stderr, "usage: bench-gui bare|nines|frames [N]\n");
  return 2;
}
