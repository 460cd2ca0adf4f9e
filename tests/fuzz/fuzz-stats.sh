#!/usr/bin/env bash
# Executions per fuzz target, summed over the runs logged in build-fuzz/fuzz-logs/, and
# whether any run ended in a crash, leak or timeout (its log names the input kept).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
logs=${NINES_FUZZ_BUILD:-$here/build-fuzz}/fuzz-logs
printf '%-20s %14s %6s %s\n' TARGET EXECUTIONS RUNS FINDINGS
for f in "$here"/tests/fuzz/fuzz-*.c; do
  t=$(basename "$f" .c); t=${t#fuzz-}
  runs=0 total=0 found=""
  for log in "$logs/$t"-*.log; do
    [ -f "$log" ] || continue
    runs=$((runs + 1))
    n=$(grep -a -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1 || true)
    if [ -z "$n" ]; then   # still running, or killed: the last status line
      n=$(grep -a -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
    fi
    total=$((total + ${n:-0}))
    if grep -a -q -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer)|SUMMARY: .*Sanitizer|runtime error' "$log"; then
      found="$found $(basename "$log")"
    fi
  done
  printf '%-20s %14s %6s %s\n' "$t" "$total" "$runs" "${found:-none}"
done
