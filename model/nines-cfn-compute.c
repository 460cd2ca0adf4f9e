/* nines-cfn-compute.c: load balancers (ALB, NLB) with target group and listener,
 * launch template + Auto Scaling group, the CI server instance and Lambda functions. */
#define G_LOG_DOMAIN "nines-cfn"

#include "config.h"

#include <math.h>

#include "nines-cfn-template-private.h"

/* The TLS policy AWS recommends for ALB HTTPS listeners (ELB User Guide, "Security
 * policies for your Application Load Balancer": TLS 1.3 with TLS 1.2 fallback). */
#define TLS_POLICY "ELBSecurityPolicy-TLS13-1-2-2021-06"

static void
add_certificate_parameter (NinesCfnBuilder *b)
{
  JsonObject *p = _nines_cfn_add_parameter (b, "CertificateArn", "String",
                                            "ARN of the ACM certificate, in this region, that the load "
                                            "balancers' HTTPS listeners present for the domain",
                                            NULL);

  json_object_set_string_member (p, "AllowedPattern",
                                 "^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$");
}

static void
add_health_path_parameter (NinesCfnBuilder *b)
{
  JsonObject *p = _nines_cfn_add_parameter (b, "HealthCheckPath", "String",
                                            "HTTP path the load balancer and Route 53 health checks request; "
                                            "it should check the application's dependencies",
                                            "/health");

  json_object_set_string_member (p, "AllowedPattern", "^/.*$");
}

void
_nines_cfn_add_load_balancer (NinesCfnBuilder         *b,
                              const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *cond = _nines_cfn_item_condition (b, item);
  gboolean alb = g_str_equal (nines_component_get_kind (c), "alb");
  gboolean public = nines_component_get_bool (c, "public");
  g_autofree char *lb = _nines_cfn_logical_id (item->id, NULL);
  g_autofree char *sg = _nines_cfn_logical_id (item->id, "SecurityGroup");
  g_autofree char *tg = _nines_cfn_logical_id (item->id, "TargetGroup");
  g_autofree char *listener = _nines_cfn_logical_id (item->id, "Listener");
  g_autofree char *out_name = _nines_cfn_logical_id (item->id, "DnsName");
  const char *name = nines_component_get_display_name (c);
  JsonObject *props;

  if (!b->has_network)
    return;
  add_health_path_parameter (b);
  if (alb)
    {
      add_certificate_parameter (b);
      _nines_cfn_add_security_group (b, sg,
                                     public ? "HTTPS from the internet" : "HTTPS from the VPC",
                                     443, public ? NULL : "Vpc", cond);
    }

  props = _nines_cfn_add_resource (b, lb, "AWS::ElasticLoadBalancingV2::LoadBalancer", cond);
  json_object_set_string_member (props, "Type", alb ? "application" : "network");
  json_object_set_string_member (props, "Scheme", public ? "internet-facing" : "internal");
  json_object_set_array_member (props, "Subnets",
                                _nines_cfn_subnets_for (b, nines_component_get_azs (c), public));
  if (alb)
    {
      JsonArray *sgs = json_array_new ();

      json_array_add_element (sgs, _nines_cfn_ref (sg));
      json_object_set_array_member (props, "SecurityGroups", sgs);
    }
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, item, name));

  props = _nines_cfn_add_resource (b, tg, "AWS::ElasticLoadBalancingV2::TargetGroup", cond);
  json_object_set_member (props, "VpcId", _nines_cfn_ref ("Vpc"));
  json_object_set_string_member (props, "TargetType", "instance");
  json_object_set_string_member (props, "Protocol", alb ? "HTTP" : "TCP");
  json_object_set_int_member (props, "Port", alb ? 80 : 443);
  if (alb)
    {
      json_object_set_member (props, "HealthCheckPath", _nines_cfn_ref ("HealthCheckPath"));
      json_object_set_string_member (props, "HealthCheckProtocol", "HTTP");
    }
  json_object_set_int_member (props, "HealthCheckIntervalSeconds", 15);
  json_object_set_int_member (props, "HealthyThresholdCount", 3);
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, item, name));

  props = _nines_cfn_add_resource (b, listener, "AWS::ElasticLoadBalancingV2::Listener", cond);
  json_object_set_member (props, "LoadBalancerArn", _nines_cfn_ref (lb));
  json_object_set_int_member (props, "Port", 443);
  json_object_set_string_member (props, "Protocol", alb ? "HTTPS" : "TCP");
  if (alb)
    {
      JsonArray *certs = json_array_new ();
      JsonObject *cert = json_object_new ();

      json_object_set_member (cert, "CertificateArn", _nines_cfn_ref ("CertificateArn"));
      json_array_add_object_element (certs, cert);
      json_object_set_array_member (props, "Certificates", certs);
      json_object_set_string_member (props, "SslPolicy", TLS_POLICY);
    }
  {
    JsonArray *actions = json_array_new ();
    JsonObject *fwd = json_object_new ();

    json_object_set_string_member (fwd, "Type", "forward");
    json_object_set_member (fwd, "TargetGroupArn", _nines_cfn_ref (tg));
    json_array_add_object_element (actions, fwd);
    json_object_set_array_member (props, "DefaultActions", actions);
  }

  /* Also when made on recovery: the runbook points DNS at it by hand. */
  _nines_cfn_add_output_if (b, out_name, "DNS name of the load balancer",
                            _nines_cfn_getatt (lb, "DNSName"), cond);
}

static void
add_ami_parameter (NinesCfnBuilder         *b,
                   const NinesDeployedItem *item,
                   const char              *param)
{
  g_autofree char *desc = NULL;
  NinesComponent *c = _nines_cfn_item_component (item);

  if (b->is_primary)
    desc = g_strdup_printf ("AMI of %s in %s", nines_component_get_display_name (c), b->region);
  else
    desc = g_strdup_printf ("AMI of %s copied to %s (aws ec2 copy-image from %s)",
                            nines_component_get_display_name (c), b->region, b->primary_region);
  _nines_cfn_add_parameter (b, param, "AWS::EC2::Image::Id", desc, NULL);
}

static JsonObject *
ebs_mapping (const char *volume_type,
             gint64      gb)
{
  JsonObject *m = json_object_new ();
  JsonObject *ebs = json_object_new ();

  json_object_set_string_member (m, "DeviceName", "/dev/xvda");
  json_object_set_int_member (ebs, "VolumeSize", gb);
  json_object_set_string_member (ebs, "VolumeType", volume_type);
  json_object_set_boolean_member (ebs, "Encrypted", TRUE);
  json_object_set_boolean_member (ebs, "DeleteOnTermination", TRUE);
  json_object_set_object_member (m, "Ebs", ebs);
  return m;
}

void
_nines_cfn_add_asg (NinesCfnBuilder         *b,
                    const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  NinesComponent *s = item->steady;
  NinesComponent *f = item->failover ? item->failover : item->steady;
  const char *cond = _nines_cfn_item_condition (b, item);
  g_autofree char *asg = _nines_cfn_logical_id (item->id, NULL);
  g_autofree char *lt = _nines_cfn_logical_id (item->id, "LaunchTemplate");
  g_autofree char *sg = _nines_cfn_logical_id (item->id, "SecurityGroup");
  g_autofree char *ami = _nines_cfn_logical_id (item->id, "AmiId");
  g_autoptr(GPtrArray) lbs = _nines_cfn_linked_items (b, item, FALSE, NULL);
  g_autofree char *lb_sg = NULL;
  JsonArray *tgs = json_array_new ();
  const char *tg_cond = NULL;
  JsonObject *props;
  JsonObject *data;
  JsonArray *a;
  JsonArray *tags;

  if (!b->has_network)
    {
      json_array_unref (tgs);
      return;
    }
  for (guint i = 0; i < lbs->len; i++)
    {
      const NinesDeployedItem *lb = g_ptr_array_index (lbs, i);
      const char *k = nines_component_get_kind (_nines_cfn_item_component (lb));
      g_autofree char *tg = NULL;

      if (g_strcmp0 (lb->region,
                     b->region) != 0 || (!g_str_equal (k, "alb") && !g_str_equal (k, "nlb")))
        continue;
      tg = _nines_cfn_logical_id (lb->id, "TargetGroup");
      if (_nines_cfn_has_resource (b, tg))
        {
          /* A load balancer made on recovery registers the group only then. */
          if (g_strcmp0 (g_hash_table_lookup (b->conditional, tg), cond) != 0)
            tg_cond = g_hash_table_lookup (b->conditional, tg);
          json_array_add_element (tgs, _nines_cfn_ref (tg));
        }
      if (lb_sg == NULL && g_str_equal (k, "alb"))
        lb_sg = _nines_cfn_logical_id (lb->id, "SecurityGroup");
    }
  /* The load balancer's group is the source only when both exist in the same states
   * (a pilot light keeps its 0-instance group while the load balancer waits for
   * recovery); otherwise the VPC's range is. */
  if (lb_sg != NULL && (!_nines_cfn_has_resource (b, lb_sg)
                        || g_strcmp0 (g_hash_table_lookup (b->conditional, lb_sg), cond) != 0))
    g_clear_pointer (&lb_sg, g_free);

  add_ami_parameter (b, item, ami);
  _nines_cfn_add_security_group (b, sg, "HTTP from the load balancer", 80, lb_sg ? lb_sg : "Vpc",
                                 cond);

  props = _nines_cfn_add_resource (b, lt, "AWS::EC2::LaunchTemplate", cond);
  data = json_object_new ();
  json_object_set_member (data, "ImageId", _nines_cfn_ref (ami));
  json_object_set_string_member (data, "InstanceType",
                                 nines_component_get_string (c, "instance_type"));
  a = json_array_new ();
  json_array_add_element (a, _nines_cfn_ref (sg));
  json_object_set_array_member (data, "SecurityGroupIds", a);
  a = json_array_new ();
  json_array_add_object_element (a, ebs_mapping (nines_component_get_string (c, "ebs_type"),
                                                 nines_component_get_int (c, "ebs_gb")));
  json_object_set_array_member (data, "BlockDeviceMappings", a);
  {
    JsonObject *md = json_object_new ();

    /* IMDSv2 only (EC2 User Guide, "Configure the instance metadata options"). */
    json_object_set_string_member (md, "HttpTokens", "required");
    json_object_set_object_member (data, "MetadataOptions", md);
  }
  {
    JsonObject *spec = json_object_new ();

    a = json_array_new ();
    json_object_set_string_member (spec, "ResourceType", "instance");
    json_object_set_array_member (spec, "Tags",
                                  _nines_cfn_tags (b, item, nines_component_get_display_name (c)));
    json_array_add_object_element (a, spec);
    json_object_set_array_member (data, "TagSpecifications", a);
  }
  json_object_set_object_member (props, "LaunchTemplateData", data);

  props = _nines_cfn_add_resource (b, asg, "AWS::AutoScaling::AutoScalingGroup", cond);
  {
    JsonObject *ref = json_object_new ();

    json_object_set_member (ref, "LaunchTemplateId", _nines_cfn_ref (lt));
    json_object_set_member (ref, "Version", _nines_cfn_getatt (lt, "LatestVersionNumber"));
    json_object_set_object_member (props, "LaunchTemplate", ref);
  }
  /* Pilot light keeps 0 instances, warm standby the standby fraction; the failed-over
   * state is the full size (both from the deployment). */
  json_object_set_member (props, "MinSize",
                          _nines_cfn_state_count (b, nines_component_get_int (s ? s : f, "min"),
                                                  nines_component_get_int (f, "min")));
  json_object_set_member (props, "MaxSize",
                          _nines_cfn_state_count (b, nines_component_get_int (s ? s : f, "max"),
                                                  nines_component_get_int (f, "max")));
  json_object_set_member (props, "DesiredCapacity",
                          _nines_cfn_state_count (b, nines_component_get_int (s ? s : f, "desired"),
                                                  nines_component_get_int (f, "desired")));
  json_object_set_array_member (props, "VPCZoneIdentifier",
                                _nines_cfn_subnets_for (b, nines_component_get_azs (c), FALSE));
  if (json_array_get_length (tgs) > 0 && tg_cond != NULL)
    {
      json_object_set_member (props, "TargetGroupARNs",
                              _nines_cfn_if (tg_cond, _nines_cfn_array (tgs),
                                             _nines_cfn_no_value ()));
      json_object_set_member (props, "HealthCheckType",
                              _nines_cfn_if (tg_cond, _nines_cfn_string ("ELB"),
                                             _nines_cfn_string ("EC2")));
      json_object_set_int_member (props, "HealthCheckGracePeriod", 300);
    }
  else if (json_array_get_length (tgs) > 0)
    {
      json_object_set_array_member (props, "TargetGroupARNs", tgs);
      json_object_set_string_member (props, "HealthCheckType", "ELB");
      json_object_set_int_member (props, "HealthCheckGracePeriod", 300);
    }
  else
    json_array_unref (tgs);
  tags = _nines_cfn_tags (b, item, nines_component_get_display_name (c));
  for (guint i = 0; i < json_array_get_length (tags); i++)
    json_object_set_boolean_member (json_array_get_object_element (tags, i), "PropagateAtLaunch",
                                    FALSE);
  json_object_set_array_member (props, "Tags", tags);
}

void
_nines_cfn_add_ci_server (NinesCfnBuilder         *b,
                          const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *cond = _nines_cfn_item_condition (b, item);
  g_autofree char *id = _nines_cfn_logical_id (item->id, NULL);
  g_autofree char *sg = _nines_cfn_logical_id (item->id, "SecurityGroup");
  g_autofree char *ami = _nines_cfn_logical_id (item->id, "AmiId");
  g_autoptr(JsonArray) subnets = NULL;
  JsonObject *props;
  JsonArray *a;

  if (!b->has_network)
    return;
  subnets = _nines_cfn_subnets_for (b, nines_component_get_azs (c), FALSE);
  add_ami_parameter (b, item, ami);
  _nines_cfn_add_security_group (b, sg, "CI web UI and webhooks from the VPC", 443, "Vpc", cond);

  props = _nines_cfn_add_resource (b, id, "AWS::EC2::Instance", cond);
  json_object_set_member (props, "ImageId", _nines_cfn_ref (ami));
  json_object_set_string_member (props, "InstanceType",
                                 nines_component_get_string (c, "instance_type"));
  json_object_set_member (props, "SubnetId", json_node_copy (json_array_get_element (subnets, 0)));
  a = json_array_new ();
  json_array_add_element (a, _nines_cfn_ref (sg));
  json_object_set_array_member (props, "SecurityGroupIds", a);
  a = json_array_new ();
  json_array_add_object_element (a, ebs_mapping ("gp3", nines_component_get_int (c, "ebs_gb")));
  json_object_set_array_member (props, "BlockDeviceMappings", a);
  json_object_set_array_member (props, "Tags",
                                _nines_cfn_tags (b, item, nines_component_get_display_name (c)));
}

void
_nines_cfn_add_lambda (NinesCfnBuilder         *b,
                       const NinesDeployedItem *item)
{
  NinesComponent *c = _nines_cfn_item_component (item);
  const char *cond = _nines_cfn_item_condition (b, item);
  g_autofree char *fn = _nines_cfn_logical_id (item->id, NULL);
  g_autofree char *role = _nines_cfn_logical_id (item->id, "Role");
  g_autofree char *p_bucket = _nines_cfn_logical_id (item->id, "CodeBucket");
  g_autofree char *p_key = _nines_cfn_logical_id (item->id, "CodeKey");
  g_autofree char *p_runtime = _nines_cfn_logical_id (item->id, "Runtime");
  g_autofree char *p_handler = _nines_cfn_logical_id (item->id, "Handler");
  g_autofree char *desc = NULL;
  const char *name = nines_component_get_display_name (c);
  double duration_ms = nines_component_get_double (c, "duration_ms");
  gint64 timeout;
  JsonObject *props;
  JsonObject *code;
  JsonObject *assume;
  JsonArray *a;

  desc = g_strdup_printf ("S3 bucket in %s holding the deployment package of %s", b->region, name);
  _nines_cfn_add_parameter (b, p_bucket, "String", desc, NULL);
  g_free (desc);
  desc = g_strdup_printf ("S3 key of the deployment package of %s", name);
  _nines_cfn_add_parameter (b, p_key, "String", desc, NULL);
  g_free (desc);
  desc = g_strdup_printf ("Lambda runtime of %s", name);
  _nines_cfn_add_parameter (b, p_runtime, "String", desc, "provided.al2023");
  g_free (desc);
  desc = g_strdup_printf ("Handler of %s", name);
  _nines_cfn_add_parameter (b, p_handler, "String", desc, "bootstrap");

  props = _nines_cfn_add_resource (b, role, "AWS::IAM::Role", cond);
  assume = json_object_new ();
  json_object_set_string_member (assume, "Version", "2012-10-17");
  {
    JsonObject *st = json_object_new ();
    JsonObject *principal = json_object_new ();

    json_object_set_string_member (st, "Effect", "Allow");
    json_object_set_string_member (principal, "Service", "lambda.amazonaws.com");
    json_object_set_object_member (st, "Principal", principal);
    json_object_set_string_member (st, "Action", "sts:AssumeRole");
    a = json_array_new ();
    json_array_add_object_element (a, st);
    json_object_set_array_member (assume, "Statement", a);
  }
  json_object_set_object_member (props, "AssumeRolePolicyDocument", assume);
  a = json_array_new ();
  json_array_add_element (a,
                          _nines_cfn_sub ("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
  json_object_set_array_member (props, "ManagedPolicyArns", a);
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, item, NULL));

  props = _nines_cfn_add_resource (b, fn, "AWS::Lambda::Function", cond);
  code = json_object_new ();
  json_object_set_member (code, "S3Bucket", _nines_cfn_ref (p_bucket));
  json_object_set_member (code, "S3Key", _nines_cfn_ref (p_key));
  json_object_set_object_member (props, "Code", code);
  json_object_set_member (props, "Runtime", _nines_cfn_ref (p_runtime));
  json_object_set_member (props, "Handler", _nines_cfn_ref (p_handler));
  json_object_set_member (props, "Role", _nines_cfn_getatt (role, "Arn"));
  json_object_set_array_member (props, "Architectures",
                                _nines_cfn_string_array (nines_component_get_string (c, "arch"),
                                                         NULL));
  json_object_set_int_member (props, "MemorySize", nines_component_get_int (c, "memory_mb"));
  /* Three times the average duration, within Lambda's 3 s default and 900 s maximum
   * (Lambda Developer Guide, "Configure Lambda function timeout"). */
  timeout = CLAMP ((gint64) ceil (3 * duration_ms / 1000.0), 3, 900);
  json_object_set_int_member (props, "Timeout", timeout);
  json_object_set_array_member (props, "Tags", _nines_cfn_tags (b, item, NULL));
}
