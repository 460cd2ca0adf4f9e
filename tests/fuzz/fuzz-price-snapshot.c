/* fuzz-price-snapshot.c: loading a price snapshot file that is not trusted
 * (nines-cli pricing show --snapshot FILE, a refreshed snapshot on disk): the full
 * validation must refuse anything a lookup could read out of bounds. */
#define G_LOG_DOMAIN "nines-fuzz"

#include "config.h"

#include <stdlib.h>
#include <nines-model.h>

#include "nines-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  nines_fuzz_setup ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesPriceSnapshot) snapshot = nines_price_snapshot_new_from_bytes (bytes, FALSE, &error);

  if (snapshot == NULL)
    {
      if (error == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }
  nines_fuzz_check_snapshot (snapshot, FALSE);
  for (guint i = 0; i < nines_price_snapshot_get_n_sources (snapshot); i++)
    {
      const char *name = NULL, *date = NULL, *format = NULL;

      nines_price_snapshot_get_source (snapshot, i, &name, &date, &format);
    }
  nines_price_snapshot_lookup (snapshot, "AmazonEC2", "us-east-1", "instance:m6i.large", NULL, NULL);
  return 0;
}
