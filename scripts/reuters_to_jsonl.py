#!/usr/bin/env python3
"""Reuters-21578 (SGML, reut2-NNN.sgm[.gz]) to annals JSONL on stdout.

Usage: reuters_to_jsonl.py [--all] PATH...
PATH is a .sgm or .sgm.gz file or a folder holding them (read in name
order). Reads the shared data where it lies; nothing is copied into the
project. One line per story: {"id": NEWID, "date": "YYYY-MM-DD" from
<DATE>, "title", "text": the <BODY>}. Stories without a body are left out
unless --all is given (their text is then the title). The files are
Latin-1 with SGML character references (&lt; &amp; &#3; ...); references
to control characters (the &#2;/&#3; that frame a story) are dropped.
"""
import gzip
import html
import json
import os
import re
import sys

STORY = re.compile(rb"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
NEWID = re.compile(rb'NEWID="(\d+)"')
MONTHS = {m: i + 1 for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])}
DATE = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})")
CONTROL_REF = re.compile(r"&#(\d+);")


def element(story, tag):
    m = re.search(rb"<" + tag + rb"\b[^>]*>(.*?)</" + tag + rb">", story, re.S)
    return None if m is None else m.group(1)


def decode(raw):
    """Latin-1 bytes with SGML references -> str, control characters out."""
    text = raw.decode("latin-1")

    def ref(m):
        n = int(m.group(1))
        return "" if n < 32 and n not in (9, 10) else m.group(0)

    text = CONTROL_REF.sub(ref, text)
    text = html.unescape(text)
    return "".join(c for c in text if c >= " " or c in "\n\t")


def iso_date(raw):
    m = DATE.search(raw)
    if not m:
        return None
    month = MONTHS.get(m.group(2).upper())
    if month is None:
        return None
    return "%s-%02d-%02d" % (m.group(3), month, int(m.group(1)))


def inputs(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith(".sgm") or name.endswith(".sgm.gz"):
                    yield os.path.join(p, name)
        else:
            yield p


def convert(path, include_all, out):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    n = 0
    for m in STORY.finditer(data):
        attrs, story = m.group(1), m.group(2)
        idm = NEWID.search(attrs)
        date_raw = element(story, b"DATE")
        title_raw = element(story, b"TITLE")
        body_raw = element(story, b"BODY")
        title = decode(title_raw).strip() if title_raw is not None else None
        if body_raw is None and not include_all:
            continue
        text = decode(body_raw).rstrip() if body_raw is not None else (title or "")
        rec = {
            "id": idm.group(1).decode() if idm else None,
            "date": iso_date(decode(date_raw)) if date_raw is not None else None,
            "title": title,
            "text": text,
        }
        out.write(json.dumps(rec, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def main(argv):
    include_all = "--all" in argv
    paths = [a for a in argv if a != "--all"]
    if not paths:
        sys.stderr.write(__doc__)
        return 2
    out = open(sys.stdout.fileno(), "w", encoding="utf-8", newline="\n", closefd=False)
    total = 0
    for path in inputs(paths):
        try:
            total += convert(path, include_all, out)
        except OSError as e:
            sys.stderr.write("reuters_to_jsonl: %s: %s\n" % (path, e))
            return 1
    out.flush()
    sys.stderr.write("reuters_to_jsonl: %d stories\n" % total)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
