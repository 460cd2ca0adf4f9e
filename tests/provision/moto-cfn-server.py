#!/usr/bin/env python3
"""moto_server with the CloudFormation behaviour the provisioning tests need and moto
lacks. Runs under the Python that has moto (pyenv's), with moto.server's arguments.

What it adds, each the way CloudFormation documents it:
  * resource types moto's CloudFormation cannot create (CloudFront, AWS Backup, Aurora
    clusters and global databases, global tables, GuardDuty, bucket policies, secrets)
    become placeholder resources: they have a physical id, answer Ref and Fn::GetAtt,
    are listed by ListStackResources and are deleted with the stack. The test reports
    which types were placeholders; everything else is moto's real model.
  * resource events (CREATE_IN_PROGRESS / CREATE_COMPLETE / DELETE_COMPLETE /
    DELETE_SKIPPED) besides moto's stack-level ones, as DescribeStackEvents shows them;
  * a stack made or changed by a change set has the outputs and parameters of its new
    template (moto keeps the old ones), without the outputs whose Condition is false;
  * a change set shows (and applies) the resources a parameter changes through a
    condition, as CloudFormation does; moto's diff sees only direct Refs and ignores the
    change set's parameters;
  * a cross-region read replica finds its DB subnet group in its own region (moto
    looks in the source region);
  * a stack's resources are deleted in the reverse order of their dependencies;
  * the resources of a deleted stack are deleted: moto never deletes NAT gateways,
    EIPs, routes, route tables and their associations, gateway attachments, internet
    gateways, target groups, listeners and health checks of a stack, nor the primary
    network interface of a terminated instance, so no VPC of a stack could be deleted;
  * a resource that fails while a CREATE change set executes gets a CREATE_FAILED event
    with the error as its reason, and the stack rolls back: what was created is deleted
    (DeletionPolicy Retain is honoured, as CloudFormation does on a creation rollback),
    ending in ROLLBACK_COMPLETE. moto itself leaves the stack in CREATE_IN_PROGRESS
    (its execute_change_set has "TODO: handle execution errors and implement rollback").
"""
import copy
import re
import sys

from moto.cloudformation import models as cfn_models
from moto.cloudformation import parsing
from moto.core.common_models import CloudFormationModel
from moto.rds import models as rds_models

PLACEHOLDER_TYPES = sorted(set([
    "AWS::Backup::BackupPlan", "AWS::Backup::BackupSelection", "AWS::Backup::BackupVault",
    "AWS::CloudFront::Distribution", "AWS::CloudFront::OriginAccessControl",
    "AWS::DynamoDB::GlobalTable", "AWS::GuardDuty::Detector", "AWS::RDS::DBCluster",
    "AWS::RDS::GlobalCluster", "AWS::S3::BucketPolicy", "AWS::SecretsManager::Secret",
]))

PLACEHOLDERS = {}   # (account, region, type, name) -> properties


def make_placeholder(type_name):
    class Placeholder(CloudFormationModel):
        __module__ = "moto.nines_placeholders"   # moto's model metaclass wants moto.SERVICE

        def __init__(self, name, props, account_id, region_name):
            self.name = name
            self.props = props
            self.account_id = account_id
            self.region_name = region_name
            PLACEHOLDERS[(account_id, region_name, type_name, name)] = props

        @staticmethod
        def cloudformation_name_type():
            return None

        @staticmethod
        def cloudformation_type():
            return type_name

        @classmethod
        def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id,
                                            region_name, **kwargs):
            return cls(resource_name, cloudformation_json.get("Properties", {}), account_id, region_name)

        @classmethod
        def update_from_cloudformation_json(cls, original_resource, new_resource_name,
                                            cloudformation_json, account_id, region_name):
            original_resource.props = cloudformation_json.get("Properties", {})
            return original_resource

        @classmethod
        def has_cfn_attr(cls, attr):
            return True

        def get_cfn_attribute(self, attr):
            service = type_name.split("::")[1].lower()
            if attr.endswith("Arn"):
                return "arn:aws:%s:%s:%s:%s" % (service, self.region_name, self.account_id, self.name)
            return "%s-%s" % (self.name, attr.lower())

        @property
        def physical_resource_id(self):
            return self.name

        def delete(self, account_id, region_name):
            PLACEHOLDERS.pop((self.account_id, self.region_name, type_name, self.name), None)

    Placeholder.__name__ = "Placeholder" + type_name.replace("::", "")
    return Placeholder


# An instance of an Aurora cluster (DBInstance with DBClusterIdentifier) lives in the
# cluster moto does not create: it is a placeholder too
AURORA_INSTANCE = "AWS::RDS::DBInstance(aurora)"

# __subclasses__() holds weak references: keep the classes alive
PLACEHOLDER_CLASSES = [make_placeholder(t) for t in PLACEHOLDER_TYPES + [AURORA_INSTANCE]]
parsing.get_model_list.cache_clear()
parsing.get_model_map.cache_clear()


def find_stack(resources_map):
    backend = cfn_models.cloudformation_backends[resources_map._account_id][resources_map._region_name]
    return backend.stacks.get(resources_map.stack_id)


def add_event(stack, logical_id, physical_id, rtype, status, reason=None):
    if stack is None:
        return
    stack.events.append(cfn_models.Event(
        stack_id=stack.stack_id, stack_name=stack.name, logical_resource_id=logical_id,
        physical_resource_id=physical_id or "", resource_type=rtype, resource_status=status,
        resource_status_reason=reason, resource_properties=None))


class ResourceFailed(Exception):
    def __init__(self, logical_id, rtype, reason):
        super().__init__(reason)
        self.logical_id = logical_id
        self.rtype = rtype
        self.reason = reason


_create = parsing.parse_and_create_resource


def parse_and_create_resource(logical_id, resource_json, resources_map, account_id, region_name):
    stack = find_stack(resources_map)
    rtype = resource_json.get("Type", "")
    condition = resource_json.get("Condition")
    if condition and not resources_map.lazy_condition_map[condition]:
        return None
    add_event(stack, logical_id, None, rtype, "CREATE_IN_PROGRESS")
    body = resource_json
    if rtype == "AWS::RDS::DBInstance" and "DBClusterIdentifier" in resource_json.get("Properties", {}):
        body = dict(resource_json, Type=AURORA_INSTANCE)
    try:
        resource = _create(logical_id, body, resources_map, account_id, region_name)
    except ResourceFailed:
        raise
    except Exception as e:
        reason = getattr(e, "message", None) or str(e) or type(e).__name__
        add_event(stack, logical_id, None, rtype, "CREATE_FAILED", reason)
        raise ResourceFailed(logical_id, rtype, reason)
    if resource is not None:
        resource.cf_resource_type = rtype
    pid = getattr(resource, "physical_resource_id", None) if resource is not None else None
    add_event(stack, logical_id, pid, rtype, "CREATE_COMPLETE")
    return resource


parsing.parse_and_create_resource = parse_and_create_resource

_delete_resource = parsing.ResourceMap._delete_resource


def delete_resource(self, parsed_resource, resource_json):
    try:
        _delete_resource(self, parsed_resource, resource_json)
    except Exception as e:
        print("nines-moto: delete %s (%s): %r" % (parsed_resource.logical_resource_id, resource_json.get("Type"), e),
              file=sys.stderr)
        raise
    add_event(find_stack(self), parsed_resource.logical_resource_id,
              getattr(parsed_resource, "physical_resource_id", None), resource_json.get("Type", ""),
              "DELETE_COMPLETE")


parsing.ResourceMap._delete_resource = delete_resource

def dependencies(body, names):
    """Logical ids @body depends on: Ref, Fn::GetAtt, ${X} in Fn::Sub, DependsOn"""
    found = set()

    def walk(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "Ref" and isinstance(v, str):
                    found.add(v)
                elif k == "Fn::GetAtt":
                    found.add(v[0] if isinstance(v, list) else v.split(".")[0])
                elif k == "Fn::Sub":
                    text = v if isinstance(v, str) else v[0]
                    found.update(m.split(".")[0] for m in re.findall(r"\$\{([A-Za-z0-9.:]+)\}", text))
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(body.get("Properties", {}))
    dep = body.get("DependsOn", [])
    found.update([dep] if isinstance(dep, str) else dep)
    return found & names


def map_delete(self):
    """CloudFormation deletes a stack's resources in the reverse order of their
    dependencies, keeping those with DeletionPolicy Retain (DELETE_SKIPPED); moto deletes
    them in set order and retries, which fails where deleting one changes another (an
    Auto Scaling group after its target group)."""
    stack = find_stack(self)
    names = set(self._resource_json_map)
    order, done = [], set()

    def visit(name, path=()):
        if name in done or name in path:
            return
        for d in sorted(dependencies(self._resource_json_map[name], names)):
            visit(d, path + (name,))
        done.add(name)
        order.append(name)

    for name in sorted(names):
        visit(name)
    remaining = []
    for logical_id in reversed(order):
        value = self._resource_json_map[logical_id]
        parsed = self._parsed_resources.get(logical_id)
        if parsed is None or isinstance(parsed, str):
            continue
        if value.get("DeletionPolicy") == "Retain":
            add_event(stack, logical_id, getattr(parsed, "physical_resource_id", None), value.get("Type", ""),
                      "DELETE_SKIPPED")
            continue
        remaining.append(logical_id)
    last = None
    for _ in range(3):
        for logical_id in list(remaining):
            try:
                self._delete_resource(self._parsed_resources[logical_id], self._resource_json_map[logical_id])
            except Exception as e:
                last = e
            else:
                # keep its physical id: moto evaluates the stack's outputs after the
                # deletion, and a missing entry would create the resource again
                parsed = self._parsed_resources[logical_id]
                self._parsed_resources[logical_id] = str(getattr(parsed, "physical_resource_id", logical_id))
                remaining.remove(logical_id)
        if not remaining:
            return
    raise last


parsing.ResourceMap.delete = map_delete

_execute = cfn_models.CloudFormationBackend.execute_change_set


def conditioned_output_map(stack):
    """The stack's outputs without those whose Condition is false (moto evaluates them
    all, and fails on a Fn::GetAtt of a resource its condition left out)"""
    rm = stack.resource_map
    template = dict(stack.template_dict)
    template["Outputs"] = {k: v for k, v in template.get("Outputs", {}).items()
                           if "Condition" not in v or rm.lazy_condition_map[v["Condition"]]}
    return parsing.OutputMap(rm, template, stack.stack_id)


def execute_change_set(self, change_set_name, stack_name=None):
    change_set = self.change_sets.get(change_set_name)
    if change_set is None:
        for cs in self.change_sets.values():
            if cs.change_set_name == change_set_name and (stack_name is None or cs.stack_name == stack_name
                                                          or cs.stack_id == stack_name):
                change_set = cs
    try:
        _execute(self, change_set_name, stack_name)
        # moto keeps the outputs and parameters of the stack as they were before the
        # change set (its Stack.update() rebuilds them; execute_change_set does not)
        stack = self.stacks[change_set.stack_id]
        stack._parse_template()
        stack.output_map = conditioned_output_map(stack)
        stack.parameters = change_set.parameters
        for export in stack.exports:
            self.exports[export.name] = export
    except ResourceFailed as e:
        if change_set is None or change_set.change_set_type != "CREATE":
            raise
        stack = self.stacks[change_set.stack_id]
        stack._add_stack_event("ROLLBACK_IN_PROGRESS",
                               "The following resource(s) failed to create: [%s]. Rollback requested by user."
                               % e.logical_id)
        try:
            stack.resource_map.delete()
        except Exception as d:
            stack.status = "ROLLBACK_FAILED"
            stack._add_stack_event("ROLLBACK_FAILED", getattr(d, "message", None) or str(d))
        else:
            stack.status = "ROLLBACK_COMPLETE"
            stack._add_stack_event("ROLLBACK_COMPLETE")
        # What is left of the stack: the retained resources, and no outputs
        rm = stack.resource_map
        kept = {k: v for k, v in rm._resource_json_map.items()
                if rm._parsed_resources.get(k) is not None and not isinstance(rm._parsed_resources[k], str)}
        for logical_id in set(rm._resource_json_map) - set(kept):
            rm._parsed_resources.pop(logical_id, None)
        rm._resource_json_map = kept
        stack.template_dict = {"Resources": dict(kept)}
        stack.output_map = stack._create_output_map()
        change_set.execution_status = "EXECUTE_FAILED"


cfn_models.CloudFormationBackend.execute_change_set = execute_change_set


def references(node, found=None):
    """Parameter, resource and condition names @node refers to"""
    found = set() if found is None else found
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "Ref" and isinstance(v, str):
                found.add(v)
            elif k in ("Fn::If",) and isinstance(v, list) and v:
                found.add(v[0])
            elif k == "Condition" and isinstance(v, str):
                found.add(v)
            references(v, found)
    elif isinstance(node, list):
        for v in node:
            references(v, found)
    return found


_build_resource_diff = parsing.ResourceMap.build_resource_diff


def build_resource_diff(self, other_template, parameters=None):
    # moto marks a resource modified by a parameter change only when it refers to the
    # parameter directly; CloudFormation also when it uses a condition on it
    # (Fn::If [IsReplicationEnabled, …] with IsReplicationEnabled: ReplicationEnabled = true)
    result = _build_resource_diff(self, other_template, parameters)
    if not parameters:
        return result
    changed = {p for p in parameters if self.input_parameters.get(p) != parameters[p]}
    conditions = other_template.get("Conditions", {})
    affected = set(changed)
    grew = True
    while grew:
        grew = False
        for name, body in conditions.items():
            if name not in affected and references(body) & affected:
                affected.add(name)
                grew = True
    old = self._resource_json_map
    for name, body in other_template["Resources"].items():
        if name in old and name not in result["Modify"] and references(body) & affected:
            result["Modify"].append(name)
    return result


parsing.ResourceMap.build_resource_diff = build_resource_diff


def change_set_diff(self):
    # moto's ChangeSet.diff ignores the change set's parameters
    rm = self.stack.resource_map
    by_action = rm.build_resource_diff(self.template_dict, self.parameters)
    changes = []
    for action in ("Add", "Modify", "Remove"):
        for name in by_action[action]:
            body = self.template_dict["Resources"].get(name) or rm._resource_json_map[name]
            changes.append(cfn_models.Change(action=action, logical_resource_id=name,
                                             resource_type=body["Type"]))
    return changes


cfn_models.ChangeSet.diff = change_set_diff


def create_db_instance_read_replica(self, db_kwargs):
    # moto copies the source instance and sets the replica's backend after its subnet
    # group is looked up, so a cross-region replica looks in the source region for it;
    # and it files the replica under the identifier as given, not lower-cased
    primary = self.find_db_from_id(db_kwargs["source_db_instance_identifier"])
    replica = copy.copy(primary)
    replica.backend = self
    db_kwargs.pop("backend", None)
    replica.update(**db_kwargs)
    replica.set_as_replica()
    # keyed by the (lower-cased) identifier, as delete_db_instance looks it up
    self.databases[replica.db_instance_identifier] = replica
    primary.add_replica(replica)
    return replica


rds_models.RDSBackend.create_db_instance_read_replica = create_db_instance_read_replica


def remove_replica(self, replica):
    # moto files a cross-region replica by ARN and removes it by identifier
    for key in (replica.db_instance_identifier, replica.db_instance_arn):
        if key in self.replicas:
            self.replicas.remove(key)


rds_models.DBInstance.remove_replica = remove_replica

# Types moto's CloudFormation creates but never deletes with their stack: each gets the
# delete that CloudFormation performs, through moto's own backend calls.
from moto.ec2.models import ec2_backends                                  # noqa: E402
from moto.elbv2.models import elbv2_backends                              # noqa: E402
from moto.route53.models import route53_backends                          # noqa: E402

model_map = parsing.get_model_map()


def add_delete(type_name, func):
    def delete(self, account_id, region_name):
        try:
            func(self, ec2_backends[account_id][region_name], account_id, region_name)
        except Exception as e:
            # gone already (with its route table, its load balancer): deleted, as
            # CloudFormation counts a resource that no longer exists
            if "NotFound" not in type(e).__name__ and "does not exist" not in str(e):
                raise
    model_map[type_name].delete = delete


def delete_nat(nat, ec2, account, region):
    ec2.delete_nat_gateway(nat.id)
    eni = getattr(nat, "_eni", None)
    if eni is not None:
        ec2.delete_network_interface(eni.id)


def delete_eip(eip, ec2, account, region):
    ec2.addresses = [a for a in ec2.addresses if a is not eip]


add_delete("AWS::EC2::NatGateway", delete_nat)
add_delete("AWS::EC2::EIP", delete_eip)
add_delete("AWS::EC2::Route",
           lambda r, ec2, a, g: ec2.delete_route(r.route_table.id, r.destination_cidr_block))
add_delete("AWS::EC2::RouteTable", lambda t, ec2, a, g: ec2.delete_route_table(t.id))
add_delete("AWS::EC2::SubnetRouteTableAssociation",
           lambda s, ec2, a, g: [ec2.subnet_associations.pop(k) for k, v in list(ec2.subnet_associations.items())
                                 if v is s])
add_delete("AWS::EC2::VPCGatewayAttachment",
           lambda att, ec2, a, g: ec2.detach_internet_gateway(att.gateway_id, att.vpc_id)
           if att.gateway_id in ec2.internet_gateways else None)
add_delete("AWS::EC2::InternetGateway", lambda igw, ec2, a, g: ec2.delete_internet_gateway(igw.id))
add_delete("AWS::ElasticLoadBalancingV2::TargetGroup",
           lambda tg, ec2, a, g: elbv2_backends[a][g].delete_target_group(tg.arn))
add_delete("AWS::ElasticLoadBalancingV2::Listener",
           lambda li, ec2, a, g: elbv2_backends[a][g].delete_listener(li.arn))
add_delete("AWS::Route53::HealthCheck",
           lambda hc, ec2, a, g: route53_backends[a]["global"].delete_health_check(hc.id))

_terminate = model_map["AWS::EC2::Instance"].terminate


def terminate(self):
    # The network interface an instance is launched with goes with it (EC2 sets
    # DeleteOnTermination on it); moto keeps it, and the VPC cannot be deleted
    for nic in self.nics.values():
        if getattr(nic, "device_index", None) == 0:
            nic.delete_on_termination = True
    return _terminate(self)


model_map["AWS::EC2::Instance"].terminate = terminate

if __name__ == "__main__":
    from moto.server import main
    sys.exit(main(sys.argv[1:]))
