#!/usr/bin/env python3
"""`nines-cli pricing refresh` against a local responder serving GetProducts pages in the
API's real format (one real PriceList element from amazon-ec2-instance-selector, and a copy
of it for another instance type), with a throttled page on the way. TAP.
Usage: test-pricing-refresh.py PATH/TO/nines-cli PATH/TO/fault-responder.py"""
import copy
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

cli, responder_script = sys.argv[1], sys.argv[2]
shared = os.environ.get("NINES_SHARED_DIR", "")
sample = os.path.join(shared, "pricing-sources", "amazon-ec2-instance-selector", "GetProducts_m5_large.json")
if not os.path.exists(sample):
    print(f"1..0 # SKIP the real GetProducts sample is not at {sample} (set NINES_SHARED_DIR)")
    sys.exit(0)

with open(sample) as f:
    m5 = json.load(f)
# a second product in the same format: m5.xlarge at twice the price, its own SKU
m5x = copy.deepcopy(m5)
m5x["product"]["sku"] = "XLARGEXLARGEXLAR"
m5x["product"]["attributes"]["instanceType"] = "m5.xlarge"
m5x["product"]["attributes"]["usagetype"] = m5["product"]["attributes"]["usagetype"].replace("m5.large", "m5.xlarge")
od = m5x["terms"]["OnDemand"]
(term_key, term), = od.items()
(dim_key, dim), = term["priceDimensions"].items()
new_term_key = term_key.replace(m5["product"]["sku"], "XLARGEXLARGEXLAR")
new_dim_key = dim_key.replace(m5["product"]["sku"], "XLARGEXLARGEXLAR")
dim["rateCode"] = new_dim_key
dim["pricePerUnit"]["USD"] = "0.1920000000"
term["sku"] = "XLARGEXLARGEXLAR"
term["offerTermCode"] = term.get("offerTermCode", "JRTCKXETXF")
term["priceDimensions"] = {new_dim_key: dim}
m5x["terms"] = {"OnDemand": {new_term_key: term}}


def page(products, token=None):
    body = {"FormatVersion": "aws_v1", "PriceList": [json.dumps(p) for p in products]}
    if token:
        body["NextToken"] = token
    return {"status": 200, "body": json.dumps(body), "headers": {"Content-Type": "application/x-amz-json-1.1"}}


throttled = {"status": 400, "body": json.dumps({"__type": "ThrottlingException", "message": "Rate exceeded"})}
script = [page([m5], "page-2"), throttled, page([m5x]), page([]), page([]), page([])]

proc = subprocess.Popen([sys.executable, responder_script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
results = []
try:
    port = int(proc.stdout.readline())
    base = f"http://127.0.0.1:{port}"
    urllib.request.urlopen(urllib.request.Request(base + "/__script", data=json.dumps(script).encode(), method="POST"))
    home = tempfile.mkdtemp(prefix="nines-refresh-")
    out = os.path.join(home, "out")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(HOME=home, AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull,
               AWS_ACCESS_KEY_ID="AKIDREFRESH", AWS_SECRET_ACCESS_KEY="refreshSECRET",
               AWS_ENDPOINT_URL_PRICING=base)
    r = subprocess.run([cli, "pricing", "refresh", "--region", "us-east-1", "--service", "AmazonEC2", "-o", out],
                       capture_output=True, text=True, env=env, timeout=90)
    results.append(("refresh exits 0", r.returncode == 0, r.stdout + r.stderr))
    results.append(("refresh reports the products", "us-east-1 AmazonEC2 Compute Instance: 2 prices kept of 2 products" in r.stderr, r.stderr))

    log = json.load(urllib.request.urlopen(base + "/__log"))
    results.append(("six requests: two pages, one throttled retry, three families", len(log) == 6, json.dumps(log)[:400]))
    first = json.loads(log[0]["body"]) if log else {}
    results.append(("GetProducts call", log and log[0]["headers"].get("x-amz-target") == "AWSPriceListService.GetProducts"
                    and "/us-east-1/pricing/aws4_request" in log[0]["headers"].get("authorization", ""), str(log[:1])))
    results.append(("filters: location name and the compute filters",
                    {"Type": "TERM_MATCH", "Field": "location", "Value": "US East (N. Virginia)"} in first.get("Filters", [])
                    and {"Type": "TERM_MATCH", "Field": "operatingSystem", "Value": "Linux"} in first.get("Filters", []),
                    json.dumps(first)))
    results.append(("NextToken followed (and resent after throttling)",
                    len(log) > 2 and json.loads(log[1]["body"]).get("NextToken") == "page-2"
                    and json.loads(log[2]["body"]).get("NextToken") == "page-2", ""))
    results.append(("secret not printed", "refreshSECRET" not in r.stdout + r.stderr, ""))

    snap = os.path.join(out, "prices.gvariant")
    show = subprocess.run([cli, "pricing", "show", "AmazonEC2", "us-east-1", "--snapshot", snap, "--format", "json"],
                          capture_output=True, text=True, timeout=30)
    prices = json.loads(show.stdout) if show.returncode == 0 else []
    by_usage = {p["usage"]: p for p in prices}
    large = by_usage.get("instance:m5.large", {})
    xl = by_usage.get("instance:m5.xlarge", {})
    results.append(("m5.large from the real page, with rateCode and publication date",
                    abs(large.get("usd", 0) - 0.096) < 1e-12
                    and large.get("rate_code") == "6C86BEPQVG73ZGGR.JRTCKXETXF.6YS6EN2CT7"
                    and large.get("date") == "2021-02-05"
                    and large.get("source", "").startswith("GetProducts AmazonEC2 us-east-1 "), json.dumps(large)))
    results.append(("m5.xlarge from page 2", abs(xl.get("usd", 0) - 0.192) < 1e-12
                    and xl.get("rate_code") == "XLARGEXLARGEXLAR.JRTCKXETXF.6YS6EN2CT7", json.dumps(xl)))
    every = subprocess.run([cli, "pricing", "show", "all", "all", "--snapshot", snap, "--format", "json"],
                           capture_output=True, text=True, timeout=30)
    services = {p["service"] for p in json.loads(every.stdout)} if every.returncode == 0 else set()
    results.append(("the rest of the bundled snapshot is kept", len(services) > 1, str(services)))

    # the regions of a design: one AWSELB query per region, with each region's location
    urllib.request.urlopen(urllib.request.Request(base + "/__script", data=json.dumps([page([]), page([])]).encode(),
                                                  method="POST"))
    design = os.path.join(os.environ["NINES_SOURCE_DIR"], "data", "examples", "storefront.nines")
    r = subprocess.run([cli, "pricing", "refresh", "--design", design, "--service", "AWSELB", "-o", out + "-2", "-q"],
                       capture_output=True, text=True, env=env, timeout=60)
    log = json.load(urllib.request.urlopen(base + "/__log"))
    locations = [f["Value"] for e in log for f in json.loads(e["body"])["Filters"] if f["Field"] == "location"]
    results.append(("--design refreshes the design's regions", r.returncode == 0
                    and locations == ["US East (N. Virginia)", "Canada (Central)"], r.stderr + str(locations)))

    r = subprocess.run([cli, "pricing", "refresh", "--region", "xx-nowhere-1", "-o", out],
                       capture_output=True, text=True, env=env, timeout=30)
    results.append(("unknown region is a usage error", r.returncode == 2 and "xx-nowhere-1" in r.stderr, r.stderr))
finally:
    proc.stdin.close()
    proc.terminate()
    proc.wait(timeout=10)

print(f"1..{len(results)}")
failed = 0
for i, (name, ok, detail) in enumerate(results, 1):
    print(("ok" if ok else "not ok") + f" {i} - {name}")
    if not ok:
        failed += 1
        for line in str(detail).splitlines()[:30]:
            print("# " + line)
sys.exit(1 if failed else 0)
