#!/usr/bin/env bash
# Shared set-up for ./run.sh and ./test.sh: install missing Debian packages, configure, build.
# Usage: deps/setup.sh BUILD_DIR [meson options...]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-build}; shift || true

missing=()
while read -r pkg; do
  pkg=${pkg%%#*}; pkg=${pkg// /}
  [ -n "$pkg" ] || continue
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done < "$here/deps/debian-packages.txt"

if [ ${#missing[@]} -gt 0 ]; then
  echo "nines: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "nines: run this as root, or install sudo, to install: ${missing[*]}" >&2
      exit 1
    fi
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cd "$here"
if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$@" >/dev/null
else
  meson configure "$builddir" "$@" >/dev/null 2>&1 || true
fi
ninja -C "$builddir" >/dev/null || ninja -C "$builddir"
