#define G_LOG_DOMAIN "nines-service-tile"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "nines-service-tile.h"
#include "nines-ui.h"

struct _NinesServiceTile
{
  GtkWidget              parent_instance;
  NinesGeometry         *geometry;
  guint                  index;
  NinesDiagramStyle      style;
  NinesDiagramCardFlags  flags;

  /* The card rendered once at the current size: panning only moves the picture (cairo
   * nodes of the drawing would replay the text on every frame). A texture for the GL
   * renderers; for the cairo renderer the image itself, since it would download (convert)
   * a texture into a new image surface on every frame, 47 % of a 2,000-card pan frame. */
  cairo_surface_t       *surface;
  GdkTexture            *texture;
  int                    texture_width;
  int                    texture_height;
  int                    texture_scale;
  NinesDiagramCardFlags  texture_flags;
};

G_DEFINE_FINAL_TYPE (NinesServiceTile, nines_service_tile, GTK_TYPE_WIDGET)

static void
nines_service_tile_finalize (GObject *object)
{
  NinesServiceTile *self = (NinesServiceTile *)object;

  g_clear_pointer (&self->geometry, nines_geometry_unref);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  G_OBJECT_CLASS (nines_service_tile_parent_class)->finalize (object);
}

/* Room around the card for the focus ring, in plan units. */
#define RING 6

static cairo_surface_t *
render_surface (NinesServiceTile        *self,
                const NinesGeometryCard *card,
                int                      width,
                int                      height,
                int                      scale,
                NinesDiagramCardFlags    flags)
{
  double zoom = (double) width / card->rect.width;
  int pad = (int) ceil (RING * zoom);
  int pw = (width + 2 * pad) * scale, ph = (height + 2 * pad) * scale;
  NinesDiagramStyle style = self->style;
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, pad, pad);
  cairo_scale (cr, zoom, zoom);
  cairo_translate (cr, -card->rect.x, -card->rect.y);
  style.scale = zoom * scale;
  nines_diagram_draw_card (cr, card, &card->rect, &style, flags);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_set_device_scale (surface, scale, scale);
  return surface;
}

static GdkTexture *
texture_for_surface (cairo_surface_t *surface)
{
  int stride = cairo_image_surface_get_stride (surface);
  int ph = cairo_image_surface_get_height (surface);
  g_autoptr(GBytes) bytes = NULL;

  /* CAIRO_FORMAT_ARGB32 is GDK_MEMORY_DEFAULT. The bytes keep the surface alive. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * ph,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), ph, GDK_MEMORY_DEFAULT,
                                 bytes, stride);
}

static void
nines_service_tile_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  NinesServiceTile *self = (NinesServiceTile *)widget;
  const NinesGeometryCard *card = nines_service_tile_get_card (self);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  NinesDiagramCardFlags flags = self->flags;
  GtkNative *native;
  int pad;

  if (card == NULL || w <= 0 || h <= 0)
    return;
  if (gtk_widget_has_visible_focus (widget))
    flags |= NINES_DIAGRAM_CARD_FOCUSED;

  if (self->surface == NULL || self->texture_width != w || self->texture_height != h ||
      self->texture_scale != scale || self->texture_flags != flags)
    {
      g_clear_object (&self->texture);
      g_clear_pointer (&self->surface, cairo_surface_destroy);
      self->surface = render_surface (self, card, w, h, scale, flags);
      self->texture_width = w;
      self->texture_height = h;
      self->texture_scale = scale;
      self->texture_flags = flags;
    }
  pad = (int) ceil (RING * (double) w / card->rect.width);
  native = gtk_widget_get_native (widget);
  if (native != NULL && GSK_IS_CAIRO_RENDERER (gtk_native_get_renderer (native)))
    {
      graphene_rect_t bounds = GRAPHENE_RECT_INIT (-pad, -pad, w + 2 * pad, h + 2 * pad);
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

      cairo_set_source_surface (cr, self->surface, -pad, -pad);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }
  if (self->texture == NULL)
    self->texture = texture_for_surface (self->surface);
  gtk_snapshot_append_texture (snapshot, self->texture,
                               &GRAPHENE_RECT_INIT (-pad, -pad, w + 2 * pad, h + 2 * pad));
}

static void
nines_service_tile_state_flags_changed (GtkWidget     *widget,
                                        GtkStateFlags  previous)
{
  if ((previous ^ gtk_widget_get_state_flags (widget)) & (GTK_STATE_FLAG_FOCUS_VISIBLE | GTK_STATE_FLAG_FOCUSED))
    gtk_widget_queue_draw (widget);
  GTK_WIDGET_CLASS (nines_service_tile_parent_class)->state_flags_changed (widget, previous);
}

static void
nines_service_tile_class_init (NinesServiceTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = nines_service_tile_finalize;
  widget_class->snapshot = nines_service_tile_snapshot;
  widget_class->state_flags_changed = nines_service_tile_state_flags_changed;
  gtk_widget_class_set_css_name (widget_class, "servicetile");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
nines_service_tile_init (NinesServiceTile *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_VISIBLE);
  nines_diagram_style_init (&self->style, FALSE);
}

NinesServiceTile *
nines_service_tile_new (void)
{
  return g_object_new (NINES_TYPE_SERVICE_TILE, NULL);
}

void
nines_service_tile_set_card (NinesServiceTile *self,
                             NinesGeometry    *geometry,
                             guint             index)
{
  const NinesGeometryCard *card;
  const NinesKindInfo *info;
  g_autofree char *summary = NULL;
  g_autofree char *label = NULL;
  g_autofree char *tooltip = NULL;
  const char *kind_label;
  const char *name;

  g_return_if_fail (NINES_IS_SERVICE_TILE (self));
  g_return_if_fail (geometry != NULL);

  nines_geometry_ref (geometry);
  g_clear_pointer (&self->geometry, nines_geometry_unref);
  self->geometry = geometry;
  self->index = index;

  card = nines_geometry_get_card (geometry, index);
  info = card->component ? nines_component_get_kind_info (card->component) : NULL;
  kind_label = info ? info->label : _("Unknown service");
  name = card->component ? nines_component_get_display_name (card->component) : card->id;
  summary = card->component ? nines_component_format_summary (card->component) : NULL;

  if (card->added)
    {
      label = g_strdup_printf (_("%s (%s, added by the recovery pattern): %s, %s"),
                               name, nines_deploy_role_get_label (card->role), kind_label,
                               summary ? summary : "");
      tooltip = g_markup_printf_escaped ("<b>%s</b> — %s\n%s\n<i>%s</i>", name,
                                         nines_deploy_role_get_label (card->role),
                                         summary ? summary : "",
                                         card->note ? card->note : _("Added by the recovery pattern"));
    }
  else
    {
      label = g_strdup_printf (_("%s: %s, %s"), name, kind_label, summary ? summary : "");
      tooltip = g_markup_printf_escaped ("<b>%s</b>\n%s · %s%s%s", name, kind_label,
                                         summary ? summary : "",
                                         card->region ? "\n" : "", card->region ? card->region : "");
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  nines_ui_set_tooltip_markup (GTK_WIDGET (self), tooltip);
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const NinesGeometryCard *
nines_service_tile_get_card (NinesServiceTile *self)
{
  g_return_val_if_fail (NINES_IS_SERVICE_TILE (self), NULL);
  if (self->geometry == NULL || self->index >= nines_geometry_get_n_cards (self->geometry))
    return NULL;
  return nines_geometry_get_card (self->geometry, self->index);
}

const char *
nines_service_tile_get_id (NinesServiceTile *self)
{
  const NinesGeometryCard *card = nines_service_tile_get_card (self);
  return card ? card->id : NULL;
}

void
nines_service_tile_set_style (NinesServiceTile        *self,
                              const NinesDiagramStyle *style,
                              NinesDiagramCardFlags    flags)
{
  g_return_if_fail (NINES_IS_SERVICE_TILE (self));

  if (flags == self->flags && style->dark == self->style.dark)
    return;
  /* Keep only what the card draws with: the failure is in @flags, and the style's
   * strings belong to the canvas. */
  self->style = *style;
  self->style.failed_region = NULL;
  self->style.failed_zone = NULL;
  self->flags = flags;
  g_clear_object (&self->texture);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_SELECTED,
                               (flags & NINES_DIAGRAM_CARD_SELECTED) != 0, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

NinesDiagramCardFlags
nines_service_tile_get_flags (NinesServiceTile *self)
{
  g_return_val_if_fail (NINES_IS_SERVICE_TILE (self), 0);
  return self->flags;
}
