#define G_LOG_DOMAIN "nines-catalog"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "nines-model.h"

struct _NinesCatalog
{
  GPtrArray  *regions;        /* of NinesRegionInfo */
  GHashTable *regions_by_code;
  GHashTable *regions_by_location;
  GPtrArray  *kinds;          /* of NinesKindInfo */
  GHashTable *kinds_by_id;
  GPtrArray  *knobs;          /* of NinesParamSpec */
  GHashTable *knobs_by_name;
};

static void
region_info_free (gpointer data)
{
  NinesRegionInfo *r = data;

  g_free (r->code);
  g_free (r->name);
  g_free (r->location);
  g_free (r->geography);
  g_strfreev (r->azs);
  g_free (r);
}

static void
param_spec_free (gpointer data)
{
  NinesParamSpec *p = data;

  g_free (p->name);
  g_free (p->label);
  g_free (p->unit);
  g_free (p->pattern);
  g_free (p->source);
  g_clear_pointer (&p->default_value, g_variant_unref);
  g_strfreev (p->choices);
  g_clear_pointer (&p->regex, g_regex_unref);
  g_free (p);
}

static void
kind_info_free (gpointer data)
{
  NinesKindInfo *k = data;

  g_free (k->id);
  g_free (k->label);
  g_free (k->service);
  g_free (k->summary);
  g_ptr_array_unref (k->params);
  g_free (k);
}

void
nines_catalog_free (NinesCatalog *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->regions_by_code);
  g_hash_table_unref (self->regions_by_location);
  g_ptr_array_unref (self->regions);
  g_hash_table_unref (self->kinds_by_id);
  g_ptr_array_unref (self->kinds);
  g_hash_table_unref (self->knobs_by_name);
  g_ptr_array_unref (self->knobs);
  g_free (self);
}

/* The catalog is data: a broken file must give a message, not a crash. These read
 * members without json-glib's criticals on a missing or mistyped member. */
static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static char *
dup_member_string (JsonObject *o,
                   const char *name)
{
  return g_strdup (member_string (o, name));
}

/* Texts people see (labels, units, sources, card summaries) in the user's language: the
 * catalog's English is the msgid (data/catalog/nines-catalog-strings.h feeds xgettext). */
static char *
dup_translated (JsonObject *o,
                const char *name)
{
  const char *s = member_string (o, name);

  return s != NULL && *s != '\0' ? g_strdup (_(s)) : g_strdup (s);
}

static gboolean
member_number (JsonObject *o,
               const char *name,
               double     *value)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) ||
      (json_node_get_value_type (n) != G_TYPE_INT64 &&
       json_node_get_value_type (n) != G_TYPE_DOUBLE))
    return FALSE;
  *value = json_node_get_double (n);
  return TRUE;
}

static JsonArray *
member_array (JsonObject *o,
              const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

/* NULL if @array is not all strings. */
static GStrv
strv_from_array (JsonArray *array)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *n = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
        return NULL;
      g_strv_builder_add (b, json_node_get_string (n));
    }
  return g_strv_builder_end (b);
}

static gboolean G_GNUC_PRINTF (2, 3)
catalog_error (GError    **error,
               const char *format,
               ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID, msg);
  return FALSE;
}

static NinesParamSpec *
param_spec_parse (JsonNode    *node,
                  const char  *where,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *problem = NULL;
  NinesParamSpec *p;
  JsonObject *o;
  JsonNode *def;
  const char *type;
  GType def_type;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      catalog_error (error, "catalog %s: a parameter must be an object", where);
      return NULL;
    }
  o = json_node_get_object (node);
  type = member_string (o, "type");
  def = json_object_get_member (o, "default");
  p = g_new0 (NinesParamSpec, 1);
  p->name = dup_member_string (o, "name");
  p->label = dup_translated (o, "label");
  p->unit = dup_translated (o, "unit");
  p->pattern = dup_member_string (o, "pattern");
  p->source = dup_translated (o, "source");
  if (!member_number (o, "min", &p->min))
    p->min = -G_MAXDOUBLE;
  if (!member_number (o, "max", &p->max))
    p->max = G_MAXDOUBLE;

  if (p->name == NULL || p->label == NULL || type == NULL || def == NULL ||
      !JSON_NODE_HOLDS_VALUE (def))
    {
      catalog_error (error, "catalog %s: parameter %s lacks a name, label, type or default",
                     where, p->name ? p->name : "?");
      goto fail;
    }
  def_type = json_node_get_value_type (def);

  if (g_str_equal (type, "int") && def_type == G_TYPE_INT64)
    {
      p->type = NINES_PARAM_INT;
      p->default_value = g_variant_ref_sink (g_variant_new_int64 (json_node_get_int (def)));
    }
  else if (g_str_equal (type, "number") && (def_type == G_TYPE_INT64 || def_type == G_TYPE_DOUBLE))
    {
      p->type = NINES_PARAM_NUMBER;
      p->default_value = g_variant_ref_sink (g_variant_new_double (json_node_get_double (def)));
    }
  else if (g_str_equal (type, "bool") && def_type == G_TYPE_BOOLEAN)
    {
      p->type = NINES_PARAM_BOOL;
      p->default_value = g_variant_ref_sink (g_variant_new_boolean (json_node_get_boolean (def)));
    }
  else if ((g_str_equal (type, "enum") || g_str_equal (type, "string")) &&
           def_type == G_TYPE_STRING)
    {
      p->type = g_str_equal (type, "enum") ? NINES_PARAM_ENUM : NINES_PARAM_STRING;
      p->default_value = g_variant_ref_sink (g_variant_new_string (json_node_get_string (def)));
      if (json_object_has_member (o, "choices") &&
          !(p->choices = strv_from_array (member_array (o, "choices"))))
        {
          catalog_error (error, "catalog %s: parameter %s: choices must be an array of strings",
                         where, p->name);
          goto fail;
        }
      if (p->type == NINES_PARAM_ENUM && (p->choices == NULL || p->choices[0] == NULL))
        {
          catalog_error (error, "catalog %s: parameter %s is an enum without choices",
                         where, p->name);
          goto fail;
        }
      if (p->pattern != NULL)
        {
          p->regex = g_regex_new (p->pattern, G_REGEX_OPTIMIZE, 0, &local_error);
          if (p->regex == NULL)
            {
              catalog_error (error, "catalog %s: parameter %s: %s", where, p->name,
                             local_error->message);
              goto fail;
            }
        }
    }
  else
    {
      catalog_error (error, "catalog %s: parameter %s has an unknown type \"%s\" or a default "
                     "of another type", where, p->name, type);
      goto fail;
    }

  if (p->min > p->max)
    {
      catalog_error (error, "catalog %s: parameter %s has min > max", where, p->name);
      goto fail;
    }
  if (!nines_param_spec_check (p, p->default_value, &problem))
    {
      catalog_error (error, "catalog %s: the default of %s %s", where, p->name, problem);
      goto fail;
    }
  return p;

fail:
  param_spec_free (p);
  return NULL;
}

static JsonArray *
parse_array (const char  *json,
             const char  *member,
             JsonParser **parser_out,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  JsonArray *array;

  if (json == NULL)
    {
      catalog_error (error, "catalog %s: no data", member);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !(array = member_array (json_node_get_object (root), member)))
    {
      catalog_error (error, "catalog lacks the array \"%s\"", member);
      return NULL;
    }
  *parser_out = g_steal_pointer (&parser);
  return array;
}

static gboolean
parse_region (NinesCatalog  *self,
              JsonNode      *node,
              guint          i,
              GError       **error)
{
  NinesRegionInfo *r;
  JsonObject *o;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return catalog_error (error, "catalog regions[%u]: must be an object", i);
  o = json_node_get_object (node);
  r = g_new0 (NinesRegionInfo, 1);
  r->code = dup_member_string (o, "code");
  r->name = dup_member_string (o, "name");
  r->location = dup_member_string (o, "location");
  r->geography = dup_member_string (o, "geography");
  r->azs = strv_from_array (member_array (o, "azs"));
  g_ptr_array_add (self->regions, r);

  if (r->code == NULL || r->name == NULL || r->location == NULL || r->geography == NULL)
    return catalog_error (error, "catalog regions[%u]: needs a code, name, location and geography",
                          i);
  if (!member_number (o, "lat", &r->lat) || !member_number (o, "lon", &r->lon) ||
      fabs (r->lat) > 90 || fabs (r->lon) > 180)
    return catalog_error (error, "catalog region %s: needs a lat and lon", r->code);
  if (r->azs == NULL || r->azs[0] == NULL)
    return catalog_error (error, "catalog region %s: needs its AZ IDs", r->code);
  if (g_hash_table_contains (self->regions_by_code, r->code) ||
      g_hash_table_contains (self->regions_by_location, r->location))
    return catalog_error (error, "catalog region %s: code or location listed twice", r->code);
  g_hash_table_insert (self->regions_by_code, r->code, r);
  g_hash_table_insert (self->regions_by_location, r->location, r);
  return TRUE;
}

static gboolean
parse_kind (NinesCatalog  *self,
            JsonNode      *node,
            guint          i,
            GError       **error)
{
  NinesKindInfo *k;
  JsonObject *o;
  JsonArray *params;
  const char *placement;
  double min_azs = 1;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return catalog_error (error, "catalog kinds[%u]: must be an object", i);
  o = json_node_get_object (node);
  k = g_new0 (NinesKindInfo, 1);
  k->id = dup_member_string (o, "id");
  k->label = dup_translated (o, "label");
  k->service = dup_member_string (o, "service");
  k->summary = dup_translated (o, "summary");
  k->data_store = json_object_get_boolean_member_with_default (o, "data_store", FALSE);
  k->params = g_ptr_array_new_with_free_func (param_spec_free);
  g_ptr_array_add (self->kinds, k);

  if (k->id == NULL || k->label == NULL || k->service == NULL)
    return catalog_error (error, "catalog kinds[%u]: needs an id, label and service", i);
  if (g_hash_table_contains (self->kinds_by_id, k->id))
    return catalog_error (error, "catalog kind %s: listed twice", k->id);
  g_hash_table_insert (self->kinds_by_id, k->id, k);

  placement = member_string (o, "placement");
  if (g_strcmp0 (placement, "zonal") == 0)
    k->placement = NINES_PLACEMENT_ZONAL;
  else if (g_strcmp0 (placement, "regional") == 0)
    k->placement = NINES_PLACEMENT_REGIONAL;
  else if (g_strcmp0 (placement, "global") == 0)
    k->placement = NINES_PLACEMENT_GLOBAL;
  else
    return catalog_error (error, "catalog kind %s: placement must be zonal, regional or global",
                          k->id);
  if (json_object_has_member (o, "min_azs") &&
      (!member_number (o, "min_azs", &min_azs) || min_azs < 1 || min_azs > 6 ||
       k->placement != NINES_PLACEMENT_ZONAL))
    return catalog_error (error, "catalog kind %s: min_azs must be 1 to 6, for zonal kinds",
                          k->id);
  k->min_azs = (guint) min_azs;

  if (!(params = member_array (o, "params")))
    return catalog_error (error, "catalog kind %s: needs a params array", k->id);
  for (guint j = 0; j < json_array_get_length (params); j++)
    {
      g_autofree char *where = g_strdup_printf ("kind %s", k->id);
      NinesParamSpec *p = param_spec_parse (json_array_get_element (params, j), where, error);

      if (p == NULL)
        return FALSE;
      if (nines_kind_info_lookup_param (k, p->name) != NULL)
        {
          catalog_error (error, "catalog kind %s: parameter %s listed twice", k->id, p->name);
          param_spec_free (p);
          return FALSE;
        }
      g_ptr_array_add (k->params, p);
    }
  return TRUE;
}

/* Fills the decoded copies of the default (NinesParamSpec.default_int …). */
static void
param_spec_decode_default (NinesParamSpec *p)
{
  switch (g_variant_classify (p->default_value))
    {
    case G_VARIANT_CLASS_INT64:
      p->default_int = g_variant_get_int64 (p->default_value);
      p->default_number = (double) p->default_int;
      break;
    case G_VARIANT_CLASS_DOUBLE:
      p->default_number = g_variant_get_double (p->default_value);
      break;
    case G_VARIANT_CLASS_BOOLEAN:
      p->default_int = g_variant_get_boolean (p->default_value);
      break;
    case G_VARIANT_CLASS_STRING:
      p->default_string = g_variant_get_string (p->default_value, NULL);
      break;
    default:
      break;
    }
}

NinesCatalog *
nines_catalog_new_from_json (const char  *regions_json,
                             const char  *kinds_json,
                             const char  *knobs_json,
                             GError     **error)
{
  g_autoptr(JsonParser) rp = NULL;
  g_autoptr(JsonParser) kp = NULL;
  g_autoptr(JsonParser) np = NULL;
  NinesCatalog *self;
  JsonArray *regions, *kinds, *knobs;

  if (!(regions = parse_array (regions_json, "regions", &rp, error)) ||
      !(kinds = parse_array (kinds_json, "kinds", &kp, error)) ||
      !(knobs = parse_array (knobs_json, "knobs", &np, error)))
    return NULL;

  self = g_new0 (NinesCatalog, 1);
  self->regions = g_ptr_array_new_with_free_func (region_info_free);
  self->regions_by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->regions_by_location = g_hash_table_new (g_str_hash, g_str_equal);
  self->kinds = g_ptr_array_new_with_free_func (kind_info_free);
  self->kinds_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->knobs = g_ptr_array_new_with_free_func (param_spec_free);
  self->knobs_by_name = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (regions); i++)
    if (!parse_region (self, json_array_get_element (regions, i), i, error))
      goto fail;

  for (guint i = 0; i < json_array_get_length (kinds); i++)
    if (!parse_kind (self, json_array_get_element (kinds, i), i, error))
      goto fail;

  for (guint i = 0; i < json_array_get_length (knobs); i++)
    {
      NinesParamSpec *p = param_spec_parse (json_array_get_element (knobs, i), "knobs", error);

      if (p == NULL)
        goto fail;
      g_ptr_array_add (self->knobs, p);
      if (!g_hash_table_insert (self->knobs_by_name, p->name, p))
        {
          catalog_error (error, "catalog knob %s: listed twice", p->name);
          goto fail;
        }
    }

  for (guint i = 0; i < self->kinds->len; i++)
    {
      NinesKindInfo *k = g_ptr_array_index (self->kinds, i);

      for (guint j = 0; j < k->params->len; j++)
        param_spec_decode_default (g_ptr_array_index (k->params, j));
    }
  for (guint i = 0; i < self->knobs->len; i++)
    param_spec_decode_default (g_ptr_array_index (self->knobs, i));

  return self;

fail:
  nines_catalog_free (self);
  return NULL;
}

/* Generated by glib-compile-resources (data/meson.build). Naming it keeps the linker from
 * dropping the resource's object file out of the static library. */
GResource *nines_data_get_resource (void);

static char *
load_resource (const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/ninesdr/Nines/data/catalog/", name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (nines_data_get_resource (), path, 0, NULL);

  if (bytes == NULL)
    g_error ("catalog resource %s is missing: the build is broken", path);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

NinesCatalog *
nines_catalog_get_default (void)
{
  static NinesCatalog *catalog;

  if (g_once_init_enter (&catalog))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *r = load_resource ("regions.json");
      g_autofree char *k = load_resource ("kinds.json");
      g_autofree char *n = load_resource ("dr-knobs.json");
      NinesCatalog *c = nines_catalog_new_from_json (r, k, n, &error);

      if (c == NULL)
        g_error ("the built-in catalog is invalid: %s", error->message);
      g_once_init_leave (&catalog, c);
    }
  return catalog;
}

guint
nines_catalog_get_n_regions (NinesCatalog *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->regions->len;
}

const NinesRegionInfo *
nines_catalog_get_region (NinesCatalog *self,
                          guint         i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->regions->len, NULL);
  return g_ptr_array_index (self->regions, i);
}

const NinesRegionInfo *
nines_catalog_lookup_region (NinesCatalog *self,
                             const char   *code)
{
  g_return_val_if_fail (self != NULL, NULL);
  return code ? g_hash_table_lookup (self->regions_by_code, code) : NULL;
}

const NinesRegionInfo *
nines_catalog_lookup_location (NinesCatalog *self,
                               const char   *location)
{
  g_return_val_if_fail (self != NULL, NULL);
  return location ? g_hash_table_lookup (self->regions_by_location, location) : NULL;
}

guint
nines_catalog_get_n_kinds (NinesCatalog *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->kinds->len;
}

const NinesKindInfo *
nines_catalog_get_kind (NinesCatalog *self,
                        guint         i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->kinds->len, NULL);
  return g_ptr_array_index (self->kinds, i);
}

const NinesKindInfo *
nines_catalog_lookup_kind (NinesCatalog *self,
                           const char   *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id ? g_hash_table_lookup (self->kinds_by_id, id) : NULL;
}

guint
nines_catalog_get_n_knobs (NinesCatalog *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->knobs->len;
}

const NinesParamSpec *
nines_catalog_get_knob (NinesCatalog *self,
                        guint         i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->knobs->len, NULL);
  return g_ptr_array_index (self->knobs, i);
}

const NinesParamSpec *
nines_catalog_lookup_knob (NinesCatalog *self,
                           const char   *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  return name ? g_hash_table_lookup (self->knobs_by_name, name) : NULL;
}

const NinesParamSpec *
nines_kind_info_lookup_param (const NinesKindInfo *kind,
                              const char          *name)
{
  g_return_val_if_fail (kind != NULL, NULL);
  for (guint i = 0; name != NULL && i < kind->params->len; i++)
    {
      const NinesParamSpec *p = g_ptr_array_index (kind->params, i);

      /* The first byte rules most names out without a call: this runs for every
       * parameter read of every component in a recompute. */
      if (p->name[0] == name[0] && strcmp (p->name, name) == 0)
        return p;
    }
  return NULL;
}

gboolean
nines_region_info_has_az (const NinesRegionInfo *region,
                          const char            *az_id)
{
  g_return_val_if_fail (region != NULL, FALSE);
  return az_id != NULL && g_strv_contains ((const char * const *)region->azs, az_id);
}

double
nines_region_info_distance_km (const NinesRegionInfo *a,
                               const NinesRegionInfo *b)
{
  /* Haversine great-circle distance; 6371 km is the IUGG mean Earth radius. */
  const double r = 6371.0;
  double la1 = a->lat * G_PI / 180, la2 = b->lat * G_PI / 180;
  double dla = la2 - la1, dlo = (b->lon - a->lon) * G_PI / 180;
  double h = sin (dla / 2) * sin (dla / 2) + cos (la1) * cos (la2) * sin (dlo / 2) * sin (dlo / 2);

  return 2 * r * asin (MIN (1.0, sqrt (h)));
}

const GVariantType *
nines_param_spec_get_value_type (const NinesParamSpec *spec)
{
  switch (spec->type)
    {
    case NINES_PARAM_INT: return G_VARIANT_TYPE_INT64;
    case NINES_PARAM_NUMBER: return G_VARIANT_TYPE_DOUBLE;
    case NINES_PARAM_BOOL: return G_VARIANT_TYPE_BOOLEAN;
    case NINES_PARAM_ENUM:
    case NINES_PARAM_STRING:
    default: return G_VARIANT_TYPE_STRING;
    }
}

static char *
format_number (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (v == G_MAXDOUBLE || v == -G_MAXDOUBLE)
    return g_strdup ("unbounded");
  if (v == floor (v) && fabs (v) < 1e15)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) v);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", v));
}

gboolean
nines_param_spec_check (const NinesParamSpec  *spec,
                        GVariant              *value,
                        char                 **problem)
{
  const GVariantType *want = nines_param_spec_get_value_type (spec);
  g_autofree char *ignored = NULL;
  double v;

  g_return_val_if_fail (spec != NULL, FALSE);
  if (problem == NULL)
    problem = &ignored;

  if (value == NULL || !g_variant_is_of_type (value, want))
    {
      static const char *names[] = { "an integer", "a number", "true or false", "a string", "a string" };
      *problem = g_strdup_printf (_("must be %s"), names[spec->type]);
      return FALSE;
    }

  switch (spec->type)
    {
    case NINES_PARAM_INT:
    case NINES_PARAM_NUMBER:
      v = spec->type == NINES_PARAM_INT ? (double) g_variant_get_int64 (value)
                                         : g_variant_get_double (value);
      if (isnan (v) || v < spec->min || v > spec->max)
        {
          g_autofree char *lo = format_number (spec->min);
          g_autofree char *hi = format_number (spec->max);
          g_autofree char *is = format_number (v);
          *problem = g_strdup_printf (_("must be between %s and %s (is %s)"), lo, hi, is);
          return FALSE;
        }
      return TRUE;

    case NINES_PARAM_ENUM:
      if (!g_strv_contains ((const char * const *)spec->choices, g_variant_get_string (value, NULL)))
        {
          g_autofree char *choices = g_strjoinv (", ", spec->choices);
          *problem = g_strdup_printf (_("must be one of %s (is \"%s\")"), choices,
                                      g_variant_get_string (value, NULL));
          return FALSE;
        }
      return TRUE;

    case NINES_PARAM_STRING:
      if (spec->regex != NULL && !g_regex_match (spec->regex, g_variant_get_string (value, NULL), 0, NULL))
        {
          *problem = g_strdup_printf (_("must look like \"%s\" (is \"%s\")"),
                                      g_variant_get_string (spec->default_value, NULL),
                                      g_variant_get_string (value, NULL));
          return FALSE;
        }
      return TRUE;

    case NINES_PARAM_BOOL:
    default:
      return TRUE;
    }
}

char *
nines_param_spec_format_value (const NinesParamSpec *spec,
                               GVariant             *value)
{
  g_autofree char *num = NULL;

  switch (spec->type)
    {
    case NINES_PARAM_INT:
      num = format_number ((double) g_variant_get_int64 (value));
      break;
    case NINES_PARAM_NUMBER:
      num = format_number (g_variant_get_double (value));
      break;
    case NINES_PARAM_BOOL:
      return g_strdup (g_variant_get_boolean (value) ? _("yes") : _("no"));
    case NINES_PARAM_ENUM:
    case NINES_PARAM_STRING:
    default:
      return g_variant_dup_string (value, NULL);
    }
  return spec->unit ? g_strdup_printf ("%s %s", num, spec->unit) : g_steal_pointer (&num);
}
