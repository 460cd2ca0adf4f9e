#define G_LOG_DOMAIN "nines-cost-row"

#include "config.h"

#include "nines-cost-row.h"

struct _NinesCostRow
{
  GObject            parent_instance;
  NinesCostEstimate *estimate;
  guint              index;
};

G_DEFINE_FINAL_TYPE (NinesCostRow, nines_cost_row, G_TYPE_OBJECT)

/* Read-only properties the column view sorts on. */
enum {
  PROP_0,
  PROP_REGION,
  PROP_SERVICE,
  PROP_COMPONENT,
  PROP_WHAT,
  PROP_QUANTITY,
  PROP_UNIT_USD,
  PROP_MONTHLY_USD,
  PROP_MISSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nines_cost_row_finalize (GObject *object)
{
  NinesCostRow *self = (NinesCostRow *)object;

  g_clear_pointer (&self->estimate, nines_cost_estimate_unref);
  G_OBJECT_CLASS (nines_cost_row_parent_class)->finalize (object);
}

static void
nines_cost_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  const NinesCostLine *line = nines_cost_row_get_line (NINES_COST_ROW (object));

  switch (prop_id)
    {
    case PROP_REGION: g_value_set_string (value, line->region); break;
    case PROP_SERVICE: g_value_set_string (value, line->service); break;
    case PROP_COMPONENT: g_value_set_string (value, line->component); break;
    case PROP_WHAT: g_value_set_string (value, line->what); break;
    case PROP_QUANTITY: g_value_set_double (value, line->quantity); break;
    case PROP_UNIT_USD: g_value_set_double (value, line->missing ? -1 : line->unit_usd); break;
    case PROP_MONTHLY_USD: g_value_set_double (value, line->monthly_usd); break;
    case PROP_MISSING: g_value_set_boolean (value, line->missing); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nines_cost_row_class_init (NinesCostRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nines_cost_row_finalize;
  object_class->get_property = nines_cost_row_get_property;
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_SERVICE] = g_param_spec_string ("service", NULL, NULL, NULL, flags);
  properties[PROP_COMPONENT] = g_param_spec_string ("component", NULL, NULL, NULL, flags);
  properties[PROP_WHAT] = g_param_spec_string ("what", NULL, NULL, NULL, flags);
  properties[PROP_QUANTITY] = g_param_spec_double ("quantity", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_UNIT_USD] = g_param_spec_double ("unit-usd", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_MONTHLY_USD] = g_param_spec_double ("monthly-usd", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
  properties[PROP_MISSING] = g_param_spec_boolean ("missing", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nines_cost_row_init (NinesCostRow *self)
{
}

NinesCostRow *
nines_cost_row_new (NinesCostEstimate *estimate,
                    guint              index)
{
  NinesCostRow *self;

  g_return_val_if_fail (estimate != NULL, NULL);
  g_return_val_if_fail (index < nines_cost_estimate_get_n_lines (estimate), NULL);

  self = g_object_new (NINES_TYPE_COST_ROW, NULL);
  self->estimate = nines_cost_estimate_ref (estimate);
  self->index = index;
  return self;
}

const NinesCostLine *
nines_cost_row_get_line (NinesCostRow *self)
{
  g_return_val_if_fail (NINES_IS_COST_ROW (self), NULL);
  return nines_cost_estimate_get_line (self->estimate, self->index);
}
