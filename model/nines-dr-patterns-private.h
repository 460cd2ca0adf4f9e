/* nines-dr-patterns-private.h: shared by the pattern rule files (nines-dr-patterns*.c) */
#pragma once

#include "nines-model-private.h"

G_BEGIN_DECLS

/* What one deployment's rules use over and over, made once: translated notes (gettext
 * costs hundreds of instructions a call), parameter values (a GVariant is two
 * allocations; equal values share one, they are immutable), the rule of each kind. */
#define NINES_PATTERN_CACHE 48

typedef struct
{
  guint            n;
  const char      *msgid[NINES_PATTERN_CACHE];
  const char      *text[NINES_PATTERN_CACHE];
} NinesPatternStrings;

typedef struct
{
  guint            n;
  GVariant        *value[NINES_PATTERN_CACHE];
  NinesParamValue  decoded[NINES_PATTERN_CACHE];
} NinesPatternValues;

typedef struct
{
  guint                n;
  const NinesKindInfo *kind[NINES_PATTERN_CACHE];
  gpointer             rule[NINES_PATTERN_CACHE];
} NinesPatternRules;

typedef struct
{
  NinesDeployment *deployment;
  NinesDocument   *document;
  NinesDrPattern   pattern;
  const char      *primary;
  const char      *recovery;
  char           **recovery_azs;        /* AZ IDs to place zonal copies in */
  guint            n_front_doors;       /* load balancers in the primary region */
  /* Knobs (data/catalog/dr-knobs.json), in the units the rules use */
  double           standby_fraction;
  double           lifecycle_days;
  double           backup_interval_h;
  double           copy_retention_days;
  double           copy_lag_s;
  double           replica_lag_s;
  double           efs_change_fraction;
  NinesPatternStrings strings;
  NinesPatternValues  values;
  NinesPatternRules   rules;
  NinesComponent     *id_of;     /* the component item_id was made for */
  const char         *item_id;
} NinesPatternContext;

/* @msgid translated, once per deployment. The rule files (with a `ctx` in scope wherever
 * they translate) define _() as this, after the other headers. */
const char     *_nines_pattern_tr               (NinesPatternContext *ctx,
                                                 const char          *msgid) G_GNUC_FORMAT (2);
#define NINES_PATTERN_TR(msgid) _nines_pattern_tr (ctx, (msgid))
void            _nines_pattern_set_int          (NinesPatternContext *ctx,
                                                 NinesComponent      *c,
                                                 const char          *name,
                                                 gint64               value);
void            _nines_pattern_set_double       (NinesPatternContext *ctx,
                                                 NinesComponent      *c,
                                                 const char          *name,
                                                 double               value);
void            _nines_pattern_set_bool         (NinesPatternContext *ctx,
                                                 NinesComponent      *c,
                                                 const char          *name,
                                                 gboolean             value);
void            _nines_pattern_set_string       (NinesComponent      *c,
                                                 const char          *name,
                                                 const char          *value);
/* (transfer full) A copy of @c in the recovery region on @n_azs of its AZs (0: as many as @c). */
NinesComponent *_nines_pattern_copy_to_recovery (NinesPatternContext *ctx,
                                                 NinesComponent      *c,
                                                 guint                n_azs);
/* "<id>@<recovery region>" (transfer none: the deployment's) */
const char     *_nines_pattern_item_id          (NinesPatternContext *ctx,
                                                 NinesComponent      *c);
guint           _nines_pattern_recovery_n_azs   (NinesPatternContext *ctx,
                                                 NinesComponent      *c);

/* Data-store rules (nines-dr-patterns-data.c) */
void            _nines_pattern_rds              (NinesPatternContext *ctx,
                                                 NinesComponent      *c);
void            _nines_pattern_aurora           (NinesPatternContext *ctx,
                                                 NinesComponent      *c);
void            _nines_pattern_s3               (NinesPatternContext *ctx,
                                                 NinesComponent      *c);
void            _nines_pattern_dynamodb         (NinesPatternContext *ctx,
                                                 NinesComponent      *c);
void            _nines_pattern_efs              (NinesPatternContext *ctx,
                                                 NinesComponent      *c);

G_END_DECLS
