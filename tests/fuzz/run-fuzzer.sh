#!/usr/bin/env bash
# Runs one libFuzzer target for a while over its seed corpus and regression inputs.
#
#   run-fuzzer.sh FUZZER SECONDS INPUT_DIR...       (meson test, suite fuzz, -Dfuzzing=true)
#
# New inputs go to a scratch folder (the checked-in corpus is never written to); a crash,
# leak or timeout leaves its input in $NINES_FUZZ_ARTIFACTS (default: the build folder)
# and fails the test. The target's dictionary (tests/fuzz/NAME.dict) is used if present.
# For a long run that keeps what it finds, see tests/fuzz/README.md.
set -euo pipefail
fuzzer=$1; seconds=$2; shift 2
name=$(basename "$fuzzer"); name=${name#fuzz-}
here=$(cd "$(dirname "$0")" && pwd)
artifacts=${NINES_FUZZ_ARTIFACTS:-$(dirname "$fuzzer")/artifacts/$name}
mkdir -p "$artifacts"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

dict=()
[ -f "$here/$name.dict" ] && dict=("-dict=$here/$name.dict")
inputs=()
for d in "$@"; do [ -e "$d" ] && inputs+=("$d"); done

# LeakSanitizer is on, both after each input that allocates more than it frees (libFuzzer's
# -detect_leaks, which keeps the leaking input) and at exit. The test env's
# G_SLICE=always-malloc matters: with GSlice, GLib and json-glib objects sit in slabs that
# stay reachable, and a leak of them is invisible. (The at-exit reports this pass once had
# were json-glib 1.6 leaking a second top-level JSON value: model/nines-json.c, README.md.)
# NINES_FUZZ_DETECT_LEAKS=0 turns both checks off for a run.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=${NINES_FUZZ_DETECT_LEAKS:-1}:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# -error_exitcode: libFuzzer's default, 77, is what meson reads as "skipped"; a crash or a
# leak must fail the test.
exec "$fuzzer" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -error_exitcode=1 -detect_leaks="${NINES_FUZZ_DETECT_LEAKS:-1}" \
  -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" \
  "$scratch" "${inputs[@]}"
