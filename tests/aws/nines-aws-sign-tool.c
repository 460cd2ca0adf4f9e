/* nines-aws-sign-tool: signs requests described as JSON on stdin with our SigV4 signer and
 * prints what it produced, so that tests written in Python (test-crt-crosscheck.py) can
 * compare it with another implementation. Test helper only. Input: an array of
 *   {"method", "endpoint", "path" (wire form), "query": [[k, v]…] (decoded),
 *    "headers": [[name, value]…], "body_hex", "access_key", "secret_key", "token",
 *    "region", "service", "time", "s3": bool, "unsigned": bool, "presign": seconds|0}
 * Output: an array of {"authorization", "signature", "url", "canonical_request"}. */
#include "config.h"

#include <stdio.h>
#include <json-glib/json-glib.h>
#include <nines-aws.h>

static GBytes *
hex_to_bytes (const char *hex)
{
  gsize n = strlen (hex) / 2;
  guint8 *buf = g_malloc (n + 1);

  for (gsize i = 0; i < n; i++)
    buf[i] = (g_ascii_xdigit_value (hex[2 * i]) << 4) | g_ascii_xdigit_value (hex[2 * i + 1]);
  return g_bytes_new_take (buf, n);
}

static void
sign_one (JsonObject  *in,
          JsonBuilder *out)
{
  g_autoptr(NinesAwsRequest) req = nines_aws_request_new (json_object_get_string_member (in, "method"),
                                                          json_object_get_string_member (in, "endpoint"),
                                                          json_object_get_string_member (in, "path"));
  const char *token = json_object_get_string_member_with_default (in, "token", NULL);
  g_autoptr(NinesAwsCredentials) creds = nines_aws_credentials_new (json_object_get_string_member (in, "access_key"),
                                                                    json_object_get_string_member (in, "secret_key"),
                                                                    token, 0, "sign tool");
  JsonArray *query = json_object_get_array_member (in, "query");
  JsonArray *headers = json_object_get_array_member (in, "headers");
  NinesAwsSigv4Flags flags = 0;
  NinesAwsSigv4Trace trace = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GBytes) body = NULL;
  guint presign = json_object_get_int_member_with_default (in, "presign", 0);
  gboolean ok;

  for (guint i = 0; i < json_array_get_length (query); i++)
    {
      JsonArray *kv = json_array_get_array_element (query, i);
      nines_aws_request_add_query (req, json_array_get_string_element (kv, 0),
                                   json_array_get_string_element (kv, 1));
    }
  for (guint i = 0; i < json_array_get_length (headers); i++)
    {
      JsonArray *kv = json_array_get_array_element (headers, i);
      nines_aws_request_add_header (req, json_array_get_string_element (kv, 0),
                                    json_array_get_string_element (kv, 1));
    }
  body = hex_to_bytes (json_object_get_string_member (in, "body_hex"));
  nines_aws_request_set_body (req, body);
  if (json_object_get_boolean_member_with_default (in, "s3", FALSE))
    flags |= NINES_AWS_SIGV4_S3_PATH | NINES_AWS_SIGV4_CONTENT_SHA256_HEADER;
  if (json_object_get_boolean_member_with_default (in, "unsigned", FALSE))
    flags |= NINES_AWS_SIGV4_UNSIGNED_PAYLOAD;
  if (presign > 0)
    ok = nines_aws_sigv4_presign (req, creds, json_object_get_string_member (in, "region"),
                                  json_object_get_string_member (in, "service"),
                                  json_object_get_int_member (in, "time"), presign, flags, &trace, &error);
  else
    ok = nines_aws_sigv4_sign (req, creds, json_object_get_string_member (in, "region"),
                               json_object_get_string_member (in, "service"),
                               json_object_get_int_member (in, "time"), flags, &trace, &error);
  url = nines_aws_request_dup_url (req);
  json_builder_begin_object (out);
  json_builder_set_member_name (out, "error");
  json_builder_add_string_value (out, ok ? "" : error->message);
  json_builder_set_member_name (out, "authorization");
  json_builder_add_string_value (out, trace.authorization ? trace.authorization : "");
  json_builder_set_member_name (out, "signature");
  json_builder_add_string_value (out, trace.signature ? trace.signature : "");
  json_builder_set_member_name (out, "canonical_request");
  json_builder_add_string_value (out, trace.canonical_request ? trace.canonical_request : "");
  json_builder_set_member_name (out, "url");
  json_builder_add_string_value (out, url);
  json_builder_end_object (out);
  nines_aws_sigv4_trace_clear (&trace);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GIOChannel) ch = g_io_channel_unix_new (0);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonBuilder) out = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *input = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *items;

  g_io_channel_set_encoding (ch, NULL, NULL);
  if (g_io_channel_read_to_end (ch, &input, NULL, &error) != G_IO_STATUS_NORMAL
      || !json_parser_load_from_data (parser, input, -1, &error))
    {
      fprintf (stderr, "nines-aws-sign-tool: %s\n", error->message);
      return 1;
    }
  items = json_node_get_array (json_parser_get_root (parser));
  json_builder_begin_array (out);
  for (guint i = 0; i < json_array_get_length (items); i++)
    sign_one (json_array_get_object_element (items, i), out);
  json_builder_end_array (out);
  root = json_builder_get_root (out);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
  return 0;
}
