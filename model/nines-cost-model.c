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

/* The note of every line billed in the failed region while failed over. */
static const char failed_region_note[] =
  /* xgettext:no-c-format */
  N_("failed region: still billed, its resources exist; it serves no traffic. AWS SLA service "
     "credits are claimed afterwards, not deducted (e.g. Amazon EC2 SLA, Region-Level: 10-100 % "
     "of the region's charges)");

/* The failed region's note, before the rule's own (interned: a few distinct ones). */
static const char *
failed_note (NinesCostCtx *ctx,
             const char   *note)
{
  g_autofree char *both = NULL;
  guint slot = (GPOINTER_TO_SIZE (note) >> 3) % G_N_ELEMENTS (ctx->failed_of);
  const char *joined;

  if (note == NULL)
    return ctx->failed_text;
  /* Notes are a handful of static strings: joined once each. */
  if (ctx->failed_of[slot] == note)
    return ctx->failed_both[slot];
  both = g_strconcat (ctx->failed_text, "; ", note, NULL);
  joined = _nines_cost_estimate_intern (ctx->estimate, both);
  ctx->failed_of[slot] = note;
  ctx->failed_both[slot] = joined;
  return joined;
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
  NinesPrice fetched;
  guint first, n_tiers;

  if (!(quantity > 0))
    return;
  if (ctx->failed)
    note = failed_note (ctx, note);

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

  if (first_price == NULL)
    {
      nines_price_snapshot_get_price (ctx->prices, first, &fetched);
      first_price = &fetched;
    }

  /* Untiered: one line now. Tiered: one pending line with the whole quantity; the tiers
   * are applied once every component is priced, to the deployment's total of this usage
   * in this region (AWS applies tiers per account and region, e.g. S3 storage's first
   * 50 TB a month, Route 53's first 50 health checks free), and the cost shared back in
   * proportion (_nines_cost_estimate_apply_tiers). */
  {
    NinesCostLine *line = _nines_cost_estimate_push (ctx->estimate);

    *line = (NinesCostLine) {
      .item_id = ctx->item_id,
      .component = ctx->name,
      .kind = ctx->kind,
      .state = ctx->state,
      .region = first_price->region,
      .service = first_price->service,
      .usage = first_price->usage,
      .what = what,
      .quantity = quantity,
      .unit = first_price->unit,
      .unit_usd = first_price->usd,
      .monthly_usd = quantity * first_price->usd,
      .tier_start = first_price->tier_start,
      .tier_end = first_price->tier_end,
      .rate_code = first_price->rate_code,
      .source = first_price->source,
      .date = first_price->date,
      .note = note,
    };
    if (n_tiers > 1 || first_price->tier_start > 0 || !isinf (first_price->tier_end))
      {
        NinesCostPending pending = { ctx->estimate->n_lines - 1, first, n_tiers, ctx->state, quantity };

        line->tier_start = NAN;
        g_array_append_val (ctx->estimate->pending, pending);
      }
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

/* While failed over, the primary region is impaired: what was drawn there still exists
 * and still bills (AWS bills resources that exist, instance-hours while running, storage
 * while stored; there is no automatic waiver, only SLA service credits claimed afterwards,
 * e.g. the Amazon EC2 SLA's Region-Level credits of 10, 30 or 100 % of the charges), and
 * recovery must not depend on that region's control plane to stop it (Well-Architected
 * REL13). But it serves no traffic: usage-billed dimensions are zero there. Without a
 * DR pattern there is nothing to fail over to, and nothing changes. */
gboolean
_nines_cost_in_failed_region (const NinesCostCtx      *ctx,
                              const NinesDeployedItem *item,
                              NinesCostState           state)
{
  return state == NINES_COST_FAILOVER && ctx->pattern != NINES_DR_PATTERN_NONE &&
         item->role == NINES_ROLE_PRIMARY && item->region != NULL && ctx->primary != NULL &&
         _nines_same_region (item->region, ctx->primary);
}

double
_nines_cost_usage_share (const NinesCostCtx      *ctx,
                         const NinesDeployedItem *item,
                         NinesCostState           state)
{
  /* Multi-site serves from both regions at once: the seed's "50 percent of traffic to
   * each region or maybe 90 percent to one and 10 percent to the other" (knob
   * multi_site_primary_share). Each region bills the usage of the traffic it serves; its
   * hours, storage and the writes replicated into it stay whole. Failed over, the
   * surviving region serves it all. The other patterns send every request to one region. */
  if (state == NINES_COST_FAILOVER)
    return _nines_cost_in_failed_region (ctx, item, state) ? 0.0 : 1.0;
  if (ctx->pattern != NINES_DR_PATTERN_MULTI_SITE || item->region == NULL)
    return 1.0;
  if (item->role == NINES_ROLE_PRIMARY)
    return _nines_same_region (item->region, ctx->primary) ? ctx->primary_share : 1.0;
  if (item->role == NINES_ROLE_STANDBY)
    return 1.0 - ctx->primary_share;
  return 1.0;   /* replicas: the pattern already gives them their share of reads */
}

/* The pending entry of line @k, from *@cursor on: the entries are in line order, and the
 * lines asked for ascend (the items' steady ranges do), so the cursor only moves forward. */
static const NinesCostPending *
pending_of (NinesCostEstimate *estimate,
            guint              k,
            guint             *cursor)
{
  while (*cursor < estimate->pending->len &&
         g_array_index (estimate->pending, NinesCostPending, *cursor).line < k)
    (*cursor)++;
  g_assert (*cursor < estimate->pending->len &&
            g_array_index (estimate->pending, NinesCostPending, *cursor).line == k);
  return &g_array_index (estimate->pending, NinesCostPending, *cursor);
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
  ctx->usage_share = _nines_cost_usage_share (ctx, item, state);
  ctx->failed = _nines_cost_in_failed_region (ctx, item, state);
  _nines_cost_price_component (ctx);
}

/* price_item(), or the lines the cache kept for the same component priced the same way. */
static void
price_item_cached (NinesCostCtx            *ctx,
                   NinesCostCache          *cache,
                   const NinesDeployedItem *item,
                   NinesCostState           state)
{
  NinesComponent *c = state == NINES_COST_STEADY ? item->steady : item->failover;
  NinesCostEstimate *estimate = ctx->estimate;
  guint first_line = estimate->n_lines;
  guint first_pending = estimate->pending->len;
  guint first_usage = estimate->usage_lines->len;
  NinesCostKey key;

  if (c == NULL)
    return;
  memset (&key, 0, sizeof key);
  key.state = state;
  key.role = item->role;
  key.headless = item->headless;
  key.failed = _nines_cost_in_failed_region (ctx, item, state);
  key.region = item->region;
  key.item_id = item->id;
  key.usage_share = _nines_cost_usage_share (ctx, item, state);
  /* The item knows its component's revision: the replay need not read the component. */
  if (_nines_cost_cache_replay (cache, estimate, c,
                                !item->revisions_known ? _nines_component_get_revision (c)
                                : state == NINES_COST_STEADY ? item->steady_revision : item->failover_revision,
                                &key))
    return;
  price_item (ctx, item, state);
  _nines_cost_cache_record (cache, estimate, c, &key, first_line, first_pending, first_usage);
}

/* _nines_cost_price_replication(), or the lines the cache kept for the same replication
 * of the same store into the same component. */
static void
price_replication_cached (NinesCostCtx           *ctx,
                          NinesCostCache         *cache,
                          const NinesReplication *r,
                          guint                   index)
{
  NinesCostEstimate *estimate = ctx->estimate;
  NinesDeployment *deployment = estimate->deployment;
  guint first_line = estimate->n_lines;
  guint first_pending = estimate->pending->len;
  guint first_usage = estimate->usage_lines->len;
  const NinesDeployedItem *target;
  NinesCostReplicationKey key;
  NinesComponent *source;
  guint drawn;

  _nines_deployment_get_replication_ends (deployment, index, &drawn, &source, &target);
  memset (&key, 0, sizeof key);
  key.source = source;
  key.dest = target ? (target->steady ? target->steady : target->failover) : NULL;
  /* The revisions the items noted when they were made, where they did: no component read. */
  if (source != NULL)
    {
      const NinesDeployedItem *item = drawn != G_MAXUINT ? nines_deployment_get_item (deployment, drawn) : NULL;

      key.source_revision = item && item->revisions_known && item->steady == source
                            ? item->steady_revision : _nines_component_get_revision (source);
    }
  if (key.dest != NULL)
    key.dest_revision = target->revisions_known
                        ? (key.dest == target->steady ? target->steady_revision : target->failover_revision)
                        : _nines_component_get_revision (key.dest);
  key.kind = r->kind;
  key.rtc = r->rtc;
  key.from_region = r->from_region;
  key.to_region = r->to_region;
  key.gb_per_month = r->gb_per_month;
  key.requests_per_month = r->requests_per_month;
  key.stored_gb = r->stored_gb;
  key.source_stored_gb = r->source_stored_gb;
  if (_nines_cost_cache_replay_replication (cache, estimate, &key, r->target_id, r->source_id))
    return;
  _nines_cost_price_replication (ctx, r, index);
  _nines_cost_cache_record_replication (cache, estimate, &key, first_line, first_pending, first_usage);
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
  NinesCostCache *cache = NULL;
  NinesStringPool *strings = NULL;
  guint n_items;
  guint usage_cursor = 0;
  guint pending_cursor = 0;
  NinesCostCtx ctx = { 0 };

  g_return_val_if_fail (deployment != NULL, NULL);

  if (prices == NULL)
    prices = nines_price_snapshot_get_default ();
  ctx.document = nines_deployment_get_document (deployment);
  ctx.overrides = nines_document_get_n_price_overrides (ctx.document) > 0;
  ctx.primary = nines_deployment_get_primary_region (deployment);
  /* Items of unchanged components copy the lines they were priced at last time. */
  if (!ctx.overrides)
    {
      cache = _nines_document_get_cost_cache (ctx.document);
      strings = _nines_cost_cache_begin (cache, prices, ctx.primary ? g_intern_string (ctx.primary) : NULL,
                                         nines_deployment_get_pattern (deployment));
    }
  estimate = _nines_cost_estimate_new (deployment, prices, strings);
  ctx.estimate = estimate;
  ctx.prices = prices;
  ctx.scratch = scratch;
  ctx.kind_plans = kind_plans;
  ctx.price_cache = price_cache;
  ctx.pattern = nines_deployment_get_pattern (deployment);
  ctx.primary_share = CLAMP (nines_document_get_knob_double (ctx.document, "multi_site_primary_share"), 0, 1);
  ctx.usage_share = 1.0;
  ctx.failed_text = g_dgettext (GETTEXT_PACKAGE, failed_region_note);

  n_items = nines_deployment_get_n_items (deployment);
  steady_range = g_new0 (guint, 2 * n_items);
  for (guint s = 0; s < NINES_COST_N_STATES; s++)
    {
      for (guint i = 0; i < n_items; i++)
        {
          const NinesDeployedItem *item = nines_deployment_get_item (deployment, i);

          /* Items are spread over megabytes (a rule's are the fragment's): ask ahead. */
          if (i + 8 < n_items)
            __builtin_prefetch (nines_deployment_get_item (deployment, i + 8));

          /* The same component in both states (the drawn workload, a full-size standby)
           * bills the same: copy its steady lines rather than pricing it twice. Only a
           * replica's bill depends on the state (idle until failover). */
          /* In the failed region it bills the same but for its usage (no traffic there):
           * the steady lines less those of usage-billed dimensions, noted. */
          gboolean failed = s == NINES_COST_FAILOVER && _nines_cost_in_failed_region (&ctx, item, s);

          if (s == NINES_COST_FAILOVER && item->failover == item->steady && item->role != NINES_ROLE_REPLICA &&
              (failed || _nines_cost_usage_share (&ctx, item, NINES_COST_STEADY) == _nines_cost_usage_share (&ctx, item, s)))
            {
              /* Room for them all at once: the copies index the lines, which then stay put. */
              _nines_cost_estimate_reserve (estimate, steady_range[2 * i + 1] - steady_range[2 * i]);
              for (guint k = steady_range[2 * i]; k < steady_range[2 * i + 1]; k++)
                {
                  NinesCostLine *copy;

                  if (failed)
                    {
                      /* usage_lines ascends, as do the items' ranges */
                      while (usage_cursor < estimate->usage_lines->len &&
                             g_array_index (estimate->usage_lines, guint, usage_cursor) < k)
                        usage_cursor++;
                      if (usage_cursor < estimate->usage_lines->len &&
                          g_array_index (estimate->usage_lines, guint, usage_cursor) == k)
                        continue;
                    }
                  copy = &estimate->lines[estimate->n_lines++];
                  *copy = estimate->lines[k];
                  copy->state = NINES_COST_FAILOVER;
                  if (failed)
                    copy->note = failed_note (&ctx, copy->note);
                  if (isnan (copy->tier_start))
                    {
                      NinesCostPending pending = *pending_of (estimate, k, &pending_cursor);

                      pending.line = estimate->n_lines - 1;
                      pending.state = NINES_COST_FAILOVER;
                      g_array_append_val (estimate->pending, pending);
                    }
                }
              continue;
            }
          steady_range[2 * i] = estimate->n_lines;
          if (cache != NULL)
            price_item_cached (&ctx, cache, item, s);
          else
            price_item (&ctx, item, s);
          steady_range[2 * i + 1] = estimate->n_lines;
        }

      /* Data moving between regions: only while both regions run (steady state). */
      if (s != NINES_COST_STEADY)
        continue;
      for (guint i = 0; i < nines_deployment_get_n_replications (deployment); i++)
        {
          const NinesReplication *r = nines_deployment_get_replication (deployment, i);

          if (i + 8 < nines_deployment_get_n_replications (deployment))
            __builtin_prefetch (nines_deployment_get_replication (deployment, i + 8));

          ctx.item = NULL;
          ctx.component = NULL;
          ctx.state = s;
          ctx.item_id = r->target_id;
          ctx.kind = "replication";
          ctx.usage_share = 1.0;
          ctx.failed = FALSE;
          ctx.region = r->from_region;
          if (cache != NULL)
            price_replication_cached (&ctx, cache, r, i);
          else
            _nines_cost_price_replication (&ctx, r, i);
        }
    }

  if (cache != NULL)
    _nines_cost_cache_end (cache);
  _nines_cost_estimate_apply_tiers (estimate);
  _nines_cost_estimate_finish (estimate, nines_document_get_discount_percent (ctx.document));
  return estimate;
}
