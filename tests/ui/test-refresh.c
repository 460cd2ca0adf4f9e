/* test-refresh.c: app.refresh-prices, as the preferences' "Refresh" button runs it: the
 * errors a user meets (no credentials, no network) as toasts without secrets, and a
 * refresh against a local Price List responder (tests/aws/fault-responder.py) that
 * writes price-data-date and reprices the open design. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "nines-app-dialogs.h"
#include "nines-price-refresh.h"
#include "nines-window.h"
#include "nines-ui-test-utils.h"

static char *tmpdir;
/* One application for the whole run: an id is registered once per process. */
static GtkApplication *app;

/* The first label under @widget whose text starts with @prefix. */
static const char *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found;

      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (child)), prefix))
        return gtk_label_get_label (GTK_LABEL (child));
      if ((found = find_label (child, prefix)))
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkApplication *app;
  NinesWindow    *win;
  GSettings      *settings;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->app = app;
  f->settings = g_settings_new (APP_ID);
  g_settings_reset (f->settings, "price-data-date");
  f->win = nines_window_new (f->app);
  gtk_window_present (GTK_WINDOW (f->win));
  g_action_group_activate_action (G_ACTION_GROUP (f->win), "open-example", g_variant_new_string ("storefront"));
  NINES_UI_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (f->win)) > 0, 3000);

  /* A user with no AWS setup at all. */
  g_setenv ("HOME", tmpdir, TRUE);
  g_setenv ("AWS_CONFIG_FILE", "/dev/null", TRUE);
  g_setenv ("AWS_SHARED_CREDENTIALS_FILE", "/dev/null", TRUE);
  g_setenv ("AWS_MAX_ATTEMPTS", "1", TRUE);
  g_setenv ("AWS_EC2_METADATA_DISABLED", "true", TRUE);
  for (const char * const *v = (const char * const []) { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                                          "AWS_SESSION_TOKEN", "AWS_PROFILE",
                                                          "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_PRICING",
                                                          "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                                                          "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
                                                          "AWS_WEB_IDENTITY_TOKEN_FILE", NULL }; *v; v++)
    g_unsetenv (*v);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  nines_window_show_welcome (f->win);
  gtk_window_destroy (GTK_WINDOW (f->win));
  g_settings_reset (f->settings, "price-data-date");
  g_clear_object (&f->settings);
}

/* Runs app.refresh-prices to its end (the action is disabled while it runs) and returns
 * the toast that says how it went. */
static const char *
refresh_in (Fixture    *f,
            GtkWidget  *where,
            const char *prefix)
{
  const char *said = NULL;

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), "refresh-prices"));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "refresh-prices", NULL);
  NINES_UI_WAIT_FOR (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), "refresh-prices") &&
                     (said = find_label (where, prefix)) != NULL, 30000);
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), "refresh-prices"));
  g_assert_nonnull (said);
  g_test_message ("toast: %s", said);
  return said;
}

static const char *
refresh (Fixture    *f,
         const char *prefix)
{
  return refresh_in (f, GTK_WIDGET (f->win), prefix);
}

/* Started from the preferences' Refresh button, the outcome shows in that window. */
static void
test_from_preferences (Fixture       *f,
                       gconstpointer  data)
{
  AdwPreferencesWindow *preferences;

  nines_app_dialogs_show_preferences (f->app);
  preferences = nines_app_dialogs_get_preferences (f->app);
  g_assert_nonnull (preferences);
  refresh_in (f, GTK_WIDGET (preferences), "Could not refresh prices: ");
  g_assert_null (find_label (GTK_WIDGET (f->win), "Could not refresh prices: "));
  gtk_window_destroy (GTK_WINDOW (preferences));
  g_assert_null (nines_app_dialogs_get_preferences (f->app));
}

static void
test_no_credentials (Fixture       *f,
                     gconstpointer  data)
{
  const char *said = refresh (f, "Could not refresh prices: ");

  /* Nothing was written, and the design keeps the bundled prices. */
  {
    g_autofree char *date = g_settings_get_string (f->settings, "price-data-date");
    g_assert_cmpstr (date, ==, "");
  }
  g_assert_null (nines_analysis_get_prices (nines_window_get_analysis (f->win)));
  g_assert_cmpuint (strlen (said), >, strlen ("Could not refresh prices: "));
}

static void
test_no_network (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *endpoint = NULL;
  const char *said;
  guint16 port;

  /* A port that was free a moment ago: nothing answers there. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  endpoint = g_strdup_printf ("http://127.0.0.1:%u", port);
  g_setenv ("AWS_ENDPOINT_URL_PRICING", endpoint, TRUE);
  g_setenv ("AWS_ACCESS_KEY_ID", "AKIDREFRESHTEST", TRUE);
  g_setenv ("AWS_SECRET_ACCESS_KEY", "refreshSECRETvalue", TRUE);

  said = refresh (f, "Could not refresh prices: ");
  g_assert_null (strstr (said, "refreshSECRETvalue"));
  g_assert_null (nines_analysis_get_prices (nines_window_get_analysis (f->win)));
}

static char *
read_line (GInputStream *stream)
{
  g_autoptr(GDataInputStream) data = g_data_input_stream_new (stream);

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (data), FALSE);
  return g_data_input_stream_read_line (data, NULL, NULL, NULL);
}

static void
test_refresh_writes_and_reprices (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *responder = g_test_build_filename (G_TEST_DIST, "aws", "fault-responder.py", NULL);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GSubprocess) post = NULL;
  g_autoptr(GString) script = g_string_new ("[");
  g_autoptr(GError) error = NULL;
  g_autofree char *port = NULL, *base = NULL, *url = NULL, *date = NULL, *dir = NULL, *path = NULL;
  NinesAnalysis *analysis = nines_window_get_analysis (f->win);
  NinesPriceSnapshot *prices;
  const char *said;

  if (python == NULL || !g_file_test (responder, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("python3 or tests/aws/fault-responder.py is missing");
      return;
    }
  proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                           python, responder, NULL);
  g_assert_no_error (error);
  port = read_line (g_subprocess_get_stdout_pipe (proc));
  g_assert_nonnull (port);
  base = g_strdup_printf ("http://127.0.0.1:%s", port);

  /* The storefront's two regions × twelve queries, one empty page each: the API answers,
   * with nothing newer than the bundled prices. */
  for (guint i = 0; i < 24; i++)
    g_string_append_printf (script, "%s{\"status\": 200, \"body\": \"{\\\"FormatVersion\\\": \\\"aws_v1\\\", "
                            "\\\"PriceList\\\": []}\", \"headers\": {\"Content-Type\": "
                            "\"application/x-amz-json-1.1\"}}", i ? ", " : "");
  g_string_append (script, "]");
  url = g_strdup_printf ("%s/__script", base);
  post = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, python, "-c",
                           "import sys, urllib.request\n"
                           "urllib.request.urlopen(urllib.request.Request(sys.argv[1], "
                           "data=sys.argv[2].encode(), method='POST'))",
                           url, script->str, NULL);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (post, NULL, &error));
  g_assert_no_error (error);

  g_setenv ("AWS_ENDPOINT_URL_PRICING", base, TRUE);
  g_setenv ("AWS_ACCESS_KEY_ID", "AKIDREFRESHTEST", TRUE);
  g_setenv ("AWS_SECRET_ACCESS_KEY", "refreshSECRETvalue", TRUE);
  said = refresh (f, "Prices refreshed: ");
  g_assert_null (strstr (said, "refreshSECRETvalue"));

  /* The snapshot is written where the app reads it, its date recorded, and the open
   * design priced with it. */
  dir = nines_price_refresh_get_dir ();
  path = g_build_filename (dir, "prices.gvariant", NULL);
  g_assert_true (g_str_has_prefix (path, tmpdir));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  date = g_settings_get_string (f->settings, "price-data-date");
  g_assert_cmpstr (date, ==, nines_price_snapshot_get_newest_date (nines_price_snapshot_get_default ()));
  prices = nines_analysis_get_prices (analysis);
  g_assert_nonnull (prices);
  g_assert_true (nines_cost_estimate_get_prices (nines_analysis_get_estimate (analysis)) == prices);
  g_assert_cmpuint (nines_price_snapshot_get_n_prices (prices), ==,
                    nines_price_snapshot_get_n_prices (nines_price_snapshot_get_default ()));

  /* A new window (or the next start) reads it back through price-data-date. */
  {
    NinesWindow *other = nines_window_new (f->app);
    NinesAnalysis *other_analysis = nines_window_get_analysis (other);

    g_assert_nonnull (nines_analysis_get_prices (other_analysis));
    gtk_window_destroy (GTK_WINDOW (other));
  }

  g_output_stream_close (g_subprocess_get_stdin_pipe (proc), NULL, NULL);
  g_subprocess_wait (proc, NULL, NULL);
}

int
main (int argc, char *argv[])
{
  tmpdir = g_dir_make_tmp ("nines-refresh-XXXXXX", NULL);
  /* Before GLib caches the user's folders. */
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);
  if (!nines_ui_test_init (&argc, &argv))
    return 0;
  app = GTK_APPLICATION (adw_application_new ("io.github.ninesdr.Nines.TestRefresh", G_APPLICATION_NON_UNIQUE));
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  nines_price_refresh_install (app);
  nines_app_dialogs_install (app);
  g_test_add ("/nines/ui/refresh/no-credentials", Fixture, NULL, fixture_setup, test_no_credentials, fixture_teardown);
  g_test_add ("/nines/ui/refresh/from-preferences", Fixture, NULL, fixture_setup, test_from_preferences, fixture_teardown);
  g_test_add ("/nines/ui/refresh/no-network", Fixture, NULL, fixture_setup, test_no_network, fixture_teardown);
  g_test_add ("/nines/ui/refresh/writes-and-reprices", Fixture, NULL, fixture_setup, test_refresh_writes_and_reprices, fixture_teardown);
  return g_test_run ();
}
