#define G_LOG_DOMAIN "nines-component"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nines-model-private.h"

struct _NinesComponent
{
  GObject              parent_instance;

  char                *id;
  char                *kind;
  char                *name;
  char                *region;
  GStrv                azs;
  GHashTable          *params;     /* name -> GVariant, explicit values only */
  JsonObject          *extra;      /* unknown members, kept on save */

  const NinesKindInfo *kind_info;  /* from the catalog; NULL for unknown kinds */
};

G_DEFINE_FINAL_TYPE (NinesComponent, nines_component, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
nines_component_finalize (GObject *object)
{
  NinesComponent *self = (NinesComponent *)object;

  g_free (self->id);
  g_free (self->kind);
  g_free (self->name);
  g_free (self->region);
  g_strfreev (self->azs);
  g_hash_table_unref (self->params);
  g_clear_pointer (&self->extra, json_object_unref);
  G_OBJECT_CLASS (nines_component_parent_class)->finalize (object);
}

static void
nines_component_class_init (NinesComponentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nines_component_finalize;

  /**
   * NinesComponent::changed:
   *
   * Emitted after any field or parameter of the component changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nines_component_init (NinesComponent *self)
{
  self->params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_variant_unref);
  self->azs = g_new0 (char *, 1);
}

NinesComponent *
nines_component_new (const char *id,
                     const char *kind,
                     const char *region)
{
  NinesComponent *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (NINES_TYPE_COMPONENT, NULL);
  self->id = g_strdup (id);
  self->kind = g_strdup (kind);
  self->region = g_strdup (region);
  self->kind_info = nines_catalog_lookup_kind (nines_catalog_get_default (), kind);
  return self;
}

NinesComponent *
nines_component_copy (NinesComponent *self)
{
  NinesComponent *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);

  copy = nines_component_new (self->id, self->kind, self->region);
  copy->name = g_strdup (self->name);
  nines_component_set_azs (copy, (const char * const *)self->azs);
  g_hash_table_iter_init (&iter, self->params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->params, g_strdup (key), g_variant_ref (value));
  if (self->extra != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), self->extra);
      g_autoptr(JsonNode) dup = json_node_copy (node);
      copy->extra = json_node_dup_object (dup);
    }
  return copy;
}

const char *
nines_component_get_id (NinesComponent *self)
{
  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  return self->id;
}

const char *
nines_component_get_kind (NinesComponent *self)
{
  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  return self->kind;
}

const NinesKindInfo *
nines_component_get_kind_info (NinesComponent *self)
{
  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  return self->kind_info;
}

const char *
nines_component_get_name (NinesComponent *self)
{
  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  return self->name;
}

const char *
nines_component_get_display_name (NinesComponent *self)
{
  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  if (self->name != NULL && self->name[0] != '\0')
    return self->name;
  return self->kind_info ? self->kind_info->label : self->kind;
}

const char *
nines_component_get_region (NinesComponent *self)
{
  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  return self->region;
}

const char * const *
nines_component_get_azs (NinesComponent *self)
{
  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  return (const char * const *)self->azs;
}

guint
nines_component_get_n_azs (NinesComponent *self)
{
  g_return_val_if_fail (NINES_IS_COMPONENT (self), 0);
  return g_strv_length (self->azs);
}

GVariant *
nines_component_get_explicit_param (NinesComponent *self,
                                    const char     *name)
{
  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  return g_hash_table_lookup (self->params, name);
}

GVariant *
nines_component_get_param (NinesComponent *self,
                           const char     *name)
{
  const NinesParamSpec *spec;
  GVariant *v;

  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);

  if ((v = g_hash_table_lookup (self->params, name)))
    return v;
  if (self->kind_info && (spec = nines_kind_info_lookup_param (self->kind_info, name)))
    return spec->default_value;
  return NULL;
}

static GVariant *
get_typed (NinesComponent     *self,
           const char         *name,
           const GVariantType *type)
{
  GVariant *v = nines_component_get_param (self, name);

  if (v == NULL || !g_variant_is_of_type (v, type))
    {
      g_critical ("component %s (%s) has no %s parameter '%s'",
                  self->id, self->kind, g_variant_type_peek_string (type), name);
      return NULL;
    }
  return v;
}

gint64
nines_component_get_int (NinesComponent *self,
                         const char     *name)
{
  GVariant *v = get_typed (self, name, G_VARIANT_TYPE_INT64);
  return v ? g_variant_get_int64 (v) : 0;
}

double
nines_component_get_double (NinesComponent *self,
                            const char     *name)
{
  GVariant *v = nines_component_get_param (self, name);

  /* Integers read as numbers too: the cost engine multiplies them. */
  if (v != NULL && g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    return (double) g_variant_get_int64 (v);
  v = get_typed (self, name, G_VARIANT_TYPE_DOUBLE);
  return v ? g_variant_get_double (v) : 0.0;
}

gboolean
nines_component_get_bool (NinesComponent *self,
                          const char     *name)
{
  GVariant *v = get_typed (self, name, G_VARIANT_TYPE_BOOLEAN);
  return v ? g_variant_get_boolean (v) : FALSE;
}

const char *
nines_component_get_string (NinesComponent *self,
                            const char     *name)
{
  GVariant *v = get_typed (self, name, G_VARIANT_TYPE_STRING);
  return v ? g_variant_get_string (v, NULL) : "";
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *)a, *(char * const *)b);
}

GStrv
nines_component_list_explicit_params (NinesComponent *self)
{
  g_autofree const char **keys = NULL;
  GStrv out;
  guint n;

  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  keys = (const char **) g_hash_table_get_keys_as_array (self->params, &n);
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = g_strdup (keys[i]);
  qsort (out, n, sizeof (char *), compare_strings);
  return out;
}

void
nines_component_set_name (NinesComponent *self,
                          const char     *name)
{
  g_return_if_fail (NINES_IS_COMPONENT (self));
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = (name && *name) ? g_strdup (name) : NULL;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
nines_component_set_azs (NinesComponent     *self,
                         const char * const *azs)
{
  g_return_if_fail (NINES_IS_COMPONENT (self));
  g_strfreev (self->azs);
  self->azs = azs ? g_strdupv ((char **)azs) : g_new0 (char *, 1);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
nines_component_set_param (NinesComponent *self,
                           const char     *name,
                           GVariant       *value)
{
  g_return_if_fail (NINES_IS_COMPONENT (self));
  g_return_if_fail (name != NULL);

  if (value == NULL)
    g_hash_table_remove (self->params, name);
  else
    g_hash_table_insert (self->params, g_strdup (name), g_variant_ref_sink (value));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_nines_component_set_region (NinesComponent *self,
                             const char     *region)
{
  g_free (self->region);
  self->region = g_strdup (region);
  g_signal_emit (self, signals[CHANGED], 0);
}

JsonObject *
_nines_component_get_extra (NinesComponent *self)
{
  return self->extra;
}

void
_nines_component_set_extra (NinesComponent *self,
                            JsonObject     *extra)
{
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra ? json_object_ref (extra) : NULL;
}

char *
nines_component_format_summary (NinesComponent *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *t;

  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  if (self->kind_info == NULL || self->kind_info->summary == NULL)
    return g_strdup (self->kind);

  for (t = self->kind_info->summary; *t; t++)
    {
      const char *end;
      const NinesParamSpec *spec;
      g_autofree char *name = NULL;

      if (*t != '{' || !(end = strchr (t, '}')))
        {
          g_string_append_c (out, *t);
          continue;
        }
      name = g_strndup (t + 1, end - t - 1);
      spec = nines_kind_info_lookup_param (self->kind_info, name);
      if (spec != NULL)
        {
          GVariant *v = nines_component_get_param (self, name);
          g_autofree char *text = NULL;

          /* Units would clutter a card: "3× m6i.large", not "3 instances× m6i.large". */
          if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
            text = g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (v));
          else if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
            {
              char buf[G_ASCII_DTOSTR_BUF_SIZE];
              text = g_strdup (g_ascii_formatd (buf, sizeof buf, "%g", g_variant_get_double (v)));
            }
          else
            text = nines_param_spec_format_value (spec, v);
          g_string_append (out, text);
        }
      t = end;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
