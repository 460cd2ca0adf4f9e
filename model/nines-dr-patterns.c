/* nines-dr-patterns.c: the DR patterns as transforms (design, pattern, knobs) -> deployment.
 * DESIGN.md section 3. */
#define G_LOG_DOMAIN "nines-dr-patterns"

#include "config.h"

#include "nines-model-private.h"

/* The drawn workload as it runs in the primary region. */
static void
add_design (NinesDeployment *deployment,
            NinesDocument   *document)
{
  for (guint i = 0; i < nines_document_get_n_components (document); i++)
    {
      NinesComponent *c = nines_document_get_component (document, i);

      _nines_deployment_add_item (deployment, nines_component_get_id (c), nines_component_get_id (c),
                                  NINES_ROLE_PRIMARY, FALSE, nines_component_get_region (c),
                                  c, c, NULL);
    }
}

NinesDeployment *
nines_deployment_new (NinesDocument  *document,
                      NinesDrPattern  pattern)
{
  NinesDeployment *deployment;

  g_return_val_if_fail (NINES_IS_DOCUMENT (document), NULL);

  deployment = _nines_deployment_new_empty (document, pattern);
  add_design (deployment, document);
  return deployment;
}
