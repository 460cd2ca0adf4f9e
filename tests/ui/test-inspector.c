/* test-inspector.c: rows generated from the catalog, inline validation, edits through the
 * command stack, knobs with their defaults and sources */
#include "config.h"

#include "nines-canvas.h"
#include "nines-inspector.h"
#include "nines-ui-test-utils.h"

typedef struct
{
  GtkWindow         *window;
  NinesCanvas       *canvas;
  NinesInspector    *inspector;
  NinesDocument     *doc;
  NinesCommandStack *stack;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  f->doc = nines_document_load_example ("storefront", NULL);
  f->stack = nines_command_stack_new (f->doc);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1200, 800);
  f->canvas = NINES_CANVAS (nines_canvas_new ());
  f->inspector = NINES_INSPECTOR (nines_inspector_new ());
  gtk_widget_set_size_request (GTK_WIDGET (f->inspector), 380, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->canvas));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f->inspector));
  gtk_window_set_child (f->window, box);
  nines_canvas_set_command_stack (f->canvas, f->stack);
  nines_inspector_set_canvas (f->inspector, f->canvas);
  gtk_window_present (f->window);
  NINES_UI_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (f->canvas)) > 300, 3000);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_object_unref (f->stack);
  g_object_unref (f->doc);
}

static const char *
subtitle (GtkWidget *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
type_and_apply (GtkWidget  *entry,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

static void
test_rows_from_catalog (Fixture       *f,
                        gconstpointer  data)
{
  const NinesKindInfo *asg = nines_catalog_lookup_kind (nines_catalog_get_default (), "ec2-asg");

  nines_canvas_select (f->canvas, "web", FALSE);
  for (guint i = 0; i < asg->params->len; i++)
    {
      const NinesParamSpec *spec = g_ptr_array_index (asg->params, i);
      GtkWidget *row = nines_inspector_get_row (f->inspector, spec->name, FALSE);
      GtkWidget *editor = nines_inspector_get_editor (f->inspector, spec->name, FALSE);

      g_assert_nonnull (row);
      switch (spec->type)
        {
        case NINES_PARAM_ENUM:
          g_assert_true (ADW_IS_COMBO_ROW (editor));
          break;
        case NINES_PARAM_BOOL:
          g_assert_true (GTK_IS_SWITCH (editor));
          break;
        default:
          g_assert_true (GTK_IS_ENTRY (editor));
        }
    }
  /* Values shown are the model's. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nines_inspector_get_editor (f->inspector, "desired", FALSE))), ==, "6");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nines_inspector_get_editor (f->inspector, "instance_type", FALSE))), ==, "m6i.large");
  g_assert_true (strstr (subtitle (nines_inspector_get_row (f->inspector, "min", FALSE)), "Default") != NULL);
  nines_ui_save_png (GTK_WIDGET (f->inspector), "inspector-web.png");
}

static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  NinesComponent *web = nines_document_lookup_component (f->doc, "web");
  GtkWidget *min, *row;

  nines_canvas_select (f->canvas, "web", FALSE);
  min = nines_inspector_get_editor (f->inspector, "min", FALSE);
  row = nines_inspector_get_row (f->inspector, "min", FALSE);

  /* Not a number: shown as typed, never applied. */
  type_and_apply (min, "three");
  g_assert_true (gtk_widget_has_css_class (min, "error"));
  g_assert_cmpstr (subtitle (row), ==, "must be a whole number");
  g_assert_cmpint (nines_component_get_int (web, "min"), ==, 6);
  g_assert_false (nines_command_stack_can_undo (f->stack));

  /* Out of the spec's range: the catalog's sentence. */
  type_and_apply (min, "9000");
  g_assert_true (gtk_widget_has_css_class (min, "error"));
  g_assert_true (strstr (subtitle (row), "5000") != NULL);
  g_assert_cmpint (nines_component_get_int (web, "min"), ==, 6);

  /* Valid alone but refused by the model (min above desired): the model's reason. */
  type_and_apply (min, "7");
  g_assert_true (gtk_widget_has_css_class (min, "error"));
  g_assert_cmpstr (subtitle (row), !=, "");
  g_assert_cmpint (nines_component_get_int (web, "min"), ==, 6);
  g_assert_false (nines_command_stack_can_undo (f->stack));

  /* Valid: applied through the command stack, error cleared, undoable. */
  type_and_apply (min, "2");
  g_assert_false (gtk_widget_has_css_class (min, "error"));
  g_assert_cmpint (nines_component_get_int (web, "min"), ==, 2);
  g_assert_true (nines_command_stack_can_undo (f->stack));
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_cmpint (nines_component_get_int (web, "min"), ==, 6);
  /* The row follows undo. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (nines_inspector_get_editor (f->inspector, "min", FALSE))), ==, "6");

  /* String pattern. */
  type_and_apply (nines_inspector_get_editor (f->inspector, "instance_type", FALSE), "not a type");
  g_assert_cmpstr (nines_component_get_string (web, "instance_type"), ==, "m6i.large");
  type_and_apply (nines_inspector_get_editor (f->inspector, "instance_type", FALSE), "c7g.xlarge");
  g_assert_cmpstr (nines_component_get_string (web, "instance_type"), ==, "c7g.xlarge");
}

static void
test_enum_bool_name (Fixture       *f,
                     gconstpointer  data)
{
  NinesComponent *db = nines_document_lookup_component (f->doc, "db");
  AdwComboRow *engine;
  GtkWidget *multi;

  nines_canvas_select (f->canvas, "db", FALSE);
  engine = ADW_COMBO_ROW (nines_inspector_get_editor (f->inspector, "engine", FALSE));
  adw_combo_row_set_selected (engine, 1);
  g_assert_cmpstr (nines_component_get_string (db, "engine"), ==, "mysql");

  multi = nines_inspector_get_editor (f->inspector, "multi_az", FALSE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (multi)));
  gtk_switch_set_active (GTK_SWITCH (multi), FALSE);
  g_assert_false (nines_component_get_bool (db, "multi_az"));

  type_and_apply (nines_inspector_get_editor (f->inspector, "name", FALSE), "Orders DB");
  g_assert_cmpstr (nines_component_get_name (db), ==, "Orders DB");

  /* Three edits, three undo steps, back to the file's values. */
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_cmpstr (nines_component_get_string (db, "engine"), ==, "postgres");
  g_assert_true (nines_component_get_bool (db, "multi_az"));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (nines_inspector_get_editor (f->inspector, "multi_az", FALSE))));
}

static void
test_knobs (Fixture       *f,
            gconstpointer  data)
{
  const NinesParamSpec *spec = nines_catalog_lookup_knob (nines_catalog_get_default (), "standby_fraction");
  GtkWidget *entry, *row;

  nines_canvas_unselect_all (f->canvas);
  entry = nines_inspector_get_editor (f->inspector, "standby_fraction", TRUE);
  row = nines_inspector_get_row (f->inspector, "standby_fraction", TRUE);
  g_assert_nonnull (entry);
  /* The document sets 0.25; the default and its source are on the row. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "0.25");
  g_assert_true (strstr (subtitle (row), spec->source) != NULL);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (row), ==, spec->source);

  type_and_apply (entry, "1.5");
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpfloat (nines_document_get_knob_double (f->doc, "standby_fraction"), ==, 0.25);
  type_and_apply (entry, "0.5");
  g_assert_cmpfloat (nines_document_get_knob_double (f->doc, "standby_fraction"), ==, 0.5);

  /* Without a pattern there are no knobs to show. */
  g_assert_true (nines_command_stack_set_dr (f->stack, NINES_DR_PATTERN_NONE, NULL, NULL));
  g_assert_null (nines_inspector_get_editor (f->inspector, "standby_fraction", TRUE));
}

static GtkCheckButton *
find_az_check (GtkWidget  *root,
               const char *az)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkCheckButton *found;

      if (GTK_IS_CHECK_BUTTON (c) && g_strcmp0 (g_object_get_data (G_OBJECT (c), "az"), az) == 0)
        return GTK_CHECK_BUTTON (c);
      if ((found = find_az_check (c, az)))
        return found;
    }
  return NULL;
}

static void
test_region_azs (Fixture       *f,
                 gconstpointer  data)
{
  NinesRegion *region = nines_document_lookup_region (f->doc, "us-east-1");
  const NinesRegionInfo *info = nines_region_get_info (region);
  GtkCheckButton *check;
  const char *unused = NULL;

  /* A region container selected: one check per AZ the catalog knows there. */
  nines_canvas_select_region (f->canvas, "us-east-1");
  for (guint i = 0; info->azs[i]; i++)
    {
      g_assert_nonnull (find_az_check (GTK_WIDGET (f->inspector), info->azs[i]));
      if (!nines_region_has_az (region, info->azs[i]))
        unused = info->azs[i];
    }
  g_assert_nonnull (unused);
  check = find_az_check (GTK_WIDGET (f->inspector), unused);
  g_assert_false (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, TRUE);
  g_assert_true (nines_region_has_az (region, unused));
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_false (nines_region_has_az (region, unused));

  /* A service's AZs: taking one of the multi-AZ database's two away is either refused (the
   * model says why and the box goes back) or applied and undoable. */
  nines_canvas_select (f->canvas, "db", FALSE);
  check = find_az_check (GTK_WIDGET (f->inspector), "use1-az2");
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (check));
  gtk_check_button_set_active (check, FALSE);
  if (nines_component_get_n_azs (nines_document_lookup_component (f->doc, "db")) == 2)
    g_assert_true (gtk_check_button_get_active (check));   /* refused: the model said why */
  else
    g_assert_true (nines_command_stack_undo (f->stack));   /* accepted: undoable */
  g_assert_cmpuint (nines_component_get_n_azs (nines_document_lookup_component (f->doc, "db")), ==, 2);
}

int
main (int argc, char *argv[])
{
  if (!nines_ui_test_init (&argc, &argv))
    return 0;
  g_test_add ("/nines/ui/inspector/rows-from-catalog", Fixture, NULL, fixture_setup, test_rows_from_catalog, fixture_teardown);
  g_test_add ("/nines/ui/inspector/validation", Fixture, NULL, fixture_setup, test_validation, fixture_teardown);
  g_test_add ("/nines/ui/inspector/enum-bool-name", Fixture, NULL, fixture_setup, test_enum_bool_name, fixture_teardown);
  g_test_add ("/nines/ui/inspector/knobs", Fixture, NULL, fixture_setup, test_knobs, fixture_teardown);
  g_test_add ("/nines/ui/inspector/region-azs", Fixture, NULL, fixture_setup, test_region_azs, fixture_teardown);
  return g_test_run ();
}
