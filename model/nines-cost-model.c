/* nines-cost-model.c: walking a deployment, looking prices up, applying tiers and overrides.
 * What each kind bills is in nines-cost-rules.c. */
#define G_LOG_DOMAIN "nines-cost-model"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-cost-private.h"

/* The snapshot lookups of one estimate, keyed by the service and region pointers (the
 * rules' literals, the deployment's interned regions) and the usage text: tens of
 * thousands of lines price a few dozen distinct dimensions, and a snapshot lookup hashes
 * and compares all three strings. A cache private to one estimate: nothing outlives it. */
#define PRICE_CACHE_SLOTS 512

typedef struct
{
  const char *service;
  const char *region;
  char       *usage;      /* NULL: an empty slot */
  guint32     hash;
  gboolean    found;
  guint       first;
  guint       n_tiers;
  NinesPrice  price;      /* the first tier's, when found */
} PriceCacheEntry;

struct _NinesPriceCache
{
  guint           n_used;
  PriceCacheEntry slots[PRICE_CACHE_SLOTS];
};

static void
price_cache_free (NinesPriceCache *cache)
{
  for (guint i = 0; i < PRICE_CACHE_SLOTS; i++)
    g_free (cache->slots[i].usage);
  g_free (cache);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesPriceCache, price_cache_free)

static gboolean
cached_lookup (NinesCostCtx      *ctx,
               const char        *service,
               const char        *region,
               const char        *usage,
               guint             *first,
               guint             *n_tiers,
               const NinesPrice **first_price)
{
  NinesPriceCache *cache = ctx->price_cache;
  guint32 h = 2166136261u;
  guint slot;
  PriceCacheEntry *e;

  for (const guchar *s = (const guchar *) usage; *s; s++)
    h = (h ^ *s) * 16777619u;
  h ^= (guint32) (GPOINTER_TO_SIZE (service) >> 4) * 2654435761u;
  h ^= (guint32) (GPOINTER_TO_SIZE (region) >> 4) * 40503u;

  for (slot = h & (PRICE_CACHE_SLOTS - 1); ; slot = (slot + 1) & (PRICE_CACHE_SLOTS - 1))
    {
      e = &cache->slots[slot];
      if (e->usage == NULL)
        break;
      if (e->hash == h && e->service == service && e->region == region &&
          strcmp (e->usage, usage) == 0)
        {
          *first = e->first;
          *n_tiers = e->n_tiers;
          *first_price = e->found ? &e->price : NULL;
          return e->found;
        }
    }

  /* Not seen yet: ask the snapshot, and remember the answer while there is room. */
  *first_price = NULL;
  if (!nines_price_snapshot_lookup (ctx->prices, service, region, usage, first, n_tiers))
    *first = *n_tiers = 0;
  if (cache->n_used < PRICE_CACHE_SLOTS / 2)
    {
      e->service = service;
      e->region = region;
      e->usage = g_strdup (usage);
      e->hash = h;
      e->found = *n_tiers > 0;
      e->first = *first;
      e->n_tiers = *n_tiers;
      if (e->found)
        {
          nines_price_snapshot_get_price (ctx->prices, e->first, &e->price);
          *first_price = &e->price;
        }
      cache->n_used++;
    }
  return *n_tiers > 0;
}

static void
append_line (NinesCostCtx  *ctx,
             NinesCostLine *line)
{
  line->item_id = ctx->item_id;
  line->component = ctx->name;
  line->kind = ctx->kind;
  line->state = ctx->state;
  *_nines_cost_estimate_push (ctx->estimate) = *line;
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
  const NinesPrice *first_price;
  guint first, n_tiers;

  if (!(quantity > 0))
    return;

  /* The document's own price wins over the snapshot's, flat (not tiered). */
  ov = ctx->overrides
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

  if (!cached_lookup (ctx, service, region, usage, &first, &n_tiers, &first_price))
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
      NinesPrice tier;
      const NinesPrice *p = t == 0 ? first_price : NULL;
      NinesCostLine *line;
      double in_tier;

      if (p == NULL)
        {
          nines_price_snapshot_get_price (ctx->prices, first + t, &tier);
          p = &tier;
        }
      in_tier = MIN (quantity, p->tier_end) - p->tier_start;
      if (!(in_tier > 0))
        continue;
      /* Written in place: a line is 150 bytes, and there are tens of thousands. */
      line = _nines_cost_estimate_push (ctx->estimate);
      *line = (NinesCostLine) {
        .item_id = ctx->item_id,
        .component = ctx->name,
        .kind = ctx->kind,
        .state = ctx->state,
        .region = p->region,
        .service = p->service,
        .usage = p->usage,
        .what = what,
        .quantity = in_tier,
        .unit = p->unit,
        .unit_usd = p->usd,
        .monthly_usd = in_tier * p->usd,
        .tier_start = p->tier_start,
        .tier_end = p->tier_end,
        .rate_code = p->rate_code,
        .source = p->source,
        .date = p->date,
        .note = note,
      };
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
  char buf[256];
  gsize len = 0;

  if (!(quantity > 0))
    return;
  /* Usage keys are short: joined on the stack, the scratch string only for a long one. */
  for (guint i = 0; parts[i]; i++)
    {
      gsize n = strlen (parts[i]);

      if (len + n + 2 > sizeof buf)
        {
          g_string_truncate (ctx->scratch, 0);
          for (guint j = 0; parts[j]; j++)
            {
              if (j > 0)
                g_string_append_c (ctx->scratch, ':');
              g_string_append (ctx->scratch, parts[j]);
            }
          _nines_cost_add (ctx, service, region, ctx->scratch->str, unit, what, quantity, note);
          return;
        }
      if (i > 0)
        buf[len++] = ':';
      memcpy (buf + len, parts[i], n);
      len += n;
    }
  buf[len] = '\0';
  _nines_cost_add (ctx, service, region, buf, unit, what, quantity, note);
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
  g_autoptr(NinesPriceCache) price_cache = g_new0 (NinesPriceCache, 1);
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
  ctx.price_cache = price_cache;
  ctx.overrides = nines_document_get_n_price_overrides (ctx.document) > 0;

  n_items = nines_deployment_get_n_items (deployment);
  steady_range = g_new0 (guint, 2 * n_items);
  for (guint s = 0; s < NINES_COST_N_STATES; s++)
    {
      for (guint i = 0; i < n_items; i++)
        {
          const NinesDeployedItem *item = nines_deployment_get_item (deployment, i);

          /* The same component in both states (the drawn workload, a full-size standby)
           * bills the same: copy its steady lines rather than pricing it twice. Only a
           * replica's bill depends on the state (idle until failover). */
          if (s == NINES_COST_FAILOVER && item->failover == item->steady && item->role != NINES_ROLE_REPLICA)
            {
              for (guint k = steady_range[2 * i]; k < steady_range[2 * i + 1]; k++)
                {
                  NinesCostLine *copy = _nines_cost_estimate_push (estimate);

                  /* (push may move the lines: index them again) */
                  *copy = estimate->lines[k];
                  copy->state = NINES_COST_FAILOVER;
                }
              continue;
            }
          steady_range[2 * i] = estimate->n_lines;
          price_item (&ctx, item, s);
          steady_range[2 * i + 1] = estimate->n_lines;
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
          _nines_cost_price_replication (&ctx, r, i);
        }
    }

  _nines_cost_estimate_finish (estimate, nines_document_get_discount_percent (ctx.document));
  return estimate;
}
