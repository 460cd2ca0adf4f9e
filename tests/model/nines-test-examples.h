/* nines-test-examples.h: the bundled examples (data/examples), for the model tests that
 * check a computation on every one of them. Header-only. */
#pragma once

#include <nines-model.h>

static const char * const nines_test_example_names[] = { "storefront", "newsroom", "ledger-api" };

static inline guint
nines_test_n_examples (void)
{
  return G_N_ELEMENTS (nines_test_example_names);
}

static inline NinesDocument *
nines_test_load_example_named (const char *name)
{
  g_autoptr(GError) error = NULL;
  NinesDocument *doc = nines_document_load_example (name, &error);

  g_assert_no_error (error);
  return doc;
}

static inline NinesDocument *
nines_test_load_example (guint i)
{
  g_assert_cmpuint (i, <, nines_test_n_examples ());
  return nines_test_load_example_named (nines_test_example_names[i]);
}
