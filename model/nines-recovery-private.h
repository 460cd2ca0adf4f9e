/* nines-recovery-private.h: shared by nines-recovery*.c */
#pragma once

#include "nines-model-private.h"

G_BEGIN_DECLS

struct _NinesRecovery
{
  gatomicrefcount    ref_count;
  NinesDeployment   *deployment;
  GPtrArray         *steps;          /* of NinesRecoveryStep, allocated in blocks */
  GPtrArray         *step_blocks;
  guint              block_used;     /* steps used in the last block */
  GPtrArray         *dep_blocks;     /* the steps' dependency lists, in blocks */
  guint              dep_used;       /* entries used in the last one */
  GHashTable        *steps_by_id;    /* built at the first lookup past the first steps */
  GPtrArray         *stores;         /* of NinesStoreRpo */
  double             rto_s;
  double             rpo_s;
  NinesStoreRpo     *worst;
  gboolean           automated;
  gboolean           uses_failed_region;
  NinesAvailability  availability;
  GPtrArray         *term_blocks;    /* its SLA terms, in blocks */
  /* While it is built: the facts of each item's components (2 per item: failover,
   * steady; G_MAXUINT for none) in the cache. */
  NinesFactsCache   *facts_cache;
  guint             *item_facts;
  /* Step ids and labels: thousands of short strings formatted here, copied into one
   * chunk rather than allocated one by one. Ids, regions and sources of items and
   * replications are borrowed from the deployment, which the recovery holds. */
  GStringChunk      *strings;
};

#define NINES_SECONDS_PER_MONTH (30.0 * 86400.0)

/* What the recovery reads of a component (nines-recovery-facts.c). */
typedef struct
{
  const char  *kind;            /* interned */
  gboolean     data_store;      /* its kind holds data that needs an RPO */
  gboolean     efs;
  gboolean     has_sla;         /* in the path of requests: @sla and @sla_source hold */
  double       sla;
  const char  *sla_source;      /* untranslated */
  double       write_gb_per_s;  /* how fast it takes new data; EFS: see storage_gb */
  double       storage_gb;      /* where the kind has it */
  gint64       size;            /* ec2-asg: desired instances; elasticache: nodes */
  gboolean     health_checked;  /* route53: with health checks */
  gboolean     routed;          /* route53: failover or latency routing */
} NinesComponentFacts;

/* (sla, source) of @c from its AWS SLA; FALSE when its kind is not in the path of
 * requests (nines-recovery-availability.c). */
gboolean _nines_recovery_component_sla (NinesComponent  *c,
                                        double          *sla,
                                        const char     **source);
/* The facts of item @i's component in the failed-over (@failover) or steady state; NULL
 * when there is none. Only while the recovery is built. */
const NinesComponentFacts *_nines_recovery_item_facts (NinesRecovery *self,
                                                       guint          i,
                                                       gboolean       failover);

/* Appends a step; @deps (-1 entries skipped) are earlier steps. @label and @source are
 * kept as they are: the recovery's own strings (_nines_recovery_printf(), _dup()) or
 * static ones. Returns its index. */
guint   _nines_recovery_add_step      (NinesRecovery   *self,
                                       NinesStepKind    kind,
                                       const char      *id,
                                       const char      *item_id,
                                       double           duration_s,
                                       const char      *control_plane,
                                       const char      *label,
                                       const char      *source,
                                       const int       *deps,
                                       guint            n_deps);
/* A formatted string owned by the recovery. */
char   *_nines_recovery_printf        (NinesRecovery   *self,
                                       const char      *format,
                                       ...) G_GNUC_PRINTF (2, 3);
/* A copy of @str (nullable) owned by the recovery. */
char   *_nines_recovery_dup           (NinesRecovery   *self,
                                       const char      *str);
/* "knob NAME = VALUE UNIT: SOURCE" from the catalog's knob spec. */
char   *_nines_recovery_knob_source   (NinesDocument   *document,
                                       const char      *knob);
void    _nines_recovery_build_steps   (NinesRecovery   *self);
void    _nines_recovery_build_availability (NinesRecovery *self);
void    _nines_recovery_clear_availability (NinesAvailability *availability);

G_END_DECLS
