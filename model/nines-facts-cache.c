/* nines-facts-cache.c: what a stage reads of each component, kept from one run of the
 * stage to the next.
 *
 * The recovery walks every item of the deployment several times (stores, data and
 * compute steps, SLA terms) and the findings every component, and each read the
 * components' parameters every time: at 10,000 components, cache misses on objects
 * spread over megabytes made most of their time. What they read depends on the
 * component alone, so it is read once per component revision and kept, in the order the
 * stage meets the components; the next run meets them in the same order (save around an
 * edit) and reads the kept facts in sequence, never the component. */
#define G_LOG_DOMAIN "nines-model"

#include "config.h"

#include <string.h>

#include "nines-model-private.h"

/* An entry: this header, then the payload (the facts). */
typedef struct
{
  NinesComponent *component;   /* held; NULL once moved to the next visits */
  guint64         revision;
} EntryHead;

struct _NinesFactsCache
{
  GMutex             lock;          /* held from _begin() to _end() */
  const NinesFactsKind *kind;
  GArray            *visits;        /* of entries: the last run's, in its order */
  GArray            *next;          /* this one's */
  guint              cursor;
};

#define HEAD_SIZE (sizeof (EntryHead) + (-sizeof (EntryHead) & 7))

static EntryHead *
entry (GArray *entries,
       guint   i)
{
  return (EntryHead *) (entries->data + (gsize) i * g_array_get_element_size (entries));
}

NinesFactsCache *
_nines_facts_cache_new (const NinesFactsKind *kind)
{
  NinesFactsCache *cache = g_new0 (NinesFactsCache, 1);
  guint element = HEAD_SIZE + ((kind->payload_size + 7) & ~(gsize) 7);

  g_mutex_init (&cache->lock);
  cache->kind = kind;
  cache->visits = g_array_new (FALSE, FALSE, element);
  cache->next = g_array_new (FALSE, FALSE, element);
  return cache;
}

static void
drop_entries (GArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    g_clear_object (&entry (entries, i)->component);
  g_array_set_size (entries, 0);
}

void
_nines_facts_cache_free (NinesFactsCache *cache)
{
  if (cache == NULL)
    return;
  drop_entries (cache->visits);
  drop_entries (cache->next);
  g_array_unref (cache->visits);
  g_array_unref (cache->next);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

/* Starts a run of the stage: locks the cache until _end(). */
void
_nines_facts_cache_begin (NinesFactsCache *cache)
{
  g_mutex_lock (&cache->lock);
  cache->cursor = 0;
  drop_entries (cache->next);
}

/* The index (for _nines_facts_cache_get()) of the facts of @c at @revision: the kept
 * ones, or read now with @user_data. */
guint
_nines_facts_cache_lookup (NinesFactsCache *cache,
                           NinesComponent  *c,
                           guint64          revision,
                           gpointer         user_data)
{
  guint end = MIN (cache->cursor + 4, cache->visits->len);
  EntryHead *fresh;

  /* The last run's next visit, or one a little further on (components removed). */
  for (guint k = cache->cursor; k < end; k++)
    {
      EntryHead *e = entry (cache->visits, k);

      if (e->component == c && e->revision == revision)
        {
          g_array_append_vals (cache->next, e, 1);   /* the reference moves with it */
          e->component = NULL;
          cache->cursor = k + 1;
          return cache->next->len - 1;
        }
    }
  g_array_set_size (cache->next, cache->next->len + 1);
  fresh = entry (cache->next, cache->next->len - 1);
  fresh->component = g_object_ref (c);
  fresh->revision = revision;
  memset ((char *) fresh + HEAD_SIZE, 0, cache->kind->payload_size);
  cache->kind->read (c, (char *) fresh + HEAD_SIZE, user_data);
  return cache->next->len - 1;
}

/* The facts at @index: valid until _end(), once the lookups are done (they may move). */
gconstpointer
_nines_facts_cache_get (NinesFactsCache *cache,
                        guint            index)
{
  return (const char *) entry (cache->next, index) + HEAD_SIZE;
}

/* Ends the run: the facts it did not meet go, the ones it met guide the next. */
void
_nines_facts_cache_end (NinesFactsCache *cache)
{
  GArray *visits = cache->visits;

  drop_entries (visits);
  cache->visits = cache->next;
  cache->next = visits;
  g_mutex_unlock (&cache->lock);
}
