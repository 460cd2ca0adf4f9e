#!/usr/bin/env bash
# Runs PROGRAM under valgrind (memcheck: no invalid access, no uninitialised use, no
# definite or indirect leak) and checks its exit status.
#
#   valgrind-check.sh EXPECTED_STATUS PROGRAM [ARG…]
#
# valgrind's own findings exit 99 and print the report here; stdout is discarded.
set -uo pipefail
expected=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v valgrind >/dev/null; then
  echo "1..0 # SKIP valgrind is not installed"
  exit 77
fi
supp=(--suppressions="$here/nines.supp")
[ -f /usr/share/glib-2.0/valgrind/glib.supp ] && supp+=(--suppressions=/usr/share/glib-2.0/valgrind/glib.supp)
env -u NINES_CLI_WRAPPER G_SLICE=always-malloc G_DEBUG=gc-friendly valgrind --quiet --error-exitcode=99 \
  --leak-check=full --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
  --num-callers=30 "${supp[@]}" "$@" >/dev/null
status=$?
if [ "$status" -eq 99 ]; then
  echo "valgrind found errors in: $*" >&2
  exit 1
fi
if [ "$status" -ne "$expected" ]; then
  echo "exit status $status, expected $expected: $*" >&2
  exit 1
fi
exit 0
