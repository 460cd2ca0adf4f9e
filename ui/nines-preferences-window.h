/* nines-preferences-window.h: the preferences, bound to GSettings */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NINES_TYPE_PREFERENCES_WINDOW (nines_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (NinesPreferencesWindow, nines_preferences_window, NINES, PREFERENCES_WINDOW, AdwPreferencesWindow)

NinesPreferencesWindow *nines_preferences_window_new          (GSettings              *settings);
GSettings              *nines_preferences_window_get_settings (NinesPreferencesWindow *self);

G_END_DECLS
