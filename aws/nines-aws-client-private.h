/* nines-aws-client-private.h: what the per-service files share (private to libnines-aws) */
#pragma once

#include "nines-aws.h"
#include "nines-aws-query.h"
#include "nines-aws-xml.h"

G_BEGIN_DECLS

/* Gets credentials, signs, sends with retries; returns the 2xx response. @service_id
 * names the endpoint ("CloudFormation"), @signing_name the SigV4 service, @operation is
 * "service:Action" for messages. The request's endpoint must be set already. */
NinesAwsResponse *nines_aws_client_call        (NinesAwsClient      *self,
                                                const char          *signing_name,
                                                const char          *operation,
                                                NinesAwsRequest     *request,
                                                NinesAwsSigv4Flags   flags,
                                                GCancellable        *cancellable,
                                                GError             **error);
/* A Query-protocol call (POST form) whose XML answer is returned parsed */
NinesAwsXml      *nines_aws_client_query       (NinesAwsClient      *self,
                                                const char          *service_id,
                                                const char          *signing_name,
                                                const char          *action,
                                                const char          *version,
                                                GPtrArray           *params,
                                                GCancellable        *cancellable,
                                                GError             **error);

G_END_DECLS
