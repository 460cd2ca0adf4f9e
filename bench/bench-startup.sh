#!/usr/bin/env bash
# Start-up to first frame, bare GTK 4 + libadwaita window vs `nines` on the storefront
# example, RUNS times each, alternating so both see the same machine load. Run inside
# `dbus-run-session --` with DISPLAY set (bench/bench.sh does both).
#
#   bench-startup.sh BUILD_DIR RUNS
#
# Prints one line per run: "bare|nines MS PEAK_RSS_KB RENDERER". The instrument is
# nines-bench-first-frame.so (LD_PRELOAD): same hook, same moment in both programs.
set -euo pipefail
build=$1; runs=$2
src=$(cd "$(dirname "$0")/.." && pwd)
preload=$build/bench/nines-bench-first-frame.so
export GDK_BACKEND=x11 GSK_RENDERER=cairo GTK_A11Y=none GSETTINGS_BACKEND=memory \
       NO_AT_BRIDGE=1 NINES_BENCH_EXIT_AFTER_FIRST_FRAME=1 LC_ALL=C.UTF-8

one () {
  local label=$1; shift
  local out
  out=$(NINES_BENCH_T0_US=$(date +%s%6N) LD_PRELOAD=$preload timeout 30 "$@" 2>/dev/null \
        | grep '^NINES_BENCH_FIRST_FRAME' || true)
  if [ -z "$out" ]; then
    echo "$label FAILED"
    return
  fi
  sed -E "s/.*since_launch_ms=([0-9.]+) peak_rss_kb=([0-9-]+) renderer=(.*)/$label \1 \2 \3/" <<<"$out"
}

# one untimed run each first: page cache, fontconfig cache
one warmup "$build/bench/nines-bench-bare" >/dev/null
one warmup "$build/app/nines" "$src/data/examples/storefront.nines" >/dev/null
for _ in $(seq "$runs"); do
  one bare "$build/bench/nines-bench-bare"
  one nines "$build/app/nines" "$src/data/examples/storefront.nines"
done
