#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include "nines-aws.h"

G_DEFINE_QUARK (nines-aws-error-quark, nines_aws_error)
