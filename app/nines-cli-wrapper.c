/* nines-cli-wrapper.c: lets ./test.sh run every nines-cli the CLI tests start under a
 * checker (valgrind), whatever starts it (a shell script, Python, meson directly). */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <glib.h>

#include "nines-cli.h"

void
nines_cli_exec_wrapper (char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) args = NULL;
  g_auto(GStrv) wrapper = NULL;
  const char *value = g_getenv ("NINES_CLI_WRAPPER");

  if (value == NULL || value[0] == '\0')
    return;
  if (!g_shell_parse_argv (value, NULL, &wrapper, &error))
    {
      fprintf (stderr, "nines-cli: NINES_CLI_WRAPPER: %s\n", error->message);
      _exit (NINES_CLI_USAGE);
    }
  args = g_ptr_array_new ();
  for (char **w = wrapper; *w; w++)
    g_ptr_array_add (args, *w);
  for (char **a = argv; *a; a++)
    g_ptr_array_add (args, *a);
  g_ptr_array_add (args, NULL);
  /* Once: the wrapped nines-cli must not wrap itself again. */
  g_unsetenv ("NINES_CLI_WRAPPER");
  execvp (args->pdata[0], (char **) args->pdata);
  fprintf (stderr, "nines-cli: NINES_CLI_WRAPPER: cannot run %s: %s\n",
           (char *) args->pdata[0], g_strerror (errno));
  _exit (NINES_CLI_USAGE);
}
