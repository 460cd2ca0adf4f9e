#define G_LOG_DOMAIN "nines-application"

#include "config.h"

#include <glib/gi18n.h>

#include <nines-model.h>

#include "nines-application.h"
#include "nines-ui.h"
#include "nines-window.h"

struct _NinesApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (NinesApplication, nines_application, ADW_TYPE_APPLICATION)

void nines_application_init_actions (NinesApplication *self);

static NinesWindow *
new_window (NinesApplication *self)
{
  return nines_window_new (GTK_APPLICATION (self));
}

static void
nines_application_activate (GApplication *app)
{
  GtkWindow *win = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (win == NULL)
    win = GTK_WINDOW (new_window (NINES_APPLICATION (app)));
  gtk_window_present (win);
}

static void
nines_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_file_get_path (files[i]);
      NinesWindow *win = new_window (NINES_APPLICATION (app));

      if (path == NULL)
        nines_window_add_toast (win, _("Only local files can be opened"));
      else if (!nines_window_load_file (win, path, &error))
        {
          /* Still show the window (the welcome page), with the reason. */
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (win), _("Could Not Open the Design"),
                                                      error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (win));
          gtk_window_present (GTK_WINDOW (dialog));
          continue;
        }
      gtk_window_present (GTK_WINDOW (win));
    }
}

/* The built-in catalog and price snapshot (JSON parsed once, behind g_once) are needed
 * by the first frame's summary: parse them on the second core while this thread opens
 * the display and loads the theme (GTK and libadwaita start-up). */
static gpointer
load_model_defaults (gpointer data)
{
  nines_catalog_get_default ();
  nines_price_snapshot_get_default ();
  return NULL;
}

static void
nines_application_startup (GApplication *app)
{
  GdkDisplay *display;

  g_thread_unref (g_thread_new ("nines-catalog", load_model_defaults, NULL));
  G_APPLICATION_CLASS (nines_application_parent_class)->startup (app);
  /* The display is open: the icon theme and the first icons load on another thread while
   * this one builds the window. */
  display = gdk_display_get_default ();
  if (display != NULL)
    nines_ui_warm_icons (display);
  nines_application_init_actions (NINES_APPLICATION (app));
}

static void
nines_application_class_init (NinesApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = nines_application_activate;
  app_class->open = nines_application_open;
  app_class->startup = nines_application_startup;
}

static void
nines_application_init (NinesApplication *self)
{
}

NinesApplication *
nines_application_new (void)
{
  return g_object_new (NINES_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/ninesdr/Nines",
                       NULL);
}
