/* nines-provision-dialog.h: provisioning from the GUI — who am I, plan diff, confirm,
 * progress per region, result (the CLI's `nines-cli provision apply`) */
#pragma once

#include <adwaita.h>
#include <nines-model.h>

G_BEGIN_DECLS

#define NINES_TYPE_PROVISION_DIALOG (nines_provision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (NinesProvisionDialog, nines_provision_dialog, NINES, PROVISION_DIALOG, AdwWindow)

/* Opens the dialog for @document's pattern, modal on @parent. The work runs on a copy of
 * the document off the main thread; what it learns (account, stacks, their status) is
 * written back into @document's "provisioning" section when each step ends. */
void nines_provision_dialog_present (GtkWindow     *parent,
                                    NinesDocument *document);

G_END_DECLS
