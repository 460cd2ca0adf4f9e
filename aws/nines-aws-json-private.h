/* nines-aws-json-private.h: reading JSON that came from outside (AWS answers, a
 * credential_process) without json-glib's own getters, which emit a critical when a
 * member has an unexpected type (private to libnines-aws). */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The string member @name of @o: TRUE with *@value NULL when it is absent or null, TRUE
 * with the string, FALSE (and *@value NULL) when it holds another type. */
static inline gboolean
_nines_aws_json_get_string (JsonObject  *o,
                            const char  *name,
                            const char **value)
{
  JsonNode *n = json_object_get_member (o, name);

  *value = NULL;
  if (n == NULL || JSON_NODE_HOLDS_NULL (n))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return FALSE;
  *value = json_node_get_string (n);
  return TRUE;
}

/* The string member @name of @o, or NULL when it is absent or not a string. */
static inline const char *
_nines_aws_json_string (JsonObject *o,
                        const char *name)
{
  const char *value;

  _nines_aws_json_get_string (o, name, &value);
  return value;
}

G_END_DECLS
