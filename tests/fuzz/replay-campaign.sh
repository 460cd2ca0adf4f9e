#!/usr/bin/env bash
# Replays every input a fuzzing campaign kept (FUZZ_BUILD/fuzz-corpus/TARGET and any
# crash/leak artifacts) with the corpus replayers of a sanitizer build, so memory errors
# and leaks the UBSan-only campaign build cannot see are checked (README.md).
#
#   tests/fuzz/replay-campaign.sh FUZZ_BUILD ASAN_BUILD [TARGET…]
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
fuzz_build=${1:?usage: replay-campaign.sh FUZZ_BUILD ASAN_BUILD [TARGET…]}
asan_build=${2:?usage: replay-campaign.sh FUZZ_BUILD ASAN_BUILD [TARGET…]}
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$here"/tests/fuzz/fuzz-*.c; do t=$(basename "$f" .c); targets+=("${t#fuzz-}"); done
fi
ninja -C "$asan_build" "${targets[@]/#/tests/fuzz/fuzz-}" >/dev/null
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export G_SLICE=always-malloc G_DEBUG=gc-friendly
status=0
for t in "${targets[@]}"; do
  corpus=$fuzz_build/fuzz-corpus/$t
  [ -d "$corpus" ] || { echo "$t: no corpus in $corpus"; continue; }
  if out=$("$asan_build/tests/fuzz/fuzz-$t" "$corpus" 2>&1); then
    echo "$t: $(tail -n 1 <<<"$out")"
  else
    echo "$t: FAILED"; tail -n 30 <<<"$out"; status=1
  fi
done
exit $status
