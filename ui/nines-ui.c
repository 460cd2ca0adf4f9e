#define G_LOG_DOMAIN "nines-ui"

#include "config.h"

#include <nines-chart.h>

#include "nines-ui.h"

GResource *nines_ui_get_resource (void);

void
nines_ui_ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Named so the linker keeps the resources out of the static library. */
      g_resources_register (nines_ui_get_resource ());
      g_once_init_leave (&done, 1);
    }
}

/* The symbolic icons the window shows before any click: the header bar's buttons
 * (nines-window.ui), the window controls GTK adds to it, the panel switcher's pages
 * (nines-window.ui), the inspector's expander row (libadwaita's own icon) and the rows of
 * the welcome page (nines-welcome.ui). test-window.c keeps this list in step with the
 * window. */
static const char * const warm_icon_names[] = {
  "document-open-symbolic",
  "edit-undo-symbolic",
  "edit-redo-symbolic",
  "open-menu-symbolic",
  "window-minimize-symbolic",
  "window-maximize-symbolic",
  "window-close-symbolic",
  "emblem-documents-symbolic",
  "view-refresh-symbolic",
  "dialog-warning-symbolic",
  "view-dual-symbolic",
  "media-playback-start-symbolic",
  "adw-expander-arrow-symbolic",
  "go-next-symbolic",
  NULL
};

const char * const *
nines_ui_get_warm_icon_names (void)
{
  return warm_icon_names;
}

typedef struct
{
  GtkIconTheme     *theme;
  int               scale;
  GtkTextDirection  direction;
} WarmIcons;

static gpointer
warm_icons_thread (gpointer data)
{
  WarmIcons *warm = data;

  /* The first lookup loads the theme's index and directories, on this thread. PRELOAD then
   * has GTK's own worker threads load each icon's picture. The names, size, scale,
   * direction and flags are those a GtkImage of a normal-size icon looks up (as a
   * GThemedIcon, which adds the names without "-symbolic"), so the window's images find
   * these entries, pictures loaded, in the theme's cache: each picture is read once (GTK
   * 4.8; with other flags or names they were read twice, once for nothing). */
  for (guint i = 0; warm_icon_names[i] != NULL; i++)
    {
      /* As GtkImage names them (gtkiconhelper.c): with the default fallbacks when it uses
       * them, as the window controls do (gtkwindowcontrols.c). */
      g_autoptr(GIcon) icon = g_str_has_prefix (warm_icon_names[i], "window-")
                              ? g_themed_icon_new_with_default_fallbacks (warm_icon_names[i])
                              : g_themed_icon_new (warm_icon_names[i]);

      g_object_unref (gtk_icon_theme_lookup_by_gicon (warm->theme, icon, 16, warm->scale,
                                                      warm->direction, GTK_ICON_LOOKUP_PRELOAD));
    }
  g_free (warm);
  return NULL;
}

void
nines_ui_warm_icons (GdkDisplay *display)
{
  GListModel *monitors;
  g_autoptr(GdkMonitor) monitor = NULL;
  WarmIcons *warm;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  monitors = gdk_display_get_monitors (display);
  monitor = g_list_model_get_n_items (monitors) > 0 ? g_list_model_get_item (monitors, 0) : NULL;
  warm = g_new0 (WarmIcons, 1);
  /* Set up here, on the main thread; GtkIconTheme takes its own lock for lookups from any
   * thread once it is (gtkicontheme.c, "Threading"). The display keeps the theme alive. */
  warm->theme = gtk_icon_theme_get_for_display (display);
  warm->scale = monitor ? gdk_monitor_get_scale_factor (monitor) : 1;
  warm->direction = gtk_widget_get_default_direction ();
  g_thread_unref (g_thread_new ("nines-icons", warm_icons_thread, warm));
}

/* GTK 4.8 asks the display where the pointer is whenever the tooltip of a visible widget
 * is set, so that a tooltip already showing follows the change. Over X11 that is a round
 * trip to the server: 47 of them before the first frame, about 8 ms, and one per summary
 * figure and canvas card after every edit. A tooltip cannot be showing on a widget that is
 * not mapped yet, nor change when its text does not: set such a widget's tooltip while it
 * is hidden, which skips the query, and an unchanged one not at all. */
static void
set_tooltip (GtkWidget  *widget,
             const char *tooltip,
             gboolean    markup)
{
  const char *current;
  gboolean hide;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  current = markup ? gtk_widget_get_tooltip_markup (widget) : gtk_widget_get_tooltip_text (widget);
  if (g_strcmp0 (current, tooltip) == 0)
    return;
  hide = gtk_widget_get_visible (widget) && !gtk_widget_get_mapped (widget);
  if (hide)
    gtk_widget_set_visible (widget, FALSE);
  if (markup)
    gtk_widget_set_tooltip_markup (widget, tooltip);
  else
    gtk_widget_set_tooltip_text (widget, tooltip);
  if (hide)
    gtk_widget_set_visible (widget, TRUE);
}

void
nines_ui_set_tooltip_text (GtkWidget  *widget,
                           const char *text)
{
  set_tooltip (widget, text, FALSE);
}

void
nines_ui_set_tooltip_markup (GtkWidget  *widget,
                             const char *markup)
{
  set_tooltip (widget, markup, TRUE);
}

void
nines_ui_prepare_chart (GtkWidget *widget,
                        cairo_t   *cr)
{
  PangoContext *context;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  context = gtk_widget_create_pango_context (widget);
  nines_chart_use_pango_context (cr, context);
  g_object_unref (context);
}
