/* nines-cfn-network.c: the VPC of a region's template: public and private subnets in
 * each AZ the design uses (by AZ ID, so they land in the same physical zones in every
 * account), internet gateway, route tables, NAT gateways and security groups. */
#define G_LOG_DOMAIN "nines-cfn"

#include "config.h"

#include <stdio.h>

#include "nines-cfn-template-private.h"

#define DEFAULT_CIDR "10.0.0.0/16"

typedef struct
{
  guint32 base;
  guint   prefix;
} Cidr;

static gboolean
parse_cidr (const char *text,
            Cidr       *cidr)
{
  unsigned a, b, c, d, p;

  if (text == NULL || sscanf (text, "%u.%u.%u.%u/%u", &a, &b, &c, &d, &p) != 5
      || a > 255 || b > 255 || c > 255 || d > 255 || p < 8 || p > 28)
    return FALSE;
  cidr->base = (a << 24) | (b << 16) | (c << 8) | d;
  cidr->base &= p == 0 ? 0 : ~((1u << (32 - p)) - 1);
  cidr->prefix = p;
  return TRUE;
}

/* Subnet @index of a VPC split into 16 equal blocks (a /16 gives /20s: 4091 usable
 * addresses each); public subnets use blocks 0-7, private ones 8-15. */
static char *
subnet_cidr (const Cidr *vpc,
             guint       index)
{
  guint prefix = MIN (vpc->prefix + 4, 28);
  guint32 addr = vpc->base + ((guint32) index << (32 - prefix));

  return g_strdup_printf ("%u.%u.%u.%u/%u", addr >> 24, (addr >> 16) & 255,
                          (addr >> 8) & 255, addr & 255, prefix);
}

static void
add_az (GPtrArray  *azs,
        const char *az)
{
  if (!g_ptr_array_find_with_equal_func (azs, az, g_str_equal, NULL))
    g_ptr_array_add (azs, g_strdup (az));
}

/* The AZs of the region's network: those of the region as the document lists them,
 * restricted to those the region's zonal items use when any do (in the document's
 * order, so output is stable), at least two (load balancers and DB subnet groups need
 * two). */
static void
collect_azs (NinesCfnBuilder *b)
{
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func (g_free);
  NinesRegion *region = nines_document_lookup_region (b->document, b->region);
  const NinesRegionInfo *info = nines_catalog_lookup_region (nines_catalog_get_default (),
                                                             b->region);
  const char * const *listed = region ? nines_region_get_azs (region) : NULL;
  guint n = nines_deployment_get_n_items (b->deployment);

  for (guint i = 0; i < n; i++)
    {
      const NinesDeployedItem *it = nines_deployment_get_item (b->deployment, i);
      NinesComponent *c = _nines_cfn_item_component (it);

      if (c == NULL || g_strcmp0 (it->region, b->region) != 0)
        continue;
      for (const char * const *az = nines_component_get_azs (c); az && *az; az++)
        add_az (used, *az);
    }
  if (listed != NULL)
    for (const char * const *az = listed; *az; az++)
      if (used->len == 0 || g_ptr_array_find_with_equal_func (used, *az, g_str_equal, NULL))
        add_az (b->azs, *az);
  for (guint i = 0; i < used->len; i++)
    add_az (b->azs, g_ptr_array_index (used, i));
  /* Fill up to two from the document's list, then the catalog's. */
  for (const char * const *az = listed; az && *az && b->azs->len < 2; az++)
    add_az (b->azs, *az);
  for (char **az = info ? info->azs : NULL; az && *az && b->azs->len < 2; az++)
    add_az (b->azs, *az);
}

static const char *
find_cidr (NinesCfnBuilder         *b,
           const NinesDeployedItem *vpc_item)
{
  guint n = nines_deployment_get_n_items (b->deployment);

  if (vpc_item != NULL)
    return nines_component_get_string (_nines_cfn_item_component (vpc_item), "cidr");
  /* No VPC drawn in this region: mirror the one drawn elsewhere. */
  for (guint i = 0; i < n; i++)
    {
      const NinesDeployedItem *it = nines_deployment_get_item (b->deployment, i);
      NinesComponent *c = _nines_cfn_item_component (it);

      if (c != NULL && g_str_equal (nines_component_get_kind (c), "vpc"))
        return nines_component_get_string (c, "cidr");
    }
  return DEFAULT_CIDR;
}

static void
add_route_table (NinesCfnBuilder *b,
                 const char      *logical_id,
                 const char      *name)
{
  JsonObject *props = _nines_cfn_add_resource (b, logical_id, "AWS::EC2::RouteTable", NULL);

  json_object_set_member (props, "VpcId", _nines_cfn_ref ("Vpc"));
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, NULL, name));
}

void
_nines_cfn_add_network (NinesCfnBuilder         *b,
                        const NinesDeployedItem *vpc_item)
{
  JsonObject *props;
  Cidr cidr;
  const char *cidr_text = find_cidr (b, vpc_item);
  NinesComponent *vc = vpc_item ? _nines_cfn_item_component (vpc_item) : NULL;
  gboolean public = vc == NULL || nines_component_get_bool (vc, "public_subnets");
  g_autofree char *vpc_name = NULL;

  if (!parse_cidr (cidr_text, &cidr))
    {
      cidr_text = DEFAULT_CIDR;
      parse_cidr (cidr_text, &cidr);
    }
  collect_azs (b);
  b->has_network = TRUE;
  vpc_name = g_strdup_printf ("%s %s", nines_document_get_name (b->document), b->region);

  props = _nines_cfn_add_resource (b, "Vpc", "AWS::EC2::VPC", NULL);
  json_object_set_string_member (props, "CidrBlock", cidr_text);
  json_object_set_boolean_member (props, "EnableDnsSupport", TRUE);
  json_object_set_boolean_member (props, "EnableDnsHostnames", TRUE);
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, vpc_item, vpc_name));

  if (public)
    {
      props = _nines_cfn_add_resource (b, "InternetGateway", "AWS::EC2::InternetGateway", NULL);
      json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, NULL, vpc_name));
      props = _nines_cfn_add_resource (b, "InternetGatewayAttachment",
                                       "AWS::EC2::VPCGatewayAttachment", NULL);
      json_object_set_member (props, "VpcId", _nines_cfn_ref ("Vpc"));
      json_object_set_member (props, "InternetGatewayId", _nines_cfn_ref ("InternetGateway"));

      add_route_table (b, "PublicRouteTable", "public");
      props = _nines_cfn_add_resource (b, "PublicDefaultRoute", "AWS::EC2::Route", NULL);
      json_object_set_string_member (_nines_cfn_get_resource (b, "PublicDefaultRoute"), "DependsOn",
                                     "InternetGatewayAttachment");
      json_object_set_member (props, "RouteTableId", _nines_cfn_ref ("PublicRouteTable"));
      json_object_set_string_member (props, "DestinationCidrBlock", "0.0.0.0/0");
      json_object_set_member (props, "GatewayId", _nines_cfn_ref ("InternetGateway"));
    }
  add_route_table (b, "PrivateRouteTable", "private");

  for (guint i = 0; i < b->azs->len && i < 8; i++)
    {
      const char *az = g_ptr_array_index (b->azs, i);

      for (guint pub = 0; pub < 2; pub++)
        {
          g_autofree char *id = NULL;
          g_autofree char *assoc = NULL;
          g_autofree char *block = NULL;
          g_autofree char *name = NULL;

          if (pub && !public)
            continue;
          id = g_strdup_printf ("%sSubnet%u", pub ? "Public" : "Private", i + 1);
          assoc = g_strdup_printf ("%sRouteTableAssociation", id);
          block = subnet_cidr (&cidr, pub ? i : 8 + i);
          name = g_strdup_printf ("%s %s", pub ? "public" : "private", az);
          props = _nines_cfn_add_resource (b, id, "AWS::EC2::Subnet", NULL);
          json_object_set_member (props, "VpcId", _nines_cfn_ref ("Vpc"));
          json_object_set_string_member (props, "CidrBlock", block);
          json_object_set_string_member (props, "AvailabilityZoneId", az);
          json_object_set_boolean_member (props, "MapPublicIpOnLaunch", FALSE);
          json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, NULL, name));
          props = _nines_cfn_add_resource (b, assoc, "AWS::EC2::SubnetRouteTableAssociation", NULL);
          json_object_set_member (props, "SubnetId", _nines_cfn_ref (id));
          json_object_set_member (props, "RouteTableId",
                                  _nines_cfn_ref (pub ? "PublicRouteTable" : "PrivateRouteTable"));
          g_ptr_array_add (pub ? b->public_subnets : b->private_subnets, g_steal_pointer (&id));
        }
    }
  if (!public)
    for (guint i = 0; i < b->private_subnets->len; i++)
      g_ptr_array_add (b->public_subnets, g_strdup (g_ptr_array_index (b->private_subnets, i)));

  _nines_cfn_add_output (b, "VpcId", "The VPC", _nines_cfn_ref ("Vpc"));
}

JsonArray *
_nines_cfn_subnets_for (NinesCfnBuilder    *b,
                        const char * const *azs,
                        gboolean            public_subnets)
{
  JsonArray *out = json_array_new ();
  GPtrArray *subnets = public_subnets ? b->public_subnets : b->private_subnets;

  for (guint i = 0; i < subnets->len; i++)
    if (azs == NULL || azs[0] == NULL || g_strv_contains (azs, g_ptr_array_index (b->azs, i)))
      json_array_add_element (out, _nines_cfn_ref (g_ptr_array_index (subnets, i)));
  /* Services that need two AZs (ALB, DB subnet groups) get the VPC's first two. */
  for (guint i = 0; i < subnets->len && json_array_get_length (out) < 2; i++)
    if (azs != NULL && azs[0] != NULL && !g_strv_contains (azs, g_ptr_array_index (b->azs, i)))
      json_array_add_element (out, _nines_cfn_ref (g_ptr_array_index (subnets, i)));
  return out;
}

void
_nines_cfn_add_security_group (NinesCfnBuilder *b,
                               const char      *logical_id,
                               const char      *description,
                               guint            port,
                               const char      *source_sg,
                               const char      *condition)
{
  JsonObject *props = _nines_cfn_add_resource (b, logical_id, "AWS::EC2::SecurityGroup", condition);
  JsonArray *ingress = json_array_new ();
  JsonObject *rule = json_object_new ();

  json_object_set_string_member (props, "GroupDescription", description);
  json_object_set_member (props, "VpcId", _nines_cfn_ref ("Vpc"));
  json_object_set_string_member (rule, "IpProtocol", "tcp");
  json_object_set_int_member (rule, "FromPort", port);
  json_object_set_int_member (rule, "ToPort", port);
  if (g_strcmp0 (source_sg, "Vpc") == 0)
    json_object_set_member (rule, "CidrIp", _nines_cfn_getatt ("Vpc", "CidrBlock"));
  else if (source_sg != NULL)
    json_object_set_member (rule, "SourceSecurityGroupId",
                            _nines_cfn_ref_resource (b, source_sg, condition));
  else
    json_object_set_string_member (rule, "CidrIp", "0.0.0.0/0");
  json_object_set_string_member (rule, "Description", description);
  json_array_add_object_element (ingress, rule);
  json_object_set_array_member (props, "SecurityGroupIngress", ingress);
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, NULL, description));
}

void
_nines_cfn_add_nat (NinesCfnBuilder         *b,
                    const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *cond = _nines_cfn_item_condition (b, item);
  g_autofree char *eip = _nines_cfn_logical_id (item->id, "Eip");
  g_autofree char *nat = _nines_cfn_logical_id (item->id, NULL);
  g_autoptr(JsonArray) subnets = NULL;
  JsonObject *props;

  if (!b->has_network)
    return;
  subnets = _nines_cfn_subnets_for (b, nines_component_get_azs (c), TRUE);

  props = _nines_cfn_add_resource (b, eip, "AWS::EC2::EIP", cond);
  json_object_set_string_member (props, "Domain", "vpc");
  json_object_set_array_member (props, "Tags",
                                _nines_cfn_tags (b, item, nines_component_get_display_name (c)));

  props = _nines_cfn_add_resource (b, nat, "AWS::EC2::NatGateway", cond);
  json_object_set_member (props, "AllocationId", _nines_cfn_getatt (eip, "AllocationId"));
  json_object_set_member (props, "SubnetId", json_node_copy (json_array_get_element (subnets, 0)));
  json_object_set_array_member (props, "Tags",
                                _nines_cfn_tags (b, item, nines_component_get_display_name (c)));

  if (!_nines_cfn_has_resource (b, "PrivateDefaultRoute"))
    {
      props = _nines_cfn_add_resource (b, "PrivateDefaultRoute", "AWS::EC2::Route", cond);
      json_object_set_member (props, "RouteTableId", _nines_cfn_ref ("PrivateRouteTable"));
      json_object_set_string_member (props, "DestinationCidrBlock", "0.0.0.0/0");
      json_object_set_member (props, "NatGatewayId", _nines_cfn_ref (nat));
    }
}
