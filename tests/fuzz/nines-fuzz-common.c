/* nines-fuzz-common.c: set-up shared by the fuzz targets */
#define G_LOG_DOMAIN "nines-fuzz"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <nines-model.h>

#include "nines-fuzz.h"

/* Criticals and warnings print, then abort(): libFuzzer catches SIGABRT and keeps the
 * input, while GLib's own fatal path raises SIGTRAP, which it does not. */
static void
log_handler (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
  if (level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE))
    return;   /* noise at a million executions a minute */
  g_log_default_handler (domain, level, message, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

void
nines_fuzz_setup (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Input must never trip a precondition or make the code warn: both are crashes. */
  g_log_set_default_handler (log_handler, NULL);
}

void
nines_fuzz_check_snapshot (NinesPriceSnapshot *snapshot,
                           gboolean            strict)
{
  for (guint i = 0; i < nines_price_snapshot_get_n_prices (snapshot); i++)
    {
      NinesPrice p;
      guint first = 0, n_tiers = 0;

      nines_price_snapshot_get_price (snapshot, i, &p);
      if (p.service == NULL || p.usage == NULL || p.region == NULL)
        abort ();
      if (!nines_price_snapshot_lookup (snapshot, p.service, p.region, p.usage, &first, &n_tiers) ||
          i < first || i >= first + n_tiers)
        {
          if (!strict)
            continue;
          fprintf (stderr, "price %u (%s %s %s) is not found by lookup\n", i, p.service, p.region, p.usage);
          abort ();
        }
    }
}

void
nines_fuzz_check_builder (NinesPriceBuilder *builder)
{
  g_autoptr(GBytes) bytes = nines_price_builder_serialize (builder);
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesPriceSnapshot) snapshot = nines_price_snapshot_new_from_bytes (bytes, FALSE, &error);

  if (snapshot == NULL)
    {
      fprintf (stderr, "a builder serialised into a snapshot that does not load: %s\n", error->message);
      abort ();
    }
  nines_fuzz_check_snapshot (snapshot, TRUE);
}
