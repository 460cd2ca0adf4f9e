#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>

#include "nines-aws.h"

typedef struct
{
  char *name;
  char *value;
} Pair;

struct _NinesAwsRequest
{
  gatomicrefcount ref_count;
  char *method;
  char *endpoint;
  char *path;
  GArray *query;     /* of Pair */
  GArray *headers;   /* of Pair */
  GBytes *body;
};

G_DEFINE_BOXED_TYPE (NinesAwsRequest, nines_aws_request, nines_aws_request_ref, nines_aws_request_unref)

static void
pair_clear (gpointer data)
{
  Pair *p = data;

  g_free (p->name);
  g_free (p->value);
}

static GArray *
pair_array_new (void)
{
  GArray *a = g_array_new (FALSE, TRUE, sizeof (Pair));

  g_array_set_clear_func (a, pair_clear);
  return a;
}

NinesAwsRequest *
nines_aws_request_new (const char *method,
                       const char *endpoint,
                       const char *path)
{
  NinesAwsRequest *self;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (endpoint != NULL, NULL);

  self = g_new0 (NinesAwsRequest, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->method = g_ascii_strup (method, -1);
  self->endpoint = g_strdup (endpoint);
  if (g_str_has_suffix (self->endpoint, "/"))
    self->endpoint[strlen (self->endpoint) - 1] = '\0';
  self->path = g_strdup (path != NULL && *path != '\0' ? path : "/");
  self->query = pair_array_new ();
  self->headers = pair_array_new ();
  self->body = g_bytes_new_static ("", 0);
  return self;
}

NinesAwsRequest *
nines_aws_request_ref (NinesAwsRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nines_aws_request_unref (NinesAwsRequest *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->method);
  g_free (self->endpoint);
  g_free (self->path);
  g_array_unref (self->query);
  g_array_unref (self->headers);
  g_bytes_unref (self->body);
  g_free (self);
}

NinesAwsRequest *
nines_aws_request_copy (NinesAwsRequest *self)
{
  NinesAwsRequest *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = nines_aws_request_new (self->method, self->endpoint, self->path);
  for (guint i = 0; i < self->query->len; i++)
    {
      Pair *p = &g_array_index (self->query, Pair, i);
      nines_aws_request_add_query (copy, p->name, p->value);
    }
  for (guint i = 0; i < self->headers->len; i++)
    {
      Pair *p = &g_array_index (self->headers, Pair, i);
      nines_aws_request_add_header (copy, p->name, p->value);
    }
  nines_aws_request_set_body (copy, self->body);
  return copy;
}

const char *
nines_aws_request_get_method (NinesAwsRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->method;
}

const char *
nines_aws_request_get_endpoint (NinesAwsRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->endpoint;
}

const char *
nines_aws_request_get_path (NinesAwsRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

void
nines_aws_request_set_path (NinesAwsRequest *self,
                            const char      *path)
{
  g_return_if_fail (self != NULL);
  g_free (self->path);
  self->path = g_strdup (path != NULL && *path != '\0' ? path : "/");
}

void
nines_aws_request_add_query (NinesAwsRequest *self,
                             const char      *key,
                             const char      *value)
{
  Pair p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);
  p.name = g_strdup (key);
  p.value = g_strdup (value != NULL ? value : "");
  g_array_append_val (self->query, p);
}

guint
nines_aws_request_get_n_query (NinesAwsRequest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->query->len;
}

void
nines_aws_request_get_query (NinesAwsRequest *self,
                             guint            i,
                             const char     **key,
                             const char     **value)
{
  Pair *p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->query->len);
  p = &g_array_index (self->query, Pair, i);
  if (key)
    *key = p->name;
  if (value)
    *value = p->value;
}

char *
nines_aws_uri_encode (const char *s,
                      gssize      len,
                      gboolean    keep_slash)
{
  static const char hex[] = "0123456789ABCDEF";
  GString *out;

  g_return_val_if_fail (s != NULL, NULL);
  if (len < 0)
    len = strlen (s);
  out = g_string_sized_new (len + 8);
  for (gssize i = 0; i < len; i++)
    {
      guchar c = (guchar) s[i];

      if (g_ascii_isalnum (c) || c == '-' || c == '.' || c == '_' || c == '~'
          || (keep_slash && c == '/'))
        g_string_append_c (out, c);
      else
        {
          g_string_append_c (out, '%');
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
        }
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  char *key;
  char *value;
} EncodedPair;

static int
encoded_pair_cmp (gconstpointer a,
                  gconstpointer b)
{
  const EncodedPair *pa = a, *pb = b;
  int r = strcmp (pa->key, pb->key);

  return r != 0 ? r : strcmp (pa->value, pb->value);
}

char *
nines_aws_request_dup_query_string (NinesAwsRequest *self)
{
  g_autofree EncodedPair *pairs = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  pairs = g_new0 (EncodedPair, self->query->len + 1);
  for (guint i = 0; i < self->query->len; i++)
    {
      Pair *p = &g_array_index (self->query, Pair, i);
      pairs[i].key = nines_aws_uri_encode (p->name, -1, FALSE);
      pairs[i].value = nines_aws_uri_encode (p->value, -1, FALSE);
    }
  /* SigV4: sort by encoded key, then by encoded value (byte order) */
  qsort (pairs, self->query->len, sizeof (EncodedPair), encoded_pair_cmp);
  out = g_string_new (NULL);
  for (guint i = 0; i < self->query->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '&');
      g_string_append_printf (out, "%s=%s", pairs[i].key, pairs[i].value);
      g_free (pairs[i].key);
      g_free (pairs[i].value);
    }
  return g_string_free (out, FALSE);
}

char *
nines_aws_request_dup_url (NinesAwsRequest *self)
{
  g_autofree char *query = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  query = nines_aws_request_dup_query_string (self);
  return g_strconcat (self->endpoint, self->path, *query ? "?" : "", query, NULL);
}

void
nines_aws_request_add_header (NinesAwsRequest *self,
                              const char      *name,
                              const char      *value)
{
  Pair p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  p.name = g_strdup (name);
  p.value = g_strdup (value != NULL ? value : "");
  g_array_append_val (self->headers, p);
}

void
nines_aws_request_remove_header (NinesAwsRequest *self,
                                 const char      *name)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  for (guint i = self->headers->len; i > 0; i--)
    if (g_ascii_strcasecmp (g_array_index (self->headers, Pair, i - 1).name, name) == 0)
      g_array_remove_index (self->headers, i - 1);
}

void
nines_aws_request_set_header (NinesAwsRequest *self,
                              const char      *name,
                              const char      *value)
{
  g_return_if_fail (self != NULL);
  nines_aws_request_remove_header (self, name);
  nines_aws_request_add_header (self, name, value);
}

const char *
nines_aws_request_get_header (NinesAwsRequest *self,
                              const char      *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  for (guint i = 0; i < self->headers->len; i++)
    if (g_ascii_strcasecmp (g_array_index (self->headers, Pair, i).name, name) == 0)
      return g_array_index (self->headers, Pair, i).value;
  return NULL;
}

guint
nines_aws_request_get_n_headers (NinesAwsRequest *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->headers->len;
}

void
nines_aws_request_get_header_at (NinesAwsRequest *self,
                                 guint            i,
                                 const char     **name,
                                 const char     **value)
{
  Pair *p;

  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->headers->len);
  p = &g_array_index (self->headers, Pair, i);
  if (name)
    *name = p->name;
  if (value)
    *value = p->value;
}

void
nines_aws_request_set_body (NinesAwsRequest *self,
                            GBytes          *body)
{
  g_return_if_fail (self != NULL);
  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = body != NULL ? g_bytes_ref (body) : g_bytes_new_static ("", 0);
}

GBytes *
nines_aws_request_get_body (NinesAwsRequest *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->body;
}
