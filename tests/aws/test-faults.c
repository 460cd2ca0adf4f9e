/* The standard retry mode and the error paths, against fault-responder.py on loopback:
 * throttling, 5xx, slow answers past the timeout, connection resets, truncated bodies and
 * XML, cancellation, TLS verification. The backoff base is shrunk so the test runs fast. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <nines-aws.h>

#include "nines-aws-test-utils.h"

#define OK_BODY \
  "<GetCallerIdentityResponse><GetCallerIdentityResult>" \
  "<Arn>arn:aws:iam::123456789012:user/fault</Arn><UserId>AIDAFAULT</UserId><Account>123456789012</Account>" \
  "</GetCallerIdentityResult><ResponseMetadata><RequestId>ok-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>"
#define ERR(status, code, msg) \
  "{\"status\": " #status ", \"body\": \"<ErrorResponse><Error><Type>Sender</Type><Code>" code "</Code>" \
  "<Message>" msg "</Message></Error><RequestId>rid-" code "</RequestId></ErrorResponse>\"}"
#define OK_STEP "{\"status\": 200, \"body\": \"" \
  "<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/fault</Arn>" \
  "<Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>\"}"

typedef struct
{
  GSubprocess *proc;
  guint port;
  char *url;
} Responder;

static Responder *
responder_start (const char *cert,
                 const char *key)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "aws", "fault-responder.py", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autofree char *line = NULL;
  Responder *r = g_new0 (Responder, 1);

  if (cert != NULL)
    r->proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                "python3", script, "--tls", cert, key, NULL);
  else
    r->proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                "python3", script, NULL);
  g_assert_no_error (error);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (r->proc));
  line = g_data_input_stream_read_line (in, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  r->port = (guint) g_ascii_strtoull (line, NULL, 10);
  g_assert_cmpuint (r->port, >, 0);
  r->url = g_strdup_printf ("%s://127.0.0.1:%u", cert ? "https" : "http", r->port);
  return r;
}

static void
responder_stop (Responder *r)
{
  g_subprocess_force_exit (r->proc);
  g_subprocess_wait (r->proc, NULL, NULL);
  g_object_unref (r->proc);
  g_free (r->url);
  g_free (r);
}

static Responder *shared;

static void
set_script_with (NinesAwsTransport *t,
                 const char        *url,
                 const char        *json)
{
  g_autoptr(NinesAwsRequest) req = nines_aws_request_new ("POST", url, "/__script");
  g_autoptr(NinesAwsResponse) resp = NULL;
  g_autoptr(GError) error = NULL;

  nines_aws_request_set_body (req, g_bytes_new (json, strlen (json)));
  g_bytes_unref (nines_aws_request_get_body (req));
  resp = nines_aws_transport_send (t, req, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nines_aws_response_get_status (resp), ==, 200);
}

static void
set_script (const char *json)
{
  g_autoptr(NinesAwsTransport) t = nines_aws_curl_transport_new ();

  set_script_with (t, shared->url, json);
}

static guint
requests_seen (void)
{
  g_autoptr(NinesAwsTransport) t = nines_aws_curl_transport_new ();
  g_autoptr(NinesAwsRequest) req = nines_aws_request_new ("GET", shared->url, "/__log");
  g_autoptr(NinesAwsResponse) resp = nines_aws_transport_send (t, req, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GBytes *b = nines_aws_response_get_body (resp);

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (b, NULL), g_bytes_get_size (b), NULL));
  return json_array_get_length (json_node_get_array (json_parser_get_root (parser)));
}

static NinesAwsClient *
new_client (const char *endpoint,
            guint       total_timeout_ms)
{
  g_auto(GStrv) env = NULL;
  g_autoptr(NinesAwsConfig) config = NULL;
  g_autoptr(NinesAwsTransport) transport = nines_aws_curl_transport_new ();
  g_autoptr(GError) error = NULL;
  NinesAwsClient *client;

  env = g_environ_setenv (env, "HOME", "/nonexistent", TRUE);
  env = g_environ_setenv (env, "AWS_CONFIG_FILE", "/dev/null", TRUE);
  env = g_environ_setenv (env, "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", TRUE);
  env = g_environ_setenv (env, "AWS_ACCESS_KEY_ID", "AKIDFAULT", TRUE);
  env = g_environ_setenv (env, "AWS_SECRET_ACCESS_KEY", "faultSECRETfaultSECRET", TRUE);
  env = g_environ_setenv (env, "AWS_REGION", "us-east-1", TRUE);
  env = g_environ_setenv (env, "AWS_ENDPOINT_URL", endpoint, TRUE);
  config = nines_aws_config_new ((const char * const *) env, NULL, &error);
  g_assert_no_error (error);
  nines_aws_curl_transport_set_timeouts (NINES_AWS_CURL_TRANSPORT (transport), 2000, total_timeout_ms);
  client = nines_aws_client_new (config, transport, NULL);
  nines_aws_retry_set_base_delay (nines_aws_client_get_retry (client), 10);
  nines_aws_retry_set_seed (nines_aws_client_get_retry (client), 42);
  return client;
}

static NinesAwsCallerIdentity *
whoami (NinesAwsClient *client,
        GError        **error)
{
  return nines_aws_client_get_caller_identity (client, NULL, error);
}

static void
test_throttling_then_success (void)
{
  g_autoptr(NinesAwsClient) client = new_client (shared->url, 5000);
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  g_autoptr(GError) error = NULL;
  NinesAwsRetry *retry = nines_aws_client_get_retry (client);

  set_script ("[" ERR (400, "Throttling", "Rate exceeded") ", "
              "{\"status\": 429, \"body\": \"\"}, " OK_STEP "]");
  id = whoami (client, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id->account, ==, "123456789012");
  g_assert_cmpuint (requests_seen (), ==, 3);
  /* two retries cost 10, the success refunds the last retry's 5 */
  g_assert_cmpuint (nines_aws_retry_get_quota (retry), ==, 495);
}

static void
test_throttling_gives_up (void)
{
  g_autoptr(NinesAwsClient) client = new_client (shared->url, 5000);
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  set_script ("[" ERR (400, "ThrottlingException", "Rate exceeded") ", "
              ERR (400, "ThrottlingException", "Rate exceeded") ", "
              ERR (400, "ThrottlingException", "Rate exceeded") ", " OK_STEP "]");
  id = whoami (client, &error);
  g_assert_null (id);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_THROTTLED);
  code = nines_aws_error_dup_code (error);
  g_assert_cmpstr (code, ==, "ThrottlingException");
  g_assert_nonnull (strstr (error->message, "after 3 attempts"));
  g_assert_nonnull (strstr (error->message, "rid-ThrottlingException"));
  {
    g_autofree char *rid = nines_aws_error_dup_request_id (error);
    g_assert_cmpstr (rid, ==, "rid-ThrottlingException");
  }
  g_assert_cmpuint (requests_seen (), ==, 3);   /* max 3 attempts */
  g_test_message ("%s", error->message);
}

static void
test_server_errors (void)
{
  g_autoptr(NinesAwsClient) client = new_client (shared->url, 5000);
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  g_autoptr(GError) error = NULL;

  set_script ("[{\"status\": 500, \"body\": \"\"}, " ERR (503, "ServiceUnavailable", "busy") ", " OK_STEP "]");
  id = whoami (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests_seen (), ==, 3);
  g_clear_pointer (&id, nines_aws_caller_identity_free);

  set_script ("[{\"status\": 502, \"body\": \"\"}, {\"status\": 504, \"body\": \"\"}, "
              ERR (500, "InternalFailure", "oops") "]");
  id = whoami (client, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_SERVICE);
  g_assert_true (g_str_has_prefix (error->message, "InternalFailure: oops"));
  g_assert_nonnull (strstr (error->message, "failed 3 times"));
  g_clear_error (&error);

  /* a 5xx without an AWS error body */
  set_script ("[{\"status\": 503, \"body\": \"\"}, {\"status\": 503, \"body\": \"\"}, {\"status\": 503, \"body\": \"<html>\"}]");
  id = whoami (client, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_HTTP_STATUS);
  g_assert_nonnull (strstr (error->message, "503"));
}

static void
test_client_errors_not_retried (void)
{
  g_autoptr(NinesAwsClient) client = new_client (shared->url, 5000);
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  g_autoptr(GError) error = NULL;

  set_script ("[" ERR (400, "ValidationError", "Stack with id x does not exist") ", " OK_STEP "]");
  id = whoami (client, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_SERVICE);
  g_assert_cmpstr (error->message, ==,
                   "ValidationError: Stack with id x does not exist (request id rid-ValidationError)");
  g_assert_cmpuint (requests_seen (), ==, 1);
  g_clear_error (&error);

  set_script ("[" ERR (403, "AccessDenied", "not allowed") ", " OK_STEP "]");
  id = whoami (client, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "the profile “default” may not call sts:GetCallerIdentity"));
  g_assert_cmpuint (requests_seen (), ==, 1);
  g_clear_error (&error);

  set_script ("[" ERR (403, "ExpiredToken", "The security token included in the request is expired") "]");
  id = whoami (client, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "have expired"));
}

static void
test_slow_responses (void)
{
  g_autoptr(NinesAwsClient) client = new_client (shared->url, 1500);
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* one answer past the 1.5 s timeout, then a good one */
  set_script ("[{\"sleep\": 2.5, \"status\": 200, \"body\": \"late\"}, " OK_STEP "]");
  id = whoami (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests_seen (), ==, 2);
  g_clear_pointer (&id, nines_aws_caller_identity_free);

  /* always too slow: three timeouts, then the error says so */
  set_script ("[{\"sleep\": 2.5}, {\"sleep\": 2.5}, {\"sleep\": 2.5}, " OK_STEP "]");
  start = g_get_monotonic_time ();
  id = whoami (client, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_TIMEOUT);
  g_assert_true (g_str_has_prefix (error->message, "After 3 attempts: 127.0.0.1:"));
  g_assert_nonnull (strstr (error->message, "did not answer in time"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 8 * G_USEC_PER_SEC);
  g_test_message ("%s", error->message);
}

static void
test_resets_and_truncation (void)
{
  g_autoptr(NinesAwsClient) client = new_client (shared->url, 5000);
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  g_autoptr(GError) error = NULL;

  set_script ("[{\"reset\": true}, {\"truncate\": 40, \"body\": \"" OK_BODY "\"}, " OK_STEP "]");
  id = whoami (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests_seen (), ==, 3);
  g_clear_pointer (&id, nines_aws_caller_identity_free);

  set_script ("[{\"reset\": true}, {\"reset\": true}, {\"reset\": true}]");
  id = whoami (client, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_TRANSPORT);
  g_assert_nonnull (strstr (error->message, "Could not reach 127.0.0.1:"));
  g_clear_error (&error);

  /* complete, 200, but the XML stops half way: not retried, said plainly */
  set_script ("[{\"status\": 200, \"body\": \"<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::1:user/x\"}, "
              OK_STEP "]");
  id = whoami (client, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "sts:GetCallerIdentity"));
  g_assert_nonnull (strstr (error->message, "cut off"));
  g_assert_cmpuint (requests_seen (), ==, 1);
}

static gpointer
cancel_later (gpointer data)
{
  g_usleep (300 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_cancel (void)
{
  g_autoptr(NinesAwsClient) client = new_client (shared->url, 20000);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  g_autoptr(GError) error = NULL;
  GThread *thread;
  gint64 start = g_get_monotonic_time ();

  set_script ("[{\"sleep\": 5, \"status\": 200, \"body\": \"late\"}]");
  thread = g_thread_new ("cancel", cancel_later, cancellable);
  id = nines_aws_client_get_caller_identity (client, cancellable, &error);
  g_thread_join (thread);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
identity_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;
  NinesAwsCallerIdentity *id = nines_aws_client_get_caller_identity_finish (NINES_AWS_CLIENT (source), result, error);

  g_assert_null (id);
  g_assert_nonnull (*error);
}

static void
test_async_error (void)
{
  g_autoptr(NinesAwsClient) client = new_client (shared->url, 5000);
  GError *error = NULL;

  set_script ("[" ERR (400, "ValidationError", "bad") "]");
  nines_aws_client_get_caller_identity_async (client, NULL, identity_ready, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_SERVICE);
  g_error_free (error);
}

static void
test_tls_verification (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nines-tls-XXXXXX", NULL);
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesAwsClient) client = NULL;
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  Responder *tls;
  int status = 0;

  if (openssl == NULL)
    {
      g_test_skip ("openssl (the command) is needed to make a test certificate");
      return;
    }
  {
    const char *argv[] = { openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                           "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                           "-keyout", key, "-out", cert, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_cmpint (status, ==, 0);
  }
  tls = responder_start (cert, key);
  client = new_client (tls->url, 5000);

  /* self-signed: refused, not retried, and said to be a certificate problem */
  id = whoami (client, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_TLS);
  g_assert_nonnull (strstr (error->message, "certificate"));
  g_clear_error (&error);

  /* trusted explicitly: verification still on, and now it passes */
  nines_aws_curl_transport_set_ca_file (NINES_AWS_CURL_TRANSPORT (nines_aws_client_get_transport (client)), cert);
  set_script_with (nines_aws_client_get_transport (client), tls->url, "[" OK_STEP "]");
  id = whoami (client, &error);
  g_assert_no_error (error);
  g_clear_pointer (&id, nines_aws_caller_identity_free);

  /* as the AWS CLI does: AWS_CA_BUNDLE, else the profile's ca_bundle, is the CA file of
   * the client's own transport (a corporate proxy or a local endpoint with its own CA) */
  for (guint how = 0; how < 2; how++)
    {
      g_auto(GStrv) env = NULL;
      g_autofree char *config_file = g_build_filename (dir, "config", NULL);
      g_autofree char *config_text = g_strdup_printf ("[default]\nca_bundle = %s\n", how == 1 ? cert : "/nonexistent.pem");
      g_autoptr(NinesAwsConfig) config = NULL;
      g_autoptr(NinesAwsClient) bundled = NULL;

      g_assert_true (g_file_set_contents (config_file, config_text, -1, NULL));
      env = g_environ_setenv (env, "HOME", "/nonexistent", TRUE);
      env = g_environ_setenv (env, "AWS_CONFIG_FILE", config_file, TRUE);
      env = g_environ_setenv (env, "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", TRUE);
      env = g_environ_setenv (env, "AWS_ACCESS_KEY_ID", "AKIDFAULT", TRUE);
      env = g_environ_setenv (env, "AWS_SECRET_ACCESS_KEY", "faultSECRETfaultSECRET", TRUE);
      env = g_environ_setenv (env, "AWS_REGION", "us-east-1", TRUE);
      env = g_environ_setenv (env, "AWS_ENDPOINT_URL", tls->url, TRUE);
      if (how == 0)
        env = g_environ_setenv (env, "AWS_CA_BUNDLE", cert, TRUE);
      config = nines_aws_config_new ((const char * const *) env, NULL, &error);
      g_assert_no_error (error);
      bundled = nines_aws_client_new (config, NULL, NULL);
      set_script_with (nines_aws_client_get_transport (client), tls->url, "[" OK_STEP "]");
      id = whoami (bundled, &error);
      g_assert_no_error (error);
      g_clear_pointer (&id, nines_aws_caller_identity_free);
      g_remove (config_file);
    }
  responder_stop (tls);
  g_remove (cert);
  g_remove (key);
  g_rmdir (dir);
}

static char *
request_header (guint       i,
                const char *name)
{
  g_autoptr(NinesAwsTransport) t = nines_aws_curl_transport_new ();
  g_autoptr(NinesAwsRequest) req = nines_aws_request_new ("GET", shared->url, "/__log");
  g_autoptr(NinesAwsResponse) resp = nines_aws_transport_send (t, req, NULL, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  GBytes *b = nines_aws_response_get_body (resp);
  JsonObject *entry;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (b, NULL), g_bytes_get_size (b), NULL));
  entry = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), i);
  return g_strdup (json_object_get_string_member (json_object_get_object_member (entry, "headers"), name));
}

static gint64
amz_date_to_unix (const char *s)
{
  g_autofree char *iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", s, s + 4, s + 6, s + 9, s + 11, s + 13);
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  return g_date_time_to_unix (dt);
}

static void
test_clock_skew (void)
{
  g_autoptr(NinesAwsClient) client = new_client (shared->url, 5000);
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) ahead = g_date_time_add_hours (now, 1);
  g_autofree char *ahead_s = g_date_time_format (ahead, "%a, %d %b %Y %H:%M:%S GMT");
  g_autofree char *now_s = g_date_time_format (now, "%a, %d %b %Y %H:%M:%S GMT");
  g_autofree char *script = NULL, *first = NULL, *second = NULL;
  gint64 skew;

  /* AWS's clock is an hour ahead of ours: refused once, then signed with its time */
  script = g_strdup_printf ("[{\"status\": 403, \"headers\": {\"Date\": \"%s\"}, \"body\": \"<ErrorResponse><Error>"
                            "<Code>SignatureDoesNotMatch</Code><Message>Signature expired</Message></Error></ErrorResponse>\"}, "
                            OK_STEP "]", ahead_s);
  set_script (script);
  id = whoami (client, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests_seen (), ==, 2);
  first = request_header (0, "x-amz-date");
  second = request_header (1, "x-amz-date");
  skew = amz_date_to_unix (second) - amz_date_to_unix (first);
  g_assert_cmpint (skew, >=, 3590);
  g_assert_cmpint (skew, <=, 3610);
  /* the retry quota is not charged for it */
  g_assert_cmpuint (nines_aws_retry_get_quota (nines_aws_client_get_retry (client)), ==, 500);
  g_clear_pointer (&id, nines_aws_caller_identity_free);

  /* and back: a refusal dated now puts our signatures on our clock again */
  g_free (script);
  script = g_strdup_printf ("[{\"status\": 403, \"headers\": {\"Date\": \"%s\"}, \"body\": \"<ErrorResponse><Error>"
                            "<Code>RequestTimeTooSkewed</Code><Message>too skewed</Message></Error></ErrorResponse>\"}, "
                            OK_STEP "]", now_s);
  set_script (script);
  id = whoami (client, &error);
  g_assert_no_error (error);
  g_free (second);
  second = request_header (1, "x-amz-date");
  g_assert_cmpint (ABS (amz_date_to_unix (second) - g_get_real_time () / G_USEC_PER_SEC), <, 60);

  /* a refusal that is not about time is not retried */
  set_script ("[" ERR (403, "SignatureDoesNotMatch", "bad secret") ", " OK_STEP "]");
  g_clear_pointer (&id, nines_aws_caller_identity_free);
  id = whoami (client, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH);
  g_assert_cmpuint (requests_seen (), ==, 1);
}

static void
test_retry_policy (void)
{
  g_autoptr(NinesAwsRetry) retry = nines_aws_retry_new ();
  guint delay, n = 0;
  g_autoptr(GError) timeout = g_error_new_literal (NINES_AWS_ERROR, NINES_AWS_ERROR_TIMEOUT, "t");
  g_autoptr(GError) tls = g_error_new_literal (NINES_AWS_ERROR, NINES_AWS_ERROR_TLS, "t");

  g_assert_cmpint (nines_aws_retry_classify (400, "ValidationError", NULL), ==, NINES_AWS_RETRY_NO);
  g_assert_cmpint (nines_aws_retry_classify (403, "AccessDenied", NULL), ==, NINES_AWS_RETRY_NO);
  g_assert_cmpint (nines_aws_retry_classify (404, NULL, NULL), ==, NINES_AWS_RETRY_NO);
  g_assert_cmpint (nines_aws_retry_classify (400, "Throttling", NULL), ==, NINES_AWS_RETRY_THROTTLING);
  g_assert_cmpint (nines_aws_retry_classify (503, "SlowDown", NULL), ==, NINES_AWS_RETRY_THROTTLING);
  g_assert_cmpint (nines_aws_retry_classify (429, NULL, NULL), ==, NINES_AWS_RETRY_THROTTLING);
  g_assert_cmpint (nines_aws_retry_classify (400, "RequestTimeout", NULL), ==, NINES_AWS_RETRY_TRANSIENT);
  g_assert_cmpint (nines_aws_retry_classify (502, NULL, NULL), ==, NINES_AWS_RETRY_TRANSIENT);
  g_assert_cmpint (nines_aws_retry_classify (0, NULL, timeout), ==, NINES_AWS_RETRY_TIMEOUT);
  g_assert_cmpint (nines_aws_retry_classify (0, NULL, tls), ==, NINES_AWS_RETRY_NO);

  /* full jitter under the cap: base 1 s -> at most 2 s, 4 s…, never over 20 s */
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(NinesAwsRetry) r = nines_aws_retry_new ();
      nines_aws_retry_set_max_attempts (r, 10);
      for (guint attempt = 1; attempt < 10; attempt++)
        {
          g_assert_true (nines_aws_retry_should_retry (r, attempt, NINES_AWS_RETRY_THROTTLING, &delay));
          g_assert_cmpuint (delay, <=, MIN (1000u << attempt, 20000u));
        }
    }
  /* at most 3 attempts by default */
  g_assert_true (nines_aws_retry_should_retry (retry, 2, NINES_AWS_RETRY_TRANSIENT, &delay));
  g_assert_false (nines_aws_retry_should_retry (retry, 3, NINES_AWS_RETRY_TRANSIENT, &delay));
  g_assert_false (nines_aws_retry_should_retry (retry, 1, NINES_AWS_RETRY_NO, &delay));

  /* the quota: 500, 5 per retry -> 100 retries, then none until successes refund */
  g_clear_object (&retry);
  retry = nines_aws_retry_new ();
  while (nines_aws_retry_should_retry (retry, 1, NINES_AWS_RETRY_TRANSIENT, &delay))
    n++;
  g_assert_cmpuint (n, ==, 100);
  g_assert_cmpuint (nines_aws_retry_get_quota (retry), ==, 0);
  nines_aws_retry_record_success (retry, 2, NINES_AWS_RETRY_TRANSIENT);
  g_assert_cmpuint (nines_aws_retry_get_quota (retry), ==, 5);
  g_assert_false (nines_aws_retry_should_retry (retry, 1, NINES_AWS_RETRY_TIMEOUT, &delay));  /* costs 10 */
  g_assert_true (nines_aws_retry_should_retry (retry, 1, NINES_AWS_RETRY_THROTTLING, &delay));
}

static void
test_nothing_secret_logged (void)
{
  g_autofree char *logs = nines_test_log_capture_dup ();

  /* every request above was logged at debug level (G_MESSAGES_DEBUG=all) */
  g_assert_nonnull (strstr (logs, "POST http://127.0.0.1:"));
  g_assert_nonnull (strstr (logs, "retrying in"));
  g_assert_null (strstr (logs, "faultSECRET"));
  g_assert_null (strstr (logs, "Signature="));
  g_assert_null (strstr (logs, "Credential="));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *python = g_find_program_in_path ("python3");
  int ret;

  nines_test_log_capture_start ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/aws/retry/policy", test_retry_policy);
  if (python == NULL)
    {
      g_test_add_data_func ("/nines/aws/faults", "python3 is needed for the fault responder",
                            (GTestDataFunc) g_test_skip);
      return g_test_run ();
    }
  shared = responder_start (NULL, NULL);
  g_test_add_func ("/nines/aws/faults/throttling-then-success", test_throttling_then_success);
  g_test_add_func ("/nines/aws/faults/throttling-gives-up", test_throttling_gives_up);
  g_test_add_func ("/nines/aws/faults/server-errors", test_server_errors);
  g_test_add_func ("/nines/aws/faults/client-errors-not-retried", test_client_errors_not_retried);
  g_test_add_func ("/nines/aws/faults/slow-responses", test_slow_responses);
  g_test_add_func ("/nines/aws/faults/resets-and-truncation", test_resets_and_truncation);
  g_test_add_func ("/nines/aws/faults/cancel", test_cancel);
  g_test_add_func ("/nines/aws/faults/async-error", test_async_error);
  g_test_add_func ("/nines/aws/faults/tls-verification", test_tls_verification);
  g_test_add_func ("/nines/aws/faults/clock-skew", test_clock_skew);
  g_test_add_func ("/nines/aws/faults/zz-nothing-secret-logged", test_nothing_secret_logged);
  ret = g_test_run ();
  responder_stop (shared);
  return ret;
}
