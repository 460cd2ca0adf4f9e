/* nines-model-private.h: what the files of the model library share among themselves */
#pragma once

#ifndef NINES_MODEL_COMPILATION
# error "nines-model-private.h is private to the model library"
#endif

#include "nines-model.h"

G_BEGIN_DECLS

void        _nines_region_set_azs          (NinesRegion        *self,
                                            const char * const *azs);
void        _nines_component_set_region    (NinesComponent     *self,
                                            const char         *region);
JsonObject *_nines_component_get_extra     (NinesComponent     *self);
void        _nines_component_set_extra     (NinesComponent     *self,
                                            JsonObject         *extra);
JsonObject *_nines_link_get_extra          (NinesLink          *self);
void        _nines_link_set_extra          (NinesLink          *self,
                                            JsonObject         *extra);

/* Reads a file this library wrote, without the semantic checks (for copies of documents
 * that are still being built, which may not be valid yet). */
NinesDocument *_nines_document_load_unchecked (const char    *data,
                                               gsize          length);

/* Raw edits used by the command stack and the loader; each emits "changed". */
void        _nines_document_emit_changed   (NinesDocument      *self);
void        _nines_document_insert_region  (NinesDocument      *self,
                                            guint               position,
                                            NinesRegion        *region);
void        _nines_document_remove_region  (NinesDocument      *self,
                                            guint               position);
gboolean    _nines_document_find_region    (NinesDocument      *self,
                                            const char         *code,
                                            guint              *position);
void        _nines_document_insert_component (NinesDocument    *self,
                                              guint             position,
                                              NinesComponent   *component);
void        _nines_document_remove_component (NinesDocument    *self,
                                              guint             position);
void        _nines_document_insert_link    (NinesDocument      *self,
                                            guint               position,
                                            NinesLink          *link);
void        _nines_document_remove_link    (NinesDocument      *self,
                                            guint               position);
void        _nines_document_set_uuid       (NinesDocument      *self,
                                            const char         *uuid);
void        _nines_document_set_primary_region (NinesDocument  *self,
                                                const char     *code);
void        _nines_document_set_operations (NinesDocument      *self,
                                            const char         *last_dr_test,
                                            const char         *last_restore_test,
                                            const char * const *owners,
                                            const char         *notes);
void        _nines_document_set_discount   (NinesDocument      *self,
                                            double              percent);
/* Replaces (or with @usd < 0 removes) the override for its key; returns the old one. */
NinesPriceOverride *_nines_document_replace_override (NinesDocument *self,
                                                      const NinesPriceOverride *override);
void        _nines_price_override_free     (NinesPriceOverride *override);
/* The key of an override's unknown members in the document's extras. */
char       *_nines_price_override_extra_key (const NinesPriceOverride *override);
NinesPriceOverride *_nines_price_override_copy (const NinesPriceOverride *override);
/* Puts @override (copied) at @position of the list; its key must not be there yet. */
void        _nines_document_insert_override (NinesDocument            *self,
                                             guint                     position,
                                             const NinesPriceOverride *override);
/* The raw primary region: NULL when it is the first region. */
const char *_nines_document_get_explicit_primary_region (NinesDocument *self);
/* Removes the position; returns FALSE if there was none. */
gboolean    _nines_document_unset_position (NinesDocument      *self,
                                            const char         *key);
/* Unknown members of the sub-objects ("dr", "operations", "pricing", "layout",
 * "regions[2]"), kept for the writer. (transfer none) */
JsonObject *_nines_document_get_extra      (NinesDocument      *self,
                                            const char         *path);
void        _nines_document_set_extra      (NinesDocument      *self,
                                            const char         *path,
                                            JsonObject         *extra);
/* Names of the top-level sections kept verbatim, in file order. */
GPtrArray  *_nines_document_get_section_names (NinesDocument   *self);
/* Layout keys, sorted. */
GPtrArray  *_nines_document_get_layout_keys (NinesDocument     *self);

/* Where the document's i-th region, component and link stood in the file it was loaded
 * from (the loader skips entries it cannot build), so problem paths name the file's
 * index. A NULL map, or a NULL member, means the same index. */
typedef struct
{
  GArray *regions;      /* of guint */
  GArray *components;
  GArray *links;
  GArray *overrides;    /* pricing.overrides */
} NinesSourceMap;

/* nines_document_check() with file indices in the paths. */
void        _nines_document_check_mapped   (NinesDocument        *self,
                                            const NinesSourceMap *map,
                                            GPtrArray            *problems);
/* Checks component @i alone; @seen (nullable) maps ids to the file index of their first
 * use, to find duplicates. */
void        _nines_document_check_component (NinesDocument        *self,
                                             guint                 i,
                                             const NinesSourceMap *map,
                                             GHashTable           *seen,
                                             GPtrArray            *problems);

/* Building deployments (nines-dr-patterns.c). */
NinesDeployment   *_nines_deployment_new_empty       (NinesDocument        *document,
                                                      NinesDrPattern        pattern);
/* Takes references on @steady and @failover. */
NinesDeployedItem *_nines_deployment_add_item        (NinesDeployment      *self,
                                                      const char           *id,
                                                      const char           *source_id,
                                                      NinesDeployRole       role,
                                                      gboolean              added,
                                                      const char           *region,
                                                      NinesComponent       *steady,
                                                      NinesComponent       *failover,
                                                      const char           *note);
NinesReplication  *_nines_deployment_add_replication (NinesDeployment      *self,
                                                      const char           *source_id,
                                                      const char           *target_id,
                                                      NinesReplicationKind  kind,
                                                      const char           *from_region,
                                                      const char           *to_region);

/* The bundled data (generated by glib-compile-resources). */
GResource  *nines_data_get_resource        (void);

/* @text with control characters written as \n, \t, \u0001…, so a problem stays one line
 * whatever names and values a file holds. */
char       *_nines_one_line                (const char         *text);

/* The one of @candidates (NULL-terminated) @word is most likely a typo of, or NULL: for
 * "did you mean" hints that do not change each time the catalog grows. */
const char *_nines_suggest                 (const char         *word,
                                            GPtrArray          *candidates);

/* Date "YYYY-MM-DD" check. */
gboolean    _nines_is_iso_date             (const char         *str);

G_END_DECLS
