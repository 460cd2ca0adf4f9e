/* nines-cost-row.h: one line of a cost estimate as a GObject, for GtkColumnView */
#pragma once

#include <glib-object.h>
#include <nines-model.h>

G_BEGIN_DECLS

#define NINES_TYPE_COST_ROW (nines_cost_row_get_type ())
G_DECLARE_FINAL_TYPE (NinesCostRow, nines_cost_row, NINES, COST_ROW, GObject)

/* Keeps @estimate alive; shows its line @index. */
NinesCostRow        *nines_cost_row_new      (NinesCostEstimate *estimate,
                                              guint              index);
const NinesCostLine *nines_cost_row_get_line (NinesCostRow      *self);

G_END_DECLS
