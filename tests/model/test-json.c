/* test-json.c: JSON text from outside (model/nines-json.c): one value only
 *
 * json-glib 1.6 parses "{…}{…}" as the first value and leaks the rest, which the fuzz
 * targets found; nines_json_parse() and the importers refuse such text. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <nines-model.h>

static void
test_one_value (void)
{
  const char *good[] = {
    "{}", " {\"a\": [1, {\"b\": \"}{\"}]} \n", "[1,2]", "\"text with \\\" and ] inside\"",
    "-12.5e3", "true", "null", "\xef\xbb\xbf{\"bom\": 1}", "\t\r\n[]\n\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = nines_json_parse (good[i], -1, &error);

      g_test_message ("%s", good[i]);
      g_assert_no_error (error);
      g_assert_nonnull (node);
      g_assert_true (nines_json_check_one_value (good[i], strlen (good[i]), NULL));
    }
}

static void
test_more_values (void)
{
  /* the inputs the fuzz targets found, and their kin */
  struct { const char *text; const char *where; } bad[] = {
    { "{\"__type\":\"mazon\"}{\"__type\":\"x\",\"message\":\"1 ected\"}", "line 1, column 19" },
    { "2{\n \"formatVersion\": \"v1.0\"\n}", "line 1, column 2" },
    { "[1]\n[2]", "line 2, column 1" },
    { "{} 3", "line 1, column 4" },
    { "\"a\" \"b\"", "line 1, column 5" },
    { "true false", "line 1, column 6" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) check_error = NULL;
      g_autoptr(JsonNode) node = nines_json_parse (bad[i].text, -1, &error);

      g_test_message ("%s", bad[i].text);
      g_assert_null (node);
      g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, bad[i].where));
      g_assert_false (nines_json_check_one_value (bad[i].text, strlen (bad[i].text), &check_error));
      g_assert_error (check_error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE);
    }
}

/* json-glib's scanner (GScanner) also reads "$1f" as a number, 'x' as a string and C
 * and C++ comments: "$0{…}" was two values to json-glib and one to the check, and
 * leaked (fuzz-price-offer-json). Outside strings, what JSON has no use for is refused. */
static void
test_not_json (void)
{
  struct { const char *text; const char *where; } bad[] = {
    { "$0{\n \"formatVersion\": \"v1.0\"\n}", "line 1, column 1: “$” is not JSON" },
    { "'x'{\"a\": 1}", "line 1, column 1: “'” is not JSON" },
    { "/* c */ {\"a\": 1}", "line 1, column 1: “/” is not JSON" },
    { "{\"a\": 1} // c", "line 1, column 10: “/” is not JSON" },
    { "{\"a\": '{'}\n{}", "line 1, column 7: “'” is not JSON" },
    { "[1, $ff]", "line 1, column 5: “$” is not JSON" },
    { "{\"a\": 1}\x01", "line 1, column 9: byte 0x01 is not JSON" },
    { "[\"\xc3\xa9\", \xc3\xa9]", "line 1, column 8: byte 0xc3 is not JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = nines_json_parse (bad[i].text, -1, &error);

      g_test_message ("%s", bad[i].text);
      g_assert_null (node);
      g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE);
      g_assert_cmpstr (error->message, ==, bad[i].where);
    }
  /* the same characters inside strings are text */
  {
    g_autoptr(JsonNode) node = nines_json_parse ("{\"$0\": \"'/* é */'\"}", -1, NULL);

    g_assert_nonnull (node);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "$0"), ==,
                     "'/* é */'");
  }
}

static void
test_other_errors_left_to_json_glib (void)
{
  /* not several values: json-glib reports these with its own line and column */
  const char *bad[] = { "", "   ", "{\"a\": 1", "\"open", "}", "{\"a\" 1}", "[1,]x" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = nines_json_parse (bad[i], -1, &error);

      g_test_message ("%s", bad[i]);
      g_assert_null (node);
      g_assert_nonnull (error);
    }
  /* with a length, text after it is not read */
  {
    g_autoptr(JsonNode) node = nines_json_parse ("[1]garbage", 3, NULL);

    g_assert_nonnull (node);
    g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  }
}

static void
test_price_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesPriceBuilder) builder = nines_price_builder_new ();
  g_autofree char *dir = g_dir_make_tmp ("nines-test-json-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "two-values.json", NULL);

  g_assert_true (g_file_set_contents (path, "{\"PriceList\": []}\n{\"PriceList\": []}\n", -1, NULL));
  g_assert_false (nines_price_import_file (builder, path, NULL, "2025-06-18", NULL, &error));
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "line 2, column 1"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_get_products_element (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesPriceBuilder) builder = nines_price_builder_new ();
  const char *list[] = { "{\"product\": {}, \"publicationDate\": \"2025-06-18T00:00:00Z\"} {}" };

  g_assert_false (nines_price_import_get_products (builder, list, 1, "test", NULL, &error));
  g_assert_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "PriceList[0]"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/json/one-value", test_one_value);
  g_test_add_func ("/nines/model/json/more-values", test_more_values);
  g_test_add_func ("/nines/model/json/not-json", test_not_json);
  g_test_add_func ("/nines/model/json/other-errors", test_other_errors_left_to_json_glib);
  g_test_add_func ("/nines/model/json/price-file", test_price_file);
  g_test_add_func ("/nines/model/json/get-products-element", test_get_products_element);
  return g_test_run ();
}
