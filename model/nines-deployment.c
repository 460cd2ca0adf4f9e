/* nines-deployment.c: the deployment container; the patterns that fill it are in
 * nines-dr-patterns.c */
#define G_LOG_DOMAIN "nines-deployment"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-model-private.h"

struct _NinesDeployment
{
  gatomicrefcount  ref_count;
  NinesDocument   *document;
  NinesDrPattern   pattern;
  char            *primary_region;
  char            *recovery_region;
  GPtrArray       *items;          /* of NinesDeployedItem */
  GHashTable      *items_by_id;
  GPtrArray       *replications;   /* of NinesReplication */
};

G_DEFINE_BOXED_TYPE (NinesDeployment, nines_deployment, nines_deployment_ref, nines_deployment_unref)

static const char *role_ids[] = { "primary", "standby", "replica", "backup-copy", "routing", "on-recovery" };

const char *
nines_deploy_role_to_string (NinesDeployRole role)
{
  g_return_val_if_fail (role <= NINES_ROLE_ON_RECOVERY, NULL);
  return role_ids[role];
}

const char *
nines_deploy_role_get_label (NinesDeployRole role)
{
  switch (role)
    {
    case NINES_ROLE_PRIMARY: return _("primary");
    case NINES_ROLE_STANDBY: return _("standby");
    case NINES_ROLE_REPLICA: return _("replica");
    case NINES_ROLE_BACKUP_COPY: return _("backup copy");
    case NINES_ROLE_ROUTING: return _("routing");
    case NINES_ROLE_ON_RECOVERY: return _("on recovery");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
nines_replication_kind_to_string (NinesReplicationKind kind)
{
  static const char *ids[] = { "backup-copy", "ami-copy", "s3-crr", "rds-replica",
                               "aurora-global", "dynamodb-global", "efs-replication" };
  g_return_val_if_fail (kind <= NINES_REPLICATION_EFS, NULL);
  return ids[kind];
}

static void
item_free (NinesDeployedItem *item)
{
  g_free (item->id);
  g_free (item->source_id);
  g_free (item->region);
  g_clear_object (&item->steady);
  g_clear_object (&item->failover);
  g_free (item->note);
  g_free (item);
}

static void
replication_free (NinesReplication *r)
{
  g_free (r->source_id);
  g_free (r->target_id);
  g_free (r->from_region);
  g_free (r->to_region);
  g_free (r->source);
  g_free (r);
}

NinesDeployment *
_nines_deployment_new_empty (NinesDocument  *document,
                             NinesDrPattern  pattern)
{
  NinesDeployment *self = g_new0 (NinesDeployment, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->document = g_object_ref (document);
  self->pattern = pattern;
  self->primary_region = g_strdup (nines_document_get_primary_region (document));
  self->recovery_region = pattern == NINES_DR_PATTERN_NONE
    ? NULL : g_strdup (nines_document_get_recovery_region (document));
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->items_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->replications = g_ptr_array_new_with_free_func ((GDestroyNotify) replication_free);
  return self;
}

NinesDeployedItem *
_nines_deployment_add_item (NinesDeployment *self,
                            const char      *id,
                            const char      *source_id,
                            NinesDeployRole  role,
                            gboolean         added,
                            const char      *region,
                            NinesComponent  *steady,
                            NinesComponent  *failover,
                            const char      *note)
{
  NinesDeployedItem *item = g_new0 (NinesDeployedItem, 1);

  item->id = g_strdup (id);
  item->source_id = g_strdup (source_id);
  item->role = role;
  item->added = added;
  item->region = g_strdup (region);
  item->steady = steady ? g_object_ref (steady) : NULL;
  item->failover = failover ? g_object_ref (failover) : NULL;
  item->note = g_strdup (note);
  g_ptr_array_add (self->items, item);
  g_hash_table_insert (self->items_by_id, item->id, item);
  return item;
}

NinesReplication *
_nines_deployment_add_replication (NinesDeployment      *self,
                                   const char           *source_id,
                                   const char           *target_id,
                                   NinesReplicationKind  kind,
                                   const char           *from_region,
                                   const char           *to_region)
{
  NinesReplication *r = g_new0 (NinesReplication, 1);

  r->source_id = g_strdup (source_id);
  r->target_id = g_strdup (target_id);
  r->kind = kind;
  r->from_region = g_strdup (from_region);
  r->to_region = g_strdup (to_region);
  g_ptr_array_add (self->replications, r);
  return r;
}

NinesDeployment *
nines_deployment_ref (NinesDeployment *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nines_deployment_unref (NinesDeployment *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->document);
  g_free (self->primary_region);
  g_free (self->recovery_region);
  g_hash_table_unref (self->items_by_id);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->replications);
  g_free (self);
}

NinesDocument *
nines_deployment_get_document (NinesDeployment *self)
{
  return self->document;
}

NinesDrPattern
nines_deployment_get_pattern (NinesDeployment *self)
{
  return self->pattern;
}

const char *
nines_deployment_get_primary_region (NinesDeployment *self)
{
  return self->primary_region;
}

const char *
nines_deployment_get_recovery_region (NinesDeployment *self)
{
  return self->recovery_region;
}

guint
nines_deployment_get_n_items (NinesDeployment *self)
{
  return self->items->len;
}

const NinesDeployedItem *
nines_deployment_get_item (NinesDeployment *self,
                           guint            i)
{
  g_return_val_if_fail (i < self->items->len, NULL);
  return g_ptr_array_index (self->items, i);
}

const NinesDeployedItem *
nines_deployment_lookup_item (NinesDeployment *self,
                              const char      *id)
{
  return g_hash_table_lookup (self->items_by_id, id);
}

guint
nines_deployment_get_n_replications (NinesDeployment *self)
{
  return self->replications->len;
}

const NinesReplication *
nines_deployment_get_replication (NinesDeployment *self,
                                  guint            i)
{
  g_return_val_if_fail (i < self->replications->len, NULL);
  return g_ptr_array_index (self->replications, i);
}
