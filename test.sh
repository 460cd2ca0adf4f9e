#!/usr/bin/env bash
# Build Nines and run every test suite: unit, integration (moto), CLI, GUI under Xvfb,
# then the same suites under ASan+UBSan and the CLI tests under valgrind.
# The last line is "N passed, N failed[, N skipped]".
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

"$here/deps/setup.sh" build

logs=()
status=0
run_suites () {
  local dir=$1; shift
  meson test -C "$dir" --print-errorlogs --num-processes 2 "$@" || status=1
  logs+=("$dir/meson-logs/testlog.json")
}

run_suites build

if [ "${NINES_SKIP_SANITIZERS:-0}" != 1 ]; then
  "$here/deps/setup.sh" build-asan -Dsanitize=true -Dbuildtype=debug
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_suites build-asan --no-suite slow --no-suite valgrind --suite model --suite aws --suite cli
fi

python3 "$here/tests/summarize.py" "${logs[@]}"
exit $status
