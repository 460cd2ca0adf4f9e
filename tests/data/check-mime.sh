#!/bin/sh
# check-mime.sh MIME_XML: the MIME package installs cleanly and maps *.nines to application/x-nines.
set -eu
if ! command -v update-mime-database >/dev/null 2>&1; then
  echo "SKIP: update-mime-database (shared-mime-info) is not installed"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/packages"
cp "$1" "$tmp/packages/"
# Fails on a malformed package; prints nothing on success.
update-mime-database -V "$tmp" 2>&1 | grep -v '^Updating MIME database' || true
if ! grep -q '^50:application/x-nines:\*\.nines' "$tmp/globs2"; then
  echo "FAIL: *.nines is not mapped to application/x-nines:"; cat "$tmp/globs2"; exit 1
fi
if ! grep -q '^application/x-nines application/json' "$tmp/subclasses"; then
  echo "FAIL: application/x-nines is not a subclass of application/json"; exit 1
fi
echo "ok: *.nines -> application/x-nines (a JSON subclass)"
