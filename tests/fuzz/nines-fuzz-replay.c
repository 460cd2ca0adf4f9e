/* nines-fuzz-replay.c: main() for fuzz targets in builds without libFuzzer.
 *
 * Usage: fuzz-TARGET PATH… where each PATH is an input file or a folder of them.
 * Runs every input once through LLVMFuzzerTestOneInput, in name order, so a build
 * with gcc, ASan or valgrind replays the seed corpus and every past crash. Exits 1
 * when no input was found (a missing corpus must not pass silently); a missing
 * folder is skipped, since regressions/NAME appears only with the first crash. */
#define G_LOG_DOMAIN "nines-fuzz"

#include "config.h"

#include <stdio.h>
#include <glib.h>

#include "nines-fuzz.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static gboolean
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      fprintf (stderr, "fuzz replay: %s\n", error->message);
      return FALSE;
    }
  /* Copy into an exact-size buffer so ASan/valgrind catch any read past the end. */
  {
    g_autofree guint8 *exact = g_memdup2 (data, length ? length : 1);
    LLVMFuzzerTestOneInput (exact, length);
  }
  return TRUE;
}

static int
replay_path (const char *path,
             guint      *n_inputs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;
  int failures = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      /* regressions/NAME exists only once a crash was found */
      printf ("fuzz replay: %s does not exist, skipped\n", path);
      return 0;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (!replay_file (path))
        return 1;
      (*n_inputs)++;
      return 0;
    }
  if (!(dir = g_dir_open (path, 0, &error)))
    {
      fprintf (stderr, "fuzz replay: %s\n", error->message);
      return 1;
    }
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)))
    if (name[0] != '.')
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    failures += replay_path (g_ptr_array_index (names, i), n_inputs);
  return failures;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *name = g_path_get_basename (argv[0]);
  guint n_inputs = 0;
  int failures = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      /* libFuzzer-style flags (-runs=…) are accepted and ignored, so the same
       * command line works for both builds. */
      if (argv[i][0] == '-')
        continue;
      failures += replay_path (argv[i], &n_inputs);
    }
  if (n_inputs == 0)
    {
      fprintf (stderr, "fuzz replay: no inputs found\n");
      return 1;
    }
  printf ("%s: replayed %u inputs\n", name, n_inputs);
  return failures ? 1 : 0;
}
