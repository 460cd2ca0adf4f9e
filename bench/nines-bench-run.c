/* nines-bench-run.c: wall time and peak memory of a command, as ./bench.sh reports them.
 *
 *   nines-bench-run RUNS COMMAND [ARG…]
 *
 * Runs COMMAND RUNS times in a row (stdout to /dev/null, stderr kept), each from
 * fork to exit, and prints
 *
 *   NINES_BENCH_RUN median_ms=… min_ms=… max_ms=… peak_rss_kb=… runs=…
 *
 * where peak_rss_kb is the largest ru_maxrss any run reached (wait4). Fails when any
 * run fails: a number from a failing command means nothing. */
#define G_LOG_DOMAIN "nines-bench"

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <glib.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  long peak_kb = 0;
  int runs;

  if (argc < 3 || (runs = atoi (argv[1])) < 1)
    {
      fprintf (stderr, "usage: nines-bench-run RUNS COMMAND [ARG…]\n");
      return 2;
    }
  for (int i = 0; i < runs; i++)
    {
      struct rusage ru;
      double t0 = now_ms ();
      double t;
      int status;
      pid_t pid = fork ();

      if (pid < 0)
        {
          perror ("fork");
          return 1;
        }
      if (pid == 0)
        {
          int null = open ("/dev/null", O_WRONLY);

          if (null >= 0)
            dup2 (null, STDOUT_FILENO);
          execvp (argv[2], argv + 2);
          perror (argv[2]);
          _exit (127);
        }
      if (wait4 (pid, &status, 0, &ru) < 0)
        {
          perror ("wait4");
          return 1;
        }
      t = now_ms () - t0;
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        {
          fprintf (stderr, "nines-bench-run: %s failed (status %d)\n", argv[2], status);
          return 1;
        }
      g_array_append_val (times, t);
      peak_kb = MAX (peak_kb, ru.ru_maxrss);
    }
  g_array_sort (times, compare_doubles);
  printf ("NINES_BENCH_RUN median_ms=%.2f min_ms=%.2f max_ms=%.2f peak_rss_kb=%ld runs=%d\n",
          runs % 2 ? g_array_index (times, double, runs / 2)
                   : (g_array_index (times, double, runs / 2 - 1) + g_array_index (times, double, runs / 2)) / 2,
          g_array_index (times, double, 0), g_array_index (times, double, runs - 1), peak_kb, runs);
  return 0;
}
