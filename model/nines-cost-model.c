/* nines-cost-model.c: walking a deployment, looking prices up, applying tiers and overrides.
 * What each kind bills is in nines-cost-rules.c. */
#define G_LOG_DOMAIN "nines-cost-model"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-cost-private.h"

static void
append_line (NinesCostCtx  *ctx,
             NinesCostLine *line)
{
  line->item_id = ctx->item_id;
  line->component = ctx->name;
  line->kind = ctx->kind;
  line->state = ctx->state;
  g_array_append_vals (ctx->estimate->lines, line, 1);
}

void
_nines_cost_add (NinesCostCtx *ctx,
                 const char   *service,
                 const char   *region,
                 const char   *usage,
                 const char   *unit,
                 const char   *what,
                 double        quantity,
                 const char   *note)
{
  const NinesPriceOverride *ov;
  guint first, n_tiers;

  if (!(quantity > 0))
    return;

  /* The document's own price wins over the snapshot's, flat (not tiered). */
  ov = nines_document_get_n_price_overrides (ctx->document) > 0
       ? nines_document_lookup_price_override (ctx->document, service,
                                               g_str_equal (region, NINES_PRICE_REGION_GLOBAL) ? NULL : region,
                                               usage)
       : NULL;
  if (ov != NULL)
    {
      NinesCostLine line = { 0 };

      line.region = region;
      line.service = service;
      line.usage = _nines_cost_estimate_intern (ctx->estimate, usage);
      line.what = what;
      line.quantity = quantity;
      line.unit = unit;
      line.unit_usd = ov->usd;
      line.monthly_usd = quantity * ov->usd;
      line.tier_start = 0;
      line.tier_end = INFINITY;
      line.rate_code = "";
      line.source = "price override";
      line.date = "";
      line.override = TRUE;
      line.note = _nines_cost_estimate_intern (ctx->estimate, ov->note);
      append_line (ctx, &line);
      return;
    }

  if (!nines_price_snapshot_lookup (ctx->prices, service, region, usage, &first, &n_tiers))
    {
      NinesCostLine line = { 0 };

      line.region = region;
      line.service = service;
      line.usage = _nines_cost_estimate_intern (ctx->estimate, usage);
      line.what = what;
      line.quantity = quantity;
      line.unit = unit;
      line.unit_usd = NAN;
      line.monthly_usd = 0;
      line.tier_start = 0;
      line.tier_end = INFINITY;
      line.rate_code = "";
      line.source = "";
      line.date = "";
      line.missing = TRUE;
      line.note = note;
      append_line (ctx, &line);
      return;
    }

  /* Tier by tier: each tier bills the part of the quantity between its bounds. */
  for (guint t = 0; t < n_tiers; t++)
    {
      NinesCostLine line = { 0 };
      NinesPrice p;
      double in_tier;

      nines_price_snapshot_get_price (ctx->prices, first + t, &p);
      in_tier = MIN (quantity, p.tier_end) - p.tier_start;
      if (!(in_tier > 0))
        continue;
      line.region = p.region;
      line.service = p.service;
      line.usage = p.usage;
      line.what = what;
      line.quantity = in_tier;
      line.unit = p.unit;
      line.unit_usd = p.usd;
      line.monthly_usd = in_tier * p.usd;
      line.tier_start = p.tier_start;
      line.tier_end = p.tier_end;
      line.rate_code = p.rate_code;
      line.source = p.source;
      line.date = p.date;
      line.note = note;
      append_line (ctx, &line);
    }
}

void
_nines_cost_add_parts (NinesCostCtx       *ctx,
                       const char         *service,
                       const char         *region,
                       const char * const *parts,
                       const char         *unit,
                       const char         *what,
                       double              quantity,
                       const char         *note)
{
  if (!(quantity > 0))
    return;
  g_string_truncate (ctx->scratch, 0);
  for (guint i = 0; parts[i]; i++)
    {
      if (i > 0)
        g_string_append_c (ctx->scratch, ':');
      g_string_append (ctx->scratch, parts[i]);
    }
  _nines_cost_add (ctx, service, region, ctx->scratch->str, unit, what, quantity, note);
}

static void
price_item (NinesCostCtx            *ctx,
            const NinesDeployedItem *item,
            NinesCostState           state)
{
  NinesComponent *c = state == NINES_COST_STEADY ? item->steady : item->failover;
  const char *region;

  if (c == NULL)
    return;
  region = item->region ? item->region : nines_component_get_region (c);
  ctx->item = item;
  ctx->component = c;
  ctx->state = state;
  ctx->item_id = item->id;
  ctx->name = nines_component_get_display_name (c);
  ctx->kind = nines_component_get_kind (c);
  ctx->region = region ? region : NINES_PRICE_REGION_GLOBAL;
  _nines_cost_price_component (ctx);
}

NinesCostEstimate *
nines_cost_model_estimate (NinesDeployment    *deployment,
                           NinesPriceSnapshot *prices)
{
  NinesCostEstimate *estimate;
  g_autoptr(GString) scratch = g_string_sized_new (64);
  g_autoptr(GHashTable) kind_plans = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree guint *steady_range = NULL;   /* per item: its steady lines [start, end) */
  guint n_items;
  NinesCostCtx ctx = { 0 };

  g_return_val_if_fail (deployment != NULL, NULL);

  if (prices == NULL)
    prices = nines_price_snapshot_get_default ();
  estimate = _nines_cost_estimate_new (deployment, prices);
  ctx.estimate = estimate;
  ctx.document = nines_deployment_get_document (deployment);
  ctx.prices = prices;
  ctx.scratch = scratch;
  ctx.kind_plans = kind_plans;

  n_items = nines_deployment_get_n_items (deployment);
  steady_range = g_new0 (guint, 2 * n_items);
  for (guint s = 0; s < NINES_COST_N_STATES; s++)
    {
      for (guint i = 0; i < n_items; i++)
        {
          const NinesDeployedItem *item = nines_deployment_get_item (deployment, i);
          GArray *lines = estimate->lines;

          /* The same component in both states (the drawn workload, a full-size standby)
           * bills the same: copy its steady lines rather than pricing it twice. Only a
           * replica's bill depends on the state (idle until failover). */
          if (s == NINES_COST_FAILOVER && item->failover == item->steady && item->role != NINES_ROLE_REPLICA)
            {
              for (guint k = steady_range[2 * i]; k < steady_range[2 * i + 1]; k++)
                {
                  NinesCostLine copy = g_array_index (lines, NinesCostLine, k);
                  copy.state = NINES_COST_FAILOVER;
                  g_array_append_val (lines, copy);
                }
              continue;
            }
          steady_range[2 * i] = lines->len;
          price_item (&ctx, item, s);
          steady_range[2 * i + 1] = lines->len;
        }

      /* Data moving between regions: only while both regions run (steady state). */
      if (s != NINES_COST_STEADY)
        continue;
      for (guint i = 0; i < nines_deployment_get_n_replications (deployment); i++)
        {
          const NinesReplication *r = nines_deployment_get_replication (deployment, i);

          ctx.item = NULL;
          ctx.component = NULL;
          ctx.state = s;
          ctx.item_id = r->target_id;
          ctx.kind = "replication";
          ctx.region = r->from_region;
          _nines_cost_price_replication (&ctx, r);
        }
    }

  _nines_cost_estimate_finish (estimate, nines_document_get_discount_percent (ctx.document));
  return estimate;
}
