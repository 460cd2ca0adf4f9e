#define G_LOG_DOMAIN "nines-json"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "nines-json-writer.h"
#include "nines-cost-export.h"

static void
write_string (GString    *out,
              const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      unsigned char c = *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

const char *
nines_format_shortest (char   *buf,
                       gsize   len,
                       double  v)
{
  g_return_val_if_fail (buf != NULL && len >= G_ASCII_DTOSTR_BUF_SIZE, NULL);

  if (v == 0)
    {
      /* Not "-0", which reads back as the integer 0 and would then save as "0". */
      g_strlcpy (buf, "0", len);
      return buf;
    }
  if (v == floor (v) && fabs (v) < 1e15)
    {
      g_snprintf (buf, len, "%.0f", v);
      return buf;
    }
  /* The shortest precision that reads back to the same double. */
  for (int prec = 1; prec <= 17; prec++)
    {
      char fmt[8];

      g_snprintf (fmt, sizeof fmt, "%%.%dg", prec);
      g_ascii_formatd (buf, len, fmt, v);
      if (prec == 17 || g_ascii_strtod (buf, NULL) == v)
        break;
    }
  return buf;
}

static void
write_double (GString *out,
              double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (v))
    {
      /* JSON has no NaN or infinity; the validators reject such values before a save. */
      g_string_append (out, "null");
      return;
    }
  g_string_append (out, nines_format_shortest (buf, sizeof buf, v));
}

static gboolean
is_scalar (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) || JSON_NODE_HOLDS_NULL (node);
}

static void
indent (GString *out,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void write_node (GString            *out,
                        JsonNode           *node,
                        guint               depth,
                        const char * const *compact,
                        gboolean            compact_here);

/* Lines no longer than this hold a whole small object: a link. */
#define MAX_LINE 100

/* Writes an array element that is an object of scalars on one line, {"from": "a", …},
 * when the line stays short; returns FALSE (writing nothing) otherwise. */
static gboolean
write_flat_object (GString  *out,
                   JsonNode *node,
                   guint     depth)
{
  JsonObject *o;
  g_autoptr(GList) members = NULL;
  g_autoptr(GString) line = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;
  o = json_node_get_object (node);
  members = json_object_get_members (o);
  if (members == NULL)
    return FALSE;
  for (GList *l = members; l; l = l->next)
    if (!is_scalar (json_object_get_member (o, l->data)))
      return FALSE;

  line = g_string_new ("{");
  for (GList *l = members; l; l = l->next)
    {
      write_string (line, l->data);
      g_string_append (line, ": ");
      write_node (line, json_object_get_member (o, l->data), 0, NULL, FALSE);
      g_string_append (line, l->next ? ", " : "}");
    }
  if (2 * depth + line->len + 1 > MAX_LINE)
    return FALSE;
  g_string_append_len (out, line->str, line->len);
  return TRUE;
}

static void
write_node (GString            *out,
            JsonNode           *node,
            guint               depth,
            const char * const *compact,
            gboolean            compact_here)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
        }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *a = json_node_get_array (node);
        guint n = json_array_get_length (a);
        gboolean flat = TRUE;

        for (guint i = 0; i < n && flat; i++)
          flat = is_scalar (json_array_get_element (a, i));
        if (n == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (flat)
              g_string_append (out, i ? ", " : "");
            else
              {
                g_string_append (out, i ? ",\n" : "\n");
                indent (out, depth + 1);
                if (compact_here &&
                    write_flat_object (out, json_array_get_element (a, i), depth + 1))
                  continue;
              }
            write_node (out, json_array_get_element (a, i), depth + 1, compact, FALSE);
          }
        if (!flat)
          {
            g_string_append_c (out, '\n');
            indent (out, depth);
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_OBJECT:
      {
        JsonObject *o = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (o);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append (out, "{\n");
        for (GList *l = members; l; l = l->next)
          {
            indent (out, depth + 1);
            write_string (out, l->data);
            g_string_append (out, ": ");
            write_node (out, json_object_get_member (o, l->data), depth + 1, compact,
                        compact != NULL && g_strv_contains (compact, l->data));
            g_string_append (out, l->next ? ",\n" : "\n");
          }
        indent (out, depth);
        g_string_append_c (out, '}');
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

void
nines_json_write (GString  *out,
                  JsonNode *node)
{
  write_node (out, node, 0, NULL, FALSE);
  g_string_append_c (out, '\n');
}

void
nines_json_write_compact (GString            *out,
                          JsonNode           *node,
                          const char * const *compact)
{
  write_node (out, node, 0, compact, FALSE);
  g_string_append_c (out, '\n');
}
