#!/usr/bin/env bash
# Last test of the valgrind pass: fails when any nines-cli run under NINES_CLI_WRAPPER
# left a report in meson-logs/valgrind/ (valgrind --quiet writes nothing otherwise), so
# a CLI test that ignores nines-cli's exit status cannot hide an error or a leak.
#   valgrind-logs.sh LOG_DIR
set -uo pipefail
dir=$1
if [ -z "${NINES_CLI_WRAPPER:-}" ]; then
  echo "1..0 # SKIP not run under 'meson test --setup valgrind'"
  exit 0
fi
bad=$(find "$dir" -name 'nines-cli.*.log' -size +0 2>/dev/null)
if [ -n "$bad" ]; then
  for f in $bad; do echo "== $f"; cat "$f"; done
  exit 1
fi
echo "1..1"
echo "ok 1 - $(find "$dir" -name 'nines-cli.*.log' | wc -l) nines-cli runs under valgrind, no errors, no leaks"
