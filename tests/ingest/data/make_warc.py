#!/usr/bin/env python3
"""Writes crawl.warc, the WARC fixture of the ingest tests (run from this
folder). Pages are invented; the record layout follows WARC/1.1 as Common
Crawl's CC-NEWS writes it: warcinfo, then request/response/metadata per
fetch. Record 7 has a chunked, gzip-encoded HTTP body."""
import gzip
import uuid


def record(wtype, headers, block, uri=None, date="2024-05-14T08:00:00Z"):
    rid = "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "%s %s %d" % (wtype, uri, len(block)))
    lines = ["WARC/1.1", "WARC-Type: " + wtype, "WARC-Date: " + date, "WARC-Record-ID: " + rid]
    if uri:
        lines.append("WARC-Target-URI: " + uri)
    lines += headers
    lines.append("Content-Length: %d" % len(block))
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http(status, ctype, body, extra=()):
    head = ["HTTP/1.1 %s" % status, "Content-Type: " + ctype] + list(extra)
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


PAGE1 = b"""<!DOCTYPE html><html><head><title>Ministers meet in Lisbon</title></head>
<body><article><h1>Ministers meet in Lisbon</h1>
<p>Foreign ministers of Portugal and Spain met in Lisbon on Monday to discuss water sharing on the Tagus river.</p>
<p>The two governments agreed to set up a joint commission before the summer.</p></article></body></html>"""

PAGE2 = b"""<!DOCTYPE html><html><head><title>Port strike ends</title>
<meta property="article:published_time" content="2024-05-13T17:45:00+02:00"></head>
<body><article><p>Dock workers in Rotterdam ended a three-day strike on Monday after the port authority raised wages.</p></article></body></html>"""

PAGE3 = b"""<html><head><title>Archive note</title></head><body><p>Parliament approved the budget on Thursday.</p></body></html>"""


def chunked(data, size=50):
    out = b""
    for i in range(0, len(data), size):
        part = data[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def main():
    out = b""
    out += record("warcinfo", ["Content-Type: application/warc-fields"], b"software: annals-test\r\nformat: WARC File Format 1.1\r\n")
    u1 = "https://news.example.org/2024/05/lisbon-talks"
    out += record("request", ["Content-Type: application/http; msgtype=request"], b"GET /2024/05/lisbon-talks HTTP/1.1\r\nHost: news.example.org\r\n\r\n", u1)
    out += record("response", ["Content-Type: application/http; msgtype=response", "WARC-Identified-Payload-Type: text/html"], http("200 OK", "text/html; charset=utf-8", PAGE1), u1)
    out += record("metadata", ["Content-Type: application/warc-fields"], b"fetchTimeMs: 120\r\n", u1)
    out += record("response", ["Content-Type: application/http; msgtype=response"], http("200 OK", "image/jpeg", b"\xff\xd8\xff\xe0junk"), "https://news.example.org/logo.jpg")
    out += record("response", ["Content-Type: application/http; msgtype=response"], http("301 Moved Permanently", "text/html", b"<html>moved</html>", ["Location: https://news.example.org/"]), "http://news.example.org/")
    u2 = "https://port.example.net/news/strike-ends"
    body2 = chunked(gzip.compress(PAGE2, mtime=0))
    out += record("response", ["Content-Type: application/http; msgtype=response"], http("200 OK", "text/html", body2, ["Transfer-Encoding: chunked", "Content-Encoding: gzip"]), u2, date="2024-05-14T09:10:00Z")
    out += record("resource", ["Content-Type: text/html"], PAGE3, "file:///archive/note.html", date="2024-05-16T00:00:00Z")
    with open("crawl.warc", "wb") as f:
        f.write(out)


main()
