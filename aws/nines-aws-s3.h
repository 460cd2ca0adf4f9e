/* nines-aws-s3.h: the little of S3 Nines needs — a bucket and objects for templates over
 * CloudFormation's inline limit */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include "nines-aws-client.h"

G_BEGIN_DECLS

/* PUT /{key}: returns the ETag. The payload's SHA-256 is signed (x-amz-content-sha256). */
char     *nines_aws_s3_put_object        (NinesAwsClient  *client,
                                          const char      *bucket,
                                          const char      *key,
                                          GBytes          *body,
                                          const char      *content_type,
                                          GCancellable    *cancellable,
                                          GError         **error);
void      nines_aws_s3_put_object_async  (NinesAwsClient      *client,
                                          const char          *bucket,
                                          const char          *key,
                                          GBytes              *body,
                                          const char          *content_type,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char     *nines_aws_s3_put_object_finish (NinesAwsClient  *client,
                                          GAsyncResult    *result,
                                          GError         **error);
/* PUT /: creates @bucket in the client's region */
gboolean  nines_aws_s3_create_bucket     (NinesAwsClient  *client,
                                          const char      *bucket,
                                          GCancellable    *cancellable,
                                          GError         **error);
/* The object's https URL as CloudFormation's TemplateURL wants it (path style on a
 * configured endpoint, virtual-hosted on AWS) */
char     *nines_aws_s3_dup_object_url    (NinesAwsClient  *client,
                                          const char      *bucket,
                                          const char      *key,
                                          GError         **error);

G_END_DECLS
