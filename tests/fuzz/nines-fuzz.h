/* nines-fuzz.h: the libFuzzer entry points every target in tests/fuzz/ defines.
 *
 * Built with -Dfuzzing=true (clang), libFuzzer supplies main(); otherwise
 * nines-fuzz-replay.c does, replaying the seed corpus and the regression inputs so
 * every build (gcc, ASan, valgrind) runs them. */
#pragma once

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Shared set-up: criticals and warnings abort (a g_return_if_fail hit by input is a
 * bug), C locale, no GSettings or GVFS side effects. */
void nines_fuzz_setup      (void);

/* The price importers' shared property: what a builder collected serialises into a
 * snapshot that loads with full validation, and every price in it can be looked up.
 * For a snapshot read from outside, @strict FALSE: validation promises only that every
 * read stays in the file (a record whose stored hash is wrong is then simply not found,
 * see tests/fuzz/README.md). */
typedef struct _NinesPriceBuilder NinesPriceBuilder;
typedef struct _NinesPriceSnapshot NinesPriceSnapshot;
void nines_fuzz_check_builder  (NinesPriceBuilder  *builder);
void nines_fuzz_check_snapshot (NinesPriceSnapshot *snapshot,
                                gboolean            strict);
