/* nines-price-format.h: the on-disk layout of a price snapshot, shared by the reader
 * (nines-price-snapshot.c) and the writer (nines-price-builder.c). Private to the model
 * library.
 *
 * The file is one serialized GVariant of type NINES_PRICE_FORMAT_TYPE:
 *   s                 magic "nines-prices/1"
 *   a(sss)            sources: file, publication date "YYYY-MM-DD", format
 *   ay                string pool: NUL-terminated strings; offset 0 is ""
 *   au                hash slots (a power of two): 0 empty, else 1 + index of the first
 *                     record of a key; linear probing on nines_price_key_hash()
 *   a(ddduuuuuuuu)    records (NinesPriceRecord), sorted by service, region, usage,
 *                     tier start; the tiers of one key are consecutive
 * A fixed-size GVariant tuple is laid out like the C struct below (members at their
 * natural alignment, size rounded up to 8), so the record array is used in place. */
#pragma once

#ifndef NINES_MODEL_COMPILATION
# error "nines-price-format.h is private to the model library"
#endif

#include <glib.h>

G_BEGIN_DECLS

#define NINES_PRICE_FORMAT_MAGIC "nines-prices/1"
#define NINES_PRICE_FORMAT_TYPE  "(sa(sss)ayaua(ddduuuuuuuu))"

typedef struct
{
  double  usd;
  double  tier_start;
  double  tier_end;     /* INFINITY for an open tier */
  guint32 hash;         /* nines_price_key_hash() of the key */
  guint32 service;      /* string pool offsets */
  guint32 region;
  guint32 usage;
  guint32 unit;
  guint32 rate_code;
  guint32 label;
  guint32 source;       /* index into the sources */
} NinesPriceRecord;

G_STATIC_ASSERT (sizeof (NinesPriceRecord) == 56);

G_END_DECLS
