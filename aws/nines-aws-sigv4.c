/* SigV4: canonical request -> string to sign -> signature, following
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 * and checked byte for byte against the official test suite (tests/aws/test-sigv4.c). */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-aws.h"

#define ALGORITHM "AWS4-HMAC-SHA256"
#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

void
nines_aws_sigv4_trace_clear (NinesAwsSigv4Trace *trace)
{
  if (trace == NULL)
    return;
  g_clear_pointer (&trace->canonical_request, g_free);
  g_clear_pointer (&trace->string_to_sign, g_free);
  g_clear_pointer (&trace->signed_headers, g_free);
  g_clear_pointer (&trace->signature, g_free);
  g_clear_pointer (&trace->authorization, g_free);
}

char *
nines_aws_sha256_hex (const void *data,
                      gsize       len)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, len);
}

/* RFC 3986 §5.2.4 dot-segment removal plus the collapsing of repeated slashes that AWS
 * services expect (the test suite's normalize-path cases). A trailing slash stays. */
static char *
normalize_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  GString *s = g_string_new (NULL);
  gsize len = strlen (path);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (out->len > 0)
            g_ptr_array_remove_index (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, parts[i]);
    }
  g_string_append_c (s, '/');
  for (guint i = 0; i < out->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, '/');
      g_string_append (s, g_ptr_array_index (out, i));
    }
  if (len > 0 && path[len - 1] == '/' && out->len > 0)
    g_string_append_c (s, '/');
  return g_string_free (s, FALSE);
}

char *
nines_aws_sigv4_canonical_uri (const char         *path,
                               NinesAwsSigv4Flags  flags)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  if (flags & NINES_AWS_SIGV4_S3_PATH)
    return g_strdup (*path ? path : "/");
  normal = normalize_path (path);
  return nines_aws_uri_encode (normal, -1, TRUE);
}

/* Trim, and fold every run of white space (folded header lines included) into one space */
static void
append_normalized_value (GString    *out,
                         const char *value)
{
  gboolean pending_space = FALSE;
  gboolean started = FALSE;

  for (const char *p = value; *p; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        {
          pending_space = started;
          continue;
        }
      if (pending_space)
        g_string_append_c (out, ' ');
      pending_space = FALSE;
      started = TRUE;
      g_string_append_c (out, *p);
    }
}

static gboolean
header_is_unsigned (const char *lower_name)
{
  /* the headers botocore and the CRT leave out, since proxies and transports change them */
  return g_str_equal (lower_name, "authorization")
         || g_str_equal (lower_name, "user-agent")
         || g_str_equal (lower_name, "expect")
         || g_str_equal (lower_name, "x-amzn-trace-id");
}

static int
cmp_str (gconstpointer a,
         gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Builds "name:value\n" lines (sorted, repeated names joined with ',') and "a;b;c" */
static void
canonical_headers (NinesAwsRequest *request,
                   GString         *out,
                   char           **signed_headers)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GString *list = g_string_new (NULL);
  guint n = nines_aws_request_get_n_headers (request);

  for (guint i = 0; i < n; i++)
    {
      const char *name, *value;
      g_autofree char *lower = NULL;
      GPtrArray *vals;

      nines_aws_request_get_header_at (request, i, &name, &value);
      lower = g_ascii_strdown (name, -1);
      g_strstrip (lower);
      if (header_is_unsigned (lower))
        continue;
      vals = g_hash_table_lookup (values, lower);
      if (vals == NULL)
        {
          vals = g_ptr_array_new ();
          g_ptr_array_add (names, lower);
          g_hash_table_insert (values, g_steal_pointer (&lower), vals);
        }
      g_ptr_array_add (vals, (gpointer) value);
    }
  g_ptr_array_sort (names, cmp_str);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      GPtrArray *vals = g_hash_table_lookup (values, name);

      g_string_append (out, name);
      g_string_append_c (out, ':');
      for (guint j = 0; j < vals->len; j++)
        {
          if (j > 0)
            g_string_append_c (out, ',');
          append_normalized_value (out, g_ptr_array_index (vals, j));
        }
      g_string_append_c (out, '\n');
      if (i > 0)
        g_string_append_c (list, ';');
      g_string_append (list, name);
    }
  *signed_headers = g_string_free (list, FALSE);
}

static void
hmac_sha256 (const guint8 *key,
             gsize         key_len,
             const char   *data,
             guint8        out[32])
{
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key, key_len);
  gsize len = 32;

  g_hmac_update (hmac, (const guchar *) data, strlen (data));
  g_hmac_get_digest (hmac, out, &len);
}

/* kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request") */
static char *
compute_signature (const char *secret,
                   const char *date,
                   const char *region,
                   const char *service,
                   const char *string_to_sign)
{
  g_autofree char *k0 = g_strconcat ("AWS4", secret, NULL);
  guint8 k[32], k2[32];
  GString *hex = g_string_sized_new (64);

  hmac_sha256 ((const guint8 *) k0, strlen (k0), date, k);
  hmac_sha256 (k, 32, region, k2);
  hmac_sha256 (k2, 32, service, k);
  hmac_sha256 (k, 32, "aws4_request", k2);
  hmac_sha256 (k2, 32, string_to_sign, k);
  for (guint i = 0; i < 32; i++)
    g_string_append_printf (hex, "%02x", k[i]);
  explicit_bzero (k0, strlen (k0));
  explicit_bzero (k, sizeof k);
  explicit_bzero (k2, sizeof k2);
  return g_string_free (hex, FALSE);
}

static char *
host_of_endpoint (const char *endpoint)
{
  g_autoptr(GUri) uri = g_uri_parse (endpoint, G_URI_FLAGS_NONE, NULL);
  const char *scheme;
  int port;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  port = g_uri_get_port (uri);
  if (port < 0 || (port == 443 && g_str_equal (scheme, "https"))
      || (port == 80 && g_str_equal (scheme, "http")))
    return g_strdup (g_uri_get_host (uri));
  return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
}

static gboolean
check_args (NinesAwsRequest     *request,
            NinesAwsCredentials *credentials,
            const char          *region,
            const char          *service,
            GError             **error)
{
  if (nines_aws_request_get_header (request, "host") == NULL)
    {
      g_autofree char *host = host_of_endpoint (nines_aws_request_get_endpoint (request));

      if (host == NULL)
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                       _("Cannot sign a request to “%s”: not an http(s) URL with a host"),
                       nines_aws_request_get_endpoint (request));
          return FALSE;
        }
      nines_aws_request_add_header (request, "Host", host);
    }
  if (region == NULL || *region == '\0' || service == NULL || *service == '\0')
    {
      g_set_error_literal (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                           _("Cannot sign a request without a region: set AWS_REGION or "
                             "“region” in the profile"));
      return FALSE;
    }
  return TRUE;
}

static char *
payload_hash (NinesAwsRequest    *request,
              NinesAwsSigv4Flags  flags)
{
  const char *given = nines_aws_request_get_header (request, "x-amz-content-sha256");
  GBytes *body;

  if (given != NULL)
    return g_strdup (given);
  if (flags & NINES_AWS_SIGV4_UNSIGNED_PAYLOAD)
    return g_strdup ("UNSIGNED-PAYLOAD");
  body = nines_aws_request_get_body (request);
  if (g_bytes_get_size (body) == 0)
    return g_strdup (EMPTY_SHA256);
  return nines_aws_sha256_hex (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
}

/* Common core: canonical request, string to sign, signature */
static char *
sign_core (NinesAwsRequest     *request,
           NinesAwsCredentials *credentials,
           const char          *region,
           const char          *service,
           const char          *amz_date,
           const char          *hash,
           NinesAwsSigv4Flags   flags,
           char               **out_scope,
           NinesAwsSigv4Trace  *trace)
{
  g_autofree char *uri = nines_aws_sigv4_canonical_uri (nines_aws_request_get_path (request), flags);
  g_autofree char *query = nines_aws_request_dup_query_string (request);
  g_autofree char *signed_headers = NULL;
  g_autofree char *creq = NULL, *creq_hash = NULL, *sts = NULL, *scope = NULL;
  g_autofree char *date = g_strndup (amz_date, 8);
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%s\n%s\n%s\n", nines_aws_request_get_method (request), uri, query);
  canonical_headers (request, s, &signed_headers);
  g_string_append_printf (s, "\n%s\n%s", signed_headers, hash);
  creq = g_string_free (s, FALSE);
  creq_hash = nines_aws_sha256_hex (creq, strlen (creq));
  scope = g_strdup_printf ("%s/%s/%s/aws4_request", date, region, service);
  sts = g_strdup_printf (ALGORITHM "\n%s\n%s\n%s", amz_date, scope, creq_hash);

  if (trace != NULL)
    {
      nines_aws_sigv4_trace_clear (trace);
      trace->canonical_request = g_strdup (creq);
      trace->string_to_sign = g_strdup (sts);
      trace->signed_headers = g_strdup (signed_headers);
    }
  if (out_scope != NULL)
    *out_scope = g_strdup_printf ("%s;%s", scope, signed_headers);
  return compute_signature (nines_aws_credentials_get_secret_access_key (credentials),
                            date, region, service, sts);
}

static char *
format_amz_date (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

gboolean
nines_aws_sigv4_sign (NinesAwsRequest     *request,
                      NinesAwsCredentials *credentials,
                      const char          *region,
                      const char          *service,
                      gint64               unix_time,
                      NinesAwsSigv4Flags   flags,
                      NinesAwsSigv4Trace  *trace,
                      GError             **error)
{
  g_autofree char *amz_date = NULL, *hash = NULL, *signature = NULL, *scope_and_headers = NULL;
  g_autofree char *authorization = NULL;
  const char *token;
  char *semi;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (credentials != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_args (request, credentials, region, service, error))
    return FALSE;
  amz_date = format_amz_date (unix_time);
  nines_aws_request_remove_header (request, "authorization");
  nines_aws_request_set_header (request, "X-Amz-Date", amz_date);
  token = nines_aws_credentials_get_session_token (credentials);
  nines_aws_request_remove_header (request, "x-amz-security-token");
  if (token != NULL && !(flags & NINES_AWS_SIGV4_TOKEN_AFTER_SIGNING))
    nines_aws_request_add_header (request, "X-Amz-Security-Token", token);
  hash = payload_hash (request, flags);
  if ((flags & NINES_AWS_SIGV4_CONTENT_SHA256_HEADER)
      && nines_aws_request_get_header (request, "x-amz-content-sha256") == NULL)
    nines_aws_request_add_header (request, "x-amz-content-sha256", hash);

  signature = sign_core (request, credentials, region, service, amz_date, hash, flags,
                         &scope_and_headers, trace);
  semi = strchr (scope_and_headers, ';');
  *semi = '\0';
  authorization = g_strdup_printf (ALGORITHM " Credential=%s/%s, SignedHeaders=%s, Signature=%s",
                                   nines_aws_credentials_get_access_key_id (credentials),
                                   scope_and_headers, semi + 1, signature);
  nines_aws_request_add_header (request, "Authorization", authorization);
  if (token != NULL && (flags & NINES_AWS_SIGV4_TOKEN_AFTER_SIGNING))
    nines_aws_request_add_header (request, "X-Amz-Security-Token", token);
  if (trace != NULL)
    {
      trace->signature = g_steal_pointer (&signature);
      trace->authorization = g_steal_pointer (&authorization);
    }
  return TRUE;
}

gboolean
nines_aws_sigv4_presign (NinesAwsRequest     *request,
                         NinesAwsCredentials *credentials,
                         const char          *region,
                         const char          *service,
                         gint64               unix_time,
                         guint                expires,
                         NinesAwsSigv4Flags   flags,
                         NinesAwsSigv4Trace  *trace,
                         GError             **error)
{
  g_autofree char *amz_date = NULL, *hash = NULL, *signature = NULL, *scope_and_headers = NULL;
  g_autofree char *credential = NULL, *expires_s = NULL, *signed_headers = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GString) probe = g_string_new (NULL);
  const char *token;

  g_return_val_if_fail (request != NULL, FALSE);
  g_return_val_if_fail (credentials != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (expires < 1 || expires > 604800)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("A presigned URL lives 1 to 604800 seconds (7 days), not %u"), expires);
      return FALSE;
    }
  if (!check_args (request, credentials, region, service, error))
    return FALSE;
  nines_aws_request_remove_header (request, "authorization");
  amz_date = format_amz_date (unix_time);
  date = g_strndup (amz_date, 8);
  credential = g_strdup_printf ("%s/%s/%s/%s/aws4_request",
                                nines_aws_credentials_get_access_key_id (credentials),
                                date, region, service);
  expires_s = g_strdup_printf ("%u", expires);
  canonical_headers (request, probe, &signed_headers);
  nines_aws_request_add_query (request, "X-Amz-Algorithm", ALGORITHM);
  nines_aws_request_add_query (request, "X-Amz-Credential", credential);
  nines_aws_request_add_query (request, "X-Amz-Date", amz_date);
  nines_aws_request_add_query (request, "X-Amz-Expires", expires_s);
  nines_aws_request_add_query (request, "X-Amz-SignedHeaders", signed_headers);
  token = nines_aws_credentials_get_session_token (credentials);
  if (token != NULL && !(flags & NINES_AWS_SIGV4_TOKEN_AFTER_SIGNING))
    nines_aws_request_add_query (request, "X-Amz-Security-Token", token);
  hash = payload_hash (request, flags);
  signature = sign_core (request, credentials, region, service, amz_date, hash, flags,
                         &scope_and_headers, trace);
  nines_aws_request_add_query (request, "X-Amz-Signature", signature);
  if (token != NULL && (flags & NINES_AWS_SIGV4_TOKEN_AFTER_SIGNING))
    nines_aws_request_add_query (request, "X-Amz-Security-Token", token);
  if (trace != NULL)
    trace->signature = g_steal_pointer (&signature);
  return TRUE;
}
