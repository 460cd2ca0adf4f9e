/* nines-aws-invoke.h: one AWS call end to end — sign, send, retry, turn errors into GErrors */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include <gio/gio.h>

#include "nines-aws-credentials.h"
#include "nines-aws-request.h"
#include "nines-aws-response.h"
#include "nines-aws-retry.h"
#include "nines-aws-sigv4.h"
#include "nines-aws-transport.h"

G_BEGIN_DECLS

typedef struct
{
  NinesAwsTransport   *transport;
  NinesAwsRetry       *retry;        /* NULL: a single attempt */
  NinesAwsCredentials *credentials;
  const char          *region;
  const char          *signing_name; /* "sts", "cloudformation", "s3", "pricing" */
  NinesAwsSigv4Flags   flags;
  const char          *operation;    /* "cloudformation:CreateChangeSet", for messages */
  const char          *profile;      /* for messages; may be NULL */
} NinesAwsInvocation;

/* Signs @request afresh for every attempt (a copy: @request is left as it was), sends it,
 * and retries as the retry policy says, sleeping (cancellably) between attempts. Returns
 * the 2xx response; any other outcome is a GError whose message names the AWS error code,
 * AWS's message, the request id and what to do about it. Blocking. */
NinesAwsResponse *nines_aws_invoke              (const NinesAwsInvocation *invocation,
                                                 NinesAwsRequest          *request,
                                                 GCancellable             *cancellable,
                                                 GError                  **error);

/* Reads an AWS error body (Query/REST XML or JSON) into code, message and request id.
 * Each out-argument may be NULL. FALSE when the body holds no AWS error. */
gboolean          nines_aws_parse_error_body    (NinesAwsResponse         *response,
                                                 char                    **code,
                                                 char                    **message,
                                                 char                    **request_id);
/* The GError for a non-2xx response (what nines_aws_invoke() fails with). */
GError           *nines_aws_error_from_response (NinesAwsResponse         *response,
                                                 const char               *operation,
                                                 const char               *profile,
                                                 guint                     attempts);

G_END_DECLS
