/* nines-json-writer.h: deterministic, human-diffable JSON text */
#pragma once

#ifndef NINES_MODEL_COMPILATION
# error "nines-json-writer.h is private to the model library"
#endif

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Pretty-prints @node with two-space indents, members in their insertion order, arrays
 * of scalars on one line, and numbers in their shortest exact form ("0.1", not
 * "0.10000000000000001"). The same tree always gives the same bytes. */
void nines_json_write (GString  *out,
                       JsonNode *node);
/* The same, but the objects of scalars in arrays that are members named in @compact
 * (e.g. "links") are written one per line when the line stays within 100 columns. */
void nines_json_write_compact (GString            *out,
                               JsonNode           *node,
                               const char * const *compact);

G_END_DECLS
