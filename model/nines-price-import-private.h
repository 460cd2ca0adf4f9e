/* nines-price-import-private.h: shared by the Price List importers */
#pragma once

#ifndef NINES_MODEL_COMPILATION
# error "nines-price-import-private.h is private to the model library"
#endif

#include "nines-model-private.h"

G_BEGIN_DECLS

/* Price files are input: a member that is missing or of another type than asked reads as
 * absent, never as a critical (json-glib's own getters warn; tests/fuzz found it). */
static inline JsonObject *
_nines_json_object (JsonObject *o,
                    const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;

  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static inline JsonArray *
_nines_json_array (JsonObject *o,
                   const char *name)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;

  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

static inline const char *
_nines_json_node_string (JsonNode   *n,
                         const char *fallback)
{
  return n != NULL && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
         ? json_node_get_string (n) : fallback;
}

static inline const char *
_nines_json_string (JsonObject *o,
                    const char *name,
                    const char *fallback)
{
  return _nines_json_node_string (o != NULL ? json_object_get_member (o, name) : NULL, fallback);
}

/* A number (integer or double); @fallback for anything else. */
static inline double
_nines_json_double (JsonObject *o,
                    const char *name,
                    double      fallback)
{
  JsonNode *n = o != NULL ? json_object_get_member (o, name) : NULL;
  GType t = n != NULL && JSON_NODE_HOLDS_VALUE (n) ? json_node_get_value_type (n) : G_TYPE_INVALID;

  return t == G_TYPE_DOUBLE || t == G_TYPE_INT64 ? json_node_get_double (n) : fallback;
}

static inline JsonObject *
_nines_json_element_object (JsonArray *a,
                            guint      i)
{
  JsonNode *n = json_array_get_element (a, i);

  return n != NULL && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static inline const char *
_nines_json_element_string (JsonArray *a,
                            guint      i)
{
  return _nines_json_node_string (json_array_get_element (a, i), NULL);
}

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
