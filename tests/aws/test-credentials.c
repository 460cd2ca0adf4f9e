/* The credential chain and configuration, case by case, as the AWS CLI resolves them
 * (botocore's credential resolver order; precedence on
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-configure.html#configure-precedence) */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <nines-aws.h>

#include "nines-aws-test-utils.h"

#define SECRET_ENV   "envSECRETenvSECRETenvSECRET0000000000000"
#define SECRET_CRED  "credSECRETcredSECRETcredSECRET0000000000"
#define SECRET_CONF  "confSECRETconfSECRETconfSECRET0000000000"
#define SECRET_PROC  "procSECRETprocSECRETprocSECRET0000000000"
#define SECRET_ROLE  "roleSECRETroleSECRETroleSECRET0000000000"
#define TOKEN_ROLE   "roleTOKENroleTOKENroleTOKEN"

typedef struct
{
  char *dir;
  char **env;
  gint64 now;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("nines-aws-creds-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->env = g_environ_setenv (NULL, "HOME", f->dir, TRUE);
  f->env = g_environ_setenv (f->env, "PATH", g_getenv ("PATH"), TRUE);
  f->now = 1800000000;
  {
    g_autofree char *aws = g_build_filename (f->dir, ".aws", NULL);
    g_mkdir (aws, 0700);
  }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) d = NULL;
  const char *name;
  g_autofree char *aws = g_build_filename (f->dir, ".aws", NULL);

  for (guint pass = 0; pass < 2; pass++)
    {
      const char *dir = pass == 0 ? aws : f->dir;
      d = g_dir_open (dir, 0, NULL);
      while (d && (name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *p = g_build_filename (dir, name, NULL);
          g_remove (p);
        }
      g_clear_pointer (&d, g_dir_close);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_strfreev (f->env);
}

static void
setenv_f (Fixture    *f,
          const char *name,
          const char *value)
{
  f->env = g_environ_setenv (f->env, name, value, TRUE);
}

static void
write_aws (Fixture    *f,
           const char *name,
           const char *text)
{
  g_autofree char *aws = g_build_filename (f->dir, ".aws", NULL);
  g_autofree char *p = nines_test_write_file (aws, name, text);
}

static gint64
fixture_clock (gpointer data)
{
  return ((Fixture *) data)->now;
}

static NinesAwsCredentials *
resolve (Fixture            *f,
         const char         *profile,
         NinesTestTransport *transport,
         GError            **error)
{
  g_autoptr(NinesAwsConfig) config = nines_aws_config_new ((const char * const *) f->env, profile, error);
  g_autoptr(NinesAwsCredentialsProvider) provider = NULL;

  if (config == NULL)
    return NULL;
  provider = nines_aws_credentials_provider_new (config, NINES_AWS_TRANSPORT (transport), NULL);
  nines_aws_credentials_provider_set_clock (provider, fixture_clock, f);
  return nines_aws_credentials_provider_get (provider, NULL, error);
}

#define CREDENTIALS_FILE \
  "[default]\naws_access_key_id = AKIDCREDDEFAULT\naws_secret_access_key = " SECRET_CRED "\n" \
  "[dev]\naws_access_key_id=AKIDCREDDEV\naws_secret_access_key=" SECRET_CRED "\naws_session_token = tokdev\n" \
  "[profile odd]\naws_access_key_id=AKIDODD\naws_secret_access_key=" SECRET_CRED "\n"
#define CONFIG_FILE \
  "# comment\n[default]\nregion = eu-west-1\n" \
  "[profile dev]\nregion = eu-central-1\naws_access_key_id = AKIDCONFDEV\naws_secret_access_key = " SECRET_CONF "\n" \
  "[profile conf-only]\n; a comment\naws_access_key_id = AKIDCONFONLY\naws_secret_access_key = " SECRET_CONF "\n" \
  "[bare]\naws_access_key_id = AKIDBARE\naws_secret_access_key = " SECRET_CONF "\n"

static void
test_env_first (Fixture *f, gconstpointer data)
{
  g_autoptr(NinesAwsCredentials) c = NULL;

  write_aws (f, "credentials", CREDENTIALS_FILE);
  setenv_f (f, "AWS_ACCESS_KEY_ID", "AKIDENV");
  setenv_f (f, "AWS_SECRET_ACCESS_KEY", SECRET_ENV);
  setenv_f (f, "AWS_SESSION_TOKEN", "envtoken");
  c = resolve (f, NULL, NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "AKIDENV");
  g_assert_cmpstr (nines_aws_credentials_get_session_token (c), ==, "envtoken");
  g_clear_pointer (&c, nines_aws_credentials_unref);

  /* AWS_PROFILE does not beat keys in the environment (botocore keeps the env provider) */
  setenv_f (f, "AWS_PROFILE", "dev");
  c = resolve (f, NULL, NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "AKIDENV");
  g_clear_pointer (&c, nines_aws_credentials_unref);

  /* an explicit profile (--profile) does */
  c = resolve (f, "dev", NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "AKIDCREDDEV");
  g_assert_cmpstr (nines_aws_credentials_get_session_token (c), ==, "tokdev");
}

static void
test_env_partial (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesAwsCredentials) c = NULL;

  setenv_f (f, "AWS_ACCESS_KEY_ID", "AKIDENV");
  c = resolve (f, NULL, NULL, &error);
  g_assert_null (c);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "AWS_SECRET_ACCESS_KEY"));
}

static void
test_profiles (Fixture *f, gconstpointer data)
{
  g_autoptr(NinesAwsCredentials) c = NULL;
  g_autoptr(GError) error = NULL;

  write_aws (f, "credentials", CREDENTIALS_FILE);
  write_aws (f, "config", CONFIG_FILE);

  /* default profile from the credentials file */
  c = resolve (f, NULL, NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "AKIDCREDDEFAULT");
  g_clear_pointer (&c, nines_aws_credentials_unref);

  /* AWS_PROFILE selects; the credentials file beats the config file's [profile dev] */
  setenv_f (f, "AWS_PROFILE", "dev");
  c = resolve (f, NULL, NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "AKIDCREDDEV");
  g_clear_pointer (&c, nines_aws_credentials_unref);

  /* keys only in the config file's [profile conf-only] */
  c = resolve (f, "conf-only", NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "AKIDCONFONLY");
  g_assert_nonnull (strstr (nines_aws_credentials_get_source (c), "config"));
  g_clear_pointer (&c, nines_aws_credentials_unref);

  /* [bare] in the config file is not a profile ([profile bare] would be) */
  c = resolve (f, "bare", NULL, &error);
  g_assert_null (c);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
  g_clear_error (&error);

  /* [profile odd] in the credentials file is the profile "profile odd", not "odd" */
  c = resolve (f, "odd", NULL, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
  g_clear_error (&error);
  c = resolve (f, "profile odd", NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "AKIDODD");
}

static void
test_missing_profile_and_no_credentials (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesAwsCredentials) c = NULL;

  setenv_f (f, "AWS_PROFILE", "nowhere");
  c = resolve (f, NULL, NULL, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "nowhere"));
  g_assert_nonnull (strstr (error->message, "AWS_PROFILE"));
  g_clear_error (&error);

  /* no files at all: the default profile has nothing, and says how to fix it */
  f->env = g_environ_unsetenv (f->env, "AWS_PROFILE");
  c = resolve (f, NULL, NULL, &error);
  g_assert_null (c);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "aws configure"));
}

static void
test_file_locations (Fixture *f, gconstpointer data)
{
  g_autofree char *creds = nines_test_write_file (f->dir, "my-creds",
                                                  "[x]\naws_access_key_id=AKIDX\naws_secret_access_key=" SECRET_CRED "\n");
  g_autofree char *conf = nines_test_write_file (f->dir, "my-config", "[profile x]\nregion = sa-east-1\n");
  g_autoptr(NinesAwsCredentials) c = NULL;
  g_autoptr(NinesAwsConfig) config = NULL;

  /* the default files would say otherwise */
  write_aws (f, "credentials", CREDENTIALS_FILE);
  write_aws (f, "config", "[profile x]\nregion = us-west-2\n");
  setenv_f (f, "AWS_SHARED_CREDENTIALS_FILE", creds);
  setenv_f (f, "AWS_CONFIG_FILE", conf);
  config = nines_aws_config_new ((const char * const *) f->env, "x", NULL);
  g_assert_cmpstr (nines_aws_config_get_region (config), ==, "sa-east-1");
  g_assert_cmpstr (nines_aws_config_get_credentials_file (config), ==, creds);
  c = resolve (f, "x", NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "AKIDX");
  g_clear_object (&config);

  /* "~/" in the variables is the HOME of the environment */
  setenv_f (f, "AWS_CONFIG_FILE", "~/.aws/config");
  config = nines_aws_config_new ((const char * const *) f->env, "x", NULL);
  g_assert_cmpstr (nines_aws_config_get_region (config), ==, "us-west-2");
}

static void
test_region (Fixture *f, gconstpointer data)
{
  g_autoptr(NinesAwsConfig) config = NULL;

  write_aws (f, "config", CONFIG_FILE);
  config = nines_aws_config_new ((const char * const *) f->env, NULL, NULL);
  g_assert_cmpstr (nines_aws_config_get_region (config), ==, "eu-west-1");
  g_clear_object (&config);
  config = nines_aws_config_new ((const char * const *) f->env, "dev", NULL);
  g_assert_cmpstr (nines_aws_config_get_region (config), ==, "eu-central-1");
  g_clear_object (&config);
  setenv_f (f, "AWS_DEFAULT_REGION", "ap-south-1");
  config = nines_aws_config_new ((const char * const *) f->env, "dev", NULL);
  g_assert_cmpstr (nines_aws_config_get_region (config), ==, "ap-south-1");
  g_clear_object (&config);
  setenv_f (f, "AWS_REGION", "ca-central-1");
  config = nines_aws_config_new ((const char * const *) f->env, "dev", NULL);
  g_assert_cmpstr (nines_aws_config_get_region (config), ==, "ca-central-1");
}

static void
test_endpoints (Fixture *f, gconstpointer data)
{
  g_autoptr(NinesAwsConfig) config = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  write_aws (f, "config",
             "[profile local]\nregion = us-east-1\nservices = local-svc\nendpoint_url = http://profile:1\n"
             "[services local-svc]\ncloudformation =\n  endpoint_url = http://services-cfn:2\n"
             "s3 =\n  endpoint_url = http://services-s3:3\n"
             "[profile plain]\nregion = cn-north-1\n");
  config = nines_aws_config_new ((const char * const *) f->env, "local", NULL);
  a = nines_aws_config_dup_endpoint_url (config, "CloudFormation");
  g_assert_cmpstr (a, ==, "http://services-cfn:2");
  b = nines_aws_config_dup_endpoint_url (config, "STS");
  g_assert_cmpstr (b, ==, "http://profile:1");
  g_clear_object (&config);

  setenv_f (f, "AWS_ENDPOINT_URL", "http://global:4");
  config = nines_aws_config_new ((const char * const *) f->env, "local", NULL);
  c = nines_aws_config_dup_endpoint_url (config, "CloudFormation");
  g_assert_cmpstr (c, ==, "http://global:4");
  g_clear_object (&config);

  setenv_f (f, "AWS_ENDPOINT_URL_CLOUDFORMATION", "http://cfn-env:5");
  config = nines_aws_config_new ((const char * const *) f->env, "local", NULL);
  d = nines_aws_config_dup_endpoint_url (config, "CloudFormation");
  g_assert_cmpstr (d, ==, "http://cfn-env:5");
  g_clear_pointer (&a, g_free);
  a = nines_aws_config_dup_endpoint_url (config, "S3");
  g_assert_cmpstr (a, ==, "http://global:4");
  g_clear_object (&config);

  setenv_f (f, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
  config = nines_aws_config_new ((const char * const *) f->env, "local", NULL);
  g_assert_null (nines_aws_config_dup_endpoint_url (config, "CloudFormation"));
  e = nines_aws_config_dup_endpoint (config, "Pricing", "us-east-1");
  g_assert_cmpstr (e, ==, "https://api.pricing.us-east-1.amazonaws.com");
  g_clear_pointer (&e, g_free);
  e = nines_aws_config_dup_endpoint (config, "CloudFormation", "cn-north-1");
  g_assert_cmpstr (e, ==, "https://cloudformation.cn-north-1.amazonaws.com.cn");
}

static void
test_malformed (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesAwsConfig) config = NULL;

  write_aws (f, "config", "[default]\nregion = eu-west-1\nthis line has no equals sign\n");
  config = nines_aws_config_new ((const char * const *) f->env, NULL, &error);
  g_assert_null (config);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "line 3"));
}

static char *
write_process_script (Fixture    *f,
                      const char *name,
                      const char *body)
{
  g_autofree char *text = g_strdup_printf ("#!/bin/sh\n%s\n", body);
  char *path = nines_test_write_file (f->dir, name, text);

  g_chmod (path, 0700);
  return path;
}

static void
test_credential_process (Fixture *f, gconstpointer data)
{
  g_autofree char *ok = write_process_script (f, "ok.sh",
      "echo \"$1\" >> \"$(dirname \"$0\")/calls\"\n"
      "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\": \"" SECRET_PROC "\","
      " \"SessionToken\": \"proctoken\", \"Expiration\": \"2027-01-15T08:00:00Z\"}'");
  g_autofree char *bad = write_process_script (f, "bad.sh", "echo 'sso session expired' >&2; exit 3");
  g_autofree char *junk = write_process_script (f, "junk.sh", "echo '" SECRET_PROC " is not json'");
  g_autofree char *config_text = g_strdup_printf (
      "[profile proc]\ncredential_process = %s arg1\n"
      "[profile bad]\ncredential_process = %s\n"
      "[profile junk]\ncredential_process = %s\n"
      "[profile both]\ncredential_process = %s\n", ok, bad, junk, ok);
  g_autoptr(NinesAwsConfig) config = NULL;
  g_autoptr(NinesAwsCredentialsProvider) provider = NULL;
  g_autoptr(NinesAwsCredentials) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calls_path = g_build_filename (f->dir, "calls", NULL);
  g_autofree char *calls = NULL;

  write_aws (f, "config", config_text);
  write_aws (f, "credentials", "[both]\naws_access_key_id=AKIDBOTH\naws_secret_access_key=" SECRET_CRED "\n");

  config = nines_aws_config_new ((const char * const *) f->env, "proc", NULL);
  provider = nines_aws_credentials_provider_new (config, NULL, NULL);
  nines_aws_credentials_provider_set_clock (provider, fixture_clock, f);
  f->now = 1800000000;  /* 2027-01-15T08:00:00Z is 1800000000 + 0; move back an hour */
  f->now -= 3600;
  c = nines_aws_credentials_provider_get (provider, NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "AKIDPROC");
  g_assert_cmpstr (nines_aws_credentials_get_session_token (c), ==, "proctoken");
  g_assert_cmpint (nines_aws_credentials_get_expiration (c), ==, 1800000000);
  g_clear_pointer (&c, nines_aws_credentials_unref);

  /* cached while more than 10 minutes remain; run again after that */
  f->now = 1800000000 - 11 * 60;
  c = nines_aws_credentials_provider_get (provider, NULL, NULL);
  g_clear_pointer (&c, nines_aws_credentials_unref);
  g_file_get_contents (calls_path, &calls, NULL, NULL);
  g_assert_cmpstr (calls, ==, "arg1\n");
  g_clear_pointer (&calls, g_free);
  f->now = 1800000000 - 9 * 60;
  c = nines_aws_credentials_provider_get (provider, NULL, NULL);
  g_assert_nonnull (c);
  g_file_get_contents (calls_path, &calls, NULL, NULL);
  g_assert_cmpstr (calls, ==, "arg1\narg1\n");
  g_clear_pointer (&c, nines_aws_credentials_unref);
  g_clear_object (&provider);
  g_clear_object (&config);

  /* a failing process: its stderr is shown */
  c = resolve (f, "bad", NULL, &error);
  g_assert_null (c);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH);
  g_assert_nonnull (strstr (error->message, "sso session expired"));
  g_clear_error (&error);

  /* bad output: its content (which may be a secret) is not */
  c = resolve (f, "junk", NULL, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
  g_assert_null (strstr (error->message, SECRET_PROC));
  g_clear_error (&error);

  /* keys in the credentials file come before credential_process */
  c = resolve (f, "both", NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "AKIDBOTH");
}

/* Members of the wrong JSON type are a plain error, never a json-glib critical (which
 * aborts under G_DEBUG=fatal-warnings and shows on the terminal otherwise). */
static void
test_credential_process_types (Fixture *f, gconstpointer data)
{
  const char *outputs[] = {
    "{\"Version\": 1, \"AccessKeyId\": {\"a\": 1}, \"SecretAccessKey\": \"" SECRET_PROC "\"}",
    "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": [\"" SECRET_PROC "\"]}",
    "{\"Version\": {}, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"" SECRET_PROC "\"}",
    "{\"Version\": \"1\", \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"" SECRET_PROC "\"}",
    "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"" SECRET_PROC "\", \"SessionToken\": []}",
    "{\"Version\": 1, \"AccessKeyId\": \"AKID\", \"SecretAccessKey\": \"" SECRET_PROC "\", \"Expiration\": 5}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *name = g_strdup_printf ("types%u.sh", i);
      g_autofree char *body = g_strdup_printf ("echo '%s'", outputs[i]);
      g_autofree char *script = write_process_script (f, name, body);
      g_autofree char *config_text = g_strdup_printf ("[profile p]\ncredential_process = %s\n", script);
      g_autoptr(NinesAwsCredentials) c = NULL;
      g_autoptr(GError) error = NULL;

      write_aws (f, "config", config_text);
      c = resolve (f, "p", NULL, &error);
      g_test_message ("%s", outputs[i]);
      g_assert_null (c);
      g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
      g_assert_nonnull (strstr (error->message, "“p”"));
      g_assert_null (strstr (error->message, SECRET_PROC));
    }
}

#define ASSUME_ROLE_RESPONSE(key, exp) \
  "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>" \
  "<AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/r/s</Arn></AssumedRoleUser>" \
  "<Credentials><AccessKeyId>" key "</AccessKeyId><SecretAccessKey>" SECRET_ROLE "</SecretAccessKey>" \
  "<SessionToken>" TOKEN_ROLE "</SessionToken><Expiration>" exp "</Expiration></Credentials>" \
  "</AssumeRoleResult><ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></AssumeRoleResponse>"

static void
test_assume_role (Fixture *f, gconstpointer data)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsConfig) config = NULL;
  g_autoptr(NinesAwsCredentialsProvider) provider = NULL;
  g_autoptr(NinesAwsCredentials) c = NULL;
  g_autofree char *body = NULL;
  NinesAwsRequest *req;

  write_aws (f, "credentials", CREDENTIALS_FILE);
  write_aws (f, "config",
             "[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = dev\n"
             "region = eu-west-1\nrole_session_name = nines-test\nexternal_id = ext-1\nduration_seconds = 900\n"
             "aws_access_key_id = AKIDIGNORED\naws_secret_access_key = " SECRET_CONF "\n");
  setenv_f (f, "AWS_ENDPOINT_URL_STS", "http://127.0.0.1:9/");
  config = nines_aws_config_new ((const char * const *) f->env, "deploy", NULL);
  provider = nines_aws_credentials_provider_new (config, NINES_AWS_TRANSPORT (t), NULL);
  nines_aws_credentials_provider_set_clock (provider, fixture_clock, f);

  /* 2027-01-15T08:00:00Z = 1800000000 */
  nines_test_transport_push (t, 200, ASSUME_ROLE_RESPONSE ("ASIAROLE1", "2027-01-15T08:00:00Z"), "req-1");
  f->now = 1800000000 - 3600;
  c = nines_aws_credentials_provider_get (provider, NULL, NULL);
  /* role_arn wins over the keys in the same profile */
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "ASIAROLE1");
  g_assert_cmpstr (nines_aws_credentials_get_session_token (c), ==, TOKEN_ROLE);
  g_assert_cmpint (nines_aws_credentials_get_expiration (c), ==, 1800000000);
  g_assert_cmpuint (nines_test_transport_get_n_requests (t), ==, 1);
  req = nines_test_transport_get_request (t, 0);
  g_assert_cmpstr (nines_aws_request_get_endpoint (req), ==, "http://127.0.0.1:9");
  /* signed with the source profile's key, for STS in the profile's region */
  g_assert_true (g_str_has_prefix (nines_aws_request_get_header (req, "Authorization"),
                                   "AWS4-HMAC-SHA256 Credential=AKIDCREDDEV/"));
  g_assert_nonnull (strstr (nines_aws_request_get_header (req, "Authorization"), "/eu-west-1/sts/aws4_request"));
  g_assert_cmpstr (nines_aws_request_get_header (req, "X-Amz-Security-Token"), ==, "tokdev");
  body = nines_test_transport_dup_body (t, 0);
  g_assert_cmpstr (body, ==, "Action=AssumeRole&Version=2011-06-15"
                   "&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fdeploy"
                   "&RoleSessionName=nines-test&ExternalId=ext-1&DurationSeconds=900");
  g_clear_pointer (&c, nines_aws_credentials_unref);

  /* cached until 10 minutes before expiry */
  f->now = 1800000000 - 15 * 60;
  c = nines_aws_credentials_provider_get (provider, NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "ASIAROLE1");
  g_assert_cmpuint (nines_test_transport_get_n_requests (t), ==, 1);
  g_clear_pointer (&c, nines_aws_credentials_unref);

  nines_test_transport_push (t, 200, ASSUME_ROLE_RESPONSE ("ASIAROLE2", "2027-01-15T09:00:00Z"), "req-2");
  f->now = 1800000000 - 5 * 60;
  c = nines_aws_credentials_provider_get (provider, NULL, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "ASIAROLE2");
  g_assert_cmpuint (nines_test_transport_get_n_requests (t), ==, 2);
}

/* duration_seconds that is not a whole number of seconds STS accepts (900 to 43200) is a
 * configuration error naming the profile, as in the AWS CLI, not silently the default. */
static void
test_assume_role_bad_duration (Fixture *f, gconstpointer data)
{
  const char *values[] = { "1h", "-900", "12.5", "99999999999", "60", "0x384" };

  write_aws (f, "credentials", CREDENTIALS_FILE);
  setenv_f (f, "AWS_ENDPOINT_URL_STS", "http://127.0.0.1:9/");
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
      g_autoptr(NinesAwsCredentials) c = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *config = g_strdup_printf ("[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\n"
                                                 "source_profile = dev\nduration_seconds = %s\n", values[i]);

      write_aws (f, "config", config);
      nines_test_transport_push (t, 200, ASSUME_ROLE_RESPONSE ("ASIAROLE1", "2027-01-15T08:00:00Z"), "req-1");
      c = resolve (f, "deploy", t, &error);
      g_test_message ("duration_seconds = %s", values[i]);
      g_assert_null (c);
      g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
      g_assert_nonnull (strstr (error->message, "deploy"));
      g_assert_nonnull (strstr (error->message, "duration_seconds"));
      g_assert_cmpuint (nines_test_transport_get_n_requests (t), ==, 0);
    }
}

static void
test_assume_role_chains (Fixture *f, gconstpointer data)
{
  g_autoptr(NinesTestTransport) t = nines_test_transport_new ();
  g_autoptr(NinesAwsCredentials) c = NULL;
  g_autoptr(GError) error = NULL;
  NinesAwsRequest *second;

  write_aws (f, "credentials", CREDENTIALS_FILE);
  write_aws (f, "config",
             "[profile a]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = b\n"
             "[profile b]\nrole_arn = arn:aws:iam::1:role/b\nsource_profile = dev\n"
             "[profile loop1]\nrole_arn = arn:aws:iam::1:role/l1\nsource_profile = loop2\n"
             "[profile loop2]\nrole_arn = arn:aws:iam::1:role/l2\nsource_profile = loop1\n"
             "[profile self]\nrole_arn = arn:aws:iam::1:role/self\nsource_profile = self\n"
             "aws_access_key_id = AKIDSELF\naws_secret_access_key = " SECRET_CONF "\n"
             "[profile envsrc]\nrole_arn = arn:aws:iam::1:role/e\ncredential_source = Environment\n"
             "[profile nosrc]\nrole_arn = arn:aws:iam::1:role/n\n"
             "[profile ghost]\nrole_arn = arn:aws:iam::1:role/g\nsource_profile = missing\n");
  setenv_f (f, "AWS_ENDPOINT_URL", "http://127.0.0.1:9");
  f->now = 1800000000 - 3600;

  /* a -> b -> dev: b is assumed with dev's keys, then a with b's */
  nines_test_transport_push (t, 200, ASSUME_ROLE_RESPONSE ("ASIAB", "2027-01-15T08:00:00Z"), NULL);
  nines_test_transport_push (t, 200, ASSUME_ROLE_RESPONSE ("ASIAA", "2027-01-15T08:00:00Z"), NULL);
  c = resolve (f, "a", t, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "ASIAA");
  second = nines_test_transport_get_request (t, 1);
  g_assert_true (g_str_has_prefix (nines_aws_request_get_header (second, "Authorization"),
                                   "AWS4-HMAC-SHA256 Credential=ASIAB/"));
  g_clear_pointer (&c, nines_aws_credentials_unref);

  c = resolve (f, "loop1", t, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "loops"));
  g_clear_error (&error);

  nines_test_transport_push (t, 200, ASSUME_ROLE_RESPONSE ("ASIASELF", "2027-01-15T08:00:00Z"), NULL);
  c = resolve (f, "self", t, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "ASIASELF");
  g_assert_true (g_str_has_prefix (nines_aws_request_get_header (nines_test_transport_get_request (t, 2), "Authorization"),
                                   "AWS4-HMAC-SHA256 Credential=AKIDSELF/"));
  g_clear_pointer (&c, nines_aws_credentials_unref);

  setenv_f (f, "AWS_ACCESS_KEY_ID", "AKIDENVSRC");
  setenv_f (f, "AWS_SECRET_ACCESS_KEY", SECRET_ENV);
  nines_test_transport_push (t, 200, ASSUME_ROLE_RESPONSE ("ASIAENV", "2027-01-15T08:00:00Z"), NULL);
  c = resolve (f, "envsrc", t, NULL);
  g_assert_cmpstr (nines_aws_credentials_get_access_key_id (c), ==, "ASIAENV");
  g_assert_true (g_str_has_prefix (nines_aws_request_get_header (nines_test_transport_get_request (t, 3), "Authorization"),
                                   "AWS4-HMAC-SHA256 Credential=AKIDENVSRC/"));
  g_clear_pointer (&c, nines_aws_credentials_unref);

  c = resolve (f, "nosrc", t, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
  g_clear_error (&error);
  c = resolve (f, "ghost", t, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "missing"));
  g_clear_error (&error);

  /* AssumeRole refused: the AWS error comes through with code and request id */
  nines_test_transport_push (t, 403,
                             "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code>"
                             "<Message>User is not authorized to perform: sts:AssumeRole</Message></Error>"
                             "<RequestId>rid-403</RequestId></ErrorResponse>", NULL);
  f->env = g_environ_unsetenv (f->env, "AWS_ACCESS_KEY_ID");
  c = resolve (f, "b", t, &error);
  g_assert_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_AUTH);
  g_assert_true (g_str_has_prefix (error->message, "AccessDenied: "));
  g_assert_nonnull (strstr (error->message, "sts:AssumeRole"));
  g_assert_nonnull (strstr (error->message, "rid-403"));
  g_assert_nonnull (strstr (error->message, "“b”"));
}

static void
test_secrets_not_logged (Fixture *f, gconstpointer data)
{
  g_autofree char *logs = NULL;

  /* everything the earlier cases logged (G_MESSAGES_DEBUG=all) */
  logs = nines_test_log_capture_dup ();
  g_assert_nonnull (strstr (logs, "credentials: "));   /* the capture works */
  g_assert_null (strstr (logs, SECRET_ENV));
  g_assert_null (strstr (logs, SECRET_CRED));
  g_assert_null (strstr (logs, SECRET_CONF));
  g_assert_null (strstr (logs, SECRET_PROC));
  g_assert_null (strstr (logs, SECRET_ROLE));
  g_assert_null (strstr (logs, TOKEN_ROLE));
  g_assert_null (strstr (logs, "tokdev"));
  g_assert_null (strstr (logs, "Signature="));
}

int
main (int   argc,
      char *argv[])
{
  nines_test_log_capture_start ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add ("/nines/aws/credentials/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("env-first", test_env_first);
  ADD ("env-partial", test_env_partial);
  ADD ("profiles", test_profiles);
  ADD ("missing", test_missing_profile_and_no_credentials);
  ADD ("file-locations", test_file_locations);
  ADD ("region", test_region);
  ADD ("endpoints", test_endpoints);
  ADD ("malformed", test_malformed);
  ADD ("credential-process", test_credential_process);
  ADD ("credential-process-types", test_credential_process_types);
  ADD ("assume-role-bad-duration", test_assume_role_bad_duration);
  ADD ("assume-role", test_assume_role);
  ADD ("assume-role-chains", test_assume_role_chains);
  ADD ("zz-secrets-not-logged", test_secrets_not_logged);
  return g_test_run ();
}
