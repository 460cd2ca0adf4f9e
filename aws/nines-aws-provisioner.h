/* nines-aws-provisioner.h: a document's deployment as CloudFormation stacks, one per
 * region: plan (change sets shown as a diff, with the monthly cost of what will
 * exist), apply (primary region first, outputs passed on as parameters, events
 * streamed, cancellable), status (live state, drift as a plan), destroy (reverse
 * order, what is left and why), and the IAM policy provisioning needs.
 *
 * The calls block: run them from a worker thread (the GUI) or the CLI. Progress is
 * reported through a callback on the calling thread. The document's "provisioning"
 * section remembers the account, the stacks and the parameter values. */
#pragma once

#if !defined (NINES_AWS_INSIDE) && !defined (NINES_AWS_COMPILATION)
# error "Only <nines-aws.h> can be included directly."
#endif

#include "nines-aws-client.h"
#include "nines-aws-cloudformation-types.h"

G_BEGIN_DECLS

/* The document's section that holds the provisioning state */
#define NINES_AWS_PROVISIONING_SECTION "provisioning"
/* The tag every stack carries: the document's uuid */
#define NINES_AWS_PROVISION_TAG_DOCUMENT "nines:document-id"

typedef enum
{
  NINES_AWS_PARAM_DEFAULT,   /* the template's default */
  NINES_AWS_PARAM_USER,      /* given by the user (or remembered by the document) */
  NINES_AWS_PARAM_OUTPUT,    /* an output of an earlier stack */
  NINES_AWS_PARAM_PHASE,     /* chosen by the provisioner for the step (ReplicationEnabled) */
  NINES_AWS_PARAM_MISSING,   /* nobody gave one: the plan cannot be made */
} NinesAwsParamSource;

typedef struct
{
  char                *key;
  char                *value;         /* NULL for DEFAULT and MISSING */
  NinesAwsParamSource  source;
  char                *note;          /* where it comes from, or the template's description */
  char                *type;          /* the template's Type */
} NinesAwsPlanParameter;

typedef struct
{
  char              *region;
  char              *stack_name;
  char              *action;          /* "CREATE" or "UPDATE" */
  char              *purpose;         /* why a second step on a stack (nullable) */
  char              *stack_status;    /* the live stack's status before the plan (nullable) */
  gboolean           recreate;        /* a failed creation (ROLLBACK_COMPLETE) is deleted first */
  GPtrArray         *parameters;      /* of NinesAwsPlanParameter */
  char              *template_body;
  char              *change_set_name; /* nullable: made when the step runs */
  NinesAwsChangeSet *change_set;      /* nullable: as above */
  gboolean           no_changes;      /* CloudFormation found nothing to change */
  double             monthly_usd;     /* steady-state list price of the region's lines */
  guint              n_missing_prices;
} NinesAwsPlanStep;

typedef struct
{
  char      *account;
  char      *arn;
  GStrv      regions;                 /* primary first */
  GPtrArray *steps;                   /* of NinesAwsPlanStep, in the order apply runs them */
  double     global_monthly_usd;      /* global services (Route 53, CloudFront) */
  double     total_monthly_usd;       /* after the document's discount */
  guint      n_missing_prices;
} NinesAwsPlan;

void nines_aws_plan_free (NinesAwsPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsPlan, nines_aws_plan_free)

typedef enum
{
  NINES_AWS_PROVISION_MESSAGE,        /* a line of progress (message) */
  NINES_AWS_PROVISION_STEP_STARTED,   /* region, stack_name */
  NINES_AWS_PROVISION_REPLANNED,      /* the step's change set was made again (step) */
  NINES_AWS_PROVISION_STACK_EVENT,    /* event, oldest first */
  NINES_AWS_PROVISION_STEP_FINISHED,  /* region, stack_name, status */
} NinesAwsProvisionEventKind;

typedef struct
{
  NinesAwsProvisionEventKind  kind;
  const char                 *region;
  const char                 *stack_name;
  const char                 *status;
  const char                 *message;
  const NinesAwsStackEvent   *event;
  const NinesAwsPlanStep     *step;
} NinesAwsProvisionEvent;

typedef void (*NinesAwsProvisionFunc) (const NinesAwsProvisionEvent *event,
                                       gpointer                      user_data);

/* Where one stack of the document stands */
typedef struct
{
  char      *region;
  char      *stack_name;
  char      *stack_id;       /* nullable */
  char      *status;         /* "NOT_FOUND" when the stack does not exist */
  char      *status_reason;
  GPtrArray *resources;      /* of NinesAwsStackResource */
  GPtrArray *outputs;        /* of NinesAwsStackOutput */
} NinesAwsStackState;

void nines_aws_stack_state_free (NinesAwsStackState *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsStackState, nines_aws_stack_state_free)

/* Something destroy did not delete, and why */
typedef struct
{
  char *region;
  char *stack_name;
  char *logical_id;
  char *physical_id;
  char *resource_type;
  char *reason;
} NinesAwsLeftover;

void nines_aws_leftover_free (NinesAwsLeftover *leftover);

#define NINES_TYPE_AWS_PROVISIONER (nines_aws_provisioner_get_type ())
G_DECLARE_FINAL_TYPE (NinesAwsProvisioner, nines_aws_provisioner, NINES, AWS_PROVISIONER, GObject)

/* @client: any region of the account (a client per region is derived from it).
 * @pattern: NINES_DR_PATTERN_NONE… or the document's (nines_document_get_dr_pattern). */
NinesAwsProvisioner *nines_aws_provisioner_new            (NinesAwsClient        *client,
                                                           NinesDocument         *document,
                                                           NinesDrPattern         pattern);
NinesDocument       *nines_aws_provisioner_get_document   (NinesAwsProvisioner   *self);
NinesDeployment     *nines_aws_provisioner_get_deployment (NinesAwsProvisioner   *self);
/* The regions that get a stack, primary first. (transfer none) */
const char * const  *nines_aws_provisioner_get_regions    (NinesAwsProvisioner   *self);
/* "nines-<name>-<region>" (transfer full) */
char                *nines_aws_provisioner_dup_stack_name (NinesAwsProvisioner   *self,
                                                           const char            *region);
/* A template parameter's value. @region NULL: every region. Remembered by the
 * document once applied. */
void                 nines_aws_provisioner_set_parameter  (NinesAwsProvisioner   *self,
                                                           const char            *region,
                                                           const char            *key,
                                                           const char            *value);
/* How often the stack is polled while it changes (default 2000 ms; tests use less) */
void                 nines_aws_provisioner_set_poll_interval (NinesAwsProvisioner *self,
                                                              guint                poll_ms);
void                 nines_aws_provisioner_set_progress_func (NinesAwsProvisioner   *self,
                                                              NinesAwsProvisionFunc  func,
                                                              gpointer               user_data,
                                                              GDestroyNotify         destroy);

/* sts:GetCallerIdentity. Fails when the document was provisioned to another account. */
NinesAwsCallerIdentity *nines_aws_provisioner_whoami      (NinesAwsProvisioner   *self,
                                                           GCancellable          *cancellable,
                                                           GError               **error);
/* Makes the change sets (CREATE for new stacks, UPDATE for existing ones) and describes
 * them. Missing parameters fail before anything is created, naming each one. */
NinesAwsPlan        *nines_aws_provisioner_plan           (NinesAwsProvisioner   *self,
                                                           GCancellable          *cancellable,
                                                           GError               **error);
/* Deletes the plan's change sets (and the empty stacks a CREATE change set made):
 * what a plan that is not applied must do. */
gboolean             nines_aws_provisioner_discard_plan   (NinesAwsProvisioner   *self,
                                                           NinesAwsPlan          *plan,
                                                           GError               **error);
/* Executes the plan step by step. Stops at the first failure (the error names the
 * failed resource and AWS's reason; CloudFormation rolls back and the final state is
 * reported) or when @cancellable fires (an update in progress is cancelled with
 * CancelUpdateStack, a creation is waited for; no further step starts). The document's
 * provisioning section is updated after every step. */
gboolean             nines_aws_provisioner_apply          (NinesAwsProvisioner   *self,
                                                           NinesAwsPlan          *plan,
                                                           GCancellable          *cancellable,
                                                           GError               **error);
/* DescribeStacks and ListStackResources for each region's stack.
 * (element-type NinesAwsStackState) */
GPtrArray           *nines_aws_provisioner_status         (NinesAwsProvisioner   *self,
                                                           GCancellable          *cancellable,
                                                           GError               **error);
/* Deletes the stacks in reverse order. @leftovers receives what was not deleted and why
 * (retained buckets and tables, final DB snapshots, resources that failed to delete).
 * (element-type NinesAwsLeftover) */
gboolean             nines_aws_provisioner_destroy        (NinesAwsProvisioner   *self,
                                                           GPtrArray            **leftovers,
                                                           GCancellable          *cancellable,
                                                           GError               **error);

/* The plan as text: per region, resources added / modified (replacement flagged) /
 * removed, parameters and their sources, and the monthly cost. */
char                *nines_aws_plan_to_text               (const NinesAwsPlan    *plan);
/* The least IAM policy (JSON) that lets a principal plan, apply, watch and destroy the
 * deployment's stacks: CloudFormation on the stacks plus what each resource type needs. */
char                *nines_aws_provisioner_dup_policy     (NinesDeployment       *deployment,
                                                           GError               **error);
/* When @error is an authorization failure (AccessDenied, UnauthorizedOperation, a
 * CloudFormation resource failing for lack of permission): which action was denied,
 * for which principal, and the policy statement to ask for. NULL otherwise. */
char                *nines_aws_explain_denied             (const char            *message);

G_END_DECLS
