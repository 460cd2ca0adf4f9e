/* nines-cost-estimate.h: what a deployment costs per month, line by line.
 *
 * Like the AWS Pricing Calculator's detailed estimate: one line per priced dimension
 * (and per tier where the price is tiered), each with its component, region, usage,
 * quantity and unit, unit price and where that price comes from (rateCode, source file,
 * publication date, or the document's override), and the monthly USD. Two states: the
 * steady state, and the monthly rate while failed over to the recovery region.
 *
 * Immutable and reference counted. Its strings point into the deployment and the price
 * snapshot, which it keeps alive. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-deployment.h"
#include "nines-price-snapshot.h"

G_BEGIN_DECLS

/* AWS bills hourly resources for 730 hours a month (24 × 365 / 12), the figure the AWS
 * Pricing Calculator and the Infracost expectations in pricing-sources/infracost-golden
 * use ("NAT gateway 730 hours"). */
#define NINES_HOURS_PER_MONTH 730.0

typedef enum
{
  NINES_COST_STEADY,     /* primary serving, the pattern's standby as configured */
  NINES_COST_FAILOVER,   /* the recovery region serving: standby scaled to full */
} NinesCostState;

#define NINES_COST_N_STATES 2

const char *nines_cost_state_to_string (NinesCostState state);

typedef struct
{
  const char      *item_id;      /* the deployed item ("db", "db@ca-central-1") */
  const char      *component;    /* its display name */
  const char      *kind;         /* "rds", or "replication" for data moving between regions */
  NinesCostState   state;
  const char      *region;       /* region code, or NINES_PRICE_REGION_GLOBAL */
  const char      *service;      /* Price List service code */
  const char      *usage;        /* the dimension looked up: "instance:m6i.large" */
  const char      *what;         /* what is billed, for people: "EC2 instance hours (m6i.large)" */
  double           quantity;     /* per month, in @unit, for this tier */
  const char      *unit;
  double           unit_usd;     /* USD per unit; NAN when the price is missing */
  double           monthly_usd;  /* quantity × unit price; 0 when missing */
  double           tier_start;   /* the tier this line is billed in (0 … INFINITY if untiered) */
  double           tier_end;
  const char      *rate_code;    /* "" when the source has none */
  const char      *source;       /* source file, or "price override" */
  const char      *date;         /* publication date, or "" for overrides */
  gboolean         override;     /* the document's own price replaced the snapshot's */
  gboolean         missing;      /* no price anywhere: "no price for <usage> in <region>" */
  const char      *note;         /* the override's note, an assumption, or NULL */
} NinesCostLine;

typedef struct
{
  double list_usd;        /* sum of the lines */
  double discount_percent;
  double discount_usd;    /* list × percent / 100 */
  double total_usd;       /* list − discount */
  guint  n_missing;       /* lines without a price: the total is incomplete */
} NinesCostTotal;

typedef enum
{
  NINES_COST_BY_REGION,
  NINES_COST_BY_SERVICE,
} NinesCostGrouping;

typedef struct _NinesCostEstimate NinesCostEstimate;

#define NINES_TYPE_COST_ESTIMATE (nines_cost_estimate_get_type ())
GType                 nines_cost_estimate_get_type       (void) G_GNUC_CONST;

NinesCostEstimate    *nines_cost_estimate_ref            (NinesCostEstimate *self);
void                  nines_cost_estimate_unref          (NinesCostEstimate *self);

NinesDeployment      *nines_cost_estimate_get_deployment (NinesCostEstimate *self);
NinesPriceSnapshot   *nines_cost_estimate_get_prices     (NinesCostEstimate *self);

/* Lines of both states, steady first, in deployment order. */
guint                 nines_cost_estimate_get_n_lines    (NinesCostEstimate *self);
const NinesCostLine  *nines_cost_estimate_get_line       (NinesCostEstimate *self,
                                                          guint              i);

void                  nines_cost_estimate_get_total      (NinesCostEstimate *self,
                                                          NinesCostState     state,
                                                          NinesCostTotal    *total);
/* Re-applies @total's discount at @discount_percent (0 ≤ p < 100) instead of the
 * document's: for a standing discount the user sets outside the design. */
void                  nines_cost_total_set_discount      (NinesCostTotal    *total,
                                                          double             discount_percent);
gboolean              nines_cost_estimate_is_complete    (NinesCostEstimate *self,
                                                          NinesCostState     state);
/* Subtotals (list prices, before the discount), sorted by key. */
guint                 nines_cost_estimate_get_n_groups   (NinesCostEstimate *self,
                                                          NinesCostState     state,
                                                          NinesCostGrouping  grouping);
void                  nines_cost_estimate_get_group      (NinesCostEstimate *self,
                                                          NinesCostState     state,
                                                          NinesCostGrouping  grouping,
                                                          guint              i,
                                                          const char       **key,
                                                          double            *list_usd,
                                                          guint             *n_missing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesCostEstimate, nines_cost_estimate_unref)

G_END_DECLS
