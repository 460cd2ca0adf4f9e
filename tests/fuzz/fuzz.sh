#!/usr/bin/env bash
# A long fuzzing run of one target, keeping what it finds (README.md, "Longer runs").
#
#   tests/fuzz/fuzz.sh TARGET [SECONDS=3600] [MAX_RUNS=-1 (no limit)] [extra libFuzzer flags…]
#
# Builds build-fuzz (clang, -Dfuzzing=true) if needed. The growing corpus lives in
# build-fuzz/fuzz-corpus/TARGET (seeded from tests/fuzz/corpus/TARGET, never written
# back); crashes land in build-fuzz/fuzz-artifacts/TARGET/. Prints libFuzzer's final
# stats, whose stat::number_of_executed_units is the count README.md records.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
target=${1:?usage: fuzz.sh TARGET [SECONDS] [MAX_RUNS] [flags…]}
seconds=${2:-3600}
runs=${3:--1}
shift $(( $# < 3 ? $# : 3 ))
build=${NINES_FUZZ_BUILD:-$here/build-fuzz}

if [ ! -f "$build/build.ninja" ]; then
  CC=clang meson setup "$build" "$here" -Dfuzzing=true -Dgui=false >/dev/null
fi
ninja -C "$build" "tests/fuzz/fuzz-$target" >/dev/null

corpus=$build/fuzz-corpus/$target
artifacts=$build/fuzz-artifacts/$target
mkdir -p "$corpus" "$artifacts"
dict=()
[ -f "$here/tests/fuzz/$target.dict" ] && dict=("-dict=$here/tests/fuzz/$target.dict")
seeds=("$here/tests/fuzz/corpus/$target")
[ -d "$here/tests/fuzz/regressions/$target" ] && seeds+=("$here/tests/fuzz/regressions/$target")

# malloc_context_size=0: no stack per allocation, about twice the speed on allocation-heavy
# targets; rerun a crash input without it for the full report.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1:malloc_context_size=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
exec nice -n "${NINES_FUZZ_NICE:-10}" "$build/tests/fuzz/fuzz-$target" "${dict[@]}" -max_total_time="$seconds" -runs="$runs" \
  -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -reduce_inputs=1 \
  -artifact_prefix="$artifacts/" "$@" "$corpus" "${seeds[@]}"
