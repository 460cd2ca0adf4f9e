/* nines-runbook.h: the DR runbook of a deployment, as Markdown.
 *
 * Failover and failback for the deployment's pattern, step by step in the order of the
 * recovery model's timeline, each with its expected duration and source, the AWS CLI
 * commands that do it (against the stacks nines_cfn_template_build() describes) and
 * the checks to run; then the RPO per data store and the seed's reminder to test the
 * plan. Deterministic: the same recovery gives the same text. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-recovery.h"

G_BEGIN_DECLS

char *nines_runbook_to_markdown (NinesRecovery *recovery);

G_END_DECLS
