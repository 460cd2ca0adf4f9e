/* fuzz-price-page-json.c: the AWS pricing-page JSON importer, raw (manifest, regions,
 * rateCodes) and processed (label -> region -> price).
 *
 * Input: the price set's file stem on the first line ("elb", "ec2", …), the JSON after
 * it, so the fuzzer explores every stem's rules. */
#define G_LOG_DOMAIN "nines-fuzz"

#include "config.h"

#include <stdlib.h>
#include <string.h>
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
  g_autofree char *stem = NULL;
  const uint8_t *nl = memchr (data, '\n', size);
  NinesPriceImportStats stats = { 0 };

  if (nl == NULL)
    return 0;
  stem = g_strndup ((const char *) data, nl - data);
  if (!g_utf8_validate (stem, -1, NULL))
    return 0;
  /* as nines_price_import() reads a file: one JSON value only (model/nines-json.c) */
  if ((root = nines_json_parse ((const char *) nl + 1, size - (nl + 1 - data), NULL)) == NULL)
    return 0;
  if (!nines_price_import_page_json (builder, root, stem,
                                     "fuzz-page.json", "2025-06-18", &stats, &error))
    {
      if (error == NULL || error->message[0] == '\0')
        abort ();
      return 0;
    }
  nines_fuzz_check_builder (builder);
  return 0;
}
