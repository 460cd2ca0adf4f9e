/* nines-canvas-viewport.h: zoom and pan of the canvas, and plan <-> widget coordinates
 * (the ShumateViewport pattern: a plain object the canvas and its tests share). */
#pragma once

#include <glib-object.h>
#include <nines-model.h>

G_BEGIN_DECLS

#define NINES_CANVAS_MIN_ZOOM 0.1
#define NINES_CANVAS_MAX_ZOOM 4.0
/* Zoom below which a card's name alone is drawn, in its largest readable size (see
 * nines_diagram_draw_card()); a design is first shown at least this large. */
#define NINES_CANVAS_READABLE_ZOOM 0.6

#define NINES_TYPE_CANVAS_VIEWPORT (nines_canvas_viewport_get_type ())
G_DECLARE_FINAL_TYPE (NinesCanvasViewport, nines_canvas_viewport, NINES, CANVAS_VIEWPORT, GObject)

NinesCanvasViewport *nines_canvas_viewport_new            (void);
double               nines_canvas_viewport_get_zoom       (NinesCanvasViewport *self);
/* Plan coordinate shown at the widget's top-left corner. */
void                 nines_canvas_viewport_get_origin     (NinesCanvasViewport *self,
                                                           double              *x,
                                                           double              *y);
void                 nines_canvas_viewport_set_origin     (NinesCanvasViewport *self,
                                                           double               x,
                                                           double               y);
/* Clamps to [MIN_ZOOM, MAX_ZOOM], keeping the plan point under widget (@wx, @wy) fixed. */
void                 nines_canvas_viewport_zoom_at        (NinesCanvasViewport *self,
                                                           double               zoom,
                                                           double               wx,
                                                           double               wy);
/* Moves the view by (@dx, @dy) widget pixels (content follows the pointer). */
void                 nines_canvas_viewport_pan            (NinesCanvasViewport *self,
                                                           double               dx,
                                                           double               dy);
/* Shows all of @bounds centred in a @width × @height widget with @margin pixels around,
 * never zooming in beyond 1. */
void                 nines_canvas_viewport_fit            (NinesCanvasViewport *self,
                                                           const NinesRect     *bounds,
                                                           double               width,
                                                           double               height,
                                                           double               margin);
/* Like _fit(), but never below @min_zoom: when all of @bounds would be smaller than that,
 * fits its width instead (at least @min_zoom, centred) and shows its top; the rest is a
 * scroll away. Used when a design is opened, so cards are readable at first sight. */
void                 nines_canvas_viewport_fit_readable   (NinesCanvasViewport *self,
                                                           const NinesRect     *bounds,
                                                           double               width,
                                                           double               height,
                                                           double               margin,
                                                           double               min_zoom);
void                 nines_canvas_viewport_plan_to_widget (NinesCanvasViewport *self,
                                                           double               px,
                                                           double               py,
                                                           double              *wx,
                                                           double              *wy);
void                 nines_canvas_viewport_widget_to_plan (NinesCanvasViewport *self,
                                                           double               wx,
                                                           double               wy,
                                                           double              *px,
                                                           double              *py);
/* The plan rectangle visible in a @width × @height widget. */
void                 nines_canvas_viewport_get_visible    (NinesCanvasViewport *self,
                                                           double               width,
                                                           double               height,
                                                           NinesRect           *visible);

G_END_DECLS
