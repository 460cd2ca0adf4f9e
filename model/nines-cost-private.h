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
  GStringChunk       *strings;     /* strings the lines own (missing usages, notes) */
  NinesCostTotal      totals[NINES_COST_N_STATES];
  GArray             *groups[NINES_COST_N_STATES][2];   /* of NinesCostGroup, sorted */
};

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
} NinesCostCtx;

NinesCostEstimate *_nines_cost_estimate_new      (NinesDeployment    *deployment,
                                                  NinesPriceSnapshot *prices);
/* Totals and groups, once all lines are in. */
void               _nines_cost_estimate_finish   (NinesCostEstimate  *self,
                                                  double              discount_percent);
const char        *_nines_cost_estimate_intern   (NinesCostEstimate  *self,
                                                  const char         *str);
/* Room for one more line at the end: (transfer none) valid until the next call. */
NinesCostLine     *_nines_cost_estimate_push     (NinesCostEstimate  *self);

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

/* nines-cost-rules.c */
void               _nines_cost_price_component   (NinesCostCtx           *ctx);
void               _nines_cost_price_replication (NinesCostCtx           *ctx,
                                                  const NinesReplication *replication,
                                                  guint                   index);
/* CloudFront edge location billed for viewers near @region ("United States"). */
const char        *_nines_cost_edge_location     (const char             *region);

G_END_DECLS
