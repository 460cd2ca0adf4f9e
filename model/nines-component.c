#define G_LOG_DOMAIN "nines-component"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nines-model-private.h"

/* The explicit parameter values, shared between a component and its copies until one of
 * them changes a value (copy on write): a deployment copies thousands of components and
 * changes a few values of some. Names are interned, so a copy needs no string copies. */
typedef struct
{
  const char      *name;    /* interned */
  GVariant        *value;
  NinesParamValue  decoded; /* @value read once, when set */
} Param;

typedef struct
{
  gatomicrefcount ref_count;
  guint           n;
  guint           alloc;
  Param           p[];
} ParamSet;

struct _NinesComponent
{
  GObject              parent_instance;

  char                *id;         /* GRefString: shared with copies */
  const char          *kind;       /* interned */
  char                *name;       /* GRefString; NULL when unnamed */
  const char          *region;     /* interned; NULL for global kinds */
  const char         **azs;        /* NULL-terminated, of interned strings; NULL when empty */
  guint                n_azs;
  ParamSet            *params;     /* NULL when none is set */
  JsonObject          *extra;      /* unknown members, kept on save */

  const NinesKindInfo *kind_info;  /* from the catalog; NULL for unknown kinds */
  /* Counts the changes to the fields and parameters: what was derived from the component
   * at one revision (a deployment's pattern output) holds while it stays the same. */
  guint64              revision;
};

static const char *no_azs[] = { NULL };

static void
param_set_unref (ParamSet *set)
{
  if (set == NULL || !g_atomic_ref_count_dec (&set->ref_count))
    return;
  for (guint i = 0; i < set->n; i++)
    g_variant_unref (set->p[i].value);
  g_free (set);
}

/* A private copy of @set with room for @extra more values. */
static ParamSet *
param_set_clone (const ParamSet *set,
                 guint           extra)
{
  guint n = set ? set->n : 0;
  ParamSet *copy = g_malloc (sizeof (ParamSet) + (n + extra) * sizeof (Param));

  g_atomic_ref_count_init (&copy->ref_count);
  copy->n = n;
  copy->alloc = n + extra;
  for (guint i = 0; i < n; i++)
    {
      copy->p[i] = set->p[i];
      g_variant_ref (copy->p[i].value);
    }
  return copy;
}

static void
decode (GVariant        *value,
        NinesParamValue *out)
{
  memset (out, 0, sizeof *out);
  out->cls = g_variant_classify (value);
  switch (out->cls)
    {
    case G_VARIANT_CLASS_INT64:
      out->i = g_variant_get_int64 (value);
      out->number = (double) out->i;
      break;
    case G_VARIANT_CLASS_DOUBLE:
      out->number = g_variant_get_double (value);
      break;
    case G_VARIANT_CLASS_BOOLEAN:
      out->i = g_variant_get_boolean (value);
      break;
    case G_VARIANT_CLASS_STRING:
      out->string = g_variant_get_string (value, NULL);   /* lives as long as @value */
      break;
    default:
      break;
    }
}

static Param *
param_set_find (const ParamSet *set,
                const char     *name)
{
  for (guint i = 0; set != NULL && i < set->n; i++)
    if (set->p[i].name == name || (set->p[i].name[0] == name[0] && strcmp (set->p[i].name, name) == 0))
      return (Param *) &set->p[i];
  return NULL;
}

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

  g_clear_pointer (&self->id, g_ref_string_release);
  g_clear_pointer (&self->name, g_ref_string_release);
  g_free (self->azs);
  param_set_unref (self->params);
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
}

/* Interned copies of @azs in one block (NULL when empty). */
static void
take_azs (NinesComponent     *self,
          const char * const *azs,
          gboolean            interned)
{
  guint n = azs ? g_strv_length ((char **) azs) : 0;

  g_free (self->azs);
  self->azs = NULL;
  self->n_azs = n;
  if (n == 0)
    return;
  self->azs = g_new (const char *, n + 1);
  for (guint i = 0; i < n; i++)
    self->azs[i] = interned ? azs[i] : g_intern_string (azs[i]);
  self->azs[n] = NULL;
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
  self->id = g_ref_string_new (id);
  self->kind = g_intern_string (kind);
  self->region = g_intern_string (region);
  self->kind_info = nines_catalog_lookup_kind (nines_catalog_get_default (), kind);
  return self;
}

/* The copy, with @azs (interned) instead of @self's when @set_azs. */
static NinesComponent *
copy_with (NinesComponent     *self,
           const char * const *azs,
           gboolean            set_azs)
{
  NinesComponent *copy = g_object_new (NINES_TYPE_COMPONENT, NULL);

  copy->id = g_ref_string_acquire (self->id);
  copy->kind = self->kind;
  copy->kind_info = self->kind_info;
  copy->region = self->region;
  copy->name = self->name ? g_ref_string_acquire (self->name) : NULL;
  take_azs (copy, set_azs ? azs : (const char * const *) self->azs, TRUE);
  if (self->params != NULL)
    {
      g_atomic_ref_count_inc (&self->params->ref_count);
      copy->params = self->params;
    }
  if (self->extra != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), self->extra);
      g_autoptr(JsonNode) dup = json_node_copy (node);
      copy->extra = json_node_dup_object (dup);
    }
  return copy;
}

/* Copies share the strings (reference counted or interned) and the parameter values
 * (copy on write): copying is a few pointer copies, not a string or table per value. */
NinesComponent *
nines_component_copy (NinesComponent *self)
{
  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  return copy_with (self, NULL, FALSE);
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
  return self->azs ? self->azs : no_azs;
}

guint
nines_component_get_n_azs (NinesComponent *self)
{
  g_return_val_if_fail (NINES_IS_COMPONENT (self), 0);
  return self->n_azs;
}

GVariant *
nines_component_get_explicit_param (NinesComponent *self,
                                    const char     *name)
{
  Param *p;

  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  p = param_set_find (self->params, name);
  return p ? p->value : NULL;
}

GVariant *
nines_component_get_param (NinesComponent *self,
                           const char     *name)
{
  const NinesParamSpec *spec;
  Param *p;

  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);

  if (name != NULL && (p = param_set_find (self->params, name)))
    return p->value;
  if (self->kind_info && (spec = nines_kind_info_lookup_param (self->kind_info, name)))
    return spec->default_value;
  return NULL;
}

gboolean
_nines_component_read_param (NinesComponent  *self,
                             const char      *name,
                             NinesParamValue *value)
{
  const NinesParamSpec *spec;
  Param *p;

  if (name != NULL && (p = param_set_find (self->params, name)))
    {
      *value = p->decoded;
      return TRUE;
    }
  if (self->kind_info == NULL || !(spec = nines_kind_info_lookup_param (self->kind_info, name)))
    return FALSE;
  switch (spec->type)
    {
    case NINES_PARAM_INT: value->cls = G_VARIANT_CLASS_INT64; break;
    case NINES_PARAM_NUMBER: value->cls = G_VARIANT_CLASS_DOUBLE; break;
    case NINES_PARAM_BOOL: value->cls = G_VARIANT_CLASS_BOOLEAN; break;
    case NINES_PARAM_ENUM:
    case NINES_PARAM_STRING:
    default: value->cls = G_VARIANT_CLASS_STRING; break;
    }
  value->i = spec->default_int;
  value->number = spec->default_number;
  value->string = spec->default_string;
  return TRUE;
}

static GVariant *
get_typed (NinesComponent     *self,
           const char         *name,
           const GVariantType *type)
{
  GVariant *v = nines_component_get_param (self, name);

  /* Parameters are basic types: the class is the type, and far cheaper to check. */
  if (v == NULL || g_variant_classify (v) != (GVariantClass) g_variant_type_peek_string (type)[0])
    {
      g_critical ("component %s (%s) has no %s parameter '%s'",
                  self->id, self->kind, g_variant_type_peek_string (type), name);
      return NULL;
    }
  return v;
}

/* The typed getters read the decoded value; get_typed() is the slow path that says what
 * is wrong when the name or type does not fit. */
gint64
nines_component_get_int (NinesComponent *self,
                         const char     *name)
{
  NinesParamValue d;
  GVariant *v;

  g_return_val_if_fail (NINES_IS_COMPONENT (self), 0);
  if (_nines_component_read_param (self, name, &d) && d.cls == G_VARIANT_CLASS_INT64)
    return d.i;
  v = get_typed (self, name, G_VARIANT_TYPE_INT64);
  return v ? g_variant_get_int64 (v) : 0;
}

double
nines_component_get_double (NinesComponent *self,
                            const char     *name)
{
  NinesParamValue d;
  GVariant *v;

  g_return_val_if_fail (NINES_IS_COMPONENT (self), 0);
  /* Integers read as numbers too: the cost engine multiplies them. */
  if (_nines_component_read_param (self, name, &d) &&
      (d.cls == G_VARIANT_CLASS_INT64 || d.cls == G_VARIANT_CLASS_DOUBLE))
    return d.number;
  v = get_typed (self, name, G_VARIANT_TYPE_DOUBLE);
  return v ? g_variant_get_double (v) : 0.0;
}

gboolean
nines_component_get_bool (NinesComponent *self,
                          const char     *name)
{
  NinesParamValue d;
  GVariant *v;

  g_return_val_if_fail (NINES_IS_COMPONENT (self), FALSE);
  if (_nines_component_read_param (self, name, &d) && d.cls == G_VARIANT_CLASS_BOOLEAN)
    return d.i != 0;
  v = get_typed (self, name, G_VARIANT_TYPE_BOOLEAN);
  return v ? g_variant_get_boolean (v) : FALSE;
}

const char *
nines_component_get_string (NinesComponent *self,
                            const char     *name)
{
  NinesParamValue d;
  GVariant *v;

  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  if (_nines_component_read_param (self, name, &d) && d.cls == G_VARIANT_CLASS_STRING)
    return d.string;
  v = get_typed (self, name, G_VARIANT_TYPE_STRING);
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
  GStrv out;
  guint n;

  g_return_val_if_fail (NINES_IS_COMPONENT (self), NULL);
  n = self->params ? self->params->n : 0;
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = g_strdup (self->params->p[i].name);
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
  g_clear_pointer (&self->name, g_ref_string_release);
  self->name = (name && *name) ? g_ref_string_new (name) : NULL;
  self->revision++;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
nines_component_set_azs (NinesComponent     *self,
                         const char * const *azs)
{
  g_return_if_fail (NINES_IS_COMPONENT (self));
  take_azs (self, azs, FALSE);
  self->revision++;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Sets (or with @value NULL removes) an explicit value; takes a reference (sinking a
 * floating one). */
static void
put_param (NinesComponent        *self,
           const char            *name,
           GVariant              *value,
           const NinesParamValue *decoded)
{
  Param *p = param_set_find (self->params, name);
  guint at = p ? (guint) (p - self->params->p) : 0;
  ParamSet *set = self->params;

  if (p == NULL && value == NULL)
    return;
  self->revision++;
  /* Write to a set of our own, never to one a copy shares. */
  if (set == NULL || !g_atomic_ref_count_compare (&set->ref_count, 1) ||
      (p == NULL && set->n == set->alloc))
    {
      ParamSet *own = param_set_clone (set, p == NULL ? 4 : 0);

      param_set_unref (set);
      self->params = set = own;
    }
  if (value == NULL)
    {
      g_variant_unref (set->p[at].value);
      set->p[at] = set->p[--set->n];
      return;
    }
  value = g_variant_ref_sink (value);
  if (p == NULL)
    {
      const NinesParamSpec *spec = self->kind_info
                                   ? nines_kind_info_lookup_param (self->kind_info, name) : NULL;

      /* The catalog's name where the kind has it (the default catalog lives as long as
       * the process); interned otherwise. */
      at = set->n++;
      set->p[at].name = spec ? spec->name : g_intern_string (name);
    }
  else
    g_variant_unref (set->p[at].value);
  set->p[at].value = value;
  if (decoded != NULL)
    set->p[at].decoded = *decoded;
  else
    decode (value, &set->p[at].decoded);
}

void
nines_component_set_param (NinesComponent *self,
                           const char     *name,
                           GVariant       *value)
{
  g_return_if_fail (NINES_IS_COMPONENT (self));
  g_return_if_fail (name != NULL);

  put_param (self, name, value, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_nines_component_set_region (NinesComponent *self,
                             const char     *region)
{
  self->region = g_intern_string (region);
  self->revision++;
  g_signal_emit (self, signals[CHANGED], 0);
}

guint64
_nines_component_get_revision (NinesComponent *self)
{
  return self->revision;
}

void
_nines_component_take_param (NinesComponent        *self,
                             const char            *name,
                             GVariant              *value,
                             const NinesParamValue *decoded)
{
  put_param (self, name, value, decoded);
}

NinesComponent *
_nines_component_copy_to (NinesComponent     *self,
                          const char         *region,
                          const char * const *azs,
                          gboolean            set_azs)
{
  NinesComponent *copy = copy_with (self, azs, set_azs);

  copy->region = region;
  return copy;
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
  self->revision++;
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
