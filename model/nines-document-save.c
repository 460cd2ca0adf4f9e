/* nines-document-save.c: writing .nines files: deterministic text, atomic save */
#define G_LOG_DOMAIN "nines-document-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nines-json-writer.h"
#include "nines-model-private.h"

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

/* One link per line: a design's diff then shows each link added or removed. */
static const char * const one_line_arrays[] = { "links", NULL };

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

      g_autofree char *key = _nines_price_override_extra_key (ov);

      json_object_set_string_member (o, "service", ov->service);
      set_optional_string (o, "region", ov->region);
      json_object_set_string_member (o, "usage", ov->usage);
      json_object_set_double_member (o, "usd", ov->usd);
      set_optional_string (o, "note", ov->note);
      add_extra (o, _nines_document_get_extra (self, key));
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
  nines_json_write_compact (out, root_node, one_line_arrays);
  if (length)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/* The file a save should replace: @path, or what its symbolic links lead to, so that a
 * design kept behind a link stays behind it. */
static char *
resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  /* As many levels as the kernel follows. */
  for (guint i = 0; i < 40 && g_file_test (current, G_FILE_TEST_IS_SYMLINK); i++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        break;
      if (g_path_is_absolute (target))
        {
          g_free (current);
          current = g_steal_pointer (&target);
          continue;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, target, NULL);
    }
  return g_steal_pointer (&current);
}

gboolean
nines_document_save_to_file (NinesDocument  *self,
                             const char     *path,
                             GError        **error)
{
  g_autofree char *data = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) local_error = NULL;
  /* A new file gets the usual 0666 less the umask; a saved-over one keeps its mode, so a
   * design its owner made private stays private. */
  int mode = 0666;
  GStatBuf st;
  gsize len;

  g_return_val_if_fail (NINES_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  target = resolve_links (path);
  if (g_stat (target, &st) == 0)
    mode = st.st_mode & 07777;
  data = nines_document_to_data (self, &len);
  /* CONSISTENT writes a temporary file and renames it over @path; DURABLE fsyncs it
   * first, so after a crash either the old or the new file is there, whole. */
  if (!g_file_set_contents_full (target, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 mode, &local_error))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO,
                   _("Could not save %s: %s"), path, local_error->message);
      return FALSE;
    }
  /* The umask took bits off the mode the file had (a group-writable design): put them
   * back. The contents are safe by now; only the mode is at stake. */
  if (mode != 0666)
    g_chmod (target, mode);
  return TRUE;
}
