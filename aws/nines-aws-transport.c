#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-aws.h"

G_DEFINE_INTERFACE (NinesAwsTransport, nines_aws_transport, G_TYPE_OBJECT)

static void
nines_aws_transport_default_init (NinesAwsTransportInterface *iface)
{
}

NinesAwsResponse *
nines_aws_transport_send (NinesAwsTransport *self,
                          NinesAwsRequest   *request,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_return_val_if_fail (NINES_IS_AWS_TRANSPORT (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error_literal (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CANCELLED,
                           _("The request was cancelled before it was sent"));
      return NULL;
    }
  return NINES_AWS_TRANSPORT_GET_IFACE (self)->send (self, request, cancellable, error);
}

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  NinesAwsResponse *response = nines_aws_transport_send (source_object, task_data, cancellable, &error);

  if (response == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, response, (GDestroyNotify) nines_aws_response_unref);
}

void
nines_aws_transport_send_async (NinesAwsTransport   *self,
                                NinesAwsRequest     *request,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NINES_IS_AWS_TRANSPORT (self));
  g_return_if_fail (request != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, nines_aws_transport_send_async);
  g_task_set_task_data (task, nines_aws_request_copy (request), (GDestroyNotify) nines_aws_request_unref);
  g_task_run_in_thread (task, send_thread);
}

NinesAwsResponse *
nines_aws_transport_send_finish (NinesAwsTransport  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (NINES_IS_AWS_TRANSPORT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
