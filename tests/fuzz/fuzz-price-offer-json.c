/* fuzz-price-offer-json.c: the AWS Price List bulk offer JSON importer.
 *
 * Any input the importer accepts must give a builder whose snapshot serialises and
 * loads back with the same number of prices. */
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
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(NinesPriceBuilder) builder = nines_price_builder_new ();
  g_autoptr(GError) error = NULL;
  NinesPriceImportStats stats = { 0 };

  /* as nines_price_import() reads a file: one JSON value only (model/nines-json.c) */
  if ((root = nines_json_parse ((const char *) data, size, NULL)) == NULL)
    return 0;
  if (!nines_price_import_offer_json (builder, root, "fuzz.json",
                                      &stats, &error))
    {
      if (error == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }
  nines_fuzz_check_builder (builder);
  return 0;
}
