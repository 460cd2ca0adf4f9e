/* test-report-pdf.c: the management report of each example.
 *
 * Read back through pdftotext: every section is there and the totals are the cost
 * engine's. Rendered with pdftoppm into NINES_PNG_DIR (report-EXAMPLE-N.png, to look
 * at) and every page has something on it. Byte-identical when made twice. The poppler
 * tools may be missing: those parts then SKIP with the reason. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <nines-report.h>

static const char *examples[] = { "storefront", "newsroom", "ledger-api" };

static NinesDocument *
load_example (const char *name)
{
  g_autofree char *base = g_strdup_printf ("%s.nines", name);
  g_autofree char *path = g_build_filename (g_getenv ("NINES_SOURCE_DIR"), "data", "examples", base, NULL);
  g_autoptr(GError) error = NULL;
  NinesDocument *doc = nines_document_load_from_file (path, &error);

  g_assert_no_error (error);
  return doc;
}

/* "$1,234.56", as a manager reads it */
static char *
money (double usd)
{
  g_autofree char *plain = g_strdup_printf ("%.2f", usd);
  GString *out = g_string_new ("$");
  gsize int_len = strchr (plain, '.') - plain;

  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, plain[i]);
    }
  g_string_append (out, plain + int_len);
  return g_string_free (out, FALSE);
}

static char *
write_report (const char *example,
              const char *suffix)
{
  g_autoptr(NinesDocument) doc = load_example (example);
  g_autoptr(GDate) date = g_date_new_dmy (26, G_DATE_NOVEMBER, 2026);
  g_autofree char *base = g_strdup_printf ("report-%s%s.pdf", example, suffix);
  const char *dir = g_getenv ("NINES_PNG_DIR");
  char *path = g_build_filename (dir ? dir : g_get_tmp_dir (), base, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (nines_report_write_pdf (doc, nines_document_get_dr_pattern (doc), date, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_deterministic (void)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *ta = NULL;
  g_autofree char *tb = NULL;
  gsize la, lb;

  g_unsetenv ("SOURCE_DATE_EPOCH");
  a = write_report ("storefront", "");
  b = write_report ("storefront", "-again");
  g_assert_true (g_file_get_contents (a, &ta, &la, NULL));
  g_assert_true (g_file_get_contents (b, &tb, &lb, NULL));
  g_assert_true (g_str_has_prefix (ta, "%PDF-"));
  g_assert_cmpuint (la, ==, lb);
  g_assert_true (memcmp (ta, tb, la) == 0);
  g_unlink (b);
}

static void
assert_in (const char *text,
           const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("the report's text lacks “%s”", needle);
}

static char *
flatten (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      char c = (*p == '\n' || *p == '\f') ? ' ' : *p;

      if (c == ' ' && s->len > 0 && s->str[s->len - 1] == ' ')
        continue;
      g_string_append_c (s, c);
    }
  return g_string_free (s, FALSE);
}

static void
test_text (void)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(NinesDocument) doc = load_example (examples[e]);
      g_autofree char *pdf = write_report (examples[e], "");
      g_autofree char *out = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      const char *argv[] = { pdftotext, "-layout", "-enc", "UTF-8", pdf, "-", NULL };
      NinesDrPattern chosen = nines_document_get_dr_pattern (doc);
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                                   &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      text = flatten (out);

      {
        g_autofree char *title = g_strdup_printf ("Disaster recovery report: %s", nines_document_get_name (doc));
        g_autofree char *cost = g_strdup_printf ("Cost of %s", nines_dr_pattern_get_label (chosen));

        assert_in (text, title);
        assert_in (text, "Date: 2026-11-26");
        assert_in (text, "Architecture");
        assert_in (text, "Pattern comparison");
        assert_in (text, "Cost against recovery time");
        assert_in (text, cost);
        assert_in (text, "Cost by region, steady state against failed over");
        assert_in (text, "Cost by service");
        assert_in (text, "Recovery timeline (RTO)");
        assert_in (text, "RPO per data store");
        assert_in (text, "Availability");
        assert_in (text, "Findings");
        assert_in (text, "Prices: source and date");
      }
      /* The totals are the engine's, for the chosen pattern and in the comparison of all four */
      for (NinesDrPattern p = NINES_DR_PATTERN_BACKUP_RESTORE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
        {
          g_autoptr(NinesDeployment) d = nines_deployment_new (doc, p);
          g_autoptr(NinesCostEstimate) est = nines_cost_model_estimate (d, NULL);
          g_autoptr(NinesRecovery) r = nines_recovery_new (d);
          g_autofree char *rto = nines_format_duration (nines_recovery_get_rto_s (r));
          NinesCostTotal steady, failover;
          g_autofree char *s = NULL;
          g_autofree char *f = NULL;
          g_autofree char *row = NULL;

          nines_cost_estimate_get_total (est, NINES_COST_STEADY, &steady);
          nines_cost_estimate_get_total (est, NINES_COST_FAILOVER, &failover);
          s = money (steady.total_usd);
          f = money (failover.total_usd);
          row = g_strdup_printf ("%s %s %s %s", nines_dr_pattern_get_label (p), s, f, rto);
          assert_in (text, row);
          if (p == chosen)
            {
              g_autofree char *line = g_strdup_printf ("Total steady state: %s per month. Total while failed over: %s per month.", s, f);
              const NinesAvailability *av = nines_recovery_get_availability (r);
              g_autofree char *avs = g_strdup_printf ("%.4f %% (%.2f nines)", av->availability * 100, av->nines);

              assert_in (text, line);
              assert_in (text, avs);
              for (guint i = 0; i < nines_recovery_get_n_stores (r); i++)
                assert_in (text, nines_recovery_get_store (r, i)->store_id);
            }
        }
      /* The prices' source and date */
      {
        g_autoptr(NinesDeployment) d = nines_deployment_new (doc, chosen);
        g_autoptr(NinesCostEstimate) est = nines_cost_model_estimate (d, NULL);

        for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
          {
            const NinesCostLine *l = nines_cost_estimate_get_line (est, i);

            if (l->date != NULL && *l->date)
              assert_in (text, l->date);
          }
      }
    }
}

static void
test_pages_render (void)
{
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  const char *dir = g_getenv ("NINES_PNG_DIR");

  if (pdftoppm == NULL)
    {
      g_test_skip ("pdftoppm (poppler-utils) is not installed");
      return;
    }
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autofree char *pdf = write_report (examples[e], "");
      g_autofree char *prefix = g_strdup_printf ("%s/report-%s", dir ? dir : g_get_tmp_dir (), examples[e]);
      const char *argv[] = { pdftoppm, "-r", "50", "-png", pdf, prefix, NULL };
      g_autoptr(GError) error = NULL;
      int status;
      guint pages = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                                   &status, &error));
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      for (guint n = 1; n < 30; n++)
        {
          g_autofree char *png = g_strdup_printf ("%s-%u.png", prefix, n);
          cairo_surface_t *s;
          guint64 ink = 0;

          if (!g_file_test (png, G_FILE_TEST_EXISTS))
            break;
          s = cairo_image_surface_create_from_png (png);
          g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
          for (int y = 0; y < cairo_image_surface_get_height (s); y++)
            {
              const guint32 *px = (const guint32 *) (cairo_image_surface_get_data (s)
                                                     + y * cairo_image_surface_get_stride (s));

              for (int x = 0; x < cairo_image_surface_get_width (s); x++)
                ink += (px[x] & 0xffffff) != 0xffffff;
            }
          cairo_surface_destroy (s);
          /* Every page carries more than its footer */
          g_assert_cmpuint (ink, >, 400);
          pages++;
        }
      g_test_message ("%s: %u pages rendered to %s-N.png", examples[e], pages, prefix);
      g_assert_cmpuint (pages, >=, 4);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/export/report/deterministic", test_deterministic);
  g_test_add_func ("/nines/export/report/text", test_text);
  g_test_add_func ("/nines/export/report/pages-render", test_pages_render);
  return g_test_run ();
}
