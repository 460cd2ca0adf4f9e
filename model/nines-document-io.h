/* nines-document-io.h: the .nines file format (JSON, versioned), load and atomic save */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-document.h"

G_BEGIN_DECLS

/* Loads and validates. On failure the GError (NINES_MODEL_ERROR) message lists every
 * problem, one per line, each as "FILE: components[3].max: must be >= min (is 2, min 4)".
 * @display_name names the file in messages (the path or a basename). */
NinesDocument *nines_document_load_from_data    (const char     *data,
                                                 gssize          length,
                                                 const char     *display_name,
                                                 GError        **error);
NinesDocument *nines_document_load_from_file    (const char     *path,
                                                 GError        **error);
/* Loads one of the bundled examples by name ("storefront"). */
NinesDocument *nines_document_load_example      (const char     *name,
                                                 GError        **error);

/* Serialises to the current format: deterministic (the same document gives the
 * same bytes), unknown fields kept. */
char          *nines_document_to_data           (NinesDocument  *self,
                                                 gsize          *length);
/* Atomic: writes a temporary file in the same folder, fsyncs it and renames it over
 * @path, so a crash or kill at any point leaves either the old or the new file. */
gboolean       nines_document_save_to_file      (NinesDocument  *self,
                                                 const char     *path,
                                                 GError        **error);

/* Migration hook: turns an object of format @from_version into format @from_version+1
 * in place. Exposed for tests. */
gboolean       nines_document_migrate_step      (JsonObject     *root,
                                                 gint64          from_version,
                                                 GError        **error);

G_END_DECLS
