/* nines-window-autosave.c: autosave after a few seconds of idle, the offer to restore
 * after a crash, and the welcome page's recent designs.
 *
 * Each unsaved design is written (atomically) to $XDG_STATE_HOME/nines/autosave/UUID.nines,
 * with UUID.origin beside it: the writer's process id and the path it was saved to. A
 * clean save, close or discard removes both; files left by a process that is gone are
 * offered on the welcome page. */
#define G_LOG_DOMAIN "nines-window"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nines-ui.h"
#include "nines-window-private.h"

/* Recent designs the welcome page shows (of the NINES_SETTINGS_MAX_RECENT_FILES kept). */
#define MAX_RECENT 5

char *
nines_window_get_autosave_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "nines", "autosave", NULL);
}

static char *
origin_path_for (const char *autosave)
{
  g_autofree char *base = g_strndup (autosave, strlen (autosave) - strlen (".nines"));
  return g_strconcat (base, ".origin", NULL);
}

void
_nines_window_autosave_now (NinesWindow *self)
{
  g_autofree char *dir = nines_window_get_autosave_dir ();
  g_autofree char *name = NULL;
  g_autofree char *origin = NULL;
  g_autofree char *origin_text = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->document == NULL || !nines_command_stack_is_dirty (self->stack))
    return;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_autofree char *msg = g_strdup_printf (_("Could not autosave: %s"), g_strerror (errno));
      nines_window_add_toast (self, msg);
      return;
    }
  name = g_strdup_printf ("%s.nines", nines_document_get_uuid (self->document));
  g_free (self->autosave_path);
  self->autosave_path = g_build_filename (dir, name, NULL);
  if (!nines_document_save_to_file (self->document, self->autosave_path, &error))
    {
      g_autofree char *msg = g_strdup_printf (_("Could not autosave: %s"), error->message);
      nines_window_add_toast (self, msg);
      return;
    }
  origin = origin_path_for (self->autosave_path);
  origin_text = g_strdup_printf ("%d\n%s\n", (int) getpid (), self->path ? self->path : "");
  g_file_set_contents (origin, origin_text, -1, NULL);
}

static gboolean
autosave_timeout (gpointer data)
{
  NinesWindow *self = data;

  self->autosave_source = 0;
  _nines_window_autosave_now (self);
  return G_SOURCE_REMOVE;
}

void
_nines_window_autosave_schedule (NinesWindow *self)
{
  guint delay_ms = NINES_AUTOSAVE_DELAY_MS;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->document == NULL)
    return;
  /* The "autosave-interval" preference: seconds of idle, 0 for never. */
  if (self->settings != NULL)
    delay_ms = g_settings_get_uint (self->settings, "autosave-interval") * 1000;
  if (delay_ms == 0)
    return;
  /* Whether there is anything to save is decided when it fires (the stack marks itself
   * dirty after the document's "changed"). Restarted by every edit: it runs after a few seconds of idle. */
  self->autosave_source = g_timeout_add (delay_ms, autosave_timeout, self);
}

void
_nines_window_autosave_remove (NinesWindow *self)
{
  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->autosave_path != NULL)
    {
      g_autofree char *origin = origin_path_for (self->autosave_path);
      g_unlink (self->autosave_path);
      g_unlink (origin);
      g_clear_pointer (&self->autosave_path, g_free);
    }
}

/* Reads an .origin file: FALSE when its writer is still running (not a crash). */
static gboolean
read_origin (const char  *autosave,
             char       **original_path)
{
  g_autofree char *origin = origin_path_for (autosave);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 pid = 0;

  *original_path = NULL;
  if (g_file_get_contents (origin, &text, NULL, NULL))
    {
      lines = g_strsplit (text, "\n", 3);
      if (lines[0] && g_ascii_string_to_signed (lines[0], 10, 1, G_MAXINT, &pid, NULL) &&
          pid != getpid () && kill ((pid_t) pid, 0) == 0)
        return FALSE;
      if (lines[0] && lines[1] && *lines[1])
        *original_path = g_strdup (lines[1]);
    }
  return TRUE;
}

static void
clear_welcome_rows (NinesWindow *self)
{
  for (guint i = 0; i < self->welcome_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->welcome_rows, i);
      AdwPreferencesGroup *group = g_object_get_data (G_OBJECT (row), "group");
      adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->welcome_rows, 0);
}

static void
add_restore_row (NinesWindow *self,
                 const char  *autosave)
{
  g_autofree char *original = NULL;
  g_autoptr(NinesDocument) doc = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *time = NULL;
  GStatBuf st;
  GtkWidget *row, *restore, *discard;

  if (!read_origin (autosave, &original))
    return;
  doc = nines_document_load_from_file (autosave, NULL);
  if (doc == NULL || g_stat (autosave, &st) != 0)
    return;
  when = g_date_time_new_from_unix_local (st.st_mtime);
  time = g_date_time_format (when, "%x %X");
  subtitle = original ? g_strdup_printf (_("Autosaved %s · %s"), time, original)
                      : g_strdup_printf (_("Autosaved %s · never saved"), time);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nines_document_get_name (doc));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  restore = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (restore, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "win.restore-autosave");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "s", autosave);
  discard = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (discard, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (discard, "flat");
  nines_ui_set_tooltip_text (discard, _("Discard"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (discard), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Discard"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (discard), "win.discard-autosave");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (discard), "s", autosave);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), discard);
  g_object_set_data (G_OBJECT (row), "group", self->restore_group);
  adw_preferences_group_add (self->restore_group, row);
  g_ptr_array_add (self->welcome_rows, row);
}

static void
add_recent_rows (NinesWindow *self)
{
  g_auto(GStrv) uris = _nines_window_dup_recent_files (self);
  guint shown = 0;

  /* Newest first; a design moved or deleted since is skipped, not forgotten (its disk may
   * only be unmounted). */
  for (guint i = 0; uris[i] != NULL && shown < MAX_RECENT; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GFile) parent = NULL;
      g_autofree char *basename = NULL;
      g_autofree char *folder = NULL;
      GtkWidget *row;

      if (path == NULL || !g_str_has_suffix (path, ".nines") || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;
      parent = g_file_get_parent (file);
      basename = g_file_get_basename (file);
      folder = g_file_get_parse_name (parent);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), basename);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), folder);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-path");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", path);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "group", self->recent_group);
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->welcome_rows, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

void
_nines_window_fill_welcome (NinesWindow *self)
{
  g_autofree char *dir = nines_window_get_autosave_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint before;

  _nines_window_ensure_welcome (self);
  clear_welcome_rows (self);
  before = self->welcome_rows->len;
  while (d && (name = g_dir_read_name (d)))
    if (g_str_has_suffix (name, ".nines"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        add_restore_row (self, path);
      }
  gtk_widget_set_visible (GTK_WIDGET (self->restore_group), self->welcome_rows->len > before);
  add_recent_rows (self);
}

static void
restore_autosave_action (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       data)
{
  NinesWindow *self = data;
  const char *autosave = g_variant_get_string (param, NULL);
  g_autoptr(NinesDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;

  doc = nines_document_load_from_file (autosave, &error);
  if (doc == NULL)
    {
      nines_window_add_toast (self, error->message);
      return;
    }
  read_origin (autosave, &original);
  /* Restored work is unsaved: no path, so the next save asks where (the file it came
   * from may hold an older version). The autosave stays until then. */
  nines_window_set_document (self, doc, NULL);
  self->autosave_path = g_strdup (autosave);
  _nines_window_autosave_now (self);
  if (original)
    {
      g_autofree char *msg = g_strdup_printf (_("Restored unsaved changes to %s"), original);
      nines_window_add_toast (self, msg);
    }
  else
    nines_window_add_toast (self, _("Restored unsaved design"));
}

static void
discard_autosave_action (GSimpleAction *action,
                         GVariant      *param,
                         gpointer       data)
{
  NinesWindow *self = data;
  const char *autosave = g_variant_get_string (param, NULL);
  g_autofree char *dir = nines_window_get_autosave_dir ();
  g_autofree char *origin = NULL;

  /* Only files in our autosave folder. */
  if (!g_str_has_prefix (autosave, dir) || !g_str_has_suffix (autosave, ".nines"))
    return;
  origin = origin_path_for (autosave);
  g_unlink (autosave);
  g_unlink (origin);
  _nines_window_fill_welcome (self);
}

static const GActionEntry autosave_entries[] = {
  { "restore-autosave", restore_autosave_action, "s" },
  { "discard-autosave", discard_autosave_action, "s" },
};

void
_nines_window_init_autosave_actions (NinesWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), autosave_entries, G_N_ELEMENTS (autosave_entries), self);
}
