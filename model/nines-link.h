/* nines-link.h: a traffic or data dependency between two components */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-model-types.h"

G_BEGIN_DECLS

#define NINES_TYPE_LINK (nines_link_get_type ())
G_DECLARE_FINAL_TYPE (NinesLink, nines_link, NINES, LINK, GObject)

NinesLink     *nines_link_new      (const char    *from,
                                    const char    *to,
                                    NinesLinkKind  kind);
const char    *nines_link_get_from (NinesLink     *self);
const char    *nines_link_get_to   (NinesLink     *self);
NinesLinkKind  nines_link_get_kind (NinesLink     *self);
gboolean       nines_link_equal    (NinesLink     *a,
                                    NinesLink     *b);

G_END_DECLS
