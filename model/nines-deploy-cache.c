/* nines-deploy-cache.c: what the pattern rules made of each drawn component, kept for
 * the next deployment of the same document and pattern.
 *
 * An edit changes one component of thousands; the app builds the deployment again after
 * each (the canvas and the analysis both) and the compare view builds one per pattern.
 * Running every rule again copied every component again: at 10,000 components the
 * deployment took 14 ms, most of it GObject copies made and freed. A rule's output
 * depends only on its component and the pattern's context (regions, recovery AZs,
 * knobs), so it is kept per component and reused while the component's revision and the
 * context are the same. A document's caches (these and the cost's, nines-cost-cache.c)
 * are made together on its first deployment and freed with it (end of file). */
#define G_LOG_DOMAIN "nines-deployment"

#include "config.h"

#include <string.h>

#include "nines-model-private.h"

struct _NinesDeployCache
{
  GMutex      lock;        /* held from _begin() to _end(): one build at a time */
  guchar     *key;         /* the context the fragments were made in */
  gsize       key_size;
  GHashTable *fragments;   /* NinesComponent* -> NinesDeployFragment* (owned) */
  guint       generation;  /* counts builds */
  guint       n_used;      /* fragments the current build used */
  /* The fragments in the order the last build met them, and this build's: the next
   * build meets the components in the same order, save around an edit, and reading
   * that order in sequence spares the hash lookup (three cache misses). Pairs of
   * component and fragment: a fragment is read only once its component matched, so
   * one replaced (and freed) during this build is never read. */
  GArray     *visits;
  GArray     *next_visits;
  guint       cursor;
};

typedef struct
{
  NinesComponent      *component;
  NinesDeployFragment *fragment;
} Visit;

NinesDeployCache *
_nines_deploy_cache_new (void)
{
  NinesDeployCache *cache = g_new0 (NinesDeployCache, 1);

  g_mutex_init (&cache->lock);
  cache->fragments = g_hash_table_new_full (NULL, NULL, NULL,
                                            (GDestroyNotify) _nines_deploy_fragment_unref);
  cache->visits = g_array_new (FALSE, FALSE, sizeof (Visit));
  cache->next_visits = g_array_new (FALSE, FALSE, sizeof (Visit));
  return cache;
}

void
_nines_deploy_cache_free (NinesDeployCache *cache)
{
  if (cache == NULL)
    return;
  g_hash_table_unref (cache->fragments);
  g_array_unref (cache->visits);
  g_array_unref (cache->next_visits);
  g_free (cache->key);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

/* Starts a build in the context @key (@key_size bytes, compared byte for byte): what
 * was kept for another context is dropped. Locks the cache until _end(). */
void
_nines_deploy_cache_begin (NinesDeployCache *cache,
                           gconstpointer     key,
                           gsize             key_size)
{
  g_mutex_lock (&cache->lock);
  if (cache->key == NULL || cache->key_size != key_size || memcmp (cache->key, key, key_size) != 0)
    {
      g_hash_table_remove_all (cache->fragments);
      g_array_set_size (cache->visits, 0);
      g_free (cache->key);
      cache->key = g_memdup2 (key, key_size);
      cache->key_size = key_size;
    }
  cache->generation++;
  cache->n_used = 0;
  cache->cursor = 0;
  g_array_set_size (cache->next_visits, 0);
}

/* The fragment kept for @component at its current revision, or NULL. (transfer none) */
NinesDeployFragment *
_nines_deploy_cache_lookup (NinesDeployCache *cache,
                            NinesComponent   *component)
{
  NinesDeployFragment *f = NULL;
  guint64 revision;

  /* The last build's next visit, or one a little further on (components removed). */
  for (guint k = cache->cursor; f == NULL && k < MIN (cache->cursor + 4, cache->visits->len); k++)
    {
      const Visit *v = &g_array_index (cache->visits, Visit, k);

      if (v->component == component)
        {
          f = v->fragment;
          cache->cursor = k + 1;
        }
    }
  /* Fragments are spread over megabytes: ask for the one the build will read eight on. */
  if (cache->cursor + 8 < cache->visits->len)
    {
      const char *ahead = (const char *) g_array_index (cache->visits, Visit, cache->cursor + 8).fragment;

      __builtin_prefetch (ahead);
      __builtin_prefetch (ahead + 64);
      __builtin_prefetch (ahead + 128);
    }
  if (f == NULL && !(f = g_hash_table_lookup (cache->fragments, component)))
    return NULL;
  _nines_deploy_fragment_get_component (f, &revision);
  if (revision != _nines_component_get_revision (component))
    return NULL;
  *_nines_deploy_fragment_generation (f) = cache->generation;
  cache->n_used++;
  g_array_append_val (cache->next_visits, ((Visit) { component, f }));
  return f;
}

/* Keeps @fragment (transfer full) for its component, in place of an older one. */
void
_nines_deploy_cache_insert (NinesDeployCache    *cache,
                            NinesDeployFragment *fragment)
{
  guint64 revision;
  Visit visit = { _nines_deploy_fragment_get_component (fragment, &revision), fragment };

  *_nines_deploy_fragment_generation (fragment) = cache->generation;
  cache->n_used++;
  g_hash_table_replace (cache->fragments, visit.component, fragment);
  g_array_append_val (cache->next_visits, visit);
}

static gboolean
is_stale (gpointer key,
          gpointer value,
          gpointer user_data)
{
  return *_nines_deploy_fragment_generation (value) != *(guint *) user_data;
}

/* Ends the build: fragments of components it did not meet (deleted, moved out of the
 * primary region) are dropped once they are a third of what is kept. */
void
_nines_deploy_cache_end (NinesDeployCache *cache)
{
  guint n = g_hash_table_size (cache->fragments);

  GArray *visits = cache->visits;

  if (n > cache->n_used + cache->n_used / 2 + 64)
    g_hash_table_foreach_remove (cache->fragments, is_stale, &cache->generation);
  /* This build's visits guide the next; their fragments are all kept (current). */
  cache->visits = cache->next_visits;
  cache->next_visits = visits;
  g_mutex_unlock (&cache->lock);
}

/* Every cache of a document, made together: a few small objects, used from its first
 * deployment on. */
struct _NinesDocumentCaches
{
  NinesDeployCache   *deploy[2 * NINES_N_DR_PATTERNS];   /* per pattern: rules, routing */
  NinesCostCache     *cost;
  NinesFactsCache    *recovery[NINES_N_DR_PATTERNS];
  NinesFactsCache    *findings;
};

NinesDocumentCaches *
_nines_document_caches_new (void)
{
  NinesDocumentCaches *caches = g_new0 (NinesDocumentCaches, 1);

  for (guint i = 0; i < G_N_ELEMENTS (caches->deploy); i++)
    caches->deploy[i] = _nines_deploy_cache_new ();
  caches->cost = _nines_cost_cache_new ();
  for (guint i = 0; i < G_N_ELEMENTS (caches->recovery); i++)
    caches->recovery[i] = _nines_facts_cache_new (&_nines_recovery_facts);
  caches->findings = _nines_facts_cache_new (&_nines_findings_facts);
  return caches;
}

void
_nines_document_caches_free (NinesDocumentCaches *caches)
{
  if (caches == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (caches->deploy); i++)
    _nines_deploy_cache_free (caches->deploy[i]);
  _nines_cost_cache_free (caches->cost);
  for (guint i = 0; i < G_N_ELEMENTS (caches->recovery); i++)
    _nines_facts_cache_free (caches->recovery[i]);
  _nines_facts_cache_free (caches->findings);
  g_free (caches);
}

NinesDeployCache *
_nines_document_get_deploy_cache (NinesDocument  *self,
                                  NinesDrPattern  pattern,
                                  gboolean        routing)
{
  g_return_val_if_fail (pattern < NINES_N_DR_PATTERNS, NULL);
  return _nines_document_get_caches (self)->deploy[2 * pattern + (routing ? 1 : 0)];
}

NinesCostCache *
_nines_document_get_cost_cache (NinesDocument *self)
{
  return _nines_document_get_caches (self)->cost;
}

NinesFactsCache *
_nines_document_get_recovery_facts (NinesDocument  *self,
                                    NinesDrPattern  pattern)
{
  g_return_val_if_fail (pattern < NINES_N_DR_PATTERNS, NULL);
  return _nines_document_get_caches (self)->recovery[pattern];
}

NinesFactsCache *
_nines_document_get_findings_facts (NinesDocument *self)
{
  return _nines_document_get_caches (self)->findings;
}
