#!/usr/bin/env bash
# Performance goals of issue 9, measured: builds build-bench (release) and prints one
# table, every figure with its goal. See README.md, "Benchmarks". Not part of ./test.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
"$here/deps/setup.sh" build-bench -Dbuildtype=release -Dtests=false
exec "$here/bench/bench.sh" "$here/build-bench"
