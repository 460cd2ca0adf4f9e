/* test-diagram.c: the GTK-free drawing (draw/nines-diagram.c) on image surfaces */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <nines-diagram.h>
#include <nines-chart.h>

static guint32
pixel (cairo_surface_t *s,
       int              x,
       int              y)
{
  cairo_surface_flush (s);
  return *(guint32 *) (cairo_image_surface_get_data (s) + y * cairo_image_surface_get_stride (s) + x * 4);
}

static void
test_card (void)
{
  g_autoptr(NinesDocument) doc = nines_document_load_example ("storefront", NULL);
  g_autoptr(NinesGeometry) geo = nines_geometry_new (doc, NULL);
  const NinesGeometryCard *web = nines_geometry_get_card (geo, nines_geometry_find_card (geo, "web"));
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_t *cr = cairo_create (s);
  NinesRect at = { 10, 10, NINES_GEOMETRY_CARD_WIDTH, NINES_GEOMETRY_CARD_HEIGHT };
  NinesDiagramStyle style;
  guint32 plain, selected, failed;

  nines_diagram_style_init (&style, FALSE);
  nines_diagram_draw_card (cr, web, &at, &style, 0);
  /* Outside the card stays transparent; inside the body is opaque white. */
  g_assert_cmphex (pixel (s, 2, 2), ==, 0);
  g_assert_cmphex (pixel (s, 100, 78), ==, 0xffffffff);
  plain = pixel (s, 11, 50);   /* on the left border */

  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  nines_diagram_draw_card (cr, web, &at, &style, NINES_DIAGRAM_CARD_SELECTED);
  selected = pixel (s, 11, 50);
  g_assert_cmphex (plain, !=, selected);

  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  nines_diagram_draw_card (cr, web, &at, &style, NINES_DIAGRAM_CARD_FAILED);
  failed = pixel (s, 10 + 12 + 16, 10 + 36); /* glyph centre, greyed */
  {
    guint r = (failed >> 16) & 0xff, g = (failed >> 8) & 0xff, b = failed & 0xff;
    g_assert_cmpuint (ABS ((int) r - (int) g), <=, 2);
    g_assert_cmpuint (ABS ((int) g - (int) b), <=, 2);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
test_glyphs_differ (void)
{
  const char *kinds[] = { "vpc", "ec2-asg", "alb", "nlb", "rds", "aurora", "s3", "dynamodb",
                          "route53", "cloudfront", "nat-gateway", "efs", "elasticache", "lambda",
                          "sqs", "ci-server", "guardduty" };
  GHashTable *seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_A8, 32, 32);
      cairo_t *cr = cairo_create (s);
      g_autofree char *sum = NULL;
      guint inked = 0;

      g_assert_nonnull (nines_catalog_lookup_kind (nines_catalog_get_default (), kinds[i]));
      nines_diagram_draw_glyph (cr, kinds[i], 16, 16, 28);
      cairo_surface_flush (s);
      for (int y = 0; y < 32; y++)
        for (int x = 0; x < 32; x++)
          inked += cairo_image_surface_get_data (s)[y * cairo_image_surface_get_stride (s) + x] > 0;
      g_assert_cmpuint (inked, >, 20);
      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, cairo_image_surface_get_data (s),
                                         32 * cairo_image_surface_get_stride (s));
      g_assert_false (g_hash_table_contains (seen, sum)); /* every kind has its own glyph */
      g_hash_table_add (seen, g_steal_pointer (&sum));
      cairo_destroy (cr);
      cairo_surface_destroy (s);
    }
  /* Every catalog kind is covered. */
  g_assert_cmpuint (nines_catalog_get_n_kinds (nines_catalog_get_default ()), ==, G_N_ELEMENTS (kinds));
  g_hash_table_unref (seen);
}

static void
test_export (void)
{
  g_autoptr(NinesDocument) doc = nines_document_load_example ("storefront", NULL);
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, nines_document_get_dr_pattern (doc));
  g_autoptr(NinesGeometry) geo = nines_geometry_new (doc, dep);
  g_autofree char *dir = g_dir_make_tmp ("nines-diagram-XXXXXX", NULL);
  const char *out = g_getenv ("NINES_PNG_DIR");
  NinesDiagramStyle style;
  struct { NinesDiagramFormat f; const char *name; const char *magic; } cases[] = {
    { NINES_DIAGRAM_FORMAT_PNG, "d.png", "\x89PNG" },
    { NINES_DIAGRAM_FORMAT_SVG, "d.svg", "<?xml" },
    { NINES_DIAGRAM_FORMAT_PDF, "d.pdf", "%PDF" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;

  nines_diagram_style_init (&style, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (nines_diagram_export (geo, &style, cases[i].f, 1.0, path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      g_assert_cmpuint (len, >, 1000);
      g_assert_true (g_str_has_prefix (data, cases[i].magic));
      if (cases[i].f == NINES_DIAGRAM_FORMAT_SVG)
        g_assert_nonnull (strstr (data, "<path"));
      g_unlink (path);
    }
  if (out != NULL)
    {
      g_autofree char *path = g_build_filename (out, "diagram-storefront.png", NULL);
      g_assert_true (nines_diagram_export (geo, &style, NINES_DIAGRAM_FORMAT_PNG, 1.5, path, &error));
    }
  bad = g_build_filename (dir, "missing", "d.png", NULL);
  g_assert_false (nines_diagram_export (geo, &style, NINES_DIAGRAM_FORMAT_PNG, 1.0, bad, &error));
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO);
  g_rmdir (dir);
}

/* Compare chart labels: points as close as the real four patterns put them (No DR and
 * Backup & restore nearly on top of each other) still get labels that cover neither each
 * other nor any point, inside the chart. */
static void
test_chart_labels (void)
{
  const NinesChartPoint points[] = {
    { "No DR (single region)", 15300, 902, FALSE, TRUE },
    { "Backup & restore", 6060, 946, FALSE, TRUE },
    { "Pilot light", 4320, 1111, TRUE, TRUE },
    { "Warm standby", 270, 1366, FALSE, TRUE },
    { "Multi-site active/active", 270, 1500, FALSE, TRUE },
  };
  const double px[] = { 290, 240, 230, 100, 100 };
  const double py[] = { 86, 82, 66, 44, 26 };
  NinesRect area = { 0, 0, 380, 180 }, boxes[G_N_ELEMENTS (points)];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 380, 220);
  cairo_t *cr = cairo_create (surface);

  nines_chart_place_labels (cr, points, G_N_ELEMENTS (points), px, py, &area, boxes);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_assert_cmpfloat (boxes[i].width, >, 20);
      g_assert_cmpfloat (boxes[i].x, >=, area.x);
      g_assert_cmpfloat (boxes[i].y, >=, area.y);
      g_assert_cmpfloat (boxes[i].x + boxes[i].width, <=, area.x + area.width);
      g_assert_cmpfloat (boxes[i].y + boxes[i].height, <=, area.y + area.height);
      for (guint j = 0; j < G_N_ELEMENTS (points); j++)
        {
          NinesRect dot = { px[j] - 5, py[j] - 5, 10, 10 };

          g_assert_false (nines_rect_intersects (&boxes[i], &dot));
          if (j != i)
            g_assert_false (nines_rect_intersects (&boxes[i], &boxes[j]));
        }
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The timeline names what each step acts on by its display name, never by its id. */
static void
test_step_labels (void)
{
  g_autoptr(NinesDocument) doc = nines_document_load_example ("storefront", NULL);
  gboolean seen_db = FALSE, seen_web = FALSE;

  for (guint p = NINES_DR_PATTERN_BACKUP_RESTORE; p < NINES_N_DR_PATTERNS; p++)
    {
      g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, p);
      g_autoptr(NinesRecovery) rec = nines_recovery_new (dep);

      for (guint i = 0; i < nines_recovery_get_n_steps (rec); i++)
        {
          const NinesRecoveryStep *s = nines_recovery_get_step (rec, i);
          g_autofree char *label = nines_chart_dup_step_label (rec, i);
          const NinesDeployedItem *item = s->item_id ? nines_deployment_lookup_item (dep, s->item_id) : NULL;

          g_test_message ("%s -> %s", s->label, label);
          if (item == NULL)
            {
              g_assert_cmpstr (label, ==, s->label);
              continue;
            }
          if (g_str_equal (item->source_id, "db") && strstr (s->label, "db") != NULL)
            {
              g_assert_nonnull (strstr (label, "Orders database"));
              g_assert_null (strstr (label, "db@"));
              seen_db = TRUE;
            }
          /* A name that contains an id ("Static assets" for "assets") is left as it is. */
          if (g_str_equal (item->source_id, "assets"))
            {
              g_assert_nonnull (strstr (label, "Static assets"));
              g_assert_null (strstr (label, "Static Static"));
              g_assert_null (strstr (label, "assets@"));
            }
          if (g_str_equal (item->source_id, "web") && strstr (s->label, "web") != NULL)
            {
              g_assert_nonnull (strstr (label, "Web tier"));
              g_assert_null (strstr (label, " web"));
              seen_web = TRUE;
            }
        }
    }
  g_assert_true (seen_db);
  g_assert_true (seen_web);

  {
    g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, NINES_DR_PATTERN_WARM_STANDBY);
    g_autoptr(NinesRecovery) rec = nines_recovery_new (dep);

    g_assert_cmpstr (nines_chart_store_name (rec, "db"), ==, "Orders database");
    g_assert_cmpstr (nines_chart_store_name (rec, "no-such-store"), ==, "no-such-store");
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/diagram/card", test_card);
  g_test_add_func ("/nines/diagram/glyphs-differ", test_glyphs_differ);
  g_test_add_func ("/nines/diagram/export", test_export);
  g_test_add_func ("/nines/diagram/chart-labels", test_chart_labels);
  g_test_add_func ("/nines/diagram/step-labels", test_step_labels);
  return g_test_run ();
}
