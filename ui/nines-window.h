/* nines-window.h: the main window */
#pragma once

#include <adwaita.h>
#include <nines-model.h>

G_BEGIN_DECLS

#define NINES_TYPE_WINDOW (nines_window_get_type ())
G_DECLARE_FINAL_TYPE (NinesWindow, nines_window, NINES, WINDOW, AdwApplicationWindow)

NinesWindow   *nines_window_new          (GtkApplication *application);
NinesDocument *nines_window_get_document (NinesWindow    *self);
void           nines_window_set_document (NinesWindow    *self,
                                          NinesDocument  *document,
                                          const char     *path);

G_END_DECLS
