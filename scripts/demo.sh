#!/usr/bin/env bash
# The main job on the bundled examples: every article in examples/ through
# the whole pipeline into the embedded store (build/demo/annals.db) and a
# JSONL file, then the events found, fused across articles, as a table.
set -euo pipefail
annals=${1:-build/annals}
cd "$(dirname "$0")/.."
mkdir -p build/demo
rm -f build/demo/annals.db*
out=build/demo/examples.jsonl
"$annals" extract examples/ --db build/demo/annals.db -o "$out"
echo "demo: $(wc -l < "$out") documents -> $out and build/demo/annals.db"
echo
echo "Fused events in the store (annals query --db build/demo/annals.db):"
"$annals" query --db build/demo/annals.db
echo
echo "Events by date (annals timeline $out):"
"$annals" timeline "$out"
