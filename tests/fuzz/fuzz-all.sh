#!/usr/bin/env bash
# A fuzzing campaign over every target, two at a time (README.md, "Longer runs").
#
#   tests/fuzz/fuzz-all.sh SECONDS_PER_TARGET [TARGET…]      (default: every target)
#
# NINES_FUZZ_PARALLEL (default 2) runs at once; NINES_FUZZ_RUNS stops each run after that
# many executions; NINES_FUZZ_BUILD picks the build (e.g. the UBSan-only build-fuzz-fast).
#
# Each run's log goes to build-fuzz/fuzz-logs/TARGET-DATE.log; tests/fuzz/fuzz-stats.sh
# adds up the executions of all runs per target, which is what README.md records.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:?usage: fuzz-all.sh SECONDS_PER_TARGET [TARGET…]}; shift
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$here"/tests/fuzz/fuzz-*.c; do t=$(basename "$f" .c); targets+=("${t#fuzz-}"); done
fi
logs=${NINES_FUZZ_BUILD:-$here/build-fuzz}/fuzz-logs
mkdir -p "$logs"
parallel=${NINES_FUZZ_PARALLEL:-2}
for t in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || true; done
  "$here/tests/fuzz/fuzz.sh" "$t" "$seconds" "${NINES_FUZZ_RUNS:--1}" >"$logs/$t-$(date +%Y%m%d-%H%M%S).log" 2>&1 &
done
wait
"$here/tests/fuzz/fuzz-stats.sh"
