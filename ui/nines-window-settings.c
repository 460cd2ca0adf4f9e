/* nines-window-settings.c: what the window takes from GSettings, kept live
 *
 * The "discount-percent" and "units" preferences change the numbers the window shows: they
 * go to the window's NinesAnalysis, whose "changed" redraws every panel. "recent-files" is
 * the welcome page's list of recent designs: the window puts a design there when it opens
 * or saves one, and refills the page when the list changes (in another window too).
 * Each preference is followed through the settings' "changed" signal, so a change made
 * in the preferences window shows at once. Without the schema (an uninstalled run) the
 * window keeps the defaults and offers no recent designs. */
#define G_LOG_DOMAIN "nines-window"

#include "config.h"

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

  g_signal_connect_object (self->settings, "changed::discount-percent",
                           G_CALLBACK (on_discount_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::units",
                           G_CALLBACK (on_units_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (on_recent_files_changed), self, G_CONNECT_SWAPPED);
  on_discount_changed (self);
  on_units_changed (self);
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
