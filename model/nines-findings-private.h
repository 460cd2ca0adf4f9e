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
/* Component rules (nines-findings-rules.c). */
void _nines_findings_component_rules  (NinesFindingsBuild *b);

G_END_DECLS
