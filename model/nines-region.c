#define G_LOG_DOMAIN "nines-region"

#include "config.h"

#include "nines-model-private.h"

struct _NinesRegion
{
  GObject  parent_instance;
  char    *code;
  GStrv    azs;
};

G_DEFINE_FINAL_TYPE (NinesRegion, nines_region, G_TYPE_OBJECT)

static void
nines_region_finalize (GObject *object)
{
  NinesRegion *self = (NinesRegion *)object;

  g_free (self->code);
  g_strfreev (self->azs);
  G_OBJECT_CLASS (nines_region_parent_class)->finalize (object);
}

static void
nines_region_class_init (NinesRegionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nines_region_finalize;
}

static void
nines_region_init (NinesRegion *self)
{
}

NinesRegion *
nines_region_new (const char         *code,
                  const char * const *azs)
{
  NinesRegion *self;

  g_return_val_if_fail (code != NULL, NULL);
  self = g_object_new (NINES_TYPE_REGION, NULL);
  self->code = g_strdup (code);
  self->azs = azs ? g_strdupv ((char **)azs) : g_new0 (char *, 1);
  return self;
}

const char *
nines_region_get_code (NinesRegion *self)
{
  g_return_val_if_fail (NINES_IS_REGION (self), NULL);
  return self->code;
}

const char * const *
nines_region_get_azs (NinesRegion *self)
{
  g_return_val_if_fail (NINES_IS_REGION (self), NULL);
  return (const char * const *)self->azs;
}

gboolean
nines_region_has_az (NinesRegion *self,
                     const char  *az)
{
  g_return_val_if_fail (NINES_IS_REGION (self), FALSE);
  return az != NULL && g_strv_contains ((const char * const *)self->azs, az);
}

const NinesRegionInfo *
nines_region_get_info (NinesRegion *self)
{
  g_return_val_if_fail (NINES_IS_REGION (self), NULL);
  return nines_catalog_lookup_region (nines_catalog_get_default (), self->code);
}

void
_nines_region_set_azs (NinesRegion        *self,
                       const char * const *azs)
{
  g_strfreev (self->azs);
  self->azs = azs ? g_strdupv ((char **)azs) : g_new0 (char *, 1);
}
