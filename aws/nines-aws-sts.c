/* STS: GetCallerIdentity and AssumeRole
 * (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html) */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-aws.h"
#include "nines-aws-query.h"
#include "nines-aws-xml.h"

#define STS_VERSION "2011-06-15"

void
nines_aws_caller_identity_free (NinesAwsCallerIdentity *identity)
{
  if (identity == NULL)
    return;
  g_free (identity->account);
  g_free (identity->arn);
  g_free (identity->user_id);
  g_free (identity);
}

static NinesAwsXml *
call (const NinesAwsInvocation *base,
      const char               *endpoint,
      const char               *action,
      GPtrArray                *params,
      GCancellable             *cancellable,
      GError                  **error)
{
  NinesAwsInvocation inv = *base;
  g_autoptr(NinesAwsRequest) request = nines_aws_query_request_new (endpoint, action, STS_VERSION, params);
  g_autoptr(NinesAwsResponse) response = NULL;
  g_autofree char *operation = g_strconcat ("sts:", action, NULL);
  GBytes *body;

  inv.signing_name = "sts";
  inv.operation = operation;
  response = nines_aws_invoke (&inv, request, cancellable, error);
  if (response == NULL)
    return NULL;
  body = nines_aws_response_get_body (response);
  return nines_aws_xml_parse (g_bytes_get_data (body, NULL), g_bytes_get_size (body), operation, error);
}

NinesAwsCallerIdentity *
nines_aws_sts_get_caller_identity (const NinesAwsInvocation *invocation,
                                   const char               *endpoint,
                                   GCancellable             *cancellable,
                                   GError                  **error)
{
  g_autoptr(NinesAwsXml) root = NULL;
  NinesAwsXml *result;
  NinesAwsCallerIdentity *identity;

  g_return_val_if_fail (invocation != NULL, NULL);
  g_return_val_if_fail (endpoint != NULL, NULL);

  root = call (invocation, endpoint, "GetCallerIdentity", NULL, cancellable, error);
  if (root == NULL)
    return NULL;
  result = nines_aws_xml_path (root, "GetCallerIdentityResult");
  if (result == NULL || nines_aws_xml_path_text (result, "Arn") == NULL)
    {
      g_set_error_literal (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                           _("sts:GetCallerIdentity answered without an Arn"));
      return NULL;
    }
  identity = g_new0 (NinesAwsCallerIdentity, 1);
  identity->account = g_strdup (nines_aws_xml_path_text (result, "Account"));
  identity->arn = g_strdup (nines_aws_xml_path_text (result, "Arn"));
  identity->user_id = g_strdup (nines_aws_xml_path_text (result, "UserId"));
  return identity;
}

NinesAwsCredentials *
nines_aws_sts_assume_role (const NinesAwsInvocation *invocation,
                           const char               *endpoint,
                           const char               *role_arn,
                           const char               *session_name,
                           const char               *external_id,
                           guint                     duration_seconds,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NinesAwsXml) root = NULL;
  g_autofree char *source = NULL;
  NinesAwsXml *creds;
  const char *key, *secret, *token, *expiration;

  g_return_val_if_fail (invocation != NULL, NULL);
  g_return_val_if_fail (endpoint != NULL, NULL);
  g_return_val_if_fail (role_arn != NULL, NULL);
  g_return_val_if_fail (session_name != NULL, NULL);

  nines_aws_query_add (params, "RoleArn", role_arn);
  nines_aws_query_add (params, "RoleSessionName", session_name);
  nines_aws_query_add (params, "ExternalId", external_id);
  if (duration_seconds > 0)
    nines_aws_query_add_printf (params, "DurationSeconds", "%u", duration_seconds);
  root = call (invocation, endpoint, "AssumeRole", params, cancellable, error);
  if (root == NULL)
    return NULL;
  creds = nines_aws_xml_path (root, "AssumeRoleResult/Credentials");
  key = nines_aws_xml_path_text (creds, "AccessKeyId");
  secret = nines_aws_xml_path_text (creds, "SecretAccessKey");
  token = nines_aws_xml_path_text (creds, "SessionToken");
  expiration = nines_aws_xml_path_text (creds, "Expiration");
  if (key == NULL || *key == '\0' || secret == NULL || *secret == '\0' || token == NULL)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                   _("sts:AssumeRole for %s answered without complete credentials"), role_arn);
      return NULL;
    }
  source = g_strdup_printf (_("role %s"), role_arn);
  return nines_aws_credentials_new (key, secret, token, nines_aws_parse_timestamp (expiration), source);
}
