/* nines-aws-curl-transport.h: NinesAwsTransport over libcurl (TLS always verified) */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include "nines-aws-transport.h"

G_BEGIN_DECLS

#define NINES_TYPE_AWS_CURL_TRANSPORT (nines_aws_curl_transport_get_type ())
G_DECLARE_FINAL_TYPE (NinesAwsCurlTransport, nines_aws_curl_transport, NINES, AWS_CURL_TRANSPORT, GObject)

/* Defaults: connect timeout 10 s, total timeout 120 s. */
NinesAwsTransport *nines_aws_curl_transport_new                (void);
void               nines_aws_curl_transport_set_timeouts       (NinesAwsCurlTransport *self,
                                                                guint                  connect_timeout_ms,
                                                                guint                  total_timeout_ms);
/* A PEM bundle to trust instead of the system's (tests with a local TLS server).
 * Verification itself can never be turned off. */
void               nines_aws_curl_transport_set_ca_file        (NinesAwsCurlTransport *self,
                                                                const char            *path);

G_END_DECLS
