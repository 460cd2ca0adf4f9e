#!/bin/bash
# Start-up to first frame (Nines against a bare GTK 4 window, alternating, same run) and the
# canvas frame time with 2,000 components, under Xvfb with the cairo renderer.
# Goals (issue 7): start within 1.3x of the bare window; a frame under 8 ms.
# usage: bench/bench-gui.sh [builddir=build] [runs=7]
set -eu
BUILD=$(realpath "${1:-build}"); RUNS=${2:-7}
BENCH="$BUILD/bench/bench-gui"
if [ "${_INNER:-}" != 1 ]; then
  . "$(dirname "$(realpath "$0")")/../../shared/testing/xvfb-start.sh" 1400x900x24 >/dev/null
  trap 'kill $XVFB_PID 2>/dev/null; wait $XVFB_PID 2>/dev/null || true' EXIT
  _INNER=1 dbus-run-session -- "$0" "$@" 2> >(grep -v 'fd limit' >&2)
  exit
fi
export GDK_BACKEND=x11 GSK_RENDERER=${GSK_RENDERER:-cairo} GTK_A11Y=none GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$BUILD/data" XDG_STATE_HOME=$(mktemp -d)
median() { sort -n | awk '{a[NR]=$1} END{print (NR%2)? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
bare=(); nines=(); bare_cpu=(); nines_cpu=()
for i in $(seq "$RUNS"); do
  for mode in bare nines; do
    line=$(NINES_BENCH_T0_US=$(date +%s%6N) timeout 60 "$BENCH" $mode)
    v=$(sed -nE 's/.*since_launch_ms=([0-9.]+).*/\1/p' <<<"$line"); c=$(sed -nE 's/.*cpu_ms=([0-9.]+).*/\1/p' <<<"$line")
    if [ $mode = bare ]; then bare+=("$v"); bare_cpu+=("$c"); else nines+=("$v"); nines_cpu+=("$c"); fi
  done
done
mb=$(printf '%s\n' "${bare[@]}" | median); mn=$(printf '%s\n' "${nines[@]}" | median)
cb=$(printf '%s\n' "${bare_cpu[@]}" | median); cn=$(printf '%s\n' "${nines_cpu[@]}" | median)
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "first frame, bare GTK 4 window: median ${mb} ms wall, ${cb} ms CPU  runs=[${bare[*]}]"
echo "first frame, Nines (storefront): median ${mn} ms wall, ${cn} ms CPU  runs=[${nines[*]}]"
awk -v a="$mn" -v b="$mb" -v ca="$cn" -v cb="$cb" 'BEGIN { r = a / b; printf "ratio %.2f wall, %.2f CPU (goal <= 1.30): %s\n", r, ca / cb, (r <= 1.3) ? "met" : "NOT met" }'
"$BENCH" frames 300 | tee /dev/stderr | awk '/^FRAMES / { for (i = 1; i <= NF; i++) if ($i ~ /^median_ms=/) { split($i, kv, "="); printf "canvas frame median %.2f ms (goal < 8): %s\n", kv[2], (kv[2] < 8) ? "met" : "NOT met" } }'
