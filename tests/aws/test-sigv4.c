/* The official AWS SigV4 test suite (botocore's copy, see NINES_SHARED_DIR/sigv4-test-suite/
 * SOURCES.md): every case's canonical request, string to sign and Authorization header are
 * compared byte for byte. Plus the S3 examples of the S3 API reference. */
#include "config.h"

#include <string.h>
#include <nines-aws.h>

#define SUITE_KEY_ID "AKIDEXAMPLE"
#define SUITE_SECRET "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"

static char *suite_dir;

typedef struct
{
  char *dir;
  char *name;
} Case;

static char *
read_case_file (const Case *c,
                const char *ext)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.%s", c->dir, c->name, ext);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static char *
decode (const char *s,
        gssize      len)
{
  g_autofree char *raw = len < 0 ? g_strdup (s) : g_strndup (s, len);
  char *d = g_uri_unescape_string (raw, NULL);

  return d != NULL ? d : g_steal_pointer (&raw);
}

static gint64
parse_amz_date (const char *s)
{
  g_autofree char *iso = g_strdup_printf ("%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ",
                                          s, s + 4, s + 6, s + 9, s + 11, s + 13);
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

/* Parses a raw .req file: request line, headers (with folded continuation lines), body */
static NinesAwsRequest *
parse_req (const char *text,
           gint64     *time)
{
  const char *eol = strchr (text, '\n');
  g_autofree char *line = g_strndup (text, eol ? (gsize) (eol - text) : strlen (text));
  char *sp = strchr (line, ' ');
  char *http = g_strrstr (line, " HTTP/");
  g_autofree char *target = NULL;
  g_autoptr(NinesAwsRequest) req = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  const char *p = eol ? eol + 1 : text + strlen (text);
  const char *host = NULL;
  char *q;

  g_assert_nonnull (sp);
  g_assert_nonnull (http);
  *sp = '\0';
  target = g_strndup (sp + 1, http - sp - 1);

  while (*p != '\0')
    {
      const char *end = strchr (p, '\n');
      gsize len = end ? (gsize) (end - p) : strlen (p);

      if (len == 0)
        {
          p = end + 1;
          break;
        }
      if (*p == ' ' || *p == '\t')
        {
          char *prev = g_ptr_array_index (values, values->len - 1);
          g_autofree char *part = g_strndup (p, len);
          values->pdata[values->len - 1] = g_strconcat (prev, "\n", part, NULL);
          g_free (prev);
        }
      else
        {
          const char *colon = memchr (p, ':', len);
          g_assert_nonnull (colon);
          g_ptr_array_add (names, g_strndup (p, colon - p));
          g_ptr_array_add (values, g_strndup (colon + 1, len - (colon + 1 - p)));
        }
      p = end ? end + 1 : p + len;
    }
  for (guint i = 0; i < names->len; i++)
    if (g_ascii_strcasecmp (names->pdata[i], "host") == 0)
      host = values->pdata[i];
    else if (g_ascii_strcasecmp (names->pdata[i], "x-amz-date") == 0)
      *time = parse_amz_date (values->pdata[i]);
  g_assert_nonnull (host);

  {
    g_autofree char *endpoint = g_strconcat ("https://", host, NULL);
    q = strchr (target, '?');
    if (q != NULL)
      *q = '\0';
    req = nines_aws_request_new (line, endpoint, target);
  }
  if (q != NULL && q[1] != '\0')
    {
      g_auto(GStrv) pairs = g_strsplit (q + 1, "&", -1);
      for (guint i = 0; pairs[i]; i++)
        {
          char *eq = strchr (pairs[i], '=');
          g_autofree char *k = decode (pairs[i], eq ? eq - pairs[i] : -1);
          g_autofree char *v = eq ? decode (eq + 1, -1) : g_strdup ("");
          nines_aws_request_add_query (req, k, v);
        }
    }
  for (guint i = 0; i < names->len; i++)
    nines_aws_request_add_header (req, names->pdata[i], values->pdata[i]);
  if (*p != '\0')
    {
      g_autoptr(GBytes) body = g_bytes_new (p, strlen (p));
      nines_aws_request_set_body (req, body);
    }
  return g_steal_pointer (&req);
}

static char *
sreq_token (const char *sreq)
{
  const char *t = strstr (sreq, "\nX-Amz-Security-Token:");
  const char *end;

  if (t == NULL)
    return NULL;
  t += strlen ("\nX-Amz-Security-Token:");
  end = strchr (t, '\n');
  return end ? g_strndup (t, end - t) : g_strdup (t);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *req_text = read_case_file (c, "req");
  g_autofree char *creq = read_case_file (c, "creq");
  g_autofree char *sts = read_case_file (c, "sts");
  g_autofree char *authz = read_case_file (c, "authz");
  g_autofree char *sreq = read_case_file (c, "sreq");
  g_autofree char *token = sreq_token (sreq);
  g_autoptr(NinesAwsRequest) req = NULL;
  g_autoptr(NinesAwsCredentials) creds = NULL;
  g_autoptr(GError) error = NULL;
  NinesAwsSigv4Trace trace = { 0 };
  NinesAwsSigv4Flags flags = NINES_AWS_SIGV4_DEFAULT;
  gint64 time = 0;

  req = parse_req (req_text, &time);
  g_assert_cmpint (time, >, 0);
  creds = nines_aws_credentials_new (SUITE_KEY_ID, SUITE_SECRET, token, 0, "test suite");
  /* post-sts-token/readme.txt: in "header-after" the token is added after signing */
  if (g_str_equal (c->name, "post-sts-header-after"))
    flags |= NINES_AWS_SIGV4_TOKEN_AFTER_SIGNING;

  g_assert_true (nines_aws_sigv4_sign (req, creds, "us-east-1", "service", time, flags, &trace, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (trace.canonical_request, ==, creq);
  g_assert_cmpstr (trace.string_to_sign, ==, sts);
  g_assert_cmpstr (trace.authorization, ==, authz);
  g_assert_cmpstr (nines_aws_request_get_header (req, "Authorization"), ==, authz);
  if (token != NULL)
    g_assert_cmpstr (nines_aws_request_get_header (req, "X-Amz-Security-Token"), ==, token);
  nines_aws_sigv4_trace_clear (&trace);
}

static int
cmp_names (gconstpointer a,
           gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
collect_cases (const char *dir,
               GPtrArray  *cases)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, cmp_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *sub = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *req = g_strdup_printf ("%s/%s.req", sub, (char *) names->pdata[i]);

      if (!g_file_test (sub, G_FILE_TEST_IS_DIR))
        continue;
      if (g_file_test (req, G_FILE_TEST_EXISTS))
        {
          Case *c = g_new0 (Case, 1);
          c->dir = g_strdup (sub);
          c->name = g_strdup (names->pdata[i]);
          g_ptr_array_add (cases, c);
        }
      else
        collect_cases (sub, cases);
    }
}

static void
test_case_count (gconstpointer data)
{
  const GPtrArray *cases = data;

  /* SOURCES.md: 34 cases, normalize-path/ and post-sts-token/ included */
  g_assert_cmpuint (cases->len, ==, 34);
}

/* The S3 API reference's SigV4 examples (sig-v4-header-based-auth.html and
 * sigv4-query-string-auth.html): bucket examplebucket, 24 May 2013, us-east-1. */
#define S3_KEY_ID "AKIAIOSFODNN7EXAMPLE"
#define S3_SECRET "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
#define S3_TIME 1369353600 /* 20130524T000000Z */

static void
test_s3_get_object (void)
{
  g_autoptr(NinesAwsRequest) req = nines_aws_request_new ("GET", "https://examplebucket.s3.amazonaws.com", "/test.txt");
  g_autoptr(NinesAwsCredentials) creds = nines_aws_credentials_new (S3_KEY_ID, S3_SECRET, NULL, 0, "test");
  NinesAwsSigv4Trace trace = { 0 };

  nines_aws_request_add_header (req, "Range", "bytes=0-9");
  g_assert_true (nines_aws_sigv4_sign (req, creds, "us-east-1", "s3", S3_TIME,
                                       NINES_AWS_SIGV4_S3_PATH | NINES_AWS_SIGV4_CONTENT_SHA256_HEADER,
                                       &trace, NULL));
  g_assert_cmpstr (trace.signed_headers, ==, "host;range;x-amz-content-sha256;x-amz-date");
  g_assert_cmpstr (trace.signature, ==, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  g_assert_cmpstr (nines_aws_request_get_header (req, "x-amz-content-sha256"), ==,
                   "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  nines_aws_sigv4_trace_clear (&trace);
}

static void
test_s3_put_object (void)
{
  g_autoptr(NinesAwsRequest) req = nines_aws_request_new ("PUT", "https://examplebucket.s3.amazonaws.com", "/test$file.text");
  g_autoptr(NinesAwsCredentials) creds = nines_aws_credentials_new (S3_KEY_ID, S3_SECRET, NULL, 0, "test");
  g_autoptr(GBytes) body = g_bytes_new_static ("Welcome to Amazon S3.", 21);
  NinesAwsSigv4Trace trace = { 0 };

  nines_aws_request_add_header (req, "Date", "Fri, 24 May 2013 00:00:00 GMT");
  nines_aws_request_add_header (req, "x-amz-storage-class", "REDUCED_REDUNDANCY");
  nines_aws_request_set_body (req, body);
  /* the S3 page writes the key escaped: /test%24file.text */
  nines_aws_request_set_path (req, "/test%24file.text");
  g_assert_true (nines_aws_sigv4_sign (req, creds, "us-east-1", "s3", S3_TIME,
                                       NINES_AWS_SIGV4_S3_PATH | NINES_AWS_SIGV4_CONTENT_SHA256_HEADER,
                                       &trace, NULL));
  g_assert_cmpstr (nines_aws_request_get_header (req, "x-amz-content-sha256"), ==,
                   "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
  g_assert_cmpstr (trace.signature, ==, "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  nines_aws_sigv4_trace_clear (&trace);
}

static void
test_s3_list_objects_query (void)
{
  g_autoptr(NinesAwsRequest) req = nines_aws_request_new ("GET", "https://examplebucket.s3.amazonaws.com", "/");
  g_autoptr(NinesAwsCredentials) creds = nines_aws_credentials_new (S3_KEY_ID, S3_SECRET, NULL, 0, "test");
  NinesAwsSigv4Trace trace = { 0 };

  nines_aws_request_add_query (req, "prefix", "J");
  nines_aws_request_add_query (req, "max-keys", "2");
  g_assert_true (nines_aws_sigv4_sign (req, creds, "us-east-1", "s3", S3_TIME,
                                       NINES_AWS_SIGV4_S3_PATH | NINES_AWS_SIGV4_CONTENT_SHA256_HEADER,
                                       &trace, NULL));
  g_assert_true (g_str_has_prefix (trace.canonical_request, "GET\n/\nmax-keys=2&prefix=J\n"));
  g_assert_cmpstr (trace.signature, ==, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
  nines_aws_sigv4_trace_clear (&trace);
}

static void
test_s3_presigned_url (void)
{
  g_autoptr(NinesAwsRequest) req = nines_aws_request_new ("GET", "https://examplebucket.s3.amazonaws.com", "/test.txt");
  g_autoptr(NinesAwsCredentials) creds = nines_aws_credentials_new (S3_KEY_ID, S3_SECRET, NULL, 0, "test");
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  NinesAwsSigv4Trace trace = { 0 };

  g_assert_true (nines_aws_sigv4_presign (req, creds, "us-east-1", "s3", S3_TIME, 86400,
                                          NINES_AWS_SIGV4_S3_PATH | NINES_AWS_SIGV4_UNSIGNED_PAYLOAD,
                                          &trace, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (trace.canonical_request, "\nhost\nUNSIGNED-PAYLOAD"));
  g_assert_cmpstr (trace.signature, ==, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
  url = nines_aws_request_dup_url (req);
  g_assert_cmpstr (url, ==,
                   "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                   "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                   "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400"
                   "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
                   "&X-Amz-SignedHeaders=host");
  g_assert_null (nines_aws_request_get_header (req, "Authorization"));
  nines_aws_sigv4_trace_clear (&trace);

  /* out of range lifetimes are refused */
  g_assert_false (nines_aws_sigv4_presign (req, creds, "us-east-1", "s3", S3_TIME, 604801,
                                           NINES_AWS_SIGV4_S3_PATH, NULL, &error));
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
}

static void
test_presign_session_token (void)
{
  g_autoptr(NinesAwsRequest) req = nines_aws_request_new ("GET", "https://example.amazonaws.com:8443", "/");
  g_autoptr(NinesAwsCredentials) creds = nines_aws_credentials_new (S3_KEY_ID, S3_SECRET, "TOKEN/+=", 0, "test");
  NinesAwsSigv4Trace trace = { 0 };

  g_assert_true (nines_aws_sigv4_presign (req, creds, "eu-west-1", "service", S3_TIME, 60,
                                          NINES_AWS_SIGV4_DEFAULT, &trace, NULL));
  /* the token is signed, inside the canonical query; the host keeps its port */
  g_assert_nonnull (strstr (trace.canonical_request, "X-Amz-Security-Token=TOKEN%2F%2B%3D"));
  g_assert_nonnull (strstr (trace.canonical_request, "\nhost:example.amazonaws.com:8443\n"));
  nines_aws_sigv4_trace_clear (&trace);
}

static void
test_unsigned_payload_and_blacklist (void)
{
  g_autoptr(NinesAwsRequest) req = nines_aws_request_new ("PUT", "http://127.0.0.1:5000", "/b/k");
  g_autoptr(NinesAwsCredentials) creds = nines_aws_credentials_new (S3_KEY_ID, S3_SECRET, "tok", 0, "test");
  g_autoptr(GBytes) body = g_bytes_new_static ("data", 4);
  NinesAwsSigv4Trace trace = { 0 };

  nines_aws_request_set_body (req, body);
  nines_aws_request_add_header (req, "User-Agent", "nines");
  nines_aws_request_add_header (req, "Expect", "100-continue");
  g_assert_true (nines_aws_sigv4_sign (req, creds, "us-east-1", "s3", S3_TIME,
                                       NINES_AWS_SIGV4_S3_PATH | NINES_AWS_SIGV4_UNSIGNED_PAYLOAD
                                       | NINES_AWS_SIGV4_CONTENT_SHA256_HEADER, &trace, NULL));
  g_assert_cmpstr (trace.signed_headers, ==, "host;x-amz-content-sha256;x-amz-date;x-amz-security-token");
  g_assert_true (g_str_has_suffix (trace.canonical_request, "\nUNSIGNED-PAYLOAD"));
  g_assert_cmpstr (nines_aws_request_get_header (req, "host"), ==, "127.0.0.1:5000");
  nines_aws_sigv4_trace_clear (&trace);

  /* re-signing replaces Authorization, date and token instead of piling them up */
  g_assert_true (nines_aws_sigv4_sign (req, creds, "us-east-1", "s3", S3_TIME + 1,
                                       NINES_AWS_SIGV4_S3_PATH | NINES_AWS_SIGV4_UNSIGNED_PAYLOAD, &trace, NULL));
  g_assert_cmpuint (nines_aws_request_get_n_headers (req), ==, 7);
  nines_aws_sigv4_trace_clear (&trace);
}

static void
test_canonical_uri (void)
{
  struct { const char *in, *out; NinesAwsSigv4Flags f; } cases[] = {
    { "/", "/", 0 },
    { "", "/", 0 },
    { "/a/b/../c/./d", "/a/c/d", 0 },
    { "/a%2Fb", "/a%252Fb", 0 },          /* encoded twice outside S3 */
    { "/my-object//example//photo.user", "/my-object//example//photo.user", NINES_AWS_SIGV4_S3_PATH },
    { "/a b", "/a%20b", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uri = nines_aws_sigv4_canonical_uri (cases[i].in, cases[i].f);
      g_assert_cmpstr (uri, ==, cases[i].out);
    }
}

static void
test_missing_region (void)
{
  g_autoptr(NinesAwsRequest) req = nines_aws_request_new ("GET", "https://example.com", "/");
  g_autoptr(NinesAwsCredentials) creds = nines_aws_credentials_new (S3_KEY_ID, S3_SECRET, NULL, 0, "test");
  g_autoptr(GError) error = NULL;

  g_assert_false (nines_aws_sigv4_sign (req, creds, NULL, "sts", S3_TIME, 0, NULL, &error));
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
}

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->dir);
  g_free (c->name);
  g_free (c);
}

int
main (int   argc,
      char *argv[])
{
  const char *shared = g_getenv ("NINES_SHARED_DIR");
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (case_free);
  g_autofree char *why = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nines/aws/sigv4/s3/get-object", test_s3_get_object);
  g_test_add_func ("/nines/aws/sigv4/s3/put-object", test_s3_put_object);
  g_test_add_func ("/nines/aws/sigv4/s3/list-objects", test_s3_list_objects_query);
  g_test_add_func ("/nines/aws/sigv4/s3/presigned-url", test_s3_presigned_url);
  g_test_add_func ("/nines/aws/sigv4/presign-session-token", test_presign_session_token);
  g_test_add_func ("/nines/aws/sigv4/unsigned-payload", test_unsigned_payload_and_blacklist);
  g_test_add_func ("/nines/aws/sigv4/canonical-uri", test_canonical_uri);
  g_test_add_func ("/nines/aws/sigv4/missing-region", test_missing_region);

  suite_dir = shared ? g_build_filename (shared, "sigv4-test-suite", NULL) : NULL;
  if (suite_dir == NULL || !g_file_test (suite_dir, G_FILE_TEST_IS_DIR))
    {
      why = g_strdup_printf ("the AWS SigV4 test suite is not at %s "
                             "(set NINES_SHARED_DIR to the folder holding sigv4-test-suite/)",
                             suite_dir ? suite_dir : "$NINES_SHARED_DIR/sigv4-test-suite");
      g_test_add_data_func ("/nines/aws/sigv4/suite", why, (GTestDataFunc) g_test_skip);
    }
  else
    {
      collect_cases (suite_dir, cases);
      g_test_add_data_func ("/nines/aws/sigv4/suite/count", cases, test_case_count);
      for (guint i = 0; i < cases->len; i++)
        {
          Case *c = cases->pdata[i];
          g_autofree char *rel = g_strdup (c->dir + strlen (suite_dir));
          g_autofree char *path = g_strdup_printf ("/nines/aws/sigv4/suite%s", rel);
          g_test_add_data_func (path, c, test_case);
        }
    }
  ret = g_test_run ();
  g_free (suite_dir);
  return ret;
}
