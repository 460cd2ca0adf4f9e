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

NinesCostEstimate *
_nines_cost_estimate_new (NinesDeployment    *deployment,
                          NinesPriceSnapshot *prices)
{
  NinesCostEstimate *self = g_new0 (NinesCostEstimate, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->deployment = nines_deployment_ref (deployment);
  self->prices = nines_price_snapshot_ref (prices);
  self->lines = g_array_sized_new (FALSE, FALSE, sizeof (NinesCostLine),
                                   6 * nines_deployment_get_n_items (deployment) + 8);
  self->strings = g_string_chunk_new (1024);
  return self;
}

const char *
_nines_cost_estimate_intern (NinesCostEstimate *self,
                             const char        *str)
{
  return str ? g_string_chunk_insert_const (self->strings, str) : NULL;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  return strcmp (((const NinesCostGroup *) a)->key, ((const NinesCostGroup *) b)->key);
}

void
_nines_cost_estimate_finish (NinesCostEstimate *self,
                             double             discount_percent)
{
  for (guint s = 0; s < NINES_COST_N_STATES; s++)
    {
      g_autoptr(GHashTable) by_region = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) by_service = g_hash_table_new (g_str_hash, g_str_equal);
      GHashTable *index[2] = { by_region, by_service };
      const char *last_key[2] = { NULL, NULL };
      gpointer last_pos[2] = { NULL, NULL };
      NinesCostTotal *t = &self->totals[s];

      memset (t, 0, sizeof *t);
      for (guint g = 0; g < 2; g++)
        self->groups[s][g] = g_array_new (FALSE, FALSE, sizeof (NinesCostGroup));
      for (guint i = 0; i < self->lines->len; i++)
        {
          const NinesCostLine *l = &g_array_index (self->lines, NinesCostLine, i);

          if (l->state != s)
            continue;
          t->list_usd += l->monthly_usd;
          t->n_missing += l->missing;
          for (guint g = 0; g < 2; g++)
            {
              const char *key = g == NINES_COST_BY_REGION ? l->region : l->service;
              gpointer pos;
              NinesCostGroup *group;

              /* Consecutive lines mostly share their strings: skip the hash then. */
              if (key == last_key[g])
                pos = last_pos[g];
              else if (!g_hash_table_lookup_extended (index[g], key, NULL, &pos))
                {
                  NinesCostGroup fresh = { key, 0, 0 };
                  g_array_append_val (self->groups[s][g], fresh);
                  pos = GUINT_TO_POINTER (self->groups[s][g]->len - 1);
                  g_hash_table_insert (index[g], (gpointer) key, pos);
                }
              last_key[g] = key;
              last_pos[g] = pos;
              group = &g_array_index (self->groups[s][g], NinesCostGroup, GPOINTER_TO_UINT (pos));
              group->list_usd += l->monthly_usd;
              group->n_missing += l->missing;
            }
        }
      for (guint g = 0; g < 2; g++)
        g_array_sort (self->groups[s][g], compare_groups);
      t->discount_percent = discount_percent;
      t->discount_usd = t->list_usd * discount_percent / 100.0;
      t->total_usd = t->list_usd - t->discount_usd;
    }
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
  g_array_unref (self->lines);
  g_string_chunk_free (self->strings);
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
  return self->lines->len;
}

const NinesCostLine *
nines_cost_estimate_get_line (NinesCostEstimate *self,
                              guint              i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->lines->len, NULL);
  return &g_array_index (self->lines, NinesCostLine, i);
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
