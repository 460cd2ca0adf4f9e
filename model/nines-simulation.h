/* nines-simulation.h: replaying an outage minute by minute.
 *
 * Fail a region (or one AZ) at minute T: for each minute, the share of normal capacity
 * serving requests, the requests that fail, the data lost so far and what the minute
 * costs, until the workload is recovered (DESIGN.md section 5). Region failures follow the
 * recovery timeline of NinesRecovery; AZ failures follow each component's own AZ
 * redundancy. The GUI animates it; the CLI prints it. Immutable once built. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-recovery.h"

G_BEGIN_DECLS

typedef enum
{
  NINES_SIM_NORMAL,       /* before the failure */
  NINES_SIM_DOWN,         /* nothing serves the affected traffic yet */
  NINES_SIM_DEGRADED,     /* part of the capacity serves */
  NINES_SIM_RECOVERED,    /* full capacity again */
} NinesSimPhase;

const char *nines_sim_phase_to_string (NinesSimPhase phase);

typedef struct
{
  guint          minute;         /* since the start of the simulation */
  NinesSimPhase  phase;
  double         serving;        /* share of normal capacity serving, 0 … 1 (averaged over the minute) */
  double         requests;       /* requests arriving in the minute */
  double         failed;         /* of which failed */
  double         data_lost_gb;   /* cumulative */
  double         cost_usd;       /* spent in the minute (0 without cost rates) */
} NinesSimMinute;

/* Monthly cost rates of the deployment (from the cost engine), to cost the minutes. */
typedef struct
{
  double steady_usd_month;
  double failover_usd_month;
} NinesSimCost;

typedef struct _NinesSimulation NinesSimulation;

#define NINES_TYPE_SIMULATION (nines_simulation_get_type ())
GType                 nines_simulation_get_type        (void) G_GNUC_CONST;

/* Fails @target (a region code or an AZ ID of the document) at minute @at_minute, for
 * @duration_minutes (<= 0: the knob region_outage_hours). @cost: (nullable). Returns NULL
 * with NINES_MODEL_ERROR_INVALID when @target is not a region or AZ the deployment uses,
 * when @duration_minutes is NaN, or when the outage does not end within the 31 days
 * simulated. */
NinesSimulation      *nines_simulation_new             (NinesRecovery      *recovery,
                                                        const char         *target,
                                                        guint               at_minute,
                                                        double              duration_minutes,
                                                        const NinesSimCost *cost,
                                                        GError            **error);
NinesSimulation      *nines_simulation_ref             (NinesSimulation    *self);
void                  nines_simulation_unref           (NinesSimulation    *self);

NinesRecovery        *nines_simulation_get_recovery    (NinesSimulation    *self);
const char           *nines_simulation_get_target      (NinesSimulation    *self);
gboolean              nines_simulation_is_az           (NinesSimulation    *self);
guint                 nines_simulation_get_failure_minute (NinesSimulation *self);
guint                 nines_simulation_get_n_minutes   (NinesSimulation    *self);
const NinesSimMinute *nines_simulation_get_minute      (NinesSimulation    *self,
                                                        guint               i);
/* Minutes from the failure until full capacity serves again. */
double                nines_simulation_get_downtime_minutes (NinesSimulation *self);
double                nines_simulation_get_requests_failed  (NinesSimulation *self);
double                nines_simulation_get_data_lost_gb     (NinesSimulation *self);
/* Cost from the failure to the end of the simulation; 0 without cost rates. */
double                nines_simulation_get_outage_cost_usd  (NinesSimulation *self);
gboolean              nines_simulation_has_cost        (NinesSimulation    *self);
/* How the request rate was derived, and other caveats, for the output. */
const char           *nines_simulation_get_method      (NinesSimulation    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesSimulation, nines_simulation_unref)

G_END_DECLS
