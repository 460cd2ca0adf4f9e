/* nines-aws-cloudformation-types.h: typed results of the CloudFormation calls */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *key;
  char *value;
  char *description;
  char *export_name;
} NinesAwsStackOutput;

typedef struct
{
  char      *stack_id;
  char      *stack_name;
  char      *status;          /* "CREATE_COMPLETE", "ROLLBACK_IN_PROGRESS"… */
  char      *status_reason;   /* NULL when AWS gave none */
  char      *description;
  gint64     creation_time;   /* Unix seconds */
  gint64     last_updated_time;
  GPtrArray *outputs;         /* of NinesAwsStackOutput */
  GPtrArray *parameters;      /* of NinesAwsStackOutput: key and value only */
} NinesAwsStack;

typedef struct
{
  char  *event_id;
  char  *stack_id;
  char  *stack_name;
  char  *logical_id;
  char  *physical_id;
  char  *resource_type;
  char  *status;
  char  *status_reason;
  gint64 timestamp;
} NinesAwsStackEvent;

typedef struct
{
  char  *logical_id;
  char  *physical_id;
  char  *resource_type;
  char  *status;
  char  *status_reason;
  gint64 last_updated_time;
} NinesAwsStackResource;

typedef struct
{
  char *action;          /* Add, Modify, Remove, Import, Dynamic */
  char *logical_id;
  char *physical_id;
  char *resource_type;
  char *replacement;     /* True, False, Conditional; NULL for Add/Remove */
} NinesAwsResourceChange;

typedef struct
{
  char      *change_set_id;
  char      *change_set_name;
  char      *stack_id;
  char      *stack_name;
  char      *status;            /* CREATE_PENDING, CREATE_IN_PROGRESS, CREATE_COMPLETE, FAILED… */
  char      *status_reason;
  char      *execution_status;  /* UNAVAILABLE, AVAILABLE, EXECUTE_IN_PROGRESS… */
  GPtrArray *changes;           /* of NinesAwsResourceChange, every page */
} NinesAwsChangeSet;

typedef struct
{
  char    *key;
  char    *default_value;
  char    *description;
  gboolean no_echo;
} NinesAwsTemplateParameter;

typedef struct
{
  char      *description;
  char     **capabilities;          /* e.g. CAPABILITY_IAM; NULL-terminated, maybe empty */
  char      *capabilities_reason;
  GPtrArray *parameters;            /* of NinesAwsTemplateParameter */
} NinesAwsTemplateSummary;

/* What CreateChangeSet returns */
typedef struct
{
  char *change_set_id;
  char *stack_id;
} NinesAwsChangeSetRef;

void nines_aws_stack_free              (NinesAwsStack           *stack);
void nines_aws_stack_event_free        (NinesAwsStackEvent      *event);
void nines_aws_stack_resource_free     (NinesAwsStackResource   *resource);
void nines_aws_change_set_free         (NinesAwsChangeSet       *change_set);
void nines_aws_template_summary_free   (NinesAwsTemplateSummary *summary);
void nines_aws_change_set_ref_free     (NinesAwsChangeSetRef    *ref);
/* The output called @key, or NULL */
const char *nines_aws_stack_get_output (NinesAwsStack           *stack,
                                        const char              *key);
/* TRUE for the statuses a stack stays in (…_COMPLETE, …_FAILED), FALSE for …_IN_PROGRESS */
gboolean nines_aws_stack_status_is_final (const char            *status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsStack, nines_aws_stack_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsStackEvent, nines_aws_stack_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsStackResource, nines_aws_stack_resource_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsChangeSet, nines_aws_change_set_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsTemplateSummary, nines_aws_template_summary_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsChangeSetRef, nines_aws_change_set_ref_free)

G_END_DECLS
