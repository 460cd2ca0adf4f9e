/* The call pipeline shared by every service: sign -> send -> classify -> back off -> retry,
 * and the one place that turns an AWS error response into a GError. */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "nines-aws.h"
#include "nines-aws-json-private.h"
#include "nines-aws-xml.h"

static char *
clean_json_code (const char *raw)
{
  const char *hash = strrchr (raw, '#');
  const char *start = hash ? hash + 1 : raw;
  const char *colon = strchr (start, ':');

  return colon ? g_strndup (start, colon - start) : g_strdup (start);
}

/* Some services explain a bad signature with the canonical request and string to sign
 * they expected (API Gateway style: "The Canonical String for this request should have
 * been ..."), whose signed headers include x-amz-security-token, the session token. Keep
 * the explanation, drop what follows it. */
static void
redact_signing_details (char *message)
{
  static const char * const markers[] = {
    "The Canonical String", "The String-to-Sign", "StringToSign", "CanonicalRequest",
    "x-amz-security-token", "X-Amz-Security-Token", "Authorization:",
  };
  char *cut = NULL;

  if (message == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      char *at = strstr (message, markers[i]);
      if (at != NULL && (cut == NULL || at < cut))
        cut = at;
    }
  if (cut != NULL)
    {
      *cut = '\0';
      g_strchomp (message);
    }
}

gboolean
nines_aws_parse_error_body (NinesAwsResponse  *response,
                            char             **code,
                            char             **message,
                            char             **request_id)
{
  GBytes *body = nines_aws_response_get_body (response);
  gsize len = 0;
  const char *data = g_bytes_get_data (body, &len);
  const char *header_type = nines_aws_response_get_header (response, "x-amzn-errortype");
  g_autofree char *c = NULL, *m = NULL, *r = NULL;
  gsize skip = 0;

  while (skip < len && g_ascii_isspace (data[skip]))
    skip++;
  if (skip < len && data[skip] == '<')
    {
      g_autoptr(NinesAwsXml) root = nines_aws_xml_parse (data, len, "error", NULL);
      NinesAwsXml *err = root ? nines_aws_xml_find (root, "Error") : NULL;
      NinesAwsXml *rid = NULL;

      if (err != NULL)
        {
          c = g_strdup (nines_aws_xml_path_text (err, "Code"));
          m = g_strdup (nines_aws_xml_path_text (err, "Message"));
          rid = nines_aws_xml_find (root, "RequestId");
          if (rid == NULL)
            rid = nines_aws_xml_find (root, "RequestID");
          if (rid != NULL && rid->text != NULL)
            r = g_strdup (rid->text);
        }
    }
  else if (skip < len && data[skip] == '{')
    {
      g_autoptr(JsonNode) root = nines_json_parse (data, len, NULL);

      if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObject *o = json_node_get_object (root);
          const char *t = _nines_aws_json_string (o, "__type");

          if (t == NULL)
            t = _nines_aws_json_string (o, "code");
          if (t != NULL)
            c = clean_json_code (t);
          m = g_strdup (_nines_aws_json_string (o, "message"));
          if (m == NULL)
            m = g_strdup (_nines_aws_json_string (o, "Message"));
        }
    }
  if (header_type != NULL && *header_type != '\0')
    {
      g_free (c);
      c = clean_json_code (header_type);
    }
  if (r == NULL && nines_aws_response_get_request_id (response) != NULL)
    r = g_strdup (nines_aws_response_get_request_id (response));
  if (c == NULL || *c == '\0')
    return FALSE;
  redact_signing_details (m);
  if (code)
    *code = g_steal_pointer (&c);
  if (message)
    *message = g_steal_pointer (&m);
  if (request_id)
    *request_id = g_steal_pointer (&r);
  return TRUE;
}

static gboolean
code_in (const char         *code,
         const char * const *list)
{
  return code != NULL && g_strv_contains (list, code);
}

GError *
nines_aws_error_from_response (NinesAwsResponse *response,
                               const char       *operation,
                               const char       *profile,
                               guint             attempts)
{
  static const char * const denied[] = {
    "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
    "UnauthorizedAccess", NULL,
  };
  static const char * const bad_signature[] = {
    "SignatureDoesNotMatch", "IncompleteSignature", "InvalidSignatureException", NULL,
  };
  static const char * const unknown_key[] = {
    "InvalidClientTokenId", "UnrecognizedClientException", "InvalidAccessKeyId", "AuthFailure",
    "MissingAuthenticationToken", NULL,
  };
  static const char * const expired[] = {
    "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired", NULL,
  };
  g_autofree char *code = NULL, *message = NULL, *request_id = NULL, *hint = NULL;
  g_autofree char *who = NULL;
  guint status = nines_aws_response_get_status (response);
  NinesAwsError domain_code = NINES_AWS_ERROR_SERVICE;
  GString *msg;

  who = profile != NULL ? g_strdup_printf (_("the profile “%s”"), profile) : g_strdup (_("these credentials"));
  if (!nines_aws_parse_error_body (response, &code, &message, &request_id))
    {
      const char *rid = nines_aws_response_get_request_id (response);
      NinesAwsRetryKind kind = nines_aws_retry_classify (status, NULL, NULL);

      return g_error_new (NINES_AWS_ERROR,
                          kind == NINES_AWS_RETRY_THROTTLING ? NINES_AWS_ERROR_THROTTLED : NINES_AWS_ERROR_HTTP_STATUS,
                          _("%s failed with HTTP status %u and no AWS error in the body%s%s%s%s"),
                          operation ? operation : _("The request"), status,
                          attempts > 1 ? _(", after retries") : "",
                          rid ? " (request id " : "", rid ? rid : "", rid ? ")" : "");
    }

  if (code_in (code, denied))
    {
      domain_code = NINES_AWS_ERROR_AUTH;
      hint = g_strdup_printf (_("%s may not call %s; grant it in IAM or use another profile"),
                              who, operation ? operation : _("this operation"));
    }
  else if (code_in (code, bad_signature))
    {
      domain_code = NINES_AWS_ERROR_AUTH;
      hint = g_strdup_printf (_("the secret access key of %s does not match its access key id, "
                                "or the system clock is wrong"), who);
    }
  else if (code_in (code, unknown_key))
    {
      domain_code = NINES_AWS_ERROR_AUTH;
      hint = g_strdup_printf (_("AWS does not know the access key of %s; check it with "
                                "“aws configure list”"), who);
    }
  else if (code_in (code, expired))
    {
      domain_code = NINES_AWS_ERROR_AUTH;
      hint = g_strdup_printf (_("the temporary credentials of %s have expired; refresh them"), who);
    }
  else if (g_strcmp0 (code, "RequestTimeTooSkewed") == 0)
    hint = g_strdup (_("the system clock differs from AWS's by more than 15 minutes; correct it"));
  else if (nines_aws_retry_classify (status, code, NULL) == NINES_AWS_RETRY_THROTTLING)
    {
      domain_code = NINES_AWS_ERROR_THROTTLED;
      hint = g_strdup_printf (_("AWS still refused after %u attempts; wait a minute and try again"),
                              attempts);
    }
  else if (nines_aws_retry_classify (status, code, NULL) == NINES_AWS_RETRY_TRANSIENT && attempts > 1)
    hint = g_strdup_printf (_("the service failed %u times in a row; try again later"), attempts);

  msg = g_string_new (code);
  g_string_append (msg, ": ");
  g_string_append (msg, message != NULL && *message ? message : _("(no message)"));
  if (hint != NULL)
    g_string_append_printf (msg, " — %s", hint);
  if (request_id != NULL)
    /* not translated: nines_aws_error_dup_request_id () finds it */
    g_string_append_printf (msg, " (request id %s)", request_id);
  {
    g_autofree char *text = g_string_free (msg, FALSE);
    return g_error_new_literal (NINES_AWS_ERROR, domain_code, text);
  }
}

/* Clock skew, as the SDKs correct it: when AWS refuses a request for its time and its
 * Date header is more than 4 minutes from ours, later signatures use AWS's time
 * (botocore's ClientSkewCorrection; the signature is valid 5 minutes either way). */
static gint clock_skew_seconds;   /* atomic */

#define SKEW_TOLERANCE_SECONDS (4 * 60)

static gboolean
is_skew_code (const char *code)
{
  static const char * const codes[] = {
    "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture", "InvalidSignatureException",
    "SignatureDoesNotMatch", "AuthFailure", NULL,
  };
  return code != NULL && g_strv_contains (codes, code);
}

static gint64
parse_http_date (const char *date)
{
  /* RFC 7231 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" */
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
                                         "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(GDateTime) dt = NULL;
  char mon[4] = "";
  int d, y, h, mi, sec, m = 0;

  if (date == NULL || sscanf (date, "%*3s, %d %3s %d %d:%d:%d", &d, mon, &y, &h, &mi, &sec) != 6)
    return 0;
  while (m < 12 && strcmp (months[m], mon) != 0)
    m++;
  if (m == 12 || (dt = g_date_time_new_utc (y, m + 1, d, h, mi, sec)) == NULL)
    return 0;
  return g_date_time_to_unix (dt);
}

/* TRUE when @response refuses a request signed at @signed_at for its time, by a server
 * whose clock is more than 4 minutes away; later signatures then follow its clock. */
static gboolean
correct_clock_skew (NinesAwsResponse *response,
                    const char       *code,
                    gint64            signed_at)
{
  gint64 server, skew;

  if (!is_skew_code (code))
    return FALSE;
  server = parse_http_date (nines_aws_response_get_header (response, "date"));
  if (server == 0 || ABS (server - signed_at) < SKEW_TOLERANCE_SECONDS)
    return FALSE;
  skew = server - g_get_real_time () / G_USEC_PER_SEC;
  g_debug ("our clock is %" G_GINT64_FORMAT " s off AWS's; signing with AWS's time", skew);
  g_atomic_int_set (&clock_skew_seconds, (gint) CLAMP (skew, -G_MAXINT / 2, G_MAXINT / 2));
  return TRUE;
}

/* Sleeps @ms unless @cancellable fires first; FALSE when cancelled. */
static gboolean
cancellable_sleep (GCancellable *cancellable,
                   guint         ms)
{
  GPollFD pfd;

  if (cancellable == NULL)
    {
      g_usleep ((gulong) ms * 1000);
      return TRUE;
    }
  if (!g_cancellable_make_pollfd (cancellable, &pfd))
    {
      g_usleep ((gulong) ms * 1000);
      return !g_cancellable_is_cancelled (cancellable);
    }
  g_poll (&pfd, 1, (int) ms);
  g_cancellable_release_fd (cancellable);
  return !g_cancellable_is_cancelled (cancellable);
}

NinesAwsResponse *
nines_aws_invoke (const NinesAwsInvocation *inv,
                  NinesAwsRequest          *request,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  NinesAwsRetryKind last_kind = NINES_AWS_RETRY_NO;
  gboolean skew_corrected = FALSE;

  g_return_val_if_fail (inv != NULL, NULL);
  g_return_val_if_fail (NINES_IS_AWS_TRANSPORT (inv->transport), NULL);
  g_return_val_if_fail (inv->credentials != NULL, NULL);
  g_return_val_if_fail (request != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint attempt = 1;; attempt++)
    {
      g_autoptr(NinesAwsRequest) signed_request = nines_aws_request_copy (request);
      g_autoptr(NinesAwsResponse) response = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *code = NULL;
      NinesAwsRetryKind kind;
      guint delay_ms = 0;
      gint64 signed_at = g_get_real_time () / G_USEC_PER_SEC + g_atomic_int_get (&clock_skew_seconds);

      if (!nines_aws_sigv4_sign (signed_request, inv->credentials, inv->region, inv->signing_name,
                                 signed_at, inv->flags, NULL, error))
        return NULL;
      response = nines_aws_transport_send (inv->transport, signed_request, cancellable, &local_error);
      if (response != NULL && nines_aws_response_get_status (response) / 100 == 2)
        {
          if (inv->retry != NULL)
            nines_aws_retry_record_success (inv->retry, attempt, last_kind);
          return g_steal_pointer (&response);
        }
      if (response != NULL)
        nines_aws_parse_error_body (response, &code, NULL, NULL);
      /* one immediate retry with AWS's time, outside the retry budget, as the SDKs do */
      if (response != NULL && !skew_corrected && correct_clock_skew (response, code, signed_at))
        {
          skew_corrected = TRUE;
          attempt--;
          continue;
        }
      kind = nines_aws_retry_classify (response ? nines_aws_response_get_status (response) : 0,
                                       code, local_error);
      if (inv->retry == NULL || !nines_aws_retry_should_retry (inv->retry, attempt, kind, &delay_ms))
        {
          if (local_error != NULL)
            {
              if (attempt > 1)
                g_prefix_error (&local_error, _("After %u attempts: "), attempt);
              g_propagate_error (error, g_steal_pointer (&local_error));
            }
          else
            g_propagate_error (error, nines_aws_error_from_response (response, inv->operation, inv->profile, attempt));
          return NULL;
        }
      g_debug ("%s: attempt %u failed (%s), retrying in %u ms", inv->operation ? inv->operation : "request",
               attempt, local_error ? local_error->message : (code ? code : "HTTP error"), delay_ms);
      last_kind = kind;
      if (!cancellable_sleep (cancellable, delay_ms))
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CANCELLED,
                       _("%s was cancelled"), inv->operation ? inv->operation : _("The request"));
          return NULL;
        }
    }
}
