/* nines-document.h: a Nines design: regions, components, links, DR choice, operations.
 *
 * The document is the single source of truth. It is read by everyone and changed only
 * through NinesCommandStack, so every edit is undoable. It emits "changed" after each
 * edit; its collections are GListModels that emit items-changed. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nines-component.h"
#include "nines-link.h"
#include "nines-region.h"

G_BEGIN_DECLS

/* The file format version this build writes. */
#define NINES_DOCUMENT_FORMAT 1

typedef struct
{
  double x;
  double y;
} NinesPoint;

/* A user-entered price that replaces or fills in the snapshot's. */
typedef struct
{
  char   *service;      /* Price List service code, e.g. "AmazonEC2" */
  char   *region;       /* region code, or NULL for global prices */
  char   *usage;        /* the usage dimension the cost engine asks for */
  double  usd;          /* USD per unit */
  char   *note;         /* why (e.g. "EDP quote 2026-10") */
} NinesPriceOverride;

#define NINES_TYPE_DOCUMENT (nines_document_get_type ())
G_DECLARE_FINAL_TYPE (NinesDocument, nines_document, NINES, DOCUMENT, GObject)

NinesDocument  *nines_document_new                 (void);
NinesDocument  *nines_document_copy                (NinesDocument  *self);

const char     *nines_document_get_name            (NinesDocument  *self);
/* A stable random id made when the document is created; tags provisioned stacks. */
const char     *nines_document_get_uuid            (NinesDocument  *self);

/* GListModel of NinesRegion, in the order of the file. */
GListModel     *nines_document_get_regions         (NinesDocument  *self);
NinesRegion    *nines_document_lookup_region       (NinesDocument  *self,
                                                    const char     *code);
/* GListModel of NinesComponent. */
GListModel     *nines_document_get_components      (NinesDocument  *self);
guint           nines_document_get_n_components    (NinesDocument  *self);
NinesComponent *nines_document_get_component       (NinesDocument  *self,
                                                    guint           i);
NinesComponent *nines_document_lookup_component    (NinesDocument  *self,
                                                    const char     *id);
gboolean        nines_document_find_component      (NinesDocument  *self,
                                                    const char     *id,
                                                    guint          *position);
/* An id not yet used, made from @kind ("ec2-asg-2"). */
char           *nines_document_make_component_id   (NinesDocument  *self,
                                                    const char     *kind);
/* GListModel of NinesLink. */
GListModel     *nines_document_get_links           (NinesDocument  *self);

/* Disaster recovery choice. The recovery region is NULL when none is chosen. */
NinesDrPattern  nines_document_get_dr_pattern      (NinesDocument  *self);
const char     *nines_document_get_primary_region  (NinesDocument  *self);
const char     *nines_document_get_recovery_region (NinesDocument  *self);
/* Knob value: explicit, else the catalog default. (transfer none) */
GVariant       *nines_document_get_knob            (NinesDocument  *self,
                                                    const char     *name);
GVariant       *nines_document_get_explicit_knob   (NinesDocument  *self,
                                                    const char     *name);
double          nines_document_get_knob_double     (NinesDocument  *self,
                                                    const char     *name);

/* Operations (the seed's checklist). Dates are ISO 8601 "YYYY-MM-DD" or NULL. */
const char     *nines_document_get_last_dr_test      (NinesDocument *self);
const char     *nines_document_get_last_restore_test (NinesDocument *self);
const char * const *nines_document_get_owners        (NinesDocument *self);
const char     *nines_document_get_notes             (NinesDocument *self);

/* Pricing adjustments saved with the document. */
double          nines_document_get_discount_percent  (NinesDocument *self);
guint           nines_document_get_n_price_overrides (NinesDocument *self);
const NinesPriceOverride *nines_document_get_price_override (NinesDocument *self,
                                                             guint          i);
const NinesPriceOverride *nines_document_lookup_price_override (NinesDocument *self,
                                                                const char    *service,
                                                                const char    *region,
                                                                const char    *usage);

/* Canvas layout, kept apart from the model. Returns FALSE when @key has no position. */
gboolean        nines_document_get_position        (NinesDocument  *self,
                                                    const char     *key,
                                                    NinesPoint     *point);

/* Top-level sections this version does not model (kept verbatim on save), and the
 * sections other layers own (e.g. "provisioning"). (transfer none) (nullable) */
JsonNode       *nines_document_get_section         (NinesDocument  *self,
                                                    const char     *name);
void            nines_document_set_section         (NinesDocument  *self,
                                                    const char     *name,
                                                    JsonNode       *node);

/* Semantic checks over the whole document: regions known, AZs in their region,
 * min <= desired <= max, ids unique, links resolve, … Each problem is appended to
 * @problems as "components[3].max: must be >= min (is 2, min 4)". */
void            nines_document_check               (NinesDocument  *self,
                                                    GPtrArray      *problems);

/* Builders, for documents not yet shown to a user (loaders, generators, tests).
 * A document being edited is changed only through NinesCommandStack. */
void            nines_document_set_name            (NinesDocument  *self,
                                                    const char     *name);
void            nines_document_add_region          (NinesDocument  *self,
                                                    NinesRegion    *region);
void            nines_document_add_component       (NinesDocument  *self,
                                                    NinesComponent *component);
void            nines_document_add_link            (NinesDocument  *self,
                                                    NinesLink      *link);
void            nines_document_set_dr              (NinesDocument  *self,
                                                    NinesDrPattern  pattern,
                                                    const char     *recovery_region);
void            nines_document_set_knob            (NinesDocument  *self,
                                                    const char     *name,
                                                    GVariant       *value);
void            nines_document_set_position        (NinesDocument  *self,
                                                    const char     *key,
                                                    const NinesPoint *point);

G_END_DECLS
