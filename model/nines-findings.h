/* nines-findings.h: what is wrong (or right) with a deployment, and how to fix it.
 *
 * A rules engine over a deployment and its recovery (DESIGN.md section 6). It answers the
 * seed's three questions explicitly (backups in at least two regions? which DR pattern?
 * when was the DR plan last tested?) and checks the design against the seed and the AWS
 * Well-Architected reliability and security pillars. Each finding has a severity, what,
 * why (a seed passage or a Well-Architected reference), how to fix, and the component it
 * concerns. Immutable once built. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-recovery.h"

G_BEGIN_DECLS

typedef enum
{
  NINES_SEVERITY_INFO,      /* an answer or a good practice in place */
  NINES_SEVERITY_WARNING,   /* a risk worth fixing */
  NINES_SEVERITY_CRITICAL,  /* data loss or a long outage waiting to happen */
} NinesSeverity;

const char *nines_severity_to_string (NinesSeverity severity);

/* Days after which a DR test or restore test counts as stale (the issue: 90 days; the seed:
 * "If you haven't practiced restoring in a few months, assume you won't be able to"). */
#define NINES_FINDINGS_STALE_DAYS 90

typedef struct
{
  const char    *rule;          /* stable rule id, e.g. "seed-dr-test" */
  NinesSeverity  severity;
  char          *component_id;  /* (nullable) the component it concerns */
  char          *what;
  char          *why;
  char          *fix;
} NinesFinding;

typedef struct _NinesFindings NinesFindings;

#define NINES_TYPE_FINDINGS (nines_findings_get_type ())
GType               nines_findings_get_type     (void) G_GNUC_CONST;

/* @today: (nullable) the date the DR-test ages are counted to; NULL for the current date
 * (tests pass a fixed one). Findings are sorted by severity (critical first), then rule. */
NinesFindings      *nines_findings_new          (NinesRecovery  *recovery,
                                                 GDate          *today);
NinesFindings      *nines_findings_ref          (NinesFindings  *self);
void                nines_findings_unref        (NinesFindings  *self);

guint               nines_findings_get_n_items  (NinesFindings  *self);
const NinesFinding *nines_findings_get_item     (NinesFindings  *self,
                                                 guint           i);
guint               nines_findings_count        (NinesFindings  *self,
                                                 NinesSeverity   severity);
/* (nullable) the first finding of @rule (about @component_id when not NULL) */
const NinesFinding *nines_findings_lookup       (NinesFindings  *self,
                                                 const char     *rule,
                                                 const char     *component_id);

/* The ids of every rule the engine has, NULL-terminated. */
const char * const *nines_findings_list_rules   (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesFindings, nines_findings_unref)

G_END_DECLS
