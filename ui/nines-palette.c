#define G_LOG_DOMAIN "nines-palette"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <nines-diagram.h>

#include "nines-palette.h"
#include "nines-ui.h"

struct _NinesPalette
{
  GtkWidget   parent_instance;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (NinesPalette, nines_palette, GTK_TYPE_WIDGET)

static void
draw_glyph (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  const char *kind = data;
  double rgb[3];

  nines_diagram_kind_color (kind, rgb);
  cairo_set_source_rgb (cr, rgb[0], rgb[1], rgb[2]);
  nines_diagram_draw_glyph (cr, kind, width / 2.0, height / 2.0, MIN (width, height) * 0.9);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, (int) x, (int) y);
  return gdk_content_provider_new_typed (G_TYPE_STRING, kind);
}

static void
on_row_activated (NinesPalette  *self,
                  GtkListBoxRow *row)
{
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-component", "s", kind);
}

static void
nines_palette_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), NINES_TYPE_PALETTE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (nines_palette_parent_class)->dispose (object);
}

/* The palette is as wide as its width-request and as tall as the paned makes it: its
 * size never depends on the other dimension. Saying so (CONSTANT_SIZE, children measured
 * with no for-size) keeps GTK's horizontal boxes from asking the wrapped hint below the
 * list how wide it must be for each height they try: a binary search of full text
 * layouts, 78 of them before the first frame (22 M instructions). The box inside is
 * still allocated height-for-width, so the hint wraps as before. */
static GtkSizeRequestMode
nines_palette_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
nines_palette_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child == NULL || !gtk_widget_should_layout (child))
    return;
  gtk_widget_measure (child, orientation, -1, minimum, natural, NULL, NULL);
  /* Measured for no height, the hint's natural width is one long line; for the window's
   * height it was its narrowest. The palette never wants more than its minimum width:
   * the rest goes to the canvas. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = *minimum;
}

static void
nines_palette_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
nines_palette_class_init (NinesPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nines_palette_dispose;
  widget_class->get_request_mode = nines_palette_get_request_mode;
  widget_class->measure = nines_palette_measure;
  widget_class->size_allocate = nines_palette_size_allocate;
  nines_ui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ninesdr/Nines/ui/nines-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, NinesPalette, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
nines_palette_init (NinesPalette *self)
{
  NinesCatalog *catalog = nines_catalog_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < nines_catalog_get_n_kinds (catalog); i++)
    {
      const NinesKindInfo *kind = nines_catalog_get_kind (catalog, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
      GtkWidget *glyph = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (kind->label);
      GtkDragSource *source = gtk_drag_source_new ();
      g_autofree char *tip = g_strdup_printf (_("Add to the design: %s (%s)"), kind->label, kind->service);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (glyph), 22);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (glyph), 22);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (glyph), draw_glyph, kind->id, NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), glyph);
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      nines_ui_set_tooltip_text (row, tip);
      gtk_widget_set_name (row, kind->id);
      g_object_set_data (G_OBJECT (row), "kind", kind->id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      kind->label, -1);

      gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), row);
      gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
      gtk_list_box_append (self->list, row);
    }
}

GtkWidget *
nines_palette_new (void)
{
  return g_object_new (NINES_TYPE_PALETTE, NULL);
}
