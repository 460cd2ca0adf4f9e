/* fuzz-aws-config.c: the shared config and credentials file parser (~/.aws/config,
 * ~/.aws/credentials: profiles, [services] sections, nested keys, comments).
 *
 * Input: the config file, a NUL byte, the credentials file. Both are written to a
 * private temporary folder and read through nines_aws_config_new(), as the AWS client
 * does; then every lookup the client makes is asked of the result. No credential
 * process is ever run and no network is touched: this exercises parsing and lookup. */
#define G_LOG_DOMAIN "nines-fuzz"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>
#include <nines-aws.h>

#include "nines-fuzz.h"

static char *config_path;
static char *credentials_path;
static char *tmp_dir;

static void
remove_tmp (void)
{
  g_unlink (config_path);
  g_unlink (credentials_path);
  g_rmdir (tmp_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  nines_fuzz_setup ();
  tmp_dir = g_dir_make_tmp ("nines-fuzz-aws-config-XXXXXX", NULL);
  if (tmp_dir == NULL)
    abort ();
  config_path = g_build_filename (tmp_dir, "config", NULL);
  credentials_path = g_build_filename (tmp_dir, "credentials", NULL);
  atexit (remove_tmp);
  return 0;
}

static const char * const keys[] = {
  "region", "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "role_arn",
  "source_profile", "credential_source", "credential_process", "endpoint_url",
  "ignore_configured_endpoint_urls", "services", "s3", NULL
};
static const char * const services[] = { "STS", "CloudFormation", "S3", "Pricing", NULL };

static void
query (NinesAwsConfig *config)
{
  const char *profile = nines_aws_config_get_profile (config);
  const char *region = nines_aws_config_get_region (config);

  for (guint i = 0; keys[i]; i++)
    {
      nines_aws_config_get_value (config, profile, keys[i]);
      nines_aws_config_get_config_value (config, profile, keys[i]);
      nines_aws_config_get_credentials_value (config, profile, keys[i]);
    }
  /* a role's source_profile is looked up the same way */
  if (nines_aws_config_get_value (config, profile, "source_profile"))
    {
      const char *source = nines_aws_config_get_value (config, profile, "source_profile");

      nines_aws_config_has_profile (config, source);
      nines_aws_config_get_value (config, source, "aws_access_key_id");
    }
  for (guint i = 0; services[i]; i++)
    {
      g_free (nines_aws_config_dup_endpoint_url (config, services[i]));
      g_free (nines_aws_config_dup_endpoint (config, services[i], region ? region : "us-east-1"));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *nul = memchr (data, '\0', size);
  gsize config_len = nul ? (gsize) (nul - data) : size;
  g_autofree char *env_config = g_strconcat ("AWS_CONFIG_FILE=", config_path, NULL);
  g_autofree char *env_credentials = g_strconcat ("AWS_SHARED_CREDENTIALS_FILE=", credentials_path, NULL);
  const char *envp[] = { env_config, env_credentials, "HOME=/nonexistent", NULL };
  const char *profiles[] = { NULL, "dev", "prod" };

  /* no fsync (the default for an existing file): this is scratch, rewritten each run */
  if (!g_file_set_contents_full (config_path, (const char *) data, config_len,
                                 G_FILE_SET_CONTENTS_NONE, 0600, NULL) ||
      !g_file_set_contents_full (credentials_path, nul ? (const char *) nul + 1 : "",
                                 nul ? size - config_len - 1 : 0, G_FILE_SET_CONTENTS_NONE, 0600, NULL))
    abort ();
  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NinesAwsConfig) config = nines_aws_config_new (envp, profiles[i], &error);

      if (config == NULL)
        {
          if (error == NULL || error->message[0] == '\0')
            abort ();
          continue;
        }
      query (config);
    }
  return 0;
}
