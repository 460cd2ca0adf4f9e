/* nines-aws-retry.h: the SDKs' "standard" retry mode
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html) */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include <glib-object.h>

#include "nines-aws-response.h"

G_BEGIN_DECLS

#define NINES_TYPE_AWS_RETRY (nines_aws_retry_get_type ())
G_DECLARE_FINAL_TYPE (NinesAwsRetry, nines_aws_retry, NINES, AWS_RETRY, GObject)

typedef enum
{
  NINES_AWS_RETRY_NO,          /* success, or an error retrying cannot fix (4xx) */
  NINES_AWS_RETRY_THROTTLING,  /* throttling error codes, 429 */
  NINES_AWS_RETRY_TRANSIENT,   /* 500/502/503/504, transient codes, network errors */
  NINES_AWS_RETRY_TIMEOUT,     /* a timeout: costs the quota more */
} NinesAwsRetryKind;

/* Standard mode: 3 attempts, full-jitter exponential backoff from a 1 s base capped at
 * 20 s, a retry quota of 500 (5 per retry, 10 per retry after a timeout, refunded on
 * success). Shared by all calls of a client, as in the SDKs. Thread-safe. */
NinesAwsRetry    *nines_aws_retry_new             (void);
/* Tests: shrink the backoff base (the cap scales with it: 20 × base) and fix the seed. */
void              nines_aws_retry_set_base_delay  (NinesAwsRetry    *self,
                                                   guint             base_ms);
void              nines_aws_retry_set_seed        (NinesAwsRetry    *self,
                                                   guint32           seed);
guint             nines_aws_retry_get_max_attempts (NinesAwsRetry   *self);
void              nines_aws_retry_set_max_attempts (NinesAwsRetry   *self,
                                                    guint            max_attempts);
guint             nines_aws_retry_get_quota       (NinesAwsRetry    *self);

/* Classifies an outcome: a response (any status, with its AWS error code if the body
 * had one) or a transport error. */
NinesAwsRetryKind nines_aws_retry_classify        (guint             status,
                                                   const char       *error_code,
                                                   const GError     *transport_error);
/* Whether to retry after @attempt (1-based) failed with @kind; takes the quota cost
 * and returns the delay in *delay_ms when it says yes. */
gboolean          nines_aws_retry_should_retry    (NinesAwsRetry    *self,
                                                   guint             attempt,
                                                   NinesAwsRetryKind kind,
                                                   guint            *delay_ms);
/* Call after a success: refunds the last retry's cost (or adds 1 when there was none). */
void              nines_aws_retry_record_success  (NinesAwsRetry    *self,
                                                   guint             attempt,
                                                   NinesAwsRetryKind last_kind);

G_END_DECLS
