#!/usr/bin/python3
"""The provisioning dialog against moto (run through run-moto-cfn.py). TAP.
Usage: test-provision-gui.py DIALOG_TEST NINES_CLI EXAMPLES_DIR PNG_DIR

Prepares a copy of the storefront example whose provisioning section holds the values
only a user can give (AMIs, certificates, hosted zone), runs the dialog test under
Xvfb (identity, plan, apply, result; screenshots in PNG_DIR), then destroys the stacks
with nines-cli and checks through moto that they are gone."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

DIALOG, CLI, EXAMPLES, PNG_DIR = sys.argv[1:5]
if "AWS_ENDPOINT_URL" not in os.environ:
    print("1..0 # SKIP AWS_ENDPOINT_URL is not set: run through run-moto-cfn.py")
    sys.exit(0)
xvfb, dbus = shutil.which("xvfb-run"), shutil.which("dbus-run-session")
if not xvfb or not dbus:
    print("1..0 # SKIP xvfb-run and dbus-run-session are needed to drive the dialog")
    sys.exit(0)
try:
    import botocore.exceptions
    import botocore.session
except ImportError:
    print("1..0 # SKIP Debian's python3-botocore is needed to check the resources in moto")
    sys.exit(0)

session = botocore.session.get_session()


def client(service, region):
    return session.create_client(service, region_name=region, endpoint_url=os.environ["AWS_ENDPOINT_URL"],
                                 aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
                                 aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])


params = {}
for r in ("us-east-1", "ca-central-1"):
    ami = sorted(i["ImageId"] for i in client("ec2", r).describe_images(Owners=["amazon"])["Images"])[0]
    params[r] = {"WebAmiId": ami, "EndpointDomainName": "api.%s.example.com" % r,
                 "CertificateArn": client("acm", r).request_certificate(DomainName="www.example.com")["CertificateArn"]}
zone = client("route53", "us-east-1").create_hosted_zone(Name="example.com", CallerReference=str(time.time()))
params["*"] = {"HostedZoneId": zone["HostedZone"]["Id"].split("/")[-1], "DomainName": "www.example.com",
               "CloudFrontCertificateArn": client("acm", "us-east-1").request_certificate(DomainName="www.example.com")["CertificateArn"]}

work = tempfile.mkdtemp(prefix="nines-provision-gui-")
doc = os.path.join(work, "storefront.nines")
with open(os.path.join(EXAMPLES, "storefront.nines")) as f:
    data = json.load(f)
data["provisioning"] = {"account": "", "parameters": params, "stacks": []}
with open(doc, "w") as f:
    json.dump(data, f, indent=2)

os.makedirs(PNG_DIR, exist_ok=True)
env = dict(os.environ, NINES_PROVISION_DOC=doc, NINES_PNG_DIR=PNG_DIR, GDK_BACKEND="x11", GSK_RENDERER="cairo")
r = subprocess.run([xvfb, "-a", "-s", "-screen 0 1280x1024x24 -nolisten tcp", dbus, "--", DIALOG, "--tap"],
                   capture_output=True, text=True, env=env, timeout=200)
results = []
ok = r.returncode == 0 and "not ok" not in r.stdout and "\nok " in "\n" + r.stdout
results.append(("dialog: identity, plan diff, apply with progress, result; the document remembers the stacks",
                ok, "exit %d\n" % r.returncode + r.stdout + r.stderr[-3000:]))
shots = sorted(p for p in os.listdir(PNG_DIR) if p.startswith("provision-") and p.endswith(".png"))
results.append(("dialog: a screenshot of each page (%s)" % ", ".join(shots), len(shots) == 4, shots))

r = subprocess.run([CLI, "provision", "destroy", doc, "--yes", "--poll-interval", "20"],
                   capture_output=True, text=True, timeout=120)
gone = True
for region, name in (("us-east-1", "nines-storefront-us-east-1"), ("ca-central-1", "nines-storefront-ca-central-1")):
    try:
        stacks = client("cloudformation", region).describe_stacks(StackName=name)["Stacks"]
        gone &= all(s["StackStatus"] == "DELETE_COMPLETE" for s in stacks)
    except botocore.exceptions.ClientError as e:
        gone &= "does not exist" in str(e)
results.append(("the stacks the dialog made are destroyed with nines-cli", r.returncode == 0 and gone,
                r.stdout[-800:] + r.stderr))
shutil.rmtree(work, ignore_errors=True)

print("1..%d" % len(results))
for i, (name, good, detail) in enumerate(results, 1):
    print(("ok" if good else "not ok") + " %d - %s" % (i, name))
    if not good:
        for line in str(detail).splitlines():
            print("# " + line)
sys.exit(0 if all(g for _, g, _ in results) else 1)
