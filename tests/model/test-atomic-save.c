/* test-atomic-save.c: a save killed at any moment leaves the old file or the new one, whole.
 *
 * A child process saves a large document while the parent kills it with SIGKILL after a
 * random delay spread over the time a save takes; then the file on disk must be,
 * byte for byte, either what was there before or what the child was writing. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <nines-model.h>

/* About 600 KB of JSON, 2,000 components: ten times a large design. A save takes long
 * enough to be caught in the middle of its write. */
#define N_COMPONENTS 2000
/* The loop stops at whichever comes first. */
#define MAX_ROUNDS 300
#define MAX_SECONDS 3
#define MIN_ROUNDS 20

static NinesDocument *
build_document (const char *name,
                gint64      memory_mb)
{
  g_autoptr(NinesDocument) doc = nines_document_new ();
  const char *azs[] = { "use1-az1", "use1-az2", NULL };
  g_autoptr(NinesRegion) region = nines_region_new ("us-east-1", azs);

  nines_document_set_name (doc, name);
  nines_document_add_region (doc, region);
  for (guint i = 0; i < N_COMPONENTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("fn-%05u", i);
      g_autoptr(NinesComponent) c = nines_component_new (id, "lambda", "us-east-1");
      NinesPoint p = { i % 100 * 40.5, i / 100 * 30.25 };

      nines_component_set_name (c, "A function with a fairly long descriptive name");
      nines_component_set_param (c, "memory_mb", g_variant_new_int64 (memory_mb));
      nines_component_set_param (c, "requests_millions", g_variant_new_double (i * 0.125));
      nines_document_add_component (doc, c);
      nines_document_set_position (doc, id, &p);
      if (i > 0)
        {
          g_autofree char *prev = g_strdup_printf ("fn-%05u", i - 1);
          g_autoptr(NinesLink) link = nines_link_new (prev, id, NINES_LINK_DATA);
          nines_document_add_link (doc, link);
        }
    }
  return g_steal_pointer (&doc);
}

/* Returns how many files other than @keep there were. */
static guint
remove_leftovers (const char *dir,
                  const char *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d && (name = g_dir_read_name (d)))
    if (!g_str_equal (name, keep))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
        n++;
      }
  return n;
}

static void
test_kill_during_save (void)
{
  g_autoptr(NinesDocument) doc_a = build_document ("Version A", 512);
  g_autoptr(NinesDocument) doc_b = build_document ("Version B", 1024);
  g_autofree char *tmpdir = g_dir_make_tmp ("nines-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "large.nines", NULL);
  g_autofree char *data_a = NULL;
  g_autofree char *data_b = NULL;
  g_autoptr(GError) error = NULL;
  NinesDocument *docs[2];
  const char *datas[2];
  gsize lens[2];
  guint on_disk = 0, kept_old = 0, got_new = 0, rounds = 0, mid_write = 0;
  double aim;
  gint64 t0, save_usec, deadline;
  GStatBuf st;

  data_a = nines_document_to_data (doc_a, &lens[0]);
  data_b = nines_document_to_data (doc_b, &lens[1]);
  g_assert_cmpuint (lens[0], >, 512 * 1024);
  g_assert_cmpstr (data_a, !=, data_b);
  docs[0] = doc_a;
  docs[1] = doc_b;
  datas[0] = data_a;
  datas[1] = data_b;

  g_assert_true (nines_document_save_to_file (doc_a, path, &error));
  g_assert_no_error (error);
  /* How long a save takes in a child, from fork to exit, to aim the kills: most of it
   * is making the text; the write, fsync and rename come last. */
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < 2; i++)
    {
      int status;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        _exit (nines_document_save_to_file (docs[i], path, NULL) ? 0 : 1);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }
  save_usec = MAX ((g_get_monotonic_time () - t0) / 2, 1000);
  g_test_message ("a save of %" G_GSIZE_FORMAT " bytes takes %" G_GINT64_FORMAT " us",
                  lens[0], save_usec);
  on_disk = 1;
  aim = save_usec;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (S_ISREG (st.st_mode));

  deadline = g_get_monotonic_time () + MAX_SECONDS * G_USEC_PER_SEC;
  while (rounds < MIN_ROUNDS || (rounds < MAX_ROUNDS && g_get_monotonic_time () < deadline))
    {
      guint next = 1 - on_disk;
      g_autofree char *contents = NULL;
      gsize len;
      int status;
      pid_t pid;
      /* Mostly around the moment of the rename, which the loop homes in on (a kill
       * before it keeps the old file, after it the new one): the file is written just
       * before. Every fourth kill lands anywhere from the fork on. */
      gulong delay = rounds % 4 == 0 ? g_test_rand_double_range (0, 1.2) * save_usec
                                     : MAX (0, aim + g_test_rand_double_range (-0.1, 0.1) * save_usec);

      pid = fork ();
      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          gboolean ok = nines_document_save_to_file (docs[next], path, NULL);
          _exit (ok ? 0 : 1);
        }
      g_usleep (delay);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFEXITED (status))
        g_assert_cmpint (WEXITSTATUS (status), ==, 0);

      g_assert_true (g_file_get_contents (path, &contents, &len, &error));
      g_assert_no_error (error);
      if (len == lens[next] && memcmp (contents, datas[next], len) == 0)
        {
          on_disk = next;
          got_new++;
          if (rounds % 4 != 0)
            aim -= 0.03 * save_usec;
        }
      else if (len == lens[on_disk] && memcmp (contents, datas[on_disk], len) == 0)
        {
          kept_old++;
          if (rounds % 4 != 0)
            aim += 0.03 * save_usec;
        }
      else
        g_error ("round %u, killed after %lu µs: the file is neither the old nor the new "
                 "document (%" G_GSIZE_FORMAT " bytes)", rounds, delay, len);
      /* A temporary file a killed save left behind is not the document; it shows the kill
       * came while the new text was being written. */
      if (remove_leftovers (tmpdir, "large.nines") > 0)
        mid_write++;
      rounds++;
    }

  g_test_message ("%u kills: %u left the old file (%u of them during the write), %u the new one",
                  rounds, kept_old, mid_write, got_new);
  g_assert_cmpuint (rounds, >=, MIN_ROUNDS);
  /* The kills landed both before and after the rename, so they covered the save. */
  g_assert_cmpuint (kept_old, >, 0);
  g_assert_cmpuint (got_new, >, 0);

  /* What is on disk loads, and is the document it should be. */
  {
    g_autoptr(NinesDocument) loaded = nines_document_load_from_file (path, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (nines_document_get_name (loaded), ==, on_disk ? "Version B" : "Version A");
    g_assert_cmpuint (nines_document_get_n_components (loaded), ==, N_COMPONENTS);
  }
  g_unlink (path);
  g_rmdir (tmpdir);
}

/* A save over a file keeps no part of the old one, and a second save of the same
 * document writes the same bytes. */
static void
test_save_replaces (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) doc = nines_document_load_example ("ledger-api", &error);
  g_autofree char *tmpdir = g_dir_make_tmp ("nines-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "doc.nines", NULL);
  g_autofree char *expected = nines_document_to_data (doc, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *junk = g_strnfill (1024 * 1024, 'x');

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  g_assert_true (nines_document_save_to_file (doc, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &first, NULL, NULL));
  g_assert_cmpstr (first, ==, expected);
  g_assert_true (nines_document_save_to_file (doc, path, &error));
  g_assert_true (g_file_get_contents (path, &second, NULL, NULL));
  g_assert_cmpstr (second, ==, first);

  g_unlink (path);
  g_rmdir (tmpdir);
}

/* A save through a symbolic link replaces what it leads to, and keeps the file's mode. */
static void
test_links_and_modes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) doc = nines_document_load_example ("newsroom", &error);
  g_autofree char *tmpdir = g_dir_make_tmp ("nines-atomic-XXXXXX", NULL);
  g_autofree char *real = g_build_filename (tmpdir, "real.nines", NULL);
  g_autofree char *link = g_build_filename (tmpdir, "link.nines", NULL);
  g_autofree char *chain = g_build_filename (tmpdir, "chain.nines", NULL);
  g_autofree char *fresh = g_build_filename (tmpdir, "fresh.nines", NULL);
  g_autofree char *expected = nines_document_to_data (doc, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  GStatBuf st;
  mode_t old_umask = umask (022);

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0660), ==, 0);
  g_assert_cmpint (symlink ("real.nines", link), ==, 0);  /* relative */
  g_assert_cmpint (symlink (link, chain), ==, 0);         /* absolute, to a link */

  g_assert_true (nines_document_save_to_file (doc, chain, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (chain, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.nines");
  g_assert_true (g_file_get_contents (real, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0660);

  /* A private design stays private. */
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_true (nines_document_save_to_file (doc, real, &error));
  g_assert_cmpint (g_stat (real, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A new file: 0666 less the umask. */
  g_assert_true (nines_document_save_to_file (doc, fresh, &error));
  g_assert_cmpint (g_stat (fresh, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);

  umask (old_umask);
  g_unlink (chain);
  g_unlink (link);
  g_unlink (real);
  g_unlink (fresh);
  g_rmdir (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nines/model/atomic-save/kill-during-save", test_kill_during_save);
  g_test_add_func ("/nines/model/atomic-save/save-replaces", test_save_replaces);
  g_test_add_func ("/nines/model/atomic-save/links-and-modes", test_links_and_modes);
  return g_test_run ();
}
