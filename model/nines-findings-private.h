/* nines-findings-private.h: shared by nines-findings*.c */
#pragma once

#include "nines-model-private.h"

G_BEGIN_DECLS

typedef struct
{
  NinesRecovery   *recovery;
  NinesDeployment *deployment;
  NinesDocument   *document;
  const char      *primary;
  const char      *recovery_region;
  GDate           *today;
  GPtrArray       *items;        /* of NinesFinding */
} NinesFindingsBuild;

/* Takes @what, @why and @fix. */
void _nines_findings_add              (NinesFindingsBuild *b,
                                       const char         *rule,
                                       NinesSeverity       severity,
                                       const char         *component_id,
                                       char               *what,
                                       char               *why,
                                       char               *fix);
/* Frees a NinesFinding (a GDestroyNotify). */
void _nines_findings_free_item        (gpointer            finding);
/* Component rules (nines-findings-rules.c): the pass over the components (from @scan,
 * nullable, when it ran before), then the rules about the whole region. */
void _nines_findings_component_rules  (NinesFindingsBuild *b,
                                       NinesFindingsScan  *scan);

G_END_DECLS
