#define G_LOG_DOMAIN "nines-canvas-viewport"

#include "config.h"

#include "nines-canvas-viewport.h"

struct _NinesCanvasViewport
{
  GObject parent_instance;
  double  zoom;
  double  x;   /* plan coordinate at the widget origin */
  double  y;
};

G_DEFINE_FINAL_TYPE (NinesCanvasViewport, nines_canvas_viewport, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
nines_canvas_viewport_class_init (NinesCanvasViewportClass *klass)
{
  /**
   * NinesCanvasViewport::changed:
   *
   * The zoom or the origin changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nines_canvas_viewport_init (NinesCanvasViewport *self)
{
  self->zoom = 1.0;
}

NinesCanvasViewport *
nines_canvas_viewport_new (void)
{
  return g_object_new (NINES_TYPE_CANVAS_VIEWPORT, NULL);
}

double
nines_canvas_viewport_get_zoom (NinesCanvasViewport *self)
{
  g_return_val_if_fail (NINES_IS_CANVAS_VIEWPORT (self), 1.0);
  return self->zoom;
}

void
nines_canvas_viewport_get_origin (NinesCanvasViewport *self,
                                  double              *x,
                                  double              *y)
{
  g_return_if_fail (NINES_IS_CANVAS_VIEWPORT (self));
  if (x)
    *x = self->x;
  if (y)
    *y = self->y;
}

void
nines_canvas_viewport_set_origin (NinesCanvasViewport *self,
                                  double               x,
                                  double               y)
{
  g_return_if_fail (NINES_IS_CANVAS_VIEWPORT (self));
  if (x == self->x && y == self->y)
    return;
  self->x = x;
  self->y = y;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
nines_canvas_viewport_zoom_at (NinesCanvasViewport *self,
                               double               zoom,
                               double               wx,
                               double               wy)
{
  double px, py;

  g_return_if_fail (NINES_IS_CANVAS_VIEWPORT (self));

  zoom = CLAMP (zoom, NINES_CANVAS_MIN_ZOOM, NINES_CANVAS_MAX_ZOOM);
  if (zoom == self->zoom)
    return;
  nines_canvas_viewport_widget_to_plan (self, wx, wy, &px, &py);
  self->zoom = zoom;
  self->x = px - wx / zoom;
  self->y = py - wy / zoom;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
nines_canvas_viewport_pan (NinesCanvasViewport *self,
                           double               dx,
                           double               dy)
{
  g_return_if_fail (NINES_IS_CANVAS_VIEWPORT (self));
  nines_canvas_viewport_set_origin (self, self->x - dx / self->zoom, self->y - dy / self->zoom);
}

void
nines_canvas_viewport_fit (NinesCanvasViewport *self,
                           const NinesRect     *bounds,
                           double               width,
                           double               height,
                           double               margin)
{
  double zoom;

  g_return_if_fail (NINES_IS_CANVAS_VIEWPORT (self));
  g_return_if_fail (bounds != NULL);

  if (width <= 2 * margin || height <= 2 * margin)
    return;
  if (bounds->width <= 0 || bounds->height <= 0)
    zoom = 1.0;
  else
    zoom = MIN ((width - 2 * margin) / bounds->width, (height - 2 * margin) / bounds->height);
  self->zoom = CLAMP (MIN (zoom, 1.0), NINES_CANVAS_MIN_ZOOM, NINES_CANVAS_MAX_ZOOM);
  self->x = bounds->x + bounds->width / 2 - width / 2 / self->zoom;
  self->y = bounds->y + bounds->height / 2 - height / 2 / self->zoom;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
nines_canvas_viewport_fit_readable (NinesCanvasViewport *self,
                                    const NinesRect     *bounds,
                                    double               width,
                                    double               height,
                                    double               margin,
                                    double               min_zoom)
{
  double zoom;

  g_return_if_fail (NINES_IS_CANVAS_VIEWPORT (self));
  g_return_if_fail (bounds != NULL);

  if (width <= 2 * margin || height <= 2 * margin || bounds->width <= 0 || bounds->height <= 0 ||
      MIN ((width - 2 * margin) / bounds->width,
           (height - 2 * margin) / bounds->height) >= min_zoom)
    {
      nines_canvas_viewport_fit (self, bounds, width, height, margin);
      return;
    }
  zoom = MAX (min_zoom, MIN ((width - 2 * margin) / bounds->width, 1.0));
  self->zoom = CLAMP (zoom, NINES_CANVAS_MIN_ZOOM, NINES_CANVAS_MAX_ZOOM);
  self->x = bounds->x + bounds->width / 2 - width / 2 / self->zoom;
  self->y = bounds->y - margin / self->zoom;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
nines_canvas_viewport_plan_to_widget (NinesCanvasViewport *self,
                                      double               px,
                                      double               py,
                                      double              *wx,
                                      double              *wy)
{
  g_return_if_fail (NINES_IS_CANVAS_VIEWPORT (self));
  *wx = (px - self->x) * self->zoom;
  *wy = (py - self->y) * self->zoom;
}

void
nines_canvas_viewport_widget_to_plan (NinesCanvasViewport *self,
                                      double               wx,
                                      double               wy,
                                      double              *px,
                                      double              *py)
{
  g_return_if_fail (NINES_IS_CANVAS_VIEWPORT (self));
  *px = self->x + wx / self->zoom;
  *py = self->y + wy / self->zoom;
}

void
nines_canvas_viewport_get_visible (NinesCanvasViewport *self,
                                   double               width,
                                   double               height,
                                   NinesRect           *visible)
{
  g_return_if_fail (NINES_IS_CANVAS_VIEWPORT (self));
  visible->x = self->x;
  visible->y = self->y;
  visible->width = width / self->zoom;
  visible->height = height / self->zoom;
}
