#!/usr/bin/env bash
# Build Nines and run every test suite: unit, CLI, data and GUI (GUI under Xvfb with a
# private session bus when there is no display), then the model, AWS, CLI and fuzz suites
# again in an ASan+UBSan build, the CLI tests and fuzz replays under valgrind, and each
# libFuzzer target briefly over its corpus (clang).
# NINES_SKIP_SANITIZERS=1, NINES_SKIP_VALGRIND=1, NINES_SKIP_FUZZ=1 leave a pass out.
# The last line is "N passed, N failed[, N skipped]", even when a build fails.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

logs=()
failures=()
status=0

# build DIR [MESON OPTIONS...]: installs missing packages, configures, builds.
build () {
  local dir=$1
  if "$here/deps/setup.sh" "$@"; then
    return 0
  fi
  echo "test.sh: the build in $dir failed" >&2
  failures+=("--failed=$dir: build")
  status=1
  return 1
}

# run_suites DIR LOGBASE [MESON TEST ARGS...]
run_suites () {
  local dir=$1 log=$2; shift 2
  local wrap=()

  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    wrap=(xvfb-run -a -s "-screen 0 1280x1024x24")
  fi
  if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
    wrap+=(dbus-run-session --)
  fi
  # with --setup NAME meson names the log LOGBASE-NAME
  case " $* " in *" --setup "*) log=$log-$(sed -E 's/.* --setup ([^ ]+) .*/\1/' <<<" $* ");; esac
  rm -f "$dir/meson-logs/$log.json"
  "${wrap[@]}" meson test -C "$dir" --print-errorlogs --num-processes 2 \
    --logbase "${log%-*}" "$@" || status=1
  logs+=("$dir/meson-logs/$log.json")
}

if build build; then
  run_suites build testlog --no-suite valgrind

  # Every nines-cli the CLI tests start, and the fuzz replays, under valgrind
  # (tests/valgrind/meson.build).
  if [ "${NINES_SKIP_VALGRIND:-0}" != 1 ]; then
    rm -rf build/meson-logs/valgrind && mkdir -p build/meson-logs/valgrind
    run_suites build testlog --setup valgrind --suite cli --suite valgrind
  fi
fi

if [ "${NINES_SKIP_SANITIZERS:-0}" != 1 ]; then
  if build build-asan -Dsanitize=true -Dbuildtype=debug; then
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      run_suites build-asan testlog --no-suite slow --no-suite valgrind \
        --suite model --suite aws --suite cli --suite fuzz
  fi
fi

# libFuzzer targets, each for 10 s over its seed corpus and past crashes
# (tests/fuzz/README.md). Needs Debian's clang and libclang-rt (deps/debian-packages.txt).
if [ "${NINES_SKIP_FUZZ:-0}" != 1 ]; then
  if { [ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz -Dfuzzing=true -Dgui=false >/dev/null; } &&
     { ninja -C build-fuzz fuzz-targets >/dev/null || ninja -C build-fuzz fuzz-targets; }; then
    run_suites build-fuzz testlog --no-rebuild --suite fuzz
  else
    echo "test.sh: the fuzz build in build-fuzz failed" >&2
    failures+=("--failed=build-fuzz: build")
    status=1
  fi
fi

python3 "$here/tests/summarize.py" "${failures[@]}" "${logs[@]}" || status=1
exit $status
