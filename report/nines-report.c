/* nines-report.c: the management report (PDF) */
#define G_LOG_DOMAIN "nines-report"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "nines-report-private.h"

static const NinesDrPattern patterns[] = {
  NINES_DR_PATTERN_BACKUP_RESTORE, NINES_DR_PATTERN_PILOT_LIGHT,
  NINES_DR_PATTERN_WARM_STANDBY, NINES_DR_PATTERN_MULTI_SITE,
};

typedef struct
{
  NinesDrPattern      pattern;
  NinesDeployment    *deployment;
  NinesCostEstimate  *estimate;
  NinesRecovery      *recovery;
  NinesCostTotal      steady;
  NinesCostTotal      failover;
} PatternResult;

static void
pattern_result_clear (PatternResult *r)
{
  g_clear_pointer (&r->recovery, nines_recovery_unref);
  g_clear_pointer (&r->estimate, nines_cost_estimate_unref);
  g_clear_pointer (&r->deployment, nines_deployment_unref);
}

static void
pattern_result_init (PatternResult  *r,
                     NinesDocument  *doc,
                     NinesDrPattern  pattern)
{
  r->pattern = pattern;
  r->deployment = nines_deployment_new (doc, pattern);
  r->estimate = nines_cost_model_estimate (r->deployment, NULL);
  r->recovery = nines_recovery_new (r->deployment);
  nines_cost_estimate_get_total (r->estimate, NINES_COST_STEADY, &r->steady);
  nines_cost_estimate_get_total (r->estimate, NINES_COST_FAILOVER, &r->failover);
}

static char *
rpo_text (NinesRecovery *recovery)
{
  double rpo = nines_recovery_get_rpo_s (recovery);

  if (rpo < 0)
    return g_strdup (_("unbounded"));
  return nines_format_duration (rpo);
}

static char *
availability_text (NinesRecovery *recovery)
{
  const NinesAvailability *av = nines_recovery_get_availability (recovery);

  return g_strdup_printf ("%.3f %% (%.2f nines)", av->availability * 100, av->nines);
}

static GStrv
row (const char *first,
     ...)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (b, s);
  va_end (args);
  return g_strv_builder_end (b);
}

static void
title_page (NinesReportLayout *l,
            NinesDocument     *doc,
            PatternResult     *chosen,
            const char        *date)
{
  g_autofree char *title = g_strdup_printf (_("Disaster recovery report: %s"),
                                            nines_document_get_name (doc));
  g_autofree char *line = NULL;
  g_autofree char *steady = _nines_report_money (chosen->steady.total_usd);
  g_autofree char *failover = _nines_report_money (chosen->failover.total_usd);
  g_autofree char *rto = nines_format_duration (nines_recovery_get_rto_s (chosen->recovery));
  g_autofree char *rpo = rpo_text (chosen->recovery);
  g_autofree char *av = availability_text (chosen->recovery);
  const char *recovery_region = nines_deployment_get_recovery_region (chosen->deployment);
  static const NinesReportColumn cols[] = { { "Key figure", 250, FALSE }, { "Value", 249, TRUE } };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  _nines_report_text (l, title, 22, TRUE, 0.05);
  line = g_strdup_printf (_("Date: %s · Chosen pattern: %s · Primary region %s, recovery region %s"),
                          date, nines_dr_pattern_get_label (chosen->pattern),
                          nines_deployment_get_primary_region (chosen->deployment),
                          recovery_region ? recovery_region : "none");
  _nines_report_text (l, line, 10, FALSE, 0.25);
  l->y += 6;
  g_ptr_array_add (rows, row ("Steady-state cost per month", steady, NULL));
  g_ptr_array_add (rows, row ("Cost per month while failed over", failover, NULL));
  g_ptr_array_add (rows, row ("Recovery time (RTO)", rto, NULL));
  g_ptr_array_add (rows, row ("Data loss window (RPO)", rpo, NULL));
  g_ptr_array_add (rows, row ("Availability estimate", av, NULL));
  _nines_report_table (l, cols, G_N_ELEMENTS (cols), rows, -1);

  _nines_report_heading (l, _("Architecture"));
  _nines_report_text (l,
                      _("The design as drawn, with what the chosen pattern adds in the recovery region."),
                      9, FALSE, 0.3);
  {
    double h = MIN (_nines_report_bottom () - l->y, 420);

    _nines_report_draw_diagram (l->cr, chosen->deployment, NINES_REPORT_MARGIN, l->y,
                                _nines_report_content_width (), h);
    l->y += h + 8;
  }
}

static void
comparison (NinesReportLayout *l,
            PatternResult     *results,
            NinesDrPattern     chosen)
{
  static const NinesReportColumn cols[] = {
    { "Pattern", 110, FALSE }, { "Steady / month", 85, TRUE }, { "Failed over / month", 90, TRUE },
    { "RTO", 60, TRUE }, { "RPO", 60, TRUE }, { "Availability", 94, TRUE },
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  NinesReportPoint points[G_N_ELEMENTS (patterns)];
  int highlight = -1;

  _nines_report_heading (l, _("Pattern comparison"));
  _nines_report_text (l,
                      _("What each of the four DR patterns costs for this design, how fast it recovers "
                      "from the loss of the primary region and how much data it can lose. The chosen "
                      "pattern is highlighted."), 9, FALSE, 0.3);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      PatternResult *r = &results[i];
      g_autofree char *s = _nines_report_money (r->steady.total_usd);
      g_autofree char *f = _nines_report_money (r->failover.total_usd);
      g_autofree char *rto = nines_format_duration (nines_recovery_get_rto_s (r->recovery));
      g_autofree char *rpo = rpo_text (r->recovery);
      g_autofree char *av = g_strdup_printf ("%.2f nines",
                                             nines_recovery_get_availability (r->recovery)->nines);

      g_ptr_array_add (rows,
                       row (nines_dr_pattern_get_label (r->pattern), s, f, rto, rpo, av, NULL));
      if (r->pattern == chosen)
        highlight = i;
      points[i].label = nines_dr_pattern_get_label (r->pattern);
      points[i].rto_s = nines_recovery_get_rto_s (r->recovery);
      points[i].steady_usd = r->steady.total_usd;
      points[i].chosen = r->pattern == chosen;
    }
  _nines_report_table (l, cols, G_N_ELEMENTS (cols), rows, highlight);
  _nines_report_text (l, _("Cost against recovery time"), 10, TRUE, 0.15);
  _nines_report_chart_cost_rto (l, points, G_N_ELEMENTS (patterns));
}

static void
cost_groups (NinesReportLayout *l,
             PatternResult     *r,
             NinesCostGrouping  grouping)
{
  static const NinesReportColumn cols[] = {
    { "", 239, FALSE }, { "Steady / month", 130, TRUE }, { "Failed over / month", 130, TRUE },
  };
  NinesReportColumn c[3];
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GArray) steady = g_array_new (FALSE, TRUE, sizeof (double));
  g_autoptr(GArray) failover = g_array_new (FALSE, TRUE, sizeof (double));

  memcpy (c, cols, sizeof c);
  c[0].title = grouping == NINES_COST_BY_REGION ? "Region" : "Service";
  for (NinesCostState s = NINES_COST_STEADY; s < NINES_COST_N_STATES; s++)
    for (guint i = 0; i < nines_cost_estimate_get_n_groups (r->estimate, s, grouping); i++)
      {
        const char *key;
        double usd;
        guint k;

        nines_cost_estimate_get_group (r->estimate, s, grouping, i, &key, &usd, NULL);
        if (!g_ptr_array_find_with_equal_func (keys, key, g_str_equal, &k))
          {
            double zero = 0;

            g_ptr_array_add (keys, (gpointer) key);
            g_array_append_val (steady, zero);
            g_array_append_val (failover, zero);
            k = keys->len - 1;
          }
        g_array_index (s == NINES_COST_STEADY ? steady : failover, double, k) = usd;
      }
  for (guint k = 0; k < keys->len; k++)
    {
      g_autofree char *s = _nines_report_money (g_array_index (steady, double, k));
      g_autofree char *f = _nines_report_money (g_array_index (failover, double, k));

      g_ptr_array_add (rows, row (g_ptr_array_index (keys, k), s, f, NULL));
    }
  {
    g_autofree char *s = _nines_report_money (r->steady.list_usd);
    g_autofree char *f = _nines_report_money (r->failover.list_usd);

    g_ptr_array_add (rows, row ("List price total", s, f, NULL));
  }
  _nines_report_table (l, c, G_N_ELEMENTS (c), rows, -1);
  if (grouping == NINES_COST_BY_REGION)
    {
      g_ptr_array_add (keys, NULL);
      _nines_report_chart_bars (l, (const char * const *) keys->pdata, (double *) steady->data,
                                (double *) failover->data, steady->len);
    }
}

static void
cost_section (NinesReportLayout *l,
              PatternResult     *r)
{
  g_autofree char *heading = g_strdup_printf (_("Cost of %s"),
                                              nines_dr_pattern_get_label (r->pattern));
  g_autofree char *steady = _nines_report_money (r->steady.total_usd);
  g_autofree char *failover = _nines_report_money (r->failover.total_usd);
  g_autofree char *summary = NULL;

  _nines_report_new_page (l);
  _nines_report_heading (l, heading);
  summary = g_strdup_printf ("Total steady state: %s per month. Total while failed over: %s per month. "
                             "On-demand list prices, %.0f hours a month%s.", steady, failover,
                             NINES_HOURS_PER_MONTH,
                             r->steady.discount_percent > 0 ? ", after the document's discount" : "");
  _nines_report_text (l, summary, 10, TRUE, 0.1);
  if (r->steady.n_missing > 0 || r->failover.n_missing > 0)
    {
      g_autofree char *miss = g_strdup_printf ("%u prices are missing from the price data: the totals are "
                                               "incomplete (no price is ever invented).",
                                               r->steady.n_missing + r->failover.n_missing);

      _nines_report_text (l, miss, 9, TRUE, 0.5);
    }
  _nines_report_text (l, _("Cost by region, steady state against failed over"), 10, TRUE, 0.15);
  cost_groups (l, r, NINES_COST_BY_REGION);
  _nines_report_text (l, _("Cost by service"), 10, TRUE, 0.15);
  cost_groups (l, r, NINES_COST_BY_SERVICE);
}

static void
recovery_section (NinesReportLayout *l,
                  PatternResult     *r)
{
  static const NinesReportColumn step_cols[] = {
    { "Step", 210, FALSE }, { "Duration", 55, TRUE }, { "Done by", 55, TRUE }, { "Source", 179, FALSE },
  };
  static const NinesReportColumn rpo_cols[] = {
    { "Data store", 90, FALSE }, { "Copy", 90, FALSE }, { "RPO", 60, TRUE }, { "Source", 259, FALSE },
  };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) rpo_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *rto = nines_format_duration (nines_recovery_get_rto_s (r->recovery));
  g_autofree char *intro = g_strdup_printf ("RTO %s: the critical path (orange) from the loss of %s until full "
                                            "service in %s. %s", rto,
                                            nines_deployment_get_primary_region (r->deployment),
                                            nines_deployment_get_recovery_region (r->deployment)
                                            ? nines_deployment_get_recovery_region (r->deployment) : "the same region",
                                            nines_recovery_is_automated (r->recovery)
                                            ? "Detection and the traffic switch are automated."
                                            : "A person detects, decides and moves traffic.");
  const NinesAvailability *av = nines_recovery_get_availability (r->recovery);
  g_autofree char *av_line = NULL;

  _nines_report_new_page (l);
  _nines_report_heading (l, _("Recovery timeline (RTO)"));
  _nines_report_text (l, intro, 9, FALSE, 0.3);
  _nines_report_chart_timeline (l, r->recovery);
  for (guint i = 0; i < nines_recovery_get_n_steps (r->recovery); i++)
    {
      const NinesRecoveryStep *s = nines_recovery_get_step (r->recovery, i);
      g_autofree char *d = nines_format_duration (s->duration_s);
      g_autofree char *e = nines_format_duration (s->end_s);

      g_ptr_array_add (rows, row (s->label, d, e, s->source, NULL));
    }
  _nines_report_table (l, step_cols, G_N_ELEMENTS (step_cols), rows, -1);

  _nines_report_heading (l, _("RPO per data store"));
  for (guint i = 0; i < nines_recovery_get_n_stores (r->recovery); i++)
    {
      const NinesStoreRpo *s = nines_recovery_get_store (r->recovery, i);
      g_autofree char *rpo = s->rpo_s < 0 ? g_strdup ("unbounded") : nines_format_duration (s->rpo_s);
      g_autofree char *src = g_strdup_printf ("%s%s%s", s->source, s->note ? "; " : "",
                                              s->note ? s->note : "");

      g_ptr_array_add (rpo_rows, row (s->store_id, s->mechanism, rpo, src, NULL));
    }
  if (rpo_rows->len == 0)
    _nines_report_text (l, _("The design has no data store."), 9, FALSE, 0.3);
  else
    _nines_report_table (l, rpo_cols, G_N_ELEMENTS (rpo_cols), rpo_rows, -1);

  _nines_report_heading (l, _("Availability"));
  av_line = g_strdup_printf ("%.4f %% (%.2f nines): about %.0f minutes of downtime a year. One region %.4f %%; "
                             "the recovery region covers %.0f %% of a regional outage.",
                             av->availability * 100, av->nines, av->downtime_min_per_year,
                             av->region_availability * 100, av->covered_fraction * 100);
  _nines_report_text (l, av_line, 10, TRUE, 0.1);
  _nines_report_text (l, av->method, 8.5, FALSE, 0.3);
}

static void
findings_section (NinesReportLayout *l,
                  PatternResult     *r,
                  GDate             *date)
{
  static const NinesReportColumn cols[] = {
    { "Severity", 60, FALSE }, { "Finding", 200, FALSE }, { "How to fix", 239, FALSE },
  };
  g_autoptr(NinesFindings) findings = nines_findings_new (r->recovery, date);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *summary = NULL;

  _nines_report_heading (l, _("Findings"));
  summary = g_strdup_printf ("%u critical, %u warnings, %u notes.",
                             nines_findings_count (findings, NINES_SEVERITY_CRITICAL),
                             nines_findings_count (findings, NINES_SEVERITY_WARNING),
                             nines_findings_count (findings, NINES_SEVERITY_INFO));
  _nines_report_text (l, summary, 9, FALSE, 0.3);
  for (guint i = 0; i < nines_findings_get_n_items (findings); i++)
    {
      const NinesFinding *f = nines_findings_get_item (findings, i);
      g_autofree char *what = g_strdup_printf ("%s (%s)", f->what, f->why);

      g_ptr_array_add (rows,
                       row (nines_severity_to_string (f->severity), what, f->fix ? f->fix : "",
                            NULL));
    }
  _nines_report_table (l, cols, G_N_ELEMENTS (cols), rows, -1);
}

static void
prices_section (NinesReportLayout *l,
                PatternResult     *r)
{
  static const NinesReportColumn cols[] = {
    { "Price source", 309, FALSE }, { "Published", 70, TRUE }, { "Format", 120, FALSE },
  };
  NinesPriceSnapshot *prices = nines_cost_estimate_get_prices (r->estimate);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *latest = NULL;
  g_autofree char *line = NULL;
  g_autoptr(GHashTable) cited = g_hash_table_new (g_str_hash, g_str_equal);

  _nines_report_heading (l, _("Prices: source and date"));

  /* The sources this estimate's lines cite (a line names its file, with a citation
   * after it for cited figures). */
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (r->estimate); i++)
    {
      const NinesCostLine *cl = nines_cost_estimate_get_line (r->estimate, i);

      if (cl->source != NULL && *cl->source != '\0')
        g_hash_table_add (cited, (gpointer) cl->source);
    }
  for (guint i = 0; i < nines_price_snapshot_get_n_sources (prices); i++)
    {
      const char *name, *d, *format;
      GHashTableIter iter;
      gpointer key;
      gboolean used = FALSE;

      nines_price_snapshot_get_source (prices, i, &name, &d, &format);
      g_hash_table_iter_init (&iter, cited);
      while (!used && g_hash_table_iter_next (&iter, &key, NULL))
        used = g_str_has_prefix (key, name);
      if (!used)
        continue;
      g_ptr_array_add (rows, row (name, d, format, NULL));
      if (latest == NULL || g_strcmp0 (d, latest) > 0)
        {
          g_free (latest);
          latest = g_strdup (d);
        }
    }
  line = g_strdup_printf ("Prices are AWS on-demand list prices in USD from the AWS price data below, "
                          "the sources this estimate cites (newest publication %s), %.0f hours a month. Every line item names its rateCode "
                          "or source; see the cost CSV export.", latest ? latest : "unknown",
                          NINES_HOURS_PER_MONTH);
  _nines_report_text (l, line, 9, FALSE, 0.3);
  _nines_report_table (l, cols, G_N_ELEMENTS (cols), rows, -1);
}

gboolean
nines_report_write_pdf (NinesDocument   *document,
                        NinesDrPattern   pattern,
                        GDate           *date,
                        const char      *path,
                        GError         **error)
{
  PatternResult results[G_N_ELEMENTS (patterns)] = { { 0, } };
  PatternResult extra = { 0, };
  PatternResult *chosen = NULL;
  NinesReportLayout l = { 0, };
  cairo_surface_t *surface;
  cairo_status_t status;
  g_autofree char *pdf_date = NULL;
  char day[16];

  g_return_val_if_fail (NINES_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      pattern_result_init (&results[i], document, patterns[i]);
      if (patterns[i] == pattern)
        chosen = &results[i];
    }
  if (chosen == NULL)
    {
      pattern_result_init (&extra, document, pattern);
      chosen = &extra;
    }
  g_date_strftime (day, sizeof day, "%Y-%m-%d", date);

  surface = cairo_pdf_surface_create (path, NINES_REPORT_PAGE_W, NINES_REPORT_PAGE_H);
  pdf_date = _nines_report_pdf_date (date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, pdf_date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, pdf_date);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  nines_document_get_name (document));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Nines");
  l.cr = cairo_create (surface);
  l.page = 1;
  l.y = NINES_REPORT_MARGIN;
  l.footer = g_strdup_printf ("Nines · %s · %s · %s", nines_document_get_name (document),
                              nines_dr_pattern_get_label (pattern), day);

  title_page (&l, document, chosen, day);
  _nines_report_new_page (&l);
  comparison (&l, results, pattern);
  cost_section (&l, chosen);
  recovery_section (&l, chosen);
  findings_section (&l, chosen, date);
  prices_section (&l, chosen);
  _nines_report_finish_page (&l);

  cairo_destroy (l.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_free (l.footer);
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    pattern_result_clear (&results[i]);
  pattern_result_clear (&extra);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO,
                   _("Could not write the report to “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
