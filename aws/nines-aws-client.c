#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-aws-client-private.h"

struct _NinesAwsClient
{
  GObject parent_instance;

  NinesAwsConfig *config;
  NinesAwsTransport *transport;
  NinesAwsRetry *retry;
  NinesAwsCredentialsProvider *provider;
  char *region;
};

G_DEFINE_FINAL_TYPE (NinesAwsClient, nines_aws_client, G_TYPE_OBJECT)

static void
nines_aws_client_finalize (GObject *object)
{
  NinesAwsClient *self = NINES_AWS_CLIENT (object);

  g_clear_object (&self->config);
  g_clear_object (&self->transport);
  g_clear_object (&self->retry);
  g_clear_object (&self->provider);
  g_free (self->region);
  G_OBJECT_CLASS (nines_aws_client_parent_class)->finalize (object);
}

static void
nines_aws_client_class_init (NinesAwsClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nines_aws_client_finalize;
}

static void
nines_aws_client_init (NinesAwsClient *self)
{
}

/* AWS_MAX_ATTEMPTS, then the profile's max_attempts, as the SDKs read them
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html) */
static void
apply_max_attempts (NinesAwsClient *self)
{
  const char *v = nines_aws_config_getenv (self->config, "AWS_MAX_ATTEMPTS");
  guint64 n;

  if (v == NULL || *v == '\0')
    v = nines_aws_config_get_value (self->config, nines_aws_config_get_profile (self->config), "max_attempts");
  if (v == NULL || *v == '\0')
    return;
  if (g_ascii_string_to_unsigned (v, 10, 1, 20, &n, NULL))
    nines_aws_retry_set_max_attempts (self->retry, (guint) n);
  else
    g_debug ("ignoring max_attempts \"%s\": not a number from 1 to 20", v);
}

/* The libcurl transport, trusting what the AWS CLI trusts: AWS_CA_BUNDLE, else the
 * profile's ca_bundle (AWS CLI User Guide, "Configuration and credential file settings"),
 * else the system's CAs. Verification stays on either way. */
static NinesAwsTransport *
default_transport (NinesAwsConfig *config)
{
  NinesAwsTransport *transport = nines_aws_curl_transport_new ();
  const char *bundle = nines_aws_config_getenv (config, "AWS_CA_BUNDLE");

  if (bundle == NULL || *bundle == '\0')
    bundle = nines_aws_config_get_value (config, nines_aws_config_get_profile (config),
                                         "ca_bundle");
  if (bundle != NULL && *bundle != '\0')
    nines_aws_curl_transport_set_ca_file (NINES_AWS_CURL_TRANSPORT (transport), bundle);
  return transport;
}

NinesAwsClient *
nines_aws_client_new (NinesAwsConfig    *config,
                      NinesAwsTransport *transport,
                      const char        *region)
{
  NinesAwsClient *self;

  g_return_val_if_fail (NINES_IS_AWS_CONFIG (config), NULL);
  g_return_val_if_fail (transport == NULL || NINES_IS_AWS_TRANSPORT (transport), NULL);

  self = g_object_new (NINES_TYPE_AWS_CLIENT, NULL);
  self->config = g_object_ref (config);
  self->transport = transport ? g_object_ref (transport) : default_transport (config);
  self->retry = nines_aws_retry_new ();
  apply_max_attempts (self);
  self->provider = nines_aws_credentials_provider_new (config, self->transport, self->retry);
  self->region = g_strdup (region != NULL && *region ? region : nines_aws_config_get_region (config));
  return self;
}

NinesAwsClient *
nines_aws_client_new_for_profile (const char  *profile,
                                  const char  *region,
                                  GError     **error)
{
  g_autoptr(NinesAwsConfig) config = nines_aws_config_new (NULL, profile, error);

  if (config == NULL)
    return NULL;
  return nines_aws_client_new (config, NULL, region);
}

NinesAwsClient *
nines_aws_client_new_for_region (NinesAwsClient *self,
                                 const char     *region)
{
  NinesAwsClient *other;

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (self), NULL);
  g_return_val_if_fail (region != NULL, NULL);

  other = g_object_new (NINES_TYPE_AWS_CLIENT, NULL);
  other->config = g_object_ref (self->config);
  other->transport = g_object_ref (self->transport);
  other->retry = g_object_ref (self->retry);
  other->provider = g_object_ref (self->provider);
  other->region = g_strdup (region);
  return other;
}

NinesAwsConfig *
nines_aws_client_get_config (NinesAwsClient *self)
{
  g_return_val_if_fail (NINES_IS_AWS_CLIENT (self), NULL);
  return self->config;
}

NinesAwsRetry *
nines_aws_client_get_retry (NinesAwsClient *self)
{
  g_return_val_if_fail (NINES_IS_AWS_CLIENT (self), NULL);
  return self->retry;
}

NinesAwsTransport *
nines_aws_client_get_transport (NinesAwsClient *self)
{
  g_return_val_if_fail (NINES_IS_AWS_CLIENT (self), NULL);
  return self->transport;
}

NinesAwsCredentialsProvider *
nines_aws_client_get_credentials_provider (NinesAwsClient *self)
{
  g_return_val_if_fail (NINES_IS_AWS_CLIENT (self), NULL);
  return self->provider;
}

const char *
nines_aws_client_get_region (NinesAwsClient *self)
{
  g_return_val_if_fail (NINES_IS_AWS_CLIENT (self), NULL);
  return self->region;
}

static gboolean
check_region (NinesAwsClient  *self,
              GError         **error)
{
  if (self->region != NULL)
    return TRUE;
  g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
               _("No AWS region: set AWS_REGION, or “region” for profile “%s” in %s"),
               nines_aws_config_get_profile (self->config), nines_aws_config_get_config_file (self->config));
  return FALSE;
}

char *
nines_aws_client_dup_endpoint (NinesAwsClient  *self,
                               const char      *service_id,
                               GError         **error)
{
  g_return_val_if_fail (NINES_IS_AWS_CLIENT (self), NULL);
  if (!check_region (self, error))
    return NULL;
  return nines_aws_config_dup_endpoint (self->config, service_id, self->region);
}

NinesAwsResponse *
nines_aws_client_call (NinesAwsClient      *self,
                       const char          *signing_name,
                       const char          *operation,
                       NinesAwsRequest     *request,
                       NinesAwsSigv4Flags   flags,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_autoptr(NinesAwsCredentials) creds = NULL;
  NinesAwsInvocation inv = { 0 };

  if (!check_region (self, error))
    return NULL;
  creds = nines_aws_credentials_provider_get (self->provider, cancellable, error);
  if (creds == NULL)
    return NULL;
  inv.transport = self->transport;
  inv.retry = self->retry;
  inv.credentials = creds;
  inv.region = self->region;
  inv.signing_name = signing_name;
  inv.flags = flags;
  inv.operation = operation;
  inv.profile = nines_aws_config_get_profile (self->config);
  return nines_aws_invoke (&inv, request, cancellable, error);
}

NinesAwsXml *
nines_aws_client_query (NinesAwsClient  *self,
                        const char      *service_id,
                        const char      *signing_name,
                        const char      *action,
                        const char      *version,
                        GPtrArray       *params,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_autofree char *endpoint = nines_aws_client_dup_endpoint (self, service_id, error);
  g_autofree char *operation = g_strdup_printf ("%s:%s", signing_name, action);
  g_autoptr(NinesAwsRequest) request = NULL;
  g_autoptr(NinesAwsResponse) response = NULL;
  GBytes *body;

  if (endpoint == NULL)
    return NULL;
  request = nines_aws_query_request_new (endpoint, action, version, params);
  response = nines_aws_client_call (self, signing_name, operation, request, 0, cancellable, error);
  if (response == NULL)
    return NULL;
  body = nines_aws_response_get_body (response);
  return nines_aws_xml_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), operation, error);
}

NinesAwsCallerIdentity *
nines_aws_client_get_caller_identity (NinesAwsClient  *self,
                                      GCancellable    *cancellable,
                                      GError         **error)
{
  g_autoptr(NinesAwsCredentials) creds = NULL;
  g_autofree char *endpoint = NULL;
  NinesAwsInvocation inv = { 0 };

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  endpoint = nines_aws_client_dup_endpoint (self, "STS", error);
  if (endpoint == NULL)
    return NULL;
  creds = nines_aws_credentials_provider_get (self->provider, cancellable, error);
  if (creds == NULL)
    return NULL;
  inv.transport = self->transport;
  inv.retry = self->retry;
  inv.credentials = creds;
  inv.region = self->region;
  inv.profile = nines_aws_config_get_profile (self->config);
  return nines_aws_sts_get_caller_identity (&inv, endpoint, cancellable, error);
}

static gpointer
caller_identity_func (NinesAwsClient  *self,
                      gpointer         args,
                      GCancellable    *cancellable,
                      GError         **error)
{
  return nines_aws_client_get_caller_identity (self, cancellable, error);
}

void
nines_aws_client_get_caller_identity_async (NinesAwsClient      *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  nines_aws_client_run_async (self, caller_identity_func, NULL, NULL,
                              (GDestroyNotify) nines_aws_caller_identity_free,
                              nines_aws_client_get_caller_identity_async,
                              cancellable, callback, user_data);
}

NinesAwsCallerIdentity *
nines_aws_client_get_caller_identity_finish (NinesAwsClient  *self,
                                             GAsyncResult    *result,
                                             GError         **error)
{
  return nines_aws_client_run_finish (self, result, nines_aws_client_get_caller_identity_async, error);
}

typedef struct
{
  NinesAwsClientFunc func;
  gpointer args;
  GDestroyNotify args_free;
  GDestroyNotify result_free;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *d = data;

  if (d->args_free != NULL && d->args != NULL)
    d->args_free (d->args);
  g_free (d);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *d = task_data;
  GError *error = NULL;
  gpointer result = d->func (source_object, d->args, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, d->result_free);
}

void
nines_aws_client_run_async (NinesAwsClient      *self,
                            NinesAwsClientFunc   func,
                            gpointer             args,
                            GDestroyNotify       args_free,
                            GDestroyNotify       result_free,
                            gpointer             source_tag,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RunData *d;

  g_return_if_fail (NINES_IS_AWS_CLIENT (self));
  g_return_if_fail (func != NULL);

  d = g_new0 (RunData, 1);
  d->func = func;
  d->args = args;
  d->args_free = args_free;
  d->result_free = result_free;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, d, run_data_free);
  g_task_run_in_thread (task, run_thread);
}

gpointer
nines_aws_client_run_finish (NinesAwsClient  *self,
                             GAsyncResult    *result,
                             gpointer         source_tag,
                             GError         **error)
{
  g_return_val_if_fail (NINES_IS_AWS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
