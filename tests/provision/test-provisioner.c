/* test-provisioner.c: the parts of provisioning that need no AWS — the IAM policy for
 * every example and pattern, denied actions explained, stack names, remembered
 * parameters. (The AWS side is test-provision.py on moto.) */
#include "config.h"

#include <string.h>
#include <nines-aws.h>

#include "../model/nines-test-examples.h"

static const NinesDrPattern patterns[] = {
  NINES_DR_PATTERN_BACKUP_RESTORE, NINES_DR_PATTERN_PILOT_LIGHT,
  NINES_DR_PATTERN_WARM_STANDBY, NINES_DR_PATTERN_MULTI_SITE,
};

static gboolean
array_has (JsonArray  *array,
           const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* Every resource type of every template has actions in the policy, limited to calls
 * made through CloudFormation; CloudFormation itself only on the document's stacks. */
static void
test_policy (void)
{
  for (guint e = 0; e < nines_test_n_examples (); e++)
    for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
      {
        g_autoptr(NinesDocument) doc = nines_test_load_example (e);
        g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, patterns[p]);
        g_autoptr(GError) error = NULL;
        g_autofree char *text = nines_aws_provisioner_dup_policy (dep, &error);
        g_autoptr(JsonNode) root = NULL;
        g_auto(GStrv) regions = nines_cfn_template_list_regions (dep);
        JsonArray *statements;
        JsonObject *stacks, *resources;
        g_autofree char *name = nines_cfn_template_stack_name (dep, regions[0]);
        g_autofree char *prefix = g_strndup (name, strlen (name) - strlen (regions[0]));
        g_autofree char *arn = g_strdup_printf ("arn:aws:cloudformation:*:*:stack/%s*/*", prefix);

        g_assert_no_error (error);
        root = json_from_string (text, &error);
        g_assert_no_error (error);
        g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "Version"), ==, "2012-10-17");
        statements = json_object_get_array_member (json_node_get_object (root), "Statement");
        /* A fourth statement, the template bucket, exactly when a template is over
         * CloudFormation's inline limit. */
        {
          gboolean large = FALSE;

          for (guint r = 0; regions[r] != NULL; r++)
            {
              g_autoptr(JsonNode) tmpl = nines_cfn_template_build (dep, regions[r], &error);
              g_autofree char *tmpl_text = nines_cfn_template_to_string (tmpl);

              g_assert_no_error (error);
              large |= strlen (tmpl_text) > NINES_AWS_CFN_INLINE_TEMPLATE_LIMIT;
            }
          g_assert_cmpuint (json_array_get_length (statements), ==, large ? 4 : 3);
          if (large)
            g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (statements, 3), "Sid"),
                             ==, "NinesTemplateBucket");
        }
        stacks = json_array_get_object_element (statements, 0);
        g_assert_true (array_has (json_object_get_array_member (stacks, "Action"), "cloudformation:ExecuteChangeSet"));
        g_assert_true (array_has (json_object_get_array_member (stacks, "Action"), "cloudformation:CancelUpdateStack"));
        g_assert_true (array_has (json_object_get_array_member (stacks, "Resource"), arn));
        resources = json_array_get_object_element (statements, 2);
        g_assert_true (json_object_has_member (resources, "Condition"));
        for (guint r = 0; regions[r] != NULL; r++)
          {
            g_autoptr(JsonNode) tmpl = nines_cfn_template_build (dep, regions[r], &error);
            JsonObject *res;
            g_autoptr(GList) keys = NULL;

            g_assert_no_error (error);
            res = json_object_get_object_member (json_node_get_object (tmpl), "Resources");
            keys = json_object_get_members (res);
            for (GList *l = keys; l != NULL; l = l->next)
              {
                const char *type = json_object_get_string_member (json_object_get_object_member (res, l->data), "Type");
                /* "AWS::EC2::VPC" -> an "ec2:" action at least */
                g_auto(GStrv) parts = g_strsplit (type, "::", 3);
                g_autofree char *service = g_ascii_strdown (parts[1], -1);
                gboolean found = FALSE;
                JsonArray *actions = json_object_get_array_member (resources, "Action");

                for (guint a = 0; a < json_array_get_length (actions) && !found; a++)
                  {
                    const char *action = json_array_get_string_element (actions, a);

                    found = g_str_has_prefix (action, service)
                            || (g_str_equal (service, "elasticloadbalancingv2") && g_str_has_prefix (action, "elasticloadbalancing:"))
                            || (g_str_equal (service, "efs") && g_str_has_prefix (action, "elasticfilesystem:"));
                  }
                if (!found)
                  g_test_message ("%s: no action for %s", name, type);
                g_assert_true (found);
              }
          }
      }
}

static void
test_explain_denied (void)
{
  g_autofree char *why = NULL;

  why = nines_aws_explain_denied ("AccessDenied: User: arn:aws:iam::123456789012:user/ci is not authorized to "
                                  "perform: cloudformation:CreateChangeSet on resource: "
                                  "arn:aws:cloudformation:us-east-1:123456789012:stack/nines-x-us-east-1/* "
                                  "because no identity-based policy allows the cloudformation:CreateChangeSet action");
  g_assert_nonnull (why);
  g_assert_nonnull (strstr (why, "cloudformation:CreateChangeSet"));
  g_assert_nonnull (strstr (why, "arn:aws:iam::123456789012:user/ci"));
  g_assert_nonnull (strstr (why, "\"Resource\": \"arn:aws:cloudformation:us-east-1:123456789012:stack/nines-x-us-east-1/*\""));
  g_assert_nonnull (strstr (why, "nines-cli provision policy"));
  g_clear_pointer (&why, g_free);

  /* moto's message has no resource: the statement asks for "*" */
  why = nines_aws_explain_denied ("User: arn:aws:iam::123456789012:user/nines-limited is not authorized to perform: "
                                  "sts:GetCallerIdentity");
  g_assert_nonnull (strstr (why, "\"Action\": \"sts:GetCallerIdentity\", \"Resource\": \"*\""));
  g_clear_pointer (&why, g_free);

  why = nines_aws_explain_denied ("UnauthorizedOperation: You are not authorized to perform this operation. "
                                  "Encoded authorization failure message: abc");
  g_assert_nonnull (strstr (why, "decode-authorization-message"));
  g_clear_pointer (&why, g_free);

  g_assert_null (nines_aws_explain_denied ("Throttling: Rate exceeded"));
  g_assert_null (nines_aws_explain_denied (NULL));
}

/* One stack per region, primary first, named after the document */
static void
test_regions_and_names (void)
{
  g_autoptr(NinesDocument) doc = nines_test_load_example_named ("storefront");
  g_autoptr(NinesAwsClient) client = NULL;
  g_autoptr(NinesAwsProvisioner) prov = NULL;
  g_autofree char *name = NULL;

  client = nines_aws_client_new_for_profile (NULL, "us-east-1", NULL);
  if (client == NULL)
    {
      g_test_skip ("no AWS configuration to make a client from");
      return;
    }
  prov = nines_aws_provisioner_new (client, doc, NINES_DR_PATTERN_WARM_STANDBY);
  g_assert_cmpstr (nines_aws_provisioner_get_regions (prov)[0], ==, "us-east-1");
  g_assert_cmpstr (nines_aws_provisioner_get_regions (prov)[1], ==, "ca-central-1");
  g_assert_null (nines_aws_provisioner_get_regions (prov)[2]);
  name = nines_aws_provisioner_dup_stack_name (prov, "ca-central-1");
  g_assert_cmpstr (name, ==, "nines-storefront-ca-central-1");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/provision/policy", test_policy);
  g_test_add_func ("/nines/provision/explain-denied", test_explain_denied);
  g_test_add_func ("/nines/provision/regions-and-names", test_regions_and_names);
  return g_test_run ();
}
