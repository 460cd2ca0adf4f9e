/* Shared config and credentials files, parsed as botocore's configloader does:
 * https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
 * https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html */
#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-aws.h"

struct _NinesAwsConfig
{
  GObject parent_instance;

  char **envp;
  char *profile;
  gboolean profile_explicit;
  char *config_file;
  char *credentials_file;
  /* profile name -> (key -> value); nested keys are "parent.child" */
  GHashTable *config_profiles;
  GHashTable *credentials_profiles;
  /* [services name] sections of the config file */
  GHashTable *services;
};

G_DEFINE_FINAL_TYPE (NinesAwsConfig, nines_aws_config, G_TYPE_OBJECT)

static void
nines_aws_config_finalize (GObject *object)
{
  NinesAwsConfig *self = NINES_AWS_CONFIG (object);

  g_strfreev (self->envp);
  g_free (self->profile);
  g_free (self->config_file);
  g_free (self->credentials_file);
  g_hash_table_unref (self->config_profiles);
  g_hash_table_unref (self->credentials_profiles);
  g_hash_table_unref (self->services);
  G_OBJECT_CLASS (nines_aws_config_parent_class)->finalize (object);
}

static void
nines_aws_config_class_init (NinesAwsConfigClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = nines_aws_config_finalize;
}

static GHashTable *
section_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
}

static void
nines_aws_config_init (NinesAwsConfig *self)
{
  self->config_profiles = section_table_new ();
  self->credentials_profiles = section_table_new ();
  self->services = section_table_new ();
}

typedef enum
{
  FILE_CONFIG,
  FILE_CREDENTIALS,
} FileKind;

/* Maps a section header to (table, name): config "[profile x]" and "[default]" are
 * profiles, "[services x]" a services section, anything else in config is not a profile;
 * every credentials-file section is a profile named as written. */
static GHashTable *
section_target (NinesAwsConfig *self,
                FileKind        kind,
                const char     *header,
                char          **name)
{
  g_auto(GStrv) words = NULL;

  if (kind == FILE_CREDENTIALS)
    {
      *name = g_strdup (header);
      return self->credentials_profiles;
    }
  if (g_str_equal (header, "default"))
    {
      *name = g_strdup (header);
      return self->config_profiles;
    }
  words = g_strsplit_set (header, " \t", -1);
  {
    g_autoptr(GPtrArray) w = g_ptr_array_new ();
    for (guint i = 0; words[i]; i++)
      if (words[i][0] != '\0')
        g_ptr_array_add (w, words[i]);
    if (w->len == 2 && g_str_equal (w->pdata[0], "profile"))
      {
        *name = g_strdup (w->pdata[1]);
        return self->config_profiles;
      }
    if (w->len == 2 && g_str_equal (w->pdata[0], "services"))
      {
        *name = g_strdup (w->pdata[1]);
        return self->services;
      }
  }
  *name = NULL;
  return NULL;
}

static gboolean
parse_file (NinesAwsConfig *self,
            const char     *path,
            FileKind        kind,
            GError        **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *section = NULL;   /* borrowed */
  gboolean in_ignored_section = FALSE;
  g_autofree char *parent_key = NULL;

  if (!g_file_get_contents (path, &text, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("Cannot read %s: %s"), path, local_error->message);
      return FALSE;
    }
  lines = g_strsplit (text, "\n", -1);
  for (guint n = 0; lines[n] != NULL; n++)
    {
      char *line = lines[n];
      gboolean indented = (line[0] == ' ' || line[0] == '\t');
      char *eq;

      g_strchomp (line);
      if (line[0] == '\0')
        continue;
      if (!indented && (line[0] == '#' || line[0] == ';'))
        continue;
      if (indented && (g_strstrip (line)[0] == '#' || line[0] == ';'))
        continue;
      if (!indented && line[0] == '[')
        {
          char *close = strrchr (line, ']');
          g_autofree char *name = NULL;
          GHashTable *target;

          if (close == NULL)
            goto bad_line;
          *close = '\0';
          g_clear_pointer (&parent_key, g_free);
          target = section_target (self, kind, g_strstrip (line + 1), &name);
          in_ignored_section = (target == NULL);
          section = NULL;
          if (target == NULL)
            continue;
          section = g_hash_table_lookup (target, name);
          if (section == NULL)
            {
              section = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
              g_hash_table_insert (target, g_steal_pointer (&name), section);
            }
          continue;
        }
      if (section == NULL && !in_ignored_section)
        goto bad_line;
      eq = strchr (line, '=');
      if (indented && parent_key != NULL)
        {
          /* a nested "child = value" under "parent =" */
          g_autofree char *child = NULL;

          if (eq == NULL)
            goto bad_line;
          *eq = '\0';
          child = g_ascii_strdown (g_strstrip (line), -1);
          if (section != NULL)
            g_hash_table_replace (section, g_strdup_printf ("%s.%s", parent_key, child),
                                  g_strdup (g_strstrip (eq + 1)));
          continue;
        }
      if (eq == NULL || indented)
        goto bad_line;
      *eq = '\0';
      g_clear_pointer (&parent_key, g_free);
      {
        /* configparser lower-cases keys and strips values; no inline comments */
        g_autofree char *key = g_ascii_strdown (g_strstrip (line), -1);
        const char *value = g_strstrip (eq + 1);

        if (*key == '\0')
          goto bad_line;
        if (*value == '\0')
          parent_key = g_strdup (key);
        if (section != NULL)
          g_hash_table_replace (section, g_steal_pointer (&key), g_strdup (value));
      }
      continue;

    bad_line:
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("%s, line %u: cannot parse this line; expected “[section]”, "
                     "“key = value” or an indented nested value"), path, n + 1);
      return FALSE;
    }
  return TRUE;
}

static char *
expand_home (NinesAwsConfig *self,
             const char     *path)
{
  const char *home = g_environ_getenv (self->envp, "HOME");

  if (home == NULL)
    home = g_get_home_dir ();
  if (g_str_has_prefix (path, "~/"))
    return g_build_filename (home, path + 2, NULL);
  return g_strdup (path);
}

NinesAwsConfig *
nines_aws_config_new (const char * const *envp,
                      const char         *profile,
                      GError            **error)
{
  g_autoptr(NinesAwsConfig) self = g_object_new (NINES_TYPE_AWS_CONFIG, NULL);
  const char *env_profile;
  const char *path;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self->envp = envp != NULL ? g_strdupv ((char **) envp) : g_get_environ ();
  path = g_environ_getenv (self->envp, "AWS_CONFIG_FILE");
  self->config_file = expand_home (self, path != NULL && *path ? path : "~/.aws/config");
  path = g_environ_getenv (self->envp, "AWS_SHARED_CREDENTIALS_FILE");
  self->credentials_file = expand_home (self, path != NULL && *path ? path : "~/.aws/credentials");
  if (!parse_file (self, self->config_file, FILE_CONFIG, error)
      || !parse_file (self, self->credentials_file, FILE_CREDENTIALS, error))
    return NULL;

  env_profile = g_environ_getenv (self->envp, "AWS_PROFILE");
  if (profile != NULL && *profile != '\0')
    {
      self->profile = g_strdup (profile);
      self->profile_explicit = TRUE;
    }
  else if (env_profile != NULL && *env_profile != '\0')
    self->profile = g_strdup (env_profile);
  else
    self->profile = g_strdup ("default");

  if (!g_str_equal (self->profile, "default") && !nines_aws_config_has_profile (self, self->profile))
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_CONFIG,
                   _("The profile “%s”%s is in neither %s ([profile %s]) nor %s ([%s])"),
                   self->profile, self->profile_explicit ? "" : _(" (from AWS_PROFILE)"),
                   self->config_file, self->profile, self->credentials_file, self->profile);
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
nines_aws_config_getenv (NinesAwsConfig *self,
                         const char     *name)
{
  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), NULL);
  return g_environ_getenv (self->envp, name);
}

const char *
nines_aws_config_get_profile (NinesAwsConfig *self)
{
  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), NULL);
  return self->profile;
}

gboolean
nines_aws_config_get_profile_explicit (NinesAwsConfig *self)
{
  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), FALSE);
  return self->profile_explicit;
}

gboolean
nines_aws_config_has_profile (NinesAwsConfig *self,
                              const char     *profile)
{
  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), FALSE);
  return g_hash_table_contains (self->config_profiles, profile)
         || g_hash_table_contains (self->credentials_profiles, profile);
}

static const char *
lookup (GHashTable *table,
        const char *profile,
        const char *key)
{
  GHashTable *section = g_hash_table_lookup (table, profile);

  return section != NULL ? g_hash_table_lookup (section, key) : NULL;
}

const char *
nines_aws_config_get_config_value (NinesAwsConfig *self,
                                   const char     *profile,
                                   const char     *key)
{
  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), NULL);
  return lookup (self->config_profiles, profile, key);
}

const char *
nines_aws_config_get_credentials_value (NinesAwsConfig *self,
                                        const char     *profile,
                                        const char     *key)
{
  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), NULL);
  return lookup (self->credentials_profiles, profile, key);
}

const char *
nines_aws_config_get_value (NinesAwsConfig *self,
                            const char     *profile,
                            const char     *key)
{
  const char *v;

  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), NULL);
  /* botocore's Session.full_config: the credentials file's values win */
  v = lookup (self->credentials_profiles, profile, key);
  return v != NULL ? v : lookup (self->config_profiles, profile, key);
}

const char *
nines_aws_config_get_region (NinesAwsConfig *self)
{
  const char *v;

  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), NULL);
  /* https://docs.aws.amazon.com/sdkref/latest/guide/feature-region.html: AWS_REGION,
   * then (AWS CLI) AWS_DEFAULT_REGION, then the profile's region */
  v = g_environ_getenv (self->envp, "AWS_REGION");
  if (v == NULL || *v == '\0')
    v = g_environ_getenv (self->envp, "AWS_DEFAULT_REGION");
  if (v == NULL || *v == '\0')
    v = nines_aws_config_get_value (self, self->profile, "region");
  return v != NULL && *v != '\0' ? v : NULL;
}

static gboolean
is_true (const char *v)
{
  return v != NULL && g_ascii_strcasecmp (v, "true") == 0;
}

char *
nines_aws_config_dup_endpoint_url (NinesAwsConfig *self,
                                   const char     *service_id)
{
  g_autofree char *env_name = NULL, *key = NULL;
  const char *v, *services;

  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), NULL);
  g_return_val_if_fail (service_id != NULL, NULL);

  /* https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html */
  if (is_true (g_environ_getenv (self->envp, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
      || is_true (nines_aws_config_get_value (self, self->profile, "ignore_configured_endpoint_urls")))
    return NULL;
  env_name = g_ascii_strup (service_id, -1);
  g_strdelimit (env_name, " -", '_');
  {
    g_autofree char *var = g_strconcat ("AWS_ENDPOINT_URL_", env_name, NULL);
    v = g_environ_getenv (self->envp, var);
    if (v != NULL && *v != '\0')
      return g_strdup (v);
  }
  v = g_environ_getenv (self->envp, "AWS_ENDPOINT_URL");
  if (v != NULL && *v != '\0')
    return g_strdup (v);
  services = nines_aws_config_get_value (self, self->profile, "services");
  if (services != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (env_name, -1);

      key = g_strconcat (lower, ".endpoint_url", NULL);
      v = lookup (self->services, services, key);
      if (v != NULL && *v != '\0')
        return g_strdup (v);
    }
  v = nines_aws_config_get_value (self, self->profile, "endpoint_url");
  return v != NULL && *v != '\0' ? g_strdup (v) : NULL;
}

const char *
nines_aws_config_get_config_file (NinesAwsConfig *self)
{
  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), NULL);
  return self->config_file;
}

const char *
nines_aws_config_get_credentials_file (NinesAwsConfig *self)
{
  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), NULL);
  return self->credentials_file;
}

char *
nines_aws_config_dup_endpoint (NinesAwsConfig *self,
                               const char     *service_id,
                               const char     *region)
{
  char *configured;
  const char *prefix;
  g_autofree char *lower = NULL;

  g_return_val_if_fail (NINES_IS_AWS_CONFIG (self), NULL);
  g_return_val_if_fail (service_id != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);

  configured = nines_aws_config_dup_endpoint_url (self, service_id);
  if (configured != NULL)
    return configured;
  lower = g_ascii_strdown (service_id, -1);
  /* https://docs.aws.amazon.com/general/latest/gr/rande.html */
  prefix = g_str_equal (lower, "pricing") ? "api.pricing" : lower;
  return g_strdup_printf ("https://%s.%s.amazonaws.com%s", prefix, region,
                          g_str_has_prefix (region, "cn-") ? ".cn" : "");
}
