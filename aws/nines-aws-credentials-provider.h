/* nines-aws-credentials-provider.h: finds credentials the way the AWS CLI does, and keeps
 * temporary ones until shortly before they expire */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include "nines-aws-config.h"
#include "nines-aws-credentials.h"
#include "nines-aws-retry.h"
#include "nines-aws-transport.h"

G_BEGIN_DECLS

#define NINES_TYPE_AWS_CREDENTIALS_PROVIDER (nines_aws_credentials_provider_get_type ())
G_DECLARE_FINAL_TYPE (NinesAwsCredentialsProvider, nines_aws_credentials_provider,
                      NINES, AWS_CREDENTIALS_PROVIDER, GObject)

typedef gint64 (*NinesAwsClockFunc) (gpointer user_data);

/* @transport and @retry serve sts:AssumeRole for profiles with role_arn. */
NinesAwsCredentialsProvider *nines_aws_credentials_provider_new       (NinesAwsConfig              *config,
                                                                       NinesAwsTransport           *transport,
                                                                       NinesAwsRetry               *retry);
/* The chain, in botocore's order (what `aws` itself uses):
 *  1. AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN) — skipped when the
 *     profile was chosen explicitly (--profile), as in the AWS CLI;
 *  2. role_arn in the profile: sts:AssumeRole with the credentials of source_profile
 *     (itself resolved by this list, chains allowed, loops refused) or of
 *     credential_source = Environment;
 *  3. aws_access_key_id/aws_secret_access_key (+ aws_session_token) in the credentials file;
 *  4. credential_process in the profile;
 *  5. aws_access_key_id/aws_secret_access_key in the config file.
 * Blocking (AssumeRole and credential_process run here). Results that expire are cached
 * until 10 minutes before expiry; others for the provider's lifetime. Thread-safe. */
NinesAwsCredentials         *nines_aws_credentials_provider_get       (NinesAwsCredentialsProvider *self,
                                                                       GCancellable                *cancellable,
                                                                       GError                     **error);
void                         nines_aws_credentials_provider_invalidate (NinesAwsCredentialsProvider *self);
NinesAwsConfig              *nines_aws_credentials_provider_get_config (NinesAwsCredentialsProvider *self);
/* Tests: replace the clock (Unix seconds) used to decide expiry. */
void                         nines_aws_credentials_provider_set_clock  (NinesAwsCredentialsProvider *self,
                                                                        NinesAwsClockFunc            clock,
                                                                        gpointer                     user_data);

G_END_DECLS
