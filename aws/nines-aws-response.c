#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include "nines-aws.h"

struct _NinesAwsResponse
{
  gatomicrefcount ref_count;
  guint status;
  GHashTable *headers;
  GBytes *body;
};

G_DEFINE_BOXED_TYPE (NinesAwsResponse, nines_aws_response, nines_aws_response_ref, nines_aws_response_unref)

NinesAwsResponse *
nines_aws_response_new (guint status)
{
  NinesAwsResponse *self = g_new0 (NinesAwsResponse, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->status = status;
  self->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->body = g_bytes_new_static ("", 0);
  return self;
}

NinesAwsResponse *
nines_aws_response_ref (NinesAwsResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nines_aws_response_unref (NinesAwsResponse *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->headers);
  g_bytes_unref (self->body);
  g_free (self);
}

guint
nines_aws_response_get_status (NinesAwsResponse *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->status;
}

void
nines_aws_response_set_status (NinesAwsResponse *self,
                               guint             status)
{
  g_return_if_fail (self != NULL);
  self->status = status;
}

void
nines_aws_response_add_header (NinesAwsResponse *self,
                               const char       *name,
                               const char       *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_hash_table_replace (self->headers, g_ascii_strdown (name, -1),
                        g_strstrip (g_strdup (value != NULL ? value : "")));
}

const char *
nines_aws_response_get_header (NinesAwsResponse *self,
                               const char       *name)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  lower = g_ascii_strdown (name, -1);
  return g_hash_table_lookup (self->headers, lower);
}

void
nines_aws_response_set_body (NinesAwsResponse *self,
                             GBytes           *body)
{
  g_return_if_fail (self != NULL);
  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = body != NULL ? g_bytes_ref (body) : g_bytes_new_static ("", 0);
}

GBytes *
nines_aws_response_get_body (NinesAwsResponse *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->body;
}

const char *
nines_aws_response_get_request_id (NinesAwsResponse *self)
{
  const char *id;

  g_return_val_if_fail (self != NULL, NULL);
  id = nines_aws_response_get_header (self, "x-amzn-requestid");
  if (id == NULL)
    id = nines_aws_response_get_header (self, "x-amz-request-id");
  return id;
}
