/* nines-command-stack-private.h: what the files of NinesCommandStack share */
#pragma once

#include "nines-model-private.h"

G_BEGIN_DECLS

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
  CMD_OWNERS,
  CMD_PRIMARY_REGION,
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


Command  *_cs_command_new      (CommandType         type,
                                const char         *label);
void      _cs_command_free     (Command            *cmd);
/* Runs @cmd forwards (@forward) or backwards. */
void      _cs_command_run      (Command            *cmd,
                                NinesDocument      *doc,
                                gboolean            forward);
/* Records a command that has already been run. */
void      _cs_push             (NinesCommandStack  *self,
                                Command            *cmd);
/* Runs @cmd; if the document is then invalid where @check_id says, runs it back and
 * fails with the problems found. @check_id NULL: check the whole document. */
gboolean  _cs_run_checked      (NinesCommandStack  *self,
                                Command            *cmd,
                                const char         *check_id,
                                GError            **error);
gboolean  _cs_fail_not_found   (GError            **error,
                                const char         *what,
                                const char         *id);
Command  *_cs_list_command     (CommandType         type,
                                const char         *label,
                                gboolean            remove,
                                guint               position,
                                gpointer            object);
Command  *_cs_position_command (NinesDocument      *doc,
                                const char         *key,
                                const NinesPoint   *new_point);

G_END_DECLS
