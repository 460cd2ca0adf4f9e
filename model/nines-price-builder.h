/* nines-price-builder.h: collecting prices from importers and writing a snapshot.
 *
 * Importers add prices; the builder keeps one price per (service, region, usage, tier
 * start) and writes them sorted, so the same inputs always give byte-identical output.
 * When two sources give the same tier, the one with a rateCode wins, then the newer
 * publication date, then the source added first. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-price-snapshot.h"

G_BEGIN_DECLS

typedef struct _NinesPriceBuilder NinesPriceBuilder;

NinesPriceBuilder  *nines_price_builder_new          (void);
void                nines_price_builder_free         (NinesPriceBuilder *self);

/* Declares a source; returns its index for nines_price_builder_add(). Adding the same
 * @name twice returns the first index. @date is "YYYY-MM-DD". */
guint               nines_price_builder_add_source   (NinesPriceBuilder *self,
                                                      const char        *name,
                                                      const char        *date,
                                                      const char        *format);
/* Adds one tier. @rate_code and @label may be NULL. @tier_end may be INFINITY. */
void                nines_price_builder_add          (NinesPriceBuilder *self,
                                                      guint              source,
                                                      const char        *service,
                                                      const char        *region,
                                                      const char        *usage,
                                                      const char        *unit,
                                                      double             usd,
                                                      double             tier_start,
                                                      double             tier_end,
                                                      const char        *rate_code,
                                                      const char        *label);
/* Adds every price of @snapshot with its own source and date, e.g. to refresh the bundled
 * snapshot: prices added afterwards from newer sources replace these tier by tier. */
void                nines_price_builder_add_snapshot (NinesPriceBuilder  *self,
                                                      NinesPriceSnapshot *snapshot);
/* Number of prices added so far (before de-duplication). */
guint               nines_price_builder_get_n_added  (NinesPriceBuilder *self);

/* The snapshot file's bytes. */
GBytes             *nines_price_builder_serialize    (NinesPriceBuilder *self);
NinesPriceSnapshot *nines_price_builder_to_snapshot  (NinesPriceBuilder *self);
/* Writes @dir/prices.gvariant (atomically) and @dir/SOURCES.txt (what went into it). */
gboolean            nines_price_builder_write        (NinesPriceBuilder *self,
                                                      const char        *dir,
                                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesPriceBuilder, nines_price_builder_free)

G_END_DECLS
