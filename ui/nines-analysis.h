/* nines-analysis.h: the model's verdict on the open design, kept current.
 *
 * After every edit (within the frame: a high-priority idle before GTK's layout) it asks the
 * model for the deployment of the document's pattern, its cost estimate, its recovery and
 * its findings, and emits "changed". The UI shows these numbers; it never computes a cost or
 * a duration itself. The comparison of every pattern is computed on demand. */
#pragma once

#include <glib-object.h>
#include <nines-model.h>

G_BEGIN_DECLS

typedef struct
{
  NinesDrPattern pattern;
  double         steady_usd;     /* after the document's discount */
  double         failover_usd;
  gboolean       complete;       /* every price found */
  double         rto_s;
  double         rpo_s;          /* < 0: unbounded */
  double         nines;
  double         downtime_min_per_year;
  guint          n_added;        /* items the pattern adds */
} NinesPatternSummary;

#define NINES_TYPE_ANALYSIS (nines_analysis_get_type ())
G_DECLARE_FINAL_TYPE (NinesAnalysis, nines_analysis, NINES, ANALYSIS, GObject)

NinesAnalysis     *nines_analysis_new            (void);
void               nines_analysis_set_document   (NinesAnalysis *self,
                                                  NinesDocument *document);
NinesDocument     *nines_analysis_get_document   (NinesAnalysis *self);
/* All (nullable) without a document; brought up to date first. */
NinesDeployment   *nines_analysis_get_deployment (NinesAnalysis *self);
NinesCostEstimate *nines_analysis_get_estimate   (NinesAnalysis *self);
NinesRecovery     *nines_analysis_get_recovery   (NinesAnalysis *self);
NinesFindings     *nines_analysis_get_findings   (NinesAnalysis *self);
/* The document's pattern, summarised (the numbers of the summary strip). */
gboolean           nines_analysis_get_summary    (NinesAnalysis       *self,
                                                  NinesPatternSummary *summary);
/* Every pattern (NINES_N_DR_PATTERNS entries, in enum order), cached until the next edit. */
const NinesPatternSummary *nines_analysis_compare (NinesAnalysis *self);

/* Money and durations for people (the model stores numbers). */
char              *nines_analysis_format_usd     (double         usd);

G_END_DECLS
