#!/bin/bash
# take-screenshots.sh BUILDDIR [OUTDIR]: takes the AppStream screenshots from the real app.
#
# Runs BUILDDIR/app/nines under its own Xvfb and session bus (no window manager, cairo
# renderer, memory settings), like the tests in ../../tests, and drives it with the keyboard:
#   welcome.png      the welcome page (no file given)
#   design.png       the storefront example as the app opens it
#   preferences.png  the preferences window, opened with Ctrl+comma (app.preferences)
# Then check the pictures by eye before committing them, and keep the sizes in
# io.github.ninesdr.Nines.metainfo.xml.in in step (the data test metainfo-screenshots checks).
set -euo pipefail
BUILD=$(realpath "$1"); OUT=$(realpath -m "${2:-$(dirname "$0")}")
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
mkdir -p "$OUT"

if [ "${_INNER:-}" != 1 ]; then
  _dfile=$(mktemp)
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset 3>"$_dfile" 2>/dev/null &
  XVFB_PID=$!
  for _i in $(seq 100); do [ -s "$_dfile" ] && break; sleep 0.05; done
  export DISPLAY=":$(cat "$_dfile")"; rm -f "$_dfile"
  rc=0
  _INNER=1 timeout 120 dbus-run-session -- "$0" "$@" 2> >(grep -v 'fd limit' >&2) || rc=$?
  sleep 1; kill "$XVFB_PID"; wait "$XVFB_PID" 2>/dev/null || true
  exit $rc
fi

export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$BUILD/data" LC_ALL=C.UTF-8 LANGUAGE=en
# Adwaita's default (light) style, whatever the host prefers
export ADW_DEBUG_COLOR_SCHEME=prefer-light

# The welcome page: the app started with no file
"$BUILD/app/nines" & APP_PID=$!
trap 'kill $APP_PID 2>/dev/null; wait $APP_PID 2>/dev/null || true' EXIT
WID=$(timeout 20 xdotool search --sync --onlyvisible --class nines | head -1)
sleep 2   # first frame plus any idle layout
import -window "$WID" "$OUT/welcome.png"
kill $APP_PID; wait $APP_PID 2>/dev/null || true

# A design: the storefront example (the window opens on the patterns compared)
"$BUILD/app/nines" "$SRC/data/examples/storefront.nines" & APP_PID=$!
WID=$(timeout 20 xdotool search --sync --onlyvisible --class nines | head -1)
sleep 2
xdotool windowfocus --sync "$WID"
import -window "$WID" "$OUT/design.png"

xdotool key --clearmodifiers ctrl+comma
PREFS=""
for _i in $(seq 50); do
  PREFS=$(xdotool search --onlyvisible --name '^Preferences$' 2>/dev/null | head -1 || true)
  [ -n "$PREFS" ] && break
  sleep 0.1
done
[ -n "$PREFS" ] || { echo "the preferences window did not open" >&2; exit 1; }
sleep 1
import -window "$PREFS" "$OUT/preferences.png"

for f in welcome design preferences; do
  identify -format "%f %wx%h\n" "$OUT/$f.png"
done
