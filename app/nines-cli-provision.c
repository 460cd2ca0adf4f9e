/* nines-cli-provision.c: nines-cli provision plan|apply|status|destroy|policy FILE */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include <nines-aws.h>

#include "nines-cli.h"

typedef enum
{
  OP_PLAN,
  OP_APPLY,
  OP_STATUS,
  OP_DESTROY,
} Operation;

typedef struct
{
  Operation            op;
  NinesAwsProvisioner *prov;
  GCancellable        *cancellable;
  GMainLoop           *loop;
  gboolean             yes;
  int                  status;
  GError              *error;
  GPtrArray           *leftovers;
} Job;

static void
print_event (const NinesAwsProvisionEvent *ev,
             gpointer                      user_data)
{
  switch (ev->kind)
    {
    case NINES_AWS_PROVISION_MESSAGE:
      printf ("%s: %s\n", ev->region ? ev->region : "-", ev->message);
      break;
    case NINES_AWS_PROVISION_STEP_STARTED:
      printf (_("== %s (%s)\n"), ev->stack_name, ev->region);
      break;
    case NINES_AWS_PROVISION_REPLANNED:
      {
        g_autofree char *text = NULL;
        NinesAwsPlan one = { 0, };
        g_autoptr(GPtrArray) steps = g_ptr_array_new ();

        g_ptr_array_add (steps, (gpointer) ev->step);
        one.steps = steps;
        text = nines_aws_plan_to_text (&one);
        /* only the step's own lines, not the totals of this one-step plan */
        if (strstr (text, "Total monthly cost") != NULL)
          *strstr (text, "Total monthly cost") = '\0';
        printf (_("%s: change set made again with the values known now:\n%s"), ev->region, text);
      }
      break;
    case NINES_AWS_PROVISION_STACK_EVENT:
      {
        g_autoptr(GDateTime) t = g_date_time_new_from_unix_utc (ev->event->timestamp);
        g_autofree char *when = t ? g_date_time_format (t, "%H:%M:%S") : g_strdup ("--:--:--");

        printf ("%s %s %-36s %-40s %s%s%s\n", when, ev->region, ev->event->logical_id ? ev->event->logical_id : "",
                ev->event->resource_type ? ev->event->resource_type : "", ev->event->status,
                ev->event->status_reason ? "  " : "", ev->event->status_reason ? ev->event->status_reason : "");
      }
      break;
    case NINES_AWS_PROVISION_STEP_FINISHED:
      printf (_("== %s (%s): %s\n"), ev->stack_name, ev->region, ev->status);
      break;
    default:
      break;
    }
  fflush (stdout);
}

static void
print_status (GPtrArray *states)
{
  for (guint i = 0; i < states->len; i++)
    {
      NinesAwsStackState *st = g_ptr_array_index (states, i);

      printf (_("%s (%s): %s%s%s\n"), st->stack_name, st->region, st->status,
              st->status_reason ? " — " : "", st->status_reason ? st->status_reason : "");
      for (guint k = 0; st->resources != NULL && k < st->resources->len; k++)
        {
          NinesAwsStackResource *r = g_ptr_array_index (st->resources, k);

          printf ("    %-36s %-40s %-20s %s\n", r->logical_id, r->resource_type, r->status,
                  r->physical_id ? r->physical_id : "");
        }
      for (guint k = 0; st->outputs != NULL && k < st->outputs->len; k++)
        {
          NinesAwsStackOutput *o = g_ptr_array_index (st->outputs, k);

          printf (_("    output %s = %s\n"), o->key, o->value);
        }
    }
}

static gboolean
plan_has_changes (NinesAwsPlan *plan)
{
  for (guint i = 0; i < plan->steps->len; i++)
    {
      NinesAwsPlanStep *step = g_ptr_array_index (plan->steps, i);

      if (!step->no_changes)
        return TRUE;
    }
  return FALSE;
}

static gpointer
run_job (gpointer data)
{
  Job *job = data;

  switch (job->op)
    {
    case OP_PLAN:
    case OP_APPLY:
      {
        g_autoptr(NinesAwsPlan) plan = nines_aws_provisioner_plan (job->prov, job->cancellable, &job->error);
        g_autofree char *text = NULL;

        if (plan == NULL)
          break;
        text = nines_aws_plan_to_text (plan);
        printf (_("\nPlan:\n%s\n"), text);
        fflush (stdout);
        if (job->op == OP_PLAN || !job->yes || !plan_has_changes (plan))
          {
            if (job->op == OP_APPLY && !plan_has_changes (plan))
              printf (_("Nothing to apply: the stacks match the design.\n"));
            else if (job->op == OP_APPLY)
              printf (_("Stopped after the plan: run again with --yes to apply it.\n"));
            nines_aws_provisioner_discard_plan (job->prov, plan, job->op == OP_PLAN ? &job->error : NULL);
            break;
          }
        if (nines_aws_provisioner_apply (job->prov, plan, job->cancellable, &job->error))
          printf (_("\nApplied: every stack is complete.\n"));
      }
      break;

    case OP_STATUS:
      {
        g_autoptr(GPtrArray) states = nines_aws_provisioner_status (job->prov, job->cancellable, &job->error);
        g_autoptr(NinesAwsPlan) drift = NULL;
        g_autofree char *text = NULL;

        if (states == NULL)
          break;
        print_status (states);
        /* Drift from the design, as the plan that would remove it */
        if (!(drift = nines_aws_provisioner_plan (job->prov, job->cancellable, &job->error)))
          break;
        text = nines_aws_plan_to_text (drift);
        printf (plan_has_changes (drift) ? _("\nDrift from the design (what apply would do):\n%s")
                                         : _("\nNo drift: the stacks match the design.\n%s"), text);
        nines_aws_provisioner_discard_plan (job->prov, drift, &job->error);
      }
      break;

    case OP_DESTROY:
      nines_aws_provisioner_destroy (job->prov, &job->leftovers, job->cancellable, &job->error);
      break;

    default:
      g_assert_not_reached ();
    }
  g_main_loop_quit (job->loop);
  return NULL;
}

static gboolean
on_sigint (gpointer data)
{
  Job *job = data;

  if (!g_cancellable_is_cancelled (job->cancellable))
    {
      fprintf (stderr, _("\nCancelling: the stack that is changing is cancelled or waited for; nothing "
                         "further starts.\n"));
      g_cancellable_cancel (job->cancellable);
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
confirm_name (const char *name)
{
  char line[512];

  printf (_("This deletes the stacks of “%s”. Type the document's name to confirm: "), name);
  fflush (stdout);
  if (fgets (line, sizeof line, stdin) == NULL)
    return FALSE;
  g_strchomp (line);
  return g_str_equal (line, name);
}

static int
provision_policy (NinesDocument *doc,
                  NinesDrPattern pattern)
{
  g_autoptr(NinesDeployment) deployment = nines_deployment_new (doc, pattern);
  g_autoptr(GError) error = NULL;
  g_autofree char *policy = nines_aws_provisioner_dup_policy (deployment, &error);

  if (policy == NULL)
    {
      nines_cli_error ("%s", error->message);
      return NINES_CLI_BAD_INPUT;
    }
  printf ("%s\n", policy);
  return NINES_CLI_OK;
}

static char *
section_text (NinesDocument *doc)
{
  JsonNode *node = nines_document_get_section (doc, NINES_AWS_PROVISIONING_SECTION);

  return node ? json_to_string (node, FALSE) : g_strdup ("");
}

int
nines_cli_provision (int    argc,
                     char **argv)
{
  g_autofree char *profile = NULL, *pattern_str = NULL, *before = NULL, *after = NULL;
  g_auto(GStrv) parameters = NULL;
  gboolean yes = FALSE;
  int poll_ms = 0;
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile, N_("Use this profile of ~/.aws/config and ~/.aws/credentials"), N_("PROFILE") },
    { "pattern", 0, 0, G_OPTION_ARG_STRING, &pattern_str, N_("DR pattern (default: the document's)"), N_("PATTERN") },
    { "parameter", 'P', 0, G_OPTION_ARG_STRING_ARRAY, &parameters, N_("A template parameter: KEY=VALUE or REGION:KEY=VALUE (repeatable)"), N_("KEY=VALUE") },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("apply: execute the plan; destroy: do not ask for the name"), NULL },
    { "poll-interval", 0, 0, G_OPTION_ARG_INT, &poll_ms, N_("Milliseconds between polls of a changing stack (default 2000)"), N_("MS") },
    { NULL }
  };
  g_autoptr(NinesDocument) doc = NULL;
  g_autoptr(NinesAwsClient) client = NULL;
  g_autoptr(NinesAwsCallerIdentity) id = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(NinesAwsProvisioner) prov = NULL;
  const char *opname, *path;
  const char * const *regions;
  NinesDrPattern pattern;
  Job job = { 0, };
  guint sigint_id;

  if (!nines_cli_parse ("provision", "plan|apply|status|destroy|policy FILE",
                        _("Creates the design's deployment in an AWS account with CloudFormation, one stack\n"
                          "per region (nines-NAME-REGION): plan shows the change sets as a diff with the\n"
                          "monthly cost; apply executes them, primary region first; status shows the live\n"
                          "stacks and any drift; destroy deletes them in reverse order; policy prints the\n"
                          "IAM policy all this needs. Ctrl-C cancels safely."),
                        entries, &argc, &argv, 2))
    return NINES_CLI_USAGE;
  opname = argv[2];
  path = argv[3];

  if (!(doc = nines_cli_load (path)))
    return NINES_CLI_BAD_INPUT;
  pattern = nines_document_get_dr_pattern (doc);
  if (pattern_str != NULL && !nines_dr_pattern_from_string (pattern_str, &pattern))
    {
      nines_cli_error (_("unknown pattern “%s” (backup-restore, pilot-light, warm-standby, multi-site, none)"),
                       pattern_str);
      return NINES_CLI_USAGE;
    }

  if (g_str_equal (opname, "policy"))
    return provision_policy (doc, pattern);
  if (g_str_equal (opname, "plan"))
    job.op = OP_PLAN;
  else if (g_str_equal (opname, "apply"))
    job.op = OP_APPLY;
  else if (g_str_equal (opname, "status"))
    job.op = OP_STATUS;
  else if (g_str_equal (opname, "destroy"))
    job.op = OP_DESTROY;
  else
    {
      nines_cli_error (_("unknown provision command “%s” (plan, apply, status, destroy, policy)"), opname);
      return NINES_CLI_USAGE;
    }

  before = section_text (doc);
  client = nines_aws_client_new_for_profile (profile, NULL, &error);
  if (client == NULL)
    {
      nines_cli_error ("%s", error->message);
      return NINES_CLI_BAD_INPUT;
    }
  prov = nines_aws_provisioner_new (client, doc, pattern);
  for (guint i = 0; parameters != NULL && parameters[i] != NULL; i++)
    {
      const char *eq = strchr (parameters[i], '=');
      const char *colon = strchr (parameters[i], ':');
      g_autofree char *region = NULL, *key = NULL;

      if (eq == NULL || eq == parameters[i])
        {
          nines_cli_error (_("--parameter wants KEY=VALUE or REGION:KEY=VALUE, not “%s”"), parameters[i]);
          return NINES_CLI_USAGE;
        }
      if (colon != NULL && colon < eq)
        {
          region = g_strndup (parameters[i], colon - parameters[i]);
          key = g_strndup (colon + 1, eq - colon - 1);
        }
      else
        key = g_strndup (parameters[i], eq - parameters[i]);
      nines_aws_provisioner_set_parameter (prov, region, key, eq + 1);
    }
  if (poll_ms > 0)
    nines_aws_provisioner_set_poll_interval (prov, poll_ms);
  nines_aws_provisioner_set_progress_func (prov, print_event, NULL, NULL);

  /* Who and where, before anything */
  if (!(id = nines_aws_provisioner_whoami (prov, NULL, &error)))
    {
      nines_cli_error ("%s", error->message);
      return NINES_CLI_BAD_INPUT;
    }
  regions = nines_aws_provisioner_get_regions (prov);
  printf (_("Account:  %s\nIdentity: %s\nDesign:   %s (%s)\nRegions: "), id->account, id->arn,
          nines_document_get_name (doc), nines_dr_pattern_to_string (pattern));
  for (guint i = 0; regions != NULL && regions[i] != NULL; i++)
    {
      g_autofree char *stack = nines_aws_provisioner_dup_stack_name (prov, regions[i]);

      printf (" %s%s → %s", i == 0 ? _("primary ") : (i == 1 ? _("then ") : ""), regions[i], stack);
      printf (regions[i + 1] ? "," : "\n");
    }
  fflush (stdout);

  if (job.op == OP_DESTROY && !yes && !confirm_name (nines_document_get_name (doc)))
    {
      nines_cli_error (_("the name did not match: nothing was deleted"));
      return NINES_CLI_BAD_INPUT;
    }

  cancellable = g_cancellable_new ();
  loop = g_main_loop_new (NULL, FALSE);
  job.prov = prov;
  job.cancellable = cancellable;
  job.loop = loop;
  job.yes = yes;
  sigint_id = g_unix_signal_add (SIGINT, on_sigint, &job);
  thread = g_thread_new ("provision", run_job, &job);
  g_main_loop_run (loop);
  g_thread_join (g_steal_pointer (&thread));
  g_source_remove (sigint_id);

  if (job.leftovers != NULL && job.leftovers->len > 0)
    {
      printf (_("\nLeft in the account:\n"));
      for (guint i = 0; i < job.leftovers->len; i++)
        {
          NinesAwsLeftover *l = g_ptr_array_index (job.leftovers, i);

          printf ("  %s %s %s (%s, from %s): %s\n", l->region, l->resource_type, l->physical_id,
                  l->logical_id, l->stack_name, l->reason);
        }
    }
  else if (job.op == OP_DESTROY && job.error == NULL)
    printf (_("\nNothing is left in the account.\n"));
  g_clear_pointer (&job.leftovers, g_ptr_array_unref);

  /* The document remembers the account and the stacks */
  after = section_text (doc);
  if (!g_str_equal (before, after))
    {
      g_autoptr(GError) save_error = NULL;

      if (!nines_document_save_to_file (doc, path, &save_error))
        nines_cli_error (_("could not save the provisioning state to %s: %s"), path, save_error->message);
    }

  if (job.error != NULL)
    {
      nines_cli_error ("%s", job.error->message);
      g_clear_error (&job.error);
      return NINES_CLI_BAD_INPUT;
    }
  return NINES_CLI_OK;
}
