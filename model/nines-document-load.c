/* nines-document-load.c: reading the sections of a parsed .nines file into a document,
 * with a problem for each member of the wrong type or missing; nines-document-io.c
 * parses the text and runs the semantic checks after. */
#define G_LOG_DOMAIN "nines-document-io"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "nines-document-load.h"

/* Price overrides (the document holds them; the loader and the command stack make them). */
void
_nines_price_override_free (NinesPriceOverride *o)
{
  if (o == NULL)
    return;
  g_free (o->service);
  g_free (o->region);
  g_free (o->usage);
  g_free (o->note);
  g_free (o);
}

char *
_nines_price_override_extra_key (const NinesPriceOverride *o)
{
  return g_strdup_printf ("pricing.overrides.%s|%s|%s", o->service, o->region ? o->region : "",
                          o->usage);
}

NinesPriceOverride *
_nines_price_override_copy (const NinesPriceOverride *o)
{
  NinesPriceOverride *c = g_new0 (NinesPriceOverride, 1);

  c->service = g_strdup (o->service);
  c->region = g_strdup (o->region);
  c->usage = g_strdup (o->usage);
  c->usd = o->usd;
  c->note = g_strdup (o->note);
  return c;
}

static void G_GNUC_PRINTF (3, 4)
problem (NinesLoader *ld,
         const char  *path,
         const char  *format,
         ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  if (path != NULL)
    {
      g_autofree char *line = g_strdup_printf ("%s: %s", path, msg);
      g_ptr_array_add (ld->problems, _nines_one_line (line));
    }
  else
    g_ptr_array_add (ld->problems, _nines_one_line (msg));
}

const char *
_nines_json_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return "a string";
    case G_TYPE_BOOLEAN: return "a boolean";
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE: return "a number";
    default: return "a value";
    }
}

static gboolean
is_string (JsonNode *n)
{
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING;
}

gboolean
_nines_json_is_number (JsonNode *n)
{
  return n && JSON_NODE_HOLDS_VALUE (n) &&
         (json_node_get_value_type (n) == G_TYPE_INT64 ||
          json_node_get_value_type (n) == G_TYPE_DOUBLE);
}

/* Reads an optional (or, with @required, mandatory) string member. */
const char *
_nines_loader_get_string (NinesLoader *ld,
                          JsonObject  *o,
                          const char  *member,
                          const char  *path,
                          gboolean     required)
{
  JsonNode *n = json_object_get_member (o, member);
  g_autofree char *p = g_strdup_printf ("%s%s%s", path, *path ? "." : "", member);

  if (n == NULL || (JSON_NODE_HOLDS_NULL (n) && !required))
    {
      if (required)
        problem (ld, p, _("is missing"));
      return NULL;
    }
  if (!is_string (n))
    {
      problem (ld, p, _("must be a string (is %s)"), _nines_json_type_name (n));
      return NULL;
    }
  return json_node_get_string (n);
}

static GStrv
get_string_array (NinesLoader *ld,
                  JsonObject  *o,
                  const char  *member,
                  const char  *path)
{
  JsonNode *n = json_object_get_member (o, member);
  g_autofree char *p = g_strdup_printf ("%s%s%s", path, *path ? "." : "", member);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  JsonArray *a;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return g_strv_builder_end (b);
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      problem (ld, p, _("must be an array of strings (is %s)"), _nines_json_type_name (n));
      return g_strv_builder_end (b);
    }
  a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);

      if (!is_string (e))
        {
          g_autofree char *ep = g_strdup_printf ("%s[%u]", p, i);
          problem (ld, ep, _("must be a string (is %s)"), _nines_json_type_name (e));
        }
      else
        g_strv_builder_add (b, json_node_get_string (e));
    }
  return g_strv_builder_end (b);
}

static JsonObject *
get_object (NinesLoader *ld,
            JsonObject  *o,
            const char  *member,
            const char  *path)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      g_autofree char *p = g_strdup_printf ("%s%s%s", path, *path ? "." : "", member);
      problem (ld, p, _("must be an object (is %s)"), _nines_json_type_name (n));
      return NULL;
    }
  return json_node_get_object (n);
}

static JsonArray *
get_array (NinesLoader *ld,
           JsonObject  *o,
           const char  *member)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      problem (ld, member, _("must be an array (is %s)"), _nines_json_type_name (n));
      return NULL;
    }
  return json_node_get_array (n);
}

/* Members of @o not named in @known, for keeping on save. */
static JsonObject *
collect_extra (JsonObject          *o,
               const char * const *known,
               const NinesKindInfo *kind)
{
  JsonObject *extra = NULL;
  g_autoptr(GList) members = json_object_get_members (o);

  for (GList *l = members; l; l = l->next)
    {
      const char *name = l->data;

      if (g_strv_contains (known, name) || (kind && nines_kind_info_lookup_param (kind, name)))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (json_object_get_member (o, name)));
    }
  return extra;
}

/* A JSON value as the GVariant a parameter spec wants, or NULL with a problem. */
static GVariant *
param_value_from_json (NinesLoader          *ld,
                       const NinesParamSpec *spec,
                       JsonNode             *n,
                       const char           *path)
{
  switch (spec->type)
    {
    case NINES_PARAM_INT:
      if (_nines_json_is_number (n) && json_node_get_value_type (n) == G_TYPE_INT64)
        return g_variant_new_int64 (json_node_get_int (n));
      if (_nines_json_is_number (n))
        {
          double d = json_node_get_double (n);

          if (d != floor (d))
            {
              problem (ld, path, _("must be a whole number (is %g)"), d);
              return NULL;
            }
          /* "3.0" is a whole number; so is 1e30, which is out of any range. */
          if (fabs (d) < 9e15)
            return g_variant_new_int64 ((gint64) d);
          if (spec->min > -G_MAXDOUBLE && spec->max < G_MAXDOUBLE)
            problem (ld, path, _("must be between %.15g and %.15g (is %g)"),
                     spec->min, spec->max, d);
          else
            problem (ld, path, _("is too large a number (%g)"), d);
          return NULL;
        }
      problem (ld, path, _("must be a whole number (is %s)"), _nines_json_type_name (n));
      return NULL;

    case NINES_PARAM_NUMBER:
      if (_nines_json_is_number (n))
        return g_variant_new_double (json_node_get_double (n));
      problem (ld, path, _("must be a number (is %s)"), _nines_json_type_name (n));
      return NULL;

    case NINES_PARAM_BOOL:
      if (n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_BOOLEAN)
        return g_variant_new_boolean (json_node_get_boolean (n));
      problem (ld, path, _("must be true or false (is %s)"), _nines_json_type_name (n));
      return NULL;

    case NINES_PARAM_ENUM:
    case NINES_PARAM_STRING:
    default:
      if (is_string (n))
        return g_variant_new_string (json_node_get_string (n));
      problem (ld, path, _("must be a string (is %s)"), _nines_json_type_name (n));
      return NULL;
    }
}

static const char * const component_fields[] = { "id", "kind", "name", "region", "azs", NULL };

void
_nines_loader_load_components (NinesLoader   *ld,
                               NinesDocument *doc,
                               JsonObject    *root)
{
  JsonArray *a = get_array (ld, root, "components");

  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      g_autofree char *path = g_strdup_printf ("components[%u]", i);
      g_autoptr(NinesComponent) c = NULL;
      g_autoptr(GList) members = NULL;
      g_autoptr(JsonObject) extra = NULL;
      g_auto(GStrv) azs = NULL;
      const NinesKindInfo *kind;
      JsonObject *o;
      const char *id, *kind_id, *region, *name;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        {
          problem (ld, path, _("must be an object (is %s)"), _nines_json_type_name (n));
          continue;
        }
      o = json_node_get_object (n);
      id = _nines_loader_get_string (ld, o, "id", path, TRUE);
      kind_id = _nines_loader_get_string (ld, o, "kind", path, TRUE);
      region = _nines_loader_get_string (ld, o, "region", path, FALSE);
      name = _nines_loader_get_string (ld, o, "name", path, FALSE);
      azs = get_string_array (ld, o, "azs", path);
      if (id == NULL || kind_id == NULL)
        continue;

      c = nines_component_new (id, kind_id, region);
      kind = nines_component_get_kind_info (c);
      nines_component_set_name (c, name);
      nines_component_set_azs (c, (const char * const *)azs);

      members = json_object_get_members (o);
      for (GList *l = members; kind && l; l = l->next)
        {
          const NinesParamSpec *spec = nines_kind_info_lookup_param (kind, l->data);
          g_autofree char *ppath = NULL;
          GVariant *v;

          if (spec == NULL)
            continue;
          ppath = g_strdup_printf ("%s.%s", path, (char *)l->data);
          v = param_value_from_json (ld, spec, json_object_get_member (o, l->data), ppath);
          if (v != NULL)
            nines_component_set_param (c, spec->name, v);
        }
      extra = collect_extra (o, component_fields, kind);
      _nines_component_set_extra (c, extra);
      _nines_document_insert_component (doc, nines_document_get_n_components (doc), c);
      g_array_append_val (ld->map.components, i);
    }
}

void
_nines_loader_load_regions (NinesLoader   *ld,
                            NinesDocument *doc,
                            JsonObject    *root)
{
  static const char * const fields[] = { "code", "azs", NULL };
  JsonArray *a = get_array (ld, root, "regions");

  if (a == NULL)
    {
      if (!json_object_has_member (root, "regions"))
        problem (ld, "regions", _("is missing"));
      return;
    }
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      g_autofree char *path = g_strdup_printf ("regions[%u]", i);
      g_autoptr(NinesRegion) r = NULL;
      g_autoptr(JsonObject) extra = NULL;
      g_auto(GStrv) azs = NULL;
      const char *code;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        {
          problem (ld, path, _("must be an object (is %s)"), _nines_json_type_name (n));
          continue;
        }
      code = _nines_loader_get_string (ld, json_node_get_object (n), "code", path, TRUE);
      azs = get_string_array (ld, json_node_get_object (n), "azs", path);
      if (code == NULL)
        continue;
      r = nines_region_new (code, (const char * const *)azs);
      extra = collect_extra (json_node_get_object (n), fields, NULL);
      {
        g_autofree char *key = g_strdup_printf ("regions.%s", code);
        _nines_document_set_extra (doc, key, extra);
      }
      nines_document_add_region (doc, r);
      g_array_append_val (ld->map.regions, i);
    }
}

void
_nines_loader_load_links (NinesLoader   *ld,
                          NinesDocument *doc,
                          JsonObject    *root)
{
  static const char * const fields[] = { "from", "to", "kind", NULL };
  JsonArray *a = get_array (ld, root, "links");

  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      g_autofree char *path = g_strdup_printf ("links[%u]", i);
      g_autoptr(NinesLink) link = NULL;
      g_autoptr(JsonObject) extra = NULL;
      NinesLinkKind kind = NINES_LINK_TRAFFIC;
      const char *from, *to, *kind_str;
      JsonObject *o;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        {
          problem (ld, path, _("must be an object (is %s)"), _nines_json_type_name (n));
          continue;
        }
      o = json_node_get_object (n);
      from = _nines_loader_get_string (ld, o, "from", path, TRUE);
      to = _nines_loader_get_string (ld, o, "to", path, TRUE);
      kind_str = _nines_loader_get_string (ld, o, "kind", path, FALSE);
      if (kind_str != NULL && !nines_link_kind_from_string (kind_str, &kind))
        {
          g_autofree char *kind_path = g_strconcat (path, ".kind", NULL);
          problem (ld, kind_path, _("must be \"traffic\" or \"data\" (is \"%s\")"), kind_str);
        }
      if (from == NULL || to == NULL)
        continue;
      link = nines_link_new (from, to, kind);
      extra = collect_extra (o, fields, NULL);
      _nines_link_set_extra (link, extra);
      nines_document_add_link (doc, link);
      g_array_append_val (ld->map.links, i);
    }
}

void
_nines_loader_load_dr (NinesLoader   *ld,
                       NinesDocument *doc,
                       JsonObject    *root)
{
  static const char * const fields[] = {
    "pattern", "primary_region", "recovery_region", "knobs", NULL
  };
  NinesCatalog *catalog = nines_catalog_get_default ();
  JsonObject *o = get_object (ld, root, "dr", "");
  JsonObject *knobs;
  NinesDrPattern pattern = NINES_DR_PATTERN_NONE;
  const char *s;
  g_autoptr(JsonObject) extra = NULL;

  if (o == NULL)
    return;
  s = _nines_loader_get_string (ld, o, "pattern", "dr", FALSE);
  if (s != NULL && !nines_dr_pattern_from_string (s, &pattern))
    problem (ld, "dr.pattern", _("must be one of none, backup-restore, pilot-light, "
                                 "warm-standby, multi-site (is \"%s\")"), s);
  nines_document_set_dr (doc, pattern,
                         _nines_loader_get_string (ld, o, "recovery_region", "dr", FALSE));
  if ((s = _nines_loader_get_string (ld, o, "primary_region", "dr", FALSE)))
    _nines_document_set_primary_region (doc, s);

  if ((knobs = get_object (ld, o, "knobs", "dr")))
    {
      g_autoptr(GList) members = json_object_get_members (knobs);

      for (GList *l = members; l; l = l->next)
        {
          const NinesParamSpec *spec = nines_catalog_lookup_knob (catalog, l->data);
          g_autofree char *path = g_strdup_printf ("dr.knobs.%s", (char *)l->data);
          GVariant *v;

          if (spec == NULL)
            {
              g_autoptr(GPtrArray) names = g_ptr_array_new ();
              const char *like;

              for (guint k = 0; k < nines_catalog_get_n_knobs (catalog); k++)
                g_ptr_array_add (names, nines_catalog_get_knob (catalog, k)->name);
              like = _nines_suggest (l->data, names);
              if (like != NULL)
                problem (ld, path, _("unknown DR knob (did you mean \"%s\"?)"), like);
              else
                problem (ld, path, _("unknown DR knob"));
              continue;
            }
          if ((v = param_value_from_json (ld, spec, json_object_get_member (knobs, l->data), path)))
            nines_document_set_knob (doc, spec->name, v);
        }
    }
  extra = collect_extra (o, fields, NULL);
  _nines_document_set_extra (doc, "dr", extra);
}

void
_nines_loader_load_operations (NinesLoader   *ld,
                               NinesDocument *doc,
                               JsonObject    *root)
{
  static const char * const fields[] = {
    "last_dr_test", "last_restore_test", "owners", "notes", NULL
  };
  JsonObject *o = get_object (ld, root, "operations", "");
  g_auto(GStrv) owners = NULL;
  g_autoptr(JsonObject) extra = NULL;

  if (o == NULL)
    return;
  owners = get_string_array (ld, o, "owners", "operations");
  _nines_document_set_operations (doc,
                                  _nines_loader_get_string (ld, o, "last_dr_test", "operations",
                                                            FALSE),
                                  _nines_loader_get_string (ld, o, "last_restore_test",
                                                            "operations", FALSE),
                                  (const char * const *)owners,
                                  _nines_loader_get_string (ld, o, "notes", "operations", FALSE));
  extra = collect_extra (o, fields, NULL);
  _nines_document_set_extra (doc, "operations", extra);
}

void
_nines_loader_load_pricing (NinesLoader   *ld,
                            NinesDocument *doc,
                            JsonObject    *root)
{
  static const char * const fields[] = { "discount_percent", "overrides", NULL };
  JsonObject *o = get_object (ld, root, "pricing", "");
  JsonNode *d;
  JsonArray *a = NULL;
  g_autoptr(JsonObject) extra = NULL;

  if (o == NULL)
    return;
  if ((d = json_object_get_member (o, "discount_percent")))
    {
      if (_nines_json_is_number (d))
        _nines_document_set_discount (doc, json_node_get_double (d));
      else
        problem (ld, "pricing.discount_percent", _("must be a number (is %s)"),
                 _nines_json_type_name (d));
    }
  if (json_object_has_member (o, "overrides"))
    {
      JsonNode *n = json_object_get_member (o, "overrides");

      if (JSON_NODE_HOLDS_ARRAY (n))
        a = json_node_get_array (n);
      else
        problem (ld, "pricing.overrides", _("must be an array (is %s)"), _nines_json_type_name (n));
    }
  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      g_autofree char *path = g_strdup_printf ("pricing.overrides[%u]", i);
      NinesPriceOverride ov = { 0 };
      JsonNode *usd;
      JsonObject *e;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        {
          problem (ld, path, _("must be an object (is %s)"), _nines_json_type_name (n));
          continue;
        }
      e = json_node_get_object (n);
      ov.service = (char *) _nines_loader_get_string (ld, e, "service", path, TRUE);
      ov.region = (char *) _nines_loader_get_string (ld, e, "region", path, FALSE);
      ov.usage = (char *) _nines_loader_get_string (ld, e, "usage", path, TRUE);
      ov.note = (char *) _nines_loader_get_string (ld, e, "note", path, FALSE);
      usd = json_object_get_member (e, "usd");
      if (!_nines_json_is_number (usd))
        {
          g_autofree char *usd_path = g_strconcat (path, ".usd", NULL);
          if (usd == NULL)
            problem (ld, usd_path, _("is missing"));
          else
            problem (ld, usd_path, _("must be a number (is %s)"), _nines_json_type_name (usd));
          continue;
        }
      ov.usd = json_node_get_double (usd);
      if (ov.service == NULL || ov.usage == NULL)
        continue;
      if (ov.usd < 0)
        {
          g_autofree char *usd_path = g_strconcat (path, ".usd", NULL);
          problem (ld, usd_path, _("must not be negative (is %g)"), ov.usd);
          continue;
        }
      if (nines_document_lookup_price_override (doc, ov.service, ov.region, ov.usage))
        {
          problem (ld, path, _("a second price for %s %s in %s"), ov.service, ov.usage,
                   ov.region ? ov.region : _("every region"));
          continue;
        }
      _nines_price_override_free (_nines_document_replace_override (doc, &ov));
      g_array_append_val (ld->map.overrides, i);
      {
        static const char * const override_fields[] = {
          "service", "region", "usage", "usd", "note", NULL
        };
        g_autoptr(JsonObject) ov_extra = collect_extra (e, override_fields, NULL);
        g_autofree char *key = _nines_price_override_extra_key (&ov);
        _nines_document_set_extra (doc, key, ov_extra);
      }
    }
  extra = collect_extra (o, fields, NULL);
  _nines_document_set_extra (doc, "pricing", extra);
}

void
_nines_loader_load_layout (NinesLoader   *ld,
                           NinesDocument *doc,
                           JsonObject    *root)
{
  JsonObject *o = get_object (ld, root, "layout", "");
  g_autoptr(GList) members = NULL;

  if (o == NULL)
    return;
  members = json_object_get_members (o);
  for (GList *l = members; l; l = l->next)
    {
      JsonNode *n = json_object_get_member (o, l->data);
      JsonArray *a = JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
      g_autofree char *path = g_strdup_printf ("layout.%s", (char *)l->data);
      NinesPoint p;

      if (a == NULL)
        {
          problem (ld, path, _("must be a position [x, y] (is %s)"), _nines_json_type_name (n));
          continue;
        }
      if (json_array_get_length (a) != 2 ||
          !_nines_json_is_number (json_array_get_element (a, 0)) ||
          !_nines_json_is_number (json_array_get_element (a, 1)))
        {
          problem (ld, path, _("must be a position [x, y] (is an array of %u)"),
                   json_array_get_length (a));
          continue;
        }
      p.x = json_array_get_double_element (a, 0);
      p.y = json_array_get_double_element (a, 1);
      if (!(p.x > -1e7 && p.x < 1e7 && p.y > -1e7 && p.y < 1e7))
        {
          problem (ld, path, _("must lie within ±10000000 (is [%g, %g])"), p.x, p.y);
          continue;
        }
      nines_document_set_position (doc, l->data, &p);
    }
}

