/* nines-cost-model.h: pricing a deployment.
 *
 * Pure: (deployment, price snapshot) -> NinesCostEstimate. Every kind of the catalog is
 * priced with the dimensions that bill (nines-cost-rules*.c); replications add the data
 * moving between regions. Prices come from the snapshot, or from the document's price
 * overrides, which win; a price found in neither gives a "missing" line (never an
 * invented number) and marks the total incomplete. The document's discount applies to
 * the totals. Tiered prices are applied tier by tier, per component. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-cost-estimate.h"

G_BEGIN_DECLS

/* @prices: (nullable): NULL for the bundled snapshot. */
NinesCostEstimate *nines_cost_model_estimate (NinesDeployment    *deployment,
                                              NinesPriceSnapshot *prices);

G_END_DECLS
