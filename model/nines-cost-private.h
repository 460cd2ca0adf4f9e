/* nines-cost-private.h: shared by the cost engine's files (model library only) */
#pragma once

#ifndef NINES_MODEL_COMPILATION
# error "nines-cost-private.h is private to the model library"
#endif

#include "nines-model-private.h"

G_BEGIN_DECLS

typedef struct
{
  const char *key;
  double      list_usd;
  guint       n_missing;
} NinesCostGroup;

/* Strings shared by estimates and the cost cache: they outlive any one estimate. */
typedef struct
{
  gatomicrefcount ref_count;
  GMutex          lock;
  GStringChunk   *chunk;
} NinesStringPool;

NinesStringPool *_nines_string_pool_new    (void);
NinesStringPool *_nines_string_pool_ref    (NinesStringPool *pool);
void             _nines_string_pool_unref  (NinesStringPool *pool);
const char      *_nines_string_pool_intern (NinesStringPool *pool,
                                            const char      *str);

struct _NinesCostEstimate
{
  gatomicrefcount     ref_count;
  NinesDeployment    *deployment;
  NinesPriceSnapshot *prices;
  /* Not a GArray: it rounds its size up to a power of two, which took the lines of a
   * 10,000-component design from 13 MB to a 32 MB block, mapped (and page-faulted)
   * afresh by every estimate. */
  NinesCostLine      *lines;
  guint               n_lines;
  guint               n_alloc;
  NinesStringPool    *strings;     /* strings the lines own (missing usages, notes) */
  NinesCostTotal      totals[NINES_COST_N_STATES];
  GArray             *groups[NINES_COST_N_STATES][2];   /* of NinesCostGroup, sorted */
  /* Lines of tiered prices waiting for the deployment's total of their usage
   * (NinesCostPending, by line index): tiers apply per account and region, not per
   * component. Their tier_start is NAN until _nines_cost_estimate_apply_tiers(). */
  GArray             *pending;
  GArray             *usage_lines; /* guint: lines of usage-billed dimensions, ascending */
};

typedef struct
{
  guint  line;      /* index in lines */
  guint  first;     /* the snapshot's first tier of the usage */
  guint  n_tiers;
  guint  state;     /* the line's state and quantity, copied: the totals are summed */
  double quantity;  /* from these alone, not from 40,000 lines spread over megabytes */
} NinesCostPending;

typedef struct _NinesPriceCache NinesPriceCache;

/* What the rules see while pricing one component or replication. */
typedef struct
{
  NinesCostEstimate       *estimate;
  NinesDocument           *document;
  NinesPriceSnapshot      *prices;
  const NinesDeployedItem *item;        /* NULL for replications */
  NinesComponent          *component;   /* the component in this state */
  NinesCostState           state;
  const char              *item_id;
  const char              *name;        /* display name */
  const char              *kind;
  const char              *region;      /* where it bills: a code or "global" */
  GString                 *scratch;     /* for building usage keys */
  GHashTable              *kind_plans;  /* NinesKindInfo* -> what pricing a kind takes */
  NinesPriceCache         *price_cache; /* snapshot lookups done in this estimate */
  gboolean                 overrides;   /* the document has price overrides */
  /* The share of the workload's traffic this item serves in this state: usage-billed
   * dimensions (requests, capacity units, data processed) scale by it; hours and storage
   * do not. See _nines_cost_usage_share(). */
  double                   usage_share;
  NinesDrPattern           pattern;
  const char              *primary;     /* the deployment's primary region */
  double                   primary_share; /* knob multi_site_primary_share */
  gboolean                 failed;      /* a primary-region item while failed over */
  const char              *failed_text; /* the failed region's note, translated once */
  const char              *failed_of[16];   /* a rule's note -> failed_text + that note */
  const char              *failed_both[16];
} NinesCostCtx;


gboolean           _nines_cost_in_failed_region  (const NinesCostCtx      *ctx,
                                                  const NinesDeployedItem *item,
                                                  NinesCostState           state);
/* The share of traffic @item serves in @state (1: all of it). */
double             _nines_cost_usage_share       (const NinesCostCtx      *ctx,
                                                  const NinesDeployedItem *item,
                                                  NinesCostState           state);

/* @strings (nullable: a new pool) is where the lines' own strings go. */
NinesCostEstimate *_nines_cost_estimate_new      (NinesDeployment    *deployment,
                                                  NinesPriceSnapshot *prices,
                                                  NinesStringPool    *strings);
/* Appends copies of @n @lines. */
void               _nines_cost_estimate_append_lines (NinesCostEstimate   *self,
                                                      const NinesCostLine *lines,
                                                      guint                n);
/* Totals and groups, once all lines are in. */
void               _nines_cost_estimate_finish   (NinesCostEstimate  *self,
                                                  double              discount_percent);
const char        *_nines_cost_estimate_intern   (NinesCostEstimate  *self,
                                                  const char         *str);
/* Splits each pending line into its tiers, the tiers applied to the total quantity of
 * its (state, service, region, usage) across the estimate and shared in proportion. */
void               _nines_cost_estimate_apply_tiers (NinesCostEstimate *self);
/* Room for one more line at the end: (transfer none) valid until the next call. */
NinesCostLine     *_nines_cost_estimate_push     (NinesCostEstimate  *self);
void               _nines_cost_estimate_reserve  (NinesCostEstimate  *self,
                                                  guint               n);

/* Prices @quantity of @usage (tier by tier) in @region, or marks it missing. @unit is the
 * unit the rule expects (shown when the price is missing or overridden); @what a static
 * description; @note (nullable, static or interned) an assumption shown with the line.
 * Zero quantities add nothing. */
void               _nines_cost_add               (NinesCostCtx       *ctx,
                                                  const char         *service,
                                                  const char         *region,
                                                  const char         *usage,
                                                  const char         *unit,
                                                  const char         *what,
                                                  double              quantity,
                                                  const char         *note);
/* The same with a usage built from parts joined by ':' ("instance", "m6i.large"). */
void               _nines_cost_add_parts         (NinesCostCtx       *ctx,
                                                  const char         *service,
                                                  const char         *region,
                                                  const char * const *parts,
                                                  const char         *unit,
                                                  const char         *what,
                                                  double              quantity,
                                                  const char         *note);

/* nines-cost-cache.c: how an item was priced in one state, beside its component. Cleared
 * before it is filled: compared byte for byte. */
typedef struct
{
  NinesCostState   state;
  NinesDeployRole  role;
  gboolean         headless;
  gboolean         failed;
  const char      *region;       /* the item's (interned) */
  const char      *item_id;
  double           usage_share;
} NinesCostKey;

NinesStringPool   *_nines_cost_cache_begin       (NinesCostCache     *cache,
                                                  NinesPriceSnapshot *prices,
                                                  const char         *primary,
                                                  NinesDrPattern      pattern);
gboolean           _nines_cost_cache_replay      (NinesCostCache     *cache,
                                                  NinesCostEstimate  *estimate,
                                                  NinesComponent     *component,
                                                  guint64             revision,
                                                  const NinesCostKey *key);
void               _nines_cost_cache_record      (NinesCostCache     *cache,
                                                  NinesCostEstimate  *estimate,
                                                  NinesComponent     *component,
                                                  const NinesCostKey *key,
                                                  guint               first_line,
                                                  guint               first_pending,
                                                  guint               first_usage);
/* How a replication was priced: everything its lines depend on but the ids they name.
 * Cleared before it is filled: compared byte for byte. */
typedef struct
{
  NinesComponent        *source;          /* the drawn store it copies (nullable) */
  NinesComponent        *dest;            /* the component receiving it (nullable) */
  guint64                source_revision;
  guint64                dest_revision;
  NinesReplicationKind   kind;
  gboolean               rtc;
  const char            *from_region;     /* interned */
  const char            *to_region;       /* interned */
  double                 gb_per_month;
  double                 requests_per_month;
  double                 stored_gb;
  double                 source_stored_gb;
} NinesCostReplicationKey;

gboolean           _nines_cost_cache_replay_replication (NinesCostCache                *cache,
                                                         NinesCostEstimate             *estimate,
                                                         const NinesCostReplicationKey *key,
                                                         const char                    *item_id,
                                                         const char                    *name);
void               _nines_cost_cache_record_replication (NinesCostCache                *cache,
                                                         NinesCostEstimate             *estimate,
                                                         const NinesCostReplicationKey *key,
                                                         guint                          first_line,
                                                         guint                          first_pending,
                                                         guint                          first_usage);
void               _nines_cost_cache_end         (NinesCostCache     *cache);

/* nines-cost-rules.c */
void               _nines_cost_price_component   (NinesCostCtx           *ctx);
void               _nines_cost_price_replication (NinesCostCtx           *ctx,
                                                  const NinesReplication *replication,
                                                  guint                   index);
/* CloudFront edge location billed for viewers near @region ("United States"). */
const char        *_nines_cost_edge_location     (const char             *region);

G_END_DECLS
