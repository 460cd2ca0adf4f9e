/* nines-command-stack-edits.c: the edits of NinesCommandStack, each validated and undoable */
#define G_LOG_DOMAIN "nines-command-stack"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-command-stack-private.h"

gboolean
nines_command_stack_add_region (NinesCommandStack  *self,
                                const char         *code,
                                const char * const *azs,
                                GError            **error)
{
  g_autoptr(NinesRegion) region = NULL;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);
  if (nines_document_lookup_region (self->document, code) != NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("The design already uses %s"), code);
      return FALSE;
    }
  region = nines_region_new (code, azs);
  return _cs_run_checked (self,
                          _cs_list_command (CMD_INSERT_REGION, _("Add Region"), FALSE,
                                            g_list_model_get_n_items (
                                              nines_document_get_regions (self->document)),
                                            region),
                          NULL, error);
}

gboolean
nines_command_stack_remove_region (NinesCommandStack  *self,
                                   const char         *code,
                                   GError            **error)
{
  NinesRegion *region;
  guint pos;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!_nines_document_find_region (self->document, code, &pos))
    return _cs_fail_not_found (error, _("region"), code);
  for (guint i = 0; i < nines_document_get_n_components (self->document); i++)
    if (g_strcmp0 (nines_component_get_region (nines_document_get_component (self->document, i)),
                   code) == 0)
      {
        g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                     _("%s still holds components; remove or move them first"), code);
        return FALSE;
      }
  region = nines_document_lookup_region (self->document, code);
  return _cs_run_checked (self,
                          _cs_list_command (CMD_INSERT_REGION, _("Remove Region"), TRUE, pos,
                                            region),
                          NULL, error);
}

gboolean
nines_command_stack_set_region_azs (NinesCommandStack  *self,
                                    const char         *code,
                                    const char * const *azs,
                                    GError            **error)
{
  NinesRegion *region;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!(region = nines_document_lookup_region (self->document, code)))
    return _cs_fail_not_found (error, _("region"), code);
  if (g_strv_equal (azs ? azs : (const char * const[]) { NULL }, nines_region_get_azs (region)))
    return TRUE;
  cmd = _cs_command_new (CMD_REGION_AZS, _("Change Availability Zones"));
  cmd->key = g_strdup (code);
  cmd->old_strv = g_strdupv ((char **) nines_region_get_azs (region));
  cmd->new_strv = azs ? g_strdupv ((char **) azs) : g_new0 (char *, 1);
  return _cs_run_checked (self, cmd, NULL, error);
}

gboolean
nines_command_stack_add_component (NinesCommandStack  *self,
                                   NinesComponent     *component,
                                   const NinesPoint   *at,
                                   GError            **error)
{
  const char *id;
  Command *group;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (NINES_IS_COMPONENT (component), FALSE);

  id = nines_component_get_id (component);
  if (nines_document_lookup_component (self->document, id) != NULL)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("The id \"%s\" is already used"), id);
      return FALSE;
    }
  group = _cs_command_new (CMD_GROUP, _("Add Component"));
  g_ptr_array_add (group->children,
                   _cs_list_command (CMD_INSERT_COMPONENT, NULL, FALSE,
                                     nines_document_get_n_components (self->document),
                                     component));
  if (at != NULL)
    g_ptr_array_add (group->children, _cs_position_command (self->document, id, at));
  return _cs_run_checked (self, group, id, error);
}

gboolean
nines_command_stack_remove_component (NinesCommandStack  *self,
                                      const char         *id,
                                      GError            **error)
{
  GListModel *links;
  Command *group;
  NinesPoint p;
  guint pos;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!nines_document_find_component (self->document, id, &pos))
    return _cs_fail_not_found (error, _("component"), id);

  group = _cs_command_new (CMD_GROUP, _("Remove Component"));
  /* Links first, last to first, so each recorded position is right when undone. */
  links = nines_document_get_links (self->document);
  for (guint i = g_list_model_get_n_items (links); i > 0; i--)
    {
      g_autoptr(NinesLink) l = g_list_model_get_item (links, i - 1);

      if (g_str_equal (nines_link_get_from (l), id) || g_str_equal (nines_link_get_to (l), id))
        {
          Command *rm = _cs_list_command (CMD_INSERT_LINK, NULL, TRUE, i - 1, l);
          _cs_command_run (rm, self->document, TRUE);
          g_ptr_array_add (group->children, rm);
        }
    }
  if (nines_document_get_position (self->document, id, &p))
    {
      Command *mv = _cs_position_command (self->document, id, NULL);
      _cs_command_run (mv, self->document, TRUE);
      g_ptr_array_add (group->children, mv);
    }
  {
    Command *rm = _cs_list_command (CMD_INSERT_COMPONENT, NULL, TRUE, pos,
                                    nines_document_get_component (self->document, pos));
    _cs_command_run (rm, self->document, TRUE);
    g_ptr_array_add (group->children, rm);
  }
  _cs_push (self, group);
  return TRUE;
}

gboolean
nines_command_stack_set_position (NinesCommandStack  *self,
                                  const char         *key,
                                  const NinesPoint   *point,
                                  GError            **error)
{
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (point != NULL, FALSE);
  if (!(point->x > -1e7 && point->x < 1e7 && point->y > -1e7 && point->y < 1e7))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("A position must lie within ±10000000"));
      return FALSE;
    }
  {
    NinesPoint old;

    if (nines_document_get_position (self->document, key, &old) && old.x == point->x &&
        old.y == point->y)
      return TRUE;
  }
  cmd = _cs_position_command (self->document, key, point);
  _cs_command_run (cmd, self->document, TRUE);
  _cs_push (self, cmd);
  return TRUE;
}

static gboolean
same_keys (Command            *group,
           const char * const *ids)
{
  guint n = g_strv_length ((char **) ids);

  if (group->type != CMD_GROUP || group->children->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      Command *c = g_ptr_array_index (group->children, i);
      if (c->type != CMD_POSITION || g_strcmp0 (c->key, ids[i]) != 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
nines_command_stack_move (NinesCommandStack  *self,
                          const char * const *ids,
                          double              dx,
                          double              dy,
                          GError            **error)
{
  Command *group, *top;
  gint64 now = g_get_monotonic_time ();

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  if (ids[0] == NULL || (dx == 0 && dy == 0))
    return TRUE;
  if (!(fabs (dx) < 1e7 && fabs (dy) < 1e7))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("A move must stay within ±10000000"));
      return FALSE;
    }
  for (guint i = 0; ids[i]; i++)
    if (nines_document_lookup_component (self->document, ids[i]) == NULL &&
        !g_str_has_prefix (ids[i], "region:"))
      return _cs_fail_not_found (error, _("component"), ids[i]);

  top = self->undo->len ? g_ptr_array_index (self->undo, self->undo->len - 1) : NULL;
  if (self->can_merge && self->groups->len == 0 && top != NULL && same_keys (top, ids) &&
      now - top->time < MOVE_MERGE_USEC)
    {
      /* Continue the same drag: move further, keep the original "before". */
      for (guint i = 0; ids[i]; i++)
        {
          Command *c = g_ptr_array_index (top->children, i);
          c->new_point.x += dx;
          c->new_point.y += dy;
          nines_document_set_position (self->document, c->key, &c->new_point);
        }
      top->time = now;
      return TRUE;
    }

  group = _cs_command_new (CMD_GROUP, _("Move"));
  for (guint i = 0; ids[i]; i++)
    {
      NinesPoint p = { 0, 0 };
      Command *c;

      nines_document_get_position (self->document, ids[i], &p);
      p.x += dx;
      p.y += dy;
      c = _cs_position_command (self->document, ids[i], &p);
      _cs_command_run (c, self->document, TRUE);
      g_ptr_array_add (group->children, c);
    }
  group->time = now;
  _cs_push (self, group);
  return TRUE;
}

gboolean
nines_command_stack_set_param (NinesCommandStack  *self,
                               const char         *id,
                               const char         *name,
                               GVariant           *value,
                               GError            **error)
{
  g_autoptr(GVariant) sunk = value ? g_variant_ref_sink (value) : NULL;
  NinesComponent *c;
  const NinesKindInfo *kind;
  const NinesParamSpec *spec;
  GVariant *old;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!(c = nines_document_lookup_component (self->document, id)))
    return _cs_fail_not_found (error, _("component"), id);
  kind = nines_component_get_kind_info (c);
  if (kind == NULL || !(spec = nines_kind_info_lookup_param (kind, name)))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s has no parameter \"%s\""), nines_component_get_kind (c), name);
      return FALSE;
    }
  old = nines_component_get_explicit_param (c, name);
  if ((old == NULL && sunk == NULL) || (old && sunk && g_variant_equal (old, sunk)))
    return TRUE;

  cmd = _cs_command_new (CMD_PARAM, spec->label);
  cmd->key = g_strdup (id);
  cmd->name = g_strdup (name);
  cmd->old_value = old ? g_variant_ref (old) : NULL;
  cmd->new_value = sunk ? g_variant_ref (sunk) : NULL;
  return _cs_run_checked (self, cmd, id, error);
}

gboolean
nines_command_stack_set_component_name (NinesCommandStack *self,
                                        const char        *id,
                                        const char        *name,
                                        GError           **error)
{
  NinesComponent *c;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!(c = nines_document_lookup_component (self->document, id)))
    return _cs_fail_not_found (error, _("component"), id);
  if (g_strcmp0 (nines_component_get_name (c), name) == 0)
    return TRUE;
  cmd = _cs_command_new (CMD_COMPONENT_NAME, _("Rename"));
  cmd->key = g_strdup (id);
  cmd->old_str[0] = g_strdup (nines_component_get_name (c));
  cmd->new_str[0] = (name && *name) ? g_strdup (name) : NULL;
  return _cs_run_checked (self, cmd, id, error);
}

gboolean
nines_command_stack_set_placement (NinesCommandStack  *self,
                                   const char         *id,
                                   const char         *region,
                                   const char * const *azs,
                                   GError            **error)
{
  NinesComponent *c;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!(c = nines_document_lookup_component (self->document, id)))
    return _cs_fail_not_found (error, _("component"), id);
  if (g_strcmp0 (region, nines_component_get_region (c)) == 0 &&
      g_strv_equal (azs ? azs : (const char * const[]) { NULL }, nines_component_get_azs (c)))
    return TRUE;
  cmd = _cs_command_new (CMD_PLACEMENT, _("Change Placement"));
  cmd->key = g_strdup (id);
  cmd->old_str[0] = g_strdup (nines_component_get_region (c));
  cmd->new_str[0] = g_strdup (region);
  cmd->old_strv = g_strdupv ((char **) nines_component_get_azs (c));
  cmd->new_strv = azs ? g_strdupv ((char **) azs) : g_new0 (char *, 1);
  return _cs_run_checked (self, cmd, id, error);
}

static gboolean
find_link (NinesDocument *doc,
           const char    *from,
           const char    *to,
           NinesLinkKind  kind,
           guint         *position)
{
  GListModel *links = nines_document_get_links (doc);

  for (guint i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(NinesLink) l = g_list_model_get_item (links, i);

      if (g_str_equal (nines_link_get_from (l), from) && g_str_equal (nines_link_get_to (l), to) &&
          nines_link_get_kind (l) == kind)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
nines_command_stack_connect (NinesCommandStack  *self,
                             const char         *from,
                             const char         *to,
                             NinesLinkKind       kind,
                             GError            **error)
{
  g_autoptr(NinesLink) link = NULL;
  guint pos;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (kind == NINES_LINK_TRAFFIC || kind == NINES_LINK_DATA, FALSE);
  if (!nines_document_lookup_component (self->document, from))
    return _cs_fail_not_found (error, _("component"), from);
  if (!nines_document_lookup_component (self->document, to))
    return _cs_fail_not_found (error, _("component"), to);
  if (g_strcmp0 (from, to) == 0)
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("A component cannot link to itself"));
      return FALSE;
    }
  if (find_link (self->document, from, to, kind, &pos))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("%s is already linked to %s"), from, to);
      return FALSE;
    }
  link = nines_link_new (from, to, kind);
  return _cs_run_checked (self,
                          _cs_list_command (CMD_INSERT_LINK, _("Connect"), FALSE,
                                            g_list_model_get_n_items (
                                              nines_document_get_links (self->document)),
                                            link),
                          from, error);
}

gboolean
nines_command_stack_disconnect (NinesCommandStack  *self,
                                const char         *from,
                                const char         *to,
                                NinesLinkKind       kind,
                                GError            **error)
{
  g_autoptr(NinesLink) link = NULL;
  guint pos;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!find_link (self->document, from, to, kind, &pos))
    return _cs_fail_not_found (error, _("link from"), from);
  link = g_list_model_get_item (nines_document_get_links (self->document), pos);
  return _cs_run_checked (self,
                          _cs_list_command (CMD_INSERT_LINK, _("Disconnect"), TRUE, pos, link),
                          from, error);
}

gboolean
nines_command_stack_set_name (NinesCommandStack  *self,
                              const char         *name,
                              GError            **error)
{
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                   _("The design needs a name"));
      return FALSE;
    }
  if (g_str_equal (name, nines_document_get_name (self->document)))
    return TRUE;
  cmd = _cs_command_new (CMD_DOC_NAME, _("Rename Design"));
  cmd->old_str[0] = g_strdup (nines_document_get_name (self->document));
  cmd->new_str[0] = g_strdup (name);
  _cs_command_run (cmd, self->document, TRUE);
  _cs_push (self, cmd);
  return TRUE;
}

gboolean
nines_command_stack_set_dr (NinesCommandStack  *self,
                            NinesDrPattern      pattern,
                            const char         *recovery_region,
                            GError            **error)
{
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (pattern < NINES_N_DR_PATTERNS, FALSE);
  if (pattern == nines_document_get_dr_pattern (self->document) &&
      g_strcmp0 (recovery_region, nines_document_get_recovery_region (self->document)) == 0)
    return TRUE;
  cmd = _cs_command_new (CMD_DR, _("Change DR Pattern"));
  cmd->old_pattern = nines_document_get_dr_pattern (self->document);
  cmd->old_str[0] = g_strdup (nines_document_get_recovery_region (self->document));
  cmd->new_pattern = pattern;
  cmd->new_str[0] = g_strdup (recovery_region);
  return _cs_run_checked (self, cmd, NULL, error);
}

gboolean
nines_command_stack_set_knob (NinesCommandStack  *self,
                              const char         *name,
                              GVariant           *value,
                              GError            **error)
{
  g_autoptr(GVariant) sunk = value ? g_variant_ref_sink (value) : NULL;
  const NinesParamSpec *spec;
  g_autofree char *problem = NULL;
  GVariant *old;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (!(spec = nines_catalog_lookup_knob (nines_catalog_get_default (), name)))
    return _cs_fail_not_found (error, _("DR setting"), name);
  if (sunk != NULL && !nines_param_spec_check (spec, sunk, &problem))
    {
      g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID, "%s: %s",
                   spec->label, problem);
      return FALSE;
    }
  old = nines_document_get_explicit_knob (self->document, name);
  if ((old == NULL && sunk == NULL) || (old && sunk && g_variant_equal (old, sunk)))
    return TRUE;
  cmd = _cs_command_new (CMD_KNOB, spec->label);
  cmd->key = g_strdup (name);
  cmd->old_value = old ? g_variant_ref (old) : NULL;
  cmd->new_value = sunk ? g_variant_ref (sunk) : NULL;
  _cs_command_run (cmd, self->document, TRUE);
  _cs_push (self, cmd);
  return TRUE;
}

gboolean
nines_command_stack_set_operations (NinesCommandStack  *self,
                                    const char         *last_dr_test,
                                    const char         *last_restore_test,
                                    const char         *notes,
                                    GError            **error)
{
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (g_strcmp0 (last_dr_test, nines_document_get_last_dr_test (self->document)) == 0 &&
      g_strcmp0 (last_restore_test, nines_document_get_last_restore_test (self->document)) == 0 &&
      g_strcmp0 (notes, nines_document_get_notes (self->document)) == 0)
    return TRUE;
  cmd = _cs_command_new (CMD_OPERATIONS, _("Change Operations"));
  cmd->old_str[0] = g_strdup (nines_document_get_last_dr_test (self->document));
  cmd->old_str[1] = g_strdup (nines_document_get_last_restore_test (self->document));
  cmd->old_str[2] = g_strdup (nines_document_get_notes (self->document));
  cmd->new_str[0] = g_strdup (last_dr_test);
  cmd->new_str[1] = g_strdup (last_restore_test);
  cmd->new_str[2] = g_strdup (notes);
  return _cs_run_checked (self, cmd, NULL, error);
}

gboolean
nines_command_stack_set_discount (NinesCommandStack  *self,
                                  double              percent,
                                  GError            **error)
{
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (percent == nines_document_get_discount_percent (self->document))
    return TRUE;
  cmd = _cs_command_new (CMD_DISCOUNT, _("Change Discount"));
  cmd->old_num = nines_document_get_discount_percent (self->document);
  cmd->new_num = percent;
  return _cs_run_checked (self, cmd, NULL, error);
}

gboolean
nines_command_stack_set_price_override (NinesCommandStack *self,
                                        const char        *service,
                                        const char        *region,
                                        const char        *usage,
                                        double             usd,
                                        const char        *note,
                                        GError           **error)
{
  NinesPriceOverride want = { (char *) service, (char *) region, (char *) usage, usd, (char *) note };
  const NinesPriceOverride *old;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  g_return_val_if_fail (service != NULL && usage != NULL, FALSE);
  old = nines_document_lookup_price_override (self->document, service, region, usage);
  if ((old == NULL && usd < 0) ||
      (old != NULL && old->usd == usd && g_strcmp0 (old->note, note) == 0))
    return TRUE;
  cmd = _cs_command_new (CMD_OVERRIDE, usd < 0 ? _("Remove Price") : _("Enter Price"));
  cmd->old_override = old ? _nines_price_override_copy (old) : NULL;
  for (guint i = 0; old && i < nines_document_get_n_price_overrides (self->document); i++)
    if (nines_document_get_price_override (self->document, i) == old)
      cmd->position = i;
  cmd->new_override = usd >= 0 ? _nines_price_override_copy (&want) : NULL;
  return _cs_run_checked (self, cmd, NULL, error);
}

gboolean
nines_command_stack_set_owners (NinesCommandStack  *self,
                                const char * const *owners,
                                GError            **error)
{
  const char * const none[] = { NULL };
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  if (owners == NULL)
    owners = none;
  for (guint i = 0; owners[i]; i++)
    if (owners[i][strspn (owners[i], " \t\n")] == '\0')
      {
        g_set_error (error, NINES_MODEL_ERROR, NINES_MODEL_ERROR_INVALID,
                     _("An owner needs a name or address"));
        return FALSE;
      }
  if (g_strv_equal (owners, nines_document_get_owners (self->document)))
    return TRUE;
  cmd = _cs_command_new (CMD_OWNERS, _("Change Owners"));
  cmd->old_strv = g_strdupv ((char **) nines_document_get_owners (self->document));
  cmd->new_strv = g_strdupv ((char **) owners);
  return _cs_run_checked (self, cmd, NULL, error);
}

gboolean
nines_command_stack_set_primary_region (NinesCommandStack  *self,
                                        const char         *code,
                                        GError            **error)
{
  const char *old;
  Command *cmd;

  g_return_val_if_fail (NINES_IS_COMMAND_STACK (self), FALSE);
  old = _nines_document_get_explicit_primary_region (self->document);
  /* Naming the first region, or leaving it implicit, is the same design (and the same
   * file: the saved file names the region). */
  {
    GListModel *regions = nines_document_get_regions (self->document);
    g_autoptr(NinesRegion) first = g_list_model_get_item (regions, 0);
    const char *want = code ? code : first ? nines_region_get_code (first) : NULL;

    if (g_strcmp0 (nines_document_get_primary_region (self->document), want) == 0)
      return TRUE;
  }
  cmd = _cs_command_new (CMD_PRIMARY_REGION, _("Change Primary Region"));
  cmd->old_str[0] = g_strdup (old);
  cmd->new_str[0] = g_strdup (code);
  return _cs_run_checked (self, cmd, NULL, error);
}
