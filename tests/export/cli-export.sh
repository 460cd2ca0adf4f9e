#!/bin/sh
# nines-cli export: every WHAT writes its file, and usage errors exit 2. TAP.
set -u
cli=$1
examples=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
n=0
fails=0
check () {  # check DESCRIPTION COMMAND…
  n=$((n + 1))
  desc=$1; shift
  if "$@" >"$out/log" 2>&1; then
    echo "ok $n - $desc"
  else
    echo "not ok $n - $desc"
    sed 's/^/# /' "$out/log"
    fails=$((fails + 1))
  fi
}
fails_with () {  # fails_with CODE COMMAND…
  code=$1; shift
  "$@" >/dev/null 2>&1
  [ $? -eq "$code" ]
}
starts_with () {  # starts_with FILE PREFIX
  [ "$(head -c ${#2} "$1")" = "$2" ]
}

echo "1..14"
sf=$examples/storefront.nines
check "cloudformation: one template per region" sh -c \
  "'$cli' export cloudformation '$sf' -o '$out/cfn' && test -s '$out/cfn/nines-storefront-us-east-1.json' && test -s '$out/cfn/nines-storefront-ca-central-1.json'"
check "cloudformation --region: one file" sh -c \
  "'$cli' export cloudformation '$sf' --region ca-central-1 -p pilot-light -o '$out/ca.json' && grep -q FailoverState '$out/ca.json'"
check "cloudformation: unknown region fails" fails_with 1 "$cli" export cloudformation "$sf" --region ap-south-2 -o "$out/x.json"
check "runbook: Markdown" sh -c "'$cli' export runbook '$sf' -o '$out/rb.md' && grep -q '^## Failover' '$out/rb.md' && grep -q '^## Failback' '$out/rb.md'"
check "costs: CSV by default" sh -c "'$cli' export costs '$sf' -o '$out/c.csv' && head -1 '$out/c.csv' | grep -q '^state,item,component'"
check "costs: JSON" sh -c "'$cli' export costs '$sf' -f json -o '$out/c.json' && python3 -m json.tool '$out/c.json' >/dev/null"
check "costs: Pricing Calculator JSON" sh -c "'$cli' export costs '$sf' -f calculator -o '$out/calc.json' && grep -q '\"totalCost\"' '$out/calc.json'"
check "diagram: PNG" sh -c "'$cli' export diagram '$sf' -o '$out/d.png'"
check "diagram: PNG signature" starts_with "$out/d.png" "$(printf '\211PNG')"
check "diagram: SVG from the extension" sh -c "'$cli' export diagram '$sf' -o '$out/d.svg' && head -c 5 '$out/d.svg' | grep -q '<?xml'"
check "report: PDF" sh -c "'$cli' export report '$sf' --date 2026-11-26 -o '$out/r.pdf' && head -c 5 '$out/r.pdf' | grep -q '%PDF-'"
check "unknown WHAT is a usage error" fails_with 2 "$cli" export nonsense "$sf" -o "$out/x"
check "missing -o is a usage error" fails_with 2 "$cli" export runbook "$sf"
check "unknown pattern is a usage error" fails_with 2 "$cli" export runbook "$sf" -p hot-spare -o "$out/x"
exit 0
