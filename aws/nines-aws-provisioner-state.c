/* nines-aws-provisioner-state.c: what the document remembers (account, stacks,
 * parameters) in its provisioning section, who we are, and the live stacks */
#define G_LOG_DOMAIN "nines-aws-provisioner"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-aws-provisioner-private.h"

static JsonObject *
section_object (NinesAwsProvisioner *self)
{
  JsonNode *node = nines_document_get_section (self->document, NINES_AWS_PROVISIONING_SECTION);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

void
_nines_aws_provisioner_load_parameters (NinesAwsProvisioner *self)
{
  JsonObject *section = section_object (self);
  JsonObject *params;
  g_autoptr(GList) scopes = NULL;

  if (section == NULL || !json_object_has_member (section, "parameters"))
    return;
  if (!JSON_NODE_HOLDS_OBJECT (json_object_get_member (section, "parameters")))
    return;
  params = json_object_get_object_member (section, "parameters");
  scopes = json_object_get_members (params);
  for (GList *l = scopes; l != NULL; l = l->next)
    {
      JsonNode *scope = json_object_get_member (params, l->data);
      g_autoptr(GList) keys = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (scope))
        continue;
      keys = json_object_get_members (json_node_get_object (scope));
      for (GList *k = keys; k != NULL; k = k->next)
        {
          JsonNode *v = json_object_get_member (json_node_get_object (scope), k->data);

          if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
            g_hash_table_insert (self->parameters, g_strdup_printf ("%s\n%s", (char *) l->data, (char *) k->data),
                                 g_strdup (json_node_get_string (v)));
        }
    }
}

/* Account and stacks as the document remembers them */

NinesAwsCallerIdentity *
nines_aws_provisioner_whoami (NinesAwsProvisioner  *self,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  JsonObject *section;
  const char *remembered = NULL;

  g_return_val_if_fail (NINES_IS_AWS_PROVISIONER (self), NULL);

  if (!(id = nines_aws_client_get_caller_identity (self->client, cancellable, error)))
    return NULL;
  section = section_object (self);
  if (section != NULL && json_object_has_member (section, "account"))
    remembered = json_object_get_string_member_with_default (section, "account", NULL);
  if (remembered != NULL && *remembered != '\0' && g_strcmp0 (remembered, id->account) != 0)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("“%s” was provisioned to AWS account %s, but these credentials belong to account %s "
                     "(%s). Use a profile of account %s."),
                   nines_document_get_name (self->document), remembered, id->account, id->arn, remembered);
      return NULL;
    }
  g_free (self->account);
  self->account = g_strdup (id->account);
  g_free (self->arn);
  self->arn = g_strdup (id->arn);
  return g_steal_pointer (&id);
}

NinesAwsStack *
_nines_aws_provisioner_describe (NinesAwsProvisioner  *self,
                                 const char           *region,
                                 const char           *stack_name,
                                 GCancellable         *cancellable,
                                 GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) stacks = NULL;

  stacks = nines_aws_cfn_describe_stacks (_nines_aws_provisioner_client (self, region), stack_name,
                                          cancellable, &local_error);
  if (stacks == NULL)
    {
      g_autofree char *code = nines_aws_error_dup_code (local_error);

      if (g_strcmp0 (code, "ValidationError") == 0 && strstr (local_error->message, "does not exist") != NULL)
        return NULL;
      g_propagate_error (error, g_steal_pointer (&local_error));
      _nines_aws_provisioner_explain (error);
      return NULL;
    }
  if (stacks->len == 0)
    return NULL;
  return g_steal_pointer (&g_ptr_array_index (stacks, 0));
}

void
_nines_aws_provisioner_record (NinesAwsProvisioner *self,
                               const char          *region,
                               const char          *stack_name,
                               const NinesAwsStack *stack)
{
  JsonObject *old = section_object (self);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GPtrArray) scopes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) keys = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *now_text = g_date_time_format_iso8601 (now);
  JsonArray *old_stacks = NULL;
  gboolean written = FALSE;

  /* A stack with only a change set under review holds nothing yet */
  if (stack != NULL && g_strcmp0 (stack->status, "REVIEW_IN_PROGRESS") == 0)
    stack = NULL;
  if (old != NULL && json_object_has_member (old, "stacks")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (old, "stacks")))
    old_stacks = json_object_get_array_member (old, "stacks");

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "account");
  if (self->account != NULL)
    json_builder_add_string_value (b, self->account);
  else
    json_builder_add_string_value (b, old ? json_object_get_string_member_with_default (old, "account", "") : "");
  if (self->arn != NULL)
    {
      json_builder_set_member_name (b, "principal");
      json_builder_add_string_value (b, self->arn);
    }
  json_builder_set_member_name (b, "pattern");
  json_builder_add_string_value (b, nines_dr_pattern_to_string (nines_deployment_get_pattern (self->deployment)));

  /* The parameters the user gave, by scope ("*" = every region). None is secret: the
   * templates hold no secret (DESIGN.md §8) and have no NoEcho parameter. */
  json_builder_set_member_name (b, "parameters");
  json_builder_begin_object (b);
  keys = g_hash_table_get_keys (self->parameters);
  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *nl = strchr (l->data, '\n');
      g_autofree char *scope = g_strndup (l->data, nl - (char *) l->data);
      gboolean seen = FALSE;

      for (guint i = 0; i < scopes->len; i++)
        seen |= g_str_equal (g_ptr_array_index (scopes, i), scope);
      if (seen)
        continue;
      g_ptr_array_add (scopes, g_strdup (scope));
      json_builder_set_member_name (b, scope);
      json_builder_begin_object (b);
      for (GList *k = keys; k != NULL; k = k->next)
        if (g_str_has_prefix (k->data, scope) && ((char *) k->data)[strlen (scope)] == '\n')
          {
            json_builder_set_member_name (b, (char *) k->data + strlen (scope) + 1);
            json_builder_add_string_value (b, g_hash_table_lookup (self->parameters, k->data));
          }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "stacks");
  json_builder_begin_array (b);
  for (guint i = 0; old_stacks != NULL && i < json_array_get_length (old_stacks); i++)
    {
      JsonNode *n = json_array_get_element (old_stacks, i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;

      if (o == NULL)
        continue;
      if (g_strcmp0 (json_object_get_string_member_with_default (o, "name", NULL), stack_name) == 0
          && g_strcmp0 (json_object_get_string_member_with_default (o, "region", NULL), region) == 0)
        {
          written = TRUE;
          if (stack == NULL)
            continue;
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "region");
          json_builder_add_string_value (b, region);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, stack_name);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, stack->stack_id);
          json_builder_set_member_name (b, "status");
          json_builder_add_string_value (b, stack->status);
          json_builder_set_member_name (b, "checked");
          json_builder_add_string_value (b, now_text);
          json_builder_end_object (b);
        }
      else
        json_builder_add_value (b, json_node_copy (n));
    }
  if (!written && stack != NULL)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "region");
      json_builder_add_string_value (b, region);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, stack_name);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, stack->stack_id);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, stack->status);
      json_builder_set_member_name (b, "checked");
      json_builder_add_string_value (b, now_text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  {
    g_autoptr(JsonNode) root = json_builder_get_root (b);
    JsonArray *stacks = json_object_get_array_member (json_node_get_object (root), "stacks");

    /* Nothing provisioned any more: the document forgets the account too */
    if (json_array_get_length (stacks) == 0)
      json_object_set_string_member (json_node_get_object (root), "account", "");
    nines_document_set_section (self->document, NINES_AWS_PROVISIONING_SECTION, root);
  }
}

void
nines_aws_stack_state_free (NinesAwsStackState *state)
{
  if (state == NULL)
    return;
  g_free (state->region);
  g_free (state->stack_name);
  g_free (state->stack_id);
  g_free (state->status);
  g_free (state->status_reason);
  g_clear_pointer (&state->resources, g_ptr_array_unref);
  g_clear_pointer (&state->outputs, g_ptr_array_unref);
  g_free (state);
}

void
nines_aws_leftover_free (NinesAwsLeftover *leftover)
{
  if (leftover == NULL)
    return;
  g_free (leftover->region);
  g_free (leftover->stack_name);
  g_free (leftover->logical_id);
  g_free (leftover->physical_id);
  g_free (leftover->resource_type);
  g_free (leftover->reason);
  g_free (leftover);
}
