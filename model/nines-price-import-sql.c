/* nines-price-import-sql.c: terracost's MySQL dump of the Price List (cycloidio/terracost,
 * mysql/testdata/2023-02-23-pricing.sql.gz), read as a stream.
 *
 * Two tables matter: `pricing_products` (id, provider, sku, location = region code,
 * service, family, attributes JSON with UsageType, VolumeAPIName …) and
 * `pricing_product_prices` (id, product_id, hash, currency, unit, price, attributes JSON
 * with TermType, StartingRange, EndingRange). Each row is one "INSERT INTO `t` VALUES
 * (…);" line; the prices come before the products in the file, so on-demand USD prices
 * are kept by product id until their product is read. terracost keeps the SKU but not the
 * offer term or rate code: the SKU is what is recorded. */
#define G_LOG_DOMAIN "nines-price-import"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-price-import-private.h"

/* Splits "(1,'a\'b',NULL,2.5);" into values; NULL becomes NULL. FALSE if malformed. */
static gboolean
split_values (const char *p,
              GPtrArray  *values)
{
  if (*p++ != '(')
    return FALSE;
  for (;;)
    {
      if (*p == '\'')
        {
          GString *v = g_string_new (NULL);

          for (p++; *p && *p != '\''; p++)
            {
              if (*p == '\\' && p[1])
                {
                  p++;
                  g_string_append_c (v, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
                }
              else
                g_string_append_c (v, *p);
            }
          if (*p != '\'')
            {
              g_string_free (v, TRUE);
              return FALSE;
            }
          p++;
          g_ptr_array_add (values, g_string_free (v, FALSE));
        }
      else
        {
          const char *start = p;

          while (*p && *p != ',' && *p != ')')
            p++;
          if (p - start == 4 && strncmp (start, "NULL", 4) == 0)
            g_ptr_array_add (values, NULL);
          else
            g_ptr_array_add (values, g_strndup (start, p - start));
        }
      if (*p == ',')
        p++;
      else if (*p == ')')
        return TRUE;
      else
        return FALSE;
    }
}

typedef struct
{
  char *unit;
  char *usd;
  char *begin;
  char *end;
} HeldPrice;

static void
held_free (gpointer data)
{
  GPtrArray *list = data;
  g_ptr_array_unref (list);
}

static void
held_price_free (HeldPrice *h)
{
  g_free (h->unit);
  g_free (h->usd);
  g_free (h->begin);
  g_free (h->end);
  g_free (h);
}

/* A JSON object's string members, keyed by _nines_price_attr_key(). */
static GHashTable *
json_attrs (const char *text)
{
  GHashTable *attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(JsonNode) node = text ? nines_json_parse (text, -1, NULL) : NULL;
  JsonObject *obj = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  g_autoptr(GList) names = obj ? json_object_get_members (obj) : NULL;

  for (GList *l = names; l; l = l->next)
    {
      JsonNode *v = json_object_get_member (obj, l->data);
      if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
        g_hash_table_insert (attrs, _nines_price_attr_key (l->data), g_strdup (json_node_get_string (v)));
    }
  return attrs;
}

gboolean
nines_price_import_terracost_sql (NinesPriceBuilder      *builder,
                                  GInputStream           *stream,
                                  const char             *source,
                                  const char             *date,
                                  const char             *usage_prefix,
                                  NinesPriceImportStats  *stats,
                                  GCancellable           *cancellable,
                                  GError                **error)
{
  static const char prices_head[] = "INSERT INTO `pricing_product_prices` VALUES ";
  static const char products_head[] = "INSERT INTO `pricing_products` VALUES ";
  NinesPriceImportStats local = { 0 };
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GHashTable) held = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, held_free);
  GError *local_error = NULL;
  gboolean seen_table = FALSE;
  guint source_idx;

  g_return_val_if_fail (builder != NULL && G_IS_INPUT_STREAM (stream) && source != NULL, FALSE);
  g_return_val_if_fail (date != NULL && _nines_is_iso_date (date), FALSE);

  if (stats == NULL)
    stats = &local;
  source_idx = nines_price_builder_add_source (builder, source, date, "terracost-mysql-dump");
  in = g_data_input_stream_new (stream);
  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_LF);

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line (in, NULL, cancellable, &local_error);
      g_autoptr(GPtrArray) v = NULL;

      if (line == NULL)
        break;
      if (g_str_has_prefix (line, "CREATE TABLE `pricing_products`"))
        seen_table = TRUE;
      if (g_str_has_prefix (line, prices_head))
        {
          g_autoptr(GHashTable) attrs = NULL;
          GPtrArray *list;
          HeldPrice *h;

          v = g_ptr_array_new_with_free_func (g_free);
          /* id, product_id, hash, currency, unit, price, attributes */
          if (!split_values (line + sizeof prices_head - 1, v) || v->len < 7)
            continue;
          attrs = json_attrs (g_ptr_array_index (v, 6));
          if (g_strcmp0 (g_hash_table_lookup (attrs, "termtype"), "OnDemand") != 0
              || g_strcmp0 (g_ptr_array_index (v, 3), "USD") != 0)
            continue;
          h = g_new0 (HeldPrice, 1);
          h->unit = g_strdup (g_ptr_array_index (v, 4));
          h->usd = g_strdup (g_ptr_array_index (v, 5));
          h->begin = g_strdup (g_hash_table_lookup (attrs, "startingrange"));
          h->end = g_strdup (g_hash_table_lookup (attrs, "endingrange"));
          list = g_hash_table_lookup (held, g_ptr_array_index (v, 1));
          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func ((GDestroyNotify) held_price_free);
              g_hash_table_insert (held, g_strdup (g_ptr_array_index (v, 1)), list);
            }
          g_ptr_array_add (list, h);
        }
      else if (g_str_has_prefix (line, products_head))
        {
          g_autoptr(GHashTable) attrs = NULL;
          g_autofree char *usage = NULL;
          const char *region, *service;
          GPtrArray *list;

          v = g_ptr_array_new_with_free_func (g_free);
          /* id, provider, sku, location, service, family, attributes */
          if (!split_values (line + sizeof products_head - 1, v) || v->len < 7
              || g_strcmp0 (g_ptr_array_index (v, 1), "aws") != 0)
            continue;
          if (!(list = g_hash_table_lookup (held, g_ptr_array_index (v, 0))))
            continue;
          attrs = json_attrs (g_ptr_array_index (v, 6));
          service = g_ptr_array_index (v, 4);
          usage = nines_price_map_product (service, g_ptr_array_index (v, 5), attrs);
          region = nines_catalog_lookup_region (nines_catalog_get_default (), g_ptr_array_index (v, 3))
                   ? (const char *) g_ptr_array_index (v, 3) : NULL;
          if (usage == NULL || region == NULL || (usage_prefix && !g_str_has_prefix (usage, usage_prefix)))
            continue;
          for (guint i = 0; i < list->len; i++)
            {
              HeldPrice *h = g_ptr_array_index (list, i);
              _nines_price_add_dimension (builder, source_idx, service, region, usage, h->unit, h->usd,
                                          h->begin, h->end, g_ptr_array_index (v, 2),
                                          g_hash_table_lookup (attrs, "usagetype"), stats);
            }
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!seen_table)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: not a terracost pricing dump (no pricing_products table)"), source);
      return FALSE;
    }
  return TRUE;
}
