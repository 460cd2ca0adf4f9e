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

G_END_DECLS
