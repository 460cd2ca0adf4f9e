/* test-window.c: the main window: welcome page, examples, actions, dirty title, save,
 * autosave and crash recovery */
#include "config.h"

#include <glib/gstdio.h>

#include "nines-ui.h"
#include "nines-window.h"
#include "nines-ui-test-utils.h"

static char *tmpdir;

static NinesWindow *
new_window (void)
{
  NinesWindow *win = nines_window_new (NULL);

  gtk_window_present (GTK_WINDOW (win));
  NINES_UI_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (win)) > 0, 3000);
  return win;
}

static const char *
title_of (NinesWindow *win)
{
  return gtk_window_get_title (GTK_WINDOW (win));
}

static void
activate (NinesWindow *win,
          const char  *name,
          GVariant    *param)
{
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), name));
  g_action_group_activate_action (G_ACTION_GROUP (win), name, param);
}

static void
test_welcome_and_example (void)
{
  NinesWindow *win = new_window ();
  NinesDocument *doc;

  g_assert_null (nines_window_get_document (win));
  /* The header bar's tooltips, set in code (see set_header_tooltips). */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (gtk_widget_get_template_child (
                     GTK_WIDGET (win), NINES_TYPE_WINDOW, "open_button"))), ==, "Open a Design");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (gtk_widget_get_template_child (
                     GTK_WIDGET (win), NINES_TYPE_WINDOW, "recovery_dropdown"))), ==,
                   "Region to recover into");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "save"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "undo"));
  nines_ui_save_png (GTK_WIDGET (win), "window-welcome.png");

  activate (win, "open-example", g_variant_new_string ("storefront"));
  doc = nines_window_get_document (win);
  g_assert_nonnull (doc);
  g_assert_cmpstr (nines_document_get_name (doc), ==, "Storefront");
  /* Never saved: marked unsaved. */
  g_assert_cmpstr (title_of (win), ==, "• Storefront");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "save"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "undo"));

  nines_ui_spin (100);
  nines_ui_save_png (GTK_WIDGET (win), "window-storefront.png");
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
test_actions_and_save (void)
{
  NinesWindow *win = new_window ();
  g_autofree char *path = g_build_filename (tmpdir, "shop.nines", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) reloaded = NULL;
  NinesDocument *doc;
  NinesCanvas *canvas;
  guint n;

  activate (win, "open-example", g_variant_new_string ("storefront"));
  doc = nines_window_get_document (win);
  canvas = nines_window_get_canvas (win);
  n = nines_document_get_n_components (doc);

  g_assert_true (nines_window_save_to_file (win, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (title_of (win), ==, "Storefront");
  g_assert_cmpstr (nines_window_get_path (win), ==, path);

  /* Add a service as the palette does (win.add-component), then undo/redo. */
  activate (win, "add-component", g_variant_new_string ("lambda"));
  g_assert_cmpuint (nines_document_get_n_components (doc), ==, n + 1);
  g_assert_cmpstr (title_of (win), ==, "• Storefront");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (win), "delete"));
  activate (win, "undo", NULL);
  g_assert_cmpuint (nines_document_get_n_components (doc), ==, n);
  g_assert_cmpstr (title_of (win), ==, "Storefront");
  activate (win, "redo", NULL);
  g_assert_cmpuint (nines_document_get_n_components (doc), ==, n + 1);

  /* Pattern through its stateful action (the header bar dropdown does the same). */
  activate (win, "pattern", g_variant_new_string ("pilot-light"));
  g_assert_cmpint (nines_document_get_dr_pattern (doc), ==, NINES_DR_PATTERN_PILOT_LIGHT);
  g_assert_cmpstr (g_variant_get_string (g_action_group_get_action_state (G_ACTION_GROUP (win), "pattern"), NULL),
                   ==, "pilot-light");
  activate (win, "pattern", g_variant_new_string ("none"));
  g_assert_cmpint (nines_document_get_dr_pattern (doc), ==, NINES_DR_PATTERN_NONE);
  activate (win, "pattern", g_variant_new_string ("warm-standby"));
  g_assert_nonnull (nines_document_get_recovery_region (doc));

  /* Zoom goes to the canvas. */
  {
    double z = nines_canvas_viewport_get_zoom (nines_canvas_get_viewport (canvas));
    activate (win, "zoom-in", NULL);
    g_assert_cmpfloat (nines_canvas_viewport_get_zoom (nines_canvas_get_viewport (canvas)), >, z);
  }

  /* Save, reopen: the same document. */
  activate (win, "save", NULL);
  g_assert_cmpstr (title_of (win), ==, "Storefront");
  reloaded = nines_document_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nines_document_get_n_components (reloaded), ==, n + 1);
  g_assert_cmpint (nines_document_get_dr_pattern (reloaded), ==, NINES_DR_PATTERN_WARM_STANDBY);
  g_assert_true (nines_window_load_file (win, path, &error));
  g_assert_cmpuint (nines_document_get_n_components (nines_window_get_document (win)), ==, n + 1);

  /* Close the design: back to the welcome page, with this file among the recent ones. */
  activate (win, "close-design", NULL);
  g_assert_null (nines_window_get_document (win));
  gtk_window_destroy (GTK_WINDOW (win));
  g_unlink (path);
}

static GtkWidget *
find_text (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_TEXT (child) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_text (child)))
        return found;
    }
  return NULL;
}

/* Ctrl+A and Delete are window accelerators: in a focused text field of the inspector
 * they must act on the text, not select or delete canvas cards (which also tore the
 * inspector down under the field's feet). */
static void
test_text_field_keeps_its_keys (void)
{
  NinesWindow *win = new_window ();
  NinesDocument *doc;
  NinesCanvas *canvas;
  GtkWidget *text;
  int start = -1, end = -1;
  guint n;

  activate (win, "open-example", g_variant_new_string ("storefront"));
  doc = nines_window_get_document (win);
  canvas = nines_window_get_canvas (win);
  n = nines_document_get_n_components (doc);
  nines_canvas_select (canvas, "web", FALSE);
  nines_ui_spin (100);
  text = find_text (GTK_WIDGET (nines_window_get_inspector (win)));
  g_assert_nonnull (text);
  g_assert_true (gtk_widget_grab_focus (text));

  activate (win, "select-all", NULL);
  nines_ui_spin (50);
  g_assert_cmpuint (g_strv_length ((char **) nines_canvas_get_selection (canvas)), ==, 1);
  g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (text), &start, &end));
  g_assert_cmpint (start, ==, 0);
  g_assert_cmpint (end, ==, g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (text)), -1));

  activate (win, "delete", NULL);
  nines_ui_spin (50);
  g_assert_cmpuint (nines_document_get_n_components (doc), ==, n);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text)), ==, "");

  /* Focus elsewhere: now they mean the canvas again, and the rows are rebuilt safely. */
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  activate (win, "select-all", NULL);
  nines_ui_spin (100);
  g_assert_cmpuint (g_strv_length ((char **) nines_canvas_get_selection (canvas)), ==, n);
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
test_autosave_and_restore (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  NinesWindow *win = new_window ();
  g_autofree char *dir = nines_window_get_autosave_dir ();
  g_autofree char *autosave = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *uuid = NULL;
  NinesWindow *second;
  NinesDocument *doc;

  g_assert_true (g_str_has_prefix (dir, tmpdir));
  activate (win, "open-example", g_variant_new_string ("newsroom"));
  doc = nines_window_get_document (win);
  uuid = g_strdup (nines_document_get_uuid (doc));
  autosave = g_strdup_printf ("%s/%s.nines", dir, uuid);
  origin = g_strdup_printf ("%s/%s.origin", dir, uuid);

  /* With autosave off (the preference at 0), an edit is not autosaved. */
  g_settings_set_uint (settings, "autosave-interval", 0);
  activate (win, "add-component", g_variant_new_string ("sqs"));
  nines_ui_spin (1500);
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));

  /* At one second: an edit, then idle, and it is saved a second later. */
  g_settings_set_uint (settings, "autosave-interval", 1);
  activate (win, "add-component", g_variant_new_string ("sqs"));
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));
  NINES_UI_WAIT_FOR (g_file_test (autosave, G_FILE_TEST_EXISTS), 6000);
  g_assert_true (g_file_test (autosave, G_FILE_TEST_EXISTS));

  /* Pretend the process died: the origin names a process that does not exist. */
  g_assert_true (g_file_set_contents (origin, "2147483646\n\n", -1, NULL));
  second = new_window ();
  activate (second, "restore-autosave", g_variant_new_string (autosave));
  g_assert_nonnull (nines_window_get_document (second));
  g_assert_cmpuint (nines_document_get_n_components (nines_window_get_document (second)), ==,
                    nines_document_get_n_components (doc));
  g_assert_cmpstr (title_of (second), ==, "• Newsroom");

  /* Closing the design without saving (discarded) removes the autosave. */
  nines_window_show_welcome (second);
  g_assert_false (g_file_test (autosave, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (second));
  nines_window_show_welcome (win);
  gtk_window_destroy (GTK_WINDOW (win));
  g_settings_reset (settings, "autosave-interval");
}

/* The welcome page's row for a recent design named @basename, when shown. */
static GtkWidget *
find_recent_row (GtkWidget  *widget,
                 const char *basename)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) && gtk_widget_get_visible (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), basename) == 0 &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), "win.open-path") == 0)
        return child;
      if ((found = find_recent_row (child, basename)))
        return found;
    }
  return NULL;
}

static char *
uri_of (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  return g_file_get_uri (file);
}

/* Recent designs are the app's "recent-files" key: what was opened or saved, newest first,
 * offered on the welcome page (of every window, at once); a design gone since is skipped. */
static void
test_recent_files (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *a = g_build_filename (tmpdir, "recent-a.nines", NULL);
  g_autofree char *b = g_build_filename (tmpdir, "recent-b.nines", NULL);
  g_autofree char *uri_a = uri_of (a), *uri_b = uri_of (b);
  g_auto(GStrv) recent = NULL;
  g_autoptr(GError) error = NULL;
  NinesWindow *win, *other;

  g_settings_reset (settings, "recent-files");
  win = new_window ();
  other = new_window ();
  g_assert_null (find_recent_row (GTK_WIDGET (other), "recent-a.nines"));

  activate (win, "open-example", g_variant_new_string ("storefront"));
  g_assert_true (nines_window_save_to_file (win, a, &error));
  g_assert_no_error (error);
  g_assert_true (nines_window_save_to_file (win, b, &error));
  g_assert_true (nines_window_load_file (win, a, &error));
  g_assert_no_error (error);

  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, uri_a);
  g_assert_cmpstr (recent[1], ==, uri_b);

  /* The other window, still on its welcome page, offers both without being reopened. */
  NINES_UI_WAIT_FOR (find_recent_row (GTK_WIDGET (other), "recent-b.nines") != NULL, 3000);
  g_assert_nonnull (find_recent_row (GTK_WIDGET (other), "recent-a.nines"));
  g_assert_nonnull (find_recent_row (GTK_WIDGET (other), "recent-b.nines"));

  /* A design deleted since is not offered, but stays in the list. */
  g_assert_cmpint (g_unlink (b), ==, 0);
  activate (win, "close-design", NULL);
  g_assert_nonnull (find_recent_row (GTK_WIDGET (win), "recent-a.nines"));
  g_assert_null (find_recent_row (GTK_WIDGET (win), "recent-b.nines"));
  g_strfreev (g_steal_pointer (&recent));
  recent = g_settings_get_strv (settings, "recent-files");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (win));
  g_settings_reset (settings, "recent-files");
  g_unlink (a);
}

/* A new window takes the size the last one closed had ("window-width", "-height"), and
 * closing it saves its own. */
static void
test_window_size_remembered (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  NinesWindow *win;
  int width, height;

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 700);
  win = nines_window_new (NULL);
  gtk_window_get_default_size (GTK_WINDOW (win), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 700);

  gtk_window_present (GTK_WINDOW (win));
  gtk_window_set_default_size (GTK_WINDOW (win), 1100, 750);
  gtk_window_close (GTK_WINDOW (win));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1100);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 750);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* Parts the first frame does not show are made on first use (start-up time): the
 * shortcuts window, the main menu's popover and the panels of the hidden pages. They
 * must still be there when asked for. */
static void
test_made_on_first_use (void)
{
  NinesWindow *win = new_window ();
  g_autoptr(NinesDocument) doc = nines_document_load_example ("storefront", NULL);
  GtkApplicationWindow *appwin = GTK_APPLICATION_WINDOW (win);
  GObject *button = gtk_widget_get_template_child (GTK_WIDGET (win), NINES_TYPE_WINDOW,
                                                  "menu_button");
  GObject *slot = gtk_widget_get_template_child (GTK_WIDGET (win), NINES_TYPE_WINDOW,
                                                "costs_slot");
  GtkWidget *panel;

  g_assert_nonnull (doc);
  nines_window_set_document (win, doc, NULL);
  nines_ui_spin (50);

  /* Not built with the window; the action that builds it is there. Showing it is left
   * out: GTK 4.8's GtkShortcutsWindow then warns about a label's negative width in this
   * Xvfb screen, fatal under G_DEBUG=fatal-warnings. tests/ui/dialogs checks the resource
   * it is built from. */
  g_assert_null (gtk_application_window_get_help_overlay (appwin));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (win), "show-help-overlay"));

  g_assert_true (GTK_IS_MENU_BUTTON (button));
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  g_assert_true (GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));

  /* The compare page is shown first; the costs page gets its panel when shown. */
  g_assert_null (adw_bin_get_child (ADW_BIN (slot)));
  g_action_group_activate_action (G_ACTION_GROUP (win), "show-panel",
                                  g_variant_new_string ("costs"));
  panel = adw_bin_get_child (ADW_BIN (slot));
  g_assert_nonnull (panel);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (panel), ==, "NinesCostPanel");
  g_assert_true (nines_window_get_panel (win, "costs") == panel);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (nines_window_get_panel (win, "simulate")), ==,
                   "NinesSimulationPanel");
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
collect_icons (GtkWidget  *widget,
               GHashTable *names)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  /* Symbolic icons: the welcome page's large application icon is not among them. */
  if (GTK_IS_IMAGE (widget) &&
      gtk_image_get_storage_type (GTK_IMAGE (widget)) == GTK_IMAGE_ICON_NAME &&
      g_str_has_suffix (gtk_image_get_icon_name (GTK_IMAGE (widget)), "-symbolic"))
    g_hash_table_add (names, g_strdup (gtk_image_get_icon_name (GTK_IMAGE (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_icons (child, names);
}

/* nines_ui_warm_icons() loads, while the window is built, exactly the symbolic icons
 * the window shows before any click: on the welcome page and on a design's editor. */
static void
test_first_icons_warmed (void)
{
  NinesWindow *win = new_window ();
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char * const *warm = nines_ui_get_warm_icon_names ();
  GHashTableIter iter;
  const char *name;

  nines_ui_spin (50);
  collect_icons (GTK_WIDGET (win), shown);
  activate (win, "open-example", g_variant_new_string ("storefront"));
  nines_ui_spin (100);
  collect_icons (GTK_WIDGET (win), shown);

  g_hash_table_iter_init (&iter, shown);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!g_strv_contains (warm, name))
      g_error ("the window shows %s at start, but nines_ui_warm_icons() does not load it", name);
  for (guint i = 0; warm[i] != NULL; i++)
    if (!g_hash_table_contains (shown, warm[i]))
      g_error ("nines_ui_warm_icons() loads %s, which the window does not show at start", warm[i]);
  gtk_window_destroy (GTK_WINDOW (win));
}

static void
count_call (guint *count)
{
  (*count)++;
}

/* The tooltip helper sets what GTK's setter sets, and leaves the widget as it found it. */
static void
test_tooltip_helper (void)
{
  GtkWidget *button = gtk_button_new ();
  guint notified = 0;

  g_object_ref_sink (button);

  nines_ui_set_tooltip_text (button, "Open a Design");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Open a Design");
  g_assert_cmpstr (gtk_widget_get_tooltip_markup (button), ==, "Open a Design");
  g_assert_true (gtk_widget_get_has_tooltip (button));
  g_assert_true (gtk_widget_get_visible (button));

  nines_ui_set_tooltip_markup (button, "<b>Web tier</b> &amp; more");
  g_assert_cmpstr (gtk_widget_get_tooltip_markup (button), ==, "<b>Web tier</b> &amp; more");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Web tier & more");

  /* Unchanged: not set again (no notification, no query of the pointer). */
  g_signal_connect_swapped (button, "notify::tooltip-markup", G_CALLBACK (count_call), &notified);
  nines_ui_set_tooltip_markup (button, "<b>Web tier</b> &amp; more");
  g_assert_cmpuint (notified, ==, 0);
  nines_ui_set_tooltip_text (button, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_null (gtk_widget_get_tooltip_text (button));
  g_assert_false (gtk_widget_get_has_tooltip (button));

  /* A hidden widget stays hidden. */
  gtk_widget_set_visible (button, FALSE);
  nines_ui_set_tooltip_text (button, "Undo");
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Undo");
  g_object_unref (button);
}

/* The recovery dropdown shows the design's region from the start and lists every region
 * once the window has drawn its first frame; listing them is not an edit. */
static void
test_recovery_regions_listed (void)
{
  NinesWindow *win = nines_window_new (NULL);
  g_autoptr(NinesDocument) doc = nines_document_load_example ("storefront", NULL);
  NinesCatalog *catalog = nines_catalog_get_default ();
  GtkDropDown *regions = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (win), NINES_TYPE_WINDOW,
                                                                       "recovery_dropdown"));
  const char *code = nines_document_get_recovery_region (doc);
  g_autofree char *shown = NULL;
  GtkStringObject *item;
  guint other;

  g_assert_nonnull (code);
  nines_window_set_document (win, doc, NULL);
  /* Not shown yet: the design's region alone. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (regions)), ==, 1);
  item = gtk_drop_down_get_selected_item (regions);
  g_assert_nonnull (item);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (item), code));

  gtk_window_present (GTK_WINDOW (win));
  NINES_UI_WAIT_FOR (g_list_model_get_n_items (gtk_drop_down_get_model (regions)) > 1, 3000);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (regions)), ==,
                    nines_catalog_get_n_regions (catalog));
  item = gtk_drop_down_get_selected_item (regions);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (item), code));
  g_assert_cmpstr (nines_document_get_recovery_region (doc), ==, code);
  g_assert_false (nines_command_stack_can_undo (nines_window_get_command_stack (win)));

  /* Then a choice in the list is an edit. */
  /* Another region than the design's recovery and primary (us-east-1) ones. */
  for (other = 0; other < nines_catalog_get_n_regions (catalog); other++)
    if (g_strcmp0 (nines_catalog_get_region (catalog, other)->code, code) != 0 &&
        g_strcmp0 (nines_catalog_get_region (catalog, other)->code, "us-east-1") != 0)
      break;
  gtk_drop_down_set_selected (regions, other);
  g_assert_cmpstr (nines_document_get_recovery_region (doc), ==,
                   nines_catalog_get_region (catalog, other)->code);
  g_assert_true (nines_command_stack_can_undo (nines_window_get_command_stack (win)));
  shown = g_strdup (nines_catalog_get_region (catalog, other)->code);
  g_assert_true (g_str_has_prefix (gtk_string_object_get_string (gtk_drop_down_get_selected_item (regions)),
                                   shown));
  gtk_window_destroy (GTK_WINDOW (win));
}

int
main (int argc, char *argv[])
{
  int ret;

  /* Before GLib caches the user directories. */
  tmpdir = g_dir_make_tmp ("nines-ui-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  if (!nines_ui_test_init (&argc, &argv))
    return 0;
  g_test_add_func ("/nines/ui/window/welcome-and-example", test_welcome_and_example);
  g_test_add_func ("/nines/ui/window/actions-and-save", test_actions_and_save);
  g_test_add_func ("/nines/ui/window/autosave-and-restore", test_autosave_and_restore);
  g_test_add_func ("/nines/ui/window/text-field-keeps-its-keys", test_text_field_keeps_its_keys);
  g_test_add_func ("/nines/ui/window/recent-files", test_recent_files);
  g_test_add_func ("/nines/ui/window/made-on-first-use", test_made_on_first_use);
  g_test_add_func ("/nines/ui/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/nines/ui/window/first-icons-warmed", test_first_icons_warmed);
  g_test_add_func ("/nines/ui/window/tooltip-helper", test_tooltip_helper);
  g_test_add_func ("/nines/ui/window/recovery-regions-listed", test_recovery_regions_listed);
  ret = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmpdir);
    (void) system (cmd);
  }
  return ret;
}
