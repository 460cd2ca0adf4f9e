/* nines-document-io.c: loading .nines files: the text checked and parsed, older formats
 * migrated, the sections read (nines-document-load.c) and the document checked
 * (nines-document-check.c), every problem reported at once. Saving is in
 * nines-document-save.c. */
#define G_LOG_DOMAIN "nines-document-io"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "nines-document-load.h"

/* Deeper nesting than this is no document of ours; json-glib would recurse on it. */
#define MAX_DEPTH 64
/* Far larger than any design (10,000 components are about 4 MB). */
#define MAX_FILE_SIZE (256 * 1024 * 1024)

gboolean
nines_document_migrate_step (JsonObject  *root,
                             gint64       from_version,
                             GError     **error)
{
  g_return_val_if_fail (root != NULL, FALSE);

  switch (from_version)
    {
    case 0:
      /* Format 0 (the 2026 prototype) called the version "version", the name "title" and
       * the components "services", and kept the DR choice at the top level. */
      {
        static const char * const renames[][2] = {
          { "title", "name" }, { "services", "components" },
        };
        static const char * const dr_members[] = { "pattern", "recovery_region" };
        JsonNode *dr_node = json_object_get_member (root, "dr");
        JsonObject *dr;

        for (guint i = 0; i < G_N_ELEMENTS (renames); i++)
          if (json_object_has_member (root, renames[i][0]))
            {
              if (!json_object_has_member (root, renames[i][1]))
                {
                  JsonNode *value = json_object_get_member (root, renames[i][0]);
                  json_object_set_member (root, renames[i][1], json_node_copy (value));
                }
              json_object_remove_member (root, renames[i][0]);
            }
        if (dr_node == NULL || JSON_NODE_HOLDS_NULL (dr_node))
          {
            dr = json_object_new ();
            json_object_set_object_member (root, "dr", dr);
          }
        else if (JSON_NODE_HOLDS_OBJECT (dr_node))
          dr = json_node_get_object (dr_node);
        else
          dr = NULL;  /* the loader reports what "dr" is */
        for (guint i = 0; i < G_N_ELEMENTS (dr_members); i++)
          if (json_object_has_member (root, dr_members[i]))
            {
              if (dr != NULL && !json_object_has_member (dr, dr_members[i]))
                {
                  JsonNode *value = json_object_get_member (root, dr_members[i]);
                  json_object_set_member (dr, dr_members[i], json_node_copy (value));
                }
              json_object_remove_member (root, dr_members[i]);
            }
        json_object_remove_member (root, "version");
        json_object_set_int_member (root, "format", 1);
      }
      return TRUE;

    default:
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("no migration from format %lld"), (long long) from_version);
      return FALSE;
    }
}

static void
position_of (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  *line = 1;
  *column = 1;
  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) data[i] & 0xc0) != 0x80)  /* count characters, not bytes */
        (*column)++;
    }
}

static guint
line_of (const char *data,
         gsize       offset)
{
  guint line, column;

  position_of (data, offset, &line, &column);
  return line;
}

static gboolean G_GNUC_PRINTF (5, 6)
syntax_error (GError    **error,
              const char *display_name,
              const char *data,
              gsize       offset,
              const char *format,
              ...)
{
  g_autofree char *msg = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  position_of (data, offset, &line, &column);
  g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
               _("%s: line %u, column %u: not valid JSON: %s"), display_name, line, column, msg);
  return FALSE;
}

/* The value of 4 hex digits, or -1. */
static gint64
hex4 (const char *p)
{
  gint64 v = 0;

  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      v = v * 16 + g_ascii_xdigit_value (p[i]);
    }
  return v;
}

static void
free_gstring (GString *s)
{
  g_string_free (s, TRUE);
}

/* json-glib turns a lone UTF-16 surrogate escape ("\\ud800") into bytes that are not
 * UTF-8; such a string would be saved into a file the loader then refuses (found by
 * tests/fuzz/fuzz-document). Returns whether every string and key is UTF-8. Depth is
 * bounded by prescan(). */
static gboolean
strings_are_utf8 (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_utf8_validate (json_node_get_string (node), -1, NULL);
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        if (!strings_are_utf8 (json_array_get_element (a, i)))
          return FALSE;
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (o);

      for (GList *l = members; l; l = l->next)
        if (!g_utf8_validate (l->data, -1, NULL) ||
            !strings_are_utf8 (json_object_get_member (o, l->data)))
          return FALSE;
    }
  return TRUE;
}

/* Looks over the JSON text before json-glib parses it, for what json-glib handles badly:
 * nesting too deep (it recurses), a file cut short and trailing commas (its messages then
 * blame the wrong character), text after the document, single quotes and bare words (it
 * accepts some of them), and whole numbers too large for 64 bits (it wraps them silently,
 * so that 99999999999999999999 reads as -1). Such numbers are returned in @rewritten with
 * "e0" appended, which makes them doubles: the validators then report them as out of
 * range. */
static gboolean
prescan (const char  *data,
         gsize        len,
         const char  *display_name,
         GString    **rewritten,
         GError     **error)
{
  gboolean in_string = FALSE;
  gboolean done = FALSE;   /* the top-level value is complete */
  gsize string_start = 0;
  gsize last_comma = 0;
  gboolean after_comma = FALSE;
  guint depth = 0;
  gsize copied = 0;

  *rewritten = NULL;
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\' && i + 5 < len && data[i + 1] == 'u')
            {
              gint64 unit = hex4 (data + i + 2);

              /* A UTF-16 surrogate escape must be a high one followed by a low one;
               * json-glib turns half a pair into bytes that are not UTF-8. */
              if (unit >= 0xdc00 && unit <= 0xdfff)
                return syntax_error (error, display_name, data, i,
                                     _("\\u%04x is the second half of a UTF-16 surrogate pair, "
                                       "without the first"), (guint) unit);
              if (unit >= 0xd800 && unit <= 0xdbff)
                {
                  gint64 low = i + 11 < len && data[i + 6] == '\\' && data[i + 7] == 'u'
                               ? hex4 (data + i + 8) : -1;

                  if (low < 0xdc00 || low > 0xdfff)
                    return syntax_error (error, display_name, data, i,
                                         _("\\u%04x is the first half of a UTF-16 surrogate "
                                           "pair, without the second"), (guint) unit);
                  i += 6;
                }
              i += 5;
            }
          else if (c == '\\')
            i++;
          else if (c == '"')
            {
              in_string = FALSE;
              done = depth == 0;
            }
          continue;
        }
      if (g_ascii_isspace (c) || (i == 0 && len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0))
        {
          if (i == 0 && !g_ascii_isspace (c))
            i += 2;  /* a UTF-8 byte order mark */
          continue;
        }
      if (done)
        return syntax_error (error, display_name, data, i,
                             _("more text after the end of the document"));
      if ((c == ']' || c == '}') && after_comma)
        return syntax_error (error, display_name, data, last_comma,
                             _("a comma before \"%c\" (JSON allows no trailing comma)"), c);
      after_comma = c == ',';
      if (after_comma)
        last_comma = i;

      if (c == '"')
        {
          in_string = TRUE;
          string_start = i;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                           _("%s: line %u: nested deeper than %d levels; this is not a Nines "
                             "document"), display_name, line_of (data, i), MAX_DEPTH);
              return FALSE;
            }
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0)
            depth--;
          done = depth == 0;
        }
      else if (c == '\'')
        return syntax_error (error, display_name, data, i,
                             _("strings and names need double quotes (\"), not single ones"));
      else if (g_ascii_isalpha (c) || c == '_')
        {
          gsize end = i;
          g_autofree char *word = NULL;

          while (end < len && (g_ascii_isalnum (data[end]) || data[end] == '_'))
            end++;
          word = g_strndup (data + i, end - i);
          if (!g_str_equal (word, "true") && !g_str_equal (word, "false") &&
              !g_str_equal (word, "null"))
            return syntax_error (error, display_name, data, i,
                                 _("%s must be in double quotes"), word);
          done = depth == 0;
          i = end - 1;
        }
      else if (c == '-' || g_ascii_isdigit (c))
        {
          gsize end = i + 1;
          gboolean whole = TRUE;

          while (end < len && (g_ascii_isdigit (data[end]) ||
                               (data[end] != '\0' && strchr ("+-.eE", data[end]))))
            {
              if (!g_ascii_isdigit (data[end]))
                whole = FALSE;
              end++;
            }
          /* 18 digits always fit in a gint64; beyond that, check. */
          if (whole && end - i > 18)
            {
              g_autofree char *literal = g_strndup (data + i, end - i);
              gint64 v;

              if (!g_ascii_string_to_signed (literal, 10, G_MININT64, G_MAXINT64, &v, NULL))
                {
                  if (*rewritten == NULL)
                    *rewritten = g_string_sized_new (len + 16);
                  g_string_append_len (*rewritten, data + copied, end - copied);
                  g_string_append (*rewritten, "e0");
                  copied = end;
                }
            }
          done = depth == 0;
          i = end - 1;
        }
    }

  if (in_string)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   _("%s: line %u: the file ends inside a string that starts on line %u; "
                     "it looks truncated"), display_name, line_of (data, len),
                   line_of (data, string_start));
      g_clear_pointer (rewritten, free_gstring);
      return FALSE;
    }
  if (depth > 0)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   _("%s: line %u: the file ends with %u bracket(s) still open; it looks "
                     "truncated"), display_name, line_of (data, len), depth);
      g_clear_pointer (rewritten, free_gstring);
      return FALSE;
    }
  if (*rewritten != NULL)
    g_string_append_len (*rewritten, data + copied, len - copied);
  return TRUE;
}

/* json-glib says "<data>:12:3: Parse error: unexpected character"; say where as a person
 * would. */
static char *
describe_parse_error (const char *message)
{
  guint line = 0, column = 0;
  int consumed = 0;

  if (sscanf (message, "<data>:%u:%u: Parse error: %n", &line, &column, &consumed) == 2 &&
      consumed > 0)
    return g_strdup_printf (_("line %u, column %u: not valid JSON: %s"), line, column,
                            message + consumed);
  return g_strdup_printf (_("not valid JSON: %s"), message);
}

static const char * const top_fields[] = {
  "format", "name", "uuid", "regions", "components", "links", "dr", "operations", "pricing",
  "layout", NULL
};

static guint
section_rank (const char *path)
{
  gsize n = strcspn (path, ".[:");

  for (guint i = 0; top_fields[i]; i++)
    if (strlen (top_fields[i]) == n && strncmp (path, top_fields[i], n) == 0)
      return i;
  return G_N_ELEMENTS (top_fields);
}

/* "components[2].max: …" before "components[10].id: …": by section in file order, then
 * naturally (numbers by value). The sort is stable, so one field's problems keep their
 * order. */
static int
compare_problem_paths (gconstpointer pa,
                       gconstpointer pb)
{
  const char *a = *(const char * const *) pa;
  const char *b = *(const char * const *) pb;
  guint ra = section_rank (a), rb = section_rank (b);

  if (ra != rb)
    return ra < rb ? -1 : 1;
  while (*a && *b && *a != ':' && *b != ':')
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          char *ea, *eb;
          guint64 na = g_ascii_strtoull (a, &ea, 10), nb = g_ascii_strtoull (b, &eb, 10);

          if (na != nb)
            return na < nb ? -1 : 1;
          a = ea;
          b = eb;
          continue;
        }
      if (*a != *b)
        break;
      a++;
      b++;
    }
  /* Within one element, its own problems ("links[2]: …") come before its fields'. */
  if ((*a == ':' || *a == '\0') && (*b == ':' || *b == '\0'))
    return 0;
  if (*a == ':' || *a == '\0')
    return -1;
  if (*b == ':' || *b == '\0')
    return 1;
  return 0;
}

static NinesDocument *
load_root (JsonObject  *root,
           const char  *display_name,
           gboolean     validate,
           GError     **error)
{
  g_autoptr(NinesDocument) doc = nines_document_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) members = NULL;
  g_autoptr(GArray) region_map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) component_map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) link_map = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) override_map = g_array_new (FALSE, FALSE, sizeof (guint));
  NinesLoader ld = { problems, { region_map, component_map, link_map, override_map } };
  JsonNode *fmt = json_object_get_member (root, "format");
  gint64 format;
  const char *s;

  if (fmt == NULL && json_object_has_member (root, "version"))
    fmt = json_object_get_member (root, "version");
  if (fmt == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: format: is missing; this is not a Nines document"), display_name);
      return NULL;
    }
  if (!_nines_json_is_number (fmt))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: format: must be a whole number (is %s)"), display_name,
                   _nines_json_type_name (fmt));
      return NULL;
    }
  if (json_node_get_value_type (fmt) == G_TYPE_INT64)
    format = json_node_get_int (fmt);
  else if (json_node_get_double (fmt) == floor (json_node_get_double (fmt)) &&
           fabs (json_node_get_double (fmt)) < 9e15)
    format = (gint64) json_node_get_double (fmt);
  else if (json_node_get_double (fmt) > 9e15)
    format = G_MAXINT64;
  else
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: format: must be a whole number (is %g)"), display_name,
                   json_node_get_double (fmt));
      return NULL;
    }
  if (format < 0)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: format: must not be negative (is %lld)"), display_name,
                   (long long) format);
      return NULL;
    }
  if (format > NINES_DOCUMENT_FORMAT)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NEWER_FORMAT,
                   _("%s: format: this file was written by a newer Nines (format %lld; this "
                     "version reads up to %d). Update Nines to open it."),
                   display_name, (long long) format, NINES_DOCUMENT_FORMAT);
      return NULL;
    }
  for (; format < NINES_DOCUMENT_FORMAT; format++)
    if (!nines_document_migrate_step (root, format, error))
      {
        g_prefix_error (error, "%s: ", display_name);
        return NULL;
      }

  if ((s = _nines_loader_get_string (&ld, root, "name", "", FALSE)))
    nines_document_set_name (doc, s);
  if ((s = _nines_loader_get_string (&ld, root, "uuid", "", FALSE)))
    _nines_document_set_uuid (doc, s);
  _nines_loader_load_regions (&ld, doc, root);
  _nines_loader_load_components (&ld, doc, root);
  _nines_loader_load_links (&ld, doc, root);
  _nines_loader_load_dr (&ld, doc, root);
  _nines_loader_load_operations (&ld, doc, root);
  _nines_loader_load_pricing (&ld, doc, root);
  _nines_loader_load_layout (&ld, doc, root);

  members = json_object_get_members (root);
  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (top_fields, l->data))
      nines_document_set_section (doc, l->data, json_object_get_member (root, l->data));

  if (!validate)
    return g_steal_pointer (&doc);
  _nines_document_check_mapped (doc, &ld.map, problems);
  /* In the order of the file, so the problems of one component come together. */
  g_ptr_array_sort (problems, compare_problem_paths);

  if (problems->len > 0)
    {
      g_autoptr(GString) msg = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (msg, "%s%s: %s", i ? "\n" : "", display_name,
                                (char *) g_ptr_array_index (problems, i));
      g_set_error_literal (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID, msg->str);
      return NULL;
    }
  return g_steal_pointer (&doc);
}

static NinesDocument *
load_data (const char  *data,
           gssize       length,
           const char  *display_name,
           gboolean     validate,
           GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) rewritten = NULL;
  const char *bad_utf8 = NULL;
  gsize len;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);
  len = length < 0 ? strlen (data) : (gsize) length;
  if (display_name == NULL)
    display_name = "document";

  if (len == 0)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }
  if (!g_utf8_validate (data, len, &bad_utf8))
    {
      gsize offset = bad_utf8 - data;

      guint line, column;

      position_of (data, offset, &line, &column);
      if (*bad_utf8 == '\0')
        g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                     _("%s: line %u, column %u: the file holds a NUL byte; it is not a text "
                       "file"), display_name, line, column);
      else
        g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                     _("%s: line %u, column %u: not UTF-8 text (byte 0x%02x); save the file "
                       "as UTF-8"), display_name, line, column, (guchar) *bad_utf8);
      return NULL;
    }
  if (!prescan (data, len, display_name, &rewritten, error))
    return NULL;
  if (rewritten != NULL)
    {
      data = rewritten->str;
      len = rewritten->len;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_autofree char *what = describe_parse_error (local_error->message);
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   "%s: %s", display_name, what);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: the top level must be a JSON object (is %s)"), display_name,
                   _nines_json_type_name (root));
      return NULL;
    }
  if (!strings_are_utf8 (root))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   _("%s: a string holds a \\u escape that is not a Unicode character "
                     "(a lone UTF-16 surrogate)"), display_name);
      return NULL;
    }
  return load_root (json_node_get_object (root), display_name, validate, error);
}

NinesDocument *
nines_document_load_from_data (const char  *data,
                               gssize       length,
                               const char  *display_name,
                               GError     **error)
{
  return load_data (data, length, display_name, TRUE, error);
}

NinesDocument *
_nines_document_load_unchecked (const char *data,
                                gsize       length)
{
  return load_data (data, length, "copy", FALSE, NULL);
}

NinesDocument *
nines_document_load_from_file (const char  *path,
                               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO,
                   _("%s: cannot open: %s"), path, g_strerror (saved_errno));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO,
                   _("%s: is a folder, not a Nines document"), path);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO,
                   _("%s: is not a regular file"), path);
      return NULL;
    }
  if (st.st_size > MAX_FILE_SIZE)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                   _("%s: the file is larger than %d MB; it is not a Nines document"),
                   path, MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO,
                   _("%s: cannot read: %s"), path, local_error->message);
      return NULL;
    }
  if (g_mapped_file_get_length (mapped) == 0)
    return nines_document_load_from_data ("", 0, path, error);
  return nines_document_load_from_data (g_mapped_file_get_contents (mapped),
                                        g_mapped_file_get_length (mapped), path, error);
}

NinesDocument *
nines_document_load_example (const char  *name,
                             GError     **error)
{
  g_autofree char *path = g_strdup_printf ("/io/github/ninesdr/Nines/data/examples/%s.nines", name);
  g_autofree char *display = g_strdup_printf ("%s.nines", name);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (nines_data_get_resource (), path, 0, NULL);

  if (bytes == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NOT_FOUND,
                   _("no bundled example named \"%s\""), name);
      return NULL;
    }
  return nines_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        display, error);
}
