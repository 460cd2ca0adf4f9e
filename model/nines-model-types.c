#define G_LOG_DOMAIN "nines-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-model.h"

static const struct {
  const char *id;
  const char *label;
} patterns[NINES_N_DR_PATTERNS] = {
  [NINES_DR_PATTERN_NONE]           = { "none",           N_("No DR (single region)") },
  [NINES_DR_PATTERN_BACKUP_RESTORE] = { "backup-restore", N_("Backup & restore") },
  [NINES_DR_PATTERN_PILOT_LIGHT]    = { "pilot-light",    N_("Pilot light") },
  [NINES_DR_PATTERN_WARM_STANDBY]   = { "warm-standby",   N_("Warm standby") },
  [NINES_DR_PATTERN_MULTI_SITE]     = { "multi-site",     N_("Multi-site active/active") },
};

const char *
nines_dr_pattern_to_string (NinesDrPattern pattern)
{
  g_return_val_if_fail (pattern < NINES_N_DR_PATTERNS, NULL);
  return patterns[pattern].id;
}

const char *
nines_dr_pattern_get_label (NinesDrPattern pattern)
{
  g_return_val_if_fail (pattern < NINES_N_DR_PATTERNS, NULL);
  return _(patterns[pattern].label);
}

gboolean
nines_dr_pattern_from_string (const char     *str,
                              NinesDrPattern *pattern)
{
  for (guint i = 0; str != NULL && i < NINES_N_DR_PATTERNS; i++)
    {
      if (g_str_equal (str, patterns[i].id))
        {
          *pattern = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
nines_link_kind_to_string (NinesLinkKind kind)
{
  return kind == NINES_LINK_DATA ? "data" : "traffic";
}

gboolean
nines_link_kind_from_string (const char    *str,
                             NinesLinkKind *kind)
{
  if (g_strcmp0 (str, "traffic") == 0)
    *kind = NINES_LINK_TRAFFIC;
  else if (g_strcmp0 (str, "data") == 0)
    *kind = NINES_LINK_DATA;
  else
    return FALSE;
  return TRUE;
}

const char *
nines_placement_to_string (NinesPlacement placement)
{
  switch (placement)
    {
    case NINES_PLACEMENT_ZONAL: return "zonal";
    case NINES_PLACEMENT_REGIONAL: return "regional";
    case NINES_PLACEMENT_GLOBAL: return "global";
    default: g_return_val_if_reached (NULL);
    }
}
