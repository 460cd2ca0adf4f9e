/* nines-cli-pricing-refresh.c: `nines-cli pricing refresh`, current prices from the Price
 * List Query API (GetProducts) for the regions a design uses, merged into a snapshot */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <nines-aws.h>

#include "nines-cli.h"

/* The GetProducts queries that cover what the cost engine prices (the service codes and
 * product families nines_price_map_product() maps), narrowed by TERM_MATCH filters so a
 * region takes tens of pages rather than thousands. The location filter is added per
 * region ("fromLocation" for data transfer, whose products have no "location"). */
typedef struct
{
  const char *service_code;
  const char *location_field;
  const char *filters[11];   /* field, value…, NULL */
} RefreshQuery;

static const RefreshQuery queries[] = {
  { "AmazonEC2", "location", { "productFamily", "Compute Instance", "operatingSystem", "Linux",
                               "tenancy", "Shared", "preInstalledSw", "NA", "capacitystatus", "Used", NULL } },
  { "AmazonEC2", "location", { "productFamily", "Storage", NULL } },
  { "AmazonEC2", "location", { "productFamily", "Storage Snapshot", NULL } },
  { "AmazonEC2", "location", { "productFamily", "NAT Gateway", NULL } },
  { "AmazonRDS", "location", { "productFamily", "Database Instance", NULL } },
  { "AmazonRDS", "location", { "productFamily", "Database Storage", NULL } },
  { "AmazonRDS", "location", { "productFamily", "Storage Snapshot", NULL } },
  { "AmazonRDS", "location", { "productFamily", "System Operation", NULL } },
  { "AmazonS3", "location", { NULL } },
  { "AWSELB", "location", { NULL } },
  { "AmazonDynamoDB", "location", { NULL } },
  { "AWSDataTransfer", "fromLocation", { NULL } },
};

static void
progress_cb (guint    pages,
             guint    products,
             gpointer user_data)
{
  fprintf (stderr, "\r  %s: %u pages, %u products", (const char *) user_data, pages, products);
  fflush (stderr);
}

int
nines_cli_pricing_refresh (int    argc,
                           char **argv)
{
  g_auto(GStrv) regions = NULL;
  g_auto(GStrv) services = NULL;
  g_autofree char *out = NULL, *from = NULL, *profile = NULL, *design = NULL;
  g_autoptr(GPtrArray) region_list = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NinesAwsClient) client = NULL;
  g_autoptr(NinesPriceBuilder) builder = nines_price_builder_new ();
  g_autoptr(NinesPriceSnapshot) base_file = NULL;
  g_autoptr(NinesPriceSnapshot) snap = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  NinesCatalog *catalog = nines_catalog_get_default ();
  gboolean quiet = FALSE;
  guint total_kept = 0;
  GOptionEntry entries[] = {
    { "region", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &regions, N_("Region to refresh (repeat for more)"), N_("REGION") },
    { "design", 'd', 0, G_OPTION_ARG_FILENAME, &design, N_("Refresh the regions this design uses"), N_("FILE") },
    { "service", 's', 0, G_OPTION_ARG_STRING_ARRAY, &services, N_("Only this Price List service code (repeatable)"), N_("CODE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Directory to write prices.gvariant and SOURCES.txt to"), N_("DIR") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("Snapshot to update (default: the bundled one)"), N_("FILE") },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile, N_("AWS profile to call the Price List API with"), N_("PROFILE") },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Do not report progress"), NULL },
    { NULL }
  };

  g_set_prgname ("nines-cli");
  if (!nines_cli_parse ("pricing refresh", "--region R…|--design FILE -o DIR",
                        _("Fetches current on-demand prices for the regions given from the AWS Price\n"
                          "List Query API (GetProducts; needs pricing:GetProducts) and writes a snapshot\n"
                          "that keeps every other price of the starting one. Each new price records\n"
                          "its SKU rateCode and the publication date AWS gives it."),
                        entries, &argc, &argv, 0))
    return NINES_CLI_USAGE;
  for (guint i = 0; regions != NULL && regions[i]; i++)
    {
      if (nines_catalog_lookup_region (catalog, regions[i]) == NULL)
        {
          nines_cli_error (_("unknown region \"%s\""), regions[i]);
          return NINES_CLI_USAGE;
        }
      if (!g_ptr_array_find_with_equal_func (region_list, regions[i], g_str_equal, NULL))
        g_ptr_array_add (region_list, g_strdup (regions[i]));
    }
  if (design != NULL)
    {
      g_autoptr(NinesDocument) doc = nines_cli_load (design);
      GListModel *doc_regions;

      if (doc == NULL)
        return NINES_CLI_BAD_INPUT;
      doc_regions = nines_document_get_regions (doc);
      for (guint i = 0; i < g_list_model_get_n_items (doc_regions); i++)
        {
          g_autoptr(NinesRegion) r = g_list_model_get_item (doc_regions, i);
          const char *code = nines_region_get_info (r)->code;

          if (!g_ptr_array_find_with_equal_func (region_list, code, g_str_equal, NULL))
            g_ptr_array_add (region_list, g_strdup (code));
        }
    }
  if (region_list->len == 0 || out == NULL)
    {
      nines_cli_error (_("pricing refresh needs --region R (or --design FILE) and -o DIR"));
      return NINES_CLI_USAGE;
    }
  g_ptr_array_add (region_list, NULL);

  if (from != NULL)
    {
      base_file = nines_price_snapshot_new_from_file (from, &error);
      if (base_file == NULL)
        {
          nines_cli_error ("%s", error->message);
          return NINES_CLI_BAD_INPUT;
        }
      nines_price_builder_add_snapshot (builder, base_file);
    }
  else
    nines_price_builder_add_snapshot (builder, nines_price_snapshot_get_default ());

  /* the Price List API answers in us-east-1 */
  client = nines_aws_client_new_for_profile (profile, "us-east-1", &error);
  if (client == NULL)
    {
      nines_cli_error ("%s", error->message);
      return NINES_CLI_BAD_INPUT;
    }

  for (guint r = 0; region_list->pdata[r] != NULL; r++)
    {
      const char *region = region_list->pdata[r];
      const NinesRegionInfo *info = nines_catalog_lookup_region (catalog, region);

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          const RefreshQuery *query = &queries[q];
          g_autoptr(GPtrArray) filters = g_ptr_array_new ();
          g_autoptr(GPtrArray) products = NULL;
          g_autofree char *what = NULL, *source = NULL;
          NinesPriceImportStats stats = { 0 };

          if (services != NULL && !g_strv_contains ((const char * const *) services, query->service_code))
            continue;
          g_ptr_array_add (filters, (gpointer) query->location_field);
          g_ptr_array_add (filters, info->location);
          for (guint f = 0; query->filters[f] != NULL; f++)
            g_ptr_array_add (filters, (gpointer) query->filters[f]);
          g_ptr_array_add (filters, NULL);
          what = g_strdup_printf ("%s %s%s%s", region, query->service_code,
                                  query->filters[0] ? " " : "", query->filters[0] ? query->filters[1] : "");
          products = nines_aws_pricing_get_products (client, query->service_code,
                                                     (const char * const *) filters->pdata, 0,
                                                     quiet ? NULL : progress_cb, what, NULL, &error);
          if (!quiet)
            fprintf (stderr, "\n");
          if (products == NULL)
            {
              nines_cli_error (_("%s: %s"), what, error->message);
              return NINES_CLI_BAD_INPUT;
            }
          /* the source names the request; each price keeps its own publicationDate */
          source = g_strdup_printf ("GetProducts %s %s %s%s%s", query->service_code, region, today,
                                    query->filters[0] ? " " : "", query->filters[0] ? query->filters[1] : "");
          if (products->len > 0
              && !nines_price_import_get_products (builder, (const char * const *) products->pdata, products->len,
                                                   source, &stats, &error))
            {
              nines_cli_error ("%s", error->message);
              return NINES_CLI_BAD_INPUT;
            }
          if (!quiet)
            fprintf (stderr, _("  %s: %u prices kept of %u products\n"), what, stats.n_kept, products->len);
          total_kept += stats.n_kept;
        }
    }

  if (!(snap = nines_cli_write_snapshot (builder, out, &path)))
    return NINES_CLI_BAD_INPUT;
  printf (_("%s: %u prices (%u refreshed from GetProducts) from %u sources\n"), path,
          nines_price_snapshot_get_n_prices (snap), total_kept,
          nines_price_snapshot_get_n_sources (snap));
  return NINES_CLI_OK;
}
