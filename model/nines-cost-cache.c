/* nines-cost-cache.c: the lines each component was priced at, kept for the next estimate
 * of the same document.
 *
 * After an edit the app estimates the deployment again; the compare view estimates
 * every pattern. Pricing every item again looked the same prices up for the same
 * unchanged components: at 10,000 components most of a 16 ms estimate. An item's lines
 * (before tiers, which depend on the whole deployment) depend only on its component in
 * that state, how the item runs (role, region, share of the traffic, in the failed
 * region or not) and the context (the price snapshot and the primary region); so they
 * are kept per component and state, and copied while all of that is the same. An
 * estimate with price overrides is not cached (the document's overrides are part of
 * every line's price).
 *
 * The strings the lines own (missing usages, joined notes) are in a pool the cache and
 * the estimates made with it share (_nines_cost_estimate_intern). */
#define G_LOG_DOMAIN "nines-cost-model"

#include "config.h"

#include <string.h>

#include "nines-cost-private.h"

typedef struct
{
  gboolean      valid;
  NinesCostKey  key;
  NinesCostLine *lines;
  guint         n_lines;
  guint        *pending;    /* triples (line relative to the first, first tier, n_tiers) */
  guint         n_pending;
  guint        *usage;      /* usage-billed lines, relative to the first */
  guint         n_usage;
} CostRecord;

typedef struct
{
  NinesComponent *component;  /* held: its address names it while the entry lives */
  guint64         revision;
  guint           generation;
  CostRecord      state[NINES_COST_N_STATES];
} CostEntry;

struct _NinesCostCache
{
  GMutex              lock;        /* held from _begin() to _end() */
  NinesPriceSnapshot *prices;      /* held: the lines point into it */
  const char         *primary;     /* interned */
  NinesStringPool    *pool;
  /* NinesComponent* -> CostEntry* (owned), open addressing: one probe is one cache line,
   * where a GHashTable reads three arrays (hashes, keys, values) for each of the tens of
   * thousands of items of a large design. At most half full; n_slots a power of two. */
  CostEntry         **slots;
  gsize               n_slots;
  guint               n_entries;
  guint               generation;
  guint               n_used;
  /* The entries in the order the last estimate met them, and the same for this one: the
   * next estimate meets them in the same order, save around an edit. Read in sequence,
   * this spares the probe into the slots (a cache miss each) for nearly every item. */
  GPtrArray          *visits;
  GPtrArray          *next_visits;
  guint               cursor;
  /* Replication records (owned) per pattern: the last estimate's in its order and this
   * one's; a record moved to this one leaves NULL behind. */
  GPtrArray          *pattern_replications[NINES_N_DR_PATTERNS];
  GPtrArray          *replications;       /* this estimate's pattern's */
  GPtrArray          *next_replications;
  guint               rep_cursor;
};

NinesStringPool *
_nines_string_pool_new (void)
{
  NinesStringPool *pool = g_new0 (NinesStringPool, 1);

  g_atomic_ref_count_init (&pool->ref_count);
  g_mutex_init (&pool->lock);
  pool->chunk = g_string_chunk_new (1024);
  return pool;
}

NinesStringPool *
_nines_string_pool_ref (NinesStringPool *pool)
{
  g_atomic_ref_count_inc (&pool->ref_count);
  return pool;
}

void
_nines_string_pool_unref (NinesStringPool *pool)
{
  if (pool == NULL || !g_atomic_ref_count_dec (&pool->ref_count))
    return;
  g_string_chunk_free (pool->chunk);
  g_mutex_clear (&pool->lock);
  g_free (pool);
}

const char *
_nines_string_pool_intern (NinesStringPool *pool,
                           const char      *str)
{
  const char *copy;

  if (str == NULL)
    return NULL;
  g_mutex_lock (&pool->lock);
  copy = g_string_chunk_insert_const (pool->chunk, str);
  g_mutex_unlock (&pool->lock);
  return copy;
}

static void
record_clear (CostRecord *r)
{
  g_clear_pointer (&r->lines, g_free);
  g_clear_pointer (&r->pending, g_free);
  g_clear_pointer (&r->usage, g_free);
  r->n_lines = r->n_pending = r->n_usage = 0;
  r->valid = FALSE;
}

static void
entry_free (CostEntry *e)
{
  for (guint s = 0; s < NINES_COST_N_STATES; s++)
    record_clear (&e->state[s]);
  g_object_unref (e->component);
  g_free (e);
}

/* Replications: their lines depend on the replication's figures and regions, the store
 * it copies and the component receiving it, each at its revision (the key). Kept in the
 * order the estimate met them, which the next one follows; the components are held, so
 * their addresses in the key name them for as long as the record lives. */
typedef struct
{
  NinesCostReplicationKey key;
  CostRecord              record;
} ReplicationRecord;

static void
replication_record_free (ReplicationRecord *rr)
{
  if (rr == NULL)
    return;
  record_clear (&rr->record);
  g_clear_object (&rr->key.source);
  g_clear_object (&rr->key.dest);
  g_free (rr);
}

NinesCostCache *
_nines_cost_cache_new (void)
{
  NinesCostCache *cache = g_new0 (NinesCostCache, 1);

  g_mutex_init (&cache->lock);
  cache->n_slots = 64;
  cache->slots = g_new0 (CostEntry *, cache->n_slots);
  cache->visits = g_ptr_array_new ();
  cache->next_visits = g_ptr_array_new ();
  for (guint p = 0; p < NINES_N_DR_PATTERNS; p++)
    cache->pattern_replications[p] = g_ptr_array_new_with_free_func ((GDestroyNotify) replication_record_free);
  cache->next_replications = g_ptr_array_new_with_free_func ((GDestroyNotify) replication_record_free);
  return cache;
}

void
_nines_cost_cache_free (NinesCostCache *cache)
{
  if (cache == NULL)
    return;
  for (gsize i = 0; i < cache->n_slots; i++)
    g_clear_pointer (&cache->slots[i], entry_free);
  g_free (cache->slots);
  g_ptr_array_unref (cache->visits);
  g_ptr_array_unref (cache->next_visits);
  for (guint p = 0; p < NINES_N_DR_PATTERNS; p++)
    g_ptr_array_unref (cache->pattern_replications[p]);
  g_ptr_array_unref (cache->next_replications);
  g_clear_pointer (&cache->prices, nines_price_snapshot_unref);
  _nines_string_pool_unref (cache->pool);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

/* Starts an estimate of a @pattern deployment priced from @prices with @primary
 * (interned) as the primary region: what was kept for other ones is dropped. Locks the cache until _end(). Returns the
 * pool the estimate's strings go to. (transfer none) */
NinesStringPool *
_nines_cost_cache_begin (NinesCostCache     *cache,
                         NinesPriceSnapshot *prices,
                         const char         *primary,
                         NinesDrPattern      pattern)
{
  g_mutex_lock (&cache->lock);
  if (cache->prices != prices || cache->primary != primary || cache->pool == NULL)
    {
      for (gsize i = 0; i < cache->n_slots; i++)
        g_clear_pointer (&cache->slots[i], entry_free);
      cache->n_entries = 0;
      g_ptr_array_set_size (cache->visits, 0);
      for (guint p = 0; p < NINES_N_DR_PATTERNS; p++)
        g_ptr_array_set_size (cache->pattern_replications[p], 0);
      g_clear_pointer (&cache->prices, nines_price_snapshot_unref);
      cache->prices = nines_price_snapshot_ref (prices);
      cache->primary = primary;
      /* Estimates made before keep the old pool alive as long as they need it. */
      g_clear_pointer (&cache->pool, _nines_string_pool_unref);
      cache->pool = _nines_string_pool_new ();
    }
  cache->generation++;
  cache->n_used = 0;
  cache->cursor = 0;
  g_ptr_array_set_size (cache->next_visits, 0);
  cache->replications = cache->pattern_replications[pattern];
  cache->rep_cursor = 0;
  g_ptr_array_set_size (cache->next_replications, 0);
  return cache->pool;
}

/* The slot of @component: where its entry is, or the empty slot where it would go. */
static gsize
slot_of (CostEntry     **slots,
         gsize           n_slots,
         NinesComponent *component)
{
  gsize mask = n_slots - 1;
  /* Fibonacci hashing of the address (objects are 8-byte aligned at least). */
  gsize slot = (gsize) ((GPOINTER_TO_SIZE (component) >> 3) * G_GUINT64_CONSTANT (11400714819323198485)) & mask;

  while (slots[slot] != NULL && slots[slot]->component != component)
    slot = (slot + 1) & mask;
  return slot;
}

/* Rebuilt with room for twice @n_keep: from the entries @keep says to keep. */
static void
rehash (NinesCostCache *cache,
        guint           n_keep,
        gboolean      (*keep) (const CostEntry *e, guint generation))
{
  gsize n_slots = 64;
  CostEntry **slots;

  while (n_slots < 4 * (gsize) n_keep)
    n_slots *= 2;
  slots = g_new0 (CostEntry *, n_slots);
  cache->n_entries = 0;
  for (gsize i = 0; i < cache->n_slots; i++)
    {
      CostEntry *e = cache->slots[i];

      if (e == NULL)
        continue;
      if (keep != NULL && !keep (e, cache->generation))
        {
          entry_free (e);
          continue;
        }
      slots[slot_of (slots, n_slots, e->component)] = e;
      cache->n_entries++;
    }
  g_free (cache->slots);
  cache->slots = slots;
  cache->n_slots = n_slots;
}

static CostEntry *
entry_for (NinesCostCache *cache,
           NinesComponent *component,
           guint64         revision,
           gboolean        create)
{
  CostEntry *e = NULL;

  /* The next visit of the last estimate, or one a little further on (items removed
   * since): then the visits go on from there. */
  for (guint k = cache->cursor; e == NULL && k < MIN (cache->cursor + 4, cache->visits->len); k++)
    {
      CostEntry *v = g_ptr_array_index (cache->visits, k);

      if (v->component == component)
        {
          e = v;
          cache->cursor = k + 1;
        }
    }
  if (e == NULL)
    {
      gsize slot = slot_of (cache->slots, cache->n_slots, component);

      e = cache->slots[slot];
      if (e == NULL && create)
        {
          e = g_new0 (CostEntry, 1);
          e->component = g_object_ref (component);
          e->revision = revision;
          cache->slots[slot] = e;
          if (++cache->n_entries * 2 > cache->n_slots)
            rehash (cache, cache->n_entries, NULL);
        }
      if (e == NULL)
        return NULL;
    }
  g_ptr_array_add (cache->next_visits, e);

  if (e->revision != revision)
    {
      for (guint s = 0; s < NINES_COST_N_STATES; s++)
        record_clear (&e->state[s]);
      e->revision = revision;
    }
  if (e->generation != cache->generation)
    {
      e->generation = cache->generation;
      cache->n_used++;
    }
  return e;
}

/* Appends @r's lines, pending tiers and usage-billed lines to @estimate, in @state. */
static void
record_replay (const CostRecord  *r,
               NinesCostEstimate *estimate,
               NinesCostState     state)
{
  guint base = estimate->n_lines;
  guint n_pending = estimate->pending->len, n_usage = estimate->usage_lines->len;
  NinesCostPending *pending;
  guint *usage;

  _nines_cost_estimate_append_lines (estimate, r->lines, r->n_lines);
  /* Grown once, filled in place: tens of thousands of entries an estimate. */
  g_array_set_size (estimate->pending, n_pending + r->n_pending);
  pending = &g_array_index (estimate->pending, NinesCostPending, n_pending);
  for (guint i = 0; i < r->n_pending; i++)
    pending[i] = (NinesCostPending) { base + r->pending[3 * i], r->pending[3 * i + 1], r->pending[3 * i + 2],
                                      state, r->lines[r->pending[3 * i]].quantity };
  g_array_set_size (estimate->usage_lines, n_usage + r->n_usage);
  usage = &g_array_index (estimate->usage_lines, guint, n_usage);
  for (guint i = 0; i < r->n_usage; i++)
    usage[i] = base + r->usage[i];
}

/* Fills @r with what @estimate got from @first_line, @first_pending and @first_usage on. */
static void
record_fill (CostRecord        *r,
             NinesCostEstimate *estimate,
             guint              first_line,
             guint              first_pending,
             guint              first_usage)
{
  record_clear (r);
  r->n_lines = estimate->n_lines - first_line;
  r->lines = g_memdup2 (estimate->lines + first_line, r->n_lines * sizeof (NinesCostLine));
  r->n_pending = estimate->pending->len - first_pending;
  r->pending = g_new (guint, 3 * r->n_pending + 1);
  for (guint i = 0; i < r->n_pending; i++)
    {
      const NinesCostPending *p = &g_array_index (estimate->pending, NinesCostPending, first_pending + i);

      r->pending[3 * i] = p->line - first_line;
      r->pending[3 * i + 1] = p->first;
      r->pending[3 * i + 2] = p->n_tiers;
    }
  r->n_usage = estimate->usage_lines->len - first_usage;
  r->usage = g_new (guint, r->n_usage + 1);
  for (guint i = 0; i < r->n_usage; i++)
    r->usage[i] = g_array_index (estimate->usage_lines, guint, first_usage + i) - first_line;
  r->valid = TRUE;
}

/* Appends the lines kept for @component at @revision (what the item says it was made
 * from) priced under @key to @estimate; FALSE (nothing appended) when there are none. */
gboolean
_nines_cost_cache_replay (NinesCostCache     *cache,
                          NinesCostEstimate  *estimate,
                          NinesComponent     *component,
                          guint64             revision,
                          const NinesCostKey *key)
{
  CostEntry *e = entry_for (cache, component, revision, FALSE);
  const CostRecord *r;

  if (e == NULL)
    return FALSE;
  r = &e->state[key->state];
  if (!r->valid || memcmp (&r->key, key, sizeof *key) != 0)
    return FALSE;
  record_replay (r, estimate, key->state);
  return TRUE;
}

/* Keeps what @estimate got for @component under @key: its lines from @first_line, its
 * pending tiers from @first_pending and its usage-billed lines from @first_usage. */
void
_nines_cost_cache_record (NinesCostCache     *cache,
                          NinesCostEstimate  *estimate,
                          NinesComponent     *component,
                          const NinesCostKey *key,
                          guint               first_line,
                          guint               first_pending,
                          guint               first_usage)
{
  CostEntry *e = entry_for (cache, component, _nines_component_get_revision (component), TRUE);
  CostRecord *r = &e->state[key->state];

  record_fill (r, estimate, first_line, first_pending, first_usage);
  r->key = *key;
}

/* Appends the lines kept for a replication priced under @key, naming @item_id (the item
 * receiving it) and, when the key has no source store, @name; FALSE when none are kept. */
gboolean
_nines_cost_cache_replay_replication (NinesCostCache                *cache,
                                      NinesCostEstimate             *estimate,
                                      const NinesCostReplicationKey *key,
                                      const char                    *item_id,
                                      const char                    *name)
{
  guint end = MIN (cache->rep_cursor + 4, cache->replications->len);

  for (guint k = cache->rep_cursor; k < end; k++)
    {
      ReplicationRecord *rr = g_ptr_array_index (cache->replications, k);
      guint first = estimate->n_lines;

      if (rr == NULL || memcmp (&rr->key, key, sizeof *key) != 0)
        continue;
      record_replay (&rr->record, estimate, NINES_COST_STEADY);
      /* The ids are the current deployment's: the kept ones may be gone with theirs. */
      for (guint i = first; i < estimate->n_lines; i++)
        {
          estimate->lines[i].item_id = item_id;
          if (key->source == NULL)
            estimate->lines[i].component = name;
        }
      g_ptr_array_index (cache->replications, k) = NULL;
      g_ptr_array_add (cache->next_replications, rr);
      cache->rep_cursor = k + 1;
      return TRUE;
    }
  return FALSE;
}

/* Keeps what @estimate got for a replication under @key (as _nines_cost_cache_record). */
void
_nines_cost_cache_record_replication (NinesCostCache                *cache,
                                      NinesCostEstimate             *estimate,
                                      const NinesCostReplicationKey *key,
                                      guint                          first_line,
                                      guint                          first_pending,
                                      guint                          first_usage)
{
  ReplicationRecord *rr = g_new0 (ReplicationRecord, 1);

  rr->key = *key;
  if (key->source != NULL)
    g_object_ref (key->source);
  if (key->dest != NULL)
    g_object_ref (key->dest);
  record_fill (&rr->record, estimate, first_line, first_pending, first_usage);
  g_ptr_array_add (cache->next_replications, rr);
}

static gboolean
is_current (const CostEntry *e,
            guint            generation)
{
  return e->generation == generation;
}

/* Ends the estimate: entries of components it did not meet are dropped once they are a
 * third of what is kept. */
void
_nines_cost_cache_end (NinesCostCache *cache)
{
  GPtrArray *visits = cache->visits;

  if (cache->n_entries > cache->n_used + cache->n_used / 2 + 64)
    rehash (cache, cache->n_used, is_current);
  /* This estimate's visits are the next one's guide; they are all current (kept). */
  cache->visits = cache->next_visits;
  cache->next_visits = visits;
  /* Records this estimate did not meet go; the ones it met or made guide the next. */
  g_ptr_array_set_size (cache->replications, 0);
  for (guint p = 0; p < NINES_N_DR_PATTERNS; p++)
    if (cache->pattern_replications[p] == cache->replications)
      cache->pattern_replications[p] = cache->next_replications;
  cache->next_replications = cache->replications;
  cache->replications = NULL;
  g_mutex_unlock (&cache->lock);
}
