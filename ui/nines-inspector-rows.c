/* nines-inspector-rows.c: the inspector's rows: each edits one parameter, DR knob or name,
   validated by the model as the user types; nothing invalid is ever applied */
#define G_LOG_DOMAIN "nines-inspector"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "nines-inspector-private.h"

void
_nines_param_row_free (ParamRow *pr)
{
  /* The widgets can outlive the row (focus still leaving a removed entry, a popover
   * closing): nothing of theirs may call back into @pr once it is gone. */
  if (pr->focus != NULL)
    g_signal_handlers_disconnect_by_data (pr->focus, pr);
  if (pr->editor != NULL)
    g_signal_handlers_disconnect_by_data (pr->editor, pr);
  if (pr->row != NULL)
    g_signal_handlers_disconnect_by_data (pr->row, pr);
  g_clear_object (&pr->focus);
  g_clear_object (&pr->editor);
  g_clear_object (&pr->row);
  g_clear_handle_id (&pr->apply_source, g_source_remove);
  g_free (pr->component_id);
  g_free (pr->subtitle);
  g_free (pr);
}

NinesCommandStack *
_nines_inspector_get_stack (NinesInspector *self)
{
  return self->canvas ? nines_canvas_get_command_stack (self->canvas) : NULL;
}

/* The current value of what @pr edits. (transfer full) (nullable) */
static GVariant *
current_value (ParamRow *pr)
{
  NinesDocument *doc = pr->self->document;
  NinesComponent *c;

  switch (pr->target)
    {
    case TARGET_PARAM:
      c = nines_document_lookup_component (doc, pr->component_id);
      return c ? g_variant_ref (nines_component_get_param (c, pr->spec->name)) : NULL;
    case TARGET_KNOB:
      return g_variant_ref (nines_document_get_knob (doc, pr->spec->name));
    case TARGET_NAME:
      c = nines_document_lookup_component (doc, pr->component_id);
      return c ? g_variant_ref_sink (g_variant_new_string (nines_component_get_name (c) ? nines_component_get_name (c) : "")) : NULL;
    case TARGET_DOC_NAME:
      return g_variant_ref_sink (g_variant_new_string (nines_document_get_name (doc)));
    default:
      g_assert_not_reached ();
    }
}

static void
show_problem (ParamRow   *pr,
              const char *problem)
{
  if (problem != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (pr->row), problem);
      gtk_widget_add_css_class (pr->editor, "error");
      gtk_widget_add_css_class (pr->row, "nines-invalid");
      gtk_accessible_update_property (GTK_ACCESSIBLE (pr->editor), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problem, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (pr->editor), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (pr->row), pr->subtitle ? pr->subtitle : "");
      gtk_widget_remove_css_class (pr->editor, "error");
      gtk_widget_remove_css_class (pr->row, "nines-invalid");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (pr->editor), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_update_state (GTK_ACCESSIBLE (pr->editor), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_FALSE, -1);
    }
}

/* Parses the entry's text for @pr; NULL with @problem set when it is not a valid value. */
static GVariant *
parse_text (ParamRow    *pr,
            const char  *text,
            char       **problem)
{
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (pr->spec == NULL)
    return g_variant_ref_sink (g_variant_new_string (stripped));

  switch (pr->spec->type)
    {
    case NINES_PARAM_INT:
      {
        gint64 v;
        if (!g_ascii_string_to_signed (stripped, 10, G_MININT64, G_MAXINT64, &v, &error))
          {
            *problem = g_strdup (_("must be a whole number"));
            return NULL;
          }
        value = g_variant_ref_sink (g_variant_new_int64 (v));
      }
      break;
    case NINES_PARAM_NUMBER:
      {
        char *end = NULL;
        double v = g_ascii_strtod (stripped, &end);
        if (*stripped == '\0' || end == NULL || *end != '\0' || !isfinite (v))
          {
            *problem = g_strdup (_("must be a number"));
            return NULL;
          }
        value = g_variant_ref_sink (g_variant_new_double (v));
      }
      break;
    case NINES_PARAM_STRING:
    case NINES_PARAM_ENUM:
      value = g_variant_ref_sink (g_variant_new_string (stripped));
      break;
    case NINES_PARAM_BOOL:
    default:
      g_assert_not_reached ();
    }

  if (!nines_param_spec_check (pr->spec, value, problem))
    return NULL;
  return g_steal_pointer (&value);
}

static char *
value_to_text (ParamRow *pr,
               GVariant *value)
{
  if (value == NULL)
    return g_strdup ("");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", g_variant_get_double (value)));
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  return g_variant_print (value, FALSE);
}

/* Applies @value through the command stack; a refusal is shown on the row. */
static gboolean
apply_value (ParamRow *pr,
             GVariant *value)
{
  NinesCommandStack *stack = _nines_inspector_get_stack (pr->self);
  g_autoptr(GVariant) old = current_value (pr);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (stack == NULL)
    return FALSE;
  if (old != NULL && g_variant_equal (old, value))
    {
      show_problem (pr, NULL);
      return TRUE;
    }

  switch (pr->target)
    {
    case TARGET_PARAM:
      ok = nines_command_stack_set_param (stack, pr->component_id, pr->spec->name, value, &error);
      break;
    case TARGET_KNOB:
      ok = nines_command_stack_set_knob (stack, pr->spec->name, value, &error);
      break;
    case TARGET_NAME:
      ok = nines_command_stack_set_component_name (stack, pr->component_id,
                                                   g_variant_get_string (value, NULL), &error);
      break;
    case TARGET_DOC_NAME:
      ok = nines_command_stack_set_name (stack, g_variant_get_string (value, NULL), &error);
      break;
    default:
      g_assert_not_reached ();
    }
  show_problem (pr, ok ? NULL : error->message);
  return ok;
}

static void entry_apply (ParamRow *pr);

static gboolean
apply_timeout (gpointer data)
{
  ParamRow *pr = data;

  pr->apply_source = 0;
  entry_apply (pr);
  return G_SOURCE_REMOVE;
}

static void
entry_changed_cb (GtkEditable *editable,
                  ParamRow    *pr)
{
  g_autoptr(GVariant) value = NULL;
  g_autofree char *problem = NULL;

  if (pr->updating)
    return;
  /* Validate as the user types; apply after a pause, on Enter, or when focus leaves. */
  g_clear_handle_id (&pr->apply_source, g_source_remove);
  value = parse_text (pr, gtk_editable_get_text (editable), &problem);
  show_problem (pr, problem);
  if (value != NULL)
    pr->apply_source = g_timeout_add (APPLY_DELAY_MS, apply_timeout, pr);
}

static void
entry_apply (ParamRow *pr)
{
  g_autoptr(GVariant) value = NULL;
  g_autofree char *problem = NULL;

  /* Focus leaves rows as they are torn down: not an edit. */
  g_clear_handle_id (&pr->apply_source, g_source_remove);
  if (pr->updating || pr->self->rebuilding)
    return;
  value = parse_text (pr, gtk_editable_get_text (GTK_EDITABLE (pr->editor)), &problem);
  if (value == NULL)
    {
      show_problem (pr, problem);
      gtk_widget_error_bell (pr->editor);
      return;
    }
  apply_value (pr, value);
}

static void
entry_activate_cb (GtkEntry *entry,
                   ParamRow *pr)
{
  entry_apply (pr);
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      ParamRow                *pr)
{
  entry_apply (pr);
}

static void
switch_active_cb (GtkSwitch  *sw,
                  GParamSpec *pspec,
                  ParamRow   *pr)
{
  if (!pr->updating)
    apply_value (pr, g_variant_new_boolean (gtk_switch_get_active (sw)));
}

static void
combo_selected_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   ParamRow    *pr)
{
  guint i = adw_combo_row_get_selected (row);

  if (!pr->updating && i != GTK_INVALID_LIST_POSITION && pr->spec->choices[i] != NULL)
    apply_value (pr, g_variant_new_string (pr->spec->choices[i]));
}

/* Shows the model's current value unless the user is editing this row. */
void
_nines_param_row_sync (ParamRow *pr)
{
  g_autoptr(GVariant) value = current_value (pr);

  if (value == NULL)
    return;
  pr->updating = TRUE;
  if (GTK_IS_SWITCH (pr->editor))
    gtk_switch_set_active (GTK_SWITCH (pr->editor), g_variant_get_boolean (value));
  else if (ADW_IS_COMBO_ROW (pr->editor))
    {
      const char *s = g_variant_get_string (value, NULL);
      for (guint i = 0; pr->spec->choices[i]; i++)
        if (g_str_equal (pr->spec->choices[i], s))
          adw_combo_row_set_selected (ADW_COMBO_ROW (pr->editor), i);
    }
  else if (!gtk_widget_has_focus (pr->editor) &&
           !gtk_widget_has_css_class (pr->row, "nines-invalid"))
    {
      g_autofree char *text = value_to_text (pr, value);
      gtk_editable_set_text (GTK_EDITABLE (pr->editor), text);
    }
  pr->updating = FALSE;
}

ParamRow *
_nines_inspector_add_row (NinesInspector       *self,
                          GtkWidget            *parent,   /* an AdwPreferencesGroup or an AdwExpanderRow */
                          Target                target,
                          const char           *component_id,
                          const NinesParamSpec *spec,
                          const char           *title)
{
  ParamRow *pr = g_new0 (ParamRow, 1);
  g_autofree char *unit_title = NULL;

  pr->self = self;
  pr->target = target;
  pr->component_id = g_strdup (component_id);
  pr->spec = spec;

  if (spec != NULL)
    {
      g_autofree char *def = nines_param_spec_format_value (spec, spec->default_value);
      if (spec->source != NULL)
        pr->subtitle = g_strdup_printf (_("Default %s · %s"), def, spec->source);
      else
        pr->subtitle = g_strdup_printf (_("Default %s"), def);
      title = spec->label;
    }

  if (spec != NULL && spec->type == NINES_PARAM_ENUM)
    {
      GtkStringList *choices = gtk_string_list_new ((const char * const *) spec->choices);
      pr->row = adw_combo_row_new ();
      adw_combo_row_set_model (ADW_COMBO_ROW (pr->row), G_LIST_MODEL (choices));
      g_object_unref (choices);
      pr->editor = pr->row;
      g_signal_connect (pr->row, "notify::selected", G_CALLBACK (combo_selected_cb), pr);
    }
  else if (spec != NULL && spec->type == NINES_PARAM_BOOL)
    {
      pr->row = adw_action_row_new ();
      pr->editor = gtk_switch_new ();
      gtk_widget_set_valign (pr->editor, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (pr->row), pr->editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (pr->row), pr->editor);
      g_signal_connect (pr->editor, "notify::active", G_CALLBACK (switch_active_cb), pr);
    }
  else
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      pr->row = adw_action_row_new ();
      pr->editor = gtk_entry_new ();
      gtk_widget_set_valign (pr->editor, GTK_ALIGN_CENTER);
      gtk_editable_set_width_chars (GTK_EDITABLE (pr->editor), spec && spec->type != NINES_PARAM_STRING ? 7 : 12);
      if (spec && spec->type != NINES_PARAM_STRING)
        gtk_editable_set_alignment (GTK_EDITABLE (pr->editor), 1.0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (pr->row), pr->editor);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (pr->row), pr->editor);
      g_signal_connect (pr->editor, "changed", G_CALLBACK (entry_changed_cb), pr);
      g_signal_connect (pr->editor, "activate", G_CALLBACK (entry_activate_cb), pr);
      g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), pr);
      pr->focus = g_object_ref (focus);
      gtk_widget_add_controller (pr->editor, focus);
    }
  g_object_ref (pr->row);
  g_object_ref (pr->editor);

  if (spec != NULL && spec->unit != NULL && spec->type != NINES_PARAM_ENUM)
    title = unit_title = g_strdup_printf ("%s (%s)", spec->label, spec->unit);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (pr->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (pr->row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (pr->row), pr->subtitle ? pr->subtitle : "");
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (pr->row), 2);
  if (spec != NULL && spec->source != NULL)
    nines_ui_set_tooltip_text (pr->row, spec->source);
  gtk_widget_set_name (pr->row, spec ? spec->name : (target == TARGET_NAME ? "name" : "design-name"));
  /* The row's title labels its editor: AdwActionRow relates the activatable widget to it
   * (a label property as well would read the name twice). */

  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), pr->row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), pr->row);
  g_ptr_array_add (self->rows, pr);
  _nines_param_row_sync (pr);
  return pr;
}
