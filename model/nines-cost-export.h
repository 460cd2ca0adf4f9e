/* nines-cost-export.h: a cost estimate as files people carry elsewhere.
 *
 * CSV: one row per line item of both states (the columns of `nines-cli report
 * --format csv`). JSON: the totals of both states by region and by service, the line
 * items and the sources and publication dates of the prices. Calculator JSON: shaped like
 * an AWS Pricing Calculator estimate (name, services grouped per region, each with its
 * monthly cost, group subtotals, total), for the steady state. All deterministic. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "nines-cost-estimate.h"

G_BEGIN_DECLS

char     *nines_cost_export_csv             (NinesCostEstimate *estimate);
JsonNode *nines_cost_export_json            (NinesCostEstimate *estimate);
/* @created_on: ISO 8601 timestamp recorded in the estimate's metadata. */
JsonNode *nines_cost_export_calculator_json (NinesCostEstimate *estimate,
                                             NinesCostState     state,
                                             const char        *created_on);
/* Deterministic JSON text (two-space indents, insertion order), ending in a newline. */
char     *nines_cost_export_to_string       (JsonNode          *node);

G_END_DECLS
