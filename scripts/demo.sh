#!/usr/bin/env bash
# The main job on the bundled examples: extract every article in examples/
# and show what was found.
set -euo pipefail
annals=${1:-build/annals}
cd "$(dirname "$0")/.."
mkdir -p build/demo
"$annals" extract examples/ > build/demo/examples.jsonl
echo "demo: $(wc -l < build/demo/examples.jsonl) documents -> build/demo/examples.jsonl"
