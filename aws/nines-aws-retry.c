/* Standard retry mode, from the AWS SDKs and Tools reference guide ("Retry behavior") and
 * botocore's retries/standard.py: max_attempts 3; backoff t_i = rand(0,1) × min(2^i × base,
 * MAX_BACKOFF) with MAX_BACKOFF 20 s; quota INITIAL 500, RETRY_COST 5, TIMEOUT_COST 10,
 * NO_RETRY_INCREMENT 1. */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include "nines-aws.h"

#define INITIAL_QUOTA      500
#define RETRY_COST         5
#define TIMEOUT_COST       10
#define NO_RETRY_INCREMENT 1
#define MAX_BACKOFF_BASES  20   /* 20 s with the 1 s base */

struct _NinesAwsRetry
{
  GObject parent_instance;

  GMutex mutex;
  GRand *rand;
  guint base_ms;
  guint max_attempts;
  guint quota;
};

G_DEFINE_FINAL_TYPE (NinesAwsRetry, nines_aws_retry, G_TYPE_OBJECT)

static void
nines_aws_retry_finalize (GObject *object)
{
  NinesAwsRetry *self = NINES_AWS_RETRY (object);

  g_rand_free (self->rand);
  g_mutex_clear (&self->mutex);
  G_OBJECT_CLASS (nines_aws_retry_parent_class)->finalize (object);
}

static void
nines_aws_retry_class_init (NinesAwsRetryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nines_aws_retry_finalize;
}

static void
nines_aws_retry_init (NinesAwsRetry *self)
{
  g_mutex_init (&self->mutex);
  self->rand = g_rand_new ();
  self->base_ms = 1000;
  self->max_attempts = 3;
  self->quota = INITIAL_QUOTA;
}

NinesAwsRetry *
nines_aws_retry_new (void)
{
  return g_object_new (NINES_TYPE_AWS_RETRY, NULL);
}

void
nines_aws_retry_set_base_delay (NinesAwsRetry *self,
                                guint          base_ms)
{
  g_return_if_fail (NINES_IS_AWS_RETRY (self));
  self->base_ms = base_ms;
}

void
nines_aws_retry_set_seed (NinesAwsRetry *self,
                          guint32        seed)
{
  g_return_if_fail (NINES_IS_AWS_RETRY (self));
  g_mutex_lock (&self->mutex);
  g_rand_set_seed (self->rand, seed);
  g_mutex_unlock (&self->mutex);
}

guint
nines_aws_retry_get_max_attempts (NinesAwsRetry *self)
{
  g_return_val_if_fail (NINES_IS_AWS_RETRY (self), 1);
  return self->max_attempts;
}

void
nines_aws_retry_set_max_attempts (NinesAwsRetry *self,
                                  guint          max_attempts)
{
  g_return_if_fail (NINES_IS_AWS_RETRY (self));
  g_return_if_fail (max_attempts >= 1);
  self->max_attempts = max_attempts;
}

guint
nines_aws_retry_get_quota (NinesAwsRetry *self)
{
  guint q;

  g_return_val_if_fail (NINES_IS_AWS_RETRY (self), 0);
  g_mutex_lock (&self->mutex);
  q = self->quota;
  g_mutex_unlock (&self->mutex);
  return q;
}

NinesAwsRetryKind
nines_aws_retry_classify (guint         status,
                          const char   *error_code,
                          const GError *transport_error)
{
  /* the SDK reference's lists of throttling and transient error codes */
  static const char * const throttling[] = {
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException",
    "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
    "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
    "EC2ThrottledException", NULL,
  };
  static const char * const transient[] = {
    "RequestTimeout", "RequestTimeoutException", "InternalError", NULL,
  };

  if (transport_error != NULL)
    {
      if (g_error_matches (transport_error, NINES_AWS_ERROR, NINES_AWS_ERROR_TIMEOUT))
        return NINES_AWS_RETRY_TIMEOUT;
      if (g_error_matches (transport_error, NINES_AWS_ERROR, NINES_AWS_ERROR_TRANSPORT))
        return NINES_AWS_RETRY_TRANSIENT;
      return NINES_AWS_RETRY_NO;   /* TLS failures, cancellation: retrying will not help */
    }
  if (error_code != NULL && g_strv_contains (throttling, error_code))
    return NINES_AWS_RETRY_THROTTLING;
  if (status == 429)
    return NINES_AWS_RETRY_THROTTLING;
  if (error_code != NULL && g_strv_contains (transient, error_code))
    return NINES_AWS_RETRY_TRANSIENT;
  if (status == 500 || status == 502 || status == 503 || status == 504)
    return NINES_AWS_RETRY_TRANSIENT;
  return NINES_AWS_RETRY_NO;
}

gboolean
nines_aws_retry_should_retry (NinesAwsRetry     *self,
                              guint              attempt,
                              NinesAwsRetryKind  kind,
                              guint             *delay_ms)
{
  guint cost;
  double cap;

  g_return_val_if_fail (NINES_IS_AWS_RETRY (self), FALSE);
  if (kind == NINES_AWS_RETRY_NO || attempt >= self->max_attempts)
    return FALSE;
  cost = kind == NINES_AWS_RETRY_TIMEOUT ? TIMEOUT_COST : RETRY_COST;
  g_mutex_lock (&self->mutex);
  if (self->quota < cost)
    {
      g_mutex_unlock (&self->mutex);
      g_debug ("retry quota exhausted: not retrying");
      return FALSE;
    }
  self->quota -= cost;
  /* full jitter: rand(0,1) × min(base × 2^attempt, 20 × base) */
  cap = MIN ((double) self->base_ms * (double) (1u << MIN (attempt, 16u)),
             (double) self->base_ms * MAX_BACKOFF_BASES);
  if (delay_ms != NULL)
    *delay_ms = (guint) (g_rand_double (self->rand) * cap);
  g_mutex_unlock (&self->mutex);
  return TRUE;
}

void
nines_aws_retry_record_success (NinesAwsRetry     *self,
                                guint              attempt,
                                NinesAwsRetryKind  last_kind)
{
  g_return_if_fail (NINES_IS_AWS_RETRY (self));
  g_mutex_lock (&self->mutex);
  if (attempt <= 1)
    self->quota += NO_RETRY_INCREMENT;
  else
    self->quota += last_kind == NINES_AWS_RETRY_TIMEOUT ? TIMEOUT_COST : RETRY_COST;
  self->quota = MIN (self->quota, INITIAL_QUOTA);
  g_mutex_unlock (&self->mutex);
}
