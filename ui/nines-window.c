#define G_LOG_DOMAIN "nines-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-window.h"

struct _NinesWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwWindowTitle       *title;
  GtkLabel             *summary;

  /* owned */
  NinesDocument        *document;
  char                 *path;
};

G_DEFINE_FINAL_TYPE (NinesWindow, nines_window, ADW_TYPE_APPLICATION_WINDOW)

static void
nines_window_dispose (GObject *object)
{
  NinesWindow *self = (NinesWindow *)object;

  g_clear_object (&self->document);
  g_clear_pointer (&self->path, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), NINES_TYPE_WINDOW);
  G_OBJECT_CLASS (nines_window_parent_class)->dispose (object);
}

GResource *nines_ui_get_resource (void);

static void
nines_window_class_init (NinesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nines_window_dispose;

  /* Named so the linker keeps the UI resources out of the static library. */
  g_resources_register (nines_ui_get_resource ());

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ninesdr/Nines/ui/nines-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, title);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, summary);
}

static void
nines_window_init (NinesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

NinesWindow *
nines_window_new (GtkApplication *application)
{
  return g_object_new (NINES_TYPE_WINDOW, "application", application, NULL);
}

NinesDocument *
nines_window_get_document (NinesWindow *self)
{
  g_return_val_if_fail (NINES_IS_WINDOW (self), NULL);
  return self->document;
}

void
nines_window_set_document (NinesWindow   *self,
                           NinesDocument *document,
                           const char    *path)
{
  g_autofree char *text = NULL;

  g_return_if_fail (NINES_IS_WINDOW (self));
  g_return_if_fail (NINES_IS_DOCUMENT (document));

  g_set_object (&self->document, document);
  g_free (self->path);
  self->path = g_strdup (path);

  adw_window_title_set_title (self->title, nines_document_get_name (document));
  adw_window_title_set_subtitle (self->title, path ? path : "");
  gtk_window_set_title (GTK_WINDOW (self), nines_document_get_name (document));
  text = g_strdup_printf (_("%u components in %u regions"),
                          nines_document_get_n_components (document),
                          g_list_model_get_n_items (nines_document_get_regions (document)));
  gtk_label_set_label (self->summary, text);
}
