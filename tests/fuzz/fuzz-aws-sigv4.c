/* fuzz-aws-sigv4.c: the SigV4 canonicaliser and signer.
 *
 * Input, one field per line: "METHOD FLAGS" (FLAGS a number, NinesAwsSigv4Flags), the
 * path as sent on the wire, the query string (name=value&…), then headers "Name: value"
 * up to an empty line, then the body. Header lines HTTP cannot carry (a name that is not
 * a token, a control character in the value) are left out: the client never makes them. The request is signed with fixed credentials and
 * time; properties checked: signing the same request twice gives the same canonical
 * request and signature, the signature is 64 hex digits, every signed header name is
 * lower case and sorted, and the canonical URI of the path is stable (canonicalising it
 * again in S3 mode, i.e. as given, changes nothing). */
#define G_LOG_DOMAIN "nines-fuzz"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nines-aws.h>

#include "nines-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  nines_fuzz_setup ();
  return 0;
}

#define TCHAR "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

static gboolean
has_control (const char *s)
{
  for (; *s; s++)
    if (((guchar) *s < 0x20 && *s != '\t') || *s == 0x7f)
      return TRUE;
  return FALSE;
}

static NinesAwsRequest *
build_request (char              **lines,
               const char         *body,
               gsize               body_len,
               NinesAwsSigv4Flags *flags)
{
  g_auto(GStrv) first = g_strsplit (lines[0], " ", 2);
  NinesAwsRequest *request;
  guint i;

  *flags = first[0] && first[1] ? (strtoul (first[1], NULL, 10) & 0xf) : 0;
  request = nines_aws_request_new (first[0] && *first[0] ? first[0] : "GET",
                                   "https://example.amazonaws.com",
                                   lines[1] && *lines[1] ? lines[1] : "/");
  if (lines[1] == NULL || lines[2] == NULL)
    return request;
  if (*lines[2])
    {
      g_auto(GStrv) pairs = g_strsplit (lines[2], "&", 64);

      for (char **p = pairs; *p; p++)
        {
          char *eq = strchr (*p, '=');

          if (eq)
            *eq = '\0';
          nines_aws_request_add_query (request, *p, eq ? eq + 1 : "");
        }
    }
  for (i = 3; lines[i] && *lines[i] && i < 64; i++)
    {
      char *colon = strchr (lines[i], ':');

      if (colon == NULL || colon == lines[i])
        continue;
      *colon = '\0';
      /* only what HTTP can carry, as the client builds it: a token for the name (RFC 9110
       * 5.6.2), no control character but tab in the value */
      if (strspn (lines[i], TCHAR) != strlen (lines[i]) || has_control (colon + 1))
        continue;
      nines_aws_request_add_header (request, lines[i], g_strstrip (colon + 1));
    }
  if (body_len > 0)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, body_len);
      nines_aws_request_set_body (request, bytes);
    }
  return request;
}

static void
check_trace (const NinesAwsSigv4Trace *trace)
{
  g_auto(GStrv) names = g_strsplit (trace->signed_headers, ";", -1);

  if (strlen (trace->signature) != 64 || strspn (trace->signature, "0123456789abcdef") != 64)
    abort ();
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *lower = g_ascii_strdown (names[i], -1);

      if (!g_str_equal (lower, names[i]) || (i > 0 && strcmp (names[i - 1], names[i]) >= 0))
        {
          fprintf (stderr, "signed headers not lower case and sorted: %s\n", trace->signed_headers);
          abort ();
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  const char *sep = strstr (text, "\n\n");
  g_autofree char *head = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(NinesAwsCredentials) credentials = NULL;
  g_autoptr(NinesAwsRequest) a = NULL;
  g_autoptr(NinesAwsRequest) b = NULL;
  NinesAwsSigv4Trace ta = { 0 }, tb = { 0 };
  NinesAwsSigv4Flags flags;
  g_autoptr(GError) ea = NULL;
  g_autoptr(GError) eb = NULL;
  gboolean ok_a, ok_b;

  /* header values and paths are text on the wire: the client never builds others */
  if (!g_utf8_validate (text, -1, NULL) || strlen (text) != size)
    return 0;
  head = sep ? g_strndup (text, sep - text) : g_strdup (text);
  lines = g_strsplit (head, "\n", 70);
  if (lines[0] == NULL)
    return 0;
  credentials = nines_aws_credentials_new ("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                           size % 2 ? "session-token" : NULL, 0, "fuzz");
  a = build_request (lines, sep ? sep + 2 : "", sep ? strlen (sep + 2) : 0, &flags);
  b = nines_aws_request_copy (a);

  ok_a = nines_aws_sigv4_sign (a, credentials, "us-east-1", "service", 1440938160, flags, &ta, &ea);
  ok_b = nines_aws_sigv4_sign (b, credentials, "us-east-1", "service", 1440938160, flags, &tb, &eb);
  if (ok_a != ok_b)
    abort ();
  if (ok_a)
    {
      check_trace (&ta);
      if (!g_str_equal (ta.canonical_request, tb.canonical_request) ||
          !g_str_equal (ta.signature, tb.signature))
        abort ();
    }
  nines_aws_sigv4_trace_clear (&ta);
  nines_aws_sigv4_trace_clear (&tb);

  if (lines[1] != NULL)
    {
      g_autofree char *uri = nines_aws_sigv4_canonical_uri (lines[1], 0);
      g_autofree char *same = nines_aws_sigv4_canonical_uri (uri, NINES_AWS_SIGV4_S3_PATH);

      if (!g_str_equal (uri, same))
        abort ();
    }
  return 0;
}
