/* test-preferences-window.c: the preferences window is bound to GSettings both ways
 *
 * Each test gets its own memory backend, so no test sees another's writes (and none touches the
 * developer's dconf). The schema comes from <builddir>/data (GSETTINGS_SCHEMA_DIR). */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gi18n-lib.h>
#include <nines-model.h>

#include "nines-preferences-window.h"

typedef struct
{
  GSettings              *settings;
  NinesPreferencesWindow *window;
} Fixture;

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
get_named (Fixture    *fixture,
           const char *name)
{
  GtkWidget *widget = find_named (GTK_WIDGET (fixture->window), name);

  g_assert_nonnull (widget);
  return widget;
}

static guint
region_index (const char *code)
{
  NinesCatalog *catalog = nines_catalog_get_default ();

  for (guint i = 0; i < nines_catalog_get_n_regions (catalog); i++)
    if (g_str_equal (nines_catalog_get_region (catalog, i)->code, code))
      return i;

  g_assert_not_reached ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
  fixture->window = nines_preferences_window_new (fixture->settings);
  g_object_ref (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->settings);
}

static void
test_settings_property (Fixture       *fixture,
                        gconstpointer  data)
{
  g_assert_true (nines_preferences_window_get_settings (fixture->window) == fixture->settings);
}

/* Opening the window must not write anything: every key keeps its default. */
static void
test_no_writes_on_open (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (fixture->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  g_assert_cmpuint (g_strv_length (keys), >=, 11);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GVariant) user_value = g_settings_get_user_value (fixture->settings, keys[i]);

      if (user_value != NULL)
        g_error ("opening the preferences wrote %s", keys[i]);
    }
}

static void
test_aws_profile (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkEditable *row = GTK_EDITABLE (get_named (fixture, "aws-profile-row"));
  g_autofree char *profile = NULL;

  g_assert_cmpstr (gtk_editable_get_text (row), ==, "");

  g_settings_set_string (fixture->settings, "aws-profile", "prod-readonly");
  g_assert_cmpstr (gtk_editable_get_text (row), ==, "prod-readonly");

  gtk_editable_set_text (row, "dr-planner");
  profile = g_settings_get_string (fixture->settings, "aws-profile");
  g_assert_cmpstr (profile, ==, "dr-planner");
}

static void
test_regions (Fixture       *fixture,
              gconstpointer  data)
{
  AdwComboRow *primary = ADW_COMBO_ROW (get_named (fixture, "primary-region-row"));
  AdwComboRow *recovery = ADW_COMBO_ROW (get_named (fixture, "recovery-region-row"));
  g_autofree char *code = NULL;
  GtkStringObject *item;

  /* The schema defaults */
  g_assert_cmpuint (adw_combo_row_get_selected (primary), ==, region_index ("us-east-1"));
  g_assert_cmpuint (adw_combo_row_get_selected (recovery), ==, region_index ("us-west-2"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (primary)), ==,
                    nines_catalog_get_n_regions (nines_catalog_get_default ()));

  /* settings → row, and the row shows the code */
  g_settings_set_string (fixture->settings, "default-primary-region", "eu-central-1");
  g_assert_cmpuint (adw_combo_row_get_selected (primary), ==, region_index ("eu-central-1"));
  item = adw_combo_row_get_selected_item (primary);
  g_assert_true (g_str_has_suffix (gtk_string_object_get_string (item), "(eu-central-1)"));

  /* row → settings */
  adw_combo_row_set_selected (recovery, region_index ("eu-west-1"));
  code = g_settings_get_string (fixture->settings, "default-recovery-region");
  g_assert_cmpstr (code, ==, "eu-west-1");
  g_clear_pointer (&code, g_free);

  /* A code the catalog does not know shows the default, and is not overwritten */
  g_settings_set_string (fixture->settings, "default-primary-region", "mars-north-1");
  g_assert_cmpuint (adw_combo_row_get_selected (primary), ==, region_index ("us-east-1"));
  code = g_settings_get_string (fixture->settings, "default-primary-region");
  g_assert_cmpstr (code, ==, "mars-north-1");
}

static void
test_same_region_warning (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *recovery = get_named (fixture, "recovery-region-row");

  g_assert_false (gtk_widget_has_css_class (recovery, "warning"));

  g_settings_set_string (fixture->settings, "default-recovery-region", "us-east-1");
  g_assert_true (gtk_widget_has_css_class (recovery, "warning"));
  g_assert_true (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (recovery)), "Same as") != NULL);

  g_settings_set_string (fixture->settings, "default-primary-region", "eu-west-1");
  g_assert_false (gtk_widget_has_css_class (recovery, "warning"));
}

static void
test_discount (Fixture       *fixture,
               gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (get_named (fixture, "discount-spin"));

  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), 0.0, 1e-9);

  g_settings_set_double (fixture->settings, "discount-percent", 12.5);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), 12.5, 1e-9);

  gtk_spin_button_set_value (spin, 30.0);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "discount-percent"),
                                  30.0, 1e-9);

  /* The adjustment keeps the value inside the schema's range */
  gtk_spin_button_set_value (spin, 150.0);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (fixture->settings, "discount-percent"),
                                  99.0, 1e-9);
}

static void
test_units (Fixture       *fixture,
            gconstpointer  data)
{
  AdwComboRow *row = ADW_COMBO_ROW (get_named (fixture, "units-row"));
  g_autofree char *nick = NULL;

  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (row)), ==, 2);

  g_settings_set_enum (fixture->settings, "units", 1);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);
  g_assert_true (strstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (row)),
                         "GiB") != NULL);

  adw_combo_row_set_selected (row, 0);
  nick = g_settings_get_string (fixture->settings, "units");
  g_assert_cmpstr (nick, ==, "decimal");
}

static void
test_autosave (Fixture       *fixture,
               gconstpointer  data)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (get_named (fixture, "autosave-spin"));

  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 5);

  g_settings_set_uint (fixture->settings, "autosave-interval", 30);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 30);

  gtk_spin_button_set_value (spin, 0);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "autosave-interval"), ==, 0);
}

static void
count_activation (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  (*(guint *)user_data)++;
}

static void
test_price_date_and_refresh (Fixture       *fixture,
                             gconstpointer  data)
{
  AdwActionRow *row = ADW_ACTION_ROW (get_named (fixture, "price-date-row"));
  GtkWidget *button = get_named (fixture, "refresh-prices-button");
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) refresh = g_simple_action_new ("refresh-prices", NULL);
  guint activations = 0;

  g_autofree char *bundled = g_strdup_printf ("Snapshot bundled with Nines, published %s",
                                              nines_price_snapshot_get_newest_date (nines_price_snapshot_get_default ()));

  /* The bundled snapshot's own publication date: the newest of its sources. */
  g_assert_cmpuint (strlen (nines_price_snapshot_get_newest_date (nines_price_snapshot_get_default ())), ==, 10);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, bundled);

  g_settings_set_string (fixture->settings, "price-data-date", "2026-11-01");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Refreshed from the AWS Price List, published 2026-11-01");

  /* The row shows the key, it never writes it */
  adw_action_row_set_subtitle (row, "edited");
  {
    g_autofree char *date = g_settings_get_string (fixture->settings, "price-data-date");
    g_assert_cmpstr (date, ==, "2026-11-01");
  }

  /* "Refresh" activates app.refresh-prices, which the application provides */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "app.refresh-prices");
  g_assert_false (gtk_widget_is_sensitive (button));
  g_signal_connect (refresh, "activate", G_CALLBACK (count_activation), &activations);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (refresh));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "app", G_ACTION_GROUP (group));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (activations, ==, 1);
}

/* Two windows on one GSettings stay in step: a change in one shows in the other. */
static void
test_two_windows (Fixture       *fixture,
                  gconstpointer  data)
{
  NinesPreferencesWindow *other = g_object_ref (nines_preferences_window_new (fixture->settings));
  GtkSpinButton *spin = GTK_SPIN_BUTTON (get_named (fixture, "discount-spin"));
  GtkSpinButton *other_spin = GTK_SPIN_BUTTON (find_named (GTK_WIDGET (other), "discount-spin"));

  gtk_spin_button_set_value (spin, 7.5);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (other_spin), 7.5, 1e-9);

  gtk_window_destroy (GTK_WINDOW (other));
  g_assert_finalize_object (other);

  /* The destroyed window's bindings are gone: changing the key still works */
  g_settings_set_double (fixture->settings, "discount-percent", 2.0);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (spin), 2.0, 1e-9);
}

/* Shown for real: the template renders without warnings (fatal here) */
static void
test_present (Fixture       *fixture,
              gconstpointer  data)
{
  gboolean mapped = FALSE;

  gtk_window_present (GTK_WINDOW (fixture->window));
  for (guint i = 0; i < 200 && !mapped; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      mapped = gtk_widget_get_mapped (GTK_WIDGET (fixture->window));
      if (!mapped)
        g_usleep (5000);
    }
  g_assert_true (mapped);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add ("/nines/ui/preferences/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("settings-property", test_settings_property);
  ADD ("no-writes-on-open", test_no_writes_on_open);
  ADD ("aws-profile", test_aws_profile);
  ADD ("regions", test_regions);
  ADD ("same-region-warning", test_same_region_warning);
  ADD ("discount", test_discount);
  ADD ("units", test_units);
  ADD ("autosave", test_autosave);
  ADD ("price-date-and-refresh", test_price_date_and_refresh);
  ADD ("two-windows", test_two_windows);
  ADD ("present", test_present);
#undef ADD

  return g_test_run ();
}
