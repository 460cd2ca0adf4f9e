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
  g_test_add_func ("/nines/model/document-io/no-such-example", test_no_such_example);
  g_test_add_func ("/nines/model/document-io/unknown-fields-survive", test_unknown_fields_survive);
  g_test_add_func ("/nines/model/document-io/newer-format-refused", test_newer_format_refused);
  g_test_add_func ("/nines/model/document-io/migrate-v0", test_migrate_v0);
  g_test_add_func ("/nines/model/document-io/migrate-step", test_migrate_step);
  g_test_add_func ("/nines/model/document-io/save-errors", test_save_errors);
  g_test_add_func ("/nines/model/document-io/new-document", test_new_document_round_trip);
  g_test_add_func ("/nines/model/document-io/copy", test_copy);
  g_test_add_func ("/nines/model/document-io/numbers", test_numbers);
  g_test_add_func ("/nines/model/document-io/strings", test_strings);
  return g_test_run ();
}
