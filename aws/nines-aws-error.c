#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>

#include "nines-aws.h"

G_DEFINE_QUARK (nines-aws-error-quark, nines_aws_error)

char *
nines_aws_error_dup_code (const GError *error)
{
  const char *colon;

  g_return_val_if_fail (error != NULL, NULL);
  if (error->domain != NINES_AWS_ERROR
      || (error->code != NINES_AWS_ERROR_SERVICE && error->code != NINES_AWS_ERROR_AUTH
          && error->code != NINES_AWS_ERROR_THROTTLED))
    return NULL;
  colon = strstr (error->message, ": ");
  if (colon == NULL || memchr (error->message, ' ', colon - error->message) != NULL)
    return NULL;
  return g_strndup (error->message, colon - error->message);
}

char *
nines_aws_error_dup_request_id (const GError *error)
{
  const char *marker = " (request id ";
  const char *start;
  gsize len;

  g_return_val_if_fail (error != NULL, NULL);
  if (error->domain != NINES_AWS_ERROR || (start = g_strrstr (error->message, marker)) == NULL)
    return NULL;
  start += strlen (marker);
  len = strlen (start);
  if (len < 2 || start[len - 1] != ')')
    return NULL;
  return g_strndup (start, len - 1);
}
