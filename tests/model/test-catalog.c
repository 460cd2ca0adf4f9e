/* test-catalog.c: the built-in regions, service kinds and DR knobs */
#include "config.h"

#include <math.h>
#include <string.h>
#include <nines-model.h>

/* "us-east-1" -> "use1", "ap-southeast-2" -> "apse2": the prefix of its AZ IDs. */
static char *
az_prefix (const char *code)
{
  static const char *directions[][2] = {
    { "northeast", "ne" }, { "southeast", "se" }, { "northwest", "nw" }, { "southwest", "sw" },
    { "north", "n" }, { "south", "s" }, { "east", "e" }, { "west", "w" }, { "central", "c" },
  };
  g_auto(GStrv) parts = g_strsplit (code, "-", -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    if (g_str_equal (parts[1], directions[i][0]))
      return g_strconcat (parts[0], directions[i][1], parts[2], NULL);
  g_error ("region %s has an unknown direction", code);
}

static void
test_regions (void)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  g_autoptr(GHashTable) locations = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) azs = g_hash_table_new (g_str_hash, g_str_equal);
  const char *geographies[] = { "North America", "South America", "Europe", "Middle East",
                                "Africa", "Asia Pacific", NULL };
  guint n = nines_catalog_get_n_regions (catalog);

  /* Every commercial region as of 2026: 30+. */
  g_assert_cmpuint (n, >=, 30);
  for (guint i = 0; i < n; i++)
    {
      const NinesRegionInfo *r = nines_catalog_get_region (catalog, i);
      g_autofree char *prefix = az_prefix (r->code);

      g_assert_true (nines_catalog_lookup_region (catalog, r->code) == r);
      g_assert_true (nines_catalog_lookup_location (catalog, r->location) == r);
      g_assert_true (g_hash_table_add (locations, r->location));
      g_assert_cmpstr (r->name, !=, "");
      g_assert_true (g_strv_contains (geographies, r->geography));
      g_assert_true (r->lat >= -90 && r->lat <= 90 && r->lon >= -180 && r->lon <= 180);
      g_assert_true (r->lat != 0 || r->lon != 0);
      /* AZ IDs: at least two, all of the form use1-az4, none twice anywhere. */
      g_assert_cmpuint (g_strv_length (r->azs), >=, 2);
      for (guint j = 0; r->azs[j]; j++)
        {
          const char *az = r->azs[j];

          if (!g_str_has_prefix (az, prefix) || !g_str_has_prefix (az + strlen (prefix), "-az") ||
              !g_ascii_isdigit (az[strlen (prefix) + 3]))
            g_error ("AZ ID %s does not belong to %s", az, r->code);
          g_assert_true (g_hash_table_add (azs, (char *) az));
          g_assert_true (nines_region_info_has_az (r, az));
        }
      g_assert_false (nines_region_info_has_az (r, "use1-az99"));
      g_assert_false (nines_region_info_has_az (r, NULL));
    }
}

static void
test_region_lookups (void)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  const struct {
    const char *code;
    const char *location;
    const char *geography;
  } known[] = {
    /* The exact "location" attribute of AWS Price List data. */
    { "us-east-1", "US East (N. Virginia)", "North America" },
    { "us-west-2", "US West (Oregon)", "North America" },
    { "ca-central-1", "Canada (Central)", "North America" },
    { "eu-west-1", "EU (Ireland)", "Europe" },
    { "eu-central-1", "EU (Frankfurt)", "Europe" },
    { "sa-east-1", "South America (Sao Paulo)", "South America" },
    { "ap-northeast-1", "Asia Pacific (Tokyo)", "Asia Pacific" },
    { "ap-southeast-2", "Asia Pacific (Sydney)", "Asia Pacific" },
    { "me-south-1", "Middle East (Bahrain)", "Middle East" },
    { "af-south-1", "Africa (Cape Town)", "Africa" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      const NinesRegionInfo *r = nines_catalog_lookup_region (catalog, known[i].code);

      g_assert_nonnull (r);
      g_assert_cmpstr (r->location, ==, known[i].location);
      g_assert_cmpstr (r->geography, ==, known[i].geography);
      g_assert_true (nines_catalog_lookup_location (catalog, known[i].location) == r);
    }
  g_assert_null (nines_catalog_lookup_region (catalog, "us-east-9"));
  g_assert_null (nines_catalog_lookup_region (catalog, NULL));
  g_assert_null (nines_catalog_lookup_location (catalog, "US East (Ohio"));
  g_assert_true (nines_region_info_has_az (nines_catalog_lookup_region (catalog, "us-east-1"),
                                           "use1-az6"));
  /* Government and China regions are not commercial regions. */
  g_assert_null (nines_catalog_lookup_region (catalog, "us-gov-west-1"));
  g_assert_null (nines_catalog_lookup_region (catalog, "cn-north-1"));
}

static void
test_distances (void)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  const NinesRegionInfo *virginia = nines_catalog_lookup_region (catalog, "us-east-1");
  const NinesRegionInfo *ohio = nines_catalog_lookup_region (catalog, "us-east-2");
  const NinesRegionInfo *ireland = nines_catalog_lookup_region (catalog, "eu-west-1");
  const NinesRegionInfo *frankfurt = nines_catalog_lookup_region (catalog, "eu-central-1");
  const NinesRegionInfo *sydney = nines_catalog_lookup_region (catalog, "ap-southeast-2");
  guint n = nines_catalog_get_n_regions (catalog);

  g_assert_cmpfloat (nines_region_info_distance_km (virginia, virginia), ==, 0);
  /* Great-circle distances between the metro areas, within 10 %. */
  g_assert_cmpfloat_with_epsilon (nines_region_info_distance_km (virginia, ohio), 480, 50);
  g_assert_cmpfloat_with_epsilon (nines_region_info_distance_km (ireland, frankfurt), 1090, 110);
  g_assert_cmpfloat_with_epsilon (nines_region_info_distance_km (virginia, ireland), 5500, 550);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        const NinesRegionInfo *a = nines_catalog_get_region (catalog, i);
        const NinesRegionInfo *b = nines_catalog_get_region (catalog, j);
        double d = nines_region_info_distance_km (a, b);

        g_assert_cmpfloat_with_epsilon (d, nines_region_info_distance_km (b, a), 1e-6);
        g_assert_true (d >= 0 && d <= G_PI * 6371.0 + 1);
        if (i != j)
          g_assert_cmpfloat (d, >, 10);
      }
  g_assert_cmpfloat (nines_region_info_distance_km (virginia, sydney), >, 15000);
}

static void
test_kinds (void)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  /* DESIGN.md section 2, with their placement. */
  const struct {
    const char *id;
    NinesPlacement placement;
    gboolean data_store;
  } required[] = {
    { "ec2-asg", NINES_PLACEMENT_ZONAL, FALSE }, { "alb", NINES_PLACEMENT_ZONAL, FALSE },
    { "nlb", NINES_PLACEMENT_ZONAL, FALSE }, { "rds", NINES_PLACEMENT_ZONAL, TRUE },
    { "aurora", NINES_PLACEMENT_ZONAL, TRUE }, { "s3", NINES_PLACEMENT_REGIONAL, TRUE },
    { "dynamodb", NINES_PLACEMENT_REGIONAL, TRUE }, { "route53", NINES_PLACEMENT_GLOBAL, FALSE },
    { "cloudfront", NINES_PLACEMENT_GLOBAL, FALSE },
    { "nat-gateway", NINES_PLACEMENT_ZONAL, FALSE }, { "efs", NINES_PLACEMENT_REGIONAL, TRUE },
    { "elasticache", NINES_PLACEMENT_ZONAL, FALSE }, { "lambda", NINES_PLACEMENT_REGIONAL, FALSE },
    { "sqs", NINES_PLACEMENT_REGIONAL, FALSE }, { "ci-server", NINES_PLACEMENT_ZONAL, FALSE },
    { "vpc", NINES_PLACEMENT_REGIONAL, FALSE }, { "guardduty", NINES_PLACEMENT_REGIONAL, FALSE },
  };
  const char *asg_params[] = { "instance_type", "min", "desired", "max", "ebs_gb" };
  const char *rds_params[] = { "engine", "instance_class", "multi_az", "storage_type",
                               "storage_gb", "backup_retention_days" };
  const NinesKindInfo *asg, *rds;

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      const NinesKindInfo *k = nines_catalog_lookup_kind (catalog, required[i].id);

      if (k == NULL)
        g_error ("the catalog lacks the kind %s", required[i].id);
      g_assert_cmpint (k->placement, ==, required[i].placement);
      g_assert_cmpint (k->data_store, ==, required[i].data_store);
    }
  g_assert_null (nines_catalog_lookup_kind (catalog, "mainframe"));
  g_assert_null (nines_catalog_lookup_kind (catalog, NULL));

  asg = nines_catalog_lookup_kind (catalog, "ec2-asg");
  for (guint i = 0; i < G_N_ELEMENTS (asg_params); i++)
    g_assert_nonnull (nines_kind_info_lookup_param (asg, asg_params[i]));
  rds = nines_catalog_lookup_kind (catalog, "rds");
  for (guint i = 0; i < G_N_ELEMENTS (rds_params); i++)
    g_assert_nonnull (nines_kind_info_lookup_param (rds, rds_params[i]));
  g_assert_null (nines_kind_info_lookup_param (rds, "readers"));
  g_assert_null (nines_kind_info_lookup_param (rds, NULL));
  g_assert_cmpuint (nines_catalog_lookup_kind (catalog, "alb")->min_azs, ==, 2);
}

static void
assert_spec_sound (const NinesParamSpec *p,
                   const char           *where)
{
  g_autofree char *problem = NULL;

  g_assert_nonnull (p->name);
  g_assert_nonnull (p->label);
  if (!nines_param_spec_check (p, p->default_value, &problem))
    g_error ("%s.%s: the default fails its own spec: %s", where, p->name, problem);
  g_assert_true (g_variant_is_of_type (p->default_value, nines_param_spec_get_value_type (p)));
  switch (p->type)
    {
    case NINES_PARAM_INT:
    case NINES_PARAM_NUMBER:
      g_assert_cmpfloat (p->min, <=, p->max);
      /* Counts and sizes have a floor and a ceiling. */
      g_assert_cmpfloat (p->min, >, -G_MAXDOUBLE);
      g_assert_cmpfloat (p->max, <, G_MAXDOUBLE);
      break;
    case NINES_PARAM_ENUM:
      g_assert_nonnull (p->choices);
      g_assert_cmpuint (g_strv_length (p->choices), >=, 2);
      break;
    case NINES_PARAM_STRING:
    case NINES_PARAM_BOOL:
    default:
      break;
    }
}

static void
test_defaults_pass_their_specs (void)
{
  NinesCatalog *catalog = nines_catalog_get_default ();

  for (guint i = 0; i < nines_catalog_get_n_kinds (catalog); i++)
    {
      const NinesKindInfo *k = nines_catalog_get_kind (catalog, i);
      g_autoptr(NinesComponent) c = nines_component_new ("c", k->id, NULL);
      g_autofree char *summary = NULL;

      g_assert_true (nines_catalog_lookup_kind (catalog, k->id) == k);
      g_assert_nonnull (k->label);
      g_assert_nonnull (k->service);
      g_assert_cmpuint (k->params->len, >, 0);
      for (guint j = 0; j < k->params->len; j++)
        {
          const NinesParamSpec *p = g_ptr_array_index (k->params, j);

          assert_spec_sound (p, k->id);
          g_assert_true (nines_kind_info_lookup_param (k, p->name) == p);
          /* A new component reads its defaults. */
          g_assert_true (g_variant_equal (nines_component_get_param (c, p->name), p->default_value));
        }
      /* Every {name} of the summary is a parameter. */
      summary = nines_component_format_summary (c);
      g_assert_null (strchr (summary, '{'));
      g_assert_cmpstr (summary, !=, "");
    }

  for (guint i = 0; i < nines_catalog_get_n_knobs (catalog); i++)
    {
      const NinesParamSpec *p = nines_catalog_get_knob (catalog, i);

      assert_spec_sound (p, "dr.knobs");
      g_assert_true (nines_catalog_lookup_knob (catalog, p->name) == p);
      /* Every default says where it comes from. */
      g_assert_nonnull (p->source);
      g_assert_cmpuint (strlen (p->source), >, 20);
    }
  g_assert_nonnull (nines_catalog_lookup_knob (catalog, "standby_fraction"));
  g_assert_null (nines_catalog_lookup_knob (catalog, "warp_factor"));
}

static void
test_spec_check (void)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  const NinesKindInfo *asg = nines_catalog_lookup_kind (catalog, "ec2-asg");
  const NinesKindInfo *rds = nines_catalog_lookup_kind (catalog, "rds");
  const NinesParamSpec *max = nines_kind_info_lookup_param (asg, "max");
  const NinesParamSpec *type = nines_kind_info_lookup_param (asg, "instance_type");
  const NinesParamSpec *ebs_type = nines_kind_info_lookup_param (asg, "ebs_type");
  const NinesParamSpec *multi_az = nines_kind_info_lookup_param (rds, "multi_az");
  const NinesParamSpec *fraction = nines_catalog_lookup_knob (catalog, "standby_fraction");
  const struct {
    const NinesParamSpec *spec;
    GVariant *value;
    const char *problem;   /* NULL: valid */
  } cases[] = {
    { max, g_variant_new_int64 (12), NULL },
    { max, g_variant_new_int64 (0), NULL },
    { max, g_variant_new_int64 (5001), "must be between 0 and 5000 (is 5001)" },
    { max, g_variant_new_int64 (-1), "must be between 0 and 5000 (is -1)" },
    { max, g_variant_new_double (3), "must be an integer" },
    { max, g_variant_new_int32 (3), "must be an integer" },
    { type, g_variant_new_string ("c7gn.16xlarge"), NULL },
    { type, g_variant_new_string ("big"), "must look like \"m6i.large\" (is \"big\")" },
    { type, g_variant_new_boolean (TRUE), "must be a string" },
    { ebs_type, g_variant_new_string ("io2"), NULL },
    { ebs_type, g_variant_new_string ("gp9"), "must be one of gp3, gp2, io2, st1 (is \"gp9\")" },
    { multi_az, g_variant_new_boolean (FALSE), NULL },
    { multi_az, g_variant_new_string ("yes"), "must be true or false" },
    { fraction, g_variant_new_double (0.5), NULL },
    { fraction, g_variant_new_double (0), "must be between 0.01 and 1 (is 0)" },
    { fraction, g_variant_new_double (NAN), "must be between 0.01 and 1 (is nan)" },
    { fraction, g_variant_new_double (INFINITY), "must be between 0.01 and 1 (is inf)" },
    { fraction, g_variant_new_int64 (1), "must be a number" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVariant) v = g_variant_ref_sink (cases[i].value);
      g_autofree char *problem = NULL;
      gboolean ok = nines_param_spec_check (cases[i].spec, v, &problem);

      if (cases[i].problem == NULL)
        {
          g_assert_true (ok);
          g_assert_null (problem);
        }
      else
        {
          g_assert_false (ok);
          g_assert_cmpstr (problem, ==, cases[i].problem);
        }
      /* A caller that wants no text need not take it. */
      g_assert_cmpint (nines_param_spec_check (cases[i].spec, v, NULL), ==, ok);
    }
  g_assert_false (nines_param_spec_check (max, NULL, NULL));
}

static void
test_format_value (void)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  const NinesKindInfo *asg = nines_catalog_lookup_kind (catalog, "ec2-asg");
  const NinesKindInfo *rds = nines_catalog_lookup_kind (catalog, "rds");
  const NinesKindInfo *s3 = nines_catalog_lookup_kind (catalog, "s3");
  const struct {
    const NinesParamSpec *spec;
    GVariant *value;
    const char *text;
  } cases[] = {
    { nines_kind_info_lookup_param (asg, "max"), g_variant_new_int64 (12), "12 instances" },
    { nines_kind_info_lookup_param (asg, "ebs_gb"), g_variant_new_int64 (30), "30 GB" },
    { nines_kind_info_lookup_param (asg, "instance_type"), g_variant_new_string ("m6i.large"),
      "m6i.large" },
    { nines_kind_info_lookup_param (rds, "multi_az"), g_variant_new_boolean (TRUE), "yes" },
    { nines_kind_info_lookup_param (rds, "multi_az"), g_variant_new_boolean (FALSE), "no" },
    { nines_kind_info_lookup_param (s3, "storage_gb"), g_variant_new_double (250.5), "250.5 GB" },
    { nines_kind_info_lookup_param (s3, "storage_gb"), g_variant_new_double (2000), "2000 GB" },
    { nines_catalog_lookup_knob (catalog, "standby_fraction"), g_variant_new_double (0.25),
      "0.25 fraction" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GVariant) v = g_variant_ref_sink (cases[i].value);
      g_autofree char *text = nines_param_spec_format_value (cases[i].spec, v);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static char *
read_catalog_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("NINES_SOURCE_DIR"), "data", "catalog", name,
                                            NULL);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* The catalog is data: broken data gives a message, never a crash or a critical. */
static void
test_broken_catalogs (void)
{
  g_autofree char *regions = read_catalog_file ("regions.json");
  g_autofree char *kinds = read_catalog_file ("kinds.json");
  g_autofree char *knobs = read_catalog_file ("dr-knobs.json");
  const struct {
    const char *regions;
    const char *kinds;
    const char *knobs;
    const char *message;
  } cases[] = {
    { "{\"regions\": 3}", NULL, NULL, "catalog lacks the array \"regions\"" },
    { "{\"regions\": [{\"code\": \"x-east-1\", \"name\": \"X\", \"location\": \"X\", "
      "\"geography\": \"X\", \"lat\": 1, \"lon\": 1}]}", NULL, NULL,
      "catalog region x-east-1: needs its AZ IDs" },
    { "{\"regions\": [{\"code\": \"x-east-1\", \"location\": \"X\"}]}", NULL, NULL,
      "catalog regions[0]: needs a code, name, location and geography" },
    { "{\"regions\": [7]}", NULL, NULL, "catalog regions[0]: must be an object" },
    { NULL, "{\"kinds\": [{\"id\": \"k\", \"label\": \"K\", \"service\": \"S\", "
      "\"placement\": \"orbital\", \"params\": []}]}", NULL,
      "catalog kind k: placement must be zonal, regional or global" },
    { NULL, "{\"kinds\": [{\"id\": \"k\", \"label\": \"K\", \"service\": \"S\", "
      "\"placement\": \"zonal\"}]}", NULL, "catalog kind k: needs a params array" },
    { NULL, "{\"kinds\": [{\"id\": \"k\", \"label\": \"K\", \"service\": \"S\", "
      "\"placement\": \"zonal\", \"params\": [{\"name\": \"n\", \"label\": \"N\", \"type\": "
      "\"int\", \"default\": 9, \"min\": 0, \"max\": 5}]}]}", NULL,
      "catalog kind k: the default of n must be between 0 and 5 (is 9)" },
    { NULL, "{\"kinds\": [{\"id\": \"k\", \"label\": \"K\", \"service\": \"S\", "
      "\"placement\": \"zonal\", \"params\": [{\"name\": \"n\", \"label\": \"N\", \"type\": "
      "\"enum\", \"default\": \"a\"}]}]}", NULL,
      "catalog kind k: parameter n is an enum without choices" },
    { NULL, "{\"kinds\": [{\"id\": \"k\", \"label\": \"K\", \"service\": \"S\", "
      "\"placement\": \"zonal\", \"params\": [{\"name\": \"n\", \"label\": \"N\", \"type\": "
      "\"int\", \"default\": \"2\"}]}]}", NULL,
      "catalog kind k: parameter n has an unknown type \"int\" or a default of another type" },
    { NULL, NULL, "{\"knobs\": [{\"name\": \"k\", \"label\": \"K\", \"type\": \"string\", "
      "\"default\": \"a\", \"pattern\": \"([\"}]}", NULL },
    { NULL, NULL, "{\"knobs\": [{\"label\": \"K\", \"type\": \"bool\", \"default\": true}]}",
      "catalog knobs: parameter ? lacks a name, label, type or default" },
    { NULL, NULL, "not json", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      NinesCatalog *c = nines_catalog_new_from_json (cases[i].regions ? cases[i].regions : regions,
                                                     cases[i].kinds ? cases[i].kinds : kinds,
                                                     cases[i].knobs ? cases[i].knobs : knobs,
                                                     &error);

      g_assert_null (c);
      g_assert_nonnull (error);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  /* The files themselves load, and give the built-in catalog. */
  {
    g_autoptr(GError) error = NULL;
    NinesCatalog *c = nines_catalog_new_from_json (regions, kinds, knobs, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (nines_catalog_get_n_regions (c), ==,
                      nines_catalog_get_n_regions (nines_catalog_get_default ()));
    g_assert_cmpuint (nines_catalog_get_n_kinds (c), ==,
                      nines_catalog_get_n_kinds (nines_catalog_get_default ()));
    nines_catalog_free (c);
  }
}

static void
test_enums (void)
{
  for (NinesDrPattern p = 0; p < NINES_N_DR_PATTERNS; p++)
    {
      NinesDrPattern back;

      g_assert_true (nines_dr_pattern_from_string (nines_dr_pattern_to_string (p), &back));
      g_assert_cmpint (back, ==, p);
      g_assert_nonnull (nines_dr_pattern_get_label (p));
    }
  for (NinesLinkKind k = NINES_LINK_TRAFFIC; k <= NINES_LINK_DATA; k++)
    {
      NinesLinkKind back;

      g_assert_true (nines_link_kind_from_string (nines_link_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  g_assert_cmpstr (nines_placement_to_string (NINES_PLACEMENT_GLOBAL), ==, "global");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nines/model/catalog/regions", test_regions);
  g_test_add_func ("/nines/model/catalog/region-lookups", test_region_lookups);
  g_test_add_func ("/nines/model/catalog/distances", test_distances);
  g_test_add_func ("/nines/model/catalog/kinds", test_kinds);
  g_test_add_func ("/nines/model/catalog/defaults-pass-their-specs", test_defaults_pass_their_specs);
  g_test_add_func ("/nines/model/catalog/spec-check", test_spec_check);
  g_test_add_func ("/nines/model/catalog/format-value", test_format_value);
  g_test_add_func ("/nines/model/catalog/broken-catalogs", test_broken_catalogs);
  g_test_add_func ("/nines/model/catalog/enums", test_enums);
  return g_test_run ();
}
