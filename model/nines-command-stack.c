/* nines-command-stack.c: the undo and redo stacks, groups, dirty tracking and the running
 * of commands; the edits themselves are in nines-command-stack-edits.c. */
#define G_LOG_DOMAIN "nines-command-stack"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "nines-command-stack-private.h"

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

void
_cs_command_free (Command *cmd)
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

Command *
_cs_command_new (CommandType  type,
                 const char  *label)
{
  Command *cmd = g_new0 (Command, 1);

  cmd->type = type;
  cmd->label = g_strdup (label);
  if (type == CMD_GROUP)
    cmd->children = g_ptr_array_new_with_free_func ((GDestroyNotify) _cs_command_free);
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
void
_cs_command_run (Command       *cmd,
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
        _cs_command_run (g_ptr_array_index (cmd->children, forward ? i : cmd->children->len - 1 - i),
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

    case CMD_OWNERS:
      _nines_document_set_operations (doc, nines_document_get_last_dr_test (doc),
                                      nines_document_get_last_restore_test (doc),
                                      (const char * const *) (forward ? cmd->new_strv
                                                                      : cmd->old_strv),
                                      nines_document_get_notes (doc));
      break;

    case CMD_PRIMARY_REGION:
      _nines_document_set_primary_region (doc, forward ? cmd->new_str[0] : cmd->old_str[0]);
      break;

    case CMD_DISCOUNT:
      _nines_document_set_discount (doc, forward ? cmd->new_num : cmd->old_num);
      break;

    case CMD_OVERRIDE:
      if (!forward && cmd->new_override == NULL)
        /* Undoing a removal: back where it was, so the saved file is the same. */
        _nines_document_insert_override (doc, cmd->position, cmd->old_override);
      else
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
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) _cs_command_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) _cs_command_free);
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
  _cs_command_run (cmd, self->document, FALSE);
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
  _cs_command_run (cmd, self->document, TRUE);
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
  /* Unsaved changes stay unsaved: no state of an empty stack matches the save. */
  self->saved_serial = before.dirty ? G_MAXUINT64 : 0;
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
  /* A drag that goes on after a save is a new step, or the save would look current. */
  self->can_merge = FALSE;
  notify_changes (self, before);
}

void
nines_command_stack_begin_group (NinesCommandStack *self,
                                 const char        *label)
{
  g_return_if_fail (NINES_IS_COMMAND_STACK (self));
  g_ptr_array_add (self->groups, _cs_command_new (CMD_GROUP, label));
}

/* Records a command that has already been run. */
void
_cs_push (NinesCommandStack *self,
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
    _cs_command_free (group);
  else
    _cs_push (self, group);
  self->can_merge = FALSE;
}

/* Runs @cmd; if the document is then invalid where @check_id says, runs it back and
 * fails with the problems found. @check_id NULL: check the whole document. */
gboolean
_cs_run_checked (NinesCommandStack  *self,
                 Command            *cmd,
                 const char         *check_id,
                 GError            **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  guint pos;

  _cs_command_run (cmd, self->document, TRUE);
  if (check_id != NULL && nines_document_find_component (self->document, check_id, &pos))
    _nines_document_check_component (self->document, pos, NULL, NULL, problems);
  else if (check_id == NULL)
    nines_document_check (self->document, problems);

  if (problems->len > 0)
    {
      g_autofree char *msg = NULL;

      _cs_command_run (cmd, self->document, FALSE);
      g_ptr_array_add (problems, NULL);
      msg = g_strjoinv ("\n", (char **) problems->pdata);
      g_set_error_literal (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID, msg);
      _cs_command_free (cmd);
      return FALSE;
    }
  _cs_push (self, cmd);
  return TRUE;
}

gboolean
_cs_fail_not_found (GError     **error,
                    const char  *what,
                    const char  *id)
{
  g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NOT_FOUND,
               _("There is no %s \"%s\" in the design"), what, id ? id : "(null)");
  return FALSE;
}

Command *
_cs_list_command (CommandType  type,
                  const char  *label,
                  gboolean     remove,
                  guint        position,
                  gpointer     object)
{
  Command *cmd = _cs_command_new (type, label);

  cmd->remove = remove;
  cmd->position = position;
  cmd->object = g_object_ref (object);
  return cmd;
}

Command *
_cs_position_command (NinesDocument    *doc,
                      const char       *key,
                      const NinesPoint *new_point)
{
  Command *cmd = _cs_command_new (CMD_POSITION, _("Move"));

  cmd->key = g_strdup (key);
  cmd->had_old = nines_document_get_position (doc, key, &cmd->old_point);
  cmd->has_new = new_point != NULL;
  if (new_point)
    cmd->new_point = *new_point;
  return cmd;
}

