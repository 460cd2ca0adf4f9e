/* nines-bench-gen-csv.c: a large AWS Price List offer CSV for the import benchmark.
 *
 *   nines-bench-gen-csv OUT.csv MEGABYTES [TEMPLATE.csv]
 *
 * Writes the template's 5-line preamble and header, then its rows over and over until
 * the file reaches MEGABYTES: each copy gets its own SKU (and rateCode) and the next
 * commercial region's Price List location, so the importer sees what a real offer
 * file holds: many distinct products across every region, most of them priced. The
 * default template is the real EC2 offer CSV excerpt in ../shared/pricing-sources
 * (terracost/AmazonEC2_eu-west-3.csv, see its SOURCES.md). */
#define G_LOG_DOMAIN "nines-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <nines-model.h>

static char **
split_row (const char *line)
{
  g_autofree char *inner = NULL;
  gsize len = strlen (line);

  if (len < 2 || line[0] != '"' || line[len - 1] != '"')
    return NULL;
  inner = g_strndup (line + 1, len - 2);
  return g_strsplit (inner, "\",\"", -1);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template_path = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  NinesCatalog *catalog = nines_catalog_get_default ();
  guint64 target, written = 0, copy = 0;
  int c_sku = -1, c_rate = -1, c_location = -1;
  FILE *out;

  if (argc < 3 || (target = g_ascii_strtoull (argv[2], NULL, 10)) == 0)
    {
      fprintf (stderr, "usage: nines-bench-gen-csv OUT.csv MEGABYTES [TEMPLATE.csv]\n");
      return 2;
    }
  target *= 1024 * 1024;
  template_path = argc > 3 ? g_strdup (argv[3])
                           : g_build_filename (NINES_SOURCE_DIR, "..", "shared", "pricing-sources",
                                               "terracost", "AmazonEC2_eu-west-3.csv", NULL);
  if (!g_file_get_contents (template_path, &text, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  lines = g_strsplit (text, "\n", -1);
  if (g_strv_length (lines) < 7 || !(header = split_row (lines[5])))
    {
      fprintf (stderr, "%s: not an offer CSV (preamble, header, rows)\n", template_path);
      return 1;
    }
  for (int i = 0; header[i]; i++)
    {
      if (g_str_equal (header[i], "SKU")) c_sku = i;
      else if (g_str_equal (header[i], "RateCode")) c_rate = i;
      else if (g_str_equal (header[i], "Location")) c_location = i;
    }
  for (guint i = 6; lines[i]; i++)
    {
      char **row = split_row (g_strchomp (lines[i]));

      if (row && (int) g_strv_length (row) == (int) g_strv_length (header))
        g_ptr_array_add (rows, row);
      else
        g_strfreev (row);
    }
  if (c_sku < 0 || c_rate < 0 || c_location < 0 || rows->len == 0)
    {
      fprintf (stderr, "%s: no SKU, RateCode or Location column, or no rows\n", template_path);
      return 1;
    }

  if (!(out = fopen (argv[1], "w")))
    {
      perror (argv[1]);
      return 1;
    }
  for (guint i = 0; i < 6; i++)
    written += fprintf (out, "%s\n", g_strchomp (lines[i]));
  while (written < target)
    {
      const NinesRegionInfo *region = nines_catalog_get_region (catalog, copy % nines_catalog_get_n_regions (catalog));

      for (guint r = 0; r < rows->len && written < target; r++)
        {
          char **row = g_ptr_array_index (rows, r);
          g_autofree char *sku = g_strdup_printf ("S%015" G_GUINT64_FORMAT, copy * rows->len + r);

          for (int i = 0; row[i]; i++)
            {
              const char *v = row[i];
              g_autofree char *rate = NULL;

              if (i == c_sku)
                v = sku;
              else if (i == c_rate)
                {
                  const char *dot = strchr (row[i], '.');
                  v = rate = g_strconcat (sku, dot ? dot : "", NULL);
                }
              else if (i == c_location)
                v = region->location;
              written += fprintf (out, i ? ",\"%s\"" : "\"%s\"", v);
            }
          written += fprintf (out, "\n");
        }
      copy++;
    }
  if (fclose (out) != 0)
    {
      perror (argv[1]);
      return 1;
    }
  printf ("%s: %" G_GUINT64_FORMAT " bytes, %" G_GUINT64_FORMAT " rows\n", argv[1], written, copy * rows->len);
  return 0;
}
