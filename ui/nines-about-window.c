/* nines-about-window.c: the about window
 *
 * The texts live in nines-about-window.ui (translatable there); this file adds what is only
 * known at run time: the version, the translators and the troubleshooting information. */
#define G_LOG_DOMAIN "nines-about-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <nines-model.h>

#include "nines-about-window.h"

GResource *nines_ui_get_resource (void);

/* Versions of what Nines runs on and the price data it uses: what a bug report needs. */
static char *
build_debug_info (void)
{
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *price_date = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  GString *info = g_string_new (NULL);

  g_string_append_printf (info, "Nines %s (%s)\n", PACKAGE_VERSION, APP_ID);
  g_string_append_printf (info, "GLib %u.%u.%u\n",
                          glib_major_version, glib_minor_version, glib_micro_version);
  g_string_append_printf (info, "GTK %u.%u.%u\n",
                          gtk_get_major_version (), gtk_get_minor_version (),
                          gtk_get_micro_version ());
  g_string_append_printf (info, "libadwaita %u.%u.%u\n",
                          adw_get_major_version (), adw_get_minor_version (),
                          adw_get_micro_version ());
  g_string_append_printf (info, "json-glib %s\n", JSON_VERSION_S);

  /* The schema may be missing in an uninstalled run; the rest is still worth showing. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      settings = g_settings_new (APP_ID);
      price_date = g_settings_get_string (settings, "price-data-date");
    }
  /* Untranslated, as the rest of the report: a bug report is read by the developers. */
  if (price_date != NULL && price_date[0] != '\0')
    g_string_append_printf (info, "Price data: refreshed from the AWS Price List, published %s\n", price_date);
  else
    g_string_append_printf (info, "Price data: bundled snapshot, published %s\n",
                            nines_price_snapshot_get_newest_date (nines_price_snapshot_get_default ()));

  return g_string_free (info, FALSE);
}

/**
 * nines_about_window_new:
 * @parent: (nullable): the window to be transient for
 *
 * Returns: (transfer none): a new about window, owned by GTK's list of toplevels until it is
 *   destroyed. Present it.
 */
AdwAboutWindow *
nines_about_window_new (GtkWindow *parent)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *debug_info = NULL;
  AdwAboutWindow *about;
  const char *translators;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  /* Referenced so the linker keeps the UI resources (which register themselves) in the binary. */
  (void) nines_ui_get_resource ();

  builder = gtk_builder_new ();
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  /* The file is compiled into the binary: failing to load it is a build error, not a user's. */
  if (!gtk_builder_add_from_resource (builder, "/io/github/ninesdr/Nines/ui/nines-about-window.ui", &error))
    g_error ("%s", error->message);
  about = ADW_ABOUT_WINDOW (gtk_builder_get_object (builder, "about_window"));

  adw_about_window_set_version (about, PACKAGE_VERSION);

  /* Translators: Replace "translator-credits" with your name and address, one per line,
   * e.g. "Jane Doe <jane@example.org>" */
  translators = _("translator-credits");
  if (!g_str_equal (translators, "translator-credits"))
    adw_about_window_set_translator_credits (about, translators);

  debug_info = build_debug_info ();
  adw_about_window_set_debug_info (about, debug_info);
  adw_about_window_set_debug_info_filename (about, "nines-debug-info.txt");

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (about), parent);
      gtk_window_set_modal (GTK_WINDOW (about), TRUE);
    }

  return about;
}
