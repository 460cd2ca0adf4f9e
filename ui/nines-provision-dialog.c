/* nines-provision-dialog.c: who am I → plan → apply with progress → result.
 *
 * Each step runs NinesAwsProvisioner's blocking call in a GTask thread on a copy of the
 * document; stack events come back to the main thread through idle callbacks. The
 * provisioning section the worker writes is copied into the real document after each
 * step. Closing the window while work runs cancels it the safe way (the provisioner
 * finishes or rolls back the stack that is changing and starts nothing more). */
#define G_LOG_DOMAIN "nines-provision-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <nines-aws.h>

#include "nines-provision-dialog.h"
#include "nines-ui.h"

struct _NinesProvisionDialog
{
  AdwWindow            parent_instance;

  NinesDocument       *document;    /* the user's */
  NinesDocument       *work;        /* the worker's copy */
  NinesAwsProvisioner *prov;
  NinesAwsPlan        *plan;
  GCancellable        *cancellable;
  GHashTable          *region_rows; /* stack name -> AdwActionRow (borrowed) */
  gboolean             busy;

  /* template children */
  AdwWindowTitle      *window_title;
  GtkLabel            *error_label;
  GtkStack            *stack;
  AdwEntryRow         *profile_row;
  AdwActionRow        *account_row;
  AdwActionRow        *arn_row;
  AdwActionRow        *regions_row;
  GtkButton           *who_button;
  GtkButton           *plan_button;
  GtkTextView         *plan_view;
  GtkButton           *discard_button;
  GtkButton           *apply_button;
  GtkListBox          *regions_list;
  GtkTextView         *events_view;
  GtkButton           *cancel_button;
  AdwStatusPage       *result_page;
};

G_DEFINE_FINAL_TYPE (NinesProvisionDialog, nines_provision_dialog, ADW_TYPE_WINDOW)

typedef enum
{
  JOB_WHOAMI,
  JOB_PLAN,
  JOB_APPLY,
  JOB_DISCARD,
} JobKind;

static void
set_busy (NinesProvisionDialog *self,
          gboolean              busy)
{
  self->busy = busy;
  if (self->stack == NULL)   /* closed while the work ran */
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->who_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->plan_button), !busy && self->prov != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button), !busy && self->plan != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->discard_button), !busy && self->plan != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->profile_row), !busy && self->plan == NULL);
}

static void
show_error (NinesProvisionDialog *self,
            const char           *message)
{
  if (self->error_label == NULL)
    return;
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The worker's copy of the provisioning state becomes the document's */
static void
sync_state (NinesProvisionDialog *self)
{
  JsonNode *node;

  if (self->work == NULL)
    return;
  node = nines_document_get_section (self->work, NINES_AWS_PROVISIONING_SECTION);
  if (node != NULL)
    nines_document_set_section (self->document, NINES_AWS_PROVISIONING_SECTION, node);
}

/* Progress from the worker thread */

typedef struct
{
  NinesProvisionDialog       *self;
  NinesAwsProvisionEventKind  kind;
  char                       *stack_name;
  char                       *status;
  char                       *line;
} Progress;

static void
progress_free (Progress *p)
{
  g_object_unref (p->self);
  g_free (p->stack_name);
  g_free (p->status);
  g_free (p->line);
  g_free (p);
}

static gboolean
progress_in_main (gpointer data)
{
  Progress *p = data;
  NinesProvisionDialog *self = p->self;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  AdwActionRow *row;

  /* an event that arrives after the window was closed has nowhere to go */
  if (self->events_view == NULL)
    return G_SOURCE_REMOVE;
  buffer = gtk_text_view_get_buffer (self->events_view);
  row = p->stack_name ? g_hash_table_lookup (self->region_rows, p->stack_name) : NULL;

  if (p->line != NULL)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, p->line, -1);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_view_scroll_to_iter (self->events_view, &end, 0, FALSE, 0, 0);
    }
  if (row != NULL && p->kind == NINES_AWS_PROVISION_STEP_STARTED)
    adw_action_row_set_subtitle (row, _("In progress…"));
  else if (row != NULL && p->kind == NINES_AWS_PROVISION_STEP_FINISHED)
    adw_action_row_set_subtitle (row, p->status);
  return G_SOURCE_REMOVE;
}

static void
on_progress (const NinesAwsProvisionEvent *ev,
             gpointer                      user_data)
{
  Progress *p = g_new0 (Progress, 1);

  p->self = g_object_ref (user_data);
  p->kind = ev->kind;
  p->stack_name = g_strdup (ev->stack_name);
  p->status = g_strdup (ev->status);
  switch (ev->kind)
    {
    case NINES_AWS_PROVISION_MESSAGE:
      p->line = g_strdup_printf ("%s: %s\n", ev->region ? ev->region : "-", ev->message);
      break;
    case NINES_AWS_PROVISION_STACK_EVENT:
      p->line = g_strdup_printf ("%s  %-32s %-36s %s%s%s\n", ev->region,
                                 ev->event->logical_id ? ev->event->logical_id : "",
                                 ev->event->resource_type ? ev->event->resource_type : "", ev->event->status,
                                 ev->event->status_reason ? "  " : "",
                                 ev->event->status_reason ? ev->event->status_reason : "");
      break;
    case NINES_AWS_PROVISION_REPLANNED:
      p->line = g_strdup_printf (_("%s: change set made again with the outputs known now\n"), ev->region);
      break;
    case NINES_AWS_PROVISION_STEP_STARTED:
    case NINES_AWS_PROVISION_STEP_FINISHED:
    default:
      break;
    }
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_in_main, p, (GDestroyNotify) progress_free);
}

/* Work in a thread */

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  NinesProvisionDialog *self = source_object;
  JobKind kind = GPOINTER_TO_INT (task_data);
  GError *error = NULL;

  switch (kind)
    {
    case JOB_WHOAMI:
      {
        NinesAwsCallerIdentity *id = nines_aws_provisioner_whoami (self->prov, cancellable, &error);

        if (id == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, id, (GDestroyNotify) nines_aws_caller_identity_free);
      }
      break;
    case JOB_PLAN:
      {
        NinesAwsPlan *plan = nines_aws_provisioner_plan (self->prov, cancellable, &error);

        if (plan == NULL)
          g_task_return_error (task, error);
        else
          g_task_return_pointer (task, plan, (GDestroyNotify) nines_aws_plan_free);
      }
      break;
    case JOB_APPLY:
      if (nines_aws_provisioner_apply (self->prov, self->plan, cancellable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    case JOB_DISCARD:
      if (nines_aws_provisioner_discard_plan (self->prov, self->plan, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
run_job (NinesProvisionDialog *self,
         JobKind               kind,
         GAsyncReadyCallback   callback)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, callback, NULL);

  set_busy (self, TRUE);
  show_error (self, NULL);
  g_task_set_task_data (task, GINT_TO_POINTER (kind), NULL);
  g_task_run_in_thread (task, job_thread);
}

static void
whoami_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  NinesProvisionDialog *self = NINES_PROVISION_DIALOG (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesAwsCallerIdentity) id = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GString) stacks = g_string_new (NULL);
  const char * const *regions;

  set_busy (self, FALSE);
  if (self->stack == NULL)
    return;
  if (id == NULL)
    {
      g_clear_object (&self->prov);
      set_busy (self, FALSE);
      show_error (self, error->message);
      return;
    }
  adw_action_row_set_subtitle (self->account_row, id->account);
  adw_action_row_set_subtitle (self->arn_row, id->arn);
  regions = nines_aws_provisioner_get_regions (self->prov);
  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    {
      g_autofree char *name = nines_aws_provisioner_dup_stack_name (self->prov, regions[i]);

      g_string_append_printf (stacks, "%s%s %s (%s)", i ? "\n" : "", i == 0 ? _("primary") : _("then"),
                              regions[i], name);
    }
  adw_action_row_set_subtitle (self->regions_row, stacks->str);
  set_busy (self, FALSE);
}

static void
on_who_clicked (NinesProvisionDialog *self)
{
  const char *profile = gtk_editable_get_text (GTK_EDITABLE (self->profile_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesAwsClient) client = NULL;

  g_clear_object (&self->prov);
  client = nines_aws_client_new_for_profile (profile && *profile ? profile : NULL, NULL, &error);
  if (client == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_clear_object (&self->work);
  self->work = nines_document_copy (self->document);
  self->prov = nines_aws_provisioner_new (client, self->work, nines_document_get_dr_pattern (self->work));
  nines_aws_provisioner_set_progress_func (self->prov, on_progress, self, NULL);
  run_job (self, JOB_WHOAMI, whoami_done);
}

static void
plan_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  NinesProvisionDialog *self = NINES_PROVISION_DIALOG (object);
  g_autoptr(GError) error = NULL;
  NinesAwsPlan *plan = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *text = NULL;

  if (plan == NULL)
    {
      set_busy (self, FALSE);
      show_error (self, error->message);
      return;
    }
  g_clear_pointer (&self->plan, nines_aws_plan_free);
  self->plan = plan;
  if (self->stack == NULL)
    {
      /* closed while planning: a plan nobody will apply is discarded */
      nines_aws_provisioner_discard_plan (self->prov, self->plan, NULL);
      set_busy (self, FALSE);
      return;
    }
  text = nines_aws_plan_to_text (plan);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->plan_view), text, -1);
  gtk_stack_set_visible_child_name (self->stack, "plan");
  set_busy (self, FALSE);
}

static void
on_plan_clicked (NinesProvisionDialog *self)
{
  run_job (self, JOB_PLAN, plan_done);
}

static void
discard_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  NinesProvisionDialog *self = NINES_PROVISION_DIALOG (object);
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  g_clear_pointer (&self->plan, nines_aws_plan_free);
  set_busy (self, FALSE);
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }
  if (self->stack != NULL)
    gtk_stack_set_visible_child_name (self->stack, "identity");
}

static void
on_discard_clicked (NinesProvisionDialog *self)
{
  run_job (self, JOB_DISCARD, discard_done);
}

static void
apply_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  NinesProvisionDialog *self = NINES_PROVISION_DIALOG (object);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  sync_state (self);
  g_clear_pointer (&self->plan, nines_aws_plan_free);
  set_busy (self, FALSE);
  if (self->stack == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  if (ok)
    {
      adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->result_page, _("Provisioned"));
      g_autoptr(GString) text = g_string_new (_("Every stack is complete. The document remembers the account "
                                                "and the stacks; save it to keep them."));
      GHashTableIter iter;
      gpointer name, row;

      g_hash_table_iter_init (&iter, self->region_rows);
      while (g_hash_table_iter_next (&iter, &name, &row))
        g_string_append_printf (text, "\n%s: %s", (char *) name, adw_action_row_get_subtitle (row));
      adw_status_page_set_description (self->result_page, text->str);
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_icon_name (self->result_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->result_page,
                                 g_error_matches (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CANCELLED)
                                 ? _("Cancelled") : _("Provisioning failed"));
      adw_status_page_set_description (self->result_page, escaped);
    }
  gtk_stack_set_visible_child_name (self->stack, "result");
}

static void
on_apply_clicked (NinesProvisionDialog *self)
{
  GtkWidget *child;

  g_return_if_fail (self->plan != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->regions_list))) != NULL)
    gtk_list_box_remove (self->regions_list, child);
  g_hash_table_remove_all (self->region_rows);
  for (guint i = 0; self->plan->regions[i] != NULL; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
      g_autofree char *name = nines_aws_provisioner_dup_stack_name (self->prov, self->plan->regions[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (row, _("Waiting"));
      gtk_list_box_append (self->regions_list, GTK_WIDGET (row));
      g_hash_table_insert (self->region_rows, g_steal_pointer (&name), row);
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->events_view), "", -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  run_job (self, JOB_APPLY, apply_done);
}

static void
on_cancel_clicked (NinesProvisionDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
  g_cancellable_cancel (self->cancellable);
}

static gboolean
nines_provision_dialog_close_request (GtkWindow *window)
{
  NinesProvisionDialog *self = NINES_PROVISION_DIALOG (window);

  /* The worker holds a reference: it finishes (or rolls back) what is changing and
   * stops; its state still reaches the document through sync_state. */
  if (self->busy)
    g_cancellable_cancel (self->cancellable);
  else if (self->plan != NULL)
    {
      /* a plan nobody applied leaves no change set (nor review stack) behind */
      nines_aws_provisioner_discard_plan (self->prov, self->plan, NULL);
      g_clear_pointer (&self->plan, nines_aws_plan_free);
    }
  return GTK_WINDOW_CLASS (nines_provision_dialog_parent_class)->close_request (window);
}

static void
nines_provision_dialog_dispose (GObject *object)
{
  NinesProvisionDialog *self = NINES_PROVISION_DIALOG (object);

  if (self->region_rows != NULL)
    g_hash_table_remove_all (self->region_rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), NINES_TYPE_PROVISION_DIALOG);
  G_OBJECT_CLASS (nines_provision_dialog_parent_class)->dispose (object);
}

static void
nines_provision_dialog_finalize (GObject *object)
{
  NinesProvisionDialog *self = NINES_PROVISION_DIALOG (object);

  g_clear_pointer (&self->plan, nines_aws_plan_free);
  g_clear_object (&self->prov);
  g_clear_object (&self->work);
  g_clear_object (&self->document);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->region_rows, g_hash_table_unref);
  G_OBJECT_CLASS (nines_provision_dialog_parent_class)->finalize (object);
}

static void
nines_provision_dialog_class_init (NinesProvisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nines_provision_dialog_dispose;
  object_class->finalize = nines_provision_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = nines_provision_dialog_close_request;

  nines_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ninesdr/Nines/ui/nines-provision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, arn_row);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, regions_row);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, who_button);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, plan_button);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, plan_view);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, discard_button);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, regions_list);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, events_view);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, NinesProvisionDialog, result_page);
  gtk_widget_class_bind_template_callback (widget_class, on_who_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_plan_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_discard_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_close);
}

static void
nines_provision_dialog_init (NinesProvisionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->region_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

void
nines_provision_dialog_present (GtkWindow     *parent,
                                NinesDocument *document)
{
  NinesProvisionDialog *self;
  g_autofree char *subtitle = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (NINES_IS_DOCUMENT (document));

  self = g_object_new (NINES_TYPE_PROVISION_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  subtitle = g_strdup_printf ("%s — %s", nines_document_get_name (document),
                              nines_dr_pattern_to_string (nines_document_get_dr_pattern (document)));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* The first thing to do is to check who we are: Enter does it */
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->who_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->who_button));
  gtk_window_present (GTK_WINDOW (self));
}
