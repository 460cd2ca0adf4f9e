/* nines-aws-query.h: requests in the AWS Query protocol (STS, CloudFormation): a form
 * POST of Action, Version and flattened parameters (private to libnines-aws) */
#pragma once

#if !defined (NINES_AWS_COMPILATION)
# error "nines-aws-query.h is private to libnines-aws."
#endif

#include "nines-aws.h"

G_BEGIN_DECLS

/* Builds POST / with a form body "Action=…&Version=…&k=v…" from @params, a GPtrArray of
 * strings alternating key and value. */
NinesAwsRequest *nines_aws_query_request_new (const char *endpoint,
                                              const char *action,
                                              const char *version,
                                              GPtrArray  *params);
/* Appends key and value (copied) to @params; a NULL value adds nothing. */
void             nines_aws_query_add         (GPtrArray  *params,
                                              const char *key,
                                              const char *value);
void             nines_aws_query_add_printf  (GPtrArray  *params,
                                              const char *key,
                                              const char *format,
                                              ...) G_GNUC_PRINTF (3, 4);
/* ISO 8601 → Unix seconds (0 when absent or malformed) */
gint64           nines_aws_parse_timestamp   (const char *iso8601);

G_END_DECLS
