/* test-diagram-export.c: the diagram files of the examples.
 *
 * PNG: compared with tests/export/reference/EXAMPLE.png within a tolerance (font
 * rasterisation may differ a little between machines); NINES_UPDATE_GOLDEN=1 rewrites
 * the references, which must then be looked at. The PNGs are also left in
 * NINES_PNG_DIR (the build directory) to look at. PNG, SVG and PDF are byte-identical
 * when made twice from the same input. */
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

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

/* Mean absolute channel difference (0..255) and the share of pixels that differ by more
 * than 64 in some channel. */
static void
compare_png (const char *a_path,
             const char *b_path,
             double     *mean,
             double     *share)
{
  cairo_surface_t *a = cairo_image_surface_create_from_png (a_path);
  cairo_surface_t *b = cairo_image_surface_create_from_png (b_path);
  int w, h, sa, sb;
  const guint8 *pa, *pb;
  double sum = 0;
  guint64 bad = 0;

  g_assert_cmpint (cairo_surface_status (a), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (b), ==, CAIRO_STATUS_SUCCESS);
  w = cairo_image_surface_get_width (a);
  h = cairo_image_surface_get_height (a);
  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  sa = cairo_image_surface_get_stride (a);
  sb = cairo_image_surface_get_stride (b);
  pa = cairo_image_surface_get_data (a);
  pb = cairo_image_surface_get_data (b);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        int worst = 0;

        for (int c = 0; c < 4; c++)
          {
            int d = abs (pa[y * sa + 4 * x + c] - pb[y * sb + 4 * x + c]);

            sum += d;
            worst = MAX (worst, d);
          }
        bad += worst > 64;
      }
  *mean = sum / ((double) w * h * 4);
  *share = bad / ((double) w * h);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

static void
test_png_reference (void)
{
  const char *out = g_getenv ("NINES_PNG_DIR");

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(NinesDocument) doc = load_example (examples[e]);
      g_autoptr(NinesDeployment) d = nines_deployment_new (doc, nines_document_get_dr_pattern (doc));
      g_autofree char *base = g_strdup_printf ("diagram-%s.png", examples[e]);
      g_autofree char *path = g_build_filename (out ? out : g_get_tmp_dir (), base, NULL);
      g_autofree char *again = g_strconcat (path, ".again.png", NULL);
      g_autofree char *ref_base = g_strdup_printf ("%s.png", examples[e]);
      g_autofree char *ref = g_build_filename (g_getenv ("NINES_SOURCE_DIR"), "tests", "export",
                                               "reference", ref_base, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) a = NULL;
      g_autoptr(GBytes) b = NULL;
      double mean, share;

      g_assert_true (nines_report_export_diagram (d, NINES_DIAGRAM_FORMAT_PNG, 1.0, path, &error));
      g_assert_no_error (error);
      g_assert_true (nines_report_export_diagram (d, NINES_DIAGRAM_FORMAT_PNG, 1.0, again, &error));
      a = read_bytes (path);
      b = read_bytes (again);
      g_assert_true (g_bytes_equal (a, b));
      if (g_strcmp0 (g_getenv ("NINES_UPDATE_GOLDEN"), "1") == 0)
        {
          g_file_set_contents (ref, g_bytes_get_data (a, NULL), g_bytes_get_size (a), &error);
          g_assert_no_error (error);
          continue;
        }
      compare_png (path, ref, &mean, &share);
      g_test_message ("%s: mean difference %.3f, %.4f %% of pixels differ", examples[e], mean, share * 100);
      /* Anti-aliasing may move; a changed card may not (pilot light against the warm
       * standby picture differs by a mean of 0.37 and 0.23 % of pixels). */
      g_assert_cmpfloat (mean, <, 0.2);
      g_assert_cmpfloat (share, <, 0.001);
    }
}

/* A different design must not pass as the reference: the comparison can fail. */
static void
test_png_detects_change (void)
{
  g_autoptr(NinesDocument) doc = load_example ("storefront");
  g_autoptr(NinesDeployment) d = nines_deployment_new (doc, NINES_DR_PATTERN_PILOT_LIGHT);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "nines-diagram-pilot.png", NULL);
  g_autofree char *ref = g_build_filename (g_getenv ("NINES_SOURCE_DIR"), "tests", "export",
                                           "reference", "storefront.png", NULL);
  g_autoptr(GError) error = NULL;
  double mean, share;

  g_assert_true (nines_report_export_diagram (d, NINES_DIAGRAM_FORMAT_PNG, 1.0, path, &error));
  compare_png (path, ref, &mean, &share);
  g_test_message ("pilot light against the warm standby reference: mean %.3f, %.4f %% of pixels", mean, share * 100);
  g_assert_true (mean >= 0.2 || share >= 0.001);
  g_unlink (path);
}

/* Runs in a child process: cairo numbers font subsets per process, so "the same input
 * gives the same file" is checked across two processes, as two runs of the CLI would. */
static void
child_export (void)
{
  g_autoptr(NinesDocument) doc = load_example ("newsroom");
  g_autoptr(NinesDeployment) d = nines_deployment_new (doc, NINES_DR_PATTERN_WARM_STANDBY);
  const char *path = g_getenv ("NINES_EXPORT_TO");
  NinesDiagramFormat f = g_str_has_suffix (path, ".svg") ? NINES_DIAGRAM_FORMAT_SVG : NINES_DIAGRAM_FORMAT_PDF;
  g_autoptr(GError) error = NULL;

  g_assert_true (nines_report_export_diagram (d, f, 1.0, path, &error));
}

static void
export_in_child (void)
{
  if (!g_test_subprocess ())
    {
      g_test_skip ("run by vector-deterministic in a child process");
      return;
    }
  child_export ();
}

static void
test_vector_deterministic (void)
{
  const struct { const char *ext; const char *magic; } cases[] = {
    { "svg", "<?xml" },
    { "pdf", "%PDF-" },
  };

  g_unsetenv ("SOURCE_DATE_EPOCH");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *p1 = g_strdup_printf ("%s/nines-d1.%s", g_get_tmp_dir (), cases[i].ext);
      g_autofree char *p2 = g_strdup_printf ("%s/nines-d2.%s", g_get_tmp_dir (), cases[i].ext);
      g_autoptr(GBytes) a = NULL;
      g_autoptr(GBytes) b = NULL;

      g_setenv ("NINES_EXPORT_TO", p1, TRUE);
      g_test_trap_subprocess ("/nines/export/diagram/child", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      g_usleep (1100 * 1000);   /* a second later: no timestamp may leak in */
      g_setenv ("NINES_EXPORT_TO", p2, TRUE);
      g_test_trap_subprocess ("/nines/export/diagram/child", 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      a = read_bytes (p1);
      b = read_bytes (p2);
      g_assert_true (g_str_has_prefix (g_bytes_get_data (a, NULL), cases[i].magic));
      g_assert_true (g_bytes_equal (a, b));
      g_assert_cmpuint (g_bytes_get_size (a), >, 10000);
      g_unlink (p1);
      g_unlink (p2);
    }
}

static void
test_write_error (void)
{
  g_autoptr(NinesDocument) doc = load_example ("ledger-api");
  g_autoptr(NinesDeployment) d = nines_deployment_new (doc, NINES_DR_PATTERN_MULTI_SITE);
  g_autoptr(GError) error = NULL;

  g_assert_false (nines_report_export_diagram (d, NINES_DIAGRAM_FORMAT_PDF, 1.0,
                                               "/nonexistent-dir/x.pdf", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/export/diagram/png-reference", test_png_reference);
  g_test_add_func ("/nines/export/diagram/png-detects-change", test_png_detects_change);
  g_test_add_func ("/nines/export/diagram/vector-deterministic", test_vector_deterministic);
  g_test_add_func ("/nines/export/diagram/write-error", test_write_error);
  g_test_add_func ("/nines/export/diagram/child", export_in_child);
  return g_test_run ();
}
