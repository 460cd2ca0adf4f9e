#include "config.h"

#include <string.h>

#include "nines-aws-test-utils.h"

typedef struct
{
  guint status;
  char *body;
  char *request_id;
  int error_code;   /* -1: none */
} Canned;

struct _NinesTestTransport
{
  GObject parent_instance;
  GMutex mutex;
  GQueue canned;
  GPtrArray *requests;
};

static void iface_init (NinesAwsTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NinesTestTransport, nines_test_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (NINES_TYPE_AWS_TRANSPORT, iface_init))

static void
canned_free (gpointer data)
{
  Canned *c = data;

  g_free (c->body);
  g_free (c->request_id);
  g_free (c);
}

static NinesAwsResponse *
fake_send (NinesAwsTransport *transport,
           NinesAwsRequest   *request,
           GCancellable      *cancellable,
           GError           **error)
{
  NinesTestTransport *self = NINES_TEST_TRANSPORT (transport);
  Canned *c;
  NinesAwsResponse *response;

  g_mutex_lock (&self->mutex);
  g_ptr_array_add (self->requests, nines_aws_request_copy (request));
  c = g_queue_pop_head (&self->canned);
  g_mutex_unlock (&self->mutex);
  if (c == NULL)
    {
      g_set_error_literal (error, NINES_AWS_ERROR, NINES_AWS_ERROR_TRANSPORT, "fake transport: nothing queued");
      return NULL;
    }
  if (c->error_code >= 0)
    {
      g_set_error (error, NINES_AWS_ERROR, c->error_code, "fake transport error %d", c->error_code);
      canned_free (c);
      return NULL;
    }
  response = nines_aws_response_new (c->status);
  if (c->request_id)
    nines_aws_response_add_header (response, "x-amzn-RequestId", c->request_id);
  nines_aws_response_set_body (response, g_bytes_new (c->body, strlen (c->body)));
  {
    /* set_body took a ref; drop ours */
    GBytes *b = nines_aws_response_get_body (response);
    g_bytes_unref (b);
  }
  canned_free (c);
  return response;
}

static void
iface_init (NinesAwsTransportInterface *iface)
{
  iface->send = fake_send;
}

static void
nines_test_transport_finalize (GObject *object)
{
  NinesTestTransport *self = NINES_TEST_TRANSPORT (object);

  g_queue_clear_full (&self->canned, canned_free);
  g_ptr_array_unref (self->requests);
  g_mutex_clear (&self->mutex);
  G_OBJECT_CLASS (nines_test_transport_parent_class)->finalize (object);
}

static void
nines_test_transport_class_init (NinesTestTransportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nines_test_transport_finalize;
}

static void
nines_test_transport_init (NinesTestTransport *self)
{
  g_mutex_init (&self->mutex);
  g_queue_init (&self->canned);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) nines_aws_request_unref);
}

NinesTestTransport *
nines_test_transport_new (void)
{
  return g_object_new (NINES_TYPE_TEST_TRANSPORT, NULL);
}

void
nines_test_transport_push (NinesTestTransport *self,
                           guint               status,
                           const char         *body,
                           const char         *request_id)
{
  Canned *c = g_new0 (Canned, 1);

  c->status = status;
  c->body = g_strdup (body ? body : "");
  c->request_id = g_strdup (request_id);
  c->error_code = -1;
  g_mutex_lock (&self->mutex);
  g_queue_push_tail (&self->canned, c);
  g_mutex_unlock (&self->mutex);
}

void
nines_test_transport_push_error (NinesTestTransport *self,
                                 NinesAwsError       code)
{
  Canned *c = g_new0 (Canned, 1);

  c->error_code = code;
  g_mutex_lock (&self->mutex);
  g_queue_push_tail (&self->canned, c);
  g_mutex_unlock (&self->mutex);
}

guint
nines_test_transport_get_n_requests (NinesTestTransport *self)
{
  guint n;

  g_mutex_lock (&self->mutex);
  n = self->requests->len;
  g_mutex_unlock (&self->mutex);
  return n;
}

NinesAwsRequest *
nines_test_transport_get_request (NinesTestTransport *self,
                                  guint               i)
{
  g_assert_cmpuint (i, <, self->requests->len);
  return g_ptr_array_index (self->requests, i);
}

char *
nines_test_transport_dup_body (NinesTestTransport *self,
                               guint               i)
{
  GBytes *b = nines_aws_request_get_body (nines_test_transport_get_request (self, i));

  return g_strndup (g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

static GMutex log_mutex;
static GString *log_text;

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&log_mutex);
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      {
        if (fields[i].length < 0)
          g_string_append (log_text, fields[i].value);
        else
          g_string_append_len (log_text, fields[i].value, fields[i].length);
        g_string_append_c (log_text, '\n');
      }
  g_mutex_unlock (&log_mutex);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

void
nines_test_log_capture_start (void)
{
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  log_text = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);
}

char *
nines_test_log_capture_dup (void)
{
  char *s;

  g_mutex_lock (&log_mutex);
  s = g_strdup (log_text ? log_text->str : "");
  g_mutex_unlock (&log_mutex);
  return s;
}

char *
nines_test_write_file (const char *dir,
                       const char *name,
                       const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}
