/* nines-ui.h: the UI library's set-up, shared by the app and the UI tests */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the UI resources (templates, style.css) once. Every templated widget calls it
 * in class_init, so widgets work without NinesWindow (the UI tests build them alone). */
void nines_ui_ensure_resources (void);

G_END_DECLS
