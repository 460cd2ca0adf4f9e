/* test-app-dialogs.c: the shortcuts window, the about window, the app icon and the
 * app.preferences / app.about actions */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-about-window.h"
#include "nines-app-dialogs.h"
#include "nines-preferences-window.h"

/* The accelerators issue 7 asks for, as the shortcuts window must list them. */
static const struct {
  const char *accelerator;
  const char *what;
} required_shortcuts[] = {
  { "<Control>n", "new" },
  { "<Control>o", "open" },
  { "<Control>s", "save" },
  { "<Shift><Control>s", "save as" },
  { "<Control>z", "undo" },
  { "<Shift><Control>z", "redo" },
  { "Delete", "delete" },
  { "<Control>plus", "zoom in" },
  { "<Control>minus", "zoom out" },
  { "<Control>0", "fit" },
  { "<Control>a", "select all" },
  { "<Control>comma", "preferences" },
  { "<Control>question", "shortcuts" },
  { "<Control>q", "quit" },
  { "<Control>k", "compare" },
  { "<Control>r", "simulate" },
};

GResource *nines_ui_get_resource (void);

static gboolean
same_accelerator (const char *a,
                  const char *b)
{
  guint key_a = 0, key_b = 0;
  GdkModifierType mods_a = 0, mods_b = 0;

  g_assert_true (gtk_accelerator_parse (a, &key_a, &mods_a));
  g_assert_true (gtk_accelerator_parse (b, &key_b, &mods_b));
  return key_a == key_b && mods_a == mods_b;
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) objects = NULL;
  g_autoptr(GPtrArray) accels = g_ptr_array_new_with_free_func (g_free);
  GObject *overlay;

  (void) nines_ui_get_resource ();
  gtk_builder_add_from_resource (builder, "/io/github/ninesdr/Nines/ui/help-overlay.ui", &error);
  g_assert_no_error (error);

  /* win.show-help-overlay looks for exactly this id */
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  objects = gtk_builder_get_objects (builder);
  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) alternatives = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;
      g_object_get (l->data, "accelerator", &accelerator, "title", &title, NULL);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      g_assert_nonnull (accelerator);

      /* Alternatives are separated by spaces, a range of keys is "first...last": every key
       * parses, and none is listed twice */
      alternatives = g_strsplit (accelerator, " ", -1);
      for (guint a = 0; alternatives[a] != NULL; a++)
        {
          g_auto(GStrv) range = g_strsplit (alternatives[a], "...", -1);

          for (guint k = 0; range[k] != NULL; k++)
            {
              for (guint i = 0; i < accels->len; i++)
                if (same_accelerator (range[k], g_ptr_array_index (accels, i)))
                  g_error ("%s is listed twice", range[k]);
              g_ptr_array_add (accels, g_strdup (range[k]));
            }
        }
    }

  for (guint r = 0; r < G_N_ELEMENTS (required_shortcuts); r++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < accels->len && !found; i++)
        found = same_accelerator (required_shortcuts[r].accelerator, g_ptr_array_index (accels, i));
      if (!found)
        g_error ("the shortcuts window lacks %s (%s)",
                 required_shortcuts[r].accelerator, required_shortcuts[r].what);
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
test_about (void)
{
  AdwAboutWindow *about = nines_about_window_new (NULL);

  g_object_ref (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Nines");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  /* The release notes shown are those of this version */
  g_assert_cmpstr (adw_about_window_get_release_notes_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_true (g_str_has_prefix (adw_about_window_get_website (about), "https://"));
  g_assert_true (strstr (adw_about_window_get_debug_info (about), PACKAGE_VERSION) != NULL);
  g_assert_true (strstr (adw_about_window_get_debug_info (about), "GTK 4.") != NULL);
  /* Untranslated (LC_ALL=C): the placeholder must not be shown as a credit */
  g_assert_null (adw_about_window_get_translator_credits (about));

  gtk_window_destroy (GTK_WINDOW (about));
  g_assert_finalize_object (about);
}

static void
test_about_transient (void)
{
  GtkWindow *parent = GTK_WINDOW (gtk_window_new ());
  AdwAboutWindow *about = nines_about_window_new (parent);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == parent);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (about)));
  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (parent);
}

/* The icons are in the resource where GtkApplication adds them to the icon theme
 * (resource-base-path + "/icons"), so the app has its icon even uninstalled. */
static void
test_app_icon (void)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autoptr(GtkIconPaintable) symbolic = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  (void) nines_ui_get_resource ();
  gtk_icon_theme_add_resource_path (theme, "/io/github/ninesdr/Nines/icons");
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID "-symbolic"));

  /* In the resource, whether or not an installed copy is found first in the data dirs */
  g_assert_true (g_resources_get_info ("/io/github/ninesdr/Nines/icons/scalable/apps/" APP_ID ".svg",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
  g_assert_true (g_resources_get_info ("/io/github/ninesdr/Nines/icons/symbolic/apps/" APP_ID "-symbolic.svg",
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL));
  icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 128, 1, GTK_TEXT_DIR_LTR, 0);
  file = gtk_icon_paintable_get_file (icon);
  uri = g_file_get_uri (file);
  g_assert_true (g_str_has_suffix (uri, "/scalable/apps/" APP_ID ".svg"));
  g_assert_false (gtk_icon_paintable_is_symbolic (icon));

  symbolic = gtk_icon_theme_lookup_icon (theme, APP_ID "-symbolic", NULL, 16, 1, GTK_TEXT_DIR_LTR, 0);
  g_assert_true (gtk_icon_paintable_is_symbolic (symbolic));
}

static void
test_actions (void)
{
  g_autoptr(GtkApplication) app = gtk_application_new ("io.github.ninesdr.Nines.Test",
                                                       G_APPLICATION_NON_UNIQUE);
  g_auto(GStrv) accels = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *prefs;

  /* Registered as the application's startup would be (the test runs its own session bus) */
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  nines_app_dialogs_install (app);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));

  accels = gtk_application_get_accels_for_action (app, "app.preferences");
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_true (same_accelerator (accels[0], "<Control>comma"));

  /* One preferences window: asking again presents the same one */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  prefs = g_object_get_data (G_OBJECT (app), "nines-preferences-window");
  g_assert_true (NINES_IS_PREFERENCES_WINDOW (prefs));
  nines_app_dialogs_show_preferences (app);
  g_assert_true (g_object_get_data (G_OBJECT (app), "nines-preferences-window") == prefs);

  /* Closed, it is forgotten, and the next request makes a new one */
  gtk_window_destroy (prefs);
  g_assert_null (g_object_get_data (G_OBJECT (app), "nines-preferences-window"));
  nines_app_dialogs_show_preferences (app);
  prefs = g_object_get_data (G_OBJECT (app), "nines-preferences-window");
  g_assert_true (NINES_IS_PREFERENCES_WINDOW (prefs));
  gtk_window_destroy (prefs);
}

/* Run with GSETTINGS_SCHEMA_DIR pointing where there is no schema (meson test
 * app-dialogs-no-schema): asking for the preferences explains instead of aborting. */
static void
test_no_schema (void)
{
  g_autoptr(GtkApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) toplevels = NULL;
  guint before, after;
  AdwMessageDialog *dialog = NULL;

  if (g_getenv ("NINES_TEST_NO_SCHEMA") == NULL)
    {
      g_test_skip ("only with NINES_TEST_NO_SCHEMA=1 and no schema installed");
      return;
    }

  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

    if (schema != NULL)
      {
        g_test_skip ("the schema is installed system-wide");
        return;
      }
  }

  app = gtk_application_new ("io.github.ninesdr.Nines.Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  nines_app_dialogs_install (app);

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  before = g_list_model_get_n_items (toplevels);
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  after = g_list_model_get_n_items (toplevels);
  g_assert_cmpuint (after, ==, before + 1);
  g_assert_null (g_object_get_data (G_OBJECT (app), "nines-preferences-window"));

  for (guint i = 0; i < after; i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w))
        dialog = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  g_assert_true (strstr (adw_message_dialog_get_body (dialog), APP_ID) != NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/nines/ui/dialogs/help-overlay", test_help_overlay);
  g_test_add_func ("/nines/ui/dialogs/about", test_about);
  g_test_add_func ("/nines/ui/dialogs/about-transient", test_about_transient);
  g_test_add_func ("/nines/ui/dialogs/app-icon", test_app_icon);
  if (g_getenv ("NINES_TEST_NO_SCHEMA") == NULL)
    g_test_add_func ("/nines/ui/dialogs/actions", test_actions);
  g_test_add_func ("/nines/ui/dialogs/no-schema", test_no_schema);

  return g_test_run ();
}
