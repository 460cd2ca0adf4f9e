/* nines-diagram.h: drawing a design with cairo and pango (no GTK).
 *
 * The canvas draws through these functions (inside gtk_snapshot_append_cairo) and the
 * diagram export calls nines_diagram_export(), so the screen and the PNG/SVG/PDF are the
 * same picture. Everything takes plan coordinates (NinesGeometry); the caller sets the
 * cairo transform for zoom and pan. */
#pragma once

#include <cairo.h>
#include <nines-model.h>

G_BEGIN_DECLS

typedef enum
{
  NINES_DIAGRAM_CARD_SELECTED = 1 << 0,
  NINES_DIAGRAM_CARD_FOCUSED  = 1 << 1,
  NINES_DIAGRAM_CARD_FAILED   = 1 << 2,  /* lost in a simulated outage */
  NINES_DIAGRAM_CARD_DROP     = 1 << 3,  /* connection target under the pointer */
} NinesDiagramCardFlags;

typedef enum
{
  NINES_DIAGRAM_FORMAT_PNG,
  NINES_DIAGRAM_FORMAT_SVG,
  NINES_DIAGRAM_FORMAT_PDF,
} NinesDiagramFormat;

typedef struct
{
  gboolean    dark;
  /* Device pixels per plan unit: below ~0.45 text is left out (level of detail). */
  double      scale;
  /* Outage simulation: what has failed (NULL: nothing). */
  const char *failed_region;
  const char *failed_zone;
} NinesDiagramStyle;

void     nines_diagram_style_init     (NinesDiagramStyle       *style,
                                       gboolean                 dark);

/* Region containers with their AZ lanes. @clip (nullable) skips what lies outside it. */
void     nines_diagram_draw_regions   (cairo_t                 *cr,
                                       NinesGeometry           *geometry,
                                       const NinesDiagramStyle *style,
                                       const NinesRect         *clip);
/* Links and replications as curves with arrows. */
void     nines_diagram_draw_links     (cairo_t                 *cr,
                                       NinesGeometry           *geometry,
                                       const NinesDiagramStyle *style,
                                       const NinesRect         *clip);
/* What nines_diagram_draw_regions() and nines_diagram_draw_links() paint inside @clip
 * (nullable: everywhere), as one rectangle in plan units: strokes, arrow heads and titles
 * included, clipped to @clip. FALSE when they paint nothing there. A caller that draws
 * through an intermediate surface (GtkSnapshot's cairo nodes) sizes it with this. */
gboolean nines_diagram_get_extents    (NinesGeometry           *geometry,
                                       const NinesDiagramStyle *style,
                                       const NinesRect         *clip,
                                       NinesRect               *extents);
/* One service card, drawn into @rect (plan coordinates, normally card->rect). */
void     nines_diagram_draw_card      (cairo_t                 *cr,
                                       const NinesGeometryCard *card,
                                       const NinesRect         *rect,
                                       const NinesDiagramStyle *style,
                                       NinesDiagramCardFlags    flags);
/* The glyph of a service kind, centred at (@cx, @cy), @size across, in the current source. */
void     nines_diagram_draw_glyph     (cairo_t                 *cr,
                                       const char              *kind,
                                       double                   cx,
                                       double                   cy,
                                       double                   size);
/* The kind's accent colour (RGB, 0..1). */
void     nines_diagram_kind_color     (const char              *kind,
                                       double                   rgb[3]);
/* Whether @card is lost when @style's failed region or zone goes down. */
gboolean nines_diagram_card_is_failed (const NinesGeometryCard *card,
                                       const NinesDiagramStyle *style);
/* Regions, links, then every card. */
void     nines_diagram_draw           (cairo_t                 *cr,
                                       NinesGeometry           *geometry,
                                       const NinesDiagramStyle *style);
/* Writes the whole diagram to @path, with a margin; PNG at @scale pixels per unit. */
gboolean nines_diagram_export         (NinesGeometry           *geometry,
                                       const NinesDiagramStyle *style,
                                       NinesDiagramFormat       format,
                                       double                   scale,
                                       const char              *path,
                                       GError                 **error);

G_END_DECLS
