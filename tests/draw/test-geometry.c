/* test-geometry.c: plan layout maths (model/nines-geometry.c), no display needed */
#include "config.h"

#include <nines-model.h>

static NinesDocument *
load (const char *name)
{
  g_autoptr(GError) error = NULL;
  NinesDocument *doc = nines_document_load_example (name, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_rects (void)
{
  NinesRect a = { 0, 0, 10, 10 }, b = { 5, 5, 10, 10 }, c = { 10, 0, 5, 5 }, u;

  g_assert_true (nines_rect_contains (&a, 0, 0));
  g_assert_true (nines_rect_contains (&a, 9.9, 9.9));
  g_assert_false (nines_rect_contains (&a, 10, 5));
  g_assert_true (nines_rect_intersects (&a, &b));
  g_assert_false (nines_rect_intersects (&a, &c)); /* touching edges do not intersect */
  nines_rect_union (&a, &b, &u);
  g_assert_cmpfloat (u.x, ==, 0);
  g_assert_cmpfloat (u.width, ==, 15);
  g_assert_cmpfloat (u.height, ==, 15);
  nines_rect_from_points (30, 40, 10, 5, &u);
  g_assert_cmpfloat (u.x, ==, 10);
  g_assert_cmpfloat (u.y, ==, 5);
  g_assert_cmpfloat (u.width, ==, 20);
  g_assert_cmpfloat (u.height, ==, 35);
}

static void
test_snap (void)
{
  g_assert_cmpfloat (nines_geometry_snap (11, 8), ==, 8);
  g_assert_cmpfloat (nines_geometry_snap (12.1, 8), ==, 16);
  g_assert_cmpfloat (nines_geometry_snap (-5, 8), ==, -8);
  g_assert_cmpfloat (nines_geometry_snap (7.3, 0), ==, 7.3);
}

static void
test_storefront (void)
{
  g_autoptr(NinesDocument) doc = load ("storefront");
  g_autoptr(NinesGeometry) geo = nines_geometry_new (doc, NULL);
  const NinesGeometryCard *web;
  const NinesGeometryRegion *use1;
  NinesPoint p;
  NinesRect bounds;
  guint index = 0, zone = 0;
  int i;

  g_assert_cmpuint (nines_geometry_get_n_cards (geo), ==, nines_document_get_n_components (doc));
  i = nines_geometry_find_card (geo, "web");
  g_assert_cmpint (i, >=, 0);
  web = nines_geometry_get_card (geo, i);
  g_assert_true (nines_document_get_position (doc, "web", &p));
  g_assert_cmpfloat (web->rect.x, ==, p.x);
  g_assert_cmpfloat (web->rect.y, ==, p.y);
  g_assert_cmpfloat (web->rect.width, ==, NINES_GEOMETRY_CARD_WIDTH);
  g_assert_false (web->auto_placed);
  g_assert_cmpint (nines_geometry_find_card (geo, "nope"), ==, -1);

  /* The region contains all its cards, with the header above. */
  i = nines_geometry_find_region (geo, "us-east-1");
  g_assert_cmpint (i, >=, 0);
  use1 = nines_geometry_get_region (geo, i);
  for (guint c = 0; c < nines_geometry_get_n_cards (geo); c++)
    {
      const NinesGeometryCard *card = nines_geometry_get_card (geo, c);
      NinesRect u;
      if (g_strcmp0 (card->region, "us-east-1") != 0)
        continue;
      nines_rect_union (&use1->rect, &card->rect, &u);
      g_assert_cmpmem (&u, sizeof u, &use1->rect, sizeof u);
    }
  g_assert_cmpuint (g_strv_length (use1->zones), ==, 3);
  g_assert_cmpfloat (use1->zone_rects[0].x + use1->zone_rects[0].width, <, use1->zone_rects[1].x);

  /* Hit-testing: a card's centre is that card; a lane between cards is the zone. */
  g_assert_cmpint (nines_geometry_hit_test (geo, web->rect.x + 5, web->rect.y + 5, &index, NULL),
                   ==, NINES_HIT_CARD);
  g_assert_cmpuint (index, ==, (guint) nines_geometry_find_card (geo, "web"));
  g_assert_cmpint (nines_geometry_hit_test (geo, use1->rect.x + 2, use1->rect.y + 2, &index, &zone),
                   ==, NINES_HIT_REGION);
  g_assert_cmpint (nines_geometry_hit_test (geo, use1->zone_rects[2].x + 2,
                                            use1->rect.y + use1->rect.height - 10, &index, &zone),
                   ==, NINES_HIT_ZONE);
  g_assert_cmpuint (zone, ==, 2);
  g_assert_cmpint (nines_geometry_hit_test (geo, -5000, -5000, NULL, NULL), ==, NINES_HIT_NONE);

  /* Links resolve to cards. */
  g_assert_cmpuint (nines_geometry_get_n_links (geo), ==,
                    g_list_model_get_n_items (nines_document_get_links (doc)));

  nines_geometry_get_bounds (geo, &bounds);
  g_assert_true (nines_rect_contains (&bounds, web->rect.x, web->rect.y));
}

static void
test_rubber_band_and_neighbours (void)
{
  g_autoptr(NinesDocument) doc = load ("storefront");
  g_autoptr(NinesGeometry) geo = nines_geometry_new (doc, NULL);
  NinesRect r;
  g_autoptr(GArray) hits = NULL;
  int alb = nines_geometry_find_card (geo, "alb");
  int web = nines_geometry_find_card (geo, "web");
  int db = nines_geometry_find_card (geo, "db");
  int cdn = nines_geometry_find_card (geo, "cdn");

  /* alb (340,200), web (560,240), db (780,240), cdn (340,40) */
  nines_rect_from_points (330, 190, 600, 260, &r);
  hits = nines_geometry_cards_in_rect (geo, &r);
  g_assert_cmpuint (hits->len, ==, 2);
  g_assert_cmpuint (g_array_index (hits, guint, 0), ==, (guint) alb);
  g_assert_cmpuint (g_array_index (hits, guint, 1), ==, (guint) web);

  g_assert_cmpint (nines_geometry_find_neighbour (geo, alb, 1, 0), ==, web);
  g_assert_cmpint (nines_geometry_find_neighbour (geo, web, 1, 0), ==, db);
  g_assert_cmpint (nines_geometry_find_neighbour (geo, db, 1, 0), ==, -1);
  g_assert_cmpint (nines_geometry_find_neighbour (geo, alb, 0, -1), ==, cdn);
}

static void
test_link_curve (void)
{
  NinesRect a = { 0, 0, 100, 50 }, b = { 300, 0, 100, 50 }, c = { 0, 300, 100, 50 };
  double p[8];

  nines_geometry_link_curve (&a, &b, p);
  g_assert_cmpfloat (p[0], ==, 100);  /* leaves a's right edge */
  g_assert_cmpfloat (p[1], ==, 25);
  g_assert_cmpfloat (p[6], ==, 300);  /* enters b's left edge */
  g_assert_cmpfloat (p[7], ==, 25);
  nines_geometry_link_curve (&c, &a, p);
  g_assert_cmpfloat (p[1], ==, 300);  /* leaves c's top */
  g_assert_cmpfloat (p[7], ==, 50);   /* enters a's bottom */
}

static void
test_auto_layout (void)
{
  g_autoptr(NinesDocument) doc = nines_document_new ();
  const char *azs[] = { "use1-az1", "use1-az2", NULL };
  g_autoptr(NinesGeometry) geo = NULL;
  NinesPoint spot;

  {
    g_autoptr(NinesRegion) region = nines_region_new ("us-east-1", azs);
    nines_document_add_region (doc, region);
  }
  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *id = g_strdup_printf ("q%u", i);
      g_autoptr(NinesComponent) c = nines_component_new (id, "sqs", "us-east-1");
      nines_document_add_component (doc, c);
    }
  geo = nines_geometry_new (doc, NULL);
  g_assert_cmpuint (nines_geometry_get_n_cards (geo), ==, 50);
  /* No two auto-placed cards overlap. */
  for (guint i = 0; i < 50; i++)
    {
      const NinesGeometryCard *a = nines_geometry_get_card (geo, i);
      g_assert_true (a->auto_placed);
      for (guint j = i + 1; j < 50; j++)
        g_assert_false (nines_rect_intersects (&a->rect, &nines_geometry_get_card (geo, j)->rect));
    }
  nines_geometry_free_spot (geo, "us-east-1", &spot);
  for (guint i = 0; i < 50; i++)
    {
      NinesRect r = { spot.x, spot.y, NINES_GEOMETRY_CARD_WIDTH, NINES_GEOMETRY_CARD_HEIGHT };
      g_assert_false (nines_rect_intersects (&r, &nines_geometry_get_card (geo, i)->rect));
    }
  g_assert_cmpfloat (spot.x, ==, nines_geometry_snap (spot.x, NINES_GEOMETRY_GRID));
}

static void
test_deployment_cards (void)
{
  g_autoptr(NinesDocument) doc = load ("storefront");
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, nines_document_get_dr_pattern (doc));
  g_autoptr(NinesGeometry) geo = nines_geometry_new (doc, dep);
  guint n_added = 0;

  for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
    if (nines_deployment_get_item (dep, i)->added)
      n_added++;
  g_assert_cmpuint (nines_geometry_get_n_cards (geo), ==, nines_document_get_n_components (doc) + n_added);
  for (guint i = 0; i < nines_geometry_get_n_cards (geo); i++)
    {
      const NinesGeometryCard *card = nines_geometry_get_card (geo, i);
      g_assert_cmpfloat (card->rect.width, ==, NINES_GEOMETRY_CARD_WIDTH);
      if (card->added && card->region != NULL)
        {
          int r = nines_geometry_find_region (geo, card->region);
          g_assert_cmpint (r, >=, 0);
          g_assert_true (nines_rect_contains (&nines_geometry_get_region (geo, r)->rect,
                                              card->rect.x, card->rect.y));
        }
    }
}

/* Global services sit in their own band above every region, in one row: no global card
 * inside a region's container, none overlapping another (the pattern's ROUTING card is
 * beside the DNS card, not on it), and drawn ones keep their saved left-to-right order. */
static void
check_global_band (const char     *example,
                   NinesDrPattern  pattern)
{
  g_autoptr(NinesDocument) doc = load (example);
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, pattern);
  g_autoptr(NinesGeometry) geo = nines_geometry_new (doc, dep);
  g_autoptr(GArray) globals = g_array_new (FALSE, FALSE, sizeof (guint));
  NinesRect band, bounds;
  guint n_added = 0;

  g_assert_true (nines_geometry_get_global_band (geo, &band));
  for (guint i = 0; i < nines_geometry_get_n_cards (geo); i++)
    if (nines_geometry_get_card (geo, i)->region == NULL)
      g_array_append_val (globals, i);
  g_assert_cmpuint (globals->len, >, 0);

  for (guint r = 0; r < nines_geometry_get_n_regions (geo); r++)
    {
      const NinesGeometryRegion *region = nines_geometry_get_region (geo, r);

      g_assert_false (nines_rect_intersects (&band, &region->rect));
      g_assert_cmpfloat (band.y + band.height, <, region->rect.y);
      g_assert_cmpfloat (band.x, <=, region->rect.x);
      g_assert_cmpfloat (band.x + band.width, >=, region->rect.x + region->rect.width);
    }
  for (guint a = 0; a < globals->len; a++)
    {
      guint ia = g_array_index (globals, guint, a);
      const NinesGeometryCard *ca = nines_geometry_get_card (geo, ia);
      NinesRect u;

      n_added += ca->added;
      nines_rect_union (&band, &ca->rect, &u);
      g_assert_cmpmem (&u, sizeof u, &band, sizeof u);
      g_assert_cmpfloat (ca->rect.y, ==, band.y + NINES_GEOMETRY_GLOBAL_HEADER);
      for (guint r = 0; r < nines_geometry_get_n_regions (geo); r++)
        {
          const NinesGeometryRegion *region = nines_geometry_get_region (geo, r);

          g_assert_false (nines_rect_intersects (&ca->rect, &region->rect));
        }
      for (guint b = a + 1; b < globals->len; b++)
        {
          guint ib = g_array_index (globals, guint, b);
          const NinesGeometryCard *cb = nines_geometry_get_card (geo, ib);

          g_assert_false (nines_rect_intersects (&ca->rect, &cb->rect));
          /* Saved order is kept among drawn cards. */
          if (!ca->added && !cb->added)
            {
              NinesPoint pa, pb;

              if (nines_document_get_position (doc, ca->id, &pa) &&
                  nines_document_get_position (doc, cb->id, &pb))
                g_assert_true ((pa.x < pb.x) == (ca->rect.x < cb->rect.x));
            }
        }
    }
  if (pattern == NINES_DR_PATTERN_WARM_STANDBY && g_str_equal (example, "storefront"))
    g_assert_cmpuint (n_added, >, 0);   /* the failover routing record beside shop DNS */
  nines_geometry_get_bounds (geo, &bounds);
  nines_rect_union (&bounds, &band, &bounds);
  nines_geometry_get_bounds (geo, &band);
  g_assert_cmpmem (&bounds, sizeof bounds, &band, sizeof band);
}

static void
test_global_band (void)
{
  const char *examples[] = { "storefront", "newsroom", "ledger-api" };
  guint with_global = 0;

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(NinesDocument) doc = load (examples[e]);
      g_autoptr(NinesGeometry) plain = nines_geometry_new (doc, NULL);
      gboolean has_global = FALSE;

      for (guint i = 0; i < nines_geometry_get_n_cards (plain); i++)
        has_global |= nines_geometry_get_card (plain, i)->region == NULL;
      g_assert_cmpint (nines_geometry_get_global_band (plain, NULL), ==, has_global);
      if (!has_global)
        continue;
      with_global++;
      for (NinesDrPattern p = NINES_DR_PATTERN_NONE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
        check_global_band (examples[e], p);
    }
  g_assert_cmpuint (with_global, >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/geometry/rects", test_rects);
  g_test_add_func ("/nines/geometry/snap", test_snap);
  g_test_add_func ("/nines/geometry/storefront", test_storefront);
  g_test_add_func ("/nines/geometry/rubber-band-and-neighbours", test_rubber_band_and_neighbours);
  g_test_add_func ("/nines/geometry/link-curve", test_link_curve);
  g_test_add_func ("/nines/geometry/auto-layout", test_auto_layout);
  g_test_add_func ("/nines/geometry/deployment-cards", test_deployment_cards);
  g_test_add_func ("/nines/geometry/global-band", test_global_band);
  return g_test_run ();
}
