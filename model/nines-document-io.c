/* nines-document-io.c: reading and writing .nines files */
#define G_LOG_DOMAIN "nines-document-io"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nines-json-writer.h"
#include "nines-model-private.h"

/* Deeper nesting than this is no document of ours; json-glib would recurse on it. */
#define MAX_DEPTH 64
/* Far larger than any design (10,000 components are about 4 MB). */
#define MAX_FILE_SIZE (256 * 1024 * 1024)

typedef struct
{
  GPtrArray *problems;
} Loader;

static void G_GNUC_PRINTF (3, 4)
problem (Loader     *ld,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (ld->problems, path ? g_strdup_printf ("%s: %s", path, msg) : g_steal_pointer (&msg));
}

static const char *
node_type_name (JsonNode *node)
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

static gboolean
is_number (JsonNode *n)
{
  return n && JSON_NODE_HOLDS_VALUE (n) &&
         (json_node_get_value_type (n) == G_TYPE_INT64 || json_node_get_value_type (n) == G_TYPE_DOUBLE);
}

/* Reads an optional (or, with @required, mandatory) string member. */
static const char *
get_string (Loader     *ld,
            JsonObject *o,
            const char *member,
            const char *path,
            gboolean    required)
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
      problem (ld, p, _("must be a string (is %s)"), node_type_name (n));
      return NULL;
    }
  return json_node_get_string (n);
}

static GStrv
get_string_array (Loader     *ld,
                  JsonObject *o,
                  const char *member,
                  const char *path)
{
  JsonNode *n = json_object_get_member (o, member);
  g_autofree char *p = g_strdup_printf ("%s%s%s", path, *path ? "." : "", member);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  JsonArray *a;

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return g_strv_builder_end (b);
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      problem (ld, p, _("must be an array of strings (is %s)"), node_type_name (n));
      return g_strv_builder_end (b);
    }
  a = json_node_get_array (n);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);

      if (!is_string (e))
        problem (ld, p, _("element %u must be a string (is %s)"), i, node_type_name (e));
      else
        g_strv_builder_add (b, json_node_get_string (e));
    }
  return g_strv_builder_end (b);
}

static JsonObject *
get_object (Loader     *ld,
            JsonObject *o,
            const char *member,
            const char *path)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (n))
    {
      g_autofree char *p = g_strdup_printf ("%s%s%s", path, *path ? "." : "", member);
      problem (ld, p, _("must be an object (is %s)"), node_type_name (n));
      return NULL;
    }
  return json_node_get_object (n);
}

static JsonArray *
get_array (Loader     *ld,
           JsonObject *o,
           const char *member)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (n))
    {
      problem (ld, member, _("must be an array (is %s)"), node_type_name (n));
      return NULL;
    }
  return json_node_get_array (n);
}

/* Members of @o not named in @known, for keeping on save. */
static JsonObject *
collect_extra (JsonObject         *o,
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
param_value_from_json (Loader               *ld,
                       const NinesParamSpec *spec,
                       JsonNode             *n,
                       const char           *path)
{
  switch (spec->type)
    {
    case NINES_PARAM_INT:
      if (is_number (n) && json_node_get_value_type (n) == G_TYPE_INT64)
        return g_variant_new_int64 (json_node_get_int (n));
      if (is_number (n))
        problem (ld, path, _("must be a whole number (is %g)"), json_node_get_double (n));
      else
        problem (ld, path, _("must be a whole number (is %s)"), node_type_name (n));
      return NULL;

    case NINES_PARAM_NUMBER:
      if (is_number (n))
        return g_variant_new_double (json_node_get_double (n));
      problem (ld, path, _("must be a number (is %s)"), node_type_name (n));
      return NULL;

    case NINES_PARAM_BOOL:
      if (n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_BOOLEAN)
        return g_variant_new_boolean (json_node_get_boolean (n));
      problem (ld, path, _("must be true or false (is %s)"), node_type_name (n));
      return NULL;

    case NINES_PARAM_ENUM:
    case NINES_PARAM_STRING:
    default:
      if (is_string (n))
        return g_variant_new_string (json_node_get_string (n));
      problem (ld, path, _("must be a string (is %s)"), node_type_name (n));
      return NULL;
    }
}

static const char * const component_fields[] = { "id", "kind", "name", "region", "azs", NULL };

static void
load_components (Loader        *ld,
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
          problem (ld, path, _("must be an object (is %s)"), node_type_name (n));
          continue;
        }
      o = json_node_get_object (n);
      id = get_string (ld, o, "id", path, TRUE);
      kind_id = get_string (ld, o, "kind", path, TRUE);
      region = get_string (ld, o, "region", path, FALSE);
      name = get_string (ld, o, "name", path, FALSE);
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
    }
}

static void
load_regions (Loader        *ld,
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
          problem (ld, path, _("must be an object (is %s)"), node_type_name (n));
          continue;
        }
      code = get_string (ld, json_node_get_object (n), "code", path, TRUE);
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
    }
}

static void
load_links (Loader        *ld,
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
          problem (ld, path, _("must be an object (is %s)"), node_type_name (n));
          continue;
        }
      o = json_node_get_object (n);
      from = get_string (ld, o, "from", path, TRUE);
      to = get_string (ld, o, "to", path, TRUE);
      kind_str = get_string (ld, o, "kind", path, FALSE);
      if (kind_str != NULL && !nines_link_kind_from_string (kind_str, &kind))
        problem (ld, path, _("kind must be \"traffic\" or \"data\" (is \"%s\")"), kind_str);
      if (from == NULL || to == NULL)
        continue;
      link = nines_link_new (from, to, kind);
      extra = collect_extra (o, fields, NULL);
      _nines_link_set_extra (link, extra);
      nines_document_add_link (doc, link);
    }
}

static void
load_dr (Loader        *ld,
         NinesDocument *doc,
         JsonObject    *root)
{
  static const char * const fields[] = { "pattern", "primary_region", "recovery_region", "knobs", NULL };
  JsonObject *o = get_object (ld, root, "dr", "");
  JsonObject *knobs;
  NinesDrPattern pattern = NINES_DR_PATTERN_NONE;
  const char *s;
  g_autoptr(JsonObject) extra = NULL;

  if (o == NULL)
    return;
  s = get_string (ld, o, "pattern", "dr", FALSE);
  if (s != NULL && !nines_dr_pattern_from_string (s, &pattern))
    problem (ld, "dr.pattern", _("must be one of none, backup-restore, pilot-light, "
                                 "warm-standby, multi-site (is \"%s\")"), s);
  nines_document_set_dr (doc, pattern, get_string (ld, o, "recovery_region", "dr", FALSE));
  if ((s = get_string (ld, o, "primary_region", "dr", FALSE)))
    _nines_document_set_primary_region (doc, s);

  if ((knobs = get_object (ld, o, "knobs", "dr")))
    {
      g_autoptr(GList) members = json_object_get_members (knobs);

      for (GList *l = members; l; l = l->next)
        {
          const NinesParamSpec *spec = nines_catalog_lookup_knob (nines_catalog_get_default (), l->data);
          g_autofree char *path = g_strdup_printf ("dr.knobs.%s", (char *)l->data);
          GVariant *v;

          if (spec == NULL)
            {
              problem (ld, path, _("unknown knob"));
              continue;
            }
          if ((v = param_value_from_json (ld, spec, json_object_get_member (knobs, l->data), path)))
            nines_document_set_knob (doc, spec->name, v);
        }
    }
  extra = collect_extra (o, fields, NULL);
  _nines_document_set_extra (doc, "dr", extra);
}

static void
load_operations (Loader        *ld,
                 NinesDocument *doc,
                 JsonObject    *root)
{
  static const char * const fields[] = { "last_dr_test", "last_restore_test", "owners", "notes", NULL };
  JsonObject *o = get_object (ld, root, "operations", "");
  g_auto(GStrv) owners = NULL;
  g_autoptr(JsonObject) extra = NULL;

  if (o == NULL)
    return;
  owners = get_string_array (ld, o, "owners", "operations");
  _nines_document_set_operations (doc,
                                  get_string (ld, o, "last_dr_test", "operations", FALSE),
                                  get_string (ld, o, "last_restore_test", "operations", FALSE),
                                  (const char * const *)owners,
                                  get_string (ld, o, "notes", "operations", FALSE));
  extra = collect_extra (o, fields, NULL);
  _nines_document_set_extra (doc, "operations", extra);
}

static void
load_pricing (Loader        *ld,
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
      if (is_number (d))
        _nines_document_set_discount (doc, json_node_get_double (d));
      else
        problem (ld, "pricing.discount_percent", _("must be a number (is %s)"), node_type_name (d));
    }
  if (json_object_has_member (o, "overrides"))
    {
      JsonNode *n = json_object_get_member (o, "overrides");

      if (JSON_NODE_HOLDS_ARRAY (n))
        a = json_node_get_array (n);
      else
        problem (ld, "pricing.overrides", _("must be an array (is %s)"), node_type_name (n));
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
          problem (ld, path, _("must be an object (is %s)"), node_type_name (n));
          continue;
        }
      e = json_node_get_object (n);
      ov.service = (char *) get_string (ld, e, "service", path, TRUE);
      ov.region = (char *) get_string (ld, e, "region", path, FALSE);
      ov.usage = (char *) get_string (ld, e, "usage", path, TRUE);
      ov.note = (char *) get_string (ld, e, "note", path, FALSE);
      usd = json_object_get_member (e, "usd");
      if (!is_number (usd))
        {
          problem (ld, path, _("usd must be a number (is %s)"), node_type_name (usd));
          continue;
        }
      ov.usd = json_node_get_double (usd);
      if (ov.service == NULL || ov.usage == NULL)
        continue;
      if (ov.usd < 0)
        {
          problem (ld, path, _("usd must not be negative (is %g)"), ov.usd);
          continue;
        }
      _nines_price_override_free (_nines_document_replace_override (doc, &ov));
    }
  extra = collect_extra (o, fields, NULL);
  _nines_document_set_extra (doc, "pricing", extra);
}

static void
load_layout (Loader        *ld,
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

      if (a == NULL || json_array_get_length (a) != 2 ||
          !is_number (json_array_get_element (a, 0)) || !is_number (json_array_get_element (a, 1)))
        {
          problem (ld, path, _("must be a position [x, y]"));
          continue;
        }
      p.x = json_array_get_double_element (a, 0);
      p.y = json_array_get_double_element (a, 1);
      if (!(p.x > -1e7 && p.x < 1e7 && p.y > -1e7 && p.y < 1e7))
        {
          problem (ld, path, _("position is out of range (%g, %g)"), p.x, p.y);
          continue;
        }
      nines_document_set_position (doc, l->data, &p);
    }
}

gboolean
nines_document_migrate_step (JsonObject  *root,
                             gint64       from_version,
                             GError     **error)
{
  g_return_val_if_fail (root != NULL, FALSE);

  switch (from_version)
    {
    case 0:
      /* Format 0 (the 2026 prototype) called the version "version", the name "title" and
       * the components "services", and kept the DR choice at the top level. */
      {
        JsonObject *dr = json_object_new ();

        if (json_object_has_member (root, "title"))
          {
            json_object_set_member (root, "name", json_node_copy (json_object_get_member (root, "title")));
            json_object_remove_member (root, "title");
          }
        if (json_object_has_member (root, "services"))
          {
            json_object_set_member (root, "components", json_node_copy (json_object_get_member (root, "services")));
            json_object_remove_member (root, "services");
          }
        if (json_object_has_member (root, "pattern"))
          {
            json_object_set_member (dr, "pattern", json_node_copy (json_object_get_member (root, "pattern")));
            json_object_remove_member (root, "pattern");
          }
        if (json_object_has_member (root, "recovery_region"))
          {
            json_object_set_member (dr, "recovery_region",
                                    json_node_copy (json_object_get_member (root, "recovery_region")));
            json_object_remove_member (root, "recovery_region");
          }
        if (!json_object_has_member (root, "dr"))
          json_object_set_object_member (root, "dr", dr);
        else
          json_object_unref (dr);
        json_object_remove_member (root, "version");
        json_object_set_int_member (root, "format", 1);
      }
      return TRUE;

    default:
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("no migration from format %" G_GINT64_FORMAT), from_version);
      return FALSE;
    }
}

/* Nesting depth of JSON text, outside strings; stops counting past the limit. */
static gboolean
check_depth (const char *data,
             gsize       len,
             gsize      *where)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              *where = i;
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/* json-glib turns a lone UTF-16 surrogate escape ("\\ud800") into bytes that are not
 * UTF-8; such a string would be saved into a file the loader then refuses (found by
 * tests/fuzz/fuzz-document). Returns the first offending string or key, or NULL. Depth is
 * bounded by check_depth(). */
static const char *
find_invalid_string (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (node);
      return s != NULL && !g_utf8_validate (s, -1, NULL) ? s : NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          const char *bad = find_invalid_string (json_array_get_element (a, i));
          if (bad != NULL)
            return bad;
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (o);

      for (GList *l = members; l; l = l->next)
        {
          const char *bad = g_utf8_validate (l->data, -1, NULL) ? NULL : l->data;

          if (bad == NULL)
            bad = find_invalid_string (json_object_get_member (o, l->data));
          if (bad != NULL)
            return bad;
        }
    }
  return NULL;
}

static const char * const top_fields[] = {
  "format", "name", "uuid", "regions", "components", "links", "dr", "operations", "pricing",
  "layout", NULL
};

static NinesDocument *
load_root (JsonObject  *root,
           const char  *display_name,
           GError     **error)
{
  g_autoptr(NinesDocument) doc = nines_document_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) members = NULL;
  Loader ld = { problems };
  JsonNode *fmt = json_object_get_member (root, "format");
  gint64 format;
  const char *s;

  if (fmt == NULL && json_object_has_member (root, "version"))
    fmt = json_object_get_member (root, "version");
  if (fmt == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: format: is missing; this is not a Nines document"), display_name);
      return NULL;
    }
  if (!is_number (fmt) || json_node_get_value_type (fmt) != G_TYPE_INT64 || json_node_get_int (fmt) < 0)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: format: must be a whole number (is %s)"), display_name,
                   node_type_name (fmt));
      return NULL;
    }
  format = json_node_get_int (fmt);
  if (format > NINES_DOCUMENT_FORMAT)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NEWER_FORMAT,
                   _("%s: format: this file was written by a newer Nines (format %" G_GINT64_FORMAT
                     "; this version reads up to %d). Update Nines to open it."),
                   display_name, format, NINES_DOCUMENT_FORMAT);
      return NULL;
    }
  for (; format < NINES_DOCUMENT_FORMAT; format++)
    if (!nines_document_migrate_step (root, format, error))
      {
        g_prefix_error (error, "%s: ", display_name);
        return NULL;
      }

  if ((s = get_string (&ld, root, "name", "", FALSE)))
    nines_document_set_name (doc, s);
  if ((s = get_string (&ld, root, "uuid", "", FALSE)))
    _nines_document_set_uuid (doc, s);
  load_regions (&ld, doc, root);
  load_components (&ld, doc, root);
  load_links (&ld, doc, root);
  load_dr (&ld, doc, root);
  load_operations (&ld, doc, root);
  load_pricing (&ld, doc, root);
  load_layout (&ld, doc, root);

  members = json_object_get_members (root);
  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (top_fields, l->data))
      nines_document_set_section (doc, l->data, json_object_get_member (root, l->data));

  nines_document_check (doc, problems);

  if (problems->len > 0)
    {
      g_autoptr(GString) msg = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (msg, "%s%s: %s", i ? "\n" : "", display_name,
                                (char *) g_ptr_array_index (problems, i));
      g_set_error_literal (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID, msg->str);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

NinesDocument *
nines_document_load_from_data (const char  *data,
                               gssize       length,
                               const char  *display_name,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *bad_utf8 = NULL;
  gsize len, where = 0;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  len = length < 0 ? strlen (data) : (gsize) length;
  if (display_name == NULL)
    display_name = "document";

  if (len == 0)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }
  if (!g_utf8_validate (data, len, &bad_utf8))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   _("%s: byte %" G_GSIZE_FORMAT ": the file is not valid UTF-8 text"),
                   display_name, (gsize) (bad_utf8 - data));
      return NULL;
    }
  if (!check_depth (data, len, &where))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   _("%s: byte %" G_GSIZE_FORMAT ": nesting deeper than %d levels"),
                   display_name, where, MAX_DEPTH);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   _("%s: not valid JSON: %s"), display_name, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: the top level must be a JSON object (is %s)"), display_name,
                   node_type_name (root));
      return NULL;
    }
  if (find_invalid_string (root) != NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   _("%s: a string holds a \\u escape that is not a Unicode character "
                     "(a lone UTF-16 surrogate)"), display_name);
      return NULL;
    }
  return load_root (json_node_get_object (root), display_name, error);
}

NinesDocument *
nines_document_load_from_file (const char  *path,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO,
                   "%s", local_error->message);
      return NULL;
    }
  if (g_mapped_file_get_length (mapped) > MAX_FILE_SIZE)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   _("%s: the file is larger than %d MB; it is not a Nines document"),
                   path, MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (g_mapped_file_get_length (mapped) == 0)
    return nines_document_load_from_data ("", 0, path, error);
  return nines_document_load_from_data (g_mapped_file_get_contents (mapped),
                                        g_mapped_file_get_length (mapped), path, error);
}

NinesDocument *
nines_document_load_example (const char  *name,
                             GError     **error)
{
  g_autofree char *path = g_strdup_printf ("/io/github/ninesdr/Nines/data/examples/%s.nines", name);
  g_autofree char *display = g_strdup_printf ("%s.nines", name);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (nines_data_get_resource (), path, 0, NULL);

  if (bytes == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NOT_FOUND,
                   _("no bundled example named \"%s\""), name);
      return NULL;
    }
  return nines_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        display, error);
}

/* Writing */

static void
add_extra (JsonObject *o,
           JsonObject *extra)
{
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;
  members = json_object_get_members (extra);
  for (GList *l = members; l; l = l->next)
    if (!json_object_has_member (o, l->data))
      json_object_set_member (o, l->data, json_node_copy (json_object_get_member (extra, l->data)));
}

static JsonNode *
variant_to_node (GVariant *v)
{
  JsonNode *n = json_node_alloc ();

  if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    json_node_init_int (n, g_variant_get_int64 (v));
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
    json_node_init_double (n, g_variant_get_double (v));
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_BOOLEAN))
    json_node_init_boolean (n, g_variant_get_boolean (v));
  else
    json_node_init_string (n, g_variant_get_string (v, NULL));
  return n;
}

static JsonArray *
strv_to_array (const char * const *strv)
{
  JsonArray *a = json_array_new ();

  for (guint i = 0; strv && strv[i]; i++)
    json_array_add_string_element (a, strv[i]);
  return a;
}

static void
set_optional_string (JsonObject *o,
                     const char *name,
                     const char *value)
{
  if (value != NULL)
    json_object_set_string_member (o, name, value);
}

static JsonObject *
component_to_object (NinesComponent *c)
{
  JsonObject *o = json_object_new ();
  const NinesKindInfo *kind = nines_component_get_kind_info (c);

  json_object_set_string_member (o, "id", nines_component_get_id (c));
  json_object_set_string_member (o, "kind", nines_component_get_kind (c));
  set_optional_string (o, "name", nines_component_get_name (c));
  set_optional_string (o, "region", nines_component_get_region (c));
  if (nines_component_get_n_azs (c) > 0)
    json_object_set_array_member (o, "azs", strv_to_array (nines_component_get_azs (c)));
  /* Parameters in the catalog's order, so files diff well. */
  for (guint i = 0; kind && i < kind->params->len; i++)
    {
      const NinesParamSpec *spec = g_ptr_array_index (kind->params, i);
      GVariant *v = nines_component_get_explicit_param (c, spec->name);

      if (v != NULL)
        json_object_set_member (o, spec->name, variant_to_node (v));
    }
  add_extra (o, _nines_component_get_extra (c));
  return o;
}

char *
nines_document_to_data (NinesDocument *self,
                        gsize         *length)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  g_autoptr(JsonNode) root_node = json_node_new (JSON_NODE_OBJECT);
  JsonObject *root = json_object_new ();
  JsonArray *regions = json_array_new ();
  JsonArray *components = json_array_new ();
  JsonArray *links = json_array_new ();
  JsonObject *dr = json_object_new ();
  JsonObject *knobs = json_object_new ();
  JsonObject *ops = json_object_new ();
  JsonObject *pricing = json_object_new ();
  JsonArray *overrides = json_array_new ();
  JsonObject *layout = json_object_new ();
  g_autoptr(GPtrArray) layout_keys = NULL;
  g_autoptr(GPtrArray) sections = NULL;
  GListModel *model;
  GString *out;

  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);

  json_object_set_int_member (root, "format", NINES_DOCUMENT_FORMAT);
  json_object_set_string_member (root, "name", nines_document_get_name (self));
  json_object_set_string_member (root, "uuid", nines_document_get_uuid (self));

  model = nines_document_get_regions (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NinesRegion) r = g_list_model_get_item (model, i);
      g_autofree char *path = g_strdup_printf ("regions.%s", nines_region_get_code (r));
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "code", nines_region_get_code (r));
      json_object_set_array_member (o, "azs", strv_to_array (nines_region_get_azs (r)));
      add_extra (o, _nines_document_get_extra (self, path));
      json_array_add_object_element (regions, o);
    }
  json_object_set_array_member (root, "regions", regions);

  for (guint i = 0; i < nines_document_get_n_components (self); i++)
    json_array_add_object_element (components,
                                   component_to_object (nines_document_get_component (self, i)));
  json_object_set_array_member (root, "components", components);

  model = nines_document_get_links (self);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NinesLink) l = g_list_model_get_item (model, i);
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "from", nines_link_get_from (l));
      json_object_set_string_member (o, "to", nines_link_get_to (l));
      json_object_set_string_member (o, "kind", nines_link_kind_to_string (nines_link_get_kind (l)));
      add_extra (o, _nines_link_get_extra (l));
      json_array_add_object_element (links, o);
    }
  json_object_set_array_member (root, "links", links);

  json_object_set_string_member (dr, "pattern",
                                 nines_dr_pattern_to_string (nines_document_get_dr_pattern (self)));
  set_optional_string (dr, "primary_region", nines_document_get_primary_region (self));
  set_optional_string (dr, "recovery_region", nines_document_get_recovery_region (self));
  for (guint i = 0; i < nines_catalog_get_n_knobs (catalog); i++)
    {
      const NinesParamSpec *spec = nines_catalog_get_knob (catalog, i);
      GVariant *v = nines_document_get_explicit_knob (self, spec->name);

      if (v != NULL)
        json_object_set_member (knobs, spec->name, variant_to_node (v));
    }
  json_object_set_object_member (dr, "knobs", knobs);
  add_extra (dr, _nines_document_get_extra (self, "dr"));
  json_object_set_object_member (root, "dr", dr);

  set_optional_string (ops, "last_dr_test", nines_document_get_last_dr_test (self));
  set_optional_string (ops, "last_restore_test", nines_document_get_last_restore_test (self));
  json_object_set_array_member (ops, "owners", strv_to_array (nines_document_get_owners (self)));
  set_optional_string (ops, "notes", nines_document_get_notes (self));
  add_extra (ops, _nines_document_get_extra (self, "operations"));
  json_object_set_object_member (root, "operations", ops);

  json_object_set_double_member (pricing, "discount_percent",
                                 nines_document_get_discount_percent (self));
  for (guint i = 0; i < nines_document_get_n_price_overrides (self); i++)
    {
      const NinesPriceOverride *ov = nines_document_get_price_override (self, i);
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "service", ov->service);
      set_optional_string (o, "region", ov->region);
      json_object_set_string_member (o, "usage", ov->usage);
      json_object_set_double_member (o, "usd", ov->usd);
      set_optional_string (o, "note", ov->note);
      json_array_add_object_element (overrides, o);
    }
  json_object_set_array_member (pricing, "overrides", overrides);
  add_extra (pricing, _nines_document_get_extra (self, "pricing"));
  json_object_set_object_member (root, "pricing", pricing);

  layout_keys = _nines_document_get_layout_keys (self);
  for (guint i = 0; i < layout_keys->len; i++)
    {
      const char *key = g_ptr_array_index (layout_keys, i);
      JsonArray *xy = json_array_new ();
      NinesPoint p;

      nines_document_get_position (self, key, &p);
      json_array_add_double_element (xy, p.x);
      json_array_add_double_element (xy, p.y);
      json_object_set_array_member (layout, key, xy);
    }
  json_object_set_object_member (root, "layout", layout);

  sections = _nines_document_get_section_names (self);
  for (guint i = 0; i < sections->len; i++)
    {
      const char *name = g_ptr_array_index (sections, i);
      json_object_set_member (root, name, json_node_copy (nines_document_get_section (self, name)));
    }

  json_node_take_object (root_node, root);
  out = g_string_new (NULL);
  nines_json_write (out, root_node);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
nines_document_save_to_file (NinesDocument  *self,
                             const char     *path,
                             GError        **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  g_return_val_if_fail (NINES_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  data = nines_document_to_data (self, &len);
  /* CONSISTENT writes a temporary file and renames it over @path; DURABLE fsyncs it
   * first, so after a crash either the old or the new file is there, whole. */
  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO,
                   _("Could not save %s: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
