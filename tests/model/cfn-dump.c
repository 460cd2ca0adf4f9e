/* cfn-dump: writes the CloudFormation templates of every bundled example and pattern to
 * OUTDIR/EXAMPLE/PATTERN/N-REGION.json (N: stack order, the primary region first), for
 * cfn-check.py to lint and to create on moto_server. */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>
#include <nines-model.h>

int
main (int   argc,
      char *argv[])
{
  const char *examples[] = { "storefront", "newsroom", "ledger-api" };

  if (argc != 3)
    {
      fprintf (stderr, "usage: cfn-dump EXAMPLES-DIR OUTDIR\n");
      return 2;
    }
  for (guint e = 0; e < G_N_ELEMENTS (examples); e++)
    for (NinesDrPattern p = NINES_DR_PATTERN_BACKUP_RESTORE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
      {
        g_autofree char *base = g_strdup_printf ("%s.nines", examples[e]);
        g_autofree char *path = g_build_filename (argv[1], base, NULL);
        g_autofree char *dir = g_build_filename (argv[2], examples[e], nines_dr_pattern_to_string (p), NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(NinesDocument) doc = nines_document_load_from_file (path, &error);
        g_autoptr(NinesDeployment) d = NULL;
        g_auto(GStrv) regions = NULL;

        if (doc == NULL)
          {
            fprintf (stderr, "%s\n", error->message);
            return 1;
          }
        d = nines_deployment_new (doc, p);
        regions = nines_cfn_template_list_regions (d);
        g_mkdir_with_parents (dir, 0755);
        for (guint r = 0; regions[r]; r++)
          {
            g_autoptr(JsonNode) node = nines_cfn_template_build (d, regions[r], &error);
            g_autofree char *text = NULL;
            g_autofree char *file = NULL;
            g_autofree char *fpath = NULL;

            if (node == NULL)
              {
                fprintf (stderr, "%s\n", error->message);
                return 1;
              }
            text = nines_cfn_template_to_string (node);
            file = g_strdup_printf ("%u-%s.json", r, regions[r]);
            fpath = g_build_filename (dir, file, NULL);
            if (!g_file_set_contents (fpath, text, -1, &error))
              {
                fprintf (stderr, "%s\n", error->message);
                return 1;
              }
          }
      }
  return 0;
}
