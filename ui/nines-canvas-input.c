/* nines-canvas-input.c: pointer, touch and keyboard input of the canvas, its actions,
 * and adding services (dropped from the palette or by keyboard). Every edit goes through NinesCommandStack. */
#define G_LOG_DOMAIN "nines-canvas"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "nines-canvas-private.h"

#define ZOOM_STEP 1.25
#define KEY_MOVE_STEP (2 * NINES_GEOMETRY_GRID)

void
_nines_canvas_update_actions (NinesCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n = self->selection->len;
  gboolean have = self->stack != NULL;

  gtk_widget_action_set_enabled (widget, "canvas.delete-selection", n > 0);
  gtk_widget_action_set_enabled (widget, "canvas.move-selection", n > 0);
  gtk_widget_action_set_enabled (widget, "canvas.connect", n == 2);
  gtk_widget_action_set_enabled (widget, "canvas.connect-data", n == 2);
  gtk_widget_action_set_enabled (widget, "canvas.select-all", have);
  gtk_widget_action_set_enabled (widget, "canvas.add-component", have);
}

static void
report (NinesCanvas *self,
        GError      *error)
{
  if (error != NULL)
    _nines_canvas_emit_message (self, error->message);
}

/* ---- Pointer: select, move, pan, rubber band, connect ---- */

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               NinesCanvas    *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  int index = _nines_canvas_card_at (self, x, y);
  const NinesGeometryCard *card = index >= 0 ? nines_geometry_get_card (self->geometry, index) : NULL;

  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = self->drag_dy = 0;
  self->pan_dx = self->pan_dy = 0;
  self->drag_moved = FALSE;
  self->drag_toggle = FALSE;
  g_clear_pointer (&self->drag_card, g_free);

  if (button == GDK_BUTTON_MIDDLE)
    {
      self->drag = NINES_CANVAS_DRAG_PAN;
      return;
    }

  if (card != NULL)
    {
      GtkWidget *tile = g_hash_table_lookup (self->tiles, card->id);

      if (tile)
        gtk_widget_grab_focus (tile);
      if (card->added)
        {
          /* What the pattern adds is read-only: the tooltip explains it. */
          self->drag = NINES_CANVAS_DRAG_PAN;
          return;
        }
      self->drag_card = g_strdup (card->id);
      if (state & GDK_ALT_MASK)
        {
          self->drag = NINES_CANVAS_DRAG_CONNECT;
          return;
        }
      if (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
        {
          self->drag_toggle = TRUE;
          for (guint i = 0; i < self->selection->len; i++)
            if (g_str_equal (g_ptr_array_index (self->selection, i), card->id))
              {
                /* Ctrl/Shift-click on a selected card takes it out of the selection. */
                g_ptr_array_remove_index (self->selection, i);
                _nines_canvas_emit_selection (self);
                self->drag = NINES_CANVAS_DRAG_NONE;
                return;
              }
        }
      if (!nines_canvas_is_selected (self, card->id))
        nines_canvas_select (self, card->id, (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0);
      self->drag_anchor.x = card->rect.x;
      self->drag_anchor.y = card->rect.y;
      self->drag = NINES_CANVAS_DRAG_MOVE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (state & GDK_SHIFT_MASK)
    {
      self->drag = NINES_CANVAS_DRAG_RUBBER;
      return;
    }
  else
    {
      double px, py;
      guint region;
      NinesHitKind hit;

      nines_canvas_viewport_widget_to_plan (self->viewport, x, y, &px, &py);
      hit = nines_geometry_hit_test (self->geometry, px, py, &region, NULL);
      if (hit == NINES_HIT_REGION || hit == NINES_HIT_ZONE)
        nines_canvas_select_region (self, nines_geometry_get_region (self->geometry, region)->code);
      else if (!(state & GDK_CONTROL_MASK))
        nines_canvas_unselect_all (self);
      self->drag = NINES_CANVAS_DRAG_PAN;
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                NinesCanvas    *self)
{
  double zoom = nines_canvas_viewport_get_zoom (self->viewport);

  self->drag_dx = dx;
  self->drag_dy = dy;
  if (fabs (dx) + fabs (dy) > 3)
    self->drag_moved = TRUE;

  switch (self->drag)
    {
    case NINES_CANVAS_DRAG_MOVE:
      {
        int index = nines_geometry_find_card (self->geometry, self->drag_card);
        const NinesGeometryCard *card;
        double tx, ty, sx, sy;
        g_autoptr(GError) error = NULL;

        if (index < 0 || !self->drag_moved)
          break;
        card = nines_geometry_get_card (self->geometry, index);
        /* Snap the dragged card to the grid; the others keep their offsets. */
        tx = nines_geometry_snap (self->drag_anchor.x + dx / zoom, NINES_GEOMETRY_GRID);
        ty = nines_geometry_snap (self->drag_anchor.y + dy / zoom, NINES_GEOMETRY_GRID);
        sx = tx - card->rect.x;
        sy = ty - card->rect.y;
        if (sx == 0 && sy == 0)
          break;
        /* Consecutive moves of one selection merge into one undo step. */
        if (!nines_command_stack_move (self->stack, nines_canvas_get_selection (self), sx, sy, &error))
          report (self, error);
        nines_canvas_get_geometry (self);
      }
      break;

    case NINES_CANVAS_DRAG_PAN:
      self->auto_fit = FALSE;
      nines_canvas_viewport_pan (self->viewport, dx - self->pan_dx, dy - self->pan_dy);
      self->pan_dx = dx;
      self->pan_dy = dy;
      break;

    case NINES_CANVAS_DRAG_RUBBER:
    case NINES_CANVAS_DRAG_CONNECT:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;

    case NINES_CANVAS_DRAG_NONE:
    default:
      break;
    }
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             NinesCanvas    *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  NinesCanvasDrag drag = self->drag;

  self->drag = NINES_CANVAS_DRAG_NONE;
  switch (drag)
    {
    case NINES_CANVAS_DRAG_MOVE:
      /* A click (no motion) on a card of a larger selection selects it alone. */
      if (!self->drag_moved && !self->drag_toggle && self->selection->len > 1)
        nines_canvas_select (self, self->drag_card, FALSE);
      break;

    case NINES_CANVAS_DRAG_RUBBER:
      {
        double x0, y0, x1, y1;
        g_autoptr(GArray) hits = NULL;
        NinesRect r;

        nines_canvas_viewport_widget_to_plan (self->viewport, self->drag_x, self->drag_y, &x0, &y0);
        nines_canvas_viewport_widget_to_plan (self->viewport, self->drag_x + dx, self->drag_y + dy, &x1, &y1);
        nines_rect_from_points (x0, y0, x1, y1, &r);
        hits = nines_geometry_cards_in_rect (self->geometry, &r);
        g_ptr_array_set_size (self->selection, 0);
        g_clear_pointer (&self->selected_region, g_free);
        for (guint i = 0; i < hits->len; i++)
          {
            const NinesGeometryCard *card = nines_geometry_get_card (self->geometry, g_array_index (hits, guint, i));
            if (!card->added)
              g_ptr_array_add (self->selection, g_strdup (card->id));
          }
        _nines_canvas_emit_selection (self);
      }
      break;

    case NINES_CANVAS_DRAG_CONNECT:
      {
        int to = _nines_canvas_card_at (self, self->drag_x + dx, self->drag_y + dy);
        g_autoptr(GError) error = NULL;

        if (to >= 0 && !nines_geometry_get_card (self->geometry, to)->added &&
            g_strcmp0 (nines_geometry_get_card (self->geometry, to)->id, self->drag_card) != 0)
          {
            if (!nines_command_stack_connect (self->stack, self->drag_card,
                                              nines_geometry_get_card (self->geometry, to)->id,
                                              (state & GDK_SHIFT_MASK) ? NINES_LINK_DATA : NINES_LINK_TRAFFIC,
                                              &error))
              report (self, error);
          }
        gtk_widget_queue_draw (GTK_WIDGET (self));
      }
      break;

    case NINES_CANVAS_DRAG_PAN:
    case NINES_CANVAS_DRAG_NONE:
    default:
      break;
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           NinesCanvas              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double zoom = nines_canvas_viewport_get_zoom (self->viewport);

  self->auto_fit = FALSE;
  if (state & GDK_CONTROL_MASK)
    {
      nines_canvas_viewport_zoom_at (self->viewport, zoom * pow (1.1, -dy),
                                     self->pointer_x, self->pointer_y);
      return GDK_EVENT_STOP;
    }
  if (state & GDK_SHIFT_MASK)
    {
      dx = dy;
      dy = 0;
    }
  nines_canvas_viewport_pan (self->viewport, -dx * 40, -dy * 40);
  return GDK_EVENT_STOP;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           NinesCanvas              *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                NinesCanvas      *self)
{
  self->pinch_zoom = nines_canvas_viewport_get_zoom (self->viewport);
  self->auto_fit = FALSE;
}

static void
pinch_scale_cb (GtkGestureZoom *gesture,
                double          scale,
                NinesCanvas    *self)
{
  double cx, cy;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    cx = cy = 0;
  nines_canvas_viewport_zoom_at (self->viewport, self->pinch_zoom * scale, cx, cy);
}

/* ---- Drop a service from the palette ---- */

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         NinesCanvas   *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  NinesPoint at;

  if (!G_VALUE_HOLDS_STRING (value))
    return FALSE;
  nines_canvas_viewport_widget_to_plan (self->viewport, x, y, &at.x, &at.y);
  id = nines_canvas_add_component (self, g_value_get_string (value), &at, &error);
  if (id == NULL)
    {
      report (self, error);
      return FALSE;
    }
  nines_canvas_reveal (self, id);
  return TRUE;
}

/* ---- Actions ---- */

static void
zoom_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  NinesCanvas *self = NINES_CANVAS (widget);
  double zoom = nines_canvas_viewport_get_zoom (self->viewport);
  double cx = gtk_widget_get_width (widget) / 2.0;
  double cy = gtk_widget_get_height (widget) / 2.0;

  self->auto_fit = FALSE;
  if (g_str_equal (name, "canvas.zoom-in"))
    nines_canvas_viewport_zoom_at (self->viewport, zoom * ZOOM_STEP, cx, cy);
  else if (g_str_equal (name, "canvas.zoom-out"))
    nines_canvas_viewport_zoom_at (self->viewport, zoom / ZOOM_STEP, cx, cy);
  else if (g_str_equal (name, "canvas.zoom-reset"))
    nines_canvas_viewport_zoom_at (self->viewport, 1.0, cx, cy);
  else
    nines_canvas_zoom_fit (self);
}

static void
delete_selection_action (GtkWidget  *widget,
                         const char *name,
                         GVariant   *param)
{
  NinesCanvas *self = NINES_CANVAS (widget);
  g_auto(GStrv) ids = g_strdupv ((char **) nines_canvas_get_selection (self));
  g_autoptr(GError) error = NULL;

  if (ids[0] == NULL)
    return;
  nines_command_stack_begin_group (self->stack, g_strv_length (ids) > 1 ? _("Delete Services") : _("Delete Service"));
  for (guint i = 0; ids[i] != NULL && error == NULL; i++)
    nines_command_stack_remove_component (self->stack, ids[i], &error);
  nines_command_stack_end_group (self->stack);
  report (self, error);
  nines_canvas_get_geometry (self);
}

static void
select_all_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  NinesCanvas *self = NINES_CANVAS (widget);
  NinesGeometry *geometry = nines_canvas_get_geometry (self);

  if (geometry == NULL)
    return;
  g_ptr_array_set_size (self->selection, 0);
  g_clear_pointer (&self->selected_region, g_free);
  if (g_str_equal (name, "canvas.select-all"))
    for (guint i = 0; i < nines_geometry_get_n_cards (geometry); i++)
      if (!nines_geometry_get_card (geometry, i)->added)
        g_ptr_array_add (self->selection, g_strdup (nines_geometry_get_card (geometry, i)->id));
  _nines_canvas_emit_selection (self);
}

static void
connect_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  NinesCanvas *self = NINES_CANVAS (widget);
  const char * const *ids = nines_canvas_get_selection (self);
  g_autoptr(GError) error = NULL;

  if (self->selection->len != 2)
    return;
  /* From the first selected to the second. */
  if (!nines_command_stack_connect (self->stack, ids[0], ids[1],
                                    g_str_equal (name, "canvas.connect-data") ? NINES_LINK_DATA : NINES_LINK_TRAFFIC,
                                    &error))
    report (self, error);
}

static void
move_selection_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  NinesCanvas *self = NINES_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  double dx, dy;

  g_variant_get (param, "(dd)", &dx, &dy);
  if (self->selection->len == 0)
    return;
  if (!nines_command_stack_move (self->stack, nines_canvas_get_selection (self), dx, dy, &error))
    report (self, error);
  else if (self->selection->len > 0)
    nines_canvas_reveal (self, g_ptr_array_index (self->selection, 0));
}

static void
add_component_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  NinesCanvas *self = NINES_CANVAS (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = nines_canvas_add_component (self, g_variant_get_string (param, NULL), NULL, &error);

  if (id == NULL)
    report (self, error);
  else
    nines_canvas_reveal (self, id);
}

/* Arrow keys: to the nearest card that way; with Ctrl, extend the selection. */
static void
focus_neighbour_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  NinesCanvas *self = NINES_CANVAS (widget);
  NinesGeometry *geometry = nines_canvas_get_geometry (self);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  int dx, dy, from = -1, to;
  gboolean extend;

  g_variant_get (param, "(iib)", &dx, &dy, &extend);
  if (geometry == NULL || nines_geometry_get_n_cards (geometry) == 0)
    return;
  if (NINES_IS_SERVICE_TILE (focus) && gtk_widget_get_parent (focus) == widget)
    from = nines_geometry_find_card (geometry, nines_service_tile_get_id (NINES_SERVICE_TILE (focus)));
  else if (self->selection->len > 0)
    from = nines_geometry_find_card (geometry, g_ptr_array_index (self->selection, self->selection->len - 1));

  to = from < 0 ? 0 : nines_geometry_find_neighbour (geometry, from, dx, dy);
  if (to < 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  if (!nines_geometry_get_card (geometry, to)->added)
    nines_canvas_select (self, nines_geometry_get_card (geometry, to)->id, extend);
  nines_canvas_reveal (self, nines_geometry_get_card (geometry, to)->id);
}

static void
escape_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  nines_canvas_unselect_all (NINES_CANVAS (widget));
}

void
_nines_canvas_class_init_input (GtkWidgetClass *widget_class)
{
  struct { guint key; GdkModifierType mods; int dx, dy; gboolean extend; } arrows[] = {
    { GDK_KEY_Left, 0, -1, 0, FALSE }, { GDK_KEY_Right, 0, 1, 0, FALSE },
    { GDK_KEY_Up, 0, 0, -1, FALSE }, { GDK_KEY_Down, 0, 0, 1, FALSE },
    { GDK_KEY_Left, GDK_CONTROL_MASK, -1, 0, TRUE }, { GDK_KEY_Right, GDK_CONTROL_MASK, 1, 0, TRUE },
    { GDK_KEY_Up, GDK_CONTROL_MASK, 0, -1, TRUE }, { GDK_KEY_Down, GDK_CONTROL_MASK, 0, 1, TRUE },
  };

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.delete-selection", NULL, delete_selection_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-all", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-none", NULL, select_all_action);
  gtk_widget_class_install_action (widget_class, "canvas.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "canvas.connect-data", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-selection", "(dd)", move_selection_action);
  gtk_widget_class_install_action (widget_class, "canvas.add-component", "s", add_component_action);
  gtk_widget_class_install_action (widget_class, "canvas.focus-neighbour", "(iib)", focus_neighbour_action);
  gtk_widget_class_install_action (widget_class, "canvas.escape", NULL, escape_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "canvas.delete-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "canvas.delete-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.escape", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, arrows[i].key, arrows[i].mods,
                                           "canvas.focus-neighbour", "(iib)",
                                           arrows[i].dx, arrows[i].dy, arrows[i].extend);
      if (arrows[i].mods == 0)
        /* Alt+arrow moves the selection by two grid steps. */
        gtk_widget_class_add_binding_action (widget_class, arrows[i].key, GDK_ALT_MASK,
                                             "canvas.move-selection", "(dd)",
                                             arrows[i].dx * KEY_MOVE_STEP, arrows[i].dy * KEY_MOVE_STEP);
    }
}

void
_nines_canvas_init_input (NinesCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_COPY);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_scale_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));

  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* A name for a new component of @info's kind that no component of @document shows: the
 * kind's label ("Application Load Balancer"), then the label with the first free number
 * from 2 ("Application Load Balancer 2"). */
static char *
default_component_name (NinesDocument       *document,
                        const NinesKindInfo *info)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);
  char *name = g_strdup (info->label);

  for (guint i = 0; i < nines_document_get_n_components (document); i++)
    g_hash_table_add (taken, (gpointer) nines_component_get_display_name (nines_document_get_component (document, i)));
  for (guint n = 2; g_hash_table_contains (taken, name); n++)
    {
      g_free (name);
      /* Translators: the default name of a new component: its kind and a number, e.g.
       * "Application Load Balancer 2" */
      name = g_strdup_printf (_("%s %u"), info->label, n);
    }
  return name;
}

char *
nines_canvas_add_component (NinesCanvas       *self,
                            const char        *kind,
                            const NinesPoint  *at,
                            GError           **error)
{
  const NinesKindInfo *info;
  g_autoptr(NinesComponent) component = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  const char *region = NULL;
  NinesPoint spot;
  guint lane = 0;

  g_return_val_if_fail (NINES_IS_CANVAS (self), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  _nines_canvas_ensure_geometry (self);
  if (self->stack == NULL)
    {
      g_set_error_literal (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_FAILED, _("No design is open"));
      return NULL;
    }
  info = nines_catalog_lookup_kind (nines_catalog_get_default (), kind);
  if (info == NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_NOT_FOUND,
                   _("Unknown kind of service “%s”"), kind);
      return NULL;
    }

  /* Which region: the one dropped on, else the selected one, else the primary. */
  if (info->placement != NINES_PLACEMENT_GLOBAL)
    {
      guint index, zone;
      NinesHitKind hit = at ? nines_geometry_hit_test (self->geometry, at->x, at->y, &index, &zone)
                            : NINES_HIT_NONE;

      if (hit == NINES_HIT_ZONE || hit == NINES_HIT_REGION)
        {
          region = nines_geometry_get_region (self->geometry, index)->code;
          lane = hit == NINES_HIT_ZONE ? zone : 0;
        }
      else if (hit == NINES_HIT_CARD)
        region = nines_geometry_get_card (self->geometry, index)->region;
      if (region == NULL || nines_document_lookup_region (self->document, region) == NULL)
        region = self->selected_region;
      if (region == NULL && self->selection->len > 0)
        {
          NinesComponent *c = nines_document_lookup_component (self->document, g_ptr_array_index (self->selection, 0));
          region = c ? nines_component_get_region (c) : NULL;
        }
      if (region == NULL)
        region = nines_document_get_primary_region (self->document);
      if (region == NULL && g_list_model_get_n_items (nines_document_get_regions (self->document)) > 0)
        {
          g_autoptr(NinesRegion) first = g_list_model_get_item (nines_document_get_regions (self->document), 0);
          region = nines_region_get_code (first);
        }
      if (region == NULL || nines_document_lookup_region (self->document, region) == NULL)
        {
          g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                       _("A %s needs a region: add a region first"), info->label);
          return NULL;
        }
    }

  id = nines_document_make_component_id (self->document, kind);
  component = nines_component_new (id, kind, region);
  /* Named as part of the add command: one undo takes the component and its name away. */
  name = default_component_name (self->document, info);
  nines_component_set_name (component, name);
  if (info->placement == NINES_PLACEMENT_ZONAL)
    {
      NinesRegion *r = nines_document_lookup_region (self->document, region);
      const char * const *azs = nines_region_get_azs (r);
      guint n_azs = g_strv_length ((char **) azs);
      guint want = MIN (MAX (info->min_azs, 2), n_azs);
      g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

      /* Start at the lane it was dropped on. */
      for (guint i = 0; i < want; i++)
        g_ptr_array_add (chosen, (gpointer) azs[(lane + i) % n_azs]);
      g_ptr_array_add (chosen, NULL);
      nines_component_set_azs (component, (const char * const *) chosen->pdata);
    }

  if (at != NULL)
    {
      spot.x = nines_geometry_snap (at->x - NINES_GEOMETRY_CARD_WIDTH / 2, NINES_GEOMETRY_GRID);
      spot.y = nines_geometry_snap (at->y - NINES_GEOMETRY_CARD_HEIGHT / 2, NINES_GEOMETRY_GRID);
    }
  else
    nines_geometry_free_spot (self->geometry, region, &spot);

  if (!nines_command_stack_add_component (self->stack, component, &spot, error))
    return NULL;
  _nines_canvas_ensure_geometry (self);
  nines_canvas_select (self, id, FALSE);
  return g_steal_pointer (&id);
}
