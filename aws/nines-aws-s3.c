/* S3 over REST-XML (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html).
 * S3 signs the path as sent (no double encoding, no normalisation) and wants
 * x-amz-content-sha256. */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-aws-client-private.h"

#define S3_FLAGS (NINES_AWS_SIGV4_S3_PATH | NINES_AWS_SIGV4_CONTENT_SHA256_HEADER)

/* Splits where to send a bucket's requests into endpoint + path prefix */
static gboolean
bucket_location (NinesAwsClient  *client,
                 const char      *bucket,
                 char           **endpoint,
                 char           **prefix,
                 GError         **error)
{
  g_autofree char *configured = NULL;
  const char *region = nines_aws_client_get_region (client);

  if (bucket == NULL || *bucket == '\0' || strchr (bucket, '/') != NULL)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG, _("“%s” is not an S3 bucket name"),
                   bucket ? bucket : "");
      return FALSE;
    }
  if (region == NULL)
    {
      g_set_error_literal (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                           _("No AWS region for S3: set AWS_REGION or the profile's region"));
      return FALSE;
    }
  configured = nines_aws_config_dup_endpoint_url (nines_aws_client_get_config (client), "S3");
  if (configured != NULL || strchr (bucket, '.') != NULL)
    {
      /* path style: local endpoints, and dotted names that break virtual-host TLS */
      *endpoint = configured != NULL ? g_steal_pointer (&configured)
                                     : g_strdup_printf ("https://s3.%s.amazonaws.com", region);
      *prefix = g_strdup_printf ("/%s", bucket);
    }
  else
    {
      *endpoint = g_strdup_printf ("https://%s.s3.%s.amazonaws.com", bucket, region);
      *prefix = g_strdup ("");
    }
  if (g_str_has_suffix (*endpoint, "/"))
    (*endpoint)[strlen (*endpoint) - 1] = '\0';
  return TRUE;
}

char *
nines_aws_s3_dup_object_url (NinesAwsClient  *client,
                             const char      *bucket,
                             const char      *key,
                             GError         **error)
{
  g_autofree char *endpoint = NULL, *prefix = NULL, *ekey = NULL;

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  if (!bucket_location (client, bucket, &endpoint, &prefix, error))
    return NULL;
  ekey = nines_aws_uri_encode (key, -1, TRUE);
  return g_strdup_printf ("%s%s/%s", endpoint, prefix, ekey);
}

char *
nines_aws_s3_put_object (NinesAwsClient  *client,
                         const char      *bucket,
                         const char      *key,
                         GBytes          *body,
                         const char      *content_type,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autofree char *endpoint = NULL, *prefix = NULL, *ekey = NULL, *path = NULL;
  g_autoptr(NinesAwsRequest) request = NULL;
  g_autoptr(NinesAwsResponse) response = NULL;
  const char *etag;

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);
  g_return_val_if_fail (key != NULL && *key != '\0', NULL);
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bucket_location (client, bucket, &endpoint, &prefix, error))
    return NULL;
  ekey = nines_aws_uri_encode (key, -1, TRUE);
  path = g_strdup_printf ("%s/%s", prefix, ekey);
  request = nines_aws_request_new ("PUT", endpoint, path);
  nines_aws_request_add_header (request, "Content-Type", content_type ? content_type : "application/octet-stream");
  nines_aws_request_set_body (request, body);
  response = nines_aws_client_call (client, "s3", "s3:PutObject", request, S3_FLAGS, cancellable, error);
  if (response == NULL)
    return NULL;
  etag = nines_aws_response_get_header (response, "etag");
  return g_strdup (etag != NULL ? etag : "");
}

gboolean
nines_aws_s3_create_bucket (NinesAwsClient  *client,
                            const char      *bucket,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autofree char *endpoint = NULL, *prefix = NULL;
  g_autoptr(NinesAwsRequest) request = NULL;
  g_autoptr(NinesAwsResponse) response = NULL;
  const char *region = nines_aws_client_get_region (client);

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), FALSE);
  if (!bucket_location (client, bucket, &endpoint, &prefix, error))
    return FALSE;
  request = nines_aws_request_new ("PUT", endpoint, *prefix ? prefix : "/");
  /* us-east-1 is the one region that takes no LocationConstraint */
  if (g_strcmp0 (region, "us-east-1") != 0)
    {
      g_autofree char *xml = g_strdup_printf ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                                              "<LocationConstraint>%s</LocationConstraint></CreateBucketConfiguration>",
                                              region);
      nines_aws_request_add_header (request, "Content-Type", "application/xml");
      nines_aws_request_set_body (request, g_bytes_new (xml, strlen (xml)));
      g_bytes_unref (nines_aws_request_get_body (request));
    }
  response = nines_aws_client_call (client, "s3", "s3:CreateBucket", request, S3_FLAGS, cancellable, error);
  return response != NULL;
}

typedef struct
{
  char *bucket;
  char *key;
  GBytes *body;
  char *content_type;
} PutArgs;

static void
put_args_free (gpointer data)
{
  PutArgs *a = data;

  g_free (a->bucket);
  g_free (a->key);
  g_bytes_unref (a->body);
  g_free (a->content_type);
  g_free (a);
}

static gpointer
put_func (NinesAwsClient  *client,
          gpointer         data,
          GCancellable    *cancellable,
          GError         **error)
{
  PutArgs *a = data;

  return nines_aws_s3_put_object (client, a->bucket, a->key, a->body, a->content_type, cancellable, error);
}

void
nines_aws_s3_put_object_async (NinesAwsClient      *client,
                               const char          *bucket,
                               const char          *key,
                               GBytes              *body,
                               const char          *content_type,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  PutArgs *a = g_new0 (PutArgs, 1);

  g_return_if_fail (body != NULL);
  a->bucket = g_strdup (bucket);
  a->key = g_strdup (key);
  a->body = g_bytes_ref (body);
  a->content_type = g_strdup (content_type);
  nines_aws_client_run_async (client, put_func, a, put_args_free, g_free, nines_aws_s3_put_object_async,
                              cancellable, callback, user_data);
}

char *
nines_aws_s3_put_object_finish (NinesAwsClient  *client,
                                GAsyncResult    *result,
                                GError         **error)
{
  return nines_aws_client_run_finish (client, result, nines_aws_s3_put_object_async, error);
}
