#!/usr/bin/python3
"""cfn-check.py CFN_DUMP EXAMPLES_DIR

TAP test of the CloudFormation templates of every bundled example and DR pattern:
  1. AWS's cfn-lint reports nothing on any of them;
  2. each example x pattern creates its stacks, primary region first, on a local
     moto_server (the recovery stacks in both FailoverState values), and the stacks'
     resources can be listed.
Each part SKIPs with the reason when its tool (cfn-lint, moto_server, botocore) is
missing. Runs with Debian's /usr/bin/python3 and python3-botocore.
"""
import glob
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

def tap(ok, n, name, diag=None):
    print(("ok" if ok else "not ok") + " %d - %s" % (n, name))
    for line in (diag or "").splitlines():
        print("# " + line)
    sys.stdout.flush()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_moto(binary):
    port = free_port()
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen([binary, "-H", "127.0.0.1", "-p", str(port)],
                            stdout=log, stderr=subprocess.STDOUT)
    url = "http://127.0.0.1:%d" % port
    for _ in range(200):
        try:
            urllib.request.urlopen(url + "/moto-api/", timeout=1)
            return proc, url
        except Exception:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("moto_server did not start on %s" % url)


class Moto:
    def __init__(self, url):
        import botocore.session
        self.url = url
        self.session = botocore.session.get_session()
        self.clients = {}
        self.reset()

    def reset(self):
        """Each example x pattern is a separate account's worth of state: the templates
        name their buckets and vaults after the document, as one deployment would."""
        req = urllib.request.Request(self.url + "/moto-api/reset", method="POST")
        urllib.request.urlopen(req, timeout=10)
        self.zone_id = None
        self.certificates = {}

    def certificate(self, region):
        if region not in self.certificates:
            acm = self.client("acm", region)
            self.certificates[region] = acm.request_certificate(
                DomainName="www.example.com",
                SubjectAlternativeNames=["origin.www.example.com", "static.www.example.com"])["CertificateArn"]
        return self.certificates[region]

    def client(self, service, region):
        key = (service, region)
        if key not in self.clients:
            self.clients[key] = self.session.create_client(
                service, region_name=region, endpoint_url=self.url,
                aws_access_key_id="testing", aws_secret_access_key="testing")
        return self.clients[key]

    def hosted_zone(self):
        if self.zone_id is None:
            r53 = self.client("route53", "us-east-1")
            zone = r53.create_hosted_zone(Name="example.com", CallerReference="nines-test")
            self.zone_id = zone["HostedZone"]["Id"].split("/")[-1]
        return self.zone_id

    def ami(self, region):
        images = self.client("ec2", region).describe_images(Owners=["amazon"])["Images"]
        if not images:
            raise RuntimeError("moto has no AMI in %s" % region)
        return sorted(i["ImageId"] for i in images)[0]

    def code_bucket(self, region):
        s3 = self.client("s3", region)
        name = "nines-code-" + region
        args = {"Bucket": name}
        if region != "us-east-1":
            args["CreateBucketConfiguration"] = {"LocationConstraint": region}
        try:
            s3.create_bucket(**args)
        except s3.exceptions.BucketAlreadyOwnedByYou:
            pass
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("bootstrap", "#!/bin/sh\n")
        s3.put_object(Bucket=name, Key="code.zip", Body=buf.getvalue())
        return name


def moto_supported_types(moto_bin):
    """The resource types moto's CloudFormation creates, asked of moto itself."""
    real = moto_bin
    if "/shims/" in real and shutil.which("pyenv"):
        real = subprocess.run(["pyenv", "which", "moto_server"], capture_output=True,
                              text=True, check=True).stdout.strip()
    with open(real, "rb") as f:
        first = f.readline().decode()
    if not first.startswith("#!"):
        raise RuntimeError("cannot find the Python that runs %s" % real)
    code = ("from moto.cloudformation.parsing import get_model_map\n"
            "print('\\n'.join(sorted(get_model_map())))")
    out = subprocess.run([first[2:].strip(), "-c", code], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def references(node):
    """Logical ids @node refers to (Ref, Fn::GetAtt, ${X} in Fn::Sub, DependsOn)."""
    found = set()
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "Ref" and isinstance(v, str):
                found.add(v)
            elif k == "Fn::GetAtt":
                found.add(v[0])
            elif k == "Fn::Sub":
                text = v if isinstance(v, str) else v[0]
                found.update(m.split(".")[0] for m in re.findall(r"\$\{([A-Za-z0-9.:]+)\}", text))
            elif k == "DependsOn":
                found.update([v] if isinstance(v, str) else v)
            found |= references(v)
    elif isinstance(node, list):
        for v in node:
            found |= references(v)
    return found


def prune_for_moto(template, supported):
    """moto's CloudFormation lacks some types (CloudFront, Aurora clusters, AWS Backup,
    global tables…) and fails on references to them. Drops them and, transitively, what
    refers to them; returns the removed types so the test reports them."""
    resources = template["Resources"]
    removed = {k: v["Type"] for k, v in resources.items() if v["Type"] not in supported}
    # moto 5 creates a cross-region read replica in the source region's backend and then
    # cannot find the replica's own DB subnet group: a moto gap, reported like the others.
    for k, v in resources.items():
        if "SourceDBInstanceIdentifier" in v.get("Properties", {}):
            removed[k] = v["Type"] + " (cross-region read replica)"
    changed = True
    while changed:
        changed = False
        for k, v in list(resources.items()):
            if k not in removed and references(v) & set(removed):
                removed[k] = v["Type"] + " (refers to one)"
                changed = True
    for k in removed:
        del resources[k]
    for k, v in list(template.get("Outputs", {}).items()):
        # moto 5 also rejects an output under a false condition that names a resource
        # under that condition: drop conditional outputs too.
        if references(v) & set(removed) or "Condition" in v:
            del template["Outputs"][k]
    return removed


def parameter_values(moto, template, region, outputs):
    """A value for every parameter without a default, as a user would fill them."""
    values = []
    for name, spec in sorted(template.get("Parameters", {}).items()):
        if "Default" in spec:
            continue
        ptype = spec.get("Type", "String")
        if ptype == "AWS::EC2::Image::Id":
            value = moto.ami(region)
        elif ptype == "AWS::Route53::HostedZone::Id":
            value = moto.hosted_zone()
        elif name == "DomainName":
            value = "www.example.com"
        elif name == "EndpointDomainName":
            value = "api.%s.example.com" % region
        elif name == "CloudFrontCertificateArn":
            value = moto.certificate("us-east-1")
        elif name == "CertificateArn":
            value = moto.certificate(region)
        elif name.endswith("CodeBucket"):
            value = moto.code_bucket(region)
        elif name.endswith("CodeKey"):
            value = "code.zip"
        elif name.endswith("SourceDbArn"):
            out = name[: -len("SourceDbArn")] + "Arn"
            if out not in outputs:
                raise RuntimeError("%s: no output %s in the earlier stacks" % (name, out))
            value = outputs[out]
        else:
            raise RuntimeError("no test value for parameter %s (%s)" % (name, ptype))
        values.append({"ParameterKey": name, "ParameterValue": value})
    return values


def create_stacks(moto, directory, supported):
    """Creates the stacks of one example x pattern; returns a description."""
    outputs = {}
    lines = []
    files = sorted(glob.glob(os.path.join(directory, "*.json")))
    example, pattern = directory.rstrip("/").split("/")[-2:]
    for i, path in enumerate(files):
        region = os.path.basename(path)[:-5].split("-", 1)[1]
        with open(path) as f:
            template = json.load(f)
        n_total = len(template["Resources"])
        removed = prune_for_moto(template, supported)
        body = json.dumps(template)
        states = ["steady"]
        if "FailoverState" in template.get("Parameters", {}):
            states.append("failed-over")
        name = "nines-%s-%s-%d" % (example, pattern, i)
        for state in states:
            cfn = moto.client("cloudformation", region)
            params = parameter_values(moto, template, region, outputs)
            if state == "steady":
                cfn.create_stack(StackName=name, TemplateBody=body, Parameters=params,
                                 Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
                expected = "CREATE_COMPLETE"
            else:
                # Failing over is a stack update with FailoverState=failed-over (the runbook).
                params.append({"ParameterKey": "FailoverState", "ParameterValue": state})
                cfn.update_stack(StackName=name, TemplateBody=body, Parameters=params,
                                 Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM"])
                expected = "UPDATE_COMPLETE"
            stack = cfn.describe_stacks(StackName=name)["Stacks"][0]
            if stack["StackStatus"] != expected:
                raise RuntimeError("%s: %s %s" % (name, stack["StackStatus"], stack.get("StackStatusReason", "")))
            resources = []
            paginator = cfn.get_paginator("list_stack_resources")
            for page in paginator.paginate(StackName=name):
                resources.extend(page["StackResourceSummaries"])
            if not resources:
                raise RuntimeError("%s: no resources listed" % name)
            failed = [r for r in resources if not r["ResourceStatus"].endswith("_COMPLETE")]
            if failed:
                raise RuntimeError("%s: %s" % (name, failed))
            if state == "steady":
                for o in stack.get("Outputs", []):
                    outputs[o["OutputKey"]] = o["OutputValue"]
            lines.append("%s (%s, %s): %d resources listed; %d of the template's %d left out "
                         "(not in moto): %s" % (name, region, state, len(resources), len(removed),
                                                n_total, ", ".join(sorted(set(removed.values())))))
    return "\n".join(lines)


def main():
    dump, examples = sys.argv[1], sys.argv[2]
    tmp = tempfile.mkdtemp(prefix="nines-cfn-")
    try:
        subprocess.run([dump, examples, tmp], check=True)
        dirs = sorted(glob.glob(os.path.join(tmp, "*", "*")))
        templates = sorted(glob.glob(os.path.join(tmp, "*", "*", "*.json")))
        print("1..%d" % (1 + len(dirs)))

        lint = shutil.which("cfn-lint")
        if lint is None:
            print("ok 1 - cfn-lint # SKIP cfn-lint is not on PATH")
        else:
            r = subprocess.run([lint, "--format", "parseable", "--"] + templates,
                               capture_output=True, text=True)
            tap(r.returncode == 0, 1, "cfn-lint on %d templates" % len(templates),
                (r.stdout + r.stderr).replace(tmp + "/", ""))

        moto_bin = shutil.which("moto_server")
        skip = None
        try:
            import botocore.session  # noqa: F401
        except ImportError:
            skip = "python3-botocore is not installed"
        if moto_bin is None:
            skip = "moto_server is not on PATH"
        if skip:
            for n, d in enumerate(dirs, start=2):
                print("ok %d - moto %s # SKIP %s" % (n, os.path.relpath(d, tmp), skip))
            return 0
        proc, url = start_moto(moto_bin)
        try:
            moto = Moto(url)
            supported = moto_supported_types(moto_bin)
            for n, d in enumerate(dirs, start=2):
                rel = os.path.relpath(d, tmp)
                try:
                    moto.reset()
                    tap(True, n, "moto stacks of " + rel, create_stacks(moto, d, supported))
                except Exception as e:  # report and go on with the next one
                    tap(False, n, "moto stacks of " + rel, "%s: %s" % (type(e).__name__, e))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
