/* nines-window-actions.c: the window's actions (win.*): files, editing, view, pattern */
#define G_LOG_DOMAIN "nines-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-window-private.h"

static void
set_enabled (NinesWindow *self,
             const char  *name,
             gboolean     enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  if (action)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
_nines_window_update_actions (NinesWindow *self)
{
  gboolean editing = self->document != NULL;
  const char *editing_actions[] = {
    "save", "save-as", "close-design", "add-component", "add-region", "zoom-in", "zoom-out",
    "zoom-fit", "zoom-reset", "select-all", "pattern", "recovery-region", "compare", "simulate",
    "show-panel", "export-cloudformation", "export-diagram", "export-costs", "export-report",
    "export-runbook", "export-to", "provision",
  };
  guint n = editing ? nines_canvas_get_n_selected (self->canvas) : 0;

  for (guint i = 0; i < G_N_ELEMENTS (editing_actions); i++)
    set_enabled (self, editing_actions[i], editing);
  set_enabled (self, "undo", editing && nines_command_stack_can_undo (self->stack));
  set_enabled (self, "redo", editing && nines_command_stack_can_redo (self->stack));
  set_enabled (self, "delete", n > 0);
  set_enabled (self, "connect", n == 2);
  set_enabled (self, "connect-data", n == 2);

  if (editing)
    {
      GAction *pattern = g_action_map_lookup_action (G_ACTION_MAP (self), "pattern");
      GAction *recovery = g_action_map_lookup_action (G_ACTION_MAP (self), "recovery-region");
      const char *code = nines_document_get_recovery_region (self->document);

      g_simple_action_set_state (G_SIMPLE_ACTION (pattern),
                                 g_variant_new_string (nines_dr_pattern_to_string (nines_document_get_dr_pattern (self->document))));
      g_simple_action_set_state (G_SIMPLE_ACTION (recovery), g_variant_new_string (code ? code : ""));
    }
}

/* ---- Files ---- */

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  NinesWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        nines_window_add_toast (self, _("Only local files can be opened"));
      else if (!nines_window_load_file (self, path, &error))
        {
          GtkWidget *msg = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Open the Design"),
                                                   error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (msg), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (msg));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
nines_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Nines designs"));
  gtk_file_filter_add_pattern (filter, "*.nines");
  return filter;
}

static void
open_after_confirm (NinesWindow *self)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Open a Design"), GTK_WINDOW (self),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                                               _("_Open"), _("_Cancel"));
  g_autoptr(GtkFileFilter) filter = nines_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  _nines_window_confirm_discard (data, G_CALLBACK (open_after_confirm), NULL);
}

typedef struct
{
  NinesWindow *self;
  gboolean     close_after;
} SaveAsData;

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     SaveAsData      *data)
{
  NinesWindow *self = data->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && !g_str_has_suffix (path, ".nines"))
        {
          char *with = g_strconcat (path, ".nines", NULL);
          g_free (path);
          path = with;
        }
      if (path == NULL)
        nines_window_add_toast (self, _("Only local files can be saved"));
      else if (!nines_window_save_to_file (self, path, &error))
        nines_window_add_toast (self, error->message);
      else
        {
          g_autofree char *msg = g_strdup_printf (_("Saved “%s”"), nines_document_get_name (self->document));
          nines_window_add_toast (self, msg);
          if (data->close_after)
            {
              self->close_confirmed = TRUE;
              gtk_window_close (GTK_WINDOW (self));
            }
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (data->self);
  g_free (data);
}

void
_nines_window_save_as (NinesWindow *self,
                       gboolean     close_after)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = nines_filter ();
  g_autofree char *name = NULL;
  SaveAsData *data;

  if (self->document == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save the Design"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = g_strdup_printf ("%s.nines", nines_document_get_name (self->document));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  data = g_new0 (SaveAsData, 1);
  data->self = g_object_ref (self);
  data->close_after = close_after;
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  NinesWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (self->path == NULL)
    {
      _nines_window_save_as (self, FALSE);
      return;
    }
  if (!nines_window_save_to_file (self, self->path, &error))
    nines_window_add_toast (self, error->message);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  _nines_window_save_as (data, FALSE);
}

/* ---- Unsaved changes ---- */

typedef struct
{
  NinesWindow *self;
  GCallback    then;
  gpointer     data;
} ConfirmData;

static void
run_then (ConfirmData *cd)
{
  if ((gpointer) cd->then == (gpointer) gtk_window_destroy)
    {
      cd->self->close_confirmed = TRUE;
      _nines_window_autosave_remove (cd->self);
      gtk_window_close (GTK_WINDOW (cd->self));
    }
  else
    ((void (*) (NinesWindow *, gpointer)) cd->then) (cd->self, cd->data);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     ConfirmData      *cd)
{
  if (g_str_equal (response, "discard"))
    {
      nines_command_stack_mark_saved (cd->self->stack);
      _nines_window_autosave_remove (cd->self);
      run_then (cd);
    }
  else if (g_str_equal (response, "save"))
    {
      g_autoptr(GError) error = NULL;

      if (cd->self->path == NULL)
        _nines_window_save_as (cd->self, (gpointer) cd->then == (gpointer) gtk_window_destroy);
      else if (!nines_window_save_to_file (cd->self, cd->self->path, &error))
        nines_window_add_toast (cd->self, error->message);
      else
        run_then (cd);
    }
  g_object_unref (cd->self);
  g_free (cd);
}

void
_nines_window_confirm_discard (NinesWindow *self,
                               GCallback    then,
                               gpointer     data)
{
  ConfirmData *cd = g_new0 (ConfirmData, 1);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  cd->self = g_object_ref (self);
  cd->then = then;
  cd->data = data;
  if (self->document == NULL || !nines_command_stack_is_dirty (self->stack))
    {
      run_then (cd);
      g_object_unref (cd->self);
      g_free (cd);
      return;
    }

  heading = g_strdup_printf (_("Save Changes to “%s”?"), nines_document_get_name (self->document));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Changes which are not saved will be permanently lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (confirm_response_cb), cd);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- New, examples, recent, close ---- */

static void
new_design_after_confirm (NinesWindow *self)
{
  g_autoptr(NinesDocument) document = nines_document_new ();
  NinesCatalog *catalog = nines_catalog_get_default ();
  const NinesRegionInfo *info = nines_catalog_lookup_region (catalog, "us-east-1");
  g_autoptr(GPtrArray) azs = g_ptr_array_new ();

  if (info == NULL)
    info = nines_catalog_get_region (catalog, 0);
  /* One region with three AZs to start drawing in. */
  for (guint i = 0; info->azs[i] && i < 3; i++)
    g_ptr_array_add (azs, info->azs[i]);
  g_ptr_array_add (azs, NULL);
  {
    g_autoptr(NinesRegion) region = nines_region_new (info->code, (const char * const *) azs->pdata);
    nines_document_add_region (document, region);
  }
  nines_window_set_document (self, document, NULL);
}

static void
new_design_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  _nines_window_confirm_discard (data, G_CALLBACK (new_design_after_confirm), NULL);
}

static void
open_example_after_confirm (NinesWindow *self,
                            char        *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) document = nines_document_load_example (name, &error);

  if (document == NULL)
    nines_window_add_toast (self, error->message);
  else
    nines_window_set_document (self, document, NULL);
  g_free (name);
}

static void
open_example_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  _nines_window_confirm_discard (data, G_CALLBACK (open_example_after_confirm),
                                 g_variant_dup_string (param, NULL));
}

static void
open_path_after_confirm (NinesWindow *self,
                         char        *path)
{
  g_autoptr(GError) error = NULL;

  if (!nines_window_load_file (self, path, &error))
    nines_window_add_toast (self, error->message);
  g_free (path);
}

static void
open_path_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  _nines_window_confirm_discard (data, G_CALLBACK (open_path_after_confirm),
                                 g_variant_dup_string (param, NULL));
}

static void
close_design_after_confirm (NinesWindow *self)
{
  nines_window_show_welcome (self);
}

static void
close_design_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  _nines_window_confirm_discard (data, G_CALLBACK (close_design_after_confirm), NULL);
}

/* ---- Editing ---- */

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  NinesWindow *self = data;
  const char *label;
  g_autofree char *msg = NULL;

  if (self->stack == NULL)
    return;
  label = nines_command_stack_get_undo_label (self->stack);
  msg = label ? g_strdup_printf (_("Undone: %s"), label) : NULL;
  if (nines_command_stack_undo (self->stack) && msg)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, msg, -1);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  NinesWindow *self = data;

  if (self->stack != NULL)
    nines_command_stack_redo (self->stack);
}

/* win.X forwards to canvas.X, so the accelerators and the menu reach the canvas wherever
 * the focus is. */
static void
canvas_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  NinesWindow *self = data;
  const char *name = g_action_get_name (G_ACTION (action));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  g_autofree char *target = NULL;

  /* Ctrl+A and Delete are window accelerators, so they reach us before a focused text
   * field sees them: there they mean the field's text, not the canvas selection. */
  if (focus != NULL && GTK_IS_EDITABLE (focus) &&
      (g_str_equal (name, "select-all") || g_str_equal (name, "delete")))
    {
      GtkEditable *editable = GTK_EDITABLE (focus);
      int start, end;

      if (g_str_equal (name, "select-all"))
        gtk_editable_select_region (editable, 0, -1);
      else if (gtk_editable_get_selection_bounds (editable, &start, &end))
        gtk_editable_delete_selection (editable);
      else
        {
          int pos = gtk_editable_get_position (editable);
          gtk_editable_delete_text (editable, pos, pos + 1);
        }
      return;
    }

  if (g_str_equal (name, "delete"))
    target = g_strdup ("canvas.delete-selection");
  else
    target = g_strconcat ("canvas.", name, NULL);
  gtk_widget_activate_action_variant (GTK_WIDGET (self->canvas), target, param);
}

static void
pattern_change_state (GSimpleAction *action,
                      GVariant      *value,
                      gpointer       data)
{
  NinesWindow *self = data;
  NinesDrPattern pattern;
  const char *recovery;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || !nines_dr_pattern_from_string (g_variant_get_string (value, NULL), &pattern))
    return;
  recovery = nines_document_get_recovery_region (self->document);
  if (pattern != NINES_DR_PATTERN_NONE && recovery == NULL)
    {
      /* No recovery region yet: the nearest other region in the catalog. */
      NinesCatalog *catalog = nines_catalog_get_default ();
      const NinesRegionInfo *primary = nines_catalog_lookup_region (catalog, nines_document_get_primary_region (self->document));
      double best = G_MAXDOUBLE;

      for (guint i = 0; primary && i < nines_catalog_get_n_regions (catalog); i++)
        {
          const NinesRegionInfo *r = nines_catalog_get_region (catalog, i);
          double d = nines_region_info_distance_km (primary, r);
          if (r != primary && d < best)
            {
              best = d;
              recovery = r->code;
            }
        }
    }
  if (!nines_command_stack_set_dr (self->stack, pattern, recovery, &error))
    {
      nines_window_add_toast (self, error->message);
      _nines_window_update_actions (self);
      gtk_drop_down_set_selected (self->pattern_dropdown, nines_document_get_dr_pattern (self->document));
    }
}

static void
recovery_change_state (GSimpleAction *action,
                       GVariant      *value,
                       gpointer       data)
{
  NinesWindow *self = data;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  if (!nines_command_stack_set_dr (self->stack, nines_document_get_dr_pattern (self->document),
                                   g_variant_get_string (value, NULL), &error))
    nines_window_add_toast (self, error->message);
}

/* ---- Add a region ---- */

static void
add_region_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        NinesWindow      *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  const char * const *codes = g_object_get_data (G_OBJECT (dialog), "codes");
  guint i = gtk_drop_down_get_selected (dropdown);
  const NinesRegionInfo *info;
  g_autoptr(GPtrArray) azs = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add") || self->stack == NULL || i >= g_strv_length ((char **) codes))
    return;
  info = nines_catalog_lookup_region (nines_catalog_get_default (), codes[i]);
  for (guint z = 0; info->azs[z] && z < 3; z++)
    g_ptr_array_add (azs, info->azs[z]);
  g_ptr_array_add (azs, NULL);
  if (!nines_command_stack_add_region (self->stack, info->code, (const char * const *) azs->pdata, &error))
    nines_window_add_toast (self, error->message);
  else
    nines_canvas_select_region (self->canvas, info->code);
}

static void
add_region_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  NinesWindow *self = data;
  NinesCatalog *catalog = nines_catalog_get_default ();
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) codes = g_strv_builder_new ();
  GtkWidget *dialog, *dropdown;

  if (self->document == NULL)
    return;
  for (guint i = 0; i < nines_catalog_get_n_regions (catalog); i++)
    {
      const NinesRegionInfo *info = nines_catalog_get_region (catalog, i);
      g_autofree char *label = NULL;

      if (nines_document_lookup_region (self->document, info->code))
        continue;
      label = g_strdup_printf ("%s (%s)", info->code, info->name);
      gtk_string_list_append (list, label);
      g_strv_builder_add (codes, info->code);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add a Region"),
                                   _("The region is added with its first three availability zones; change them in the side panel."));
  g_object_set_data_full (G_OBJECT (dialog), "codes", g_strv_builder_end (codes), (GDestroyNotify) g_strfreev);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (list)), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Region"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (add_region_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
focus_palette_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       data)
{
  NinesWindow *self = data;

  gtk_widget_child_focus (GTK_WIDGET (self->palette), GTK_DIR_TAB_FORWARD);
}

static void
show_panel_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  NinesWindow *self = data;
  const char *name = g_action_get_name (G_ACTION (action));

  adw_view_stack_set_visible_child_name (self->panels, g_str_equal (name, "show-panel")
                                                       ? g_variant_get_string (param, NULL) : name);
}

/* The shortcuts window is built on first use rather than with every window, as
 * GtkApplication would from its default resource path: its ~300 shortcut labels cost
 * 50 M instructions, a quarter of what the window adds before its first frame. */
static void
show_help_overlay_action (GSimpleAction *action,
                          GVariant      *param,
                          gpointer       data)
{
  GtkApplicationWindow *window = data;
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (window);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = NULL;

      builder = gtk_builder_new_from_resource ("/io/github/ninesdr/Nines/ui/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      /* Transient for the window, hidden on close; replaces this action with GTK's. */
      gtk_application_window_set_help_overlay (window, overlay);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static const GActionEntry win_entries[] = {
  { "show-help-overlay", show_help_overlay_action },
  { "compare", show_panel_action },
  { "simulate", show_panel_action },
  { "show-panel", show_panel_action, "s" },
  { "open", open_action },
  { "save", save_action },
  { "save-as", save_as_action },
  { "new-design", new_design_action },
  { "open-example", open_example_action, "s" },
  { "open-path", open_path_action, "s" },
  { "close-design", close_design_action },
  { "undo", undo_action },
  { "redo", redo_action },
  { "add-component", canvas_action, "s" },
  { "add-region", add_region_action },
  { "focus-palette", focus_palette_action },
  { "zoom-in", canvas_action },
  { "zoom-out", canvas_action },
  { "zoom-fit", canvas_action },
  { "zoom-reset", canvas_action },
  { "select-all", canvas_action },
  { "delete", canvas_action },
  { "connect", canvas_action },
  { "connect-data", canvas_action },
  { "pattern", NULL, "s", "'none'", pattern_change_state },
  { "recovery-region", NULL, "s", "''", recovery_change_state },
};

static void
on_selection_changed (NinesWindow *self)
{
  _nines_window_update_actions (self);
}

void
_nines_window_init_actions (NinesWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
  _nines_window_init_autosave_actions (self);
  _nines_window_init_export_actions (self);
  g_signal_connect_swapped (self->canvas, "selection-changed", G_CALLBACK (on_selection_changed), self);
  _nines_window_update_actions (self);
}
