#define G_LOG_DOMAIN "nines-aws"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "nines-aws.h"
#include "nines-aws-xml.h"

#define MAX_DEPTH 64

typedef struct
{
  NinesAwsXml *root;
  NinesAwsXml *current;
  GString *text;
  guint depth;
} Builder;

static NinesAwsXml *
node_new (const char  *qname,
          NinesAwsXml *parent)
{
  NinesAwsXml *node = g_new0 (NinesAwsXml, 1);
  const char *colon = strrchr (qname, ':');

  node->name = g_strdup (colon ? colon + 1 : qname);
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) nines_aws_xml_free);
  node->parent = parent;
  return node;
}

void
nines_aws_xml_free (NinesAwsXml *node)
{
  if (node == NULL)
    return;
  g_free (node->name);
  g_free (node->text);
  g_ptr_array_unref (node->children);
  g_free (node);
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Builder *b = user_data;
  NinesAwsXml *node;

  if (++b->depth > MAX_DEPTH)
    {
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "nested too deeply");
      return;
    }
  node = node_new (element_name, b->current);
  if (b->current != NULL)
    g_ptr_array_add (b->current->children, node);
  else if (b->root == NULL)
    b->root = node;
  else
    {
      nines_aws_xml_free (node);
      g_set_error_literal (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "two root elements");
      return;
    }
  b->current = node;
  g_string_truncate (b->text, 0);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  Builder *b = user_data;

  if (b->current->children->len == 0)
    b->current->text = g_strstrip (g_strdup (b->text->str));
  g_string_truncate (b->text, 0);
  b->current = b->current->parent;
  b->depth--;
}

static void
text (GMarkupParseContext  *context,
      const char           *data,
      gsize                 len,
      gpointer              user_data,
      GError              **error)
{
  Builder *b = user_data;

  if (b->current != NULL)
    g_string_append_len (b->text, data, len);
}

NinesAwsXml *
nines_aws_xml_parse (const char  *data,
                     gsize        len,
                     const char  *what,
                     GError     **error)
{
  static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };
  Builder b = { NULL, NULL, g_string_new (NULL), 0 };
  g_autoptr(GMarkupParseContext) ctx = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &b, NULL);
  g_autoptr(GError) local_error = NULL;

  if (!g_markup_parse_context_parse (ctx, data, len, &local_error)
      || !g_markup_parse_context_end_parse (ctx, &local_error)
      || b.root == NULL)
    {
      g_set_error (error, NINES_AWS_ERROR, NINES_AWS_ERROR_INVALID_RESPONSE,
                   _("The %s response is not valid XML (%s); it may have been cut off"),
                   what, local_error ? local_error->message : _("empty document"));
      g_string_free (b.text, TRUE);
      nines_aws_xml_free (b.root);
      return NULL;
    }
  g_string_free (b.text, TRUE);
  return b.root;
}

NinesAwsXml *
nines_aws_xml_child (NinesAwsXml *node,
                     const char  *name)
{
  if (node == NULL)
    return NULL;
  for (guint i = 0; i < node->children->len; i++)
    {
      NinesAwsXml *c = g_ptr_array_index (node->children, i);
      if (g_str_equal (c->name, name))
        return c;
    }
  return NULL;
}

NinesAwsXml *
nines_aws_xml_path (NinesAwsXml *node,
                    const char  *path)
{
  g_auto(GStrv) steps = g_strsplit (path, "/", -1);

  for (guint i = 0; steps[i] != NULL && node != NULL; i++)
    node = nines_aws_xml_child (node, steps[i]);
  return node;
}

const char *
nines_aws_xml_path_text (NinesAwsXml *node,
                         const char  *path)
{
  node = nines_aws_xml_path (node, path);
  return node != NULL ? (node->text != NULL ? node->text : "") : NULL;
}

NinesAwsXml *
nines_aws_xml_find (NinesAwsXml *node,
                    const char  *name)
{
  if (node == NULL)
    return NULL;
  if (g_str_equal (node->name, name))
    return node;
  for (guint i = 0; i < node->children->len; i++)
    {
      NinesAwsXml *found = nines_aws_xml_find (g_ptr_array_index (node->children, i), name);
      if (found != NULL)
        return found;
    }
  return NULL;
}
