#!/usr/bin/env bash
# nines-cli on the examples and the malformed fixtures: output, messages and exit codes
# (0 ok, 1 bad input, 2 usage). Prints TAP.
# Usage: test-cli.sh NINES_CLI SOURCE_DIR
set -u
cli=$1
src=$2
examples="$src/data/examples"
malformed="$src/tests/data/malformed"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () {
  n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
  shift
  for line in "$@"; do echo "# $line"; done
  if [ -s "$tmp/out" ]; then sed 's/^/#   stdout: /' "$tmp/out" | head -20; fi
  if [ -s "$tmp/err" ]; then sed 's/^/#   stderr: /' "$tmp/err" | head -20; fi
}

# run EXPECTED_STATUS DESCRIPTION ARGS...: runs the CLI, keeps stdout and stderr.
run () {
  local want=$1 what=$2; shift 2
  "$cli" "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
  if [ "$status" -eq "$want" ]; then ok "$what (exit $want)"; return 0; fi
  not_ok "$what" "exit status $status, expected $want"
  return 1
}

# check DESCRIPTION COMMAND...: a test of its own that passes when COMMAND succeeds.
check () {
  local what=$1; shift
  if "$@"; then ok "$what"; else not_ok "$what"; fi
}

has () { grep -qF -- "$2" "$tmp/$1"; }
empty () { [ ! -s "$tmp/$1" ]; }

# --version and --help
run 0 "--version" --version && check "--version prints the version" has out "nines-cli 0."
run 0 "--help" --help && check "--help lists the commands" \
  eval 'has out "validate FILE" && has out "report FILE"'
check "--help gives the exit codes" has out "Exit status: 0 done, 1 bad input"
run 2 "no command"
check "no command prints the usage on stderr" has err "Usage: nines-cli COMMAND"
run 2 "unknown command" frobnicate x.nines
check "unknown command is named" has err 'unknown command "frobnicate"'
for cmd in validate report; do
  run 0 "$cmd --help" "$cmd" --help
  check "$cmd --help shows its usage" has out "nines-cli $cmd [OPTION…] FILE"
  run 2 "$cmd without a file" "$cmd"
  check "$cmd without a file says so" has err "$cmd takes 1 argument(s), got 0"
  run 2 "$cmd with two files" "$cmd" "$examples/storefront.nines" "$examples/newsroom.nines"
  run 2 "$cmd with an unknown option" "$cmd" --frobnicate "$examples/storefront.nines"
  check "$cmd names the unknown option" has err "Unknown option --frobnicate"
done
run 0 "report --help shows --format" report --help && check "report --help has --format" has out "--format"
run 2 "report --format xml" report --format xml "$examples/storefront.nines"
check "report names the bad format" has err '--format must be text|json|csv (is "xml")'

# The examples are valid and report.
for f in "$examples"/*.nines "$src/tests/data/v0-prototype.nines"; do
  name=$(basename "$f")
  run 0 "validate $name" validate "$f" && check "validate $name says valid" has out "$f: valid (" \
    && check "validate $name writes nothing on stderr" empty err
  run 0 "report $name" report "$f"
  run 0 "report --format json $name" report --format=json "$f"
  check "report --format json $name is JSON" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert {"name", "dr", "regions", "components", "links"} <= set(d), d.keys()
assert all({"id", "kind", "region", "azs", "summary"} <= set(c) for c in d["components"])
' "$tmp/out"
done

run 0 "report storefront" report "$examples/storefront.nines"
for want in "Storefront" "DR pattern: Warm standby; primary region us-east-1; recovery region ca-central-1" \
            "us-east-1       US East (N. Virginia)" "AZs: use1-az1, use1-az2, use1-az4" \
            "Canada (Central)" "Components (8)" "6× m6i.large" "dns -> alb (traffic)" "web -> db (data)" \
            "Links (7)"; do
  check "report storefront shows \"$want\"" has out "$want"
done
run 0 "report storefront as JSON" report -f json "$examples/storefront.nines"
check "the JSON report has the ASG's AZs and summary" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
web = [c for c in d["components"] if c["id"] == "web"][0]
assert web["azs"] == ["use1-az1", "use1-az2", "use1-az4"], web
assert web["summary"] == "6× m6i.large", web
assert d["dr"] == {"pattern": "warm-standby", "primary_region": "us-east-1", "recovery_region": "ca-central-1"}, d["dr"]
assert [r["location"] for r in d["regions"]] == ["US East (N. Virginia)", "Canada (Central)"]
assert len(d["links"]) == 7
' "$tmp/out"

# Every malformed fixture: exit 1, and exactly its messages, naming the file as given.
count=0
for f in "$malformed"/*.nines; do
  name=$(basename "$f" .nines)
  count=$((count + 1))
  run 1 "validate $name.nines" validate "$f" || continue
  # The fixture's messages name "NAME.nines"; the CLI names the path it was given.
  while IFS= read -r line; do
    printf '%s: %s\n' "$f" "${line#"$name.nines: "}"
  done <"$malformed/$name.expected" >"$tmp/want"
  if cmp -s "$tmp/want" "$tmp/err"; then
    ok "validate $name.nines gives its messages"
  else
    not_ok "validate $name.nines gives its messages" "expected:" "$(cat "$tmp/want")"
  fi
  check "validate $name.nines prints nothing on stdout" empty out
done
check "at least 30 malformed fixtures" test "$count" -ge 30
run 1 "report on a malformed file" report "$malformed/min-greater-than-max.nines"
check "report names the field" has err "min-greater-than-max.nines: components[2].max: must be >= min (is 2, min 4)"

# Files that cannot be read.
run 1 "validate a missing file" validate "$tmp/missing.nines"
check "a missing file is named" has err "$tmp/missing.nines: cannot open: No such file or directory"
run 1 "validate a folder" validate "$tmp"
check "a folder is named" has err "$tmp: is a folder, not a Nines document"
run 1 "validate a device" validate /dev/null
check "a device is named" has err "/dev/null: is not a regular file"
printf '{"format": 1, "regions": []}' >"$tmp/unreadable.nines"
chmod 000 "$tmp/unreadable.nines"
if [ "$(id -u)" -eq 0 ]; then
  n=$((n + 1)); echo "ok $n - unreadable file # SKIP root reads every file"
else
  run 1 "validate an unreadable file" validate "$tmp/unreadable.nines"
  check "an unreadable file is named" has err "$tmp/unreadable.nines: cannot read"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
