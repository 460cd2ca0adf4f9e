/* nines-evaluation.h: everything the app shows of a design under one pattern, computed
 * together after each edit. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-cost-estimate.h"
#include "nines-deployment.h"
#include "nines-findings.h"
#include "nines-price-snapshot.h"
#include "nines-recovery.h"

G_BEGIN_DECLS

typedef struct
{
  NinesDeployment   *deployment;
  NinesCostEstimate *estimate;
  NinesRecovery     *recovery;
  NinesFindings     *findings;
} NinesEvaluation;

/* Fills @out with @document under @pattern: the deployment, its cost priced from @prices
 * (NULL: the bundled snapshot), its recovery and, when @with_findings, its findings as of
 * @today (NULL: the current date). The cost and the recovery depend only on the
 * deployment and are computed side by side on a large design. What @out held before (an
 * earlier evaluation it replaces, or nothing) is released meanwhile, beside the cost. */
void nines_evaluation_compute (NinesEvaluation    *out,
                               NinesDocument      *document,
                               NinesDrPattern      pattern,
                               NinesPriceSnapshot *prices,
                               gboolean            with_findings,
                               GDate              *today);
/* Releases what @self holds and leaves it clear. */
void nines_evaluation_clear   (NinesEvaluation    *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NinesEvaluation, nines_evaluation_clear)

G_END_DECLS
