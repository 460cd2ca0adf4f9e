#!/bin/bash
# End-to-end test of the real nines under Xvfb, driven through the accessibility tree
# (../shared/testing/README.md): Xvfb first, then a private session bus, then e2e.py, which
# starts the app itself (twice: to check the saved file reopens).
# usage: run-e2e.sh BUILDDIR SRCDIR OUTDIR
set -uo pipefail
BUILD=$(realpath "$1"); SRC=$(realpath "$2"); OUT=$(realpath -m "$3")
for tool in Xvfb dbus-run-session xdotool import /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "1..0 # SKIP $tool is not installed"; exit 77; }
done
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || { echo "1..0 # SKIP python3-pyatspi is not installed"; exit 77; }
mkdir -p "$OUT"
if [ "${_INNER:-}" != 1 ]; then rm -rf "$OUT"/*.png "$OUT"/state "$OUT"/app.*; fi
if [ "${_INNER:-}" != 1 ]; then
  # Xvfb on a free display (-displayfd), as ../shared/testing/xvfb-start.sh does.
  dfile=$(mktemp)
  Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp -noreset 3>"$dfile" 2>/dev/null &
  XVFB_PID=$!
  for _ in $(seq 100); do [ -s "$dfile" ] && break; sleep 0.05; done
  export DISPLAY=":$(cat "$dfile")"
  rm -f "$dfile"
  # The D-Bus-activated AT-SPI registry writes to the session's stdout: keep TAP clean
  # (pipefail keeps the test's status).
  _INNER=1 timeout 300 dbus-run-session -- "$0" "$@" 2> >(grep -v 'fd limit' >&2) | sed -u '/^SpiRegistry/s/^/# /'
  rc=$?
  sleep 1   # let at-spi-bus-launcher notice the bus is gone before X goes away
  kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null
  exit $rc
fi
unset GTK_A11Y        # a11y on: GTK 4 speaks AT-SPI itself
export GDK_BACKEND=x11 GSK_RENDERER=cairo GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8
export XDG_STATE_HOME="$OUT/state" XDG_DATA_HOME="$OUT/data" XDG_CONFIG_HOME="$OUT/config"
export GSETTINGS_SCHEMA_DIR="$BUILD/data"
exec /usr/bin/python3 "$SRC/tests/gui/e2e.py" "$BUILD" "$SRC" "$OUT"
