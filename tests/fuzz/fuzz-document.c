/* fuzz-document.c: the .nines loader (JSON parse, migration, full validation).
 *
 * Properties checked on every input, beyond "does not crash, leak or warn":
 *  - a document that loads saves to bytes that load again (no save of something the
 *    loader then refuses);
 *  - saving is deterministic: load(save(doc)) saves to the same bytes;
 *  - every DR pattern can be applied to a loaded document. */
#define G_LOG_DOMAIN "nines-fuzz"

#include "config.h"

#include <stdio.h>
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
  g_autoptr(GError) error = NULL;
  g_autoptr(NinesDocument) doc = NULL;
  g_autoptr(NinesDocument) again = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *resaved = NULL;
  gsize saved_len = 0;
  gsize resaved_len = 0;

  doc = nines_document_load_from_data ((const char *) data, size, "fuzz.nines", &error);
  if (doc == NULL)
    {
      /* Refusals must say why, in the model's error domain. */
      if (error == NULL || error->domain != NINES_MODEL_ERROR || error->message[0] == '\0')
        abort ();
      return 0;
    }
  g_assert_no_error (error);

  for (int p = NINES_DR_PATTERN_NONE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
    {
      g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, p);

      if (dep == NULL || nines_deployment_get_n_items (dep) < nines_document_get_n_components (doc))
        abort ();
    }

  saved = nines_document_to_data (doc, &saved_len);
  again = nines_document_load_from_data (saved, saved_len, "resaved.nines", &error);
  if (again == NULL)
    {
      fprintf (stderr, "a loaded document saved to bytes the loader refuses:\n%s\n---\n%s\n",
               error->message, saved);
      abort ();
    }
  resaved = nines_document_to_data (again, &resaved_len);
  if (saved_len != resaved_len || memcmp (saved, resaved, saved_len) != 0)
    {
      fprintf (stderr, "save is not stable across a load:\n%s\n---\n%s\n", saved, resaved);
      abort ();
    }
  return 0;
}
