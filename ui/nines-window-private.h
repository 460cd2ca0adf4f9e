/* nines-window-private.h: shared by nines-window.c, nines-window-actions.c and
 * nines-window-autosave.c */
#pragma once

#include "nines-window.h"
#include "nines-analysis.h"
#include "nines-compare-panel.h"
#include "nines-cost-panel.h"
#include "nines-findings-panel.h"
#include "nines-palette.h"
#include "nines-recovery-panel.h"
#include "nines-simulation-panel.h"
#include "nines-summary-bar.h"

G_BEGIN_DECLS

/* Idle time after the last edit before the design is autosaved, when the settings schema
 * (and with it the "autosave-interval" preference) is not installed: its default. */
#define NINES_AUTOSAVE_DELAY_MS 5000

struct _NinesWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toasts;
  AdwHeaderBar         *header;
  AdwWindowTitle       *title;
  GtkWidget            *edit_buttons;
  GtkWidget            *pattern_box;
  GtkDropDown          *pattern_dropdown;
  GtkDropDown          *recovery_dropdown;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome;         /* NULL until first shown (nines-welcome.ui) */
  AdwPreferencesGroup  *restore_group;
  AdwPreferencesGroup  *recent_group;
  GtkWidget            *editor_box;
  NinesPalette         *palette;
  NinesCanvas          *canvas;
  NinesInspector       *inspector;
  NinesSummaryBar      *summary;
  AdwViewStack         *panels;
  NinesCostPanel       *cost_panel;
  NinesRecoveryPanel   *recovery_panel;
  NinesFindingsPanel   *findings_panel;
  NinesComparePanel    *compare_panel;
  NinesSimulationPanel *simulation_panel;

  /* owned */
  NinesDocument        *document;
  NinesCommandStack    *stack;
  NinesAnalysis        *analysis;
  char                 *path;
  guint                 autosave_source;
  char                 *autosave_path;
  GPtrArray            *welcome_rows;    /* restore/recent rows we added */
  GtkStringList        *regions;         /* every region's label: the recovery dropdown's
                                          * model from just after the first frame */
  guint                 list_regions_source;
  gboolean              syncing;
  gboolean              close_confirmed;
  guint                 exports_running;  /* export tasks not finished yet */
  GSettings            *settings;         /* (nullable): no schema installed */
};

void     _nines_window_init_actions     (NinesWindow *self);
void     _nines_window_update_actions   (NinesWindow *self);
void     _nines_window_update_title     (NinesWindow *self);
void     _nines_window_save_as          (NinesWindow *self,
                                         gboolean     close_after);
void     _nines_window_confirm_discard  (NinesWindow *self,
                                         GCallback    then,
                                         gpointer     data);

void     _nines_window_autosave_schedule (NinesWindow *self);
void     _nines_window_autosave_now      (NinesWindow *self);
void     _nines_window_autosave_remove   (NinesWindow *self);
void     _nines_window_fill_welcome      (NinesWindow *self);
void     _nines_window_ensure_welcome    (NinesWindow *self);
void     _nines_window_init_autosave_actions (NinesWindow *self);
void     _nines_window_init_export_actions (NinesWindow *self);

void     _nines_window_init_settings     (NinesWindow *self);
void     _nines_window_remember_file     (NinesWindow *self,
                                          const char  *path);
GStrv    _nines_window_dup_recent_files  (NinesWindow *self);

G_END_DECLS
