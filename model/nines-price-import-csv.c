/* nines-price-import-csv.c: AWS Price List offer CSV, streamed.
 *
 * Layout (Price List bulk API, format v1.0): five preamble lines ("FormatVersion",
 * "Disclaimer", "Publication Date", "Version", "OfferCode", each "name","value"), then
 * a header row naming the columns (SKU, OfferTermCode, RateCode, TermType, … Unit,
 * PricePerUnit, Currency, Product Family, serviceCode, Location, … usageType …), then one
 * row per price dimension. Rows are read one at a time and dropped, so memory does not
 * grow with the file (only with the number of distinct prices kept). */
#define G_LOG_DOMAIN "nines-price-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-price-import-private.h"

/* Splits one CSV record (RFC 4180 quoting) into @fields. Returns FALSE when a quoted
 * field is still open at the end of @line (the record continues on the next line). */
static gboolean
split_csv (const char *line,
           GPtrArray  *fields,
           GString    *cur,
           gboolean   *in_quotes)
{
  for (const char *p = line; *p; p++)
    {
      if (*in_quotes)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (cur, '"');
              p++;
            }
          else if (*p == '"')
            *in_quotes = FALSE;
          else
            g_string_append_c (cur, *p);
        }
      else if (*p == '"')
        *in_quotes = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (cur->str));
          g_string_truncate (cur, 0);
        }
      else if (*p != '\r')
        g_string_append_c (cur, *p);
    }
  if (*in_quotes)
    {
      g_string_append_c (cur, '\n');
      return FALSE;
    }
  g_ptr_array_add (fields, g_strdup (cur->str));
  g_string_truncate (cur, 0);
  return TRUE;
}

/* Reads the next record; NULL at the end (or on error, with @error set). */
static GPtrArray *
read_record (GDataInputStream  *in,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cur = g_string_new (NULL);
  gboolean in_quotes = FALSE;

  for (;;)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (in, NULL, cancellable, error);

      if (line == NULL)
        return NULL;
      if (split_csv (line, fields, cur, &in_quotes))
        return g_steal_pointer (&fields);
    }
}

static const char *
field (GPtrArray *row,
       int        col)
{
  return col >= 0 && (guint) col < row->len ? g_ptr_array_index (row, col) : NULL;
}

gboolean
nines_price_import_offer_csv (NinesPriceBuilder      *builder,
                              GInputStream           *stream,
                              const char             *source,
                              NinesPriceImportStats  *stats,
                              GCancellable           *cancellable,
                              GError                **error)
{
  NinesPriceImportStats local = { 0 };
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GPtrArray) header = NULL;
  g_autofree char *date = NULL;
  g_autofree char *offer = NULL;
  g_auto(GStrv) keys = NULL;
  GError *local_error = NULL;
  int c_sku = -1, c_rate = -1, c_term = -1, c_desc = -1, c_begin = -1, c_end = -1, c_unit = -1;
  int c_price = -1, c_currency = -1, c_family = -1, c_service = -1;
  guint source_idx;

  g_return_val_if_fail (builder != NULL && G_IS_INPUT_STREAM (stream) && source != NULL, FALSE);

  if (stats == NULL)
    stats = &local;
  in = g_data_input_stream_new (stream);
  g_data_input_stream_set_newline_type (in, G_DATA_STREAM_NEWLINE_TYPE_ANY);

  /* The preamble: "name","value" lines until the header (whose first cell is "SKU"). */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GPtrArray) row = read_record (in, cancellable, &local_error);

      if (row == NULL)
        break;
      if (row->len > 0 && g_str_equal (g_ptr_array_index (row, 0), "SKU"))
        {
          header = g_steal_pointer (&row);
          break;
        }
      if (row->len >= 2 && g_str_equal (g_ptr_array_index (row, 0), "Publication Date"))
        {
          const char *v = g_ptr_array_index (row, 1);
          /* a repeated line replaces the earlier one (leaked before: tests/fuzz) */
          if (strlen (v) >= 10 && v[4] == '-' && v[7] == '-')
            {
              g_free (date);
              date = g_strndup (v, 10);
            }
        }
      else if (row->len >= 2 && g_str_equal (g_ptr_array_index (row, 0), "OfferCode"))
        {
          g_free (offer);
          offer = g_strdup (g_ptr_array_index (row, 1));
        }
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (header == NULL || date == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: not a Price List offer CSV (no Publication Date or header)"), source);
      return FALSE;
    }

  keys = g_new0 (char *, header->len + 1);
  for (guint i = 0; i < header->len; i++)
    {
      const char *h = g_ptr_array_index (header, i);

      keys[i] = _nines_price_attr_key (h);
      if (g_str_equal (h, "SKU")) c_sku = i;
      else if (g_str_equal (h, "RateCode")) c_rate = i;
      else if (g_str_equal (h, "TermType")) c_term = i;
      else if (g_str_equal (h, "PriceDescription")) c_desc = i;
      else if (g_str_equal (h, "StartingRange")) c_begin = i;
      else if (g_str_equal (h, "EndingRange")) c_end = i;
      else if (g_str_equal (h, "Unit")) c_unit = i;
      else if (g_str_equal (h, "PricePerUnit")) c_price = i;
      else if (g_str_equal (h, "Currency")) c_currency = i;
      else if (g_str_equal (h, "Product Family")) c_family = i;
      else if (g_str_equal (h, "serviceCode")) c_service = i;
    }
  if (c_sku < 0 || c_term < 0 || c_unit < 0 || c_price < 0 || c_family < 0)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: the header lacks SKU, TermType, Unit, PricePerUnit or Product Family"), source);
      return FALSE;
    }
  source_idx = nines_price_builder_add_source (builder, source, date, "aws-price-list-csv");

  for (;;)
    {
      g_autoptr(GPtrArray) row = read_record (in, cancellable, &local_error);
      g_autoptr(GHashTable) attrs = NULL;
      g_autofree char *usage = NULL;
      const char *service, *region, *currency;

      if (row == NULL)
        break;
      if (g_strcmp0 (field (row, c_term), "OnDemand") != 0)
        {
          stats->n_read++;
          continue;
        }
      currency = field (row, c_currency);
      if (currency && *currency && !g_str_equal (currency, "USD"))
        {
          stats->n_read++;
          continue;
        }
      attrs = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < row->len && i < header->len; i++)
        if (*(char *) g_ptr_array_index (row, i))
          g_hash_table_insert (attrs, keys[i], g_ptr_array_index (row, i));
      service = field (row, c_service);
      if (service == NULL || *service == '\0')
        service = offer;
      usage = nines_price_map_product (service, field (row, c_family), attrs);
      region = _nines_price_product_region (attrs);
      if (usage == NULL || region == NULL)
        {
          stats->n_read++;
          continue;
        }
      _nines_price_add_dimension (builder, source_idx, service, region, usage,
                                  field (row, c_unit), field (row, c_price),
                                  field (row, c_begin), field (row, c_end),
                                  field (row, c_rate), field (row, c_desc), stats);
    }
  if (local_error)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
