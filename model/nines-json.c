/* nines-json.c: JSON text from outside read safely
 *
 * json-glib 1.6 (Debian 12) accepts text that holds more than one top-level value
 * ("{…}{…}", "2{…}", "[1][2]"), returns the first value as the root and leaks the tree of
 * the others (found by tests/fuzz: fuzz-aws-xml, fuzz-price-offer-json,
 * fuzz-price-get-products, fuzz-price-page-json). Text from outside goes through
 * nines_json_check_one_value() first, which refuses it: it is not JSON anyway.
 *
 * json-glib reads its text with GScanner, which also takes what JSON does not have:
 * "$1f" as a hexadecimal number, 'single-quoted' strings, C and C++ comments. "$0{…}"
 * is then two values, the number and the object, and leaks the same way (found by
 * fuzz-price-offer-json). Outside strings, the check refuses every character JSON has
 * no use for, so what it counts as values is what json-glib sees. */
#define G_LOG_DOMAIN "nines-json"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-json.h"
#include "nines-model-error.h"

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_bare_char (char c)
{
  /* numbers, true, false, null (and bare words json-glib judges itself) */
  return g_ascii_isalnum (c) || c == '-' || c == '+' || c == '.' || c == '_';
}

static void
set_position_error (GError     **error,
                    const char  *data,
                    gsize        at,
                    const char  *what)
{
  guint line = 1, column = 1;

  for (gsize j = 0; j < at; j++)
    {
      column++;
      if (data[j] == '\n')
        line++, column = 1;
    }
  /* Translators: "line 2, column 5: more text after …" */
  g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE, _("line %u, column %u: %s"),
               line, column, what);
}

/**
 * nines_json_check_one_value:
 * @data: JSON text, not necessarily nul-terminated
 * @len: its length in bytes
 * @error: set (NINES_MODEL_ERROR_PARSE) when there is text after the first value
 *
 * Looks for text after the end of the first top-level JSON value, which json-glib 1.6
 * would parse as further values and leak, and, outside strings, for characters that are
 * not JSON, which json-glib's scanner may take as a value of its own ("$0", 'x', a
 * comment). Anything else wrong with @data (a string or a nesting left open, a stray
 * bracket) is left to json-glib to report, with its line and column. Linear in @len,
 * with no allocation but for the error.
 *
 * Returns: FALSE, with @error set, if @data holds more than one value or a character
 *   that is not JSON
 */
gboolean
nines_json_check_one_value (const char  *data,
                            gsize        len,
                            GError     **error)
{
  gboolean have_value = FALSE;   /* a whole top-level value was read */
  guint depth = 0;
  gsize i = 0;

  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;   /* a UTF-8 byte order mark, which json-glib skips */
  for (; i < len; i++)
    {
      char c = data[i];

      if (is_json_space (c))
        continue;
      if (c == '\0' || (!is_bare_char (c) && strchr ("\"{}[]:,", c) == NULL))
        {
          g_autofree char *what = NULL;

          if (g_ascii_isprint (c))
            what = g_strdup_printf (_("“%c” is not JSON"), c);
          else
            what = g_strdup_printf (_("byte 0x%02x is not JSON"), (guchar) c);
          set_position_error (error, data, i, what);
          return FALSE;
        }
      if (have_value)
        {
          set_position_error (error, data, i,
                              _("more text after the end of the JSON value (JSON text holds "
                                "one value)"));
          return FALSE;
        }
      if (c == '"')
        {
          for (i++; i < len && data[i] != '"'; i++)
            if (data[i] == '\\')
              i++;
          if (i >= len)
            return TRUE;   /* the string never ends: json-glib says so */
        }
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          if (depth == 0)
            return TRUE;   /* a stray bracket: json-glib says so */
          depth--;
        }
      else if (is_bare_char (c))
        {
          while (i + 1 < len && is_bare_char (data[i + 1]))
            i++;
        }
      else if (depth == 0)
        return TRUE;   /* ":" or "," where a value starts: json-glib says so */
      if (depth == 0)
        have_value = TRUE;
    }
  return TRUE;
}

/**
 * nines_json_parse:
 * @data: JSON text, not necessarily nul-terminated if @len is given
 * @len: its length in bytes, or -1 if @data is nul-terminated
 * @error: return location for an error (NINES_MODEL_ERROR_PARSE, or json-glib's
 *   JSON_PARSER_ERROR with its line and column)
 *
 * Parses JSON text that comes from outside: like json_from_string(), with a length, and
 * refusing text that holds more than one value (see nines_json_check_one_value()).
 *
 * Returns: (transfer full) (nullable): the value, or NULL with @error set (also for
 *   empty text)
 */
JsonNode *
nines_json_parse (const char  *data,
                  gssize       len,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);

  if (len < 0)
    len = strlen (data);
  if (!nines_json_check_one_value (data, len, error))
    return NULL;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, len, error))
    return NULL;
  root = json_parser_steal_root (parser);
  if (root == NULL)
    g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                 _("the JSON text is empty"));
  return root;
}
