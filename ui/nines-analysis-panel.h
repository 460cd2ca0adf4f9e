/* nines-analysis-panel.h: base of the panels that show a NinesAnalysis (costs, recovery,
 * findings, compare). It follows the analysis and calls the subclass's update() when the
 * panel is shown or about to be; an analysis that changes while the panel is hidden only
 * marks it stale, so hidden pages cost nothing per edit. */
#pragma once

#include <gtk/gtk.h>

#include "nines-analysis.h"

G_BEGIN_DECLS

#define NINES_TYPE_ANALYSIS_PANEL (nines_analysis_panel_get_type ())
G_DECLARE_DERIVABLE_TYPE (NinesAnalysisPanel, nines_analysis_panel, NINES, ANALYSIS_PANEL, GtkWidget)

struct _NinesAnalysisPanelClass
{
  GtkWidgetClass parent_class;

  /* Shows @analysis (NULL: none). Called while the panel is shown, or is the visible
   * page of its stack about to be mapped. */
  void (*update) (NinesAnalysisPanel *self,
                  NinesAnalysis      *analysis);
};

void           nines_analysis_panel_set_analysis (NinesAnalysisPanel *self,
                                                  NinesAnalysis      *analysis);
NinesAnalysis *nines_analysis_panel_get_analysis (NinesAnalysisPanel *self);
/* Updates a stale panel now, shown or not (for getters that read what it shows). */
void           nines_analysis_panel_flush        (NinesAnalysisPanel *self);

G_END_DECLS
