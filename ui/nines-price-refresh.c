/* nines-price-refresh.c: app.refresh-prices (see nines-price-refresh.h)
 *
 * The fetch is nines_aws_price_refresh_async(), the code `nines-cli pricing refresh` runs:
 * the same queries, the same import, merged over the bundled snapshot. The action is
 * disabled while a refresh runs. Errors (no credentials, no network, a refused request)
 * come from the AWS library, whose messages never carry a secret. */
#define G_LOG_DOMAIN "nines-price-refresh"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <nines-aws.h>

#include "nines-app-dialogs.h"
#include "nines-price-refresh.h"
#include "nines-settings.h"
#include "nines-window.h"

char *
nines_price_refresh_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "nines", "prices", NULL);
}

NinesPriceSnapshot *
nines_price_refresh_load (GSettings  *settings,
                          GError    **error)
{
  g_autofree char *date = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings == NULL)
    return NULL;
  date = g_settings_get_string (settings, "price-data-date");
  if (date[0] == '\0')
    return NULL;
  dir = nines_price_refresh_get_dir ();
  path = g_build_filename (dir, "prices.gvariant", NULL);
  return nines_price_snapshot_new_from_file (path, error);
}

char *
nines_price_refresh_describe (const char *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  if (date[0] == '\0')
    /* Translators: %s is the publication date of the bundled price data, as YYYY-MM-DD */
    return g_strdup_printf (_("Snapshot bundled with Nines, published %s"),
                            nines_price_snapshot_get_newest_date (nines_price_snapshot_get_default ()));
  /* Translators: %s is the publication date of AWS price data, as YYYY-MM-DD */
  return g_strdup_printf (_("Refreshed from the AWS Price List, published %s"), date);
}

typedef struct
{
  GtkApplication *application;
  GSimpleAction  *action;
  GSettings      *settings;     /* (nullable) */
  NinesWindow    *window;       /* (nullable) (weak): where the toasts go */
  AdwToast       *progress;     /* shown while the refresh runs */
} Refresh;

static void
refresh_free (Refresh *r)
{
  g_simple_action_set_enabled (r->action, TRUE);
  if (r->progress)
    adw_toast_dismiss (r->progress);
  g_clear_object (&r->progress);
  g_clear_weak_pointer (&r->window);
  g_clear_object (&r->settings);
  g_clear_object (&r->action);
  g_clear_object (&r->application);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Refresh, refresh_free)

/* In the preferences window when it is open (its Refresh button started this), else in
 * the main window. */
static void
show_toast (Refresh  *r,
            AdwToast *toast)
{
  AdwPreferencesWindow *preferences = nines_app_dialogs_get_preferences (r->application);

  if (preferences != NULL && gtk_widget_get_visible (GTK_WIDGET (preferences)))
    adw_preferences_window_add_toast (preferences, g_object_ref (toast));
  else if (r->window != NULL)
    nines_window_show_toast (r->window, toast);
  else
    g_message ("%s", adw_toast_get_title (toast));
}

static void
toast (Refresh    *r,
       const char *message)
{
  g_autoptr(AdwToast) t = adw_toast_new (message);

  adw_toast_set_timeout (t, 4);
  show_toast (r, t);
}

static void
on_progress (const char *what,
             guint       pages,
             guint       products,
             int         kept,
             gpointer    user_data)
{
  Refresh *r = user_data;
  g_autofree char *title = NULL;

  if (r->progress == NULL)
    return;
  /* Translators: progress of a price refresh: the query (region, service, product
   * family), then the number of products fetched for it so far */
  title = g_strdup_printf (_("Refreshing prices: %s, %u products"), what, products);
  adw_toast_set_title (r->progress, title);
}

static void
refresh_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Refresh) r = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesPriceSnapshot) snapshot = NULL;
  g_autofree char *message = NULL;
  const char *date;
  guint n_refreshed = 0;

  snapshot = nines_aws_price_refresh_finish (NINES_AWS_CLIENT (source), result, &n_refreshed, &error);
  if (snapshot == NULL)
    {
      /* Translators: %s says why, e.g. that no AWS credentials were found */
      message = g_strdup_printf (_("Could not refresh prices: %s"), error->message);
      toast (r, message);
      return;
    }

  date = nines_price_snapshot_get_newest_date (snapshot);
  /* Every window reprices with the new snapshot, then the date says it is in use (which
   * also reaches the windows of other processes on the same settings). */
  for (GList *l = gtk_application_get_windows (r->application); l; l = l->next)
    if (NINES_IS_WINDOW (l->data))
      nines_window_set_prices (l->data, snapshot);
  if (r->settings != NULL)
    g_settings_set_string (r->settings, "price-data-date", date);
  message = g_strdup_printf (ngettext ("Prices refreshed: %u price from the AWS Price List, published up to %s",
                                       "Prices refreshed: %u prices from the AWS Price List, published up to %s",
                                       n_refreshed),
                             n_refreshed, date);
  toast (r, message);
}

/* The regions to refresh: the active design's, else the default regions. */
static GStrv
regions_to_refresh (Refresh *r)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  NinesDocument *doc = r->window ? nines_window_get_document (r->window) : NULL;

  if (doc != NULL)
    {
      GListModel *regions = nines_document_get_regions (doc);

      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(NinesRegion) region = g_list_model_get_item (regions, i);
          g_strv_builder_add (builder, nines_region_get_code (region));
        }
    }
  else if (r->settings != NULL)
    {
      g_autofree char *primary = g_settings_get_string (r->settings, "default-primary-region");
      g_autofree char *recovery = g_settings_get_string (r->settings, "default-recovery-region");

      g_strv_builder_add (builder, primary);
      if (!g_str_equal (primary, recovery))
        g_strv_builder_add (builder, recovery);
    }
  else
    g_strv_builder_add (builder, "us-east-1");
  return g_strv_builder_end (builder);
}

static void
refresh_prices_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  g_autoptr(Refresh) r = g_new0 (Refresh, 1);
  g_autoptr(NinesAwsClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *list = NULL;
  g_autofree char *title = NULL;
  g_auto(GStrv) regions = NULL;
  GtkWindow *active;
  Refresh *progress_data;

  r->application = g_object_ref (GTK_APPLICATION (user_data));
  r->action = g_object_ref (action);
  r->settings = nines_settings_new_default ();
  active = gtk_application_get_active_window (r->application);
  /* The preferences window is transient for the main window: toast there. */
  if (active != NULL && !NINES_IS_WINDOW (active))
    active = gtk_window_get_transient_for (active);
  if (active != NULL && NINES_IS_WINDOW (active))
    g_set_weak_pointer (&r->window, NINES_WINDOW (active));
  g_simple_action_set_enabled (action, FALSE);

  if (r->settings != NULL)
    profile = g_settings_get_string (r->settings, "aws-profile");
  /* The Price List API answers in us-east-1. */
  client = nines_aws_client_new_for_profile (profile && profile[0] ? profile : NULL, "us-east-1", &error);
  dir = nines_price_refresh_get_dir ();
  if (client != NULL && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create %s: %s"), dir, g_strerror (saved));
      g_clear_object (&client);
    }
  if (client == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not refresh prices: %s"), error->message);
      toast (r, message);
      return;
    }

  regions = regions_to_refresh (r);
  list = g_strjoinv (", ", regions);
  /* Translators: %s lists region codes, e.g. "us-east-1, us-west-2" */
  title = g_strdup_printf (_("Refreshing prices for %s…"), list);
  r->progress = adw_toast_new (title);
  adw_toast_set_timeout (r->progress, 0);
  show_toast (r, r->progress);
  /* Progress reports are sources attached before the result's: they all run before
   * refresh_done() frees @r. */
  progress_data = r;
  nines_aws_price_refresh_async (client, NULL, (const char * const *) regions, NULL, dir,
                                 on_progress, progress_data, NULL, refresh_done, g_steal_pointer (&r));
}

static const GActionEntry refresh_actions[] = {
  { "refresh-prices", refresh_prices_action },
};

void
nines_price_refresh_install (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  g_action_map_add_action_entries (G_ACTION_MAP (application),
                                   refresh_actions, G_N_ELEMENTS (refresh_actions),
                                   application);
}
