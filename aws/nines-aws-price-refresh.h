/* nines-aws-price-refresh.h: current on-demand prices from the Price List Query API
 * (GetProducts) for some regions, merged over a snapshot and written as a new one.
 * `nines-cli pricing refresh` and the app's "Refresh" (app.refresh-prices) both call it. */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include "nines-aws-client.h"

G_BEGIN_DECLS

/* After each page of a query (@kept < 0), and when the query is imported (@kept: the
 * prices kept of @products). @what names the query: "us-east-1 AmazonEC2 Compute Instance". */
typedef void (*NinesAwsPriceRefreshProgress) (const char *what,
                                              guint       pages,
                                              guint       products,
                                              int         kept,
                                              gpointer    user_data);

/* GetProducts for each region of @regions (catalog codes) and each query the cost engine
 * needs (only @services' when not NULL), imported over every price of @base (NULL: the
 * bundled snapshot), written to @dir/prices.gvariant (and SOURCES.txt). Each new price
 * records its SKU rateCode and the publication date AWS gives it. Returns the snapshot
 * written, and in @n_refreshed the prices that came from GetProducts. Blocking. */
NinesPriceSnapshot *nines_aws_price_refresh        (NinesAwsClient               *client,
                                                    NinesPriceSnapshot           *base,
                                                    const char * const           *regions,
                                                    const char * const           *services,
                                                    const char                   *dir,
                                                    NinesAwsPriceRefreshProgress  progress,
                                                    gpointer                      progress_data,
                                                    guint                        *n_refreshed,
                                                    GCancellable                 *cancellable,
                                                    GError                      **error);
/* The same in a worker thread; @progress is called in the caller's thread-default main
 * context. */
void                nines_aws_price_refresh_async  (NinesAwsClient               *client,
                                                    NinesPriceSnapshot           *base,
                                                    const char * const           *regions,
                                                    const char * const           *services,
                                                    const char                   *dir,
                                                    NinesAwsPriceRefreshProgress  progress,
                                                    gpointer                      progress_data,
                                                    GCancellable                 *cancellable,
                                                    GAsyncReadyCallback           callback,
                                                    gpointer                      user_data);
NinesPriceSnapshot *nines_aws_price_refresh_finish (NinesAwsClient               *client,
                                                    GAsyncResult                 *result,
                                                    guint                        *n_refreshed,
                                                    GError                      **error);

G_END_DECLS
