#define G_LOG_DOMAIN "nines-document"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-model-private.h"

struct _NinesDocument
{
  GObject          parent_instance;

  char            *name;
  char            *uuid;

  GListStore      *regions;       /* of NinesRegion */
  GListStore      *components;    /* of NinesComponent */
  /* The same, with references: read by index per component per recompute, and shared
   * with the deployments made from it (one reference, not one per component); copied
   * before a change while shared. */
  GPtrArray       *component_array;
  gboolean         component_array_shared;
  GHashTable      *components_by_id;
  GListStore      *links;         /* of NinesLink */

  NinesDrPattern   pattern;
  char            *primary_region;   /* NULL: the first region */
  char            *recovery_region;
  GHashTable      *knobs;            /* name -> GVariant, explicit only */

  char            *last_dr_test;
  char            *last_restore_test;
  GStrv            owners;
  char            *notes;

  double           discount_percent;
  GPtrArray       *overrides;        /* of NinesPriceOverride */

  GHashTable      *layout;           /* key -> NinesPoint */
  GHashTable      *extras;           /* path -> JsonObject of unknown members */
  JsonObject      *sections;         /* unknown top-level members, in file order */

  /* What the patterns and the cost made of each component (nines-deploy-cache.c). */
  NinesDocumentCaches *caches;
};

G_DEFINE_FINAL_TYPE (NinesDocument, nines_document, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
nines_document_finalize (GObject *object)
{
  NinesDocument *self = (NinesDocument *)object;

  g_free (self->name);
  g_free (self->uuid);
  g_clear_object (&self->regions);
  g_clear_object (&self->components);
  g_ptr_array_unref (self->component_array);
  g_hash_table_unref (self->components_by_id);
  g_clear_object (&self->links);
  g_free (self->primary_region);
  g_free (self->recovery_region);
  g_hash_table_unref (self->knobs);
  g_free (self->last_dr_test);
  g_free (self->last_restore_test);
  g_strfreev (self->owners);
  g_free (self->notes);
  g_ptr_array_unref (self->overrides);
  g_hash_table_unref (self->layout);
  g_hash_table_unref (self->extras);
  json_object_unref (self->sections);
  _nines_document_caches_free (self->caches);

  G_OBJECT_CLASS (nines_document_parent_class)->finalize (object);
}

static void
nines_document_class_init (NinesDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nines_document_finalize;

  /**
   * NinesDocument::changed:
   *
   * Emitted after every edit, once the document is consistent again.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nines_document_init (NinesDocument *self)
{
  self->regions = g_list_store_new (NINES_TYPE_REGION);
  self->components = g_list_store_new (NINES_TYPE_COMPONENT);
  self->component_array = g_ptr_array_new_with_free_func (g_object_unref);
  self->components_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->links = g_list_store_new (NINES_TYPE_LINK);
  self->knobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_variant_unref);
  self->owners = g_new0 (char *, 1);
  self->overrides = g_ptr_array_new_with_free_func ((GDestroyNotify) _nines_price_override_free);
  self->layout = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->extras = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) json_object_unref);
  self->sections = json_object_new ();
  self->uuid = g_uuid_string_random ();
  self->name = g_strdup (_("Untitled design"));
}

NinesDocumentCaches *
_nines_document_get_caches (NinesDocument *self)
{
  NinesDocumentCaches *caches = g_atomic_pointer_get (&self->caches);

  if (caches == NULL)
    {
      NinesDocumentCaches *fresh = _nines_document_caches_new ();

      /* Two threads may both make them: one keeps its own. */
      if (g_atomic_pointer_compare_and_exchange (&self->caches, NULL, fresh))
        caches = fresh;
      else
        {
          _nines_document_caches_free (fresh);
          caches = g_atomic_pointer_get (&self->caches);
        }
    }
  return caches;
}

NinesDocument *
nines_document_new (void)
{
  return g_object_new (NINES_TYPE_DOCUMENT, NULL);
}

NinesDocument *
nines_document_copy (NinesDocument *self)
{
  g_autofree char *data = NULL;
  gsize len;

  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  /* The file format is the one complete description of a document. */
  data = nines_document_to_data (self, &len);
  return _nines_document_load_unchecked (data, len);
}

void
_nines_document_emit_changed (NinesDocument *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

const char *
nines_document_get_name (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return self->name;
}

void
nines_document_set_name (NinesDocument *self,
                         const char    *name)
{
  g_return_if_fail (NINES_IS_DOCUMENT (self));
  g_return_if_fail (name != NULL);
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  _nines_document_emit_changed (self);
}

const char *
nines_document_get_uuid (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return self->uuid;
}

void
_nines_document_set_uuid (NinesDocument *self,
                          const char    *uuid)
{
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
}

/* Regions */

GListModel *
nines_document_get_regions (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->regions);
}

gboolean
_nines_document_find_region (NinesDocument *self,
                             const char    *code,
                             guint         *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->regions));

  for (guint i = 0; code != NULL && i < n; i++)
    {
      g_autoptr(NinesRegion) r = g_list_model_get_item (G_LIST_MODEL (self->regions), i);

      if (g_str_equal (nines_region_get_code (r), code))
        {
          if (position)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

NinesRegion *
nines_document_lookup_region (NinesDocument *self,
                              const char    *code)
{
  guint pos;
  NinesRegion *r;

  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  if (!_nines_document_find_region (self, code, &pos))
    return NULL;
  r = g_list_model_get_item (G_LIST_MODEL (self->regions), pos);
  g_object_unref (r);  /* the store holds a reference */
  return r;
}

void
_nines_document_insert_region (NinesDocument *self,
                               guint          position,
                               NinesRegion   *region)
{
  g_list_store_insert (self->regions, position, region);
  _nines_document_emit_changed (self);
}

void
_nines_document_remove_region (NinesDocument *self,
                               guint          position)
{
  g_list_store_remove (self->regions, position);
  _nines_document_emit_changed (self);
}

void
nines_document_add_region (NinesDocument *self,
                           NinesRegion   *region)
{
  g_return_if_fail (NINES_IS_DOCUMENT (self));
  g_return_if_fail (NINES_IS_REGION (region));
  _nines_document_insert_region (self, g_list_model_get_n_items (G_LIST_MODEL (self->regions)),
                                 region);
}

/* Components */

GListModel *
nines_document_get_components (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->components);
}

guint
nines_document_get_n_components (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), 0);
  return self->component_array->len;
}

NinesComponent *
nines_document_get_component (NinesDocument *self,
                              guint          i)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return i < self->component_array->len ? g_ptr_array_index (self->component_array, i) : NULL;
}

NinesComponent *
nines_document_lookup_component (NinesDocument *self,
                                 const char    *id)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return id ? g_hash_table_lookup (self->components_by_id, id) : NULL;
}

gboolean
nines_document_find_component (NinesDocument *self,
                               const char    *id,
                               guint         *position)
{
  NinesComponent *c;

  g_return_val_if_fail (NINES_IS_DOCUMENT (self), FALSE);
  if (!(c = nines_document_lookup_component (self, id)))
    return FALSE;
  return g_ptr_array_find (self->component_array, c, position);
}

char *
nines_document_make_component_id (NinesDocument *self,
                                  const char    *kind)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  for (guint i = 1; ; i++)
    {
      char *id = i == 1 ? g_strdup (kind) : g_strdup_printf ("%s-%u", kind, i);

      if (!g_hash_table_contains (self->components_by_id, id))
        return id;
      g_free (id);
    }
}

/* The components, in order, as they are now, with a reference on each: a deployment keeps
 * them alive with one reference of its own. (transfer full) */
GPtrArray *
_nines_document_share_components (NinesDocument *self)
{
  self->component_array_shared = TRUE;
  return g_ptr_array_ref (self->component_array);
}

static void
unshare_components (NinesDocument *self)
{
  GPtrArray *shared = self->component_array;

  if (!self->component_array_shared)
    return;
  self->component_array = g_ptr_array_copy (shared, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_ptr_array_set_free_func (self->component_array, g_object_unref);
  g_ptr_array_unref (shared);
  self->component_array_shared = FALSE;
}

static void
on_component_changed (NinesDocument *self)
{
  _nines_document_emit_changed (self);
}

void
_nines_document_insert_component (NinesDocument  *self,
                                  guint           position,
                                  NinesComponent *component)
{
  /* Loaders keep duplicates out of the index and report them; the first one wins. */
  if (!g_hash_table_contains (self->components_by_id, nines_component_get_id (component)))
    g_hash_table_insert (self->components_by_id, (char *) nines_component_get_id (component),
                         component);
  g_signal_connect_object (component, "changed", G_CALLBACK (on_component_changed), self,
                           G_CONNECT_SWAPPED);
  unshare_components (self);
  g_ptr_array_insert (self->component_array, (int) position, g_object_ref (component));
  g_list_store_insert (self->components, position, component);
  _nines_document_emit_changed (self);
}

void
_nines_document_remove_component (NinesDocument *self,
                                  guint          position)
{
  g_autoptr(NinesComponent) c = g_list_model_get_item (G_LIST_MODEL (self->components), position);
  const char *id = nines_component_get_id (c);

  if (g_hash_table_lookup (self->components_by_id, id) == c)
    g_hash_table_remove (self->components_by_id, id);
  g_signal_handlers_disconnect_by_func (c, on_component_changed, self);
  unshare_components (self);
  g_ptr_array_remove_index (self->component_array, position);
  g_list_store_remove (self->components, position);
  _nines_document_emit_changed (self);
}

void
nines_document_add_component (NinesDocument  *self,
                              NinesComponent *component)
{
  g_return_if_fail (NINES_IS_DOCUMENT (self));
  g_return_if_fail (NINES_IS_COMPONENT (component));
  _nines_document_insert_component (self, nines_document_get_n_components (self), component);
}

/* Links */

GListModel *
nines_document_get_links (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->links);
}

void
_nines_document_insert_link (NinesDocument *self,
                             guint          position,
                             NinesLink     *link)
{
  g_list_store_insert (self->links, position, link);
  _nines_document_emit_changed (self);
}

void
_nines_document_remove_link (NinesDocument *self,
                             guint          position)
{
  g_list_store_remove (self->links, position);
  _nines_document_emit_changed (self);
}

void
nines_document_add_link (NinesDocument *self,
                         NinesLink     *link)
{
  g_return_if_fail (NINES_IS_DOCUMENT (self));
  g_return_if_fail (NINES_IS_LINK (link));
  _nines_document_insert_link (self, g_list_model_get_n_items (G_LIST_MODEL (self->links)), link);
}

/* DR */

NinesDrPattern
nines_document_get_dr_pattern (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NINES_DR_PATTERN_NONE);
  return self->pattern;
}

const char *
nines_document_get_primary_region (NinesDocument *self)
{
  g_autoptr(NinesRegion) first = NULL;

  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  if (self->primary_region != NULL)
    return self->primary_region;
  first = g_list_model_get_item (G_LIST_MODEL (self->regions), 0);
  return first ? nines_region_get_code (first) : NULL;
}

const char *
_nines_document_get_explicit_primary_region (NinesDocument *self)
{
  return self->primary_region;
}

void
_nines_document_set_primary_region (NinesDocument *self,
                                    const char    *code)
{
  g_free (self->primary_region);
  self->primary_region = g_strdup (code);
  _nines_document_emit_changed (self);
}

const char *
nines_document_get_recovery_region (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return self->recovery_region;
}

void
nines_document_set_dr (NinesDocument  *self,
                       NinesDrPattern  pattern,
                       const char     *recovery_region)
{
  g_return_if_fail (NINES_IS_DOCUMENT (self));
  self->pattern = pattern;
  if (recovery_region != self->recovery_region)
    {
      g_free (self->recovery_region);
      self->recovery_region = g_strdup (recovery_region);
    }
  _nines_document_emit_changed (self);
}

GVariant *
nines_document_get_explicit_knob (NinesDocument *self,
                                  const char    *name)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return g_hash_table_lookup (self->knobs, name);
}

GVariant *
nines_document_get_knob (NinesDocument *self,
                         const char    *name)
{
  const NinesParamSpec *spec;
  GVariant *v;

  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  if ((v = g_hash_table_lookup (self->knobs, name)))
    return v;
  spec = nines_catalog_lookup_knob (nines_catalog_get_default (), name);
  return spec ? spec->default_value : NULL;
}

double
nines_document_get_knob_double (NinesDocument *self,
                                const char    *name)
{
  GVariant *v = nines_document_get_knob (self, name);

  if (v == NULL)
    {
      g_critical ("unknown DR knob '%s'", name);
      return 0;
    }
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    return (double) g_variant_get_int64 (v);
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
    return g_variant_get_double (v);
  g_critical ("DR knob '%s' is not a number", name);
  return 0;
}

void
nines_document_set_knob (NinesDocument *self,
                         const char    *name,
                         GVariant      *value)
{
  g_return_if_fail (NINES_IS_DOCUMENT (self));
  if (value == NULL)
    g_hash_table_remove (self->knobs, name);
  else
    g_hash_table_insert (self->knobs, g_strdup (name), g_variant_ref_sink (value));
  _nines_document_emit_changed (self);
}

/* Operations */

const char *
nines_document_get_last_dr_test (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return self->last_dr_test;
}

const char *
nines_document_get_last_restore_test (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return self->last_restore_test;
}

const char * const *
nines_document_get_owners (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return (const char * const *)self->owners;
}

const char *
nines_document_get_notes (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return self->notes;
}

void
_nines_document_set_operations (NinesDocument      *self,
                                const char         *last_dr_test,
                                const char         *last_restore_test,
                                const char * const *owners,
                                const char         *notes)
{
  char *a = g_strdup (last_dr_test), *b = g_strdup (last_restore_test), *c = g_strdup (notes);
  GStrv o = owners ? g_strdupv ((char **)owners) : g_new0 (char *, 1);

  g_free (self->last_dr_test);
  g_free (self->last_restore_test);
  g_free (self->notes);
  g_strfreev (self->owners);
  self->last_dr_test = a;
  self->last_restore_test = b;
  self->notes = c;
  self->owners = o;
  _nines_document_emit_changed (self);
}

/* Pricing */

double
nines_document_get_discount_percent (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), 0);
  return self->discount_percent;
}

void
_nines_document_set_discount (NinesDocument *self,
                              double         percent)
{
  self->discount_percent = percent;
  _nines_document_emit_changed (self);
}

guint
nines_document_get_n_price_overrides (NinesDocument *self)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), 0);
  return self->overrides->len;
}

const NinesPriceOverride *
nines_document_get_price_override (NinesDocument *self,
                                   guint          i)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (i < self->overrides->len, NULL);
  return g_ptr_array_index (self->overrides, i);
}

static gboolean
override_find (NinesDocument *self,
               const char    *service,
               const char    *region,
               const char    *usage,
               guint         *position)
{
  for (guint i = 0; i < self->overrides->len; i++)
    {
      NinesPriceOverride *o = g_ptr_array_index (self->overrides, i);

      if (g_strcmp0 (o->service, service) == 0 && g_strcmp0 (o->region, region) == 0 &&
          g_strcmp0 (o->usage, usage) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

const NinesPriceOverride *
nines_document_lookup_price_override (NinesDocument *self,
                                      const char    *service,
                                      const char    *region,
                                      const char    *usage)
{
  guint i;

  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return override_find (self, service, region, usage, &i) ? g_ptr_array_index (self->overrides, i)
                                                          : NULL;
}

NinesPriceOverride *
_nines_document_replace_override (NinesDocument            *self,
                                  const NinesPriceOverride *override)
{
  NinesPriceOverride *old = NULL;
  guint i;

  if (override_find (self, override->service, override->region, override->usage, &i))
    {
      old = g_ptr_array_steal_index (self->overrides, i);
      if (override->usd >= 0)
        g_ptr_array_insert (self->overrides, i, _nines_price_override_copy (override));
    }
  else if (override->usd >= 0)
    g_ptr_array_add (self->overrides, _nines_price_override_copy (override));
  _nines_document_emit_changed (self);
  return old;
}

void
_nines_document_insert_override (NinesDocument            *self,
                                 guint                     position,
                                 const NinesPriceOverride *override)
{
  g_ptr_array_insert (self->overrides, MIN (position, self->overrides->len),
                      _nines_price_override_copy (override));
  _nines_document_emit_changed (self);
}

/* Layout */

gboolean
nines_document_get_position (NinesDocument *self,
                             const char    *key,
                             NinesPoint    *point)
{
  NinesPoint *p;

  g_return_val_if_fail (NINES_IS_DOCUMENT (self), FALSE);
  if (!(p = g_hash_table_lookup (self->layout, key)))
    return FALSE;
  *point = *p;
  return TRUE;
}

void
nines_document_set_position (NinesDocument    *self,
                             const char       *key,
                             const NinesPoint *point)
{
  g_return_if_fail (NINES_IS_DOCUMENT (self));
  g_hash_table_insert (self->layout, g_strdup (key), g_memdup2 (point, sizeof *point));
  _nines_document_emit_changed (self);
}

gboolean
_nines_document_unset_position (NinesDocument *self,
                                const char    *key)
{
  gboolean removed = g_hash_table_remove (self->layout, key);

  if (removed)
    _nines_document_emit_changed (self);
  return removed;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

GPtrArray *
_nines_document_get_layout_keys (NinesDocument *self)
{
  GPtrArray *keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->layout);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

/* Sections and extras */

JsonNode *
nines_document_get_section (NinesDocument *self,
                            const char    *name)
{
  g_return_val_if_fail (NINES_IS_DOCUMENT (self), NULL);
  return json_object_get_member (self->sections, name);
}

void
nines_document_set_section (NinesDocument *self,
                            const char    *name,
                            JsonNode      *node)
{
  g_return_if_fail (NINES_IS_DOCUMENT (self));
  if (node == NULL)
    json_object_remove_member (self->sections, name);
  else
    json_object_set_member (self->sections, name, json_node_copy (node));
  _nines_document_emit_changed (self);
}

GPtrArray *
_nines_document_get_section_names (NinesDocument *self)
{
  GPtrArray *names = g_ptr_array_new ();
  g_autoptr(GList) members = json_object_get_members (self->sections);

  for (GList *l = members; l; l = l->next)
    g_ptr_array_add (names, l->data);
  return names;
}

JsonObject *
_nines_document_get_extra (NinesDocument *self,
                           const char    *path)
{
  return g_hash_table_lookup (self->extras, path);
}

void
_nines_document_set_extra (NinesDocument *self,
                           const char    *path,
                           JsonObject    *extra)
{
  if (extra == NULL || json_object_get_size (extra) == 0)
    g_hash_table_remove (self->extras, path);
  else
    g_hash_table_insert (self->extras, g_strdup (path), json_object_ref (extra));
}

char *
_nines_one_line (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p++)
    {
      guchar c = *p;

      if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1),
                        diagonal + (g_ascii_tolower (a[i - 1]) != g_ascii_tolower (b[j - 1])));
          diagonal = above;
        }
    }
  return row[lb];
}

const char *
_nines_suggest (const char *word,
                GPtrArray  *candidates)
{
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  gsize len = strlen (word);

  /* Names this long are no typo of a catalog name; and distances cost len², bounded so. */
  if (len > 64)
    return NULL;
  for (guint i = 0; i < candidates->len; i++)
    {
      const char *c = g_ptr_array_index (candidates, i);
      guint d = edit_distance (word, c);

      if (d < best_distance)
        {
          best = c;
          best_distance = d;
        }
    }
  /* A slip of a key or two, not another word. */
  return best_distance <= MAX (1, MIN (len, strlen (best ? best : "")) / 4) ? best : NULL;
}

gboolean
_nines_is_iso_date (const char *str)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *full = NULL;

  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;
  full = g_strconcat (str, "T00:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (full, NULL);
  return dt != NULL;
}
