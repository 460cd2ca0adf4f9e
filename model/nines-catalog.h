/* nines-catalog.h: the data-driven catalogs: regions, service kinds, DR knobs.
 *
 * Loaded once from the GResource (the JSON files in data/catalog). Immutable after load, so it is
 * safe to read from any thread. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-model-types.h"

G_BEGIN_DECLS

typedef struct
{
  char   *code;       /* "us-east-1" */
  char   *name;       /* "N. Virginia" */
  char   *location;   /* Price List location: "US East (N. Virginia)" */
  char   *geography;  /* "North America" */
  double  lat;
  double  lon;
  GStrv   azs;        /* AZ IDs: "use1-az1" … */
} NinesRegionInfo;

typedef struct
{
  char           *name;
  char           *label;
  char           *unit;           /* may be NULL */
  char           *pattern;        /* strings only; may be NULL */
  char           *source;         /* where the default comes from; may be NULL */
  NinesParamType  type;
  GVariant       *default_value;  /* 'x', 'd', 'b' or 's' */
  double          min;            /* int and number only */
  double          max;
  GStrv           choices;        /* enum only */
  GRegex         *regex;          /* compiled pattern */
  /* The default decoded once at load: a recompute reads defaults tens of thousands of
   * times, and each GVariant read costs hundreds of instructions. */
  gint64          default_int;    /* int and bool */
  double          default_number; /* int and number */
  const char     *default_string; /* enum and string: points into default_value */
} NinesParamSpec;

typedef struct
{
  char           *id;         /* "ec2-asg" */
  char           *label;      /* "Auto Scaling group" */
  char           *service;    /* Price List service code: "AmazonEC2" */
  char           *summary;    /* key figure template: "{desired}× {instance_type}" */
  NinesPlacement  placement;
  gboolean        data_store; /* holds data that needs an RPO */
  guint           min_azs;
  GPtrArray      *params;     /* of NinesParamSpec */
} NinesKindInfo;

NinesCatalog          *nines_catalog_get_default          (void);
NinesCatalog          *nines_catalog_new_from_json        (const char    *regions_json,
                                                           const char    *kinds_json,
                                                           const char    *knobs_json,
                                                           GError       **error);
void                   nines_catalog_free                 (NinesCatalog  *self);

guint                  nines_catalog_get_n_regions        (NinesCatalog  *self);
const NinesRegionInfo *nines_catalog_get_region           (NinesCatalog  *self,
                                                           guint          i);
const NinesRegionInfo *nines_catalog_lookup_region        (NinesCatalog  *self,
                                                           const char    *code);
const NinesRegionInfo *nines_catalog_lookup_location      (NinesCatalog  *self,
                                                           const char    *location);

guint                  nines_catalog_get_n_kinds          (NinesCatalog  *self);
const NinesKindInfo   *nines_catalog_get_kind             (NinesCatalog  *self,
                                                           guint          i);
const NinesKindInfo   *nines_catalog_lookup_kind          (NinesCatalog  *self,
                                                           const char    *id);

guint                  nines_catalog_get_n_knobs          (NinesCatalog  *self);
const NinesParamSpec  *nines_catalog_get_knob             (NinesCatalog  *self,
                                                           guint          i);
const NinesParamSpec  *nines_catalog_lookup_knob          (NinesCatalog  *self,
                                                           const char    *name);

const NinesParamSpec  *nines_kind_info_lookup_param       (const NinesKindInfo *kind,
                                                           const char          *name);
gboolean               nines_region_info_has_az           (const NinesRegionInfo *region,
                                                           const char            *az_id);
double                 nines_region_info_distance_km      (const NinesRegionInfo *a,
                                                           const NinesRegionInfo *b);

/* Checks that @value fits @spec (type, range, choices, pattern). On failure returns
 * FALSE and sets @problem to a sentence such as "must be between 0 and 5000 (is 9000)". */
gboolean               nines_param_spec_check             (const NinesParamSpec *spec,
                                                           GVariant             *value,
                                                           char                **problem);
/* The GVariant type a spec's values have. */
const GVariantType    *nines_param_spec_get_value_type    (const NinesParamSpec *spec);
/* Human text of a value with its unit: "3 instances", "gp3", "yes". */
char                  *nines_param_spec_format_value      (const NinesParamSpec *spec,
                                                           GVariant             *value);

G_END_DECLS
