/* nines-window.h: the main window: welcome page, canvas, palette, inspector */
#pragma once

#include <adwaita.h>
#include <nines-model.h>

#include "nines-canvas.h"
#include "nines-inspector.h"
#include "nines-analysis.h"
#include "nines-summary-bar.h"

G_BEGIN_DECLS

#define NINES_TYPE_WINDOW (nines_window_get_type ())
G_DECLARE_FINAL_TYPE (NinesWindow, nines_window, NINES, WINDOW, AdwApplicationWindow)

NinesWindow       *nines_window_new               (GtkApplication *application);
/* (nullable) while the welcome page shows */
NinesDocument     *nines_window_get_document      (NinesWindow    *self);
NinesCommandStack *nines_window_get_command_stack (NinesWindow    *self);
NinesCanvas       *nines_window_get_canvas        (NinesWindow    *self);
NinesInspector    *nines_window_get_inspector     (NinesWindow    *self);
NinesAnalysis     *nines_window_get_analysis      (NinesWindow    *self);
NinesSummaryBar   *nines_window_get_summary       (NinesWindow    *self);
/* A page of the bottom panel: "costs", "recovery", "findings", "compare", "simulate". */
GtkWidget         *nines_window_get_panel         (NinesWindow    *self,
                                                   const char     *name);
/* (nullable): where the design is saved */
const char        *nines_window_get_path          (NinesWindow    *self);
/* Shows @document for editing; @path is where it was loaded from (NULL: not saved yet). */
void               nines_window_set_document      (NinesWindow    *self,
                                                   NinesDocument  *document,
                                                   const char     *path);
gboolean           nines_window_load_file         (NinesWindow    *self,
                                                   const char     *path,
                                                   GError        **error);
gboolean           nines_window_save_to_file      (NinesWindow    *self,
                                                   const char     *path,
                                                   GError        **error);
void               nines_window_show_welcome      (NinesWindow    *self);
/* Reprices the design with @prices (NULL: the bundled snapshot). */
void               nines_window_set_prices        (NinesWindow        *self,
                                                   NinesPriceSnapshot *prices);
/* Shows @toast (e.g. one kept to update or dismiss). */
void               nines_window_show_toast        (NinesWindow    *self,
                                                   AdwToast       *toast);
void               nines_window_add_toast         (NinesWindow    *self,
                                                   const char     *message);
/* The folder autosaves go to: $XDG_STATE_HOME/nines/autosave. (transfer full) */
char              *nines_window_get_autosave_dir  (void);

G_END_DECLS
