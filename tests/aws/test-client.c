/* Service calls over a scripted transport: the requests they build (Query parameters,
 * JSON 1.1 bodies, headers) and the typed results they read from AWS's response formats,
 * pagination included. */
#include "config.h"

#include <string.h>
#include <nines-aws.h>

#include "nines-aws-test-utils.h"

static NinesAwsClient *
new_client_env (NinesTestTransport *t,
                const char         *region,
                const char         *max_attempts)
{
  g_auto(GStrv) env = NULL;
  g_autoptr(NinesAwsConfig) config = NULL;
  g_autoptr(GError) error = NULL;
  NinesAwsClient *client;

  env = g_environ_setenv (env, "HOME", "/nonexistent", TRUE);
  env = g_environ_setenv (env, "AWS_CONFIG_FILE", "/dev/null", TRUE);
  env = g_environ_setenv (env, "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", TRUE);
  env = g_environ_setenv (env, "AWS_ACCESS_KEY_ID", "AKIDCLIENT", TRUE);
  env = g_environ_setenv (env, "AWS_SECRET_ACCESS_KEY", "clientSECRET", TRUE);
  if (max_attempts != NULL)
    env = g_environ_setenv (env, "AWS_MAX_ATTEMPTS", max_attempts, TRUE);
  config = nines_aws_config_new ((const char * const *) env, NULL, &error);
  g_assert_no_error (error);
  client = nines_aws_client_new (config, NINES_AWS_TRANSPORT (t), region);
  nines_aws_retry_set_base_delay (nines_aws_client_get_retry (client), 1);
  return client;
}

static NinesAwsClient *
new_client (NinesTestTransport *t,
            const char         *region)
{
  return new_client_env (t, region, NULL);
}

static void
test_max_attempts (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client_env (t, "us-east-1", "5");
  g_autoptr(NinesAwsClient) bad = new_client_env (t, "us-east-1", "lots");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stacks = NULL;

  g_assert_cmpuint (nines_aws_retry_get_max_attempts (nines_aws_client_get_retry (client)), ==, 5);
  g_assert_cmpuint (nines_aws_retry_get_max_attempts (nines_aws_client_get_retry (bad)), ==, 3);
  for (guint i = 0; i < 5; i++)
    nines_test_transport_push (t, 500, "", NULL);
  stacks = nines_aws_cfn_describe_stacks (client, NULL, NULL, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_HTTP_STATUS);
  g_assert_cmpuint (nines_test_transport_get_n_requests (t), ==, 5);
}

static void
test_no_region (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stacks = nines_aws_cfn_describe_stacks (client, NULL, NULL, &error);

  g_assert_null (stacks);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "AWS_REGION"));
  g_assert_cmpuint (nines_test_transport_get_n_requests (t), ==, 0);
}

static void
test_validate_template (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "eu-west-1");
  g_autoptr(NinesAwsTemplateSummary) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  NinesAwsTemplateParameter *p;
  NinesAwsRequest *req;

  /* the shape of the API reference's ValidateTemplate example */
  nines_test_transport_push (t, 200,
    "<ValidateTemplateResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\">"
    "<ValidateTemplateResult><Description>Nines &amp; friends</Description>"
    "<Parameters><member><NoEcho>false</NoEcho><ParameterKey>InstanceType</ParameterKey>"
    "<DefaultValue>m6i.large</DefaultValue><Description>EC2 type</Description></member>"
    "<member><NoEcho>true</NoEcho><ParameterKey>DbPassword</ParameterKey></member></Parameters>"
    "<Capabilities><member>CAPABILITY_IAM</member></Capabilities>"
    "<CapabilitiesReason>The following resource(s) require capabilities: [AWS::IAM::Role]</CapabilitiesReason>"
    "</ValidateTemplateResult><ResponseMetadata><RequestId>0be7b6e8</RequestId></ResponseMetadata>"
    "</ValidateTemplateResponse>", "0be7b6e8");
  s = nines_aws_cfn_validate_template (client, "{\"Resources\": {}}", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (s->description, ==, "Nines & friends");
  g_assert_cmpuint (s->parameters->len, ==, 2);
  p = g_ptr_array_index (s->parameters, 0);
  g_assert_cmpstr (p->key, ==, "InstanceType");
  g_assert_cmpstr (p->default_value, ==, "m6i.large");
  g_assert_false (p->no_echo);
  g_assert_true (((NinesAwsTemplateParameter *) g_ptr_array_index (s->parameters, 1))->no_echo);
  g_assert_cmpstr (s->capabilities[0], ==, "CAPABILITY_IAM");
  g_assert_null (s->capabilities[1]);

  req = nines_test_transport_get_request (t, 0);
  g_assert_cmpstr (nines_aws_request_get_endpoint (req), ==, "https://cloudformation.eu-west-1.amazonaws.com");
  g_assert_cmpstr (nines_aws_request_get_method (req), ==, "POST");
  g_assert_nonnull (strstr (nines_aws_request_get_header (req, "Authorization"), "/eu-west-1/cloudformation/aws4_request"));
  body = nines_test_transport_dup_body (t, 0);
  g_assert_cmpstr (body, ==, "Action=ValidateTemplate&Version=2010-05-15&TemplateBody=%7B%22Resources%22%3A+%7B%7D%7D");
}

static void
test_create_change_set_params (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "us-east-1");
  g_autoptr(NinesAwsChangeSetRef) ref = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  const char *params[] = { "Env", "prod", "Size", "2", NULL };
  const char *caps[] = { "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", NULL };
  const char *tags[] = { "nines:design", "storefront", NULL };
  NinesAwsChangeSetSpec spec = {
    .stack_name = "sf", .change_set_name = "cs1", .change_set_type = "UPDATE",
    .template_body = "{}", .parameters = params, .capabilities = caps, .tags = tags,
  };

  nines_test_transport_push (t, 200,
    "<CreateChangeSetResponse><CreateChangeSetResult>"
    "<Id>arn:aws:cloudformation:us-east-1:123456789012:changeSet/cs1/1a2b</Id>"
    "<StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/sf/9z</StackId>"
    "</CreateChangeSetResult></CreateChangeSetResponse>", NULL);
  ref = nines_aws_cfn_create_change_set (client, &spec, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ref->change_set_id, ==, "arn:aws:cloudformation:us-east-1:123456789012:changeSet/cs1/1a2b");
  g_assert_cmpstr (ref->stack_id, ==, "arn:aws:cloudformation:us-east-1:123456789012:stack/sf/9z");
  body = nines_test_transport_dup_body (t, 0);
  g_assert_cmpstr (body, ==, "Action=CreateChangeSet&Version=2010-05-15&StackName=sf&ChangeSetName=cs1"
                   "&ChangeSetType=UPDATE&TemplateBody=%7B%7D"
                   "&Parameters.member.1.ParameterKey=Env&Parameters.member.1.ParameterValue=prod"
                   "&Parameters.member.2.ParameterKey=Size&Parameters.member.2.ParameterValue=2"
                   "&Capabilities.member.1=CAPABILITY_IAM&Capabilities.member.2=CAPABILITY_NAMED_IAM"
                   "&Tags.member.1.Key=nines%3Adesign&Tags.member.1.Value=storefront");
}

static void
test_large_template_upload (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "eu-west-1");
  g_autoptr(NinesAwsChangeSetRef) ref = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (NINES_AWS_CFN_INLINE_TEMPLATE_LIMIT + 1, ' ');
  g_autofree char *hash = nines_aws_sha256_hex (big, strlen (big));
  g_autofree char *body = NULL, *expected_path = NULL, *expected_url = NULL;
  NinesAwsRequest *put;
  NinesAwsChangeSetSpec spec = {
    .stack_name = "big", .change_set_name = "c", .template_body = big, .template_bucket = "my-templates",
  };

  nines_test_transport_push (t, 200, "", NULL);
  nines_test_transport_push (t, 200, "<CreateChangeSetResponse><CreateChangeSetResult><Id>arn:x</Id>"
                             "</CreateChangeSetResult></CreateChangeSetResponse>", NULL);
  ref = nines_aws_cfn_create_change_set (client, &spec, NULL, &error);
  g_assert_no_error (error);
  put = nines_test_transport_get_request (t, 0);
  g_assert_cmpstr (nines_aws_request_get_method (put), ==, "PUT");
  g_assert_cmpstr (nines_aws_request_get_endpoint (put), ==, "https://my-templates.s3.eu-west-1.amazonaws.com");
  expected_path = g_strdup_printf ("/nines-templates/big/%s.json", hash);
  g_assert_cmpstr (nines_aws_request_get_path (put), ==, expected_path);
  /* S3 wants the payload hash as a signed header */
  g_assert_cmpstr (nines_aws_request_get_header (put, "x-amz-content-sha256"), ==, hash);
  g_assert_nonnull (strstr (nines_aws_request_get_header (put, "Authorization"), "x-amz-content-sha256"));
  body = nines_test_transport_dup_body (t, 1);
  expected_url = g_strdup_printf ("TemplateURL=https%%3A%%2F%%2Fmy-templates.s3.eu-west-1.amazonaws.com"
                                  "%%2Fnines-templates%%2Fbig%%2F%s.json", hash);
  g_assert_nonnull (strstr (body, expected_url));
  g_assert_null (strstr (body, "TemplateBody"));
}

static void
test_describe_stacks_pages (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "us-east-1");
  g_autoptr(GPtrArray) stacks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  NinesAwsStack *s;

  nines_test_transport_push (t, 200,
    "<DescribeStacksResponse><DescribeStacksResult><Stacks><member>"
    "<StackId>arn:aws:cloudformation:us-east-1:1:stack/a/1</StackId><StackName>a</StackName>"
    "<StackStatus>UPDATE_ROLLBACK_COMPLETE</StackStatus><StackStatusReason>Resource creation cancelled</StackStatusReason>"
    "<CreationTime>2026-11-20T10:00:00.123Z</CreationTime>"
    "<Outputs><member><OutputKey>Url</OutputKey><OutputValue>https://a.example</OutputValue>"
    "<Description>front door</Description><ExportName>a-url</ExportName></member></Outputs>"
    "<Parameters><member><ParameterKey>Env</ParameterKey><ParameterValue>prod</ParameterValue></member></Parameters>"
    "</member></Stacks><NextToken>page2</NextToken></DescribeStacksResult></DescribeStacksResponse>", NULL);
  nines_test_transport_push (t, 200,
    "<DescribeStacksResponse><DescribeStacksResult><Stacks><member><StackName>b</StackName>"
    "<StackStatus>CREATE_IN_PROGRESS</StackStatus></member></Stacks></DescribeStacksResult></DescribeStacksResponse>", NULL);
  stacks = nines_aws_cfn_describe_stacks (client, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stacks->len, ==, 2);
  s = g_ptr_array_index (stacks, 0);
  g_assert_cmpstr (s->status_reason, ==, "Resource creation cancelled");
  g_assert_cmpint (s->creation_time, ==, 1795168800);   /* 2026-11-20T10:00:00Z */
  g_assert_cmpstr (nines_aws_stack_get_output (s, "Url"), ==, "https://a.example");
  g_assert_cmpstr (((NinesAwsStackOutput *) g_ptr_array_index (s->outputs, 0))->export_name, ==, "a-url");
  g_assert_true (nines_aws_stack_status_is_final (s->status));
  g_assert_false (nines_aws_stack_status_is_final (((NinesAwsStack *) g_ptr_array_index (stacks, 1))->status));
  second = nines_test_transport_dup_body (t, 1);
  g_assert_cmpstr (second, ==, "Action=DescribeStacks&Version=2010-05-15&NextToken=page2");
}

static void
test_events_stop_at (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "us-east-1");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  NinesAwsStackEvent *e;

#define EVENT(id, status) "<member><EventId>" id "</EventId><StackName>s</StackName><LogicalResourceId>Db</LogicalResourceId>" \
  "<ResourceType>AWS::RDS::DBInstance</ResourceType><ResourceStatus>" status "</ResourceStatus>" \
  "<Timestamp>2026-11-26T10:00:00Z</Timestamp></member>"
  nines_test_transport_push (t, 200, "<DescribeStackEventsResponse><DescribeStackEventsResult><StackEvents>"
                             EVENT ("e5", "CREATE_FAILED") EVENT ("e4", "CREATE_IN_PROGRESS")
                             "</StackEvents><NextToken>t2</NextToken></DescribeStackEventsResult></DescribeStackEventsResponse>", NULL);
  nines_test_transport_push (t, 200, "<DescribeStackEventsResponse><DescribeStackEventsResult><StackEvents>"
                             EVENT ("e3", "x") EVENT ("e2", "y")
                             "</StackEvents><NextToken>t3</NextToken></DescribeStackEventsResult></DescribeStackEventsResponse>", NULL);
  /* stops on e3: the third page is never asked for */
  events = nines_aws_cfn_describe_stack_events (client, "s", "e3", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  e = g_ptr_array_index (events, 0);
  g_assert_cmpstr (e->status, ==, "CREATE_FAILED");
  g_assert_cmpstr (e->resource_type, ==, "AWS::RDS::DBInstance");
  g_assert_cmpuint (nines_test_transport_get_n_requests (t), ==, 2);
}

static void
test_change_set_pages_and_resources (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "us-east-1");
  g_autoptr(NinesAwsChangeSet) cs = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  g_autoptr(GError) error = NULL;
  NinesAwsResourceChange *c;

#define CHANGE(action, id, type, repl) "<member><Type>Resource</Type><ResourceChange><Action>" action "</Action>" \
  "<LogicalResourceId>" id "</LogicalResourceId><ResourceType>" type "</ResourceType>" repl "</ResourceChange></member>"
  nines_test_transport_push (t, 200, "<DescribeChangeSetResponse><DescribeChangeSetResult>"
                             "<ChangeSetName>c</ChangeSetName><Status>CREATE_COMPLETE</Status><ExecutionStatus>AVAILABLE</ExecutionStatus>"
                             "<Changes>" CHANGE ("Add", "Web", "AWS::AutoScaling::AutoScalingGroup", "")
                             "</Changes><NextToken>n</NextToken></DescribeChangeSetResult></DescribeChangeSetResponse>", NULL);
  nines_test_transport_push (t, 200, "<DescribeChangeSetResponse><DescribeChangeSetResult>"
                             "<ChangeSetName>c</ChangeSetName><Status>CREATE_COMPLETE</Status>"
                             "<Changes>" CHANGE ("Modify", "Db", "AWS::RDS::DBInstance", "<Replacement>True</Replacement>")
                             "</Changes></DescribeChangeSetResult></DescribeChangeSetResponse>", NULL);
  cs = nines_aws_cfn_describe_change_set (client, "s", "c", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cs->execution_status, ==, "AVAILABLE");
  g_assert_cmpuint (cs->changes->len, ==, 2);
  c = g_ptr_array_index (cs->changes, 1);
  g_assert_cmpstr (c->action, ==, "Modify");
  g_assert_cmpstr (c->replacement, ==, "True");

  nines_test_transport_push (t, 200, "<ListStackResourcesResponse><ListStackResourcesResult><StackResourceSummaries>"
                             "<member><LogicalResourceId>Db</LogicalResourceId><PhysicalResourceId>db-1</PhysicalResourceId>"
                             "<ResourceType>AWS::RDS::DBInstance</ResourceType><ResourceStatus>CREATE_COMPLETE</ResourceStatus>"
                             "<LastUpdatedTimestamp>2026-11-26T10:00:00Z</LastUpdatedTimestamp></member>"
                             "</StackResourceSummaries><NextToken>same</NextToken></ListStackResourcesResult></ListStackResourcesResponse>", NULL);
  nines_test_transport_push (t, 200, "<ListStackResourcesResponse><ListStackResourcesResult><StackResourceSummaries/>"
                             "<NextToken>same</NextToken></ListStackResourcesResult></ListStackResourcesResponse>", NULL);
  /* a NextToken that repeats is an error, not an endless loop */
  resources = nines_aws_cfn_list_stack_resources (client, "s", NULL, &error);
  g_assert_null (resources);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE);
}

static void
test_execute_by_arn (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "us-east-1");
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;

  nines_test_transport_push (t, 200, "<ExecuteChangeSetResponse><ExecuteChangeSetResult/></ExecuteChangeSetResponse>", NULL);
  g_assert_true (nines_aws_cfn_execute_change_set (client, NULL, "arn:aws:cloudformation:us-east-1:1:changeSet/c/1", NULL, &error));
  g_assert_no_error (error);
  body = nines_test_transport_dup_body (t, 0);
  g_assert_cmpstr (body, ==, "Action=ExecuteChangeSet&Version=2010-05-15"
                   "&ChangeSetName=arn%3Aaws%3Acloudformation%3Aus-east-1%3A1%3AchangeSet%2Fc%2F1");
  /* by name, the stack is needed */
  g_assert_false (nines_aws_cfn_execute_change_set (client, NULL, "c", NULL, &error));
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
}

static void
test_wait_change_set_failed (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "us-east-1");
  g_autoptr(NinesAwsChangeSet) cs = NULL;
  g_autoptr(GError) error = NULL;

  nines_test_transport_push (t, 200, "<R><DescribeChangeSetResult><Status>CREATE_PENDING</Status></DescribeChangeSetResult></R>", NULL);
  nines_test_transport_push (t, 200, "<R><DescribeChangeSetResult><Status>FAILED</Status><StatusReason>The submitted "
                             "information didn't contain changes.</StatusReason></DescribeChangeSetResult></R>", NULL);
  cs = nines_aws_cfn_wait_change_set (client, "s", "c", 1, 5000, NULL, &error);
  g_assert_null (cs);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_SERVICE);
  g_assert_nonnull (strstr (error->message, "didn't contain changes"));
}

#define PRODUCT(sku, type) \
  "{\\\"product\\\":{\\\"productFamily\\\":\\\"Compute Instance\\\",\\\"attributes\\\":{\\\"instanceType\\\":\\\"" type "\\\"}," \
  "\\\"sku\\\":\\\"" sku "\\\"},\\\"serviceCode\\\":\\\"AmazonEC2\\\",\\\"terms\\\":{},\\\"publicationDate\\\":\\\"2026-11-20T00:00:00Z\\\"}"

static void
test_get_products_pages (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "eu-west-1");
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL;
  const char *filters[] = { "location", "EU (Ireland)", "instanceType", "m6i.large", NULL };
  NinesAwsRequest *req;

  nines_test_transport_push (t, 200, "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[\"" PRODUCT ("SKU1", "m6i.large")
                             "\",\"" PRODUCT ("SKU2", "m6i.large") "\"],\"NextToken\":\"tok/2\"}", NULL);
  nines_test_transport_push (t, 200, "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[\"" PRODUCT ("SKU3", "m6i.large") "\"]}", NULL);
  products = nines_aws_pricing_get_products (client, "AmazonEC2", filters, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (products->len, ==, 3);
  g_assert_nonnull (strstr (g_ptr_array_index (products, 2), "\"sku\":\"SKU3\""));

  /* eu-west-1 has no Price List endpoint: the call goes to us-east-1 */
  req = nines_test_transport_get_request (t, 0);
  g_assert_cmpstr (nines_aws_request_get_endpoint (req), ==, "https://api.pricing.us-east-1.amazonaws.com");
  g_assert_cmpstr (nines_aws_request_get_header (req, "X-Amz-Target"), ==, "AWSPriceListService.GetProducts");
  g_assert_cmpstr (nines_aws_request_get_header (req, "Content-Type"), ==, "application/x-amz-json-1.1");
  g_assert_nonnull (strstr (nines_aws_request_get_header (req, "Authorization"), "/us-east-1/pricing/aws4_request"));
  first = nines_test_transport_dup_body (t, 0);
  g_assert_cmpstr (first, ==, "{\"ServiceCode\":\"AmazonEC2\",\"FormatVersion\":\"aws_v1\",\"MaxResults\":100,"
                   "\"Filters\":[{\"Type\":\"TERM_MATCH\",\"Field\":\"location\",\"Value\":\"EU (Ireland)\"},"
                   "{\"Type\":\"TERM_MATCH\",\"Field\":\"instanceType\",\"Value\":\"m6i.large\"}]}");
  second = nines_test_transport_dup_body (t, 1);
  g_assert_nonnull (strstr (second, "\"NextToken\":\"tok/2\""));
  g_clear_pointer (&products, g_ptr_array_unref);

  /* a JSON 1.1 error */
  nines_test_transport_push (t, 400, "{\"__type\":\"com.amazonaws.awspricing#InvalidParameterException\","
                             "\"Message\":\"Invalid ServiceCode\"}", "pr-1");
  products = nines_aws_pricing_get_products (client, "Nope", NULL, 0, NULL, NULL, NULL, &error);
  g_assert_null (products);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_SERVICE);
  g_assert_cmpstr (error->message, ==, "InvalidParameterException: Invalid ServiceCode (request id pr-1)");
  g_clear_error (&error);

  /* a page cut short */
  nines_test_transport_push (t, 200, "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[\"{", NULL);
  products = nines_aws_pricing_get_products (client, "AmazonEC2", NULL, 0, NULL, NULL, NULL, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "cut off"));
}

typedef struct
{
  GThread *main_thread;
  guint progress_calls;
  guint last_products;
  GPtrArray *products;
} PricingAsync;

static void
pricing_progress (guint    pages,
                  guint    products,
                  gpointer user_data)
{
  PricingAsync *p = user_data;

  /* reported on the caller's thread, not the worker's */
  g_assert_true (g_thread_self () == p->main_thread);
  p->progress_calls++;
  p->last_products = products;
}

static void
pricing_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PricingAsync *p = user_data;
  g_autoptr(GError) error = NULL;

  p->products = nines_aws_pricing_get_products_finish (NINES_AWS_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static void
test_get_products_async_progress (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "us-east-1");
  PricingAsync p = { g_thread_self (), 0, 0, NULL };

  nines_test_transport_push (t, 200, "{\"PriceList\":[\"{}\",\"{}\"],\"NextToken\":\"2\"}", NULL);
  nines_test_transport_push (t, 200, "{\"PriceList\":[\"{}\"]}", NULL);
  nines_aws_pricing_get_products_async (client, "AWSELB", NULL, 0, pricing_progress, &p, NULL, pricing_ready, &p);
  while (p.products == NULL || p.progress_calls < 2)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (p.products->len, ==, 3);
  g_assert_cmpuint (p.progress_calls, ==, 2);
  g_assert_cmpuint (p.last_products, ==, 3);
  g_ptr_array_unref (p.products);
}

static void
describe_ready (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GPtrArray **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = nines_aws_cfn_describe_stacks_finish (NINES_AWS_CLIENT (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async_in_thread (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "us-east-1");
  GPtrArray *stacks = NULL;

  nines_test_transport_push (t, 200, "<R><DescribeStacksResult><Stacks><member><StackName>z</StackName>"
                             "</member></Stacks></DescribeStacksResult></R>", NULL);
  nines_aws_cfn_describe_stacks_async (client, "z", NULL, describe_ready, &stacks);
  while (stacks == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (stacks->len, ==, 1);
  g_ptr_array_unref (stacks);
}

static void
test_error_codes (void)
{
  g_autoptr(NinesAwsResponse) r = nines_aws_response_new (403);
  g_autofree char *code = NULL, *message = NULL, *rid = NULL;

  /* S3's REST-XML error */
  const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code>"
                    "<Message>Access Denied</Message><RequestId>S3RID</RequestId></Error>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, strlen (xml));

  nines_aws_response_set_body (r, bytes);
  g_assert_true (nines_aws_parse_error_body (r, &code, &message, &rid));
  g_assert_cmpstr (code, ==, "AccessDenied");
  g_assert_cmpstr (message, ==, "Access Denied");
  g_assert_cmpstr (rid, ==, "S3RID");
}

/* Some services answer a bad signature with the canonical request they expected, signed
 * headers and all: x-amz-security-token carries the session token, a secret that must not
 * reach the message shown to the user. */
static void
test_signature_error_redacted (void)
{
  g_autoptr(NinesAwsResponse) r = nines_aws_response_new (403);
  g_autoptr(GError) error = NULL;
  const char *json =
    "{\"__type\":\"InvalidSignatureException\",\"message\":\"The request signature we calculated does not "
    "match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the "
    "service documentation for details.\\n\\nThe Canonical String for this request should have been\\n'POST\\n/\\n\\n"
    "host:cloudformation.us-east-1.amazonaws.com\\nx-amz-date:20261126T120000Z\\n"
    "x-amz-security-token:SESSIONtokenSESSIONtoken\\n\\nhost;x-amz-date;x-amz-security-token\\n"
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\\n\\nThe String-to-Sign should have "
    "been\\n'AWS4-HMAC-SHA256\\n20261126T120000Z\\n20261126/us-east-1/cloudformation/aws4_request\\n"
    "35fe4abf9ff06a5f2e5f0d561278f8eccadabc94467790235da765a3082afa3b'\\n\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));

  nines_aws_response_set_body (r, bytes);
  error = nines_aws_error_from_response (r, "cloudformation:DescribeStacks", "default", 1);
  g_test_message ("%s", error->message);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH);
  g_assert_null (strstr (error->message, "SESSIONtoken"));
  g_assert_null (strstr (error->message, "Canonical String"));
  g_assert_nonnull (strstr (error->message, "does not match the signature you provided"));
}

/* JSON from a server (or whatever answers in its place) with members of unexpected types:
 * read what is usable, never a json-glib critical. */
static void
test_json_wrong_types (void)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsClient) client = new_client (t, "us-east-1");
  g_autoptr(NinesAwsResponse) r = nines_aws_response_new (400);
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL, *message = NULL, *rid = NULL;
  const char *json = "{\"__type\": {\"a\": 1}, \"code\": \"Throttling\", \"message\": [1], \"Message\": \"slow down\"}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));

  nines_aws_response_set_body (r, bytes);
  nines_aws_parse_error_body (r, &code, &message, &rid);
  g_assert_cmpstr (code, ==, "Throttling");
  g_assert_cmpstr (message, ==, "slow down");

  /* a NextToken that is not a string ends nowhere sensible: the page is refused */
  nines_test_transport_push (t, 200, "{\"FormatVersion\":\"aws_v1\",\"PriceList\":[],\"NextToken\":{}}", NULL);
  products = nines_aws_pricing_get_products (client, "AmazonEC2", NULL, 0, NULL, NULL, NULL, &error);
  g_assert_null (products);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "NextToken"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/aws/client/no-region", test_no_region);
  g_test_add_func ("/nines/aws/client/max-attempts", test_max_attempts);
  g_test_add_func ("/nines/aws/client/cfn/validate-template", test_validate_template);
  g_test_add_func ("/nines/aws/client/cfn/create-change-set-params", test_create_change_set_params);
  g_test_add_func ("/nines/aws/client/cfn/large-template-upload", test_large_template_upload);
  g_test_add_func ("/nines/aws/client/cfn/describe-stacks-pages", test_describe_stacks_pages);
  g_test_add_func ("/nines/aws/client/cfn/events-stop-at", test_events_stop_at);
  g_test_add_func ("/nines/aws/client/cfn/change-set-pages", test_change_set_pages_and_resources);
  g_test_add_func ("/nines/aws/client/cfn/wait-change-set-failed", test_wait_change_set_failed);
  g_test_add_func ("/nines/aws/client/cfn/execute-by-arn", test_execute_by_arn);
  g_test_add_func ("/nines/aws/client/pricing/get-products", test_get_products_pages);
  g_test_add_func ("/nines/aws/client/async", test_async_in_thread);
  g_test_add_func ("/nines/aws/client/pricing/async-progress", test_get_products_async_progress);
  g_test_add_func ("/nines/aws/client/error-codes", test_error_codes);
  g_test_add_func ("/nines/aws/client/json-wrong-types", test_json_wrong_types);
  g_test_add_func ("/nines/aws/client/signature-error-redacted", test_signature_error_redacted);
  return g_test_run ();
}
