/* nines-test-command-fixture.h: the fixture the command-stack tests share */
#pragma once


#include <math.h>
#include <string.h>
#include <nines-model.h>

typedef struct
{
  NinesDocument     *doc;
  NinesCommandStack *stack;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->doc = nines_document_load_example ("storefront", &error);
  g_assert_no_error (error);
  f->stack = nines_command_stack_new (f->doc);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->stack);
  g_assert_finalize_object (f->doc);
}

static inline char *
ser (Fixture *f)
{
  return nines_document_to_data (f->doc, NULL);
}

static inline void
assert_valid (Fixture *f)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);

  nines_document_check (f->doc, problems);
  if (problems->len > 0)
    g_error ("the document became invalid: %s", (char *) problems->pdata[0]);
}
