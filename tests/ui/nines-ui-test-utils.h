/* nines-ui-test-utils.h: shared helpers of the UI tests (header-only, static) */
#pragma once

#include <adwaita.h>
#include <stdio.h>

/* GTK needs a display; without one the whole program SKIPs (TAP) instead of crashing. */
static inline gboolean
nines_ui_test_init (int    *argc,
                    char ***argv)
{
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("1..0 # SKIP no display (run under xvfb-run)\n");
      return FALSE;
    }
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  return TRUE;
}

/* Spins the main loop until @cond (checked each iteration) or @timeout_ms passes. */
#define NINES_UI_WAIT_FOR(cond, timeout_ms) G_STMT_START {                 \
    gint64 _end = g_get_monotonic_time () + (timeout_ms) * 1000;          \
    while (!(cond) && g_get_monotonic_time () < _end)                     \
      g_main_context_iteration (NULL, FALSE);                             \
  } G_STMT_END

static inline void
nines_ui_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* Writes @widget as rendered to $NINES_PNG_DIR/@name (when set). */
static inline void
nines_ui_save_png (GtkWidget  *widget,
                   const char *name)
{
  const char *dir = g_getenv ("NINES_PNG_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);

  if (dir == NULL || w <= 0 || h <= 0)
    return;
  /* Let the frame clock finish laying out and painting what changed. */
  gtk_widget_queue_draw (widget);
  nines_ui_spin (150);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_test_message ("no render node for %s", name);
      return;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  path = g_build_filename (dir, name, NULL);
  if (cairo_surface_write_to_png (surface, path) != CAIRO_STATUS_SUCCESS)
    g_test_message ("could not write %s", path);
  cairo_surface_destroy (surface);
}
