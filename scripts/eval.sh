#!/usr/bin/env bash
# Every stage's accuracy on the public gold data in ../shared/eval.
set -uo pipefail
annals=${1:-build/annals}
cd "$(dirname "$0")/.."
status=0
for what in boilerplate timex ner events; do
  echo "== annals eval $what"
  "$annals" eval "$what" || status=1
  echo
done
exit $status
