/* nines-command-stack.h: every edit of a document, undoable.
 *
 * The GUI, the CLI and the tests change documents only through these calls, so undo
 * and redo of any sequence return the exact prior document. Consecutive moves of the
 * same selection merge into one step (a drag is one undo). */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-document.h"

G_BEGIN_DECLS

#define NINES_TYPE_COMMAND_STACK (nines_command_stack_get_type ())
G_DECLARE_FINAL_TYPE (NinesCommandStack, nines_command_stack, NINES, COMMAND_STACK, GObject)

NinesCommandStack *nines_command_stack_new             (NinesDocument     *document);
NinesDocument     *nines_command_stack_get_document    (NinesCommandStack *self);

gboolean           nines_command_stack_can_undo        (NinesCommandStack *self);
gboolean           nines_command_stack_can_redo        (NinesCommandStack *self);
/* Label of the step undo/redo would take ("Move", "Set Minimum"); NULL if none. */
const char        *nines_command_stack_get_undo_label  (NinesCommandStack *self);
const char        *nines_command_stack_get_redo_label  (NinesCommandStack *self);
gboolean           nines_command_stack_undo            (NinesCommandStack *self);
gboolean           nines_command_stack_redo            (NinesCommandStack *self);
void               nines_command_stack_clear           (NinesCommandStack *self);
/* TRUE when the document differs from the last nines_command_stack_mark_saved(). */
gboolean           nines_command_stack_is_dirty        (NinesCommandStack *self);
void               nines_command_stack_mark_saved      (NinesCommandStack *self);

/* Several commands as one undo step. Groups nest. */
void               nines_command_stack_begin_group     (NinesCommandStack *self,
                                                        const char        *label);
void               nines_command_stack_end_group       (NinesCommandStack *self);

/* The edits. Each validates first and returns FALSE with a GError (nothing changed)
 * when the edit would make the document invalid. */
gboolean nines_command_stack_add_region        (NinesCommandStack  *self,
                                                const char         *code,
                                                const char * const *azs,
                                                GError            **error);
gboolean nines_command_stack_remove_region     (NinesCommandStack  *self,
                                                const char         *code,
                                                GError            **error);
gboolean nines_command_stack_set_region_azs    (NinesCommandStack  *self,
                                                const char         *code,
                                                const char * const *azs,
                                                GError            **error);
/* Takes a new component (not in any document); @at may be NULL. */
gboolean nines_command_stack_add_component     (NinesCommandStack  *self,
                                                NinesComponent     *component,
                                                const NinesPoint   *at,
                                                GError            **error);
/* Removes the component with its links and layout position. */
gboolean nines_command_stack_remove_component  (NinesCommandStack  *self,
                                                const char         *id,
                                                GError            **error);
gboolean nines_command_stack_move              (NinesCommandStack  *self,
                                                const char * const *ids,
                                                double              dx,
                                                double              dy,
                                                GError            **error);
gboolean nines_command_stack_set_position      (NinesCommandStack  *self,
                                                const char         *key,
                                                const NinesPoint   *point,
                                                GError            **error);
/* @value NULL resets to the catalog default. */
gboolean nines_command_stack_set_param         (NinesCommandStack  *self,
                                                const char         *id,
                                                const char         *name,
                                                GVariant           *value,
                                                GError            **error);
gboolean nines_command_stack_set_component_name (NinesCommandStack *self,
                                                 const char        *id,
                                                 const char        *name,
                                                 GError           **error);
gboolean nines_command_stack_set_placement     (NinesCommandStack  *self,
                                                const char         *id,
                                                const char         *region,
                                                const char * const *azs,
                                                GError            **error);
gboolean nines_command_stack_connect           (NinesCommandStack  *self,
                                                const char         *from,
                                                const char         *to,
                                                NinesLinkKind       kind,
                                                GError            **error);
gboolean nines_command_stack_disconnect        (NinesCommandStack  *self,
                                                const char         *from,
                                                const char         *to,
                                                NinesLinkKind       kind,
                                                GError            **error);
gboolean nines_command_stack_set_name          (NinesCommandStack  *self,
                                                const char         *name,
                                                GError            **error);
gboolean nines_command_stack_set_dr            (NinesCommandStack  *self,
                                                NinesDrPattern      pattern,
                                                const char         *recovery_region,
                                                GError            **error);
/* @value NULL resets to the default. */
gboolean nines_command_stack_set_knob          (NinesCommandStack  *self,
                                                const char         *name,
                                                GVariant           *value,
                                                GError            **error);
gboolean nines_command_stack_set_operations    (NinesCommandStack  *self,
                                                const char         *last_dr_test,
                                                const char         *last_restore_test,
                                                const char         *notes,
                                                GError            **error);
/* The people who own the design's recovery (operations.owners). */
gboolean nines_command_stack_set_owners        (NinesCommandStack  *self,
                                                const char * const *owners,
                                                GError            **error);
/* @code NULL: the first region of the design. */
gboolean nines_command_stack_set_primary_region (NinesCommandStack *self,
                                                 const char        *code,
                                                 GError           **error);
gboolean nines_command_stack_set_discount      (NinesCommandStack  *self,
                                                double              percent,
                                                GError            **error);
/* Adds or replaces the override for (service, region, usage); @usd < 0 removes it. */
gboolean nines_command_stack_set_price_override (NinesCommandStack *self,
                                                 const char        *service,
                                                 const char        *region,
                                                 const char        *usage,
                                                 double             usd,
                                                 const char        *note,
                                                 GError           **error);

G_END_DECLS
