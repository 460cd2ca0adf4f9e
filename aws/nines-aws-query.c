#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>

#include "nines-aws-query.h"

void
nines_aws_query_add (GPtrArray  *params,
                     const char *key,
                     const char *value)
{
  if (value == NULL)
    return;
  g_ptr_array_add (params, g_strdup (key));
  g_ptr_array_add (params, g_strdup (value));
}

void
nines_aws_query_add_printf (GPtrArray  *params,
                            const char *key,
                            const char *format,
                            ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (params, g_strdup (key));
  g_ptr_array_add (params, g_strdup_vprintf (format, args));
  va_end (args);
}

/* application/x-www-form-urlencoded as the SDKs write it (Python's urlencode with
 * quote_plus, which botocore uses): unreserved characters stay, space becomes '+',
 * everything else %XX. moto recomputes signatures from this very encoding. */
static char *
form_encode (const char *s)
{
  g_autofree char *pct = NULL;
  GString *out;

  pct = nines_aws_uri_encode (s, -1, FALSE);
  out = g_string_sized_new (strlen (pct));
  for (const char *p = pct; *p; p++)
    {
      if (p[0] == '%' && p[1] == '2' && p[2] == '0')
        {
          g_string_append_c (out, '+');
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

NinesAwsRequest *
nines_aws_query_request_new (const char *endpoint,
                             const char *action,
                             const char *version,
                             GPtrArray  *params)
{
  NinesAwsRequest *request = nines_aws_request_new ("POST", endpoint, "/");
  GString *body = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *a = form_encode (action);
  g_autofree char *v = form_encode (version);
  gsize len;

  g_string_append_printf (body, "Action=%s&Version=%s", a, v);
  for (guint i = 0; params != NULL && i + 1 < params->len; i += 2)
    {
      g_autofree char *k = form_encode (g_ptr_array_index (params, i));
      g_autofree char *val = form_encode (g_ptr_array_index (params, i + 1));
      g_string_append_printf (body, "&%s=%s", k, val);
    }
  nines_aws_request_add_header (request, "Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  len = body->len;
  bytes = g_bytes_new_take (g_string_free (body, FALSE), len);
  nines_aws_request_set_body (request, bytes);   /* takes its own reference */
  return request;
}

gint64
nines_aws_parse_timestamp (const char *iso8601)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (iso8601 == NULL || *iso8601 == '\0')
    return 0;
  dt = g_date_time_new_from_iso8601 (iso8601, utc);
  return dt != NULL ? g_date_time_to_unix (dt) : 0;
}
