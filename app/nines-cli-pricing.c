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
  g_autofree char *path = NULL;
  g_autoptr(NinesPriceSnapshot) snap = NULL;
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
  if (!(snap = nines_cli_write_snapshot (builder, out, &path)))
    return NINES_CLI_BAD_INPUT;
  printf (_("%s: %u prices from %u sources (%u read)\n"), path,
          nines_price_snapshot_get_n_prices (snap), nines_price_snapshot_get_n_sources (snap),
          total_read);
  return NINES_CLI_OK;
}

NinesPriceSnapshot *
nines_cli_write_snapshot (NinesPriceBuilder  *builder,
                          const char         *dir,
                          char              **path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *written = g_build_filename (dir, "prices.gvariant", NULL);
  NinesPriceSnapshot *snap;

  if (!nines_price_builder_write (builder, dir, &error) ||
      !(snap = nines_price_snapshot_new_from_file (written, &error)))
    {
      nines_cli_error ("%s", error->message);
      return NULL;
    }
  *path = g_steal_pointer (&written);
  return snap;
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
  g_autofree char *format = NULL;   /* GOption does not free a default it replaces */
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
  if (!nines_cli_pick_format (&format, nines_cli_text_json))
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
          nines_cli_json_string (jb, "service", p.service);
          nines_cli_json_string (jb, "region", p.region);
          nines_cli_json_string (jb, "usage", p.usage);
          nines_cli_json_string (jb, "unit", p.unit);
          json_builder_set_member_name (jb, "usd");
          json_builder_add_double_value (jb, p.usd);
          json_builder_set_member_name (jb, "tier_start");
          json_builder_add_double_value (jb, p.tier_start);
          json_builder_set_member_name (jb, "tier_end");
          if (isinf (p.tier_end))
            json_builder_add_null_value (jb);
          else
            json_builder_add_double_value (jb, p.tier_end);
          nines_cli_json_string (jb, "rate_code", p.rate_code);
          nines_cli_json_string (jb, "label", p.label);
          nines_cli_json_string (jb, "source", p.source);
          nines_cli_json_string (jb, "date", p.date);
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

  if (argc >= 3 && g_str_equal (argv[2], "refresh"))   /* nines-cli-pricing-refresh.c */
    return nines_cli_pricing_refresh (argc - 1, argv + 1);
  if (argc < 3 || (!g_str_equal (argv[2], "import") && !g_str_equal (argv[2], "show")))
    {
      fprintf (stderr, _("Usage: nines-cli pricing import SOURCE… -o DIR\n"
                         "       nines-cli pricing show SERVICE REGION\n"
                         "       nines-cli pricing refresh --region R… -o DIR\n"));
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

/* Why a price is missing: the known gaps of the bundled sources (SOURCES.md). */
static const char *
missing_reason (const NinesCostLine *l)
{
  if (g_str_has_prefix (l->usage, "ebs"))
    return _("known gap: no multi-region EBS source; the snapshot has EBS for us-east-1 (cited "
             "from the Infracost golden files) and eu-west-1 (terracost's 2023 Price List dump) only");
  return _("not in the bundled price sources");
}

static void
format_source (const NinesCostLine *l,
               char                *buf,
               gsize                len)
{
  if (l->missing)
    g_snprintf (buf, len, _("no price for %s in %s"), l->usage, l->region);
  else if (l->override)
    g_snprintf (buf, len, _("price override%s%s"), l->note ? ": " : "", l->note ? l->note : "");
  else if (*l->rate_code)
    g_snprintf (buf, len, "%s (%s)", l->rate_code, l->date);
  else
    {
      /* Cited sources carry their citation after the file name: JSON and CSV show it all. */
      const char *paren = strstr (l->source, " (");
      int n = paren ? (int) (paren - l->source) : (int) strlen (l->source);
      g_snprintf (buf, len, "%.*s (%s)", n, l->source, l->date);
    }
}

static void
print_state_text (NinesCostEstimate *est,
                  NinesCostState     state)
{
  NinesCostTotal t;
  char src[512];

  printf ("  %-22s %-14s %-50s %14s %-20s %12s %12s  %s\n", _("ITEM"), _("REGION"), _("USAGE"),
          _("QUANTITY"), _("UNIT"), _("USD/UNIT"), _("MONTHLY USD"), _("SOURCE"));
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
    {
      const NinesCostLine *l = nines_cost_estimate_get_line (est, i);
      g_autofree char *usage = NULL;

      if (l->state != state)
        continue;
      format_source (l, src, sizeof src);
      if (l->tier_start > 0 || !isinf (l->tier_end))
        usage = g_strdup_printf ("%s [%.12g-%.12g]", l->usage, l->tier_start, l->tier_end);
      else
        usage = g_strdup (l->usage);
      if (l->missing)
        printf ("  %-22s %-14s %-50s %14.12g %-20s %12s %12s  %s\n", l->item_id, l->region, usage,
                l->quantity, l->unit, "?", "?", src);
      else
        printf ("  %-22s %-14s %-50s %14.12g %-20s %12.8g %12.2f  %s\n", l->item_id, l->region, usage,
                l->quantity, l->unit, l->unit_usd, l->monthly_usd, src);
    }

  printf (_("  By region:"));
  for (guint i = 0; i < nines_cost_estimate_get_n_groups (est, state, NINES_COST_BY_REGION); i++)
    {
      const char *key;
      double usd;
      nines_cost_estimate_get_group (est, state, NINES_COST_BY_REGION, i, &key, &usd, NULL);
      printf (" %s $%.2f%s", key, usd, i + 1 < nines_cost_estimate_get_n_groups (est, state, NINES_COST_BY_REGION) ? ";" : "");
    }
  printf (_("\n  By service:"));
  for (guint i = 0; i < nines_cost_estimate_get_n_groups (est, state, NINES_COST_BY_SERVICE); i++)
    {
      const char *key;
      double usd;
      nines_cost_estimate_get_group (est, state, NINES_COST_BY_SERVICE, i, &key, &usd, NULL);
      printf (" %s $%.2f%s", key, usd, i + 1 < nines_cost_estimate_get_n_groups (est, state, NINES_COST_BY_SERVICE) ? ";" : "");
    }
  nines_cost_estimate_get_total (est, state, &t);
  printf (_("\n  List price $%.2f; discount %g%% -$%.2f; total $%.2f per month%s\n"),
          t.list_usd, t.discount_percent, t.discount_usd, t.total_usd,
          t.n_missing ? _(" (INCOMPLETE: prices missing, see below)") : "");
}

static void
print_missing_text (NinesCostEstimate *est)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
    {
      const NinesCostLine *l = nines_cost_estimate_get_line (est, i);
      char *key;

      if (!l->missing)
        continue;
      key = g_strdup_printf ("%s %s %s", l->service, l->usage, l->region);
      if (!g_hash_table_add (seen, key))
        continue;
      if (n++ == 0)
        printf (_("\nMissing prices (never invented: enter a price override or refresh the prices)\n"));
      printf (_("  no price for %s in %s (%s): %s\n"), l->usage, l->region, l->service, missing_reason (l));
    }
}

static void
print_csv_field (const char *s,
                 gboolean    last)
{
  gboolean quote = s && strpbrk (s, ",\"\n") != NULL;

  if (quote)
    {
      putchar ('"');
      for (const char *p = s; *p; p++)
        {
          if (*p == '"')
            putchar ('"');
          putchar (*p);
        }
      putchar ('"');
    }
  else if (s)
    fputs (s, stdout);
  putchar (last ? '\n' : ',');
}

static void
print_csv (NinesCostEstimate *est)
{
  static const char * const header[] = {
    "state", "item", "component", "kind", "region", "service", "usage", "description", "quantity",
    "unit", "unit_usd", "monthly_usd", "tier_start", "tier_end", "rate_code", "source",
    "publication_date", "override", "missing", "note", NULL
  };

  for (guint i = 0; header[i]; i++)
    print_csv_field (header[i], header[i + 1] == NULL);
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
    {
      const NinesCostLine *l = nines_cost_estimate_get_line (est, i);
      char qty[G_ASCII_DTOSTR_BUF_SIZE], unit[G_ASCII_DTOSTR_BUF_SIZE], monthly[32];
      char ts[G_ASCII_DTOSTR_BUF_SIZE], te[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (qty, sizeof qty, l->quantity);
      g_ascii_dtostr (ts, sizeof ts, l->tier_start);
      if (isinf (l->tier_end))
        g_strlcpy (te, "", sizeof te);
      else
        g_ascii_dtostr (te, sizeof te, l->tier_end);
      if (l->missing)
        g_strlcpy (unit, "", sizeof unit);
      else
        g_ascii_dtostr (unit, sizeof unit, l->unit_usd);
      g_ascii_formatd (monthly, sizeof monthly, "%.6f", l->monthly_usd);
      print_csv_field (nines_cost_state_to_string (l->state), FALSE);
      print_csv_field (l->item_id, FALSE);
      print_csv_field (l->component, FALSE);
      print_csv_field (l->kind, FALSE);
      print_csv_field (l->region, FALSE);
      print_csv_field (l->service, FALSE);
      print_csv_field (l->usage, FALSE);
      print_csv_field (l->what, FALSE);
      print_csv_field (qty, FALSE);
      print_csv_field (l->unit, FALSE);
      print_csv_field (unit, FALSE);
      print_csv_field (monthly, FALSE);
      print_csv_field (ts, FALSE);
      print_csv_field (te, FALSE);
      print_csv_field (l->rate_code, FALSE);
      print_csv_field (l->source, FALSE);
      print_csv_field (l->date, FALSE);
      print_csv_field (l->override ? "yes" : "no", FALSE);
      print_csv_field (l->missing ? "yes" : "no", FALSE);
      print_csv_field (l->note, TRUE);
    }
}

static void
add_total_json (JsonBuilder       *b,
                NinesCostEstimate *est,
                NinesCostState     state)
{
  NinesCostTotal t;

  nines_cost_estimate_get_total (est, state, &t);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "list_usd");
  json_builder_add_double_value (b, t.list_usd);
  json_builder_set_member_name (b, "discount_percent");
  json_builder_add_double_value (b, t.discount_percent);
  json_builder_set_member_name (b, "discount_usd");
  json_builder_add_double_value (b, t.discount_usd);
  json_builder_set_member_name (b, "total_usd");
  json_builder_add_double_value (b, t.total_usd);
  nines_cli_json_bool (b, "complete", t.n_missing == 0);
  json_builder_set_member_name (b, "missing_prices");
  json_builder_add_int_value (b, t.n_missing);
  for (guint g = 0; g < 2; g++)
    {
      json_builder_set_member_name (b, g == NINES_COST_BY_REGION ? "by_region" : "by_service");
      json_builder_begin_object (b);
      for (guint i = 0; i < nines_cost_estimate_get_n_groups (est, state, g); i++)
        {
          const char *key;
          double usd;
          nines_cost_estimate_get_group (est, state, g, i, &key, &usd, NULL);
          json_builder_set_member_name (b, key);
          json_builder_add_double_value (b, usd);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static JsonNode *
cost_to_json (NinesCostEstimate *est)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  nines_cli_json_string (b, "currency", "USD");
  json_builder_set_member_name (b, "hours_per_month");
  json_builder_add_double_value (b, NINES_HOURS_PER_MONTH);
  for (guint s = 0; s < NINES_COST_N_STATES; s++)
    {
      json_builder_set_member_name (b, nines_cost_state_to_string (s));
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "lines");
      json_builder_begin_array (b);
      for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
        {
          const NinesCostLine *l = nines_cost_estimate_get_line (est, i);

          if (l->state != s)
            continue;
          json_builder_begin_object (b);
#define STR(k, v) G_STMT_START { json_builder_set_member_name (b, k); json_builder_add_string_value (b, v); } G_STMT_END
#define NUM(k, v) G_STMT_START { json_builder_set_member_name (b, k); json_builder_add_double_value (b, v); } G_STMT_END
          STR ("item", l->item_id);
          STR ("component", l->component);
          STR ("kind", l->kind);
          STR ("region", l->region);
          STR ("service", l->service);
          STR ("usage", l->usage);
          STR ("description", l->what);
          NUM ("quantity", l->quantity);
          STR ("unit", l->unit);
          json_builder_set_member_name (b, "unit_usd");
          if (l->missing)
            json_builder_add_null_value (b);
          else
            json_builder_add_double_value (b, l->unit_usd);
          NUM ("monthly_usd", l->monthly_usd);
          NUM ("tier_start", l->tier_start);
          json_builder_set_member_name (b, "tier_end");
          if (isinf (l->tier_end))
            json_builder_add_null_value (b);
          else
            json_builder_add_double_value (b, l->tier_end);
          STR ("rate_code", l->rate_code);
          STR ("source", l->source);
          STR ("publication_date", l->date);
          nines_cli_json_bool (b, "override", l->override);
          nines_cli_json_bool (b, "missing", l->missing);
          if (l->missing)
            {
              g_autofree char *msg = g_strdup_printf ("no price for %s in %s", l->usage, l->region);
              STR ("problem", msg);
              STR ("reason", missing_reason (l));
            }
          if (l->note)
            STR ("note", l->note);
#undef STR
#undef NUM
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "total");
      add_total_json (b, est, s);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

const char * const nines_cli_report_formats[] = { "text", "json", "csv", NULL };

void
nines_cli_report_cost (NinesDocument *doc,
                       const char    *format,
                       JsonNode      *json_root)
{
  g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, nines_document_get_dr_pattern (doc));
  g_autoptr(NinesCostEstimate) est = nines_cost_model_estimate (dep, NULL);

  if (g_str_equal (format, "json"))
    {
      if (json_root && JSON_NODE_HOLDS_OBJECT (json_root))
        json_object_set_member (json_node_get_object (json_root), "cost", cost_to_json (est));
      return;
    }
  if (g_str_equal (format, "csv"))
    {
      print_csv (est);
      return;
    }
  printf (_("\nCost (USD per month, on-demand list prices, %g hours a month; pattern %s)\n"),
          NINES_HOURS_PER_MONTH, nines_dr_pattern_get_label (nines_deployment_get_pattern (dep)));
  printf (_("\nSteady state\n"));
  print_state_text (est, NINES_COST_STEADY);
  printf (_("\nWhile failed over (recovery region serving at full size)\n"));
  print_state_text (est, NINES_COST_FAILOVER);
  print_missing_text (est);
}
