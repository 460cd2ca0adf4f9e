/* nines-compare-panel.h: the patterns side by side (cost steady and failed over, RTO, RPO,
 * nines, what each adds) and a cost-vs-RTO chart; "Use" applies one (win.pattern). */
#pragma once

#include <gtk/gtk.h>

#include "nines-analysis-panel.h"

G_BEGIN_DECLS

#define NINES_TYPE_COMPARE_PANEL (nines_compare_panel_get_type ())
G_DECLARE_FINAL_TYPE (NinesComparePanel, nines_compare_panel, NINES, COMPARE_PANEL, NinesAnalysisPanel)

GtkWidget *nines_compare_panel_new          (void);
/* The text of cell (@pattern, @column) (columns: 0 steady, 1 failover, 2 RTO, 3 RPO, 4 nines). */
const char *nines_compare_panel_get_cell    (NinesComparePanel *self,
                                             NinesDrPattern     pattern,
                                             guint              column);

G_END_DECLS
