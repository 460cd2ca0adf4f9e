#define G_LOG_DOMAIN "nines-ui"

#include "config.h"

#include <gio/gio.h>

#include "nines-ui.h"

GResource *nines_ui_get_resource (void);

void
nines_ui_ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      /* Named so the linker keeps the resources out of the static library. */
      g_resources_register (nines_ui_get_resource ());
      g_once_init_leave (&done, 1);
    }
}
