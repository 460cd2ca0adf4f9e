/* nines-inspector.h: the side panel: the selection's parameters as rows generated from the
 * catalog's parameter specs, and the DR pattern's knobs. Every edit goes through the
 * command stack; a value the model refuses is shown with the model's reason and never
 * applied. */
#pragma once

#include <adwaita.h>

#include "nines-canvas.h"

G_BEGIN_DECLS

#define NINES_TYPE_INSPECTOR (nines_inspector_get_type ())
G_DECLARE_FINAL_TYPE (NinesInspector, nines_inspector, NINES, INSPECTOR, GtkWidget)

GtkWidget *nines_inspector_new        (void);
void       nines_inspector_set_canvas (NinesInspector *self,
                                       NinesCanvas    *canvas);
/* The editor row of parameter @name of the selected component (or knob @name when
 * @knob), for tests and accessibility lookups. (nullable) */
GtkWidget *nines_inspector_get_row    (NinesInspector *self,
                                       const char     *name,
                                       gboolean        knob);
/* The entry, switch or (for combo rows) the row itself that edits it. (nullable) */
GtkWidget *nines_inspector_get_editor (NinesInspector *self,
                                       const char     *name,
                                       gboolean        knob);

G_END_DECLS
