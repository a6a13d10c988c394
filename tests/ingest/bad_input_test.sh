#!/usr/bin/env bash
# Drives `annals extract` over generated bad inputs and checks the contract
# of issue 2: each bad record gives one error line on standard error that
# names the input, the record and the byte offset; every other document
# still comes out; the exit code is 1 when anything failed and 0 on clean
# input. Usage: bad_input_test.sh path/to/annals
set -u
annals=${1:?usage: bad_input_test.sh ANNALS_BINARY}
if [ ! -x "$annals" ]; then
  echo "FAIL: no annals binary at $annals"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0

# run NAME EXPECTED_EXIT EXPECTED_DOCS ERROR_REGEX ARGS...
# ERROR_REGEX ("" for none) must match a stderr line; stderr must hold no
# other error lines than those of the regex's input.
run() {
  local name=$1 want_rc=$2 want_docs=$3 want_err=$4
  shift 4
  "$annals" extract "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  local docs
  docs=$(grep -c '^{' "$tmp/out")
  local ok=1
  [ "$rc" -eq "$want_rc" ] || { echo "FAIL $name: exit $rc, want $want_rc"; ok=0; }
  [ "$docs" -eq "$want_docs" ] || { echo "FAIL $name: $docs documents, want $want_docs"; ok=0; }
  if [ -n "$want_err" ]; then
    grep -Eq "$want_err" "$tmp/err" || { echo "FAIL $name: no stderr line matching: $want_err"; ok=0; }
  fi
  # Every error line has the "annals: INPUT: record N, byte X: ..." form.
  if grep -v '^annals: .*: record [0-9][0-9]*, byte [0-9][0-9]*: ' "$tmp/err" | grep -q .; then
    echo "FAIL $name: stderr lines without input/record/byte:"; grep -v ': record [0-9]*, byte [0-9]*: ' "$tmp/err" | head -3
    ok=0
  fi
  if [ $ok -eq 0 ]; then
    fails=$((fails + 1))
    echo "--- stderr:"; head -c 600 "$tmp/err"; echo
  else
    echo "ok   $name"
  fi
}

good1='{"id":"g1","date":"2024-04-02","text":"Officials in Lima met on Tuesday."}'
good2='{"id":"g2","date":"2024-04-03","text":"Talks continued in Quito on Wednesday."}'

# Clean inputs: exit 0.
printf '%s\n%s\n' "$good1" "$good2" >"$tmp/clean.jsonl"
printf '  date 2024-04-02  The council met on Monday.\n' >"$tmp/clean.txt"
run clean 0 3 "" "$tmp/clean.jsonl" "$tmp/clean.txt"
gzip -c "$tmp/clean.jsonl" >"$tmp/clean.jsonl.gz"
run clean-gzip 0 2 "" "$tmp/clean.jsonl.gz"
run clean-stdin 0 2 "" - <"$tmp/clean.jsonl"

# A JSONL line that is not JSON: record 2 at byte (length of line 1 + 1).
off=$(( ${#good1} + 1 ))
printf '%s\n{"id": oops}\n%s\n' "$good1" "$good2" >"$tmp/notjson.jsonl"
run jsonl-not-json 1 2 "^annals: $tmp/notjson.jsonl: record 2, byte $off: " "$tmp/notjson.jsonl"

# Truncated gzip: the records before the cut come out.
python3 - "$tmp/many.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(4000):
        f.write('{"id":"r%d","date":"2024-04-02","text":"Record %d of the feed, %d."}\n' % (i, i, i * 7919))
PY
gzip -c "$tmp/many.jsonl" >"$tmp/many.jsonl.gz"
size=$(stat -c %s "$tmp/many.jsonl.gz")
head -c $((size / 2)) "$tmp/many.jsonl.gz" >"$tmp/cut.jsonl.gz"
"$annals" extract "$tmp/cut.jsonl.gz" >"$tmp/out" 2>"$tmp/err"
rc=$?
n=$(grep -c '^{' "$tmp/out")
if [ $rc -eq 1 ] && [ "$n" -gt 100 ] && [ "$n" -lt 4000 ] &&
   grep -Eq "^annals: $tmp/cut.jsonl.gz: record $((n + 1)), byte [0-9]+: gzip: truncated" "$tmp/err"; then
  echo "ok   truncated-gzip ($n documents before the cut)"
else
  echo "FAIL truncated-gzip: exit $rc, $n documents"; head -3 "$tmp/err"; fails=$((fails + 1))
fi

# Truncated WARC record after a good one.
python3 - "$tmp/cut.warc" <<'PY'
import sys
page = b"<html><head><title>Harbour</title></head><body><p>The harbour in Valparaiso reopened on Friday.</p></body></html>"
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
def rec(block, uri):
    h = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2024-05-03T10:00:00Z\r\nWARC-Target-URI: %s\r\n"
         "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % (uri, len(block))).encode()
    return h + block + b"\r\n\r\n"
good = rec(http, "https://example.cl/harbour")
bad = rec(http, "https://example.cl/cut")
with open(sys.argv[1], "wb") as f:
    f.write(good + bad[:len(bad) - 60])
with open(sys.argv[1] + ".offset", "w") as f:
    f.write(str(len(good)))
PY
run truncated-warc 1 1 "^annals: $tmp/cut.warc: record 2, byte $(cat "$tmp/cut.warc.offset"): truncated WARC record" "$tmp/cut.warc"

# A 50 MB single line between good JSONL records.
{ printf '%s\n' "$good1"; head -c 52428800 /dev/zero | tr '\0' 'x'; printf '\n%s\n' "$good2"; } >"$tmp/big.jsonl"
run fifty-mb-line 1 2 "^annals: $tmp/big.jsonl: record 2, byte $off: " "$tmp/big.jsonl"

# Binary junk: reported with a position, nothing crashes, other inputs survive.
python3 -c "
import random, sys
r = random.Random(7)
sys.stdout.buffer.write(bytes(r.getrandbits(8) for _ in range(20000)))" >"$tmp/junk.jsonl"
run binary-junk 1 2 "^annals: $tmp/junk.jsonl: record [0-9]+, byte [0-9]+: " "$tmp/junk.jsonl" "$tmp/clean.jsonl"

# Invalid UTF-8: repaired (document kept), reported at the bad byte.
printf 'date 2024-04-02 Caf\xe9 owners met.' >"$tmp/latin.txt"
run invalid-utf8 1 1 "^annals: $tmp/latin.txt: record 1, byte 19: invalid UTF-8" "$tmp/latin.txt"
grep -q 'Caf\\ufffd\|Caf�' <("$annals" extract --with-text "$tmp/latin.txt" 2>/dev/null) ||
  { echo "FAIL invalid-utf8: no U+FFFD in the text"; fails=$((fails + 1)); }

# Missing date: not an error (exit 0); the CLI warns with the position.
printf '{"id":"nd","text":"Ministers met."}\n' >"$tmp/nodate.jsonl"
run missing-date 0 1 "^annals: $tmp/nodate.jsonl: record 1, byte 0: no document date" "$tmp/nodate.jsonl"
run missing-date-with-date 0 1 "" --date 2024-04-02 "$tmp/nodate.jsonl"

# Unreadable file next to a good one.
run unreadable 1 2 "^annals: $tmp/absent.jsonl: record 1, byte 0: cannot open" "$tmp/absent.jsonl" "$tmp/clean.jsonl"
if [ "$(id -u)" -ne 0 ]; then
  cp "$tmp/clean.jsonl" "$tmp/noperm.jsonl"; chmod 000 "$tmp/noperm.jsonl"
  run no-permission 1 2 "^annals: $tmp/noperm.jsonl: record 1, byte 0: cannot open" "$tmp/noperm.jsonl" "$tmp/clean.jsonl"
fi

# A folder is read recursively, in name order.
mkdir -p "$tmp/dir/sub"
cp "$tmp/clean.jsonl" "$tmp/dir/a.jsonl"; cp "$tmp/notjson.jsonl" "$tmp/dir/sub/b.jsonl"
run folder 1 4 "^annals: $tmp/dir/sub/b.jsonl: record 2, byte $off: " "$tmp/dir"

if [ $fails -ne 0 ]; then
  echo "bad_input_test: $fails failure(s)"
  exit 1
fi
echo "bad_input_test: all passed"
