/* nines-recovery.c: the recovery of a deployment: timeline solving (critical path), RPO per
 * data store. The steps are built in nines-recovery-timeline.c, availability in
 * nines-recovery-availability.c. */
#define G_LOG_DOMAIN "nines-recovery"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "nines-recovery-private.h"

G_DEFINE_BOXED_TYPE (NinesRecovery, nines_recovery, nines_recovery_ref, nines_recovery_unref)

const char *
nines_step_kind_to_string (NinesStepKind kind)
{
  static const char *ids[] = { "detect", "decide", "provision", "data", "compute", "traffic", "warm", "wait" };

  g_return_val_if_fail (kind <= NINES_STEP_WAIT, NULL);
  return ids[kind];
}


static void
store_free (NinesStoreRpo *store)
{
  g_free (store->note);
  g_free (store);
}

char *
_nines_recovery_dup (NinesRecovery *self,
                     const char    *str)
{
  return str ? g_string_chunk_insert (self->strings, str) : NULL;
}

char *
_nines_recovery_printf (NinesRecovery *self,
                        const char    *format,
                        ...)
{
  char buf[512];
  va_list ap;
  int n;

  /* Thousands of labels: formatted on the stack, kept in the chunk, no heap copy each. */
  va_start (ap, format);
  n = g_vsnprintf (buf, sizeof buf, format, ap);
  va_end (ap);
  if (n >= 0 && (gsize) n < sizeof buf)
    return g_string_chunk_insert_len (self->strings, buf, n);
  {
    g_autofree char *long_text = NULL;

    va_start (ap, format);
    long_text = g_strdup_vprintf (format, ap);
    va_end (ap);
    return g_string_chunk_insert (self->strings, long_text);
  }
}

#define STEPS_PER_BLOCK 256
#define DEPS_PER_BLOCK  1024

/* Steps and their dependency lists, by the thousand: allocated a block at a time. */
static NinesRecoveryStep *
step_alloc (NinesRecovery *self)
{
  if (self->step_blocks->len == 0 || self->block_used == STEPS_PER_BLOCK)
    {
      g_ptr_array_add (self->step_blocks, g_new0 (NinesRecoveryStep, STEPS_PER_BLOCK));
      self->block_used = 0;
    }
  return (NinesRecoveryStep *) g_ptr_array_index (self->step_blocks, self->step_blocks->len - 1)
         + self->block_used++;
}

static guint *
deps_alloc (NinesRecovery *self,
            guint          n)
{
  guint *deps;

  n = MAX (n, 1);
  if (n > DEPS_PER_BLOCK / 4)
    {
      /* A long list (the traffic switch waiting for every group): a block of its own,
       * before the current one so that stays the one being filled. */
      deps = g_new0 (guint, n);
      g_ptr_array_insert (self->dep_blocks, 0, deps);
      return deps;
    }
  if (self->dep_blocks->len == 0 || self->dep_used + n > DEPS_PER_BLOCK)
    {
      g_ptr_array_add (self->dep_blocks, g_new0 (guint, DEPS_PER_BLOCK));
      self->dep_used = 0;
    }
  deps = (guint *) g_ptr_array_index (self->dep_blocks, self->dep_blocks->len - 1) + self->dep_used;
  self->dep_used += n;
  return deps;
}

guint
_nines_recovery_add_step (NinesRecovery *self,
                          NinesStepKind  kind,
                          const char    *id,
                          const char    *item_id,
                          double         duration_s,
                          const char    *control_plane,
                          const char    *label,
                          const char    *source,
                          const int     *deps,
                          guint          n_deps)
{
  NinesRecoveryStep *step = step_alloc (self);
  const char *failed = nines_deployment_get_primary_region (self->deployment);

  step->id = _nines_recovery_dup (self, id);
  step->kind = kind;
  step->label = (char *) label;
  step->item_id = (char *) item_id;   /* the deployment's, which self holds */
  step->duration_s = MAX (0.0, duration_s);
  step->source = (char *) source;
  step->deps = deps_alloc (self, n_deps);
  for (guint i = 0; i < n_deps; i++)
    {
      if (deps[i] < 0)
        continue;
      g_assert ((guint) deps[i] < self->steps->len);
      step->deps[step->n_deps++] = (guint) deps[i];
    }
  step->control_plane = (char *) control_plane;   /* the deployment's, or static */
  step->uses_failed_region = control_plane != NULL && g_strcmp0 (control_plane, failed) == 0;
  self->uses_failed_region |= step->uses_failed_region;
  g_ptr_array_add (self->steps, step);
  return self->steps->len - 1;
}

char *
_nines_recovery_knob_source (NinesDocument *document,
                             const char    *knob)
{
  const NinesParamSpec *spec = nines_catalog_lookup_knob (nines_catalog_get_default (), knob);
  g_autofree char *value = NULL;

  g_return_val_if_fail (spec != NULL, NULL);
  value = nines_param_spec_format_value (spec, nines_document_get_knob (document, knob));
  return g_strdup_printf (_("knob %s = %s%s: %s"), knob, value,
                          nines_document_get_explicit_knob (document, knob) ? "" : _(" (default)"),
                          spec->source ? spec->source : "");
}

/* Earliest start/end in insertion order (dependencies are always earlier steps), then the
 * critical path walked back from the step that ends last through the dependency that
 * ended last. Linear in steps + edges. */
static void
solve (NinesRecovery *self)
{
  NinesRecoveryStep *last = NULL;

  for (guint i = 0; i < self->steps->len; i++)
    {
      NinesRecoveryStep *step = g_ptr_array_index (self->steps, i);

      step->start_s = 0;
      for (guint d = 0; d < step->n_deps; d++)
        {
          NinesRecoveryStep *dep = g_ptr_array_index (self->steps, step->deps[d]);
          step->start_s = MAX (step->start_s, dep->end_s);
        }
      step->end_s = step->start_s + step->duration_s;
      if (last == NULL || step->end_s >= last->end_s)
        last = step;
    }

  self->rto_s = last ? last->end_s : 0;
  while (last != NULL)
    {
      NinesRecoveryStep *prev = NULL;

      last->critical = TRUE;
      for (guint d = 0; d < last->n_deps; d++)
        {
          NinesRecoveryStep *dep = g_ptr_array_index (self->steps, last->deps[d]);
          if (prev == NULL || dep->end_s > prev->end_s)
            prev = dep;
        }
      last = prev;
    }
}

/* Aurora bills write I/O in 4 KB units (Aurora User Guide, "Amazon Aurora storage"), and a
 * DynamoDB write request unit covers 1 KB (DynamoDB Developer Guide, "Read/write capacity
 * mode"): upper bounds of the data each carries. */
#define AURORA_WRITE_IO_GB  (4.0 / 1e6)
#define DDB_WRU_GB          (1.0 / 1e6)

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

/* What the recovery reads of @c (kept by nines-facts-cache.c). */
static void
read_facts (NinesComponent *c,
            gpointer        payload,
            gpointer        user_data)
{
  NinesComponentFacts *facts = payload;
  const NinesKindInfo *info = nines_component_get_kind_info (c);
  const char *kind = nines_component_get_kind (c);

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

const NinesFactsKind _nines_recovery_facts = { sizeof (NinesComponentFacts), read_facts };

/* How fast the store with @facts takes new data (GB/s). */
static double
store_write_rate (NinesDocument             *document,
                  const NinesComponentFacts *facts)
{
  if (facts->efs)
    return facts->storage_gb * nines_document_get_knob_double (document, "efs_change_percent") / 100.0
           / NINES_SECONDS_PER_MONTH;
  return facts->write_gb_per_s;
}

/* RPO of each data store of the primary region: its best replication to the recovery
 * region: backup copies lose up to one interval plus the copy lag, continuous replication
 * its lag. Without one, nothing outside the failed region. */
static void
build_stores (NinesRecovery *self)
{
  NinesDeployment *dep = self->deployment;
  NinesDocument *document = nines_deployment_get_document (dep);
  const char *primary = nines_deployment_get_primary_region (dep);
  const char *recovery = nines_deployment_get_recovery_region (dep);
  guint n_drawn = _nines_deployment_get_n_drawn (dep);
  /* Per drawn component, its best replication and the item receiving it: indexed by the
   * drawn position the deployment resolved, no id hashing. */
  g_autofree guint *best = g_new (guint, MAX (1, n_drawn));
  g_autoptr(GHashTable) best_other = NULL;   /* sources that are not drawn components */

  for (guint i = 0; i < n_drawn; i++)
    best[i] = G_MAXUINT;
  for (guint i = 0; i < nines_deployment_get_n_replications (dep); i++)
    {
      const NinesReplication *r = nines_deployment_get_replication (dep, i);
      const NinesReplication *old;
      guint drawn, old_i;

      if (i + 8 < nines_deployment_get_n_replications (dep))
        __builtin_prefetch (nines_deployment_get_replication (dep, i + 8));
      if (!_nines_same_region (r->from_region, primary) || !_nines_same_region (r->to_region, recovery) ||
          r->kind == NINES_REPLICATION_AMI_COPY)
        continue;
      _nines_deployment_get_replication_ends (dep, i, &drawn, NULL, NULL);
      if (drawn != G_MAXUINT)
        {
          old = best[drawn] != G_MAXUINT
                ? nines_deployment_get_replication (dep, best[drawn]) : NULL;
          if (old == NULL || r->interval_s + r->lag_s < old->interval_s + old->lag_s)
            best[drawn] = i;
          continue;
        }
      if (best_other == NULL)
        best_other = g_hash_table_new (g_str_hash, g_str_equal);
      /* index + 1 of the best so far */
      old_i = GPOINTER_TO_UINT (g_hash_table_lookup (best_other, r->source_id));
      old = old_i > 0 ? nines_deployment_get_replication (dep, old_i - 1) : NULL;
      if (old == NULL || r->interval_s + r->lag_s < old->interval_s + old->lag_s)
        g_hash_table_insert (best_other, r->source_id, GUINT_TO_POINTER (i + 1));
    }

  self->rpo_s = 0;
  for (guint i = 0; i < _nines_deployment_get_n_drawn (dep); i++)
    {
      /* A drawn item is its component: id, region and facts without reading it. */
      const NinesDeployedItem *item = nines_deployment_get_item (dep, i);

      /* The best replications are spread over megabytes: ask ahead. */
      if (i + 8 < n_drawn && best[i + 8] != G_MAXUINT)
        __builtin_prefetch (nines_deployment_get_replication (dep, best[i + 8]));
      const NinesComponentFacts *facts = _nines_recovery_item_facts (self, i, FALSE);
      const NinesReplication *r;
      const NinesDeployedItem *target;
      NinesStoreRpo *store;

      if (facts == NULL || !facts->data_store || !_nines_same_region (item->region, primary))
        continue;
      store = g_new0 (NinesStoreRpo, 1);
      /* Borrowed: the deployment self holds keeps the component, and ids never change. */
      store->store_id = item->id;
      store->kind = facts->kind;
      store->write_gb_per_s = store_write_rate (document, facts);
      r = best[i] != G_MAXUINT ? nines_deployment_get_replication (dep, best[i]) : NULL;
      target = NULL;
      if (r != NULL)
        _nines_deployment_get_replication_ends (dep, best[i], NULL, NULL, &target);
      if (best_other != NULL)
        {
          /* A replication of this store added outside its own rule: the better one wins,
           * the earlier on a tie, as when all were keyed by id. */
          guint oi = GPOINTER_TO_UINT (g_hash_table_lookup (best_other, store->store_id));
          const NinesReplication *o = oi > 0 ? nines_deployment_get_replication (dep, oi - 1)
                                             : NULL;
          double o_s = o ? o->interval_s + o->lag_s : 0;
          double r_s = r ? r->interval_s + r->lag_s : 0;

          if (o != NULL && (r == NULL || o_s < r_s || (o_s == r_s && oi - 1 < best[i])))
            {
              r = o;
              target = nines_deployment_lookup_item (dep, r->target_id);
            }
        }
      if (r == NULL)
        {
          store->mechanism = "none";
          store->rpo_s = -1;
          store->source = _("no copy outside the primary region: the data is unavailable "
                            "while the region is down, and gone if the region is lost");
        }
      else
        {
          store->mechanism = nines_replication_kind_to_string (r->kind);
          store->rpo_s = r->interval_s + r->lag_s;
          store->lost_gb = store->write_gb_per_s * store->rpo_s;
          store->source = r->source;   /* the deployment's */
          if (target != NULL && target->steady != NULL && _nines_kind_is (facts->kind, "s3") &&
              nines_component_get_int (target->steady, "lifecycle_days") > 0)
            store->note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "objects older than %lld day are not "
                                                        "kept in the recovery region "
                                                        "(lifecycle rule)",
                                                        "objects older than %lld days are not "
                                                        "kept in the recovery region "
                                                        "(lifecycle rule)",
                                                        (gulong) nines_component_get_int
                                                          (target->steady, "lifecycle_days")),
                                           (long long) nines_component_get_int (target->steady,
                                                                                "lifecycle_days"));
        }
      g_ptr_array_add (self->stores, store);

      if (self->worst == NULL ||
          (store->rpo_s < 0 && self->worst->rpo_s >= 0) ||
          (self->worst->rpo_s >= 0 && store->rpo_s > self->worst->rpo_s))
        self->worst = store;
    }
  if (self->worst != NULL)
    self->rpo_s = self->worst->rpo_s;
}

/* Looks up the facts of every item's components, in one pass in item order. */
static void
note_facts (NinesRecovery *self)
{
  NinesDeployment *dep = self->deployment;
  guint n = nines_deployment_get_n_items (dep);

  self->facts_cache = _nines_document_get_recovery_facts (nines_deployment_get_document (dep),
                                                          nines_deployment_get_pattern (dep));
  _nines_facts_cache_begin (self->facts_cache);
  self->item_facts = g_new (guint, 2 * MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const NinesDeployedItem *item = nines_deployment_get_item (dep, i);
      guint *at = &self->item_facts[2 * i];

      /* Items are spread over megabytes (a rule's are its fragment's), and a hit reads
       * little else: ask far enough ahead. */
      if (i + 24 < n)
        __builtin_prefetch (nines_deployment_get_item (dep, i + 24));
      /* The revisions the item noted when it was made: no component read on a hit. */
      at[0] = item->failover == NULL ? G_MAXUINT
        : _nines_facts_cache_lookup (self->facts_cache, item->failover,
                                     item->revisions_known ? item->failover_revision
                                     : _nines_component_get_revision (item->failover), NULL);
      if (item->steady == item->failover)
        at[1] = at[0];
      else
        at[1] = item->steady == NULL ? G_MAXUINT
          : _nines_facts_cache_lookup (self->facts_cache, item->steady,
                                       item->revisions_known ? item->steady_revision
                                       : _nines_component_get_revision (item->steady), NULL);
    }
}

const NinesComponentFacts *
_nines_recovery_item_facts (NinesRecovery *self,
                            guint          i,
                            gboolean       failover)
{
  guint at = self->item_facts[2 * i + (failover ? 0 : 1)];

  return at == G_MAXUINT ? NULL : _nines_facts_cache_get (self->facts_cache, at);
}

NinesRecovery *
nines_recovery_new (NinesDeployment *deployment)
{
  NinesRecovery *self;

  g_return_val_if_fail (deployment != NULL, NULL);

  self = g_new0 (NinesRecovery, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->deployment = nines_deployment_ref (deployment);
  self->steps = g_ptr_array_new ();
  self->step_blocks = g_ptr_array_new_with_free_func (g_free);
  self->dep_blocks = g_ptr_array_new_with_free_func (g_free);
  self->stores = g_ptr_array_new_with_free_func ((GDestroyNotify) store_free);
  self->strings = g_string_chunk_new (4096);

  note_facts (self);
  build_stores (self);
  _nines_recovery_build_steps (self);
  solve (self);
  _nines_recovery_build_availability (self);
  _nines_facts_cache_end (self->facts_cache);
  self->facts_cache = NULL;
  g_clear_pointer (&self->item_facts, g_free);
  return self;
}

NinesRecovery *
nines_recovery_ref (NinesRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nines_recovery_unref (NinesRecovery *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  nines_deployment_unref (self->deployment);
  g_clear_pointer (&self->steps_by_id, g_hash_table_unref);
  g_ptr_array_unref (self->steps);
  g_ptr_array_unref (self->step_blocks);
  g_ptr_array_unref (self->dep_blocks);
  g_ptr_array_unref (self->stores);
  _nines_recovery_clear_availability (&self->availability);
  g_clear_pointer (&self->term_blocks, g_ptr_array_unref);
  g_string_chunk_free (self->strings);
  g_free (self);
}

NinesDeployment *
nines_recovery_get_deployment (NinesRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->deployment;
}

double
nines_recovery_get_rto_s (NinesRecovery *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rto_s;
}

double
nines_recovery_get_rpo_s (NinesRecovery *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rpo_s;
}

const NinesStoreRpo *
nines_recovery_get_worst_store (NinesRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->worst;
}

gboolean
nines_recovery_is_automated (NinesRecovery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->automated;
}

gboolean
nines_recovery_uses_failed_region (NinesRecovery *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->uses_failed_region;
}

guint
nines_recovery_get_n_steps (NinesRecovery *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->steps->len;
}

const NinesRecoveryStep *
nines_recovery_get_step (NinesRecovery *self,
                         guint          i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->steps->len, NULL);
  return g_ptr_array_index (self->steps, i);
}

const NinesRecoveryStep *
nines_recovery_lookup_step (NinesRecovery *self,
                            const char    *id)
{
  GHashTable *index;
  guint n;

  g_return_val_if_fail (self != NULL, NULL);
  if (id == NULL)
    return NULL;
  /* Ids are unique. The ones looked up after each recompute ("detect", "decide",
   * "traffic") are among the first steps or the last: found without an index of the
   * thousands of steps of a large design. */
  n = self->steps->len;
  for (guint i = 0; i < MIN (n, 8); i++)
    {
      NinesRecoveryStep *step = g_ptr_array_index (self->steps, i);
      if (g_str_equal (step->id, id))
        return step;
      step = g_ptr_array_index (self->steps, n - 1 - i);
      if (g_str_equal (step->id, id))
        return step;
    }
  index = g_atomic_pointer_get (&self->steps_by_id);
  if (index == NULL)
    {
      GHashTable *fresh = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < n; i++)
        {
          NinesRecoveryStep *step = g_ptr_array_index (self->steps, i);
          g_hash_table_insert (fresh, step->id, step);
        }
      /* Two threads may both build it: one keeps it. */
      if (g_atomic_pointer_compare_and_exchange (&self->steps_by_id, NULL, fresh))
        index = fresh;
      else
        {
          g_hash_table_unref (fresh);
          index = g_atomic_pointer_get (&self->steps_by_id);
        }
    }
  return g_hash_table_lookup (index, id);
}

guint
nines_recovery_get_n_stores (NinesRecovery *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->stores->len;
}

const NinesStoreRpo *
nines_recovery_get_store (NinesRecovery *self,
                          guint          i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->stores->len, NULL);
  return g_ptr_array_index (self->stores, i);
}

const NinesAvailability *
nines_recovery_get_availability (NinesRecovery *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->availability;
}

char *
nines_format_duration (double seconds)
{
  if (seconds < 0)
    return g_strdup (_("unbounded"));
  if (seconds < 90)
    return g_strdup_printf (_("%.0f s"), seconds);
  if (seconds < 600)
    return g_strdup_printf (_("%.1f min"), seconds / 60.0);
  if (seconds < 3600 * 2)
    return g_strdup_printf (_("%.0f min"), seconds / 60.0);
  if (seconds < 86400 * 2)
    {
      long m = lround (seconds / 60.0);
      return g_strdup_printf (_("%ld h %02ld min"), m / 60, m % 60);
    }
  return g_strdup_printf (_("%.1f days"), seconds / 86400.0);
}
