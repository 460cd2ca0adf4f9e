/* nines-aws-transport.h: sends one HTTP request and returns the response, whatever its
 * status; tests put a fake behind this seam */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include <gio/gio.h>

#include "nines-aws-request.h"
#include "nines-aws-response.h"

G_BEGIN_DECLS

#define NINES_TYPE_AWS_TRANSPORT (nines_aws_transport_get_type ())
G_DECLARE_INTERFACE (NinesAwsTransport, nines_aws_transport, NINES, AWS_TRANSPORT, GObject)

struct _NinesAwsTransportInterface
{
  GTypeInterface parent_iface;

  /* Blocking; must be safe to call from several threads at once. Returns a response for
   * any HTTP status; fails only when no complete response arrived, with
   * NINES_AWS_ERROR_TRANSPORT, _TIMEOUT, _TLS or _CANCELLED. */
  NinesAwsResponse *(*send) (NinesAwsTransport *self,
                             NinesAwsRequest   *request,
                             GCancellable      *cancellable,
                             GError           **error);
};

/* Blocks: call it from a worker thread (or a CLI). */
NinesAwsResponse *nines_aws_transport_send        (NinesAwsTransport    *self,
                                                   NinesAwsRequest      *request,
                                                   GCancellable         *cancellable,
                                                   GError              **error);
/* Runs send() in a GTask worker thread; @callback runs in the caller's main context. */
void              nines_aws_transport_send_async  (NinesAwsTransport    *self,
                                                   NinesAwsRequest      *request,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
NinesAwsResponse *nines_aws_transport_send_finish (NinesAwsTransport    *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
