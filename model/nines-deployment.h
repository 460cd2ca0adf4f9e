/* nines-deployment.h: what a DR pattern makes of a design.
 *
 * A deployment is the drawn workload (primary region) plus everything the chosen DR
 * pattern adds in the recovery region, in two states: steady (primary serving) and
 * failed over (recovery region serving at full size). It is what is priced, what
 * recovers, what is exported and what is provisioned. Immutable once built, so it may
 * be shared between threads. Built by nines_deployment_new() (nines-dr-patterns.c). */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-document.h"

G_BEGIN_DECLS

typedef enum
{
  NINES_ROLE_PRIMARY,      /* drawn by the user, serving in the primary region */
  NINES_ROLE_STANDBY,      /* compute kept running (scaled down or full) in the recovery region */
  NINES_ROLE_REPLICA,      /* a live copy of a data store (read replica, global table…) */
  NINES_ROLE_BACKUP_COPY,  /* snapshots, backups or AMIs copied to the recovery region */
  NINES_ROLE_ROUTING,      /* health checks and routing records that fail traffic over */
  NINES_ROLE_ON_RECOVERY,  /* nothing runs until recovery creates it (e.g. an ALB, an ASG from AMI) */
} NinesDeployRole;

const char *nines_deploy_role_to_string (NinesDeployRole role);
/* "standby", "replica", "backup copy" … for canvas labels. */
const char *nines_deploy_role_get_label (NinesDeployRole role);

typedef enum
{
  NINES_REPLICATION_BACKUP_COPY,   /* AWS Backup / snapshot copy across regions on a schedule */
  NINES_REPLICATION_AMI_COPY,      /* AMIs copied to the recovery region */
  NINES_REPLICATION_S3_CRR,        /* S3 Cross-Region Replication (with RTC where set) */
  NINES_REPLICATION_RDS_REPLICA,   /* RDS cross-region read replica (async) */
  NINES_REPLICATION_AURORA_GLOBAL, /* Aurora Global Database */
  NINES_REPLICATION_DDB_GLOBAL,    /* DynamoDB global tables */
  NINES_REPLICATION_EFS,           /* EFS replication */
} NinesReplicationKind;

const char *nines_replication_kind_to_string (NinesReplicationKind kind);

typedef struct
{
  char            *id;          /* unique in the deployment: the drawn id, or "<id>@<region>" */
  char            *source_id;   /* the drawn component it comes from */
  NinesDeployRole  role;
  gboolean         added;       /* added by the pattern (drawn distinctly) */
  char            *region;      /* NULL for global kinds */
  /* The component's configuration in each state; NULL where it does not exist then.
   * E.g. a pilot-light ASG has steady desired=0 and failover desired=full. */
  NinesComponent  *steady;
  NinesComponent  *failover;
  char            *note;        /* why it is there, shown to the user */
  /* Steady state runs no database instance, only storage fed by replication (an Aurora
   * Global Database headless secondary cluster): price storage and replicated I/O, not
   * the instance class the steady component still names. */
  gboolean         headless;
  /*< private >*/
  /* The revisions of @steady and @failover when the item was made (known: TRUE), so the
   * cost engine can tell its kept lines still hold without reading the components. */
  gboolean         revisions_known;
  guint64          steady_revision;
  guint64          failover_revision;
} NinesDeployedItem;

typedef struct
{
  char                 *source_id;    /* the drawn data store */
  char                 *target_id;    /* the deployed item receiving the copy */
  NinesReplicationKind  kind;
  char                 *from_region;
  char                 *to_region;
  double                gb_per_month;       /* data crossing regions each month */
  double                requests_per_month; /* replication PUTs, replicated writes … */
  double                interval_s;         /* backup interval (0 for continuous) */
  double                lag_s;              /* typical lag behind the source */
  /* Data kept in the recovery region by this mechanism that no deployed component holds:
   * snapshot, backup and AMI copies (GB-month of backup/snapshot storage there). */
  double                stored_gb;
  /* Backups of this mechanism kept in the source region (GB-month billed there beyond any
   * free allowance): the backup plan's own retention for DynamoDB, Aurora and EFS
   * (backup & restore); 0 where the component's own rule prices them (RDS). */
  double                source_stored_gb;
  gboolean              rtc;                /* S3 Replication Time Control is on */
  /* A backup plan kept beside live replication of the same store (pilot light and up):
   * it guards against corruption and deletion, which replication copies too, and is not
   * the failover path (recovery promotes the replica, not a restore). */
  gboolean              alongside;
  char                 *source;             /* where interval/lag come from (cited) */
} NinesReplication;

typedef struct _NinesDeployment NinesDeployment;

#define NINES_TYPE_DEPLOYMENT (nines_deployment_get_type ())
GType               nines_deployment_get_type          (void) G_GNUC_CONST;

/* Applies @pattern (with the document's recovery region and knobs) to @document.
 * NINES_DR_PATTERN_NONE gives the design alone. */
NinesDeployment    *nines_deployment_new               (NinesDocument   *document,
                                                        NinesDrPattern   pattern);
NinesDeployment    *nines_deployment_ref               (NinesDeployment *self);
void                nines_deployment_unref             (NinesDeployment *self);

NinesDocument      *nines_deployment_get_document      (NinesDeployment *self);
NinesDrPattern      nines_deployment_get_pattern       (NinesDeployment *self);
const char         *nines_deployment_get_primary_region  (NinesDeployment *self);
/* (nullable) */
const char         *nines_deployment_get_recovery_region (NinesDeployment *self);

guint                    nines_deployment_get_n_items        (NinesDeployment *self);
const NinesDeployedItem *nines_deployment_get_item           (NinesDeployment *self,
                                                              guint            i);
const NinesDeployedItem *nines_deployment_lookup_item        (NinesDeployment *self,
                                                              const char      *id);
guint                    nines_deployment_get_n_replications (NinesDeployment *self);
const NinesReplication  *nines_deployment_get_replication    (NinesDeployment *self,
                                                              guint            i);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesDeployment, nines_deployment_unref)

G_END_DECLS
