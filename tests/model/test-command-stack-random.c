/* test-command-stack-random.c: random sequences of edits, undos, redos and saves:
   undo and redo always give back the exact prior document; and a deployment built after
   each edit, reusing what the last builds made (nines-deploy-cache.c), is the one a fresh
   copy of the document gives */
#include "config.h"

#include <math.h>
#include <string.h>
#include <nines-model.h>

#include "nines-test-command-fixture.h"

/* Random sequences of edits, undos, redos and saves against a model of the history. */

static char *
random_component (Fixture *f)
{
  guint n = nines_document_get_n_components (f->doc);

  if (n == 0)
    return g_strdup ("nothing");
  return g_strdup (nines_component_get_id (nines_document_get_component (f->doc,
                                                                          g_test_rand_int_range (0, n))));
}

static const char *
random_region (void)
{
  NinesCatalog *catalog = nines_catalog_get_default ();

  /* Mostly the design's own regions, sometimes any. */
  if (g_test_rand_bit ())
    return g_test_rand_bit () ? "us-east-1" : "ca-central-1";
  return nines_catalog_get_region (catalog, g_test_rand_int_range (0, nines_catalog_get_n_regions (catalog)))->code;
}

static GVariant *
random_value (const NinesParamSpec *spec)
{
  switch (spec->type)
    {
    case NINES_PARAM_INT:
      return g_variant_new_int64 ((gint64) spec->min + g_test_rand_int_range (-1, 30));
    case NINES_PARAM_NUMBER:
      return g_variant_new_double (spec->min + g_test_rand_double_range (-1, 1000));
    case NINES_PARAM_BOOL:
      return g_variant_new_boolean (g_test_rand_bit ());
    case NINES_PARAM_ENUM:
      return g_variant_new_string (spec->choices[g_test_rand_int_range (0, g_strv_length (spec->choices))]);
    case NINES_PARAM_STRING:
    default:
      return g_variant_new_string (g_test_rand_bit () ? g_variant_get_string (spec->default_value, NULL)
                                                      : "not valid");
    }
}

/* Returns whether the stack took an edit; *@move_ids names the moved selection (or NULL). */
static gboolean
random_edit (Fixture  *f,
             guint     step,
             char    **move_key)
{
  g_autofree char *id = random_component (f);
  g_autofree char *other = random_component (f);
  g_autoptr(GError) error = NULL;
  NinesComponent *c = nines_document_lookup_component (f->doc, id);
  NinesCatalog *catalog = nines_catalog_get_default ();
  gboolean ok = FALSE;

  guint op = g_test_rand_int_range (0, 16);

  *move_key = NULL;
  switch (op)
    {
    case 0:
      {
        const char *ids[] = { id, g_test_rand_bit () ? other : NULL, NULL };
        ok = nines_command_stack_move (f->stack, ids, g_test_rand_int_range (-50, 50), 7, &error);
        *move_key = g_strjoinv ("+", (char **) ids);
      }
      break;
    case 1:
      if (c != NULL && nines_component_get_kind_info (c) != NULL)
        {
          const NinesKindInfo *k = nines_component_get_kind_info (c);
          const NinesParamSpec *spec = g_ptr_array_index (k->params, g_test_rand_int_range (0, k->params->len));
          ok = nines_command_stack_set_param (f->stack, id, spec->name,
                                              g_test_rand_int_range (0, 5) ? random_value (spec) : NULL,
                                              &error);
        }
      else
        ok = nines_command_stack_set_param (f->stack, id, "max", NULL, &error);
      break;
    case 2:
      {
        const char *kinds[] = { "s3", "lambda", "sqs", "route53", "ec2-asg", "rds", "dynamodb" };
        const char *kind = kinds[g_test_rand_int_range (0, G_N_ELEMENTS (kinds))];
        const NinesKindInfo *k = nines_catalog_lookup_kind (catalog, kind);
        g_autofree char *new_id = nines_document_make_component_id (f->doc, kind);
        g_autoptr(NinesComponent) added = nines_component_new (new_id, kind,
                                                               k->placement == NINES_PLACEMENT_GLOBAL ? NULL : "us-east-1");
        const char *azs[] = { "use1-az1", "use1-az2", NULL };
        NinesPoint at = { step, -(double) step };

        if (k->placement == NINES_PLACEMENT_ZONAL)
          nines_component_set_azs (added, azs);
        ok = nines_command_stack_add_component (f->stack, added, g_test_rand_bit () ? &at : NULL, &error);
      }
      break;
    case 3:
      ok = nines_command_stack_remove_component (f->stack, id, &error);
      break;
    case 4:
      ok = nines_command_stack_connect (f->stack, id, other,
                                        g_test_rand_bit () ? NINES_LINK_DATA : NINES_LINK_TRAFFIC, &error);
      break;
    case 5:
      {
        GListModel *links = nines_document_get_links (f->doc);
        guint n = g_list_model_get_n_items (links);

        if (n > 0)
          {
            g_autoptr(NinesLink) l = g_list_model_get_item (links, g_test_rand_int_range (0, n));
            ok = nines_command_stack_disconnect (f->stack, nines_link_get_from (l), nines_link_get_to (l),
                                                 nines_link_get_kind (l), &error);
          }
        else
          ok = nines_command_stack_disconnect (f->stack, id, other, NINES_LINK_DATA, &error);
      }
      break;
    case 6:
      {
        g_autofree char *name = g_strdup_printf ("Design %u", g_test_rand_int_range (0, 4));
        ok = nines_command_stack_set_name (f->stack, name, &error);
      }
      break;
    case 7:
      ok = nines_command_stack_set_dr (f->stack, g_test_rand_int_range (0, NINES_N_DR_PATTERNS),
                                       g_test_rand_int_range (0, 4) ? random_region () : NULL, &error);
      break;
    case 8:
      {
        const NinesParamSpec *knob = nines_catalog_get_knob (catalog, g_test_rand_int_range (0, nines_catalog_get_n_knobs (catalog)));
        ok = nines_command_stack_set_knob (f->stack, knob->name,
                                           g_test_rand_bit () ? random_value (knob) : NULL, &error);
      }
      break;
    case 9:
      {
        g_autofree char *date = g_strdup_printf ("2026-%02d-%02d", g_test_rand_int_range (1, 14),
                                                 g_test_rand_int_range (1, 32));
        ok = nines_command_stack_set_operations (f->stack, date, NULL, g_test_rand_bit () ? "n" : NULL, &error);
      }
      break;
    case 10:
      ok = nines_command_stack_set_discount (f->stack, g_test_rand_int_range (-5, 105), &error);
      break;
    case 11:
      {
        const char *usages[] = { "a", "b", "c" };
        ok = nines_command_stack_set_price_override (f->stack, "AmazonEC2",
                                                     g_test_rand_bit () ? NULL : random_region (),
                                                     usages[g_test_rand_int_range (0, 3)],
                                                     g_test_rand_double_range (-0.5, 1), NULL, &error);
      }
      break;
    case 12:
      {
        const NinesRegionInfo *r = nines_catalog_lookup_region (catalog, random_region ());
        const char *azs[] = { r->azs[0], r->azs[g_test_rand_int_range (0, 2)], NULL };

        if (nines_document_lookup_region (f->doc, r->code) == NULL)
          ok = nines_command_stack_add_region (f->stack, r->code, azs, &error);
        else if (g_test_rand_bit ())
          ok = nines_command_stack_remove_region (f->stack, r->code, &error);
        else
          ok = nines_command_stack_set_region_azs (f->stack, r->code, azs, &error);
      }
      break;
    case 13:
      {
        const char *azs[] = { "use1-az1", NULL };
        ok = nines_command_stack_set_placement (f->stack, id, random_region (),
                                                g_test_rand_bit () ? azs : NULL, &error);
      }
      break;
    case 14:
      ok = nines_command_stack_set_component_name (f->stack, id, g_test_rand_bit () ? "X" : NULL, &error);
      break;
    default:
      {
        const char *owners[] = { "a@example.com", g_test_rand_bit () ? "b" : NULL, NULL };
        if (g_test_rand_bit ())
          ok = nines_command_stack_set_owners (f->stack, owners, &error);
        else
          ok = nines_command_stack_set_primary_region (f->stack, g_test_rand_bit () ? NULL : random_region (), &error);
      }
      break;
    }
  g_assert_true (ok == (error == NULL));
  /* NINES_TEST_TRACE=1 lists the edits, to replay a failing --seed by hand. */
  if (g_getenv ("NINES_TEST_TRACE"))
    g_printerr ("op %u on %s/%s: %s\n", op, id, other, ok ? "ok" : error->message);
  return ok;
}

static void
test_random_sequences (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) history = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *last_move = NULL;  /* the selection of a move that a next move may extend */
  gint saved = 0;  /* index in history of the saved state; -1 once gone */
  guint pos = 0, edits = 0, rejected = 0;

  g_ptr_array_add (history, ser (f));
  nines_command_stack_mark_saved (f->stack);
  for (guint step = 0; step < 1500; step++)
    {
      guint what = g_test_rand_int_range (0, 10);

      if (what < 6)
        {
          g_autofree char *before = ser (f);
          g_autofree char *move_key = NULL;
          g_autofree char *after = NULL;

          if (!random_edit (f, step, &move_key))
            {
              /* Rejected: nothing changed. */
              after = ser (f);
              g_assert_cmpstr (after, ==, before);
              rejected++;
              continue;
            }
          after = ser (f);
          edits++;
          if (g_strcmp0 (after, before) == 0)
            continue;  /* e.g. a move by 0 */
          if (move_key != NULL && g_strcmp0 (move_key, last_move) == 0)
            {
              /* The same drag: it extends the last step. */
              g_free (history->pdata[pos]);
              history->pdata[pos] = g_steal_pointer (&after);
              if (saved == (gint) pos)
                saved = -1;
            }
          else
            {
              g_ptr_array_set_size (history, pos + 1);
              g_ptr_array_add (history, g_steal_pointer (&after));
              pos++;
              if (saved >= (gint) pos)
                saved = -1;
            }
          g_clear_pointer (&last_move, g_free);
          last_move = g_steal_pointer (&move_key);
        }
      else if (what < 8)
        {
          g_autofree char *now = NULL;

          g_assert_cmpint (nines_command_stack_undo (f->stack), ==, pos > 0);
          /* An undo with nothing to undo changes nothing, so a next move
           * still extends the drag (the stack merges it). */
          if (pos > 0)
            g_clear_pointer (&last_move, g_free);
          pos = pos > 0 ? pos - 1 : 0;
          now = ser (f);
          g_assert_cmpstr (now, ==, history->pdata[pos]);
        }
      else if (what < 9)
        {
          g_autofree char *now = NULL;

          g_assert_cmpint (nines_command_stack_redo (f->stack), ==, pos + 1 < history->len);
          if (pos + 1 < history->len)
            {
              pos++;
              g_clear_pointer (&last_move, g_free);
            }
          now = ser (f);
          g_assert_cmpstr (now, ==, history->pdata[pos]);
        }
      else
        {
          nines_command_stack_mark_saved (f->stack);
          saved = pos;
          g_clear_pointer (&last_move, g_free);
        }
      g_assert_cmpint (nines_command_stack_is_dirty (f->stack), ==, saved != (gint) pos);
      g_assert_cmpint (nines_command_stack_can_undo (f->stack), ==, pos > 0);
      g_assert_cmpint (nines_command_stack_can_redo (f->stack), ==, pos + 1 < history->len);
      assert_valid (f);
    }
  g_test_message ("%u edits taken, %u rejected, %u steps kept", edits, rejected, history->len);
  g_assert_cmpuint (edits, >, 200);
  g_assert_cmpuint (rejected, >, 20);

  /* All the way back, and all the way forward again. */
  while (pos > 0)
    {
      g_autofree char *now = NULL;

      g_assert_true (nines_command_stack_undo (f->stack));
      pos--;
      now = ser (f);
      g_assert_cmpstr (now, ==, history->pdata[pos]);
    }
  g_assert_false (nines_command_stack_undo (f->stack));
  while (pos + 1 < history->len)
    {
      g_autofree char *now = NULL;

      g_assert_true (nines_command_stack_redo (f->stack));
      pos++;
      now = ser (f);
      g_assert_cmpstr (now, ==, history->pdata[pos]);
    }
}

static void
ser_component (GString        *out,
               const char     *what,
               NinesComponent *c)
{
  g_auto(GStrv) names = NULL;

  if (c == NULL)
    {
      g_string_append_printf (out, "  %s: none\n", what);
      return;
    }
  names = nines_component_list_explicit_params (c);
  g_string_append_printf (out, "  %s: %s %s %s [", what, nines_component_get_id (c),
                          nines_component_get_kind (c), nines_component_get_region (c));
  for (const char * const *az = nines_component_get_azs (c); *az; az++)
    g_string_append_printf (out, " %s", *az);
  g_string_append (out, " ]");
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *value = g_variant_print (nines_component_get_param (c, names[i]), TRUE);
      g_string_append_printf (out, " %s=%s", names[i], value);
    }
  g_string_append_c (out, '\n');
}

/* Everything a deployment holds, and what the stages after it make of it. */
static char *
ser_deployment (NinesDocument  *doc,
                NinesDrPattern  pattern)
{
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, pattern);
  g_autoptr(NinesCostEstimate) cost = nines_cost_model_estimate (dep, NULL);
  g_autoptr(NinesRecovery) recovery = nines_recovery_new (dep);
  GString *out = g_string_new (NULL);
  NinesCostTotal steady, failover;

  for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
    {
      const NinesDeployedItem *item = nines_deployment_get_item (dep, i);

      g_string_append_printf (out, "item %s from %s role %s added %d region %s headless %d note %s\n",
                              item->id, item->source_id, nines_deploy_role_to_string (item->role),
                              item->added, item->region, item->headless, item->note);
      ser_component (out, "steady", item->steady);
      ser_component (out, "failover", item->failover);
      g_assert_true (nines_deployment_lookup_item (dep, item->id) != NULL);
    }
  for (guint i = 0; i < nines_deployment_get_n_replications (dep); i++)
    {
      const NinesReplication *r = nines_deployment_get_replication (dep, i);

      g_string_append_printf (out, "replication %s -> %s %s %s -> %s gb %.17g req %.17g interval %.17g "
                              "lag %.17g stored %.17g source-stored %.17g rtc %d alongside %d (%s)\n",
                              r->source_id, r->target_id, nines_replication_kind_to_string (r->kind),
                              r->from_region, r->to_region, r->gb_per_month, r->requests_per_month,
                              r->interval_s, r->lag_s, r->stored_gb, r->source_stored_gb, r->rtc,
                              r->alongside, r->source);
    }
  /* Every line, so a kept line that names a gone item or the wrong price shows. */
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (cost); i++)
    {
      const NinesCostLine *l = nines_cost_estimate_get_line (cost, i);

      g_string_append_printf (out, "line %s %s %s %s %s %s %s %s q %.17g %s usd %.17g monthly %.17g "
                              "tier %.17g-%.17g %s %s %s ov %d missing %d note %s\n",
                              nines_cost_state_to_string (l->state), l->item_id, l->component, l->kind,
                              l->region, l->service, l->usage, l->what, l->quantity, l->unit, l->unit_usd,
                              l->monthly_usd, l->tier_start, l->tier_end, l->rate_code, l->source, l->date,
                              l->override, l->missing, l->note);
    }
  for (guint i = 0; i < nines_recovery_get_n_steps (recovery); i++)
    {
      const NinesRecoveryStep *st = nines_recovery_get_step (recovery, i);

      g_string_append_printf (out, "step %s %s item %s %.17g [%.17g-%.17g] critical %d plane %s failed %d: %s (%s) deps",
                              st->id, nines_step_kind_to_string (st->kind), st->item_id, st->duration_s,
                              st->start_s, st->end_s, st->critical, st->control_plane,
                              st->uses_failed_region, st->label, st->source);
      for (guint d = 0; d < st->n_deps; d++)
        g_string_append_printf (out, " %u", st->deps[d]);
      g_string_append_c (out, '\n');
    }
  for (guint i = 0; i < nines_recovery_get_n_stores (recovery); i++)
    {
      const NinesStoreRpo *st = nines_recovery_get_store (recovery, i);

      g_string_append_printf (out, "store %s %s %s rpo %.17g write %.17g lost %.17g (%s) %s\n",
                              st->store_id, st->kind, st->mechanism, st->rpo_s, st->write_gb_per_s,
                              st->lost_gb, st->source, st->note);
    }
  {
    const NinesAvailability *a = nines_recovery_get_availability (recovery);

    g_string_append_printf (out, "availability %.17g nines %.17g\n", a->availability, a->nines);
    for (guint i = 0; i < a->terms->len; i++)
      {
        const NinesSlaTerm *t = g_ptr_array_index (a->terms, i);

        g_string_append_printf (out, "sla %s %.17g %s\n", t->component_id, t->sla, t->source);
      }
  }
  {
    g_autoptr(GDate) today = g_date_new_dmy (1, G_DATE_JUNE, 2026);
    g_autoptr(NinesFindings) findings = nines_findings_new (recovery, today);

    for (guint i = 0; i < nines_findings_get_n_items (findings); i++)
      {
        const NinesFinding *f = nines_findings_get_item (findings, i);

        g_string_append_printf (out, "finding %s %s %s: %s | %s | %s\n", f->rule,
                                nines_severity_to_string (f->severity), f->component_id, f->what, f->why, f->fix);
      }
  }
  nines_cost_estimate_get_total (cost, NINES_COST_STEADY, &steady);
  nines_cost_estimate_get_total (cost, NINES_COST_FAILOVER, &failover);
  g_string_append_printf (out, "lines %u steady %.17g (%u missing) failover %.17g (%u missing) "
                          "rto %.17g rpo %.17g\n", nines_cost_estimate_get_n_lines (cost),
                          steady.list_usd, steady.n_missing, failover.list_usd, failover.n_missing,
                          nines_recovery_get_rto_s (recovery), nines_recovery_get_rpo_s (recovery));
  return g_string_free (out, FALSE);
}

static void
test_random_deployments (Fixture       *f,
                         gconstpointer  data)
{
  guint compared = 0, patterns_seen = 0;

  for (guint step = 0; step < 400; step++)
    {
      guint what = g_test_rand_int_range (0, 10);
      g_autoptr(NinesDocument) fresh = NULL;
      g_autofree char *ignored = NULL;
      NinesDrPattern patterns[2];

      if (what < 7)
        random_edit (f, step, &ignored);
      else if (what < 9)
        nines_command_stack_undo (f->stack);
      else
        nines_command_stack_redo (f->stack);

      /* The document's own pattern (what the app builds after every edit) and another. */
      patterns[0] = nines_document_get_dr_pattern (f->doc);
      patterns[1] = g_test_rand_int_range (0, NINES_N_DR_PATTERNS);
      patterns_seen |= 1u << patterns[0] | 1u << patterns[1];
      fresh = nines_document_copy (f->doc);
      for (guint k = 0; k < G_N_ELEMENTS (patterns); k++)
        {
          g_autofree char *reused = ser_deployment (f->doc, patterns[k]);
          g_autofree char *made = ser_deployment (fresh, patterns[k]);

          g_assert_cmpstr (reused, ==, made);
          compared++;
        }
    }
  g_test_message ("%u deployments compared", compared);
  g_assert_cmpuint (patterns_seen, ==, (1u << NINES_N_DR_PATTERNS) - 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/nines/model/command-stack/random-sequences", Fixture, NULL, fixture_set_up,
              test_random_sequences, fixture_tear_down);
  g_test_add ("/nines/model/command-stack/random-deployments", Fixture, NULL, fixture_set_up,
              test_random_deployments, fixture_tear_down);
  return g_test_run ();
}
