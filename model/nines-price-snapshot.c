/* nines-price-snapshot.c: reading a price snapshot in place (see nines-price-format.h) */
#define G_LOG_DOMAIN "nines-price-snapshot"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-model-private.h"
#include "nines-price-format.h"

struct _NinesPriceSnapshot
{
  gatomicrefcount          ref_count;
  GVariant                *root;
  GVariant                *sources;   /* a(sss) */
  guint                    n_sources;
  const char             **source_strs; /* 3 per source: name, date, format (into root) */
  const char              *pool;
  gsize                    pool_len;
  const guint32           *slots;
  gsize                    n_slots;
  const NinesPriceRecord  *records;
  gsize                    n_records;
};

G_DEFINE_BOXED_TYPE (NinesPriceSnapshot, nines_price_snapshot,
                     nines_price_snapshot_ref, nines_price_snapshot_unref)

guint32
nines_price_key_hash (const char *service,
                      const char *region,
                      const char *usage)
{
  const char *parts[3] = { service, region, usage };
  guint32 h = 2166136261u;

  for (guint p = 0; p < 3; p++)
    {
      for (const guchar *s = (const guchar *) parts[p]; *s; s++)
        {
          h ^= *s;
          h *= 16777619u;
        }
      if (p < 2)
        {
          h ^= 0x1f;
          h *= 16777619u;
        }
    }
  return h;
}

static gboolean
fail (GError     **error,
      const char  *what)
{
  g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
               _("Not a Nines price snapshot: %s"), what);
  return FALSE;
}

/* Full check of data that did not come from this build: every offset and index in range. */
static gboolean
validate (NinesPriceSnapshot  *self,
          GError             **error)
{
  gsize n_sources = self->n_sources;

  if (self->pool_len == 0 || self->pool[self->pool_len - 1] != '\0')
    return fail (error, _("string pool not terminated"));
  /* A power of two (lookups mask the hash). Not tied to the number of records: the
   * table holds one slot per key, and a key may have many tiers (records); lookups
   * probe at most n_slots slots, so any size terminates. */
  if (self->n_slots == 0 || (self->n_slots & (self->n_slots - 1)) != 0)
    return fail (error, _("bad hash table size"));
  for (gsize i = 0; i < self->n_slots; i++)
    if (self->slots[i] > self->n_records)
      return fail (error, _("hash slot out of range"));
  for (gsize i = 0; i < self->n_records; i++)
    {
      const NinesPriceRecord *r = &self->records[i];

      if (r->service >= self->pool_len || r->region >= self->pool_len
          || r->usage >= self->pool_len || r->unit >= self->pool_len
          || r->rate_code >= self->pool_len || r->label >= self->pool_len
          || r->source >= n_sources)
        return fail (error, _("record refers outside the file"));
      if (!(r->tier_start <= r->tier_end) || !isfinite (r->usd) || r->usd < 0)
        return fail (error, _("bad price or tier"));
    }
  return TRUE;
}

NinesPriceSnapshot *
nines_price_snapshot_new_from_bytes (GBytes   *bytes,
                                     gboolean  trusted,
                                     GError  **error)
{
  g_autoptr(NinesPriceSnapshot) self = NULL;
  g_autoptr(GVariant) magic = NULL;
  g_autoptr(GVariant) pool = NULL;
  g_autoptr(GVariant) slots = NULL;
  g_autoptr(GVariant) records = NULL;
  GVariant *root;

  g_return_val_if_fail (bytes != NULL, NULL);

  root = g_variant_new_from_bytes (G_VARIANT_TYPE (NINES_PRICE_FORMAT_TYPE), bytes, trusted);
  g_variant_ref_sink (root);
  if (G_BYTE_ORDER != G_LITTLE_ENDIAN)
    {
      /* Snapshots are written little-endian. */
      GVariant *swapped = g_variant_byteswap (root);
      g_variant_unref (root);
      root = swapped;
    }

  self = g_new0 (NinesPriceSnapshot, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->root = root;

  magic = g_variant_get_child_value (root, 0);
  if (g_strcmp0 (g_variant_get_string (magic, NULL), NINES_PRICE_FORMAT_MAGIC) != 0)
    {
      fail (error, _("wrong format marker"));
      return NULL;
    }
  self->sources = g_variant_get_child_value (root, 1);
  pool = g_variant_get_child_value (root, 2);
  slots = g_variant_get_child_value (root, 3);
  records = g_variant_get_child_value (root, 4);
  /* The child values share the root's buffer, which self->root keeps alive. */
  self->pool = g_variant_get_fixed_array (pool, &self->pool_len, 1);
  self->slots = g_variant_get_fixed_array (slots, &self->n_slots, sizeof (guint32));
  self->records = g_variant_get_fixed_array (records, &self->n_records, sizeof (NinesPriceRecord));
  /* A handful of sources: resolve their strings once, so prices need no GVariant calls. */
  self->n_sources = g_variant_n_children (self->sources);
  self->source_strs = g_new0 (const char *, 3 * self->n_sources + 1);
  for (guint i = 0; i < self->n_sources; i++)
    g_variant_get_child (self->sources, i, "(&s&s&s)", &self->source_strs[3 * i],
                         &self->source_strs[3 * i + 1], &self->source_strs[3 * i + 2]);

  if (!trusted && !validate (self, error))
    return NULL;
  if (self->n_slots == 0 || self->pool_len == 0)
    {
      fail (error, _("empty"));
      return NULL;
    }
  return g_steal_pointer (&self);
}

NinesPriceSnapshot *
nines_price_snapshot_new_from_file (const char  *path,
                                    GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NinesPriceSnapshot *self;

  g_return_val_if_fail (path != NULL, NULL);

  if (!(mapped = g_mapped_file_new (path, FALSE, error)))
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  if (!(self = nines_price_snapshot_new_from_bytes (bytes, FALSE, error)))
    g_prefix_error (error, "%s: ", path);
  return self;
}

NinesPriceSnapshot *
nines_price_snapshot_get_default (void)
{
  static NinesPriceSnapshot *snapshot;

  if (g_once_init_enter (&snapshot))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      NinesPriceSnapshot *s;

      g_resources_register (nines_data_get_resource ());
      /* Stored uncompressed in the GResource, so these bytes are the library's own
       * read-only data: nothing is copied. */
      bytes = g_resources_lookup_data (NINES_PRICE_SNAPSHOT_RESOURCE,
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (bytes == NULL || !(s = nines_price_snapshot_new_from_bytes (bytes, TRUE, &error)))
        g_error ("The bundled price snapshot is broken: %s", error->message);
      g_once_init_leave (&snapshot, s);
    }
  return snapshot;
}

NinesPriceSnapshot *
nines_price_snapshot_ref (NinesPriceSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nines_price_snapshot_unref (NinesPriceSnapshot *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->source_strs);
  g_clear_pointer (&self->sources, g_variant_unref);
  g_clear_pointer (&self->root, g_variant_unref);
  g_free (self);
}

guint
nines_price_snapshot_get_n_prices (NinesPriceSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_records;
}

void
nines_price_snapshot_get_price (NinesPriceSnapshot *self,
                                guint               i,
                                NinesPrice         *price)
{
  const NinesPriceRecord *r;

  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->n_records);
  g_return_if_fail (price != NULL);

  r = &self->records[i];
  price->service = self->pool + r->service;
  price->region = self->pool + r->region;
  price->usage = self->pool + r->usage;
  price->unit = self->pool + r->unit;
  price->rate_code = self->pool + r->rate_code;
  price->label = self->pool + r->label;
  nines_price_snapshot_get_source (self, r->source, &price->source, &price->date, NULL);
  price->usd = r->usd;
  price->tier_start = r->tier_start;
  price->tier_end = r->tier_end;
}

static inline gboolean
record_has_key (NinesPriceSnapshot     *self,
                const NinesPriceRecord *r,
                guint32                 hash,
                const char             *service,
                const char             *region,
                const char             *usage)
{
  return r->hash == hash
         && strcmp (self->pool + r->usage, usage) == 0
         && strcmp (self->pool + r->region, region) == 0
         && strcmp (self->pool + r->service, service) == 0;
}

gboolean
nines_price_snapshot_lookup (NinesPriceSnapshot *self,
                             const char         *service,
                             const char         *region,
                             const char         *usage,
                             guint              *first,
                             guint              *n_tiers)
{
  guint32 hash;
  gsize mask;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (service != NULL && region != NULL && usage != NULL, FALSE);

  hash = nines_price_key_hash (service, region, usage);
  mask = self->n_slots - 1;
  for (gsize probe = 0, slot = hash & mask; probe < self->n_slots; probe++, slot = (slot + 1) & mask)
    {
      guint32 v = self->slots[slot];
      gsize i, end;

      if (v == 0)
        return FALSE;
      i = v - 1;
      if (!record_has_key (self, &self->records[i], hash, service, region, usage))
        continue;
      for (end = i + 1; end < self->n_records; end++)
        if (!record_has_key (self, &self->records[end], hash, service, region, usage))
          break;
      if (first)
        *first = i;
      if (n_tiers)
        *n_tiers = end - i;
      return TRUE;
    }
  return FALSE;
}

guint
nines_price_snapshot_get_n_sources (NinesPriceSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_sources;
}

void
nines_price_snapshot_get_source (NinesPriceSnapshot  *self,
                                 guint                i,
                                 const char         **name,
                                 const char         **date,
                                 const char         **format)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (i < self->n_sources);

  if (name)
    *name = self->source_strs[3 * i];
  if (date)
    *date = self->source_strs[3 * i + 1];
  if (format)
    *format = self->source_strs[3 * i + 2];
}

const char *
nines_price_snapshot_get_newest_date (NinesPriceSnapshot *self)
{
  const char *newest = "";

  g_return_val_if_fail (self != NULL, NULL);

  /* ISO dates sort as strings. */
  for (guint i = 0; i < self->n_sources; i++)
    if (strcmp (self->source_strs[3 * i + 1], newest) > 0)
      newest = self->source_strs[3 * i + 1];
  return newest;
}
