/* nines-cfn-template.h: a deployment as CloudFormation templates, one per region.
 *
 * Pure: the same deployment always gives the same bytes. The templates hold no secret
 * (database passwords are managed by RDS in Secrets Manager) and everything the user
 * must choose (AMIs, certificates, domain, hosted zone…) is a parameter with a
 * description. Cross-region references (the source database of a read replica, the
 * Aurora global cluster) are parameters filled from the primary stack's outputs.
 * A recovery-region template has a FailoverState parameter: "steady" deploys the
 * standby the pattern keeps; "failed-over" creates what recovery adds and scales to
 * full size. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "nines-deployment.h"

G_BEGIN_DECLS

/* The regions that get a template: the primary first, then the recovery region, then
 * any other region the deployment uses. */
GStrv     nines_cfn_template_list_regions (NinesDeployment  *deployment);

/* The template for @region (one of the list above). Fails with
 * NINES_MODEL_ERROR_INVALID when the deployment has nothing in @region. */
JsonNode *nines_cfn_template_build        (NinesDeployment  *deployment,
                                           const char       *region,
                                           GError          **error);

/* The template as deterministic, pretty JSON text ending in a newline. */
char     *nines_cfn_template_to_string    (JsonNode         *template_node);

/* A stack name for the document and region: "nines-storefront-us-east-1". */
char     *nines_cfn_template_stack_name   (NinesDeployment  *deployment,
                                           const char       *region);

G_END_DECLS
