/* nines-bench-gen.c: generates designs of N components for the benchmarks.
 *
 *   nines-bench-gen N OUT.nines [TEMPLATE.nines]
 *
 * Tiles copies of a real design (default: the storefront example) until it holds
 * exactly N components: copy k's ids get the suffix "-k", its links are copied when
 * both ends made it in, and its layout is shifted onto a grid so a canvas shows every
 * tile. The regions, DR choice, operations and pricing are the template's. The result
 * goes through the real loader (full validation) and is written with the real saver,
 * so a generated design is one Nines itself accepts and would write. */
#define G_LOG_DOMAIN "nines-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <nines-model.h>

/* One storefront tile is about 900 × 500 plan units. */
#define TILE_W 1000.0
#define TILE_H 600.0

/* json_node_copy() shares the object it holds: copy the members so renaming one copy
 * leaves the template alone. */
static JsonNode *
copy_object_node (JsonNode *node)
{
  JsonObject *from = json_node_get_object (node);
  JsonObject *to = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (from);
  JsonNode *copy = json_node_new (JSON_NODE_OBJECT);

  for (GList *l = members; l; l = l->next)
    json_object_set_member (to, l->data, json_node_copy (json_object_get_member (from, l->data)));
  json_node_take_object (copy, to);
  return copy;
}

static char *
suffixed (const char *id,
          guint       copy)
{
  return copy == 0 ? g_strdup (id) : g_strdup_printf ("%s-%u", id, copy);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(NinesDocument) doc = NULL;
  g_autofree char *template_path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *canonical = NULL;
  JsonObject *root;
  JsonArray *t_components, *t_links;
  JsonObject *t_layout;
  JsonArray *components, *links;
  JsonObject *layout;
  guint n, n_tile, copies, cols;
  gsize length = 0;

  if (argc < 3 || (n = strtoul (argv[1], NULL, 10)) < 1)
    {
      fprintf (stderr, "usage: nines-bench-gen N OUT.nines [TEMPLATE.nines]\n");
      return 2;
    }
  template_path = argc > 3 ? g_strdup (argv[3])
                           : g_build_filename (NINES_SOURCE_DIR, "data", "examples", "storefront.nines", NULL);
  if (!json_parser_load_from_file (parser, template_path, &error))
    {
      fprintf (stderr, "%s: %s\n", template_path, error->message);
      return 1;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  t_components = json_object_get_array_member (root, "components");
  t_links = json_object_get_array_member (root, "links");
  t_layout = json_object_get_object_member (root, "layout");
  n_tile = json_array_get_length (t_components);
  copies = (n + n_tile - 1) / n_tile;
  cols = MAX (1, (guint) ceil (sqrt (copies)));

  components = json_array_new ();
  links = json_array_new ();
  layout = json_object_new ();
  for (guint k = 0; k < copies; k++)
    {
      for (guint i = 0; i < n_tile && json_array_get_length (components) < n; i++)
        {
          JsonNode *c = copy_object_node (json_array_get_element (t_components, i));
          JsonObject *o = json_node_get_object (c);
          const char *id = json_object_get_string_member (o, "id");
          char *new_id = suffixed (id, k);
          JsonArray *xy = t_layout && json_object_has_member (t_layout, id)
                          ? json_object_get_array_member (t_layout, id) : NULL;

          if (xy != NULL)
            {
              JsonArray *moved = json_array_new ();

              json_array_add_double_element (moved, json_array_get_double_element (xy, 0) + (k % cols) * TILE_W);
              json_array_add_double_element (moved, json_array_get_double_element (xy, 1) + (k / cols) * TILE_H);
              json_object_set_array_member (layout, new_id, moved);
            }
          json_object_set_string_member (o, "id", new_id);
          json_array_add_element (components, c);
          g_hash_table_add (ids, new_id);
        }
      for (guint i = 0; t_links && i < json_array_get_length (t_links); i++)
        {
          JsonNode *l = copy_object_node (json_array_get_element (t_links, i));
          JsonObject *o = json_node_get_object (l);
          g_autofree char *from = suffixed (json_object_get_string_member (o, "from"), k);
          g_autofree char *to = suffixed (json_object_get_string_member (o, "to"), k);

          if (!g_hash_table_contains (ids, from) || !g_hash_table_contains (ids, to))
            {
              json_node_unref (l);
              continue;
            }
          json_object_set_string_member (o, "from", from);
          json_object_set_string_member (o, "to", to);
          json_array_add_element (links, l);
        }
    }
  json_object_set_array_member (root, "components", components);
  json_object_set_array_member (root, "links", links);
  json_object_set_object_member (root, "layout", layout);
  {
    g_autofree char *name = g_strdup_printf ("%s × %u components",
                                             json_object_get_string_member (root, "name"), n);
    json_object_set_string_member (root, "name", name);
  }

  {
    g_autoptr(JsonGenerator) gen = json_generator_new ();

    json_generator_set_root (gen, json_parser_get_root (parser));
    json = json_generator_to_data (gen, &length);
  }
  if (!(doc = nines_document_load_from_data (json, length, argv[2], &error)))
    {
      fprintf (stderr, "generated design is not valid:\n%s\n", error->message);
      return 1;
    }
  if (!nines_document_save_to_file (doc, argv[2], &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%s: %u components, %u links\n", argv[2], nines_document_get_n_components (doc),
          g_list_model_get_n_items (nines_document_get_links (doc)));
  return 0;
}
