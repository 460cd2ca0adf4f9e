/* nines-aws-provisioner-text.c: a plan as text people read before they say yes */
#define G_LOG_DOMAIN "nines-aws-provisioner"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-aws-provisioner-private.h"

static const char *
source_label (NinesAwsParamSource source)
{
  switch (source)
    {
    case NINES_AWS_PARAM_DEFAULT: return _("default");
    case NINES_AWS_PARAM_USER: return _("given");
    case NINES_AWS_PARAM_OUTPUT: return _("output");
    case NINES_AWS_PARAM_PHASE: return _("phase");
    case NINES_AWS_PARAM_MISSING: return _("MISSING");
    default: g_assert_not_reached ();
    }
}

static void
append_changes (GString                *s,
                const NinesAwsPlanStep *step)
{
  static const char * const actions[] = { "Add", "Modify", "Remove", "Import", "Dynamic", NULL };
  static const char * const marks[] = { "+", "~", "-", "<", "?", NULL };
  guint counts[G_N_ELEMENTS (actions)] = { 0, };

  if (step->change_set == NULL)
    {
      if (step->recreate)
        g_string_append (s, _("    (the failed stack is deleted first; the change set is made when the step runs)\n"));
      else
        g_string_append (s, _("    (the change set is made when the step runs: the stack does not exist yet)\n"));
      return;
    }
  if (step->no_changes)
    {
      g_string_append (s, _("    no changes\n"));
      return;
    }
  for (guint a = 0; actions[a] != NULL; a++)
    for (guint i = 0; i < step->change_set->changes->len; i++)
      {
        NinesAwsResourceChange *c = g_ptr_array_index (step->change_set->changes, i);

        if (g_strcmp0 (c->action, actions[a]) != 0)
          continue;
        counts[a]++;
        g_string_append_printf (s, "    %s %-36s %s", marks[a], c->logical_id, c->resource_type);
        if (g_strcmp0 (c->replacement, "True") == 0)
          g_string_append (s, _("  REPLACED (a new resource, the old one deleted)"));
        else if (g_strcmp0 (c->replacement, "Conditional") == 0)
          g_string_append (s, _("  may be REPLACED"));
        g_string_append_c (s, '\n');
      }
  g_string_append_printf (s, _("    %u to add, %u to modify, %u to remove\n"), counts[0], counts[1], counts[2]);
}

char *
nines_aws_plan_to_text (const NinesAwsPlan *plan)
{
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_val_if_fail (plan != NULL, NULL);

  for (guint i = 0; i < plan->steps->len; i++)
    {
      const NinesAwsPlanStep *step = g_ptr_array_index (plan->steps, i);

      g_string_append_printf (s, _("%u. %s %s (%s)"), i + 1, step->action, step->stack_name, step->region);
      if (step->stack_status != NULL && step->purpose == NULL)
        g_string_append_printf (s, _(" — now %s"), step->stack_status);
      g_string_append_c (s, '\n');
      if (step->purpose != NULL)
        g_string_append_printf (s, _("    then: %s\n"), step->purpose);
      append_changes (s, step);
      for (guint k = 0; k < step->parameters->len; k++)
        {
          const NinesAwsPlanParameter *p = g_ptr_array_index (step->parameters, k);

          if (p->source == NINES_AWS_PARAM_DEFAULT)
            continue;
          g_string_append_printf (s, "    %s = %s  [%s%s%s]\n", p->key, p->value ? p->value : "",
                                  source_label (p->source), p->note ? ": " : "", p->note ? p->note : "");
        }
      if (step->purpose == NULL)
        {
          /* steady-state list price of the region's cost lines (model/nines-cost-model.c) */
          g_string_append_printf (s, _("    monthly cost of what will exist here: $%.2f"), step->monthly_usd);
          if (step->n_missing_prices > 0)
            g_string_append_printf (s, _(" (%u prices missing: more than this)"), step->n_missing_prices);
          g_string_append_c (s, '\n');
        }
    }
  if (plan->global_monthly_usd > 0)
    g_string_append_printf (s, _("Global services (Route 53, CloudFront…): $%.2f a month\n"), plan->global_monthly_usd);
  g_string_append_printf (s, _("Total monthly cost (steady state, after the document's discount): $%.2f%s\n"),
                          plan->total_monthly_usd,
                          plan->n_missing_prices > 0 ? _(" — incomplete: some prices are missing") : "");
  return g_string_free (g_steal_pointer (&s), FALSE);
}
