#!/usr/bin/env bash
# Build Nines and run every test suite: unit, integration (moto), CLI, GUI under Xvfb,
# then the same suites under ASan+UBSan, the CLI tests and fuzz replays under valgrind,
# and each libFuzzer target briefly over its corpus (clang).
# NINES_SKIP_SANITIZERS=1, NINES_SKIP_VALGRIND=1, NINES_SKIP_FUZZ=1 leave a pass out.
# The last line is "N passed, N failed[, N skipped]".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

"$here/deps/setup.sh" build

logs=()
status=0
run_suites () {
  local dir=$1 log=$2; shift 2
  meson test -C "$dir" --print-errorlogs --num-processes 2 --logbase "$log" "$@" || status=1
  # with --setup NAME meson names the log LOGBASE-NAME
  case " $* " in *" --setup "*) log=$log-$(sed -E 's/.* --setup ([^ ]+) .*/\1/' <<<" $* ");; esac
  logs+=("$dir/meson-logs/$log.json")
}

run_suites build testlog --no-suite valgrind

if [ "${NINES_SKIP_SANITIZERS:-0}" != 1 ]; then
  "$here/deps/setup.sh" build-asan -Dsanitize=true -Dbuildtype=debug
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suites build-asan testlog --no-suite slow --no-suite valgrind --suite model --suite aws --suite cli \
      --suite fuzz
fi

# Every nines-cli the CLI tests start, and the fuzz replays, under valgrind (tests/valgrind).
if [ "${NINES_SKIP_VALGRIND:-0}" != 1 ]; then
  rm -rf build/meson-logs/valgrind && mkdir -p build/meson-logs/valgrind
  run_suites build testlog --setup valgrind --suite cli --suite valgrind
fi

# libFuzzer targets, each for a few seconds over its seed corpus and past crashes
# (tests/fuzz/README.md). Needs Debian's clang and libclang-rt (deps/debian-packages.txt).
if [ "${NINES_SKIP_FUZZ:-0}" != 1 ]; then
  if [ ! -f build-fuzz/build.ninja ]; then
    CC=clang meson setup build-fuzz -Dfuzzing=true -Dgui=false >/dev/null
  fi
  ninja -C build-fuzz fuzz-targets >/dev/null || ninja -C build-fuzz fuzz-targets
  run_suites build-fuzz testlog --no-rebuild --suite fuzz
fi

python3 "$here/tests/summarize.py" "${logs[@]}"
exit $status
