#define G_LOG_DOMAIN "nines-model"

#include "config.h"

#include "nines-model.h"

G_DEFINE_QUARK (nines-model-error-quark, nines_model_error)
