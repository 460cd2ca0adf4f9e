/* nines-price-import.h: reading AWS price data into a NinesPriceBuilder.
 *
 * Formats:
 * - AWS Price List bulk offer JSON (products / terms.OnDemand / priceDimensions)
 * - Price List Query API GetProducts pages (a PriceList of JSON strings), or one element
 * - Price List offer CSV (5-line preamble, then a header), read as a stream
 * - AWS pricing-page JSON ("meteredUnitMaps": manifest, sets, regions) and its derived
 *   label -> region -> price form (aws-price-watcher processed/)
 * - terracost's MySQL dump of the Price List (eu-west-1, 2023-02-23), for EBS only
 * - cited prices: a small JSON file of prices taken from a named document, for the gaps
 *   the other sources leave (each with its citation; see data/pricing/cited/)
 *
 * Only on-demand prices of the usage dimensions the cost engine prices are kept; each
 * is stored under a Nines usage dimension ("instance:m6i.large", "storage:gp3:multi-az")
 * with its unit, tiers, rateCode, source and publication date. Region labels (Price List
 * location names) are mapped with nines_catalog_lookup_location(); prices for locations
 * the catalog does not know (Local Zones, Wavelength, GovCloud) are left out. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "nines-price-builder.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_read;      /* prices (or rows) read */
  guint n_kept;      /* added to the builder */
} NinesPriceImportStats;

/* Reads @path, whatever its format (by content; ".csv" files as offer CSV). @source is the
 * name recorded with every price (e.g. "aws-price-watcher/raw/elb.json"); @fallback_date
 * ("YYYY-MM-DD", nullable) is the publication date for files that carry none (the
 * processed pricing-page files); without it such files are refused. */
gboolean nines_price_import_file          (NinesPriceBuilder      *builder,
                                           const char             *path,
                                           const char             *source,
                                           const char             *fallback_date,
                                           NinesPriceImportStats  *stats,
                                           GError                **error);

/* GetProducts: @price_list holds the PriceList's JSON strings (each one product with its
 * terms), @n of them; @source names the request (e.g. "GetProducts AmazonEC2 2026-11-26").
 * Each element's own publicationDate is recorded. For the AWS client's price refresh. */
gboolean nines_price_import_get_products  (NinesPriceBuilder      *builder,
                                           const char * const     *price_list,
                                           gsize                   n,
                                           const char             *source,
                                           NinesPriceImportStats  *stats,
                                           GError                **error);

/* One Price List product (a GetProducts element or a bulk offer's product with its
 * on-demand terms). */
gboolean nines_price_import_product       (NinesPriceBuilder      *builder,
                                           JsonObject             *product,
                                           JsonObject             *on_demand_terms,
                                           const char             *service_code,
                                           const char             *source,
                                           const char             *date,
                                           NinesPriceImportStats  *stats,
                                           GError                **error);

/* Bulk offer JSON (a whole offer file, already parsed). */
gboolean nines_price_import_offer_json    (NinesPriceBuilder      *builder,
                                           JsonNode               *root,
                                           const char             *source,
                                           NinesPriceImportStats  *stats,
                                           GError                **error);

/* Offer CSV from a stream: reads line by line, so memory does not grow with the file. */
gboolean nines_price_import_offer_csv     (NinesPriceBuilder      *builder,
                                           GInputStream           *stream,
                                           const char             *source,
                                           NinesPriceImportStats  *stats,
                                           GCancellable           *cancellable,
                                           GError                **error);

/* terracost's MySQL dump of the Price List (a stream; gunzip it first). @date is the
 * dump's Price List date. Only usages starting with @usage_prefix (nullable: all) are
 * kept. Records the SKU where a rateCode would be (terracost has no rate codes). */
gboolean nines_price_import_terracost_sql (NinesPriceBuilder      *builder,
                                           GInputStream           *stream,
                                           const char             *source,
                                           const char             *date,
                                           const char             *usage_prefix,
                                           NinesPriceImportStats  *stats,
                                           GCancellable           *cancellable,
                                           GError                **error);

/* Pricing-page JSON, raw (with manifest) or processed (@fallback_date required).
 * @stem names the price set ("ec2", "elb", "natgateway" …: the file's base name). */
gboolean nines_price_import_page_json     (NinesPriceBuilder      *builder,
                                           JsonNode               *root,
                                           const char             *stem,
                                           const char             *source,
                                           const char             *fallback_date,
                                           NinesPriceImportStats  *stats,
                                           GError                **error);

/* Cited prices: {"nines_cited_prices": 1, "citation": …, "date": …, "prices": [...]} */
gboolean nines_price_import_cited_json    (NinesPriceBuilder      *builder,
                                           JsonNode               *root,
                                           const char             *source,
                                           NinesPriceImportStats  *stats,
                                           GError                **error);

/* The Nines usage dimension of a Price List product, from its service code and its
 * attributes (names compared without case or spaces: "instanceType" = "Instance Type").
 * NULL when Nines does not price it. */
char    *nines_price_map_product          (const char             *service_code,
                                           const char             *product_family,
                                           GHashTable             *attributes);

G_END_DECLS
