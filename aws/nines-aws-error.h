/* nines-aws-error.h: the error domain of the AWS client library */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define NINES_AWS_ERROR (nines_aws_error_quark ())

typedef enum
{
  NINES_AWS_ERROR_TRANSPORT,         /* could not reach the endpoint, connection reset */
  NINES_AWS_ERROR_HTTP_STATUS,       /* an HTTP error without an AWS error body */
  NINES_AWS_ERROR_AUTH,              /* credentials missing, expired or refused */
  NINES_AWS_ERROR_THROTTLED,         /* still throttled after the retries */
  NINES_AWS_ERROR_INVALID_RESPONSE,  /* a body we could not understand */
  NINES_AWS_ERROR_SERVICE,           /* an AWS error response (code, message, request id) */
  NINES_AWS_ERROR_CONFIG,            /* bad ~/.aws/config or credentials file */
  NINES_AWS_ERROR_CANCELLED,         /* the GCancellable fired */
  NINES_AWS_ERROR_TIMEOUT,           /* connect or total timeout */
  NINES_AWS_ERROR_TLS,               /* the peer's certificate did not verify */
} NinesAwsError;

GQuark nines_aws_error_quark (void);

/* Errors made from an AWS error response have messages that start with "Code: ".
 * Returns that code ("AccessDenied", "Throttling"…) or NULL. */
char  *nines_aws_error_dup_code       (const GError *error);
/* The request id such errors end with ("… (request id X)"), for support cases, or NULL */
char  *nines_aws_error_dup_request_id (const GError *error);

G_END_DECLS
