/* nines-application.h: the Nines AdwApplication */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NINES_TYPE_APPLICATION (nines_application_get_type ())
G_DECLARE_FINAL_TYPE (NinesApplication, nines_application, NINES, APPLICATION, AdwApplication)

NinesApplication *nines_application_new (void);

G_END_DECLS
