/* test-document-io.c: .nines files read and written back, byte for byte */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <nines-model.h>

static const char *examples[] = { "storefront", "newsroom", "ledger-api" };

static char *
example_path (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.nines", name);
  return g_build_filename (g_getenv ("NINES_SOURCE_DIR"), "data", "examples", file, NULL);
}

static char *
read_file (const char *path,
           gsize      *len)
{
  char *data = NULL;

  if (!g_file_get_contents (path, &data, len, NULL))
    g_error ("cannot read %s", path);
  return data;
}

static NinesDocument *
load_data_or_die (const char *data,
                  gssize      len,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  NinesDocument *doc = nines_document_load_from_data (data, len, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_examples_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = example_path (examples[i]);
      g_autofree char *tmpdir = g_dir_make_tmp ("nines-io-XXXXXX", NULL);
      g_autofree char *copy = g_build_filename (tmpdir, "copy.nines", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(NinesDocument) doc = NULL;
      g_autoptr(NinesDocument) bundled = NULL;
      g_autofree char *original = NULL;
      g_autofree char *saved = NULL;
      g_autofree char *bundled_text = NULL;
      g_autofree char *copied = NULL;
      gsize len, saved_len, copied_len;

      original = read_file (path, &len);
      doc = nines_document_load_from_file (path, &error);
      g_assert_no_error (error);
      saved = nines_document_to_data (doc, &saved_len);
      g_assert_cmpstr (saved, ==, original);
      g_assert_cmpuint (saved_len, ==, len);

      /* The compiled-in copy is the same document. */
      bundled = nines_document_load_example (examples[i], &error);
      g_assert_no_error (error);
      bundled_text = nines_document_to_data (bundled, NULL);
      g_assert_cmpstr (bundled_text, ==, original);

      /* Saved to disk, byte for byte, twice. */
      for (guint round = 0; round < 2; round++)
        {
          g_clear_pointer (&copied, g_free);
          g_assert_true (nines_document_save_to_file (doc, copy, &error));
          g_assert_no_error (error);
          copied = read_file (copy, &copied_len);
          g_assert_cmpuint (copied_len, ==, len);
          g_assert_true (memcmp (copied, original, len) == 0);
        }
      g_unlink (copy);
      g_rmdir (tmpdir);
    }
}

static NinesDocument *
example (const char *name)
{
  g_autoptr(GError) error = NULL;
  NinesDocument *doc = nines_document_load_example (name, &error);

  g_assert_no_error (error);
  return doc;
}

static void
assert_component (NinesDocument *doc,
                  const char    *id,
                  const char    *kind,
                  const char    *region)
{
  NinesComponent *c = nines_document_lookup_component (doc, id);

  if (c == NULL)
    g_error ("%s has no component %s", nines_document_get_name (doc), id);
  g_assert_cmpstr (nines_component_get_kind (c), ==, kind);
  g_assert_cmpstr (nines_component_get_region (c), ==, region);
}

static gboolean
has_link (NinesDocument *doc,
          const char    *from,
          const char    *to)
{
  GListModel *links = nines_document_get_links (doc);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) l = g_list_model_get_item (links, i);

      if (g_str_equal (nines_link_get_from (l), from) && g_str_equal (nines_link_get_to (l), to))
        return TRUE;
    }
  return FALSE;
}

/* The examples are the designs issue 2 describes. */
static void
test_examples_content (void)
{
  g_autoptr(NinesDocument) shop = example ("storefront");
  g_autoptr(NinesDocument) news = example ("newsroom");
  g_autoptr(NinesDocument) ledger = example ("ledger-api");
  NinesComponent *web, *db, *images;

  /* Route 53 -> ALB -> ASG (m6i.large, 3/3/12 over 3 AZs) -> RDS PostgreSQL Multi-AZ,
   * S3 static assets behind CloudFront; us-east-1, recovering to ca-central-1. */
  assert_component (shop, "dns", "route53", NULL);
  assert_component (shop, "alb", "alb", "us-east-1");
  assert_component (shop, "web", "ec2-asg", "us-east-1");
  assert_component (shop, "db", "rds", "us-east-1");
  assert_component (shop, "cdn", "cloudfront", NULL);
  assert_component (shop, "assets", "s3", "us-east-1");
  g_assert_true (has_link (shop, "dns", "alb") && has_link (shop, "alb", "web") &&
                 has_link (shop, "web", "db") && has_link (shop, "cdn", "assets"));
  web = nines_document_lookup_component (shop, "web");
  g_assert_cmpstr (nines_component_get_string (web, "instance_type"), ==, "m6i.large");
  g_assert_cmpint (nines_component_get_int (web, "min"), ==, 6);
  g_assert_cmpint (nines_component_get_int (web, "desired"), ==, 6);
  g_assert_cmpint (nines_component_get_int (web, "max"), ==, 24);
  g_assert_cmpuint (nines_component_get_n_azs (web), ==, 3);
  db = nines_document_lookup_component (shop, "db");
  g_assert_cmpstr (nines_component_get_string (db, "engine"), ==, "postgres");
  g_assert_true (nines_component_get_bool (db, "multi_az"));
  g_assert_cmpstr (nines_document_get_primary_region (shop), ==, "us-east-1");
  g_assert_cmpstr (nines_document_get_recovery_region (shop), ==, "ca-central-1");

  /* A publishing site: a large S3 asset bucket, Aurora PostgreSQL, a CI build server. */
  images = nines_document_lookup_component (news, "images");
  assert_component (news, "images", "s3", "us-east-1");
  g_assert_cmpfloat (nines_component_get_double (images, "storage_gb"), >=, 10000);
  assert_component (news, "db", "aurora", "us-east-1");
  g_assert_cmpstr (nines_component_get_string (nines_document_lookup_component (news, "db"), "engine"),
                   ==, "aurora-postgresql");
  assert_component (news, "ci", "ci-server", "us-east-1");

  /* An API on Lambda and DynamoDB in eu-west-1, eu-central-1 the second region. */
  assert_component (ledger, "api", "lambda", "eu-west-1");
  assert_component (ledger, "entries", "dynamodb", "eu-west-1");
  g_assert_true (has_link (ledger, "api", "entries"));
  g_assert_cmpstr (nines_document_get_primary_region (ledger), ==, "eu-west-1");
  g_assert_cmpstr (nines_document_get_recovery_region (ledger), ==, "eu-central-1");
  g_assert_nonnull (nines_document_lookup_region (ledger, "eu-central-1"));
}

static void
test_no_such_example (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) doc = nines_document_load_example ("no-such-thing", &error);

  g_assert_null (doc);
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "no bundled example named \"no-such-thing\"");
}

/* Adds {"future_NAME": {"nested": [1, "two", {"three": 3.5}]}} to @o. */
static void
add_future_field (JsonObject *o,
                  const char *name)
{
  g_autofree char *member = g_strdup_printf ("future_%s", name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = g_strdup_printf ("{\"nested\": [1, \"two\", {\"three\": 3.5}], "
                                           "\"at\": \"%s\"}", name);

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  json_object_set_member (o, member, json_node_copy (json_parser_get_root (parser)));
}

static JsonNode *
parse_or_die (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_true (json_parser_load_from_data (parser, text, -1, NULL));
  return json_node_copy (json_parser_get_root (parser));
}

static char *
node_to_text (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

static void
assert_future_field (JsonObject *o,
                     const char *name)
{
  g_autofree char *member = g_strdup_printf ("future_%s", name);
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;
  JsonObject *want_o = json_object_new ();
  g_autoptr(JsonNode) want_node = json_node_init_object (json_node_alloc (), want_o);

  add_future_field (want_o, name);
  if (!json_object_has_member (o, member))
    g_error ("unknown field %s was lost", member);
  want = node_to_text (json_object_get_member (want_o, member));
  got = node_to_text (json_object_get_member (o, member));
  g_assert_cmpstr (got, ==, want);
  json_object_unref (want_o);
}

static JsonObject *
member_object (JsonObject *o,
               const char *name)
{
  return json_object_get_object_member (o, name);
}

static JsonObject *
element_object (JsonObject *o,
                const char *name,
                guint       i)
{
  return json_array_get_object_element (json_object_get_array_member (o, name), i);
}

static void
test_unknown_fields_survive (void)
{
  g_autofree char *path = example_path ("storefront");
  g_autofree char *original = read_file (path, NULL);
  g_autoptr(JsonNode) root_node = parse_or_die (original);
  JsonObject *root = json_node_get_object (root_node);
  JsonObject *override = json_object_new ();
  g_autofree char *text = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  g_autoptr(NinesDocument) doc = NULL;
  g_autoptr(NinesDocument) again = NULL;
  g_autoptr(JsonNode) out_node = NULL;
  JsonObject *out;
  guint n_components;

  /* Every level: the top, each region, component and link, dr, operations, pricing and
   * a price override; and a parameter name a later Nines might add to a known kind. */
  json_object_set_string_member (override, "service", "AmazonEC2");
  json_object_set_string_member (override, "region", "us-east-1");
  json_object_set_string_member (override, "usage", "BoxUsage:m6i.large");
  json_object_set_double_member (override, "usd", 0.0864);
  json_array_add_object_element (json_object_get_array_member (member_object (root, "pricing"),
                                                               "overrides"), override);
  add_future_field (root, "top");
  add_future_field (element_object (root, "regions", 0), "region0");
  add_future_field (element_object (root, "regions", 1), "region1");
  n_components = json_array_get_length (json_object_get_array_member (root, "components"));
  for (guint i = 0; i < n_components; i++)
    {
      g_autofree char *name = g_strdup_printf ("component%u", i);
      add_future_field (element_object (root, "components", i), name);
    }
  json_object_set_int_member (element_object (root, "components", 4), "spot_percent", 30);
  add_future_field (element_object (root, "links", 0), "link0");
  add_future_field (member_object (root, "dr"), "dr");
  add_future_field (member_object (root, "operations"), "operations");
  add_future_field (member_object (root, "pricing"), "pricing");
  add_future_field (override, "override");
  json_object_set_string_member (root, "provisioning", "a section another layer owns");

  text = node_to_text (root_node);
  doc = load_data_or_die (text, -1, "future.nines");
  saved = nines_document_to_data (doc, NULL);
  out_node = parse_or_die (saved);
  out = json_node_get_object (out_node);

  assert_future_field (out, "top");
  assert_future_field (element_object (out, "regions", 0), "region0");
  assert_future_field (element_object (out, "regions", 1), "region1");
  for (guint i = 0; i < n_components; i++)
    {
      g_autofree char *name = g_strdup_printf ("component%u", i);
      assert_future_field (element_object (out, "components", i), name);
    }
  g_assert_cmpint (json_object_get_int_member (element_object (out, "components", 4),
                                               "spot_percent"), ==, 30);
  assert_future_field (element_object (out, "links", 0), "link0");
  assert_future_field (member_object (out, "dr"), "dr");
  assert_future_field (member_object (out, "operations"), "operations");
  assert_future_field (member_object (out, "pricing"), "pricing");
  assert_future_field (json_array_get_object_element (
                         json_object_get_array_member (member_object (out, "pricing"), "overrides"), 0),
                       "override");
  g_assert_cmpstr (json_object_get_string_member (out, "provisioning"), ==,
                   "a section another layer owns");
  g_assert_cmpstr (json_node_get_string (nines_document_get_section (doc, "provisioning")), ==,
                   "a section another layer owns");

  /* And the result is stable: loading and saving it again changes nothing. */
  again = load_data_or_die (saved, -1, "future.nines");
  saved_again = nines_document_to_data (again, NULL);
  g_assert_cmpstr (saved_again, ==, saved);
}

static void
test_newer_format_refused (void)
{
  const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "{\"format\": 2, \"regions\": [], \"hologram\": true}",
      "new.nines: format: this file was written by a newer Nines (format 2; this version "
      "reads up to 1). Update Nines to open it." },
    { "{\"format\": 17}",
      "new.nines: format: this file was written by a newer Nines (format 17; this version "
      "reads up to 1). Update Nines to open it." },
    { "{\"format\": 2.0}",
      "new.nines: format: this file was written by a newer Nines (format 2; this version "
      "reads up to 1). Update Nines to open it." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NinesDocument) doc = nines_document_load_from_data (cases[i].text, -1, "new.nines",
                                                                    &error);

      g_assert_null (doc);
      g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NEWER_FORMAT);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_migrate_v0 (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "v0-prototype.nines", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) doc = nines_document_load_from_file (path, &error);
  g_autoptr(NinesDocument) again = NULL;
  g_autoptr(JsonNode) out_node = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  JsonObject *out;
  NinesComponent *app;

  g_assert_no_error (error);
  g_assert_cmpstr (nines_document_get_name (doc), ==, "Prototype shop");
  g_assert_cmpuint (nines_document_get_n_components (doc), ==, 3);
  app = nines_document_lookup_component (doc, "app");
  g_assert_nonnull (app);
  g_assert_cmpstr (nines_component_get_string (app, "instance_type"), ==, "t3.medium");
  g_assert_cmpint (nines_component_get_int (app, "max"), ==, 4);
  g_assert_cmpfloat (nines_component_get_double (nines_document_lookup_component (doc, "files"),
                                                 "storage_gb"), ==, 250.5);
  g_assert_cmpint (nines_document_get_dr_pattern (doc), ==, NINES_DR_PATTERN_BACKUP_RESTORE);
  g_assert_cmpstr (nines_document_get_recovery_region (doc), ==, "eu-central-1");
  g_assert_cmpuint (g_list_model_get_n_items (nines_document_get_links (doc)), ==, 2);

  /* Saved in the current format, with the prototype's own field kept. */
  saved = nines_document_to_data (doc, NULL);
  out_node = parse_or_die (saved);
  out = json_node_get_object (out_node);
  g_assert_cmpint (json_object_get_int_member (out, "format"), ==, NINES_DOCUMENT_FORMAT);
  g_assert_false (json_object_has_member (out, "version"));
  g_assert_false (json_object_has_member (out, "title"));
  g_assert_false (json_object_has_member (out, "services"));
  g_assert_false (json_object_has_member (out, "pattern"));
  g_assert_cmpstr (json_object_get_string_member (out, "name"), ==, "Prototype shop");
  g_assert_cmpstr (json_object_get_string_member (member_object (out, "dr"), "pattern"), ==,
                   "backup-restore");
  g_assert_cmpstr (json_object_get_string_member (out, "prototype_notes"), ==, "kept verbatim");
  again = load_data_or_die (saved, -1, "migrated.nines");
  saved_again = nines_document_to_data (again, NULL);
  g_assert_cmpstr (saved_again, ==, saved);
}

static void
test_migrate_step (void)
{
  g_autoptr(JsonNode) node = parse_or_die ("{\"format\": 0, \"title\": \"T\", \"services\": [], "
                                           "\"pattern\": \"pilot-light\", \"dr\": {\"knobs\": {}}}");
  JsonObject *o = json_node_get_object (node);
  g_autoptr(GError) error = NULL;

  g_assert_true (nines_document_migrate_step (o, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (o, "format"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "T");
  g_assert_true (json_object_has_member (o, "components"));
  /* A "dr" object already there takes the pattern. */
  g_assert_cmpstr (json_object_get_string_member (member_object (o, "dr"), "pattern"), ==,
                   "pilot-light");
  g_assert_true (json_object_has_member (member_object (o, "dr"), "knobs"));

  g_assert_false (nines_document_migrate_step (o, 1, &error));
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID);
}

static void
test_save_errors (void)
{
  g_autoptr(NinesDocument) doc = nines_document_new ();
  g_autofree char *tmpdir = g_dir_make_tmp ("nines-io-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (tmpdir, "no", "such", "dir.nines", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (nines_document_save_to_file (doc, path, &error));
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "Could not save "));
  g_assert_nonnull (strstr (error->message, path));
  g_rmdir (tmpdir);
}

static void
test_new_document_round_trip (void)
{
  g_autoptr(NinesDocument) doc = nines_document_new ();
  g_autoptr(NinesDocument) again = NULL;
  g_autofree char *saved = nines_document_to_data (doc, NULL);
  g_autofree char *saved_again = NULL;

  again = load_data_or_die (saved, -1, "new.nines");
  saved_again = nines_document_to_data (again, NULL);
  g_assert_cmpstr (saved_again, ==, saved);
  g_assert_cmpstr (nines_document_get_uuid (again), ==, nines_document_get_uuid (doc));
}

static void
test_copy (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(NinesDocument) doc = nines_document_load_example (examples[i], &error);
      g_autoptr(NinesDocument) copy = nines_document_copy (doc);
      g_autofree char *a = nines_document_to_data (doc, NULL);
      g_autofree char *b = nines_document_to_data (copy, NULL);

      g_assert_no_error (error);
      g_assert_true (copy != doc);
      g_assert_cmpstr (a, ==, b);
    }
}

/* A document still being built may be invalid; its copy is the same document. */
static void
test_copy_invalid (void)
{
  g_autoptr(NinesDocument) doc = nines_document_new ();
  g_autoptr(NinesComponent) asg = nines_component_new ("web", "ec2-asg", "nowhere-1");
  g_autoptr(NinesComponent) odd = nines_component_new ("odd", "mainframe", NULL);
  g_autoptr(NinesDocument) copy = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  nines_component_set_param (asg, "min", g_variant_new_int64 (9));
  nines_component_set_param (asg, "max", g_variant_new_int64 (3));
  nines_document_add_component (doc, asg);
  nines_document_add_component (doc, odd);
  nines_document_check (doc, problems);
  g_assert_cmpuint (problems->len, >=, 3);

  copy = nines_document_copy (doc);
  g_assert_nonnull (copy);
  a = nines_document_to_data (doc, NULL);
  b = nines_document_to_data (copy, NULL);
  g_assert_cmpstr (a, ==, b);
}

static void
count_changed (NinesDocument *doc,
               guint         *count)
{
  (*count)++;
}

/* The objects a document holds: components, regions, links. */
static void
test_objects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) doc = nines_document_load_example ("storefront", &error);
  NinesComponent *web = nines_document_lookup_component (doc, "web");
  NinesComponent *dns = nines_document_lookup_component (doc, "dns");
  g_autoptr(NinesComponent) copy = NULL;
  g_autoptr(NinesComponent) fresh = nines_component_new ("new", "mainframe", NULL);
  g_autoptr(NinesLink) a = nines_link_new ("x", "y", NINES_LINK_DATA);
  g_autoptr(NinesLink) b = nines_link_new ("x", "y", NINES_LINK_DATA);
  g_autoptr(NinesLink) c = nines_link_new ("x", "y", NINES_LINK_TRAFFIC);
  g_autofree char *summary = NULL;
  g_autofree char *id = NULL;
  g_auto(GStrv) explicit = NULL;
  NinesRegion *east;
  guint pos, changed = 0;

  g_assert_no_error (error);
  /* Components: values, defaults, names, summary. */
  g_assert_cmpint (nines_component_get_int (web, "max"), ==, 24);
  g_assert_cmpfloat (nines_component_get_double (web, "max"), ==, 24);
  g_assert_cmpint (nines_component_get_int (web, "ami_change_days"), ==, 7);  /* the default */
  g_assert_null (nines_component_get_explicit_param (web, "ami_change_days"));
  g_assert_null (nines_component_get_param (web, "colour"));
  g_assert_cmpstr (nines_component_get_string (web, "ebs_type"), ==, "gp3");
  g_assert_true (nines_component_get_bool (nines_document_lookup_component (doc, "db"), "multi_az"));
  g_assert_cmpstr (nines_component_get_display_name (web), ==, "Web tier");
  g_assert_cmpstr (nines_component_get_display_name (fresh), ==, "mainframe");
  g_assert_null (nines_component_get_kind_info (fresh));
  g_assert_null (nines_component_get_region (dns));
  g_assert_cmpuint (nines_component_get_n_azs (dns), ==, 0);
  g_assert_cmpuint (nines_component_get_n_azs (web), ==, 3);
  summary = nines_component_format_summary (web);
  g_assert_cmpstr (summary, ==, "6× m6i.large");
  explicit = nines_component_list_explicit_params (web);
  g_assert_cmpstrv (explicit, ((const char *[]) { "desired", "ebs_gb", "instance_type", "max", "min", NULL }));

  copy = nines_component_copy (web);
  g_assert_true (copy != web);
  g_assert_cmpstr (nines_component_get_id (copy), ==, "web");
  g_assert_cmpstrv (nines_component_get_azs (copy), nines_component_get_azs (web));
  g_assert_cmpint (nines_component_get_int (copy, "max"), ==, 24);
  nines_component_set_param (copy, "max", g_variant_new_int64 (40));
  g_assert_cmpint (nines_component_get_int (web, "max"), ==, 24);

  /* A change to a component in a document is a change to the document. */
  g_signal_connect (doc, "changed", G_CALLBACK (count_changed), &changed);
  nines_component_set_name (nines_document_lookup_component (doc, "nat"), "Egress");
  g_assert_cmpuint (changed, ==, 1);
  nines_component_set_name (nines_document_lookup_component (doc, "nat"), "Egress");
  g_assert_cmpuint (changed, ==, 1);
  g_signal_handlers_disconnect_by_func (doc, count_changed, &changed);

  /* Lookups and ids. */
  g_assert_true (nines_document_find_component (doc, "db", &pos));
  g_assert_true (nines_document_get_component (doc, pos) == nines_document_lookup_component (doc, "db"));
  g_assert_false (nines_document_find_component (doc, "ghost", &pos));
  g_assert_null (nines_document_get_component (doc, 999));
  id = nines_document_make_component_id (doc, "web");
  g_assert_cmpstr (id, ==, "web-2");
  g_clear_pointer (&id, g_free);
  id = nines_document_make_component_id (doc, "sqs");
  g_assert_cmpstr (id, ==, "sqs");

  /* Regions. */
  east = nines_document_lookup_region (doc, "us-east-1");
  g_assert_nonnull (east);
  g_assert_true (nines_region_has_az (east, "use1-az4"));
  g_assert_false (nines_region_has_az (east, "use1-az3"));
  g_assert_false (nines_region_has_az (east, NULL));
  g_assert_cmpstr (nines_region_get_info (east)->location, ==, "US East (N. Virginia)");
  g_assert_null (nines_document_lookup_region (doc, "eu-west-1"));
  {
    g_autoptr(NinesRegion) odd = nines_region_new ("xx-nowhere-1", NULL);
    g_assert_null (nines_region_get_info (odd));
    g_assert_null (nines_region_get_azs (odd)[0]);
  }

  /* Links. */
  g_assert_true (nines_link_equal (a, b));
  g_assert_false (nines_link_equal (a, c));
  g_assert_cmpstr (nines_link_get_from (a), ==, "x");
  g_assert_cmpstr (nines_link_get_to (a), ==, "y");
  g_assert_cmpint (nines_link_get_kind (c), ==, NINES_LINK_TRAFFIC);

  /* DR and the rest. */
  g_assert_cmpint (nines_document_get_dr_pattern (doc), ==, NINES_DR_PATTERN_WARM_STANDBY);
  g_assert_cmpfloat (nines_document_get_knob_double (doc, "standby_fraction"), ==, 0.25);
  g_assert_cmpfloat (nines_document_get_knob_double (doc, "dns_ttl_s"), ==, 60);  /* the default */
  g_assert_null (nines_document_get_explicit_knob (doc, "dns_ttl_s"));
  g_assert_cmpstr (nines_document_get_owners (doc)[0], ==, "platform-team@example.com");
  g_assert_cmpfloat (nines_document_get_discount_percent (doc), ==, 0);
  g_assert_null (nines_document_lookup_price_override (doc, "AmazonEC2", NULL, "x"));
}

/* Numbers come back exactly, in their shortest form. */
static void
test_numbers (void)
{
  const struct {
    double value;
    const char *text;
  } cases[] = {
    { 0.1, "0.1" }, { -0.5, "-0.5" }, { 1e-7, "1e-07" }, { 123456.789, "123456.789" },
    { 1.0 / 3, "0.3333333333333333" }, { 2, "2" }, { -4096, "-4096" }, { 9999999.5, "9999999.5" },
    { -0.0, "0" }, { 5e-324, "5e-324" }, { -2.5e-10, "-2.5e-10" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases) + 500; i++)
    {
      g_autoptr(NinesDocument) doc = nines_document_new ();
      g_autoptr(NinesDocument) again = NULL;
      g_autofree char *saved = NULL;
      NinesPoint p, q;

      if (i < G_N_ELEMENTS (cases))
        p.x = cases[i].value;
      else
        p.x = g_test_rand_double_range (-9999999, 9999999) / (1 << g_test_rand_int_range (0, 30));
      p.y = -p.x;
      nines_document_set_position (doc, "a", &p);
      saved = nines_document_to_data (doc, NULL);
      if (i < G_N_ELEMENTS (cases))
        {
          g_autofree char *want = g_strdup_printf ("\"a\": [%s, ", cases[i].text);
          if (!strstr (saved, want))
            g_error ("%.17g was not written as %s: %s", cases[i].value, cases[i].text, saved);
        }
      again = load_data_or_die (saved, -1, "numbers.nines");
      g_assert_true (nines_document_get_position (again, "a", &q));
      g_assert_cmpfloat (q.x, ==, p.x);
      g_assert_cmpfloat (q.y, ==, p.y);
    }
}

static void
test_strings (void)
{
  const char *names[] = {
    "plain", "with \"quotes\" and \\backslashes\\", "line\nbreak\tand tab",
    "control \001\002\037 characters", "Zürich → São Paulo 🚀", "/slashes/ and {braces} [1, 2]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(NinesDocument) doc = nines_document_new ();
      g_autoptr(NinesDocument) again = NULL;
      g_autofree char *saved = NULL;

      nines_document_set_name (doc, names[i]);
      saved = nines_document_to_data (doc, NULL);
      again = load_data_or_die (saved, -1, "strings.nines");
      g_assert_cmpstr (nines_document_get_name (again), ==, names[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nines/model/document-io/examples-round-trip", test_examples_round_trip);
  g_test_add_func ("/nines/model/document-io/examples-content", test_examples_content);
  g_test_add_func ("/nines/model/document-io/no-such-example", test_no_such_example);
  g_test_add_func ("/nines/model/document-io/unknown-fields-survive", test_unknown_fields_survive);
  g_test_add_func ("/nines/model/document-io/newer-format-refused", test_newer_format_refused);
  g_test_add_func ("/nines/model/document-io/migrate-v0", test_migrate_v0);
  g_test_add_func ("/nines/model/document-io/migrate-step", test_migrate_step);
  g_test_add_func ("/nines/model/document-io/save-errors", test_save_errors);
  g_test_add_func ("/nines/model/document-io/new-document", test_new_document_round_trip);
  g_test_add_func ("/nines/model/document-io/copy", test_copy);
  g_test_add_func ("/nines/model/document-io/copy-invalid", test_copy_invalid);
  g_test_add_func ("/nines/model/document-io/objects", test_objects);
  g_test_add_func ("/nines/model/document-io/numbers", test_numbers);
  g_test_add_func ("/nines/model/document-io/strings", test_strings);
  return g_test_run ();
}
