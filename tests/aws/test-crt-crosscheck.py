#!/usr/bin/python3
"""Signs many generated requests with Nines' SigV4 signer (through nines-aws-sign-tool) and
with AWS's own C signer (aws-c-auth, through Debian's python3-awscrt), and compares the
Authorization headers and presigned signatures; then compares the header-signed ones with
botocore (Debian's python3-botocore: the signer moto checks with). TAP output; skips when awscrt is missing.
Usage: test-crt-crosscheck.py PATH/TO/nines-aws-sign-tool"""
import datetime
import io
import json
import random
import subprocess
import sys
import urllib.parse

try:
    from awscrt import auth, http
except ImportError as e:
    print(f"1..0 # SKIP python3-awscrt is not importable ({e}); "
          "install Debian's python3-awscrt and run with /usr/bin/python3")
    sys.exit(0)

N = 400
rng = random.Random(20260830)
ALPHABET = "abcXYZ019-._~ !$&'()*+,;=:@%/?#[]ሴé€"


def rand_text(lo=0, hi=12, alphabet=ALPHABET):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(lo, hi)))


def rand_segment():
    return rand_text(1, 10, "abcXYZ019-._~ !$&'()*+,;=:@%ሴé")


def make_case(i):
    s3 = rng.random() < 0.3
    segs = [rand_segment() for _ in range(rng.randint(0, 4))]
    if s3:
        raw_path = "/" + "/".join(segs)
    else:
        # no '.', '..' or empty segments: normalisation is covered by the AWS suite
        raw_path = "/" + "/".join(s for s in segs if s.strip(".") != "")
        if rng.random() < 0.2:
            raw_path += "/"
    path = urllib.parse.quote(raw_path, safe="/-._~")
    query = []
    for _ in range(rng.randint(0, 5)):
        k = rand_text(1, 8)
        query.append([k, rand_text(0, 8)])
        if rng.random() < 0.2:
            query.append([k, rand_text(0, 8)])   # a repeated key
    headers = []
    for _ in range(rng.randint(0, 4)):
        name = rng.choice(["X-Custom", "x-amz-meta-Thing", "Content-Type", "My-Header", "Range"])
        value = rng.choice(["  a   b  ", "value", "text/plain; charset=utf-8", "\"q  q\"", "bytes=0-9",
                            rand_text(1, 10, "abc 012;=,")])
        headers.append([name, value])
    body = bytes(rng.randrange(256) for _ in range(rng.choice([0, 0, 1, 17, 300])))
    token = rng.choice([None, None, "FwoGZXIvYXdzE" + rand_text(10, 40, "abcXYZ019+/=")])
    return {
        "method": rng.choice(["GET", "POST", "PUT", "DELETE", "HEAD"]),
        "endpoint": rng.choice(["https://example.amazonaws.com", "http://127.0.0.1:5000",
                                "https://bucket.s3.eu-west-1.amazonaws.com"]),
        "path": path,
        "query": query,
        "headers": headers,
        "body_hex": body.hex(),
        "access_key": "AKID" + rand_text(8, 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"),
        "secret_key": rand_text(20, 40, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789+/"),
        "token": token,
        "region": rng.choice(["us-east-1", "eu-west-1", "ap-southeast-2"]),
        "service": "s3" if s3 else rng.choice(["sts", "cloudformation", "pricing", "service"]),
        "time": rng.randint(1400000000, 1900000000),
        "s3": s3,
        "unsigned": s3 and rng.random() < 0.5,
        "presign": rng.choice([0, 0, 0, 60, 3600]),
    }


def crt_sign(c):
    endpoint = urllib.parse.urlsplit(c["endpoint"])
    host = endpoint.hostname
    if endpoint.port and not ((endpoint.scheme, endpoint.port) in (("https", 443), ("http", 80))):
        host += f":{endpoint.port}"
    # the query in the order it was given: the CRT must sort it itself
    q = "&".join(urllib.parse.quote(k, safe="-_.~") + "=" + urllib.parse.quote(v, safe="-_.~")
                 for k, v in c["query"])
    headers = http.HttpHeaders([("Host", host)] + [tuple(h) for h in c["headers"]])
    body = bytes.fromhex(c["body_hex"])
    req = http.HttpRequest(c["method"], c["path"] + ("?" + q if q else ""), headers, io.BytesIO(body))
    provider = auth.AwsCredentialsProvider.new_static(c["access_key"], c["secret_key"], c["token"])
    presign = c["presign"] > 0
    if c["unsigned"] or presign and c["s3"]:
        body_value = auth.AwsSignedBodyValue.UNSIGNED_PAYLOAD
    else:
        body_value = None
    config = auth.AwsSigningConfig(
        algorithm=auth.AwsSigningAlgorithm.V4,
        signature_type=(auth.AwsSignatureType.HTTP_REQUEST_QUERY_PARAMS if presign
                        else auth.AwsSignatureType.HTTP_REQUEST_HEADERS),
        credentials_provider=provider,
        region=c["region"],
        service=c["service"],
        date=datetime.datetime.fromtimestamp(c["time"], tz=datetime.timezone.utc),
        use_double_uri_encode=not c["s3"],
        should_normalize_uri_path=not c["s3"],
        signed_body_value=body_value,
        signed_body_header_type=(auth.AwsSignedBodyHeaderType.X_AMZ_CONTENT_SHA_256
                                 if c["s3"] and not presign else auth.AwsSignedBodyHeaderType.NONE),
        expiration_in_seconds=c["presign"] if presign else None,
    )
    signed = auth.aws_sign_request(req, config).result()
    if presign:
        qs = urllib.parse.urlsplit(signed.path).query
        return dict(urllib.parse.parse_qsl(qs, keep_blank_values=True)).get("X-Amz-Signature")
    return signed.headers.get("Authorization")


def botocore_sign(c):
    """Authorization as botocore (what moto checks with) computes it, following the steps
    of SigV4Auth.add_auth with the case's fixed time."""
    from botocore.auth import S3SigV4Auth, SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    q = "&".join(urllib.parse.quote(k, safe="-_.~") + "=" + urllib.parse.quote(v, safe="-_.~")
                 for k, v in c["query"])
    url = c["endpoint"] + c["path"] + ("?" + q if q else "")
    headers = {}
    req = AWSRequest(method=c["method"], url=url, data=bytes.fromhex(c["body_hex"]))
    for name, value in c["headers"]:
        if name in req.headers:
            req.headers[name] = req.headers[name] + "," + value
        else:
            req.headers[name] = value
    creds = Credentials(c["access_key"], c["secret_key"], c["token"])
    auth = (S3SigV4Auth if c["s3"] else SigV4Auth)(creds, c["service"], c["region"])
    ts = datetime.datetime.fromtimestamp(c["time"], tz=datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    req.context["timestamp"] = ts
    req.headers["X-Amz-Date"] = ts
    if c["token"]:
        req.headers["X-Amz-Security-Token"] = c["token"]
    if c["s3"]:
        req.context["payload_signing_enabled"] = not c["unsigned"]
        req.headers["X-Amz-Content-SHA256"] = "UNSIGNED-PAYLOAD" if c["unsigned"] else auth.payload(req)
    creq = auth.canonical_request(req)
    sts = auth.string_to_sign(req, creq)
    sig = auth.signature(sts, req)
    return "AWS4-HMAC-SHA256 Credential=%s, SignedHeaders=%s, Signature=%s" % (
        auth.scope(req), auth.signed_headers(auth.headers_to_sign(req)), sig)


def main():
    tool = sys.argv[1]
    cases = [make_case(i) for i in range(N)]
    for c in cases:
        if c["presign"] and c["s3"]:
            c["unsigned"] = True     # presigned S3 URLs sign UNSIGNED-PAYLOAD
    out = subprocess.run([tool], input=json.dumps(cases).encode(), capture_output=True, check=True)
    ours = json.loads(out.stdout)
    try:
        import botocore  # noqa: F401
        have_botocore = True
    except ImportError:
        have_botocore = False
    # botocore joins repeated headers itself and treats unusual paths its own way; it is
    # compared on the header-signed cases without repeated header names
    boto_cases = [(c, o) for c, o in zip(cases, ours)
                  if not c["presign"] and len({h[0].lower() for h in c["headers"]}) == len(c["headers"])]
    print(f"1..{N + 1 + (len(boto_cases) if have_botocore else 1)}")
    print("ok 1 - nines-aws-sign-tool signed %d requests" % len(ours))
    failures = 0
    for i, (c, o) in enumerate(zip(cases, ours), start=2):
        theirs = crt_sign(c)
        mine = o["signature"] if c["presign"] else o["authorization"]
        kind = "presigned" if c["presign"] else ("s3" if c["s3"] else "header")
        if o["error"] == "" and mine == theirs:
            print(f"ok {i} - {kind} {c['method']} {c['path'][:40]!r}")
        else:
            failures += 1
            print(f"not ok {i} - {kind} {c['method']} {c['path']!r} query={c['query']!r}")
            print(f"# ours:   {mine} {o['error']}")
            print(f"# awscrt: {theirs}")
            print("# canonical request (ours):\n# " + o["canonical_request"].replace("\n", "\n# "))
    n = N + 2
    if not have_botocore:
        print(f"ok {n} # SKIP python3-botocore is not importable by {sys.executable}")
    else:
        for c, o in boto_cases:
            theirs = botocore_sign(c)
            if o["authorization"] == theirs:
                print(f"ok {n} - botocore agrees: {c['method']} {c['path'][:40]!r}")
            else:
                failures += 1
                print(f"not ok {n} - botocore disagrees: {c['method']} {c['path']!r} query={c['query']!r}")
                print(f"# ours:     {o['authorization']}")
                print(f"# botocore: {theirs}")
            n += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
