/* nines-aws.h: the umbrella header of the AWS client library (libcurl, OpenSSL; no GTK) */
#pragma once

#include <nines-model.h>

#define NINES_AWS_INSIDE
# include "nines-aws-error.h"
# include "nines-aws-request.h"
# include "nines-aws-response.h"
# include "nines-aws-credentials.h"
# include "nines-aws-sigv4.h"
# include "nines-aws-config.h"
# include "nines-aws-transport.h"
# include "nines-aws-curl-transport.h"
# include "nines-aws-retry.h"
# include "nines-aws-invoke.h"
# include "nines-aws-credentials-provider.h"
# include "nines-aws-sts.h"
# include "nines-aws-client.h"
# include "nines-aws-cloudformation-types.h"
# include "nines-aws-cloudformation.h"
# include "nines-aws-s3.h"
# include "nines-aws-pricing.h"
# include "nines-aws-price-refresh.h"
# include "nines-aws-provisioner.h"
#undef NINES_AWS_INSIDE
