/* nines-canvas.c: layout, drawing and selection of the design canvas */
#define G_LOG_DOMAIN "nines-canvas"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "nines-canvas-private.h"

G_DEFINE_FINAL_TYPE (NinesCanvas, nines_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMMAND_STACK,
  N_PROPS
};

enum {
  SELECTION_CHANGED,
  GEOMETRY_CHANGED,
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Tiles are kept for cards this far outside the view, so a pan does not show gaps. */
#define VISIBLE_MARGIN 64.0

static void
style_tile (NinesCanvas      *self,
            NinesServiceTile *tile)
{
  const NinesGeometryCard *card = nines_service_tile_get_card (tile);
  NinesDiagramCardFlags flags = 0;

  if (card && nines_canvas_is_selected (self, card->id))
    flags |= NINES_DIAGRAM_CARD_SELECTED;
  if (card && nines_diagram_card_is_failed (card, &self->style))
    flags |= NINES_DIAGRAM_CARD_FAILED;
  nines_service_tile_set_style (tile, &self->style, flags);
}

void
_nines_canvas_emit_selection (NinesCanvas *self)
{
  GHashTableIter iter;
  gpointer tile;

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, NULL, &tile))
    style_tile (self, tile);
  _nines_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* The plan area whose cards get tiles: the view plus a margin. Before the first
 * allocation, a typical window's worth around the design's origin. */
static void
near_rect (NinesCanvas *self,
           NinesRect   *near)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  NinesRect visible;

  if (width <= 0 || height <= 0)
    {
      width = 1600;
      height = 1200;
    }
  nines_canvas_viewport_get_visible (self->viewport, width, height, &visible);
  near->x = visible.x - VISIBLE_MARGIN;
  near->y = visible.y - VISIBLE_MARGIN;
  near->width = visible.width + 2 * VISIBLE_MARGIN;
  near->height = visible.height + 2 * VISIBLE_MARGIN;
}

/* Up to this many cards, every card has its tile even out of view, so all of them are in
 * the accessibility tree and the keyboard chain (a design opens showing only its top). */
#define ALL_TILES_MAX 150

/* The tile holding the keyboard focus (the focus itself or its ancestor), or NULL. */
static GtkWidget *
focus_tile (NinesCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  while (focus != NULL && gtk_widget_get_parent (focus) != GTK_WIDGET (self))
    focus = gtk_widget_get_parent (focus);
  return focus != NULL && NINES_IS_SERVICE_TILE (focus) ? focus : NULL;
}

/* Tiles exist only for cards near the view, the selection and the focus (like the rows of
 * a GtkListView): a 2,000-card design keeps a few dozen widgets. Runs on every pan, so
 * only the cards it keeps are looked up by id. Returns TRUE when tiles were added (they
 * need measuring before allocation). */
static gboolean
sync_tiles (NinesCanvas *self)
{
  g_autoptr(GHashTable) keep = NULL;
  GtkWidget *focused;
  GHashTableIter iter;
  gpointer key, value;
  gboolean added = FALSE;
  int focus_index = -1;
  gboolean all;
  NinesRect near;
  guint n;

  g_array_set_size (self->shown, 0);
  if (self->geometry == NULL)
    return FALSE;
  if ((focused = focus_tile (self)) != NULL)
    focus_index = nines_geometry_find_card (self->geometry,
                                            nines_service_tile_get_id (NINES_SERVICE_TILE (focused)));
  near_rect (self, &near);
  n = nines_geometry_get_n_cards (self->geometry);
  all = n <= ALL_TILES_MAX;
  keep = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      const NinesGeometryCard *card = nines_geometry_get_card (self->geometry, i);
      NinesCanvasShown shown = { i, NULL };
      NinesServiceTile *tile;

      if (!all && (int) i != focus_index && !nines_rect_intersects (&card->rect, &near))
        continue;
      tile = g_hash_table_lookup (self->tiles, card->id);
      if (tile == NULL)
        {
          tile = nines_service_tile_new ();
          gtk_widget_set_parent (GTK_WIDGET (tile), GTK_WIDGET (self));
          g_hash_table_insert (self->tiles, g_strdup (card->id), tile);
          added = TRUE;
        }
      if (nines_service_tile_get_card (tile) != card)
        {
          nines_service_tile_set_card (tile, self->geometry, i);
          style_tile (self, tile);
        }
      g_hash_table_add (keep, card->id);
      shown.tile = GTK_WIDGET (tile);
      g_array_append_val (self->shown, shown);
    }

  g_hash_table_iter_init (&iter, self->tiles);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (keep, key))
      {
        gtk_widget_unparent (value);
        g_hash_table_iter_remove (&iter);
      }
  return added;
}

void
_nines_canvas_emit_message (NinesCanvas *self,
                            const char  *message)
{
  g_signal_emit (self, signals[MESSAGE], 0, message);
}

void
_nines_canvas_refresh_tiles (NinesCanvas *self)
{
  _nines_canvas_emit_selection (self);
}

/* Brings geometry (and the deployment) up to date with the document. */
void
_nines_canvas_ensure_geometry (NinesCanvas *self)
{
  gboolean selection_changed = FALSE;

  if (!self->geometry_stale)
    return;
  self->geometry_stale = FALSE;
  g_clear_handle_id (&self->rebuild_source, g_source_remove);

  g_clear_pointer (&self->geometry, nines_geometry_unref);
  g_clear_pointer (&self->deployment, nines_deployment_unref);
  if (self->document == NULL)
    {
      GtkWidget *child;
      g_array_set_size (self->shown, 0);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
        gtk_widget_unparent (child);
      g_hash_table_remove_all (self->tiles);
      return;
    }

  self->deployment = nines_deployment_new (self->document, nines_document_get_dr_pattern (self->document));
  self->geometry = nines_geometry_new (self->document, self->deployment);

  /* Tiles are reused by id, so focus survives edits. */
  sync_tiles (self);

  /* Drop selected ids that no longer exist (deleted, or undone). */
  for (guint i = self->selection->len; i > 0; i--)
    if (nines_document_lookup_component (self->document, g_ptr_array_index (self->selection, i - 1)) == NULL)
      {
        g_ptr_array_remove_index (self->selection, i - 1);
        selection_changed = TRUE;
      }
  if (self->selected_region && nines_geometry_find_region (self->geometry, self->selected_region) < 0)
    {
      g_clear_pointer (&self->selected_region, g_free);
      selection_changed = TRUE;
    }

  /* Listeners re-read the selection either way: its components may have been edited. */
  (void) selection_changed;
  _nines_canvas_emit_selection (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_signal_emit (self, signals[GEOMETRY_CHANGED], 0);
}

static gboolean
rebuild_idle (gpointer data)
{
  NinesCanvas *self = data;

  self->rebuild_source = 0;
  _nines_canvas_ensure_geometry (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (NinesCanvas   *self,
                     NinesDocument *document)
{
  self->geometry_stale = TRUE;
  /* Before GTK's layout (HIGH_IDLE + 10) so the frame shows the edit. */
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, rebuild_idle, self, NULL);
}

static void
on_viewport_changed (NinesCanvas *self)
{
  if (sync_tiles (self))
    gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed (NinesCanvas    *self,
                 GParamSpec     *pspec,
                 AdwStyleManager *manager)
{
  self->style.dark = adw_style_manager_get_dark (manager);
  _nines_canvas_emit_selection (self);
}

static void
nines_canvas_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  GtkWidget *child;

  /* Children are measured (GTK requires it) but never size the canvas. */
  for (child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    gtk_widget_measure (child, orientation, -1, NULL, NULL, NULL, NULL);
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
nines_canvas_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  NinesCanvas *self = (NinesCanvas *)widget;
  double zoom;

  _nines_canvas_ensure_geometry (self);
  if (self->geometry == NULL)
    return;

  if (self->auto_fit && width > 200 && height > 200 &&
      (width != self->fit_width || height != self->fit_height))
    {
      NinesRect bounds;

      self->fit_width = width;
      self->fit_height = height;
      nines_geometry_get_bounds (self->geometry, &bounds);
      g_signal_handlers_block_by_func (self->viewport, on_viewport_changed, self);
      /* A design opened: readable cards first (the whole of a tall design is a scroll
       * away, or Ctrl+0). */
      nines_canvas_viewport_fit_readable (self->viewport, &bounds, width, height, 32,
                                          NINES_CANVAS_READABLE_ZOOM);
      g_signal_handlers_unblock_by_func (self->viewport, on_viewport_changed, self);
    }

  if (sync_tiles (self))
    for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);

  zoom = nines_canvas_viewport_get_zoom (self->viewport);
  for (guint i = 0; i < self->shown->len; i++)
    {
      const NinesCanvasShown *shown = &g_array_index (self->shown, NinesCanvasShown, i);
      const NinesGeometryCard *card = nines_geometry_get_card (self->geometry, shown->index);
      GtkWidget *tile = shown->tile;
      double wx, wy;

      nines_canvas_viewport_plan_to_widget (self->viewport, card->rect.x, card->rect.y, &wx, &wy);
      gtk_widget_allocate (tile, MAX (1, (int) (card->rect.width * zoom)),
                           MAX (1, (int) (card->rect.height * zoom)), -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (wx, wy)));
    }
}

/* Regions, lanes, links and the rubber band: one cairo node over what they cover of the
 * view. The cairo renderer replays a cairo node into a new image the size of the node,
 * every frame: an empty stretch of the design must not cost a window-sized one. */
static void
snapshot_background (NinesCanvas     *self,
                     GtkSnapshot     *snapshot,
                     int              width,
                     int              height,
                     const NinesRect *visible)
{
  double zoom = nines_canvas_viewport_get_zoom (self->viewport);
  NinesRect extents, rubber = { 0 };
  gboolean drawn;
  int x0, y0, x1, y1;
  double ox, oy;
  cairo_t *cr;

  nines_canvas_viewport_get_origin (self->viewport, &ox, &oy);
  drawn = nines_diagram_get_extents (self->geometry, &self->style, visible, &extents);
  if (self->drag == NINES_CANVAS_DRAG_RUBBER)
    {
      double ax, ay, bx, by;

      nines_canvas_viewport_widget_to_plan (self->viewport, self->drag_x, self->drag_y, &ax, &ay);
      nines_canvas_viewport_widget_to_plan (self->viewport, self->drag_x + self->drag_dx,
                                            self->drag_y + self->drag_dy, &bx, &by);
      nines_rect_from_points (ax, ay, bx, by, &rubber);
      if (drawn)
        nines_rect_union (&extents, &rubber, &extents);
      else
        extents = rubber;
      drawn = TRUE;
    }
  if (!drawn)
    return;

  /* In widget pixels, rounded out (antialiased edges) and kept inside the widget. */
  x0 = MAX (0, (int) floor ((extents.x - ox) * zoom) - 1);
  y0 = MAX (0, (int) floor ((extents.y - oy) * zoom) - 1);
  x1 = MIN (width, (int) ceil ((extents.x + extents.width - ox) * zoom) + 1);
  y1 = MIN (height, (int) ceil ((extents.y + extents.height - oy) * zoom) + 1);
  if (x1 <= x0 || y1 <= y0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -ox, -oy);
  nines_diagram_draw_regions (cr, self->geometry, &self->style, visible);
  nines_diagram_draw_links (cr, self->geometry, &self->style, visible);
  if (self->drag == NINES_CANVAS_DRAG_RUBBER)
    {
      cairo_rectangle (cr, rubber.x, rubber.y, rubber.width, rubber.height);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, 0.8);
      cairo_set_line_width (cr, 1 / zoom);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
nines_canvas_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  NinesCanvas *self = (NinesCanvas *)widget;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  NinesRect visible, near;
  double zoom, ox, oy;
  cairo_t *cr;

  if (self->geometry == NULL || width <= 0 || height <= 0)
    return;

  zoom = nines_canvas_viewport_get_zoom (self->viewport);
  nines_canvas_viewport_get_origin (self->viewport, &ox, &oy);
  nines_canvas_viewport_get_visible (self->viewport, width, height, &visible);
  self->style.scale = zoom;
  snapshot_background (self, snapshot, width, height, &visible);

  /* Cards: only the tiles near the view (2,000 cards stay cheap to draw), in card order. */
  near = (NinesRect) { visible.x - VISIBLE_MARGIN, visible.y - VISIBLE_MARGIN,
                       visible.width + 2 * VISIBLE_MARGIN, visible.height + 2 * VISIBLE_MARGIN };
  for (guint i = 0; i < self->shown->len; i++)
    {
      const NinesCanvasShown *shown = &g_array_index (self->shown, NinesCanvasShown, i);

      if (nines_rect_intersects (&nines_geometry_get_card (self->geometry, shown->index)->rect, &near))
        gtk_widget_snapshot_child (widget, shown->tile, snapshot);
    }

  if (self->drag == NINES_CANVAS_DRAG_CONNECT)
    {
      int from = nines_geometry_find_card (self->geometry, self->drag_card);
      double p[8];
      NinesRect end = { 0 };

      if (from >= 0)
        {
          const NinesGeometryCard *card = nines_geometry_get_card (self->geometry, from);
          double ex, ey;

          nines_canvas_viewport_widget_to_plan (self->viewport, self->drag_x + self->drag_dx,
                                                self->drag_y + self->drag_dy, &ex, &ey);
          end.x = ex;
          end.y = ey;
          nines_geometry_link_curve (&card->rect, &end, p);
          cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
          cairo_scale (cr, zoom, zoom);
          cairo_translate (cr, -ox, -oy);
          cairo_move_to (cr, p[0], p[1]);
          cairo_curve_to (cr, p[2], p[3], p[4], p[5], p[6], p[7]);
          cairo_set_source_rgba (cr, 0.15, 0.64, 0.41, 0.9);
          cairo_set_line_width (cr, 2.5);
          cairo_stroke (cr);
          cairo_destroy (cr);
        }
    }
}

static void
nines_canvas_dispose (GObject *object)
{
  NinesCanvas *self = (NinesCanvas *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  g_array_set_size (self->shown, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_hash_table_remove_all (self->tiles);
  if (self->document)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_clear_object (&self->document);
  g_clear_object (&self->stack);
  g_clear_pointer (&self->geometry, nines_geometry_unref);
  g_clear_pointer (&self->deployment, nines_deployment_unref);
  g_clear_object (&self->viewport);
  G_OBJECT_CLASS (nines_canvas_parent_class)->dispose (object);
}

static void
nines_canvas_finalize (GObject *object)
{
  NinesCanvas *self = (NinesCanvas *)object;

  g_hash_table_unref (self->tiles);
  g_array_unref (self->shown);
  g_ptr_array_unref (self->selection);
  g_free (self->selected_region);
  g_free (self->failed_region);
  g_free (self->failed_zone);
  g_free (self->drag_card);
  G_OBJECT_CLASS (nines_canvas_parent_class)->finalize (object);
}

static void
nines_canvas_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NinesCanvas *self = NINES_CANVAS (object);

  switch (prop_id)
    {
    case PROP_COMMAND_STACK:
      g_value_set_object (value, self->stack);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nines_canvas_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  NinesCanvas *self = NINES_CANVAS (object);

  switch (prop_id)
    {
    case PROP_COMMAND_STACK:
      nines_canvas_set_command_stack (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nines_canvas_class_init (NinesCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nines_canvas_dispose;
  object_class->finalize = nines_canvas_finalize;
  object_class->get_property = nines_canvas_get_property;
  object_class->set_property = nines_canvas_set_property;
  widget_class->measure = nines_canvas_measure;
  widget_class->size_allocate = nines_canvas_size_allocate;
  widget_class->snapshot = nines_canvas_snapshot;

  properties[PROP_COMMAND_STACK] =
    g_param_spec_object ("command-stack", NULL, NULL, NINES_TYPE_COMMAND_STACK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  signals[GEOMETRY_CHANGED] = g_signal_new ("geometry-changed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
  /* A sentence for the user (shown as a toast), e.g. why an edit was refused. */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_css_name (widget_class, "ninescanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  _nines_canvas_class_init_input (widget_class);
}

static void
nines_canvas_init (NinesCanvas *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->viewport = nines_canvas_viewport_new ();
  g_signal_connect_object (self->viewport, "changed", G_CALLBACK (on_viewport_changed), self,
                           G_CONNECT_SWAPPED);
  self->tiles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->shown = g_array_new (FALSE, FALSE, sizeof (NinesCanvasShown));
  self->selection = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  nines_diagram_style_init (&self->style, adw_style_manager_get_dark (manager));
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_dark_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Design canvas"), -1);
  _nines_canvas_init_input (self);
  _nines_canvas_update_actions (self);
}

GtkWidget *
nines_canvas_new (void)
{
  return g_object_new (NINES_TYPE_CANVAS, NULL);
}

NinesCanvasViewport *
nines_canvas_get_viewport (NinesCanvas *self)
{
  g_return_val_if_fail (NINES_IS_CANVAS (self), NULL);
  return self->viewport;
}

NinesCommandStack *
nines_canvas_get_command_stack (NinesCanvas *self)
{
  g_return_val_if_fail (NINES_IS_CANVAS (self), NULL);
  return self->stack;
}

void
nines_canvas_set_command_stack (NinesCanvas       *self,
                                NinesCommandStack *stack)
{
  g_return_if_fail (NINES_IS_CANVAS (self));
  g_return_if_fail (!stack || NINES_IS_COMMAND_STACK (stack));

  if (self->stack == stack)
    return;
  if (self->document)
    g_signal_handlers_disconnect_by_func (self->document, on_document_changed, self);
  g_clear_object (&self->document);
  g_set_object (&self->stack, stack);
  if (stack)
    {
      self->document = g_object_ref (nines_command_stack_get_document (stack));
      g_signal_connect_swapped (self->document, "changed", G_CALLBACK (on_document_changed), self);
    }
  g_ptr_array_set_size (self->selection, 0);
  g_clear_pointer (&self->selected_region, g_free);
  self->auto_fit = TRUE;
  self->fit_width = self->fit_height = 0;
  self->geometry_stale = TRUE;
  _nines_canvas_ensure_geometry (self);
  _nines_canvas_emit_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMMAND_STACK]);
}

NinesDeployment *
nines_canvas_get_deployment (NinesCanvas *self)
{
  g_return_val_if_fail (NINES_IS_CANVAS (self), NULL);
  _nines_canvas_ensure_geometry (self);
  return self->deployment;
}

NinesGeometry *
nines_canvas_get_geometry (NinesCanvas *self)
{
  g_return_val_if_fail (NINES_IS_CANVAS (self), NULL);
  _nines_canvas_ensure_geometry (self);
  return self->geometry;
}

const char * const *
nines_canvas_get_selection (NinesCanvas *self)
{
  g_return_val_if_fail (NINES_IS_CANVAS (self), NULL);
  _nines_canvas_ensure_geometry (self);
  static const char *empty[] = { NULL };

  /* The array is NULL-terminated (g_ptr_array_new_null_terminated). */
  if (self->selection->pdata == NULL)
    return empty;
  return (const char * const *) self->selection->pdata;
}

guint
nines_canvas_get_n_selected (NinesCanvas *self)
{
  g_return_val_if_fail (NINES_IS_CANVAS (self), 0);
  return self->selection->len;
}

gboolean
nines_canvas_is_selected (NinesCanvas *self,
                          const char  *id)
{
  g_return_val_if_fail (NINES_IS_CANVAS (self), FALSE);
  for (guint i = 0; i < self->selection->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->selection, i), id) == 0)
      return TRUE;
  return FALSE;
}

void
nines_canvas_select (NinesCanvas *self,
                     const char  *id,
                     gboolean     extend)
{
  g_return_if_fail (NINES_IS_CANVAS (self));

  if (self->document == NULL || nines_document_lookup_component (self->document, id) == NULL)
    return;
  if (!extend)
    g_ptr_array_set_size (self->selection, 0);
  g_clear_pointer (&self->selected_region, g_free);
  if (!nines_canvas_is_selected (self, id))
    g_ptr_array_add (self->selection, g_strdup (id));
  _nines_canvas_emit_selection (self);
}

void
nines_canvas_unselect_all (NinesCanvas *self)
{
  g_return_if_fail (NINES_IS_CANVAS (self));
  if (self->selection->len == 0 && self->selected_region == NULL)
    return;
  g_ptr_array_set_size (self->selection, 0);
  g_clear_pointer (&self->selected_region, g_free);
  _nines_canvas_emit_selection (self);
}

const char *
nines_canvas_get_selected_region (NinesCanvas *self)
{
  g_return_val_if_fail (NINES_IS_CANVAS (self), NULL);
  return self->selected_region;
}

void
nines_canvas_select_region (NinesCanvas *self,
                            const char  *code)
{
  g_return_if_fail (NINES_IS_CANVAS (self));
  g_ptr_array_set_size (self->selection, 0);
  g_free (self->selected_region);
  self->selected_region = g_strdup (code);
  _nines_canvas_emit_selection (self);
}

GtkWidget *
nines_canvas_get_tile (NinesCanvas *self,
                       const char  *id)
{
  g_return_val_if_fail (NINES_IS_CANVAS (self), NULL);
  _nines_canvas_ensure_geometry (self);
  return g_hash_table_lookup (self->tiles, id);
}

void
nines_canvas_reveal (NinesCanvas *self,
                     const char  *id)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  NinesRect visible;
  GtkWidget *tile;
  int i;

  g_return_if_fail (NINES_IS_CANVAS (self));
  _nines_canvas_ensure_geometry (self);
  if (self->geometry == NULL || (i = nines_geometry_find_card (self->geometry, id)) < 0)
    return;

  nines_canvas_viewport_get_visible (self->viewport, width, height, &visible);
  if (width > 0 && !nines_rect_intersects (&nines_geometry_get_card (self->geometry, i)->rect, &visible))
    {
      const NinesRect *r = &nines_geometry_get_card (self->geometry, i)->rect;
      double zoom = nines_canvas_viewport_get_zoom (self->viewport);
      nines_canvas_viewport_set_origin (self->viewport, r->x + r->width / 2 - width / 2 / zoom,
                                        r->y + r->height / 2 - height / 2 / zoom);
    }
  sync_tiles (self);
  tile = g_hash_table_lookup (self->tiles, id);
  if (tile)
    gtk_widget_grab_focus (tile);
}

int
_nines_canvas_card_at (NinesCanvas *self,
                       double       wx,
                       double       wy)
{
  double px, py;
  guint index;

  _nines_canvas_ensure_geometry (self);
  if (self->geometry == NULL)
    return -1;
  nines_canvas_viewport_widget_to_plan (self->viewport, wx, wy, &px, &py);
  if (nines_geometry_hit_test (self->geometry, px, py, &index, NULL) == NINES_HIT_CARD)
    return index;
  return -1;
}

void
nines_canvas_zoom_fit (NinesCanvas *self)
{
  NinesRect bounds;

  g_return_if_fail (NINES_IS_CANVAS (self));
  _nines_canvas_ensure_geometry (self);
  if (self->geometry == NULL)
    return;
  nines_geometry_get_bounds (self->geometry, &bounds);
  nines_canvas_viewport_fit (self->viewport, &bounds, gtk_widget_get_width (GTK_WIDGET (self)),
                             gtk_widget_get_height (GTK_WIDGET (self)), 32);
}

void
nines_canvas_set_outage (NinesCanvas *self,
                         const char  *region,
                         const char  *zone)
{
  g_return_if_fail (NINES_IS_CANVAS (self));

  g_free (self->failed_region);
  g_free (self->failed_zone);
  self->failed_region = g_strdup (region);
  self->failed_zone = g_strdup (zone);
  self->style.failed_region = self->failed_region;
  self->style.failed_zone = self->failed_zone;
  _nines_canvas_emit_selection (self);
}
