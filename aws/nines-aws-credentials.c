#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>

#include "nines-aws.h"

struct _NinesAwsCredentials
{
  gatomicrefcount ref_count;
  char *access_key_id;
  char *secret_access_key;
  char *session_token;
  gint64 expiration;
  char *source;
};

G_DEFINE_BOXED_TYPE (NinesAwsCredentials, nines_aws_credentials,
                     nines_aws_credentials_ref, nines_aws_credentials_unref)

NinesAwsCredentials *
nines_aws_credentials_new (const char *access_key_id,
                           const char *secret_access_key,
                           const char *session_token,
                           gint64      expiration,
                           const char *source)
{
  NinesAwsCredentials *self;

  g_return_val_if_fail (access_key_id != NULL && *access_key_id != '\0', NULL);
  g_return_val_if_fail (secret_access_key != NULL && *secret_access_key != '\0', NULL);

  self = g_new0 (NinesAwsCredentials, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->access_key_id = g_strdup (access_key_id);
  self->secret_access_key = g_strdup (secret_access_key);
  self->session_token = session_token != NULL && *session_token != '\0' ? g_strdup (session_token) : NULL;
  self->expiration = expiration;
  self->source = g_strdup (source != NULL ? source : "unknown source");
  return self;
}

NinesAwsCredentials *
nines_aws_credentials_ref (NinesAwsCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
wipe (char *s)
{
  if (s != NULL)
    explicit_bzero (s, strlen (s));
  g_free (s);
}

void
nines_aws_credentials_unref (NinesAwsCredentials *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->access_key_id);
  wipe (self->secret_access_key);
  wipe (self->session_token);
  g_free (self->source);
  g_free (self);
}

const char *
nines_aws_credentials_get_access_key_id (NinesAwsCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->access_key_id;
}

const char *
nines_aws_credentials_get_secret_access_key (NinesAwsCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->secret_access_key;
}

const char *
nines_aws_credentials_get_session_token (NinesAwsCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->session_token;
}

gint64
nines_aws_credentials_get_expiration (NinesAwsCredentials *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->expiration;
}

const char *
nines_aws_credentials_get_source (NinesAwsCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->source;
}

gboolean
nines_aws_credentials_expires_within (NinesAwsCredentials *self,
                                      gint64               now,
                                      gint64               margin_seconds)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->expiration != 0 && now + margin_seconds >= self->expiration;
}

char *
nines_aws_credentials_describe (NinesAwsCredentials *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_strdup_printf ("%s from %s%s", self->access_key_id, self->source,
                          self->session_token != NULL ? " (temporary)" : "");
}
