/* nines-canvas-private.h: shared between nines-canvas.c (layout, drawing, selection)
 * and nines-canvas-input.c (gestures, keys, actions, drag and drop). */
#pragma once

#include <nines-diagram.h>

#include "nines-canvas.h"
#include "nines-service-tile.h"

G_BEGIN_DECLS

typedef enum
{
  NINES_CANVAS_DRAG_NONE,
  NINES_CANVAS_DRAG_MOVE,
  NINES_CANVAS_DRAG_PAN,
  NINES_CANVAS_DRAG_RUBBER,
  NINES_CANVAS_DRAG_CONNECT,
} NinesCanvasDrag;

/* A card that has a tile: what layout and drawing walk each frame, rather than every
 * card of the design and a lookup by id. */
typedef struct
{
  guint      index;                    /* in the geometry */
  GtkWidget *tile;                     /* owned by the widget tree (a child) */
} NinesCanvasShown;

struct _NinesCanvas
{
  GtkWidget            parent_instance;

  NinesCanvasViewport *viewport;
  NinesCommandStack   *stack;
  NinesDocument       *document;
  NinesDeployment     *deployment;
  NinesGeometry       *geometry;
  gboolean             geometry_stale;
  guint                rebuild_source;
  GHashTable          *tiles;          /* card id -> NinesServiceTile (children) */
  GArray              *shown;          /* NinesCanvasShown: every tile, in card order */
  GPtrArray           *selection;      /* component ids, in selection order */
  char                *selected_region;
  NinesDiagramStyle    style;
  char                *failed_region;
  char                *failed_zone;
  gboolean             auto_fit;       /* fit on resize until the user zooms or pans */
  int                  fit_width;
  int                  fit_height;

  /* Pointer interaction. */
  NinesCanvasDrag      drag;
  double               drag_x;          /* widget coords where the drag began */
  double               drag_y;
  double               drag_dx;         /* current offset */
  double               drag_dy;
  double               pan_dx;          /* offset already applied to the view */
  double               pan_dy;
  char                *drag_card;
  NinesPoint           drag_anchor;     /* the dragged card's position at the start */
  gboolean             drag_moved;
  gboolean             drag_toggle;
  double               pinch_zoom;
  double               pointer_x;
  double               pointer_y;
};

void     _nines_canvas_class_init_input  (GtkWidgetClass *widget_class);
void     _nines_canvas_init_input        (NinesCanvas    *self);
void     _nines_canvas_update_actions    (NinesCanvas    *self);
void     _nines_canvas_emit_selection    (NinesCanvas    *self);
void     _nines_canvas_emit_message      (NinesCanvas    *self,
                                          const char     *message);
/* The card index under widget point (@wx, @wy), or -1. */
int      _nines_canvas_card_at           (NinesCanvas    *self,
                                          double          wx,
                                          double          wy);
void     _nines_canvas_refresh_tiles     (NinesCanvas    *self);
/* Brings geometry (and the deployment) up to date with the document. */
void     _nines_canvas_ensure_geometry   (NinesCanvas    *self);

G_END_DECLS
