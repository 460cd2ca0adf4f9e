/* nines-aws-provisioner.c: the provisioner object, parameters, remembered state, plan */
#define G_LOG_DOMAIN "nines-aws-provisioner"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-aws-provisioner-private.h"

G_DEFINE_FINAL_TYPE (NinesAwsProvisioner, nines_aws_provisioner, G_TYPE_OBJECT)

/* CloudFormation polls: AWS's own waiters poll DescribeStacks every 30 s
 * (botocore waiters-2 StackCreateComplete "delay": 30); events stream better at 2 s,
 * well within DescribeStackEvents' throttling limits. */
#define DEFAULT_POLL_MS 2000

static void
nines_aws_provisioner_finalize (GObject *object)
{
  NinesAwsProvisioner *self = (NinesAwsProvisioner *)object;

  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  g_clear_object (&self->client);
  g_clear_object (&self->document);
  g_clear_pointer (&self->deployment, nines_deployment_unref);
  g_clear_pointer (&self->regions, g_strfreev);
  g_clear_pointer (&self->clients, g_hash_table_unref);
  g_clear_pointer (&self->parameters, g_hash_table_unref);
  g_clear_pointer (&self->account, g_free);
  g_clear_pointer (&self->arn, g_free);
  G_OBJECT_CLASS (nines_aws_provisioner_parent_class)->finalize (object);
}

static void
nines_aws_provisioner_class_init (NinesAwsProvisionerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nines_aws_provisioner_finalize;
}

static void
nines_aws_provisioner_init (NinesAwsProvisioner *self)
{
  self->clients = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->parameters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->poll_ms = DEFAULT_POLL_MS;
}

NinesAwsProvisioner *
nines_aws_provisioner_new (NinesAwsClient *client,
                           NinesDocument  *document,
                           NinesDrPattern  pattern)
{
  NinesAwsProvisioner *self;

  g_return_val_if_fail (NINES_IS_AWS_CLIENT (client), NULL);
  g_return_val_if_fail (NINES_IS_DOCUMENT (document), NULL);

  self = g_object_new (NINES_TYPE_AWS_PROVISIONER, NULL);
  self->client = g_object_ref (client);
  self->document = g_object_ref (document);
  self->deployment = nines_deployment_new (document, pattern);
  self->regions = nines_cfn_template_list_regions (self->deployment);
  _nines_aws_provisioner_load_parameters (self);
  return self;
}

NinesDocument *
nines_aws_provisioner_get_document (NinesAwsProvisioner *self)
{
  g_return_val_if_fail (NINES_IS_AWS_PROVISIONER (self), NULL);
  return self->document;
}

NinesDeployment *
nines_aws_provisioner_get_deployment (NinesAwsProvisioner *self)
{
  g_return_val_if_fail (NINES_IS_AWS_PROVISIONER (self), NULL);
  return self->deployment;
}

const char * const *
nines_aws_provisioner_get_regions (NinesAwsProvisioner *self)
{
  g_return_val_if_fail (NINES_IS_AWS_PROVISIONER (self), NULL);
  return (const char * const *) self->regions;
}

char *
nines_aws_provisioner_dup_stack_name (NinesAwsProvisioner *self,
                                      const char          *region)
{
  g_return_val_if_fail (NINES_IS_AWS_PROVISIONER (self), NULL);
  g_return_val_if_fail (region != NULL, NULL);
  return nines_cfn_template_stack_name (self->deployment, region);
}

void
nines_aws_provisioner_set_parameter (NinesAwsProvisioner *self,
                                     const char          *region,
                                     const char          *key,
                                     const char          *value)
{
  g_return_if_fail (NINES_IS_AWS_PROVISIONER (self));
  g_return_if_fail (key != NULL && value != NULL);
  g_hash_table_insert (self->parameters, g_strdup_printf ("%s\n%s", region ? region : "*", key), g_strdup (value));
}

void
nines_aws_provisioner_set_poll_interval (NinesAwsProvisioner *self,
                                         guint                poll_ms)
{
  g_return_if_fail (NINES_IS_AWS_PROVISIONER (self));
  self->poll_ms = MAX (poll_ms, 10);
}

void
nines_aws_provisioner_set_progress_func (NinesAwsProvisioner   *self,
                                         NinesAwsProvisionFunc  func,
                                         gpointer               user_data,
                                         GDestroyNotify         destroy)
{
  g_return_if_fail (NINES_IS_AWS_PROVISIONER (self));
  if (self->progress_destroy != NULL)
    self->progress_destroy (self->progress_data);
  self->progress = func;
  self->progress_data = user_data;
  self->progress_destroy = destroy;
}

void
_nines_aws_provisioner_emit (NinesAwsProvisioner          *self,
                             const NinesAwsProvisionEvent *event)
{
  if (self->progress != NULL)
    self->progress (event, self->progress_data);
}

void
_nines_aws_provisioner_message (NinesAwsProvisioner *self,
                                const char          *region,
                                const char          *format,
                                ...)
{
  NinesAwsProvisionEvent ev = { NINES_AWS_PROVISION_MESSAGE, };
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  ev.region = region;
  ev.message = text;
  _nines_aws_provisioner_emit (self, &ev);
}

NinesAwsClient *
_nines_aws_provisioner_client (NinesAwsProvisioner *self,
                               const char          *region)
{
  NinesAwsClient *client = g_hash_table_lookup (self->clients, region);

  if (client == NULL)
    {
      client = nines_aws_client_new_for_region (self->client, region);
      g_hash_table_insert (self->clients, g_strdup (region), client);
    }
  return client;
}

/* Plan */

static void
plan_parameter_free (NinesAwsPlanParameter *p)
{
  g_free (p->key);
  g_free (p->value);
  g_free (p->note);
  g_free (p->type);
  g_free (p);
}

void
_nines_aws_plan_step_free (NinesAwsPlanStep *step)
{
  if (step == NULL)
    return;
  g_free (step->region);
  g_free (step->stack_name);
  g_free (step->action);
  g_free (step->purpose);
  g_free (step->stack_status);
  g_clear_pointer (&step->parameters, g_ptr_array_unref);
  g_free (step->template_body);
  g_free (step->change_set_name);
  g_clear_pointer (&step->change_set, nines_aws_change_set_free);
  g_free (step);
}

void
nines_aws_plan_free (NinesAwsPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->account);
  g_free (plan->arn);
  g_strfreev (plan->regions);
  g_clear_pointer (&plan->steps, g_ptr_array_unref);
  g_free (plan);
}

char *
_nines_aws_provisioner_template (NinesAwsProvisioner  *self,
                                 const char           *region,
                                 GError              **error)
{
  g_autoptr(JsonNode) tmpl = nines_cfn_template_build (self->deployment, region, error);

  return tmpl ? nines_cfn_template_to_string (tmpl) : NULL;
}

/* "… (output DbArn of the us-east-1 stack)": the export states each cross-region
 * reference in the parameter's description (model/nines-cfn-data.c). */
static gboolean
parse_output_reference (const char  *description,
                        char       **output,
                        char       **region)
{
  g_autoptr(GRegex) re = g_regex_new ("\\(output ([A-Za-z0-9]+) of the ([a-z0-9-]+) stack\\)", 0, 0, NULL);
  g_autoptr(GMatchInfo) m = NULL;

  if (description == NULL || !g_regex_match (re, description, 0, &m))
    return FALSE;
  *output = g_match_info_fetch (m, 1);
  *region = g_match_info_fetch (m, 2);
  return TRUE;
}

static const char *
user_value (NinesAwsProvisioner *self,
            const char          *region,
            const char          *key)
{
  g_autofree char *rk = g_strdup_printf ("%s\n%s", region, key);
  g_autofree char *ak = g_strdup_printf ("*\n%s", key);
  const char *v = g_hash_table_lookup (self->parameters, rk);

  return v ? v : g_hash_table_lookup (self->parameters, ak);
}

/* The parameters of @region's template for a step; @replication_on says what the
 * ReplicationEnabled phase parameter is; @live_outputs maps region -> (key -> value)
 * of the stacks that exist now (nullable) */
static GPtrArray *
step_parameters (NinesAwsProvisioner *self,
                 const char          *region,
                 const char          *template_body,
                 gboolean             replication_on,
                 GHashTable          *live_outputs,
                 gboolean             at_apply)
{
  g_autoptr(JsonNode) root = json_from_string (template_body, NULL);
  GPtrArray *params = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_parameter_free);
  JsonObject *decl;
  g_autoptr(GList) keys = NULL;

  if (root == NULL || !json_object_has_member (json_node_get_object (root), "Parameters"))
    return params;
  decl = json_object_get_object_member (json_node_get_object (root), "Parameters");
  keys = g_list_sort (json_object_get_members (decl), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonObject *spec = json_object_get_object_member (decl, key);
      const char *description = json_object_get_string_member_with_default (spec, "Description", NULL);
      NinesAwsPlanParameter *p = g_new0 (NinesAwsPlanParameter, 1);
      g_autofree char *out = NULL, *out_region = NULL;
      const char *user = user_value (self, region, key);

      p->key = g_strdup (key);
      p->type = g_strdup (json_object_get_string_member_with_default (spec, "Type", "String"));
      if (g_str_equal (key, "ReplicationEnabled"))
        {
          p->source = NINES_AWS_PARAM_PHASE;
          p->value = g_strdup (replication_on ? "true" : "false");
          p->note = g_strdup (replication_on
                              ? _("S3 replication on: the other regions' buckets exist by then")
                              : _("S3 replication off until the other regions' stacks exist"));
        }
      else if (user != NULL)
        {
          p->source = NINES_AWS_PARAM_USER;
          p->value = g_strdup (user);
        }
      else if (parse_output_reference (description, &out, &out_region))
        {
          GHashTable *outputs = live_outputs ? g_hash_table_lookup (live_outputs, out_region) : NULL;
          const char *value = outputs ? g_hash_table_lookup (outputs, out) : NULL;
          g_autofree char *src_stack = nines_cfn_template_stack_name (self->deployment, out_region);

          p->source = NINES_AWS_PARAM_OUTPUT;
          if (value != NULL)
            {
              p->value = g_strdup (value);
              p->note = g_strdup_printf (_("output %s of %s"), out, src_stack);
            }
          else if (!at_apply)
            {
              /* A stand-in so CloudFormation can show the change set now; apply makes the
               * change set again with the real value once that stack exists. */
              p->value = g_strdup_printf ("pending-%s-%s", src_stack, out);
              p->note = g_strdup_printf (_("output %s of %s, known once that stack is created"), out, src_stack);
            }
          else
            {
              p->source = NINES_AWS_PARAM_MISSING;
              p->note = g_strdup_printf (_("output %s of %s, which that stack does not have"), out, src_stack);
            }
        }
      else if (json_object_has_member (spec, "Default"))
        {
          p->source = NINES_AWS_PARAM_DEFAULT;
          p->note = g_strdup (_("template default"));
        }
      else
        {
          p->source = NINES_AWS_PARAM_MISSING;
          p->note = g_strdup (description ? description : "");
        }
      g_ptr_array_add (params, p);
    }
  return params;
}

static GHashTable *
outputs_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
}

static void
add_live_outputs (GHashTable          *live_outputs,
                  const char          *region,
                  const NinesAwsStack *stack)
{
  GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; stack->outputs != NULL && i < stack->outputs->len; i++)
    {
      NinesAwsStackOutput *o = g_ptr_array_index (stack->outputs, i);

      g_hash_table_insert (t, g_strdup (o->key), g_strdup (o->value));
    }
  g_hash_table_insert (live_outputs, g_strdup (region), t);
}

GStrv
_nines_aws_provisioner_resolve (NinesAwsProvisioner  *self,
                                NinesAwsPlanStep     *step,
                                GHashTable           *live_outputs,
                                GError              **error)
{
  g_autoptr(GStrvBuilder) sb = g_strv_builder_new ();
  gboolean replication_on = FALSE;
  g_autoptr(GPtrArray) params = NULL;

  for (guint i = 0; i < step->parameters->len; i++)
    {
      NinesAwsPlanParameter *p = g_ptr_array_index (step->parameters, i);

      if (p->source == NINES_AWS_PARAM_PHASE)
        replication_on = g_strcmp0 (p->value, "true") == 0;
    }
  params = step_parameters (self, step->region, step->template_body, replication_on, live_outputs, TRUE);
  for (guint i = 0; i < params->len; i++)
    {
      NinesAwsPlanParameter *p = g_ptr_array_index (params, i);

      if (p->source == NINES_AWS_PARAM_MISSING)
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                       _("%s: parameter %s has no value: %s"), step->stack_name, p->key, p->note);
          return NULL;
        }
      if (p->value != NULL)
        {
          g_strv_builder_add (sb, p->key);
          g_strv_builder_add (sb, p->value);
        }
    }
  /* The plan's view of the parameters becomes what is sent */
  g_ptr_array_unref (step->parameters);
  step->parameters = g_steal_pointer (&params);
  return g_strv_builder_end (sb);
}

static char *
change_set_name_new (guint n)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

  return g_strdup_printf ("nines-%s-%u-%u", stamp, n, g_random_int_range (1000, 10000));
}

gboolean
_nines_aws_provisioner_make_change_set (NinesAwsProvisioner  *self,
                                        NinesAwsPlanStep     *step,
                                        const char * const   *parameters,
                                        GCancellable         *cancellable,
                                        GError              **error)
{
  static guint counter;
  NinesAwsClient *client = _nines_aws_provisioner_client (self, step->region);
  const char * const capabilities[] = { "CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", NULL };
  g_autofree char *bucket = NULL;
  const char *tags[] = {
    NINES_AWS_PROVISION_TAG_DOCUMENT, nines_document_get_uuid (self->document),
    "nines:document-name", nines_document_get_name (self->document),
    "nines:pattern", nines_dr_pattern_to_string (nines_deployment_get_pattern (self->deployment)),
    NULL
  };
  NinesAwsChangeSetSpec spec = { 0, };
  g_autoptr(NinesAwsChangeSetRef) ref = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *description = NULL;

  g_free (step->change_set_name);
  step->change_set_name = change_set_name_new (++counter);
  g_clear_pointer (&step->change_set, nines_aws_change_set_free);
  step->no_changes = FALSE;

  if (strlen (step->template_body) > NINES_AWS_CFN_INLINE_TEMPLATE_LIMIT && self->account != NULL)
    {
      /* Over CloudFormation's inline limit: the template goes through a bucket of the
       * account in the stack's region (destroy reports it as left behind). */
      bucket = g_strdup_printf ("nines-templates-%s-%s", self->account, step->region);
      if (!nines_aws_s3_create_bucket (client, bucket, cancellable, &local_error))
        {
          g_autofree char *code = nines_aws_error_dup_code (local_error);

          if (g_strcmp0 (code, "BucketAlreadyOwnedByYou") != 0)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              _nines_aws_provisioner_explain (error);
              return FALSE;
            }
          g_clear_error (&local_error);
        }
    }

  description = g_strdup_printf ("Nines: %s, %s", nines_document_get_name (self->document),
                                 nines_dr_pattern_to_string (nines_deployment_get_pattern (self->deployment)));
  spec.stack_name = step->stack_name;
  spec.change_set_name = step->change_set_name;
  spec.change_set_type = step->action;
  spec.template_body = step->template_body;
  spec.template_bucket = bucket;
  spec.parameters = parameters;
  spec.capabilities = capabilities;
  spec.tags = tags;
  spec.description = description;
  if (!(ref = nines_aws_cfn_create_change_set (client, &spec, cancellable, error)))
    {
      _nines_aws_provisioner_explain (error);
      return FALSE;
    }
  step->change_set = nines_aws_cfn_wait_change_set (client, step->stack_name, step->change_set_name,
                                                    MIN (self->poll_ms, 1000), 600 * 1000,
                                                    cancellable, &local_error);
  if (step->change_set == NULL)
    {
      /* "The submitted information didn't contain changes. Submit different information
       * to create a change set." (CloudFormation's StatusReason for an empty change set) */
      if (local_error->domain == NINES_AWS_ERROR && local_error->code != NINES_AWS_ERROR_CANCELLED
          && (strstr (local_error->message, "didn't contain changes") != NULL
              || strstr (local_error->message, "No updates are to be performed") != NULL))
        {
          step->no_changes = TRUE;
          step->change_set = nines_aws_cfn_describe_change_set (client, step->stack_name, step->change_set_name,
                                                                cancellable, NULL);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      _nines_aws_provisioner_explain (error);
      return FALSE;
    }
  step->no_changes = step->change_set->changes == NULL || step->change_set->changes->len == 0;
  return TRUE;
}

static NinesAwsPlanStep *
step_new (NinesAwsProvisioner *self,
          const char          *region,
          const char          *template_body,
          const NinesAwsStack *live)
{
  NinesAwsPlanStep *step = g_new0 (NinesAwsPlanStep, 1);

  step->region = g_strdup (region);
  step->stack_name = nines_cfn_template_stack_name (self->deployment, region);
  step->template_body = g_strdup (template_body);
  if (live != NULL)
    {
      step->stack_status = g_strdup (live->status);
      /* A stack whose creation failed and rolled back can only be deleted; one with only
       * a change set under review still takes a CREATE change set. */
      step->recreate = g_str_equal (live->status, "ROLLBACK_COMPLETE");
      step->action = g_strdup (step->recreate || g_str_equal (live->status, "REVIEW_IN_PROGRESS")
                               ? "CREATE" : "UPDATE");
    }
  else
    step->action = g_strdup ("CREATE");
  return step;
}

static void
price_steps (NinesAwsProvisioner *self,
             NinesAwsPlan        *plan)
{
  g_autoptr(NinesCostEstimate) estimate = nines_cost_model_estimate (self->deployment,
                                                                     nines_price_snapshot_get_default ());
  guint n = nines_cost_estimate_get_n_groups (estimate, NINES_COST_STEADY, NINES_COST_BY_REGION);
  NinesCostTotal total;

  for (guint i = 0; i < n; i++)
    {
      const char *key;
      double usd;
      guint missing;
      gboolean found = FALSE;

      nines_cost_estimate_get_group (estimate, NINES_COST_STEADY, NINES_COST_BY_REGION, i, &key, &usd, &missing);
      for (guint s = 0; s < plan->steps->len; s++)
        {
          NinesAwsPlanStep *step = g_ptr_array_index (plan->steps, s);

          /* a region's first step carries its cost; later steps change settings only */
          if (g_strcmp0 (step->region, key) == 0 && step->purpose == NULL)
            {
              step->monthly_usd = usd;
              step->n_missing_prices = missing;
              found = TRUE;
              break;
            }
        }
      if (!found)
        {
          plan->global_monthly_usd += usd;
          plan->n_missing_prices += missing;
        }
    }
  nines_cost_estimate_get_total (estimate, NINES_COST_STEADY, &total);
  plan->total_monthly_usd = total.total_usd;
  plan->n_missing_prices = total.n_missing;
}

NinesAwsPlan *
nines_aws_provisioner_plan (NinesAwsProvisioner  *self,
                            GCancellable         *cancellable,
                            GError              **error)
{
  g_autoptr(NinesAwsPlan) plan = g_new0 (NinesAwsPlan, 1);
  g_autoptr(GHashTable) live_outputs = outputs_table_new ();
  g_autoptr(GHashTable) exists = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GPtrArray) templates = g_ptr_array_new_with_free_func (g_free);
  gboolean any_replication_off = FALSE;
  guint n_regions;

  g_return_val_if_fail (NINES_IS_AWS_PROVISIONER (self), NULL);

  if (self->regions == NULL || self->regions[0] == NULL)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("“%s” has nothing to provision: no region holds a component"),
                   nines_document_get_name (self->document));
      return NULL;
    }
  if (self->account == NULL)
    {
      g_autoptr(NinesAwsCallerIdentity) id = nines_aws_provisioner_whoami (self, cancellable, error);

      if (id == NULL)
        return NULL;
    }
  plan->account = g_strdup (self->account);
  plan->arn = g_strdup (self->arn);
  plan->regions = g_strdupv (self->regions);
  plan->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) _nines_aws_plan_step_free);
  n_regions = g_strv_length (self->regions);

  /* What exists now */
  for (guint i = 0; i < n_regions; i++)
    {
      const char *region = self->regions[i];
      g_autofree char *name = nines_cfn_template_stack_name (self->deployment, region);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(NinesAwsStack) live = NULL;
      char *body;

      if (!(body = _nines_aws_provisioner_template (self, region, error)))
        return NULL;
      g_ptr_array_add (templates, body);
      live = _nines_aws_provisioner_describe (self, region, name, cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (live != NULL && !nines_aws_stack_status_is_final (live->status)
          && !g_str_equal (live->status, "REVIEW_IN_PROGRESS"))
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                       _("Stack %s in %s is busy (%s): wait until CloudFormation has finished, then plan again"),
                       name, region, live->status);
          return NULL;
        }
      if (live != NULL && g_str_equal (live->status, "DELETE_FAILED"))
        {
          g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                       _("Stack %s in %s could not be deleted (%s): destroy it first"),
                       name, region, live->status_reason ? live->status_reason : live->status);
          return NULL;
        }
      if (live != NULL && !g_str_equal (live->status, "REVIEW_IN_PROGRESS") && !g_str_equal (live->status, "ROLLBACK_COMPLETE"))
        {
          g_hash_table_add (exists, (gpointer) region);
          add_live_outputs (live_outputs, region, live);
        }
      g_ptr_array_add (plan->steps, step_new (self, region, body, live));
    }

  /* Parameters per step: a region's S3 replication is on when every other region's
   * stack exists by the time its step runs (it exists now, or an earlier step makes it) */
  for (guint i = 0; i < n_regions; i++)
    {
      NinesAwsPlanStep *step = g_ptr_array_index (plan->steps, i);
      gboolean others_exist = TRUE;

      for (guint j = 0; j < n_regions; j++)
        if (j != i && j > i && !g_hash_table_contains (exists, self->regions[j]))
          others_exist = FALSE;
      step->parameters = step_parameters (self, step->region, step->template_body, others_exist, live_outputs, FALSE);
      for (guint k = 0; k < step->parameters->len; k++)
        {
          NinesAwsPlanParameter *p = g_ptr_array_index (step->parameters, k);

          if (p->source == NINES_AWS_PARAM_PHASE && !others_exist)
            {
              NinesAwsPlanStep *then = step_new (self, step->region, step->template_body, NULL);

              g_free (then->action);
              then->action = g_strdup ("UPDATE");
              then->purpose = g_strdup (_("turn S3 replication on now that the other regions' buckets exist"));
              then->parameters = step_parameters (self, step->region, step->template_body, TRUE, live_outputs, FALSE);
              g_ptr_array_add (plan->steps, then);
              any_replication_off = TRUE;
            }
          if (p->source == NINES_AWS_PARAM_MISSING)
            g_string_append_printf (missing, "  %s: %s (%s) — %s\n", step->region, p->key, p->type, p->note);
        }
    }
  (void) any_replication_off;
  if (missing->len > 0)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("The templates need values that only you can choose:\n%s"
                     "Give them with --parameter KEY=VALUE (every region) or --parameter REGION:KEY=VALUE; "
                     "the document remembers them once applied."), missing->str);
      return NULL;
    }

  price_steps (self, plan);

  /* Change sets: every step whose stack exists or that creates one; a later step on a
   * stack made by this plan is shown when it runs */
  for (guint i = 0; i < plan->steps->len; i++)
    {
      NinesAwsPlanStep *step = g_ptr_array_index (plan->steps, i);
      g_auto(GStrv) params = NULL;
      g_autoptr(GStrvBuilder) sb = g_strv_builder_new ();

      if (step->purpose != NULL && !g_hash_table_contains (exists, step->region))
        continue;
      if (step->recreate)
        continue;   /* the failed stack is deleted when the step runs */
      for (guint k = 0; k < step->parameters->len; k++)
        {
          NinesAwsPlanParameter *p = g_ptr_array_index (step->parameters, k);

          if (p->value != NULL)
            {
              g_strv_builder_add (sb, p->key);
              g_strv_builder_add (sb, p->value);
            }
        }
      params = g_strv_builder_end (sb);
      _nines_aws_provisioner_message (self, step->region, _("Creating change set %s for %s…"),
                                      step->action, step->stack_name);
      if (!_nines_aws_provisioner_make_change_set (self, step, (const char * const *) params, cancellable, error))
        {
          g_autoptr(GError) ignored = NULL;

          nines_aws_provisioner_discard_plan (self, plan, &ignored);
          return NULL;
        }
    }
  return g_steal_pointer (&plan);
}

gboolean
nines_aws_provisioner_discard_plan (NinesAwsProvisioner  *self,
                                    NinesAwsPlan         *plan,
                                    GError              **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (NINES_IS_AWS_PROVISIONER (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  for (guint i = 0; i < plan->steps->len; i++)
    {
      NinesAwsPlanStep *step = g_ptr_array_index (plan->steps, i);
      NinesAwsClient *client = _nines_aws_provisioner_client (self, step->region);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(NinesAwsStack) live = NULL;

      if (step->change_set_name == NULL)
        continue;
      if (!nines_aws_cfn_delete_change_set (client, step->stack_name, step->change_set_name, NULL, &local_error))
        {
          g_autofree char *code = nines_aws_error_dup_code (local_error);

          /* already gone (executed, or deleted with its review stack) */
          if (g_strcmp0 (code, "ChangeSetNotFound") != 0 && ok)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              ok = FALSE;
            }
        }
      g_clear_pointer (&step->change_set_name, g_free);
      /* A CREATE change set leaves an empty stack in REVIEW_IN_PROGRESS: remove it */
      live = _nines_aws_provisioner_describe (self, step->region, step->stack_name, NULL, NULL);
      if (live != NULL && g_str_equal (live->status, "REVIEW_IN_PROGRESS"))
        {
          g_clear_error (&local_error);
          if (!nines_aws_cfn_delete_stack (client, step->stack_name, NULL, &local_error) && ok)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              ok = FALSE;
            }
        }
    }
  return ok;
}
