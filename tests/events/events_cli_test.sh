#!/usr/bin/env bash
# The events CLI: `annals timeline` over extract output, `annals dict
# import` converting a PETRARCH dictionary and naming file:line on errors.
set -euo pipefail
annals=${1:?usage: events_cli_test.sh path/to/annals}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# timeline: a hand-written extract line, sorted by date, CAMEO names shown.
cat > "$tmp/x.jsonl" <<'JSON'
{"id":"a","date":"2024-04-02","actors":{"b":{"name":"Antony Blinken"},"m":{"name":"Emmanuel Macron"},"p":{"name":"Paris"}},"events":[{"source":"b","target":"m","cameo":"036","mode":"planned","date":"2024-04-02","date_source":"timex","place":"p"},{"source":"m","target":"b","cameo":"042","mode":"asserted","date":"2022-12","place":null}]}
JSON
out=$("$annals" timeline "$tmp/x.jsonl")
echo "$out"
first=$(echo "$out" | sed -n 3p)
[[ "$first" == 2022-12* ]] || { echo "FAIL: not sorted by date"; exit 1; }
echo "$out" | grep -q "Express intent to meet or negotiate (036)" || { echo "FAIL: no CAMEO name"; exit 1; }
echo "$out" | grep -q "Antony Blinken" || { echo "FAIL: no actor name"; exit 1; }
echo "$out" | grep -q "^2 events" || { echo "FAIL: count"; exit 1; }
# standard input works too
"$annals" timeline - < "$tmp/x.jsonl" | grep -q "Paris" || { echo "FAIL: stdin"; exit 1; }

# dict import: verbs become annals patterns that load back.
cat > "$tmp/verbs.txt" <<'DICT'
&TIES
+TIES
+RELATIONS

--- RESTORE [064] ---
RESTORE
- * DIPLOMATIC &TIES [064]
DICT
"$annals" dict import --format petrarch "$tmp/verbs.txt" -o "$tmp/out.txt"
grep -q "^064 RESTORE_L" "$tmp/out.txt" || { echo "FAIL: no converted rule"; cat "$tmp/out.txt"; exit 1; }

# dict import: a malformed dictionary fails naming file and line.
printf 'GONDOR [GON]\n[GONGOV >99999]\n' > "$tmp/bad.actors.txt"
if "$annals" dict import --strict "$tmp/bad.actors.txt" 2> "$tmp/err.txt"; then
  echo "FAIL: bad dictionary accepted"; exit 1
fi
grep -q "bad.actors.txt:2:" "$tmp/err.txt" || { echo "FAIL: no file:line"; cat "$tmp/err.txt"; exit 1; }
echo "events_cli_test: ok"
