/* nines-settings.c: window state and recent files in GSettings
 *
 * Recent designs live in the app's own "recent-files" key (not GtkRecentManager's
 * desktop-wide list): the welcome page offers exactly what this app opened or saved, in
 * that order, and the tests check it with the memory backend.
 *
 * The window's size is restored before it is shown and saved when it closes (not on every
 * resize, which would write dconf at the rate of a drag). A maximized window keeps the size
 * it had before, so unmaximizing after a restart goes back to it. */
#define G_LOG_DOMAIN "nines-settings"

#include "config.h"

#include "nines-settings.h"

/**
 * nines_settings_schema_installed:
 *
 * Returns: whether the io.github.ninesdr.Nines schema can be found
 */
gboolean
nines_settings_schema_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL;
}

/**
 * nines_settings_new_default:
 *
 * Returns: (transfer full) (nullable): the app's settings, or %NULL when the schema is not
 *   installed (g_settings_new() would abort)
 */
GSettings *
nines_settings_new_default (void)
{
  return nines_settings_schema_installed () ? g_settings_new (APP_ID) : NULL;
}

static int
clamp_to_key (GSettings  *settings,
              const char *key,
              int         value)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *type;
  int lo, hi;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &type, &limits);
  if (!g_str_equal (type, "range"))
    return value;
  g_variant_get (limits, "(ii)", &lo, &hi);
  return CLAMP (value, lo, hi);
}

static gboolean
on_close_request (GtkWindow *window,
                  GSettings *settings)
{
  gboolean maximized = gtk_window_is_maximized (window);

  if (!maximized)
    {
      int width = 0, height = 0;

      gtk_window_get_default_size (window, &width, &height);
      if (width > 0)
        g_settings_set_int (settings, "window-width", clamp_to_key (settings, "window-width", width));
      if (height > 0)
        g_settings_set_int (settings, "window-height", clamp_to_key (settings, "window-height", height));
    }
  g_settings_set_boolean (settings, "window-maximized", maximized);

  return GDK_EVENT_PROPAGATE;
}

/**
 * nines_settings_track_window:
 * @settings: the io.github.ninesdr.Nines settings
 * @window: a window not yet shown
 *
 * Gives @window the size (and maximized state) saved last time, and saves them again when
 * the window is closed.
 */
void
nines_settings_track_window (GSettings *settings,
                             GtkWindow *window)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_window_set_default_size (window,
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (window);

  g_signal_connect_object (window, "close-request",
                           G_CALLBACK (on_close_request), settings, 0);
}

static void
set_recent_files (GSettings  *settings,
                  const char *first,
                  const char *removed)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  guint n = 0;

  if (first != NULL)
    {
      g_strv_builder_add (builder, first);
      n++;
    }
  for (guint i = 0; old[i] != NULL && n < NINES_SETTINGS_MAX_RECENT_FILES; i++)
    {
      if (g_strcmp0 (old[i], first) == 0 || g_strcmp0 (old[i], removed) == 0)
        continue;
      g_strv_builder_add (builder, old[i]);
      n++;
    }

  list = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-files", (const char * const *) list);
}

/**
 * nines_settings_add_recent_file:
 * @uri: the URI of a design just opened or saved
 *
 * Puts @uri first in "recent-files", without duplicates, keeping at most
 * %NINES_SETTINGS_MAX_RECENT_FILES entries.
 */
void
nines_settings_add_recent_file (GSettings  *settings,
                                const char *uri)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (uri != NULL && uri[0] != '\0');

  set_recent_files (settings, uri, NULL);
}

/**
 * nines_settings_remove_recent_file:
 * @uri: a URI that should no longer be offered, e.g. because the file is gone
 */
void
nines_settings_remove_recent_file (GSettings  *settings,
                                   const char *uri)
{
  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (uri != NULL);

  set_recent_files (settings, NULL, uri);
}
