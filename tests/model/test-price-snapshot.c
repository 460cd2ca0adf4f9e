/* test-price-snapshot.c: the snapshot format, its builder, and the shipped snapshot */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <nines-model.h>

static gboolean
is_date (const char *s)
{
  return strlen (s) == 10 && s[4] == '-' && s[7] == '-' && g_ascii_isdigit (s[0]);
}

static NinesPriceBuilder *
small_builder (gboolean reversed)
{
  NinesPriceBuilder *b = nines_price_builder_new ();
  guint src = nines_price_builder_add_source (b, "test/a.json", "2025-06-05", "test");
  struct { const char *svc, *region, *usage, *unit; double usd, start, end; const char *rc; } rows[] = {
    { "AmazonS3", "us-east-1", "storage:STANDARD", "GB-Mo", 0.023, 0, 51200, "S3A.JRTCKXETXF.PGHJ3S3EYE" },
    { "AmazonS3", "us-east-1", "storage:STANDARD", "GB-Mo", 0.022, 51200, 512000, "S3A.JRTCKXETXF.D42MF2PVJS" },
    { "AmazonS3", "us-east-1", "storage:STANDARD", "GB-Mo", 0.021, 512000, INFINITY, "S3A.JRTCKXETXF.PXJDJ3YRG3" },
    { "AmazonEC2", "us-east-1", "instance:m5.large", "Hrs", 0.096, 0, INFINITY, NULL },
    { "AmazonEC2", "ca-central-1", "instance:m5.large", "Hrs", 0.107, 0, INFINITY, NULL },
    { "AmazonRoute53", "global", "hosted-zone", "HostedZone", 0.5, 0, 25, "R53.JRTCKXETXF.G2A93NZ7DT" },
    { "AmazonRoute53", "global", "hosted-zone", "HostedZone", 0.1, 25, INFINITY, "R53.JRTCKXETXF.VYAP54KATQ" },
  };

  for (guint k = 0; k < G_N_ELEMENTS (rows); k++)
    {
      guint i = reversed ? G_N_ELEMENTS (rows) - 1 - k : k;
      nines_price_builder_add (b, src, rows[i].svc, rows[i].region, rows[i].usage, rows[i].unit,
                               rows[i].usd, rows[i].start, rows[i].end, rows[i].rc, "label");
    }
  return b;
}

static void
test_roundtrip (void)
{
  g_autoptr(NinesPriceBuilder) b = small_builder (FALSE);
  g_autoptr(NinesPriceSnapshot) s = nines_price_builder_to_snapshot (b);
  NinesPrice p;
  guint first, n;

  g_assert_cmpuint (nines_price_snapshot_get_n_prices (s), ==, 7);
  g_assert_true (nines_price_snapshot_lookup (s, "AmazonS3", "us-east-1", "storage:STANDARD", &first, &n));
  g_assert_cmpuint (n, ==, 3);
  for (guint t = 0; t < n; t++)
    {
      nines_price_snapshot_get_price (s, first + t, &p);
      g_assert_cmpstr (p.usage, ==, "storage:STANDARD");
      g_assert_cmpstr (p.source, ==, "test/a.json");
      g_assert_cmpstr (p.date, ==, "2025-06-05");
    }
  nines_price_snapshot_get_price (s, first, &p);
  g_assert_cmpfloat (p.tier_start, ==, 0);
  g_assert_cmpfloat (p.tier_end, ==, 51200);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.023, 1e-12);
  g_assert_cmpstr (p.rate_code, ==, "S3A.JRTCKXETXF.PGHJ3S3EYE");
  nines_price_snapshot_get_price (s, first + 2, &p);
  g_assert_true (isinf (p.tier_end));

  g_assert_true (nines_price_snapshot_lookup (s, "AmazonEC2", "ca-central-1", "instance:m5.large", &first, &n));
  nines_price_snapshot_get_price (s, first, &p);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.107, 1e-12);
  g_assert_cmpstr (p.rate_code, ==, "");
  g_assert_cmpstr (p.unit, ==, "Hrs");

  /* Near misses are misses. */
  g_assert_false (nines_price_snapshot_lookup (s, "AmazonEC2", "eu-west-1", "instance:m5.large", NULL, NULL));
  g_assert_false (nines_price_snapshot_lookup (s, "AmazonEC2", "us-east-1", "instance:m5.larg", NULL, NULL));
  g_assert_false (nines_price_snapshot_lookup (s, "AmazonS3", "us-east-1", "instance:m5.large", NULL, NULL));
}

static void
test_deterministic (void)
{
  g_autoptr(NinesPriceBuilder) a = small_builder (FALSE);
  g_autoptr(NinesPriceBuilder) b = small_builder (TRUE);
  g_autoptr(NinesPriceBuilder) c = small_builder (FALSE);
  g_autoptr(GBytes) ba = nines_price_builder_serialize (a);
  g_autoptr(GBytes) bb = nines_price_builder_serialize (b);
  g_autoptr(GBytes) bc = nines_price_builder_serialize (c);

  /* Same inputs: same bytes; and the order prices arrive in does not matter. */
  g_assert_true (g_bytes_equal (ba, bc));
  g_assert_true (g_bytes_equal (ba, bb));
}

static void
test_preference (void)
{
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  guint processed = nines_price_builder_add_source (b, "processed.json", "2025-06-18", "p");
  guint raw = nines_price_builder_add_source (b, "raw.json", "2025-06-05", "r");
  guint newer = nines_price_builder_add_source (b, "newer.json", "2025-10-28", "r");
  g_autoptr(NinesPriceSnapshot) s = NULL;
  NinesPrice p;
  guint first;

  g_assert_cmpuint (nines_price_builder_add_source (b, "raw.json", "1999-01-01", "x"), ==, raw);
  /* A price with a rateCode wins over one without, even from an older file. */
  nines_price_builder_add (b, processed, "AWSELB", "us-east-1", "alb:hours", "Hrs", 0.0225, 0, INFINITY, NULL, "p");
  nines_price_builder_add (b, raw, "AWSELB", "us-east-1", "alb:hours", "Hrs", 0.0225, 0, INFINITY, "RC.1.2", "r");
  /* Between two with rateCodes, the newer publication wins. */
  nines_price_builder_add (b, raw, "AmazonEC2", "us-east-1", "nat:hours", "Hrs", 0.044, 0, INFINITY, "OLD.1.2", "r");
  nines_price_builder_add (b, newer, "AmazonEC2", "us-east-1", "nat:hours", "Hrs", 0.045, 0, INFINITY, "NEW.1.2", "n");
  g_assert_cmpuint (nines_price_builder_get_n_added (b), ==, 4);
  s = nines_price_builder_to_snapshot (b);
  g_assert_cmpuint (nines_price_snapshot_get_n_prices (s), ==, 2);
  g_assert_true (nines_price_snapshot_lookup (s, "AWSELB", "us-east-1", "alb:hours", &first, NULL));
  nines_price_snapshot_get_price (s, first, &p);
  g_assert_cmpstr (p.rate_code, ==, "RC.1.2");
  g_assert_cmpstr (p.source, ==, "raw.json");
  g_assert_true (nines_price_snapshot_lookup (s, "AmazonEC2", "us-east-1", "nat:hours", &first, NULL));
  nines_price_snapshot_get_price (s, first, &p);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.045, 1e-12);
  g_assert_cmpstr (p.date, ==, "2025-10-28");
}

static void
test_corrupt (void)
{
  g_autoptr(NinesPriceBuilder) b = small_builder (FALSE);
  g_autoptr(GBytes) good = nines_price_builder_serialize (b);
  gsize len = g_bytes_get_size (good);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (good, NULL), len);
  const char *garbage = "not a snapshot at all";

  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (garbage, strlen (garbage));
    g_autoptr(GError) error = NULL;
    g_autoptr(NinesPriceSnapshot) s = nines_price_snapshot_new_from_bytes (bytes, FALSE, &error);
    g_assert_null (s);
    g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID);
  }
  /* Every truncation is refused or read safely: never a crash. */
  for (gsize cut = 0; cut < len; cut += 1 + len / 97)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(NinesPriceSnapshot) s = nines_price_snapshot_new_from_bytes (bytes, FALSE, &error);
      g_assert_true (s == NULL || error == NULL);
    }
  /* Flipped bytes in the records: offsets out of range are caught. */
  for (gsize i = len / 2; i < len; i += 13)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(NinesPriceSnapshot) s = NULL;

      data[i] ^= 0xff;
      bytes = g_bytes_new (data, len);
      s = nines_price_snapshot_new_from_bytes (bytes, FALSE, &error);
      if (s != NULL)
        for (guint k = 0; k < nines_price_snapshot_get_n_prices (s); k++)
          {
            NinesPrice p;
            nines_price_snapshot_get_price (s, k, &p);
            g_assert_nonnull (p.usage);
          }
      data[i] ^= 0xff;
    }
}

static void
test_write_files (void)
{
  g_autoptr(NinesPriceBuilder) b = small_builder (FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nines-prices-XXXXXX", &error);
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sources = NULL;
  g_autoptr(NinesPriceSnapshot) s = NULL;

  g_assert_no_error (error);
  g_assert_true (nines_price_builder_write (b, dir, &error));
  g_assert_no_error (error);
  path = g_build_filename (dir, "prices.gvariant", NULL);
  s = nines_price_snapshot_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nines_price_snapshot_get_n_prices (s), ==, 7);
  sources = g_build_filename (dir, "SOURCES.txt", NULL);
  g_assert_true (g_file_get_contents (sources, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "test/a.json\t2025-06-05\ttest\t7\n"));
  g_unlink (path);
  g_unlink (sources);
  g_rmdir (dir);
}

/* A damaged file: the message names it (a user may pass several snapshots around). */
static void
test_corrupt_file_named (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nines-prices-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "damaged.gvariant", NULL);
  g_autoptr(NinesPriceSnapshot) s = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "not a snapshot at all", -1, &error));
  s = nines_price_snapshot_new_from_file (path, &error);
  g_assert_null (s);
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, path));
  g_unlink (path);
  g_rmdir (dir);
}

/* Refreshing: start from a snapshot, overlay newer prices. */
static void
test_refresh (void)
{
  g_autoptr(NinesPriceBuilder) old = small_builder (FALSE);
  g_autoptr(NinesPriceSnapshot) base = nines_price_builder_to_snapshot (old);
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  g_autoptr(NinesPriceSnapshot) s = NULL;
  guint src;
  NinesPrice p;
  guint first;

  nines_price_builder_add_snapshot (b, base);
  src = nines_price_builder_add_source (b, "GetProducts AmazonEC2", "2026-11-26", "aws-price-list-getproducts");
  nines_price_builder_add (b, src, "AmazonEC2", "us-east-1", "instance:m5.large", "Hrs", 0.097, 0, INFINITY, "NEW.JRTCKXETXF.6YS6EN2CT7", NULL);
  s = nines_price_builder_to_snapshot (b);
  g_assert_cmpuint (nines_price_snapshot_get_n_prices (s), ==, 7);
  g_assert_true (nines_price_snapshot_lookup (s, "AmazonEC2", "us-east-1", "instance:m5.large", &first, NULL));
  nines_price_snapshot_get_price (s, first, &p);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.097, 1e-12);
  g_assert_cmpstr (p.source, ==, "GetProducts AmazonEC2");
  g_assert_true (nines_price_snapshot_lookup (s, "AmazonS3", "us-east-1", "storage:STANDARD", &first, NULL));
  nines_price_snapshot_get_price (s, first, &p);
  g_assert_cmpstr (p.source, ==, "test/a.json");
  g_assert_cmpstr (p.date, ==, "2025-06-05");
}

/* The shipped snapshot: spot checks against SOURCES.md's table of values. */
static void
test_default (void)
{
  NinesPriceSnapshot *s;
  gint64 start = g_get_monotonic_time ();
  struct { const char *svc, *region, *usage; double usd; } spots[] = {
    { "AmazonEC2", "us-east-1", "instance:m5.large", 0.096 },
    { "AmazonEC2", "ca-central-1", "instance:m5.large", 0.107 },
    { "AmazonEC2", "eu-central-1", "instance:m5.large", 0.115 },
    { "AWSELB", "us-east-1", "alb:hours", 0.0225 },
    { "AWSELB", "ca-central-1", "alb:hours", 0.02475 },
    { "AWSELB", "ca-central-1", "alb:lcu", 0.0088 },
    { "AmazonS3", "ca-central-1", "storage:STANDARD", 0.025 },
    { "AmazonS3", "eu-central-1", "storage:STANDARD", 0.0245 },
    { "AmazonDynamoDB", "eu-west-1", "ondemand-replicated-write", 7.05e-7 },
    { "AmazonDynamoDB", "ca-central-1", "ondemand-write", 6.875e-7 },
    { "AmazonRDS", "ca-central-1", "storage:gp3:multi-az", 0.254 },
    { "AmazonRDS", "us-west-2", "storage:gp3:single-az", 0.115 },
    { "AmazonRDS", "eu-west-1", "aurora-global-write-io:aurora-postgresql", 2.2e-7 },
    { "AmazonRDS", "eu-central-1", "aurora-instance:aurora-postgresql:db.r6g.large", 0.313 },
    { "AmazonEC2", "eu-central-1", "nat:hours", 0.052 },
    { "AmazonEC2", "eu-west-1", "nat:gb", 0.048 },
    { "AmazonRoute53", "global", "hosted-zone", 0.5 },
    { "AWSDataTransfer", "eu-central-1", "inter-region-out:eu-west-1", 0.02 },
  };

  s = nines_price_snapshot_get_default ();
  g_test_message ("bundled snapshot loaded in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_cmpuint (nines_price_snapshot_get_n_prices (s), >, 10000);
  for (guint i = 0; i < G_N_ELEMENTS (spots); i++)
    {
      NinesPrice p;
      guint first;

      if (!nines_price_snapshot_lookup (s, spots[i].svc, spots[i].region, spots[i].usage, &first, NULL))
        g_error ("no %s %s %s in the bundled snapshot", spots[i].svc, spots[i].region, spots[i].usage);
      nines_price_snapshot_get_price (s, first, &p);
      g_assert_cmpfloat_with_epsilon (p.usd, spots[i].usd, 1e-12);
      g_assert_true (is_date (p.date));
      g_assert_cmpstr (p.source, !=, "");
    }
  /* The known gap stays a gap: no EBS outside us-east-1 and eu-west-1. */
  g_assert_false (nines_price_snapshot_lookup (s, "AmazonEC2", "ca-central-1", "ebs:gp3", NULL, NULL));
  g_assert_true (nines_price_snapshot_lookup (s, "AmazonEC2", "us-east-1", "ebs:gp3", NULL, NULL));
  {
    NinesPrice p;
    guint first;

    /* terracost's SKU TXACT7E3PV6ZX2NM, 2023-02-23 */
    g_assert_true (nines_price_snapshot_lookup (s, "AmazonEC2", "eu-west-1", "ebs:gp3", &first, NULL));
    nines_price_snapshot_get_price (s, first, &p);
    g_assert_cmpfloat_with_epsilon (p.usd, 0.088, 1e-12);
    g_assert_cmpstr (p.rate_code, ==, "TXACT7E3PV6ZX2NM");
    g_assert_cmpstr (p.date, ==, "2023-02-23");
  }
}

/* One key with more tiers than the hash table has slots (the table holds one slot per
 * key): a file the builder writes must load with full validation (found by
 * fuzz-price-get-products). */
static void
test_many_tiers (void)
{
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  guint src = nines_price_builder_add_source (b, "tiers.json", "2025-06-18", "r");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(NinesPriceSnapshot) s = NULL;
  g_autoptr(GError) error = NULL;
  guint first, n_tiers;

  for (guint t = 0; t < 20; t++)
    nines_price_builder_add (b, src, "AWSDataTransfer", "us-east-1", "out", "GB",
                             0.09 - t * 0.001, t * 1000.0, t == 19 ? INFINITY : (t + 1) * 1000.0,
                             NULL, "tier");
  bytes = nines_price_builder_serialize (b);
  s = nines_price_snapshot_new_from_bytes (bytes, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nines_price_snapshot_get_n_prices (s), ==, 20);
  g_assert_true (nines_price_snapshot_lookup (s, "AWSDataTransfer", "us-east-1", "out", &first, &n_tiers));
  g_assert_cmpuint (n_tiers, ==, 20);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/price/snapshot/roundtrip", test_roundtrip);
  g_test_add_func ("/nines/model/price/snapshot/deterministic", test_deterministic);
  g_test_add_func ("/nines/model/price/snapshot/preference", test_preference);
  g_test_add_func ("/nines/model/price/snapshot/corrupt", test_corrupt);
  g_test_add_func ("/nines/model/price/snapshot/many-tiers", test_many_tiers);
  g_test_add_func ("/nines/model/price/snapshot/corrupt-file-named", test_corrupt_file_named);
  g_test_add_func ("/nines/model/price/snapshot/write-files", test_write_files);
  g_test_add_func ("/nines/model/price/snapshot/refresh", test_refresh);
  g_test_add_func ("/nines/model/price/snapshot/default", test_default);
  return g_test_run ();
}
