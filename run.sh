#!/usr/bin/env bash
# Build Nines and start it on the bundled example. Without a display, print the
# headless report of that example instead.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/deps/setup.sh" build
example="$here/data/examples/storefront.nines"
# Uninstalled, the GSettings schema is the one compiled into build/data.
export GSETTINGS_SCHEMA_DIR="$here/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$here/build/app/nines" "$example" "$@"
else
  echo "nines: no display found; printing the headless report of $(basename "$example")." >&2
  exec "$here/build/app/nines-cli" report "$example" "$@"
fi
