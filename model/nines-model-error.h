/* nines-model-error.h: the error domain of the model library */
#pragma once

#if !defined (NINES_MODEL_INSIDE) && !defined (NINES_MODEL_COMPILATION)
# error "Only <nines-model.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

#define NINES_MODEL_ERROR (nines_model_error_quark ())

typedef enum
{
  NINES_MODEL_ERROR_PARSE,          /* not JSON, not UTF-8, truncated, too deep */
  NINES_MODEL_ERROR_INVALID,        /* JSON, but not a valid document */
  NINES_MODEL_ERROR_NEWER_FORMAT,   /* written by a newer Nines */
  NINES_MODEL_ERROR_NOT_FOUND,      /* unknown id, region, kind … */
  NINES_MODEL_ERROR_IO,             /* could not read or write */
  NINES_MODEL_ERROR_NO_PRICE,       /* a price the snapshot lacks */
  NINES_MODEL_ERROR_FAILED,
} NinesModelError;

GQuark nines_model_error_quark (void);

G_END_DECLS
