/* nines-aws-credentials.h: an access key, its secret and an optional session token */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define NINES_TYPE_AWS_CREDENTIALS (nines_aws_credentials_get_type ())

/* Immutable and ref-counted, so one set may be shared by threads. The secret and the
 * token are wiped from memory when the last reference goes. Never print them: use
 * nines_aws_credentials_describe(), which shows the key id and where it came from. */
typedef struct _NinesAwsCredentials NinesAwsCredentials;

GType                nines_aws_credentials_get_type        (void) G_GNUC_CONST;
/* @expiration: Unix time in seconds, or 0 for credentials that do not expire.
 * @source: where they came from, for messages ("environment", "profile 'dev'"…). */
NinesAwsCredentials *nines_aws_credentials_new             (const char          *access_key_id,
                                                            const char          *secret_access_key,
                                                            const char          *session_token,
                                                            gint64               expiration,
                                                            const char          *source);
NinesAwsCredentials *nines_aws_credentials_ref             (NinesAwsCredentials *self);
void                 nines_aws_credentials_unref           (NinesAwsCredentials *self);

const char          *nines_aws_credentials_get_access_key_id     (NinesAwsCredentials *self);
const char          *nines_aws_credentials_get_secret_access_key (NinesAwsCredentials *self);
/* NULL when there is none */
const char          *nines_aws_credentials_get_session_token     (NinesAwsCredentials *self);
gint64               nines_aws_credentials_get_expiration        (NinesAwsCredentials *self);
const char          *nines_aws_credentials_get_source            (NinesAwsCredentials *self);
/* TRUE when they expire within @margin_seconds of @now (Unix seconds) */
gboolean             nines_aws_credentials_expires_within        (NinesAwsCredentials *self,
                                                                  gint64               now,
                                                                  gint64               margin_seconds);
/* "AKID… from profile 'dev'", safe to show and log */
char                *nines_aws_credentials_describe              (NinesAwsCredentials *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsCredentials, nines_aws_credentials_unref)

G_END_DECLS
