/* nines-application-actions.c: application actions (app.*) and every accelerator, set in
 * startup so menus show them. Window actions are in ui/nines-window-actions.c. */
#define G_LOG_DOMAIN "nines-application"

#include "config.h"

#include <glib/gi18n.h>

#include "nines-application.h"
#include "nines-app-dialogs.h"
#include "nines-price-refresh.h"
#include "nines-window.h"

void nines_application_init_actions (NinesApplication *self);

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  GtkApplication *app = data;
  GList *windows = g_list_copy (gtk_application_get_windows (app));

  /* Closing each window asks about its unsaved changes; the app quits with the last. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  gtk_window_present (GTK_WINDOW (nines_window_new (GTK_APPLICATION (data))));
}

static const GActionEntry app_entries[] = {
  { "quit", quit_action },
  { "new-window", new_window_action },
};

static const struct
{
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.new-window", { "<Control><Shift>n", NULL } },
  { "win.new-design", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.close-design", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-fit", { "<Control>0", NULL } },
  { "win.zoom-reset", { "<Control>1", NULL } },
  { "win.select-all", { "<Control>a", NULL } },
  { "win.connect", { "<Control>l", NULL } },
  { "win.connect-data", { "<Control><Shift>l", NULL } },
  { "win.add-region", { "<Control><Shift>r", NULL } },
  { "win.focus-palette", { "<Control>p", NULL } },
  { "win.compare", { "<Control>k", NULL } },
  { "win.simulate", { "<Control>r", NULL } },
  { "win.export-diagram", { "<Control>e", NULL } },
  { "win.export-report", { "<Control><Shift>e", NULL } },
  { "win.export-costs", { "<Control><Shift>c", NULL } },
  { "win.export-runbook", { "<Control><Shift>b", NULL } },
  { "win.export-cloudformation", { "<Control><Shift>t", NULL } },
  { "win.provision", { "<Control><Shift>p", NULL } },
  /* GtkApplication sets this one only for a help overlay at its default resource path. */
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.pattern::none", { "<Alt>0", NULL } },
  { "win.pattern::backup-restore", { "<Alt>1", NULL } },
  { "win.pattern::pilot-light", { "<Alt>2", NULL } },
  { "win.pattern::warm-standby", { "<Alt>3", NULL } },
  { "win.pattern::multi-site", { "<Alt>4", NULL } },
};

void
nines_application_init_actions (NinesApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  /* app.preferences (Ctrl+comma) and app.about. */
  nines_app_dialogs_install (GTK_APPLICATION (self));
  /* app.refresh-prices, the preferences' "Refresh" button. */
  nines_price_refresh_install (GTK_APPLICATION (self));
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}
