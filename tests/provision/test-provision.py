#!/usr/bin/python3
"""End-to-end provisioning on moto (run through run-moto-cfn.py, with signature checking
on). TAP. Usage: test-provision.py NINES_CLI FAULT_PROXY EXAMPLES_DIR

For every bundled example and DR pattern: `nines-cli provision plan`, `apply --yes`,
`status`, `destroy --yes`; between them, Debian's botocore asks moto whether each
resource of the stacks exists (through the service's own API where moto has one, e.g.
DescribeVpcs, HeadBucket, DescribeDBInstances; through CloudFormation otherwise), and
afterwards that it is gone, unless destroy reported it as left (and then it must still
be there). Then the fault cases: throttling and 500s injected during apply (retried),
a resource that fails (named with AWS's reason, rolled back, what it left reported),
an IAM principal without permissions (the denied action explained), the policy."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import botocore.exceptions
    import botocore.session
except ImportError:
    print("1..0 # SKIP Debian's python3-botocore is needed to check the resources in moto (apt install python3-botocore)")
    sys.exit(0)

CLI, PROXY, EXAMPLES = sys.argv[1:4]
T0 = time.monotonic()
EXAMPLE_NAMES = ["storefront", "newsroom", "ledger-api"]
PATTERNS = ["backup-restore", "pilot-light", "warm-standby", "multi-site"]
results = []


def check(name, cond, detail=""):
    """Prints the TAP line now (the plan comes last), so a crash keeps what ran"""
    results.append((name, bool(cond), detail))
    print(("ok" if cond else "not ok") + " %d - %s" % (len(results), name))
    if not cond:
        for line in str(detail).splitlines():
            print("# " + line)
    sys.stdout.flush()
    return cond


if "AWS_ENDPOINT_URL" not in os.environ:
    print("1..0 # SKIP AWS_ENDPOINT_URL is not set: run through run-moto-cfn.py")
    sys.exit(0)

ENDPOINT = os.environ["AWS_ENDPOINT_URL"]
session = botocore.session.get_session()
clients = {}


def client(service, region):
    key = (service, region)
    if key not in clients:
        clients[key] = session.create_client(
            service, region_name=region, endpoint_url=ENDPOINT,
            aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
            aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])
    return clients[key]


def cli(*args, env=None, stdin=None, timeout=120):
    e = dict(os.environ, **(env or {}))
    if os.environ.get("NINES_PROVISION_TIMES"):
        sys.stderr.write("%.1f %s\n" % (time.monotonic() - T0, " ".join(args[:2])))
    return subprocess.run([CLI, "provision", *args, "--poll-interval", "20"] if args[0] != "policy" else
                          [CLI, "provision", *args], capture_output=True, text=True, env=e,
                          input=stdin, timeout=timeout)


# Values only a user can give (AMIs, certificates, the hosted zone, a Lambda code bucket)
zone_cache = {}


def parameters(regions):
    args = []
    for r in regions:
        ami = sorted(i["ImageId"] for i in client("ec2", r).describe_images(Owners=["amazon"])["Images"])[0]
        for k in ("WebAmiId", "CmsAmiId", "CiAmiId", "ApiAmiId"):
            args.append("--parameter=%s:%s=%s" % (r, k, ami))
        cert = client("acm", r).request_certificate(DomainName="www.example.com")["CertificateArn"]
        args += ["--parameter=%s:CertificateArn=%s" % (r, cert),
                 "--parameter=%s:EndpointDomainName=api.%s.example.com" % (r, r)]
        bucket = "nines-test-code-" + r
        s3 = client("s3", r)
        try:
            kw = {} if r == "us-east-1" else {"CreateBucketConfiguration": {"LocationConstraint": r}}
            s3.create_bucket(Bucket=bucket, **kw)
        except s3.exceptions.BucketAlreadyOwnedByYou:
            pass
        s3.put_object(Bucket=bucket, Key="code.zip", Body=b"PK\x05\x06" + b"\0" * 18)
        args += ["--parameter=%s:ApiCodeBucket=%s" % (r, bucket), "--parameter=%s:ApiCodeKey=code.zip" % r]
    if "zone" not in zone_cache:
        z = client("route53", "us-east-1").create_hosted_zone(Name="example.com", CallerReference=str(time.time()))
        zone_cache["zone"] = z["HostedZone"]["Id"].split("/")[-1]
        zone_cache["cf"] = client("acm", "us-east-1").request_certificate(DomainName="www.example.com")["CertificateArn"]
    args += ["--parameter=HostedZoneId=" + zone_cache["zone"], "--parameter=DomainName=www.example.com",
             "--parameter=CloudFrontCertificateArn=" + zone_cache["cf"]]
    return args


def not_found(e):
    code = e.response.get("Error", {}).get("Code", "")
    return any(w in code for w in ("NotFound", "NoSuch", "404", "ResourceNotFound", "DBSubnetGroupNotFoundFault",
                                   "InvalidVpcID", "InvalidSubnetID", "InvalidGroup", "InvalidRouteTableID",
                                   "InvalidInternetGatewayID", "NonExistentQueue", "InvalidLaunchTemplateId"))


# How to ask moto's service APIs whether a physical resource exists
def _asg(r, pid):
    return len(client("autoscaling", r).describe_auto_scaling_groups(AutoScalingGroupNames=[pid])["AutoScalingGroups"]) > 0


def _nat(r, pid):
    gws = client("ec2", r).describe_nat_gateways(NatGatewayIds=[pid])["NatGateways"]
    return any(g["State"] not in ("deleted", "deleting") for g in gws)


def _instance(r, pid):
    res = client("ec2", r).describe_instances(InstanceIds=[pid])["Reservations"]
    return any(i["State"]["Name"] != "terminated" for x in res for i in x["Instances"])


EXISTS = {
    "AWS::EC2::VPC": lambda r, p: client("ec2", r).describe_vpcs(VpcIds=[p])["Vpcs"],
    "AWS::EC2::Subnet": lambda r, p: client("ec2", r).describe_subnets(SubnetIds=[p])["Subnets"],
    "AWS::EC2::SecurityGroup": lambda r, p: client("ec2", r).describe_security_groups(GroupIds=[p])["SecurityGroups"],
    "AWS::EC2::InternetGateway": lambda r, p: client("ec2", r).describe_internet_gateways(InternetGatewayIds=[p])["InternetGateways"],
    "AWS::EC2::RouteTable": lambda r, p: client("ec2", r).describe_route_tables(RouteTableIds=[p])["RouteTables"],
    "AWS::EC2::NatGateway": _nat,
    "AWS::EC2::Instance": _instance,
    "AWS::EC2::LaunchTemplate": lambda r, p: client("ec2", r).describe_launch_templates(LaunchTemplateIds=[p])["LaunchTemplates"],
    "AWS::AutoScaling::AutoScalingGroup": _asg,
    "AWS::ElasticLoadBalancingV2::LoadBalancer": lambda r, p: client("elbv2", r).describe_load_balancers(LoadBalancerArns=[p])["LoadBalancers"],
    "AWS::ElasticLoadBalancingV2::TargetGroup": lambda r, p: client("elbv2", r).describe_target_groups(TargetGroupArns=[p])["TargetGroups"],
    "AWS::IAM::Role": lambda r, p: client("iam", r).get_role(RoleName=p)["Role"],
    # (Lambda is checked through CloudFormation: moto's Lambda refuses the SigV4 signatures
    # of Debian's botocore 1.29 with SignatureDoesNotMatch, even for ListFunctions)
    "AWS::RDS::DBSubnetGroup": lambda r, p: client("rds", r).describe_db_subnet_groups(DBSubnetGroupName=p)["DBSubnetGroups"],
    "AWS::RDS::DBInstance": lambda r, p: client("rds", r).describe_db_instances(DBInstanceIdentifier=p)["DBInstances"],
    "AWS::S3::Bucket": lambda r, p: client("s3", r).head_bucket(Bucket=p) is not None,
    "AWS::DynamoDB::Table": lambda r, p: client("dynamodb", r).describe_table(TableName=p)["Table"],
    "AWS::SQS::Queue": lambda r, p: client("sqs", r).get_queue_attributes(QueueUrl=p, AttributeNames=["QueueArn"])["Attributes"],
}


def exists(rtype, region, pid):
    try:
        return bool(EXISTS[rtype](region, pid))
    except botocore.exceptions.ClientError as e:
        if not_found(e):
            return False
        raise


def stack_resources(region, name):
    cfn = client("cloudformation", region)
    out = []
    token = None
    while True:
        kw = {"StackName": name}
        if token:
            kw["NextToken"] = token
        page = cfn.list_stack_resources(**kw)
        out += page["StackResourceSummaries"]
        token = page.get("NextToken")
        if not token:
            return out


def stack_exists(region, name):
    try:
        s = client("cloudformation", region).describe_stacks(StackName=name)["Stacks"]
        return any(x["StackStatus"] != "DELETE_COMPLETE" for x in s)
    except botocore.exceptions.ClientError as e:
        if "does not exist" in str(e):
            return False
        raise


def remove_leftover(rtype, region, pid):
    """What a user does by hand with what destroy reported left"""
    if rtype == "AWS::S3::Bucket":
        s3 = client("s3", region)
        for o in s3.list_objects_v2(Bucket=pid).get("Contents", []):
            s3.delete_object(Bucket=pid, Key=o["Key"])
        s3.delete_bucket(Bucket=pid)
    elif rtype == "AWS::DynamoDB::Table":
        client("dynamodb", region).delete_table(TableName=pid)


def regions_of(output):
    m = re.search(r"^Regions:\s+(.*)$", output, re.M)
    return re.findall(r"([a-z]{2}-[a-z]+-\d) → (nines-[a-z0-9-]+)", m.group(1)) if m else []


def leftovers_of(output):
    """(region, type, physical id) of the lines under "Left in the account:" """
    part = output.split("Left in the account:", 1)
    if len(part) < 2:
        return []
    return re.findall(r"^  ([a-z]{2}-[a-z]+-\d) (AWS::\S+) (\S+) \(", part[1], re.M)


def end_to_end(example, pattern, workdir):
    doc = os.path.join(workdir, "%s-%s.nines" % (example, pattern))
    shutil.copy(os.path.join(EXAMPLES, example + ".nines"), doc)
    tag = "%s/%s" % (example, pattern)

    r = cli("plan", doc, "--pattern", pattern, *PARAMS[example])
    if not check("%s: plan exits 0" % tag, r.returncode == 0, r.stdout[-1500:] + r.stderr):
        return
    stacks = regions_of(r.stdout)
    check("%s: plan prints identity and target regions first" % tag,
          r.stdout.startswith("Account:  123456789012\nIdentity: arn:aws:iam::123456789012:user/nines-it\n")
          and len(stacks) >= 2, r.stdout[:400])
    check("%s: plan shows a CREATE per region, the cost, and leaves no stack behind" % tag,
          all(("CREATE %s (%s)" % (s, reg)) in r.stdout for reg, s in stacks)
          and "monthly cost of what will exist here: $" in r.stdout
          and not any(stack_exists(reg, s) for reg, s in stacks), r.stdout[-800:])

    r = cli("apply", doc, "--pattern", pattern, "--yes", *PARAMS[example])
    if not check("%s: apply exits 0, stacks complete" % tag,
                 r.returncode == 0 and "Applied: every stack is complete." in r.stdout, r.stdout[-2500:] + r.stderr):
        cli("destroy", doc, "--pattern", pattern, "--yes")
        return
    check("%s: apply streams resource events, primary region first" % tag,
          re.search(r"^\S+ %s (?!nines-)\S+\s+AWS::\S+\s+CREATE_COMPLETE" % re.escape(stacks[0][0]), r.stdout, re.M)
          and r.stdout.index("== %s (%s)" % (stacks[0][1], stacks[0][0]))
          < r.stdout.index("== %s (%s)" % (stacks[1][1], stacks[1][0])), r.stdout[-1000:])
    with open(doc) as f:
        state = json.load(f).get("provisioning", {})
    check("%s: the document remembers account and stacks" % tag,
          state.get("account") == "123456789012"
          and sorted(s["name"] for s in state.get("stacks", [])) == sorted(s for _, s in stacks)
          and all(s["status"] in ("CREATE_COMPLETE", "UPDATE_COMPLETE") for s in state["stacks"]), json.dumps(state)[:600])

    # Every resource, as moto sees it
    real, through_cfn, missing = [], 0, []
    for reg, s in stacks:
        body = client("cloudformation", reg).get_template(StackName=s)["TemplateBody"]
        template = body if isinstance(body, dict) else json.loads(body)
        for res in stack_resources(reg, s):
            props = template["Resources"].get(res["LogicalResourceId"], {}).get("Properties", {})
            # instances of an Aurora cluster: moto has no Aurora, they are placeholders there
            if res["ResourceType"] in EXISTS and "DBClusterIdentifier" not in props:
                real.append((res["ResourceType"], reg, res["PhysicalResourceId"], res["LogicalResourceId"]))
                if not exists(res["ResourceType"], reg, res["PhysicalResourceId"]):
                    missing.append(res["LogicalResourceId"])
            else:
                through_cfn += 1
    check("%s: the %d resources moto models exist (+%d seen through CloudFormation)" % (tag, len(real), through_cfn),
          real and not missing, "missing: %s" % missing)

    r = cli("status", doc, "--pattern", pattern)
    check("%s: status shows the live stacks and no drift" % tag,
          r.returncode == 0 and all(("%s (%s): " % (s, reg)) in r.stdout for reg, s in stacks)
          and "No drift: the stacks match the design." in r.stdout, r.stdout[-1500:] + r.stderr)

    r = cli("destroy", doc, "--pattern", pattern, "--yes")
    check("%s: destroy exits 0, in reverse order" % tag,
          r.returncode == 0 and r.stdout.index("== %s (%s)" % (stacks[-1][1], stacks[-1][0]))
          < r.stdout.index("== %s (%s)" % (stacks[0][1], stacks[0][0])), r.stdout[-1500:] + r.stderr)
    left = leftovers_of(r.stdout)
    left_ids = {pid for _, _, pid in left}
    still = [(t, reg, pid, lid) for t, reg, pid, lid in real if exists(t, reg, pid)]
    untold = [lid for t, reg, pid, lid in still if pid not in left_ids]
    check("%s: stacks gone; every resource gone or reported left" % tag,
          not any(stack_exists(reg, s) for reg, s in stacks) and not untold,
          "untold: %s\n%s" % (untold, r.stdout[-800:]))
    retained = [lid for t, reg, pid, lid in still]
    told_retained = [pid for reg, t, pid in left if t in ("AWS::S3::Bucket", "AWS::DynamoDB::Table")]
    # The bucket that carried templates over CloudFormation's inline limit belongs to no
    # stack: destroy reports it as kept, and it must exist.
    told_template_buckets = [(reg, pid) for reg, t, pid in left
                             if t == "AWS::S3::Bucket" and pid.startswith("nines-templates-")]
    told_retained = [pid for pid in told_retained if not pid.startswith("nines-templates-")]
    check("%s: what destroy reports as kept is really there (%d)" % (tag, len(told_retained) + len(told_template_buckets)),
          all(any(pid == p for _, _, p, _ in still) for pid in told_retained)
          and all(exists("AWS::S3::Bucket", reg, pid) for reg, pid in told_template_buckets),
          "%s vs %s; template buckets %s" % (told_retained, retained, told_template_buckets))
    with open(doc) as f:
        state = json.load(f).get("provisioning", {})
    check("%s: the document forgets the stacks" % tag, state.get("stacks") == [], json.dumps(state)[:300])
    for reg, t, pid in left:
        if t in ("AWS::S3::Bucket", "AWS::DynamoDB::Table"):
            remove_leftover(t, reg, pid)


def faults(workdir):
    """Throttling and 500s during apply; a failing resource; a principal IAM denies; the policy"""
    example, pattern = "storefront", "pilot-light"
    doc = os.path.join(workdir, "faults.nines")
    shutil.copy(os.path.join(EXAMPLES, example + ".nines"), doc)
    rules = [
        {"action": "ExecuteChangeSet", "every": 1, "times": 2, "status": 500, "code": "InternalFailure"},
        {"action": "DescribeStackEvents", "every": 3, "times": 4, "status": 400, "code": "Throttling"},
        {"action": "DescribeStacks", "every": 4, "times": 3, "status": 503, "code": "ServiceUnavailable"},
        {"action": "CreateChangeSet", "every": 2, "times": 1, "status": 400, "code": "ThrottlingException"},
    ]
    proxy = subprocess.Popen([sys.executable, PROXY, ENDPOINT, json.dumps(rules)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    port = proxy.stdout.readline().strip()
    via = {"AWS_ENDPOINT_URL": "http://127.0.0.1:" + port}
    try:
        r = cli("apply", doc, "--pattern", pattern, "--yes", *PARAMS[example], env=via)
        import urllib.request
        with urllib.request.urlopen("http://127.0.0.1:%s/__log" % port) as f:
            injected = json.load(f)
        kinds = sorted(set(e["code"] for e in injected))
        check("faults: apply through throttling and 500s succeeds (%d injected: %s)" % (len(injected), ", ".join(kinds)),
              r.returncode == 0 and "Applied: every stack is complete." in r.stdout and len(kinds) == 4,
              r.stdout[-1500:] + r.stderr + json.dumps(injected))
        r = cli("destroy", doc, "--pattern", pattern, "--yes", env=via)
        check("faults: destroy through the proxy", r.returncode == 0, r.stdout[-800:] + r.stderr)
        for reg, t, pid in leftovers_of(r.stdout):
            remove_leftover(t, reg, pid)
    finally:
        proxy.stdin.close()
        proxy.wait(timeout=10)

    # Cancel (Ctrl-C) once the primary region has started: it finishes, nothing more starts
    shutil.copy(os.path.join(EXAMPLES, example + ".nines"), doc)
    slow = [{"action": "DescribeStacks", "sleep": 0.3}]
    proxy = subprocess.Popen([sys.executable, PROXY, ENDPOINT, json.dumps(slow)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    port = proxy.stdout.readline().strip()
    try:
        p = subprocess.Popen([CLI, "provision", "apply", doc, "--pattern", pattern, "--yes", "--poll-interval", "20",
                              *PARAMS[example]], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=dict(os.environ, AWS_ENDPOINT_URL="http://127.0.0.1:" + port))
        seen = []
        for line in p.stdout:
            seen.append(line)
            if line.startswith("us-east-1: Executing change set"):
                p.send_signal(2)   # SIGINT
                break
        out, err = p.communicate(timeout=120)
        out = "".join(seen) + out
        check("cancel: the primary stack finishes, the recovery region is not started, the state is told",
              p.returncode == 1 and "Cancelled before nines-storefront-ca-central-1 (ca-central-1)" in err
              and "nines-storefront-us-east-1 (us-east-1): CREATE_COMPLETE" in err
              and stack_exists("us-east-1", "nines-storefront-us-east-1")
              and not stack_exists("ca-central-1", "nines-storefront-ca-central-1"), out[-600:] + err)
    finally:
        proxy.stdin.close()
        proxy.wait(timeout=10)
    r = cli("destroy", doc, "--pattern", pattern, "--yes")
    for reg, t, pid in leftovers_of(r.stdout):
        remove_leftover(t, reg, pid)

    # A resource that fails: a record set in a hosted zone that does not exist
    shutil.copy(os.path.join(EXAMPLES, example + ".nines"), doc)
    buckets_before = {b["Name"] for b in client("s3", "us-east-1").list_buckets()["Buckets"]}
    r = cli("apply", doc, "--pattern", pattern, "--yes", *PARAMS[example], "--parameter=HostedZoneId=ZNOSUCHZONE0")
    out = r.stdout + r.stderr
    check("failing resource: exit 1 naming the resource, its type and AWS's reason",
          r.returncode == 1 and re.search(r"\S+ \(AWS::Route53::RecordSet\) CREATE_FAILED: .*ZNOSUCHZONE0", out),
          out[-2000:])
    check("failing resource: CloudFormation rolled back, final state shown, next region not started",
          "final status ROLLBACK_COMPLETE" in out and "No further region was changed" in out
          and "nines-storefront-ca-central-1" not in out.split("No further region was changed")[0].split("Plan:")[-1]
          .split("== nines-storefront-us-east-1")[-1], out[-1500:])
    new_buckets = {b["Name"] for b in client("s3", "us-east-1").list_buckets()["Buckets"]} - buckets_before
    check("failing resource: what the rollback kept is reported (%d bucket(s))" % len(new_buckets),
          all(b in out for b in new_buckets), "%s\n%s" % (new_buckets, out[-1500:]))
    with open(doc) as f:
        state = json.load(f).get("provisioning", {})
    check("failing resource: the document records the rolled-back stack",
          [s["status"] for s in state.get("stacks", [])] == ["ROLLBACK_COMPLETE"], json.dumps(state)[:400])
    r = cli("destroy", doc, "--pattern", pattern, "--yes")
    check("failing resource: destroy removes the rolled-back stack; nothing left untold",
          r.returncode == 0 and not stack_exists("us-east-1", "nines-storefront-us-east-1")
          and not stack_exists("ca-central-1", "nines-storefront-ca-central-1"), r.stdout[-800:] + r.stderr)
    for b in new_buckets:
        remove_leftover("AWS::S3::Bucket", "us-east-1", b)

    # IAM: a principal without permissions
    shutil.copy(os.path.join(EXAMPLES, example + ".nines"), doc)
    r = cli("plan", doc, "--pattern", pattern, "--profile", "limited", *PARAMS[example],
            env={"AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""})
    check("IAM denied: the action, the principal and the statement to ask for",
          r.returncode == 1 and re.search(r"IAM denied the action \S+:\S+ to arn:aws:iam::123456789012:user/nines-limited",
                                         r.stderr)
          and '"Effect": "Allow"' in r.stderr and "nines-cli provision policy" in r.stderr
          and os.environ["NINES_MOTO_LIMITED_SECRET"] not in r.stdout + r.stderr, r.stdout[-500:] + r.stderr)

    # The policy, for every example and pattern
    problems = []
    for ex in EXAMPLE_NAMES:
        for pat in PATTERNS:
            r = cli("policy", os.path.join(EXAMPLES, ex + ".nines"), "--pattern", pat)
            try:
                pol = json.loads(r.stdout)
                actions = {a for st in pol["Statement"] for a in (st["Action"] if isinstance(st["Action"], list) else [st["Action"]])}
                through_cfn = [st for st in pol["Statement"] if "Condition" in st]
                if not {"cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet",
                        "sts:GetCallerIdentity"} <= actions or not through_cfn or len(through_cfn[0]["Action"]) < 10:
                    problems.append("%s/%s: %s" % (ex, pat, sorted(actions)[:5]))
            except (ValueError, KeyError) as e:
                problems.append("%s/%s: %s %s" % (ex, pat, e, r.stderr))
    check("policy: every example and pattern gets a JSON IAM policy with what provisioning calls",
          not problems, "\n".join(problems))


workdir = tempfile.mkdtemp(prefix="nines-provision-")
PARAMS = {}
REGIONS = {"storefront": ["us-east-1", "ca-central-1"], "newsroom": ["us-east-1", "us-west-2"],
           "ledger-api": ["eu-west-1", "eu-central-1"]}
for ex in EXAMPLE_NAMES:
    PARAMS[ex] = parameters(REGIONS[ex])

only = os.environ.get("NINES_PROVISION_ONLY")   # "storefront/warm-standby" while debugging
for ex in EXAMPLE_NAMES:
    for pat in PATTERNS:
        if only and only != "%s/%s" % (ex, pat):
            continue
        try:
            end_to_end(ex, pat, workdir)
        except Exception as e:   # a test error is a failure, and the others still run
            import traceback
            check("%s/%s: ran to the end" % (ex, pat), False, traceback.format_exc())
            cli("destroy", os.path.join(workdir, "%s-%s.nines" % (ex, pat)), "--pattern", pat, "--yes")

if not only or only == "faults":
    faults(workdir)

shutil.rmtree(workdir, ignore_errors=True)
print("1..%d" % len(results))
sys.exit(1 if any(not ok for _, ok, _ in results) else 0)
