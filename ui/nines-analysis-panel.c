/* nines-analysis-panel.c: see nines-analysis-panel.h */
#define G_LOG_DOMAIN "nines-analysis-panel"

#include "config.h"

#include "nines-analysis-panel.h"

typedef struct
{
  NinesAnalysis *analysis;
  gboolean       stale;   /* the panel does not show the analysis yet */
} NinesAnalysisPanelPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (NinesAnalysisPanel, nines_analysis_panel, GTK_TYPE_WIDGET)

void
nines_analysis_panel_flush (NinesAnalysisPanel *self)
{
  NinesAnalysisPanelPrivate *priv = nines_analysis_panel_get_instance_private (self);

  g_return_if_fail (NINES_IS_ANALYSIS_PANEL (self));

  if (!priv->stale)
    return;
  priv->stale = FALSE;
  NINES_ANALYSIS_PANEL_GET_CLASS (self)->update (self, priv->analysis);
}

/* Shown, or about to be: no ancestor is a hidden page of a stack (GtkStack and
 * AdwViewStack make their other pages child-invisible). The visible page is filled
 * before the window maps, so its labels are measured once, with their values, for the
 * first frame. */
static gboolean
shown_or_about_to_be (GtkWidget *widget)
{
  if (gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    if (!gtk_widget_get_child_visible (w))
      return FALSE;
  return TRUE;
}

/* Now if the panel is shown or about to be; otherwise when it is mapped. */
static void
invalidate (NinesAnalysisPanel *self)
{
  NinesAnalysisPanelPrivate *priv = nines_analysis_panel_get_instance_private (self);

  priv->stale = TRUE;
  if (shown_or_about_to_be (GTK_WIDGET (self)))
    nines_analysis_panel_flush (self);
}

static void
nines_analysis_panel_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nines_analysis_panel_parent_class)->map (widget);
  nines_analysis_panel_flush (NINES_ANALYSIS_PANEL (widget));
}

static void
nines_analysis_panel_dispose (GObject *object)
{
  NinesAnalysisPanel *self = NINES_ANALYSIS_PANEL (object);
  NinesAnalysisPanelPrivate *priv = nines_analysis_panel_get_instance_private (self);
  GtkWidget *child;

  if (priv->analysis)
    g_signal_handlers_disconnect_by_data (priv->analysis, self);
  g_clear_object (&priv->analysis);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (nines_analysis_panel_parent_class)->dispose (object);
}

static void
nines_analysis_panel_class_init (NinesAnalysisPanelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = nines_analysis_panel_dispose;
  GTK_WIDGET_CLASS (klass)->map = nines_analysis_panel_map;
}

static void
nines_analysis_panel_init (NinesAnalysisPanel *self)
{
}

void
nines_analysis_panel_set_analysis (NinesAnalysisPanel *self,
                                   NinesAnalysis      *analysis)
{
  NinesAnalysisPanelPrivate *priv = nines_analysis_panel_get_instance_private (self);

  g_return_if_fail (NINES_IS_ANALYSIS_PANEL (self));
  g_return_if_fail (analysis == NULL || NINES_IS_ANALYSIS (analysis));

  if (priv->analysis)
    g_signal_handlers_disconnect_by_data (priv->analysis, self);
  g_set_object (&priv->analysis, analysis);
  if (analysis)
    g_signal_connect_swapped (analysis, "changed", G_CALLBACK (invalidate), self);
  invalidate (self);
}

NinesAnalysis *
nines_analysis_panel_get_analysis (NinesAnalysisPanel *self)
{
  NinesAnalysisPanelPrivate *priv = nines_analysis_panel_get_instance_private (self);

  g_return_val_if_fail (NINES_IS_ANALYSIS_PANEL (self), NULL);
  return priv->analysis;
}
