/* nines-app-dialogs.h: app.preferences and app.about, for the application to install */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void nines_app_dialogs_install          (GtkApplication *application);
void nines_app_dialogs_show_preferences (GtkApplication *application);
void nines_app_dialogs_show_about       (GtkApplication *application);
/* The open preferences window, or NULL. (transfer none) */
AdwPreferencesWindow *nines_app_dialogs_get_preferences (GtkApplication *application);

G_END_DECLS
