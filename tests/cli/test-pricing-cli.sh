#!/usr/bin/env bash
# nines-cli pricing import / pricing show and report's cost section (issue 3): exit codes,
# sources next to each price, determinism of the import, missing prices said (only the
# known EBS gap for storefront), overrides and discount applied. Prints TAP.
# Usage: test-pricing-cli.sh NINES_CLI SOURCE_DIR [SHARED_DIR]
set -u
cli=$1
src=$2
shared=${3:-${NINES_SHARED_DIR:-}}
examples="$src/data/examples"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
not_ok () {
  n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
  if [ -s "$tmp/out" ]; then sed 's/^/#   stdout: /' "$tmp/out" | head -15; fi
  if [ -s "$tmp/err" ]; then sed 's/^/#   stderr: /' "$tmp/err" | head -15; fi
}
run () {
  local want=$1 what=$2; shift 2
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  local status=$?
  if [ "$status" -eq "$want" ]; then ok "$what (exit $want)"; return 0; fi
  not_ok "$what: exit $status, expected $want"
  return 1
}
has () { if grep -q -- "$2" "$tmp/out"; then ok "$1"; else not_ok "$1: no '$2'"; fi; }
py () {
  local what=$1 script=$2
  if python3 -c "import json,sys,csv,math
$script" "$tmp/out" 2>"$tmp/pyerr"; then ok "$what"; else cp "$tmp/pyerr" "$tmp/err"; not_ok "$what"; fi
}

if ! command -v python3 >/dev/null; then
  echo "1..0 # SKIP python3 is needed to check the JSON and CSV output"
  exit 0
fi

# pricing show: the bundled snapshot, with sources
run 0 "pricing show AmazonEC2 us-east-1" pricing show AmazonEC2 us-east-1 &&
  has "m6i.large at 0.096 from processed/ec2.json" "instance:m6i.large .* 0.096 .*aws-price-watcher/processed/ec2.json (2025-06-18)"
run 0 "pricing show json" pricing show --format json AWSELB ca-central-1 &&
  py "ALB hour in ca-central-1 is 0.02475 with its rateCode" "
d = json.load(open(sys.argv[1]))
a = [p for p in d if p['usage'] == 'alb:hours'][0]
assert abs(a['usd'] - 0.02475) < 1e-12 and a['rate_code'].count('.') == 2 and a['date'] == '2025-06-05', a"
run 1 "pricing show of an unknown service" pricing show AmazonNothing us-east-1
run 2 "pricing without a subcommand" pricing

# pricing import: deterministic, readable back
if [ -n "$shared" ] && [ -d "$shared/pricing-sources" ]; then
  ps="$shared/pricing-sources"
  for out in a b; do
    "$cli" pricing import --date 2025-06-18 --relative-to "$ps/" -o "$tmp/$out" \
      "$ps/aws-price-watcher/raw/elb.json" "$ps/aws-price-watcher/processed/lambda.json" \
      "$ps/amazon-ec2-instance-selector/GetProducts_m5_large.json" \
      "$ps/terracost/AmazonEC2_eu-west-3.csv" >"$tmp/out" 2>"$tmp/err"
  done
  if cmp -s "$tmp/a/prices.gvariant" "$tmp/b/prices.gvariant" && cmp -s "$tmp/a/SOURCES.txt" "$tmp/b/SOURCES.txt"; then
    ok "pricing import twice gives identical bytes"
  else
    not_ok "pricing import twice gives identical bytes"
  fi
  run 0 "pricing show --snapshot of the import" pricing show --snapshot "$tmp/a/prices.gvariant" all all &&
    has "the GetProducts price with its rateCode" "instance:m5.large .*6C86BEPQVG73ZGGR.JRTCKXETXF.6YS6EN2CT7 .*/GetProducts_m5_large.json (2021-02-05)"
  run 1 "a processed file without --date is refused" pricing import -o "$tmp/c" "$ps/aws-price-watcher/processed/lambda.json"
else
  skip "pricing import determinism" "pricing-sources not found"
fi

# report: the cost section
sf="$examples/storefront.nines"
run 0 "report storefront" report "$sf" &&
  has "steady state" "^Steady state" && has "failed over" "^While failed over" &&
  has "the EBS gap is listed" "no price for ebs:gp3 in ca-central-1 (AmazonEC2): known gap"
if grep "no price for" "$tmp/out" | grep -v -q "no price for ebs"; then
  not_ok "storefront misses no price but EBS"
else
  ok "storefront misses no price but EBS"
fi
run 0 "report storefront --format json" report --format json "$sf" &&
  py "json: lines with sources, both totals, only EBS missing" "
d = json.load(open(sys.argv[1]))['cost']
for s in ('steady', 'failover'):
    t = d[s]['total']
    assert t['total_usd'] > 0 and t['complete'] is False, t
    for l in d[s]['lines']:
        if l['missing']:
            assert l['usage'].startswith('ebs') and l['unit_usd'] is None, l
        else:
            assert l['source'] and l['publication_date'], l
            assert abs(l['monthly_usd'] - l['quantity'] * l['unit_usd']) < 1e-6, l
assert d['failover']['total']['list_usd'] > d['steady']['total']['list_usd'] * 0.5
assert abs(sum(d['steady']['total']['by_region'].values()) - d['steady']['total']['list_usd']) < 1e-6"
run 0 "report storefront --format csv" report --format csv "$sf" &&
  py "csv: one row per line, same columns" "
rows = list(csv.reader(open(sys.argv[1])))
assert rows[0][:3] == ['state', 'item', 'component'] and len(rows) > 20
assert all(len(r) == len(rows[0]) for r in rows)"
run 2 "report --format xml" report --format xml "$sf"

# overrides fill the gap; the discount applies
python3 - "$sf" "$tmp/priced.nines" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d['pricing'] = {'discount_percent': 10, 'overrides': [
  {'service': 'AmazonEC2', 'region': 'ca-central-1', 'usage': 'ebs:gp3', 'usd': 0.088, 'note': 'quote 2026-11'},
  {'service': 'AmazonEC2', 'region': 'ca-central-1', 'usage': 'ebs-snapshot', 'usd': 0.055, 'note': 'quote 2026-11'}]}
json.dump(d, open(sys.argv[2], 'w'))
PY
run 0 "report with overrides and a discount" report --format json "$tmp/priced.nines" &&
  py "overrides shown and complete; 10% off" "
d = json.load(open(sys.argv[1]))['cost']
t = d['steady']['total']
assert t['complete'] is True, t
assert abs(t['total_usd'] - t['list_usd'] * 0.9) < 1e-6 and t['discount_percent'] == 10
o = [l for l in d['steady']['lines'] if l['override']]
assert o and o[0]['source'] == 'price override' and o[0]['note'] == 'quote 2026-11', o"

echo "1..$n"
exit $((failed > 0))
