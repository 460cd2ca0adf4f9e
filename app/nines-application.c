#define G_LOG_DOMAIN "nines-application"

#include "config.h"

#include <glib/gi18n.h>

#include "nines-application.h"
#include "nines-window.h"

struct _NinesApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (NinesApplication, nines_application, ADW_TYPE_APPLICATION)

static NinesWindow *
new_window (NinesApplication *self)
{
  return nines_window_new (GTK_APPLICATION (self));
}

static void
nines_application_activate (GApplication *app)
{
  g_autoptr(NinesDocument) doc = nines_document_load_example ("storefront", NULL);
  NinesWindow *win = new_window (NINES_APPLICATION (app));

  if (doc != NULL)
    nines_window_set_document (win, doc, NULL);
  gtk_window_present (GTK_WINDOW (win));
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
      g_autoptr(NinesDocument) doc = path ? nines_document_load_from_file (path, &error) : NULL;
      NinesWindow *win = new_window (NINES_APPLICATION (app));

      if (doc != NULL)
        nines_window_set_document (win, doc, path);
      else
        {
          g_printerr ("%s\n", error ? error->message : _("Only local files can be opened"));
          gtk_window_destroy (GTK_WINDOW (win));
          continue;
        }
      gtk_window_present (GTK_WINDOW (win));
    }
}

static void
nines_application_class_init (NinesApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = nines_application_activate;
  app_class->open = nines_application_open;
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
