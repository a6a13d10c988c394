#!/usr/bin/env bash
# The main job on the bundled examples: every article in examples/ through
# the whole pipeline into build/demo/examples.jsonl, then the events found
# as a timeline table.
set -euo pipefail
annals=${1:-build/annals}
cd "$(dirname "$0")/.."
mkdir -p build/demo
out=build/demo/examples.jsonl
"$annals" extract examples/ -o "$out"
docs=$(wc -l < "$out")
events=$(grep -o '"cameo":"[0-9]*"' "$out" | wc -l || true)
echo "demo: $docs documents, $events events -> $out"
echo
"$annals" timeline "$out"
