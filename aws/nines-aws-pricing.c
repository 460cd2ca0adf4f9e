/* GetProducts (https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html):
 * POST / with X-Amz-Target: AWSPriceListService.GetProducts and a JSON 1.1 body. */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "nines-aws-client-private.h"
#include "nines-aws-json-private.h"

#define MAX_RESULTS 100   /* the API's maximum page size */
#define PAGE_LIMIT  10000

static char *
request_body (const char         *service_code,
              const char * const *filters,
              const char         *token)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "ServiceCode");
  json_builder_add_string_value (b, service_code);
  json_builder_set_member_name (b, "FormatVersion");
  json_builder_add_string_value (b, "aws_v1");
  json_builder_set_member_name (b, "MaxResults");
  json_builder_add_int_value (b, MAX_RESULTS);
  json_builder_set_member_name (b, "Filters");
  json_builder_begin_array (b);
  for (guint i = 0; filters != NULL && filters[i] != NULL && filters[i + 1] != NULL; i += 2)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "Type");
      json_builder_add_string_value (b, "TERM_MATCH");
      json_builder_set_member_name (b, "Field");
      json_builder_add_string_value (b, filters[i]);
      json_builder_set_member_name (b, "Value");
      json_builder_add_string_value (b, filters[i + 1]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (token != NULL)
    {
      json_builder_set_member_name (b, "NextToken");
      json_builder_add_string_value (b, token);
    }
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

static gboolean
is_pricing_region (const char *region)
{
  static const char * const regions[] = { "us-east-1", "eu-central-1", "ap-south-1", NULL };

  return region != NULL && g_strv_contains (regions, region);
}

GPtrArray *
nines_aws_pricing_get_products (NinesAwsClient          *client,
                                const char              *service_code,
                                const char * const      *filters,
                                guint                    max_pages,
                                NinesAwsPricingProgress  progress,
                                gpointer                 progress_data,
                                GCancellable            *cancellable,
                                GError                 **error)
{
  g_autoptr(NinesAwsClient) pricing = NULL;
  g_autoptr(GPtrArray) products = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *endpoint = NULL, *token = NULL;

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);
  g_return_val_if_fail (service_code != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pricing = is_pricing_region (nines_aws_client_get_region (client))
            ? g_object_ref (client) : nines_aws_client_new_for_region (client, "us-east-1");
  endpoint = nines_aws_client_dup_endpoint (pricing, "Pricing", error);
  if (endpoint == NULL)
    return NULL;

  for (guint page = 1; max_pages == 0 || page <= max_pages; page++)
    {
      g_autofree char *body = request_body (service_code, filters, token);
      gsize body_len = strlen (body);
      g_autoptr(NinesAwsRequest) request = nines_aws_request_new ("POST", endpoint, "/");
      g_autoptr(NinesAwsResponse) response = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) parse_error = NULL;
      JsonObject *o;
      JsonArray *list;
      const char *next;
      GBytes *rbody;

      if (page > PAGE_LIMIT)
        break;
      nines_aws_request_add_header (request, "Content-Type", "application/x-amz-json-1.1");
      nines_aws_request_add_header (request, "X-Amz-Target", "AWSPriceListService.GetProducts");
      nines_aws_request_set_body (request, g_bytes_new_take (g_steal_pointer (&body), body_len));
      g_bytes_unref (nines_aws_request_get_body (request));
      response = nines_aws_client_call (pricing, "pricing", "pricing:GetProducts", request, 0, cancellable, error);
      if (response == NULL)
        return NULL;
      rbody = nines_aws_response_get_body (response);
      root = nines_json_parse (g_bytes_get_data (rbody, NULL), g_bytes_get_size (rbody), &parse_error);
      if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                       _("pricing:GetProducts page %u is not a JSON object (%s); it may have been cut off"),
                       page, parse_error ? parse_error->message : _("wrong type"));
          return NULL;
        }
      o = json_node_get_object (root);
      if (!json_object_has_member (o, "PriceList")
          || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "PriceList")))
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                       _("pricing:GetProducts page %u has no PriceList array"), page);
          return NULL;
        }
      list = json_object_get_array_member (o, "PriceList");
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonNode *n = json_array_get_element (list, i);

          if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
            {
              g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                           _("pricing:GetProducts page %u: PriceList[%u] is not a string"), page, i);
              return NULL;
            }
          g_ptr_array_add (products, g_strdup (json_node_get_string (n)));
        }
      if (progress != NULL)
        progress (page, products->len, progress_data);
      if (!_nines_aws_json_get_string (o, "NextToken", &next))
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                       _("pricing:GetProducts page %u: NextToken is not a string"), page);
          return NULL;
        }
      if (next == NULL || *next == '\0')
        break;
      if (g_strcmp0 (next, token) == 0)
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                       _("pricing:GetProducts returned the same NextToken twice"));
          return NULL;
        }
      g_free (token);
      token = g_strdup (next);
    }
  return g_steal_pointer (&products);
}

typedef struct
{
  char *service_code;
  char **filters;
  guint max_pages;
  NinesAwsPricingProgress progress;
  gpointer progress_data;
  GMainContext *context;   /* where progress is reported */
} Args;

static void
args_free (gpointer data)
{
  Args *a = data;

  g_free (a->service_code);
  g_strfreev (a->filters);
  g_main_context_unref (a->context);
  g_free (a);
}

typedef struct
{
  NinesAwsPricingProgress progress;
  gpointer progress_data;
  guint pages;
  guint products;
} ProgressReport;

static gboolean
report_progress (gpointer data)
{
  ProgressReport *r = data;

  r->progress (r->pages, r->products, r->progress_data);
  return G_SOURCE_REMOVE;
}

/* Runs in the worker: hands the numbers to the caller's main context */
static void
forward_progress (guint    pages,
                  guint    products,
                  gpointer user_data)
{
  Args *a = user_data;
  ProgressReport *r = g_new0 (ProgressReport, 1);
  GSource *source = g_idle_source_new ();

  r->progress = a->progress;
  r->progress_data = a->progress_data;
  r->pages = pages;
  r->products = products;
  /* always through a source: g_main_context_invoke() would run it right here when the
   * caller's context is the global default one that nobody holds at the moment */
  g_source_set_callback (source, report_progress, r, g_free);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_attach (source, a->context);
  g_source_unref (source);
}

static gpointer
get_products_func (NinesAwsClient  *client,
                   gpointer         data,
                   GCancellable    *cancellable,
                   GError         **error)
{
  Args *a = data;

  return nines_aws_pricing_get_products (client, a->service_code, (const char * const *) a->filters,
                                         a->max_pages, a->progress ? forward_progress : NULL, a,
                                         cancellable, error);
}

void
nines_aws_pricing_get_products_async (NinesAwsClient          *client,
                                      const char              *service_code,
                                      const char * const      *filters,
                                      guint                    max_pages,
                                      NinesAwsPricingProgress  progress,
                                      gpointer                 progress_data,
                                      GCancellable            *cancellable,
                                      GAsyncReadyCallback      callback,
                                      gpointer                 user_data)
{
  Args *a = g_new0 (Args, 1);

  a->service_code = g_strdup (service_code);
  a->filters = g_strdupv ((char **) filters);
  a->max_pages = max_pages;
  a->progress = progress;
  a->progress_data = progress_data;
  a->context = g_main_context_ref_thread_default ();
  nines_aws_client_run_async (client, get_products_func, a, args_free, (GDestroyNotify) g_ptr_array_unref,
                              nines_aws_pricing_get_products_async, cancellable, callback, user_data);
}

GPtrArray *
nines_aws_pricing_get_products_finish (NinesAwsClient  *client,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  return nines_aws_client_run_finish (client, result, nines_aws_pricing_get_products_async, error);
}
