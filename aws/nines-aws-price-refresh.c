/* nines-aws-price-refresh.c: GetProducts for the regions asked, merged into a snapshot
 * (moved here from the CLI so the app refreshes prices through the same code) */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-aws.h"

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

typedef struct
{
  NinesAwsPriceRefreshProgress  progress;
  gpointer                      progress_data;
  const char                   *what;
} PageProgress;

static void
page_progress (guint    pages,
               guint    products,
               gpointer user_data)
{
  PageProgress *p = user_data;

  p->progress (p->what, pages, products, -1, p->progress_data);
}

NinesPriceSnapshot *
nines_aws_price_refresh (NinesAwsClient               *client,
                         NinesPriceSnapshot           *base,
                         const char * const           *regions,
                         const char * const           *services,
                         const char                   *dir,
                         NinesAwsPriceRefreshProgress  progress,
                         gpointer                      progress_data,
                         guint                        *n_refreshed,
                         GCancellable                 *cancellable,
                         GError                      **error)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  g_autoptr(NinesPriceBuilder) builder = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *written = NULL;
  guint total_kept = 0;

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);
  g_return_val_if_fail (regions != NULL, NULL);
  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint r = 0; regions[r] != NULL; r++)
    if (nines_catalog_lookup_region (catalog, regions[r]) == NULL)
      {
        g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NOT_FOUND,
                     _("unknown region \"%s\""), regions[r]);
        return NULL;
      }

  builder = nines_price_builder_new ();
  nines_price_builder_add_snapshot (builder, base ? base : nines_price_snapshot_get_default ());

  for (guint r = 0; regions[r] != NULL; r++)
    {
      const NinesRegionInfo *info = nines_catalog_lookup_region (catalog, regions[r]);

      for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
        {
          const RefreshQuery *query = &queries[q];
          g_autoptr(GPtrArray) filters = g_ptr_array_new ();
          g_autoptr(GPtrArray) products = NULL;
          g_autofree char *what = NULL, *source = NULL;
          NinesPriceImportStats stats = { 0 };
          PageProgress pp;

          if (services != NULL && !g_strv_contains (services, query->service_code))
            continue;
          g_ptr_array_add (filters, (gpointer) query->location_field);
          g_ptr_array_add (filters, info->location);
          for (guint f = 0; query->filters[f] != NULL; f++)
            g_ptr_array_add (filters, (gpointer) query->filters[f]);
          g_ptr_array_add (filters, NULL);
          what = g_strdup_printf ("%s %s%s%s", regions[r], query->service_code,
                                  query->filters[0] ? " " : "", query->filters[0] ? query->filters[1] : "");
          pp.progress = progress;
          pp.progress_data = progress_data;
          pp.what = what;
          products = nines_aws_pricing_get_products (client, query->service_code,
                                                     (const char * const *) filters->pdata, 0,
                                                     progress ? page_progress : NULL, &pp,
                                                     cancellable, error);
          if (products == NULL)
            {
              g_prefix_error (error, _("%s: "), what);
              return NULL;
            }
          /* The source names the request; each price keeps its own publicationDate. */
          source = g_strdup_printf ("GetProducts %s %s %s%s%s", query->service_code, regions[r], today,
                                    query->filters[0] ? " " : "", query->filters[0] ? query->filters[1] : "");
          if (products->len > 0
              && !nines_price_import_get_products (builder, (const char * const *) products->pdata,
                                                   products->len, source, &stats, error))
            return NULL;
          if (progress)
            progress (what, 0, products->len, (int) stats.n_kept, progress_data);
          total_kept += stats.n_kept;
        }
    }

  written = g_build_filename (dir, "prices.gvariant", NULL);
  if (!nines_price_builder_write (builder, dir, error))
    return NULL;
  if (n_refreshed)
    *n_refreshed = total_kept;
  return nines_price_snapshot_new_from_file (written, error);
}

/* The async form: a worker thread runs the blocking one. */

typedef struct
{
  NinesPriceSnapshot           *base;
  GStrv                         regions;
  GStrv                         services;
  char                         *dir;
  NinesAwsPriceRefreshProgress  progress;
  gpointer                      progress_data;
  GMainContext                 *context;
} Args;

static void
args_free (gpointer data)
{
  Args *a = data;

  g_clear_pointer (&a->base, nines_price_snapshot_unref);
  g_strfreev (a->regions);
  g_strfreev (a->services);
  g_free (a->dir);
  g_main_context_unref (a->context);
  g_free (a);
}

typedef struct
{
  NinesAwsPriceRefreshProgress  progress;
  gpointer                      progress_data;
  char                         *what;
  guint                         pages;
  guint                         products;
  int                           kept;
} Report;

static void
report_free (gpointer data)
{
  Report *r = data;

  g_free (r->what);
  g_free (r);
}

static gboolean
report_progress (gpointer data)
{
  Report *r = data;

  r->progress (r->what, r->pages, r->products, r->kept, r->progress_data);
  return G_SOURCE_REMOVE;
}

/* In the worker: hands the numbers to the caller's main context. */
static void
forward_progress (const char *what,
                  guint       pages,
                  guint       products,
                  int         kept,
                  gpointer    user_data)
{
  Args *a = user_data;
  Report *r = g_new0 (Report, 1);
  GSource *source = g_idle_source_new ();

  r->progress = a->progress;
  r->progress_data = a->progress_data;
  r->what = g_strdup (what);
  r->pages = pages;
  r->products = products;
  r->kept = kept;
  /* Always through a source, as nines-aws-pricing.c does: never in the worker. */
  g_source_set_callback (source, report_progress, r, report_free);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_attach (source, a->context);
  g_source_unref (source);
}

typedef struct
{
  NinesPriceSnapshot *snapshot;
  guint               n_refreshed;
} Result;

static void
result_free (gpointer data)
{
  Result *r = data;

  g_clear_pointer (&r->snapshot, nines_price_snapshot_unref);
  g_free (r);
}

static gpointer
refresh_func (NinesAwsClient  *client,
              gpointer         data,
              GCancellable    *cancellable,
              GError         **error)
{
  Args *a = data;
  g_autofree Result *r = g_new0 (Result, 1);

  r->snapshot = nines_aws_price_refresh (client, a->base, (const char * const *) a->regions,
                                         (const char * const *) a->services, a->dir,
                                         a->progress ? forward_progress : NULL, a,
                                         &r->n_refreshed, cancellable, error);
  return r->snapshot ? g_steal_pointer (&r) : NULL;
}

void
nines_aws_price_refresh_async (NinesAwsClient               *client,
                               NinesPriceSnapshot           *base,
                               const char * const           *regions,
                               const char * const           *services,
                               const char                   *dir,
                               NinesAwsPriceRefreshProgress  progress,
                               gpointer                      progress_data,
                               GCancellable                 *cancellable,
                               GAsyncReadyCallback           callback,
                               gpointer                      user_data)
{
  Args *a;

  g_return_if_fail (NINES_IS_AWS_CLIENT (client));
  g_return_if_fail (regions != NULL);
  g_return_if_fail (dir != NULL);

  a = g_new0 (Args, 1);
  /* The default snapshot is made here, not in the worker. */
  a->base = nines_price_snapshot_ref (base ? base : nines_price_snapshot_get_default ());
  a->regions = g_strdupv ((char **) regions);
  a->services = g_strdupv ((char **) services);
  a->dir = g_strdup (dir);
  a->progress = progress;
  a->progress_data = progress_data;
  a->context = g_main_context_ref_thread_default ();
  nines_aws_client_run_async (client, refresh_func, a, args_free,
                              result_free,
                              nines_aws_price_refresh_async, cancellable, callback, user_data);
}

NinesPriceSnapshot *
nines_aws_price_refresh_finish (NinesAwsClient  *client,
                                GAsyncResult    *result,
                                guint           *n_refreshed,
                                GError         **error)
{
  Result *r;
  NinesPriceSnapshot *snapshot;

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);

  r = nines_aws_client_run_finish (client, result, nines_aws_price_refresh_async, error);
  if (r == NULL)
    return NULL;
  if (n_refreshed != NULL)
    *n_refreshed = r->n_refreshed;
  snapshot = g_steal_pointer (&r->snapshot);
  result_free (r);
  return snapshot;
}
