/* nines-cli-design.c: validate and report */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "nines-cli.h"


int
nines_cli_validate (int    argc,
                    char **argv)
{
  g_autoptr(NinesDocument) doc = NULL;

  if (!nines_cli_parse ("validate", "FILE",
                        _("Loads FILE and lists every problem in it, one per line, as\n"
                          "FILE: FIELD: PROBLEM. Exits 0 when the design is valid, 1 when not."),
                        NULL, &argc, &argv, 1))
    return NINES_CLI_USAGE;
  if (!(doc = nines_cli_load (argv[2])))
    return NINES_CLI_BAD_INPUT;
  printf (_("%s: valid (%u components in %u regions)\n"), argv[2],
          nines_document_get_n_components (doc),
          g_list_model_get_n_items (nines_document_get_regions (doc)));
  return NINES_CLI_OK;
}

static JsonNode *
design_to_json (NinesDocument *doc)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  GListModel *regions = nines_document_get_regions (doc);
  GListModel *links = nines_document_get_links (doc);

  json_builder_begin_object (b);
  nines_cli_json_string (b, "name", nines_document_get_name (doc));
  json_builder_set_member_name (b, "dr");
  json_builder_begin_object (b);
  nines_cli_json_string (b, "pattern",
                         nines_dr_pattern_to_string (nines_document_get_dr_pattern (doc)));
  nines_cli_json_string (b, "primary_region", nines_document_get_primary_region (doc));
  nines_cli_json_string (b, "recovery_region", nines_document_get_recovery_region (doc));
  json_builder_end_object (b);

  json_builder_set_member_name (b, "regions");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(NinesRegion) r = g_list_model_get_item (regions, i);
      const NinesRegionInfo *info = nines_region_get_info (r);

      json_builder_begin_object (b);
      nines_cli_json_string (b, "code", nines_region_get_code (r));
      nines_cli_json_string (b, "location", info ? info->location : NULL);
      json_builder_set_member_name (b, "azs");
      json_builder_begin_array (b);
      for (const char * const *az = nines_region_get_azs (r); *az; az++)
        json_builder_add_string_value (b, *az);
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "components");
  json_builder_begin_array (b);
  for (guint i = 0; i < nines_document_get_n_components (doc); i++)
    {
      NinesComponent *c = nines_document_get_component (doc, i);
      g_autofree char *summary = nines_component_format_summary (c);

      json_builder_begin_object (b);
      nines_cli_json_string (b, "id", nines_component_get_id (c));
      nines_cli_json_string (b, "kind", nines_component_get_kind (c));
      nines_cli_json_string (b, "name", nines_component_get_display_name (c));
      nines_cli_json_string (b, "region", nines_component_get_region (c));
      json_builder_set_member_name (b, "azs");
      json_builder_begin_array (b);
      for (const char * const *az = nines_component_get_azs (c); *az; az++)
        json_builder_add_string_value (b, *az);
      json_builder_end_array (b);
      nines_cli_json_string (b, "summary", summary);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "links");
  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) l = g_list_model_get_item (links, i);

      json_builder_begin_object (b);
      nines_cli_json_string (b, "from", nines_link_get_from (l));
      nines_cli_json_string (b, "to", nines_link_get_to (l));
      nines_cli_json_string (b, "kind", nines_link_kind_to_string (nines_link_get_kind (l)));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
print_design_text (NinesDocument *doc)
{
  GListModel *regions = nines_document_get_regions (doc);
  GListModel *links = nines_document_get_links (doc);
  const char *recovery = nines_document_get_recovery_region (doc);
  const char *primary = nines_document_get_primary_region (doc);

  printf ("%s\n", nines_document_get_name (doc));
  printf (_("DR pattern: %s; primary region %s; recovery region %s\n"),
          nines_dr_pattern_get_label (nines_document_get_dr_pattern (doc)),
          primary ? primary : _("none"), recovery ? recovery : _("none"));

  printf (_("\nRegions\n"));
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(NinesRegion) r = g_list_model_get_item (regions, i);
      const NinesRegionInfo *info = nines_region_get_info (r);
      g_autofree char *azs = g_strjoinv (", ", (char **) nines_region_get_azs (r));

      printf ("  %-15s %-28s AZs: %s\n", nines_region_get_code (r), info ? info->location : "?",
              *azs ? azs : _("none"));
    }

  printf (_("\nComponents (%u)\n"), nines_document_get_n_components (doc));
  for (guint i = 0; i < nines_document_get_n_components (doc); i++)
    {
      NinesComponent *c = nines_document_get_component (doc, i);
      g_autofree char *summary = nines_component_format_summary (c);
      g_autofree char *azs = g_strjoinv (",", (char **) nines_component_get_azs (c));
      const char *region = nines_component_get_region (c);

      printf ("  %-14s %-12s %-14s %-28s %s\n", nines_component_get_id (c),
              nines_component_get_kind (c), region ? region : _("global"), azs, summary);
    }

  printf (_("\nLinks (%u)\n"), g_list_model_get_n_items (links));
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) l = g_list_model_get_item (links, i);

      printf ("  %s -> %s (%s)\n", nines_link_get_from (l), nines_link_get_to (l),
              nines_link_kind_to_string (nines_link_get_kind (l)));
    }
}

int
nines_cli_report (int    argc,
                  char **argv)
{
  g_autoptr(NinesDocument) doc = NULL;
  g_autofree char *format = NULL;   /* GOption does not free a default it replaces */
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text, json or csv (cost lines)"), "FORMAT" },
    { NULL }
  };

  if (!nines_cli_parse ("report", "FILE",
                        _("Prints the design: its regions, components and links."),
                        entries, &argc, &argv, 1))
    return NINES_CLI_USAGE;
  if (!nines_cli_pick_format (&format, nines_cli_report_formats))
    return NINES_CLI_USAGE;
  if (!(doc = nines_cli_load (argv[2])))
    return NINES_CLI_BAD_INPUT;

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) node = design_to_json (doc);
      nines_cli_report_cost (doc, format, node);
      nines_cli_report_recovery (doc, format, node);
      nines_cli_print_json (node);
    }
  else
    {
      if (g_str_equal (format, "text"))
        print_design_text (doc);
      nines_cli_report_cost (doc, format, NULL);
      nines_cli_report_recovery (doc, format, NULL);
    }
  return NINES_CLI_OK;
}
