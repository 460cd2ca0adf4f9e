/* nines-summary-bar.h: the strip above the canvas: monthly cost steady and while failed over,
 * RTO, RPO and nines of the design's pattern, as the model computes them. */
#pragma once

#include <gtk/gtk.h>

#include "nines-analysis.h"

G_BEGIN_DECLS

typedef enum
{
  NINES_SUMMARY_STEADY,
  NINES_SUMMARY_FAILOVER,
  NINES_SUMMARY_RTO,
  NINES_SUMMARY_RPO,
  NINES_SUMMARY_NINES,
} NinesSummaryField;

#define NINES_SUMMARY_N_FIELDS 5

#define NINES_TYPE_SUMMARY_BAR (nines_summary_bar_get_type ())
G_DECLARE_FINAL_TYPE (NinesSummaryBar, nines_summary_bar, NINES, SUMMARY_BAR, GtkWidget)

GtkWidget  *nines_summary_bar_new          (void);
void        nines_summary_bar_set_analysis (NinesSummaryBar   *self,
                                            NinesAnalysis     *analysis);
/* The text shown for @field ("$1,366.63", "4.5 min"). */
const char *nines_summary_bar_get_text     (NinesSummaryBar   *self,
                                            NinesSummaryField  field);

G_END_DECLS
