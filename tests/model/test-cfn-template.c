/* test-cfn-template.c: CloudFormation templates of the bundled examples.
 *
 * Golden files: tests/model/golden/cfn/EXAMPLE-PATTERN-REGION.json. After an intended
 * change, regenerate them with NINES_UPDATE_GOLDEN=1 and review the diff. */
#include "config.h"

#include <string.h>
#include <nines-model.h>

static const char *examples[] = { "storefront", "newsroom", "ledger-api" };
static const NinesDrPattern patterns[] = {
  NINES_DR_PATTERN_BACKUP_RESTORE, NINES_DR_PATTERN_PILOT_LIGHT,
  NINES_DR_PATTERN_WARM_STANDBY, NINES_DR_PATTERN_MULTI_SITE,
};

static NinesDocument *
load_example (const char *name)
{
  g_autofree char *base = g_strdup_printf ("%s.nines", name);
  g_autofree char *path = g_build_filename (g_getenv ("NINES_SOURCE_DIR"), "data", "examples", base, NULL);
  g_autoptr(GError) error = NULL;
  NinesDocument *doc = nines_document_load_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
template_text (NinesDeployment *d,
               const char      *region)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = nines_cfn_template_build (d, region, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return nines_cfn_template_to_string (node);
}

static void
test_golden (void)
{
  gboolean update = g_strcmp0 (g_getenv ("NINES_UPDATE_GOLDEN"), "1") == 0;
  guint compared = 0;

  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
      {
        g_autoptr(NinesDocument) doc = load_example (examples[e]);
        g_autoptr(NinesDeployment) d = nines_deployment_new (doc, patterns[p]);
        g_auto(GStrv) regions = nines_cfn_template_list_regions (d);

        g_assert_cmpstr (regions[0], ==, nines_document_get_primary_region (doc));
        for (guint r = 0; regions[r]; r++)
          {
            g_autofree char *text = template_text (d, regions[r]);
            g_autofree char *base = g_strdup_printf ("%s-%s-%s.json", examples[e],
                                                     nines_dr_pattern_to_string (patterns[p]), regions[r]);
            g_autofree char *path = g_build_filename (g_getenv ("NINES_SOURCE_DIR"), "tests", "model",
                                                      "golden", "cfn", base, NULL);
            g_autofree char *expected = NULL;
            g_autoptr(GError) error = NULL;

            if (update)
              {
                g_file_set_contents (path, text, -1, &error);
                g_assert_no_error (error);
                continue;
              }
            g_file_get_contents (path, &expected, NULL, &error);
            g_assert_no_error (error);
            g_assert_cmpstr (text, ==, expected);
            compared++;
          }
      }
  if (!update)
    g_assert_cmpuint (compared, >=, G_N_ELEMENTS (examples) * G_N_ELEMENTS (patterns));
}

static void
test_deterministic (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    {
      g_autoptr(NinesDocument) doc = load_example (examples[e]);
      g_autoptr(NinesDocument) copy = nines_document_copy (doc);
      g_autoptr(NinesDeployment) a = nines_deployment_new (doc, NINES_DR_PATTERN_WARM_STANDBY);
      g_autoptr(NinesDeployment) b = nines_deployment_new (copy, NINES_DR_PATTERN_WARM_STANDBY);
      g_auto(GStrv) regions = nines_cfn_template_list_regions (a);

      for (guint r = 0; regions[r]; r++)
        {
          g_autofree char *ta = template_text (a, regions[r]);
          g_autofree char *tb = template_text (b, regions[r]);

          g_assert_cmpstr (ta, ==, tb);
        }
    }
}

/* Walks every object of @node, calling @func on each. */
static void
walk (JsonNode *node,
      void    (*func) (JsonObject *o, gpointer data),
      gpointer  data)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *o = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (o);

      func (o, data);
      for (GList *l = members; l; l = l->next)
        walk (json_object_get_member (o, l->data), func, data);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        walk (json_array_get_element (a, i), func, data);
    }
}

static void
check_no_password (JsonObject *o,
                   gpointer    data)
{
  guint *n_secrets = data;

  if (json_object_has_member (o, "MasterUserPassword"))
    {
      JsonNode *v = json_object_get_member (o, "MasterUserPassword");
      JsonObject *sub;

      /* Only a dynamic reference to a generated secret, never a value. */
      g_assert_true (JSON_NODE_HOLDS_OBJECT (v));
      sub = json_node_get_object (v);
      g_assert_true (json_object_has_member (sub, "Fn::Sub"));
      g_assert_true (g_str_has_prefix (json_object_get_string_member (sub, "Fn::Sub"), "{{resolve:secretsmanager:"));
      (*n_secrets)++;
    }
  if (json_object_has_member (o, "ManageMasterUserPassword"))
    (*n_secrets)++;
}

static void
test_no_secrets_and_parameters (void)
{
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
      {
        g_autoptr(NinesDocument) doc = load_example (examples[e]);
        g_autoptr(NinesDeployment) d = nines_deployment_new (doc, patterns[p]);
        g_auto(GStrv) regions = nines_cfn_template_list_regions (d);

        for (guint r = 0; regions[r]; r++)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(JsonNode) node = nines_cfn_template_build (d, regions[r], &error);
            JsonObject *root = json_node_get_object (node);
            JsonObject *resources = json_object_get_object_member (root, "Resources");
            g_autoptr(GList) names = json_object_get_members (resources);
            guint n_secrets = 0;
            guint n_databases = 0;

            walk (node, check_no_password, &n_secrets);
            /* Every parameter says what it is for. */
            if (json_object_has_member (root, "Parameters"))
              {
                JsonObject *params = json_object_get_object_member (root, "Parameters");
                g_autoptr(GList) pnames = json_object_get_members (params);

                for (GList *l = pnames; l; l = l->next)
                  {
                    JsonObject *param = json_object_get_object_member (params, l->data);

                    g_assert_true (json_object_has_member (param, "Description"));
                    g_assert_cmpuint (strlen (json_object_get_string_member (param, "Description")), >, 10);
                  }
              }
            /* Every taggable resource carries the document and pattern. */
            for (GList *l = names; l; l = l->next)
              {
                JsonObject *res = json_object_get_object_member (resources, l->data);
                JsonObject *props = json_object_get_object_member (res, "Properties");
                const char *type = json_object_get_string_member (res, "Type");

                /* A database that has a master user has its password generated. */
                if ((g_str_equal (type, "AWS::RDS::DBInstance") || g_str_equal (type, "AWS::RDS::DBCluster"))
                    && json_object_has_member (props, "MasterUsername"))
                  {
                    n_databases++;
                    g_assert_true (json_object_has_member (props, "ManageMasterUserPassword")
                                   || json_object_has_member (props, "MasterUserPassword"));
                  }
                if (json_object_has_member (props, "Tags")
                    && JSON_NODE_HOLDS_ARRAY (json_object_get_member (props, "Tags")))
                  {
                    JsonArray *tags = json_object_get_array_member (props, "Tags");
                    gboolean doc_tag = FALSE;
                    gboolean pattern_tag = FALSE;

                    for (guint t = 0; t < json_array_get_length (tags); t++)
                      {
                        JsonObject *tag = json_array_get_object_element (tags, t);
                        const char *key = json_object_get_string_member (tag, "Key");
                        const char *value = json_object_get_string_member (tag, "Value");

                        if (g_str_equal (key, "nines:document"))
                          doc_tag = g_str_equal (value, nines_document_get_uuid (doc));
                        if (g_str_equal (key, "nines:pattern"))
                          pattern_tag = g_str_equal (value, nines_dr_pattern_to_string (patterns[p]));
                      }
                    g_assert_true (doc_tag);
                    g_assert_true (pattern_tag);
                  }
              }
            if (n_databases > 0)
              g_assert_cmpuint (n_secrets, >, 0);
          }
      }
}

/* The VPC spans the design's AZs by AZ ID, public and private subnet in each. */
static void
test_subnets_by_az_id (void)
{
  g_autoptr(NinesDocument) doc = load_example ("storefront");
  g_autoptr(NinesDeployment) d = nines_deployment_new (doc, NINES_DR_PATTERN_WARM_STANDBY);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = nines_cfn_template_build (d, "us-east-1", &error);
  JsonObject *resources = json_object_get_object_member (json_node_get_object (node), "Resources");
  const char *azs[] = { "use1-az1", "use1-az2", "use1-az4" };

  for (guint i = 0; i < G_N_ELEMENTS (azs); i++)
    for (guint pub = 0; pub < 2; pub++)
      {
        g_autofree char *id = g_strdup_printf ("%sSubnet%u", pub ? "Public" : "Private", i + 1);
        JsonObject *subnet = json_object_get_object_member (resources, id);
        JsonObject *props = json_object_get_object_member (subnet, "Properties");

        g_assert_cmpstr (json_object_get_string_member (props, "AvailabilityZoneId"), ==, azs[i]);
      }
  /* 10.10.0.0/16 in /20 blocks: public 0-2, private 8-10 */
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_object_get_object_member (resources, "PrivateSubnet2"),
                                                    "Properties"), "CidrBlock"), ==, "10.10.144.0/20");
}

static void
test_unknown_region (void)
{
  g_autoptr(NinesDocument) doc = load_example ("storefront");
  g_autoptr(NinesDeployment) d = nines_deployment_new (doc, NINES_DR_PATTERN_WARM_STANDBY);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = nines_cfn_template_build (d, "ap-south-2", &error);

  g_assert_null (node);
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/cfn/golden", test_golden);
  g_test_add_func ("/nines/model/cfn/deterministic", test_deterministic);
  g_test_add_func ("/nines/model/cfn/no-secrets-parameters-tags", test_no_secrets_and_parameters);
  g_test_add_func ("/nines/model/cfn/subnets-by-az-id", test_subnets_by_az_id);
  g_test_add_func ("/nines/model/cfn/unknown-region", test_unknown_region);
  return g_test_run ();
}
