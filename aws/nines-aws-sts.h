/* nines-aws-sts.h: AWS STS over the Query protocol (API version 2011-06-15) */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include "nines-aws-invoke.h"

G_BEGIN_DECLS

typedef struct
{
  char *account;
  char *arn;
  char *user_id;
} NinesAwsCallerIdentity;

void                    nines_aws_caller_identity_free (NinesAwsCallerIdentity *identity);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsCallerIdentity, nines_aws_caller_identity_free)

/* These take an invocation whose credentials, region and transport are set; they fill
 * in the signing name and operation themselves. @endpoint: "https://sts.REGION.amazonaws.com"
 * or a configured one. Blocking. */
NinesAwsCallerIdentity *nines_aws_sts_get_caller_identity (const NinesAwsInvocation *invocation,
                                                           const char               *endpoint,
                                                           GCancellable             *cancellable,
                                                           GError                  **error);
/* @duration_seconds 0: STS's default (3600). @external_id may be NULL. The result's
 * source says which role it is. */
NinesAwsCredentials    *nines_aws_sts_assume_role         (const NinesAwsInvocation *invocation,
                                                           const char               *endpoint,
                                                           const char               *role_arn,
                                                           const char               *session_name,
                                                           const char               *external_id,
                                                           guint                     duration_seconds,
                                                           GCancellable             *cancellable,
                                                           GError                  **error);

G_END_DECLS
