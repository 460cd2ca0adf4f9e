/* test-provision-dialog.c: the provisioning dialog driven against moto — identity,
 * plan, apply, result — with a screenshot of each page in $NINES_PNG_DIR. Run by
 * test-provision-gui.py (which prepares $NINES_PROVISION_DOC and checks AWS after). */
#include "config.h"

#include <string.h>
#include <nines-aws.h>

#include "nines-provision-dialog.h"
#include "../ui/nines-ui-test-utils.h"

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *text = NULL;

      if (GTK_IS_BUTTON (root))
        text = gtk_button_get_label (GTK_BUTTON (root));
      else if (ADW_IS_PREFERENCES_ROW (root))
        text = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root));
      if (label == NULL || g_strcmp0 (text, label) == 0)
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_dialog (void)
{
  GListModel *tops = gtk_window_get_toplevels ();   /* (transfer none) */

  for (guint i = 0; i < g_list_model_get_n_items (tops); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (tops, i);

      if (NINES_IS_PROVISION_DIALOG (w))
        return GTK_WIDGET (w);
    }
  return NULL;
}

static const char *
visible_page (GtkWidget *dialog)
{
  GtkWidget *stack = find_widget (dialog, GTK_TYPE_STACK, NULL);

  return stack ? gtk_stack_get_visible_child_name (GTK_STACK (stack)) : NULL;
}

static void
test_flow (void)
{
  const char *path = g_getenv ("NINES_PROVISION_DOC");
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) doc = NULL;
  GtkWidget *dialog, *account, *status, *plan_view;
  g_autofree char *plan_text = NULL;
  GtkTextIter a, b;
  JsonNode *section;

  if (path == NULL)
    {
      g_test_skip ("NINES_PROVISION_DOC is not set: run through test-provision-gui.py");
      return;
    }
  doc = nines_document_load_from_file (path, &error);
  g_assert_no_error (error);

  nines_provision_dialog_present (NULL, doc);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 900, 700);
  nines_ui_spin (200);
  g_assert_cmpstr (visible_page (dialog), ==, "identity");

  /* Who am I, and where */
  g_signal_emit_by_name (find_widget (dialog, GTK_TYPE_BUTTON, "_Check Identity"), "clicked");
  account = find_widget (dialog, ADW_TYPE_ACTION_ROW, "Account");
  NINES_UI_WAIT_FOR (g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (account)), "123456789012") == 0, 30000);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (account)), ==, "123456789012");
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (ADW_ACTION_ROW (find_widget (dialog, ADW_TYPE_ACTION_ROW, "Identity"))),
                                   ":user/nines-it"));
  nines_ui_save_png (dialog, "provision-1-identity.png");

  /* The plan, as a diff */
  g_signal_emit_by_name (find_widget (dialog, GTK_TYPE_BUTTON, "_Plan"), "clicked");
  NINES_UI_WAIT_FOR (g_strcmp0 (visible_page (dialog), "plan") == 0, 60000);
  g_assert_cmpstr (visible_page (dialog), ==, "plan");
  plan_view = find_widget (gtk_stack_get_visible_child (GTK_STACK (find_widget (dialog, GTK_TYPE_STACK, NULL))),
                           GTK_TYPE_TEXT_VIEW, NULL);
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (plan_view)), &a, &b);
  plan_text = gtk_text_buffer_get_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (plan_view)), &a, &b, FALSE);
  g_assert_nonnull (strstr (plan_text, "CREATE nines-storefront-us-east-1 (us-east-1)"));
  g_assert_nonnull (strstr (plan_text, "+ Vpc"));
  g_assert_nonnull (strstr (plan_text, "monthly cost of what will exist here: $"));
  nines_ui_save_png (dialog, "provision-2-plan.png");

  /* Apply: progress, then the result */
  g_signal_emit_by_name (find_widget (dialog, GTK_TYPE_BUTTON, "_Apply"), "clicked");
  g_assert_cmpstr (visible_page (dialog), ==, "progress");
  nines_ui_spin (300);
  nines_ui_save_png (dialog, "provision-3-progress.png");
  NINES_UI_WAIT_FOR (g_strcmp0 (visible_page (dialog), "result") == 0, 120000);
  g_assert_cmpstr (visible_page (dialog), ==, "result");
  status = find_widget (dialog, ADW_TYPE_STATUS_PAGE, NULL);
  if (g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (status)), "Provisioned") != 0)
    g_test_message ("result: %s", adw_status_page_get_description (ADW_STATUS_PAGE (status)));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "Provisioned");
  nines_ui_save_png (dialog, "provision-4-result.png");

  /* The document remembers the account and both stacks */
  section = nines_document_get_section (doc, NINES_AWS_PROVISIONING_SECTION);
  g_assert_nonnull (section);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (section), "account"), ==, "123456789012");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (section), "stacks")), ==, 2);
  g_assert_true (nines_document_save_to_file (doc, path, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (dialog));
  nines_ui_spin (100);
}

int
main (int    argc,
      char **argv)
{
  if (!nines_ui_test_init (&argc, &argv))
    return 0;
  g_test_add_func ("/nines/ui/provision-dialog/flow", test_flow);
  return g_test_run ();
}
