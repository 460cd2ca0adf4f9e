/* nines-price-builder.c: writing price snapshots (layout in nines-price-format.h) */
#define G_LOG_DOMAIN "nines-price-builder"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-model-private.h"
#include "nines-price-format.h"

typedef struct
{
  const char *service;   /* interned in the builder's string chunk */
  const char *region;
  const char *usage;
  const char *unit;
  const char *rate_code;
  const char *label;
  double      usd;
  double      tier_start;
  double      tier_end;
  guint       source;
  guint       seq;       /* order of addition, the last tie-breaker */
} Entry;

typedef struct
{
  char *name;
  char *date;
  char *format;
} Source;

struct _NinesPriceBuilder
{
  GStringChunk *strings;
  GArray       *entries;   /* of Entry */
  GHashTable   *by_key;    /* "service\x1fregion\x1fusage\x1ftier" -> 1 + index in entries */
  guint         n_added;
  GPtrArray    *sources;   /* of Source */
};

static void
source_free (Source *s)
{
  g_free (s->name);
  g_free (s->date);
  g_free (s->format);
  g_free (s);
}

NinesPriceBuilder *
nines_price_builder_new (void)
{
  NinesPriceBuilder *self = g_new0 (NinesPriceBuilder, 1);

  self->strings = g_string_chunk_new (1 << 16);
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  return self;
}

void
nines_price_builder_free (NinesPriceBuilder *self)
{
  if (self == NULL)
    return;
  g_string_chunk_free (self->strings);
  g_array_unref (self->entries);
  g_hash_table_unref (self->by_key);
  g_ptr_array_unref (self->sources);
  g_free (self);
}

guint
nines_price_builder_add_source (NinesPriceBuilder *self,
                                const char        *name,
                                const char        *date,
                                const char        *format)
{
  Source *s;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (name != NULL && date != NULL && format != NULL, 0);

  for (guint i = 0; i < self->sources->len; i++)
    if (g_str_equal (((Source *) g_ptr_array_index (self->sources, i))->name, name))
      return i;
  s = g_new0 (Source, 1);
  s->name = g_utf8_make_valid (name, -1);
  s->date = g_utf8_make_valid (date, -1);
  s->format = g_utf8_make_valid (format, -1);
  g_ptr_array_add (self->sources, s);
  return self->sources->len - 1;
}

/* Price files are input: a field that is not UTF-8 (a CSV cell, a JSON "\\ud800")
 * would make the GVariant serialiser fail; its bad bytes become U+FFFD instead (found
 * by tests/fuzz). */
static const char *
insert_text (GStringChunk *chunk,
             const char   *text)
{
  g_autofree char *valid = NULL;

  if (g_utf8_validate (text, -1, NULL))
    return g_string_chunk_insert_const (chunk, text);
  valid = g_utf8_make_valid (text, -1);
  return g_string_chunk_insert_const (chunk, valid);
}

/* TRUE when @a is preferred to @b for the same tier: a rateCode, then the newer
 * publication date, then the one added first. */
static gboolean
entry_preferred (NinesPriceBuilder *self,
                 const Entry       *a,
                 const Entry       *b)
{
  const Source *sa, *sb;
  int c;

  if ((*a->rate_code != '\0') != (*b->rate_code != '\0'))
    return *a->rate_code != '\0';
  sa = g_ptr_array_index (self->sources, a->source);
  sb = g_ptr_array_index (self->sources, b->source);
  if ((c = strcmp (sa->date, sb->date)) != 0)
    return c > 0;
  return a->seq < b->seq;
}

void
nines_price_builder_add (NinesPriceBuilder *self,
                         guint              source,
                         const char        *service,
                         const char        *region,
                         const char        *usage,
                         const char        *unit,
                         double             usd,
                         double             tier_start,
                         double             tier_end,
                         const char        *rate_code,
                         const char        *label)
{
  Entry e;

  g_return_if_fail (self != NULL);
  g_return_if_fail (source < self->sources->len);
  g_return_if_fail (service && region && usage && unit);
  g_return_if_fail (isfinite (usd) && usd >= 0);
  g_return_if_fail (tier_start <= tier_end);

  e.service = insert_text (self->strings, service);
  e.region = insert_text (self->strings, region);
  e.usage = insert_text (self->strings, usage);
  e.unit = insert_text (self->strings, unit);
  e.rate_code = insert_text (self->strings, rate_code ? rate_code : "");
  e.label = insert_text (self->strings, label ? label : "");
  e.usd = usd;
  e.tier_start = tier_start;
  e.tier_end = tier_end;
  e.source = source;
  e.seq = self->n_added++;

  /* Keep one entry per tier as prices arrive, so memory follows the number of distinct
   * prices, not the size of the input (offer files repeat products across terms). */
  {
    char tier[G_ASCII_DTOSTR_BUF_SIZE];
    char *key = g_strjoin ("\x1f", e.service, e.region, e.usage,
                           g_ascii_dtostr (tier, sizeof tier, tier_start), NULL);
    gpointer found = g_hash_table_lookup (self->by_key, key);

    if (found != NULL)
      {
        Entry *old = &g_array_index (self->entries, Entry, GPOINTER_TO_UINT (found) - 1);
        if (entry_preferred (self, &e, old))
          *old = e;
        g_free (key);
        return;
      }
    g_array_append_val (self->entries, e);
    g_hash_table_insert (self->by_key, key, GUINT_TO_POINTER (self->entries->len));
  }
}

void
nines_price_builder_add_snapshot (NinesPriceBuilder  *self,
                                  NinesPriceSnapshot *snapshot)
{
  g_autofree guint *map = NULL;
  guint n_sources;

  g_return_if_fail (self != NULL);
  g_return_if_fail (snapshot != NULL);

  n_sources = nines_price_snapshot_get_n_sources (snapshot);
  map = g_new (guint, n_sources);
  for (guint i = 0; i < n_sources; i++)
    {
      const char *name, *date, *format;

      nines_price_snapshot_get_source (snapshot, i, &name, &date, &format);
      map[i] = nines_price_builder_add_source (self, name, date, format);
    }
  for (guint i = 0; i < nines_price_snapshot_get_n_prices (snapshot); i++)
    {
      NinesPrice p;
      guint src = 0;

      nines_price_snapshot_get_price (snapshot, i, &p);
      /* Sources are few: find this price's by name. */
      for (guint k = 0; k < n_sources; k++)
        {
          const char *name;
          nines_price_snapshot_get_source (snapshot, k, &name, NULL, NULL);
          if (name == p.source)
            {
              src = map[k];
              break;
            }
        }
      nines_price_builder_add (self, src, p.service, p.region, p.usage, p.unit, p.usd,
                               p.tier_start, p.tier_end, p.rate_code, p.label);
    }
}

guint
nines_price_builder_get_n_added (NinesPriceBuilder *self)
{
  return self->n_added;
}

static int
compare_key (const Entry *a,
             const Entry *b)
{
  int c;

  if ((c = strcmp (a->service, b->service)) != 0)
    return c;
  if ((c = strcmp (a->region, b->region)) != 0)
    return c;
  if ((c = strcmp (a->usage, b->usage)) != 0)
    return c;
  return (a->tier_start > b->tier_start) - (a->tier_start < b->tier_start);
}

static int
compare_entries (gconstpointer pa,
                 gconstpointer pb,
                 gpointer      user_data)
{
  NinesPriceBuilder *self = user_data;
  const Entry *a = pa, *b = pb;
  int c;

  if ((c = compare_key (a, b)) != 0)
    return c;
  /* Same tier from two places (not kept by add(), but be total): preferred first. */
  return entry_preferred (self, a, b) ? -1 : 1;
}

static guint32
pool_add (GHashTable *offsets,
          GByteArray *pool,
          const char *str)
{
  gpointer v;

  if (g_hash_table_lookup_extended (offsets, str, NULL, &v))
    return GPOINTER_TO_UINT (v);
  v = GUINT_TO_POINTER (pool->len);
  g_byte_array_append (pool, (const guint8 *) str, strlen (str) + 1);
  g_hash_table_insert (offsets, (gpointer) str, v);
  return GPOINTER_TO_UINT (v);
}

GBytes *
nines_price_builder_serialize (NinesPriceBuilder *self)
{
  g_autoptr(GArray) sorted = NULL;
  g_autoptr(GArray) records = g_array_new (FALSE, TRUE, sizeof (NinesPriceRecord));
  g_autoptr(GByteArray) pool = g_byte_array_new ();
  g_autoptr(GHashTable) offsets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint32 *slots = NULL;
  GVariantBuilder sources;
  GVariant *root;
  gsize n_slots = 8, n_keys = 0;
  GBytes *bytes;

  g_return_val_if_fail (self != NULL, NULL);

  sorted = g_array_copy (self->entries);
  g_array_sort_with_data (sorted, compare_entries, self);

  pool_add (offsets, pool, "");
  for (guint i = 0; i < sorted->len; i++)
    {
      const Entry *e = &g_array_index (sorted, Entry, i);
      NinesPriceRecord r = { 0 };

      if (i > 0 && compare_key (e, &g_array_index (sorted, Entry, i - 1)) == 0)
        continue; /* a less preferred duplicate */
      if (i == 0 || strcmp (e->usage, g_array_index (sorted, Entry, i - 1).usage) != 0
          || strcmp (e->region, g_array_index (sorted, Entry, i - 1).region) != 0
          || strcmp (e->service, g_array_index (sorted, Entry, i - 1).service) != 0)
        n_keys++;
      r.usd = e->usd;
      r.tier_start = e->tier_start;
      r.tier_end = e->tier_end;
      r.hash = nines_price_key_hash (e->service, e->region, e->usage);
      r.service = pool_add (offsets, pool, e->service);
      r.region = pool_add (offsets, pool, e->region);
      r.usage = pool_add (offsets, pool, e->usage);
      r.unit = pool_add (offsets, pool, e->unit);
      r.rate_code = pool_add (offsets, pool, e->rate_code);
      r.label = pool_add (offsets, pool, e->label);
      r.source = e->source;
      g_array_append_val (records, r);
    }

  /* Open addressing at a load factor of at most 1/2. */
  while (n_slots < 2 * n_keys)
    n_slots *= 2;
  slots = g_new0 (guint32, n_slots);
  for (guint i = 0; i < records->len; i++)
    {
      const NinesPriceRecord *r = &g_array_index (records, NinesPriceRecord, i);
      gsize slot;

      if (i > 0)
        {
          const NinesPriceRecord *p = &g_array_index (records, NinesPriceRecord, i - 1);
          if (p->service == r->service && p->region == r->region && p->usage == r->usage)
            continue; /* another tier of the same key */
        }
      for (slot = r->hash & (n_slots - 1); slots[slot] != 0; slot = (slot + 1) & (n_slots - 1))
        ;
      slots[slot] = i + 1;
    }

  g_variant_builder_init (&sources, G_VARIANT_TYPE ("a(sss)"));
  for (guint i = 0; i < self->sources->len; i++)
    {
      const Source *s = g_ptr_array_index (self->sources, i);
      g_variant_builder_add (&sources, "(sss)", s->name, s->date, s->format);
    }

  root = g_variant_new ("(s@a(sss)@ay@au@a(ddduuuuuuuu))",
                        NINES_PRICE_FORMAT_MAGIC,
                        g_variant_builder_end (&sources),
                        g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, pool->data, pool->len, 1),
                        g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, slots, n_slots,
                                                   sizeof (guint32)),
                        g_variant_new_fixed_array (G_VARIANT_TYPE ("(ddduuuuuuuu)"),
                                                   records->data, records->len,
                                                   sizeof (NinesPriceRecord)));
  g_variant_ref_sink (root);
  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    {
      GVariant *swapped = g_variant_byteswap (root);
      g_variant_unref (root);
      root = swapped;
    }
  bytes = g_variant_get_data_as_bytes (root);
  g_variant_unref (root);
  return bytes;
}

NinesPriceSnapshot *
nines_price_builder_to_snapshot (NinesPriceBuilder *self)
{
  g_autoptr(GBytes) bytes = nines_price_builder_serialize (self);
  g_autoptr(GError) error = NULL;
  NinesPriceSnapshot *snapshot = nines_price_snapshot_new_from_bytes (bytes, FALSE, &error);

  g_assert_no_error (error);
  return snapshot;
}

gboolean
nines_price_builder_write (NinesPriceBuilder  *self,
                           const char         *dir,
                           GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(NinesPriceSnapshot) snapshot = NULL;
  g_autofree char *data_path = NULL;
  g_autofree char *text_path = NULL;
  g_autoptr(GHashTable) per_source = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO,
                   _("Could not create %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  bytes = nines_price_builder_serialize (self);
  snapshot = nines_price_snapshot_new_from_bytes (bytes, TRUE, NULL);
  for (guint i = 0; i < nines_price_snapshot_get_n_prices (snapshot); i++)
    {
      NinesPrice p;
      guint n;

      nines_price_snapshot_get_price (snapshot, i, &p);
      n = GPOINTER_TO_UINT (g_hash_table_lookup (per_source, p.source));
      g_hash_table_insert (per_source, (gpointer) p.source, GUINT_TO_POINTER (n + 1));
    }

  g_string_append (text, "# Sources of prices.gvariant (written by nines-cli pricing import)\n"
                         "# source\tpublication date\tformat\tprices kept\n");
  for (guint i = 0; i < self->sources->len; i++)
    {
      const Source *s = g_ptr_array_index (self->sources, i);
      const char *name;

      nines_price_snapshot_get_source (snapshot, i, &name, NULL, NULL);
      g_string_append_printf (text, "%s\t%s\t%s\t%u\n", s->name, s->date, s->format,
                              GPOINTER_TO_UINT (g_hash_table_lookup (per_source, name)));
    }
  g_string_append_printf (text, "# total\t%u prices\n", nines_price_snapshot_get_n_prices (snapshot));

  data_path = g_build_filename (dir, "prices.gvariant", NULL);
  text_path = g_build_filename (dir, "SOURCES.txt", NULL);
  if (!g_file_set_contents (data_path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;
  return g_file_set_contents (text_path, text->str, text->len, error);
}
