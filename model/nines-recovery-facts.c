/* nines-recovery-facts.c: what the recovery reads of each component (its SLA, its write
 * rate, its group size…), kept from one recovery to the next.
 *
 * The recovery walks every item of the deployment several times (stores, data and
 * compute steps, SLA terms) and read each component's parameters each time: at 10,000
 * components, cache misses on objects spread over megabytes made most of its time. The
 * facts depend on the component alone, so they are read once per component revision
 * and kept, per pattern, in the order the recovery meets the items; the next recovery
 * meets them in the same order (save around an edit) and reads the kept facts in
 * sequence, never the component. */
#define G_LOG_DOMAIN "nines-recovery"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-recovery-private.h"

/* Aurora bills write I/O in 4 KB units (Aurora User Guide, "Amazon Aurora storage"), and a
 * DynamoDB write request unit covers 1 KB (DynamoDB Developer Guide, "Read/write capacity
 * mode"): upper bounds of the data each carries. */
#define AURORA_WRITE_IO_GB  (4.0 / 1e6)
#define DDB_WRU_GB          (1.0 / 1e6)

typedef struct
{
  NinesComponent      *component;   /* held; NULL once moved to the next visits */
  guint64              revision;
  NinesComponentFacts  facts;
} FactsEntry;

struct _NinesRecoveryCache
{
  GMutex  lock;          /* held from _begin() to _end() */
  GArray *visits;        /* of FactsEntry: the last recovery's, in its order */
  GArray *next;          /* this one's */
  guint   cursor;
};

/* How fast @c takes new data (GB/s); EFS's depends on a knob: 0 here, see
 * _nines_recovery_write_rate(). */
static double
write_rate (NinesComponent *c,
            const char     *kind)
{
  if (_nines_kind_is (kind, "rds"))
    return nines_component_get_double (c, "write_gb_per_day") / 86400.0;
  if (_nines_kind_is (kind, "aurora"))
    return nines_component_get_double (c, "write_io_millions") * 1e6 * AURORA_WRITE_IO_GB / NINES_SECONDS_PER_MONTH;
  if (_nines_kind_is (kind, "s3"))
    return nines_component_get_double (c, "new_gb_per_month") / NINES_SECONDS_PER_MONTH;
  if (_nines_kind_is (kind, "dynamodb"))
    return nines_component_get_double (c, "write_millions") * 1e6 * DDB_WRU_GB / NINES_SECONDS_PER_MONTH;
  return 0;
}

static void
read_facts (NinesComponent      *c,
            NinesComponentFacts *facts)
{
  const NinesKindInfo *info = nines_component_get_kind_info (c);
  const char *kind = nines_component_get_kind (c);

  memset (facts, 0, sizeof *facts);
  facts->kind = kind;
  facts->data_store = info != NULL && info->data_store;
  facts->has_sla = _nines_recovery_component_sla (c, &facts->sla, &facts->sla_source);
  facts->write_gb_per_s = write_rate (c, kind);
  facts->efs = _nines_kind_is (kind, "efs");
  if (_nines_kind_is (kind, "ec2-asg"))
    facts->size = nines_component_get_int (c, "desired");
  else if (_nines_kind_is (kind, "elasticache"))
    facts->size = nines_component_get_int (c, "nodes");
  else if (_nines_kind_is (kind, "route53"))
    {
      const char *policy = nines_component_get_string (c, "routing_policy");

      facts->health_checked = nines_component_get_int (c, "health_checks") > 0;
      facts->routed = g_str_equal (policy, "failover") || g_str_equal (policy, "latency");
    }
  if (info != NULL && nines_kind_info_lookup_param (info, "storage_gb") != NULL)
    facts->storage_gb = nines_component_get_double (c, "storage_gb");
}

NinesRecoveryCache *
_nines_recovery_cache_new (void)
{
  NinesRecoveryCache *cache = g_new0 (NinesRecoveryCache, 1);

  g_mutex_init (&cache->lock);
  cache->visits = g_array_new (FALSE, FALSE, sizeof (FactsEntry));
  cache->next = g_array_new (FALSE, FALSE, sizeof (FactsEntry));
  return cache;
}

static void
drop_entries (GArray *entries)
{
  for (guint i = 0; i < entries->len; i++)
    g_clear_object (&g_array_index (entries, FactsEntry, i).component);
  g_array_set_size (entries, 0);
}

void
_nines_recovery_cache_free (NinesRecoveryCache *cache)
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

/* Starts a recovery: locks the cache until _end(). */
void
_nines_recovery_cache_begin (NinesRecoveryCache *cache)
{
  g_mutex_lock (&cache->lock);
  cache->cursor = 0;
  drop_entries (cache->next);
}

/* The index (for _nines_recovery_cache_get()) of the facts of @c at @revision: the kept
 * ones, or read now. */
guint
_nines_recovery_cache_lookup (NinesRecoveryCache *cache,
                              NinesComponent     *c,
                              guint64             revision)
{
  FactsEntry fresh;
  guint end = MIN (cache->cursor + 4, cache->visits->len);

  /* The last recovery's next visit, or one a little further on (items removed). */
  for (guint k = cache->cursor; k < end; k++)
    {
      FactsEntry *e = &g_array_index (cache->visits, FactsEntry, k);

      if (e->component == c && e->revision == revision)
        {
          g_array_append_val (cache->next, *e);   /* the reference moves with it */
          e->component = NULL;
          cache->cursor = k + 1;
          return cache->next->len - 1;
        }
    }
  fresh.component = g_object_ref (c);
  fresh.revision = revision;
  read_facts (c, &fresh.facts);
  g_array_append_val (cache->next, fresh);
  return cache->next->len - 1;
}

/* The facts at @index: valid until _end(), once the lookups are done (they may move). */
const NinesComponentFacts *
_nines_recovery_cache_get (NinesRecoveryCache *cache,
                           guint               index)
{
  return &g_array_index (cache->next, FactsEntry, index).facts;
}

/* Ends the recovery: the facts it did not meet go, the ones it met guide the next. */
void
_nines_recovery_cache_end (NinesRecoveryCache *cache)
{
  GArray *visits = cache->visits;

  drop_entries (visits);
  cache->visits = cache->next;
  cache->next = visits;
  g_mutex_unlock (&cache->lock);
}
