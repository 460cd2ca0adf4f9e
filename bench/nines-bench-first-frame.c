/* nines-bench-first-frame.c: LD_PRELOAD instrument for start-up benchmarks.
 *
 * Wraps gtk_window_present() so any GTK 4 program (the bare reference and `nines`
 * alike, unmodified) reports the first frame its first presented window paints while
 * mapped, exactly as ../shared/testing/README.md §5 measures it:
 *
 *   NINES_BENCH_FIRST_FRAME since_launch_ms=… peak_rss_kb=… renderer=…
 *
 * on stdout. NINES_BENCH_T0_US is the launch time (g_get_real_time() µs, taken by the
 * caller just before exec); peak RSS is the process's VmHWM at that frame. With
 * NINES_BENCH_EXIT_AFTER_FIRST_FRAME=1 the program exits right after it. */
#define G_LOG_DOMAIN "nines-bench"
#define _GNU_SOURCE

#include "config.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gtk/gtk.h>

static gboolean armed;
static gulong after_paint_id;

static long
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  if (!(line = strstr (status, "VmHWM:")))
    return -1;
  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

static void
on_after_paint (GdkFrameClock *clock,
                GtkWidget     *window)
{
  const char *t0 = g_getenv ("NINES_BENCH_T0_US");
  gint64 now = g_get_real_time ();
  GskRenderer *renderer;

  if (!gtk_widget_get_mapped (window))
    return;
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  printf ("NINES_BENCH_FIRST_FRAME since_launch_ms=%.1f peak_rss_kb=%ld renderer=%s\n",
          t0 ? (now - g_ascii_strtoll (t0, NULL, 10)) / 1000.0 : -1.0,
          peak_rss_kb (), renderer ? G_OBJECT_TYPE_NAME (renderer) : "none");
  fflush (stdout);
  g_signal_handler_disconnect (clock, after_paint_id);
  if (g_strcmp0 (g_getenv ("NINES_BENCH_EXIT_AFTER_FIRST_FRAME"), "1") == 0)
    _exit (0);
}

static void
on_realize (GtkWidget *window,
            gpointer   user_data)
{
  after_paint_id = g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                                     G_CALLBACK (on_after_paint), window);
}

void
gtk_window_present (GtkWindow *window)
{
  static void (*real_present) (GtkWindow *) = NULL;

  if (real_present == NULL)
    real_present = (void (*) (GtkWindow *)) dlsym (RTLD_NEXT, "gtk_window_present");
  if (!armed)
    {
      armed = TRUE;
      if (gtk_widget_get_realized (GTK_WIDGET (window)))
        on_realize (GTK_WIDGET (window), NULL);
      else
        g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
    }
  real_present (window);
}
