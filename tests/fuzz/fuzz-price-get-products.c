/* fuzz-price-get-products.c: the Price List Query API GetProducts importer.
 *
 * The input is a GetProducts response page ({"PriceList": ["…", …]}), whose strings
 * are the products, as the AWS client hands them over; anything else is taken as one
 * PriceList element. */
#define G_LOG_DOMAIN "nines-fuzz"

#include "config.h"

#include <stdlib.h>
#include <nines-model.h>

#include "nines-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  nines_fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = nines_json_parse ((const char *) data, size, NULL);
  g_autoptr(NinesPriceBuilder) builder = nines_price_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);
  NinesPriceImportStats stats = { 0 };

  /* a GetProducts response as nines_aws_pricing reads it: one JSON value only */
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root) &&
      json_object_has_member (json_node_get_object (root), "PriceList") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (root), "PriceList")))
    {
      JsonArray *a = json_object_get_array_member (json_node_get_object (root), "PriceList");

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *e = json_array_get_element (a, i);

          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
            g_ptr_array_add (list, g_strdup (json_node_get_string (e)));
        }
    }
  else
    g_ptr_array_add (list, g_strndup ((const char *) data, size));

  if (!nines_price_import_get_products (builder, (const char * const *) list->pdata, list->len,
                                        "GetProducts fuzz", &stats, &error))
    {
      if (error == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }
  nines_fuzz_check_builder (builder);
  return 0;
}
