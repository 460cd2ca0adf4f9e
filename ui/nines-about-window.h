/* nines-about-window.h: the about window (AdwAboutWindow) */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwAboutWindow *nines_about_window_new (GtkWindow *parent);

G_END_DECLS
