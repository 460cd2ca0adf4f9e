/* nines-price-snapshot.h: the AWS price snapshot, read-only and hashed.
 *
 * A snapshot is every price Nines knows: for each (service, region, usage dimension)
 * one or more tiers, each with its unit, USD per unit, tier bounds, the Price List
 * rateCode/SKU when the source had one, the source file and its publication date.
 *
 * Format: one serialized GVariant (see nines-price-builder.c for the layout), compiled
 * into the model library as a GResource and used in place: the records are a fixed-size
 * array read as C structs, the strings a NUL-separated pool, and the lookup table an
 * open-addressing hash stored in the file. Loading is therefore O(1) (no parsing, no
 * per-price allocation) and a lookup is one hash and a probe or two. JSON was rejected
 * because parsing ~60 000 prices costs tens of milliseconds at every start.
 *
 * Immutable and reference counted; safe to share between threads. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include <gio/gio.h>

G_BEGIN_DECLS

/* Region code used for prices that are not regional (Route 53, CloudFront). */
#define NINES_PRICE_REGION_GLOBAL "global"

/* The resource path of the shipped snapshot. */
#define NINES_PRICE_SNAPSHOT_RESOURCE "/io/github/ninesdr/Nines/data/pricing/prices.gvariant"

/* One price tier. The strings point into the snapshot and live as long as it does. */
typedef struct
{
  const char *service;     /* Price List service code: "AmazonEC2" */
  const char *region;      /* "us-east-1", or NINES_PRICE_REGION_GLOBAL */
  const char *usage;       /* Nines usage dimension: "instance:m6i.large" */
  const char *unit;        /* Price List unit: "Hrs", "GB-Mo", "Requests" … */
  const char *rate_code;   /* "SKU.OfferTermCode.RateCode"; the SKU alone when the source
                            * kept only that (terracost); "" when it had none */
  const char *label;       /* the source's own name for the price */
  const char *source;      /* source file: "aws-price-watcher/processed/ec2.json" */
  const char *date;        /* publication date "YYYY-MM-DD" */
  double      usd;         /* USD per unit */
  double      tier_start;  /* in units; 0 for the first tier */
  double      tier_end;    /* in units; INFINITY for the last tier */
} NinesPrice;

typedef struct _NinesPriceSnapshot NinesPriceSnapshot;

#define NINES_TYPE_PRICE_SNAPSHOT (nines_price_snapshot_get_type ())
GType               nines_price_snapshot_get_type      (void) G_GNUC_CONST;

/* The snapshot compiled into the library (transfer none; never NULL). */
NinesPriceSnapshot *nines_price_snapshot_get_default   (void);
/* @bytes holds a snapshot file. @trusted skips the full validation: only for data this
 * build produced (the GResource). */
NinesPriceSnapshot *nines_price_snapshot_new_from_bytes (GBytes      *bytes,
                                                         gboolean     trusted,
                                                         GError     **error);
NinesPriceSnapshot *nines_price_snapshot_new_from_file (const char  *path,
                                                        GError     **error);
NinesPriceSnapshot *nines_price_snapshot_ref           (NinesPriceSnapshot *self);
void                nines_price_snapshot_unref         (NinesPriceSnapshot *self);

guint               nines_price_snapshot_get_n_prices  (NinesPriceSnapshot *self);
/* Fills @price with price @i (prices are sorted by service, region, usage, tier). */
void                nines_price_snapshot_get_price     (NinesPriceSnapshot *self,
                                                        guint               i,
                                                        NinesPrice         *price);
/* Finds the tiers of one dimension: returns FALSE when the snapshot has no price for
 * it; else @first is the index of the first tier and @n_tiers their number. */
gboolean            nines_price_snapshot_lookup        (NinesPriceSnapshot *self,
                                                        const char         *service,
                                                        const char         *region,
                                                        const char         *usage,
                                                        guint              *first,
                                                        guint              *n_tiers);

/* The sources the snapshot was built from: file, publication date, format. */
guint               nines_price_snapshot_get_n_sources (NinesPriceSnapshot *self);
void                nines_price_snapshot_get_source    (NinesPriceSnapshot *self,
                                                        guint               i,
                                                        const char        **name,
                                                        const char        **date,
                                                        const char        **format);

/* The newest publication date among the sources ("YYYY-MM-DD", "" when there is none):
 * the date of the price data as a whole. (transfer none) */
const char         *nines_price_snapshot_get_newest_date (NinesPriceSnapshot *self);

/* FNV-1a of "service\x1fregion\x1fusage": the hash stored in the file. */
guint32             nines_price_key_hash               (const char         *service,
                                                        const char         *region,
                                                        const char         *usage);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesPriceSnapshot, nines_price_snapshot_unref)

G_END_DECLS
