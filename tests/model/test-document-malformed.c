/* test-document-malformed.c: every broken document gives its own, exact message.
 *
 * tests/data/malformed/NAME.nines holds a broken document; NAME.expected the loader's
 * complete message for it (every problem, one per line, "NAME.nines: PATH: PROBLEM").
 * What is too large for a fixture (50 MB of nesting, a 300 MB file) is made here. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <nines-model.h>

#define MIN_FIXTURES 30

static char *
malformed_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "malformed", NULL);
}

static GPtrArray *
list_fixtures (void)
{
  g_autofree char *dir_path = malformed_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return names;
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_suffix (name, ".nines"))
      g_ptr_array_add (names, g_strndup (name, strlen (name) - strlen (".nines")));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  return names;
}

static void
assert_lines_name_file (const char *message,
                        const char *display_name)
{
  g_auto(GStrv) lines = g_strsplit (message, "\n", -1);
  g_autofree char *prefix = g_strdup_printf ("%s: ", display_name);

  g_assert_nonnull (lines[0]);
  for (guint i = 0; lines[i]; i++)
    {
      if (!g_str_has_prefix (lines[i], prefix))
        g_error ("problem line does not name the file: \"%s\"", lines[i]);
      /* FILE: WHERE: PROBLEM; whole-file problems have no WHERE ("FILE: the file is empty"). */
      g_assert_cmpuint (strlen (lines[i]), >, strlen (prefix) + 8);
    }
}

static void
test_fixture (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = malformed_dir ();
  g_autofree char *path = g_strdup_printf ("%s/%s.nines", dir, name);
  g_autofree char *expected_path = g_strdup_printf ("%s/%s.expected", dir, name);
  g_autofree char *display = g_strdup_printf ("%s.nines", name);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) doc = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  if (!g_file_get_contents (expected_path, &expected, NULL, NULL))
    g_error ("%s has no %s.expected", path, name);
  g_strchomp (expected);

  doc = nines_document_load_from_data (contents, len, display, &error);
  g_assert_null (doc);
  g_assert_error (error, NINES_MODEL_ERROR, error->code);
  g_assert_cmpstr (error->message, ==, expected);
  assert_lines_name_file (error->message, display);
  if (g_str_equal (name, "newer-format"))
    g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NEWER_FORMAT);
  else if (strstr (expected, "not valid JSON") || strstr (expected, "truncated") ||
           strstr (expected, "UTF-8") || strstr (expected, "NUL byte") ||
           strstr (expected, "nested deeper") || strstr (expected, "is empty"))
    g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE);
  else
    g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID);

  /* The same through the file, whose messages carry the path. */
  g_clear_error (&error);
  doc = nines_document_load_from_file (path, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  assert_lines_name_file (error->message, path);
}

static void
test_enough_fixtures (void)
{
  g_autoptr(GPtrArray) names = list_fixtures ();

  g_assert_cmpuint (names->len, >=, MIN_FIXTURES);
}

static void
test_every_problem_at_once (void)
{
  g_autofree char *dir = malformed_dir ();
  g_autofree char *path = g_strdup_printf ("%s/every-problem-at-once.nines", dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) doc = nines_document_load_from_file (path, &error);
  g_auto(GStrv) lines = NULL;
  const char *sections[] = { "regions[", "components[", "links[", "dr.", "operations.",
                             "pricing." };

  g_assert_null (doc);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 8);
  /* One problem from each section, in the order of the file. */
  for (guint i = 0, line = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *needle = g_strdup_printf (": %s", sections[i]);

      while (lines[line] && !strstr (lines[line], needle))
        line++;
      if (lines[line] == NULL)
        g_error ("no problem in %s after the previous section: %s", sections[i], error->message);
    }
}

static void
test_nesting_50mb (void)
{
  const gsize size = 50 * 1024 * 1024;
  g_autofree char *data = g_malloc (size);
  g_autofree char *tmpdir = g_dir_make_tmp ("nines-nesting-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "deep.nines", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  NinesDocument *doc;

  /* {"a": {"a": {"a": … for 50 MB, and then arrays in an object. */
  for (gsize i = 0; i + 6 <= size; i += 6)
    memcpy (data + i, "{\"a\": ", 6);
  memset (data + size - (size % 6), ' ', size % 6);
  doc = nines_document_load_from_data (data, size, "deep.nines", &error);
  g_assert_null (doc);
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==,
                   "deep.nines: line 1: nested deeper than 64 levels; this is not a Nines document");
  g_clear_error (&error);

  memcpy (data, "{\"format\": 1,\n\"x\": ", 19);
  memset (data + 19, '[', size - 19);
  g_assert_true (g_file_set_contents (path, data, size, NULL));
  doc = nines_document_load_from_file (path, &error);
  g_assert_null (doc);
  expected = g_strdup_printf ("%s: line 2: nested deeper than 64 levels; this is not a Nines "
                              "document", path);
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, expected);
  g_unlink (path);
  g_rmdir (tmpdir);
}

static void
test_file_problems (void)
{
  g_autofree char *tmpdir = g_dir_make_tmp ("nines-files-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (tmpdir, "missing.nines", NULL);
  g_autofree char *huge = g_build_filename (tmpdir, "huge.nines", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  NinesDocument *doc;
  int fd;

  doc = nines_document_load_from_file (missing, &error);
  g_assert_null (doc);
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO);
  expected = g_strdup_printf ("%s: cannot open: %s", missing, g_strerror (ENOENT));
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&expected, g_free);

  doc = nines_document_load_from_file (tmpdir, &error);
  g_assert_null (doc);
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO);
  expected = g_strdup_printf ("%s: is a folder, not a Nines document", tmpdir);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&expected, g_free);

  /* 300 MB, sparse: refused before it is read. */
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 300 * 1024 * 1024), ==, 0);
  close (fd);
  doc = nines_document_load_from_file (huge, &error);
  g_assert_null (doc);
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE);
  expected = g_strdup_printf ("%s: the file is larger than 256 MB; it is not a Nines document",
                              huge);
  g_assert_cmpstr (error->message, ==, expected);

  g_unlink (huge);
  g_rmdir (tmpdir);
}

static char *
read_example (const char *name,
              gsize      *len)
{
  g_autofree char *path = g_build_filename (g_getenv ("NINES_SOURCE_DIR"), "data", "examples",
                                            name, NULL);
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

/* Random damage to a real document: never a crash (the ASan build runs this too), and
 * either a valid document or messages that each name the file. */
static void
test_random_damage (void)
{
  gsize len;
  g_autofree char *original = read_example ("storefront.nines", &len);
  g_autofree char *data = g_malloc (len + 1);
  guint failed = 0;

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NinesDocument) doc = NULL;
      gsize n = len;
      guint edits = g_test_rand_int_range (1, 4);

      memcpy (data, original, len);
      for (guint e = 0; e < edits; e++)
        {
          gsize at = g_test_rand_int_range (0, n);

          switch (g_test_rand_int_range (0, 4))
            {
            case 0:  /* a random byte */
              data[at] = (char) g_test_rand_int_range (1, 256);
              break;
            case 1:  /* a structural character */
              data[at] = "{}[],:\"0-e"[g_test_rand_int_range (0, 10)];
              break;
            case 2:  /* cut short */
              n = MAX (at, 1);
              break;
            default:  /* a digit becomes a long number */
              if (g_ascii_isdigit (data[at]))
                data[at] = '9';
              break;
            }
        }
      doc = nines_document_load_from_data (data, n, "storefront.nines", &error);
      if (doc == NULL)
        {
          g_assert_nonnull (error);
          assert_lines_name_file (error->message, "storefront.nines");
          failed++;
        }
    }
  g_test_message ("%u of 2000 damaged documents refused", failed);
  /* Most damage is caught. */
  g_assert_cmpuint (failed, >, 1000);
}

/* A cut anywhere before the final brace is reported, as a truncation where the cut falls
 * in a string or leaves brackets open. */
static void
test_every_truncation (void)
{
  gsize len;
  g_autofree char *original = read_example ("newsroom.nines", &len);
  const char *last_brace = strrchr (original, '}');

  for (gsize cut = 1; original + cut <= last_brace; cut += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NinesDocument) doc = nines_document_load_from_data (original, cut, "newsroom.nines",
                                                                    &error);

      g_assert_null (doc);
      g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE);
      if (!strstr (error->message, "it looks truncated"))
        g_error ("cut at %" G_GSIZE_FORMAT ": %s", cut, error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = NULL;

  g_test_init (&argc, &argv, NULL);

  names = list_fixtures ();
  g_test_add_func ("/nines/model/malformed/enough-fixtures", test_enough_fixtures);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nines/model/malformed/fixture/%s",
                                                    (char *) g_ptr_array_index (names, i));
      g_test_add_data_func (test_path, g_ptr_array_index (names, i), test_fixture);
    }
  g_test_add_func ("/nines/model/malformed/every-problem-at-once", test_every_problem_at_once);
  g_test_add_func ("/nines/model/malformed/nesting-50mb", test_nesting_50mb);
  g_test_add_func ("/nines/model/malformed/file-problems", test_file_problems);
  g_test_add_func ("/nines/model/malformed/random-damage", test_random_damage);
  g_test_add_func ("/nines/model/malformed/every-truncation", test_every_truncation);
  return g_test_run ();
}
