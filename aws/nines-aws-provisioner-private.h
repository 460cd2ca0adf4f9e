/* nines-aws-provisioner-private.h: what the provisioner's files share (private to
 * libnines-aws). nines-aws-provisioner.c: object, parameters, state, plan;
 * nines-aws-provisioner-state.c: the provisioning section, whoami, live stacks;
 * nines-aws-provisioner-apply.c: apply, watch, status, destroy;
 * nines-aws-provisioner-iam.c: the policy and denied-action explanations;
 * nines-aws-provisioner-text.c: the plan as text. */
#pragma once

#include "nines-aws-client-private.h"
#include "nines-aws-provisioner.h"

G_BEGIN_DECLS

#define NINES_CFN_API_VERSION "2010-05-15"

struct _NinesAwsProvisioner
{
  GObject                parent_instance;

  NinesAwsClient        *client;
  NinesDocument         *document;
  NinesDeployment       *deployment;
  GStrv                  regions;
  GHashTable            *clients;       /* region -> NinesAwsClient */
  GHashTable            *parameters;    /* "region\nkey" or "*\nkey" -> value */
  guint                  poll_ms;

  NinesAwsProvisionFunc  progress;
  gpointer               progress_data;
  GDestroyNotify         progress_destroy;

  char                  *account;       /* from whoami */
  char                  *arn;
};

/* nines-aws-provisioner-state.c: the parameters the document remembers */
void            _nines_aws_provisioner_load_parameters (NinesAwsProvisioner *self);
NinesAwsClient *_nines_aws_provisioner_client   (NinesAwsProvisioner *self,
                                                 const char          *region);
void            _nines_aws_provisioner_emit     (NinesAwsProvisioner *self,
                                                 const NinesAwsProvisionEvent *event);
void            _nines_aws_provisioner_message  (NinesAwsProvisioner *self,
                                                 const char          *region,
                                                 const char          *format,
                                                 ...) G_GNUC_PRINTF (3, 4);
/* The live stack, NULL with no error when it does not exist */
NinesAwsStack  *_nines_aws_provisioner_describe (NinesAwsProvisioner *self,
                                                 const char          *region,
                                                 const char          *stack_name,
                                                 GCancellable        *cancellable,
                                                 GError             **error);
/* Records @stack (or its absence: @stack NULL) in the document's provisioning section */
void            _nines_aws_provisioner_record   (NinesAwsProvisioner *self,
                                                 const char          *region,
                                                 const char          *stack_name,
                                                 const NinesAwsStack *stack);
/* Every parameter of @step resolved now (outputs of live stacks, user values):
 * key, value… NULL-terminated; FALSE with an error when one is still missing */
GStrv           _nines_aws_provisioner_resolve  (NinesAwsProvisioner *self,
                                                 NinesAwsPlanStep    *step,
                                                 GHashTable          *live_outputs,
                                                 GError             **error);
/* Creates, waits for and describes the step's change set; sets step->no_changes when
 * CloudFormation found nothing to do */
gboolean        _nines_aws_provisioner_make_change_set (NinesAwsProvisioner *self,
                                                        NinesAwsPlanStep    *step,
                                                        const char * const  *parameters,
                                                        GCancellable        *cancellable,
                                                        GError             **error);
/* The template for @region as text (transfer full) */
char           *_nines_aws_provisioner_template (NinesAwsProvisioner *self,
                                                 const char          *region,
                                                 GError             **error);
/* Prefixes @error's message with the explanation of a denied action, if it is one */
void            _nines_aws_provisioner_explain  (GError             **error);

void            _nines_aws_plan_step_free       (NinesAwsPlanStep    *step);

G_END_DECLS
