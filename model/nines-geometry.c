/* nines-geometry.c: plan layout maths (see nines-geometry.h) */
#define G_LOG_DOMAIN "nines-geometry"

#include "config.h"

#include <math.h>

#include "nines-model-private.h"
#include "nines-geometry.h"

struct _NinesGeometry
{
  gatomicrefcount  ref_count;
  GArray          *cards;     /* of NinesGeometryCard */
  GArray          *regions;   /* of NinesGeometryRegion */
  GArray          *links;     /* of NinesGeometryLink */
  GHashTable      *card_index; /* id -> index + 1 */
  NinesRect        bounds;
  NinesRect        global_band; /* width < 0: no global cards */
};

G_DEFINE_BOXED_TYPE (NinesGeometry, nines_geometry, nines_geometry_ref, nines_geometry_unref)

gboolean
nines_rect_contains (const NinesRect *rect,
                     double           x,
                     double           y)
{
  return x >= rect->x && y >= rect->y &&
         x < rect->x + rect->width && y < rect->y + rect->height;
}

gboolean
nines_rect_intersects (const NinesRect *a,
                       const NinesRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

void
nines_rect_union (const NinesRect *a,
                  const NinesRect *b,
                  NinesRect       *result)
{
  double x0 = MIN (a->x, b->x);
  double y0 = MIN (a->y, b->y);
  double x1 = MAX (a->x + a->width, b->x + b->width);
  double y1 = MAX (a->y + a->height, b->y + b->height);

  result->x = x0;
  result->y = y0;
  result->width = x1 - x0;
  result->height = y1 - y0;
}

void
nines_rect_from_points (double     x1,
                        double     y1,
                        double     x2,
                        double     y2,
                        NinesRect *result)
{
  result->x = MIN (x1, x2);
  result->y = MIN (y1, y2);
  result->width = fabs (x2 - x1);
  result->height = fabs (y2 - y1);
}

double
nines_geometry_snap (double value,
                     double grid)
{
  if (grid <= 0)
    return value;
  return round (value / grid) * grid;
}

static void
card_clear (gpointer data)
{
  NinesGeometryCard *card = data;

  g_free (card->id);
  g_free (card->component_id);
  g_clear_object (&card->component);
  g_free (card->region);
  g_free (card->note);
}

static void
region_clear (gpointer data)
{
  NinesGeometryRegion *region = data;

  g_free (region->code);
  g_free (region->label);
  g_strfreev (region->zones);
  g_free (region->zone_rects);
}

static NinesGeometryRegion *
ensure_region (NinesGeometry      *self,
               NinesDocument      *document,
               const char         *code)
{
  NinesGeometryRegion region = { 0 };
  NinesRegion *doc_region;
  const NinesRegionInfo *info;

  for (guint i = 0; i < self->regions->len; i++)
    {
      NinesGeometryRegion *r = &g_array_index (self->regions, NinesGeometryRegion, i);
      if (g_strcmp0 (r->code, code) == 0)
        return r;
    }

  info = nines_catalog_lookup_region (nines_catalog_get_default (), code);
  doc_region = nines_document_lookup_region (document, code);
  region.code = g_strdup (code);
  region.label = info ? g_strdup_printf ("%s · %s", code, info->name) : g_strdup (code);
  if (doc_region != NULL)
    region.zones = g_strdupv ((char **) nines_region_get_azs (doc_region));
  else if (info != NULL && info->azs != NULL)
    {
      /* A recovery region the design does not list: draw the AZs the pattern can use. */
      guint n = MIN (g_strv_length (info->azs), 3);
      region.zones = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        region.zones[i] = g_strdup (info->azs[i]);
    }
  else
    region.zones = g_new0 (char *, 1);
  region.rect.width = -1; /* not placed yet */
  g_array_append_val (self->regions, region);
  return &g_array_index (self->regions, NinesGeometryRegion, self->regions->len - 1);
}

static void
add_card (NinesGeometry         *self,
          const char            *id,
          const char            *component_id,
          NinesComponent        *component,
          NinesDeployRole        role,
          gboolean               added,
          const char            *region,
          const char            *note)
{
  NinesGeometryCard card = { 0 };

  card.id = g_strdup (id);
  card.component_id = g_strdup (component_id);
  card.component = component ? g_object_ref (component) : NULL;
  card.role = role;
  card.added = added;
  card.region = g_strdup (region);
  card.note = g_strdup (note);
  card.rect.width = -1; /* not placed yet */
  g_array_append_val (self->cards, card);
  g_hash_table_insert (self->card_index, card.id, GUINT_TO_POINTER (self->cards->len));
}

static NinesGeometryCard *
card_at (NinesGeometry *self,
         guint          i)
{
  return &g_array_index (self->cards, NinesGeometryCard, i);
}

/* Bounds of the placed cards of @region (NULL: global cards); FALSE if none. */
static gboolean
placed_bounds (NinesGeometry *self,
               const char    *region,
               gboolean       include_added,
               NinesRect     *bounds)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->cards->len; i++)
    {
      NinesGeometryCard *card = card_at (self, i);

      if (card->rect.width < 0 || g_strcmp0 (card->region, region) != 0 ||
          (card->added && !include_added))
        continue;
      if (!any)
        *bounds = card->rect;
      else
        nines_rect_union (bounds, &card->rect, bounds);
      any = TRUE;
    }
  return any;
}

static double
right_edge (NinesGeometry *self)
{
  double right = 0;

  for (guint i = 0; i < self->cards->len; i++)
    {
      NinesGeometryCard *card = card_at (self, i);
      if (card->rect.width >= 0)
        right = MAX (right, card->rect.x + card->rect.width);
    }
  for (guint i = 0; i < self->regions->len; i++)
    {
      NinesGeometryRegion *r = &g_array_index (self->regions, NinesGeometryRegion, i);
      if (r->rect.width >= 0)
        right = MAX (right, r->rect.x + r->rect.width);
    }
  return right;
}

/* Places the cards of @region that have no position in a grid below its placed cards. */
static void
auto_place (NinesGeometry *self,
            const char    *region)
{
  NinesRect bounds;
  guint n = 0, cols, k = 0;
  double x0, y0;

  for (guint i = 0; i < self->cards->len; i++)
    if (card_at (self, i)->rect.width < 0 && !card_at (self, i)->added &&
        g_strcmp0 (card_at (self, i)->region, region) == 0)
      n++;
  if (n == 0)
    return;

  cols = MAX (4, (guint) ceil (sqrt (n)));
  if (placed_bounds (self, region, FALSE, &bounds))
    {
      x0 = bounds.x;
      y0 = bounds.y + bounds.height + 2 * NINES_GEOMETRY_GRID;
    }
  else
    {
      x0 = nines_geometry_snap (right_edge (self) + NINES_GEOMETRY_REGION_GAP, NINES_GEOMETRY_GRID);
      y0 = NINES_GEOMETRY_REGION_HEADER + NINES_GEOMETRY_REGION_MARGIN;
    }

  for (guint i = 0; i < self->cards->len; i++)
    {
      NinesGeometryCard *card = card_at (self, i);

      if (card->rect.width >= 0 || card->added || g_strcmp0 (card->region, region) != 0)
        continue;
      card->auto_placed = TRUE;
      card->rect.x = x0 + (k % cols) * (NINES_GEOMETRY_CARD_WIDTH + 3 * NINES_GEOMETRY_GRID);
      card->rect.y = y0 + (k / cols) * (NINES_GEOMETRY_CARD_HEIGHT + 3 * NINES_GEOMETRY_GRID);
      card->rect.width = NINES_GEOMETRY_CARD_WIDTH;
      card->rect.height = NINES_GEOMETRY_CARD_HEIGHT;
      k++;
    }
}

static void
place_region (NinesGeometryRegion *region,
              const NinesRect     *content)
{
  guint n = g_strv_length (region->zones);
  double lane_top, lane_w;

  region->rect.x = content->x - NINES_GEOMETRY_REGION_MARGIN;
  region->rect.y = content->y - NINES_GEOMETRY_REGION_HEADER;
  region->rect.width = content->width + 2 * NINES_GEOMETRY_REGION_MARGIN;
  region->rect.height = content->height + NINES_GEOMETRY_REGION_HEADER + NINES_GEOMETRY_REGION_MARGIN;

  /* AZ lanes: equal columns under the header, each labelled with its AZ ID. */
  g_free (region->zone_rects);
  region->zone_rects = g_new0 (NinesRect, MAX (n, 1));
  lane_top = region->rect.y + NINES_GEOMETRY_REGION_HEADER * 0.5;
  lane_w = n > 0 ? (region->rect.width - NINES_GEOMETRY_GRID * (n + 1)) / n : 0;
  for (guint i = 0; i < n; i++)
    {
      region->zone_rects[i].x = region->rect.x + NINES_GEOMETRY_GRID + i * (lane_w + NINES_GEOMETRY_GRID);
      region->zone_rects[i].y = lane_top;
      region->zone_rects[i].width = lane_w;
      region->zone_rects[i].height = region->rect.y + region->rect.height - lane_top - NINES_GEOMETRY_GRID;
    }
}

static int
compare_saved_x (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  NinesGeometry *self = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;
  const NinesGeometryCard *ca = card_at (self, ia), *cb = card_at (self, ib);
  /* Cards with a saved position keep their left-to-right order; new ones go last. */
  double xa = ca->rect.width >= 0 ? ca->rect.x : G_MAXDOUBLE;
  double xb = cb->rect.width >= 0 ? cb->rect.x : G_MAXDOUBLE;

  if (xa != xb)
    return xa < xb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

/* Global services (Route 53, CloudFront: placement "global") belong to no region, so they
 * get their own band above all region containers: one row, the drawn cards in the order of
 * their saved x (which they keep when there is room), then what the DR pattern adds for
 * them (a failover routing record sits in the row, never on top of its DNS card). */
static void
place_global_band (NinesGeometry *self)
{
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) row = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean any_region = FALSE;
  double left = 0, right = 0, top = 0, x, last_right;

  for (guint i = 0; i < self->cards->len; i++)
    if (card_at (self, i)->region == NULL && !card_at (self, i)->added)
      g_array_append_val (drawn, i);
  g_array_sort_with_data (drawn, compare_saved_x, self);
  g_array_append_vals (row, drawn->data, drawn->len);
  /* What the pattern adds comes after the drawn cards, in the order of their sources, so
   * the links between drawn cards never run through it. */
  for (guint d = 0; d <= drawn->len; d++)
    for (guint j = 0; j < self->cards->len; j++)
      {
        NinesGeometryCard *card = card_at (self, j);
        int src = nines_geometry_find_card (self, card->component_id);
        gboolean orphan = src < 0 || card_at (self, src)->region != NULL ||
                          card_at (self, src)->added;

        if (!card->added || card->region != NULL)
          continue;
        if (d < drawn->len ? (guint) src == g_array_index (drawn, guint, d) && !orphan
                           : orphan)
          g_array_append_val (row, j);
      }
  if (row->len == 0)
    return;

  for (guint i = 0; i < self->regions->len; i++)
    {
      NinesGeometryRegion *r = &g_array_index (self->regions, NinesGeometryRegion, i);

      if (r->rect.width < 0)
        continue;
      left = any_region ? MIN (left, r->rect.x) : r->rect.x;
      right = any_region ? MAX (right, r->rect.x + r->rect.width) : r->rect.x + r->rect.width;
      top = any_region ? MIN (top, r->rect.y) : r->rect.y;
      any_region = TRUE;
    }

  self->global_band.height = NINES_GEOMETRY_GLOBAL_HEADER + NINES_GEOMETRY_CARD_HEIGHT +
                             NINES_GEOMETRY_REGION_MARGIN;
  self->global_band.y = any_region ? top - NINES_GEOMETRY_REGION_GAP / 2 - self->global_band.height
                                   : 0;
  last_right = left + NINES_GEOMETRY_REGION_MARGIN - 3 * NINES_GEOMETRY_GRID;
  for (guint k = 0; k < row->len; k++)
    {
      NinesGeometryCard *card = card_at (self, g_array_index (row, guint, k));

      x = last_right + 3 * NINES_GEOMETRY_GRID;
      if (!card->added && card->rect.width >= 0)
        x = MAX (x, nines_geometry_snap (card->rect.x, NINES_GEOMETRY_GRID));
      else if (!card->added)
        card->auto_placed = TRUE;
      card->rect.x = x;
      card->rect.y = self->global_band.y + NINES_GEOMETRY_GLOBAL_HEADER;
      card->rect.width = NINES_GEOMETRY_CARD_WIDTH;
      card->rect.height = NINES_GEOMETRY_CARD_HEIGHT;
      last_right = x + NINES_GEOMETRY_CARD_WIDTH;
    }
  self->global_band.x = MIN (left, card_at (self, g_array_index (row, guint, 0))->rect.x -
                                   NINES_GEOMETRY_REGION_MARGIN);
  self->global_band.width = MAX (right, last_right + NINES_GEOMETRY_REGION_MARGIN) -
                            self->global_band.x;
}

NinesGeometry *
nines_geometry_new (NinesDocument   *document,
                    NinesDeployment *deployment)
{
  NinesGeometry *self;
  GListModel *regions;
  GListModel *links;
  GHashTable *stacked;
  const char *primary;

  g_return_val_if_fail (NINES_IS_DOCUMENT (document), NULL);

  self = g_new0 (NinesGeometry, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->cards = g_array_new (FALSE, TRUE, sizeof (NinesGeometryCard));
  g_array_set_clear_func (self->cards, card_clear);
  self->regions = g_array_new (FALSE, TRUE, sizeof (NinesGeometryRegion));
  g_array_set_clear_func (self->regions, region_clear);
  self->links = g_array_new (FALSE, TRUE, sizeof (NinesGeometryLink));
  self->card_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->global_band.width = -1;

  /* 1. Cards: the drawn components first, in document order, then what the pattern adds. */
  for (guint i = 0; i < nines_document_get_n_components (document); i++)
    {
      NinesComponent *c = nines_document_get_component (document, i);
      add_card (self, nines_component_get_id (c), nines_component_get_id (c), c,
                NINES_ROLE_PRIMARY, FALSE, nines_component_get_region (c), NULL);
    }
  if (deployment != NULL)
    for (guint i = 0; i < nines_deployment_get_n_items (deployment); i++)
      {
        const NinesDeployedItem *item = nines_deployment_get_item (deployment, i);

        if (!item->added || g_hash_table_contains (self->card_index, item->id))
          continue;
        add_card (self, item->id, item->source_id, item->steady ? item->steady : item->failover,
                  item->role, TRUE, item->region, item->note);
      }

  /* 2. Regions the design lists, in file order; then the ones cards name. */
  regions = nines_document_get_regions (document);
  for (guint i = 0; i < g_list_model_get_n_items (regions); i++)
    {
      g_autoptr(NinesRegion) r = g_list_model_get_item (regions, i);
      ensure_region (self, document, nines_region_get_code (r));
    }
  for (guint i = 0; i < self->cards->len; i++)
    if (card_at (self, i)->region != NULL)
      ensure_region (self, document, card_at (self, i)->region);

  /* 3. Saved positions. */
  for (guint i = 0; i < self->cards->len; i++)
    {
      NinesGeometryCard *card = card_at (self, i);
      NinesPoint p;

      if (!card->added && nines_document_get_position (document, card->id, &p))
        {
          card->rect.x = p.x;
          card->rect.y = p.y;
          card->rect.width = NINES_GEOMETRY_CARD_WIDTH;
          card->rect.height = NINES_GEOMETRY_CARD_HEIGHT;
        }
    }

  /* 4. Cards without a position, region by region; then each drawn region's container.
   * Global cards are laid out last, in their own band (place_global_band()). */
  for (guint i = 0; i < self->regions->len; i++)
    {
      NinesGeometryRegion *r = &g_array_index (self->regions, NinesGeometryRegion, i);
      NinesRect content;

      auto_place (self, r->code);
      if (placed_bounds (self, r->code, FALSE, &content))
        place_region (r, &content);
    }

  /* 5. What the pattern adds: in another region, mirrored below the primary region's
   * container (designs are wider than tall, windows too); in the same region or global,
   * stacked under its source. */
  primary = nines_document_get_primary_region (document);
  stacked = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->cards->len; i++)
    {
      NinesGeometryCard *card = card_at (self, i);
      int src = nines_geometry_find_card (self, card->component_id);
      NinesGeometryCard *source;
      guint k;

      if (!card->added)
        continue;
      k = GPOINTER_TO_UINT (g_hash_table_lookup (stacked, card->component_id));
      g_hash_table_insert (stacked, card->component_id, GUINT_TO_POINTER (k + 1));
      card->rect.width = NINES_GEOMETRY_CARD_WIDTH;
      card->rect.height = NINES_GEOMETRY_CARD_HEIGHT;
      if (card->region == NULL)
        continue;   /* global: next to its source in the global band */
      if (src < 0 || card_at (self, src)->added)
        {
          card->rect.x = 0;
          card->rect.y = 0;
          continue;
        }
      source = card_at (self, src);
      if (card->region != NULL && g_strcmp0 (card->region, source->region) != 0)
        {
          int pr = nines_geometry_find_region (self, source->region ? source->region : primary);
          NinesGeometryRegion *from = pr >= 0 ? &g_array_index (self->regions, NinesGeometryRegion, pr) : NULL;
          double dy = from && from->rect.width >= 0 ? from->rect.height + NINES_GEOMETRY_REGION_GAP
                                                    : NINES_GEOMETRY_REGION_GAP;
          card->rect.x = source->rect.x + k * 2 * NINES_GEOMETRY_GRID;
          card->rect.y = source->rect.y + dy + k * 2 * NINES_GEOMETRY_GRID;
        }
      else
        {
          card->rect.x = source->rect.x + (k + 1) * 2 * NINES_GEOMETRY_GRID;
          card->rect.y = source->rect.y + (k + 1) * (NINES_GEOMETRY_CARD_HEIGHT / 2 + NINES_GEOMETRY_GRID);
        }
    }
  g_hash_table_unref (stacked);

  /* Containers of regions holding added cards (the recovery region) and empty ones. */
  for (guint i = 0; i < self->regions->len; i++)
    {
      NinesGeometryRegion *r = &g_array_index (self->regions, NinesGeometryRegion, i);
      NinesRect content;

      r->recovery = g_strcmp0 (r->code, nines_document_get_recovery_region (document)) == 0 &&
                    nines_document_get_dr_pattern (document) != NINES_DR_PATTERN_NONE;
      if (placed_bounds (self, r->code, TRUE, &content))
        place_region (r, &content);
    }
  for (guint i = 0; i < self->regions->len; i++)
    {
      NinesGeometryRegion *r = &g_array_index (self->regions, NinesGeometryRegion, i);
      NinesRect content;

      if (r->rect.width >= 0)
        continue;
      content.x = nines_geometry_snap (right_edge (self) + NINES_GEOMETRY_REGION_GAP, NINES_GEOMETRY_GRID);
      content.y = NINES_GEOMETRY_REGION_HEADER + NINES_GEOMETRY_REGION_MARGIN;
      content.width = 2 * NINES_GEOMETRY_CARD_WIDTH;
      content.height = 2 * NINES_GEOMETRY_CARD_HEIGHT;
      place_region (r, &content);
    }

  place_global_band (self);

  /* 6. Links: the design's, then the replications the pattern sets up. */
  links = nines_document_get_links (document);
  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) link = g_list_model_get_item (links, i);
      int from = nines_geometry_find_card (self, nines_link_get_from (link));
      int to = nines_geometry_find_card (self, nines_link_get_to (link));
      NinesGeometryLink l = { 0 };

      if (from < 0 || to < 0)
        continue;
      l.from = from;
      l.to = to;
      l.kind = nines_link_get_kind (link);
      g_array_append_val (self->links, l);
    }
  if (deployment != NULL)
    for (guint i = 0; i < nines_deployment_get_n_replications (deployment); i++)
      {
        const NinesReplication *rep = nines_deployment_get_replication (deployment, i);
        int from = nines_geometry_find_card (self, rep->source_id);
        int to = nines_geometry_find_card (self, rep->target_id);
        NinesGeometryLink l = { 0 };

        if (from < 0 || to < 0 || from == to)
          continue;
        l.from = from;
        l.to = to;
        l.kind = NINES_LINK_DATA;
        l.replication = TRUE;
        g_array_append_val (self->links, l);
      }

  /* 7. Bounds. */
  for (guint i = 0; i < self->cards->len; i++)
    {
      if (i == 0)
        self->bounds = card_at (self, i)->rect;
      else
        nines_rect_union (&self->bounds, &card_at (self, i)->rect, &self->bounds);
    }
  for (guint i = 0; i < self->regions->len; i++)
    {
      NinesGeometryRegion *r = &g_array_index (self->regions, NinesGeometryRegion, i);
      if (i == 0 && self->cards->len == 0)
        self->bounds = r->rect;
      else
        nines_rect_union (&self->bounds, &r->rect, &self->bounds);
    }
  if (self->global_band.width >= 0)
    nines_rect_union (&self->bounds, &self->global_band, &self->bounds);

  return self;
}

NinesGeometry *
nines_geometry_ref (NinesGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nines_geometry_unref (NinesGeometry *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->card_index);
  g_array_unref (self->cards);
  g_array_unref (self->regions);
  g_array_unref (self->links);
  g_free (self);
}

guint
nines_geometry_get_n_cards (NinesGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->cards->len;
}

const NinesGeometryCard *
nines_geometry_get_card (NinesGeometry *self,
                         guint          i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->cards->len, NULL);
  return card_at (self, i);
}

int
nines_geometry_find_card (NinesGeometry *self,
                          const char    *id)
{
  g_return_val_if_fail (self != NULL, -1);
  if (id == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->card_index, id)) - 1;
}

guint
nines_geometry_get_n_regions (NinesGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->regions->len;
}

const NinesGeometryRegion *
nines_geometry_get_region (NinesGeometry *self,
                           guint          i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->regions->len, NULL);
  return &g_array_index (self->regions, NinesGeometryRegion, i);
}

int
nines_geometry_find_region (NinesGeometry *self,
                            const char    *code)
{
  g_return_val_if_fail (self != NULL, -1);
  for (guint i = 0; code != NULL && i < self->regions->len; i++)
    if (g_strcmp0 (g_array_index (self->regions, NinesGeometryRegion, i).code, code) == 0)
      return i;
  return -1;
}

guint
nines_geometry_get_n_links (NinesGeometry *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->links->len;
}

const NinesGeometryLink *
nines_geometry_get_link (NinesGeometry *self,
                         guint          i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->links->len, NULL);
  return &g_array_index (self->links, NinesGeometryLink, i);
}

gboolean
nines_geometry_get_global_band (NinesGeometry *self,
                                NinesRect     *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->global_band.width < 0)
    return FALSE;
  if (rect != NULL)
    *rect = self->global_band;
  return TRUE;
}

void
nines_geometry_get_bounds (NinesGeometry *self,
                           NinesRect     *bounds)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (bounds != NULL);
  *bounds = self->bounds;
}

NinesHitKind
nines_geometry_hit_test (NinesGeometry *self,
                         double         x,
                         double         y,
                         guint         *index,
                         guint         *zone)
{
  g_return_val_if_fail (self != NULL, NINES_HIT_NONE);

  /* Cards are drawn in order, so the last one containing the point is on top. */
  for (guint i = self->cards->len; i > 0; i--)
    if (nines_rect_contains (&card_at (self, i - 1)->rect, x, y))
      {
        if (index)
          *index = i - 1;
        return NINES_HIT_CARD;
      }

  for (guint i = self->regions->len; i > 0; i--)
    {
      const NinesGeometryRegion *r = &g_array_index (self->regions, NinesGeometryRegion, i - 1);

      if (!nines_rect_contains (&r->rect, x, y))
        continue;
      if (index)
        *index = i - 1;
      for (guint z = 0; r->zones[z] != NULL; z++)
        if (nines_rect_contains (&r->zone_rects[z], x, y))
          {
            if (zone)
              *zone = z;
            return NINES_HIT_ZONE;
          }
      return NINES_HIT_REGION;
    }
  return NINES_HIT_NONE;
}

GArray *
nines_geometry_cards_in_rect (NinesGeometry   *self,
                              const NinesRect *rect)
{
  GArray *result;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (rect != NULL, NULL);

  result = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < self->cards->len; i++)
    if (nines_rect_intersects (&card_at (self, i)->rect, rect))
      g_array_append_val (result, i);
  return result;
}

int
nines_geometry_find_neighbour (NinesGeometry *self,
                               guint          from,
                               int            dx,
                               int            dy)
{
  const NinesRect *a;
  double ax, ay, best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (from < self->cards->len, -1);

  a = &card_at (self, from)->rect;
  ax = a->x + a->width / 2;
  ay = a->y + a->height / 2;
  for (guint i = 0; i < self->cards->len; i++)
    {
      const NinesRect *b = &card_at (self, i)->rect;
      double vx = b->x + b->width / 2 - ax;
      double vy = b->y + b->height / 2 - ay;
      double along = vx * dx + vy * dy;
      double across = fabs (vx * dy) + fabs (vy * dx);
      double score;

      if (i == from || along <= 0.5)
        continue;
      /* Only cards within 60 degrees of the direction; off-axis distance counts double. */
      if (across > along * 1.8)
        continue;
      score = along + 2 * across;
      if (score < best)
        {
          best = score;
          found = i;
        }
    }
  return found;
}

void
nines_geometry_link_curve (const NinesRect *a,
                           const NinesRect *b,
                           double           points[8])
{
  double acx = a->x + a->width / 2, acy = a->y + a->height / 2;
  double bcx = b->x + b->width / 2, bcy = b->y + b->height / 2;
  double dx = bcx - acx, dy = bcy - acy;
  double bend;

  g_return_if_fail (a != NULL && b != NULL && points != NULL);

  if (fabs (dx) * a->height >= fabs (dy) * a->width)
    {
      /* Mostly horizontal: leave from the left or right edge. */
      double sx = dx >= 0 ? 1 : -1;
      points[0] = acx + sx * a->width / 2;
      points[1] = acy;
      points[6] = bcx - sx * b->width / 2;
      points[7] = bcy;
      bend = MAX (fabs (points[6] - points[0]) / 2, 24);
      points[2] = points[0] + sx * bend;
      points[3] = points[1];
      points[4] = points[6] - sx * bend;
      points[5] = points[7];
    }
  else
    {
      double sy = dy >= 0 ? 1 : -1;
      points[0] = acx;
      points[1] = acy + sy * a->height / 2;
      points[6] = bcx;
      points[7] = bcy - sy * b->height / 2;
      bend = MAX (fabs (points[7] - points[1]) / 2, 24);
      points[2] = points[0];
      points[3] = points[1] + sy * bend;
      points[4] = points[6];
      points[5] = points[7] - sy * bend;
    }
}

void
nines_geometry_free_spot (NinesGeometry *self,
                          const char    *region,
                          NinesPoint    *point)
{
  NinesRect bounds;
  int r;

  g_return_if_fail (self != NULL);
  g_return_if_fail (point != NULL);

  if (region == NULL && placed_bounds (self, NULL, TRUE, &bounds))
    {
      /* The global band is one row: the next spot to the right. */
      point->x = bounds.x + bounds.width + 3 * NINES_GEOMETRY_GRID;
      point->y = bounds.y;
    }
  else if (placed_bounds (self, region, FALSE, &bounds))
    {
      point->x = bounds.x;
      point->y = bounds.y + bounds.height + 3 * NINES_GEOMETRY_GRID;
    }
  else if (region != NULL && (r = nines_geometry_find_region (self, region)) >= 0)
    {
      const NinesGeometryRegion *reg = nines_geometry_get_region (self, r);
      point->x = reg->rect.x + NINES_GEOMETRY_REGION_MARGIN;
      point->y = reg->rect.y + NINES_GEOMETRY_REGION_HEADER;
    }
  else
    {
      point->x = 0;
      point->y = self->cards->len ? self->bounds.y + self->bounds.height + 3 * NINES_GEOMETRY_GRID : 0;
    }
  point->x = nines_geometry_snap (point->x, NINES_GEOMETRY_GRID);
  point->y = nines_geometry_snap (point->y, NINES_GEOMETRY_GRID);
}
