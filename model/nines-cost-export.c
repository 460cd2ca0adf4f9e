/* nines-cost-export.c: CSV, JSON and Pricing-Calculator-shaped JSON of a cost estimate */
#define G_LOG_DOMAIN "nines-cost-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include "nines-model-private.h"
#include "nines-json-writer.h"

static JsonNode *
take_object (JsonObject *object)
{
  JsonNode *node = json_node_init_object (json_node_alloc (), object);

  json_object_unref (object);
  return node;
}

/* ---- CSV ------------------------------------------------------------------------- */

static void
csv_field (GString    *out,
           const char *s,
           gboolean    last)
{
  if (s != NULL && strpbrk (s, ",\"\n\r") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = s; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else if (s != NULL)
    g_string_append (out, s);
  g_string_append (out, last ? "\r\n" : ",");   /* RFC 4180 line ends */
}

char *
nines_cost_export_csv (NinesCostEstimate *estimate)
{
  static const char * const header[] = {
    "state", "item", "component", "kind", "region", "service", "usage", "description", "quantity",
    "unit", "unit_usd", "monthly_usd", "tier_start", "tier_end", "rate_code", "source",
    "publication_date", "override", "missing", "note", NULL
  };
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (estimate != NULL, NULL);

  for (guint i = 0; header[i]; i++)
    csv_field (out, header[i], header[i + 1] == NULL);
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (estimate); i++)
    {
      const NinesCostLine *l = nines_cost_estimate_get_line (estimate, i);
      char qty[G_ASCII_DTOSTR_BUF_SIZE], unit[G_ASCII_DTOSTR_BUF_SIZE], monthly[32];
      char ts[G_ASCII_DTOSTR_BUF_SIZE], te[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (qty, sizeof qty, l->quantity);
      g_ascii_dtostr (ts, sizeof ts, l->tier_start);
      if (isinf (l->tier_end))
        te[0] = '\0';
      else
        g_ascii_dtostr (te, sizeof te, l->tier_end);
      if (l->missing)
        unit[0] = '\0';
      else
        g_ascii_dtostr (unit, sizeof unit, l->unit_usd);
      g_ascii_formatd (monthly, sizeof monthly, "%.6f", l->monthly_usd);
      csv_field (out, nines_cost_state_to_string (l->state), FALSE);
      csv_field (out, l->item_id, FALSE);
      csv_field (out, l->component, FALSE);
      csv_field (out, l->kind, FALSE);
      csv_field (out, l->region, FALSE);
      csv_field (out, l->service, FALSE);
      csv_field (out, l->usage, FALSE);
      csv_field (out, l->what, FALSE);
      csv_field (out, qty, FALSE);
      csv_field (out, l->unit, FALSE);
      csv_field (out, unit, FALSE);
      csv_field (out, monthly, FALSE);
      csv_field (out, ts, FALSE);
      csv_field (out, te, FALSE);
      csv_field (out, l->rate_code, FALSE);
      csv_field (out, l->source, FALSE);
      csv_field (out, l->date, FALSE);
      csv_field (out, l->override ? "yes" : "no", FALSE);
      csv_field (out, l->missing ? "yes" : "no", FALSE);
      csv_field (out, l->note, TRUE);
    }
  return g_string_free (out, FALSE);
}

/* ---- Nines JSON ------------------------------------------------------------------ */

/* Money rounded to a hundredth of a cent, so the text stays readable and stable. */
static double
money (double usd)
{
  return round (usd * 10000.0) / 10000.0;
}

static JsonObject *
total_object (NinesCostEstimate *est,
              NinesCostState     state)
{
  NinesCostTotal t;
  JsonObject *o = json_object_new ();

  nines_cost_estimate_get_total (est, state, &t);
  json_object_set_double_member (o, "list_usd", money (t.list_usd));
  json_object_set_double_member (o, "discount_percent", t.discount_percent);
  json_object_set_double_member (o, "discount_usd", money (t.discount_usd));
  json_object_set_double_member (o, "total_usd", money (t.total_usd));
  json_object_set_int_member (o, "missing_prices", t.n_missing);
  json_object_set_boolean_member (o, "complete", t.n_missing == 0);
  return o;
}

static JsonObject *
groups_object (NinesCostEstimate *est,
               NinesCostState     state,
               NinesCostGrouping  grouping)
{
  JsonObject *o = json_object_new ();
  guint n = nines_cost_estimate_get_n_groups (est, state, grouping);

  for (guint i = 0; i < n; i++)
    {
      const char *key;
      double usd;
      guint missing;

      nines_cost_estimate_get_group (est, state, grouping, i, &key, &usd, &missing);
      json_object_set_double_member (o, key, money (usd));
    }
  return o;
}

static JsonArray *
sources_array (NinesCostEstimate *est)
{
  NinesPriceSnapshot *prices = nines_cost_estimate_get_prices (est);
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *a = json_array_new ();

  /* Only the sources the lines cite, in the snapshot's order. */
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
    {
      const NinesCostLine *l = nines_cost_estimate_get_line (est, i);

      if (l->source != NULL)
        g_hash_table_add (used, (gpointer) l->source);
    }
  for (guint i = 0; i < nines_price_snapshot_get_n_sources (prices); i++)
    {
      const char *name, *date, *format;
      JsonObject *s;
      gboolean cited = FALSE;
      GHashTableIter iter;
      gpointer key;

      nines_price_snapshot_get_source (prices, i, &name, &date, &format);
      g_hash_table_iter_init (&iter, used);
      while (!cited && g_hash_table_iter_next (&iter, &key, NULL))
        cited = g_str_has_prefix (key, name);
      if (!cited)
        continue;
      s = json_object_new ();
      json_object_set_string_member (s, "file", name);
      json_object_set_string_member (s, "publication_date", date);
      json_object_set_string_member (s, "format", format);
      json_array_add_object_element (a, s);
    }
  return a;
}

JsonNode *
nines_cost_export_json (NinesCostEstimate *estimate)
{
  NinesDeployment *d;
  NinesDocument *doc;
  JsonObject *root;
  JsonObject *states;
  JsonArray *lines;

  g_return_val_if_fail (estimate != NULL, NULL);

  d = nines_cost_estimate_get_deployment (estimate);
  doc = nines_deployment_get_document (d);
  root = json_object_new ();
  json_object_set_string_member (root, "document", nines_document_get_uuid (doc));
  json_object_set_string_member (root, "name", nines_document_get_name (doc));
  json_object_set_string_member (root, "pattern",
                                 nines_dr_pattern_to_string (nines_deployment_get_pattern (d)));
  json_object_set_string_member (root, "currency", "USD");
  json_object_set_double_member (root, "hours_per_month", NINES_HOURS_PER_MONTH);
  json_object_set_array_member (root, "price_sources", sources_array (estimate));

  states = json_object_new ();
  for (NinesCostState s = NINES_COST_STEADY; s < NINES_COST_N_STATES; s++)
    {
      JsonObject *st = json_object_new ();

      json_object_set_object_member (st, "total", total_object (estimate, s));
      json_object_set_object_member (st, "by_region",
                                     groups_object (estimate, s, NINES_COST_BY_REGION));
      json_object_set_object_member (st, "by_service",
                                     groups_object (estimate, s, NINES_COST_BY_SERVICE));
      json_object_set_object_member (states, nines_cost_state_to_string (s), st);
    }
  json_object_set_object_member (root, "states", states);

  lines = json_array_new ();
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (estimate); i++)
    {
      const NinesCostLine *l = nines_cost_estimate_get_line (estimate, i);
      JsonObject *o = json_object_new ();

      json_object_set_string_member (o, "state", nines_cost_state_to_string (l->state));
      json_object_set_string_member (o, "item", l->item_id);
      json_object_set_string_member (o, "component", l->component);
      json_object_set_string_member (o, "kind", l->kind);
      json_object_set_string_member (o, "region", l->region);
      json_object_set_string_member (o, "service", l->service);
      json_object_set_string_member (o, "usage", l->usage);
      json_object_set_string_member (o, "description", l->what);
      json_object_set_double_member (o, "quantity", l->quantity);
      json_object_set_string_member (o, "unit", l->unit);
      if (l->missing)
        json_object_set_null_member (o, "unit_usd");
      else
        json_object_set_double_member (o, "unit_usd", l->unit_usd);
      json_object_set_double_member (o, "monthly_usd", money (l->monthly_usd));
      json_object_set_double_member (o, "tier_start", l->tier_start);
      if (isinf (l->tier_end))
        json_object_set_null_member (o, "tier_end");
      else
        json_object_set_double_member (o, "tier_end", l->tier_end);
      json_object_set_string_member (o, "rate_code", l->rate_code);
      json_object_set_string_member (o, "source", l->source);
      json_object_set_string_member (o, "publication_date", l->date);
      json_object_set_boolean_member (o, "override", l->override);
      json_object_set_boolean_member (o, "missing", l->missing);
      if (l->note != NULL)
        json_object_set_string_member (o, "note", l->note);
      json_array_add_object_element (lines, o);
    }
  json_object_set_array_member (root, "lines", lines);

  return take_object (root);
}

/* ---- AWS Pricing Calculator shape ------------------------------------------------ */

/* The service names the Pricing Calculator shows, by Price List service code. */
static const char *
service_name (const char *code)
{
  static const struct { const char *code, *name; } names[] = {
    { "AmazonEC2", "Amazon EC2" },
    { "AmazonRDS", "Amazon RDS" },
    { "AmazonS3", "Amazon Simple Storage Service (S3)" },
    { "AmazonDynamoDB", "Amazon DynamoDB" },
    { "AmazonRoute53", "Amazon Route 53" },
    { "AmazonCloudFront", "Amazon CloudFront" },
    { "AWSELB", "Elastic Load Balancing" },
    { "AmazonVPC", "Amazon Virtual Private Cloud (VPC)" },
    { "AmazonEFS", "Amazon Elastic File System (EFS)" },
    { "AmazonElastiCache", "Amazon ElastiCache" },
    { "AWSLambda", "AWS Lambda" },
    { "AWSQueueService", "Amazon Simple Queue Service (SQS)" },
    { "AmazonGuardDuty", "Amazon GuardDuty" },
    { "AWSBackup", "AWS Backup" },
    { "AWSDataTransfer", "AWS Data Transfer" },
    { "AmazonCloudWatch", "Amazon CloudWatch" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (code, names[i].code) == 0)
      return names[i].name;
  return code;
}

static const char *
region_name (const char *region)
{
  const NinesRegionInfo *info;

  if (g_strcmp0 (region, NINES_PRICE_REGION_GLOBAL) == 0)
    return "Global";
  info = nines_catalog_lookup_region (nines_catalog_get_default (), region);
  return info ? info->location : region;
}

/* The calculator saves an estimate as: name; services and groups (each group a name,
 * its services and subgroups), every service with serviceCode, region, regionName,
 * description, its cost and a configSummary; group subtotals, the total (monthly and
 * upfront), support and metadata (locale, currency, createdOn, source). That is the
 * shape of the estimates AWS's own sample builds (aws-samples/sample-aws-pricing-
 * calculator-mcp, lib/estimate-builder.js). Groups here are the regions, services the
 * deployed items. */
JsonNode *
nines_cost_export_calculator_json (NinesCostEstimate *estimate,
                                   NinesCostState     state,
                                   const char        *created_on)
{
  NinesDeployment *d;
  NinesDocument *doc;
  JsonObject *root;
  JsonObject *groups;
  JsonObject *meta;
  JsonObject *cost;
  NinesCostTotal total;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) regions = g_ptr_array_new ();

  g_return_val_if_fail (estimate != NULL, NULL);
  g_return_val_if_fail (created_on != NULL, NULL);

  d = nines_cost_estimate_get_deployment (estimate);
  doc = nines_deployment_get_document (d);
  name = g_strdup_printf ("%s — %s (%s)", nines_document_get_name (doc),
                          nines_dr_pattern_get_label (nines_deployment_get_pattern (d)),
                          state == NINES_COST_STEADY ? "steady state" : "failed over");

  for (guint i = 0; i < nines_cost_estimate_get_n_lines (estimate); i++)
    {
      const NinesCostLine *l = nines_cost_estimate_get_line (estimate, i);

      if (l->state == state && !g_ptr_array_find_with_equal_func (regions, l->region, g_str_equal,
                                                                  NULL))
        g_ptr_array_add (regions, (gpointer) l->region);
    }

  root = json_object_new ();
  json_object_set_string_member (root, "name", name);
  json_object_set_object_member (root, "services", json_object_new ());
  groups = json_object_new ();
  for (guint r = 0; r < regions->len; r++)
    {
      const char *region = g_ptr_array_index (regions, r);
      JsonObject *group = json_object_new ();
      JsonObject *services = json_object_new ();
      JsonObject *subtotal = json_object_new ();
      double group_usd = 0;

      json_object_set_string_member (group, "name", region_name (region));
      for (guint i = 0; i < nines_cost_estimate_get_n_lines (estimate); i++)
        {
          const NinesCostLine *l = nines_cost_estimate_get_line (estimate, i);
          g_autofree char *key = NULL;
          JsonObject *svc;
          JsonObject *sc;

          if (l->state != state || !g_str_equal (l->region, region))
            continue;
          key = g_strdup_printf ("%s-%s", l->service, l->item_id);
          if (!json_object_has_member (services, key))
            {
              svc = json_object_new ();
              json_object_set_string_member (svc, "serviceCode", l->service);
              json_object_set_string_member (svc, "serviceName", service_name (l->service));
              json_object_set_string_member (svc, "region", region);
              json_object_set_string_member (svc, "regionName", region_name (region));
              json_object_set_string_member (svc, "description", l->component);
              sc = json_object_new ();
              json_object_set_double_member (sc, "monthly", 0);
              json_object_set_double_member (sc, "upfront", 0);
              json_object_set_object_member (svc, "serviceCost", sc);
              json_object_set_string_member (svc, "configSummary", "");
              json_object_set_object_member (services, key, svc);
            }
          svc = json_object_get_object_member (services, key);
          sc = json_object_get_object_member (svc, "serviceCost");
          json_object_set_double_member (sc, "monthly",
                                         money (json_object_get_double_member (sc,
                                                                               "monthly") + l->monthly_usd));
          {
            const char *prev = json_object_get_string_member (svc, "configSummary");
            char qty[G_ASCII_DTOSTR_BUF_SIZE];
            g_autofree char *summary = NULL;

            g_ascii_formatd (qty, sizeof qty, "%.10g", l->quantity);
            summary = g_strdup_printf ("%s%s%s (%s %s)", prev, *prev ? ", " : "", l->what, qty,
                                       l->unit);
            json_object_set_string_member (svc, "configSummary", summary);
          }
          group_usd += l->monthly_usd;
        }
      json_object_set_object_member (group, "services", services);
      json_object_set_object_member (group, "groups", json_object_new ());
      json_object_set_double_member (subtotal, "monthly", money (group_usd));
      json_object_set_object_member (group, "groupSubtotal", subtotal);
      json_object_set_object_member (groups, region, group);
    }
  json_object_set_object_member (root, "groups", groups);

  nines_cost_estimate_get_total (estimate, state, &total);
  cost = json_object_new ();
  json_object_set_double_member (cost, "monthly", money (total.list_usd));
  json_object_set_object_member (root, "groupSubtotal", cost);
  cost = json_object_new ();
  json_object_set_double_member (cost, "monthly", money (total.total_usd));
  json_object_set_double_member (cost, "upfront", 0);
  json_object_set_object_member (root, "totalCost", cost);
  json_object_set_object_member (root, "support", json_object_new ());
  {
    JsonObject *settings = json_object_new ();
    JsonObject *mod = json_object_new ();

    json_object_set_string_member (mod, "type", "VOLUME_DISCOUNT");
    json_object_set_double_member (mod, "value", money (total.discount_usd));
    json_object_set_double_member (mod, "valuePercentage", total.discount_percent);
    json_object_set_string_member (mod, "label", "Discount");
    json_object_set_object_member (settings, "subTotalModifier", mod);
    json_object_set_object_member (root, "settings", settings);
  }
  meta = json_object_new ();
  json_object_set_string_member (meta, "locale", "en_US");
  json_object_set_string_member (meta, "currency", "USD");
  json_object_set_string_member (meta, "createdOn", created_on);
  json_object_set_string_member (meta, "source", "Nines");
  json_object_set_object_member (root, "metaData", meta);

  return take_object (root);
}

char *
nines_cost_export_to_string (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);

  nines_json_write (out, node);
  if (out->len == 0 || out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}
