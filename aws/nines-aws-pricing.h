/* nines-aws-pricing.h: the Price List Query API (AWSPriceListService, JSON 1.1) */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include "nines-aws-client.h"

G_BEGIN_DECLS

/* Called after each page with the number of products fetched so far */
typedef void (*NinesAwsPricingProgress) (guint    pages,
                                         guint    products,
                                         gpointer user_data);

/* GetProducts for @service_code ("AmazonEC2"…) with TERM_MATCH @filters (field, value,
 * field, value…, NULL), following NextToken through every page (at most @max_pages when
 * not 0). Returns the PriceList entries as AWS sent them: one JSON document (a string)
 * per product, with its terms — the input of the pricing importer. The API lives in
 * us-east-1, eu-central-1 and ap-south-1; from any other region the call goes to
 * us-east-1. Blocking. (element-type utf8) */
GPtrArray *nines_aws_pricing_get_products        (NinesAwsClient          *client,
                                                  const char              *service_code,
                                                  const char * const      *filters,
                                                  guint                    max_pages,
                                                  NinesAwsPricingProgress  progress,
                                                  gpointer                 progress_data,
                                                  GCancellable            *cancellable,
                                                  GError                 **error);
/* @progress, when given, is called in the caller's thread-default main context (the
 * GTK main thread for the app) after each page, while the worker goes on. */
void       nines_aws_pricing_get_products_async  (NinesAwsClient          *client,
                                                  const char              *service_code,
                                                  const char * const      *filters,
                                                  guint                    max_pages,
                                                  NinesAwsPricingProgress  progress,
                                                  gpointer                 progress_data,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
GPtrArray *nines_aws_pricing_get_products_finish (NinesAwsClient          *client,
                                                  GAsyncResult            *result,
                                                  GError                 **error);

G_END_DECLS
