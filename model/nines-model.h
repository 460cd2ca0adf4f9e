/* nines-model.h: the umbrella header of the model library (GLib, json-glib; no GTK) */
#pragma once

#define NINES_MODEL_INSIDE
# include "nines-model-types.h"
# include "nines-model-error.h"
# include "nines-catalog.h"
# include "nines-region.h"
# include "nines-component.h"
# include "nines-link.h"
# include "nines-document.h"
# include "nines-document-io.h"
# include "nines-command-stack.h"
# include "nines-deployment.h"
# include "nines-cfn-template.h"
# include "nines-price-snapshot.h"
# include "nines-price-builder.h"
# include "nines-price-import.h"
# include "nines-cost-estimate.h"
# include "nines-cost-model.h"
# include "nines-recovery.h"
# include "nines-findings.h"
# include "nines-evaluation.h"
# include "nines-simulation.h"
# include "nines-runbook.h"
# include "nines-cost-export.h"
# include "nines-geometry.h"
# include "nines-json.h"
#undef NINES_MODEL_INSIDE
