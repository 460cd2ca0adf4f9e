/* nines-findings-panel.h: the findings (severity, what, why, fix); activating one that is
 * about a component emits ::component-activated so the window selects it. */
#pragma once

#include <gtk/gtk.h>

#include "nines-analysis-panel.h"

G_BEGIN_DECLS

#define NINES_TYPE_FINDINGS_PANEL (nines_findings_panel_get_type ())
G_DECLARE_FINAL_TYPE (NinesFindingsPanel, nines_findings_panel, NINES, FINDINGS_PANEL, NinesAnalysisPanel)

GtkWidget  *nines_findings_panel_new          (void);
GtkListBox *nines_findings_panel_get_list     (NinesFindingsPanel *self);

G_END_DECLS
