#!/usr/bin/env bash
# A short fuzzing pass over every ingest reader, as part of `make test`:
# builds the libFuzzer targets with clang (ASan + UBSan) in
# build-fuzz-short/ (kept between runs, so later runs only relink), then
# runs each for FUZZ_SHORT_SECONDS (default 10). Prints "skipped" and
# passes when clang or its fuzzer runtime is missing. `make fuzz` runs the
# long version.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
secs=${FUZZ_SHORT_SECONDS:-10}
if ! command -v clang++ >/dev/null 2>&1; then
  echo "skipped: clang++ not found"
  exit 0
fi
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' >"$probe/p.cc"
if ! clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cc" -o "$probe/p" >/dev/null 2>&1; then
  echo "skipped: clang++ has no libFuzzer runtime (install libclang-rt-dev)"
  exit 0
fi
build="$root/build-fuzz-short"
targets=()
for f in "$root"/fuzz/*_fuzz.cc; do targets+=("$(basename "$f" .cc)"); done
start=$(date +%s)
mkdir -p "$build"
if ! CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANNALS_FUZZ=ON \
     -DANNALS_BUILD_TESTS=OFF >"$build/cmake.log" 2>&1; then
  echo "FAIL: cmake configure (see $build/cmake.log)"; tail -5 "$build/cmake.log"; exit 1
fi
if ! cmake --build "$build" -j "$(nproc)" --target "${targets[@]}" >"$build/build.log" 2>&1; then
  echo "FAIL: building the fuzzers (see $build/build.log)"; grep -E "error" "$build/build.log" | head -5; exit 1
fi
echo "fuzz_short: built ${#targets[@]} targets in $(( $(date +%s) - start ))s"
bash "$root/scripts/fuzz.sh" "$build" "$secs"
rc=$?
echo "fuzz_short: total $(( $(date +%s) - start ))s"
exit $rc
