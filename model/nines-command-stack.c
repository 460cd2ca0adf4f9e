/* nines-command-stack.c: undoable edits */
#define G_LOG_DOMAIN "nines-command-stack"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-model-private.h"

/* Consecutive moves of the same selection within this time merge into one undo step:
 * a drag sends a move per motion event. */
#define MOVE_MERGE_USEC (1 * G_USEC_PER_SEC)

typedef enum
{
  CMD_GROUP,
  CMD_INSERT_REGION,     /* list edits: insert or remove an object at a position */
  CMD_INSERT_COMPONENT,
  CMD_INSERT_LINK,
  CMD_REGION_AZS,
  CMD_POSITION,
  CMD_PARAM,
  CMD_COMPONENT_NAME,
  CMD_PLACEMENT,
  CMD_DOC_NAME,
  CMD_DR,
  CMD_KNOB,
  CMD_OPERATIONS,
  CMD_DISCOUNT,
  CMD_OVERRIDE,
} CommandType;

typedef struct _Command Command;

struct _Command
{
  CommandType  type;
  char        *label;
  guint64      serial;

  /* CMD_GROUP */
  GPtrArray   *children;
  /* list edits */
  gboolean     remove;      /* the command removes (apply) rather than inserts */
  guint        position;
  GObject     *object;
  /* most commands: what they change and the values before and after */
  char        *key;         /* component id, region code, layout key, knob name */
  char        *name;        /* parameter name */
  GVariant    *old_value;
  GVariant    *new_value;
  char        *old_str[3];
  char        *new_str[3];
  GStrv        old_strv;
  GStrv        new_strv;
  gboolean     had_old;
  gboolean     has_new;
  NinesPoint   old_point;
  NinesPoint   new_point;
  double       old_num;
  double       new_num;
  NinesDrPattern old_pattern;
  NinesDrPattern new_pattern;
  NinesPriceOverride *old_override;
  NinesPriceOverride *new_override;
  gint64       time;
};

struct _NinesCommandStack
{
  GObject        parent_instance;

  NinesDocument *document;
  GPtrArray     *undo;       /* of Command, oldest first */
  GPtrArray     *redo;       /* of Command, next to redo last */
  GPtrArray     *groups;     /* open groups, innermost last */
  guint64        next_serial;
  guint64        saved_serial;
  gboolean       can_merge;  /* the top of undo may take a following move */
};

G_DEFINE_FINAL_TYPE (NinesCommandStack, nines_command_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
command_free (Command *cmd)
{
  if (cmd == NULL)
    return;
  g_clear_pointer (&cmd->children, g_ptr_array_unref);
  g_clear_object (&cmd->object);
  g_free (cmd->label);
  g_free (cmd->key);
  g_free (cmd->name);
  g_clear_pointer (&cmd->old_value, g_variant_unref);
  g_clear_pointer (&cmd->new_value, g_variant_unref);
  for (guint i = 0; i < 3; i++)
    {
      g_free (cmd->old_str[i]);
      g_free (cmd->new_str[i]);
    }
  g_strfreev (cmd->old_strv);
  g_strfreev (cmd->new_strv);
  _nines_price_override_free (cmd->old_override);
  _nines_price_override_free (cmd->new_override);
  g_free (cmd);
}

static Command *
command_new (CommandType  type,
             const char  *label)
{
  Command *cmd = g_new0 (Command, 1);

  cmd->type = type;
  cmd->label = g_strdup (label);
  if (type == CMD_GROUP)
    cmd->children = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  return cmd;
}

static void
list_insert (NinesDocument *doc,
             CommandType    type,
             guint          position,
             GObject       *object)
{
  switch (type)
    {
    case CMD_INSERT_REGION:
      _nines_document_insert_region (doc, position, NINES_REGION (object));
      break;
    case CMD_INSERT_COMPONENT:
      _nines_document_insert_component (doc, position, NINES_COMPONENT (object));
      break;
    case CMD_INSERT_LINK:
      _nines_document_insert_link (doc, position, NINES_LINK (object));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
list_remove (NinesDocument *doc,
             CommandType    type,
             guint          position)
{
  switch (type)
    {
    case CMD_INSERT_REGION:
      _nines_document_remove_region (doc, position);
      break;
    case CMD_INSERT_COMPONENT:
      _nines_document_remove_component (doc, position);
      break;
    case CMD_INSERT_LINK:
      _nines_document_remove_link (doc, position);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_position (NinesDocument    *doc,
              const char       *key,
              gboolean          present,
              const NinesPoint *p)
{
  if (present)
    nines_document_set_position (doc, key, p);
  else
    _nines_document_unset_position (doc, key);
}

static void
set_override (NinesDocument            *doc,
              const NinesPriceOverride *want,
              const NinesPriceOverride *key)
{
  if (want != NULL)
    _nines_price_override_free (_nines_document_replace_override (doc, want));
  else
    {
      NinesPriceOverride removal = *key;

      removal.usd = -1;
      _nines_price_override_free (_nines_document_replace_override (doc, &removal));
    }
}

/* Runs @cmd forwards (@forward) or backwards. */
static void
command_run (Command       *cmd,
             NinesDocument *doc,
             gboolean       forward)
{
  NinesComponent *c = NULL;

  if (cmd->type == CMD_PARAM || cmd->type == CMD_COMPONENT_NAME || cmd->type == CMD_PLACEMENT)
    {
      c = nines_document_lookup_component (doc, cmd->key);
      g_assert (c != NULL);
    }

  switch (cmd->type)
    {
    case CMD_GROUP:
      for (guint i = 0; i < cmd->children->len; i++)
        command_run (g_ptr_array_index (cmd->children, forward ? i : cmd->children->len - 1 - i),
                     doc, forward);
      break;

    case CMD_INSERT_REGION:
    case CMD_INSERT_COMPONENT:
    case CMD_INSERT_LINK:
      if (forward != cmd->remove)
        list_insert (doc, cmd->type, cmd->position, cmd->object);
      else
        list_remove (doc, cmd->type, cmd->position);
      break;

    case CMD_REGION_AZS:
      _nines_region_set_azs (nines_document_lookup_region (doc, cmd->key),
                             (const char * const *)(forward ? cmd->new_strv : cmd->old_strv));
      _nines_document_emit_changed (doc);
      break;

    case CMD_POSITION:
      if (forward)
        set_position (doc, cmd->key, cmd->has_new, &cmd->new_point);
      else
        set_position (doc, cmd->key, cmd->had_old, &cmd->old_point);
      break;

    case CMD_PARAM:
      {
        GVariant *v = forward ? cmd->new_value : cmd->old_value;
        nines_component_set_param (c, cmd->name, v ? g_variant_ref (v) : NULL);
        if (v)
          g_variant_unref (v);
      }
      break;

    case CMD_COMPONENT_NAME:
      nines_component_set_name (c, forward ? cmd->new_str[0] : cmd->old_str[0]);
      break;

    case CMD_PLACEMENT:
      _nines_component_set_region (c, forward ? cmd->new_str[0] : cmd->old_str[0]);
      nines_component_set_azs (c, (const char * const *)(forward ? cmd->new_strv : cmd->old_strv));
      break;

    case CMD_DOC_NAME:
      nines_document_set_name (doc, forward ? cmd->new_str[0] : cmd->old_str[0]);
      break;

    case CMD_DR:
      nines_document_set_dr (doc, forward ? cmd->new_pattern : cmd->old_pattern,
                             forward ? cmd->new_str[0] : cmd->old_str[0]);
      break;

    case CMD_KNOB:
      {
        GVariant *v = forward ? cmd->new_value : cmd->old_value;
        nines_document_set_knob (doc, cmd->key, v ? g_variant_ref (v) : NULL);
        if (v)
          g_variant_unref (v);
      }
      break;

    case CMD_OPERATIONS:
      {
        char **s = forward ? cmd->new_str : cmd->old_str;
        _nines_document_set_operations (doc, s[0], s[1], nines_document_get_owners (doc), s[2]);
      }
      break;

    case CMD_DISCOUNT:
      _nines_document_set_discount (doc, forward ? cmd->new_num : cmd->old_num);
      break;

    case CMD_OVERRIDE:
      set_override (doc, forward ? cmd->new_override : cmd->old_override,
                    cmd->new_override ? cmd->new_override : cmd->old_override);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
nines_command_stack_dispose (GObject *object)
{
  NinesCommandStack *self = (NinesCommandStack *)object;

  g_clear_object (&self->document);
  G_OBJECT_CLASS (nines_command_stack_parent_class)->dispose (object);
}

static void
nines_command_stack_finalize (GObject *object)
{
  NinesCommandStack *self = (NinesCommandStack *)object;

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_ptr_array_unref (self->groups);
  G_OBJECT_CLASS (nines_command_stack_parent_class)->finalize (object);
}

static void
nines_command_stack_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NinesCommandStack *self = NINES_COMMAND_STACK (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, nines_command_stack_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, nines_command_stack_can_redo (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, nines_command_stack_is_dirty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nines_command_stack_class_init (NinesCommandStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nines_command_stack_dispose;
  object_class->finalize = nines_command_stack_finalize;
  object_class->get_property = nines_command_stack_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, NINES_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nines_command_stack_init (NinesCommandStack *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->groups = g_ptr_array_new ();
  self->next_serial = 1;
}

NinesCommandStack *
nines_command_stack_new (NinesDocument *document)
{
  NinesCommandStack *self;

  g_return_val_if_fail (NINES_IS_DOCUMENT (document), NULL);
  self = g_object_new (NINES_TYPE_COMMAND_STACK, NULL);
  self->document = g_object_ref (document);
  return self;
}

NinesDocument *
nines_command_stack_get_document (NinesCommandStack *self)
{
  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), NULL);
  return self->document;
}

typedef struct
{
  gboolean can_undo, can_redo, dirty;
} State;

static State
get_state (NinesCommandStack *self)
{
  return (State) { nines_command_stack_can_undo (self), nines_command_stack_can_redo (self),
                   nines_command_stack_is_dirty (self) };
}

static void
notify_changes (NinesCommandStack *self,
                State              before)
{
  State after = get_state (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.dirty != after.dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

gboolean
nines_command_stack_can_undo (NinesCommandStack *self)
{
  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  return self->undo->len > 0 && self->groups->len == 0;
}

gboolean
nines_command_stack_can_redo (NinesCommandStack *self)
{
  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  return self->redo->len > 0 && self->groups->len == 0;
}

const char *
nines_command_stack_get_undo_label (NinesCommandStack *self)
{
  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), NULL);
  return self->undo->len ? ((Command *) g_ptr_array_index (self->undo, self->undo->len - 1))->label
                         : NULL;
}

const char *
nines_command_stack_get_redo_label (NinesCommandStack *self)
{
  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), NULL);
  return self->redo->len ? ((Command *) g_ptr_array_index (self->redo, self->redo->len - 1))->label
                         : NULL;
}

gboolean
nines_command_stack_undo (NinesCommandStack *self)
{
  State before;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!nines_command_stack_can_undo (self))
    return FALSE;
  before = get_state (self);
  cmd = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  command_run (cmd, self->document, FALSE);
  g_ptr_array_add (self->redo, cmd);
  self->can_merge = FALSE;
  notify_changes (self, before);
  return TRUE;
}

gboolean
nines_command_stack_redo (NinesCommandStack *self)
{
  State before;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!nines_command_stack_can_redo (self))
    return FALSE;
  before = get_state (self);
  cmd = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  command_run (cmd, self->document, TRUE);
  g_ptr_array_add (self->undo, cmd);
  self->can_merge = FALSE;
  notify_changes (self, before);
  return TRUE;
}

void
nines_command_stack_clear (NinesCommandStack *self)
{
  State before;

  g_return_if_fail (NINES_IS_COMMAND_STACK (self));
  before = get_state (self);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->saved_serial = 0;
  self->can_merge = FALSE;
  notify_changes (self, before);
}

gboolean
nines_command_stack_is_dirty (NinesCommandStack *self)
{
  guint64 current;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  current = self->undo->len ? ((Command *) g_ptr_array_index (self->undo, self->undo->len - 1))->serial
                            : 0;
  return current != self->saved_serial;
}

void
nines_command_stack_mark_saved (NinesCommandStack *self)
{
  State before;

  g_return_if_fail (NINES_IS_COMMAND_STACK (self));
  before = get_state (self);
  self->saved_serial = self->undo->len
    ? ((Command *) g_ptr_array_index (self->undo, self->undo->len - 1))->serial : 0;
  notify_changes (self, before);
}

void
nines_command_stack_begin_group (NinesCommandStack *self,
                                 const char        *label)
{
  g_return_if_fail (NINES_IS_COMMAND_STACK (self));
  g_ptr_array_add (self->groups, command_new (CMD_GROUP, label));
}

/* Records a command that has already been run. */
static void
push (NinesCommandStack *self,
      Command           *cmd)
{
  State before = get_state (self);

  if (self->groups->len > 0)
    {
      Command *group = g_ptr_array_index (self->groups, self->groups->len - 1);
      g_ptr_array_add (group->children, cmd);
      return;
    }
  cmd->serial = self->next_serial++;
  g_ptr_array_add (self->undo, cmd);
  g_ptr_array_set_size (self->redo, 0);
  self->can_merge = TRUE;
  notify_changes (self, before);
}

void
nines_command_stack_end_group (NinesCommandStack *self)
{
  Command *group;

  g_return_if_fail (NINES_IS_COMMAND_STACK (self));
  g_return_if_fail (self->groups->len > 0);

  group = g_ptr_array_steal_index (self->groups, self->groups->len - 1);
  if (group->children->len == 0)
    command_free (group);
  else
    push (self, group);
  self->can_merge = FALSE;
}

/* Runs @cmd; if the document is then invalid where @check_id says, runs it back and
 * fails with the problems found. @check_id NULL: check the whole document. */
static gboolean
run_checked (NinesCommandStack  *self,
             Command            *cmd,
             const char         *check_id,
             GError            **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  guint pos;

  command_run (cmd, self->document, TRUE);
  if (check_id != NULL && nines_document_find_component (self->document, check_id, &pos))
    _nines_document_check_component (self->document, pos, NULL, NULL, problems);
  else if (check_id == NULL)
    nines_document_check (self->document, problems);

  if (problems->len > 0)
    {
      g_autofree char *msg = NULL;

      command_run (cmd, self->document, FALSE);
      g_ptr_array_add (problems, NULL);
      msg = g_strjoinv ("\n", (char **) problems->pdata);
      g_set_error_literal (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID, msg);
      command_free (cmd);
      return FALSE;
    }
  push (self, cmd);
  return TRUE;
}

static gboolean
fail_not_found (GError    **error,
                const char *what,
                const char *id)
{
  g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NOT_FOUND,
               _("There is no %s \"%s\" in the design"), what, id ? id : "(null)");
  return FALSE;
}

static Command *
list_command (CommandType  type,
              const char  *label,
              gboolean     remove,
              guint        position,
              gpointer     object)
{
  Command *cmd = command_new (type, label);

  cmd->remove = remove;
  cmd->position = position;
  cmd->object = g_object_ref (object);
  return cmd;
}

static Command *
position_command (NinesDocument    *doc,
                  const char       *key,
                  const NinesPoint *new_point)
{
  Command *cmd = command_new (CMD_POSITION, _("Move"));

  cmd->key = g_strdup (key);
  cmd->had_old = nines_document_get_position (doc, key, &cmd->old_point);
  cmd->has_new = new_point != NULL;
  if (new_point)
    cmd->new_point = *new_point;
  return cmd;
}

gboolean
nines_command_stack_add_region (NinesCommandStack  *self,
                                const char         *code,
                                const char * const *azs,
                                GError            **error)
{
  g_autoptr(NinesRegion) region = NULL;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (nines_document_lookup_region (self->document, code) != NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("The design already uses %s"), code);
      return FALSE;
    }
  region = nines_region_new (code, azs);
  return run_checked (self,
                      list_command (CMD_INSERT_REGION, _("Add Region"), FALSE,
                                    g_list_model_get_n_items (nines_document_get_regions (self->document)),
                                    region),
                      NULL, error);
}

gboolean
nines_command_stack_remove_region (NinesCommandStack  *self,
                                   const char         *code,
                                   GError            **error)
{
  NinesRegion *region;
  guint pos;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!_nines_document_find_region (self->document, code, &pos))
    return fail_not_found (error, _("region"), code);
  for (guint i = 0; i < nines_document_get_n_components (self->document); i++)
    if (g_strcmp0 (nines_component_get_region (nines_document_get_component (self->document, i)),
                   code) == 0)
      {
        g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                     _("%s still holds components; remove or move them first"), code);
        return FALSE;
      }
  region = nines_document_lookup_region (self->document, code);
  return run_checked (self, list_command (CMD_INSERT_REGION, _("Remove Region"), TRUE, pos, region),
                      NULL, error);
}

gboolean
nines_command_stack_set_region_azs (NinesCommandStack  *self,
                                    const char         *code,
                                    const char * const *azs,
                                    GError            **error)
{
  NinesRegion *region;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!(region = nines_document_lookup_region (self->document, code)))
    return fail_not_found (error, _("region"), code);
  cmd = command_new (CMD_REGION_AZS, _("Change Availability Zones"));
  cmd->key = g_strdup (code);
  cmd->old_strv = g_strdupv ((char **) nines_region_get_azs (region));
  cmd->new_strv = azs ? g_strdupv ((char **) azs) : g_new0 (char *, 1);
  return run_checked (self, cmd, NULL, error);
}

gboolean
nines_command_stack_add_component (NinesCommandStack  *self,
                                   NinesComponent     *component,
                                   const NinesPoint   *at,
                                   GError            **error)
{
  const char *id;
  Command *group;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (NINES_IS_COMPONENT (component), FALSE);

  id = nines_component_get_id (component);
  if (nines_document_lookup_component (self->document, id) != NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("The id \"%s\" is already used"), id);
      return FALSE;
    }
  group = command_new (CMD_GROUP, _("Add Component"));
  g_ptr_array_add (group->children,
                   list_command (CMD_INSERT_COMPONENT, NULL, FALSE,
                                 nines_document_get_n_components (self->document), component));
  if (at != NULL)
    g_ptr_array_add (group->children, position_command (self->document, id, at));
  return run_checked (self, group, id, error);
}

gboolean
nines_command_stack_remove_component (NinesCommandStack  *self,
                                      const char         *id,
                                      GError            **error)
{
  GListModel *links;
  Command *group;
  NinesPoint p;
  guint pos;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!nines_document_find_component (self->document, id, &pos))
    return fail_not_found (error, _("component"), id);

  group = command_new (CMD_GROUP, _("Remove Component"));
  /* Links first, last to first, so each recorded position is right when undone. */
  links = nines_document_get_links (self->document);
  for (guint i = g_list_model_get_n_items (links); i > 0; i--)
    {
      g_autoptr(NinesLink) l = g_list_model_get_item (links, i - 1);

      if (g_str_equal (nines_link_get_from (l), id) || g_str_equal (nines_link_get_to (l), id))
        {
          Command *rm = list_command (CMD_INSERT_LINK, NULL, TRUE, i - 1, l);
          command_run (rm, self->document, TRUE);
          g_ptr_array_add (group->children, rm);
        }
    }
  if (nines_document_get_position (self->document, id, &p))
    {
      Command *mv = position_command (self->document, id, NULL);
      command_run (mv, self->document, TRUE);
      g_ptr_array_add (group->children, mv);
    }
  {
    Command *rm = list_command (CMD_INSERT_COMPONENT, NULL, TRUE, pos,
                                nines_document_get_component (self->document, pos));
    command_run (rm, self->document, TRUE);
    g_ptr_array_add (group->children, rm);
  }
  push (self, group);
  return TRUE;
}

gboolean
nines_command_stack_set_position (NinesCommandStack  *self,
                                  const char         *key,
                                  const NinesPoint   *point,
                                  GError            **error)
{
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (point != NULL, FALSE);
  cmd = position_command (self->document, key, point);
  command_run (cmd, self->document, TRUE);
  push (self, cmd);
  return TRUE;
}

static gboolean
same_keys (Command            *group,
           const char * const *ids)
{
  guint n = g_strv_length ((char **) ids);

  if (group->type != CMD_GROUP || group->children->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      Command *c = g_ptr_array_index (group->children, i);
      if (c->type != CMD_POSITION || g_strcmp0 (c->key, ids[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
nines_command_stack_move (NinesCommandStack  *self,
                          const char * const *ids,
                          double              dx,
                          double              dy,
                          GError            **error)
{
  Command *group, *top;
  gint64 now = g_get_monotonic_time ();

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  for (guint i = 0; ids[i]; i++)
    if (nines_document_lookup_component (self->document, ids[i]) == NULL &&
        !g_str_has_prefix (ids[i], "region:"))
      return fail_not_found (error, _("component"), ids[i]);

  top = self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  if (self->can_merge && self->groups->len == 0 && top != NULL && same_keys (top, ids) &&
      now - top->time < MOVE_MERGE_USEC)
    {
      /* Continue the same drag: move further, keep the original "before". */
      for (guint i = 0; ids[i]; i++)
        {
          Command *c = g_ptr_array_index (top->children, i);
          c->new_point.x += dx;
          c->new_point.y += dy;
          nines_document_set_position (self->document, c->key, &c->new_point);
        }
      top->time = now;
      return TRUE;
    }

  group = command_new (CMD_GROUP, _("Move"));
  for (guint i = 0; ids[i]; i++)
    {
      NinesPoint p = { 0, 0 };
      Command *c;

      nines_document_get_position (self->document, ids[i], &p);
      p.x += dx;
      p.y += dy;
      c = position_command (self->document, ids[i], &p);
      command_run (c, self->document, TRUE);
      g_ptr_array_add (group->children, c);
    }
  group->time = now;
  push (self, group);
  return TRUE;
}

gboolean
nines_command_stack_set_param (NinesCommandStack  *self,
                               const char         *id,
                               const char         *name,
                               GVariant           *value,
                               GError            **error)
{
  g_autoptr(GVariant) sunk = value ? g_variant_ref_sink (value) : NULL;
  NinesComponent *c;
  const NinesKindInfo *kind;
  const NinesParamSpec *spec;
  GVariant *old;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!(c = nines_document_lookup_component (self->document, id)))
    return fail_not_found (error, _("component"), id);
  kind = nines_component_get_kind_info (c);
  if (kind == NULL || !(spec = nines_kind_info_lookup_param (kind, name)))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s has no parameter \"%s\""), nines_component_get_kind (c), name);
      return FALSE;
    }
  old = nines_component_get_explicit_param (c, name);
  if ((old == NULL && sunk == NULL) || (old && sunk && g_variant_equal (old, sunk)))
    return TRUE;

  cmd = command_new (CMD_PARAM, spec->label);
  cmd->key = g_strdup (id);
  cmd->name = g_strdup (name);
  cmd->old_value = old ? g_variant_ref (old) : NULL;
  cmd->new_value = sunk ? g_variant_ref (sunk) : NULL;
  return run_checked (self, cmd, id, error);
}

gboolean
nines_command_stack_set_component_name (NinesCommandStack *self,
                                        const char        *id,
                                        const char        *name,
                                        GError           **error)
{
  NinesComponent *c;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!(c = nines_document_lookup_component (self->document, id)))
    return fail_not_found (error, _("component"), id);
  if (g_strcmp0 (nines_component_get_name (c), name) == 0)
    return TRUE;
  cmd = command_new (CMD_COMPONENT_NAME, _("Rename"));
  cmd->key = g_strdup (id);
  cmd->old_str[0] = g_strdup (nines_component_get_name (c));
  cmd->new_str[0] = (name && *name) ? g_strdup (name) : NULL;
  return run_checked (self, cmd, id, error);
}

gboolean
nines_command_stack_set_placement (NinesCommandStack  *self,
                                   const char         *id,
                                   const char         *region,
                                   const char * const *azs,
                                   GError            **error)
{
  NinesComponent *c;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!(c = nines_document_lookup_component (self->document, id)))
    return fail_not_found (error, _("component"), id);
  cmd = command_new (CMD_PLACEMENT, _("Change Placement"));
  cmd->key = g_strdup (id);
  cmd->old_str[0] = g_strdup (nines_component_get_region (c));
  cmd->new_str[0] = g_strdup (region);
  cmd->old_strv = g_strdupv ((char **) nines_component_get_azs (c));
  cmd->new_strv = azs ? g_strdupv ((char **) azs) : g_new0 (char *, 1);
  return run_checked (self, cmd, id, error);
}

static gboolean
find_link (NinesDocument *doc,
           const char    *from,
           const char    *to,
           NinesLinkKind  kind,
           guint         *position)
{
  GListModel *links = nines_document_get_links (doc);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) l = g_list_model_get_item (links, i);

      if (g_str_equal (nines_link_get_from (l), from) && g_str_equal (nines_link_get_to (l), to) &&
          nines_link_get_kind (l) == kind)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
nines_command_stack_connect (NinesCommandStack  *self,
                             const char         *from,
                             const char         *to,
                             NinesLinkKind       kind,
                             GError            **error)
{
  g_autoptr(NinesLink) link = NULL;
  guint pos;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!nines_document_lookup_component (self->document, from))
    return fail_not_found (error, _("component"), from);
  if (!nines_document_lookup_component (self->document, to))
    return fail_not_found (error, _("component"), to);
  if (g_strcmp0 (from, to) == 0)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("A component cannot link to itself"));
      return FALSE;
    }
  if (find_link (self->document, from, to, kind, &pos))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s is already linked to %s"), from, to);
      return FALSE;
    }
  link = nines_link_new (from, to, kind);
  return run_checked (self,
                      list_command (CMD_INSERT_LINK, _("Connect"), FALSE,
                                    g_list_model_get_n_items (nines_document_get_links (self->document)),
                                    link),
                      from, error);
}

gboolean
nines_command_stack_disconnect (NinesCommandStack  *self,
                                const char         *from,
                                const char         *to,
                                NinesLinkKind       kind,
                                GError            **error)
{
  g_autoptr(NinesLink) link = NULL;
  guint pos;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!find_link (self->document, from, to, kind, &pos))
    return fail_not_found (error, _("link from"), from);
  link = g_list_model_get_item (nines_document_get_links (self->document), pos);
  return run_checked (self, list_command (CMD_INSERT_LINK, _("Disconnect"), TRUE, pos, link),
                      from, error);
}

gboolean
nines_command_stack_set_name (NinesCommandStack  *self,
                              const char         *name,
                              GError            **error)
{
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("The design needs a name"));
      return FALSE;
    }
  cmd = command_new (CMD_DOC_NAME, _("Rename Design"));
  cmd->old_str[0] = g_strdup (nines_document_get_name (self->document));
  cmd->new_str[0] = g_strdup (name);
  command_run (cmd, self->document, TRUE);
  push (self, cmd);
  return TRUE;
}

gboolean
nines_command_stack_set_dr (NinesCommandStack  *self,
                            NinesDrPattern      pattern,
                            const char         *recovery_region,
                            GError            **error)
{
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  cmd = command_new (CMD_DR, _("Change DR Pattern"));
  cmd->old_pattern = nines_document_get_dr_pattern (self->document);
  cmd->old_str[0] = g_strdup (nines_document_get_recovery_region (self->document));
  cmd->new_pattern = pattern;
  cmd->new_str[0] = g_strdup (recovery_region);
  return run_checked (self, cmd, NULL, error);
}

gboolean
nines_command_stack_set_knob (NinesCommandStack  *self,
                              const char         *name,
                              GVariant           *value,
                              GError            **error)
{
  g_autoptr(GVariant) sunk = value ? g_variant_ref_sink (value) : NULL;
  const NinesParamSpec *spec;
  g_autofree char *problem = NULL;
  GVariant *old;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!(spec = nines_catalog_lookup_knob (nines_catalog_get_default (), name)))
    return fail_not_found (error, _("DR setting"), name);
  if (sunk != NULL && !nines_param_spec_check (spec, sunk, &problem))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID, "%s: %s",
                   spec->label, problem);
      return FALSE;
    }
  old = nines_document_get_explicit_knob (self->document, name);
  cmd = command_new (CMD_KNOB, spec->label);
  cmd->key = g_strdup (name);
  cmd->old_value = old ? g_variant_ref (old) : NULL;
  cmd->new_value = sunk ? g_variant_ref (sunk) : NULL;
  command_run (cmd, self->document, TRUE);
  push (self, cmd);
  return TRUE;
}

gboolean
nines_command_stack_set_operations (NinesCommandStack  *self,
                                    const char         *last_dr_test,
                                    const char         *last_restore_test,
                                    const char         *notes,
                                    GError            **error)
{
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  cmd = command_new (CMD_OPERATIONS, _("Change Operations"));
  cmd->old_str[0] = g_strdup (nines_document_get_last_dr_test (self->document));
  cmd->old_str[1] = g_strdup (nines_document_get_last_restore_test (self->document));
  cmd->old_str[2] = g_strdup (nines_document_get_notes (self->document));
  cmd->new_str[0] = g_strdup (last_dr_test);
  cmd->new_str[1] = g_strdup (last_restore_test);
  cmd->new_str[2] = g_strdup (notes);
  return run_checked (self, cmd, NULL, error);
}

gboolean
nines_command_stack_set_discount (NinesCommandStack  *self,
                                  double              percent,
                                  GError            **error)
{
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  cmd = command_new (CMD_DISCOUNT, _("Change Discount"));
  cmd->old_num = nines_document_get_discount_percent (self->document);
  cmd->new_num = percent;
  return run_checked (self, cmd, NULL, error);
}

gboolean
nines_command_stack_set_price_override (NinesCommandStack *self,
                                        const char        *service,
                                        const char        *region,
                                        const char        *usage,
                                        double             usd,
                                        const char        *note,
                                        GError           **error)
{
  NinesPriceOverride want = { (char *) service, (char *) region, (char *) usage, usd, (char *) note };
  const NinesPriceOverride *old;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (service != NULL && usage != NULL, FALSE);
  old = nines_document_lookup_price_override (self->document, service, region, usage);
  if (old == NULL && usd < 0)
    return TRUE;
  cmd = command_new (CMD_OVERRIDE, usd < 0 ? _("Remove Price") : _("Enter Price"));
  cmd->old_override = old ? _nines_price_override_copy (old) : NULL;
  cmd->new_override = usd >= 0 ? _nines_price_override_copy (&want) : NULL;
  return run_checked (self, cmd, NULL, error);
}
