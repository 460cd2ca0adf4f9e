/* nines-window-settings.c: what the window takes from GSettings, kept live, and the prices
 * it uses
 *
 * The "discount-percent" and "units" preferences change the numbers the window shows: they
 * go to the window's NinesAnalysis, whose "changed" redraws every panel. "recent-files" is
 * the welcome page's list of recent designs: the window puts a design there when it opens
 * or saves one, and refills the page when the list changes (in another window too).
 * Each preference is followed through the settings' "changed" signal, so a change made
 * in the preferences window shows at once. "price-data-date" set means a refresh wrote a
 * snapshot (nines-price-refresh.c): the window prices with it. Without the schema (an uninstalled run) the
 * window keeps the defaults and offers no recent designs. */
#define G_LOG_DOMAIN "nines-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-price-refresh.h"
#include "nines-settings.h"
#include "nines-window-private.h"

static void
on_discount_changed (NinesWindow *self)
{
  nines_analysis_set_default_discount (self->analysis,
                                       g_settings_get_double (self->settings, "discount-percent"));
}

static void
on_units_changed (NinesWindow *self)
{
  /* The enum's values are NinesUnits' (decimal 0, binary 1). */
  nines_analysis_set_units (self->analysis,
                            g_settings_get_enum (self->settings, "units") == NINES_UNITS_BINARY
                              ? NINES_UNITS_BINARY : NINES_UNITS_DECIMAL);
}

/* "price-data-date" set: the refreshed snapshot is in use (empty: the bundled one). */
static void
on_price_date_changed (NinesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesPriceSnapshot) prices = NULL;
  g_autofree char *date = g_settings_get_string (self->settings, "price-data-date");
  NinesPriceSnapshot *in_use = nines_analysis_get_prices (self->analysis);

  /* A refresh in this process gave every window its snapshot before setting the date:
   * nothing to read again. (Another process's refresh, or a start, reads the file.) */
  if (in_use != NULL && date[0] != '\0' &&
      g_strcmp0 (nines_price_snapshot_get_newest_date (in_use), date) == 0)
    return;
  prices = nines_price_refresh_load (self->settings, &error);

  if (error != NULL)
    {
      /* Translators: %s says why the file could not be read */
      g_autofree char *message = g_strdup_printf (_("The refreshed prices could not be read, so the bundled ones are used: %s"),
                                                  error->message);
      nines_window_add_toast (self, message);
    }
  nines_window_set_prices (self, prices);
}

void
nines_window_set_prices (NinesWindow        *self,
                         NinesPriceSnapshot *prices)
{
  g_return_if_fail (NINES_IS_WINDOW (self));
  nines_analysis_set_prices (self->analysis, prices);
}

void
nines_window_show_toast (NinesWindow *self,
                         AdwToast    *toast)
{
  g_return_if_fail (NINES_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  adw_toast_overlay_add_toast (self->toasts, g_object_ref (toast));
}

static void
on_recent_files_changed (NinesWindow *self)
{
  if (self->document == NULL)
    _nines_window_fill_welcome (self);
}

void
_nines_window_init_settings (NinesWindow *self)
{
  self->settings = nines_settings_new_default ();
  if (self->settings == NULL)
    return;
  /* The size (and maximized state) it had when a window was last closed. */
  nines_settings_track_window (self->settings, GTK_WINDOW (self));

  g_signal_connect_object (self->settings, "changed::discount-percent",
                           G_CALLBACK (on_discount_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::units",
                           G_CALLBACK (on_units_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (on_recent_files_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::price-data-date",
                           G_CALLBACK (on_price_date_changed), self, G_CONNECT_SWAPPED);
  on_discount_changed (self);
  on_units_changed (self);
  /* Read the key either way (GSettings only reports changes to keys read); load the
   * snapshot only when a refresh wrote one. */
  {
    g_autofree char *date = g_settings_get_string (self->settings, "price-data-date");

    if (date[0] != '\0')
      on_price_date_changed (self);
  }
}

/* @path: a design just opened or saved */
void
_nines_window_remember_file (NinesWindow *self,
                             const char  *path)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;

  if (self->settings == NULL)
    return;
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  nines_settings_add_recent_file (self->settings, uri);
}

/**
 * _nines_window_dup_recent_files:
 *
 * Returns: (transfer full): the URIs of the recent designs, newest first (empty without
 *   the schema)
 */
GStrv
_nines_window_dup_recent_files (NinesWindow *self)
{
  if (self->settings == NULL)
    return g_new0 (char *, 1);
  return g_settings_get_strv (self->settings, "recent-files");
}
