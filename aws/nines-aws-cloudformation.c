/* CloudFormation calls (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/),
 * Query protocol, version 2010-05-15. */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-aws-cloudformation-private.h"

#define CFN_VERSION "2010-05-15"
#define MAX_PAGES   1000

static NinesAwsXml *
cfn (NinesAwsClient  *client,
     const char      *action,
     GPtrArray       *params,
     GCancellable    *cancellable,
     GError         **error)
{
  return nines_aws_client_query (client, "CloudFormation", "cloudformation", action, CFN_VERSION,
                                 params, cancellable, error);
}

static GPtrArray *
params_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static gboolean
check_name (const char  *what,
            const char  *value,
            GError     **error)
{
  if (value != NULL && *value != '\0')
    return TRUE;
  g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG, _("A %s is required"), what);
  return FALSE;
}

/* A result element, or an INVALID_RESPONSE error naming the action */
static NinesAwsXml *
result_of (NinesAwsXml  *root,
           const char   *action,
           GError      **error)
{
  g_autofree char *name = g_strconcat (action, "Result", NULL);
  NinesAwsXml *result = nines_aws_xml_child (root, name);

  if (result == NULL)
    g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                 _("cloudformation:%s answered without a %s element"), action, name);
  return result;
}

static gboolean
check_template (const char  *body,
                const char  *url,
                GError     **error)
{
  if ((body == NULL) == (url == NULL))
    {
      g_set_error_literal (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                           _("Give a template body or a template URL, not both or neither"));
      return FALSE;
    }
  return TRUE;
}

NinesAwsTemplateSummary *
nines_aws_cfn_validate_template (NinesAwsClient  *client,
                                 const char      *template_body,
                                 const char      *template_url,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_autoptr(GPtrArray) params = params_new ();
  g_autoptr(NinesAwsXml) root = NULL;
  NinesAwsXml *result;

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);
  if (!check_template (template_body, template_url, error))
    return NULL;
  if (template_body != NULL && strlen (template_body) > NINES_AWS_CFN_INLINE_TEMPLATE_LIMIT)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("The template is %zu bytes, over CloudFormation's %d-byte limit for inline "
                     "templates; upload it to S3 and validate its URL"),
                   strlen (template_body), NINES_AWS_CFN_INLINE_TEMPLATE_LIMIT);
      return NULL;
    }
  nines_aws_query_add (params, "TemplateBody", template_body);
  nines_aws_query_add (params, "TemplateURL", template_url);
  root = cfn (client, "ValidateTemplate", params, cancellable, error);
  if (root == NULL || (result = result_of (root, "ValidateTemplate", error)) == NULL)
    return NULL;
  return nines_aws_template_summary_from_xml (result);
}

static void
add_pairs (GPtrArray          *params,
           const char         *list,
           const char         *key_name,
           const char         *value_name,
           const char * const *pairs)
{
  /* Parameters.member.1.ParameterKey=…&Parameters.member.1.ParameterValue=… */
  for (guint i = 0; pairs != NULL && pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    {
      g_autofree char *k = g_strdup_printf ("%s.member.%u.%s", list, i / 2 + 1, key_name);
      g_autofree char *v = g_strdup_printf ("%s.member.%u.%s", list, i / 2 + 1, value_name);

      nines_aws_query_add (params, k, pairs[i]);
      nines_aws_query_add (params, v, pairs[i + 1]);
    }
}

NinesAwsChangeSetRef *
nines_aws_cfn_create_change_set (NinesAwsClient              *client,
                                 const NinesAwsChangeSetSpec *spec,
                                 GCancellable                *cancellable,
                                 GError                     **error)
{
  g_autoptr(GPtrArray) params = params_new ();
  g_autoptr(NinesAwsXml) root = NULL;
  g_autofree char *uploaded_url = NULL;
  const char *template_url;
  NinesAwsChangeSetRef *ref;
  NinesAwsXml *result;

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_name (_("stack name"), spec->stack_name, error)
      || !check_name (_("change set name"), spec->change_set_name, error)
      || !check_template (spec->template_body, spec->template_url, error))
    return NULL;
  template_url = spec->template_url;
  if (spec->template_body != NULL && strlen (spec->template_body) > NINES_AWS_CFN_INLINE_TEMPLATE_LIMIT)
    {
      gsize len = strlen (spec->template_body);
      g_autofree char *hash = NULL, *key = NULL, *etag = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (spec->template_bucket == NULL)
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                       _("The template of stack “%s” is %zu bytes, over CloudFormation's %d-byte "
                         "limit for inline templates; choose an S3 bucket to upload it to"),
                       spec->stack_name, len, NINES_AWS_CFN_INLINE_TEMPLATE_LIMIT);
          return NULL;
        }
      hash = nines_aws_sha256_hex (spec->template_body, len);
      key = g_strdup_printf ("nines-templates/%s/%s.json", spec->stack_name, hash);
      bytes = g_bytes_new (spec->template_body, len);
      etag = nines_aws_s3_put_object (client, spec->template_bucket, key, bytes, "application/json",
                                      cancellable, error);
      if (etag == NULL)
        return NULL;
      uploaded_url = nines_aws_s3_dup_object_url (client, spec->template_bucket, key, error);
      if (uploaded_url == NULL)
        return NULL;
      template_url = uploaded_url;
    }

  nines_aws_query_add (params, "StackName", spec->stack_name);
  nines_aws_query_add (params, "ChangeSetName", spec->change_set_name);
  nines_aws_query_add (params, "ChangeSetType", spec->change_set_type ? spec->change_set_type : "CREATE");
  nines_aws_query_add (params, "Description", spec->description);
  if (template_url != NULL)
    nines_aws_query_add (params, "TemplateURL", template_url);
  else
    nines_aws_query_add (params, "TemplateBody", spec->template_body);
  add_pairs (params, "Parameters", "ParameterKey", "ParameterValue", spec->parameters);
  for (guint i = 0; spec->capabilities != NULL && spec->capabilities[i] != NULL; i++)
    {
      g_autofree char *k = g_strdup_printf ("Capabilities.member.%u", i + 1);
      nines_aws_query_add (params, k, spec->capabilities[i]);
    }
  add_pairs (params, "Tags", "Key", "Value", spec->tags);

  root = cfn (client, "CreateChangeSet", params, cancellable, error);
  if (root == NULL || (result = result_of (root, "CreateChangeSet", error)) == NULL)
    return NULL;
  ref = g_new0 (NinesAwsChangeSetRef, 1);
  ref->change_set_id = g_strdup (nines_aws_xml_path_text (result, "Id"));
  ref->stack_id = g_strdup (nines_aws_xml_path_text (result, "StackId"));
  if (ref->change_set_id == NULL || *ref->change_set_id == '\0')
    {
      nines_aws_change_set_ref_free (ref);
      g_set_error_literal (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                           _("cloudformation:CreateChangeSet answered without the change set's Id"));
      return NULL;
    }
  return ref;
}

/* Repeats @action with NextToken until the last page; @page gets each result element. */
typedef gboolean (*PageFunc) (NinesAwsXml *result,
                              gpointer     user_data);

static gboolean
paginate (NinesAwsClient  *client,
          const char      *action,
          GPtrArray       *base_params,
          PageFunc         page,
          gpointer         user_data,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autofree char *token = NULL;

  for (guint n = 0; n < MAX_PAGES; n++)
    {
      g_autoptr(GPtrArray) params = params_new ();
      g_autoptr(NinesAwsXml) root = NULL;
      NinesAwsXml *result;
      const char *next;

      for (guint i = 0; i < base_params->len; i++)
        g_ptr_array_add (params, g_strdup (g_ptr_array_index (base_params, i)));
      nines_aws_query_add (params, "NextToken", token);
      root = cfn (client, action, params, cancellable, error);
      if (root == NULL || (result = result_of (root, action, error)) == NULL)
        return FALSE;
      if (!page (result, user_data))
        return TRUE;
      next = nines_aws_xml_path_text (result, "NextToken");
      if (next == NULL || *next == '\0')
        return TRUE;
      if (g_strcmp0 (next, token) == 0)
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                       _("cloudformation:%s returned the same NextToken twice"), action);
          return FALSE;
        }
      g_free (token);
      token = g_strdup (next);
    }
  g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
               _("cloudformation:%s still had more pages after %d"), action, MAX_PAGES);
  return FALSE;
}

typedef struct
{
  NinesAwsChangeSet *cs;
} ChangeSetPages;

static gboolean
change_set_page (NinesAwsXml *result,
                 gpointer     user_data)
{
  ChangeSetPages *p = user_data;

  if (p->cs == NULL)
    p->cs = nines_aws_change_set_from_xml (result);
  else
    nines_aws_change_set_add_changes (p->cs, result);
  return TRUE;
}

NinesAwsChangeSet *
nines_aws_cfn_describe_change_set (NinesAwsClient  *client,
                                   const char      *stack_name,
                                   const char      *change_set_name,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  g_autoptr(GPtrArray) params = params_new ();
  ChangeSetPages pages = { NULL };

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);
  if (!check_name (_("change set name"), change_set_name, error))
    return NULL;
  nines_aws_query_add (params, "ChangeSetName", change_set_name);
  nines_aws_query_add (params, "StackName", stack_name);
  if (!paginate (client, "DescribeChangeSet", params, change_set_page, &pages, cancellable, error))
    {
      nines_aws_change_set_free (pages.cs);
      return NULL;
    }
  return pages.cs;
}

static gboolean
simple_call (NinesAwsClient  *client,
             const char      *action,
             const char      *stack_name,
             const char      *change_set_name,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr(GPtrArray) params = params_new ();
  g_autoptr(NinesAwsXml) root = NULL;

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), FALSE);
  /* a change set given by ARN names its stack itself */
  if (!(change_set_name != NULL && g_str_has_prefix (change_set_name, "arn:"))
      && !check_name (_("stack name"), stack_name, error))
    return FALSE;
  if (change_set_name != NULL)
    nines_aws_query_add (params, "ChangeSetName", change_set_name);
  nines_aws_query_add (params, "StackName", stack_name);
  root = cfn (client, action, params, cancellable, error);
  return root != NULL;
}

gboolean
nines_aws_cfn_execute_change_set (NinesAwsClient  *client,
                                  const char      *stack_name,
                                  const char      *change_set_name,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  if (!check_name (_("change set name"), change_set_name, error))
    return FALSE;
  return simple_call (client, "ExecuteChangeSet", stack_name, change_set_name, cancellable, error);
}

gboolean
nines_aws_cfn_delete_change_set (NinesAwsClient  *client,
                                 const char      *stack_name,
                                 const char      *change_set_name,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  if (!check_name (_("change set name"), change_set_name, error))
    return FALSE;
  return simple_call (client, "DeleteChangeSet", stack_name, change_set_name, cancellable, error);
}

gboolean
nines_aws_cfn_delete_stack (NinesAwsClient  *client,
                            const char      *stack_name,
                            GCancellable    *cancellable,
                            GError         **error)
{
  return simple_call (client, "DeleteStack", stack_name, NULL, cancellable, error);
}

typedef struct
{
  GPtrArray *items;
  const char *list;
  gpointer (*from_xml) (NinesAwsXml *);
  const char *stop_at;   /* an EventId */
} ListPages;

static gboolean
list_page (NinesAwsXml *result,
           gpointer     user_data)
{
  ListPages *p = user_data;
  NinesAwsXml *list = nines_aws_xml_child (result, p->list);

  for (guint i = 0; list != NULL && i < list->children->len; i++)
    {
      NinesAwsXml *m = g_ptr_array_index (list->children, i);

      if (p->stop_at != NULL && g_strcmp0 (nines_aws_xml_path_text (m, "EventId"), p->stop_at) == 0)
        return FALSE;
      g_ptr_array_add (p->items, p->from_xml (m));
    }
  return TRUE;
}

static GPtrArray *
list_call (NinesAwsClient  *client,
           const char      *action,
           const char      *stack_name,
           const char      *list,
           gpointer       (*from_xml) (NinesAwsXml *),
           GDestroyNotify   item_free,
           const char      *stop_at,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(GPtrArray) params = params_new ();
  ListPages pages = { g_ptr_array_new_with_free_func (item_free), list, from_xml, stop_at };

  nines_aws_query_add (params, "StackName", stack_name);
  if (!paginate (client, action, params, list_page, &pages, cancellable, error))
    {
      g_ptr_array_unref (pages.items);
      return NULL;
    }
  return pages.items;
}

GPtrArray *
nines_aws_cfn_describe_stacks (NinesAwsClient  *client,
                               const char      *stack_name,
                               GCancellable    *cancellable,
                               GError         **error)
{
  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);
  return list_call (client, "DescribeStacks", stack_name, "Stacks",
                    (gpointer (*) (NinesAwsXml *)) nines_aws_stack_from_xml,
                    (GDestroyNotify) nines_aws_stack_free, NULL, cancellable, error);
}

GPtrArray *
nines_aws_cfn_describe_stack_events (NinesAwsClient  *client,
                                     const char      *stack_name,
                                     const char      *stop_at_event_id,
                                     GCancellable    *cancellable,
                                     GError         **error)
{
  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);
  if (!check_name (_("stack name"), stack_name, error))
    return NULL;
  return list_call (client, "DescribeStackEvents", stack_name, "StackEvents",
                    (gpointer (*) (NinesAwsXml *)) nines_aws_stack_event_from_xml,
                    (GDestroyNotify) nines_aws_stack_event_free, stop_at_event_id, cancellable, error);
}

GPtrArray *
nines_aws_cfn_list_stack_resources (NinesAwsClient  *client,
                                    const char      *stack_name,
                                    GCancellable    *cancellable,
                                    GError         **error)
{
  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);
  if (!check_name (_("stack name"), stack_name, error))
    return NULL;
  return list_call (client, "ListStackResources", stack_name, "StackResourceSummaries",
                    (gpointer (*) (NinesAwsXml *)) nines_aws_stack_resource_from_xml,
                    (GDestroyNotify) nines_aws_stack_resource_free, NULL, cancellable, error);
}

static gboolean
wait_step (GCancellable  *cancellable,
           guint          poll_ms,
           gint64         deadline,
           const char    *what,
           GError       **error)
{
  if (g_get_monotonic_time () + (gint64) poll_ms * 1000 > deadline)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_TIMEOUT, _("Gave up waiting for %s"), what);
      return FALSE;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CANCELLED, _("Stopped waiting for %s"), what);
      return FALSE;
    }
  g_usleep ((gulong) poll_ms * 1000);
  return TRUE;
}

NinesAwsChangeSet *
nines_aws_cfn_wait_change_set (NinesAwsClient  *client,
                               const char      *stack_name,
                               const char      *change_set_name,
                               guint            poll_ms,
                               guint            timeout_ms,
                               GCancellable    *cancellable,
                               GError         **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  g_autofree char *what = g_strdup_printf (_("change set “%s”"), change_set_name);

  for (;;)
    {
      g_autoptr(NinesAwsChangeSet) cs = nines_aws_cfn_describe_change_set (client, stack_name, change_set_name,
                                                                           cancellable, error);
      if (cs == NULL)
        return NULL;
      if (g_strcmp0 (cs->status, "CREATE_COMPLETE") == 0)
        return g_steal_pointer (&cs);
      if (g_strcmp0 (cs->status, "FAILED") == 0)
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_SERVICE,
                       _("Change set “%s” of stack “%s” failed: %s"), change_set_name,
                       stack_name ? stack_name : "", cs->status_reason ? cs->status_reason : _("no reason given"));
          return NULL;
        }
      if (!wait_step (cancellable, poll_ms, deadline, what, error))
        return NULL;
    }
}

NinesAwsStack *
nines_aws_cfn_wait_stack (NinesAwsClient  *client,
                          const char      *stack_name,
                          guint            poll_ms,
                          guint            timeout_ms,
                          GCancellable    *cancellable,
                          GError         **error)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  g_autofree char *what = g_strdup_printf (_("stack “%s”"), stack_name);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GPtrArray) stacks = nines_aws_cfn_describe_stacks (client, stack_name, cancellable, &local_error);

      if (stacks == NULL)
        {
          g_autofree char *code = nines_aws_error_dup_code (local_error);

          /* a deleted stack (by name) is gone: "Stack with id X does not exist" */
          if (g_strcmp0 (code, "ValidationError") == 0 && strstr (local_error->message, "does not exist"))
            {
              NinesAwsStack *gone = g_new0 (NinesAwsStack, 1);

              gone->stack_name = g_strdup (stack_name);
              gone->status = g_strdup ("DELETE_COMPLETE");
              gone->outputs = g_ptr_array_new ();
              gone->parameters = g_ptr_array_new ();
              return gone;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (stacks->len > 0)
        {
          NinesAwsStack *s = g_ptr_array_index (stacks, 0);

          if (nines_aws_stack_status_is_final (s->status))
            return g_ptr_array_steal_index (stacks, 0);
        }
      if (!wait_step (cancellable, poll_ms, deadline, what, error))
        return NULL;
    }
}
