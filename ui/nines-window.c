#define G_LOG_DOMAIN "nines-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-ui.h"
#include "nines-window-private.h"

G_DEFINE_FINAL_TYPE (NinesWindow, nines_window, ADW_TYPE_APPLICATION_WINDOW)

static void set_header_mode (NinesWindow *self,
                             gboolean     editing);

static void
nines_window_dispose (GObject *object)
{
  NinesWindow *self = (NinesWindow *)object;

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  g_clear_handle_id (&self->list_regions_source, g_source_remove);
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->stack)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  g_clear_object (&self->stack);
  g_clear_object (&self->document);
  g_clear_object (&self->analysis);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), NINES_TYPE_WINDOW);
  G_OBJECT_CLASS (nines_window_parent_class)->dispose (object);
}

static void
nines_window_finalize (GObject *object)
{
  NinesWindow *self = (NinesWindow *)object;

  g_free (self->path);
  g_free (self->autosave_path);
  g_ptr_array_unref (self->welcome_rows);
  g_clear_object (&self->regions);
  G_OBJECT_CLASS (nines_window_parent_class)->finalize (object);
}

void
_nines_window_update_title (NinesWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *display = NULL;
  gboolean dirty;

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->title, _("Nines"));
      adw_window_title_set_subtitle (self->title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Nines"));
      return;
    }

  dirty = nines_command_stack_is_dirty (self->stack) || self->path == NULL;
  /* A leading bullet marks unsaved changes (as GNOME Text Editor does). */
  title = dirty ? g_strdup_printf ("• %s", nines_document_get_name (self->document))
                : g_strdup (nines_document_get_name (self->document));
  if (self->path)
    {
      g_autoptr(GFile) file = g_file_new_for_path (self->path);
      g_autoptr(GFile) parent = g_file_get_parent (file);
      display = parent ? g_file_get_parse_name (parent) : g_strdup (self->path);
    }
  else
    display = g_strdup (_("Not saved"));
  adw_window_title_set_title (self->title, title);
  adw_window_title_set_subtitle (self->title, display);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static gboolean
regions_listed (NinesWindow *self)
{
  return gtk_drop_down_get_model (self->recovery_dropdown) == G_LIST_MODEL (self->regions);
}

static void
sync_pattern_controls (NinesWindow *self)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  const char *recovery;
  guint region = GTK_INVALID_LIST_POSITION;

  if (self->document == NULL)
    return;
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->pattern_dropdown, nines_document_get_dr_pattern (self->document));
  recovery = nines_document_get_recovery_region (self->document);
  for (guint i = 0; recovery && i < nines_catalog_get_n_regions (catalog); i++)
    if (g_strcmp0 (nines_catalog_get_region (catalog, i)->code, recovery) == 0)
      region = i;
  if (regions_listed (self))
    gtk_drop_down_set_selected (self->recovery_dropdown, region);
  else
    {
      /* Before the list (list_regions): the region shown, alone. */
      GtkStringList *shown = GTK_STRING_LIST (gtk_drop_down_get_model (self->recovery_dropdown));
      const char *label[] = { region != GTK_INVALID_LIST_POSITION
                              ? gtk_string_list_get_string (self->regions, region) : NULL, NULL };

      gtk_string_list_splice (shown, 0, g_list_model_get_n_items (G_LIST_MODEL (shown)), label);
      gtk_drop_down_set_selected (self->recovery_dropdown,
                                  label[0] != NULL ? 0 : GTK_INVALID_LIST_POSITION);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->recovery_dropdown),
                            nines_document_get_dr_pattern (self->document) != NINES_DR_PATTERN_NONE);
  self->syncing = FALSE;
}

static void
on_document_changed (NinesWindow *self)
{
  _nines_window_update_title (self);
  _nines_window_update_actions (self);
  sync_pattern_controls (self);
  _nines_window_autosave_schedule (self);
}

static void
on_stack_notify (NinesWindow *self)
{
  _nines_window_update_title (self);
  _nines_window_update_actions (self);
}

static void
on_pattern_selected (NinesWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->pattern_dropdown);

  if (self->syncing || self->document == NULL || i >= NINES_N_DR_PATTERNS)
    return;
  g_action_group_activate_action (G_ACTION_GROUP (self), "pattern",
                                  g_variant_new_string (nines_dr_pattern_to_string (i)));
}

static void
on_recovery_selected (NinesWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->recovery_dropdown);
  NinesCatalog *catalog = nines_catalog_get_default ();

  if (self->syncing || self->document == NULL || !regions_listed (self) ||
      i >= nines_catalog_get_n_regions (catalog))
    return;
  g_action_group_activate_action (G_ACTION_GROUP (self), "recovery-region",
                                  g_variant_new_string (nines_catalog_get_region (catalog, i)->code));
}

/* In the template, each of these tooltips cost a round trip to the X server at start-up
 * (GTK queries the pointer when a visible widget's tooltip is set); set here, before the
 * window is shown, they do not. */
static void
set_header_tooltips (NinesWindow *self)
{
  static const struct { const char *child, *tooltip; } tooltips[] = {
    { "open_button", N_("Open a Design") },
    { "undo_button", N_("Undo") },
    { "redo_button", N_("Redo") },
    { "menu_button", N_("Main Menu") },
    { "pattern_dropdown", N_("Disaster recovery pattern") },
    { "recovery_dropdown", N_("Region to recover into") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tooltips); i++)
    {
      GObject *child = gtk_widget_get_template_child (GTK_WIDGET (self), NINES_TYPE_WINDOW,
                                                      tooltips[i].child);

      nines_ui_set_tooltip_text (GTK_WIDGET (child), _(tooltips[i].tooltip));
    }
}

static void
on_canvas_message (NinesWindow *self,
                   const char  *message)
{
  nines_window_add_toast (self, message);
}

static void
on_finding_activated (NinesWindow *self,
                      const char  *id)
{
  nines_canvas_select (self->canvas, id, FALSE);
  nines_canvas_reveal (self->canvas, id);
}

static void
on_outage_changed (NinesWindow *self,
                   const char  *region,
                   const char  *zone)
{
  nines_canvas_set_outage (self->canvas, region, zone);
}

/* The main menu's popover (a widget per item, 11 M instructions) is made when the menu
 * first opens, not before the window's first frame. */
static void
create_primary_menu (GtkMenuButton *button,
                     gpointer       data)
{
  GObject *menu = gtk_widget_get_template_child (GTK_WIDGET (data), NINES_TYPE_WINDOW, "primary_menu");

  if (gtk_menu_button_get_popover (button) == NULL)
    gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* The panels of the hidden pages (costs, recovery, findings, simulation) are made when
 * their page is first shown or asked for: building them with the window cost 26 M
 * instructions before the first frame, for pages nobody sees yet. */
static GtkWidget *
ensure_panel (NinesWindow *self,
              const char  *name)
{
  g_autofree char *slot_id = g_strdup_printf ("%s_slot", name);
  GObject *slot = gtk_widget_get_template_child (GTK_WIDGET (self), NINES_TYPE_WINDOW, slot_id);
  GtkWidget *panel;

  if (g_strcmp0 (name, "compare") == 0)
    return GTK_WIDGET (self->compare_panel);
  if (slot == NULL)
    return NULL;
  if ((panel = adw_bin_get_child (ADW_BIN (slot))) != NULL)
    return panel;

  if (g_str_equal (name, "costs"))
    {
      self->cost_panel = NINES_COST_PANEL (nines_cost_panel_new ());
      nines_cost_panel_set_command_stack (self->cost_panel, self->stack);
      panel = GTK_WIDGET (self->cost_panel);
    }
  else if (g_str_equal (name, "recovery"))
    {
      self->recovery_panel = NINES_RECOVERY_PANEL (nines_recovery_panel_new ());
      panel = GTK_WIDGET (self->recovery_panel);
    }
  else if (g_str_equal (name, "findings"))
    {
      self->findings_panel = NINES_FINDINGS_PANEL (nines_findings_panel_new ());
      g_signal_connect_swapped (self->findings_panel, "component-activated",
                                G_CALLBACK (on_finding_activated), self);
      panel = GTK_WIDGET (self->findings_panel);
    }
  else
    {
      self->simulation_panel = NINES_SIMULATION_PANEL (nines_simulation_panel_new ());
      nines_simulation_panel_set_analysis (self->simulation_panel, self->analysis);
      g_signal_connect_swapped (self->simulation_panel, "outage-changed",
                                G_CALLBACK (on_outage_changed), self);
      panel = GTK_WIDGET (self->simulation_panel);
    }
  adw_bin_set_child (ADW_BIN (slot), panel);
  if (NINES_IS_ANALYSIS_PANEL (panel))
    nines_analysis_panel_set_analysis (NINES_ANALYSIS_PANEL (panel), self->analysis);
  return panel;
}

static void
on_panel_shown (NinesWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->panels);

  if (name != NULL)
    ensure_panel (self, name);
}

static gboolean
nines_window_close_request (GtkWindow *window)
{
  NinesWindow *self = NINES_WINDOW (window);

  if (self->close_confirmed || self->document == NULL || !nines_command_stack_is_dirty (self->stack))
    {
      _nines_window_autosave_remove (self);
      return GTK_WINDOW_CLASS (nines_window_parent_class)->close_request (window);
    }
  _nines_window_confirm_discard (self, G_CALLBACK (gtk_window_destroy), NULL);
  return TRUE;
}

/* The welcome page (nines-welcome.ui) is built when first shown: a window opened on a
 * design never shows it, and building it (a status page, its groups and rows) cost
 * 14 M instructions before that window's first frame. */
void
_nines_window_ensure_welcome (NinesWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;

  if (self->welcome != NULL)
    return;
  builder = gtk_builder_new ();
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  if (!gtk_builder_add_from_resource (builder, "/io/github/ninesdr/Nines/ui/nines-welcome.ui", &error))
    g_error ("nines-welcome.ui: %s", error->message);   /* compiled in: a build error */
  self->welcome = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "welcome"));
  self->restore_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "restore_group"));
  self->recent_group = ADW_PREFERENCES_GROUP (gtk_builder_get_object (builder, "recent_group"));
  adw_bin_set_child (ADW_BIN (gtk_widget_get_template_child (GTK_WIDGET (self), NINES_TYPE_WINDOW, "welcome_slot")),
                     GTK_WIDGET (gtk_builder_get_object (builder, "welcome_page")));
}

/* Given the list of every region as its model, the recovery dropdown built an item
 * widget for each in its popup, shown or not: 2 ms of the window's first frame. It gets
 * the list right after that frame (an idle runs after the frame clock's paint); before,
 * its model holds the region it shows (sync_pattern_controls). */
static gboolean
list_regions (gpointer data)
{
  NinesWindow *self = data;

  self->list_regions_source = 0;
  /* Whatever the new model selects first is not a choice of the user's. */
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->recovery_dropdown, G_LIST_MODEL (self->regions));
  self->syncing = FALSE;
  sync_pattern_controls (self);
  return G_SOURCE_REMOVE;
}

/* A window shown without a design shows the welcome page (built now, see above). */
static void
nines_window_map (GtkWidget *widget)
{
  NinesWindow *self = NINES_WINDOW (widget);

  if (self->document == NULL && self->welcome == NULL)
    nines_window_show_welcome (self);
  GTK_WIDGET_CLASS (nines_window_parent_class)->map (widget);
  if (!regions_listed (self) && self->list_regions_source == 0)
    self->list_regions_source = g_idle_add (list_regions, self);
}

static void
nines_window_class_init (NinesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nines_window_dispose;
  object_class->finalize = nines_window_finalize;
  widget_class->map = nines_window_map;
  window_class->close_request = nines_window_close_request;

  nines_ui_ensure_resources ();
  g_type_ensure (NINES_TYPE_CANVAS);
  g_type_ensure (NINES_TYPE_PALETTE);
  g_type_ensure (NINES_TYPE_INSPECTOR);
  g_type_ensure (NINES_TYPE_SUMMARY_BAR);
  g_type_ensure (NINES_TYPE_COST_PANEL);
  g_type_ensure (NINES_TYPE_RECOVERY_PANEL);
  g_type_ensure (NINES_TYPE_FINDINGS_PANEL);
  g_type_ensure (NINES_TYPE_COMPARE_PANEL);
  g_type_ensure (NINES_TYPE_SIMULATION_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ninesdr/Nines/ui/nines-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, toasts);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, header);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, title);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, edit_buttons);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, pattern_box);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, pattern_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, recovery_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, editor_box);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, summary);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, panels);
  gtk_widget_class_bind_template_child (widget_class, NinesWindow, compare_panel);
  /* Not kept in the struct: looked up with gtk_widget_get_template_child(). */
  gtk_widget_class_bind_template_child_full (widget_class, "open_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "undo_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "redo_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "menu_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "primary_menu", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "costs_slot", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "recovery_slot", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "findings_slot", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "simulate_slot", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "welcome_slot", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, on_canvas_message);
}

static void
nines_window_init (NinesWindow *self)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  g_autoptr(GtkStringList) patterns = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) shown_region = gtk_string_list_new (NULL);
  GObject *menu_button;

  self->welcome_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < NINES_N_DR_PATTERNS; i++)
    gtk_string_list_append (patterns, nines_dr_pattern_get_label (i));
  gtk_drop_down_set_model (self->pattern_dropdown, G_LIST_MODEL (patterns));
  self->regions = gtk_string_list_new (NULL);
  for (guint i = 0; i < nines_catalog_get_n_regions (catalog); i++)
    {
      const NinesRegionInfo *info = nines_catalog_get_region (catalog, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", info->code, info->name);
      gtk_string_list_append (self->regions, label);
    }
  gtk_drop_down_set_model (self->recovery_dropdown, G_LIST_MODEL (shown_region));
  g_signal_connect_swapped (self->pattern_dropdown, "notify::selected", G_CALLBACK (on_pattern_selected), self);
  g_signal_connect_swapped (self->recovery_dropdown, "notify::selected", G_CALLBACK (on_recovery_selected), self);

  set_header_tooltips (self);
  menu_button = gtk_widget_get_template_child (GTK_WIDGET (self), NINES_TYPE_WINDOW, "menu_button");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (menu_button), create_primary_menu, self, NULL);
  nines_inspector_set_canvas (self->inspector, self->canvas);
  /* The patterns side by side first: the lightest page to lay out, and the question most
   * designs start from. */
  adw_view_stack_set_visible_child_name (self->panels, "compare");
  self->analysis = nines_analysis_new ();
  nines_summary_bar_set_analysis (self->summary, self->analysis);
  nines_analysis_panel_set_analysis (NINES_ANALYSIS_PANEL (self->compare_panel), self->analysis);
  g_signal_connect_swapped (self->panels, "notify::visible-child-name",
                            G_CALLBACK (on_panel_shown), self);
  _nines_window_init_settings (self);
  _nines_window_init_actions (self);
  /* No design yet: the state of the welcome page, whose widgets wait for the window to be
   * shown without a design (nines_window_map). */
  set_header_mode (self, FALSE);
  _nines_window_update_title (self);
  _nines_window_update_actions (self);
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

NinesCommandStack *
nines_window_get_command_stack (NinesWindow *self)
{
  g_return_val_if_fail (NINES_IS_WINDOW (self), NULL);
  return self->stack;
}

NinesCanvas *
nines_window_get_canvas (NinesWindow *self)
{
  g_return_val_if_fail (NINES_IS_WINDOW (self), NULL);
  return self->canvas;
}

NinesAnalysis *
nines_window_get_analysis (NinesWindow *self)
{
  g_return_val_if_fail (NINES_IS_WINDOW (self), NULL);
  return self->analysis;
}

NinesSummaryBar *
nines_window_get_summary (NinesWindow *self)
{
  g_return_val_if_fail (NINES_IS_WINDOW (self), NULL);
  return self->summary;
}

GtkWidget *
nines_window_get_panel (NinesWindow *self,
                        const char  *name)
{
  g_return_val_if_fail (NINES_IS_WINDOW (self), NULL);
  return ensure_panel (self, name);
}

NinesInspector *
nines_window_get_inspector (NinesWindow *self)
{
  g_return_val_if_fail (NINES_IS_WINDOW (self), NULL);
  return self->inspector;
}

const char *
nines_window_get_path (NinesWindow *self)
{
  g_return_val_if_fail (NINES_IS_WINDOW (self), NULL);
  return self->path;
}

void
nines_window_add_toast (NinesWindow *self,
                        const char  *message)
{
  AdwToast *toast;

  g_return_if_fail (NINES_IS_WINDOW (self));
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toasts, toast);
}

static void
set_header_mode (NinesWindow *self,
                 gboolean     editing)
{
  gtk_widget_set_visible (self->edit_buttons, editing);
  gtk_widget_set_visible (self->pattern_box, editing);
}

void
nines_window_show_welcome (NinesWindow *self)
{
  g_return_if_fail (NINES_IS_WINDOW (self));

  _nines_window_autosave_remove (self);
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->stack)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  nines_canvas_set_command_stack (self->canvas, NULL);
  if (self->cost_panel)
    nines_cost_panel_set_command_stack (self->cost_panel, NULL);
  nines_analysis_set_document (self->analysis, NULL);
  g_clear_object (&self->stack);
  g_clear_object (&self->document);
  g_clear_pointer (&self->path, g_free);

  _nines_window_fill_welcome (self);
  gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  set_header_mode (self, FALSE);
  _nines_window_update_title (self);
  _nines_window_update_actions (self);
}

void
nines_window_set_document (NinesWindow   *self,
                           NinesDocument *document,
                           const char    *path)
{
  g_return_if_fail (NINES_IS_WINDOW (self));
  g_return_if_fail (NINES_IS_DOCUMENT (document));

  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->stack)
    g_signal_handlers_disconnect_by_data (self->stack, self);
  _nines_window_autosave_remove (self);

  g_set_object (&self->document, document);
  g_clear_object (&self->stack);
  self->stack = nines_command_stack_new (document);
  nines_command_stack_mark_saved (self->stack);
  g_free (self->path);
  self->path = g_strdup (path);

  g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
  g_signal_connect_swapped (self->stack, "notify::can-undo", G_CALLBACK (on_stack_notify), self);
  g_signal_connect_swapped (self->stack, "notify::can-redo", G_CALLBACK (on_stack_notify), self);
  g_signal_connect_swapped (self->stack, "notify::dirty", G_CALLBACK (on_stack_notify), self);

  nines_canvas_set_command_stack (self->canvas, self->stack);
  if (self->cost_panel)
    nines_cost_panel_set_command_stack (self->cost_panel, self->stack);
  /* The editor page first: the analysis's "changed" then finds the visible panel about to
   * be shown and fills it now, before the first measure, instead of at map, which had the
   * compare grid measured with its placeholders and then again with the figures. */
  gtk_stack_set_visible_child_name (self->main_stack, "editor");
  nines_analysis_set_document (self->analysis, document);
  set_header_mode (self, TRUE);
  sync_pattern_controls (self);
  _nines_window_update_title (self);
  _nines_window_update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));

  if (path != NULL)
    _nines_window_remember_file (self, path);
}

gboolean
nines_window_load_file (NinesWindow  *self,
                        const char   *path,
                        GError      **error)
{
  g_autoptr(NinesDocument) document = NULL;

  g_return_val_if_fail (NINES_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  document = nines_document_load_from_file (path, error);
  if (document == NULL)
    return FALSE;
  nines_window_set_document (self, document, path);
  return TRUE;
}

gboolean
nines_window_save_to_file (NinesWindow  *self,
                           const char   *path,
                           GError      **error)
{
  g_return_val_if_fail (NINES_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (self->document != NULL, FALSE);

  if (!nines_document_save_to_file (self->document, path, error))
    return FALSE;
  if (g_strcmp0 (self->path, path) != 0)
    {
      g_free (self->path);
      self->path = g_strdup (path);
    }
  nines_command_stack_mark_saved (self->stack);
  _nines_window_autosave_remove (self);
  _nines_window_update_title (self);
  _nines_window_remember_file (self, path);
  return TRUE;
}
