/* nines-model-private.h: what the files of the model library share among themselves */
#pragma once

#ifndef NINES_MODEL_COMPILATION
# error "nines-model-private.h is private to the model library"
#endif

#include <string.h>

#include "nines-model.h"

G_BEGIN_DECLS

void        _nines_region_set_azs          (NinesRegion        *self,
                                            const char * const *azs);
void        _nines_component_set_region    (NinesComponent     *self,
                                            const char         *region);
JsonObject *_nines_component_get_extra     (NinesComponent     *self);
/* Changes with every change to the component (a counter; see nines-component.c). */
guint64     _nines_component_get_revision  (NinesComponent     *self);
/* A parameter's value (explicit, else the default) decoded: @cls is its GVariant class
 * (int64, double, boolean or string); for int64 and boolean @i, for int64 and double
 * @number, for string @string. FALSE for a name the kind does not have. */
typedef struct
{
  GVariantClass  cls;
  gint64         i;
  double         number;
  const char    *string;
} NinesParamValue;

gboolean    _nines_component_read_param    (NinesComponent     *self,
                                            const char         *name,
                                            NinesParamValue    *value);
/* For a copy being built that nothing listens to yet (a DR pattern's): the same as
 * nines_component_set_param() without the "changed" signal. Takes a reference on @value
 * (sinking a floating one); @decoded (nullable) is @value already decoded. */
void        _nines_component_take_param    (NinesComponent        *self,
                                            const char            *name,
                                            GVariant              *value,
                                            const NinesParamValue *decoded);
/* (transfer full) A copy of @self in @region, on @azs instead of its own AZs when
 * @set_azs; @region and the AZ ids must be interned (g_intern_string). */
NinesComponent *_nines_component_copy_to   (NinesComponent     *self,
                                            const char         *region,
                                            const char * const *azs,
                                            gboolean            set_azs);
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
/* The item of a drawn component in the primary region (role primary). */
void               _nines_deployment_add_drawn       (NinesDeployment      *self,
                                                      NinesComponent       *c);
/* The items added so far are the document's components (called once, after them); the
 * stages after the pattern read the drawn components from here rather than from the
 * document's list model, which costs a tree walk per read. */
void               _nines_deployment_mark_drawn      (NinesDeployment      *self);
guint              _nines_deployment_get_n_drawn     (NinesDeployment      *self);
NinesComponent    *_nines_deployment_get_drawn       (NinesDeployment      *self,
                                                      guint                 i);
/* @a @b @c joined, kept by the deployment (transfer none). */
const char        *_nines_deployment_join_string     (NinesDeployment      *self,
                                                      const char           *a,
                                                      const char           *b,
                                                      const char           *c);
/* Replications added while the rules work on drawn item @i copy from it (G_MAXUINT: none). */
void               _nines_deployment_set_current_drawn (NinesDeployment    *self,
                                                        guint               i);
/* Once every item and replication is in: each replication's source component (the
 * drawn one, else looked up in the document) and target item. */
void               _nines_deployment_resolve_replications (NinesDeployment *self);
/* Replication @i's ends (each out argument nullable): the index of its drawn source
 * (G_MAXUINT when it copies from no drawn component), the source component and the
 * target item (NULL where the id names none). */
void               _nines_deployment_get_replication_ends (NinesDeployment          *self,
                                                           guint                     i,
                                                           guint                    *drawn,
                                                           NinesComponent          **source,
                                                           const NinesDeployedItem **target);
NinesReplication  *_nines_deployment_add_replication (NinesDeployment      *self,
                                                      const char           *source_id,
                                                      const char           *target_id,
                                                      NinesReplicationKind  kind,
                                                      const char           *from_region,
                                                      const char           *to_region);

/* What one drawn component's pattern rule added, kept between builds (nines-deployment.c,
 * nines-deploy-cache.c). */
typedef struct _NinesDeployFragment NinesDeployFragment;
typedef struct _NinesDeployCache NinesDeployCache;

NinesDeployFragment *_nines_deploy_fragment_ref        (NinesDeployFragment *fragment);
void                 _nines_deploy_fragment_unref      (NinesDeployFragment *fragment);
/* The component it was made from, and *@revision its revision then. */
NinesComponent      *_nines_deploy_fragment_get_component (NinesDeployFragment *fragment,
                                                          guint64             *revision);
guint               *_nines_deploy_fragment_generation (NinesDeployFragment *fragment);
void                 _nines_deployment_begin_fragment  (NinesDeployment     *self,
                                                        NinesComponent      *component);
NinesDeployFragment *_nines_deployment_end_fragment    (NinesDeployment     *self);
void                 _nines_deployment_note_revisions  (NinesDeployment     *self,
                                                        guint                first);
void                 _nines_deployment_prefetch_replication (NinesDeployment *self,
                                                             guint            i);
void                 _nines_deployment_replay_fragment (NinesDeployment     *self,
                                                        NinesDeployFragment *fragment);

NinesDeployCache    *_nines_deploy_cache_new           (void);
void                 _nines_deploy_cache_free          (NinesDeployCache    *cache);
void                 _nines_deploy_cache_begin         (NinesDeployCache    *cache,
                                                        gconstpointer        key,
                                                        gsize                key_size);
NinesDeployFragment *_nines_deploy_cache_lookup        (NinesDeployCache    *cache,
                                                        NinesComponent      *component);
void                 _nines_deploy_cache_insert        (NinesDeployCache    *cache,
                                                        NinesDeployFragment *fragment);
void                 _nines_deploy_cache_end           (NinesDeployCache    *cache);
/* The lines each component was priced at (nines-cost-cache.c); the document's is made on
 * first use. */
typedef struct _NinesCostCache NinesCostCache;
NinesCostCache      *_nines_cost_cache_new             (void);
void                 _nines_cost_cache_free            (NinesCostCache      *cache);

/* A document's caches (nines-deploy-cache.c), made on its first deployment
 * (_nines_document_get_caches(), nines-document.c) and freed with it. */
typedef struct _NinesDocumentCaches NinesDocumentCaches;
NinesDocumentCaches *_nines_document_caches_new        (void);
void                 _nines_document_caches_free       (NinesDocumentCaches *caches);
NinesDocumentCaches *_nines_document_get_caches        (NinesDocument       *self);
NinesCostCache      *_nines_document_get_cost_cache    (NinesDocument       *self);
GPtrArray           *_nines_document_share_components  (NinesDocument       *self);
/* What a stage reads of each component, kept per component revision in the order the
 * stage meets them (nines-facts-cache.c). @payload is zeroed before the read. */
typedef struct _NinesFactsCache NinesFactsCache;
/* What a stage keeps of a component: @payload_size bytes, filled by @read. */
typedef struct
{
  gsize   payload_size;
  void  (*read) (NinesComponent *c,
                 gpointer        payload,
                 gpointer        user_data);
} NinesFactsKind;

/* The recovery's (nines-recovery.c) and the findings' (nines-findings-rules.c). */
extern const NinesFactsKind _nines_recovery_facts;
extern const NinesFactsKind _nines_findings_facts;

NinesFactsCache     *_nines_facts_cache_new            (const NinesFactsKind *kind);
void                 _nines_facts_cache_free           (NinesFactsCache     *cache);
void                 _nines_facts_cache_begin          (NinesFactsCache     *cache);
guint                _nines_facts_cache_lookup         (NinesFactsCache     *cache,
                                                        NinesComponent      *c,
                                                        guint64              revision,
                                                        gpointer             user_data);
gconstpointer        _nines_facts_cache_get            (NinesFactsCache     *cache,
                                                        guint                index);
void                 _nines_facts_cache_end            (NinesFactsCache     *cache);
/* The recovery's, per pattern; the findings' (nines-deploy-cache.c). */
NinesFactsCache     *_nines_document_get_recovery_facts (NinesDocument      *self,
                                                         NinesDrPattern      pattern);
NinesFactsCache     *_nines_document_get_findings_facts (NinesDocument      *self);
/* The cache for @pattern: @routing for the Route 53 rule's fragments, which depend on
 * the front doors too. */
NinesDeployCache    *_nines_document_get_deploy_cache  (NinesDocument       *self,
                                                        NinesDrPattern       pattern,
                                                        gboolean             routing);

/* g_str_equal() for a kind against a literal, its first byte compared inline: the
 * per-component rules test kinds in chains, tens of thousands of times a recompute. */
static inline gboolean
_nines_kind_is (const char *kind,
                const char *literal)
{
  return kind[0] == literal[0] && strcmp (kind, literal) == 0;
}

/* Findings in two parts (nines-findings-rules.c): the pass over the components, which
 * needs only the deployment (an evaluation runs it beside the recovery), then the rest. */
typedef struct _NinesFindingsScan NinesFindingsScan;

NinesFindingsScan   *_nines_findings_scan_new          (NinesDeployment     *deployment);
void                 _nines_findings_scan_free         (NinesFindingsScan   *scan);
/* nines_findings_new() with the pass over the components from @scan (nullable). */
NinesFindings       *_nines_findings_new_with_scan     (NinesRecovery       *recovery,
                                                        GDate               *today,
                                                        NinesFindingsScan   *scan);

/* Whether two regions of one deployment are the same: every region in it (its own, its
 * items', its replications', its components') is interned, so the same region is the
 * same address. For loops over thousands of items. */
static inline gboolean
_nines_same_region (const char *a,
                    const char *b)
{
  return a == b;
}

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
