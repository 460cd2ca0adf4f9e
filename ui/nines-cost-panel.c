#define G_LOG_DOMAIN "nines-cost-panel"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <adwaita.h>

#include "nines-cost-panel.h"
#include "nines-ui.h"
#include "nines-cost-row.h"

typedef enum
{
  COL_REGION,
  COL_SERVICE,
  COL_COMPONENT,
  COL_WHAT,
  COL_QUANTITY,
  COL_UNIT_PRICE,
  COL_MONTHLY,
  N_COLS
} Column;

struct _NinesCostPanel
{
  NinesAnalysisPanel parent_instance;
  NinesCommandStack *stack;
  GListStore        *store;
  GtkSortListModel  *sorted;
  GtkWidget         *state;
  GtkWidget         *totals;
  GtkWidget         *groups;
  GtkWidget         *view;
};

G_DEFINE_FINAL_TYPE (NinesCostPanel, nines_cost_panel, NINES_TYPE_ANALYSIS_PANEL)

static const char *
column_title (Column c)
{
  switch (c)
    {
    case COL_REGION: return _("Region");
    case COL_SERVICE: return _("Service");
    case COL_COMPONENT: return _("Component");
    case COL_WHAT: return _("Billed for");
    case COL_QUANTITY: return _("Quantity a month");
    case COL_UNIT_PRICE: return _("Unit price");
    case COL_MONTHLY: return _("Monthly");
    default: g_assert_not_reached ();
    }
}

static char *
line_tooltip (const NinesCostLine *line)
{
  if (line->missing)
    return g_strdup_printf (_("No price for %s in %s (%s): the total leaves it out. Enter one to fill the gap."),
                            line->usage, line->region, line->service);
  if (line->override)
    return g_strdup_printf (_("Your price (override)%s%s"), line->note ? ": " : "", line->note ? line->note : "");
  return g_strdup_printf (_("%s · %s\nSource: %s, published %s%s%s%s%s"),
                          line->service, line->usage, line->source, line->date,
                          *line->rate_code ? _("\nRate code: ") : "", line->rate_code,
                          line->note ? "\n" : "", line->note ? line->note : "");
}

/* ---- Entering a missing price ---- */

gboolean
nines_cost_panel_enter_price (NinesCostPanel  *self,
                              NinesCostRow    *row,
                              double           usd,
                              GError         **error)
{
  const NinesCostLine *line;

  g_return_val_if_fail (NINES_IS_COST_PANEL (self), FALSE);
  g_return_val_if_fail (NINES_IS_COST_ROW (row), FALSE);

  line = nines_cost_row_get_line (row);
  if (self->stack == NULL)
    {
      g_set_error_literal (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_FAILED, _("No design is open"));
      return FALSE;
    }
  return nines_command_stack_set_price_override (self->stack, line->service,
                                                 g_str_equal (line->region, NINES_PRICE_REGION_GLOBAL) ? NULL : line->region,
                                                 line->usage, usd, _("Entered in Nines"), error);
}

static void
price_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   NinesCostRow     *row)
{
  NinesCostPanel *self = g_object_get_data (G_OBJECT (dialog), "panel");
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  double usd;

  if (!g_str_equal (response, "set"))
    return;
  usd = g_ascii_strtod (text, &end);
  if (*text == '\0' || *end != '\0' || !isfinite (usd) || usd < 0)
    {
      gtk_widget_error_bell (entry);
      return;
    }
  if (!nines_cost_panel_enter_price (self, row, usd, &error))
    nines_ui_set_tooltip_text (entry, error->message);
}

static void
enter_price_clicked (GtkButton    *button,
                     GtkListItem  *item)
{
  NinesCostRow *row = gtk_list_item_get_item (item);
  const NinesCostLine *line = nines_cost_row_get_line (row);
  GtkWidget *panel = gtk_widget_get_ancestor (GTK_WIDGET (button), NINES_TYPE_COST_PANEL);
  g_autofree char *body = g_strdup_printf (_("USD per %s for %s in %s (%s). It is saved with the design as a price override."),
                                           line->unit, line->usage, line->region, line->service);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (button))),
                                              _("Enter a Price"), body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Price in USD"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "set", _("_Set Price"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "set", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "set");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "panel", panel);
  g_signal_connect_data (dialog, "response", G_CALLBACK (price_response_cb), g_object_ref (row),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Column view ---- */

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  Column col = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), col >= COL_QUANTITY ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (col >= COL_QUANTITY)
    gtk_widget_add_css_class (label, "numeric");
  if (col == COL_UNIT_PRICE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *button = gtk_button_new_with_label (_("Enter…"));

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_hexpand (label, TRUE);
      g_signal_connect (button, "clicked", G_CALLBACK (enter_price_clicked), item);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), button);
      gtk_list_item_set_child (item, box);
    }
  else
    gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  Column col = GPOINTER_TO_INT (data);
  const NinesCostLine *line = nines_cost_row_get_line (gtk_list_item_get_item (item));
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *label = col == COL_UNIT_PRICE ? gtk_widget_get_first_child (child) : child;
  g_autofree char *text = NULL;
  g_autofree char *tip = line_tooltip (line);

  switch (col)
    {
    case COL_REGION: text = g_strdup (line->region); break;
    case COL_SERVICE: text = g_strdup (line->service); break;
    case COL_COMPONENT: text = g_strdup (line->component); break;
    case COL_WHAT: text = g_strdup (line->what); break;
    case COL_QUANTITY:
      text = line->quantity == floor (line->quantity) ? g_strdup_printf ("%'.0f %s", line->quantity, line->unit)
                                                      : g_strdup_printf ("%'.2f %s", line->quantity, line->unit);
      break;
    case COL_UNIT_PRICE:
      if (line->missing)
        text = g_strdup (_("missing"));
      else
        {
          /* Enough decimals for two significant digits of tiny per-request prices. */
          int decimals = line->unit_usd > 0 ? MAX (2, (int) -floor (log10 (line->unit_usd)) + 2) : 2;
          text = g_strdup_printf ("$%.*f", MIN (decimals, 10), line->unit_usd);
        }
      gtk_widget_set_visible (gtk_widget_get_last_child (child), line->missing);
      break;
    case COL_MONTHLY:
      text = line->missing ? g_strdup ("—") : nines_analysis_format_usd (line->monthly_usd);
      break;
    default: g_assert_not_reached ();
    }
  gtk_label_set_label (GTK_LABEL (label), text);
  nines_ui_set_tooltip_text (child, tip);
  if (line->missing)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
  if (line->override)
    gtk_widget_add_css_class (label, "accent");
  else
    gtk_widget_remove_css_class (label, "accent");
}

static GtkSorter *
column_sorter (Column col)
{
  static const char *props[] = { "region", "service", "component", "what", "quantity", "unit-usd", "monthly-usd" };
  GtkExpression *expr = gtk_property_expression_new (NINES_TYPE_COST_ROW, NULL, props[col]);

  if (col >= COL_QUANTITY)
    return GTK_SORTER (gtk_numeric_sorter_new (expr));
  return GTK_SORTER (gtk_string_sorter_new (expr));
}

static int
compare_group (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const NinesCostLine *la = nines_cost_row_get_line ((NinesCostRow *) a);
  const NinesCostLine *lb = nines_cost_row_get_line ((NinesCostRow *) b);
  int c = g_strcmp0 (la->region, lb->region);

  if (c == 0)
    c = g_strcmp0 (la->service, lb->service);
  if (c == 0)
    c = (lb->monthly_usd > la->monthly_usd) - (lb->monthly_usd < la->monthly_usd);
  return c;
}

static void
fill (NinesCostPanel *self)
{
  NinesAnalysis *analysis = nines_analysis_panel_get_analysis (NINES_ANALYSIS_PANEL (self));
  NinesCostEstimate *estimate = analysis ? nines_analysis_get_estimate (analysis) : NULL;
  NinesCostState state = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->state)) == 1 ? NINES_COST_FAILOVER : NINES_COST_STEADY;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) groups = g_string_new (NULL);
  g_autofree char *list = NULL, *discount = NULL, *total = NULL, *totals = NULL;
  NinesCostTotal t;
  gboolean own_discount = FALSE;

  if (estimate == NULL)
    {
      g_list_store_remove_all (self->store);
      gtk_label_set_label (GTK_LABEL (self->totals), "");
      gtk_label_set_label (GTK_LABEL (self->groups), "");
      return;
    }

  for (guint i = 0; i < nines_cost_estimate_get_n_lines (estimate); i++)
    if (nines_cost_estimate_get_line (estimate, i)->state == state)
      g_ptr_array_add (rows, nines_cost_row_new (estimate, i));
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       rows->pdata, rows->len);
  /* Grouped by region, then service, dearest first (the order when no column is sorted). */
  g_list_store_sort (self->store, compare_group, NULL);

  nines_analysis_get_total (analysis, state, &t);
  nines_analysis_get_discount (analysis, &own_discount);
  list = nines_analysis_format_usd (t.list_usd);
  discount = nines_analysis_format_usd (t.discount_usd);
  total = nines_analysis_format_usd (t.total_usd);
  if (t.discount_percent > 0 && own_discount)
    totals = g_strdup_printf (_("List %s − %.1f %% discount %s = %s a month"), list, t.discount_percent, discount, total);
  else if (t.discount_percent > 0)
    totals = g_strdup_printf (_("List %s − %.1f %% discount (Preferences) %s = %s a month"),
                              list, t.discount_percent, discount, total);
  else
    totals = g_strdup_printf (_("%s a month"), total);
  if (t.n_missing > 0)
    {
      char *more = g_strdup_printf (ngettext ("%s · %u price missing", "%s · %u prices missing", t.n_missing),
                                    totals, t.n_missing);
      g_free (totals);
      totals = more;
    }
  gtk_label_set_label (GTK_LABEL (self->totals), totals);

  for (int g = NINES_COST_BY_REGION; g <= NINES_COST_BY_SERVICE; g++)
    {
      g_string_append (groups, g == NINES_COST_BY_REGION ? _("By region: ") : _("\nBy service: "));
      for (guint i = 0; i < nines_cost_estimate_get_n_groups (estimate, state, g); i++)
        {
          const char *key;
          double usd;
          guint missing;
          g_autofree char *amount = NULL;

          nines_cost_estimate_get_group (estimate, state, g, i, &key, &usd, &missing);
          amount = nines_analysis_format_usd (usd);
          g_string_append_printf (groups, "%s%s %s%s", i ? " · " : "", key, amount, missing ? " +?" : "");
        }
    }
  gtk_label_set_label (GTK_LABEL (self->groups), groups->str);
}

static void
nines_cost_panel_dispose (GObject *object)
{
  NinesCostPanel *self = (NinesCostPanel *)object;
  GtkWidget *child;

  g_clear_object (&self->stack);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (nines_cost_panel_parent_class)->dispose (object);
}

static void
update (NinesAnalysisPanel *panel,
        NinesAnalysis      *analysis)
{
  fill (NINES_COST_PANEL (panel));
}

static void
nines_cost_panel_class_init (NinesCostPanelClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = nines_cost_panel_dispose;
  NINES_ANALYSIS_PANEL_CLASS (klass)->update = update;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "costpanel");
}

static void
nines_cost_panel_init (NinesCostPanel *self)
{
  const char *states[] = { _("Steady"), _("While failed over"), NULL };
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkNoSelection *selection;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->state = gtk_drop_down_new_from_strings (states);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->state), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cost state"), -1);
  g_signal_connect_swapped (self->state, "notify::selected", G_CALLBACK (fill), self);
  self->totals = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->totals, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->totals), 0);
  self->groups = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->groups, "caption");
  gtk_label_set_xalign (GTK_LABEL (self->groups), 0);
  gtk_label_set_wrap (GTK_LABEL (self->groups), TRUE);
  gtk_widget_set_hexpand (self->groups, TRUE);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_box_append (GTK_BOX (header), self->state);
  gtk_box_append (GTK_BOX (header), self->totals);
  gtk_box_append (GTK_BOX (header), self->groups);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->store = g_list_store_new (NINES_TYPE_COST_ROW);
  self->view = gtk_column_view_new (NULL);
  gtk_column_view_set_show_column_separators (GTK_COLUMN_VIEW (self->view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cost breakdown"), -1);
  for (Column c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      column = gtk_column_view_column_new (column_title (c), factory);
      gtk_column_view_column_set_sorter (column, column_sorter (c));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == COL_WHAT);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (self->view), column);
      g_object_unref (column);
    }
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                          g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (self->view))));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->view), GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->view);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_set_parent (scroller, GTK_WIDGET (self));
}

GtkWidget *
nines_cost_panel_new (void)
{
  return g_object_new (NINES_TYPE_COST_PANEL, NULL);
}

void
nines_cost_panel_set_command_stack (NinesCostPanel    *self,
                                    NinesCommandStack *stack)
{
  g_return_if_fail (NINES_IS_COST_PANEL (self));
  g_set_object (&self->stack, stack);
}

GListModel *
nines_cost_panel_get_model (NinesCostPanel *self)
{
  g_return_val_if_fail (NINES_IS_COST_PANEL (self), NULL);
  /* Asked for while hidden: bring the rows up to date first. */
  nines_analysis_panel_flush (NINES_ANALYSIS_PANEL (self));
  return G_LIST_MODEL (self->sorted);
}
