#!/bin/bash
# End-to-end test of the real nines, driven through the accessibility tree as a new user
# would (../shared/testing/README.md): a private Xvfb first, then a private session bus that
# inherits its DISPLAY (so the D-Bus-activated AT-SPI daemons can reach it), then e2e.py,
# which starts the app itself (twice: the saved file must reopen). TAP on stdout.
#
# usage: run-e2e.sh NINES NINES-CLI E2E.PY ARTIFACT-DIR
#
# Always starts its own X server and bus, even when the caller (./test.sh wraps the suites in
# xvfb-run + dbus-run-session) already provides some: the screen size, the AT-SPI bus and
# the input focus are then this test's alone. HOME and the XDG directories are private and
# thrown away, so autosave and recent files neither leak into nor come from the real ones.
set -uo pipefail

skip () { echo "1..0 # SKIP $*"; exit 0; }

if [ "${_E2E_INNER:-}" != 1 ]; then
  [ $# -eq 4 ] || { echo "usage: $0 NINES NINES-CLI E2E.PY ARTIFACT-DIR" >&2; exit 2; }
  command -v Xvfb >/dev/null || skip "Xvfb is not installed (package xvfb)"
  command -v dbus-run-session >/dev/null || skip "dbus-run-session is not installed (package dbus-daemon)"
  [ -x /usr/bin/python3 ] || skip "Debian's /usr/bin/python3 is not installed"
  /usr/bin/python3 -c 'import pyatspi' 2>/dev/null || skip "pyatspi is missing (package python3-pyatspi)"
  [ -x /usr/libexec/at-spi-bus-launcher ] || skip "the AT-SPI bus is not installed (package at-spi2-core)"
  command -v xdotool >/dev/null || skip "xdotool is not installed (package xdotool)"
  command -v import >/dev/null && [ -x /usr/bin/convert ] \
    || skip "ImageMagick's import/convert are not installed (package imagemagick)"

  ARTIFACTS=$(realpath -m "$4")
  mkdir -p "$ARTIFACTS"
  rm -f "$ARTIFACTS"/*.png "$ARTIFACTS"/*.nines "$ARTIFACTS"/*.log "$ARTIFACTS"/*.json
  # Short path: the AT-SPI bus socket lives under XDG_RUNTIME_DIR (108-byte socket paths).
  WORK=$(mktemp -d /tmp/nines-e2e.XXXXXX)
  trap 'rm -rf "$WORK"' EXIT

  SCREEN=1400x900
  dfile="$WORK/display"
  Xvfb -displayfd 3 -screen 0 "${SCREEN}x24" -nolisten tcp -noreset 3>"$dfile" \
    2>"$ARTIFACTS/xvfb.log" &
  XVFB_PID=$!
  for _ in $(seq 200); do [ -s "$dfile" ] && break; sleep 0.05; done
  [ -s "$dfile" ] || { echo "Bail out! Xvfb did not start (see $ARTIFACTS/xvfb.log)"; exit 1; }
  export DISPLAY=":$(cat "$dfile")"

  export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" XDG_DATA_HOME="$WORK/home/.local/share"
  export XDG_STATE_HOME="$WORK/home/.local/state" XDG_CACHE_HOME="$WORK/home/.cache"
  export XDG_RUNTIME_DIR="$WORK/run"
  mkdir -p "$XDG_CONFIG_HOME/gtk-4.0" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"
  mkdir -m 700 "$XDG_RUNTIME_DIR"
  # A steady caret: the screenshots wait for the screen to stop changing.
  printf '[Settings]\ngtk-cursor-blink = false\n' >"$XDG_CONFIG_HOME/gtk-4.0/settings.ini"

  _E2E_INNER=1 E2E_WORK="$WORK" E2E_SCREEN="$SCREEN" E2E_ARTIFACTS="$ARTIFACTS" \
    timeout --kill-after=5 170 dbus-run-session -- "$0" \
      "$(realpath "$1")" "$(realpath "$2")" "$(realpath "$3")" "$ARTIFACTS" \
    2> >(grep -v 'fd limit\|dbus-daemon\[\|SpiRegistry daemon' >&2) \
    | grep --line-buffered -v '^SpiRegistry daemon is running'   # at-spi2-registryd's hello
  rc=${PIPESTATUS[0]}
  [ $rc -eq 124 ] && echo "Bail out! the test ran out of time (170 s)"
  sleep 1   # let at-spi-bus-launcher see its bus go before the X server does
  kill "$XVFB_PID" 2>/dev/null
  wait "$XVFB_PID" 2>/dev/null
  exit $rc
fi

# Inside the private bus. a11y on: GTK 4 speaks AT-SPI itself (GTK_A11Y=none hides the app).
unset GTK_A11Y NO_AT_BRIDGE
# fatal-warnings would also abort the driver on libatspi's harmless "GetItems" warning
# (GTK 4.8 has no AT-SPI cache object): the app gets fatal-criticals, and e2e.py fails the
# run on any warning the app prints.
unset G_DEBUG
# Settings persist across the test's two starts of the app, as dconf does for a user (the
# recent designs are a GSettings key), in a keyfile under the private XDG_CONFIG_HOME.
export GDK_BACKEND=x11 GSK_RENDERER=cairo GSETTINGS_BACKEND=keyfile
cd "$HOME" || exit 1
exec /usr/bin/python3 "$3" "$1" "$2"
