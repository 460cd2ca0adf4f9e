/* nines-ui.h: the UI library's set-up and small helpers, shared by the app and the UI tests */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Registers the UI resources (templates, style.css) once. Every templated widget calls it
 * in class_init, so widgets work without NinesWindow (the UI tests build them alone). */
void nines_ui_ensure_resources (void);

/* Loads the icon theme and the icons the main window shows first on a thread of its own,
 * while the main thread builds the window, so that its first frame finds them loaded. */
void nines_ui_warm_icons (GdkDisplay *display);

/* The icons nines_ui_warm_icons() loads, NULL-terminated: the UI tests check that the
 * window shows no other icon at start. */
const char * const *nines_ui_get_warm_icon_names (void);

/* gtk_widget_set_tooltip_text()/_markup(), without a round trip to the display server
 * when nothing changes or nothing can be showing the tooltip yet (see nines-ui.c). */
void nines_ui_set_tooltip_text   (GtkWidget  *widget,
                                  const char *text);
void nines_ui_set_tooltip_markup (GtkWidget  *widget,
                                  const char *markup);

/* Has the charts drawn on @cr (nines-chart.h) render text as @widget does: its font
 * options and language, and the fonts its labels already loaded. */
void nines_ui_prepare_chart (GtkWidget *widget,
                             cairo_t   *cr);

G_END_DECLS
