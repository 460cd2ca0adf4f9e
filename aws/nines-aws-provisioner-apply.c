/* nines-aws-provisioner-apply.c: apply a plan and watch it, status, destroy */
#define G_LOG_DOMAIN "nines-aws-provisioner"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-aws-provisioner-private.h"

/* A stack is watched for at most this long: CloudFormation's own default stack timeout
 * is none, but an RDS instance with a cross-region replica takes tens of minutes. */
#define WATCH_TIMEOUT_S (3 * 3600)
/* ExecuteChangeSet starts the stack operation within seconds */
#define REVIEW_STALL_S 120

static gboolean
cancel_update_stack (NinesAwsProvisioner  *self,
                     const char           *region,
                     const char           *stack_name,
                     GError              **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NinesAwsXml) root = NULL;

  nines_aws_query_add (params, "StackName", stack_name);
  /* not cancellable itself: it is what a cancellation does */
  root = nines_aws_client_query (_nines_aws_provisioner_client (self, region), "CloudFormation", "cloudformation",
                                 "CancelUpdateStack", NINES_CFN_API_VERSION, params, NULL, error);
  return root != NULL;
}

static gboolean
is_failed_status (const char *status)
{
  return g_str_has_suffix (status, "_FAILED");
}

typedef struct
{
  char      *last_event_id;
  GPtrArray *failures;     /* of NinesAwsStackEvent*, owned */
  GPtrArray *skipped;      /* DELETE_SKIPPED: kept by DeletionPolicy during a rollback */
} Watch;

static void
watch_clear (Watch *w)
{
  g_clear_pointer (&w->last_event_id, g_free);
  g_clear_pointer (&w->failures, g_ptr_array_unref);
  g_clear_pointer (&w->skipped, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Watch, watch_clear)

static NinesAwsStackEvent *
event_copy (const NinesAwsStackEvent *e)
{
  NinesAwsStackEvent *c = g_new0 (NinesAwsStackEvent, 1);

  c->event_id = g_strdup (e->event_id);
  c->stack_id = g_strdup (e->stack_id);
  c->stack_name = g_strdup (e->stack_name);
  c->logical_id = g_strdup (e->logical_id);
  c->physical_id = g_strdup (e->physical_id);
  c->resource_type = g_strdup (e->resource_type);
  c->status = g_strdup (e->status);
  c->status_reason = g_strdup (e->status_reason);
  c->timestamp = e->timestamp;
  return c;
}

/* Fetches the events since the last call and reports them oldest first */
static gboolean
poll_events (NinesAwsProvisioner  *self,
             const char           *region,
             const char           *stack_id,
             Watch                *w,
             GError              **error)
{
  g_autoptr(GPtrArray) events = NULL;

  events = nines_aws_cfn_describe_stack_events (_nines_aws_provisioner_client (self, region), stack_id,
                                                w->last_event_id, NULL, error);
  if (events == NULL)
    return FALSE;
  for (guint i = events->len; i > 0; i--)
    {
      NinesAwsStackEvent *e = g_ptr_array_index (events, i - 1);
      NinesAwsProvisionEvent ev = { NINES_AWS_PROVISION_STACK_EVENT, };

      ev.region = region;
      ev.stack_name = e->stack_name;
      ev.event = e;
      _nines_aws_provisioner_emit (self, &ev);
      /* The resource that failed, with AWS's reason; "Resource creation cancelled" is
       * what the others get when one fails, not a cause. */
      if (is_failed_status (e->status) && g_strcmp0 (e->logical_id, e->stack_name) != 0
          && e->status_reason != NULL && strstr (e->status_reason, "Resource creation cancelled") == NULL
          && strstr (e->status_reason, "Resource update cancelled") == NULL)
        g_ptr_array_add (w->failures, event_copy (e));
      if (g_str_equal (e->status, "DELETE_SKIPPED"))
        g_ptr_array_add (w->skipped, event_copy (e));
    }
  if (events->len > 0)
    {
      g_free (w->last_event_id);
      w->last_event_id = g_strdup (((NinesAwsStackEvent *) g_ptr_array_index (events, 0))->event_id);
    }
  return TRUE;
}

/* The newest event id before an operation starts, so only its events are reported */
static char *
newest_event_id (NinesAwsProvisioner *self,
                 const char          *region,
                 const char          *stack)
{
  g_autoptr(GPtrArray) events = NULL;

  events = nines_aws_cfn_describe_stack_events (_nines_aws_provisioner_client (self, region), stack, NULL, NULL, NULL);
  if (events == NULL || events->len == 0)
    return NULL;
  return g_strdup (((NinesAwsStackEvent *) g_ptr_array_index (events, 0))->event_id);
}

/* Polls the stack until its status is final, streaming its events. When @cancellable
 * fires during an update, asks CloudFormation to cancel it and keeps watching the
 * rollback: the stack is never left in a state nobody looked at. */
static NinesAwsStack *
watch_stack (NinesAwsProvisioner  *self,
             const char           *region,
             const char           *stack_name,
             const char           *stack_id,
             Watch                *w,
             GCancellable         *cancellable,
             gboolean             *cancel_requested,
             GError              **error)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + (gint64) WATCH_TIMEOUT_S * G_USEC_PER_SEC;
  gboolean cancel_sent = FALSE;

  for (;;)
    {
      g_autoptr(NinesAwsStack) stack = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!poll_events (self, region, stack_id, w, &local_error))
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Lost track of %s (%s) while it changes; its state is unknown — run "
                                        "“provision status” to see it: "), stack_name, region);
          return NULL;
        }
      stack = _nines_aws_provisioner_describe (self, region, stack_id, NULL, &local_error);
      if (local_error != NULL)
        {
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Lost track of %s (%s) while it changes; its state is unknown — run "
                                        "“provision status” to see it: "), stack_name, region);
          return NULL;
        }
      if (stack == NULL)
        {
          /* gone while deleting */
          stack = g_new0 (NinesAwsStack, 1);
          stack->stack_name = g_strdup (stack_name);
          stack->stack_id = g_strdup (stack_id);
          stack->status = g_strdup ("DELETE_COMPLETE");
          stack->outputs = g_ptr_array_new ();
          stack->parameters = g_ptr_array_new ();
        }
      if (nines_aws_stack_status_is_final (stack->status) && !g_str_equal (stack->status, "REVIEW_IN_PROGRESS"))
        {
          /* the last events may come after the status */
          poll_events (self, region, stack_id, w, NULL);
          return g_steal_pointer (&stack);
        }
      if (g_str_equal (stack->status, "REVIEW_IN_PROGRESS")
          && g_get_monotonic_time () - start > REVIEW_STALL_S * G_USEC_PER_SEC)
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_SERVICE,
                       _("CloudFormation has not started executing the change set of %s (%s) after %d s: "
                         "the stack is still REVIEW_IN_PROGRESS and nothing was created"),
                       stack_name, region, REVIEW_STALL_S);
          return NULL;
        }
      if (g_cancellable_is_cancelled (cancellable) && !cancel_sent)
        {
          *cancel_requested = TRUE;
          cancel_sent = TRUE;
          if (g_str_equal (stack->status, "UPDATE_IN_PROGRESS"))
            {
              _nines_aws_provisioner_message (self, region, _("Cancelling the update of %s (CancelUpdateStack); "
                                                              "CloudFormation rolls it back"), stack_name);
              if (!cancel_update_stack (self, region, stack_name, &local_error))
                _nines_aws_provisioner_message (self, region, _("CancelUpdateStack failed: %s"), local_error->message);
            }
          else
            _nines_aws_provisioner_message (self, region, _("%s is %s, which CloudFormation cannot cancel: waiting "
                                                            "for it to finish, then stopping"),
                                           stack_name, stack->status);
        }
      if (g_get_monotonic_time () > deadline)
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_TIMEOUT,
                       _("%s (%s) was still %s after %d hours; it is left to CloudFormation — run "
                         "“provision status” to see how it ends"), stack_name, region, stack->status,
                       WATCH_TIMEOUT_S / 3600);
          return NULL;
        }
      g_usleep ((gulong) self->poll_ms * 1000);
    }
}

static char *
failure_text (Watch               *w,
              const NinesAwsStack *stack,
              const char          *region,
              GPtrArray           *resources)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_string_append_printf (s, _("Stack %s (%s) failed: final status %s"), stack->stack_name, region, stack->status);
  if (stack->status_reason != NULL)
    g_string_append_printf (s, _(" (%s)"), stack->status_reason);
  g_string_append (s, ".");
  for (guint i = 0; i < w->failures->len; i++)
    {
      NinesAwsStackEvent *e = g_ptr_array_index (w->failures, i);
      g_autofree char *why = nines_aws_explain_denied (e->status_reason);

      g_string_append_printf (s, _("\n  %s (%s) %s: %s"), e->logical_id, e->resource_type, e->status, e->status_reason);
      if (why != NULL)
        g_string_append_printf (s, "\n%s", why);
    }
  if (g_str_equal (stack->status, "ROLLBACK_COMPLETE") || g_str_equal (stack->status, "UPDATE_ROLLBACK_COMPLETE"))
    g_string_append (s, _("\nCloudFormation rolled the stack back."));
  else if (g_str_has_suffix (stack->status, "ROLLBACK_FAILED"))
    g_string_append (s, _("\nThe rollback itself failed: the resources below are still in the account."));
  for (guint i = 0; i < w->skipped->len; i++)
    {
      NinesAwsStackEvent *e = g_ptr_array_index (w->skipped, i);

      g_string_append_printf (s, _("\n  kept: %s %s (%s) — DeletionPolicy Retain keeps it even when the "
                                   "creation rolls back; delete it by hand if it is not wanted"),
                              e->resource_type, e->physical_id, e->logical_id);
    }
  if (resources != NULL)
    for (guint i = 0; i < resources->len; i++)
      {
        NinesAwsStackResource *r = g_ptr_array_index (resources, i);

        if (g_strcmp0 (r->status, "DELETE_COMPLETE") == 0 || g_strcmp0 (r->status, "DELETE_SKIPPED") == 0)
          continue;
        g_string_append_printf (s, _("\n  still there: %s %s (%s), %s"), r->resource_type,
                                r->physical_id ? r->physical_id : "-", r->logical_id, r->status);
      }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
report_left_standing (NinesAwsProvisioner *self,
                      NinesAwsPlan        *plan,
                      guint                upto,
                      GString             *s)
{
  for (guint i = 0; plan->regions[i] != NULL; i++)
    {
      g_autofree char *name = nines_cfn_template_stack_name (self->deployment, plan->regions[i]);
      g_autoptr(NinesAwsStack) live = _nines_aws_provisioner_describe (self, plan->regions[i], name, NULL, NULL);

      (void) upto;
      _nines_aws_provisioner_record (self, plan->regions[i], name, live);
      if (live != NULL)
        g_string_append_printf (s, _("\n  %s (%s): %s"), name, plan->regions[i], live->status);
    }
}

gboolean
nines_aws_provisioner_apply (NinesAwsProvisioner  *self,
                             NinesAwsPlan         *plan,
                             GCancellable         *cancellable,
                             GError              **error)
{
  g_autoptr(GHashTable) live_outputs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              (GDestroyNotify) g_hash_table_unref);
  gboolean cancel_requested = FALSE;

  g_return_val_if_fail (NINES_IS_AWS_PROVISIONER (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  for (guint i = 0; i < plan->steps->len; i++)
    {
      NinesAwsPlanStep *step = g_ptr_array_index (plan->steps, i);
      NinesAwsClient *client = _nines_aws_provisioner_client (self, step->region);
      NinesAwsProvisionEvent ev = { NINES_AWS_PROVISION_STEP_STARTED, };
      g_auto(GStrv) params = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(NinesAwsStack) stack = NULL;
      g_autoptr(NinesAwsStack) before = NULL;
      g_auto(Watch) w = { NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) nines_aws_stack_event_free),
                          g_ptr_array_new_with_free_func ((GDestroyNotify) nines_aws_stack_event_free) };
      gboolean replan = FALSE;

      if (g_cancellable_is_cancelled (cancellable) || cancel_requested)
        {
          g_autoptr(GString) s = g_string_new (NULL);

          g_string_append_printf (s, _("Cancelled before %s (%s) — the stacks stand as follows:"),
                                  step->stack_name, step->region);
          nines_aws_provisioner_discard_plan (self, plan, NULL);
          report_left_standing (self, plan, i, s);
          g_set_error_literal (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CANCELLED, s->str);
          return FALSE;
        }

      ev.region = step->region;
      ev.stack_name = step->stack_name;
      ev.step = step;
      _nines_aws_provisioner_emit (self, &ev);

      /* Outputs of the stacks that exist now (those of earlier steps included) */
      for (guint r = 0; plan->regions[r] != NULL; r++)
        {
          g_autofree char *name = nines_cfn_template_stack_name (self->deployment, plan->regions[r]);
          g_autoptr(NinesAwsStack) live = NULL;
          GHashTable *t;

          live = _nines_aws_provisioner_describe (self, plan->regions[r], name, cancellable, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (live == NULL || live->outputs == NULL)
            continue;
          t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          for (guint k = 0; k < live->outputs->len; k++)
            {
              NinesAwsStackOutput *o = g_ptr_array_index (live->outputs, k);

              g_hash_table_insert (t, g_strdup (o->key), g_strdup (o->value));
            }
          g_hash_table_insert (live_outputs, g_strdup (plan->regions[r]), t);
        }

      /* What was planned with a stand-in value (an output not yet known) is planned
       * again with the real one */
      for (guint k = 0; k < step->parameters->len; k++)
        {
          NinesAwsPlanParameter *p = g_ptr_array_index (step->parameters, k);

          if (p->source == NINES_AWS_PARAM_OUTPUT && g_str_has_prefix (p->value ? p->value : "", "pending-"))
            replan = TRUE;
        }
      if (!(params = _nines_aws_provisioner_resolve (self, step, live_outputs, error)))
        {
          nines_aws_provisioner_discard_plan (self, plan, NULL);
          return FALSE;
        }

      if (step->recreate)
        {
          g_autoptr(NinesAwsStack) gone = NULL;

          _nines_aws_provisioner_message (self, step->region, _("Deleting %s, whose creation failed earlier "
                                                                "(ROLLBACK_COMPLETE), before creating it again"),
                                          step->stack_name);
          if (!nines_aws_cfn_delete_stack (client, step->stack_name, cancellable, error))
            return FALSE;
          gone = nines_aws_cfn_wait_stack (client, step->stack_name, self->poll_ms, WATCH_TIMEOUT_S * 1000,
                                           cancellable, error);
          if (gone == NULL)
            return FALSE;
          step->recreate = FALSE;
          replan = TRUE;
        }

      if (step->change_set_name == NULL || replan)
        {
          if (step->change_set_name != NULL)
            nines_aws_cfn_delete_change_set (client, step->stack_name, step->change_set_name, NULL, NULL);
          g_clear_pointer (&step->change_set_name, g_free);
          if (g_str_equal (step->action, "CREATE"))
            {
              /* The empty stack the planned CREATE change set made goes with it, so the
               * new change set starts from nothing */
              g_autoptr(NinesAwsStack) review = NULL;

              review = _nines_aws_provisioner_describe (self, step->region, step->stack_name, cancellable, NULL);
              if (review != NULL && g_str_equal (review->status, "REVIEW_IN_PROGRESS")
                  && !nines_aws_cfn_delete_stack (client, review->stack_id, cancellable, error))
                return FALSE;
            }
          if (!_nines_aws_provisioner_make_change_set (self, step, (const char * const *) params, cancellable, error))
            {
              /* nothing of this step ran: leave no change set or review stack behind */
              nines_aws_provisioner_discard_plan (self, plan, NULL);
              return FALSE;
            }
          ev.kind = NINES_AWS_PROVISION_REPLANNED;
          _nines_aws_provisioner_emit (self, &ev);
        }
      if (step->no_changes)
        {
          _nines_aws_provisioner_message (self, step->region, _("%s: nothing to change"), step->stack_name);
          nines_aws_cfn_delete_change_set (client, step->stack_name, step->change_set_name, NULL, NULL);
          g_clear_pointer (&step->change_set_name, g_free);
          continue;
        }

      before = _nines_aws_provisioner_describe (self, step->region, step->stack_name, NULL, NULL);
      w.last_event_id = newest_event_id (self, step->region, step->stack_name);
      _nines_aws_provisioner_message (self, step->region, _("Executing change set %s on %s"),
                                      step->change_set_name, step->stack_name);
      /* Not cancellable: a request cut off mid-way would leave unknown whether the stack
       * started changing. Cancelling is handled while watching. */
      if (!nines_aws_cfn_execute_change_set (client, step->stack_name, step->change_set_name, NULL, error))
        {
          _nines_aws_provisioner_explain (error);
          return FALSE;
        }
      g_clear_pointer (&step->change_set_name, g_free);   /* executed: no longer ours to delete */

      stack = watch_stack (self, step->region, step->stack_name,
                           before && before->stack_id ? before->stack_id : step->stack_name,
                           &w, cancellable, &cancel_requested, error);
      if (stack == NULL)
        return FALSE;
      _nines_aws_provisioner_record (self, step->region, step->stack_name, stack);

      ev.kind = NINES_AWS_PROVISION_STEP_FINISHED;
      ev.status = stack->status;
      _nines_aws_provisioner_emit (self, &ev);

      if (!g_str_equal (stack->status, "CREATE_COMPLETE") && !g_str_equal (stack->status, "UPDATE_COMPLETE"))
        {
          g_autoptr(GPtrArray) remaining = nines_aws_cfn_list_stack_resources (client, stack->stack_id, NULL, NULL);
          g_autofree char *text = failure_text (&w, stack, step->region, remaining);
          g_autoptr(GString) s = g_string_new (text);

          if (cancel_requested && g_str_equal (stack->status, "UPDATE_ROLLBACK_COMPLETE"))
            g_string_printf (s, _("Cancelled: the update of %s (%s) was rolled back (%s)."),
                             step->stack_name, step->region, stack->status);
          g_string_append (s, _("\nNo further region was changed. The stacks stand as follows:"));
          nines_aws_provisioner_discard_plan (self, plan, NULL);
          report_left_standing (self, plan, i, s);
          g_set_error_literal (error, NINES_AWS_ERROR,
                               cancel_requested ? NINES_AWS_ERROR_CANCELLED : NINES_AWS_ERROR_SERVICE, s->str);
          return FALSE;
        }
    }
  if (cancel_requested)
    {
      g_autoptr(GString) s = g_string_new (_("Cancelled after the last step had started; it finished. The stacks stand as follows:"));

      report_left_standing (self, plan, plan->steps->len, s);
      g_set_error_literal (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CANCELLED, s->str);
      return FALSE;
    }
  return TRUE;
}

/* Status */

GPtrArray *
nines_aws_provisioner_status (NinesAwsProvisioner  *self,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autoptr(GPtrArray) states = g_ptr_array_new_with_free_func ((GDestroyNotify) nines_aws_stack_state_free);

  g_return_val_if_fail (NINES_IS_AWS_PROVISIONER (self), NULL);

  for (guint i = 0; self->regions[i] != NULL; i++)
    {
      const char *region = self->regions[i];
      NinesAwsStackState *st = g_new0 (NinesAwsStackState, 1);
      g_autoptr(NinesAwsStack) live = NULL;
      g_autoptr(GError) local_error = NULL;

      st->region = g_strdup (region);
      st->stack_name = nines_cfn_template_stack_name (self->deployment, region);
      g_ptr_array_add (states, st);
      live = _nines_aws_provisioner_describe (self, region, st->stack_name, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      _nines_aws_provisioner_record (self, region, st->stack_name, live);
      if (live == NULL)
        {
          st->status = g_strdup ("NOT_FOUND");
          continue;
        }
      st->stack_id = g_strdup (live->stack_id);
      st->status = g_strdup (live->status);
      st->status_reason = g_strdup (live->status_reason);
      st->outputs = g_steal_pointer (&live->outputs);
      live->outputs = g_ptr_array_new ();
      st->resources = nines_aws_cfn_list_stack_resources (_nines_aws_provisioner_client (self, region),
                                                          st->stack_name, cancellable, &local_error);
      if (st->resources == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          _nines_aws_provisioner_explain (error);
          return NULL;
        }
    }
  return g_steal_pointer (&states);
}

/* Destroy */

/* DeletionPolicy of each resource of the template CloudFormation keeps for @region */
static GHashTable *
deletion_policies (NinesAwsProvisioner *self,
                   const char          *region)
{
  GHashTable *policies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *body = _nines_aws_provisioner_template (self, region, NULL);
  g_autoptr(JsonNode) root = body ? nines_json_parse (body, -1, NULL) : NULL;
  JsonObject *resources;
  g_autoptr(GList) keys = NULL;

  if (root == NULL)
    return policies;
  resources = json_object_get_object_member (json_node_get_object (root), "Resources");
  keys = json_object_get_members (resources);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonObject *r = json_object_get_object_member (resources, l->data);
      const char *policy = json_object_get_string_member_with_default (r, "DeletionPolicy", NULL);
      JsonObject *props = json_object_get_object_member (r, "Properties");

      /* RDS takes no final snapshot of a read replica: CloudFormation just deletes it */
      if (g_strcmp0 (policy, "Snapshot") == 0 && props != NULL
          && json_object_has_member (props, "SourceDBInstanceIdentifier"))
        policy = NULL;
      if (policy != NULL)
        g_hash_table_insert (policies, g_strdup (l->data), g_strdup (policy));
    }
  return policies;
}

static NinesAwsLeftover *
leftover_new (const char                  *region,
              const char                  *stack_name,
              const NinesAwsStackResource *r,
              const char                  *reason)
{
  NinesAwsLeftover *l = g_new0 (NinesAwsLeftover, 1);

  l->region = g_strdup (region);
  l->stack_name = g_strdup (stack_name);
  l->logical_id = g_strdup (r->logical_id);
  l->physical_id = g_strdup (r->physical_id);
  l->resource_type = g_strdup (r->resource_type);
  l->reason = g_strdup (reason);
  return l;
}

gboolean
nines_aws_provisioner_destroy (NinesAwsProvisioner  *self,
                               GPtrArray           **leftovers,
                               GCancellable         *cancellable,
                               GError              **error)
{
  g_autoptr(GPtrArray) left = g_ptr_array_new_with_free_func ((GDestroyNotify) nines_aws_leftover_free);
  guint n;

  g_return_val_if_fail (NINES_IS_AWS_PROVISIONER (self), FALSE);

  n = g_strv_length (self->regions);
  for (guint i = n; i > 0; i--)
    {
      const char *region = self->regions[i - 1];
      NinesAwsClient *client = _nines_aws_provisioner_client (self, region);
      g_autofree char *name = nines_cfn_template_stack_name (self->deployment, region);
      g_autoptr(NinesAwsStack) live = NULL;
      g_autoptr(NinesAwsStack) done = NULL;
      g_autoptr(GPtrArray) resources = NULL;
      g_autoptr(GHashTable) policies = NULL;
      g_autoptr(GError) local_error = NULL;
      g_auto(Watch) w = { NULL, g_ptr_array_new_with_free_func ((GDestroyNotify) nines_aws_stack_event_free),
                          g_ptr_array_new_with_free_func ((GDestroyNotify) nines_aws_stack_event_free) };
      NinesAwsProvisionEvent ev = { NINES_AWS_PROVISION_STEP_STARTED, };
      gboolean cancel_requested = FALSE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      live = _nines_aws_provisioner_describe (self, region, name, cancellable, error);
      if (live == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          _nines_aws_provisioner_message (self, region, _("%s: no such stack, nothing to delete"), name);
          _nines_aws_provisioner_record (self, region, name, NULL);
          continue;
        }
      ev.region = region;
      ev.stack_name = name;
      _nines_aws_provisioner_emit (self, &ev);

      /* What the stack holds, and which of it CloudFormation keeps on deletion */
      resources = nines_aws_cfn_list_stack_resources (client, live->stack_id, cancellable, error);
      if (resources == NULL)
        {
          _nines_aws_provisioner_explain (error);
          return FALSE;
        }
      policies = deletion_policies (self, region);
      w.last_event_id = newest_event_id (self, region, live->stack_id);
      if (!nines_aws_cfn_delete_stack (client, live->stack_id, cancellable, error))
        {
          _nines_aws_provisioner_explain (error);
          return FALSE;
        }
      done = watch_stack (self, region, name, live->stack_id, &w, NULL, &cancel_requested, error);
      if (done == NULL)
        return FALSE;
      ev.kind = NINES_AWS_PROVISION_STEP_FINISHED;
      ev.status = done->status;
      _nines_aws_provisioner_emit (self, &ev);

      for (guint k = 0; k < resources->len; k++)
        {
          NinesAwsStackResource *r = g_ptr_array_index (resources, k);
          const char *policy = r->logical_id ? g_hash_table_lookup (policies, r->logical_id) : NULL;

          if (r->physical_id == NULL || *r->physical_id == '\0'
              || (r->status != NULL && g_str_has_prefix (r->status, "DELETE_COMPLETE")))
            continue;
          if (g_strcmp0 (policy, "Retain") == 0)
            g_ptr_array_add (left, leftover_new (region, name, r,
                                                 _("kept by DeletionPolicy Retain: it holds data (delete it by hand "
                                                   "once it is no longer needed; a bucket must be emptied first)")));
          else if (g_strcmp0 (policy, "Snapshot") == 0)
            g_ptr_array_add (left, leftover_new (region, name, r,
                                                 _("deleted, but DeletionPolicy Snapshot kept a final snapshot of it "
                                                   "(billed as snapshot storage until you delete the snapshot)")));
        }
      for (guint k = 0; k < w.failures->len; k++)
        {
          NinesAwsStackEvent *e = g_ptr_array_index (w.failures, k);
          NinesAwsStackResource r = { e->logical_id, e->physical_id, e->resource_type, e->status, NULL, 0 };
          g_autofree char *why = g_strdup_printf (_("could not be deleted: %s"), e->status_reason);

          g_ptr_array_add (left, leftover_new (region, name, &r, why));
        }

      {
        g_autofree char *body = _nines_aws_provisioner_template (self, region, NULL);

        if (body != NULL && strlen (body) > NINES_AWS_CFN_INLINE_TEMPLATE_LIMIT && self->account != NULL)
          {
            NinesAwsStackResource b = { (char *) "", NULL, (char *) "AWS::S3::Bucket", NULL, NULL, 0 };
            g_autofree char *bucket = g_strdup_printf ("nines-templates-%s-%s", self->account, region);

            b.physical_id = bucket;
            g_ptr_array_add (left, leftover_new (region, name, &b,
                                                 _("made by Nines to hand CloudFormation templates over the "
                                                   "51,200-byte inline limit; no stack owns it")));
          }
      }
      if (g_str_equal (done->status, "DELETE_COMPLETE"))
        _nines_aws_provisioner_record (self, region, name, NULL);
      else
        {
          _nines_aws_provisioner_record (self, region, name, done);
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_SERVICE,
                       _("Stack %s (%s) was not deleted: %s%s%s. The stacks of the other regions were %s."),
                       name, region, done->status, done->status_reason ? " — " : "",
                       done->status_reason ? done->status_reason : "",
                       i == n ? _("not touched") : _("deleted before it"));
          if (leftovers != NULL)
            *leftovers = g_steal_pointer (&left);
          return FALSE;
        }
    }
  if (leftovers != NULL)
    *leftovers = g_steal_pointer (&left);
  return TRUE;
}
