#!/usr/bin/env bash
# Runs every libFuzzer target built in BUILD_DIR for SECONDS each, seeded
# from fuzz/seeds/<name>/ (name = target without "_fuzz"). New corpus
# entries go to BUILD_DIR/fuzz-corpus/<name>/ (never into the seeds), crash
# reproducers to BUILD_DIR/fuzz-artifacts/. Exits non-zero if any target
# found a crash, leak, timeout or sanitizer report.
# Usage: scripts/fuzz.sh BUILD_DIR [SECONDS]
set -u
build=${1:?usage: scripts/fuzz.sh BUILD_DIR [SECONDS]}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
shopt -s nullglob
targets=("$build"/*_fuzz)
if [ ${#targets[@]} -eq 0 ]; then
  echo "fuzz.sh: no *_fuzz binaries in $build (configure with -DANNALS_FUZZ=ON and CXX=clang++)" >&2
  exit 2
fi
mkdir -p "$build/fuzz-artifacts"
failed=()
for bin in "${targets[@]}"; do
  [ -x "$bin" ] || continue
  name=$(basename "$bin" _fuzz)
  corpus="$build/fuzz-corpus/$name"
  mkdir -p "$corpus"
  seeds=()
  [ -d "$root/fuzz/seeds/$name" ] && seeds=("$root/fuzz/seeds/$name")
  echo "fuzz.sh: $name for ${seconds}s"
  if ! "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$build/fuzz-artifacts/$name-" \
      "$corpus" "${seeds[@]}" >"$build/fuzz-$name.log" 2>&1; then
    failed+=("$name")
    echo "fuzz.sh: $name FAILED; log: $build/fuzz-$name.log" >&2
    grep -E "ERROR|SUMMARY|Test unit written" "$build/fuzz-$name.log" | head -5 >&2
  else
    grep -E "stat::number_of_executed_units|cov: " "$build/fuzz-$name.log" | tail -2
  fi
done
if [ ${#failed[@]} -ne 0 ]; then
  echo "fuzz.sh: failures in: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz.sh: all ${#targets[@]} targets ran ${seconds}s without findings"
