/* nines-fuzz.h: the libFuzzer entry points every target in tests/fuzz/ defines.
 *
 * Built with -Dfuzzing=true (clang), libFuzzer supplies main(); otherwise
 * nines-fuzz-replay.c does, replaying the seed corpus and the regression inputs so
 * every build (gcc, ASan, valgrind) runs them. */
#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

/* Shared set-up: criticals and warnings abort (a g_return_if_fail hit by input is a
 * bug), C locale, no GSettings or GVFS side effects. */
void nines_fuzz_setup      (void);
