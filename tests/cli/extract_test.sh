#!/usr/bin/env bash
# `annals extract` end to end: input order kept with any number of threads,
# folders read recursively, --date, exit codes.
set -u
annals=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }

mkdir -p "$tmp/in/sub"
for i in $(seq 1 40); do
  printf 'date 2024-01-%02d\nArticle %d. The minister met officials in Paris on Monday.\n' $(( (i % 28) + 1 )) "$i" > "$tmp/in/sub/a$(printf %03d "$i").txt"
done
"$annals" extract -j1 "$tmp/in" > "$tmp/one.jsonl"; rc1=$?
"$annals" extract -j4 "$tmp/in" > "$tmp/four.jsonl"; rc4=$?
check "exit 0 on clean input" "[ $rc1 -eq 0 ] && [ $rc4 -eq 0 ]"
check "one line per document" "[ \$(wc -l < '$tmp/one.jsonl') -eq 40 ]"
check "same output with 1 and 4 threads" "cmp -s '$tmp/one.jsonl' '$tmp/four.jsonl'"
check "input order kept" "head -1 '$tmp/four.jsonl' | grep -q '\"id\":\"a001\"' && tail -1 '$tmp/four.jsonl' | grep -q '\"id\":\"a040\"'"

printf 'No header here. The talks were held on Tuesday.\n' > "$tmp/undated.txt"
"$annals" extract --date 2024-04-02 "$tmp/undated.txt" > "$tmp/d.jsonl" 2> "$tmp/d.err"
check "--date gives the DCT" "grep -q '\"date\":\"2024-04-02\"' '$tmp/d.jsonl'"
"$annals" extract "$tmp/undated.txt" > "$tmp/u.jsonl" 2> "$tmp/u.err"; rc=$?
check "undated: still output, warned, exit 0" "[ $rc -eq 0 ] && grep -q '\"date\":null' '$tmp/u.jsonl' && grep -q 'no document date' '$tmp/u.err'"

"$annals" extract "$tmp/in/sub/a001.txt" "$tmp/missing.txt" > "$tmp/m.jsonl" 2> "$tmp/m.err"; rc=$?
check "missing file: exit 1, others still out, one-line error naming it" \
  "[ $rc -eq 1 ] && [ \$(wc -l < '$tmp/m.jsonl') -eq 1 ] && grep -q 'missing.txt' '$tmp/m.err'"

"$annals" extract --date 2024-13-45 "$tmp/undated.txt" > /dev/null 2>&1; rc=$?
check "bad --date: exit 2" "[ $rc -eq 2 ]"
"$annals" extract --no-such-flag x > /dev/null 2>&1; rc=$?
check "bad flag: exit 2" "[ $rc -eq 2 ]"

# An analyst's own dictionaries (PETRARCH actors, annals patterns) take part.
data=$(dirname "$0")/data
"$annals" extract "$data/zorbania.txt" > "$tmp/z0.jsonl"
"$annals" extract --petrarch-actors "$data/analyst.actors.txt" --patterns "$data/analyst.patterns.txt" \
  "$data/zorbania.txt" > "$tmp/z1.jsonl"; rc=$?
check "without the analyst's dictionaries: no event" "grep -q '\"events\":\[\]' '$tmp/z0.jsonl'"
check "with them: their codes and their rule" \
  "[ $rc -eq 0 ] && grep -q '\"cameo\":\"ZRB\"' '$tmp/z1.jsonl' && grep -q '\"rule\":\"verb:ANALYST_DENOUNCE\"' '$tmp/z1.jsonl'"
"$annals" extract --patterns "$tmp/no-such-file.txt" "$data/zorbania.txt" > /dev/null 2>&1; rc=$?
check "a missing pattern file: exit 2" "[ $rc -eq 2 ]"

if [ $fail -eq 0 ]; then echo "1 passed, 0 failed"; else echo "0 passed, 1 failed"; fi
exit $fail
