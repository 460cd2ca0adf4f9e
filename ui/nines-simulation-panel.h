/* nines-simulation-panel.h: play an outage: pick a region or AZ, press Play; the minutes
 * advance (serving share, failed requests, data lost, cost), the RTO timeline's cursor
 * moves, ::outage-changed tells the canvas what to grey out; a summary stays at the end. */
#pragma once

#include <gtk/gtk.h>

#include "nines-analysis.h"

G_BEGIN_DECLS

#define NINES_TYPE_SIMULATION_PANEL (nines_simulation_panel_get_type ())
G_DECLARE_FINAL_TYPE (NinesSimulationPanel, nines_simulation_panel, NINES, SIMULATION_PANEL, GtkWidget)

GtkWidget       *nines_simulation_panel_new          (void);
void             nines_simulation_panel_set_analysis (NinesSimulationPanel *self,
                                                      NinesAnalysis        *analysis);
/* Chooses the failed region or AZ; FALSE if the design has no such target. */
gboolean         nines_simulation_panel_set_target   (NinesSimulationPanel *self,
                                                      const char           *target);
void             nines_simulation_panel_play         (NinesSimulationPanel *self);
void             nines_simulation_panel_stop         (NinesSimulationPanel *self);
/* Jumps to @minute (the end: G_MAXUINT). */
void             nines_simulation_panel_seek         (NinesSimulationPanel *self,
                                                      guint                 minute);
/* (nullable) the simulation being shown */
NinesSimulation *nines_simulation_panel_get_simulation (NinesSimulationPanel *self);
const char      *nines_simulation_panel_get_summary  (NinesSimulationPanel *self);

G_END_DECLS
