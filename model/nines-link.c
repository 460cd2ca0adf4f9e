#define G_LOG_DOMAIN "nines-link"

#include "config.h"

#include "nines-model-private.h"

struct _NinesLink
{
  GObject        parent_instance;
  char          *from;
  char          *to;
  NinesLinkKind  kind;
  JsonObject    *extra;   /* unknown members, kept on save */
};

G_DEFINE_FINAL_TYPE (NinesLink, nines_link, G_TYPE_OBJECT)

static void
nines_link_finalize (GObject *object)
{
  NinesLink *self = (NinesLink *)object;

  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->extra, json_object_unref);
  G_OBJECT_CLASS (nines_link_parent_class)->finalize (object);
}

static void
nines_link_class_init (NinesLinkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nines_link_finalize;
}

static void
nines_link_init (NinesLink *self)
{
}

NinesLink *
nines_link_new (const char    *from,
                const char    *to,
                NinesLinkKind  kind)
{
  NinesLink *self;

  g_return_val_if_fail (from != NULL && to != NULL, NULL);
  self = g_object_new (NINES_TYPE_LINK, NULL);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->kind = kind;
  return self;
}

const char *
nines_link_get_from (NinesLink *self)
{
  g_return_val_if_fail (NINES_IS_LINK (self), NULL);
  return self->from;
}

const char *
nines_link_get_to (NinesLink *self)
{
  g_return_val_if_fail (NINES_IS_LINK (self), NULL);
  return self->to;
}

NinesLinkKind
nines_link_get_kind (NinesLink *self)
{
  g_return_val_if_fail (NINES_IS_LINK (self), NINES_LINK_TRAFFIC);
  return self->kind;
}

gboolean
nines_link_equal (NinesLink *a,
                  NinesLink *b)
{
  return g_str_equal (a->from, b->from) && g_str_equal (a->to, b->to) && a->kind == b->kind;
}

JsonObject *
_nines_link_get_extra (NinesLink *self)
{
  return self->extra;
}

void
_nines_link_set_extra (NinesLink  *self,
                       JsonObject *extra)
{
  g_clear_pointer (&self->extra, json_object_unref);
  self->extra = extra ? json_object_ref (extra) : NULL;
}
