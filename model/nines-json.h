/* nines-json.h: JSON text from outside (files, AWS responses, tool output) read safely */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean  nines_json_check_one_value (const char  *data,
                                      gsize        len,
                                      GError     **error);
JsonNode *nines_json_parse           (const char  *data,
                                      gssize       len,
                                      GError     **error);

G_END_DECLS
