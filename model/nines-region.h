/* nines-region.h: a region a design uses, with the AZs it uses there */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-catalog.h"

G_BEGIN_DECLS

#define NINES_TYPE_REGION (nines_region_get_type ())
G_DECLARE_FINAL_TYPE (NinesRegion, nines_region, NINES, REGION, GObject)

NinesRegion           *nines_region_new      (const char         *code,
                                              const char * const *azs);
const char            *nines_region_get_code (NinesRegion        *self);
/* (transfer none) */
const char * const    *nines_region_get_azs  (NinesRegion        *self);
gboolean               nines_region_has_az   (NinesRegion        *self,
                                              const char         *az);
/* (nullable): NULL when the catalog does not know the code */
const NinesRegionInfo *nines_region_get_info (NinesRegion        *self);

G_END_DECLS
