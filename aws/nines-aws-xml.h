/* nines-aws-xml.h: a small element tree built with GMarkup, for AWS's XML responses
 * (private to libnines-aws) */
#pragma once

#if !defined (NINES_AWS_COMPILATION)
# error "nines-aws-xml.h is private to libnines-aws."
#endif

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NinesAwsXml NinesAwsXml;

struct _NinesAwsXml
{
  char        *name;      /* local name, namespace prefix dropped */
  char        *text;      /* character data directly inside, trimmed */
  GPtrArray   *children;  /* of NinesAwsXml */
  NinesAwsXml *parent;
};

/* Fails with NINES_AWS_ERROR_INVALID_RESPONSE (naming @what) on malformed or truncated
 * XML, or nesting deeper than 64. */
NinesAwsXml *nines_aws_xml_parse       (const char   *data,
                                        gsize         len,
                                        const char   *what,
                                        GError      **error);
void         nines_aws_xml_free        (NinesAwsXml  *node);
/* First child called @name, or NULL */
NinesAwsXml *nines_aws_xml_child       (NinesAwsXml  *node,
                                        const char   *name);
/* Follows "A/B/C" from @node; NULL if any step is missing */
NinesAwsXml *nines_aws_xml_path        (NinesAwsXml  *node,
                                        const char   *path);
/* Text at "A/B/C", or NULL */
const char  *nines_aws_xml_path_text   (NinesAwsXml  *node,
                                        const char   *path);
/* First element called @name anywhere below @node (depth first), or NULL */
NinesAwsXml *nines_aws_xml_find        (NinesAwsXml  *node,
                                        const char   *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NinesAwsXml, nines_aws_xml_free)

G_END_DECLS
