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

# LeakSanitizer stays off in this short exploratory run: four targets (the three JSON price
# importers and the AWS XML parser) end some runs with ~6 KB "leaked" over ~200,000 inputs
# that no saved input reproduces, so a red CI here would not point at a cause. Leaks are
# checked where they are reproducible: the fuzz suite replays every corpus and regression
# input in build-asan with LeakSanitizer on, and under valgrind. See tests/fuzz/README.md.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=${NINES_FUZZ_DETECT_LEAKS:-0}:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# -error_exitcode: libFuzzer's default, 77, is what meson reads as "skipped"; a crash must
# fail the test. -detect_leaks: libFuzzer's in-process leak check reported leaks on inputs
# that do not leak when replayed alone (global caches filled by earlier inputs), which a
# short CI run cannot tell from a real one; leaks are checked instead where the result is
# reproducible: every corpus and regression input is replayed in the ASan build with
# LeakSanitizer at exit. NINES_FUZZ_DETECT_LEAKS=1 turns the in-process check back on.
exec "$fuzzer" "${dict[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -error_exitcode=1 -detect_leaks="${NINES_FUZZ_DETECT_LEAKS:-0}" \
  -max_len=65536 -print_final_stats=1 -artifact_prefix="$artifacts/" \
  "$scratch" "${inputs[@]}"
