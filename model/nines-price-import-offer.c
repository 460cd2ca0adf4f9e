/* nines-price-import-offer.c: AWS Price List products (bulk offer JSON, GetProducts) and
 * the mapping from a product's attributes to the usage dimension the cost engine asks for.
 *
 * Price List reference: products carry productFamily and attributes (servicecode,
 * location or regionCode, usagetype, operation, instanceType …); terms.OnDemand holds
 * offer terms whose priceDimensions give unit, beginRange/endRange and pricePerUnit.USD,
 * keyed by rateCode "SKU.OfferTermCode.RateCode". Only on-demand terms are read. */
#define G_LOG_DOMAIN "nines-price-import"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-model-private.h"
#include "nines-price-import-private.h"

char *
_nines_price_attr_key (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    if (!g_ascii_isspace (*p) && *p != '_')
      g_string_append_c (s, g_ascii_tolower (*p));
  return g_string_free (s, FALSE);
}

static const char *
attr (GHashTable *attrs,
      const char *key)
{
  const char *v = g_hash_table_lookup (attrs, key);
  return v ? v : "";
}

/* "USE1-BoxUsage:m5.large" -> "BoxUsage:m5.large"; us-east-1 has no prefix. */
static const char *
strip_usage_prefix (const char *usagetype)
{
  const char *dash = strchr (usagetype, '-');
  const char *colon = strchr (usagetype, ':');

  if (dash == NULL || (colon && colon < dash) || dash - usagetype > 6)
    return usagetype;
  for (const char *p = usagetype; p < dash; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p))
      return usagetype;
  return dash + 1;
}

static const char *
rds_engine (const char *engine)
{
  if (g_str_equal (engine, "PostgreSQL"))
    return "postgres";
  if (g_str_equal (engine, "MySQL"))
    return "mysql";
  if (g_str_equal (engine, "MariaDB"))
    return "mariadb";
  if (g_str_equal (engine, "Aurora PostgreSQL"))
    return "aurora-postgresql";
  if (g_str_equal (engine, "Aurora MySQL"))
    return "aurora-mysql";
  return NULL;
}

static const char *
rds_az (const char *deployment)
{
  if (g_str_equal (deployment, "Single-AZ"))
    return "single-az";
  if (g_str_equal (deployment, "Multi-AZ"))
    return "multi-az";
  return NULL;
}

static char *
map_ec2 (const char *family,
         const char *usage,
         GHashTable *attrs)
{
  if (g_str_equal (family, "Compute Instance"))
    {
      const char *sw = attr (attrs, "preinstalledsw");
      const char *cap = attr (attrs, "capacitystatus");
      const char *lic = attr (attrs, "licensemodel");

      if (!g_str_equal (attr (attrs, "operatingsystem"), "Linux")
          || !g_str_equal (attr (attrs, "tenancy"), "Shared")
          || (*sw && !g_str_equal (sw, "NA"))
          || (*cap && !g_str_equal (cap, "Used"))
          || (*lic && !g_str_equal (lic, "No License required"))
          || !g_str_has_prefix (usage, "BoxUsage:"))
        return NULL;
      return g_strconcat ("instance:", attr (attrs, "instancetype"), NULL);
    }
  if (g_str_equal (family, "Storage") && g_str_has_prefix (usage, "EBS:VolumeUsage"))
    {
      const char *api = attr (attrs, "volumeapiname");
      if (*api == '\0')
        {
          /* Older offers: the volume type only in the usage type's suffix. */
          const char *dot = strchr (usage, '.');
          api = dot == NULL ? "standard" : g_str_equal (dot + 1, "piops") ? "io1" : dot + 1;
        }
      return g_strconcat ("ebs:", api, NULL);
    }
  if (g_str_equal (family, "Storage Snapshot") && g_str_equal (usage, "EBS:SnapshotUsage"))
    return g_strdup ("ebs-snapshot");
  if (g_str_equal (family, "NAT Gateway"))
    {
      if (g_str_equal (usage, "NatGateway-Hours"))
        return g_strdup ("nat:hours");
      if (g_str_equal (usage, "NatGateway-Bytes"))
        return g_strdup ("nat:gb");
    }
  return NULL;
}

static char *
map_rds (const char *family,
         const char *usage,
         GHashTable *attrs)
{
  const char *engine = rds_engine (attr (attrs, "databaseengine"));
  const char *az = rds_az (attr (attrs, "deploymentoption"));

  if (g_str_equal (family, "Database Instance") && engine)
    {
      const char *lic = attr (attrs, "licensemodel");
      const char *cls = attr (attrs, "instancetype");

      if ((*lic && g_ascii_strcasecmp (lic, "No license required") != 0) || *cls == '\0')
        return NULL;
      if (g_str_has_prefix (engine, "aurora-"))
        return g_strdup_printf ("%s:%s:%s", strstr (usage, "IOOptimized") ? "aurora-instance-io-optimized"
                                : "aurora-instance", engine, cls);
      if (az == NULL)
        return NULL;
      return g_strdup_printf ("instance:%s:%s:%s", engine, cls, az);
    }
  if (g_str_equal (family, "Database Storage"))
    {
      const char *vol = attr (attrs, "volumetype");
      const char *type = NULL;

      if (g_str_equal (vol, "General Purpose-Aurora"))
        return g_strdup ("aurora-storage");
      if (g_str_equal (vol, "IO Optimized-Aurora"))
        return g_strdup ("aurora-storage-io-optimized");
      if (g_str_equal (vol, "General Purpose-GP3"))
        type = "gp3";
      else if (g_str_equal (vol, "General Purpose"))
        type = "gp2";
      else if (g_str_equal (vol, "Provisioned IOPS"))
        type = "io1";
      else if (g_str_equal (vol, "Provisioned IOPS-IO2"))
        type = "io2";
      if (type && az)
        return g_strdup_printf ("storage:%s:%s", type, az);
      return NULL;
    }
  if (g_str_equal (family, "Storage Snapshot"))
    {
      if (g_str_equal (usage, "RDS:ChargedBackupUsage"))
        return g_strdup ("backup-storage");
      if (g_str_equal (usage, "Aurora:BackupUsage"))
        return g_strdup ("aurora-backup-storage");
    }
  if (g_str_equal (family, "System Operation"))
    {
      if (g_str_equal (usage, "Aurora:StorageIOUsage"))
        return g_strdup ("aurora-io");
      if (g_str_equal (usage, "Aurora:ReplicatedWriteIO"))
        return engine && g_str_has_prefix (engine, "aurora-")
          ? g_strconcat ("aurora-global-write-io:", engine, NULL) : NULL;
    }
  return NULL;
}

static char *
map_s3 (const char *family,
        GHashTable *attrs)
{
  static const struct { const char *volume; const char *cls; } classes[] = {
    { "Standard", "STANDARD" },
    { "Standard - Infrequent Access", "STANDARD_IA" },
    { "One Zone - Infrequent Access", "ONEZONE_IA" },
    { "Intelligent-Tiering Frequent Access", "INTELLIGENT_TIERING" },
    { "Glacier Instant Retrieval", "GLACIER_IR" },
  };

  if (g_str_equal (family, "Storage"))
    {
      for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
        if (g_str_equal (attr (attrs, "volumetype"), classes[i].volume))
          return g_strconcat ("storage:", classes[i].cls, NULL);
      return NULL;
    }
  if (g_str_equal (family, "API Request"))
    {
      const char *group = attr (attrs, "group");
      if (g_str_equal (group, "S3-API-Tier1"))
        return g_strdup ("requests-put:STANDARD");
      if (g_str_equal (group, "S3-API-Tier2"))
        return g_strdup ("requests-get:STANDARD");
    }
  return NULL;
}

char *
nines_price_map_product (const char *service_code,
                         const char *product_family,
                         GHashTable *attributes)
{
  const char *usage;

  g_return_val_if_fail (attributes != NULL, NULL);

  if (service_code == NULL || product_family == NULL)
    return NULL;
  usage = strip_usage_prefix (attr (attributes, "usagetype"));

  /* The service code decides the rules; "-test" fixtures (terracost) keep their code. */
  if (g_str_has_prefix (service_code, "AmazonEC2"))
    return map_ec2 (product_family, usage, attributes);
  if (g_str_has_prefix (service_code, "AmazonRDS"))
    return map_rds (product_family, usage, attributes);
  if (g_str_has_prefix (service_code, "AmazonS3"))
    return map_s3 (product_family, attributes);
  if (g_str_has_prefix (service_code, "AWSELB"))
    {
      const char *kind = g_str_has_prefix (product_family, "Load Balancer-Application") ? "alb"
                       : g_str_has_prefix (product_family, "Load Balancer-Network") ? "nlb" : NULL;
      if (kind && strstr (usage, "LoadBalancerUsage"))
        return g_strconcat (kind, ":hours", NULL);
      if (kind && strstr (usage, "LCUUsage"))
        return g_strconcat (kind, g_str_equal (kind, "alb") ? ":lcu" : ":nlcu", NULL);
      return NULL;
    }
  if (g_str_has_prefix (service_code, "AmazonDynamoDB"))
    {
      if (g_str_equal (usage, "WriteRequestUnits"))
        return g_strdup ("ondemand-write");
      if (g_str_equal (usage, "ReadRequestUnits"))
        return g_strdup ("ondemand-read");
      if (g_str_equal (usage, "TimedStorage-ByteHrs"))
        return g_strdup ("storage");
      if (g_str_equal (usage, "TimedPITRStorage-ByteHrs"))
        return g_strdup ("pitr-storage");
      return NULL;
    }
  if (g_str_has_prefix (service_code, "AWSDataTransfer") || g_str_equal (product_family, "Data Transfer"))
    {
      const char *type = attr (attributes, "transfertype");
      if (g_str_equal (type, "InterRegion Outbound"))
        {
          const NinesRegionInfo *to = nines_catalog_lookup_location (nines_catalog_get_default (),
                                                                     attr (attributes, "tolocation"));
          return to ? g_strconcat ("inter-region-out:", to->code, NULL) : NULL;
        }
      if (g_str_equal (type, "AWS Outbound"))
        return g_strdup ("internet-out");
      return NULL;
    }
  return NULL;
}

/* The region code of a product, or NULL when the catalog does not know it. */
const char *
_nines_price_product_region (GHashTable *attrs)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  const char *code = g_hash_table_lookup (attrs, "regioncode");
  const NinesRegionInfo *info;

  if (code && (info = nines_catalog_lookup_region (catalog, code)))
    return info->code;
  info = nines_catalog_lookup_location (catalog, g_hash_table_lookup (attrs, "location"));
  if (info)
    return info->code;
  if (g_str_equal (attr (attrs, "location"), "Global"))
    return NINES_PRICE_REGION_GLOBAL;
  return NULL;
}

static double
parse_range (const char *s,
             double      otherwise)
{
  if (s == NULL || *s == '\0')
    return otherwise;
  if (g_ascii_strcasecmp (s, "Inf") == 0)
    return INFINITY;
  return g_ascii_strtod (s, NULL);
}

void
_nines_price_add_dimension (NinesPriceBuilder     *builder,
                            guint                  source,
                            const char            *service,
                            const char            *region,
                            const char            *usage,
                            const char            *unit,
                            const char            *usd_str,
                            const char            *begin,
                            const char            *end,
                            const char            *rate_code,
                            const char            *label,
                            NinesPriceImportStats *stats)
{
  char *endp = NULL;
  double usd, start, stop;

  stats->n_read++;
  if (usd_str == NULL || unit == NULL)
    return;
  usd = g_ascii_strtod (usd_str, &endp);
  start = parse_range (begin, 0);
  stop = parse_range (end, INFINITY);
  if (endp == usd_str || !isfinite (usd) || usd < 0 || isnan (start) || isnan (stop) || start > stop)
    return;
  nines_price_builder_add (builder, source, service, region, usage, unit, usd, start, stop,
                           rate_code, label);
  stats->n_kept++;
}

static GHashTable *
product_attributes (JsonObject *product)
{
  GHashTable *attrs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  JsonObject *a = json_object_has_member (product, "attributes")
                  ? _nines_json_object (product, "attributes") : NULL;
  g_autoptr(GList) names = a ? json_object_get_members (a) : NULL;

  for (GList *l = names; l; l = l->next)
    {
      JsonNode *v = json_object_get_member (a, l->data);
      if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
        g_hash_table_insert (attrs, _nines_price_attr_key (l->data), g_strdup (json_node_get_string (v)));
    }
  return attrs;
}

static gboolean
import_product (NinesPriceBuilder     *builder,
                guint                  source,
                JsonObject            *product,
                JsonObject            *on_demand,
                const char            *service_code,
                NinesPriceImportStats *stats)
{
  g_autoptr(GHashTable) attrs = product_attributes (product);
  const char *family = _nines_json_string (product, "productFamily", NULL);
  const char *own = g_hash_table_lookup (attrs, "servicecode");
  const char *code = own ? own : service_code;
  g_autofree char *usage = nines_price_map_product (code, family, attrs);
  const char *region = _nines_price_product_region (attrs);
  g_autoptr(GList) terms = NULL;

  if (usage == NULL || region == NULL || on_demand == NULL)
    {
      stats->n_read++;
      return TRUE;
    }
  terms = json_object_get_members (on_demand);
  for (GList *t = terms; t; t = t->next)
    {
      JsonObject *term = _nines_json_object (on_demand, t->data);
      JsonObject *dims = term ? _nines_json_object (term, "priceDimensions") : NULL;
      g_autoptr(GList) rcs = dims ? json_object_get_members (dims) : NULL;

      for (GList *r = rcs; r; r = r->next)
        {
          JsonObject *d = _nines_json_object (dims, r->data);
          JsonObject *ppu = d ? _nines_json_object (d, "pricePerUnit") : NULL;

          if (d == NULL || ppu == NULL)
            continue;
          _nines_price_add_dimension (builder, source, code, region, usage,
                                      _nines_json_string (d, "unit", NULL),
                                      _nines_json_string (ppu, "USD", NULL),
                                      _nines_json_string (d, "beginRange", NULL),
                                      _nines_json_string (d, "endRange", NULL),
                                      _nines_json_string (d, "rateCode", r->data),
                                      _nines_json_string (d, "description", NULL),
                                      stats);
        }
    }
  return TRUE;
}

static char *
day_of (const char *timestamp)
{
  if (timestamp == NULL || strlen (timestamp) < 10 || timestamp[4] != '-' || timestamp[7] != '-')
    return NULL;
  return g_strndup (timestamp, 10);
}

gboolean
nines_price_import_product (NinesPriceBuilder      *builder,
                            JsonObject             *product,
                            JsonObject             *on_demand_terms,
                            const char             *service_code,
                            const char             *source,
                            const char             *date,
                            NinesPriceImportStats  *stats,
                            GError                **error)
{
  NinesPriceImportStats local = { 0 };

  g_return_val_if_fail (builder && product && source && date, FALSE);
  return import_product (builder, nines_price_builder_add_source (builder, source, date, "aws-price-list"),
                         product, on_demand_terms, service_code, stats ? stats : &local);
}

gboolean
nines_price_import_get_products (NinesPriceBuilder      *builder,
                                 const char * const     *price_list,
                                 gsize                   n,
                                 const char             *source,
                                 NinesPriceImportStats  *stats,
                                 GError                **error)
{
  NinesPriceImportStats local = { 0 };
  g_autoptr(GPtrArray) parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autofree char *newest = NULL;
  guint source_idx;

  g_return_val_if_fail (builder != NULL && (price_list != NULL || n == 0) && source != NULL, FALSE);

  /* Parse all first: the source's date is the newest publicationDate of the page. */
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GError) local_error = NULL;
      JsonNode *node = nines_json_parse (price_list[i], -1, &local_error);
      g_autofree char *day = NULL;

      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE,
                       _("%s: PriceList[%zu] is not a JSON object%s%s"), source, i,
                       local_error ? ": " : "", local_error ? local_error->message : "");
          g_clear_pointer (&node, json_node_unref);
          return FALSE;
        }
      g_ptr_array_add (parsed, node);
      day = day_of (_nines_json_string (json_node_get_object (node), "publicationDate", NULL));
      if (day && (newest == NULL || strcmp (day, newest) > 0))
        {
          g_free (newest);
          newest = g_steal_pointer (&day);
        }
    }
  if (n > 0 && newest == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: no publicationDate in the PriceList"), source);
      return FALSE;
    }
  if (n == 0)
    return TRUE;
  source_idx = nines_price_builder_add_source (builder, source, newest, "aws-price-list-getproducts");

  for (guint i = 0; i < parsed->len; i++)
    {
      JsonObject *obj = json_node_get_object (g_ptr_array_index (parsed, i));
      JsonObject *product = json_object_has_member (obj, "product") ? _nines_json_object (obj, "product") : NULL;
      JsonObject *terms = json_object_has_member (obj, "terms") ? _nines_json_object (obj, "terms") : NULL;
      JsonObject *on_demand = terms && json_object_has_member (terms, "OnDemand")
                              ? _nines_json_object (terms, "OnDemand") : NULL;

      if (product == NULL)
        {
          g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                       _("%s: PriceList[%u] has no product"), source, i);
          return FALSE;
        }
      import_product (builder, source_idx, product, on_demand,
                      _nines_json_string (obj, "serviceCode", NULL),
                      stats ? stats : &local);
    }
  return TRUE;
}

gboolean
nines_price_import_offer_json (NinesPriceBuilder      *builder,
                               JsonNode               *root,
                               const char             *source,
                               NinesPriceImportStats  *stats,
                               GError                **error)
{
  NinesPriceImportStats local = { 0 };
  JsonObject *obj, *products, *terms, *on_demand;
  g_autofree char *date = NULL;
  g_autoptr(GList) skus = NULL;
  guint source_idx;

  g_return_val_if_fail (builder != NULL && root != NULL && source != NULL, FALSE);

  obj = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  products = obj && json_object_has_member (obj, "products") ? _nines_json_object (obj, "products") : NULL;
  terms = obj && json_object_has_member (obj, "terms") ? _nines_json_object (obj, "terms") : NULL;
  date = obj ? day_of (_nines_json_string (obj, "publicationDate", NULL)) : NULL;
  if (products == NULL || terms == NULL || date == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s: not a Price List offer file (products, terms, publicationDate)"), source);
      return FALSE;
    }
  on_demand = json_object_has_member (terms, "OnDemand") ? _nines_json_object (terms, "OnDemand") : NULL;
  source_idx = nines_price_builder_add_source (builder, source, date, "aws-price-list-offer");
  skus = json_object_get_members (products);
  for (GList *l = skus; l; l = l->next)
    {
      JsonObject *product = _nines_json_object (products, l->data);
      JsonObject *sku_terms = on_demand && json_object_has_member (on_demand, l->data)
                              ? _nines_json_object (on_demand, l->data) : NULL;

      if (product)
        import_product (builder, source_idx, product, sku_terms,
                        _nines_json_string (obj, "offerCode", NULL),
                        stats ? stats : &local);
    }
  return TRUE;
}
