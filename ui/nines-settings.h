/* nines-settings.h: what the app keeps in GSettings besides the preferences: window state and
 * recent files (schema io.github.ninesdr.Nines) */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How many designs the "recent-files" key keeps. */
#define NINES_SETTINGS_MAX_RECENT_FILES 10

/* The io.github.ninesdr.Nines settings, or NULL when the schema is not installed (an
 * uninstalled run without GSETTINGS_SCHEMA_DIR): callers then keep the defaults. */
GSettings *nines_settings_new_default  (void);
gboolean   nines_settings_schema_installed (void);

void nines_settings_track_window       (GSettings  *settings,
                                        GtkWindow  *window);
void nines_settings_add_recent_file    (GSettings  *settings,
                                        const char *uri);
void nines_settings_remove_recent_file (GSettings  *settings,
                                        const char *uri);

G_END_DECLS
