/* nines-cli-recovery-private.h: shared by the recovery subcommand files of nines-cli */
#pragma once

#include <nines-model.h>

G_BEGIN_DECLS

/* The document's pattern when @name is NULL; FALSE (with a message) for an unknown name. */
gboolean nines_cli_parse_pattern     (NinesDocument  *doc,
                                      const char     *name,
                                      NinesDrPattern *pattern);
void     nines_cli_recovery_to_json  (JsonBuilder    *b,
                                      NinesRecovery  *rec);
void     nines_cli_recovery_print    (NinesRecovery  *rec);

G_END_DECLS
