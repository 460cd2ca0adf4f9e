#!/usr/bin/env python3
"""`nines-cli aws whoami` against moto (run through run-moto.py). TAP.
Usage: test-cli-aws.py PATH/TO/nines-cli"""
import json
import os
import subprocess
import sys

cli = sys.argv[1]
results = []


def check(name, cond, detail=""):
    results.append((name, cond, detail))


def run(*args, env=None, debug=True):
    e = dict(os.environ, **(env or {}))
    e.pop("G_MESSAGES_DEBUG", None)
    if debug:
        e["G_MESSAGES_DEBUG"] = "all"     # GLib writes debug lines to stdout
    return subprocess.run([cli, "aws", *args], capture_output=True, text=True, env=e, timeout=60)


if "AWS_ENDPOINT_URL" not in os.environ:
    print("1..0 # SKIP AWS_ENDPOINT_URL is not set: run through run-moto.py")
    sys.exit(0)

secret = os.environ["AWS_SECRET_ACCESS_KEY"]
limited_secret = os.environ["NINES_MOTO_LIMITED_SECRET"]

r = run("whoami")
check("whoami exits 0", r.returncode == 0, r.stderr)
check("whoami prints the account", "Account:     123456789012\n" in r.stdout, r.stdout)
check("whoami prints the ARN", "ARN:         arn:aws:iam::123456789012:user/nines-it\n" in r.stdout, r.stdout)
check("no secret in output or debug log", secret not in r.stdout + r.stderr and "Signature=" not in r.stderr)

r = run("whoami", "--format", "json", debug=False)
try:
    j = json.loads(r.stdout)
    check("json output", j["account"] == "123456789012" and j["arn"].endswith(":user/nines-it"), r.stdout)
except ValueError:
    check("json output", False, r.stdout)

r = run("whoami", "--profile", "limited")
check("--profile picks the credentials file profile over the environment",
      r.returncode == 0 and ":user/nines-limited\n" in r.stdout, r.stdout + r.stderr)
check("no secret of the profile in output", limited_secret not in r.stdout + r.stderr)

r = run("whoami", "--profile", "nope")
check("unknown profile fails with a message", r.returncode == 1 and "nope" in r.stderr, r.stderr)

r = run("whoami", env={"AWS_SECRET_ACCESS_KEY": "wrong" + secret[5:]})
check("wrong secret: SignatureDoesNotMatch, exit 1",
      r.returncode == 1 and "SignatureDoesNotMatch" in r.stderr and "secret access key" in r.stderr, r.stderr)

r = run("bogus")
check("unknown aws command is a usage error", r.returncode == 2, r.stderr)

print(f"1..{len(results)}")
failed = 0
for i, (name, ok, detail) in enumerate(results, 1):
    print(("ok" if ok else "not ok") + f" {i} - {name}")
    if not ok:
        failed += 1
        for line in str(detail).splitlines():
            print("# " + line)
sys.exit(1 if failed else 0)
