/* nines-model-types.h: public enums and forward declarations of the model library */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/* Where a kind of service lives: in AZs, in a region, or nowhere in particular. */
typedef enum
{
  NINES_PLACEMENT_ZONAL,
  NINES_PLACEMENT_REGIONAL,
  NINES_PLACEMENT_GLOBAL,
} NinesPlacement;

typedef enum
{
  NINES_PARAM_INT,     /* GVariant 'x' */
  NINES_PARAM_NUMBER,  /* GVariant 'd' */
  NINES_PARAM_BOOL,    /* GVariant 'b' */
  NINES_PARAM_ENUM,    /* GVariant 's', one of the choices */
  NINES_PARAM_STRING,  /* GVariant 's', matching the pattern if any */
} NinesParamType;

typedef enum
{
  NINES_DR_PATTERN_NONE,
  NINES_DR_PATTERN_BACKUP_RESTORE,
  NINES_DR_PATTERN_PILOT_LIGHT,
  NINES_DR_PATTERN_WARM_STANDBY,
  NINES_DR_PATTERN_MULTI_SITE,
} NinesDrPattern;

#define NINES_N_DR_PATTERNS 5

typedef enum
{
  NINES_LINK_TRAFFIC,
  NINES_LINK_DATA,
} NinesLinkKind;

const char     *nines_dr_pattern_to_string   (NinesDrPattern  pattern);
gboolean        nines_dr_pattern_from_string (const char     *str,
                                              NinesDrPattern *pattern);
const char     *nines_dr_pattern_get_label   (NinesDrPattern  pattern);
const char     *nines_link_kind_to_string    (NinesLinkKind   kind);
gboolean        nines_link_kind_from_string  (const char     *str,
                                              NinesLinkKind  *kind);
const char     *nines_placement_to_string    (NinesPlacement  placement);

typedef struct _NinesCatalog  NinesCatalog;
typedef struct _NinesDocument NinesDocument;
typedef struct _NinesComponent NinesComponent;
typedef struct _NinesLink NinesLink;
typedef struct _NinesRegion NinesRegion;

G_END_DECLS
