/* The _async/_finish forms of the CloudFormation calls: each runs the blocking call in a
 * GTask worker thread (nines_aws_client_run_async) on copies of its arguments. */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include "nines-aws-cloudformation-private.h"

typedef struct
{
  char *a;
  char *b;
  /* CreateChangeSet */
  NinesAwsChangeSetSpec spec;
  char **strings;   /* owns what spec points at */
  char **parameters;
  char **capabilities;
  char **tags;
} Args;

static void
args_free (gpointer data)
{
  Args *args = data;

  g_free (args->a);
  g_free (args->b);
  g_strfreev (args->strings);
  g_strfreev (args->parameters);
  g_strfreev (args->capabilities);
  g_strfreev (args->tags);
  g_free (args);
}

static Args *
args_new (const char *a,
          const char *b)
{
  Args *args = g_new0 (Args, 1);

  args->a = g_strdup (a);
  args->b = g_strdup (b);
  return args;
}

static void
ptr_array_unref0 (gpointer p)
{
  if (p != NULL)
    g_ptr_array_unref (p);
}

#define GBOOLEAN_RESULT(call) (call ? GINT_TO_POINTER (TRUE) : NULL)

/* ValidateTemplate */
static gpointer
validate_func (NinesAwsClient *c, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  return nines_aws_cfn_validate_template (c, args->a, args->b, cancellable, error);
}

void
nines_aws_cfn_validate_template_async (NinesAwsClient *client, const char *template_body,
                                       const char *template_url, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data)
{
  nines_aws_client_run_async (client, validate_func, args_new (template_body, template_url), args_free,
                              (GDestroyNotify) nines_aws_template_summary_free,
                              nines_aws_cfn_validate_template_async, cancellable, callback, user_data);
}

NinesAwsTemplateSummary *
nines_aws_cfn_validate_template_finish (NinesAwsClient *client, GAsyncResult *result, GError **error)
{
  return nines_aws_client_run_finish (client, result, nines_aws_cfn_validate_template_async, error);
}

/* CreateChangeSet */
static gpointer
create_func (NinesAwsClient *c, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  return nines_aws_cfn_create_change_set (c, &args->spec, cancellable, error);
}

void
nines_aws_cfn_create_change_set_async (NinesAwsClient *client, const NinesAwsChangeSetSpec *spec,
                                       GCancellable *cancellable, GAsyncReadyCallback callback,
                                       gpointer user_data)
{
  Args *args = g_new0 (Args, 1);
  const char *strings[] = {
    spec->stack_name, spec->change_set_name, spec->change_set_type, spec->template_body,
    spec->template_url, spec->template_bucket, spec->description,
  };
  const char **slots[] = {
    &args->spec.stack_name, &args->spec.change_set_name, &args->spec.change_set_type,
    &args->spec.template_body, &args->spec.template_url, &args->spec.template_bucket,
    &args->spec.description,
  };

  args->strings = g_new0 (char *, G_N_ELEMENTS (strings) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      /* keep NULLs NULL: the strv is only for ownership */
      args->strings[i] = strings[i] ? g_strdup (strings[i]) : g_strdup ("");
      *slots[i] = strings[i] ? args->strings[i] : NULL;
    }
  args->parameters = g_strdupv ((char **) spec->parameters);
  args->capabilities = g_strdupv ((char **) spec->capabilities);
  args->tags = g_strdupv ((char **) spec->tags);
  args->spec.parameters = (const char * const *) args->parameters;
  args->spec.capabilities = (const char * const *) args->capabilities;
  args->spec.tags = (const char * const *) args->tags;
  nines_aws_client_run_async (client, create_func, args, args_free,
                              (GDestroyNotify) nines_aws_change_set_ref_free,
                              nines_aws_cfn_create_change_set_async, cancellable, callback, user_data);
}

NinesAwsChangeSetRef *
nines_aws_cfn_create_change_set_finish (NinesAwsClient *client, GAsyncResult *result, GError **error)
{
  return nines_aws_client_run_finish (client, result, nines_aws_cfn_create_change_set_async, error);
}

/* DescribeChangeSet */
static gpointer
describe_cs_func (NinesAwsClient *c, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  return nines_aws_cfn_describe_change_set (c, args->a, args->b, cancellable, error);
}

void
nines_aws_cfn_describe_change_set_async (NinesAwsClient *client, const char *stack_name,
                                         const char *change_set_name, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data)
{
  nines_aws_client_run_async (client, describe_cs_func, args_new (stack_name, change_set_name), args_free,
                              (GDestroyNotify) nines_aws_change_set_free,
                              nines_aws_cfn_describe_change_set_async, cancellable, callback, user_data);
}

NinesAwsChangeSet *
nines_aws_cfn_describe_change_set_finish (NinesAwsClient *client, GAsyncResult *result, GError **error)
{
  return nines_aws_client_run_finish (client, result, nines_aws_cfn_describe_change_set_async, error);
}

/* ExecuteChangeSet */
static gpointer
execute_func (NinesAwsClient *c, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  return GBOOLEAN_RESULT (nines_aws_cfn_execute_change_set (c, args->a, args->b, cancellable, error));
}

void
nines_aws_cfn_execute_change_set_async (NinesAwsClient *client, const char *stack_name,
                                        const char *change_set_name, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data)
{
  nines_aws_client_run_async (client, execute_func, args_new (stack_name, change_set_name), args_free, NULL,
                              nines_aws_cfn_execute_change_set_async, cancellable, callback, user_data);
}

gboolean
nines_aws_cfn_execute_change_set_finish (NinesAwsClient *client, GAsyncResult *result, GError **error)
{
  return nines_aws_client_run_finish (client, result, nines_aws_cfn_execute_change_set_async, error) != NULL;
}

/* DeleteChangeSet */
static gpointer
delete_cs_func (NinesAwsClient *c, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  return GBOOLEAN_RESULT (nines_aws_cfn_delete_change_set (c, args->a, args->b, cancellable, error));
}

void
nines_aws_cfn_delete_change_set_async (NinesAwsClient *client, const char *stack_name,
                                       const char *change_set_name, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data)
{
  nines_aws_client_run_async (client, delete_cs_func, args_new (stack_name, change_set_name), args_free, NULL,
                              nines_aws_cfn_delete_change_set_async, cancellable, callback, user_data);
}

gboolean
nines_aws_cfn_delete_change_set_finish (NinesAwsClient *client, GAsyncResult *result, GError **error)
{
  return nines_aws_client_run_finish (client, result, nines_aws_cfn_delete_change_set_async, error) != NULL;
}

/* DescribeStacks */
static gpointer
describe_stacks_func (NinesAwsClient *c, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  return nines_aws_cfn_describe_stacks (c, args->a, cancellable, error);
}

void
nines_aws_cfn_describe_stacks_async (NinesAwsClient *client, const char *stack_name,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data)
{
  nines_aws_client_run_async (client, describe_stacks_func, args_new (stack_name, NULL), args_free,
                              ptr_array_unref0, nines_aws_cfn_describe_stacks_async, cancellable,
                              callback, user_data);
}

GPtrArray *
nines_aws_cfn_describe_stacks_finish (NinesAwsClient *client, GAsyncResult *result, GError **error)
{
  return nines_aws_client_run_finish (client, result, nines_aws_cfn_describe_stacks_async, error);
}

/* DescribeStackEvents */
static gpointer
events_func (NinesAwsClient *c, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  return nines_aws_cfn_describe_stack_events (c, args->a, args->b, cancellable, error);
}

void
nines_aws_cfn_describe_stack_events_async (NinesAwsClient *client, const char *stack_name,
                                           const char *stop_at_event_id, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data)
{
  nines_aws_client_run_async (client, events_func, args_new (stack_name, stop_at_event_id), args_free,
                              ptr_array_unref0, nines_aws_cfn_describe_stack_events_async, cancellable,
                              callback, user_data);
}

GPtrArray *
nines_aws_cfn_describe_stack_events_finish (NinesAwsClient *client, GAsyncResult *result, GError **error)
{
  return nines_aws_client_run_finish (client, result, nines_aws_cfn_describe_stack_events_async, error);
}

/* ListStackResources */
static gpointer
resources_func (NinesAwsClient *c, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  return nines_aws_cfn_list_stack_resources (c, args->a, cancellable, error);
}

void
nines_aws_cfn_list_stack_resources_async (NinesAwsClient *client, const char *stack_name,
                                          GCancellable *cancellable, GAsyncReadyCallback callback,
                                          gpointer user_data)
{
  nines_aws_client_run_async (client, resources_func, args_new (stack_name, NULL), args_free,
                              ptr_array_unref0, nines_aws_cfn_list_stack_resources_async, cancellable,
                              callback, user_data);
}

GPtrArray *
nines_aws_cfn_list_stack_resources_finish (NinesAwsClient *client, GAsyncResult *result, GError **error)
{
  return nines_aws_client_run_finish (client, result, nines_aws_cfn_list_stack_resources_async, error);
}

/* DeleteStack */
static gpointer
delete_stack_func (NinesAwsClient *c, gpointer data, GCancellable *cancellable, GError **error)
{
  Args *args = data;
  return GBOOLEAN_RESULT (nines_aws_cfn_delete_stack (c, args->a, cancellable, error));
}

void
nines_aws_cfn_delete_stack_async (NinesAwsClient *client, const char *stack_name,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  nines_aws_client_run_async (client, delete_stack_func, args_new (stack_name, NULL), args_free, NULL,
                              nines_aws_cfn_delete_stack_async, cancellable, callback, user_data);
}

gboolean
nines_aws_cfn_delete_stack_finish (NinesAwsClient *client, GAsyncResult *result, GError **error)
{
  return nines_aws_client_run_finish (client, result, nines_aws_cfn_delete_stack_async, error) != NULL;
}
