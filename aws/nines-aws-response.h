/* nines-aws-response.h: what came back from an AWS endpoint (status, headers, body) */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define NINES_TYPE_AWS_RESPONSE (nines_aws_response_get_type ())

typedef struct _NinesAwsResponse NinesAwsResponse;

GType             nines_aws_response_get_type    (void) G_GNUC_CONST;
NinesAwsResponse *nines_aws_response_new         (guint             status);
NinesAwsResponse *nines_aws_response_ref         (NinesAwsResponse *self);
void              nines_aws_response_unref       (NinesAwsResponse *self);

guint             nines_aws_response_get_status  (NinesAwsResponse *self);
void              nines_aws_response_set_status  (NinesAwsResponse *self,
                                                  guint             status);
/* Header names are stored lower-case; a repeated header keeps its last value. */
void              nines_aws_response_add_header  (NinesAwsResponse *self,
                                                  const char       *name,
                                                  const char       *value);
const char       *nines_aws_response_get_header  (NinesAwsResponse *self,
                                                  const char       *name);
void              nines_aws_response_set_body    (NinesAwsResponse *self,
                                                  GBytes           *body);
/* (transfer none) never NULL */
GBytes           *nines_aws_response_get_body    (NinesAwsResponse *self);
/* x-amzn-RequestId, x-amz-request-id, or NULL */
const char       *nines_aws_response_get_request_id (NinesAwsResponse *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsResponse, nines_aws_response_unref)

G_END_DECLS
