/* CloudFormation result types and their reading from the Query protocol's XML
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/) */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include "nines-aws-cloudformation-private.h"

static void
output_free (gpointer data)
{
  NinesAwsStackOutput *o = data;

  g_free (o->key);
  g_free (o->value);
  g_free (o->description);
  g_free (o->export_name);
  g_free (o);
}

void
nines_aws_stack_free (NinesAwsStack *stack)
{
  if (stack == NULL)
    return;
  g_free (stack->stack_id);
  g_free (stack->stack_name);
  g_free (stack->status);
  g_free (stack->status_reason);
  g_free (stack->description);
  g_ptr_array_unref (stack->outputs);
  g_ptr_array_unref (stack->parameters);
  g_free (stack);
}

void
nines_aws_stack_event_free (NinesAwsStackEvent *e)
{
  if (e == NULL)
    return;
  g_free (e->event_id);
  g_free (e->stack_id);
  g_free (e->stack_name);
  g_free (e->logical_id);
  g_free (e->physical_id);
  g_free (e->resource_type);
  g_free (e->status);
  g_free (e->status_reason);
  g_free (e);
}

void
nines_aws_stack_resource_free (NinesAwsStackResource *r)
{
  if (r == NULL)
    return;
  g_free (r->logical_id);
  g_free (r->physical_id);
  g_free (r->resource_type);
  g_free (r->status);
  g_free (r->status_reason);
  g_free (r);
}

static void
change_free (gpointer data)
{
  NinesAwsResourceChange *c = data;

  g_free (c->action);
  g_free (c->logical_id);
  g_free (c->physical_id);
  g_free (c->resource_type);
  g_free (c->replacement);
  g_free (c);
}

void
nines_aws_change_set_free (NinesAwsChangeSet *cs)
{
  if (cs == NULL)
    return;
  g_free (cs->change_set_id);
  g_free (cs->change_set_name);
  g_free (cs->stack_id);
  g_free (cs->stack_name);
  g_free (cs->status);
  g_free (cs->status_reason);
  g_free (cs->execution_status);
  g_ptr_array_unref (cs->changes);
  g_free (cs);
}

static void
template_parameter_free (gpointer data)
{
  NinesAwsTemplateParameter *p = data;

  g_free (p->key);
  g_free (p->default_value);
  g_free (p->description);
  g_free (p);
}

void
nines_aws_template_summary_free (NinesAwsTemplateSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->description);
  g_strfreev (s->capabilities);
  g_free (s->capabilities_reason);
  g_ptr_array_unref (s->parameters);
  g_free (s);
}

void
nines_aws_change_set_ref_free (NinesAwsChangeSetRef *ref)
{
  if (ref == NULL)
    return;
  g_free (ref->change_set_id);
  g_free (ref->stack_id);
  g_free (ref);
}

const char *
nines_aws_stack_get_output (NinesAwsStack *stack,
                            const char    *key)
{
  g_return_val_if_fail (stack != NULL, NULL);
  for (guint i = 0; i < stack->outputs->len; i++)
    {
      NinesAwsStackOutput *o = g_ptr_array_index (stack->outputs, i);
      if (g_strcmp0 (o->key, key) == 0)
        return o->value;
    }
  return NULL;
}

gboolean
nines_aws_stack_status_is_final (const char *status)
{
  return status != NULL && !g_str_has_suffix (status, "_IN_PROGRESS") && !g_str_has_suffix (status, "_PENDING");
}

/* Text of a child, or NULL when absent or empty */
static char *
dup_text (NinesAwsXml *node,
          const char  *path)
{
  const char *t = nines_aws_xml_path_text (node, path);

  return t != NULL && *t != '\0' ? g_strdup (t) : NULL;
}

static gint64
timestamp (NinesAwsXml *node,
           const char  *path)
{
  return nines_aws_parse_timestamp (nines_aws_xml_path_text (node, path));
}

NinesAwsStack *
nines_aws_stack_from_xml (NinesAwsXml *m)
{
  NinesAwsStack *s = g_new0 (NinesAwsStack, 1);
  NinesAwsXml *list;

  s->stack_id = dup_text (m, "StackId");
  s->stack_name = dup_text (m, "StackName");
  s->status = dup_text (m, "StackStatus");
  s->status_reason = dup_text (m, "StackStatusReason");
  s->description = dup_text (m, "Description");
  s->creation_time = timestamp (m, "CreationTime");
  s->last_updated_time = timestamp (m, "LastUpdatedTime");
  s->outputs = g_ptr_array_new_with_free_func (output_free);
  s->parameters = g_ptr_array_new_with_free_func (output_free);
  list = nines_aws_xml_child (m, "Outputs");
  for (guint i = 0; list != NULL && i < list->children->len; i++)
    {
      NinesAwsXml *o = g_ptr_array_index (list->children, i);
      NinesAwsStackOutput *out = g_new0 (NinesAwsStackOutput, 1);

      out->key = dup_text (o, "OutputKey");
      out->value = dup_text (o, "OutputValue");
      out->description = dup_text (o, "Description");
      out->export_name = dup_text (o, "ExportName");
      g_ptr_array_add (s->outputs, out);
    }
  list = nines_aws_xml_child (m, "Parameters");
  for (guint i = 0; list != NULL && i < list->children->len; i++)
    {
      NinesAwsXml *o = g_ptr_array_index (list->children, i);
      NinesAwsStackOutput *p = g_new0 (NinesAwsStackOutput, 1);

      p->key = dup_text (o, "ParameterKey");
      p->value = dup_text (o, "ParameterValue");
      g_ptr_array_add (s->parameters, p);
    }
  return s;
}

NinesAwsStackEvent *
nines_aws_stack_event_from_xml (NinesAwsXml *m)
{
  NinesAwsStackEvent *e = g_new0 (NinesAwsStackEvent, 1);

  e->event_id = dup_text (m, "EventId");
  e->stack_id = dup_text (m, "StackId");
  e->stack_name = dup_text (m, "StackName");
  e->logical_id = dup_text (m, "LogicalResourceId");
  e->physical_id = dup_text (m, "PhysicalResourceId");
  e->resource_type = dup_text (m, "ResourceType");
  e->status = dup_text (m, "ResourceStatus");
  e->status_reason = dup_text (m, "ResourceStatusReason");
  e->timestamp = timestamp (m, "Timestamp");
  return e;
}

NinesAwsStackResource *
nines_aws_stack_resource_from_xml (NinesAwsXml *m)
{
  NinesAwsStackResource *r = g_new0 (NinesAwsStackResource, 1);

  r->logical_id = dup_text (m, "LogicalResourceId");
  r->physical_id = dup_text (m, "PhysicalResourceId");
  r->resource_type = dup_text (m, "ResourceType");
  r->status = dup_text (m, "ResourceStatus");
  r->status_reason = dup_text (m, "ResourceStatusReason");
  r->last_updated_time = timestamp (m, "LastUpdatedTimestamp");
  return r;
}

NinesAwsChangeSet *
nines_aws_change_set_from_xml (NinesAwsXml *result)
{
  NinesAwsChangeSet *cs = g_new0 (NinesAwsChangeSet, 1);

  cs->change_set_id = dup_text (result, "ChangeSetId");
  cs->change_set_name = dup_text (result, "ChangeSetName");
  cs->stack_id = dup_text (result, "StackId");
  cs->stack_name = dup_text (result, "StackName");
  cs->status = dup_text (result, "Status");
  cs->status_reason = dup_text (result, "StatusReason");
  cs->execution_status = dup_text (result, "ExecutionStatus");
  cs->changes = g_ptr_array_new_with_free_func (change_free);
  nines_aws_change_set_add_changes (cs, result);
  return cs;
}

void
nines_aws_change_set_add_changes (NinesAwsChangeSet *cs,
                                  NinesAwsXml       *result)
{
  NinesAwsXml *list = nines_aws_xml_child (result, "Changes");

  for (guint i = 0; list != NULL && i < list->children->len; i++)
    {
      NinesAwsXml *rc = nines_aws_xml_path (g_ptr_array_index (list->children, i), "ResourceChange");
      NinesAwsResourceChange *c;

      if (rc == NULL)
        continue;
      c = g_new0 (NinesAwsResourceChange, 1);
      c->action = dup_text (rc, "Action");
      c->logical_id = dup_text (rc, "LogicalResourceId");
      c->physical_id = dup_text (rc, "PhysicalResourceId");
      c->resource_type = dup_text (rc, "ResourceType");
      c->replacement = dup_text (rc, "Replacement");
      g_ptr_array_add (cs->changes, c);
    }
}

NinesAwsTemplateSummary *
nines_aws_template_summary_from_xml (NinesAwsXml *result)
{
  NinesAwsTemplateSummary *s = g_new0 (NinesAwsTemplateSummary, 1);
  g_autoptr(GStrvBuilder) caps = g_strv_builder_new ();
  NinesAwsXml *list;

  s->description = dup_text (result, "Description");
  s->capabilities_reason = dup_text (result, "CapabilitiesReason");
  s->parameters = g_ptr_array_new_with_free_func (template_parameter_free);
  list = nines_aws_xml_child (result, "Capabilities");
  for (guint i = 0; list != NULL && i < list->children->len; i++)
    {
      NinesAwsXml *c = g_ptr_array_index (list->children, i);
      if (c->text != NULL && *c->text)
        g_strv_builder_add (caps, c->text);
    }
  s->capabilities = g_strv_builder_end (caps);
  list = nines_aws_xml_child (result, "Parameters");
  for (guint i = 0; list != NULL && i < list->children->len; i++)
    {
      NinesAwsXml *m = g_ptr_array_index (list->children, i);
      NinesAwsTemplateParameter *p = g_new0 (NinesAwsTemplateParameter, 1);

      p->key = dup_text (m, "ParameterKey");
      p->default_value = dup_text (m, "DefaultValue");
      p->description = dup_text (m, "Description");
      p->no_echo = g_strcmp0 (nines_aws_xml_path_text (m, "NoEcho"), "true") == 0;
      g_ptr_array_add (s->parameters, p);
    }
  return s;
}
