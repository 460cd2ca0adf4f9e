/* nines-aws-config.h: what the AWS CLI reads besides the credentials themselves —
 * environment, ~/.aws/config and ~/.aws/credentials, profiles, region, endpoint URLs */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define NINES_TYPE_AWS_CONFIG (nines_aws_config_get_type ())
G_DECLARE_FINAL_TYPE (NinesAwsConfig, nines_aws_config, NINES, AWS_CONFIG, GObject)

/* Reads the environment @envp (NULL: the process's) and the two shared files it names
 * (AWS_CONFIG_FILE, default ~/.aws/config; AWS_SHARED_CREDENTIALS_FILE, default
 * ~/.aws/credentials). Missing files are fine; a file that does not parse is an error.
 * @profile: a profile chosen explicitly (like the CLI's --profile), or NULL to use
 * AWS_PROFILE, then "default". Selecting a profile that exists in neither file is an
 * error, except for "default". */
NinesAwsConfig *nines_aws_config_new                  (const char * const *envp,
                                                       const char         *profile,
                                                       GError            **error);

const char     *nines_aws_config_getenv               (NinesAwsConfig     *self,
                                                       const char         *name);
const char     *nines_aws_config_get_profile          (NinesAwsConfig     *self);
/* TRUE when the profile came from the caller (--profile), which, as in the AWS CLI,
 * makes the credential chain skip AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY. */
gboolean        nines_aws_config_get_profile_explicit (NinesAwsConfig     *self);
gboolean        nines_aws_config_has_profile          (NinesAwsConfig     *self,
                                                       const char         *profile);
/* A key of @profile in the config file only ([profile x], or [default]) */
const char     *nines_aws_config_get_config_value     (NinesAwsConfig     *self,
                                                       const char         *profile,
                                                       const char         *key);
/* A key of @profile in the credentials file only ([x]) */
const char     *nines_aws_config_get_credentials_value (NinesAwsConfig    *self,
                                                        const char        *profile,
                                                        const char        *key);
/* The profile as botocore merges it: credentials-file values over config-file ones */
const char     *nines_aws_config_get_value            (NinesAwsConfig     *self,
                                                       const char         *profile,
                                                       const char         *key);
/* AWS_REGION, then AWS_DEFAULT_REGION, then the profile's "region"; NULL if none */
const char     *nines_aws_config_get_region           (NinesAwsConfig     *self);
/* The endpoint configured for @service_id ("STS", "CloudFormation", "S3", "Pricing"):
 * AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the profile's [services]
 * section, then the profile's endpoint_url; NULL when none is configured (or when
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls is true). */
char           *nines_aws_config_dup_endpoint_url     (NinesAwsConfig     *self,
                                                       const char         *service_id);
/* The configured endpoint, or AWS's public one for @region:
 * https://{prefix}.{region}.amazonaws.com (".com.cn" in China regions), with the
 * prefixes sts, cloudformation, s3 and api.pricing. */
char           *nines_aws_config_dup_endpoint         (NinesAwsConfig     *self,
                                                       const char         *service_id,
                                                       const char         *region);
/* Where each configured item came from, for `whoami`-style messages */
const char     *nines_aws_config_get_config_file      (NinesAwsConfig     *self);
const char     *nines_aws_config_get_credentials_file (NinesAwsConfig     *self);

G_END_DECLS
