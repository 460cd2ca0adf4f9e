/* nines-component.h: one service in a design (an Auto Scaling group, a bucket, …) */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-catalog.h"

G_BEGIN_DECLS

#define NINES_TYPE_COMPONENT (nines_component_get_type ())
G_DECLARE_FINAL_TYPE (NinesComponent, nines_component, NINES, COMPONENT, GObject)

/* A component not yet in a document: add it with nines_command_stack_add_component(). */
NinesComponent      *nines_component_new              (const char      *id,
                                                       const char      *kind,
                                                       const char      *region);
NinesComponent      *nines_component_copy             (NinesComponent  *self);

const char          *nines_component_get_id           (NinesComponent  *self);
const char          *nines_component_get_kind         (NinesComponent  *self);
/* (transfer none) (nullable): NULL for a kind the catalog does not know */
const NinesKindInfo *nines_component_get_kind_info    (NinesComponent  *self);
const char          *nines_component_get_name         (NinesComponent  *self);
/* The name, or the kind's label when the component has none. */
const char          *nines_component_get_display_name (NinesComponent  *self);
/* (nullable): NULL for global kinds */
const char          *nines_component_get_region       (NinesComponent  *self);
/* (transfer none): AZ IDs, empty for non-zonal kinds */
const char * const  *nines_component_get_azs          (NinesComponent  *self);
guint                nines_component_get_n_azs        (NinesComponent  *self);

/* Parameter values: the explicit value if set, else the catalog default.
 * (transfer none) (nullable): NULL only for a name the kind does not have. */
GVariant            *nines_component_get_param        (NinesComponent  *self,
                                                       const char      *name);
/* (transfer none) (nullable): only the explicitly set value */
GVariant            *nines_component_get_explicit_param (NinesComponent *self,
                                                         const char     *name);
gint64               nines_component_get_int          (NinesComponent  *self,
                                                       const char      *name);
double               nines_component_get_double       (NinesComponent  *self,
                                                       const char      *name);
gboolean             nines_component_get_bool         (NinesComponent  *self,
                                                       const char      *name);
const char          *nines_component_get_string       (NinesComponent  *self,
                                                       const char      *name);
/* The key figure shown on the canvas card: "3× m6i.large" (the kind's summary template). */
char                *nines_component_format_summary   (NinesComponent  *self);
/* Sorted names of the explicitly set parameters. */
GStrv                nines_component_list_explicit_params (NinesComponent *self);

/* Setters for components not yet in a document (building one up). Once a
 * component belongs to a document, change it only through NinesCommandStack. */
void                 nines_component_set_name         (NinesComponent  *self,
                                                       const char      *name);
void                 nines_component_set_azs          (NinesComponent  *self,
                                                       const char * const *azs);
void                 nines_component_set_param        (NinesComponent  *self,
                                                       const char      *name,
                                                       GVariant        *value);

G_END_DECLS
