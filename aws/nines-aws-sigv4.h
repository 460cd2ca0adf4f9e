/* nines-aws-sigv4.h: AWS Signature Version 4, as a pure function of a request, a key and a
 * time (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html) */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include <glib.h>

#include "nines-aws-credentials.h"
#include "nines-aws-request.h"

G_BEGIN_DECLS

typedef enum
{
  NINES_AWS_SIGV4_DEFAULT               = 0,
  /* S3: the path is signed as sent: neither normalised nor encoded a second time */
  NINES_AWS_SIGV4_S3_PATH               = 1 << 0,
  /* sign "UNSIGNED-PAYLOAD" instead of the body's SHA-256 (S3 and presigned URLs) */
  NINES_AWS_SIGV4_UNSIGNED_PAYLOAD      = 1 << 1,
  /* add the x-amz-content-sha256 header S3 requires, and sign it */
  NINES_AWS_SIGV4_CONTENT_SHA256_HEADER = 1 << 2,
  /* add X-Amz-Security-Token after signing, for the services that want it unsigned */
  NINES_AWS_SIGV4_TOKEN_AFTER_SIGNING   = 1 << 3,
} NinesAwsSigv4Flags;

/* What the signer computed, for tests. Holds the signature: never log it. */
typedef struct
{
  char *canonical_request;
  char *string_to_sign;
  char *signed_headers;
  char *signature;
  char *authorization;   /* NULL when presigning */
} NinesAwsSigv4Trace;

void     nines_aws_sigv4_trace_clear (NinesAwsSigv4Trace  *trace);

/* Signs @request in place: sets Host (from the endpoint, when missing), X-Amz-Date,
 * X-Amz-Security-Token (when the credentials carry one), x-amz-content-sha256 (with
 * NINES_AWS_SIGV4_CONTENT_SHA256_HEADER) and Authorization. Every header on the request
 * is signed except Authorization, User-Agent, Expect and X-Amzn-Trace-Id, so add the
 * headers a transport adds by itself (User-Agent, Content-Length) only after signing.
 * If the request carries x-amz-content-sha256 already, that value is the payload hash.
 * @unix_time is the signing time in seconds (UTC). @trace may be NULL. */
gboolean nines_aws_sigv4_sign        (NinesAwsRequest     *request,
                                      NinesAwsCredentials *credentials,
                                      const char          *region,
                                      const char          *service,
                                      gint64               unix_time,
                                      NinesAwsSigv4Flags   flags,
                                      NinesAwsSigv4Trace  *trace,
                                      GError             **error);

/* Presigns @request: adds the X-Amz-* query parameters and X-Amz-Signature, so that the
 * URL alone (nines_aws_request_dup_url()) authorises the request for @expires seconds
 * (1 to 604800). */
gboolean nines_aws_sigv4_presign     (NinesAwsRequest     *request,
                                      NinesAwsCredentials *credentials,
                                      const char          *region,
                                      const char          *service,
                                      gint64               unix_time,
                                      guint                expires,
                                      NinesAwsSigv4Flags   flags,
                                      NinesAwsSigv4Trace  *trace,
                                      GError             **error);

/* The canonical URI of a wire path: normalised (dot segments and repeated slashes
 * removed) and encoded once more, or, with NINES_AWS_SIGV4_S3_PATH, as given. */
char    *nines_aws_sigv4_canonical_uri (const char         *path,
                                        NinesAwsSigv4Flags  flags);
/* Lower-case hex SHA-256 of @data */
char    *nines_aws_sha256_hex        (const void          *data,
                                      gsize                len);

G_END_DECLS
