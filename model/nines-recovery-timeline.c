/* nines-recovery-timeline.c: the steps of recovering from the loss of the primary region,
 * per pattern, with their durations, sources and dependencies (DESIGN.md section 5). */
#define G_LOG_DOMAIN "nines-recovery"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-recovery-private.h"

/* Route 53 propagates record changes to all its authoritative servers generally within
 * 60 seconds (Route 53 Developer Guide, "ChangeResourceRecordSets": the change status turns
 * INSYNC). */
#define R53_PROPAGATION_S      60.0
#define R53_PROPAGATION_SOURCE N_("Route 53 record changes reach all authoritative servers generally " \
                                  "within 60 s (Route 53 API Reference, ChangeResourceRecordSets)")
/* Route 53 is a global service whose control plane runs in us-east-1; its data plane
 * (DNS answers, health checks) is in every edge location (AWS whitepaper "AWS Fault
 * Isolation Boundaries", global services). Changing records is a control-plane action. */
#define R53_CONTROL_PLANE      "us-east-1"
/* Promoting an RDS read replica takes "a few minutes" (RDS User Guide, "Promoting a read
 * replica to be a standalone DB instance"); taken as 3 minutes. */
#define RDS_PROMOTE_S          (3 * 60.0)
#define RDS_PROMOTE_SOURCE     N_("read replica promotion takes a few minutes (RDS User Guide, " \
                                  "\"Promoting a read replica\"), taken as 3 min")
/* Aurora Global Database: cross-region failover with an RTO typically under a minute
 * (Aurora User Guide, "Using Amazon Aurora Global Database": recovery from a region-wide
 * outage; Aurora Global Database product page "RTO of less than 1 minute"). */
#define AURORA_FAILOVER_S      60.0
#define AURORA_FAILOVER_SOURCE N_("Aurora Global Database cross-region failover: RTO typically under " \
                                  "1 minute (Aurora User Guide, \"Using Amazon Aurora Global Database\")")
/* EFS replication failover: deleting the replication configuration makes the destination
 * writable; it takes "a few minutes" (EFS User Guide, "Failing over to a replica file
 * system"), taken as 5 minutes. */
#define EFS_FAILOVER_S         (5 * 60.0)
#define EFS_FAILOVER_SOURCE    N_("deleting the EFS replication makes the replica writable in a few " \
                                  "minutes (EFS User Guide, \"Amazon EFS replication\"), taken as 5 min")

typedef struct
{
  NinesRecovery *self;
  NinesDocument *document;
  NinesDrPattern pattern;
  const char    *primary;
  const char    *recovery;
  int            detect;
  int            trigger;      /* what recovery actions wait for: detection or a decision */
  int            provision;    /* -1 when nothing is created on recovery */
  GArray        *ready;        /* of int: steps the manual traffic switch waits for */
  gboolean       has_cache;
  /* Knob values and their cited sources, read once: a step per component uses them. */
  double         boot_s;
  const char    *boot_source;       /* the recovery's strings */
  double         restore_mb_per_s;
  const char    *restore_source;
  /* Translations of the per-step texts, looked up once per timeline. */
  guint          n_tr;
  const char    *msgid[32];
  const char    *text[32];
} Build;

static const char *tr (Build      *b,
                       const char *msgid) G_GNUC_FORMAT (2);

/* @msgid translated once per timeline: a step per data store or group translates the
 * same few texts, and gettext costs hundreds of instructions a call. */
static const char *
tr (Build      *b,
    const char *msgid)
{
  const char *text;

  for (guint i = 0; i < b->n_tr; i++)
    if (b->msgid[i] == msgid)
      return b->text[i];
  text = g_dgettext (GETTEXT_PACKAGE, msgid);
  if (b->n_tr < G_N_ELEMENTS (b->msgid))
    {
      b->msgid[b->n_tr] = msgid;
      b->text[b->n_tr++] = text;
    }
  return text;
}

static double
knob_s (Build      *b,
        const char *knob,
        double      unit_s)
{
  return nines_document_get_knob_double (b->document, knob) * unit_s;
}

/* @label and @source: the recovery's strings (rprintf(), knob_source()) or static ones. */
static int
add (Build         *b,
     NinesStepKind  kind,
     const char    *id,
     const char    *item_id,
     double         duration_s,
     const char    *control_plane,
     const char    *label,
     const char    *source,
     const int     *deps,
     guint          n_deps)
{
  return (int) _nines_recovery_add_step (b->self, kind, id, item_id, duration_s, control_plane,
                                         label, source, deps, n_deps);
}

#define rprintf(b, ...) _nines_recovery_printf ((b)->self, __VA_ARGS__)

/* "@prefix:@id" in @buf, or in *@heap (freed by the caller) when it does not fit. */
static const char *
step_id (char        *buf,
         gsize        size,
         const char  *prefix,
         const char  *id,
         char       **heap)
{
  gsize np = strlen (prefix), ni = strlen (id);

  /* Thousands of ids: joined by hand, printf costs ten times as much. */
  if (np + 1 + ni < size)
    {
      memcpy (buf, prefix, np);
      buf[np] = ':';
      memcpy (buf + np + 1, id, ni + 1);
      return buf;
    }
  *heap = g_strconcat (prefix, ":", id, NULL);
  return *heap;
}

/* The knob's cited source, kept by the recovery. */
static const char *
knob_source (Build      *b,
             const char *knob)
{
  g_autofree char *text = _nines_recovery_knob_source (b->document, knob);

  return _nines_recovery_dup (b->self, text);
}

static gboolean
has_health_checked_routing (NinesRecovery *self,
                            gboolean      *routed)
{
  NinesDeployment *dep = self->deployment;
  gboolean checks = FALSE;

  *routed = FALSE;
  for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
    {
      const NinesDeployedItem *item = nines_deployment_get_item (dep, i);
      const NinesComponentFacts *facts;

      /* Route 53 is global: skip regional items without looking further. */
      if (item->region != NULL || item->steady == NULL ||
          !(facts = _nines_recovery_item_facts (self, i, FALSE)) || !_nines_kind_is (facts->kind, "route53"))
        continue;
      checks |= facts->health_checked;
      *routed |= facts->routed;
    }
  return checks;
}

static void
add_detection (Build    *b,
               gboolean  automated)
{
  if (automated)
    {
      double interval = nines_document_get_knob_double (b->document, "health_check_interval_s");
      double threshold = nines_document_get_knob_double (b->document, "health_check_threshold");
      g_autofree char *a = _nines_recovery_knob_source (b->document, "health_check_interval_s");
      g_autofree char *t = _nines_recovery_knob_source (b->document, "health_check_threshold");

      b->detect = add (b, NINES_STEP_DETECT, "detect", NULL, interval * threshold, NULL,
                       _("Route 53 health checks fail (interval × failure threshold)"),
                       rprintf (b, "%s + %s", a, t), NULL, 0);
    }
  else
    b->detect = add (b, NINES_STEP_DETECT, "detect", NULL, knob_s (b, "detection_minutes", 60), NULL,
                     _("An alarm fires and the on-call engineer acknowledges it"),
                     knob_source (b, "detection_minutes"), NULL, 0);
}

/* The data and compute steps (one per store or group) translate their texts once per
 * timeline: _() is tr() on their Build `b` down to add_compute_steps(). */
#undef _
#define _(msgid) tr (b, (msgid))

static void
add_data_step (Build                  *b,
               const NinesReplication *r,
               guint                   index)
{
  const NinesDeployedItem *target;
  NinesComponent *source;
  NinesComponentFacts read_now;
  const NinesComponentFacts *facts;
  char buf[256];
  g_autofree char *heap = NULL;
  const char *id;
  guint drawn;
  int after = b->trigger;
  int step = -1;

  _nines_deployment_get_replication_ends (b->self->deployment, index, &drawn, &source, &target);
  if (target == NULL || source == NULL)
    return;
  /* The source's facts through its drawn item, or read now where it is not one. */
  facts = drawn != G_MAXUINT ? _nines_recovery_item_facts (b->self, drawn, FALSE) : NULL;
  if (facts == NULL)
    {
      memset (&read_now, 0, sizeof read_now);
      read_now.kind = nines_component_get_kind (source);
      if (r->kind == NINES_REPLICATION_BACKUP_COPY)
        read_now.storage_gb = nines_component_get_double (source, "storage_gb");
      facts = &read_now;
    }
  if (_nines_kind_is (facts->kind, "ci-server"))
    return;
  id = step_id (buf, sizeof buf, "data", r->source_id, &heap);

  switch (r->kind)
    {
    case NINES_REPLICATION_BACKUP_COPY:
      {
        double gb = facts->storage_gb;
        double rate;

        if (b->restore_source == NULL)
          {
            g_autofree char *knob = _nines_recovery_knob_source (b->document, "restore_mb_per_s");

            b->restore_mb_per_s = nines_document_get_knob_double (b->document, "restore_mb_per_s");
            b->restore_source = rprintf (b, _("stored size / restore throughput; %s"), knob);
          }
        rate = b->restore_mb_per_s;

        if (b->provision >= 0)
          after = b->provision;
        step = add (b, NINES_STEP_DATA, id, r->target_id, gb * 1024.0 / rate, b->recovery,
                    rprintf (b, _("Restore %s (%.0f GB) from the latest copied backup"),
                             r->source_id, gb),
                    b->restore_source, &after, 1);
      }
      break;

    case NINES_REPLICATION_RDS_REPLICA:
      step = add (b, NINES_STEP_DATA, id, r->target_id, RDS_PROMOTE_S, b->recovery,
                  rprintf (b, _("Promote the read replica %s to a standalone primary"), r->target_id),
                  _(RDS_PROMOTE_SOURCE), &after, 1);
      break;

    case NINES_REPLICATION_AURORA_GLOBAL:
      if (target->headless)
        {
          g_autofree char *add_id = g_strdup_printf ("data:%s:instance", r->source_id);

          after = add (b, NINES_STEP_DATA, add_id, r->target_id,
                       knob_s (b, "db_create_minutes", 60), b->recovery,
                       rprintf (b, _("Add a writer instance to the headless cluster %s"), r->target_id),
                       knob_source (b, "db_create_minutes"), &after, 1);
        }
      step = add (b, NINES_STEP_DATA, id, r->target_id, AURORA_FAILOVER_S, b->recovery,
                  rprintf (b, _("Fail the global database over to %s"), r->target_id),
                  _(AURORA_FAILOVER_SOURCE), &after, 1);
      break;

    case NINES_REPLICATION_DDB_GLOBAL:
      step = add (b, NINES_STEP_DATA, id, r->target_id, 0, NULL,
                  rprintf (b, _("Writes go to the global table replica %s"), r->target_id),
                  _("global tables are multi-active: every replica takes writes, nothing "
                    "to promote (DynamoDB Developer Guide, \"Global tables\")"), &after, 1);
      break;

    case NINES_REPLICATION_S3_CRR:
      step = add (b, NINES_STEP_DATA, id, r->target_id, 0, NULL,
                  rprintf (b, _("Serve objects from the replica bucket %s"), r->target_id),
                  _("the replica bucket is readable as soon as it exists (S3 User Guide, "
                    "\"Replicating objects\")"), &after, 1);
      break;

    case NINES_REPLICATION_EFS:
      step = add (b, NINES_STEP_DATA, id, r->target_id, EFS_FAILOVER_S, b->recovery,
                  rprintf (b, _("Make the replica file system %s writable"), r->target_id),
                  _(EFS_FAILOVER_SOURCE), &after, 1);
      break;

    case NINES_REPLICATION_AMI_COPY:
    default:
      return;
    }
  g_array_append_val (b->ready, step);
}

static void
add_compute_steps (Build                   *b,
                   const NinesDeployedItem *item,
                   guint                    index)
{
  const NinesComponentFacts *failover = _nines_recovery_item_facts (b->self, index, TRUE);
  const NinesComponentFacts *steady_facts = _nines_recovery_item_facts (b->self, index, FALSE);
  const char *kind = failover->kind;
  char buf[256];
  g_autofree char *heap = NULL;
  const char *id;
  gint64 steady, full;
  int after;
  int step;

  if (_nines_kind_is (kind, "elasticache"))
    b->has_cache |= item->role == NINES_ROLE_STANDBY && steady_facts != NULL &&
                    steady_facts->size < failover->size;   /* nodes */
  if (!_nines_kind_is (kind, "ec2-asg"))
    return;

  full = failover->size;   /* desired instances */
  steady = steady_facts ? steady_facts->size : 0;
  if (steady >= full)
    return;

  id = step_id (buf, sizeof buf, "compute", item->source_id, &heap);
  if (b->boot_source == NULL)
    {
      b->boot_s = knob_s (b, "boot_minutes", 60);
      b->boot_source = knob_source (b, "boot_minutes");
    }
  if (steady == 0)
    {
      /* Nothing serves until instances boot: recovery waits for them. */
      after = b->provision >= 0 ? b->provision : b->trigger;
      step = add (b, NINES_STEP_COMPUTE, id, item->id, b->boot_s, b->recovery,
                  item->role == NINES_ROLE_ON_RECOVERY
                  ? rprintf (b, g_dngettext (GETTEXT_PACKAGE,
                                                  "Create %s from the copied AMI and launch "
                                                  "%lld instance",
                                                  "Create %s from the copied AMI and launch "
                                                  "%lld instances", (gulong) full),
                                     item->id, (long long) full)
                  : rprintf (b, g_dngettext (GETTEXT_PACKAGE,
                                                  "Scale %s from 0 to %lld instance",
                                                  "Scale %s from 0 to %lld instances",
                                                  (gulong) full),
                                     item->id, (long long) full),
                  b->boot_source, &after, 1);
      g_array_append_val (b->ready, step);
    }
  else
    {
      /* Warm standby: it serves at once at the standby size and scales out meanwhile. */
      after = b->detect;
      add (b, NINES_STEP_COMPUTE, id, item->id, b->boot_s, b->recovery,
           rprintf (b, g_dngettext (GETTEXT_PACKAGE, "Scale %s out from %lld to %lld instance",
                                         "Scale %s out from %lld to %lld instances", (gulong) full),
                            item->id, (long long) steady, (long long) full),
           b->boot_source, &after, 1);
    }
}

#undef _
#define _(String) ((char *) g_dgettext (GETTEXT_PACKAGE, String))

static void
build_no_recovery (Build *b)
{
  double hours = nines_document_get_knob_double (b->document, "region_outage_hours");

  add (b, NINES_STEP_WAIT, "wait", NULL, hours * 3600.0, b->primary,
       rprintf (b, _("Nothing to fail over to: wait for AWS to restore %s"),
                b->primary ? b->primary : _("the primary region")),
       knob_source (b, "region_outage_hours"), &b->detect, 1);
}

void
_nines_recovery_build_steps (NinesRecovery *self)
{
  NinesDeployment *dep = self->deployment;
  Build b = { 0 };
  gboolean routed = FALSE;
  gboolean checks;
  g_autoptr(GArray) ready = g_array_new (FALSE, FALSE, sizeof (int));
  int traffic;

  b.self = self;
  b.document = nines_deployment_get_document (dep);
  b.pattern = nines_deployment_get_pattern (dep);
  b.primary = nines_deployment_get_primary_region (dep);
  b.recovery = nines_deployment_get_recovery_region (dep);
  b.provision = -1;
  b.ready = ready;

  checks = has_health_checked_routing (self, &routed);
  add_detection (&b, checks);
  if (b.pattern == NINES_DR_PATTERN_NONE || b.recovery == NULL || g_str_equal (b.recovery, b.primary))
    {
      build_no_recovery (&b);
      return;
    }

  /* Warm standby and multi-site fail over on health checks with no one deciding. */
  self->automated = checks && routed && b.pattern >= NINES_DR_PATTERN_WARM_STANDBY;
  b.trigger = b.detect;
  if (!self->automated)
    b.trigger = add (&b, NINES_STEP_DECIDE, "decide", NULL, knob_s (&b, "decision_minutes", 60), NULL,
                     _("Someone declares a disaster and starts the runbook"),
                     knob_source (&b, "decision_minutes"), &b.detect, 1);

  for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
    {
      const NinesDeployedItem *item = nines_deployment_get_item (dep, i);

      if (item->added && item->role == NINES_ROLE_ON_RECOVERY && item->failover != NULL &&
          !_nines_kind_is (_nines_recovery_item_facts (self, i, TRUE)->kind, "ci-server"))
        {
          b.provision = add (&b, NINES_STEP_PROVISION, "provision", NULL, knob_s (&b, "provision_minutes", 60),
                             b.recovery,
                             rprintf (&b, _("Create the recovery stack in %s (network, load balancers, "
                                            "groups, functions)"), b.recovery),
                             knob_source (&b, "provision_minutes"), &b.trigger, 1);
          break;
        }
    }

  for (guint i = 0; i < nines_deployment_get_n_replications (dep); i++)
    {
      const NinesReplication *r = nines_deployment_get_replication (dep, i);

      _nines_deployment_prefetch_replication (dep, i);
      /* A backup plan kept beside a replica is not how the store fails over. */
      if (_nines_same_region (r->from_region, b.primary) && !r->alongside)
        add_data_step (&b, r, i);
    }
  for (guint i = 0; i < nines_deployment_get_n_items (dep); i++)
    {
      const NinesDeployedItem *item = nines_deployment_get_item (dep, i);

      if (i + 8 < nines_deployment_get_n_items (dep))
        __builtin_prefetch (nines_deployment_get_item (dep, i + 8));
      if (item->added && item->failover != NULL && _nines_same_region (item->region, b.recovery))
        add_compute_steps (&b, item, i);
    }

  if (self->automated)
    traffic = add (&b, NINES_STEP_TRAFFIC, "traffic", NULL, knob_s (&b, "dns_ttl_s", 1), NULL,
                   _("Route 53 answers with the recovery region; resolvers drop the old "
                     "answer when its TTL expires"),
                   knob_source (&b, "dns_ttl_s"), &b.detect, 1);
  else
    {
      g_autofree char *ttl = _nines_recovery_knob_source (b.document, "dns_ttl_s");

      /* The switch waits for the recovery stack to be ready, then for the change to
       * propagate and the old answer to expire. */
      g_array_append_val (ready, b.provision);
      g_array_append_val (ready, b.trigger);
      traffic = add (&b, NINES_STEP_TRAFFIC, "traffic", NULL,
                     R53_PROPAGATION_S + knob_s (&b, "dns_ttl_s", 1), R53_CONTROL_PLANE,
                     _("Change the Route 53 records by hand to the recovery region"),
                     rprintf (&b, "%s + %s", _(R53_PROPAGATION_SOURCE), ttl),
                     (const int *) ready->data, ready->len);
    }

  /* Fresh instances and caches start cold: the seed's "sluggish for another few minutes". */
  if (b.pattern <= NINES_DR_PATTERN_PILOT_LIGHT || b.has_cache)
    add (&b, NINES_STEP_WARM, "warm", NULL, knob_s (&b, "cache_warm_minutes", 60), NULL,
         _("Caches warm up under real traffic"),
         knob_source (&b, "cache_warm_minutes"), &traffic, 1);
}
