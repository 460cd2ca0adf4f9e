/* nines-cost-estimate.c: the result of pricing a deployment */
#define G_LOG_DOMAIN "nines-cost-estimate"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-cost-private.h"

G_DEFINE_BOXED_TYPE (NinesCostEstimate, nines_cost_estimate,
                     nines_cost_estimate_ref, nines_cost_estimate_unref)

const char *
nines_cost_state_to_string (NinesCostState state)
{
  g_return_val_if_fail (state < NINES_COST_N_STATES, NULL);
  return state == NINES_COST_STEADY ? "steady" : "failover";
}

/* The line block of the last estimate freed, kept for the next one. An estimate of a
 * 10,000-component design needs a 14 MB block: malloc maps blocks that large afresh
 * (mmap) and every page of a fresh mapping faults in on first write, which took 12 of
 * the 28 ms of that estimate (bench/nines-bench-model, before and after). The app and
 * the CLI estimate one design again and again, so the block is reused instead. */
#define SPARE_MAX_LINES (64 * 1024 * 1024 / sizeof (NinesCostLine))

static GMutex spare_lock;
static NinesCostLine *spare_lines;
static gsize spare_n;

static NinesCostLine *
lines_alloc (gsize  want,
             guint *n_alloc)
{
  NinesCostLine *lines = NULL;

  g_mutex_lock (&spare_lock);
  if (spare_lines != NULL && spare_n >= want)
    {
      lines = g_steal_pointer (&spare_lines);
      want = spare_n;
    }
  g_mutex_unlock (&spare_lock);
  *n_alloc = want;
  return lines ? lines : g_new (NinesCostLine, want);
}

/* Keeps @lines as the spare block when it is bigger than the one kept (and not huge). */
static void
lines_release (NinesCostLine *lines,
               gsize          n_alloc)
{
  if (lines == NULL)
    return;
  if (n_alloc <= SPARE_MAX_LINES)
    {
      g_mutex_lock (&spare_lock);
      if (spare_lines == NULL || spare_n < n_alloc)
        {
          NinesCostLine *old = spare_lines;

          spare_lines = lines;
          spare_n = n_alloc;
          lines = old;
        }
      g_mutex_unlock (&spare_lock);
    }
  g_free (lines);
}

NinesCostEstimate *
_nines_cost_estimate_new (NinesDeployment    *deployment,
                          NinesPriceSnapshot *prices,
                          NinesStringPool    *strings)
{
  NinesCostEstimate *self = g_new0 (NinesCostEstimate, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->deployment = nines_deployment_ref (deployment);
  self->prices = nines_price_snapshot_ref (prices);
  /* About 4-5 lines per item (two states, a few dimensions each); grown by half when
   * short. */
  self->lines = lines_alloc (5 * (gsize) nines_deployment_get_n_items (deployment) + 16,
                             &self->n_alloc);
  self->strings = strings ? _nines_string_pool_ref (strings) : _nines_string_pool_new ();
  self->pending = g_array_new (FALSE, FALSE, sizeof (NinesCostPending));
  self->usage_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

const char *
_nines_cost_estimate_intern (NinesCostEstimate *self,
                             const char        *str)
{
  return _nines_string_pool_intern (self->strings, str);
}

void
_nines_cost_estimate_append_lines (NinesCostEstimate   *self,
                                   const NinesCostLine *lines,
                                   guint                n)
{
  if (n == 0)
    return;
  _nines_cost_estimate_reserve (self, n);
  memcpy (self->lines + self->n_lines, lines, n * sizeof (NinesCostLine));
  self->n_lines += n;
}

/* Room for @n more lines: the next @n pushes (or direct writes) move none. */
void
_nines_cost_estimate_reserve (NinesCostEstimate *self,
                              guint              n)
{
  if (self->n_lines + n > self->n_alloc)
    {
      self->n_alloc = MAX (self->n_alloc + self->n_alloc / 2 + 16, self->n_lines + n);
      self->lines = g_renew (NinesCostLine, self->lines, self->n_alloc);
    }
}

NinesCostLine *
_nines_cost_estimate_push (NinesCostEstimate *self)
{
  if (self->n_lines == self->n_alloc)
    {
      self->n_alloc += self->n_alloc / 2 + 16;
      self->lines = g_renew (NinesCostLine, self->lines, self->n_alloc);
    }
  return &self->lines[self->n_lines++];
}

/* The deployment's total of one tiered usage in one state. */
typedef struct
{
  double quantity;
  guint  n_lines;
  guint  n_used;    /* tiers the total reaches into */
  guint  tiers;     /* where its tiers start in the tier array */
  gboolean read;
} TierTotal;

/* @o as billed in @tier: @quantity of it, of a total that @n_lines lines share. */
static void
tier_line (NinesCostLine    *o,
           const NinesPrice *tier,
           double            quantity,
           guint             n_lines)
{
  o->quantity = quantity;
  o->unit_usd = tier->usd;
  o->monthly_usd = quantity * tier->usd;
  o->tier_start = tier->tier_start;
  o->tier_end = tier->tier_end;
  o->rate_code = tier->rate_code;
  o->source = tier->source;
  o->date = tier->date;
  if (n_lines > 1 && o->note == NULL)
    o->note = N_("tiers applied to the deployment's total of this usage in the region, "
                 "shared in proportion");
}

void
_nines_cost_estimate_apply_tiers (NinesCostEstimate *self)
{
  GArray *pending = self->pending;
  g_autoptr(GHashTable) index = NULL;
  g_autofree TierTotal *totals = NULL;
  g_autofree guint *group_of = NULL;
  g_autoptr(GArray) tiers = g_array_new (FALSE, FALSE, sizeof (NinesPrice));
  guint n_groups = 0, n_out = 0, next = 0;
  gpointer last_key = NULL, last_pos = NULL;
  gsize extra = 0;

  if (pending->len == 0)
    return;

  /* The totals, per state and snapshot key (its first tier's index names it). */
  index = g_hash_table_new (NULL, NULL);
  totals = g_new0 (TierTotal, pending->len);
  group_of = g_new (guint, pending->len);
  for (guint i = 0; i < pending->len; i++)
    {
      const NinesCostPending *p = &g_array_index (pending, NinesCostPending, i);
      gpointer key = GSIZE_TO_POINTER (((gsize) p->first << 1 | p->state) + 1);
      gpointer pos;

      if (key == last_key)
        pos = last_pos;
      else if (!g_hash_table_lookup_extended (index, key, NULL, &pos))
        {
          pos = GUINT_TO_POINTER (n_groups++);
          g_hash_table_insert (index, key, pos);
        }
      last_key = key;
      last_pos = pos;
      group_of[i] = GPOINTER_TO_UINT (pos);
      totals[group_of[i]].quantity += p->quantity;
      totals[group_of[i]].n_lines++;
    }
  for (guint i = 0; i < pending->len; i++)
    {
      const NinesCostPending *p = &g_array_index (pending, NinesCostPending, i);
      TierTotal *t = &totals[group_of[i]];

      if (!t->read)
        {
          t->read = TRUE;
          t->tiers = tiers->len;
          for (guint k = 0; k < p->n_tiers; k++)
            {
              NinesPrice tier;

              nines_price_snapshot_get_price (self->prices, p->first + k, &tier);
              g_array_append_val (tiers, tier);
              if (MIN (t->quantity, tier.tier_end) - tier.tier_start > 0)
                t->n_used++;
            }
        }
      extra += MAX (t->n_used, 1) - 1;
    }

  /* Each pending line becomes its share of every tier the total reaches: one line when
   * every total stays within one tier (the common case). */
  if (extra == 0)
    {
      for (guint i = 0; i < pending->len; i++)
        {
          const NinesCostPending *p = &g_array_index (pending, NinesCostPending, i);
          const TierTotal *t = &totals[group_of[i]];
          NinesCostLine *o = &self->lines[p->line];

          for (guint k = 0; k < p->n_tiers; k++)
            {
              const NinesPrice *tier = &g_array_index (tiers, NinesPrice, t->tiers + k);
              double in_tier = MIN (t->quantity, tier->tier_end) - tier->tier_start;

              if (!(in_tier > 0))
                continue;
              tier_line (o, tier, in_tier * (o->quantity / t->quantity), t->n_lines);
              break;
            }
        }
      g_array_set_size (pending, 0);
      return;
    }
  /* Some totals reach into more tiers: those lines split into one line per tier, in
   * place, from the end (each line moves up by the splits before it), in the same block:
   * a second block of this size would be mapped and faulted in afresh. */
  if (self->n_lines + extra > self->n_alloc)
    {
      self->n_alloc = self->n_lines + extra;
      self->lines = g_renew (NinesCostLine, self->lines, self->n_alloc);
    }
  n_out = self->n_lines + extra;
  next = pending->len;
  for (guint i = self->n_lines; i-- > 0 && n_out > i + 1;)
    {
      const NinesCostPending *p;
      const TierTotal *t;
      NinesCostLine l;
      double share;
      guint n_used = 0, w;

      if (next == 0 || g_array_index (pending, NinesCostPending, next - 1).line != i)
        {
          self->lines[--n_out] = self->lines[i];
          continue;
        }
      p = &g_array_index (pending, NinesCostPending, --next);
      t = &totals[group_of[next]];
      l = self->lines[i];
      share = l.quantity / t->quantity;
      for (guint k = 0; k < p->n_tiers; k++)
        {
          const NinesPrice *tier = &g_array_index (tiers, NinesPrice, t->tiers + k);
          n_used += MIN (t->quantity, tier->tier_end) - tier->tier_start > 0;
        }
      n_out -= MAX (n_used, 1);
      w = n_out;
      for (guint k = 0; k < p->n_tiers; k++)
        {
          const NinesPrice *tier = &g_array_index (tiers, NinesPrice, t->tiers + k);
          double in_tier = MIN (t->quantity, tier->tier_end) - tier->tier_start;
          NinesCostLine *o;

          if (!(in_tier > 0))
            continue;
          o = &self->lines[w++];
          *o = l;
          tier_line (o, tier, in_tier * share, t->n_lines);
        }
      if (n_used == 0)
        self->lines[w] = l;   /* nothing in any tier (a zero total): kept as it was */
    }
  /* The lines below are where they were: only their pending ones get their tier. */
  while (next > 0)
    {
      const NinesCostPending *p = &g_array_index (pending, NinesCostPending, --next);
      const TierTotal *t = &totals[group_of[next]];
      NinesCostLine *o = &self->lines[p->line];

      for (guint k = 0; k < p->n_tiers; k++)
        {
          const NinesPrice *tier = &g_array_index (tiers, NinesPrice, t->tiers + k);
          double in_tier = MIN (t->quantity, tier->tier_end) - tier->tier_start;

          if (in_tier > 0)
            {
              tier_line (o, tier, in_tier * (o->quantity / t->quantity), t->n_lines);
              break;
            }
        }
    }
  self->n_lines += extra;
  g_array_set_size (pending, 0);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const NinesCostGroup *) a)->key, ((const NinesCostGroup *) b)->key);
}

/* Key pointers already placed in a group: a handful of regions and services. */
typedef struct
{
  guint       n;
  const char *key[32];
  gpointer    pos[32];
} SeenKeys;

static gboolean
seen_find (const SeenKeys  *seen,
           const char      *key,
           gpointer        *pos)
{
  for (guint i = 0; i < seen->n; i++)
    if (seen->key[i] == key)
      {
        *pos = seen->pos[i];
        return TRUE;
      }
  return FALSE;
}

static void
seen_add (SeenKeys   *seen,
          const char *key,
          gpointer    pos)
{
  if (seen->n < G_N_ELEMENTS (seen->key))
    {
      seen->key[seen->n] = key;
      seen->pos[seen->n++] = pos;
    }
}

void
_nines_cost_estimate_finish (NinesCostEstimate *self,
                             double             discount_percent)
{
  GHashTable *index[NINES_COST_N_STATES][2];
  const char *last_key[NINES_COST_N_STATES][2] = { { NULL } };
  gpointer last_pos[NINES_COST_N_STATES][2] = { { NULL } };
  SeenKeys seen[NINES_COST_N_STATES][2] = { { { 0 } } };

  for (guint s = 0; s < NINES_COST_N_STATES; s++)
    {
      memset (&self->totals[s], 0, sizeof self->totals[s]);
      for (guint g = 0; g < 2; g++)
        {
          self->groups[s][g] = g_array_new (FALSE, FALSE, sizeof (NinesCostGroup));
          index[s][g] = g_hash_table_new (g_str_hash, g_str_equal);
        }
    }

  /* One pass over the lines, each into its state's totals and groups. */
  for (guint i = 0; i < self->n_lines; i++)
    {
      const NinesCostLine *l = &self->lines[i];
      guint s = l->state;
      NinesCostTotal *t = &self->totals[s];

      t->list_usd += l->monthly_usd;
      t->n_missing += l->missing;
      for (guint g = 0; g < 2; g++)
        {
          const char *key = g == NINES_COST_BY_REGION ? l->region : l->service;
          gpointer pos;
          NinesCostGroup *group;

          /* Lines mostly share their strings (the snapshot's): skip the hash when this
           * very pointer was seen; only a new pointer is looked up by content. */
          if (key == last_key[s][g])
            pos = last_pos[s][g];
          else if (!seen_find (&seen[s][g], key, &pos))
            {
              if (!g_hash_table_lookup_extended (index[s][g], key, NULL, &pos))
                {
                  NinesCostGroup fresh = { key, 0, 0 };
                  g_array_append_val (self->groups[s][g], fresh);
                  pos = GUINT_TO_POINTER (self->groups[s][g]->len - 1);
                  g_hash_table_insert (index[s][g], (gpointer) key, pos);
                }
              seen_add (&seen[s][g], key, pos);
            }
          last_key[s][g] = key;
          last_pos[s][g] = pos;
          group = &g_array_index (self->groups[s][g], NinesCostGroup, GPOINTER_TO_UINT (pos));
          group->list_usd += l->monthly_usd;
          group->n_missing += l->missing;
        }
    }

  for (guint s = 0; s < NINES_COST_N_STATES; s++)
    {
      NinesCostTotal *t = &self->totals[s];

      for (guint g = 0; g < 2; g++)
        {
          g_array_sort (self->groups[s][g], compare_groups);
          g_hash_table_unref (index[s][g]);
        }
      t->discount_percent = discount_percent;
      t->discount_usd = t->list_usd * discount_percent / 100.0;
      t->total_usd = t->list_usd - t->discount_usd;
    }
}

void
nines_cost_total_set_discount (NinesCostTotal *total,
                               double          discount_percent)
{
  g_return_if_fail (total != NULL);
  g_return_if_fail (discount_percent >= 0 && discount_percent < 100);

  /* As _nines_cost_estimate_finish() applies the document's. */
  total->discount_percent = discount_percent;
  total->discount_usd = total->list_usd * discount_percent / 100.0;
  total->total_usd = total->list_usd - total->discount_usd;
}

NinesCostEstimate *
nines_cost_estimate_ref (NinesCostEstimate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nines_cost_estimate_unref (NinesCostEstimate *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint s = 0; s < NINES_COST_N_STATES; s++)
    for (guint g = 0; g < 2; g++)
      g_clear_pointer (&self->groups[s][g], g_array_unref);
  lines_release (self->lines, self->n_alloc);
  g_array_unref (self->pending);
  g_array_unref (self->usage_lines);
  _nines_string_pool_unref (self->strings);
  nines_price_snapshot_unref (self->prices);
  nines_deployment_unref (self->deployment);
  g_free (self);
}

NinesDeployment *
nines_cost_estimate_get_deployment (NinesCostEstimate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->deployment;
}

NinesPriceSnapshot *
nines_cost_estimate_get_prices (NinesCostEstimate *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->prices;
}

guint
nines_cost_estimate_get_n_lines (NinesCostEstimate *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_lines;
}

const NinesCostLine *
nines_cost_estimate_get_line (NinesCostEstimate *self,
                              guint              i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->n_lines, NULL);
  return &self->lines[i];
}

void
nines_cost_estimate_get_total (NinesCostEstimate *self,
                               NinesCostState     state,
                               NinesCostTotal    *total)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (state < NINES_COST_N_STATES);
  g_return_if_fail (total != NULL);
  *total = self->totals[state];
}

gboolean
nines_cost_estimate_is_complete (NinesCostEstimate *self,
                                 NinesCostState     state)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (state < NINES_COST_N_STATES, FALSE);
  return self->totals[state].n_missing == 0;
}

guint
nines_cost_estimate_get_n_groups (NinesCostEstimate *self,
                                  NinesCostState     state,
                                  NinesCostGrouping  grouping)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (state < NINES_COST_N_STATES && grouping <= NINES_COST_BY_SERVICE, 0);
  return self->groups[state][grouping]->len;
}

void
nines_cost_estimate_get_group (NinesCostEstimate  *self,
                               NinesCostState      state,
                               NinesCostGrouping   grouping,
                               guint               i,
                               const char        **key,
                               double             *list_usd,
                               guint              *n_missing)
{
  const NinesCostGroup *g;

  g_return_if_fail (self != NULL);
  g_return_if_fail (state < NINES_COST_N_STATES && grouping <= NINES_COST_BY_SERVICE);
  g_return_if_fail (i < self->groups[state][grouping]->len);

  g = &g_array_index (self->groups[state][grouping], NinesCostGroup, i);
  if (key)
    *key = g->key;
  if (list_usd)
    *list_usd = g->list_usd;
  if (n_missing)
    *n_missing = g->n_missing;
}
