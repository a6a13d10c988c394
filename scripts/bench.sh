#!/usr/bin/env bash
# Benchmarks: the Google Benchmark programs of bench/, then the corpus
# throughput of `annals extract` over Reuters-21578 (converted to JSONL at
# benchmark time from ../shared, never stored in the project) beside
# `wc -w` over the same bytes in the same run, so the ratio holds on a
# noisy shared machine. Medians of several runs.
set -euo pipefail
build=${1:-build-bench}
runs=${RUNS:-5}
cd "$(dirname "$0")/.."
shared=${ANNALS_SHARED:-../shared}
if [ ! -d "$shared/eval/reuters21578" ]; then
  echo "skipped: no ../shared (Reuters-21578 is read from there)"
  exit 0
fi
for b in "$build"/*_bench; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true 2>/dev/null | grep -E "median|Benchmark" || true
done

tmp=$(mktemp -d)
corpus=$tmp/reuters.jsonl
python3 scripts/reuters_to_jsonl.py "$shared/eval/reuters21578" > "$corpus"
bytes=$(stat -c %s "$corpus")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# One run: "wall cpu" seconds (cpu = user + system, the per-core cost, which
# a busy shared machine inflates far less than wall time).
run() {
  /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$@" > /dev/null 2>> "$tmp/err"
  awk '{printf "%s %.3f\n", $1, $2 + $3}' "$tmp/t"
}
annals=$build/annals
[ -x "$annals" ] || annals=build/annals
declare -A wall cpu
cmds=("wc -w" "extract --until text -j1" "extract --until time -j1" "extract --until actors -j1" "extract -j1" "extract -j$(nproc)")
for _ in $(seq "$runs"); do
  for c in "${cmds[@]}"; do
    if [ "$c" = "wc -w" ]; then r=$(run wc -w "$corpus"); else r=$(run "$annals" $c "$corpus"); fi
    wall[$c]+="${r% *} "; cpu[$c]+="${r#* } "
  done
done
mb=$(echo "$bytes / 1000000" | bc -l)
printf '== corpus: Reuters-21578 as JSONL, %.1f MB, %s runs, medians (machine load: %s)\n' "$mb" "$runs" "$(cut -d' ' -f1-3 /proc/loadavg)"
wc_cpu=$(printf '%s\n' ${cpu["wc -w"]} | median)
printf '%-30s %9s %9s %12s %12s\n' command wall_s cpu_s MB/s/core "x wc -w"
for c in "${cmds[@]}"; do
  w=$(printf '%s\n' ${wall[$c]} | median); u=$(printf '%s\n' ${cpu[$c]} | median)
  label=$c; [ "$c" != "wc -w" ] && label="annals $c"
  printf '%-30s %9.3f %9.3f %12.1f %12.1f\n' "$label" "$w" "$u" "$(echo "$mb / $u" | bc -l)" "$(echo "$u / $wc_cpu" | bc -l)"
done
rm -rf "$tmp"
