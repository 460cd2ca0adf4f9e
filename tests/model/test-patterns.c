/* test-patterns.c: the DR patterns as transforms, checked on every bundled example */
#include "config.h"

#include <math.h>
#include <string.h>
#include <nines-model.h>

#include "nines-test-examples.h"

static void
check_item_invariants (NinesDeployment         *dep,
                       const NinesDeployedItem *item)
{
  const char *recovery = nines_deployment_get_recovery_region (dep);

  g_assert_nonnull (item->id);
  g_assert_nonnull (item->source_id);
  g_assert_nonnull (nines_deployment_lookup_item (dep, item->source_id));
  g_assert_true (nines_deployment_lookup_item (dep, item->id) == item);
  if (!item->added)
    {
      g_assert_cmpint (item->role, ==, NINES_ROLE_PRIMARY);
      g_assert_true (item->steady == item->failover);
      return;
    }

  g_assert_nonnull (item->note);
  g_assert_cmpint (item->role, !=, NINES_ROLE_PRIMARY);
  /* What recovery creates or restores exists only once failed over. */
  if (item->role == NINES_ROLE_ON_RECOVERY || item->role == NINES_ROLE_BACKUP_COPY)
    g_assert_null (item->steady);
  else
    g_assert_nonnull (item->steady);
  g_assert_nonnull (item->failover);

  if (item->role == NINES_ROLE_ROUTING)
    {
      g_assert_null (item->region);
      return;
    }
  g_assert_cmpstr (item->region, ==, recovery);
  for (NinesComponent *states[] = { item->steady, item->failover }, **s = states; s < states + 2; s++)
    {
      const NinesRegionInfo *info = nines_catalog_lookup_region (nines_catalog_get_default (), recovery);
      const NinesKindInfo *kind;

      if (*s == NULL)
        continue;
      kind = nines_component_get_kind_info (*s);
      g_assert_cmpstr (nines_component_get_region (*s), ==, recovery);
      if (kind->placement == NINES_PLACEMENT_ZONAL)
        {
          g_assert_cmpuint (nines_component_get_n_azs (*s), >=, 1);
          for (const char * const *az = nines_component_get_azs (*s); *az; az++)
            g_assert_true (nines_region_info_has_az (info, *az));
        }
    }
}

static void
test_none_is_the_design (void)
{
  for (guint e = 0; e < nines_test_n_examples (); e++)
    {
      g_autoptr(NinesDocument) doc = nines_test_load_example (e);
      g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, NINES_DR_PATTERN_NONE);

      g_assert_cmpuint (nines_deployment_get_n_items (dep), ==, nines_document_get_n_components (doc));
      g_assert_cmpuint (nines_deployment_get_n_replications (dep), ==, 0);
      g_assert_null (nines_deployment_get_recovery_region (dep));
      for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
        {
          const NinesDeployedItem *item = nines_deployment_get_item (dep, i);

          check_item_invariants (dep, item);
          g_assert_true (item->steady == nines_document_get_component (doc, i));
        }
    }
}

/* Every pattern keeps every primary data store in a second region: the seed's first
 * question ("Do our backups exist in at least two regions?"). */
static void
test_data_stores_leave_the_region (void)
{
  for (guint e = 0; e < nines_test_n_examples (); e++)
    for (NinesDrPattern p = NINES_DR_PATTERN_BACKUP_RESTORE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
      {
        g_autoptr(NinesDocument) doc = nines_test_load_example (e);
        g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, p);
        const char *primary = nines_deployment_get_primary_region (dep);
        const char *recovery = nines_deployment_get_recovery_region (dep);

        g_assert_nonnull (recovery);
        g_assert_cmpstr (primary, !=, recovery);
        g_assert_cmpuint (nines_deployment_get_n_items (dep), >, nines_document_get_n_components (doc));

        for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
          check_item_invariants (dep, nines_deployment_get_item (dep, i));

        for (guint i = 0; i < nines_document_get_n_components (doc); i++)
          {
            NinesComponent *c = nines_document_get_component (doc, i);
            gboolean replicated = FALSE;

            if (!nines_component_get_kind_info (c)->data_store ||
                g_strcmp0 (nines_component_get_region (c), primary) != 0)
              continue;
            for (guint r = 0; r < nines_deployment_get_n_replications (dep); r++)
              {
                const NinesReplication *rep = nines_deployment_get_replication (dep, r);
                const NinesDeployedItem *target = nines_deployment_lookup_item (dep, rep->target_id);

                if (!g_str_equal (rep->source_id, nines_component_get_id (c)))
                  continue;
                replicated = TRUE;
                g_assert_nonnull (target);
                g_assert_cmpstr (rep->to_region, ==, recovery);
                g_assert_cmpstr (target->region, ==, recovery);
                g_assert_nonnull (rep->source);
                g_assert_cmpfloat (rep->gb_per_month, >=, 0);
                g_assert_cmpfloat (rep->lag_s, >, 0);
                /* Copies on a schedule have an interval; live replication has none.
                 * Pilot light and up keep the backup plan beside the replica. */
                g_assert_true (rep->alongside == (p > NINES_DR_PATTERN_BACKUP_RESTORE &&
                                                  rep->kind == NINES_REPLICATION_BACKUP_COPY));
                if (rep->kind == NINES_REPLICATION_BACKUP_COPY)
                  {
                    g_assert_cmpint (rep->kind, ==, NINES_REPLICATION_BACKUP_COPY);
                    g_assert_cmpfloat (rep->interval_s, ==,
                                       3600 * nines_document_get_knob_double (doc, "backup_interval_hours"));
                    g_assert_cmpfloat (rep->stored_gb, >=, nines_component_get_double (c, "storage_gb"));
                  }
                else
                  {
                    g_assert_true (p > NINES_DR_PATTERN_BACKUP_RESTORE || rep->kind == NINES_REPLICATION_S3_CRR);
                    g_assert_cmpfloat (rep->interval_s, ==, 0);
                  }
              }
            g_assert_true (replicated);
          }
      }
}

/* The compute rules of the table, computed from each example's own numbers. */
static void
test_asg_scaling (void)
{
  for (guint e = 0; e < nines_test_n_examples (); e++)
    for (NinesDrPattern p = NINES_DR_PATTERN_BACKUP_RESTORE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
      {
        g_autoptr(NinesDocument) doc = nines_test_load_example (e);
        g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, p);
        double f = nines_document_get_knob_double (doc, "standby_fraction");

        for (guint i = 0; i < nines_document_get_n_components (doc); i++)
          {
            NinesComponent *c = nines_document_get_component (doc, i);
            g_autofree char *id = NULL;
            const NinesDeployedItem *item;
            gint64 desired;

            if (!g_str_equal (nines_component_get_kind (c), "ec2-asg"))
              continue;
            id = g_strdup_printf ("%s@%s", nines_component_get_id (c), nines_deployment_get_recovery_region (dep));
            item = nines_deployment_lookup_item (dep, id);
            g_assert_nonnull (item);
            desired = nines_component_get_int (c, "desired");
            g_assert_cmpint (nines_component_get_int (item->failover, "desired"), ==, desired);
            g_assert_cmpuint (nines_component_get_n_azs (item->failover), ==, nines_component_get_n_azs (c));

            switch (p)
              {
              case NINES_DR_PATTERN_BACKUP_RESTORE:
                g_assert_cmpint (item->role, ==, NINES_ROLE_ON_RECOVERY);
                break;
              case NINES_DR_PATTERN_PILOT_LIGHT:
                g_assert_cmpint (nines_component_get_int (item->steady, "desired"), ==, 0);
                g_assert_cmpint (nines_component_get_int (item->steady, "min"), ==, 0);
                break;
              case NINES_DR_PATTERN_WARM_STANDBY:
                {
                  gint64 want = MAX ((gint64) ceil (f * desired), (gint64) nines_component_get_n_azs (item->steady));
                  g_assert_cmpint (nines_component_get_int (item->steady, "desired"), ==, want);
                  g_assert_cmpint (nines_component_get_int (item->steady, "desired"), <=, MAX (desired, want));
                  if (f < 1 && desired > 2 * (gint64) nines_component_get_n_azs (item->steady))
                    g_assert_cmpint (nines_component_get_int (item->steady, "desired"), <, desired);
                }
                break;
              case NINES_DR_PATTERN_MULTI_SITE:
                g_assert_cmpint (nines_component_get_int (item->steady, "desired"), ==, desired);
                break;
              case NINES_DR_PATTERN_NONE:
              default:
                g_assert_not_reached ();
              }
          }
      }
}

/* Warm standby and multi-site fail traffic over automatically: health checks for both
 * regions; the manual patterns add no routing. */
static void
test_routing (void)
{
  for (guint e = 0; e < nines_test_n_examples (); e++)
    for (NinesDrPattern p = NINES_DR_PATTERN_BACKUP_RESTORE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
      {
        g_autoptr(NinesDocument) doc = nines_test_load_example (e);
        g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, p);
        gint64 checks = 0;
        guint routing_items = 0;
        gboolean policy_ok = FALSE;

        for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
          {
            const NinesDeployedItem *item = nines_deployment_get_item (dep, i);
            const char *policy;

            if (!g_str_equal (nines_component_get_kind (item->failover), "route53"))
              continue;
            routing_items += item->role == NINES_ROLE_ROUTING;
            checks += nines_component_get_int (item->steady, "health_checks");
            policy = nines_component_get_string (item->steady, "routing_policy");
            policy_ok |= g_str_equal (policy, "failover") || g_str_equal (policy, "latency");
          }
        if (p >= NINES_DR_PATTERN_WARM_STANDBY)
          {
            g_assert_cmpint (checks, >=, 2);
            g_assert_true (policy_ok);
          }
        else
          g_assert_cmpuint (routing_items, ==, 0);
      }
}

/* Knobs drive the transform; a recovery region the document does not list takes the
 * catalog's AZs. */
static void
test_knobs_and_azs (void)
{
  g_autoptr(NinesDocument) doc = nines_test_load_example_named ("storefront");
  g_autoptr(NinesDeployment) full = NULL;
  g_autoptr(NinesDeployment) other = NULL;
  const NinesDeployedItem *item;
  const NinesRegionInfo *info;

  nines_document_set_knob (doc, "standby_fraction", g_variant_new_double (1.0));
  full = nines_deployment_new (doc, NINES_DR_PATTERN_WARM_STANDBY);
  item = nines_deployment_lookup_item (full, "web@ca-central-1");
  g_assert_cmpint (nines_component_get_int (item->steady, "desired"), ==,
                   nines_component_get_int (nines_document_lookup_component (doc, "web"), "desired"));

  nines_document_set_dr (doc, NINES_DR_PATTERN_WARM_STANDBY, "us-west-2");
  other = nines_deployment_new (doc, NINES_DR_PATTERN_WARM_STANDBY);
  item = nines_deployment_lookup_item (other, "web@us-west-2");
  g_assert_nonnull (item);
  info = nines_catalog_lookup_region (nines_catalog_get_default (), "us-west-2");
  g_assert_cmpstr (nines_component_get_azs (item->steady)[0], ==, info->azs[0]);
  g_assert_cmpstr (nines_component_get_azs (item->steady)[2], ==, info->azs[2]);

  /* Lifecycle: a non-critical bucket keeps lifecycle_days of new data only. */
  {
    g_autoptr(NinesDocument) news = nines_test_load_example_named ("newsroom");
    g_autoptr(NinesDeployment) dep = nines_deployment_new (news, NINES_DR_PATTERN_PILOT_LIGHT);
    NinesComponent *images = nines_document_lookup_component (news, "images");
    double days = nines_document_get_knob_double (news, "lifecycle_days");
    const NinesDeployedItem *replica = nines_deployment_lookup_item (dep, "images@us-west-2");

    g_assert_cmpfloat_with_epsilon (nines_component_get_double (replica->steady, "storage_gb"),
                                    nines_component_get_double (images, "new_gb_per_month") * days / 30.0, 1e-9);
    g_assert_cmpint (nines_component_get_int (replica->steady, "lifecycle_days"), ==, (gint64) days);
    replica = nines_deployment_lookup_item (dep, "assets@us-west-2");
    g_assert_cmpfloat (nines_component_get_double (replica->steady, "storage_gb"), ==,
                       nines_component_get_double (nines_document_lookup_component (news, "assets"), "storage_gb"));
  }
}

/* Billed by the hour or the month whatever the traffic (not by use). */
static gboolean
is_fixed_unit (const char *unit)
{
  static const char *const fixed[] = { "Hrs", "GB-Mo", "HostedZone", "Health-Check", "Alarms" };

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (g_str_equal (unit, fixed[i]))
      return TRUE;
  return FALSE;
}

static double
steady_cost (NinesDeployment *dep,
             double          *backup_plan,
             double          *standby_usage,
             double          *replication,
             double          *failover)
{
  g_autoptr(NinesCostEstimate) estimate = nines_cost_model_estimate (dep, NULL);
  NinesCostTotal total;

  *backup_plan = 0;
  *standby_usage = 0;
  *replication = 0;
  for (guint i = 0; i < nines_cost_estimate_get_n_lines (estimate); i++)
    {
      const NinesCostLine *line = nines_cost_estimate_get_line (estimate, i);
      const NinesDeployedItem *item = nines_deployment_lookup_item (dep, line->item_id);

      /* The backup plan's lines: AWS Backup storage and copy transfer, snapshot copies
       * and their transfer. */
      if (line->state == NINES_COST_STEADY && g_str_equal (line->kind, "replication") &&
          (g_str_equal (line->service, "AWSBackup") || strstr (line->usage, "backup-storage") != NULL ||
           g_str_has_prefix (line->what, "Snapshot copy")))
        *backup_plan += line->monthly_usd;
      if (line->state == NINES_COST_STEADY && item != NULL && item->role == NINES_ROLE_STANDBY &&
          !line->missing && !is_fixed_unit (line->unit))
        *standby_usage += line->monthly_usd;
      if (line->state == NINES_COST_STEADY && g_str_equal (line->kind, "replication"))
        *replication += line->monthly_usd;
    }
  nines_cost_estimate_get_total (estimate, NINES_COST_FAILOVER, &total);
  *failover = total.total_usd;
  nines_cost_estimate_get_total (estimate, NINES_COST_STEADY, &total);
  return total.total_usd;
}

/* The seed: "costs increase as the required speed of recovery increases". Steady cost
 * rises from no DR through backup & restore, pilot light and warm standby: each keeps
 * what the one before keeps (pilot light and up keep the backup & restore plan beside
 * their replicas: the seed's "similar costs to backup and restore, with the added cost
 * of however much data is in your database") and adds to it. Multi-site is dearer than
 * warm standby unless warm standby's idle extras outweigh the second region's
 * provisioned capacity (see below). While failed over, the recovery region runs at full
 * size, so no pattern costs less than in steady state. */
static void
test_cost_order (void)
{
  for (guint e = 0; e < nines_test_n_examples (); e++)
    {
      g_autoptr(NinesDocument) doc = nines_test_load_example (e);
      double cost[NINES_N_DR_PATTERNS], failover[NINES_N_DR_PATTERNS], backups[NINES_N_DR_PATTERNS];
      double usage[NINES_N_DR_PATTERNS], replication[NINES_N_DR_PATTERNS];

      for (NinesDrPattern p = NINES_DR_PATTERN_NONE; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
        {
          g_autoptr(NinesDeployment) dep = nines_deployment_new (doc, p);

          cost[p] = steady_cost (dep, &backups[p], &usage[p], &replication[p], &failover[p]);
          g_test_message ("%s %s: steady %.2f USD/month, failed over %.2f (backup plan %.2f, "
                          "standby usage-billed %.2f)",
                          nines_document_get_name (doc), nines_dr_pattern_to_string (p),
                          cost[p], failover[p], backups[p], usage[p]);
        }
      g_assert_cmpfloat (cost[NINES_DR_PATTERN_NONE], <, cost[NINES_DR_PATTERN_BACKUP_RESTORE]);
      g_assert_cmpfloat (cost[NINES_DR_PATTERN_BACKUP_RESTORE], <, cost[NINES_DR_PATTERN_PILOT_LIGHT]);
      g_assert_cmpfloat (cost[NINES_DR_PATTERN_PILOT_LIGHT], <, cost[NINES_DR_PATTERN_WARM_STANDBY]);
      /* The backup plan's lines are the same in every pattern that keeps it. */
      for (NinesDrPattern p = NINES_DR_PATTERN_PILOT_LIGHT; p <= NINES_DR_PATTERN_MULTI_SITE; p++)
        g_assert_cmpfloat_with_epsilon (backups[p], backups[NINES_DR_PATTERN_BACKUP_RESTORE], 1e-6);
      /* Multi-site splits the usage-billed dimensions (requests, LCUs, data processed,
       * events) between the regions by the traffic each serves (knob
       * multi_site_primary_share): it pays for its traffic once, plus a full second
       * region of provisioned capacity. Warm standby pays the primary's full usage plus
       * what its idle standby uses. For a design with no provisioned compute (the ledger:
       * Lambda, SQS, DynamoDB on demand) the second region costs multi-site nothing but
       * its storage and replicated writes, which warm standby pays too, so warm standby's
       * idle usage (its standby's GuardDuty baseline) can make it the dearer one. Without
       * that idle usage, multi-site always costs more. */
      g_assert_cmpfloat (cost[NINES_DR_PATTERN_WARM_STANDBY] - usage[NINES_DR_PATTERN_WARM_STANDBY], <,
                         cost[NINES_DR_PATTERN_MULTI_SITE]);
      /* Failed over, what the steady state pays only because both regions run stops:
       * replication (the source region is down), the idle standby's own usage, and the
       * failed region's usage (it serves nothing; its resources still bill). What is
       * left of the steady cost is less than the failed-over rate, where the recovery
       * region runs at full size. For a serverless design (the ledger) that full size
       * costs no more than the usage it moves, so the failed-over rate can be below the
       * steady one by exactly those lines. */
      for (NinesDrPattern p = NINES_DR_PATTERN_BACKUP_RESTORE; p <= NINES_DR_PATTERN_WARM_STANDBY; p++)
        g_assert_cmpfloat (failover[p], >, cost[p] - usage[p] - replication[p]);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/nines/model/patterns/none", test_none_is_the_design);
  g_test_add_func ("/nines/model/patterns/data-stores", test_data_stores_leave_the_region);
  g_test_add_func ("/nines/model/patterns/asg-scaling", test_asg_scaling);
  g_test_add_func ("/nines/model/patterns/routing", test_routing);
  g_test_add_func ("/nines/model/patterns/knobs-and-azs", test_knobs_and_azs);
  g_test_add_func ("/nines/model/patterns/cost-order", test_cost_order);
  return g_test_run ();
}
