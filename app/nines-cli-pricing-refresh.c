/* nines-cli-pricing-refresh.c: `nines-cli pricing refresh`, current prices from the Price
 * List Query API (GetProducts) for the regions a design uses, merged into a snapshot. The
 * queries and the import are nines_aws_price_refresh(), which the app's Refresh uses too. */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <nines-aws.h>

#include "nines-cli.h"

static void
progress_cb (const char *what,
             guint       pages,
             guint       products,
             int         kept,
             gpointer    user_data)
{
  if (kept < 0)
    {
      fprintf (stderr, "\r  %s: %u pages, %u products", what, pages, products);
      fflush (stderr);
      return;
    }
  /* The query is done: end the progress line, then say what was kept. */
  fprintf (stderr, "\n");
  fprintf (stderr, _("  %s: %u prices kept of %u products\n"), what, (guint) kept, products);
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
  g_autoptr(NinesPriceSnapshot) base_file = NULL;
  g_autoptr(NinesPriceSnapshot) snap = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
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
    }

  /* the Price List API answers in us-east-1 */
  client = nines_aws_client_new_for_profile (profile, "us-east-1", &error);
  if (client == NULL)
    {
      nines_cli_error ("%s", error->message);
      return NINES_CLI_BAD_INPUT;
    }

  /* The same code path as the app's Refresh (aws/nines-aws-price-refresh.c). */
  snap = nines_aws_price_refresh (client, base_file, (const char * const *) region_list->pdata,
                                  (const char * const *) services, out,
                                  quiet ? NULL : progress_cb, NULL, &total_kept, NULL, &error);
  if (snap == NULL)
    {
      if (!quiet)
        fprintf (stderr, "\n");
      nines_cli_error ("%s", error->message);
      return NINES_CLI_BAD_INPUT;
    }
  path = g_build_filename (out, "prices.gvariant", NULL);
  printf (_("%s: %u prices (%u refreshed from GetProducts) from %u sources\n"), path,
          nines_price_snapshot_get_n_prices (snap), total_kept,
          nines_price_snapshot_get_n_sources (snap));
  return NINES_CLI_OK;
}
