/* nines-app-dialogs.c: app.preferences and app.about
 *
 * Call nines_app_dialogs_install() from the application's startup: it adds the two actions and
 * the preferences accelerator (Ctrl+comma, as in every GNOME app), so a menu item only needs
 * to name the action. Both windows are transient for the active window. There is at most one
 * preferences window per application: asking again presents the open one. */
#define G_LOG_DOMAIN "nines-app-dialogs"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-about-window.h"
#include "nines-app-dialogs.h"
#include "nines-preferences-window.h"
#include "nines-settings.h"

#define PREFERENCES_WINDOW_KEY "nines-preferences-window"

/* Forget a closed window, so it is never presented again. */
static void
on_preferences_destroy (GtkWidget      *window,
                        GtkApplication *application)
{
  if (g_object_get_data (G_OBJECT (application), PREFERENCES_WINDOW_KEY) == window)
    g_object_set_data (G_OBJECT (application), PREFERENCES_WINDOW_KEY, NULL);
}

/**
 * nines_app_dialogs_show_preferences:
 *
 * Presents the preferences window, transient for the active window; creates it first unless
 * one is already open.
 */
void
nines_app_dialogs_show_preferences (GtkApplication *application)
{
  GtkWindow *parent;
  GtkWindow *window;

  g_return_if_fail (GTK_IS_APPLICATION (application));

  parent = gtk_application_get_active_window (application);
  window = g_object_get_data (G_OBJECT (application), PREFERENCES_WINDOW_KEY);

  if (window == NULL && !nines_settings_schema_installed ())
    {
      AdwMessageDialog *dialog;

      /* An installation problem, not a crash: say what is missing. */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Preferences Unavailable"), NULL));
      adw_message_dialog_format_body (dialog,
                                      _("The settings schema %s is not installed. Install Nines, or "
                                        "run it with GSETTINGS_SCHEMA_DIR set to the build’s data folder."),
                                      APP_ID);
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (window == NULL)
    {
      window = GTK_WINDOW (nines_preferences_window_new (NULL));
      gtk_window_set_modal (window, TRUE);
      g_object_set_data (G_OBJECT (application), PREFERENCES_WINDOW_KEY, window);
      g_signal_connect_object (window, "destroy",
                               G_CALLBACK (on_preferences_destroy), application, 0);
    }

  if (parent != NULL && parent != window)
    gtk_window_set_transient_for (window, parent);
  gtk_window_present (window);
}

AdwPreferencesWindow *
nines_app_dialogs_get_preferences (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  return g_object_get_data (G_OBJECT (application), PREFERENCES_WINDOW_KEY);
}

/**
 * nines_app_dialogs_show_about:
 *
 * Presents a new about window, transient for the active window.
 */
void
nines_app_dialogs_show_about (GtkApplication *application)
{
  AdwAboutWindow *about;

  g_return_if_fail (GTK_IS_APPLICATION (application));

  about = nines_about_window_new (gtk_application_get_active_window (application));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  nines_app_dialogs_show_preferences (GTK_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  nines_app_dialogs_show_about (GTK_APPLICATION (user_data));
}

static const GActionEntry dialog_actions[] = {
  { "preferences", preferences_action },
  { "about", about_action },
};

/**
 * nines_app_dialogs_install:
 *
 * Adds app.preferences (Ctrl+comma) and app.about to @application.
 */
void
nines_app_dialogs_install (GtkApplication *application)
{
  static const char * const preferences_accels[] = { "<Control>comma", NULL };

  g_return_if_fail (GTK_IS_APPLICATION (application));

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   dialog_actions, G_N_ELEMENTS (dialog_actions),
                                   application);
  gtk_application_set_accels_for_action (application, "app.preferences", preferences_accels);
}
