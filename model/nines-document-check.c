/* nines-document-check.c: the semantic rules a valid document obeys */
#define G_LOG_DOMAIN "nines-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-model-private.h"

static void G_GNUC_PRINTF (3, 4)
add_problem (GPtrArray  *problems,
             const char *path,
             const char *format,
             ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, g_strdup_printf ("%s: %s", path, msg));
}

static void
check_regions (NinesDocument *self,
               NinesCatalog  *catalog,
               GPtrArray     *problems)
{
  GListModel *regions = nines_document_get_regions (self);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(NinesRegion) r = g_list_model_get_item (regions, i);
      const NinesRegionInfo *info = nines_region_get_info (r);
      const char *code = nines_region_get_code (r);
      const char * const *azs = nines_region_get_azs (r);
      g_autofree char *path = g_strdup_printf ("regions[%u]", i);

      if (!g_hash_table_add (seen, (char *)code))
        add_problem (problems, path, _("region \"%s\" is listed twice"), code);
      if (info == NULL)
        {
          add_problem (problems, path, _("unknown region \"%s\""), code);
          continue;
        }
      for (guint j = 0; azs[j]; j++)
        {
          if (!nines_region_info_has_az (info, azs[j]))
            {
              g_autofree char *known = g_strjoinv (", ", info->azs);
              g_autofree char *azpath = g_strdup_printf ("%s.azs[%u]", path, j);
              add_problem (problems, azpath, _("\"%s\" is not an AZ of %s (it has %s)"),
                           azs[j], code, known);
            }
          for (guint k = 0; k < j; k++)
            if (g_str_equal (azs[j], azs[k]))
              {
                g_autofree char *azpath = g_strdup_printf ("%s.azs[%u]", path, j);
                add_problem (problems, azpath, _("AZ \"%s\" is listed twice"), azs[j]);
              }
        }
    }
}

static void
check_params (NinesComponent      *c,
              const NinesKindInfo *kind,
              const char          *path,
              GPtrArray           *problems)
{
  g_auto(GStrv) names = nines_component_list_explicit_params (c);

  for (guint i = 0; names[i]; i++)
    {
      const NinesParamSpec *spec = nines_kind_info_lookup_param (kind, names[i]);
      g_autofree char *problem = NULL;
      g_autofree char *ppath = g_strdup_printf ("%s.%s", path, names[i]);

      if (spec == NULL)
        add_problem (problems, ppath, _("%s has no parameter \"%s\""), kind->id, names[i]);
      else if (!nines_param_spec_check (spec, nines_component_get_explicit_param (c, names[i]),
                                        &problem))
        add_problem (problems, ppath, "%s", problem);
    }

  if (g_str_equal (kind->id, "ec2-asg"))
    {
      gint64 min = nines_component_get_int (c, "min");
      gint64 desired = nines_component_get_int (c, "desired");
      gint64 max = nines_component_get_int (c, "max");
      g_autofree char *maxpath = g_strdup_printf ("%s.max", path);
      g_autofree char *despath = g_strdup_printf ("%s.desired", path);

      if (max < min)
        add_problem (problems, maxpath, _("must be >= min (is %" G_GINT64_FORMAT ", min %"
                                          G_GINT64_FORMAT ")"), max, min);
      else if (desired < min || desired > max)
        add_problem (problems, despath, _("must be between min and max (is %" G_GINT64_FORMAT
                                          ", min %" G_GINT64_FORMAT ", max %" G_GINT64_FORMAT ")"),
                     desired, min, max);
    }
  if (g_str_equal (kind->id, "dynamodb") &&
      g_str_equal (nines_component_get_string (c, "capacity_mode"), "provisioned") &&
      (nines_component_get_int (c, "rcu") < 1 || nines_component_get_int (c, "wcu") < 1))
    {
      g_autofree char *rpath = g_strdup_printf ("%s.rcu", path);
      add_problem (problems, rpath, _("provisioned capacity needs at least 1 RCU and 1 WCU"));
    }
}

void
_nines_document_check_component (NinesDocument *self,
                                 guint          i,
                                 GHashTable    *seen,
                                 GPtrArray     *problems)
{
  NinesCatalog *catalog = nines_catalog_get_default ();

  do
    {
      NinesComponent *c = nines_document_get_component (self, i);
      const NinesKindInfo *kind = nines_component_get_kind_info (c);
      const char *id = nines_component_get_id (c);
      const char *region = nines_component_get_region (c);
      const char * const *azs = nines_component_get_azs (c);
      g_autofree char *path = g_strdup_printf ("components[%u]", i);
      NinesRegion *r = NULL;

      if (id[0] == '\0')
        add_problem (problems, path, _("id must not be empty"));
      else if (seen != NULL ? !g_hash_table_add (seen, (char *)id)
                            : nines_document_lookup_component (self, id) != c)
        add_problem (problems, path, _("id \"%s\" is used by another component"), id);

      if (kind == NULL)
        {
          add_problem (problems, path, _("unknown kind \"%s\""), nines_component_get_kind (c));
          break;
        }

      if (kind->placement == NINES_PLACEMENT_GLOBAL)
        {
          if (region != NULL)
            add_problem (problems, path, _("%s is global and takes no region"), kind->id);
        }
      else if (region == NULL)
        add_problem (problems, path, _("%s needs a region"), kind->id);
      else if (nines_catalog_lookup_region (catalog, region) == NULL)
        add_problem (problems, path, _("unknown region \"%s\""), region);
      else if ((r = nines_document_lookup_region (self, region)) == NULL)
        add_problem (problems, path, _("region \"%s\" is not among the document's regions"),
                     region);

      if (kind->placement == NINES_PLACEMENT_ZONAL)
        {
          guint n_azs = g_strv_length ((char **)azs);

          if (n_azs < MAX (kind->min_azs, 1))
            add_problem (problems, path, _("%s needs at least %u AZ(s) (has %u)"),
                         kind->id, MAX (kind->min_azs, 1), n_azs);
          for (guint j = 0; r != NULL && azs[j]; j++)
            if (!nines_region_has_az (r, azs[j]))
              {
                g_autofree char *azpath = g_strdup_printf ("%s.azs[%u]", path, j);
                add_problem (problems, azpath, _("\"%s\" is not an AZ the design uses in %s"),
                             azs[j], region);
              }
        }
      else if (azs[0] != NULL)
        add_problem (problems, path, _("%s is not zonal and takes no AZs"), kind->id);

      check_params (c, kind, path, problems);
    }
  while (0);
}

static void
check_components (NinesDocument *self,
                  GPtrArray     *problems)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = nines_document_get_n_components (self);

  for (guint i = 0; i < n; i++)
    _nines_document_check_component (self, i, seen, problems);
}

static void
check_links (NinesDocument *self,
             GPtrArray     *problems)
{
  GListModel *links = nines_document_get_links (self);
  guint n = g_list_model_get_n_items (links);
  /* "from\nto\nkind" -> index of its first link: finding repeats stays linear (a
   * pairwise scan took 1.7 s on a 10,000-component design, bench/). */
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NinesLink) l = g_list_model_get_item (links, i);
      g_autofree char *path = g_strdup_printf ("links[%u]", i);
      char *key = g_strdup_printf ("%s\n%s\n%d", nines_link_get_from (l), nines_link_get_to (l),
                                   (int) nines_link_get_kind (l));
      gpointer j;

      if (nines_document_lookup_component (self, nines_link_get_from (l)) == NULL)
        add_problem (problems, path, _("\"from\" names no component (\"%s\")"),
                     nines_link_get_from (l));
      if (nines_document_lookup_component (self, nines_link_get_to (l)) == NULL)
        add_problem (problems, path, _("\"to\" names no component (\"%s\")"),
                     nines_link_get_to (l));
      if (g_str_equal (nines_link_get_from (l), nines_link_get_to (l)))
        add_problem (problems, path, _("a component cannot link to itself"));
      if (g_hash_table_lookup_extended (first, key, NULL, &j))
        {
          add_problem (problems, path, _("the same link as links[%u]"), GPOINTER_TO_UINT (j));
          g_free (key);
        }
      else
        g_hash_table_insert (first, key, GUINT_TO_POINTER (i));
    }
}

static void
check_dr (NinesDocument *self,
          NinesCatalog  *catalog,
          GPtrArray     *problems)
{
  const char *recovery = nines_document_get_recovery_region (self);
  const char *primary = nines_document_get_primary_region (self);

  if (primary != NULL && nines_document_lookup_region (self, primary) == NULL)
    add_problem (problems, "dr.primary_region",
                 _("\"%s\" is not among the document's regions"), primary);
  if (recovery != NULL)
    {
      if (nines_catalog_lookup_region (catalog, recovery) == NULL)
        add_problem (problems, "dr.recovery_region", _("unknown region \"%s\""), recovery);
      else if (g_strcmp0 (recovery, primary) == 0)
        add_problem (problems, "dr.recovery_region",
                     _("must differ from the primary region (%s)"), primary);
    }
  else if (nines_document_get_dr_pattern (self) != NINES_DR_PATTERN_NONE)
    add_problem (problems, "dr.recovery_region", _("the %s pattern needs a recovery region"),
                 nines_dr_pattern_to_string (nines_document_get_dr_pattern (self)));

  for (guint i = 0; i < nines_catalog_get_n_knobs (catalog); i++)
    {
      const NinesParamSpec *spec = nines_catalog_get_knob (catalog, i);
      GVariant *v = nines_document_get_explicit_knob (self, spec->name);
      g_autofree char *problem = NULL;

      if (v != NULL && !nines_param_spec_check (spec, v, &problem))
        {
          g_autofree char *path = g_strdup_printf ("dr.knobs.%s", spec->name);
          add_problem (problems, path, "%s", problem);
        }
    }
}

static void
check_operations_and_pricing (NinesDocument *self,
                              GPtrArray     *problems)
{
  const char *d = nines_document_get_last_dr_test (self);
  double discount = nines_document_get_discount_percent (self);

  if (d != NULL && !_nines_is_iso_date (d))
    add_problem (problems, "operations.last_dr_test",
                 _("must be a date like 2026-06-30 (is \"%s\")"), d);
  d = nines_document_get_last_restore_test (self);
  if (d != NULL && !_nines_is_iso_date (d))
    add_problem (problems, "operations.last_restore_test",
                 _("must be a date like 2026-06-30 (is \"%s\")"), d);
  if (!(discount >= 0 && discount < 100))
    add_problem (problems, "pricing.discount_percent",
                 _("must be at least 0 and below 100 (is %g)"), discount);
  for (guint i = 0; i < nines_document_get_n_price_overrides (self); i++)
    {
      const NinesPriceOverride *o = nines_document_get_price_override (self, i);
      g_autofree char *path = g_strdup_printf ("pricing.overrides[%u]", i);

      if (o->service == NULL || o->usage == NULL)
        add_problem (problems, path, _("needs a service and a usage"));
      if (!(o->usd >= 0 && o->usd < 1e9))
        add_problem (problems, path, _("usd must be between 0 and 1e9 (is %g)"), o->usd);
      if (o->region != NULL && nines_catalog_lookup_region (nines_catalog_get_default (),
                                                            o->region) == NULL)
        add_problem (problems, path, _("unknown region \"%s\""), o->region);
    }
}

void
nines_document_check (NinesDocument *self,
                      GPtrArray     *problems)
{
  NinesCatalog *catalog = nines_catalog_get_default ();

  g_return_if_fail (NINES_IS_DOCUMENT (self));
  g_return_if_fail (problems != NULL);

  check_regions (self, catalog, problems);
  check_components (self, problems);
  check_links (self, problems);
  check_dr (self, catalog, problems);
  check_operations_and_pricing (self, problems);
}
