/* nines-aws-cloudformation-private.h: XML readers for the CloudFormation types */
#pragma once

#include "nines-aws-client-private.h"

G_BEGIN_DECLS

NinesAwsStack           *nines_aws_stack_from_xml             (NinesAwsXml       *member);
NinesAwsStackEvent      *nines_aws_stack_event_from_xml       (NinesAwsXml       *member);
NinesAwsStackResource   *nines_aws_stack_resource_from_xml    (NinesAwsXml       *member);
NinesAwsChangeSet       *nines_aws_change_set_from_xml        (NinesAwsXml       *result);
void                     nines_aws_change_set_add_changes     (NinesAwsChangeSet *change_set,
                                                               NinesAwsXml       *result);
NinesAwsTemplateSummary *nines_aws_template_summary_from_xml  (NinesAwsXml       *result);

G_END_DECLS
