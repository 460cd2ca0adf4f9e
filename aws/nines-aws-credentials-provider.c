/* The AWS CLI's credential chain (botocore credentials.create_credential_resolver) for
 * the sources a desktop app meets: environment, assume-role profiles, the shared
 * credentials file, credential_process and the config file. Not covered: SSO, web
 * identity, container and instance metadata. Secrets never reach a log line or message:
 * only access key ids and where they came from do. */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "nines-aws.h"
#include "nines-aws-json-private.h"
#include "nines-aws-query.h"

/* botocore's mandatory refresh window for refreshable credentials */
#define REFRESH_MARGIN_SECONDS (10 * 60)
#define MAX_CHAIN 8

struct _NinesAwsCredentialsProvider
{
  GObject parent_instance;

  NinesAwsConfig *config;
  NinesAwsTransport *transport;
  NinesAwsRetry *retry;
  NinesAwsClockFunc clock;
  gpointer clock_data;

  GMutex mutex;
  NinesAwsCredentials *cached;
};

G_DEFINE_FINAL_TYPE (NinesAwsCredentialsProvider, nines_aws_credentials_provider, G_TYPE_OBJECT)

static void
nines_aws_credentials_provider_finalize (GObject *object)
{
  NinesAwsCredentialsProvider *self = NINES_AWS_CREDENTIALS_PROVIDER (object);

  g_clear_object (&self->config);
  g_clear_object (&self->transport);
  g_clear_object (&self->retry);
  g_clear_pointer (&self->cached, nines_aws_credentials_unref);
  g_mutex_clear (&self->mutex);
  G_OBJECT_CLASS (nines_aws_credentials_provider_parent_class)->finalize (object);
}

static void
nines_aws_credentials_provider_class_init (NinesAwsCredentialsProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nines_aws_credentials_provider_finalize;
}

static gint64
real_clock (gpointer user_data)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
nines_aws_credentials_provider_init (NinesAwsCredentialsProvider *self)
{
  g_mutex_init (&self->mutex);
  self->clock = real_clock;
}

NinesAwsCredentialsProvider *
nines_aws_credentials_provider_new (NinesAwsConfig    *config,
                                    NinesAwsTransport *transport,
                                    NinesAwsRetry     *retry)
{
  NinesAwsCredentialsProvider *self;

  g_return_val_if_fail (NINES_IS_AWS_CONFIG (config), NULL);
  g_return_val_if_fail (transport == NULL || NINES_IS_AWS_TRANSPORT (transport), NULL);

  self = g_object_new (NINES_TYPE_AWS_CREDENTIALS_PROVIDER, NULL);
  self->config = g_object_ref (config);
  self->transport = transport ? g_object_ref (transport) : NULL;
  self->retry = retry ? g_object_ref (retry) : NULL;
  return self;
}

NinesAwsConfig *
nines_aws_credentials_provider_get_config (NinesAwsCredentialsProvider *self)
{
  g_return_val_if_fail (NINES_IS_AWS_CREDENTIALS_PROVIDER (self), NULL);
  return self->config;
}

void
nines_aws_credentials_provider_set_clock (NinesAwsCredentialsProvider *self,
                                          NinesAwsClockFunc            clock,
                                          gpointer                     user_data)
{
  g_return_if_fail (NINES_IS_AWS_CREDENTIALS_PROVIDER (self));
  self->clock = clock != NULL ? clock : real_clock;
  self->clock_data = user_data;
}

void
nines_aws_credentials_provider_invalidate (NinesAwsCredentialsProvider *self)
{
  g_return_if_fail (NINES_IS_AWS_CREDENTIALS_PROVIDER (self));
  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->cached, nines_aws_credentials_unref);
  g_mutex_unlock (&self->mutex);
}

static gboolean
nonempty (const char *s)
{
  return s != NULL && *s != '\0';
}

/* Env: both or neither of key and secret (botocore raises PartialCredentialsError) */
static NinesAwsCredentials *
from_environment (NinesAwsConfig *config,
                  GError        **error)
{
  const char *key = nines_aws_config_getenv (config, "AWS_ACCESS_KEY_ID");
  const char *secret = nines_aws_config_getenv (config, "AWS_SECRET_ACCESS_KEY");
  const char *token = nines_aws_config_getenv (config, "AWS_SESSION_TOKEN");

  if (!nonempty (token))
    token = nines_aws_config_getenv (config, "AWS_SECURITY_TOKEN");
  if (!nonempty (key) && !nonempty (secret))
    return NULL;
  if (!nonempty (key) || !nonempty (secret))
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("Partial credentials in the environment: %s is set but %s is not"),
                   nonempty (key) ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY",
                   nonempty (key) ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID");
      return NULL;
    }
  return nines_aws_credentials_new (key, secret, token, 0, _("the environment (AWS_ACCESS_KEY_ID)"));
}

typedef const char *(*LookupFunc) (NinesAwsConfig *, const char *, const char *);

static NinesAwsCredentials *
from_static_keys (NinesAwsConfig *config,
                  const char     *profile,
                  LookupFunc      lookup,
                  const char     *file,
                  GError        **error)
{
  const char *key = lookup (config, profile, "aws_access_key_id");
  const char *secret = lookup (config, profile, "aws_secret_access_key");
  const char *token = lookup (config, profile, "aws_session_token");
  g_autofree char *source = NULL;

  if (!nonempty (token))
    token = lookup (config, profile, "aws_security_token");
  if (!nonempty (key) && !nonempty (secret))
    return NULL;
  if (!nonempty (key) || !nonempty (secret))
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("Profile “%s” in %s has %s but not %s"), profile, file,
                   nonempty (key) ? "aws_access_key_id" : "aws_secret_access_key",
                   nonempty (key) ? "aws_secret_access_key" : "aws_access_key_id");
      return NULL;
    }
  source = g_strdup_printf (_("profile “%s” in %s"), profile, file);
  return nines_aws_credentials_new (key, secret, token, 0, source);
}

/* https://docs.aws.amazon.com/sdkref/latest/guide/feature-process-credentials.html */
static NinesAwsCredentials *
from_process (NinesAwsConfig *config,
              const char     *profile,
              const char     *command,
              GError        **error)
{
  g_auto(GStrv) argv = NULL;
  g_autofree char *out = NULL, *err = NULL, *source = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o;
  int status = 0;
  const char *key, *secret, *token, *expiration;
  const char *members[] = { "AccessKeyId", "SecretAccessKey", "SessionToken", "Expiration" };
  const char **values[] = { &key, &secret, &token, &expiration };
  JsonNode *version;
  gint64 expires = 0;

  if (!g_shell_parse_argv (command, NULL, &argv, &local_error)
      || !g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &local_error))
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("Could not run the credential_process of profile “%s”: %s"), profile, local_error->message);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, NULL))
    {
      g_autofree char *first = g_strndup (err ? g_strstrip (err) : "", 200);
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH,
                   _("The credential_process of profile “%s” failed: %s"), profile,
                   *first ? first : _("it exited with an error and said nothing"));
      return NULL;
    }
  /* the output holds the secret: never echo it in a message */
  root = nines_json_parse (out ? out : "", -1, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("The credential_process of profile “%s” did not print a JSON object"), profile);
      return NULL;
    }
  o = json_node_get_object (root);
  version = json_object_get_member (o, "Version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version)
      || json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) != 1)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("The credential_process of profile “%s” must print \"Version\": 1"), profile);
      return NULL;
    }
  /* Names only in the message: a value may be the secret. */
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (!_nines_aws_json_get_string (o, members[i], values[i]))
      {
        g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                     _("The credential_process of profile “%s” printed a %s that is not a string"),
                     profile, members[i]);
        return NULL;
      }
  if (!nonempty (key) || !nonempty (secret))
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("The credential_process of profile “%s” printed no AccessKeyId or SecretAccessKey"),
                   profile);
      return NULL;
    }
  if (nonempty (expiration))
    {
      expires = nines_aws_parse_timestamp (expiration);
      if (expires == 0)
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                       _("The credential_process of profile “%s” printed an Expiration that is not "
                         "an ISO 8601 time"), profile);
          return NULL;
        }
    }
  source = g_strdup_printf (_("the credential_process of profile “%s”"), profile);
  return nines_aws_credentials_new (key, secret, token, expires, source);
}

static NinesAwsCredentials *resolve_profile (NinesAwsCredentialsProvider *self,
                                             const char                  *profile,
                                             GPtrArray                   *visited,
                                             gboolean                     as_source,
                                             GCancellable                *cancellable,
                                             GError                     **error);

static NinesAwsCredentials *
assume_role (NinesAwsCredentialsProvider *self,
             const char                  *profile,
             const char                  *role_arn,
             GPtrArray                   *visited,
             GCancellable                *cancellable,
             GError                     **error)
{
  NinesAwsConfig *config = self->config;
  const char *source_profile = nines_aws_config_get_value (config, profile, "source_profile");
  const char *credential_source = nines_aws_config_get_value (config, profile, "credential_source");
  const char *session_name = nines_aws_config_get_value (config, profile, "role_session_name");
  const char *duration = nines_aws_config_get_value (config, profile, "duration_seconds");
  const char *region = nines_aws_config_get_region (config);
  g_autoptr(NinesAwsCredentials) source = NULL;
  g_autofree char *generated_name = NULL, *endpoint = NULL;
  NinesAwsInvocation inv = { 0 };
  guint64 duration_s = 0;

  if (nonempty (source_profile) && nonempty (credential_source))
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("Profile “%s” has both source_profile and credential_source; keep one"), profile);
      return NULL;
    }
  if (nonempty (source_profile))
    {
      if (!nines_aws_config_has_profile (config, source_profile))
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                       _("Profile “%s” names source_profile “%s”, which does not exist"),
                       profile, source_profile);
          return NULL;
        }
      /* a profile may name itself as its source: then its own keys are the source */
      if (g_str_equal (source_profile, profile))
        source = resolve_profile (self, profile, visited, TRUE, cancellable, error);
      else
        source = resolve_profile (self, source_profile, visited, FALSE, cancellable, error);
    }
  else if (g_strcmp0 (credential_source, "Environment") == 0)
    {
      source = from_environment (config, error);
      if (source == NULL && (error == NULL || *error == NULL))
        g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH,
                     _("Profile “%s” takes its source credentials from the environment, "
                       "but AWS_ACCESS_KEY_ID is not set"), profile);
    }
  else
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   nonempty (credential_source)
                   ? _("Profile “%s”: credential_source “%s” is not supported here (only Environment)")
                   : _("Profile “%s” has role_arn but neither source_profile nor credential_source%s"),
                   profile, nonempty (credential_source) ? credential_source : "");
      return NULL;
    }
  if (source == NULL)
    return NULL;
  /* STS takes 900 s up to the role's maximum session, at most 12 h (STS API Reference,
   * AssumeRole, DurationSeconds); the AWS CLI refuses what is not a number. */
  if (nonempty (duration)
      && (!g_ascii_string_to_unsigned (duration, 10, 900, 43200, &duration_s, NULL)))
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("Profile “%s”: duration_seconds must be a whole number of seconds from 900 "
                     "to 43200 (is “%s”)"), profile, duration);
      return NULL;
    }
  if (self->transport == NULL)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("Profile “%s” needs sts:AssumeRole, but no transport was given"), profile);
      return NULL;
    }
  if (!nonempty (session_name))
    session_name = generated_name = g_strdup_printf ("nines-%" G_GINT64_FORMAT, self->clock (self->clock_data));
  /* STS is regional; without a region the CLI still reaches us-east-1 */
  if (region == NULL)
    region = "us-east-1";
  endpoint = nines_aws_config_dup_endpoint (config, "STS", region);
  inv.transport = self->transport;
  inv.retry = self->retry;
  inv.credentials = source;
  inv.region = region;
  inv.profile = profile;
  g_debug ("assuming %s for profile %s with %s", role_arn, profile,
           nines_aws_credentials_get_access_key_id (source));
  return nines_aws_sts_assume_role (&inv, endpoint, role_arn, session_name,
                                    nines_aws_config_get_value (config, profile, "external_id"),
                                    (guint) duration_s,
                                    cancellable, error);
}

static NinesAwsCredentials *
resolve_profile (NinesAwsCredentialsProvider *self,
                 const char                  *profile,
                 GPtrArray                   *visited,
                 gboolean                     as_source,
                 GCancellable                *cancellable,
                 GError                     **error)
{
  NinesAwsConfig *config = self->config;
  const char *role_arn = nines_aws_config_get_value (config, profile, "role_arn");
  const char *process = nines_aws_config_get_value (config, profile, "credential_process");
  NinesAwsCredentials *creds = NULL;
  GError *local_error = NULL;

  if (!as_source)
    {
      if (g_ptr_array_find_with_equal_func (visited, profile, g_str_equal, NULL) || visited->len >= MAX_CHAIN)
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                       _("The source_profile chain loops back to profile “%s”"), profile);
          return NULL;
        }
      g_ptr_array_add (visited, (gpointer) profile);
      if (nonempty (role_arn))
        return assume_role (self, profile, role_arn, visited, cancellable, error);
    }

  creds = from_static_keys (config, profile, nines_aws_config_get_credentials_value,
                            nines_aws_config_get_credentials_file (config), &local_error);
  if (creds == NULL && local_error == NULL && nonempty (process))
    creds = from_process (config, profile, process, &local_error);
  if (creds == NULL && local_error == NULL)
    creds = from_static_keys (config, profile, nines_aws_config_get_config_value,
                              nines_aws_config_get_config_file (config), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (creds == NULL)
    g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH,
                 visited->len > 1
                 ? _("Source profile “%s” has no credentials: add aws_access_key_id and "
                     "aws_secret_access_key to it in %s, or a credential_process")
                 : _("No AWS credentials for profile “%s”: set AWS_ACCESS_KEY_ID and "
                     "AWS_SECRET_ACCESS_KEY, or add them to the profile in %s, or run "
                     "“aws configure”"),
                 profile, nines_aws_config_get_credentials_file (config));
  return creds;
}

NinesAwsCredentials *
nines_aws_credentials_provider_get (NinesAwsCredentialsProvider *self,
                                    GCancellable                *cancellable,
                                    GError                     **error)
{
  g_autoptr(GPtrArray) visited = g_ptr_array_new ();
  NinesAwsCredentials *creds = NULL;
  GError *local_error = NULL;
  gint64 now;

  g_return_val_if_fail (NINES_IS_AWS_CREDENTIALS_PROVIDER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&self->mutex);
  now = self->clock (self->clock_data);
  if (self->cached != NULL
      && !nines_aws_credentials_expires_within (self->cached, now, REFRESH_MARGIN_SECONDS))
    {
      creds = nines_aws_credentials_ref (self->cached);
      g_mutex_unlock (&self->mutex);
      return creds;
    }
  g_clear_pointer (&self->cached, nines_aws_credentials_unref);

  if (!nines_aws_config_get_profile_explicit (self->config))
    creds = from_environment (self->config, &local_error);
  if (creds == NULL && local_error == NULL)
    creds = resolve_profile (self, nines_aws_config_get_profile (self->config), visited, FALSE,
                             cancellable, &local_error);
  if (creds != NULL)
    {
      g_autofree char *what = nines_aws_credentials_describe (creds);
      g_debug ("credentials: %s", what);
      self->cached = nines_aws_credentials_ref (creds);
    }
  g_mutex_unlock (&self->mutex);
  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return creds;
}
