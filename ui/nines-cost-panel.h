/* nines-cost-panel.h: the cost breakdown: a sortable GtkColumnView of the estimate's lines
 * (grouped by region and service), subtotals, each price's source and date on hover, and
 * missing prices highlighted with a button to enter one (a price override, undoable). */
#pragma once

#include <gtk/gtk.h>

#include "nines-analysis-panel.h"
#include "nines-cost-row.h"

G_BEGIN_DECLS

#define NINES_TYPE_COST_PANEL (nines_cost_panel_get_type ())
G_DECLARE_FINAL_TYPE (NinesCostPanel, nines_cost_panel, NINES, COST_PANEL, NinesAnalysisPanel)

GtkWidget  *nines_cost_panel_new               (void);
void        nines_cost_panel_set_command_stack (NinesCostPanel    *self,
                                                NinesCommandStack *stack);
/* The rows shown (NinesCostRow), in display order. (transfer none) */
GListModel *nines_cost_panel_get_model         (NinesCostPanel    *self);
/* Enters a price for the missing line @row without asking (what the dialog does). */
gboolean    nines_cost_panel_enter_price       (NinesCostPanel    *self,
                                                NinesCostRow      *row,
                                                double             usd,
                                                GError           **error);

G_END_DECLS
