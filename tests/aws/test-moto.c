/* Integration tests against moto_server with signature checking on (run through
 * run-moto.py, which sets AWS_ENDPOINT_URL and the credentials of an IAM user it made). */
#include "config.h"

#include <string.h>
#include <nines-aws.h>

#define BUCKET_TEMPLATE \
  "{\"AWSTemplateFormatVersion\": \"2010-09-09\"," \
  " \"Description\": \"Nines integration test\"," \
  " \"Parameters\": {\"BucketName\": {\"Type\": \"String\", \"Description\": \"bucket\"}}," \
  " \"Resources\": {\"Assets\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\"BucketName\": {\"Ref\": \"BucketName\"}}}}," \
  " \"Outputs\": {\"AssetsBucket\": {\"Value\": {\"Ref\": \"Assets\"}}}}"

static NinesAwsClient *
new_client (const char *profile)
{
  g_autoptr(GError) error = NULL;
  NinesAwsClient *client = nines_aws_client_new_for_profile (profile, NULL, &error);

  g_assert_no_error (error);
  nines_aws_retry_set_base_delay (nines_aws_client_get_retry (client), 5);
  return client;
}

static void
test_whoami (void)
{
  g_autoptr(NinesAwsClient) client = new_client (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesAwsCallerIdentity) id = nines_aws_client_get_caller_identity (client, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (id->account, ==, "123456789012");
  g_assert_true (g_str_has_suffix (id->arn, ":user/nines-it"));
}

static void
identity_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  NinesAwsCallerIdentity **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = nines_aws_client_get_caller_identity_finish (NINES_AWS_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static void
test_whoami_async (void)
{
  g_autoptr(NinesAwsClient) client = new_client (NULL);
  NinesAwsCallerIdentity *id = NULL;

  nines_aws_client_get_caller_identity_async (client, NULL, identity_ready, &id);
  while (id == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (g_str_has_suffix (id->arn, ":user/nines-it"));
  nines_aws_caller_identity_free (id);
}

static gboolean
has_change (NinesAwsChangeSet *cs,
            const char        *action,
            const char        *logical_id,
            const char        *type)
{
  for (guint i = 0; i < cs->changes->len; i++)
    {
      NinesAwsResourceChange *c = g_ptr_array_index (cs->changes, i);
      if (g_strcmp0 (c->action, action) == 0 && g_strcmp0 (c->logical_id, logical_id) == 0
          && g_strcmp0 (c->resource_type, type) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_stack_lifecycle (void)
{
  g_autoptr(NinesAwsClient) client = new_client (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesAwsTemplateSummary) summary = NULL;
  g_autoptr(NinesAwsChangeSetRef) ref = NULL;
  g_autoptr(NinesAwsChangeSet) cs = NULL;
  g_autoptr(NinesAwsStack) stack = NULL;
  g_autoptr(GPtrArray) stacks = NULL, events = NULL, resources = NULL, newer = NULL;
  const char *params[] = { "BucketName", "nines-it-assets", NULL };
  NinesAwsChangeSetSpec spec = {
    .stack_name = "nines-it-stack",
    .change_set_name = "nines-create",
    .change_set_type = "CREATE",
    .template_body = BUCKET_TEMPLATE,
    .parameters = params,
    .description = "created by test-moto",
  };
  NinesAwsStackEvent *newest;

  summary = nines_aws_cfn_validate_template (client, BUCKET_TEMPLATE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (summary->description, ==, "Nines integration test");
  /* moto's ValidateTemplate reports no parameters (test-client.c reads AWS's format);
   * it does run cfn-lint, so a broken template is refused */
  {
    g_autoptr(NinesAwsTemplateSummary) broken = NULL;
    g_autofree char *code = NULL;

    broken = nines_aws_cfn_validate_template (client, "{\"Resources\": {\"X\": {\"Type\": \"AWS::S3::Nope\"}}}",
                                              NULL, NULL, &error);
    g_assert_null (broken);
    g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_SERVICE);
    code = nines_aws_error_dup_code (error);
    g_assert_cmpstr (code, ==, "ValidationError");
    g_clear_error (&error);
  }

  ref = nines_aws_cfn_create_change_set (client, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ref->change_set_id, "arn:aws:cloudformation:us-east-1:123456789012:changeSet/nines-create/"));
  cs = nines_aws_cfn_wait_change_set (client, "nines-it-stack", "nines-create", 100, 20000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs->status, ==, "CREATE_COMPLETE");
  g_assert_true (has_change (cs, "Add", "Assets", "AWS::S3::Bucket"));

  g_assert_true (nines_aws_cfn_execute_change_set (client, "nines-it-stack", "nines-create", NULL, &error));
  g_assert_no_error (error);
  stack = nines_aws_cfn_wait_stack (client, "nines-it-stack", 100, 20000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stack->status, ==, "CREATE_COMPLETE");
  /* moto 5.2 fills no Outputs for stacks made by change sets (a plain CreateStack gets
   * them); the parameters do come back */
  g_assert_cmpuint (stack->parameters->len, ==, 1);
  g_assert_cmpstr (((NinesAwsStackOutput *) g_ptr_array_index (stack->parameters, 0))->key, ==, "BucketName");
  g_assert_cmpstr (((NinesAwsStackOutput *) g_ptr_array_index (stack->parameters, 0))->value, ==, "nines-it-assets");

  stacks = nines_aws_cfn_describe_stacks (client, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stacks->len, >=, 1);

  events = nines_aws_cfn_describe_stack_events (client, "nines-it-stack", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >=, 2);
  newest = g_ptr_array_index (events, 0);
  g_assert_nonnull (newest->event_id);
  /* polling from the newest event returns nothing new */
  newer = nines_aws_cfn_describe_stack_events (client, "nines-it-stack", newest->event_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (newer->len, ==, 0);

  resources = nines_aws_cfn_list_stack_resources (client, "nines-it-stack", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resources->len, ==, 1);
  g_assert_cmpstr (((NinesAwsStackResource *) g_ptr_array_index (resources, 0))->resource_type, ==, "AWS::S3::Bucket");
  g_assert_cmpstr (((NinesAwsStackResource *) g_ptr_array_index (resources, 0))->physical_id, ==, "nines-it-assets");

  /* an update change set, looked at and thrown away */
  {
    const char *params2[] = { "BucketName", "nines-it-assets-2", NULL };
    NinesAwsChangeSetSpec update = spec;
    g_autoptr(NinesAwsChangeSetRef) ref2 = NULL;
    g_autoptr(NinesAwsChangeSet) cs2 = NULL;

    update.change_set_name = "nines-update";
    update.change_set_type = "UPDATE";
    update.parameters = params2;
    ref2 = nines_aws_cfn_create_change_set (client, &update, NULL, &error);
    g_assert_no_error (error);
    cs2 = nines_aws_cfn_wait_change_set (client, "nines-it-stack", "nines-update", 100, 20000, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (nines_aws_cfn_delete_change_set (client, "nines-it-stack", "nines-update", NULL, &error));
    g_assert_no_error (error);
  }

  g_assert_true (nines_aws_cfn_delete_stack (client, "nines-it-stack", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stack, nines_aws_stack_free);
  stack = nines_aws_cfn_wait_stack (client, "nines-it-stack", 100, 20000, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stack->status, ==, "DELETE_COMPLETE");
}

static void
test_large_template_through_s3 (void)
{
  g_autoptr(NinesAwsClient) client = new_client (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) big = g_string_new ("{\"AWSTemplateFormatVersion\": \"2010-09-09\", \"Metadata\": {\"Padding\": \"");
  g_autoptr(NinesAwsChangeSetRef) ref = NULL;
  g_autoptr(NinesAwsChangeSet) cs = NULL;
  NinesAwsChangeSetSpec spec = {
    .stack_name = "nines-it-big",
    .change_set_name = "nines-big",
    .change_set_type = "CREATE",
  };

  while (big->len < NINES_AWS_CFN_INLINE_TEMPLATE_LIMIT + 1000)
    g_string_append (big, "0123456789abcdef");
  g_string_append (big, "\"}, \"Resources\": {\"Big\": {\"Type\": \"AWS::S3::Bucket\"}}}");
  spec.template_body = big->str;

  /* without a bucket the template is refused before anything is sent */
  ref = nines_aws_cfn_create_change_set (client, &spec, NULL, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "51200"));
  g_clear_error (&error);

  g_assert_true (nines_aws_s3_create_bucket (client, "nines-templates-it", NULL, &error));
  g_assert_no_error (error);
  spec.template_bucket = "nines-templates-it";
  ref = nines_aws_cfn_create_change_set (client, &spec, NULL, &error);
  g_assert_no_error (error);
  cs = nines_aws_cfn_wait_change_set (client, "nines-it-big", "nines-big", 100, 20000, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_change (cs, "Add", "Big", "AWS::S3::Bucket"));
  g_assert_true (nines_aws_cfn_delete_change_set (client, "nines-it-big", "nines-big", NULL, &error));
  g_assert_no_error (error);
}

static void
test_tampered_signature (void)
{
  g_autoptr(NinesAwsClient) client = new_client (NULL);
  NinesAwsConfig *config = nines_aws_client_get_config (client);
  g_autoptr(NinesAwsCredentials) creds = nines_aws_credentials_new (nines_aws_config_getenv (config, "AWS_ACCESS_KEY_ID"),
                                                                    nines_aws_config_getenv (config, "AWS_SECRET_ACCESS_KEY"),
                                                                    NULL, 0, "test");
  g_autofree char *endpoint = nines_aws_client_dup_endpoint (client, "STS", NULL);
  g_autoptr(NinesAwsRequest) request = nines_aws_request_new ("POST", endpoint, "/");
  g_autoptr(NinesAwsResponse) good = NULL, bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) refused = NULL;
  const char *body = "Action=GetCallerIdentity&Version=2011-06-15";
  const char *tampered = "Action=GetCallerIdentity&Version=2011-06-16";
  g_autoptr(GBytes) good_body = g_bytes_new_static (body, strlen (body));
  g_autoptr(GBytes) bad_body = g_bytes_new_static (tampered, strlen (tampered));
  g_autofree char *code = NULL;

  nines_aws_request_add_header (request, "Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  nines_aws_request_set_body (request, good_body);
  g_assert_true (nines_aws_sigv4_sign (request, creds, "us-east-1", "sts", g_get_real_time () / G_USEC_PER_SEC,
                                       0, NULL, &error));
  good = nines_aws_transport_send (nines_aws_client_get_transport (client), request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nines_aws_response_get_status (good), ==, 200);

  /* the same signed request with its body changed after signing */
  nines_aws_request_set_body (request, bad_body);
  bad = nines_aws_transport_send (nines_aws_client_get_transport (client), request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (nines_aws_response_get_status (bad), ==, 403);
  refused = nines_aws_error_from_response (bad, "sts:GetCallerIdentity", "default", 1);
  g_assert_error (refused, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH);
  code = nines_aws_error_dup_code (refused);
  g_assert_cmpstr (code, ==, "SignatureDoesNotMatch");
  g_test_message ("tampered request: %s", refused->message);
}

static void
test_wrong_secret_and_unknown_key (void)
{
  g_autoptr(NinesAwsClient) client = new_client (NULL);
  NinesAwsConfig *config = nines_aws_client_get_config (client);
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesAwsCredentials) wrong = nines_aws_credentials_new (nines_aws_config_getenv (config, "AWS_ACCESS_KEY_ID"),
                                                                    "not-the-secret-not-the-secret-not-the-se", NULL, 0, "test");
  g_autoptr(NinesAwsCredentials) unknown = nines_aws_credentials_new ("AKIAUNKNOWNUNKNOWN00", "x", NULL, 0, "test");
  g_autofree char *endpoint = nines_aws_client_dup_endpoint (client, "STS", NULL);
  g_autofree char *code = NULL;
  NinesAwsCallerIdentity *id;
  NinesAwsInvocation inv = {
    .transport = nines_aws_client_get_transport (client),
    .retry = nines_aws_client_get_retry (client),
    .credentials = wrong,
    .region = "us-east-1",
    .profile = "default",
  };

  id = nines_aws_sts_get_caller_identity (&inv, endpoint, NULL, &error);
  g_assert_null (id);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH);
  code = nines_aws_error_dup_code (error);
  g_assert_cmpstr (code, ==, "SignatureDoesNotMatch");
  g_assert_nonnull (strstr (error->message, "secret access key"));
  g_assert_null (strstr (error->message, "not-the-secret"));
  g_clear_error (&error);
  g_clear_pointer (&code, g_free);

  inv.credentials = unknown;
  id = nines_aws_sts_get_caller_identity (&inv, endpoint, NULL, &error);
  g_assert_null (id);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH);
  code = nines_aws_error_dup_code (error);
  g_assert_cmpstr (code, ==, "InvalidClientTokenId");
}

static void
test_access_denied (void)
{
  g_autoptr(NinesAwsClient) client = new_client ("limited");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stacks = NULL;
  g_autofree char *code = NULL;

  stacks = nines_aws_cfn_describe_stacks (client, NULL, NULL, &error);
  g_assert_null (stacks);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH);
  code = nines_aws_error_dup_code (error);
  g_assert_cmpstr (code, ==, "AccessDenied");
  g_assert_nonnull (strstr (error->message, "the profile “limited” may not call cloudformation:DescribeStacks"));
  g_test_message ("%s", error->message);
}

static void
test_missing_stack (void)
{
  g_autoptr(NinesAwsClient) client = new_client (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stacks = nines_aws_cfn_describe_stacks (client, "no-such-stack", NULL, &error);
  g_autofree char *code = NULL;

  g_assert_null (stacks);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_SERVICE);
  code = nines_aws_error_dup_code (error);
  g_assert_cmpstr (code, ==, "ValidationError");
  g_assert_nonnull (strstr (error->message, "no-such-stack"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("AWS_ENDPOINT_URL") == NULL)
    {
      g_test_add_data_func ("/nines/aws/moto", "AWS_ENDPOINT_URL is not set: run through run-moto.py",
                            (GTestDataFunc) g_test_skip);
      return g_test_run ();
    }
  g_test_add_func ("/nines/aws/moto/whoami", test_whoami);
  g_test_add_func ("/nines/aws/moto/whoami-async", test_whoami_async);
  g_test_add_func ("/nines/aws/moto/stack-lifecycle", test_stack_lifecycle);
  g_test_add_func ("/nines/aws/moto/large-template-through-s3", test_large_template_through_s3);
  g_test_add_func ("/nines/aws/moto/tampered-signature", test_tampered_signature);
  g_test_add_func ("/nines/aws/moto/wrong-secret-unknown-key", test_wrong_secret_and_unknown_key);
  g_test_add_func ("/nines/aws/moto/access-denied", test_access_denied);
  g_test_add_func ("/nines/aws/moto/missing-stack", test_missing_stack);
  return g_test_run ();
}
