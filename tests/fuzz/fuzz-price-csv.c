/* fuzz-price-csv.c: the streaming Price List offer CSV importer (preamble, header,
 * quoted fields, tiers). */
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
  g_autoptr(NinesPriceBuilder) builder = nines_price_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  NinesPriceImportStats stats = { 0 };

  /* no copy: a read past the input is a read past libFuzzer's buffer, which ASan sees */
  stream = g_memory_input_stream_new_from_data (data, size, NULL);
  if (!nines_price_import_offer_csv (builder, stream, "fuzz.csv", &stats, NULL, &error))
    {
      if (error == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }
  nines_fuzz_check_builder (builder);
  return 0;
}
