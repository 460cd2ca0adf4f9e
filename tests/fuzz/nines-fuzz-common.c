/* nines-fuzz-common.c: set-up shared by the fuzz targets */
#define G_LOG_DOMAIN "nines-fuzz"

#include "config.h"

#include <locale.h>
#include <glib.h>

#include "nines-fuzz.h"

void
nines_fuzz_setup (void)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Input must never trip a precondition or make the code warn: make both fatal,
   * so the fuzzer reports them as crashes with a stack. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* Messages an input provokes on purpose (debug, info) are noise at a million
   * executions a minute. */
  g_log_set_handler (NULL, G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE,
                     g_log_default_handler, NULL);
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
}
