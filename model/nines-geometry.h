/* nines-geometry.h: where things are on the plan (pure layout maths, no drawing).
 *
 * A NinesGeometry is computed from a document (and optionally the deployment a DR pattern
 * makes of it): one card per component (and per item the pattern adds), one container per
 * region with its availability-zone lanes, and the links between cards. Coordinates are
 * plan units (1 unit = 1 px at zoom 1). Cards keep the position saved in the document's
 * layout; cards without one are auto-laid out in their region. Global services (no region)
 * sit in one row in a "Global / edge" band above all regions: they keep their saved x, not
 * their y, and what the pattern adds for them follows in the same row. Region containers are the
 * bounds of their cards plus a margin and a header. Items a pattern adds in the recovery
 * region mirror their source's position in a container below the primary region.
 *
 * Immutable once built; shared by the canvas, the diagram export and the tests. */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include "nines-deployment.h"

G_BEGIN_DECLS

/* Card and grid sizes in plan units. */
#define NINES_GEOMETRY_CARD_WIDTH     192.0
#define NINES_GEOMETRY_CARD_HEIGHT    72.0
#define NINES_GEOMETRY_GRID           8.0
#define NINES_GEOMETRY_REGION_MARGIN  24.0
#define NINES_GEOMETRY_REGION_HEADER  56.0
#define NINES_GEOMETRY_REGION_GAP     96.0
#define NINES_GEOMETRY_GLOBAL_HEADER  40.0

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} NinesRect;

gboolean nines_rect_contains    (const NinesRect *rect,
                                 double           x,
                                 double           y);
gboolean nines_rect_intersects  (const NinesRect *a,
                                 const NinesRect *b);
void     nines_rect_union       (const NinesRect *a,
                                 const NinesRect *b,
                                 NinesRect       *result);
/* Normalised rectangle spanning two corners (for rubber-band selection). */
void     nines_rect_from_points (double           x1,
                                 double           y1,
                                 double           x2,
                                 double           y2,
                                 NinesRect       *result);

typedef enum
{
  NINES_HIT_NONE,
  NINES_HIT_CARD,
  NINES_HIT_ZONE,
  NINES_HIT_REGION,
} NinesHitKind;

typedef struct
{
  char            *id;            /* deployed item id (the component id for drawn cards) */
  char            *component_id;  /* the drawn component it is or comes from */
  NinesComponent  *component;     /* configuration shown (steady, else failed over) */
  NinesDeployRole  role;
  gboolean         added;         /* added by the DR pattern: read-only, drawn distinctly */
  gboolean         auto_placed;   /* had no saved position */
  char            *region;        /* NULL for global kinds */
  char            *note;          /* (nullable) why the pattern added it */
  NinesRect        rect;
} NinesGeometryCard;

typedef struct
{
  char      *code;
  char      *label;      /* "us-east-1 · N. Virginia" */
  gboolean   recovery;   /* the DR pattern's recovery region */
  NinesRect  rect;
  GStrv      zones;      /* AZ IDs, one lane each */
  NinesRect *zone_rects;
} NinesGeometryRegion;

typedef struct
{
  guint          from;         /* card index */
  guint          to;
  NinesLinkKind  kind;
  gboolean       replication;  /* a copy the DR pattern makes (drawn dashed) */
} NinesGeometryLink;

typedef struct _NinesGeometry NinesGeometry;

#define NINES_TYPE_GEOMETRY (nines_geometry_get_type ())
GType                      nines_geometry_get_type      (void) G_GNUC_CONST;

/* @deployment may be NULL: the design alone. */
NinesGeometry             *nines_geometry_new           (NinesDocument   *document,
                                                         NinesDeployment *deployment);
NinesGeometry             *nines_geometry_ref           (NinesGeometry   *self);
void                       nines_geometry_unref         (NinesGeometry   *self);

guint                      nines_geometry_get_n_cards   (NinesGeometry   *self);
const NinesGeometryCard   *nines_geometry_get_card      (NinesGeometry   *self,
                                                         guint            i);
/* Looks a card up by its id; returns its index or -1. */
int                        nines_geometry_find_card     (NinesGeometry   *self,
                                                         const char      *id);
guint                      nines_geometry_get_n_regions (NinesGeometry   *self);
const NinesGeometryRegion *nines_geometry_get_region    (NinesGeometry   *self,
                                                         guint            i);
int                        nines_geometry_find_region   (NinesGeometry   *self,
                                                         const char      *code);
guint                      nines_geometry_get_n_links   (NinesGeometry   *self);
const NinesGeometryLink   *nines_geometry_get_link      (NinesGeometry   *self,
                                                         guint            i);
/* The "Global / edge" band above the regions; FALSE when the design has no global cards. */
gboolean                   nines_geometry_get_global_band (NinesGeometry *self,
                                                           NinesRect     *rect);
/* Everything drawn; an empty rect at the origin for an empty design. */
void                       nines_geometry_get_bounds    (NinesGeometry   *self,
                                                         NinesRect       *bounds);

/* What is at (@x, @y): the topmost card, else the AZ lane, else the region. @index is the
 * card or region index; @zone the lane index within the region (ZONE hits only). */
NinesHitKind               nines_geometry_hit_test      (NinesGeometry   *self,
                                                         double           x,
                                                         double           y,
                                                         guint           *index,
                                                         guint           *zone);
/* Indices of the cards intersecting @rect, in card order. */
GArray                    *nines_geometry_cards_in_rect (NinesGeometry   *self,
                                                         const NinesRect *rect);
/* The nearest card from card @from in the direction (@dx, @dy) (one of them ±1, the
 * other 0), preferring cards well aligned with that direction; -1 if there is none. */
int                        nines_geometry_find_neighbour (NinesGeometry  *self,
                                                          guint           from,
                                                          int             dx,
                                                          int             dy);

/* Rounds @value to the nearest multiple of @grid (@grid <= 0: unchanged). */
double                     nines_geometry_snap          (double           value,
                                                         double           grid);
/* A link drawn from card @a to card @b: a cubic Bézier from the edge of @a facing @b
 * to the edge of @b facing @a. @points gets x0,y0, c1x,c1y, c2x,c2y, x1,y1. */
void                       nines_geometry_link_curve    (const NinesRect *a,
                                                         const NinesRect *b,
                                                         double           points[8]);
/* Where a new card goes when none was given: below everything already in @region's
 * container (or the global row for NULL), on the grid. */
void                       nines_geometry_free_spot     (NinesGeometry   *self,
                                                         const char      *region,
                                                         NinesPoint      *point);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesGeometry, nines_geometry_unref)

G_END_DECLS
