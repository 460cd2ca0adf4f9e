/* nines-price-import-private.h: shared by the Price List importers */
#pragma once

#ifndef NINES_MODEL_COMPILATION
# error "nines-price-import-private.h is private to the model library"
#endif

#include "nines-model-private.h"

G_BEGIN_DECLS

/* "Instance Type" / "instanceType" -> "instancetype" */
char       *_nines_price_attr_key        (const char            *name);
/* Region code of a product (attributes keyed by _nines_price_attr_key()), or NULL. */
const char *_nines_price_product_region  (GHashTable            *attrs);
/* Parses and adds one price dimension (strings as in the Price List). */
void        _nines_price_add_dimension   (NinesPriceBuilder     *builder,
                                          guint                  source,
                                          const char            *service,
                                          const char            *region,
                                          const char            *usage,
                                          const char            *unit,
                                          const char            *usd,
                                          const char            *begin_range,
                                          const char            *end_range,
                                          const char            *rate_code,
                                          const char            *label,
                                          NinesPriceImportStats *stats);

G_END_DECLS
