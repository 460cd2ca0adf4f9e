/* The libcurl transport: runs on the calling (worker) thread with that thread's easy
 * handle. The one place where CURLcode becomes a GError.
 *
 * libcurl is opened when the first request is sent, not linked: with its TLS, SSH, LDAP
 * and Kerberos libraries it is 23 shared objects, and the dynamic linker's work for them
 * (42 M instructions) came before the GUI's first frame, on every start, for a network
 * most sessions never use. */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>
/* curl_easy_setopt() and _getinfo() are called through pointers (curl_api below): no
 * type-checking macros of the same names from the header. */
#define CURL_DISABLE_TYPECHECK 1
#include <curl/curl.h>
#undef curl_easy_setopt
#undef curl_easy_getinfo
#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "nines-aws.h"

/* Responses larger than this are refused rather than buffered (a Price List page is
 * well under 1 MiB; a CloudFormation template at most 1 MiB). */
#define MAX_RESPONSE_BYTES (64u * 1024 * 1024)

struct _NinesAwsCurlTransport
{
  GObject parent_instance;

  guint connect_timeout_ms;
  guint total_timeout_ms;
  char *ca_file;
};

/* libcurl's ABI 4 (stable since 7.16, 2006); the headers used to build must be >= 7.88
 * (meson.build), the library loaded is the one they came with. */
#define LIBCURL_SONAME "libcurl.so.4"

/* The entry points used here, resolved once, typed from the header's own declarations
 * (a pointer of another type would not compile). Calls below go through these macros, so
 * the code reads as plain libcurl. */
static struct
{
  __typeof__ (curl_global_init)    *global_init;
  __typeof__ (curl_easy_init)      *easy_init;
  __typeof__ (curl_easy_cleanup)   *easy_cleanup;
  __typeof__ (curl_easy_reset)     *easy_reset;
  __typeof__ (curl_easy_setopt)    *easy_setopt;
  __typeof__ (curl_easy_perform)   *easy_perform;
  __typeof__ (curl_easy_getinfo)   *easy_getinfo;
  __typeof__ (curl_easy_strerror)  *easy_strerror;
  __typeof__ (curl_slist_append)   *slist_append;
  __typeof__ (curl_slist_free_all) *slist_free_all;
} curl_api;
static char *curl_api_error;   /* why libcurl could not be opened */

#define curl_easy_init     curl_api.easy_init
#define curl_easy_cleanup  curl_api.easy_cleanup
#define curl_easy_reset    curl_api.easy_reset
#define curl_easy_setopt   curl_api.easy_setopt
#define curl_easy_perform  curl_api.easy_perform
#define curl_easy_getinfo  curl_api.easy_getinfo
#define curl_easy_strerror curl_api.easy_strerror
#define curl_slist_append  curl_api.slist_append
#define curl_slist_free_all curl_api.slist_free_all

/* Opens libcurl and runs curl_global_init(), once per process, before any thread can
 * use curl (g_once_init_enter() makes the others wait). FALSE when it is not
 * installed: the caller reports the transfer as impossible. */
static gboolean
curl_api_load (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      GModule *module = g_module_open (LIBCURL_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
      gboolean ok = module != NULL;

      ok = ok && g_module_symbol (module, "curl_global_init", (gpointer *) &curl_api.global_init);
      ok = ok && g_module_symbol (module, "curl_easy_init", (gpointer *) &curl_api.easy_init);
      ok = ok && g_module_symbol (module, "curl_easy_cleanup", (gpointer *) &curl_api.easy_cleanup);
      ok = ok && g_module_symbol (module, "curl_easy_reset", (gpointer *) &curl_api.easy_reset);
      ok = ok && g_module_symbol (module, "curl_easy_setopt", (gpointer *) &curl_api.easy_setopt);
      ok = ok && g_module_symbol (module, "curl_easy_perform", (gpointer *) &curl_api.easy_perform);
      ok = ok && g_module_symbol (module, "curl_easy_getinfo", (gpointer *) &curl_api.easy_getinfo);
      ok = ok && g_module_symbol (module, "curl_easy_strerror", (gpointer *) &curl_api.easy_strerror);
      ok = ok && g_module_symbol (module, "curl_slist_append", (gpointer *) &curl_api.slist_append);
      ok = ok && g_module_symbol (module, "curl_slist_free_all", (gpointer *) &curl_api.slist_free_all);
      if (ok)
        {
          g_module_make_resident (module);
          ok = curl_api.global_init (CURL_GLOBAL_DEFAULT) == CURLE_OK;
        }
      else
        {
          /* Not a programming error: the library is missing or broken on this machine.
           * Each transfer reports it (nines_aws_curl_transport_send). */
          curl_api_error = g_strdup_printf ("%s: %s", LIBCURL_SONAME, g_module_error ());
          if (module != NULL)
            g_module_close (module);
        }
      g_once_init_leave (&loaded, ok ? 1 : 2);
    }
  return loaded == 1;
}

/* One easy handle per thread, reset between requests: curl keeps its connection cache,
 * so the pages of a paginated call reuse one TLS connection. */
static void
easy_cleanup (gpointer curl)
{
  curl_easy_cleanup (curl);
}

static GPrivate thread_curl = G_PRIVATE_INIT (easy_cleanup);

static CURL *
thread_easy_handle (void)
{
  CURL *curl;

  if (!curl_api_load ())
    return NULL;
  curl = g_private_get (&thread_curl);
  if (curl != NULL)
    {
      curl_easy_reset (curl);
      return curl;
    }
  curl = curl_easy_init ();
  if (curl != NULL)
    g_private_set (&thread_curl, curl);
  return curl;
}

static void transport_iface_init (NinesAwsTransportInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NinesAwsCurlTransport, nines_aws_curl_transport, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (NINES_TYPE_AWS_TRANSPORT, transport_iface_init))

typedef struct
{
  GByteArray *body;
  NinesAwsResponse *response;   /* headers collected here; status set at the end */
  GCancellable *cancellable;
  gboolean too_large;
} Exchange;

static size_t
write_cb (char   *data,
          size_t  size,
          size_t  nmemb,
          void   *user_data)
{
  Exchange *ex = user_data;
  gsize n = size * nmemb;

  if (ex->body->len + n > MAX_RESPONSE_BYTES)
    {
      ex->too_large = TRUE;
      return 0;
    }
  g_byte_array_append (ex->body, (const guint8 *) data, n);
  return n;
}

static size_t
header_cb (char   *data,
           size_t  size,
           size_t  nmemb,
           void   *user_data)
{
  Exchange *ex = user_data;
  gsize n = size * nmemb;
  g_autofree char *line = g_strndup (data, n);
  char *colon;

  if (g_str_has_prefix (line, "HTTP/"))
    {
      /* a new status line (after a 100 Continue): forget earlier headers */
      g_clear_pointer (&ex->response, nines_aws_response_unref);
      ex->response = nines_aws_response_new (0);
      return n;
    }
  colon = strchr (line, ':');
  if (colon != NULL)
    {
      *colon = '\0';
      nines_aws_response_add_header (ex->response, g_strstrip (line), colon + 1);
    }
  return n;
}

static int
progress_cb (void       *user_data,
             curl_off_t  dltotal,
             curl_off_t  dlnow,
             curl_off_t  ultotal,
             curl_off_t  ulnow)
{
  Exchange *ex = user_data;

  return g_cancellable_is_cancelled (ex->cancellable) ? 1 : 0;
}

static char *
host_for_messages (NinesAwsRequest *request)
{
  /* never the full URL: a presigned query carries a signature and maybe a token */
  g_autoptr(GUri) uri = g_uri_parse (nines_aws_request_get_endpoint (request), G_URI_FLAGS_NONE, NULL);

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (nines_aws_request_get_endpoint (request));
  if (g_uri_get_port (uri) > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri));
  return g_strdup (g_uri_get_host (uri));
}

static GError *
error_from_curl (CURLcode         code,
                 const char      *errbuf,
                 NinesAwsRequest *request,
                 Exchange        *ex,
                 guint            total_timeout_ms)
{
  g_autofree char *host = host_for_messages (request);
  const char *detail = errbuf[0] ? errbuf : curl_easy_strerror (code);

  switch (code)
    {
    case CURLE_ABORTED_BY_CALLBACK:
      return g_error_new (NINES_AWS_ERROR, NINES_AWS_ERROR_CANCELLED,
                          _("The request to %s was cancelled"), host);
    case CURLE_OPERATION_TIMEDOUT:
      return g_error_new (NINES_AWS_ERROR, NINES_AWS_ERROR_TIMEOUT,
                          _("%s did not answer in time (%s); check the network or try again later"),
                          host, detail);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return g_error_new (NINES_AWS_ERROR, NINES_AWS_ERROR_TLS,
                          _("The TLS certificate of %s could not be verified (%s); "
                            "a proxy or a wrong endpoint URL may be in the way (AWS_CA_BUNDLE "
                            "names a CA file to trust)"), host, detail);
    case CURLE_WRITE_ERROR:
      if (ex->too_large)
        return g_error_new (NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                            _("%s sent a response larger than %u MiB"), host,
                            MAX_RESPONSE_BYTES / (1024 * 1024));
      G_GNUC_FALLTHROUGH;
    default:
      return g_error_new (NINES_AWS_ERROR, NINES_AWS_ERROR_TRANSPORT,
                          _("Could not reach %s: %s"), host, detail);
    }
}

static NinesAwsResponse *
nines_aws_curl_transport_send (NinesAwsTransport *transport,
                               NinesAwsRequest   *request,
                               GCancellable      *cancellable,
                               GError           **error)
{
  NinesAwsCurlTransport *self = NINES_AWS_CURL_TRANSPORT (transport);
  g_autofree char *url = nines_aws_request_dup_url (request);
  const char *method = nines_aws_request_get_method (request);
  GBytes *body = nines_aws_request_get_body (request);
  struct curl_slist *headers = NULL;
  char errbuf[CURL_ERROR_SIZE] = "";
  Exchange ex = { 0 };
  NinesAwsResponse *response = NULL;
  CURLcode code;
  CURL *curl;
  long status = 0;

  curl = thread_easy_handle ();
  if (curl == NULL)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_TRANSPORT,
                   _("Could not start an HTTP transfer (libcurl): %s"),
                   curl_api_error ? curl_api_error : _("no transfer handle"));
      return NULL;
    }
  ex.body = g_byte_array_new ();
  ex.response = nines_aws_response_new (0);
  ex.cancellable = cancellable;

  for (guint i = 0; i < nines_aws_request_get_n_headers (request); i++)
    {
      const char *name, *value;
      g_autofree char *line = NULL;

      nines_aws_request_get_header_at (request, i, &name, &value);
      line = *value ? g_strdup_printf ("%s: %s", name, value) : g_strdup_printf ("%s;", name);
      headers = curl_slist_append (headers, line);
    }
  /* headers curl would add by itself, unsigned: no 100-continue round trip, and no
   * made-up form Content-Type */
  headers = curl_slist_append (headers, "Expect:");
  if (nines_aws_request_get_header (request, "content-type") == NULL)
    headers = curl_slist_append (headers, "Content-Type:");

  curl_easy_setopt (curl, CURLOPT_URL, url);
  curl_easy_setopt (curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt (curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt (curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (self->ca_file != NULL)
    curl_easy_setopt (curl, CURLOPT_CAINFO, self->ca_file);
  curl_easy_setopt (curl, CURLOPT_CONNECTTIMEOUT_MS, (long) self->connect_timeout_ms);
  curl_easy_setopt (curl, CURLOPT_TIMEOUT_MS, (long) self->total_timeout_ms);
  curl_easy_setopt (curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt (curl, CURLOPT_USERAGENT, "nines/" PACKAGE_VERSION " libcurl/" LIBCURL_VERSION);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, errbuf);
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt (curl, CURLOPT_WRITEFUNCTION, write_cb);
  curl_easy_setopt (curl, CURLOPT_WRITEDATA, &ex);
  curl_easy_setopt (curl, CURLOPT_HEADERFUNCTION, header_cb);
  curl_easy_setopt (curl, CURLOPT_HEADERDATA, &ex);
  curl_easy_setopt (curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt (curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
  curl_easy_setopt (curl, CURLOPT_XFERINFODATA, &ex);
  curl_easy_setopt (curl, CURLOPT_ACCEPT_ENCODING, "");

  if (g_str_equal (method, "HEAD"))
    curl_easy_setopt (curl, CURLOPT_NOBODY, 1L);
  else if (g_str_equal (method, "GET") && g_bytes_get_size (body) == 0)
    curl_easy_setopt (curl, CURLOPT_HTTPGET, 1L);
  else
    {
      curl_easy_setopt (curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) g_bytes_get_size (body));
      curl_easy_setopt (curl, CURLOPT_POSTFIELDS, g_bytes_get_size (body) ? g_bytes_get_data (body, NULL) : "");
      curl_easy_setopt (curl, CURLOPT_CUSTOMREQUEST, method);
    }

  g_debug ("%s %s%s", method, nines_aws_request_get_endpoint (request), nines_aws_request_get_path (request));
  code = curl_easy_perform (curl);
  if (code == CURLE_OK)
    {
      curl_easy_getinfo (curl, CURLINFO_RESPONSE_CODE, &status);
      GBytes *bytes = g_byte_array_free_to_bytes (g_steal_pointer (&ex.body));

      response = g_steal_pointer (&ex.response);
      nines_aws_response_set_status (response, (guint) status);
      nines_aws_response_set_body (response, bytes);
      g_bytes_unref (bytes);
      g_debug ("%s %s%s -> %ld (%s)", method, nines_aws_request_get_endpoint (request),
               nines_aws_request_get_path (request), status,
               nines_aws_response_get_request_id (response) ? nines_aws_response_get_request_id (response) : "no request id");
    }
  else
    {
      if (code == CURLE_ABORTED_BY_CALLBACK || g_cancellable_is_cancelled (cancellable))
        code = CURLE_ABORTED_BY_CALLBACK;
      g_propagate_error (error, error_from_curl (code, errbuf, request, &ex, self->total_timeout_ms));
    }

  if (ex.body != NULL)
    g_byte_array_unref (ex.body);
  g_clear_pointer (&ex.response, nines_aws_response_unref);
  /* the handle outlives its options: unhook everything that points into this frame */
  curl_easy_setopt (curl, CURLOPT_HTTPHEADER, NULL);
  curl_easy_setopt (curl, CURLOPT_ERRORBUFFER, NULL);
  curl_slist_free_all (headers);
  return response;
}

static void
transport_iface_init (NinesAwsTransportInterface *iface)
{
  iface->send = nines_aws_curl_transport_send;
}

static void
nines_aws_curl_transport_finalize (GObject *object)
{
  NinesAwsCurlTransport *self = NINES_AWS_CURL_TRANSPORT (object);

  g_free (self->ca_file);
  G_OBJECT_CLASS (nines_aws_curl_transport_parent_class)->finalize (object);
}

static void
nines_aws_curl_transport_class_init (NinesAwsCurlTransportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nines_aws_curl_transport_finalize;
  /* libcurl itself is opened by the first request (curl_api_load) */
}

static void
nines_aws_curl_transport_init (NinesAwsCurlTransport *self)
{
  self->connect_timeout_ms = 10000;
  self->total_timeout_ms = 120000;
}

NinesAwsTransport *
nines_aws_curl_transport_new (void)
{
  return g_object_new (NINES_TYPE_AWS_CURL_TRANSPORT, NULL);
}

void
nines_aws_curl_transport_set_timeouts (NinesAwsCurlTransport *self,
                                       guint                  connect_timeout_ms,
                                       guint                  total_timeout_ms)
{
  g_return_if_fail (NINES_IS_AWS_CURL_TRANSPORT (self));
  g_return_if_fail (connect_timeout_ms > 0 && total_timeout_ms > 0);
  self->connect_timeout_ms = connect_timeout_ms;
  self->total_timeout_ms = total_timeout_ms;
}

void
nines_aws_curl_transport_set_ca_file (NinesAwsCurlTransport *self,
                                      const char            *path)
{
  g_return_if_fail (NINES_IS_AWS_CURL_TRANSPORT (self));
  g_free (self->ca_file);
  self->ca_file = g_strdup (path);
}
