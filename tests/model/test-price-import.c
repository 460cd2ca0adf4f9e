/* test-price-import.c: the importers, on the real samples and on fixtures in their schema */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <nines-model.h>

static char *
shared_path (const char *rel)
{
  const char *dir = g_getenv ("NINES_SHARED_DIR");
  char *path;

  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "pricing-sources", rel, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_free (path);
      return NULL;
    }
  return path;
}

/* The one price for a key (asserting it exists). */
static NinesPrice
price_of (NinesPriceSnapshot *s,
          const char         *service,
          const char         *region,
          const char         *usage,
          guint               tier)
{
  NinesPrice p;
  guint first, n;

  if (!nines_price_snapshot_lookup (s, service, region, usage, &first, &n))
    g_error ("no price for %s %s %s", service, region, usage);
  g_assert_cmpuint (tier, <, n);
  nines_price_snapshot_get_price (s, first + tier, &p);
  return p;
}

/* amazon-ec2-instance-selector/GetProducts_m5_large.json: one real PriceList element. */
static void
test_get_products_sample (void)
{
  g_autofree char *path = shared_path ("amazon-ec2-instance-selector/GetProducts_m5_large.json");
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  g_autoptr(NinesPriceSnapshot) s = NULL;
  g_autoptr(GError) error = NULL;
  NinesPriceImportStats stats = { 0 };
  NinesPrice p;

  if (path == NULL)
    {
      g_test_skip ("pricing-sources not found (NINES_SHARED_DIR)");
      return;
    }
  g_assert_true (nines_price_import_file (b, path, "GetProducts_m5_large.json", NULL, &stats, &error));
  g_assert_no_error (error);
  s = nines_price_builder_to_snapshot (b);
  /* Only the on-demand price: the Reserved terms are not read. */
  g_assert_cmpuint (nines_price_snapshot_get_n_prices (s), ==, 1);
  p = price_of (s, "AmazonEC2", "us-east-1", "instance:m5.large", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.096, 1e-12);
  g_assert_cmpstr (p.unit, ==, "Hrs");
  g_assert_cmpstr (p.rate_code, ==, "6C86BEPQVG73ZGGR.JRTCKXETXF.6YS6EN2CT7");
  g_assert_cmpstr (p.date, ==, "2021-02-05");
  g_assert_cmpstr (p.label, ==, "$0.096 per On Demand Linux m5.large Instance Hour");
}

/* A GetProducts page in the API's schema, as the AWS client hands it over. */
static const char *page[] = {
  "{\"product\":{\"productFamily\":\"Compute Instance\",\"attributes\":{\"servicecode\":\"AmazonEC2\","
  "\"location\":\"Canada (Central)\",\"regionCode\":\"ca-central-1\",\"instanceType\":\"m6i.large\","
  "\"operatingSystem\":\"Linux\",\"tenancy\":\"Shared\",\"preInstalledSw\":\"NA\",\"capacitystatus\":\"Used\","
  "\"licenseModel\":\"No License required\",\"usagetype\":\"CAN1-BoxUsage:m6i.large\"},\"sku\":\"AAAA\"},"
  "\"serviceCode\":\"AmazonEC2\",\"terms\":{\"OnDemand\":{\"AAAA.JRTCKXETXF\":{\"priceDimensions\":{"
  "\"AAAA.JRTCKXETXF.6YS6EN2CT7\":{\"unit\":\"Hrs\",\"endRange\":\"Inf\",\"beginRange\":\"0\","
  "\"rateCode\":\"AAAA.JRTCKXETXF.6YS6EN2CT7\",\"description\":\"m6i.large\",\"pricePerUnit\":{\"USD\":\"0.1070000000\"}}}}}},"
  "\"publicationDate\":\"2025-06-18T12:00:00Z\"}",
  /* Windows: not what Nines prices */
  "{\"product\":{\"productFamily\":\"Compute Instance\",\"attributes\":{\"servicecode\":\"AmazonEC2\","
  "\"location\":\"Canada (Central)\",\"instanceType\":\"m6i.large\",\"operatingSystem\":\"Windows\","
  "\"tenancy\":\"Shared\",\"usagetype\":\"CAN1-BoxUsage:m6i.large\"},\"sku\":\"BBBB\"},"
  "\"serviceCode\":\"AmazonEC2\",\"terms\":{\"OnDemand\":{\"BBBB.JRTCKXETXF\":{\"priceDimensions\":{"
  "\"BBBB.JRTCKXETXF.6YS6EN2CT7\":{\"unit\":\"Hrs\",\"endRange\":\"Inf\",\"beginRange\":\"0\","
  "\"pricePerUnit\":{\"USD\":\"0.2\"}}}}}},\"publicationDate\":\"2025-06-18T12:00:00Z\"}",
  /* S3 Standard, tiered, newer publication */
  "{\"product\":{\"productFamily\":\"Storage\",\"attributes\":{\"servicecode\":\"AmazonS3\","
  "\"location\":\"Canada (Central)\",\"volumeType\":\"Standard\",\"usagetype\":\"CAN1-TimedStorage-ByteHrs\"},\"sku\":\"CCCC\"},"
  "\"serviceCode\":\"AmazonS3\",\"terms\":{\"OnDemand\":{\"CCCC.JRTCKXETXF\":{\"priceDimensions\":{"
  "\"CCCC.JRTCKXETXF.PGHJ3S3EYE\":{\"unit\":\"GB-Mo\",\"beginRange\":\"0\",\"endRange\":\"51200\",\"pricePerUnit\":{\"USD\":\"0.025\"}},"
  "\"CCCC.JRTCKXETXF.D42MF2PVJS\":{\"unit\":\"GB-Mo\",\"beginRange\":\"51200\",\"endRange\":\"512000\",\"pricePerUnit\":{\"USD\":\"0.024\"}},"
  "\"CCCC.JRTCKXETXF.PXJDJ3YRG3\":{\"unit\":\"GB-Mo\",\"beginRange\":\"512000\",\"endRange\":\"Inf\",\"pricePerUnit\":{\"USD\":\"0.023\"}}"
  "}}}},\"publicationDate\":\"2025-07-01T00:00:00Z\"}",
};

static void
test_get_products_page (void)
{
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  g_autoptr(NinesPriceSnapshot) s = NULL;
  g_autoptr(GError) error = NULL;
  NinesPriceImportStats stats = { 0 };
  NinesPrice p;

  g_assert_true (nines_price_import_get_products (b, page, G_N_ELEMENTS (page), "GetProducts test", &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_kept, ==, 4);
  s = nines_price_builder_to_snapshot (b);
  p = price_of (s, "AmazonEC2", "ca-central-1", "instance:m6i.large", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.107, 1e-12);
  g_assert_cmpstr (p.date, ==, "2025-07-01");   /* the page's newest publicationDate */
  p = price_of (s, "AmazonS3", "ca-central-1", "storage:STANDARD", 1);
  g_assert_cmpfloat (p.tier_start, ==, 51200);
  g_assert_cmpfloat (p.tier_end, ==, 512000);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.024, 1e-12);
  p = price_of (s, "AmazonS3", "ca-central-1", "storage:STANDARD", 2);
  g_assert_true (isinf (p.tier_end));

  {
    const char *bad[] = { "{\"product\": [" };
    g_autoptr(GError) e2 = NULL;
    g_assert_false (nines_price_import_get_products (b, bad, 1, "bad", NULL, &e2));
    g_assert_error (e2, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE);
  }
}

/* terracost/AmazonEC2_eu-west-3.csv: a real offer CSV (edited by its authors: "-test"). */
static void
test_csv_sample (void)
{
  g_autofree char *path = shared_path ("terracost/AmazonEC2_eu-west-3.csv");
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  g_autoptr(NinesPriceSnapshot) s = NULL;
  g_autoptr(GError) error = NULL;
  NinesPriceImportStats stats = { 0 };
  NinesPrice p;

  if (path == NULL)
    {
      g_test_skip ("pricing-sources not found (NINES_SHARED_DIR)");
      return;
    }
  g_assert_true (nines_price_import_file (b, path, "terracost/AmazonEC2_eu-west-3.csv", NULL, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_read, ==, 5);
  g_assert_cmpuint (stats.n_kept, ==, 3);   /* st1, io1, gp2 storage; not I/O or IOPS */
  s = nines_price_builder_to_snapshot (b);
  p = price_of (s, "AmazonEC2-test", "eu-west-3", "ebs:gp2", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.116, 1e-12);
  g_assert_cmpstr (p.unit, ==, "GB-Mo");
  g_assert_cmpstr (p.rate_code, ==, "ESSUD2HPZGKYTEST.JRTCKXETXF.6YS6EN2CT7");
  g_assert_cmpstr (p.date, ==, "2020-10-19");
  p = price_of (s, "AmazonEC2-test", "eu-west-3", "ebs:st1", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.053, 1e-12);
  p = price_of (s, "AmazonEC2-test", "eu-west-3", "ebs:io1", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.145, 1e-12);
}

/* Offer CSV fixture: quoting, a quoted newline, a reserved row, another currency. */
static const char csv_fixture[] =
  "\"FormatVersion\",\"v1.0\"\n"
  "\"Disclaimer\",\"This pricing list is for informational purposes only, \"\"quoted\"\".\"\n"
  "\"Publication Date\",\"2025-05-01T10:00:00Z\"\n"
  "\"Version\",\"20250501100000\"\n"
  "\"OfferCode\",\"AmazonEC2\"\n"
  "\"SKU\",\"OfferTermCode\",\"RateCode\",\"TermType\",\"PriceDescription\",\"EffectiveDate\",\"StartingRange\",\"EndingRange\",\"Unit\",\"PricePerUnit\",\"Currency\",\"Product Family\",\"serviceCode\",\"Location\",\"Instance Type\",\"Tenancy\",\"Operating System\",\"License Model\",\"usageType\",\"Pre Installed S/W\",\"CapacityStatus\"\r\n"
  "\"S1\",\"JRTCKXETXF\",\"S1.JRTCKXETXF.6YS6EN2CT7\",\"OnDemand\",\"$0.192 per On Demand Linux m5.xlarge, multi\nline\",\"2025-05-01\",\"0\",\"Inf\",\"Hrs\",\"0.1920000000\",\"USD\",\"Compute Instance\",\"AmazonEC2\",\"US East (Ohio)\",\"m5.xlarge\",\"Shared\",\"Linux\",\"No License required\",\"USE2-BoxUsage:m5.xlarge\",\"NA\",\"Used\"\r\n"
  "\"S1\",\"4NA7Y494T4\",\"S1.4NA7Y494T4.6YS6EN2CT7\",\"Reserved\",\"reserved\",\"2025-05-01\",\"0\",\"Inf\",\"Hrs\",\"0.12\",\"USD\",\"Compute Instance\",\"AmazonEC2\",\"US East (Ohio)\",\"m5.xlarge\",\"Shared\",\"Linux\",\"No License required\",\"USE2-BoxUsage:m5.xlarge\",\"NA\",\"Used\"\r\n"
  "\"S2\",\"JRTCKXETXF\",\"S2.JRTCKXETXF.6YS6EN2CT7\",\"OnDemand\",\"NAT\",\"2025-05-01\",\"0\",\"Inf\",\"Hrs\",\"0.045\",\"USD\",\"NAT Gateway\",\"AmazonEC2\",\"US East (Ohio)\",\"\",\"\",\"\",\"\",\"USE2-NatGateway-Hours\",\"\",\"\"\r\n"
  "\"S3\",\"JRTCKXETXF\",\"S3.JRTCKXETXF.6YS6EN2CT7\",\"OnDemand\",\"CNY\",\"2025-05-01\",\"0\",\"Inf\",\"Hrs\",\"0.3\",\"CNY\",\"NAT Gateway\",\"AmazonEC2\",\"US East (Ohio)\",\"\",\"\",\"\",\"\",\"USE2-NatGateway-Bytes\",\"\",\"\"\r\n";

static void
test_csv_fixture (void)
{
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (csv_fixture, sizeof csv_fixture - 1, NULL);
  g_autoptr(NinesPriceSnapshot) s = NULL;
  g_autoptr(GError) error = NULL;
  NinesPriceImportStats stats = { 0 };
  NinesPrice p;

  g_assert_true (nines_price_import_offer_csv (b, in, "fixture.csv", &stats, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_kept, ==, 2);
  s = nines_price_builder_to_snapshot (b);
  g_assert_cmpuint (nines_price_snapshot_get_n_prices (s), ==, 2);
  p = price_of (s, "AmazonEC2", "us-east-2", "instance:m5.xlarge", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.192, 1e-12);
  g_assert_cmpstr (p.label, ==, "$0.192 per On Demand Linux m5.xlarge, multi\nline");
  g_assert_cmpstr (p.date, ==, "2025-05-01");
  p = price_of (s, "AmazonEC2", "us-east-2", "nat:hours", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.045, 1e-12);
  g_assert_false (nines_price_snapshot_lookup (s, "AmazonEC2", "us-east-2", "nat:gb", NULL, NULL));

  {
    static const char no_header[] = "\"FormatVersion\",\"v1.0\"\n\"a\",\"b\"\n";
    g_autoptr(GInputStream) in2 = g_memory_input_stream_new_from_data (no_header, sizeof no_header - 1, NULL);
    g_autoptr(GError) e2 = NULL;
    g_assert_false (nines_price_import_offer_csv (b, in2, "bad.csv", NULL, NULL, &e2));
    g_assert_error (e2, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID);
  }
}

/* Bulk offer JSON fixture (products / terms.OnDemand / priceDimensions / pricePerUnit). */
static const char offer_fixture[] =
  "{\"formatVersion\":\"v1.0\",\"offerCode\":\"AmazonRDS\",\"publicationDate\":\"2025-06-17T16:11:03Z\","
  "\"products\":{"
  " \"P1\":{\"sku\":\"P1\",\"productFamily\":\"Database Instance\",\"attributes\":{\"servicecode\":\"AmazonRDS\","
  "   \"location\":\"US East (N. Virginia)\",\"instanceType\":\"db.m6g.large\",\"databaseEngine\":\"PostgreSQL\","
  "   \"deploymentOption\":\"Multi-AZ\",\"licenseModel\":\"No license required\",\"usagetype\":\"Multi-AZUsage:db.m6g.large\"}},"
  " \"P2\":{\"sku\":\"P2\",\"productFamily\":\"Database Storage\",\"attributes\":{\"servicecode\":\"AmazonRDS\","
  "   \"location\":\"US East (N. Virginia)\",\"volumeType\":\"General Purpose-GP3\",\"databaseEngine\":\"Any\","
  "   \"deploymentOption\":\"Single-AZ\",\"usagetype\":\"RDS:GP3-Storage\"}},"
  " \"P3\":{\"sku\":\"P3\",\"productFamily\":\"System Operation\",\"attributes\":{\"servicecode\":\"AmazonRDS\","
  "   \"location\":\"EU (Ireland)\",\"databaseEngine\":\"Aurora PostgreSQL\",\"usagetype\":\"EU-Aurora:ReplicatedWriteIO\"}}"
  "},"
  "\"terms\":{\"OnDemand\":{"
  " \"P1\":{\"P1.JRTCKXETXF\":{\"priceDimensions\":{\"P1.JRTCKXETXF.6YS6EN2CT7\":{\"rateCode\":\"P1.JRTCKXETXF.6YS6EN2CT7\","
  "   \"unit\":\"Hrs\",\"beginRange\":\"0\",\"endRange\":\"Inf\",\"pricePerUnit\":{\"USD\":\"0.3180000000\"}}}}},"
  " \"P2\":{\"P2.JRTCKXETXF\":{\"priceDimensions\":{\"P2.JRTCKXETXF.6YS6EN2CT7\":{\"rateCode\":\"P2.JRTCKXETXF.6YS6EN2CT7\","
  "   \"unit\":\"GB-Mo\",\"beginRange\":\"0\",\"endRange\":\"Inf\",\"pricePerUnit\":{\"USD\":\"0.1150000000\"}}}}},"
  " \"P3\":{\"P3.JRTCKXETXF\":{\"priceDimensions\":{\"P3.JRTCKXETXF.6YS6EN2CT7\":{\"rateCode\":\"P3.JRTCKXETXF.6YS6EN2CT7\","
  "   \"unit\":\"IOs\",\"beginRange\":\"0\",\"endRange\":\"Inf\",\"pricePerUnit\":{\"USD\":\"0.0000002200\"}}}}}"
  "}}}";

static void
test_offer_json (void)
{
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  g_autoptr(NinesPriceSnapshot) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (offer_fixture, &error);
  NinesPrice p;

  g_assert_no_error (error);
  g_assert_true (nines_price_import_offer_json (b, root, "offer.json", NULL, &error));
  g_assert_no_error (error);
  s = nines_price_builder_to_snapshot (b);
  p = price_of (s, "AmazonRDS", "us-east-1", "instance:postgres:db.m6g.large:multi-az", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.318, 1e-12);
  g_assert_cmpstr (p.date, ==, "2025-06-17");
  p = price_of (s, "AmazonRDS", "us-east-1", "storage:gp3:single-az", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.115, 1e-12);
  p = price_of (s, "AmazonRDS", "eu-west-1", "aurora-global-write-io:aurora-postgresql", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 2.2e-7, 1e-18);
  g_assert_cmpstr (p.rate_code, ==, "P3.JRTCKXETXF.6YS6EN2CT7");
}

/* Pricing-page JSON, raw (meteredUnitMaps) and processed, in their schemas. */
static const char raw_fixture[] =
  "{\"manifest\":{\"serviceId\":\"elb\",\"hawkFilePublicationDate\":\"2025-06-05T17:55:45Z\",\"currencyCode\":\"USD\"},"
  "\"sets\":{\"Application Load Balancer Hours\":[\"hash1\"]},"
  "\"regions\":{"
  " \"US East (N. Virginia)\":{\"hash1\":{\"rateCode\":\"37CUWUT8GSNQEPUV.JRTCKXETXF.6YS6EN2CT7\",\"price\":\"0.0225000000\"},"
  "   \"Application Load Balancer LCU Hours\":{\"rateCode\":\"P2XGEJ8N3KU52WA8.JRTCKXETXF.6YS6EN2CT7\",\"price\":\"0.0080000000\"}},"
  " \"US West (Verizon) - Seattle\":{\"Application Load Balancer LCU Hours\":{\"rateCode\":\"X.Y.Z\",\"price\":\"0.0108\"}}"
  "}}";

static const char processed_fixture[] =
  "{\"DataTransfer External Outbound Next 10 TB\":{"
  "   \"Canada (Central) (StartingRange: 0, EndingRange: 10240)\":\"0.0900000000\"},"
  " \"DataTransfer External Outbound Greater than 150 TB\":{"
  "   \"Canada (Central) (StartingRange: 153600, EndingRange: Inf)\":\"0.0500000000\"},"
  " \"[DataTransfer InterRegion Outbound] DataTransfer InterRegion Outbound to EU Ireland;Backup DataTransfer InterRegion Outbound to EU Ireland\":{"
  "   \"Canada (Central) (To Location: EU (Ireland))\":\"0.0200000000\","
  "   \"Atlantis (To Location: EU (Ireland))\":\"0.5\"}"
  "}";

static void
test_page_json (void)
{
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  g_autoptr(NinesPriceSnapshot) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) raw = json_from_string (raw_fixture, NULL);
  g_autoptr(JsonNode) processed = json_from_string (processed_fixture, NULL);
  NinesPriceImportStats stats = { 0 };
  NinesPrice p;

  g_assert_true (nines_price_import_page_json (b, raw, "elb", "raw/elb.json", NULL, &stats, &error));
  g_assert_no_error (error);
  /* Processed files carry no date of their own. */
  g_assert_false (nines_price_import_page_json (b, processed, "datatransfer", "processed/datatransfer.json", NULL, NULL, &error));
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (nines_price_import_page_json (b, processed, "datatransfer", "processed/datatransfer.json",
                                               "2025-06-18", &stats, &error));
  g_assert_no_error (error);
  s = nines_price_builder_to_snapshot (b);

  /* A hash key named by its set; a Local Zone the catalog does not know is left out. */
  p = price_of (s, "AWSELB", "us-east-1", "alb:hours", 0);
  g_assert_cmpstr (p.rate_code, ==, "37CUWUT8GSNQEPUV.JRTCKXETXF.6YS6EN2CT7");
  g_assert_cmpstr (p.date, ==, "2025-06-05");
  p = price_of (s, "AWSELB", "us-east-1", "alb:lcu", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.008, 1e-12);
  g_assert_cmpuint (nines_price_snapshot_get_n_prices (s), ==, 2 + 3);

  /* Tiers from the location's attributes; "To Location" mapped to a region code. */
  p = price_of (s, "AWSDataTransfer", "ca-central-1", "internet-out", 1);
  g_assert_cmpfloat (p.tier_start, ==, 153600);
  g_assert_true (isinf (p.tier_end));
  p = price_of (s, "AWSDataTransfer", "ca-central-1", "inter-region-out:eu-west-1", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.02, 1e-12);
  g_assert_cmpstr (p.date, ==, "2025-06-18");
  g_assert_cmpstr (p.rate_code, ==, "");
}

/* terracost's MySQL dump: a fixture in its schema (prices before products, as dumped). */
static const char sql_fixture[] =
  "CREATE TABLE `pricing_product_prices` (\n"
  "INSERT INTO `pricing_product_prices` VALUES (1,7,'h1','USD','GB-Mo',0.0880000000,'{\\\"TermType\\\": \\\"OnDemand\\\", \\\"StartingRange\\\": \\\"0\\\"}');\n"
  "INSERT INTO `pricing_product_prices` VALUES (2,7,'h2','USD','GB-Mo',0.0500000000,'{\\\"TermType\\\": \\\"Reserved\\\"}');\n"
  "INSERT INTO `pricing_product_prices` VALUES (3,8,'h3','USD','Hrs',0.1130000000,'{\\\"TermType\\\": \\\"OnDemand\\\"}');\n"
  "CREATE TABLE `pricing_products` (\n"
  "INSERT INTO `pricing_products` VALUES (7,'aws','TXACT7E3PV6ZX2NM','eu-west-1','AmazonEC2','Storage','{\\\"UsageType\\\": \\\"EU-EBS:VolumeUsage.gp3\\\", \\\"VolumeAPIName\\\": \\\"gp3\\\"}');\n"
  "INSERT INTO `pricing_products` VALUES (8,'aws','AAAA','eu-west-1','AmazonEC2','Compute Instance','{\\\"UsageType\\\": \\\"EU-BoxUsage:m5.large\\\", \\\"InstanceType\\\": \\\"m5.large\\\", \\\"OperatingSystem\\\": \\\"Linux\\\", \\\"Tenancy\\\": \\\"Shared\\\"}');\n";

static void
test_terracost_sql (void)
{
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (sql_fixture, sizeof sql_fixture - 1, NULL);
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  g_autoptr(NinesPriceSnapshot) s = NULL;
  g_autoptr(GError) error = NULL;
  NinesPrice p;

  g_assert_true (nines_price_import_terracost_sql (b, in, "dump.sql", "2023-02-23", "ebs", NULL, NULL, &error));
  g_assert_no_error (error);
  s = nines_price_builder_to_snapshot (b);
  /* The on-demand EBS price only: the reserved term and (with the "ebs" filter) the
   * instance are left out. */
  g_assert_cmpuint (nines_price_snapshot_get_n_prices (s), ==, 1);
  p = price_of (s, "AmazonEC2", "eu-west-1", "ebs:gp3", 0);
  g_assert_cmpfloat_with_epsilon (p.usd, 0.088, 1e-12);
  g_assert_cmpstr (p.rate_code, ==, "TXACT7E3PV6ZX2NM");
  g_assert_cmpstr (p.date, ==, "2023-02-23");
  g_assert_cmpstr (p.label, ==, "EU-EBS:VolumeUsage.gp3");

  {
    g_autoptr(GInputStream) in2 = g_memory_input_stream_new_from_data (sql_fixture, sizeof sql_fixture - 1, NULL);
    g_autoptr(NinesPriceBuilder) all = nines_price_builder_new ();
    g_autoptr(NinesPriceSnapshot) s2 = NULL;

    g_assert_true (nines_price_import_terracost_sql (all, in2, "dump.sql", "2023-02-23", NULL, NULL, NULL, &error));
    s2 = nines_price_builder_to_snapshot (all);
    p = price_of (s2, "AmazonEC2", "eu-west-1", "instance:m5.large", 0);
    g_assert_cmpfloat_with_epsilon (p.usd, 0.113, 1e-12);
  }
}

static void
test_cited (void)
{
  static const char cited[] =
    "{\"nines_cited_prices\":1,\"citation\":\"a quote\",\"date\":\"2026-05-03\",\"prices\":["
    "{\"service\":\"AmazonEC2\",\"region\":\"us-east-1\",\"usage\":\"ebs:gp3\",\"unit\":\"GB-Mo\",\"usd\":0.08,\"label\":\"gp3\"}]}";
  g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
  g_autoptr(JsonNode) root = json_from_string (cited, NULL);
  g_autoptr(NinesPriceSnapshot) s = NULL;
  g_autoptr(GError) error = NULL;
  NinesPrice p;

  g_assert_true (nines_price_import_cited_json (b, root, "cited.json", NULL, &error));
  g_assert_no_error (error);
  s = nines_price_builder_to_snapshot (b);
  p = price_of (s, "AmazonEC2", "us-east-1", "ebs:gp3", 0);
  g_assert_cmpstr (p.source, ==, "cited.json (a quote)");
  g_assert_cmpfloat_with_epsilon (p.usd, 0.08, 1e-12);
}

/* Importing the same real inputs twice gives byte-identical output. */
static void
test_import_deterministic (void)
{
  const char *files[] = { "aws-price-watcher/raw/elb.json", "aws-price-watcher/processed/queueservice.json",
                          "lamngockhuong-aws-price/natgateway.json" };
  GBytes *out[2] = { NULL, NULL };

  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();

      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_autofree char *path = shared_path (files[i]);
          g_autoptr(GError) error = NULL;

          if (path == NULL)
            {
              g_test_skip ("pricing-sources not found (NINES_SHARED_DIR)");
              g_clear_pointer (&out[0], g_bytes_unref);
              return;
            }
          g_assert_true (nines_price_import_file (b, path, files[i], "2025-06-18", NULL, &error));
          g_assert_no_error (error);
        }
      out[run] = nines_price_builder_serialize (b);
    }
  g_assert_cmpuint (g_bytes_get_size (out[0]), >, 1000);
  g_assert_true (g_bytes_equal (out[0], out[1]));
  g_bytes_unref (out[0]);
  g_bytes_unref (out[1]);
}

/* Files that are not JSON at all: every message names the file, also the one json-glib
 * gives for bytes that are not UTF-8 (its parse errors carry the name already). */
static void
test_bad_files_named (void)
{
  const char *contents[] = { "\xff\xfe{}", "{\"a\":", "" };

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NinesPriceBuilder) b = nines_price_builder_new ();
      g_autofree char *dir = g_dir_make_tmp ("nines-import-XXXXXX", &error);
      g_autofree char *path = g_build_filename (dir, "prices.json", NULL);
      g_autofree char *twice = g_strdup_printf ("%s: %s:", path, path);

      g_assert_no_error (error);
      g_assert_true (g_file_set_contents (path, contents[i], -1, &error));
      g_assert_false (nines_price_import_file (b, path, NULL, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_null (strstr (error->message, twice));
      g_remove (path);
      g_rmdir (dir);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/price/import/get-products-sample", test_get_products_sample);
  g_test_add_func ("/nines/model/price/import/get-products-page", test_get_products_page);
  g_test_add_func ("/nines/model/price/import/csv-sample", test_csv_sample);
  g_test_add_func ("/nines/model/price/import/csv-fixture", test_csv_fixture);
  g_test_add_func ("/nines/model/price/import/offer-json", test_offer_json);
  g_test_add_func ("/nines/model/price/import/page-json", test_page_json);
  g_test_add_func ("/nines/model/price/import/terracost-sql", test_terracost_sql);
  g_test_add_func ("/nines/model/price/import/cited", test_cited);
  g_test_add_func ("/nines/model/price/import/deterministic", test_import_deterministic);
  g_test_add_func ("/nines/model/price/import/bad-files-named", test_bad_files_named);
  return g_test_run ();
}
