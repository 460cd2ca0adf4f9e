/* nines-cli.h: the subcommands of nines-cli, one file each */
#pragma once

#include <nines-model.h>

G_BEGIN_DECLS

/* Exit codes */
#define NINES_CLI_OK        0
#define NINES_CLI_BAD_INPUT 1
#define NINES_CLI_USAGE     2

typedef struct
{
  const char *name;
  const char *args;      /* "FILE", shown in help */
  const char *summary;
  int       (*run)       (int argc, char **argv);
} NinesCliCommand;

/* Parses @argv with @entries; on --help prints help and exits 0, on a usage error prints
 * it with the command's usage and returns FALSE (exit NINES_CLI_USAGE). */
gboolean nines_cli_parse        (const char   *command,
                                 const char   *args,
                                 const char   *summary,
                                 GOptionEntry *entries,
                                 int          *argc,
                                 char       ***argv,
                                 int           n_positional);
/* Loads FILE, printing the problems on stderr. */
NinesDocument *nines_cli_load   (const char   *path);
void     nines_cli_error        (const char   *format,
                                 ...) G_GNUC_PRINTF (1, 2);
/* "text" or "json" (and whatever else @allowed lists); FALSE with a message otherwise. */
gboolean nines_cli_check_format (const char   *format,
                                 const char * const *allowed);
/* The same for a --format option: NULL (not given) becomes the first of @allowed. */
gboolean nines_cli_pick_format  (char        **format,
                                 const char * const *allowed);
/* The choice most commands offer: text, json. */
extern const char * const nines_cli_text_json[];
/* Adds "@member": @value to the object @b is building; a NULL @value gives null. */
void     nines_cli_json_string  (JsonBuilder  *b,
                                 const char   *member,
                                 const char   *value);
void     nines_cli_json_bool    (JsonBuilder  *b,
                                 const char   *member,
                                 gboolean      value);
/* Adds "@member": @value; null when @value is negative or not finite (unknown, unbounded),
 * which also keeps NaN and infinity, invalid in JSON, out of the output. */
void     nines_cli_json_number  (JsonBuilder  *b,
                                 const char   *member,
                                 double        value);
/* Prints a JSON node to stdout, pretty. */
void     nines_cli_print_json   (JsonNode     *node);
/* Test hook: when NINES_CLI_WRAPPER is set (e.g. "valgrind --error-exitcode=99 …"),
 * re-executes this nines-cli under that command; returns only when it is unset. */
void     nines_cli_exec_wrapper (char        **argv);

int nines_cli_validate (int argc, char **argv);
int nines_cli_report   (int argc, char **argv);
int nines_cli_aws      (int argc, char **argv);
int nines_cli_export   (int argc, char **argv);
int nines_cli_provision (int argc, char **argv);
int nines_cli_pricing  (int argc, char **argv);
int nines_cli_pricing_refresh (int argc, char **argv);
/* Writes @builder's snapshot into @dir and reads it back (nines-cli-pricing.c); on failure
 * prints why and returns NULL. @path: (out): the file written. */
NinesPriceSnapshot *nines_cli_write_snapshot (NinesPriceBuilder  *builder,
                                              const char         *dir,
                                              char              **path);
/* The cost section of report (nines-cli-pricing.c): prints it for "text" and "csv", adds
 * a "cost" member to @json_root for "json". */
void nines_cli_report_cost (NinesDocument *doc, const char *format, JsonNode *json_root);
/* The formats report accepts: text, json, csv (csv holds the cost lines only). */
extern const char * const nines_cli_report_formats[];
int nines_cli_compare  (int argc, char **argv);
int nines_cli_recovery (int argc, char **argv);
int nines_cli_simulate (int argc, char **argv);
int nines_cli_findings (int argc, char **argv);
/* The recovery and findings section of report (nines-cli-findings.c): prints it for
 * "text", adds "recovery" and "findings" members to @json_root for "json", nothing for csv. */
void nines_cli_report_recovery (NinesDocument *doc, const char *format, JsonNode *json_root);

G_END_DECLS
