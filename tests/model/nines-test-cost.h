/* nines-test-cost.h: building designs and hand-made deployments for the cost tests.
 * Header-only. Uses the model's private deployment builders (nines-model-private.h), as
 * the patterns are not what these tests check. */
#pragma once

#define NINES_MODEL_COMPILATION
#include "nines-model-private.h"

#include <math.h>
#include <stdarg.h>

/* A document with @primary (and @recovery, nullable) as its regions. */
static inline NinesDocument *
nines_test_cost_document (const char *primary,
                          const char *recovery)
{
  NinesDocument *doc = nines_document_new ();
  const char *codes[] = { primary, recovery };

  nines_document_set_name (doc, "cost test");
  for (guint i = 0; i < 2; i++)
    if (codes[i])
      {
        const NinesRegionInfo *info = nines_catalog_lookup_region (nines_catalog_get_default (), codes[i]);
        g_autoptr(NinesRegion) r = nines_region_new (codes[i], (const char * const *) info->azs);
        nines_document_add_region (doc, r);
      }
  return doc;
}

/* A component with parameters given as name, GVariant (floating) pairs, NULL-terminated;
 * zonal kinds get the region's first @n_azs AZs (0: none). Added to @doc. */
static inline NinesComponent *
nines_test_cost_component (NinesDocument *doc,
                           const char    *id,
                           const char    *kind,
                           const char    *region,
                           guint          n_azs,
                           ...)
{
  NinesComponent *c = nines_component_new (id, kind, region);
  const char *name;
  va_list ap;

  if (n_azs > 0)
    {
      const NinesRegionInfo *info = nines_catalog_lookup_region (nines_catalog_get_default (), region);
      g_autofree char **azs = g_new0 (char *, n_azs + 1);

      for (guint i = 0; i < n_azs; i++)
        azs[i] = info->azs[i];
      nines_component_set_azs (c, (const char * const *) azs);
    }
  va_start (ap, n_azs);
  while ((name = va_arg (ap, const char *)))
    nines_component_set_param (c, name, va_arg (ap, GVariant *));
  va_end (ap);
  nines_document_add_component (doc, c);
  return c;
}

/* The design alone, every component primary (steady = failover = drawn). */
static inline NinesDeployment *
nines_test_cost_design (NinesDocument *doc)
{
  NinesDeployment *dep = _nines_deployment_new_empty (doc, NINES_DR_PATTERN_NONE);

  for (guint i = 0; i < nines_document_get_n_components (doc); i++)
    {
      NinesComponent *c = nines_document_get_component (doc, i);
      _nines_deployment_add_item (dep, nines_component_get_id (c), nines_component_get_id (c),
                                  NINES_ROLE_PRIMARY, FALSE, nines_component_get_region (c), c, c, NULL);
    }
  return dep;
}

/* The sum of the lines of @item_id (NULL: all) with @usage (NULL: any) in @state. */
static inline double
nines_test_cost_sum (NinesCostEstimate *est,
                     NinesCostState     state,
                     const char        *item_id,
                     const char        *usage)
{
  double sum = 0;

  for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
    {
      const NinesCostLine *l = nines_cost_estimate_get_line (est, i);

      if (l->state == state && (!item_id || g_str_equal (l->item_id, item_id))
          && (!usage || g_str_equal (l->usage, usage)))
        sum += l->monthly_usd;
    }
  return sum;
}

/* The first line matching, or NULL. */
static inline const NinesCostLine *
nines_test_cost_find (NinesCostEstimate *est,
                      NinesCostState     state,
                      const char        *item_id,
                      const char        *usage,
                      double             tier_start)
{
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (est); i++)
    {
      const NinesCostLine *l = nines_cost_estimate_get_line (est, i);

      if (l->state == state && g_str_equal (l->item_id, item_id) && g_str_equal (l->usage, usage)
          && l->tier_start == tier_start)
        return l;
    }
  return NULL;
}

/* Rounded to the cent, as the tables show. */
static inline double
nines_test_cents (double usd)
{
  return round (usd * 100.0) / 100.0;
}

/* The first line matching; aborts the test when there is none. */
static inline const NinesCostLine *
nines_test_cost_line (NinesCostEstimate *est,
                      NinesCostState     state,
                      const char        *item_id,
                      const char        *usage,
                      double             tier_start)
{
  const NinesCostLine *l = nines_test_cost_find (est, state, item_id, usage, tier_start);

  if (l == NULL)
    g_error ("no %s line %s (tier from %g) for %s", nines_cost_state_to_string (state), usage, tier_start, item_id);
  return l;
}
