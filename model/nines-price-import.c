/* nines-price-import.c: choosing the importer for a file, and cited prices */
#define G_LOG_DOMAIN "nines-price-import"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-price-import-private.h"

/* Cited prices fill the gaps the machine-readable sources leave, each with the document
 * it comes from. Format:
 *   {"nines_cited_prices": 1, "citation": "…", "date": "YYYY-MM-DD",
 *    "prices": [{"service", "region", "usage", "unit", "usd", "tier_start"?, "tier_end"?,
 *                "rate_code"?, "label"}]}
 * The source recorded is "@source (citation)". */
gboolean
nines_price_import_cited_json (NinesPriceBuilder      *builder,
                               JsonNode               *root,
                               const char             *source,
                               NinesPriceImportStats  *stats,
                               GError                **error)
{
  NinesPriceImportStats local = { 0 };
  JsonObject *obj = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonArray *prices;
  const char *date, *citation;
  g_autofree char *name = NULL;
  guint idx;

  g_return_val_if_fail (builder != NULL && root != NULL && source != NULL, FALSE);

  if (stats == NULL)
    stats = &local;
  prices = obj && json_object_has_member (obj, "prices") ? _nines_json_array (obj, "prices") : NULL;
  date = obj ? _nines_json_string (obj, "date", NULL) : NULL;
  citation = obj ? _nines_json_string (obj, "citation", NULL) : NULL;
  if (prices == NULL || date == NULL || !_nines_is_iso_date (date) || citation == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: cited prices need \"citation\", \"date\" and \"prices\""), source);
      return FALSE;
    }
  name = g_strdup_printf ("%s (%s)", source, citation);
  idx = nines_price_builder_add_source (builder, name, date, "cited");
  for (guint i = 0; i < json_array_get_length (prices); i++)
    {
      JsonObject *p = _nines_json_element_object (prices, i);
      const char *service, *region, *usage, *unit;
      double usd, start, end;

      stats->n_read++;
      service = p ? _nines_json_string (p, "service", NULL) : NULL;
      region = p ? _nines_json_string (p, "region", NULL) : NULL;
      usage = p ? _nines_json_string (p, "usage", NULL) : NULL;
      unit = p ? _nines_json_string (p, "unit", NULL) : NULL;
      if (!service || !region || !usage || !unit || !json_object_has_member (p, "usd"))
        {
          g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                       _("%s: prices[%u] needs service, region, usage, unit and usd"), source, i);
          return FALSE;
        }
      usd = _nines_json_double (p, "usd", NAN);
      start = json_object_has_member (p, "tier_start") ? _nines_json_double (p, "tier_start", NAN) : 0;
      end = json_object_has_member (p, "tier_end")
            ? _nines_json_double (p, "tier_end", NAN) : INFINITY;
      if (!isfinite (usd) || usd < 0 || !(start <= end))
        {
          g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                       _("%s: prices[%u] has a bad price or tier"), source, i);
          return FALSE;
        }
      nines_price_builder_add (builder, idx, service, region, usage, unit, usd, start, end,
                               _nines_json_string (p, "rate_code", NULL),
                               _nines_json_string (p, "label", NULL));
      stats->n_kept++;
    }
  return TRUE;
}

gboolean
nines_price_import_file (NinesPriceBuilder      *builder,
                         const char             *path,
                         const char             *source,
                         const char             *fallback_date,
                         NinesPriceImportStats  *stats,
                         GError                **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *base = NULL;
  GError *local_error = NULL;
  JsonObject *obj;
  JsonNode *root;

  g_return_val_if_fail (builder != NULL && path != NULL, FALSE);

  if (source == NULL)
    source = path;
  if (g_str_has_suffix (path, ".csv"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);

      if (in == NULL)
        return FALSE;
      return nines_price_import_offer_csv (builder, G_INPUT_STREAM (in), source, stats, NULL, error);
    }

  if (g_str_has_suffix (path, ".sql.gz") || g_str_has_suffix (path, ".sql"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
      g_autoptr(GInputStream) plain = NULL;
      g_autofree char *name = g_path_get_basename (path);
      g_autofree char *date = NULL;

      if (in == NULL)
        return FALSE;
      /* The dump's date is in its name ("2023-02-23-pricing.sql.gz"); else the fallback. */
      date = g_strndup (name, 10);
      if (!_nines_is_iso_date (date) && fallback_date)
        {
          g_free (date);
          date = g_strdup (fallback_date);
        }
      if (!_nines_is_iso_date (date))
        {
          g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                       _("%s carries no publication date: give one (--date YYYY-MM-DD)"), source);
          return FALSE;
        }
      if (g_str_has_suffix (path, ".gz"))
        {
          g_autoptr(GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
          plain = g_converter_input_stream_new (G_INPUT_STREAM (in), G_CONVERTER (z));
        }
      else
        plain = g_object_ref (G_INPUT_STREAM (in));
      /* EBS only: the dump is the one EBS source for eu-west-1, and its other prices
       * (2023) are older than the pricing-page files. */
      return nines_price_import_terracost_sql (builder, plain, source, date, "ebs", stats, NULL, error);
    }

  /* json-glib 1.6 parses a second top-level value and leaks it (nines-json.c) */
  {
    g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);

    if (mapped != NULL && !nines_json_check_one_value (g_mapped_file_get_contents (mapped),
                                                       g_mapped_file_get_length (mapped), error))
      {
        g_prefix_error (error, "%s: ", path);
        return FALSE;
      }
  }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_mapped_file (parser, path, &local_error))
    {
      /* json-glib names the file in parse errors, not in encoding errors */
      if (!g_str_has_prefix (local_error->message, path))
        g_prefix_error (&local_error, "%s: ", path);
      g_propagate_error (error, local_error);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  obj = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (obj == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: not a price file (not a JSON object)"), source);
      return FALSE;
    }
  if (json_object_has_member (obj, "nines_cited_prices"))
    return nines_price_import_cited_json (builder, root, source, stats, error);
  if (json_object_has_member (obj, "products") && json_object_has_member (obj, "terms"))
    return nines_price_import_offer_json (builder, root, source, stats, error);
  if (json_object_has_member (obj, "PriceList"))
    {
      JsonArray *list = _nines_json_array (obj, "PriceList");
      g_autofree const char **strs = NULL;
      guint n = list ? json_array_get_length (list) : 0;

      strs = g_new0 (const char *, n + 1);
      for (guint i = 0; i < n; i++)
        if (!(strs[i] = _nines_json_element_string (list, i)))
          {
            g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                         _("%s: PriceList[%u] is not a string"), source, i);
            return FALSE;
          }
      return nines_price_import_get_products (builder, strs, n, source, stats, error);
    }
  if (json_object_has_member (obj, "product") && json_object_has_member (obj, "terms"))
    {
      /* One GetProducts element saved on its own. */
      g_autofree char *text = json_to_string (root, FALSE);
      const char *one[] = { text, NULL };
      return nines_price_import_get_products (builder, one, 1, source, stats, error);
    }

  base = g_path_get_basename (path);
  if (g_str_has_suffix (base, ".json"))
    base[strlen (base) - 5] = '\0';
  return nines_price_import_page_json (builder, root, base, source, fallback_date, stats, error);
}
