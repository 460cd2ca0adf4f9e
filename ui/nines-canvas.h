/* nines-canvas.h: the design canvas (regions, AZ lanes, links drawn in snapshot; one
 * NinesServiceTile child per card, placed in size_allocate from plan coordinates). */
#pragma once

#include <adwaita.h>
#include <nines-model.h>

#include "nines-canvas-viewport.h"

G_BEGIN_DECLS

#define NINES_TYPE_CANVAS (nines_canvas_get_type ())
G_DECLARE_FINAL_TYPE (NinesCanvas, nines_canvas, NINES, CANVAS, GtkWidget)

GtkWidget           *nines_canvas_new                (void);
NinesCanvasViewport *nines_canvas_get_viewport       (NinesCanvas       *self);
NinesCommandStack   *nines_canvas_get_command_stack  (NinesCanvas       *self);
void                 nines_canvas_set_command_stack  (NinesCanvas       *self,
                                                      NinesCommandStack *stack);
/* The deployment drawn (the document's pattern applied); rebuilt after each edit. */
NinesDeployment     *nines_canvas_get_deployment     (NinesCanvas       *self);
/* The current layout (brought up to date first). */
NinesGeometry       *nines_canvas_get_geometry       (NinesCanvas       *self);

/* Selected component ids, in the order they were selected. (transfer none) */
const char * const  *nines_canvas_get_selection      (NinesCanvas       *self);
guint                nines_canvas_get_n_selected     (NinesCanvas       *self);
gboolean             nines_canvas_is_selected        (NinesCanvas       *self,
                                                      const char        *id);
void                 nines_canvas_select             (NinesCanvas       *self,
                                                      const char        *id,
                                                      gboolean           extend);
void                 nines_canvas_unselect_all       (NinesCanvas       *self);
/* The region container last clicked (NULL when a card or nothing is). */
const char          *nines_canvas_get_selected_region (NinesCanvas      *self);
void                 nines_canvas_select_region      (NinesCanvas       *self,
                                                      const char        *code);
/* Scrolls so the card is visible and gives it keyboard focus. */
void                 nines_canvas_reveal             (NinesCanvas       *self,
                                                      const char        *id);
GtkWidget           *nines_canvas_get_tile           (NinesCanvas       *self,
                                                      const char        *id);

/* Adds a service of @kind: at plan point @at (NULL: a free spot in the selected or
 * primary region). Returns the new id, or NULL with @error set. */
char                *nines_canvas_add_component      (NinesCanvas       *self,
                                                      const char        *kind,
                                                      const NinesPoint  *at,
                                                      GError           **error);
void                 nines_canvas_zoom_fit           (NinesCanvas       *self);

/* Outage simulation: greys out what a failed region or AZ takes down (both NULL: none). */
void                 nines_canvas_set_outage         (NinesCanvas       *self,
                                                      const char        *region,
                                                      const char        *zone);

G_END_DECLS
