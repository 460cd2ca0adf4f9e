/* fuzz-aws-xml.c: the AWS XML response parser (GMarkup element tree) and the
 * CloudFormation readers and error-body reader built on it.
 *
 * Each input is read as every response Nines takes apart: the tree itself, every
 * "member" as a stack, a stack event and a stack resource, the result as a change set
 * and a template summary, the body as an AWS error (XML or JSON), every text as a
 * timestamp. */
#define G_LOG_DOMAIN "nines-fuzz"

#include "config.h"

#include <stdlib.h>

#include "nines-aws-client-private.h"
#include "nines-aws-cloudformation-private.h"
#include "nines-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  nines_fuzz_setup ();
  return 0;
}

static void
walk (NinesAwsXml *node,
      guint        depth)
{
  /* the parser promises at most 64 levels */
  if (depth > 64)
    abort ();
  if (node->name == NULL)
    abort ();
  if (node->text != NULL)
    nines_aws_parse_timestamp (node->text);
  if (g_str_equal (node->name, "member"))
    {
      NinesAwsStack *stack = nines_aws_stack_from_xml (node);
      NinesAwsStackEvent *event = nines_aws_stack_event_from_xml (node);
      NinesAwsStackResource *resource = nines_aws_stack_resource_from_xml (node);

      g_clear_pointer (&stack, nines_aws_stack_free);
      g_clear_pointer (&event, nines_aws_stack_event_free);
      g_clear_pointer (&resource, nines_aws_stack_resource_free);
    }
  else if (g_str_has_suffix (node->name, "Result"))
    {
      NinesAwsChangeSet *change_set = nines_aws_change_set_from_xml (node);
      NinesAwsTemplateSummary *summary = nines_aws_template_summary_from_xml (node);

      if (change_set != NULL)
        nines_aws_change_set_add_changes (change_set, node);
      g_clear_pointer (&change_set, nines_aws_change_set_free);
      g_clear_pointer (&summary, nines_aws_template_summary_free);
    }
  for (guint i = 0; node->children && i < node->children->len; i++)
    {
      NinesAwsXml *child = g_ptr_array_index (node->children, i);

      if (child->parent != node)
        abort ();
      walk (child, depth + 1);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesAwsXml) root = nines_aws_xml_parse ((const char *) data, size, "fuzz response", &error);
  g_autoptr(NinesAwsResponse) response = nines_aws_response_new (400);
  g_autoptr(GBytes) body = g_bytes_new (data, size);
  g_autofree char *code = NULL, *message = NULL, *request_id = NULL;

  if (root == NULL)
    {
      if (error == NULL || error->message[0] == '\0')
        abort ();
    }
  else
    {
      walk (root, 0);
      nines_aws_xml_path_text (root, "DescribeStacksResult/Stacks/member/StackName");
      nines_aws_xml_find (root, "Error");
    }

  nines_aws_response_add_header (response, "Content-Type",
                                 size > 0 && data[0] == '{' ? "application/x-amz-json-1.1" : "text/xml");
  nines_aws_response_set_body (response, body);
  nines_aws_parse_error_body (response, &code, &message, &request_id);
  return 0;
}
