/* nines-aws-client.h: one AWS account and region as the app sees it — configuration,
 * credentials, transport and retry state shared by the service calls */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include "nines-aws-config.h"
#include "nines-aws-credentials-provider.h"
#include "nines-aws-retry.h"
#include "nines-aws-sts.h"
#include "nines-aws-transport.h"

G_BEGIN_DECLS

#define NINES_TYPE_AWS_CLIENT (nines_aws_client_get_type ())
G_DECLARE_FINAL_TYPE (NinesAwsClient, nines_aws_client, NINES, AWS_CLIENT, GObject)

/* @region NULL: the configured one (AWS_REGION, AWS_DEFAULT_REGION, the profile's).
 * @transport NULL: a libcurl transport. The retry mode is "standard" with AWS_MAX_ATTEMPTS
 * or the profile's max_attempts (1 to 20) when set, 3 attempts otherwise. */
NinesAwsClient              *nines_aws_client_new             (NinesAwsConfig    *config,
                                                               NinesAwsTransport *transport,
                                                               const char        *region);
/* The process environment and ~/.aws files, @profile as --profile (NULL: AWS_PROFILE or
 * default), @region as --region (NULL: configured). */
NinesAwsClient              *nines_aws_client_new_for_profile (const char        *profile,
                                                               const char        *region,
                                                               GError           **error);
/* Same account (configuration, credentials cache, transport, retry quota), other region */
NinesAwsClient              *nines_aws_client_new_for_region  (NinesAwsClient    *self,
                                                               const char        *region);

NinesAwsConfig              *nines_aws_client_get_config      (NinesAwsClient    *self);
NinesAwsRetry               *nines_aws_client_get_retry       (NinesAwsClient    *self);
NinesAwsTransport           *nines_aws_client_get_transport   (NinesAwsClient    *self);
NinesAwsCredentialsProvider *nines_aws_client_get_credentials_provider (NinesAwsClient *self);
/* NULL when none is configured: calls then fail with NINES_AWS_ERROR_CONFIG */
const char                  *nines_aws_client_get_region      (NinesAwsClient    *self);
/* The endpoint used for @service_id ("STS", "CloudFormation", "S3", "Pricing") */
char                        *nines_aws_client_dup_endpoint    (NinesAwsClient    *self,
                                                               const char        *service_id,
                                                               GError           **error);

/* sts:GetCallerIdentity. Blocking. */
NinesAwsCallerIdentity      *nines_aws_client_get_caller_identity        (NinesAwsClient       *self,
                                                                          GCancellable         *cancellable,
                                                                          GError              **error);
void                         nines_aws_client_get_caller_identity_async  (NinesAwsClient       *self,
                                                                          GCancellable         *cancellable,
                                                                          GAsyncReadyCallback   callback,
                                                                          gpointer              user_data);
NinesAwsCallerIdentity      *nines_aws_client_get_caller_identity_finish (NinesAwsClient       *self,
                                                                          GAsyncResult         *result,
                                                                          GError              **error);

/* Runs @func (a blocking call on @self) in a GTask worker thread and hands its result
 * to @callback in the caller's main context; @args is freed with @args_free, a result
 * never collected with @result_free. The per-service _async functions are built on it. */
typedef gpointer (*NinesAwsClientFunc) (NinesAwsClient  *self,
                                        gpointer         args,
                                        GCancellable    *cancellable,
                                        GError         **error);
void                         nines_aws_client_run_async   (NinesAwsClient       *self,
                                                           NinesAwsClientFunc    func,
                                                           gpointer              args,
                                                           GDestroyNotify        args_free,
                                                           GDestroyNotify        result_free,
                                                           gpointer              source_tag,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gpointer                     nines_aws_client_run_finish  (NinesAwsClient       *self,
                                                           GAsyncResult         *result,
                                                           gpointer              source_tag,
                                                           GError              **error);

G_END_DECLS
