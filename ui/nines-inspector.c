#define G_LOG_DOMAIN "nines-inspector"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "nines-inspector-private.h"

G_DEFINE_FINAL_TYPE (NinesInspector, nines_inspector, GTK_TYPE_WIDGET)

/* A section of the inspector: its title and description as labels of their own above an
 * untitled AdwPreferencesGroup, the boxed list its rows go into. AdwPreferencesGroup
 * keeps its own title and description in a horizontal box, where GTK searches how wide
 * the wrapped description must be for each height it tries (a dozen text layouts each
 * time the inspector is laid out); in a vertical box a wrapped label is laid out once for
 * its width. */
static AdwPreferencesGroup *
add_group (NinesInspector *self,
           const char     *title,
           const char     *description)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *group = adw_preferences_group_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);
  if (description != NULL)
    {
      GtkWidget *text = gtk_label_new (description);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (text, "dim-label");
      gtk_box_append (GTK_BOX (header), text);
    }
  gtk_box_append (GTK_BOX (section), header);
  gtk_box_append (GTK_BOX (section), group);
  gtk_box_append (self->content, section);
  g_ptr_array_add (self->groups, section);
  return ADW_PREFERENCES_GROUP (group);
}

/* ---- Placement: region and AZs of a component, AZs of a region ---- */

static void
region_selected_cb (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    NinesInspector *self)
{
  const char *id = g_object_get_data (G_OBJECT (row), "component");
  NinesComponent *c = nines_document_lookup_component (self->document, id);
  GtkStringObject *item = adw_combo_row_get_selected_item (row);
  g_autoptr(GError) error = NULL;
  NinesRegion *region;
  g_autoptr(GPtrArray) azs = g_ptr_array_new ();
  const char * const *region_azs;
  guint want;

  if (c == NULL || item == NULL || g_object_get_data (G_OBJECT (row), "updating"))
    return;
  if (g_strcmp0 (gtk_string_object_get_string (item), nines_component_get_region (c)) == 0)
    return;
  region = nines_document_lookup_region (self->document, gtk_string_object_get_string (item));
  region_azs = nines_region_get_azs (region);
  /* Keep as many AZs as before, in the new region. */
  want = nines_component_get_n_azs (c);
  for (guint i = 0; i < want && region_azs[i] != NULL; i++)
    g_ptr_array_add (azs, (gpointer) region_azs[i]);
  g_ptr_array_add (azs, NULL);
  if (!nines_command_stack_set_placement (_nines_inspector_get_stack (self), id, nines_region_get_code (region),
                                          (const char * const *) azs->pdata, &error))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
}

static void
az_toggled_cb (GtkCheckButton *check,
               NinesInspector *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "component");
  const char *region = g_object_get_data (G_OBJECT (check), "region");
  const char *az = g_object_get_data (G_OBJECT (check), "az");
  GtkWidget *row = g_object_get_data (G_OBJECT (check), "row");
  g_autoptr(GPtrArray) azs = g_ptr_array_new_with_free_func (g_free);
  const char * const *current;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_object_get_data (G_OBJECT (check), "updating"))
    return;
  if (id != NULL)
    {
      NinesComponent *c = nines_document_lookup_component (self->document, id);
      current = nines_component_get_azs (c);
    }
  else
    current = nines_region_get_azs (nines_document_lookup_region (self->document, region));

  for (guint i = 0; current[i]; i++)
    if (!g_str_equal (current[i], az))
      g_ptr_array_add (azs, g_strdup (current[i]));
  if (gtk_check_button_get_active (check))
    g_ptr_array_add (azs, g_strdup (az));
  g_ptr_array_add (azs, NULL);

  if (id != NULL)
    ok = nines_command_stack_set_placement (_nines_inspector_get_stack (self), id, region,
                                            (const char * const *) azs->pdata, &error);
  else
    ok = nines_command_stack_set_region_azs (_nines_inspector_get_stack (self), region,
                                             (const char * const *) azs->pdata, &error);
  if (!ok)
    {
      /* Refused (e.g. a load balancer needs two AZs): show why, put the box back. */
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), error->message);
      gtk_widget_add_css_class (row, "error");
      g_object_set_data (G_OBJECT (check), "updating", GINT_TO_POINTER (1));
      gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
      g_object_set_data (G_OBJECT (check), "updating", NULL);
    }
}

static void
add_az_rows (NinesInspector      *self,
             AdwPreferencesGroup *group,
             const char          *component_id,
             const char          *region_code,
             const char * const  *chosen,
             gboolean             all_catalog_azs)
{
  const NinesRegionInfo *info = nines_catalog_lookup_region (nines_catalog_get_default (), region_code);
  NinesRegion *region = nines_document_lookup_region (self->document, region_code);
  const char * const *azs;

  if (all_catalog_azs)
    azs = info ? (const char * const *) info->azs : NULL;
  else
    azs = region ? nines_region_get_azs (region) : NULL;
  for (guint i = 0; azs && azs[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *label = g_strdup_printf (_("Availability zone %s"), azs[i]);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), azs[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_strv_contains ((const char * const *) chosen, azs[i]));
      g_object_set_data_full (G_OBJECT (check), "component", g_strdup (component_id), g_free);
      g_object_set_data_full (G_OBJECT (check), "region", g_strdup (region_code), g_free);
      g_object_set_data_full (G_OBJECT (check), "az", g_strdup (azs[i]), g_free);
      g_object_set_data (G_OBJECT (check), "row", row);
      g_signal_connect (check, "toggled", G_CALLBACK (az_toggled_cb), self);
      adw_preferences_group_add (group, row);
    }
}

static void
remove_region_cb (GtkButton      *button,
                  NinesInspector *self)
{
  const char *code = g_object_get_data (G_OBJECT (button), "region");
  g_autoptr(GError) error = NULL;

  if (!nines_command_stack_remove_region (_nines_inspector_get_stack (self), code, &error))
    nines_ui_set_tooltip_text (GTK_WIDGET (button), error->message);
}

/* ---- Building and refreshing ---- */

static char *
compute_shape (NinesInspector *self)
{
  const char * const *ids;
  GString *shape = g_string_new (NULL);

  if (self->canvas == NULL || self->document == NULL)
    return g_string_free (shape, FALSE);
  ids = nines_canvas_get_selection (self->canvas);
  for (guint i = 0; ids[i]; i++)
    {
      NinesComponent *c = nines_document_lookup_component (self->document, ids[i]);
      g_autofree char *azs = c ? g_strjoinv (",", (char **) nines_component_get_azs (c)) : NULL;
      g_string_append_printf (shape, "c:%s@%s[%s];", ids[i], c ? nines_component_get_region (c) : "", azs ? azs : "");
    }
  if (nines_canvas_get_selected_region (self->canvas))
    {
      NinesRegion *r = nines_document_lookup_region (self->document, nines_canvas_get_selected_region (self->canvas));
      g_autofree char *azs = r ? g_strjoinv (",", (char **) nines_region_get_azs (r)) : NULL;
      g_string_append_printf (shape, "r:%s[%s];", nines_canvas_get_selected_region (self->canvas), azs ? azs : "");
    }
  g_string_append_printf (shape, "p:%d;regions:%u", nines_document_get_dr_pattern (self->document),
                          g_list_model_get_n_items (nines_document_get_regions (self->document)));
  return g_string_free (shape, FALSE);
}

static void
build_component (NinesInspector *self,
                 NinesComponent *c)
{
  const NinesKindInfo *info = nines_component_get_kind_info (c);
  const char *id = nines_component_get_id (c);
  g_autofree char *description = g_strdup_printf ("%s · %s", info ? info->label : nines_component_get_kind (c),
                                                  info ? info->service : "");
  AdwPreferencesGroup *group = add_group (self, nines_component_get_display_name (c), description);

  self->component_group = group;
  g_free (self->component_id);
  self->component_id = g_strdup (id);
  _nines_inspector_add_row (self, GTK_WIDGET (group), TARGET_NAME, id, NULL, _("Name"));

  if (nines_component_get_region (c) != NULL)
    {
      GListModel *regions = nines_document_get_regions (self->document);
      GtkStringList *codes = gtk_string_list_new (NULL);
      GtkWidget *row = adw_combo_row_new ();
      guint selected = 0;

      for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
        {
          g_autoptr(NinesRegion) r = g_list_model_get_item (regions, i);
          gtk_string_list_append (codes, nines_region_get_code (r));
          if (g_strcmp0 (nines_region_get_code (r), nines_component_get_region (c)) == 0)
            selected = i;
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Region"));
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (codes));
      g_object_unref (codes);
      g_object_set_data (G_OBJECT (row), "updating", GINT_TO_POINTER (1));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
      g_object_set_data (G_OBJECT (row), "updating", NULL);
      g_object_set_data_full (G_OBJECT (row), "component", g_strdup (id), g_free);
      gtk_widget_set_name (row, "region");
      g_signal_connect (row, "notify::selected", G_CALLBACK (region_selected_cb), self);
      adw_preferences_group_add (group, row);
    }

  if (info && info->placement == NINES_PLACEMENT_ZONAL)
    {
      AdwPreferencesGroup *zones = add_group (self, _("Availability Zones"),
                                              info->min_azs > 1 ? _("This service needs at least two.") : NULL);
      add_az_rows (self, zones, id, nines_component_get_region (c), nines_component_get_azs (c), FALSE);
    }

  if (info && info->params->len > 0)
    {
      AdwPreferencesGroup *params = add_group (self, _("Parameters"), NULL);
      for (guint i = 0; i < info->params->len; i++)
        _nines_inspector_add_row (self, GTK_WIDGET (params), TARGET_PARAM, id, g_ptr_array_index (info->params, i), NULL);
    }
}

static void
build_region (NinesInspector *self,
              const char     *code)
{
  NinesRegion *region = nines_document_lookup_region (self->document, code);
  const NinesRegionInfo *info = nines_catalog_lookup_region (nines_catalog_get_default (), code);
  g_autofree char *title = g_strdup_printf (_("Region %s"), code);
  AdwPreferencesGroup *group;
  GtkWidget *button;

  if (region == NULL)
    {
      add_group (self, title, _("Added by the recovery pattern: choose it in the header bar."));
      return;
    }
  group = add_group (self, title, info ? info->location : NULL);
  add_az_rows (self, group, NULL, code, nines_region_get_azs (region), TRUE);
  button = gtk_button_new_with_label (_("Remove Region"));
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 12);
  g_object_set_data_full (G_OBJECT (button), "region", g_strdup (code), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_region_cb), self);
  adw_preferences_group_add (group, button);
}

static void
ensure_knob_rows (NinesInspector *self)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  GtkWidget *expander = self->knob_expander;

  if (expander == NULL)
    return;
  self->knob_expander = NULL;
  g_signal_handlers_disconnect_by_func (expander, ensure_knob_rows, self);
  for (guint i = 0; i < nines_catalog_get_n_knobs (catalog); i++)
    _nines_inspector_add_row (self, expander, TARGET_KNOB, NULL, nines_catalog_get_knob (catalog, i), NULL);
}

static void
rebuild (NinesInspector *self)
{
  const char * const *ids;

  self->rebuilding = TRUE;
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->content, g_ptr_array_index (self->groups, i));
  self->rebuilding = FALSE;
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rows, 0);
  self->component_group = NULL;
  self->knob_expander = NULL;

  if (self->canvas == NULL || self->document == NULL)
    return;

  ids = nines_canvas_get_selection (self->canvas);
  if (ids[0] != NULL && ids[1] == NULL)
    build_component (self, nines_document_lookup_component (self->document, ids[0]));
  else if (ids[0] != NULL)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u service selected", "%u services selected",
                                                          g_strv_length ((char **) ids)),
                                                g_strv_length ((char **) ids));
      add_group (self, title, _("Drag to move them together, press Delete to remove them, "
                                "or Ctrl+L to connect the first to the second."));
    }
  else if (nines_canvas_get_selected_region (self->canvas))
    build_region (self, nines_canvas_get_selected_region (self->canvas));
  else
    {
      AdwPreferencesGroup *group = add_group (self, _("Design"),
                                              _("Select a service or a region to edit it."));
      _nines_inspector_add_row (self, GTK_WIDGET (group), TARGET_DOC_NAME, NULL, NULL, _("Name"));
    }

  /* The pattern's knobs, with their defaults and the sources of those defaults. */
  if (nines_document_get_dr_pattern (self->document) != NINES_DR_PATTERN_NONE)
    {
      g_autofree char *title = g_strdup_printf (_("%s Settings"),
                                                nines_dr_pattern_get_label (nines_document_get_dr_pattern (self->document)));
      /* What the knobs are about is the section's description: as the expander's subtitle
       * it sat in the row's horizontal box, measured like a group's (see add_group). */
      AdwPreferencesGroup *group = add_group (self, title,
                                              _("Detection, decision, standby size, backup timing…"));
      GtkWidget *expander = adw_expander_row_new ();

      /* Collapsed: the knobs and their sources are there when wanted, and cost nothing to
       * lay out until then. */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Assumptions and Their Sources"));
      adw_preferences_group_add (group, expander);
      /* A collapsed AdwExpanderRow still measures its rows (the revealer sizes its child),
       * and the knobs' long, cited subtitles were the most text shaped before the first
       * frame: the rows are made when the expander first opens (or a row is asked for). */
      self->knob_expander = expander;
      g_signal_connect_object (expander, "notify::expanded", G_CALLBACK (ensure_knob_rows), self,
                               G_CONNECT_SWAPPED);
    }
  else
    add_group (self, _("Disaster Recovery"),
               _("No recovery pattern: choose one in the header bar to see what it adds, costs and recovers."));
}

static void
refresh (NinesInspector *self)
{
  g_autofree char *shape = compute_shape (self);

  if (g_strcmp0 (shape, self->shape) != 0)
    {
      g_free (self->shape);
      self->shape = g_steal_pointer (&shape);
      rebuild (self);
      return;
    }
  for (guint i = 0; i < self->rows->len; i++)
    _nines_param_row_sync (g_ptr_array_index (self->rows, i));
  if (self->component_group != NULL)
    {
      /* A rename retitles the group without rebuilding (the entry keeps focus). */
      NinesComponent *c = nines_document_lookup_component (self->document, self->component_id);
      if (c != NULL)
        {
          g_autofree char *title = g_markup_escape_text (nines_component_get_display_name (c), -1);
          adw_preferences_group_set_title (self->component_group, title);
        }
    }
}

static void
on_selection_changed (NinesInspector *self)
{
  refresh (self);
}

static void
nines_inspector_dispose (GObject *object)
{
  NinesInspector *self = (NinesInspector *)object;

  if (self->canvas)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  g_clear_object (&self->canvas);
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_ptr_array_set_size (self->rows, 0);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), NINES_TYPE_INSPECTOR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (nines_inspector_parent_class)->dispose (object);
}

static void
nines_inspector_finalize (GObject *object)
{
  NinesInspector *self = (NinesInspector *)object;

  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->groups);
  g_free (self->shape);
  g_free (self->component_id);
  G_OBJECT_CLASS (nines_inspector_parent_class)->finalize (object);
}

static void
nines_inspector_class_init (NinesInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nines_inspector_dispose;
  object_class->finalize = nines_inspector_finalize;
  nines_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ninesdr/Nines/ui/nines-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, NinesInspector, content);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
nines_inspector_init (NinesInspector *self)
{
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) _nines_param_row_free);
  self->groups = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
nines_inspector_new (void)
{
  return g_object_new (NINES_TYPE_INSPECTOR, NULL);
}

static void
on_stack_changed (NinesInspector *self)
{
  NinesCommandStack *stack = _nines_inspector_get_stack (self);

  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  if (stack)
    {
      self->document = g_object_ref (nines_command_stack_get_document (stack));
      g_signal_connect_swapped (self->document, "changed", G_CALLBACK (refresh), self);
    }
  g_clear_pointer (&self->shape, g_free);
  refresh (self);
}

void
nines_inspector_set_canvas (NinesInspector *self,
                            NinesCanvas    *canvas)
{
  g_return_if_fail (NINES_IS_INSPECTOR (self));
  g_return_if_fail (!canvas || NINES_IS_CANVAS (canvas));

  if (self->canvas)
    g_signal_handlers_disconnect_by_data (self->canvas, self);
  g_set_object (&self->canvas, canvas);
  if (canvas)
    {
      g_signal_connect_swapped (canvas, "selection-changed", G_CALLBACK (on_selection_changed), self);
      g_signal_connect_swapped (canvas, "notify::command-stack", G_CALLBACK (on_stack_changed), self);
    }
  on_stack_changed (self);
}

static ParamRow *
find_row (NinesInspector *self,
          const char     *name,
          gboolean        knob)
{
  if (knob)
    ensure_knob_rows (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      ParamRow *pr = g_ptr_array_index (self->rows, i);
      const char *row_name = pr->spec ? pr->spec->name : (pr->target == TARGET_NAME ? "name" : "design-name");

      if ((pr->target == TARGET_KNOB) == knob && g_strcmp0 (row_name, name) == 0)
        return pr;
    }
  return NULL;
}

GtkWidget *
nines_inspector_get_row (NinesInspector *self,
                         const char     *name,
                         gboolean        knob)
{
  ParamRow *pr;

  g_return_val_if_fail (NINES_IS_INSPECTOR (self), NULL);
  pr = find_row (self, name, knob);
  return pr ? pr->row : NULL;
}

GtkWidget *
nines_inspector_get_editor (NinesInspector *self,
                            const char     *name,
                            gboolean        knob)
{
  ParamRow *pr;

  g_return_val_if_fail (NINES_IS_INSPECTOR (self), NULL);
  pr = find_row (self, name, knob);
  return pr ? pr->editor : NULL;
}
