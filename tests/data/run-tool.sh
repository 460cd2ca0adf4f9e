#!/bin/sh
# run-tool.sh TOOL ARGS...: runs a validator, or skips (exit 77) when it is not installed.
tool=$1; shift
if ! command -v "$tool" >/dev/null 2>&1; then
  echo "SKIP: $tool is not installed"
  exit 77
fi
echo "$tool $*"
exec "$tool" "$@"
