/* nines-cli-aws.c: `nines-cli aws …`, the commands that talk to AWS itself */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <nines-aws.h>

#include "nines-cli.h"

static int
aws_whoami (int    argc,
            char **argv)
{
  g_autofree char *profile = NULL, *region = NULL, *format = NULL;
  g_autoptr(NinesAwsClient) client = NULL;
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  g_autoptr(NinesAwsCredentials) creds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile, N_("Use this profile of ~/.aws/config and ~/.aws/credentials"), N_("PROFILE") },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region, N_("Use this region instead of the configured one"), N_("REGION") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), N_("FORMAT") },
    { NULL }
  };

  if (!nines_cli_parse ("aws whoami", "",
                        _("Asks AWS (sts:GetCallerIdentity) which account and identity the credentials\n"
                          "belong to. Credentials and region are found as the AWS CLI finds them."),
                        entries, &argc, &argv, 0))
    return NINES_CLI_USAGE;
  if (!nines_cli_pick_format (&format, nines_cli_text_json))
    return NINES_CLI_USAGE;

  client = nines_aws_client_new_for_profile (profile, region, &error);
  if (client != NULL)
    creds = nines_aws_credentials_provider_get (nines_aws_client_get_credentials_provider (client), NULL, &error);
  if (creds != NULL)
    id = nines_aws_client_get_caller_identity (client, NULL, &error);
  if (id == NULL)
    {
      nines_cli_error ("%s", error->message);
      return NINES_CLI_BAD_INPUT;
    }
  described = nines_aws_credentials_describe (creds);
  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      nines_cli_json_string (b, "account", id->account);
      nines_cli_json_string (b, "arn", id->arn);
      nines_cli_json_string (b, "user_id", id->user_id);
      nines_cli_json_string (b, "profile",
                             nines_aws_config_get_profile (nines_aws_client_get_config (client)));
      nines_cli_json_string (b, "region", nines_aws_client_get_region (client));
      nines_cli_json_string (b, "credentials", described);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      nines_cli_print_json (root);
      return NINES_CLI_OK;
    }
  printf (_("Account:     %s\n"), id->account ? id->account : "");
  printf (_("ARN:         %s\n"), id->arn);
  printf (_("User ID:     %s\n"), id->user_id ? id->user_id : "");
  printf (_("Profile:     %s\n"), nines_aws_config_get_profile (nines_aws_client_get_config (client)));
  printf (_("Region:      %s\n"), nines_aws_client_get_region (client));
  printf (_("Credentials: %s\n"), described);
  return NINES_CLI_OK;
}

static const NinesCliCommand aws_commands[] = {
  { "whoami", "[--profile P]", N_("Print the account and ARN the AWS credentials belong to"), aws_whoami },
};

int
nines_cli_aws (int    argc,
               char **argv)
{
  g_set_prgname ("nines-cli");
  /* argv[1] is "aws", argv[2] the subcommand: hand it argv from "aws" on, so that its
   * own argv[1] is the subcommand as nines_cli_parse expects */
  if (argc >= 3)
    for (guint i = 0; i < G_N_ELEMENTS (aws_commands); i++)
      if (g_str_equal (argv[2], aws_commands[i].name))
        return aws_commands[i].run (argc - 1, argv + 1);

  if (argc >= 3 && !g_str_equal (argv[2], "--help") && !g_str_equal (argv[2], "-h"))
    nines_cli_error (_("unknown aws command \"%s\""), argv[2]);
  fprintf (argc >= 3 ? stderr : stdout, _("Usage: nines-cli aws COMMAND [OPTION…]\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (aws_commands); i++)
    {
      g_autofree char *head = g_strdup_printf ("%s %s", aws_commands[i].name, aws_commands[i].args);
      fprintf (argc >= 3 ? stderr : stdout, "  %-28s %s\n", head, _(aws_commands[i].summary));
    }
  return argc >= 3 && !g_str_equal (argv[2], "--help") && !g_str_equal (argv[2], "-h")
         ? NINES_CLI_USAGE : (argc >= 3 ? NINES_CLI_OK : NINES_CLI_USAGE);
}
