/* nines-price-refresh.h: app.refresh-prices, current prices from the AWS Price List, and
 * the refreshed snapshot the windows price designs with */
#pragma once

#include <adwaita.h>
#include <nines-model.h>

G_BEGIN_DECLS

/* Where the refreshed snapshot lives: $XDG_DATA_HOME/nines/prices (transfer full). */
char               *nines_price_refresh_get_dir       (void);
/* The refreshed snapshot when @settings' "price-data-date" says there is one, else NULL
 * (the bundled one is in use); an unreadable file is an error. @settings may be NULL. */
NinesPriceSnapshot *nines_price_refresh_load          (GSettings      *settings,
                                                       GError        **error);
/* "Published 2026-06-30" and the like, for the preferences and the about window:
 * @date is "price-data-date" ("" for the bundled snapshot). (transfer full) */
char               *nines_price_refresh_describe      (const char     *date);
/* Adds app.refresh-prices to @application: fetches current prices (GetProducts) for the
 * regions of the active window's design (else the default regions in Preferences) with
 * the profile set in Preferences, in a worker thread, with progress and the result as
 * toasts in the active window; then writes "price-data-date" and reprices every window. */
void                nines_price_refresh_install       (GtkApplication *application);

G_END_DECLS
