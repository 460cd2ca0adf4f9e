/* test-command-stack.c: every edit applies, undoes and redoes exactly */
#include "config.h"

#include <math.h>
#include <string.h>
#include <nines-model.h>

#include "nines-test-command-fixture.h"

/* Edits, each a function that returns what the stack returned. */

static gboolean
edit_add_region (Fixture *f, GError **error)
{
  const char *azs[] = { "euw1-az1", "euw1-az2", NULL };
  return nines_command_stack_add_region (f->stack, "eu-west-1", azs, error);
}

static gboolean
edit_remove_region (Fixture *f, GError **error)
{
  return nines_command_stack_remove_region (f->stack, "ca-central-1", error);
}

static gboolean
edit_region_azs (Fixture *f, GError **error)
{
  const char *azs[] = { "use1-az1", "use1-az2", "use1-az4", "use1-az6", NULL };
  return nines_command_stack_set_region_azs (f->stack, "us-east-1", azs, error);
}

static gboolean
edit_add_component (Fixture *f, GError **error)
{
  g_autoptr(NinesComponent) c = nines_component_new ("cache", "elasticache", "us-east-1");
  const char *azs[] = { "use1-az1", "use1-az2", NULL };
  NinesPoint at = { 700, 500 };

  nines_component_set_azs (c, azs);
  nines_component_set_param (c, "nodes", g_variant_new_int64 (3));
  return nines_command_stack_add_component (f->stack, c, &at, error);
}

static gboolean
edit_add_component_unplaced (Fixture *f, GError **error)
{
  g_autoptr(NinesComponent) c = nines_component_new ("queue", "sqs", "us-east-1");
  return nines_command_stack_add_component (f->stack, c, NULL, error);
}

static gboolean
edit_remove_component (Fixture *f, GError **error)
{
  return nines_command_stack_remove_component (f->stack, "web", error);
}

static gboolean
edit_move (Fixture *f, GError **error)
{
  const char *ids[] = { "web", "db", "region:us-east-1", NULL };
  return nines_command_stack_move (f->stack, ids, 12.5, -3, error);
}

static gboolean
edit_set_position (Fixture *f, GError **error)
{
  NinesPoint p = { -40, 1e6 };
  return nines_command_stack_set_position (f->stack, "region:ca-central-1", &p, error);
}

static gboolean
edit_set_param (Fixture *f, GError **error)
{
  return nines_command_stack_set_param (f->stack, "web", "max", g_variant_new_int64 (20), error);
}

static gboolean
edit_reset_param (Fixture *f, GError **error)
{
  return nines_command_stack_set_param (f->stack, "db", "storage_gb", NULL, error);
}

static gboolean
edit_set_new_param (Fixture *f, GError **error)
{
  return nines_command_stack_set_param (f->stack, "web", "ebs_type", g_variant_new_string ("io2"),
                                        error);
}

static gboolean
edit_component_name (Fixture *f, GError **error)
{
  return nines_command_stack_set_component_name (f->stack, "db", "Orders (primary)", error);
}

static gboolean
edit_component_unname (Fixture *f, GError **error)
{
  return nines_command_stack_set_component_name (f->stack, "db", NULL, error);
}

static gboolean
edit_placement (Fixture *f, GError **error)
{
  const char *azs[] = { "cac1-az1", "cac1-az2", NULL };
  return nines_command_stack_set_placement (f->stack, "db", "ca-central-1", azs, error);
}

static gboolean
edit_connect (Fixture *f, GError **error)
{
  return nines_command_stack_connect (f->stack, "db", "assets", NINES_LINK_DATA, error);
}

static gboolean
edit_disconnect (Fixture *f, GError **error)
{
  return nines_command_stack_disconnect (f->stack, "dns", "cdn", NINES_LINK_TRAFFIC, error);
}

static gboolean
edit_name (Fixture *f, GError **error)
{
  return nines_command_stack_set_name (f->stack, "Storefront 2027", error);
}

static gboolean
edit_dr (Fixture *f, GError **error)
{
  return nines_command_stack_set_dr (f->stack, NINES_DR_PATTERN_PILOT_LIGHT, "us-west-2", error);
}

static gboolean
edit_dr_none (Fixture *f, GError **error)
{
  return nines_command_stack_set_dr (f->stack, NINES_DR_PATTERN_NONE, NULL, error);
}

static gboolean
edit_knob (Fixture *f, GError **error)
{
  return nines_command_stack_set_knob (f->stack, "dns_ttl_s", g_variant_new_int64 (30), error);
}

static gboolean
edit_knob_reset (Fixture *f, GError **error)
{
  return nines_command_stack_set_knob (f->stack, "standby_fraction", NULL, error);
}

static gboolean
edit_operations (Fixture *f, GError **error)
{
  return nines_command_stack_set_operations (f->stack, "2026-11-01", NULL, "Tested failover.", error);
}

static gboolean
edit_owners (Fixture *f, GError **error)
{
  const char *owners[] = { "sre@example.com", "Dana", NULL };
  return nines_command_stack_set_owners (f->stack, owners, error);
}

static gboolean
edit_primary_region (Fixture *f, GError **error)
{
  gboolean ok;

  /* Recover into us-west-2, and run from ca-central-1. */
  nines_command_stack_begin_group (f->stack, "Change Regions");
  ok = nines_command_stack_set_dr (f->stack, NINES_DR_PATTERN_WARM_STANDBY, "us-west-2", error) &&
       nines_command_stack_set_primary_region (f->stack, "ca-central-1", error);
  nines_command_stack_end_group (f->stack);
  return ok;
}

static gboolean
edit_discount (Fixture *f, GError **error)
{
  return nines_command_stack_set_discount (f->stack, 12.5, error);
}

static gboolean
edit_override (Fixture *f, GError **error)
{
  return nines_command_stack_set_price_override (f->stack, "AmazonEC2", "us-east-1",
                                                 "BoxUsage:m6i.large", 0.0864, "EDP quote", error);
}

typedef gboolean (*EditFunc) (Fixture *f, GError **error);

static const struct {
  const char *name;
  EditFunc    edit;
  const char *label;
} valid_edits[] = {
  { "add-region", edit_add_region, "Add Region" },
  { "remove-region", edit_remove_region, "Remove Region" },
  { "region-azs", edit_region_azs, "Change Availability Zones" },
  { "add-component", edit_add_component, "Add Component" },
  { "add-component-unplaced", edit_add_component_unplaced, "Add Component" },
  { "remove-component", edit_remove_component, "Remove Component" },
  { "move", edit_move, "Move" },
  { "set-position", edit_set_position, "Move" },
  { "set-param", edit_set_param, "Maximum" },
  { "reset-param", edit_reset_param, "Storage" },
  { "set-new-param", edit_set_new_param, "EBS volume type" },
  { "component-name", edit_component_name, "Rename" },
  { "component-unname", edit_component_unname, "Rename" },
  { "placement", edit_placement, "Change Placement" },
  { "connect", edit_connect, "Connect" },
  { "disconnect", edit_disconnect, "Disconnect" },
  { "name", edit_name, "Rename Design" },
  { "dr", edit_dr, "Change DR Pattern" },
  { "dr-none", edit_dr_none, "Change DR Pattern" },
  { "knob", edit_knob, "DNS TTL" },
  { "knob-reset", edit_knob_reset, "Standby capacity" },
  { "operations", edit_operations, "Change Operations" },
  { "owners", edit_owners, "Change Owners" },
  { "primary-region", edit_primary_region, "Change Regions" },
  { "discount", edit_discount, "Change Discount" },
  { "override", edit_override, "Enter Price" },
};

static void
count_signal (gpointer  instance,
              guint    *count)
{
  (*count)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_each_edit (Fixture       *f,
                gconstpointer  data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *before = ser (f);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (f->doc, "changed", G_CALLBACK (count_signal), &changed);
  g_assert_false (nines_command_stack_can_undo (f->stack));
  g_assert_false (nines_command_stack_is_dirty (f->stack));

  g_assert_true (valid_edits[i].edit (f, &error));
  g_assert_no_error (error);
  assert_valid (f);
  after = ser (f);
  g_assert_cmpstr (after, !=, before);
  g_assert_cmpuint (changed, >, 0);
  g_assert_true (nines_command_stack_can_undo (f->stack));
  g_assert_true (nines_command_stack_is_dirty (f->stack));
  g_assert_cmpstr (nines_command_stack_get_undo_label (f->stack), ==, valid_edits[i].label);

  /* The same edit again is either a no-op or a second step; never an error here. */
  g_assert_true (nines_command_stack_undo (f->stack));
  undone = ser (f);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (nines_command_stack_is_dirty (f->stack));
  g_assert_cmpstr (nines_command_stack_get_redo_label (f->stack), ==, valid_edits[i].label);

  g_assert_true (nines_command_stack_redo (f->stack));
  redone = ser (f);
  g_assert_cmpstr (redone, ==, after);
  g_assert_false (nines_command_stack_redo (f->stack));

  /* Through a save and a load too: the edited document is a valid file. */
  {
    g_autoptr(NinesDocument) reloaded = nines_document_load_from_data (after, -1, "edited", &error);
    g_autofree char *again = NULL;

    g_assert_no_error (error);
    again = nines_document_to_data (reloaded, NULL);
    g_assert_cmpstr (again, ==, after);
  }
  g_signal_handlers_disconnect_by_func (f->doc, count_signal, &changed);
}

/* Edits that would make the document invalid, or name what is not there. */

static const char *no_azs[] = { NULL };

typedef struct
{
  const char *name;
  int         code;
  const char *message;   /* NULL: any */
} Invalid;

static gboolean
run_invalid (Fixture *f, guint i, GError **error)
{
  const char *bad_azs[] = { "use1-az1", "euw1-az1", NULL };
  const char *few_azs[] = { "use1-az1", NULL };
  const char *dup_azs[] = { "use1-az1", "use1-az1", NULL };
  const char *bad_move[] = { "web", "ghost", NULL };
  const char *blank_owner[] = { "ok", "  ", NULL };
  g_autoptr(NinesComponent) dup = nines_component_new ("web", "lambda", "us-east-1");
  g_autoptr(NinesComponent) odd = nines_component_new ("odd", "mainframe", "us-east-1");
  g_autoptr(NinesComponent) far = nines_component_new ("far", "lambda", "eu-west-1");
  g_autoptr(NinesComponent) bad_param = nines_component_new ("bad", "lambda", "us-east-1");
  NinesPoint nowhere = { INFINITY, 0 };

  nines_component_set_param (bad_param, "memory_mb", g_variant_new_int64 (-5));
  switch (i)
    {
    case 0: return nines_command_stack_add_region (f->stack, "us-east-1", no_azs, error);
    case 1: return nines_command_stack_add_region (f->stack, "us-east-7", no_azs, error);
    case 2: return nines_command_stack_add_region (f->stack, "eu-west-1", bad_azs, error);
    case 3: return nines_command_stack_remove_region (f->stack, "us-east-1", error);
    case 4: return nines_command_stack_remove_region (f->stack, "eu-west-1", error);
    case 5: return nines_command_stack_set_region_azs (f->stack, "us-east-1", few_azs, error);
    case 6: return nines_command_stack_set_region_azs (f->stack, "us-east-1", dup_azs, error);
    case 7: return nines_command_stack_add_component (f->stack, dup, NULL, error);
    case 8: return nines_command_stack_add_component (f->stack, odd, NULL, error);
    case 9: return nines_command_stack_add_component (f->stack, far, NULL, error);
    case 10: return nines_command_stack_add_component (f->stack, bad_param, NULL, error);
    case 11: return nines_command_stack_remove_component (f->stack, "ghost", error);
    case 12: return nines_command_stack_move (f->stack, bad_move, 5, 5, error);
    case 13: return nines_command_stack_set_param (f->stack, "ghost", "max", g_variant_new_int64 (1), error);
    case 14: return nines_command_stack_set_param (f->stack, "web", "colour", g_variant_new_int64 (1), error);
    case 15: return nines_command_stack_set_param (f->stack, "web", "max", g_variant_new_int32 (9), error);
    case 16: return nines_command_stack_set_param (f->stack, "web", "max", g_variant_new_int64 (9000), error);
    case 17: return nines_command_stack_set_param (f->stack, "web", "min", g_variant_new_int64 (30), error);
    case 18: return nines_command_stack_set_param (f->stack, "web", "instance_type", g_variant_new_string ("big"), error);
    case 19: return nines_command_stack_set_placement (f->stack, "db", "eu-west-1", few_azs, error);
    case 20: return nines_command_stack_set_placement (f->stack, "db", "us-east-1", bad_azs, error);
    case 21: return nines_command_stack_set_placement (f->stack, "dns", "us-east-1", no_azs, error);
    case 22: return nines_command_stack_connect (f->stack, "web", "ghost", NINES_LINK_DATA, error);
    case 23: return nines_command_stack_connect (f->stack, "web", "web", NINES_LINK_DATA, error);
    case 24: return nines_command_stack_connect (f->stack, "web", "db", NINES_LINK_DATA, error);
    case 25: return nines_command_stack_disconnect (f->stack, "db", "web", NINES_LINK_DATA, error);
    case 26: return nines_command_stack_set_name (f->stack, "", error);
    case 27: return nines_command_stack_set_dr (f->stack, NINES_DR_PATTERN_WARM_STANDBY, NULL, error);
    case 28: return nines_command_stack_set_dr (f->stack, NINES_DR_PATTERN_WARM_STANDBY, "us-east-1", error);
    case 29: return nines_command_stack_set_dr (f->stack, NINES_DR_PATTERN_WARM_STANDBY, "atlantis-1", error);
    case 30: return nines_command_stack_set_knob (f->stack, "warp_factor", g_variant_new_int64 (9), error);
    case 31: return nines_command_stack_set_knob (f->stack, "standby_fraction", g_variant_new_double (2), error);
    case 32: return nines_command_stack_set_knob (f->stack, "dns_ttl_s", g_variant_new_double (60), error);
    case 33: return nines_command_stack_set_operations (f->stack, "yesterday", NULL, NULL, error);
    case 34: return nines_command_stack_set_owners (f->stack, blank_owner, error);
    case 35: return nines_command_stack_set_primary_region (f->stack, "eu-west-1", error);
    case 36: return nines_command_stack_set_discount (f->stack, 100, error);
    case 37: return nines_command_stack_set_discount (f->stack, NAN, error);
    case 38: return nines_command_stack_set_price_override (f->stack, "AmazonEC2", "moon-1", "x", 1, NULL, error);
    case 39: return nines_command_stack_set_price_override (f->stack, "AmazonEC2", NULL, "x", 2e9, NULL, error);
    case 40: return nines_command_stack_set_position (f->stack, "web", &nowhere, error);
    case 41: return nines_command_stack_move (f->stack, bad_move + 1, NAN, 0, error);
    default: g_assert_not_reached ();
    }
}

static const Invalid invalid_edits[] = {
  { "add-region-twice", NINES_MODEL_ERROR_INVALID, "The design already uses us-east-1" },
  { "add-unknown-region", NINES_MODEL_ERROR_INVALID, "regions[2].code: unknown region \"us-east-7\"" },
  { "add-region-foreign-az", NINES_MODEL_ERROR_INVALID,
    "regions[2].azs[0]: \"use1-az1\" is not an AZ of eu-west-1 (it has euw1-az1, euw1-az2, euw1-az3)" },
  { "remove-region-in-use", NINES_MODEL_ERROR_INVALID,
    "us-east-1 still holds components; remove or move them first" },
  { "remove-missing-region", NINES_MODEL_ERROR_NOT_FOUND, "There is no region \"eu-west-1\" in the design" },
  { "region-azs-in-use", NINES_MODEL_ERROR_INVALID, NULL },
  { "region-azs-twice", NINES_MODEL_ERROR_INVALID, "regions[0].azs[1]: AZ \"use1-az1\" is listed twice" },
  { "add-duplicate-id", NINES_MODEL_ERROR_INVALID, "The id \"web\" is already used" },
  { "add-unknown-kind", NINES_MODEL_ERROR_INVALID, NULL },
  { "add-foreign-region", NINES_MODEL_ERROR_INVALID,
    "components[8].region: \"eu-west-1\" is not among the design's regions (add it to \"regions\")" },
  { "add-bad-param", NINES_MODEL_ERROR_INVALID,
    "components[8].memory_mb: must be between 128 and 10240 (is -5)" },
  { "remove-missing", NINES_MODEL_ERROR_NOT_FOUND, "There is no component \"ghost\" in the design" },
  { "move-missing", NINES_MODEL_ERROR_NOT_FOUND, "There is no component \"ghost\" in the design" },
  { "param-missing-component", NINES_MODEL_ERROR_NOT_FOUND, NULL },
  { "param-unknown", NINES_MODEL_ERROR_INVALID, "ec2-asg has no parameter \"colour\"" },
  { "param-wrong-type", NINES_MODEL_ERROR_INVALID, "components[4].max: must be an integer" },
  { "param-out-of-range", NINES_MODEL_ERROR_INVALID, "components[4].max: must be between 0 and 5000 (is 9000)" },
  { "param-min-over-max", NINES_MODEL_ERROR_INVALID, "components[4].max: must be >= min (is 24, min 30)" },
  { "param-bad-string", NINES_MODEL_ERROR_INVALID,
    "components[4].instance_type: must look like \"m6i.large\" (is \"big\")" },
  { "placement-foreign-region", NINES_MODEL_ERROR_INVALID, NULL },
  { "placement-foreign-az", NINES_MODEL_ERROR_INVALID, NULL },
  { "placement-global", NINES_MODEL_ERROR_INVALID,
    "components[0].region: route53 is global and takes no region (is \"us-east-1\")" },
  { "connect-missing", NINES_MODEL_ERROR_NOT_FOUND, NULL },
  { "connect-self", NINES_MODEL_ERROR_INVALID, "A component cannot link to itself" },
  { "connect-twice", NINES_MODEL_ERROR_INVALID, "web is already linked to db" },
  { "disconnect-missing", NINES_MODEL_ERROR_NOT_FOUND, NULL },
  { "name-empty", NINES_MODEL_ERROR_INVALID, "The design needs a name" },
  { "dr-without-region", NINES_MODEL_ERROR_INVALID,
    "dr.recovery_region: is missing: the warm-standby pattern needs one" },
  { "dr-same-region", NINES_MODEL_ERROR_INVALID,
    "dr.recovery_region: must differ from the primary region (both are us-east-1)" },
  { "dr-unknown-region", NINES_MODEL_ERROR_INVALID, "dr.recovery_region: unknown region \"atlantis-1\"" },
  { "knob-unknown", NINES_MODEL_ERROR_NOT_FOUND, NULL },
  { "knob-out-of-range", NINES_MODEL_ERROR_INVALID, "Standby capacity: must be between 0.01 and 1 (is 2)" },
  { "knob-wrong-type", NINES_MODEL_ERROR_INVALID, "DNS TTL: must be an integer" },
  { "operations-bad-date", NINES_MODEL_ERROR_INVALID,
    "operations.last_dr_test: must be a date like 2026-06-30 (is \"yesterday\")" },
  { "owners-blank", NINES_MODEL_ERROR_INVALID, "An owner needs a name or address" },
  { "primary-foreign", NINES_MODEL_ERROR_INVALID, NULL },
  { "discount-100", NINES_MODEL_ERROR_INVALID, "pricing.discount_percent: must be at least 0 and below 100 (is 100)" },
  { "discount-nan", NINES_MODEL_ERROR_INVALID, NULL },
  { "override-unknown-region", NINES_MODEL_ERROR_INVALID, "pricing.overrides[0].region: unknown region \"moon-1\"" },
  { "override-absurd", NINES_MODEL_ERROR_INVALID, "pricing.overrides[0].usd: must be at least 0 and below 1e9 (is 2e+09)" },
  { "position-infinite", NINES_MODEL_ERROR_INVALID, "A position must lie within ±10000000" },
  { "move-nan", NINES_MODEL_ERROR_INVALID, "A move must stay within ±10000000" },
};

static void
test_invalid_edit (Fixture       *f,
                   gconstpointer  data)
{
  guint i = GPOINTER_TO_UINT (data);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  /* One valid step first, so "nothing changed" covers the stacks too. */
  g_assert_true (edit_name (f, NULL));
  before = ser (f);
  g_assert_false (run_invalid (f, i, &error));
  g_assert_error (error, NINES_MODEL_ERROR, invalid_edits[i].code);
  /* Its first problem (the rest follow, one per line). */
  if (invalid_edits[i].message != NULL)
    {
      g_autofree char *first = g_strndup (error->message, strcspn (error->message, "\n"));
      g_assert_cmpstr (first, ==, invalid_edits[i].message);
    }
  after = ser (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (nines_command_stack_get_undo_label (f->stack), ==, "Rename Design");
  g_assert_false (nines_command_stack_can_redo (f->stack));
  assert_valid (f);
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_false (nines_command_stack_can_undo (f->stack));
}

static void
assert_position (Fixture    *f,
                 const char *key,
                 double      x,
                 double      y)
{
  NinesPoint p;

  g_assert_true (nines_document_get_position (f->doc, key, &p));
  g_assert_cmpfloat (p.x, ==, x);
  g_assert_cmpfloat (p.y, ==, y);
}

static void
test_move_merging (Fixture       *f,
                   gconstpointer  data)
{
  const char *web[] = { "web", NULL };
  const char *both[] = { "web", "db", NULL };
  g_autofree char *start = ser (f);

  /* storefront: web at (560, 240), db at (780, 240). A drag is one step. */
  for (guint i = 0; i < 10; i++)
    g_assert_true (nines_command_stack_move (f->stack, web, 1, 2, NULL));
  assert_position (f, "web", 570, 260);
  g_assert_true (nines_command_stack_undo (f->stack));
  assert_position (f, "web", 560, 240);
  g_assert_false (nines_command_stack_can_undo (f->stack));
  g_assert_true (nines_command_stack_redo (f->stack));
  assert_position (f, "web", 570, 260);

  /* After a redo, a move is a new step. */
  g_assert_true (nines_command_stack_move (f->stack, web, 5, 0, NULL));
  g_assert_true (nines_command_stack_undo (f->stack));
  assert_position (f, "web", 570, 260);

  /* Another selection is another step. */
  g_assert_true (nines_command_stack_move (f->stack, web, 5, 0, NULL));
  g_assert_true (nines_command_stack_move (f->stack, both, 0, 10, NULL));
  assert_position (f, "web", 575, 270);
  assert_position (f, "db", 780, 250);
  g_assert_true (nines_command_stack_undo (f->stack));
  assert_position (f, "web", 575, 260);
  assert_position (f, "db", 780, 240);

  /* A save ends a drag: what follows is unsaved. */
  g_assert_true (nines_command_stack_move (f->stack, web, 1, 0, NULL));
  nines_command_stack_mark_saved (f->stack);
  g_assert_false (nines_command_stack_is_dirty (f->stack));
  g_assert_true (nines_command_stack_move (f->stack, web, 1, 0, NULL));
  g_assert_true (nines_command_stack_is_dirty (f->stack));
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_false (nines_command_stack_is_dirty (f->stack));

  /* Another edit in between ends it too. */
  g_assert_true (nines_command_stack_move (f->stack, web, 1, 0, NULL));
  g_assert_true (edit_name (f, NULL));
  g_assert_true (nines_command_stack_move (f->stack, web, 1, 0, NULL));
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_cmpstr (nines_command_stack_get_undo_label (f->stack), ==, "Rename Design");

  /* A pause of more than a second ends a drag. */
  g_assert_true (nines_command_stack_move (f->stack, both, 1, 0, NULL));
  g_usleep (1100 * 1000);
  g_assert_true (nines_command_stack_move (f->stack, both, 1, 0, NULL));
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_cmpstr (nines_command_stack_get_undo_label (f->stack), ==, "Move");

  /* A component without a position starts at the origin. */
  g_assert_true (edit_add_component_unplaced (f, NULL));
  {
    const char *queue[] = { "queue", NULL };
    g_assert_true (nines_command_stack_move (f->stack, queue, 3, 4, NULL));
    assert_position (f, "queue", 3, 4);
    g_assert_true (nines_command_stack_undo (f->stack));
    NinesPoint p;
    g_assert_false (nines_document_get_position (f->doc, "queue", &p));
  }

  while (nines_command_stack_undo (f->stack))
    ;
  {
    g_autofree char *end = ser (f);
    g_assert_cmpstr (end, ==, start);
  }
}

static void
test_dirty_tracking (Fixture       *f,
                     gconstpointer  data)
{
  guint dirty_notes = 0, undo_notes = 0, redo_notes = 0;

  g_signal_connect (f->stack, "notify::dirty", G_CALLBACK (count_notify), &dirty_notes);
  g_signal_connect (f->stack, "notify::can-undo", G_CALLBACK (count_notify), &undo_notes);
  g_signal_connect (f->stack, "notify::can-redo", G_CALLBACK (count_notify), &redo_notes);

  g_assert_false (nines_command_stack_is_dirty (f->stack));
  g_assert_true (edit_set_param (f, NULL));
  g_assert_true (nines_command_stack_is_dirty (f->stack));
  g_assert_cmpuint (dirty_notes, ==, 1);
  g_assert_cmpuint (undo_notes, ==, 1);
  g_assert_true (edit_name (f, NULL));
  g_assert_cmpuint (dirty_notes, ==, 1);
  nines_command_stack_mark_saved (f->stack);
  g_assert_false (nines_command_stack_is_dirty (f->stack));
  g_assert_cmpuint (dirty_notes, ==, 2);

  /* Away from the save and back. */
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_true (nines_command_stack_is_dirty (f->stack));
  g_assert_cmpuint (redo_notes, ==, 1);
  g_assert_true (nines_command_stack_redo (f->stack));
  g_assert_false (nines_command_stack_is_dirty (f->stack));
  g_assert_cmpuint (dirty_notes, ==, 4);

  /* A no-op edit changes nothing, not even dirtiness. */
  g_assert_true (edit_name (f, NULL));
  g_assert_false (nines_command_stack_is_dirty (f->stack));
  g_assert_true (nines_command_stack_set_param (f->stack, "web", "max", g_variant_new_int64 (20), NULL));
  g_assert_false (nines_command_stack_is_dirty (f->stack));

  /* Undo past the save and branch off: the saved state is gone for good. */
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_true (edit_discount (f, NULL));
  g_assert_true (nines_command_stack_is_dirty (f->stack));
  g_assert_true (nines_command_stack_undo (f->stack));
  g_assert_true (nines_command_stack_is_dirty (f->stack));

  /* Clearing the history keeps unsaved changes unsaved… */
  nines_command_stack_clear (f->stack);
  g_assert_false (nines_command_stack_can_undo (f->stack));
  g_assert_false (nines_command_stack_can_redo (f->stack));
  g_assert_true (nines_command_stack_is_dirty (f->stack));
  /* …and a save after it is clean. */
  nines_command_stack_mark_saved (f->stack);
  g_assert_false (nines_command_stack_is_dirty (f->stack));
  nines_command_stack_clear (f->stack);
  g_assert_false (nines_command_stack_is_dirty (f->stack));

  g_signal_handlers_disconnect_by_data (f->stack, &dirty_notes);
  g_signal_handlers_disconnect_by_data (f->stack, &undo_notes);
  g_signal_handlers_disconnect_by_data (f->stack, &redo_notes);
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *before = ser (f);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  nines_command_stack_begin_group (f->stack, "Add Cache Tier");
  g_assert_true (edit_add_component (f, NULL));
  g_assert_false (nines_command_stack_can_undo (f->stack));
  nines_command_stack_begin_group (f->stack, "inner");
  g_assert_true (nines_command_stack_connect (f->stack, "web", "cache", NINES_LINK_DATA, NULL));
  g_assert_true (edit_set_position (f, NULL));
  g_assert_true (edit_connect (f, NULL));
  nines_command_stack_end_group (f->stack);
  g_assert_false (nines_command_stack_undo (f->stack));
  nines_command_stack_end_group (f->stack);

  after = ser (f);
  g_assert_cmpstr (nines_command_stack_get_undo_label (f->stack), ==, "Add Cache Tier");
  g_assert_true (nines_command_stack_undo (f->stack));
  undone = ser (f);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (nines_command_stack_can_undo (f->stack));
  g_assert_true (nines_command_stack_redo (f->stack));
  redone = ser (f);
  g_assert_cmpstr (redone, ==, after);

  /* An empty group is no step. */
  nines_command_stack_begin_group (f->stack, "Nothing");
  nines_command_stack_end_group (f->stack);
  g_assert_cmpstr (nines_command_stack_get_undo_label (f->stack), !=, "Nothing");
}

static void
test_remove_component_restores_everything (Fixture       *f,
                                           gconstpointer  data)
{
  g_autofree char *before = ser (f);
  g_autofree char *undone = NULL;
  GListModel *links = nines_document_get_links (f->doc);
  guint n_links = g_list_model_get_n_items (links);

  /* web has four links (alb->web, web->db, web->assets, web->nat) and a position. */
  g_assert_true (nines_command_stack_remove_component (f->stack, "web", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, n_links - 4);
  g_assert_null (nines_document_lookup_component (f->doc, "web"));
  g_assert_false (nines_document_get_position (f->doc, "web", &(NinesPoint) { 0, 0 }));
  g_assert_true (nines_command_stack_undo (f->stack));
  undone = ser (f);
  g_assert_cmpstr (undone, ==, before);
  g_assert_nonnull (nines_document_lookup_component (f->doc, "web"));
}

static void
test_override_order (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *three = NULL;
  g_autofree char *undone = NULL;

  g_assert_true (nines_command_stack_set_price_override (f->stack, "S", NULL, "a", 1, NULL, NULL));
  g_assert_true (nines_command_stack_set_price_override (f->stack, "S", NULL, "b", 2, NULL, NULL));
  g_assert_true (nines_command_stack_set_price_override (f->stack, "S", NULL, "c", 3, NULL, NULL));
  three = ser (f);
  /* Removing the first and undoing puts it back first. */
  g_assert_true (nines_command_stack_set_price_override (f->stack, "S", NULL, "a", -1, NULL, NULL));
  g_assert_cmpuint (nines_document_get_n_price_overrides (f->doc), ==, 2);
  g_assert_cmpstr (nines_command_stack_get_undo_label (f->stack), ==, "Remove Price");
  g_assert_true (nines_command_stack_undo (f->stack));
  undone = ser (f);
  g_assert_cmpstr (undone, ==, three);
  /* Removing what is not there is no step. */
  g_assert_true (nines_command_stack_set_price_override (f->stack, "S", NULL, "zzz", -1, NULL, NULL));
  g_assert_cmpstr (nines_command_stack_get_redo_label (f->stack), ==, "Remove Price");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (valid_edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nines/model/command-stack/edit/%s", valid_edits[i].name);
      g_test_add (path, Fixture, GUINT_TO_POINTER (i), fixture_set_up, test_each_edit, fixture_tear_down);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid_edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nines/model/command-stack/invalid/%s",
                                               invalid_edits[i].name);
      g_test_add (path, Fixture, GUINT_TO_POINTER (i), fixture_set_up, test_invalid_edit,
                  fixture_tear_down);
    }
  g_test_add ("/nines/model/command-stack/move-merging", Fixture, NULL, fixture_set_up,
              test_move_merging, fixture_tear_down);
  g_test_add ("/nines/model/command-stack/dirty-tracking", Fixture, NULL, fixture_set_up,
              test_dirty_tracking, fixture_tear_down);
  g_test_add ("/nines/model/command-stack/groups", Fixture, NULL, fixture_set_up, test_groups,
              fixture_tear_down);
  g_test_add ("/nines/model/command-stack/remove-component", Fixture, NULL, fixture_set_up,
              test_remove_component_restores_everything, fixture_tear_down);
  g_test_add ("/nines/model/command-stack/override-order", Fixture, NULL, fixture_set_up,
              test_override_order, fixture_tear_down);
  return g_test_run ();
}
