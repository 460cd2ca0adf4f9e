/* nines-analysis.h: the model's verdict on the open design, kept current.
 *
 * After every edit it asks the model for the deployment of the document's pattern, its
 * cost estimate, its recovery and its findings, and emits "changed". An edit emits
 * "invalidated" at once; a widget calls nines_analysis_flush() from its frame clock's update
 * phase (see NinesSummaryBar), so what is painted follows the edit in the same frame, and a
 * high-priority idle covers the case where no frame comes. A burst of edits is computed
 * once. The UI shows these numbers; it never computes a cost or a duration itself. The
 * comparison of every pattern is computed on demand.
 *
 * It also carries the user's display preferences that change the numbers shown: the
 * standing discount (for designs that set none) and the units of data sizes. */
#pragma once

#include <glib-object.h>
#include <nines-model.h>

G_BEGIN_DECLS

typedef struct
{
  NinesDrPattern pattern;
  double         steady_usd;     /* after the discount (nines_analysis_get_discount()) */
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
/* The monthly totals of @state with the discount applied; FALSE without a document. */
gboolean           nines_analysis_get_total      (NinesAnalysis       *self,
                                                  NinesCostState       state,
                                                  NinesCostTotal      *total);
/* Computes now what an edit left pending and emits "changed"; nothing when up to date. */
void               nines_analysis_flush          (NinesAnalysis       *self);

/* The discount (percent off list prices) for designs that set none of their own: the
 * "discount-percent" preference. A design's own discount wins. */
void               nines_analysis_set_default_discount (NinesAnalysis *self,
                                                        double         percent);
double             nines_analysis_get_default_discount (NinesAnalysis *self);
/* The discount applied to the costs shown, and whether it is the design's own. */
double             nines_analysis_get_discount   (NinesAnalysis       *self,
                                                  gboolean            *from_design);

/* The price snapshot designs are priced with: NULL for the bundled one. */
void               nines_analysis_set_prices     (NinesAnalysis       *self,
                                                  NinesPriceSnapshot  *prices);
NinesPriceSnapshot *nines_analysis_get_prices    (NinesAnalysis       *self);

typedef enum
{
  NINES_UNITS_DECIMAL,   /* GB, TB: powers of 1000 (the "units" preference's nicks) */
  NINES_UNITS_BINARY,    /* GiB, TiB: powers of 1024 */
} NinesUnits;

void               nines_analysis_set_units      (NinesAnalysis       *self,
                                                  NinesUnits           units);
NinesUnits         nines_analysis_get_units      (NinesAnalysis       *self);

/* Money, sizes and durations for people (the model stores numbers). */
char              *nines_analysis_format_usd     (double         usd);
/* @gb: decimal gigabytes (10^9 bytes), as the model counts data. */
char              *nines_format_data_size        (double         gb,
                                                  NinesUnits     units);

G_END_DECLS
