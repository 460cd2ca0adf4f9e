/* test-settings.c: window state and recent files kept in GSettings */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "nines-settings.h"

static GSettings *
new_settings (void)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  return g_settings_new_with_backend (APP_ID, backend);
}

static void
assert_recent (GSettings         *settings,
               const char * const *expected)
{
  g_auto(GStrv) list = g_settings_get_strv (settings, "recent-files");

  g_assert_cmpstrv (list, expected);
}

static void
test_recent_files (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  g_auto(GStrv) list = NULL;

  nines_settings_add_recent_file (settings, "file:///a.nines");
  nines_settings_add_recent_file (settings, "file:///b.nines");
  nines_settings_add_recent_file (settings, "file:///c.nines");
  assert_recent (settings, (const char * const []) { "file:///c.nines", "file:///b.nines", "file:///a.nines", NULL });

  /* Opening one again moves it to the front, without a duplicate */
  nines_settings_add_recent_file (settings, "file:///b.nines");
  assert_recent (settings, (const char * const []) { "file:///b.nines", "file:///c.nines", "file:///a.nines", NULL });

  nines_settings_remove_recent_file (settings, "file:///c.nines");
  assert_recent (settings, (const char * const []) { "file:///b.nines", "file:///a.nines", NULL });
  nines_settings_remove_recent_file (settings, "file:///not-there.nines");
  assert_recent (settings, (const char * const []) { "file:///b.nines", "file:///a.nines", NULL });

  /* The list is capped, dropping the oldest */
  for (guint i = 0; i < 2 * NINES_SETTINGS_MAX_RECENT_FILES; i++)
    {
      g_autofree char *uri = g_strdup_printf ("file:///d%u.nines", i);
      nines_settings_add_recent_file (settings, uri);
    }
  list = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (list), ==, NINES_SETTINGS_MAX_RECENT_FILES);
  g_assert_cmpstr (list[0], ==, "file:///d19.nines");
  g_assert_cmpstr (list[NINES_SETTINGS_MAX_RECENT_FILES - 1], ==, "file:///d10.nines");
}

static gboolean
close_window (GtkWindow *window)
{
  gboolean stop = FALSE;

  g_signal_emit_by_name (window, "close-request", &stop);
  return stop;
}

static void
test_window_state (void)
{
  g_autoptr(GSettings) settings = new_settings ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  int width = 0, height = 0;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 600);
  nines_settings_track_window (settings, window);
  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 600);
  g_assert_false (gtk_window_is_maximized (window));

  /* Closing saves the size, and does not stop the close */
  gtk_window_present (window);
  gtk_window_set_default_size (window, 1000, 700);
  g_assert_false (close_window (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 700);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* A size outside the schema's range is clamped, not refused */
  gtk_window_set_default_size (window, 100, 100);
  g_assert_false (close_window (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 360);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 294);

  gtk_window_destroy (window);

  /* Once the settings are gone the window no longer writes to them */
  window = GTK_WINDOW (gtk_window_new ());
  {
    g_autoptr(GSettings) other = new_settings ();
    nines_settings_track_window (other, window);
  }
  g_assert_false (close_window (window));
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nines/ui/settings/recent-files", test_recent_files);
  g_test_add_func ("/nines/ui/settings/window-state", test_window_state);

  return g_test_run ();
}
