/* nines-aws-cloudformation.h: CloudFormation over the Query protocol (API 2010-05-15).
 * Each call blocks (use it from a worker thread or the CLI) and has an _async/_finish
 * pair that runs it in a GTask thread. Lists follow NextToken through every page. */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include "nines-aws-client.h"
#include "nines-aws-cloudformation-types.h"

G_BEGIN_DECLS

/* CloudFormation's limit for TemplateBody; larger templates go through S3 */
#define NINES_AWS_CFN_INLINE_TEMPLATE_LIMIT 51200

typedef struct
{
  const char         *stack_name;
  const char         *change_set_name;
  const char         *change_set_type;    /* "CREATE" (new stack) or "UPDATE" */
  const char         *template_body;      /* or */
  const char         *template_url;
  /* where a template_body over the inline limit is uploaded first; without it such a
   * template is refused */
  const char         *template_bucket;
  const char * const *parameters;         /* key, value, key, value…, NULL */
  const char * const *capabilities;       /* "CAPABILITY_IAM"…, NULL */
  const char * const *tags;               /* key, value…, NULL */
  const char         *description;
} NinesAwsChangeSetSpec;

NinesAwsTemplateSummary *nines_aws_cfn_validate_template     (NinesAwsClient              *client,
                                                              const char                  *template_body,
                                                              const char                  *template_url,
                                                              GCancellable                *cancellable,
                                                              GError                     **error);
NinesAwsChangeSetRef    *nines_aws_cfn_create_change_set     (NinesAwsClient              *client,
                                                              const NinesAwsChangeSetSpec *spec,
                                                              GCancellable                *cancellable,
                                                              GError                     **error);
NinesAwsChangeSet       *nines_aws_cfn_describe_change_set   (NinesAwsClient              *client,
                                                              const char                  *stack_name,
                                                              const char                  *change_set_name,
                                                              GCancellable                *cancellable,
                                                              GError                     **error);
/* Execute and delete take the change set's name with its stack's, or its ARN alone
 * (@stack_name NULL). */
gboolean                 nines_aws_cfn_execute_change_set    (NinesAwsClient              *client,
                                                              const char                  *stack_name,
                                                              const char                  *change_set_name,
                                                              GCancellable                *cancellable,
                                                              GError                     **error);
gboolean                 nines_aws_cfn_delete_change_set     (NinesAwsClient              *client,
                                                              const char                  *stack_name,
                                                              const char                  *change_set_name,
                                                              GCancellable                *cancellable,
                                                              GError                     **error);
/* @stack_name NULL: every stack of the account in the region. (element-type NinesAwsStack) */
GPtrArray               *nines_aws_cfn_describe_stacks       (NinesAwsClient              *client,
                                                              const char                  *stack_name,
                                                              GCancellable                *cancellable,
                                                              GError                     **error);
/* Newest first, as AWS lists them. With @stop_at_event_id, stops before that event (the
 * newest one seen last time), so polling only fetches what is new. (element-type
 * NinesAwsStackEvent) */
GPtrArray               *nines_aws_cfn_describe_stack_events (NinesAwsClient              *client,
                                                              const char                  *stack_name,
                                                              const char                  *stop_at_event_id,
                                                              GCancellable                *cancellable,
                                                              GError                     **error);
/* (element-type NinesAwsStackResource) */
GPtrArray               *nines_aws_cfn_list_stack_resources  (NinesAwsClient              *client,
                                                              const char                  *stack_name,
                                                              GCancellable                *cancellable,
                                                              GError                     **error);
gboolean                 nines_aws_cfn_delete_stack          (NinesAwsClient              *client,
                                                              const char                  *stack_name,
                                                              GCancellable                *cancellable,
                                                              GError                     **error);

/* Polls DescribeChangeSet every @poll_ms until it is CREATE_COMPLETE (returned) or FAILED
 * (an error quoting its StatusReason), or @timeout_ms passes. */
NinesAwsChangeSet       *nines_aws_cfn_wait_change_set       (NinesAwsClient              *client,
                                                              const char                  *stack_name,
                                                              const char                  *change_set_name,
                                                              guint                        poll_ms,
                                                              guint                        timeout_ms,
                                                              GCancellable                *cancellable,
                                                              GError                     **error);
/* Polls DescribeStacks until the stack's status is no longer *_IN_PROGRESS; returns it.
 * A stack that disappears while deleting comes back as DELETE_COMPLETE. */
NinesAwsStack           *nines_aws_cfn_wait_stack            (NinesAwsClient              *client,
                                                              const char                  *stack_name,
                                                              guint                        poll_ms,
                                                              guint                        timeout_ms,
                                                              GCancellable                *cancellable,
                                                              GError                     **error);

/* Async forms; each _finish returns what the blocking call returns. */
void nines_aws_cfn_validate_template_async     (NinesAwsClient *client, const char *template_body,
                                                const char *template_url, GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data);
NinesAwsTemplateSummary *nines_aws_cfn_validate_template_finish (NinesAwsClient *client, GAsyncResult *result,
                                                                 GError **error);
/* @spec is copied */
void nines_aws_cfn_create_change_set_async     (NinesAwsClient *client, const NinesAwsChangeSetSpec *spec,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
NinesAwsChangeSetRef *nines_aws_cfn_create_change_set_finish (NinesAwsClient *client, GAsyncResult *result,
                                                              GError **error);
void nines_aws_cfn_describe_change_set_async   (NinesAwsClient *client, const char *stack_name,
                                                const char *change_set_name, GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data);
NinesAwsChangeSet *nines_aws_cfn_describe_change_set_finish (NinesAwsClient *client, GAsyncResult *result,
                                                             GError **error);
void nines_aws_cfn_execute_change_set_async    (NinesAwsClient *client, const char *stack_name,
                                                const char *change_set_name, GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data);
gboolean nines_aws_cfn_execute_change_set_finish (NinesAwsClient *client, GAsyncResult *result, GError **error);
void nines_aws_cfn_delete_change_set_async     (NinesAwsClient *client, const char *stack_name,
                                                const char *change_set_name, GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data);
gboolean nines_aws_cfn_delete_change_set_finish (NinesAwsClient *client, GAsyncResult *result, GError **error);
void nines_aws_cfn_describe_stacks_async       (NinesAwsClient *client, const char *stack_name,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
GPtrArray *nines_aws_cfn_describe_stacks_finish (NinesAwsClient *client, GAsyncResult *result, GError **error);
void nines_aws_cfn_describe_stack_events_async (NinesAwsClient *client, const char *stack_name,
                                                const char *stop_at_event_id, GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data);
GPtrArray *nines_aws_cfn_describe_stack_events_finish (NinesAwsClient *client, GAsyncResult *result,
                                                       GError **error);
void nines_aws_cfn_list_stack_resources_async  (NinesAwsClient *client, const char *stack_name,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
GPtrArray *nines_aws_cfn_list_stack_resources_finish (NinesAwsClient *client, GAsyncResult *result,
                                                      GError **error);
void nines_aws_cfn_delete_stack_async          (NinesAwsClient *client, const char *stack_name,
                                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                                gpointer user_data);
gboolean nines_aws_cfn_delete_stack_finish     (NinesAwsClient *client, GAsyncResult *result, GError **error);

G_END_DECLS
