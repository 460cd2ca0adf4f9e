/* Test helpers for tests/aws: a scripted fake transport and a log recorder */
#pragma once

#include <nines-aws.h>

G_BEGIN_DECLS

#define NINES_TYPE_TEST_TRANSPORT (nines_test_transport_get_type ())
G_DECLARE_FINAL_TYPE (NinesTestTransport, nines_test_transport, NINES, TEST_TRANSPORT, GObject)

NinesTestTransport *nines_test_transport_new            (void);
/* Queues a response: status, body, and an optional "x-amzn-RequestId" */
void                nines_test_transport_push           (NinesTestTransport *self,
                                                         guint               status,
                                                         const char         *body,
                                                         const char         *request_id);
/* Queues a transport failure (NINES_AWS_ERROR code) */
void                nines_test_transport_push_error     (NinesTestTransport *self,
                                                         NinesAwsError       code);
guint               nines_test_transport_get_n_requests (NinesTestTransport *self);
/* (transfer none) the i-th request as sent (signed) */
NinesAwsRequest    *nines_test_transport_get_request    (NinesTestTransport *self,
                                                         guint               i);
/* The i-th request's body as a string */
char               *nines_test_transport_dup_body       (NinesTestTransport *self,
                                                         guint               i);

/* Captures every log message (debug included) of the process from now on. */
void                nines_test_log_capture_start        (void);
/* Everything captured so far, one message per line */
char               *nines_test_log_capture_dup          (void);

/* Writes @contents to DIR/NAME and returns the path */
char               *nines_test_write_file               (const char         *dir,
                                                         const char         *name,
                                                         const char         *contents);

G_END_DECLS
