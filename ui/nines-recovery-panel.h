/* nines-recovery-panel.h: the RTO timeline as a chart (critical path highlighted), each
 * step's duration and source, and the data each store can lose (RPO) with its source. */
#pragma once

#include <gtk/gtk.h>

#include "nines-analysis-panel.h"

G_BEGIN_DECLS

#define NINES_TYPE_RECOVERY_PANEL (nines_recovery_panel_get_type ())
G_DECLARE_FINAL_TYPE (NinesRecoveryPanel, nines_recovery_panel, NINES, RECOVERY_PANEL, NinesAnalysisPanel)

GtkWidget *nines_recovery_panel_new          (void);

G_END_DECLS
