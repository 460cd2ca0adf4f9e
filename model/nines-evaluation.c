/* nines-evaluation.c: the deployment, then its cost beside its recovery, the findings'
 * pass over the components on whichever side is free first, then the rest of the
 * findings. */
#define G_LOG_DOMAIN "nines-evaluation"

#include "config.h"

#include <string.h>

#include "nines-model-private.h"

/* Below this many deployed items the whole evaluation takes well under a millisecond
 * (bench/nines-bench-model: 1,000 components, about 2,000 items, 1 ms in all), where
 * handing the cost to another thread and waiting for it (tens of microseconds) buys
 * little; above it the cost and the recovery each take milliseconds. */
#define PARALLEL_MIN_ITEMS 2000

typedef struct
{
  NinesDeployment    *deployment;
  NinesPriceSnapshot *prices;
  gboolean            scan;        /* then the findings' pass over the components … */
  gint                scan_claim;  /* … unless the caller claimed it first (atomic) */
  NinesCostEstimate  *estimate;
  NinesFindingsScan  *scan_result;
  GMutex              lock;
  GCond               done_cond;
  gboolean            done;
} CostJob;

static void
cost_job_run (gpointer data,
              gpointer user_data)
{
  CostJob *job = data;
  NinesCostEstimate *estimate = nines_cost_model_estimate (job->deployment, job->prices);
  NinesFindingsScan *scan = NULL;

  /* The findings' pass over the components goes to whichever side is free first: the
   * cost and the recovery take about as long, which one is longer depends on the design. */
  if (job->scan && g_atomic_int_compare_and_exchange (&job->scan_claim, 0, 1))
    scan = _nines_findings_scan_new (job->deployment);

  g_mutex_lock (&job->lock);
  job->estimate = estimate;
  job->scan_result = scan;
  job->done = TRUE;
  g_cond_signal (&job->done_cond);
  g_mutex_unlock (&job->lock);
}

/* One worker for every evaluation of the process: the cost of one design at a time.
 * Exclusive, so its thread is started here, once: a push to a pool that must start a
 * thread and cannot would leave the job queued with nobody to run it, and the caller
 * waiting for it. NULL when the thread could not be started: evaluations stay on the
 * caller's thread. */
static GThreadPool *
cost_pool (void)
{
  static gsize once;
  static GThreadPool *pool;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GError) error = NULL;

      pool = g_thread_pool_new (cost_job_run, NULL, 1, TRUE, &error);
      if (pool == NULL)
        g_debug ("no worker thread, the cost is computed in turn: %s", error->message);
      g_once_init_leave (&once, 1);
    }
  return pool;
}

void
nines_evaluation_compute (NinesEvaluation    *out,
                          NinesDocument      *document,
                          NinesDrPattern      pattern,
                          NinesPriceSnapshot *prices,
                          gboolean            with_findings,
                          GDate              *today)
{
  CostJob job = { 0 };
  NinesFindingsScan *scan = NULL;
  NinesEvaluation replaced;
  gboolean parallel;

  g_return_if_fail (out != NULL);
  g_return_if_fail (NINES_IS_DOCUMENT (document));
  g_return_if_fail (pattern < NINES_N_DR_PATTERNS);

  /* The evaluation this one replaces goes while the cost is computed (at 10,000
   * components its release takes a tenth of the recompute). */
  replaced = *out;
  memset (out, 0, sizeof *out);

  out->deployment = nines_deployment_new (document, pattern);
  /* The deployment is immutable and the stages after it only read it and the document
   * (the caller does not edit the document meanwhile: it waits here). */
  parallel = nines_deployment_get_n_items (out->deployment) >= PARALLEL_MIN_ITEMS &&
             g_get_num_processors () > 1 && cost_pool () != NULL;
  if (parallel)
    {
      job.deployment = out->deployment;
      job.prices = prices;
      job.scan = with_findings;
      g_mutex_init (&job.lock);
      g_cond_init (&job.done_cond);
      /* The pool's one thread is running: nothing to start, the push cannot fail. */
      g_thread_pool_push (cost_pool (), &job, NULL);
    }
  else
    out->estimate = nines_cost_model_estimate (out->deployment, prices);

  out->recovery = nines_recovery_new (out->deployment);
  if (parallel && with_findings && g_atomic_int_compare_and_exchange (&job.scan_claim, 0, 2))
    scan = _nines_findings_scan_new (out->deployment);
  /* The worker is still pricing: the replaced evaluation goes now. Computed in turn, it
   * goes last (below), not amid the work. */
  if (parallel)
    nines_evaluation_clear (&replaced);

  if (parallel)
    {
      g_mutex_lock (&job.lock);
      while (!job.done)
        g_cond_wait (&job.done_cond, &job.lock);
      g_mutex_unlock (&job.lock);
      out->estimate = job.estimate;
      if (job.scan_result != NULL)
        scan = job.scan_result;
      g_mutex_clear (&job.lock);
      g_cond_clear (&job.done_cond);
    }
  if (with_findings)
    out->findings = _nines_findings_new_with_scan (out->recovery, today, scan);
  _nines_findings_scan_free (scan);
  nines_evaluation_clear (&replaced);
}

void
nines_evaluation_clear (NinesEvaluation *self)
{
  g_return_if_fail (self != NULL);
  g_clear_pointer (&self->findings, nines_findings_unref);
  g_clear_pointer (&self->recovery, nines_recovery_unref);
  g_clear_pointer (&self->estimate, nines_cost_estimate_unref);
  g_clear_pointer (&self->deployment, nines_deployment_unref);
}
