/* nines-preferences-window.c: the preferences, bound to GSettings
 *
 * Every row is bound with g_settings_bind, so the window holds no state of its own: a change in
 * the window is a change in the settings (applied at once, as the HIG asks), and a change made
 * elsewhere (dconf, a second window) shows up here. The "Refresh" button only activates
 * app.refresh-prices (ui/nines-price-refresh.c, installed by the application), which
 * writes price-data-date when done. */
#define G_LOG_DOMAIN "nines-preferences-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <nines-model.h>

#include "nines-preferences-window.h"
#include "nines-price-refresh.h"

struct _NinesPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* owned */
  GSettings            *settings;

  /* template children */
  AdwEntryRow          *aws_profile_row;
  AdwComboRow          *primary_region_row;
  AdwComboRow          *recovery_region_row;
  AdwActionRow         *price_date_row;
  GtkSpinButton        *discount_spin;
  AdwComboRow          *units_row;
  GtkSpinButton        *autosave_spin;
};

G_DEFINE_FINAL_TYPE (NinesPreferencesWindow, nines_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The nicks of io.github.ninesdr.Nines.Units, in the order of the units row's items. */
static const char * const units_nicks[] = { "decimal", "binary" };

GResource *nines_ui_get_resource (void);

/* Region rows: the combo's items are the catalog's regions in catalog order, so an index is a
 * catalog index. A code the catalog does not know maps to nothing, and the binding falls back
 * to the schema default. */
static gboolean
region_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  const char *code = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < nines_catalog_get_n_regions (catalog); i++)
    {
      if (g_strcmp0 (nines_catalog_get_region (catalog, i)->code, code) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
region_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  guint i = g_value_get_uint (value);

  if (i >= nines_catalog_get_n_regions (catalog))
    return NULL;

  return g_variant_new_string (nines_catalog_get_region (catalog, i)->code);
}

static gboolean
units_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (units_nicks); i++)
    {
      if (g_str_equal (nick, units_nicks[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
units_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  if (i >= G_N_ELEMENTS (units_nicks))
    return NULL;

  return g_variant_new_string (units_nicks[i]);
}

/* price-data-date is written by the refresh action as YYYY-MM-DD; empty means the bundled
 * snapshot, whose own publication date is shown. Anything else is shown as it is. */
static gboolean
price_date_get_mapping (GValue   *value,
                        GVariant *variant,
                        gpointer  user_data)
{
  g_value_take_string (value, nines_price_refresh_describe (g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GListModel *
create_region_model (void)
{
  NinesCatalog *catalog = nines_catalog_get_default ();
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < nines_catalog_get_n_regions (catalog); i++)
    {
      const NinesRegionInfo *region = nines_catalog_get_region (catalog, i);
      /* Translators: a region in a list: its name, then its code, e.g. "Frankfurt (eu-central-1)" */
      g_autofree char *label = g_strdup_printf (_("%s (%s)"), region->name, region->code);

      gtk_string_list_append (list, label);
    }

  return G_LIST_MODEL (list);
}

/* A recovery region equal to the primary region protects against nothing a region outage
 * does; say so where the choice is made instead of refusing it. */
static void
update_recovery_region_hint (NinesPreferencesWindow *self)
{
  guint primary = adw_combo_row_get_selected (self->primary_region_row);
  guint recovery = adw_combo_row_get_selected (self->recovery_region_row);

  if (primary != GTK_INVALID_LIST_POSITION && primary == recovery)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->recovery_region_row),
                                   _("Same as the primary region: an outage of that region takes both down"));
      gtk_widget_add_css_class (GTK_WIDGET (self->recovery_region_row), "warning");
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->recovery_region_row),
                                   _("Suggested when choosing a pattern"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->recovery_region_row), "warning");
    }
}

static void
bind_settings (NinesPreferencesWindow *self)
{
  g_autoptr(GListModel) primary_regions = create_region_model ();
  g_autoptr(GListModel) recovery_regions = create_region_model ();

  adw_combo_row_set_model (self->primary_region_row, primary_regions);
  adw_combo_row_set_model (self->recovery_region_row, recovery_regions);

  g_settings_bind (self->settings, "aws-profile",
                   self->aws_profile_row, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "default-primary-region",
                                self->primary_region_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                region_get_mapping, region_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "default-recovery-region",
                                self->recovery_region_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                region_get_mapping, region_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "price-data-date",
                                self->price_date_row, "subtitle",
                                G_SETTINGS_BIND_GET,
                                price_date_get_mapping, NULL, NULL, NULL);
  g_settings_bind (self->settings, "discount-percent",
                   self->discount_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "units",
                                self->units_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                units_get_mapping, units_set_mapping, NULL, NULL);
  g_settings_bind (self->settings, "autosave-interval",
                   self->autosave_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (self->primary_region_row, "notify::selected",
                           G_CALLBACK (update_recovery_region_hint), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recovery_region_row, "notify::selected",
                           G_CALLBACK (update_recovery_region_hint), self, G_CONNECT_SWAPPED);
  update_recovery_region_hint (self);
}

static void
nines_preferences_window_constructed (GObject *object)
{
  NinesPreferencesWindow *self = (NinesPreferencesWindow *)object;

  G_OBJECT_CLASS (nines_preferences_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  bind_settings (self);
}

static void
nines_preferences_window_dispose (GObject *object)
{
  NinesPreferencesWindow *self = (NinesPreferencesWindow *)object;

  /* Drop the bindings and handlers before the widgets go, so no write-back or hint update
   * happens during teardown. */
  if (self->aws_profile_row != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->primary_region_row,
                                            update_recovery_region_hint, self);
      g_signal_handlers_disconnect_by_func (self->recovery_region_row,
                                            update_recovery_region_hint, self);
      g_settings_unbind (self->aws_profile_row, "text");
      g_settings_unbind (self->primary_region_row, "selected");
      g_settings_unbind (self->recovery_region_row, "selected");
      g_settings_unbind (self->price_date_row, "subtitle");
      g_settings_unbind (self->discount_spin, "value");
      g_settings_unbind (self->units_row, "selected");
      g_settings_unbind (self->autosave_spin, "value");
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), NINES_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (nines_preferences_window_parent_class)->dispose (object);
}

static void
nines_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  NinesPreferencesWindow *self = NINES_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nines_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  NinesPreferencesWindow *self = NINES_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nines_preferences_window_class_init (NinesPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nines_preferences_window_constructed;
  object_class->dispose = nines_preferences_window_dispose;
  object_class->get_property = nines_preferences_window_get_property;
  object_class->set_property = nines_preferences_window_set_property;

  /**
   * NinesPreferencesWindow:settings:
   *
   * The io.github.ninesdr.Nines settings the rows are bound to. When none is given at
   * construction, the window uses g_settings_new (APP_ID).
   */
  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Referenced so the linker keeps the UI resources (which register themselves) in the binary. */
  (void) nines_ui_get_resource ();

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/ninesdr/Nines/ui/nines-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NinesPreferencesWindow, aws_profile_row);
  gtk_widget_class_bind_template_child (widget_class, NinesPreferencesWindow, primary_region_row);
  gtk_widget_class_bind_template_child (widget_class, NinesPreferencesWindow, recovery_region_row);
  gtk_widget_class_bind_template_child (widget_class, NinesPreferencesWindow, price_date_row);
  gtk_widget_class_bind_template_child (widget_class, NinesPreferencesWindow, discount_spin);
  gtk_widget_class_bind_template_child (widget_class, NinesPreferencesWindow, units_row);
  gtk_widget_class_bind_template_child (widget_class, NinesPreferencesWindow, autosave_spin);
}

static void
nines_preferences_window_init (NinesPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * nines_preferences_window_new:
 * @settings: (nullable): the io.github.ninesdr.Nines settings, or %NULL for the default ones
 *
 * Returns: (transfer none): a new preferences window, owned by GTK's list of toplevels until
 *   it is destroyed; make it transient for the main window and present it.
 */
NinesPreferencesWindow *
nines_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (NINES_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}

/**
 * nines_preferences_window_get_settings:
 *
 * Returns: (transfer none): the settings the window is bound to
 */
GSettings *
nines_preferences_window_get_settings (NinesPreferencesWindow *self)
{
  g_return_val_if_fail (NINES_IS_PREFERENCES_WINDOW (self), NULL);

  return self->settings;
}
