#!/usr/bin/env python3
"""Runs an integration test binary against a private moto_server with signature checking.

Starts moto on 127.0.0.1 (a free port) with INITIAL_NO_AUTH_ACTION_COUNT so that only the
first calls (made here: two IAM users, their access keys, one inline policy) go
unchecked; every later request must carry a valid SigV4 signature by a key moto's IAM
knows, and IAM policies are enforced. Then runs the test with AWS_ENDPOINT_URL pointing
at moto and stops moto. TAP passes through. Without moto, prints a TAP skip saying how
to get it.   Usage: run-moto.py TEST_BINARY [ARGS...]"""
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

SETUP_CALLS = 6     # CreateUser ×2, CreateAccessKey ×2, PutUserPolicy, and one spare read
DEADLINE = 100      # seconds for the whole run


def skip(reason):
    print(f"1..0 # SKIP {reason}")
    sys.exit(0)


def moto_command(port):
    if importlib.util.find_spec("moto") is not None and importlib.util.find_spec("flask") is not None:
        return [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    exe = shutil.which("moto_server")
    if exe:
        return [exe, "-H", "127.0.0.1", "-p", str(port)]
    return None


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def iam(port, params):
    """An IAM Query call during moto's unauthenticated window: moto routes by the
    credential scope, so a syntactically valid (unchecked) Authorization header is sent."""
    body = urllib.parse.urlencode(dict(params, Version="2010-05-08")).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/", data=body, method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
        "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDSETUP/20260101/us-east-1/iam/aws4_request, "
                         "SignedHeaders=host, Signature=00",
        "X-Amz-Date": "20260101T000000Z",
    })
    with urllib.request.urlopen(req, timeout=10) as r:
        return ET.fromstring(r.read())


def find(root, name):
    for el in root.iter():
        if el.tag.split("}")[-1] == name:
            return el.text
    return None


def main():
    if len(sys.argv) < 2:
        print("usage: run-moto.py TEST [ARGS...]", file=sys.stderr)
        return 2
    port = free_port()
    cmd = moto_command(port)
    if cmd is None:
        skip("moto is not installed: pip install 'moto[server]' (moto_server must be on PATH "
             "or importable by this Python) to run the AWS integration tests")
    env = dict(os.environ, INITIAL_NO_AUTH_ACTION_COUNT=str(SETUP_CALLS), MOTO_PORT=str(port))
    logf = tempfile.TemporaryFile()
    moto = subprocess.Popen(cmd, env=env, stdout=logf, stderr=subprocess.STDOUT, start_new_session=True)
    start = time.monotonic()
    try:
        while True:
            if moto.poll() is not None:
                logf.seek(0)
                skip("moto_server exited at start: " + logf.read().decode(errors="replace")[-300:].replace("\n", " "))
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() - start > 30:
                    skip("moto_server did not start listening within 30 s")
                time.sleep(0.2)

        iam(port, {"Action": "CreateUser", "UserName": "nines-it"})
        key = iam(port, {"Action": "CreateAccessKey", "UserName": "nines-it"})
        policy = json.dumps({"Version": "2012-10-17",
                             "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
        iam(port, {"Action": "PutUserPolicy", "UserName": "nines-it", "PolicyName": "all",
                   "PolicyDocument": policy})
        iam(port, {"Action": "CreateUser", "UserName": "nines-limited"})
        limited = iam(port, {"Action": "CreateAccessKey", "UserName": "nines-limited"})

        home = tempfile.mkdtemp(prefix="nines-moto-home-")
        test_env = dict(os.environ)
        for k in list(test_env):
            if k.startswith("AWS_"):
                del test_env[k]
        test_env.update({
            "HOME": home,
            "AWS_CONFIG_FILE": os.path.join(home, "config"),
            "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "credentials"),
            "AWS_ACCESS_KEY_ID": find(key, "AccessKeyId"),
            "AWS_SECRET_ACCESS_KEY": find(key, "SecretAccessKey"),
            "AWS_REGION": "us-east-1",
            "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
            # moto reads TemplateURLs with a "localhost" host as path-style S3 URLs
            "AWS_ENDPOINT_URL_S3": f"http://localhost:{port}",
            "NINES_MOTO_LIMITED_KEY_ID": find(limited, "AccessKeyId"),
            "NINES_MOTO_LIMITED_SECRET": find(limited, "SecretAccessKey"),
        })
        with open(os.path.join(home, "credentials"), "w") as f:
            f.write("[limited]\naws_access_key_id = %s\naws_secret_access_key = %s\n"
                    % (test_env["NINES_MOTO_LIMITED_KEY_ID"], test_env["NINES_MOTO_LIMITED_SECRET"]))
        remaining = DEADLINE - (time.monotonic() - start)
        try:
            result = subprocess.run(sys.argv[1:], env=test_env, timeout=remaining)
        except subprocess.TimeoutExpired:
            print("Bail out! integration tests did not finish within %d s" % DEADLINE)
            return 1
        finally:
            shutil.rmtree(home, ignore_errors=True)
        return result.returncode
    finally:
        os.killpg(moto.pid, signal.SIGTERM)
        try:
            moto.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(moto.pid, signal.SIGKILL)
            moto.wait()


if __name__ == "__main__":
    sys.exit(main())
