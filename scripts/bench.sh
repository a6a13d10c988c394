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

corpus=$(mktemp -d)/reuters.jsonl
python3 scripts/reuters_to_jsonl.py "$shared/eval/reuters21578" > "$corpus"
bytes=$(stat -c %s "$corpus")
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_cmd() {  # prints seconds of one run
  local s e
  s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N)
  echo "$e - $s" | bc -l
}
annals=$build/annals
[ -x "$annals" ] || annals=build/annals
wc_times=(); one_times=(); all_times=()
for _ in $(seq "$runs"); do
  wc_times+=("$(time_cmd wc -w "$corpus")")
  one_times+=("$(time_cmd "$annals" extract -j1 "$corpus")")
  all_times+=("$(time_cmd "$annals" extract "$corpus")")
done
wc_t=$(printf '%s\n' "${wc_times[@]}" | median)
one_t=$(printf '%s\n' "${one_times[@]}" | median)
all_t=$(printf '%s\n' "${all_times[@]}" | median)
mb=$(echo "$bytes / 1000000" | bc -l)
printf '== corpus: Reuters-21578 as JSONL, %.1f MB, %s runs, medians\n' "$mb" "$runs"
printf 'wc -w                      %8.3f s  %8.1f MB/s\n' "$wc_t" "$(echo "$mb / $wc_t" | bc -l)"
printf 'annals extract -j1         %8.3f s  %8.1f MB/s  (%.1fx wc -w)\n' "$one_t" "$(echo "$mb / $one_t" | bc -l)" "$(echo "$one_t / $wc_t" | bc -l)"
printf 'annals extract -j%-2s        %8.3f s  %8.1f MB/s  (%.1fx wc -w)\n' "$(nproc)" "$all_t" "$(echo "$mb / $all_t" | bc -l)" "$(echo "$all_t / $wc_t" | bc -l)"
rm -f "$corpus"
