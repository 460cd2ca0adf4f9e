/* nines-service-tile.h: one card on the canvas, a child widget placed by NinesCanvas in
 * size_allocate (the ShumateMarker pattern): focus, tooltip and accessibility for free. */
#pragma once

#include <gtk/gtk.h>
#include <nines-diagram.h>

G_BEGIN_DECLS

#define NINES_TYPE_SERVICE_TILE (nines_service_tile_get_type ())
G_DECLARE_FINAL_TYPE (NinesServiceTile, nines_service_tile, NINES, SERVICE_TILE, GtkWidget)

NinesServiceTile        *nines_service_tile_new       (void);
/* Shows card @index of @geometry. */
void                     nines_service_tile_set_card  (NinesServiceTile        *self,
                                                       NinesGeometry           *geometry,
                                                       guint                    index);
const NinesGeometryCard *nines_service_tile_get_card  (NinesServiceTile        *self);
const char              *nines_service_tile_get_id    (NinesServiceTile        *self);
void                     nines_service_tile_set_style (NinesServiceTile        *self,
                                                       const NinesDiagramStyle *style,
                                                       NinesDiagramCardFlags    flags);
NinesDiagramCardFlags    nines_service_tile_get_flags (NinesServiceTile        *self);

G_END_DECLS
