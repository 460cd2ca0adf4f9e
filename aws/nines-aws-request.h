/* nines-aws-request.h: a plain HTTP request to an AWS endpoint, before and after signing */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

#define NINES_TYPE_AWS_REQUEST (nines_aws_request_get_type ())

/* A request holds only plain data (strings and bytes), so it may be handed to a worker
 * thread. The path is kept as it goes on the wire (already percent-encoded); query
 * parameters are kept decoded, in insertion order, and encoded when the URL is built;
 * headers are kept in insertion order, duplicates allowed, names as given. */
typedef struct _NinesAwsRequest NinesAwsRequest;

GType            nines_aws_request_get_type       (void) G_GNUC_CONST;
NinesAwsRequest *nines_aws_request_new            (const char      *method,
                                                   const char      *endpoint,
                                                   const char      *path);
NinesAwsRequest *nines_aws_request_ref            (NinesAwsRequest *self);
void             nines_aws_request_unref          (NinesAwsRequest *self);
NinesAwsRequest *nines_aws_request_copy           (NinesAwsRequest *self);

const char      *nines_aws_request_get_method     (NinesAwsRequest *self);
/* "https://host[:port]" without a trailing slash */
const char      *nines_aws_request_get_endpoint   (NinesAwsRequest *self);
const char      *nines_aws_request_get_path       (NinesAwsRequest *self);
void             nines_aws_request_set_path       (NinesAwsRequest *self,
                                                   const char      *path);

void             nines_aws_request_add_query      (NinesAwsRequest *self,
                                                   const char      *key,
                                                   const char      *value);
guint            nines_aws_request_get_n_query    (NinesAwsRequest *self);
void             nines_aws_request_get_query      (NinesAwsRequest *self,
                                                   guint            i,
                                                   const char     **key,
                                                   const char     **value);
/* The query as sent: keys and values RFC 3986-encoded, sorted as SigV4 wants. */
char            *nines_aws_request_dup_query_string (NinesAwsRequest *self);
/* endpoint + path + "?" + query string */
char            *nines_aws_request_dup_url        (NinesAwsRequest *self);

void             nines_aws_request_add_header     (NinesAwsRequest *self,
                                                   const char      *name,
                                                   const char      *value);
/* Replaces every header named @name (case-insensitively) by one with @value. */
void             nines_aws_request_set_header     (NinesAwsRequest *self,
                                                   const char      *name,
                                                   const char      *value);
void             nines_aws_request_remove_header  (NinesAwsRequest *self,
                                                   const char      *name);
/* The first header named @name (case-insensitively), or NULL. */
const char      *nines_aws_request_get_header     (NinesAwsRequest *self,
                                                   const char      *name);
guint            nines_aws_request_get_n_headers  (NinesAwsRequest *self);
void             nines_aws_request_get_header_at  (NinesAwsRequest *self,
                                                   guint            i,
                                                   const char     **name,
                                                   const char     **value);

/* @body: (transfer none) (nullable): the request takes its own reference */
void             nines_aws_request_set_body       (NinesAwsRequest *self,
                                                   GBytes          *body);
/* (transfer none) never NULL: an empty body is a zero-length GBytes */
GBytes          *nines_aws_request_get_body       (NinesAwsRequest *self);

/* Percent-encodes @s as SigV4 does: everything but A-Z a-z 0-9 - . _ ~ (and '/' when
 * @keep_slash) becomes %XX with upper-case hex. */
char            *nines_aws_uri_encode             (const char      *s,
                                                   gssize           len,
                                                   gboolean         keep_slash);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsRequest, nines_aws_request_unref)

G_END_DECLS
