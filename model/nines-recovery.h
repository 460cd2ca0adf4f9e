/* nines-recovery.h: how a deployment recovers from the loss of its primary region.
 *
 * RTO is the critical path of a small DAG of steps (detect, decide, provision, restore or
 * promote data, launch or scale compute, switch traffic, warm caches), each with a
 * duration and the source of that duration: a cited AWS figure or a knob. RPO comes per
 * data store from its replication; the workload's RPO is the worst store's. Availability
 * is a composite of cited component SLAs, AZ redundancy and regional failover, with the
 * method spelled out. DESIGN.md section 5. Immutable once built. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-deployment.h"

G_BEGIN_DECLS

typedef enum
{
  NINES_STEP_DETECT,     /* health checks fail, or an alarm pages someone */
  NINES_STEP_DECIDE,     /* a person declares the disaster */
  NINES_STEP_PROVISION,  /* infrastructure created from templates in the recovery region */
  NINES_STEP_DATA,       /* restore, promote or fail over a data store */
  NINES_STEP_COMPUTE,    /* launch or scale compute */
  NINES_STEP_TRAFFIC,    /* DNS moves users to the recovery region */
  NINES_STEP_WARM,       /* caches warm up */
  NINES_STEP_WAIT,       /* nothing to fail over to: wait for the region to come back */
} NinesStepKind;

const char *nines_step_kind_to_string (NinesStepKind kind);

typedef struct
{
  char          *id;             /* unique in the timeline: "detect", "data:db", … */
  NinesStepKind  kind;
  char          *label;          /* what happens, for people */
  char          *item_id;        /* (nullable) the deployed item it acts on */
  double         duration_s;
  char          *source;         /* the cited AWS figure or the knob (with value) */
  guint          n_deps;
  guint         *deps;           /* indices of the steps it waits for (all earlier) */
  double         start_s;        /* earliest start after the failure */
  double         end_s;
  gboolean       critical;       /* on the critical path */
  /* The region whose control plane the step calls (NULL: data plane only), and whether
   * that is the failed region: the Well-Architected anti-pattern (REL11-BP04 / REL13). */
  char          *control_plane;
  gboolean       uses_failed_region;
} NinesRecoveryStep;

typedef struct
{
  char       *store_id;          /* the drawn data store */
  const char *kind;              /* its kind */
  const char *mechanism;         /* replication kind, or "none" */
  double      rpo_s;             /* < 0: no copy outside the failed region */
  double      write_gb_per_s;    /* how fast it takes new data */
  double      lost_gb;           /* write_gb_per_s × rpo_s (0 when unbounded: unavailable) */
  char       *source;            /* where the RPO comes from */
  char       *note;              /* (nullable) caveat, e.g. lifecycle-limited replica */
} NinesStoreRpo;

typedef struct
{
  char   *component_id;
  double  sla;                   /* fraction, e.g. 0.9999 */
  char   *source;                /* the SLA and its document */
} NinesSlaTerm;

typedef struct
{
  double     region_availability;   /* the serving components of one region, in series */
  double     global_availability;   /* global services in the request path (Route 53, CloudFront) */
  double     covered_fraction;      /* share of a regional outage the recovery region serves */
  double     availability;          /* the workload's */
  double     nines;                 /* -log10 (1 - availability) */
  double     downtime_min_per_year;
  char      *method;                /* how it was computed, for the output */
  GPtrArray *terms;                 /* of NinesSlaTerm */
} NinesAvailability;

typedef struct _NinesRecovery NinesRecovery;

#define NINES_TYPE_RECOVERY (nines_recovery_get_type ())
GType                    nines_recovery_get_type         (void) G_GNUC_CONST;

/* The recovery of @deployment from the loss of its primary region. */
NinesRecovery           *nines_recovery_new              (NinesDeployment *deployment);
NinesRecovery           *nines_recovery_ref              (NinesRecovery   *self);
void                     nines_recovery_unref            (NinesRecovery   *self);

NinesDeployment         *nines_recovery_get_deployment   (NinesRecovery   *self);
/* The critical path: from the failure until full service in the recovery region (or, with
 * nothing to fail over to, until the region is back). */
double                   nines_recovery_get_rto_s        (NinesRecovery   *self);
/* Worst store RPO; < 0 when a store has no copy outside the failed region; 0 without stores. */
double                   nines_recovery_get_rpo_s        (NinesRecovery   *self);
/* (nullable) the store that sets the workload RPO */
const NinesStoreRpo     *nines_recovery_get_worst_store  (NinesRecovery   *self);
/* Detection and traffic switch need no person (Route 53 health checks and routing). */
gboolean                 nines_recovery_is_automated     (NinesRecovery   *self);
/* Some step calls the failed region's control plane. */
gboolean                 nines_recovery_uses_failed_region (NinesRecovery *self);

guint                    nines_recovery_get_n_steps      (NinesRecovery   *self);
const NinesRecoveryStep *nines_recovery_get_step         (NinesRecovery   *self,
                                                          guint            i);
/* (nullable) */
const NinesRecoveryStep *nines_recovery_lookup_step      (NinesRecovery   *self,
                                                          const char      *id);
guint                    nines_recovery_get_n_stores     (NinesRecovery   *self);
const NinesStoreRpo     *nines_recovery_get_store        (NinesRecovery   *self,
                                                          guint            i);
const NinesAvailability *nines_recovery_get_availability (NinesRecovery   *self);

/* Human text of a duration: "45 s", "12 min", "2 h 05 min", "unbounded" (< 0). */
char                    *nines_format_duration           (double           seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesRecovery, nines_recovery_unref)

G_END_DECLS
