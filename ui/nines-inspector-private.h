/* nines-inspector-private.h: what the inspector and its parameter rows share */
#pragma once

#include "nines-inspector.h"
#include "nines-ui.h"

G_BEGIN_DECLS

typedef enum
{
  TARGET_PARAM,     /* a parameter of the selected component */
  TARGET_KNOB,      /* a DR knob of the document */
  TARGET_NAME,      /* the selected component's name */
  TARGET_DOC_NAME,  /* the design's name */
} Target;

typedef struct
{
  NinesInspector       *self;
  Target                target;
  char                 *component_id;
  const NinesParamSpec *spec;        /* catalog-owned; NULL for names */
  char                 *subtitle;    /* shown when the value is valid */
  GtkWidget            *row;
  GtkWidget            *editor;      /* GtkEntry, GtkSwitch, or the AdwComboRow */
  GtkEventController   *focus;       /* entries: applies the value when focus leaves */
  gboolean              updating;
  guint                 apply_source; /* a valid entry applies after a pause in typing */
} ParamRow;

/* A valid value typed into an entry is applied after this long without typing (or at once
 * on Enter or when focus leaves). Invalid values never are. */
#define APPLY_DELAY_MS 700

struct _NinesInspector
{
  GtkWidget     parent_instance;

  GtkBox       *content;

  NinesCanvas  *canvas;
  NinesDocument *document;
  GPtrArray    *rows;      /* of ParamRow */
  GPtrArray    *groups;    /* widgets in content, rebuilt on selection change */
  char         *shape;     /* what the rows show: rebuilt only when this changes */
  AdwPreferencesGroup *component_group;  /* titled with the component's name */
  char         *component_id;
  gboolean      rebuilding;
  GtkWidget    *knob_expander; /* (nullable) the collapsed knobs, rows added on demand */
};

/* nines-inspector-rows.c: one editable row per parameter, knob or name */
void      _nines_param_row_free (ParamRow *pr);
void      _nines_param_row_sync (ParamRow *pr);
ParamRow *_nines_inspector_add_row (NinesInspector       *self,
                                    GtkWidget            *parent,
                                    Target                target,
                                    const char           *component_id,
                                    const NinesParamSpec *spec,
                                    const char           *title);
NinesCommandStack *_nines_inspector_get_stack (NinesInspector *self);

G_END_DECLS
