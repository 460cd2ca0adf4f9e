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
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  line = g_strdup_printf ("%s: %s", path, msg);
  g_ptr_array_add (problems, _nines_one_line (line));
}

static guint
map_index (GArray *map,
           guint   i)
{
  return map != NULL && i < map->len ? g_array_index (map, guint, i) : i;
}

#define REGION_INDEX(map, i) map_index ((map) ? (map)->regions : NULL, (i))
#define COMPONENT_INDEX(map, i) map_index ((map) ? (map)->components : NULL, (i))
#define LINK_INDEX(map, i) map_index ((map) ? (map)->links : NULL, (i))

static const char *
suggest_kind (NinesCatalog *catalog,
              const char   *kind)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < nines_catalog_get_n_kinds (catalog); i++)
    g_ptr_array_add (ids, nines_catalog_get_kind (catalog, i)->id);
  return _nines_suggest (kind, ids);
}

static void
check_regions (NinesDocument        *self,
               NinesCatalog         *catalog,
               const NinesSourceMap *map,
               GPtrArray            *problems)
{
  GListModel *regions = nines_document_get_regions (self);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(NinesRegion) r = g_list_model_get_item (regions, i);
      const NinesRegionInfo *info = nines_region_get_info (r);
      const char *code = nines_region_get_code (r);
      const char * const *azs = nines_region_get_azs (r);
      g_autofree char *path = g_strdup_printf ("regions[%u]", REGION_INDEX (map, i));
      g_autofree char *code_path = g_strconcat (path, ".code", NULL);
      gpointer first;

      if (g_hash_table_lookup_extended (seen, code, NULL, &first))
        add_problem (problems, code_path, _("\"%s\" is listed twice (also regions[%u])"),
                     code, GPOINTER_TO_UINT (first));
      else
        g_hash_table_insert (seen, (char *) code, GUINT_TO_POINTER (REGION_INDEX (map, i)));
      if (info == NULL)
        {
          add_problem (problems, code_path, _("unknown region \"%s\""), code);
          continue;
        }
      for (guint j = 0; azs[j]; j++)
        {
          g_autofree char *azpath = g_strdup_printf ("%s.azs[%u]", path, j);

          if (!nines_region_info_has_az (info, azs[j]))
            {
              g_autofree char *known = g_strjoinv (", ", info->azs);
              add_problem (problems, azpath, _("\"%s\" is not an AZ of %s (it has %s)"),
                           azs[j], code, known);
            }
          for (guint k = 0; k < j; k++)
            if (g_str_equal (azs[j], azs[k]))
              {
                add_problem (problems, azpath, _("AZ \"%s\" is listed twice"), azs[j]);
                break;
              }
        }
    }
}

/* Returns FALSE if a parameter has the wrong type or is out of its range, so the rules
 * across parameters have nothing sound to compare. */
static gboolean
check_param_values (NinesComponent      *c,
                    const NinesKindInfo *kind,
                    const char          *path,
                    GPtrArray           *problems)
{
  g_auto(GStrv) names = nines_component_list_explicit_params (c);
  gboolean ok = TRUE;

  /* In the catalog's order, which is the order of the saved file. */
  for (guint i = 0; i < kind->params->len; i++)
    {
      const NinesParamSpec *spec = g_ptr_array_index (kind->params, i);
      GVariant *v = nines_component_get_explicit_param (c, spec->name);
      g_autofree char *problem = NULL;

      if (v != NULL && !nines_param_spec_check (spec, v, &problem))
        {
          g_autofree char *ppath = g_strdup_printf ("%s.%s", path, spec->name);
          add_problem (problems, ppath, "%s", problem);
          ok = FALSE;
        }
    }
  for (guint i = 0; names[i]; i++)
    if (nines_kind_info_lookup_param (kind, names[i]) == NULL)
      {
        g_autofree char *ppath = g_strdup_printf ("%s.%s", path, names[i]);
        add_problem (problems, ppath, _("%s has no parameter \"%s\""), kind->id, names[i]);
        ok = FALSE;
      }
  return ok;
}

static void
check_params (NinesComponent      *c,
              const NinesKindInfo *kind,
              const char          *path,
              GPtrArray           *problems)
{
  if (!check_param_values (c, kind, path, problems))
    return;

  if (g_str_equal (kind->id, "ec2-asg"))
    {
      gint64 min = nines_component_get_int (c, "min");
      gint64 desired = nines_component_get_int (c, "desired");
      gint64 max = nines_component_get_int (c, "max");
      g_autofree char *maxpath = g_strdup_printf ("%s.max", path);
      g_autofree char *despath = g_strdup_printf ("%s.desired", path);

      if (max < min)
        add_problem (problems, maxpath, _("must be >= min (is %lld, min %lld)"),
                     (long long) max, (long long) min);
      else if (desired < min || desired > max)
        add_problem (problems, despath,
                     _("must be between min and max (is %lld, min %lld, max %lld)"),
                     (long long) desired, (long long) min, (long long) max);
    }
  if (g_str_equal (kind->id, "dynamodb") &&
      g_str_equal (nines_component_get_string (c, "capacity_mode"), "provisioned"))
    {
      const char *names[] = { "rcu", "wcu" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        if (nines_component_get_int (c, names[i]) < 1)
          {
            g_autofree char *ppath = g_strdup_printf ("%s.%s", path, names[i]);
            add_problem (problems, ppath,
                         _("must be at least 1 in provisioned capacity mode (is %lld)"),
                         (long long) nines_component_get_int (c, names[i]));
          }
    }
}

void
_nines_document_check_component (NinesDocument        *self,
                                 guint                 i,
                                 const NinesSourceMap *map,
                                 GHashTable           *seen,
                                 GPtrArray            *problems)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  NinesComponent *c = nines_document_get_component (self, i);
  const NinesKindInfo *kind = nines_component_get_kind_info (c);
  const char *id = nines_component_get_id (c);
  const char *region = nines_component_get_region (c);
  const char * const *azs = nines_component_get_azs (c);
  g_autofree char *path = g_strdup_printf ("components[%u]", COMPONENT_INDEX (map, i));
  g_autofree char *id_path = g_strconcat (path, ".id", NULL);
  g_autofree char *region_path = g_strconcat (path, ".region", NULL);
  g_autofree char *azs_path = g_strconcat (path, ".azs", NULL);
  NinesRegion *r = NULL;
  guint n_azs;

  if (id[0] == '\0')
    add_problem (problems, id_path, _("must not be empty"));
  else if (seen != NULL)
    {
      gpointer first;

      if (g_hash_table_lookup_extended (seen, id, NULL, &first))
        add_problem (problems, id_path, _("\"%s\" is also the id of components[%u]"), id,
                     GPOINTER_TO_UINT (first));
      else
        g_hash_table_insert (seen, (char *) id, GUINT_TO_POINTER (COMPONENT_INDEX (map, i)));
    }
  else if (nines_document_lookup_component (self, id) != c)
    add_problem (problems, id_path, _("\"%s\" is used by another component"), id);

  if (kind == NULL)
    {
      g_autofree char *kind_path = g_strconcat (path, ".kind", NULL);
      const char *like = suggest_kind (catalog, nines_component_get_kind (c));

      if (like != NULL)
        add_problem (problems, kind_path, _("unknown kind \"%s\" (did you mean \"%s\"?)"),
                     nines_component_get_kind (c), like);
      else
        add_problem (problems, kind_path, _("unknown kind \"%s\""), nines_component_get_kind (c));
      return;
    }

  if (kind->placement == NINES_PLACEMENT_GLOBAL)
    {
      if (region != NULL)
        add_problem (problems, region_path, _("%s is global and takes no region (is \"%s\")"),
                     kind->id, region);
    }
  else if (region == NULL)
    add_problem (problems, region_path, _("is missing: %s needs a region"), kind->id);
  else if (nines_catalog_lookup_region (catalog, region) == NULL)
    add_problem (problems, region_path, _("unknown region \"%s\""), region);
  else if ((r = nines_document_lookup_region (self, region)) == NULL)
    add_problem (problems, region_path,
                 _("\"%s\" is not among the design's regions (add it to \"regions\")"), region);

  n_azs = g_strv_length ((char **) azs);
  if (kind->placement == NINES_PLACEMENT_ZONAL)
    {
      if (n_azs == 0)
        add_problem (problems, azs_path, _("is missing: %s is zonal and needs %u or more AZs"),
                     kind->id, MAX (kind->min_azs, 1));
      else if (n_azs < kind->min_azs)
        add_problem (problems, azs_path, _("%s needs %u or more AZs (has %u)"),
                     kind->id, kind->min_azs, n_azs);
      for (guint j = 0; azs[j]; j++)
        {
          g_autofree char *azpath = g_strdup_printf ("%s[%u]", azs_path, j);
          gboolean twice = FALSE;

          for (guint k = 0; k < j && !twice; k++)
            twice = g_str_equal (azs[j], azs[k]);
          if (twice)
            add_problem (problems, azpath, _("AZ \"%s\" is listed twice"), azs[j]);
          else if (r != NULL && !nines_region_has_az (r, azs[j]))
            add_problem (problems, azpath, _("\"%s\" is not an AZ the design uses in %s"),
                         azs[j], region);
        }
    }
  else if (n_azs > 0)
    add_problem (problems, azs_path, _("%s is %s and takes no AZs"), kind->id,
                 nines_placement_to_string (kind->placement));

  check_params (c, kind, path, problems);
}

static void
check_components (NinesDocument        *self,
                  const NinesSourceMap *map,
                  GPtrArray            *problems)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = nines_document_get_n_components (self);

  for (guint i = 0; i < n; i++)
    _nines_document_check_component (self, i, map, seen, problems);
}

static void
check_links (NinesDocument        *self,
             const NinesSourceMap *map,
             GPtrArray            *problems)
{
  GListModel *links = nines_document_get_links (self);
  guint n = g_list_model_get_n_items (links);
  /* "from\nto\nkind" -> index of its first link: finding repeats stays linear (a
   * pairwise scan took 1.7 s on a 10,000-component design, bench/). */
  g_autoptr(GHashTable) first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NinesLink) l = g_list_model_get_item (links, i);
      g_autofree char *path = g_strdup_printf ("links[%u]", LINK_INDEX (map, i));
      char *key = g_strdup_printf ("%s\n%s\n%d", nines_link_get_from (l), nines_link_get_to (l),
                                   (int) nines_link_get_kind (l));
      gpointer j;
      g_autofree char *from_path = g_strconcat (path, ".from", NULL);
      g_autofree char *to_path = g_strconcat (path, ".to", NULL);
      const char *from = nines_link_get_from (l);
      const char *to = nines_link_get_to (l);

      if (nines_document_lookup_component (self, from) == NULL)
        add_problem (problems, from_path, _("no component has the id \"%s\""), from);
      if (nines_document_lookup_component (self, to) == NULL)
        add_problem (problems, to_path, _("no component has the id \"%s\""), to);
      else if (g_str_equal (from, to))
        add_problem (problems, to_path, _("a component cannot link to itself (\"%s\")"), to);
      if (g_hash_table_lookup_extended (first, key, NULL, &j))
        {
          add_problem (problems, path, _("the same link as links[%u]"),
                       LINK_INDEX (map, GPOINTER_TO_UINT (j)));
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
                 _("\"%s\" is not among the design's regions"), primary);
  if (recovery != NULL)
    {
      if (nines_catalog_lookup_region (catalog, recovery) == NULL)
        add_problem (problems, "dr.recovery_region", _("unknown region \"%s\""), recovery);
      else if (g_strcmp0 (recovery, primary) == 0)
        add_problem (problems, "dr.recovery_region",
                     _("must differ from the primary region (both are %s)"), primary);
    }
  else if (nines_document_get_dr_pattern (self) != NINES_DR_PATTERN_NONE)
    add_problem (problems, "dr.recovery_region", _("is missing: the %s pattern needs one"),
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
check_operations_and_pricing (NinesDocument        *self,
                              const NinesSourceMap *map,
                              GPtrArray            *problems)
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
      g_autofree char *path = g_strdup_printf ("pricing.overrides[%u]",
                                               map_index (map ? map->overrides : NULL, i));

      if (o->service == NULL || o->usage == NULL)
        add_problem (problems, path, _("needs a service and a usage"));
      if (!(o->usd >= 0 && o->usd < 1e9))
        {
          g_autofree char *usd_path = g_strconcat (path, ".usd", NULL);
          add_problem (problems, usd_path, _("must be at least 0 and below 1e9 (is %g)"), o->usd);
        }
      if (o->region != NULL && nines_catalog_lookup_region (nines_catalog_get_default (),
                                                            o->region) == NULL)
        {
          g_autofree char *region_path = g_strconcat (path, ".region", NULL);
          add_problem (problems, region_path, _("unknown region \"%s\""), o->region);
        }
    }
}

void
_nines_document_check_mapped (NinesDocument        *self,
                              const NinesSourceMap *map,
                              GPtrArray            *problems)
{
  NinesCatalog *catalog = nines_catalog_get_default ();

  check_regions (self, catalog, map, problems);
  check_components (self, map, problems);
  check_links (self, map, problems);
  check_dr (self, catalog, problems);
  check_operations_and_pricing (self, map, problems);
}

void
nines_document_check (NinesDocument *self,
                      GPtrArray     *problems)
{
  g_return_if_fail (NINES_IS_DOCUMENT (self));
  g_return_if_fail (problems != NULL);

  _nines_document_check_mapped (self, NULL, problems);
}
