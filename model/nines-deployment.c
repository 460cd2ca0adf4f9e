/* nines-deployment.c: the deployment container; the patterns that fill it are in
 * nines-dr-patterns.c */
#define G_LOG_DOMAIN "nines-deployment"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-model-private.h"

/* Items by id, open addressing (n_slots a power of two, at most half full). */
typedef struct
{
  gsize              n_slots;
  guint              n_items;      /* the items it was built from */
  NinesDeployedItem *slot[];
} ItemIndex;

struct _NinesDeployment
{
  gatomicrefcount  ref_count;
  NinesDocument   *document;
  GPtrArray       *components;     /* the document's, shared: the drawn items' components */
  NinesDrPattern   pattern;
  const char      *primary_region;    /* interned, like every region in it */
  const char      *recovery_region;
  GPtrArray       *items;          /* of NinesDeployedItem, allocated in blocks */
  GPtrArray       *item_blocks;
  guint            block_used;     /* items used in the last block */
  ItemIndex       *index;          /* by id: built at the first lookup (atomic) */
  GPtrArray       *replications;   /* of NinesReplication */
  GPtrArray       *own_replications; /* those of @replications it allocated (owned) */
  GStringChunk    *strings;        /* the items' and replications' ids, regions and notes */
  GPtrArray       *fragments;      /* of NinesDeployFragment: the items and replications
                                    * it reuses from an earlier build (owned by them) */
  NinesDeployFragment *recording;  /* where items and replications go while a rule works */
  guint            n_drawn;        /* the first items: the document's components, in order */
  const char      *last_region;    /* the last region interned for an item or replication */
  const char      *last_note_in;   /* the last note given, and its copy */
  const char      *last_note;
  guint            current_drawn;  /* the drawn item the pattern rules are working on */
  GArray          *drawn_items;    /* of guint pairs: per drawn item, the items its rule added */
  GArray          *ends;           /* of ReplicationEnds, one per replication */
  gboolean         ends_resolved;  /* no item or replication added since they were */
};

/* What a replication connects, resolved once when the deployment is built so the later
 * stages need no id lookups (hash probes that miss the cache at 10,000 components). */
typedef struct
{
  guint                    drawn;    /* index of the drawn source, G_MAXUINT if not drawn */
  NinesComponent          *source;   /* the drawn component it copies, or NULL */
  const NinesDeployedItem *target;   /* the item receiving the copy, or NULL */
} ReplicationEnds;

/* What the pattern rule of one drawn component added: its items and replications,
 * with their strings. Immutable once recorded and shared by every deployment built from
 * the same component revision in the same context (nines-dr-patterns.c keeps them). */
struct _NinesDeployFragment
{
  gatomicrefcount  ref_count;
  NinesComponent  *component;     /* the drawn component it was made from */
  guint64          revision;      /* @component's revision then */
  guint            generation;    /* the cache's last build that used it */
  GPtrArray       *items;         /* of NinesDeployedItem (owned) */
  GPtrArray       *replications;  /* of NinesReplication (owned) */
  GByteArray      *from_drawn;    /* per replication: 1 when its source is @component */
  GStringChunk    *strings;
  /* What a replay reads, laid out when recording ends: one block (in the fragment itself
   * for the usual few), not three arrays reached through three more pointers. */
  guint            n_items;
  guint            n_replications;
  gpointer        *flat;          /* the items, then the replications */
  guint8          *own;           /* from_drawn's bytes */
  gpointer         inline_flat[6];
  guint8           inline_own[8];
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

#define ITEMS_PER_BLOCK 256

static void
item_clear (NinesDeployedItem *item)
{
  /* One reference for both states when they are the same component (as most are). */
  if (item->failover == item->steady)
    item->failover = NULL;
  g_clear_object (&item->steady);
  g_clear_object (&item->failover);
}

/* Thousands of items: allocated a block at a time, not one by one (a fragment's few,
 * one by one). */
static NinesDeployedItem *
item_alloc (NinesDeployment *self)
{
  if (self->recording != NULL)
    {
      NinesDeployedItem *item = g_new0 (NinesDeployedItem, 1);

      g_ptr_array_add (self->recording->items, item);
      return item;
    }
  if (self->item_blocks->len == 0 || self->block_used == ITEMS_PER_BLOCK)
    {
      g_ptr_array_add (self->item_blocks, g_new0 (NinesDeployedItem, ITEMS_PER_BLOCK));
      self->block_used = 0;
    }
  return (NinesDeployedItem *) g_ptr_array_index (self->item_blocks, self->item_blocks->len - 1)
         + self->block_used++;
}

/* Asks the cache for what a loop over the replications reads a few ahead of @i: the
 * replication eight on, its source component and receiving item four on (their addresses
 * are in the ends array). Replications, components and items of a large design are
 * spread over megabytes. */
void
_nines_deployment_prefetch_replication (NinesDeployment *self,
                                        guint            i)
{
  guint n = self->replications->len;

  if (i + 8 < n)
    __builtin_prefetch (g_ptr_array_index (self->replications, i + 8));
  if (i + 4 < n && self->ends_resolved)
    {
      const ReplicationEnds *e = &g_array_index (self->ends, ReplicationEnds, i + 4);

      if (e->source != NULL)
        __builtin_prefetch (e->source);
      if (e->target != NULL)
        __builtin_prefetch (e->target);
    }
}

/* Notes the revisions of @item's components as they are now: made, they no longer change
 * (a rule's copies are the fragment's; a drawn item is its component at this build). */
static void
note_revisions (NinesDeployedItem *item)
{
  item->steady_revision = item->steady ? _nines_component_get_revision (item->steady) : 0;
  item->failover_revision = item->failover ? _nines_component_get_revision (item->failover) : 0;
  item->revisions_known = TRUE;
}

/* Notes the revisions of the items added from @first on (by a rule run outside a
 * fragment). */
void
_nines_deployment_note_revisions (NinesDeployment *self,
                                  guint            first)
{
  for (guint i = first; i < self->items->len; i++)
    note_revisions (g_ptr_array_index (self->items, i));
}

static guint32
id_hash (const char *id)
{
  guint32 h = 2166136261u;

  for (const guchar *s = (const guchar *) id; *s; s++)
    h = (h ^ *s) * 16777619u;
  return h;
}

/* The slot of @id: where it is, or the empty slot where it would go. */
static gsize
index_find (const ItemIndex *index,
            const char      *id)
{
  gsize mask = index->n_slots - 1;
  gsize slot = id_hash (id) & mask;

  while (index->slot[slot] != NULL && strcmp (index->slot[slot]->id, id) != 0)
    slot = (slot + 1) & mask;
  return slot;
}

static ItemIndex *
index_build (GPtrArray *items)
{
  gsize n_slots = 64;
  ItemIndex *index;

  while (n_slots < 2 * (gsize) items->len)
    n_slots *= 2;
  index = g_malloc0 (sizeof (ItemIndex) + n_slots * sizeof (NinesDeployedItem *));
  index->n_slots = n_slots;
  index->n_items = items->len;
  /* A later item with the same id replaces an earlier one, as a hash table insert did. */
  for (guint i = 0; i < items->len; i++)
    {
      NinesDeployedItem *item = g_ptr_array_index (items, i);
      index->slot[index_find (index, item->id)] = item;
    }
  return index;
}

/* The index of the items in now, built the first time an id is looked up: the stages
 * after the pattern find what they need without it. Built again if items were added
 * since (only while the deployment is assembled, by one thread); two threads reading a
 * finished deployment may both build it, one keeps it. */
static ItemIndex *
get_index (NinesDeployment *self)
{
  ItemIndex *index = g_atomic_pointer_get (&self->index);
  ItemIndex *fresh;

  if (index != NULL && index->n_items == self->items->len)
    return index;
  fresh = index_build (self->items);
  if (index != NULL)
    {
      g_free (index);   /* stale: items were added since, so nobody else reads it */
      g_atomic_pointer_set (&self->index, fresh);
      return fresh;
    }
  if (!g_atomic_pointer_compare_and_exchange (&self->index, NULL, fresh))
    {
      g_free (fresh);
      return g_atomic_pointer_get (&self->index);
    }
  return fresh;
}

static void
replication_free (NinesReplication *r)
{
  g_free (r->source);
  g_free (r);
}

static void
fragment_item_free (NinesDeployedItem *item)
{
  item_clear (item);
  g_free (item);
}

NinesDeployFragment *
_nines_deploy_fragment_ref (NinesDeployFragment *fragment)
{
  g_atomic_ref_count_inc (&fragment->ref_count);
  return fragment;
}

void
_nines_deploy_fragment_unref (NinesDeployFragment *fragment)
{
  if (fragment == NULL || !g_atomic_ref_count_dec (&fragment->ref_count))
    return;
  g_ptr_array_unref (fragment->items);
  g_ptr_array_unref (fragment->replications);
  g_byte_array_unref (fragment->from_drawn);
  if (fragment->flat != fragment->inline_flat)
    g_free (fragment->flat);
  g_string_chunk_free (fragment->strings);
  g_object_unref (fragment->component);
  g_free (fragment);
}

NinesComponent *
_nines_deploy_fragment_get_component (NinesDeployFragment *fragment,
                                      guint64             *revision)
{
  *revision = fragment->revision;
  return fragment->component;
}

guint *
_nines_deploy_fragment_generation (NinesDeployFragment *fragment)
{
  return &fragment->generation;
}

/* From here to _nines_deployment_end_fragment(), the items and replications the rules
 * add for @component go to a fragment of their own as well as to the deployment. */
void
_nines_deployment_begin_fragment (NinesDeployment *self,
                                  NinesComponent  *component)
{
  NinesDeployFragment *f = g_new0 (NinesDeployFragment, 1);

  g_return_if_fail (self->recording == NULL);
  g_atomic_ref_count_init (&f->ref_count);
  f->component = g_object_ref (component);
  f->revision = _nines_component_get_revision (component);
  f->items = g_ptr_array_new_with_free_func ((GDestroyNotify) fragment_item_free);
  f->replications = g_ptr_array_new_with_free_func ((GDestroyNotify) replication_free);
  f->from_drawn = g_byte_array_new ();
  f->strings = g_string_chunk_new (256);
  self->recording = f;
  self->last_note_in = self->last_note = NULL;
}

/* (transfer full): the deployment keeps a reference of its own. */
NinesDeployFragment *
_nines_deployment_end_fragment (NinesDeployment *self)
{
  NinesDeployFragment *f = g_steal_pointer (&self->recording);

  guint n;

  g_return_val_if_fail (f != NULL, NULL);
  self->last_note_in = self->last_note = NULL;
  f->n_items = f->items->len;
  f->n_replications = f->replications->len;
  for (guint i = 0; i < f->n_items; i++)
    note_revisions (g_ptr_array_index (f->items, i));
  n = f->n_items + f->n_replications;
  if (n <= G_N_ELEMENTS (f->inline_flat) && f->n_replications <= G_N_ELEMENTS (f->inline_own))
    {
      f->flat = f->inline_flat;
      f->own = f->inline_own;
    }
  else
    {
      f->flat = g_malloc (n * sizeof (gpointer) + f->n_replications + 1);
      f->own = (guint8 *) (f->flat + n);
    }
  if (f->n_items > 0)
    memcpy (f->flat, f->items->pdata, f->n_items * sizeof (gpointer));
  if (f->n_replications > 0)
    {
      memcpy (f->flat + f->n_items, f->replications->pdata, f->n_replications * sizeof (gpointer));
      memcpy (f->own, f->from_drawn->data, f->n_replications);
    }
  g_ptr_array_add (self->fragments, _nines_deploy_fragment_ref (f));
  return f;
}

/* Adds what @fragment recorded, as if its rule had run again for the current drawn item. */
void
_nines_deployment_replay_fragment (NinesDeployment     *self,
                                   NinesDeployFragment *fragment)
{
  g_return_if_fail (self->recording == NULL);
  g_ptr_array_add (self->fragments, _nines_deploy_fragment_ref (fragment));
  for (guint i = 0; i < fragment->n_items; i++)
    g_ptr_array_add (self->items, fragment->flat[i]);
  if (fragment->n_items > 0)
    self->ends_resolved = FALSE;
  /* The fragment is replayed for the drawn item of its own component, as it was made:
   * whether a replication's source is that item was settled then. */
  for (guint i = 0; i < fragment->n_replications; i++)
    {
      g_ptr_array_add (self->replications, fragment->flat[fragment->n_items + i]);
      g_array_set_size (self->ends, self->replications->len);
      g_array_index (self->ends, ReplicationEnds, self->ends->len - 1).drawn =
        fragment->own[i] && self->current_drawn < self->n_drawn ? self->current_drawn : G_MAXUINT;
      self->ends_resolved = FALSE;
    }
}

NinesDeployment *
_nines_deployment_new_empty (NinesDocument  *document,
                             NinesDrPattern  pattern)
{
  NinesDeployment *self = g_new0 (NinesDeployment, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->document = g_object_ref (document);
  self->components = _nines_document_share_components (document);
  self->pattern = pattern;
  self->primary_region = g_intern_string (nines_document_get_primary_region (document));
  self->recovery_region = pattern == NINES_DR_PATTERN_NONE
    ? NULL : g_intern_string (nines_document_get_recovery_region (document));
  self->items = g_ptr_array_sized_new (2 * nines_document_get_n_components (document) + 8);
  self->item_blocks = g_ptr_array_new_with_free_func (g_free);
  self->replications = g_ptr_array_new ();
  self->own_replications = g_ptr_array_new_with_free_func ((GDestroyNotify) replication_free);
  self->fragments = g_ptr_array_new_with_free_func ((GDestroyNotify) _nines_deploy_fragment_unref);
  /* Thousands of items: their strings go to one chunk, not one allocation each. */
  self->strings = g_string_chunk_new (4096);
  self->current_drawn = G_MAXUINT;
  self->ends = g_array_new (FALSE, TRUE, sizeof (ReplicationEnds));
  self->drawn_items = g_array_new (FALSE, TRUE, 2 * sizeof (guint));
  return self;
}

/* Where the strings of the items being added go. */
static GStringChunk *
strings_of (NinesDeployment *self)
{
  return self->recording ? self->recording->strings : self->strings;
}

static char *
chunk_dup (NinesDeployment *self,
           const char      *str)
{
  return str ? g_string_chunk_insert (strings_of (self), str) : NULL;
}

const char *
_nines_deployment_join_string (NinesDeployment *self,
                               const char      *a,
                               const char      *b,
                               const char      *c)
{
  gsize la = strlen (a), lb = strlen (b), lc = strlen (c);
  char buf[256];

  if (la + lb + lc >= sizeof buf)
    {
      g_autofree char *joined = g_strconcat (a, b, c, NULL);
      return g_string_chunk_insert (strings_of (self), joined);
    }
  memcpy (buf, a, la);
  memcpy (buf + la, b, lb);
  memcpy (buf + la + lb, c, lc);
  return g_string_chunk_insert_len (strings_of (self), buf, la + lb + lc);
}

/* Item and replication regions are interned: a few distinct strings, one pointer each, so
 * the stages after the pattern can compare and key them by pointer. */
static char *
region_dup (NinesDeployment *self,
            const char      *region)
{
  if (region == NULL)
    return NULL;
  if (self->last_region == NULL || strcmp (self->last_region, region) != 0)
    self->last_region = g_intern_string (region);
  return (char *) self->last_region;
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
  NinesDeployedItem *item = item_alloc (self);

  item->id = chunk_dup (self, id);
  item->source_id = g_strcmp0 (id, source_id) == 0 ? item->id : chunk_dup (self, source_id);
  item->role = role;
  item->added = added;
  item->region = region_dup (self, region);
  item->steady = steady ? g_object_ref (steady) : NULL;
  item->failover = failover == NULL ? NULL : failover == steady ? failover : g_object_ref (failover);
  /* Rules give the same (translated) note for thousands of items: one copy each. */
  if (note != NULL && note == self->last_note_in && strcmp (note, self->last_note) == 0)
    item->note = (char *) self->last_note;
  else
    {
      item->note = chunk_dup (self, note);
      self->last_note_in = note;
      self->last_note = item->note;
    }
  g_ptr_array_add (self->items, item);
  self->ends_resolved = FALSE;
  return item;
}

/* The item of drawn component @c as it runs in the primary region: its own id and
 * (interned) region, no copies; it is billed while failed over too (steady = failover). */
void
_nines_deployment_add_drawn (NinesDeployment *self,
                             NinesComponent  *c)
{
  NinesDeployedItem *item;

  g_return_if_fail (self->recording == NULL);
  item = item_alloc (self);
  item->id = item->source_id = (char *) nines_component_get_id (c);   /* immutable, @c is held */
  item->role = NINES_ROLE_PRIMARY;
  item->region = (char *) nines_component_get_region (c);
  /* Borrowed: the deployment holds the document's components (_nines_deployment_new_empty). */
  item->steady = item->failover = c;
  item->steady_revision = item->failover_revision = _nines_component_get_revision (c);
  item->revisions_known = TRUE;
  g_ptr_array_add (self->items, item);
  self->ends_resolved = FALSE;
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

  g_ptr_array_add (self->recording ? self->recording->replications : self->own_replications, r);
  r->source_id = chunk_dup (self, source_id);
  r->target_id = chunk_dup (self, target_id);
  r->kind = kind;
  r->from_region = region_dup (self, from_region);
  r->to_region = region_dup (self, to_region);
  g_ptr_array_add (self->replications, r);
  self->ends_resolved = FALSE;
  g_array_set_size (self->ends, self->replications->len);
  if (self->current_drawn < self->n_drawn &&
      g_strcmp0 (((NinesDeployedItem *) g_ptr_array_index (self->items, self->current_drawn))->id,
                 source_id) == 0)
    g_array_index (self->ends, ReplicationEnds, self->ends->len - 1).drawn = self->current_drawn;
  else
    g_array_index (self->ends, ReplicationEnds, self->ends->len - 1).drawn = G_MAXUINT;
  if (self->recording != NULL)
    {
      guint8 own = g_array_index (self->ends, ReplicationEnds, self->ends->len - 1).drawn != G_MAXUINT;

      g_byte_array_append (self->recording->from_drawn, &own, 1);
    }
  return r;
}

void
_nines_deployment_mark_drawn (NinesDeployment *self)
{
  self->n_drawn = self->items->len;
}

guint
_nines_deployment_get_n_drawn (NinesDeployment *self)
{
  return self->n_drawn;
}

NinesComponent *
_nines_deployment_get_drawn (NinesDeployment *self,
                             guint            i)
{
  return ((NinesDeployedItem *) g_ptr_array_index (self->items, i))->steady;
}

void
_nines_deployment_set_current_drawn (NinesDeployment *self,
                                     guint            i)
{
  guint *range;

  /* Close the range of the drawn item before, open the range of @i. */
  if (self->current_drawn < self->drawn_items->len)
    g_array_index (self->drawn_items, guint, 2 * self->current_drawn + 1) = self->items->len;
  self->current_drawn = i;
  if (i >= self->n_drawn)
    return;
  if (self->drawn_items->len < self->n_drawn)
    g_array_set_size (self->drawn_items, self->n_drawn);
  range = &g_array_index (self->drawn_items, guint, 2 * i);
  range[0] = range[1] = self->items->len;
}

/* The item @id among those the rule of drawn item @drawn added, else by the index. */
static const NinesDeployedItem *
find_target (NinesDeployment *self,
             guint            drawn,
             const char      *id)
{
  if (id != NULL && drawn < self->drawn_items->len)
    {
      const guint *range = &g_array_index (self->drawn_items, guint, 2 * drawn);
      const NinesDeployedItem *found = NULL;

      /* The last match wins, as in the index. */
      for (guint k = range[0]; k < range[1]; k++)
        {
          const NinesDeployedItem *item = g_ptr_array_index (self->items, k);
          if (strcmp (item->id, id) == 0)
            found = item;
        }
      if (found != NULL)
        return found;
    }
  return nines_deployment_lookup_item (self, id);
}

void
_nines_deployment_resolve_replications (NinesDeployment *self)
{
  for (guint i = 0; i < self->replications->len; i++)
    {
      const NinesReplication *r = g_ptr_array_index (self->replications, i);
      ReplicationEnds *e = &g_array_index (self->ends, ReplicationEnds, i);

      if (e->drawn != G_MAXUINT)
        e->source = _nines_deployment_get_drawn (self, e->drawn);
      else
        e->source = nines_document_lookup_component (self->document, r->source_id);
      e->target = find_target (self, e->drawn, r->target_id);
    }
  self->ends_resolved = TRUE;
}

void
_nines_deployment_get_replication_ends (NinesDeployment          *self,
                                        guint                     i,
                                        guint                    *drawn,
                                        NinesComponent          **source,
                                        const NinesDeployedItem **target)
{
  const ReplicationEnds *e;

  /* nines_deployment_new() resolves them before anyone reads; a deployment assembled item
   * by item (the tests') is resolved at its first read. */
  if (!self->ends_resolved)
    _nines_deployment_resolve_replications (self);
  e = &g_array_index (self->ends, ReplicationEnds, i);
  if (drawn)
    *drawn = e->drawn;
  if (source)
    *source = e->source;
  if (target)
    *target = e->target;
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
  /* Its own items, in their blocks; a fragment's go with the fragment. The drawn ones
   * (the first) borrow their components, held by self->components. */
  for (guint b = 0, i = 0; b < self->item_blocks->len; b++)
    {
      NinesDeployedItem *block = g_ptr_array_index (self->item_blocks, b);
      guint used = b + 1 == self->item_blocks->len ? self->block_used : ITEMS_PER_BLOCK;

      for (guint k = 0; k < used; k++, i++)
        if (i >= self->n_drawn)
          item_clear (&block[k]);
    }
  g_ptr_array_unref (self->components);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->item_blocks);
  g_free (self->index);
  g_ptr_array_unref (self->replications);
  g_ptr_array_unref (self->own_replications);
  g_ptr_array_unref (self->fragments);
  g_clear_pointer (&self->recording, _nines_deploy_fragment_unref);
  g_string_chunk_free (self->strings);
  g_array_unref (self->ends);
  g_array_unref (self->drawn_items);
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
  ItemIndex *index;

  if (id == NULL)
    return NULL;
  index = get_index (self);
  return index->slot[index_find (index, id)];
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
