/* nines-bench-model.c: model timings for ./bench.sh.
 *
 *   nines-bench-model --snapshot RUNS
 *       snapshot-load FIRST_MS MEDIAN_MS PRICES
 *     FIRST_MS: the first nines_price_snapshot_get_default() of this process (what the
 *     app and nines-cli pay at start: resource lookup and GVariant set-up, page faults
 *     included); MEDIAN_MS: loading the same bytes again, RUNS times.
 *   nines-bench-model RUNS DESIGN.nines…
 *       cold N_COMPONENTS MS
 *     The first recompute of the loaded design: the deployment for the document's own
 *     pattern, its cost (bundled snapshot), its recovery timeline and its findings, with
 *     nothing kept from an earlier build (what opening a file costs).
 *       recompute N_COMPONENTS MEDIAN_MS MIN_MS
 *     The recompute the app does after an edit: one component renamed through the
 *     command stack (as the inspector does; a new revision, so its pattern rule runs
 *     again), then the same four steps, RUNS times, a different component each time.
 *     Only the recompute is timed; loading the file and the edit are not.
 *       stages N_COMPONENTS DEPLOYMENT_MS COST_MS RECOVERY_MS FINDINGS_MS
 *     the mean time of each step after an edit, the steps run one after the other (the
 *     recompute runs the cost beside the recovery), to show where a slow recompute goes. */
#define G_LOG_DOMAIN "nines-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <nines-model.h>

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  if (times->len % 2)
    return g_array_index (times, double, times->len / 2);
  return (g_array_index (times, double, times->len / 2 - 1) + g_array_index (times, double, times->len / 2)) / 2;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* One recompute as the app does it (nines_analysis: nines_evaluation_compute() into the
 * evaluation it replaces, which is released meanwhile; the cost beside the recovery on a
 * large design); returns a checksum so the work cannot be optimised away. */
static double
recompute (NinesEvaluation    *e,
           NinesDocument      *doc,
           NinesPriceSnapshot *prices,
           GDate              *today)
{
  nines_evaluation_compute (e, doc, nines_document_get_dr_pattern (doc), prices, TRUE, today);
  return nines_cost_estimate_get_n_lines (e->estimate) + nines_recovery_get_rto_s (e->recovery)
         + nines_findings_get_n_items (e->findings);
}

/* The same four steps one after the other, to time each: @stages (4 doubles) gets the
 * time of each step: deployment, cost, recovery, findings. */
static double
recompute_staged (NinesDocument      *doc,
                  NinesPriceSnapshot *prices,
                  GDate              *today,
                  double             *stages)
{
  double t0 = now_ms (), t1, t2, t3, t4;
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, nines_document_get_dr_pattern (doc));
  g_autoptr(NinesCostEstimate) cost = (t1 = now_ms (), nines_cost_model_estimate (dep, prices));
  g_autoptr(NinesRecovery) rec = (t2 = now_ms (), nines_recovery_new (dep));
  g_autoptr(NinesFindings) findings = (t3 = now_ms (), nines_findings_new (rec, today));

  t4 = now_ms ();
  stages[0] += t1 - t0;
  stages[1] += t2 - t1;
  stages[2] += t3 - t2;
  stages[3] += t4 - t3;
  return nines_cost_estimate_get_n_lines (cost) + nines_recovery_get_rto_s (rec)
         + nines_findings_get_n_items (findings);
}

static int
bench_snapshot (int runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GBytes) bytes = NULL;
  NinesPriceSnapshot *def;
  double t0 = now_ms (), first;

  def = nines_price_snapshot_get_default ();
  first = now_ms () - t0;
  bytes = g_resources_lookup_data (NINES_PRICE_SNAPSHOT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (int i = 0; i < runs; i++)
    {
      g_autoptr(NinesPriceSnapshot) s = NULL;
      double t;

      t0 = now_ms ();
      s = nines_price_snapshot_new_from_bytes (bytes, TRUE, NULL);
      t = now_ms () - t0;
      if (s == NULL)
        return 1;
      g_array_append_val (times, t);
    }
  printf ("snapshot-load %.4f %.4f %u\n", first, median (times), nines_price_snapshot_get_n_prices (def));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDate) today = g_date_new ();
  NinesPriceSnapshot *prices;
  double sink = 0;
  int runs;

  if (argc >= 3 && g_str_equal (argv[1], "--snapshot"))
    return bench_snapshot (MAX (1, atoi (argv[2])));
  if (argc < 3 || (runs = atoi (argv[1])) < 1)
    {
      fprintf (stderr, "usage: nines-bench-model RUNS DESIGN.nines… | --snapshot RUNS\n");
      return 2;
    }
  g_date_set_time_t (today, time (NULL));
  prices = nines_price_snapshot_get_default ();
  for (int a = 2; a < argc; a++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NinesDocument) doc = nines_document_load_from_file (argv[a], &error);
      g_autoptr(NinesCommandStack) stack = NULL;
      g_auto(NinesEvaluation) e = { 0 };
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      double stages[4] = { 0 };
      guint n;
      double t0;

      if (doc == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      stack = nines_command_stack_new (doc);
      n = nines_document_get_n_components (doc);
      t0 = now_ms ();
      sink += recompute (&e, doc, prices, today);
      printf ("cold %u %.4f\n", n, now_ms () - t0);
      sink += recompute (&e, doc, prices, today);   /* warm-up */
      for (int i = 0; i < 2 * runs; i++)
        {
          /* Spread over the design: a different component each run. */
          NinesComponent *c = nines_document_get_component (doc, (guint) ((i * 7919u + 13u) % MAX (n, 1u)));
          g_autofree char *name = g_strdup_printf ("edited %d", i);

          if (!nines_command_stack_set_component_name (stack, nines_component_get_id (c), name, &error))
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
          /* Even runs: the recompute as a whole; odd runs: step by step. */
          t0 = now_ms ();
          if (i % 2 == 0)
            {
              sink += recompute (&e, doc, prices, today);
              g_array_append_val (times, (double) { now_ms () - t0 });
            }
          else
            sink += recompute_staged (doc, prices, today, stages);
        }
      {
        double m = median (times);   /* sorts: [0] is then the fastest */

        printf ("recompute %u %.4f %.4f\n", nines_document_get_n_components (doc), m,
                g_array_index (times, double, 0));
        printf ("stages %u %.4f %.4f %.4f %.4f\n", nines_document_get_n_components (doc),
                stages[0] / runs, stages[1] / runs, stages[2] / runs, stages[3] / runs);
      }
    }
  return sink < 0;
}
