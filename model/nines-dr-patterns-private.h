/* nines-dr-patterns-private.h: shared by the pattern rule files (nines-dr-patterns*.c) */
#pragma once

#include "nines-model-private.h"

G_BEGIN_DECLS

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
} NinesPatternContext;

void            _nines_pattern_set_int          (NinesComponent      *c,
                                                 const char          *name,
                                                 gint64               value);
void            _nines_pattern_set_double       (NinesComponent      *c,
                                                 const char          *name,
                                                 double               value);
void            _nines_pattern_set_bool         (NinesComponent      *c,
                                                 const char          *name,
                                                 gboolean             value);
void            _nines_pattern_set_string       (NinesComponent      *c,
                                                 const char          *name,
                                                 const char          *value);
/* (transfer full) A copy of @c in the recovery region on @n_azs of its AZs (0: as many as @c). */
NinesComponent *_nines_pattern_copy_to_recovery (NinesPatternContext *ctx,
                                                 NinesComponent      *c,
                                                 guint                n_azs);
/* "<id>@<recovery region>" */
char           *_nines_pattern_item_id          (NinesPatternContext *ctx,
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
