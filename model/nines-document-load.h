/* nines-document-load.h: reading the sections of a parsed .nines file into a document */
#pragma once

#include "nines-model-private.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray      *problems;  /* of "PATH: PROBLEM" */
  NinesSourceMap  map;       /* file index of each region, component, link loaded */
} NinesLoader;

/* "a string", "an object", "null"… for messages. */
const char *_nines_json_type_name          (JsonNode      *node);
gboolean    _nines_json_is_number          (JsonNode      *node);
/* Reads an optional (or, with @required, mandatory) string member of @o at @path. */
const char *_nines_loader_get_string       (NinesLoader   *ld,
                                            JsonObject    *o,
                                            const char    *member,
                                            const char    *path,
                                            gboolean       required);

/* Each reads its section of @root into @doc, adding a problem for each thing wrong that
 * the semantic checks (nines-document-check.c) cannot see: types, missing members. */
void        _nines_loader_load_regions     (NinesLoader   *ld,
                                            NinesDocument *doc,
                                            JsonObject    *root);
void        _nines_loader_load_components  (NinesLoader   *ld,
                                            NinesDocument *doc,
                                            JsonObject    *root);
void        _nines_loader_load_links       (NinesLoader   *ld,
                                            NinesDocument *doc,
                                            JsonObject    *root);
void        _nines_loader_load_dr          (NinesLoader   *ld,
                                            NinesDocument *doc,
                                            JsonObject    *root);
void        _nines_loader_load_operations  (NinesLoader   *ld,
                                            NinesDocument *doc,
                                            JsonObject    *root);
void        _nines_loader_load_pricing     (NinesLoader   *ld,
                                            NinesDocument *doc,
                                            JsonObject    *root);
void        _nines_loader_load_layout      (NinesLoader   *ld,
                                            NinesDocument *doc,
                                            JsonObject    *root);

G_END_DECLS
