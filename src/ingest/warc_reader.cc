// WARC (ISO 28500, versions 1.0 and 1.1), plain or gzip-compressed, as
// Common Crawl writes CC-NEWS: each record is a header block, a blank line,
// Content-Length bytes and two CRLFs. Only `response` records carrying an
// HTTP 2xx response with an HTML payload (and `resource` records of type
// text/html, and WET `conversion` records of extracted text) become
// documents; request, metadata, warcinfo and revisit
// records, redirects and non-HTML payloads are skipped silently, as they
// are not articles. Records are numbered from 1 over all WARC records of the
// input, so "record N" in an error points at the Nth header in the file.
//
// Streaming: a record's block is Peek()ed only when it will be parsed;
// skipped blocks are read past chunk by chunk, so a multi-GB .warc.gz costs
// one record of memory. A block larger than max_record_bytes is reported
// and skipped. Junk between records is reported once and skipped up to the
// next line starting with "WARC/".
//
// Date: the page's own date (from HtmlToDocument) when it has one no later
// than the WARC-Date (a page cannot be published after it was fetched),
// else the WARC-Date. URL: the WARC-Target-URI, the address fetched.
#include <cctype>
#include <string>

#include "ingest/internal.h"

namespace annals::ingest_internal {
namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr size_t kMaxHeaderLines = 1000;


bool ContainsNoCase(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (EqualsNoCase(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Splits "Name: value"; false if there is no colon.
bool SplitHeader(std::string_view line, std::string_view* name, std::string_view* value) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  *name = Trim(line.substr(0, colon));
  *value = Trim(line.substr(colon + 1));
  return true;
}

bool ParseLength(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

struct WarcHeader {
  std::string type, target_uri, date, record_id, content_type, payload_type;
  uint64_t length = 0;
  bool has_length = false;
};

struct HttpResponse {
  int status = 0;
  std::string_view content_type, transfer_encoding, content_encoding;
  std::string_view body;
};

// Parses the HTTP status line and headers at the start of a response block.
bool ParseHttp(std::string_view block, HttpResponse* r) {
  if (block.substr(0, 5) != "HTTP/") return false;
  size_t eol = block.find('\n');
  if (eol == std::string_view::npos) return false;
  std::string_view status_line = block.substr(0, eol);
  size_t sp = status_line.find(' ');
  if (sp == std::string_view::npos || sp + 4 > status_line.size()) return false;
  for (size_t k = sp + 1; k < sp + 4; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(status_line[k]))) return false;
    r->status = r->status * 10 + (status_line[k] - '0');
  }
  size_t pos = eol + 1;
  for (;;) {
    if (pos >= block.size()) {
      r->body = {};
      return true;  // headers only
    }
    size_t e = block.find('\n', pos);
    std::string_view line =
        block.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = e == std::string_view::npos ? block.size() : e + 1;
    if (line.empty()) break;
    std::string_view name, value;
    if (!SplitHeader(line, &name, &value)) continue;
    if (EqualsNoCase(name, "Content-Type"))
      r->content_type = value;
    else if (EqualsNoCase(name, "Transfer-Encoding"))
      r->transfer_encoding = value;
    else if (EqualsNoCase(name, "Content-Encoding"))
      r->content_encoding = value;
  }
  r->body = block.substr(pos);
  return true;
}

// Undoes chunked transfer coding; false when the body is not chunked.
bool Dechunk(std::string_view in, std::string* out) {
  out->clear();
  size_t pos = 0;
  for (;;) {
    size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string_view line = in.substr(pos, eol - pos);
    size_t semi = line.find(';');
    if (semi != std::string_view::npos) line = line.substr(0, semi);
    line = Trim(line);
    if (line.empty() || line.size() > 15) return false;
    uint64_t size = 0;
    for (char c : line) {
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : (c >= 'a' && c <= 'f')                    ? c - 'a' + 10
              : (c >= 'A' && c <= 'F')                    ? c - 'A' + 10
                                                          : -1;
      if (d < 0) return false;
      size = size * 16 + static_cast<uint64_t>(d);
    }
    pos = eol + 1;
    if (size == 0) return true;
    if (size > in.size() - pos) return false;
    out->append(in.substr(pos, size));
    pos += size;
    if (in.substr(pos, 2) == "\r\n")
      pos += 2;
    else if (in.substr(pos, 1) == "\n")
      pos += 1;
  }
}

bool LooksLikeHtml(std::string_view body) {
  std::string_view head = body.substr(0, 1024);
  return ContainsNoCase(head, "<html") || ContainsNoCase(head, "<!doctype html") ||
         ContainsNoCase(head, "<head") || ContainsNoCase(head, "<body");
}

class WarcReader {
 public:
  WarcReader(Input& in, ReadContext& ctx) : in_(in), ctx_(ctx) {}

  void Run() {
    uint64_t rec = 0;
    while (!ctx_.stopped()) {
      // Records end with CRLF CRLF; tolerate more or fewer blank lines.
      for (;;) {
        std::string_view b = in_.Peek(1);
        if (b.empty() || (b[0] != '\r' && b[0] != '\n')) break;
        in_.Skip(1);
      }
      if (in_.AtEnd()) return;
      const uint64_t start = in_.offset();
      ctx_.Begin(++rec);
      if (in_.Peek(5) != "WARC/") {
        ctx_.Error(rec, start, "not a WARC record header; skipping to the next \"WARC/\" line");
        ctx_.End();
        if (!in_.SkipTo("\nWARC/")) return;
        in_.Skip(1);
        continue;
      }
      WarcHeader h;
      if (!ReadHeader(rec, start, &h)) return;
      if (!h.has_length) {
        ctx_.Error(rec, start,
                   "bad WARC header (no valid Content-Length, or over-long lines); skipping to the "
                   "next record");
        ctx_.End();
        if (!in_.SkipTo("\nWARC/")) return;
        in_.Skip(1);
        continue;
      }
      const bool wanted = h.type == "response" || h.type == "resource" || h.type == "conversion";
      const uint64_t max = ctx_.options().max_record_bytes;
      if (!wanted || h.length > max) {
        if (wanted) {
          ctx_.Error(rec, start,
                     "record block of " + std::to_string(h.length) + " bytes is larger than " +
                         std::to_string(max) + "; skipped");
        }
        const uint64_t got = in_.Skip(h.length);
        if (got < h.length) {
          Truncated(rec, start, h.length, got);
          return;
        }
        ctx_.End();
        continue;
      }
      std::string_view block = in_.Peek(static_cast<size_t>(h.length));
      if (block.size() < h.length) {
        Truncated(rec, start, h.length, block.size());
        return;
      }
      Process(rec, start, h, block);
      in_.Skip(h.length);
      ctx_.End();
    }
  }

 private:
  void Truncated(uint64_t rec, uint64_t start, uint64_t want, uint64_t got) {
    if (!in_.error().ok()) return;  // the stream broke: the dispatcher says so
    ctx_.Error(rec, start,
               "truncated WARC record: Content-Length " + std::to_string(want) + " but only " +
                   std::to_string(got) + " bytes left");
    ctx_.End();
  }

  // Reads the header block up to its blank line. False when the input
  // ended inside it (reported).
  bool ReadHeader(uint64_t rec, uint64_t start, WarcHeader* h) {
    bool first = true;
    for (size_t n = 0;; ++n) {
      std::string_view line;
      uint64_t off = 0;
      bool terminated = true;
      Input::Line r = in_.ReadLine(kMaxHeaderLine, &line, &off, &terminated);
      if (r == Input::Line::kEnd || (r == Input::Line::kOk && !terminated)) {
        if (in_.error().ok()) {
          ctx_.Error(rec, start, "truncated WARC record: input ends inside the header");
          ctx_.End();
        }
        return false;
      }
      if (r == Input::Line::kTooLong || n >= kMaxHeaderLines) {
        h->has_length = false;  // the caller reports and resynchronises
        return true;
      }
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (first) {
        first = false;
        continue;  // "WARC/1.0"
      }
      if (line.empty()) return true;
      std::string_view name, value;
      if (!SplitHeader(line, &name, &value)) continue;
      if (EqualsNoCase(name, "WARC-Type"))
        h->type.assign(value);
      else if (EqualsNoCase(name, "Content-Length"))
        h->has_length = ParseLength(value, &h->length);
      else if (EqualsNoCase(name, "WARC-Target-URI"))
        h->target_uri.assign(value);
      else if (EqualsNoCase(name, "WARC-Date"))
        h->date.assign(value);
      else if (EqualsNoCase(name, "WARC-Record-ID"))
        h->record_id.assign(value);
      else if (EqualsNoCase(name, "Content-Type"))
        h->content_type.assign(value);
      else if (EqualsNoCase(name, "WARC-Identified-Payload-Type"))
        h->payload_type.assign(value);
    }
  }

  void Process(uint64_t rec, uint64_t start, const WarcHeader& h, std::string_view block) {
    std::string_view payload = block;
    std::string_view content_type = h.content_type;
    if (h.type == "conversion") {
      // WET files: the crawler's plain-text extraction of a page.
      if (!ContainsNoCase(h.content_type, "text/plain")) return;
      Document doc;
      doc.record = rec;
      ctx_.SetText(&doc, block, in_.offset());
      Finish(rec, start, h, std::move(doc));
      return;
    }
    if (ContainsNoCase(h.content_type, "application/http")) {
      if (!ContainsNoCase(h.content_type, "response") && h.type != "response") return;
      HttpResponse r;
      if (!ParseHttp(block, &r)) {
        ctx_.Error(rec, start, "response record does not hold an HTTP response; skipped");
        return;
      }
      if (r.status < 200 || r.status >= 300) return;  // redirects, errors: not articles
      const bool html = !r.content_type.empty()   ? ContainsNoCase(r.content_type, "html")
                        : !h.payload_type.empty() ? ContainsNoCase(h.payload_type, "html")
                                                  : LooksLikeHtml(r.body);
      if (!html) return;
      payload = r.body;
      content_type = r.content_type;
      if (ContainsNoCase(r.transfer_encoding, "chunked") && Dechunk(payload, &dechunked_))
        payload = dechunked_;
      std::string_view ce = r.content_encoding;
      if (!ce.empty() && !EqualsNoCase(ce, "identity")) {
        if (ContainsNoCase(ce, "gzip") || ContainsNoCase(ce, "deflate")) {
          // Crawlers often store the decoded payload but keep the header.
          if (!LooksLikeHtml(payload)) {
            Status st = InflateBuffer(payload, ctx_.options().max_record_bytes, &inflated_);
            if (!st.ok()) {
              ctx_.Error(rec, start, "HTTP payload: " + st.message() + "; skipped");
              return;
            }
            payload = inflated_;
          }
        } else if (!LooksLikeHtml(payload)) {
          ctx_.Error(
              rec, start,
              "unsupported Content-Encoding '" + std::string(ce.substr(0, 20)) + "'; skipped");
          return;
        }
      }
    } else if (!ContainsNoCase(h.content_type, "html")) {
      return;
    }
    Document doc;
    Status st = HtmlToDocument(HtmlToUtf8(payload, content_type, &converted_), &doc);
    if (!st.ok()) {
      ctx_.Error(rec, start, "html: " + st.message());
      return;
    }
    ctx_.CheckText(&doc);
    Finish(rec, start, h, std::move(doc));
  }

  void Finish(uint64_t rec, uint64_t start, const WarcHeader& h, Document&& doc) {
    std::string_view id = h.record_id;
    if (id.size() >= 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
    doc.id = id.empty() ? ctx_.RecordId(rec) : std::string(id);
    if (!h.target_uri.empty()) {
      std::string_view uri = h.target_uri;
      // WARC 1.0 examples wrap the URI in angle brackets.
      if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>')
        uri = uri.substr(1, uri.size() - 2);
      doc.url.assign(uri);
    }
    std::optional<CivilDate> fetched = ParseIsoDate(h.date);
    if (fetched && (!doc.dct || *doc.dct > *fetched)) doc.dct = fetched;
    doc.record = rec;
    doc.input_offset = start;
    ctx_.End();
    ctx_.Emit(std::move(doc));
  }

  Input& in_;
  ReadContext& ctx_;
  std::string dechunked_;
  std::string inflated_;
  std::string converted_;
};

}  // namespace

void ReadWarc(Input& in, ReadContext& ctx) { WarcReader(in, ctx).Run(); }

}  // namespace annals::ingest_internal
