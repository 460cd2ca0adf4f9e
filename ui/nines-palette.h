/* nines-palette.h: the services a design can hold, to drag onto the canvas or to add with
 * the keyboard (activating a row runs win.add-component with the kind). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NINES_TYPE_PALETTE (nines_palette_get_type ())
G_DECLARE_FINAL_TYPE (NinesPalette, nines_palette, NINES, PALETTE, GtkWidget)

GtkWidget *nines_palette_new (void);

G_END_DECLS
