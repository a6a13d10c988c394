// Dispatch: opens an input (file, standard input or memory), undoes gzip
// or zstd compression by magic number, strips a UTF-8 byte order mark,
// detects the format from the first bytes (falling back to the file name)
// and hands the stream to that format's reader. Detection trusts content
// over names: "WARC/" and a "date YYYY-MM-DD" header are unambiguous, an
// XML prolog followed by <rss>, <feed> or <rdf:RDF> is a feed, other
// markup is HTML, and a leading '{' is JSONL. An input that ends early
// (truncated gzip, read error) is reported here, once, with the record
// that was being read.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "ingest/ingest.h"
#include "ingest/internal.h"

namespace annals {

std::optional<InputFormat> ParseInputFormat(std::string_view n) {
  if (n == "auto") return InputFormat::kAuto;
  if (n == "text" || n == "txt") return InputFormat::kText;
  if (n == "jsonl" || n == "ndjson") return InputFormat::kJsonl;
  if (n == "html") return InputFormat::kHtml;
  if (n == "warc") return InputFormat::kWarc;
  if (n == "rss" || n == "atom" || n == "feed") return InputFormat::kFeed;
  return std::nullopt;
}

const char* InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kWarc:
      return "warc";
    case InputFormat::kFeed:
      return "rss";
  }
  return "auto";
}

namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[i]) return false;
  }
  return true;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The first element after an XML/HTML prolog (declaration, comments,
// doctype, white space); empty if there is none within `head`.
std::string_view FirstElement(std::string_view head) {
  size_t i = 0;
  for (;;) {
    while (i < head.size() &&
           (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
      ++i;
    if (i >= head.size() || head[i] != '<') return {};
    std::string_view rest = head.substr(i);
    size_t end;
    if (rest.substr(0, 4) == "<!--") {
      end = rest.find("-->");
      if (end == std::string_view::npos) return {};
      i += end + 3;
    } else if (rest.substr(0, 2) == "<?" || rest.substr(0, 2) == "<!") {
      end = rest.find('>');
      if (end == std::string_view::npos) return {};
      i += end + 1;
    } else {
      return rest;
    }
  }
}

}  // namespace

InputFormat DetectFormat(std::string_view head, std::string_view name) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t i = 0;
  while (i < head.size() &&
         (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
    ++i;
  std::string_view h = head.substr(i);
  if (h.substr(0, 5) == "WARC/") return InputFormat::kWarc;
  std::optional<CivilDate> date;
  bool bad = false;
  if (ingest_internal::ParseTextHeader(head, &date, &bad) > 0) return InputFormat::kText;
  if (!h.empty() && h[0] == '<') {
    std::string_view first = FirstElement(h);
    for (std::string_view tag : {"<rss", "<feed", "<rdf:rdf"}) {
      if (StartsWithNoCase(first, tag) && first.size() > tag.size() &&
          (first[tag.size()] == ' ' || first[tag.size()] == '>' || first[tag.size()] == '\n' ||
           first[tag.size()] == '\r' || first[tag.size()] == '\t')) {
        return InputFormat::kFeed;
      }
    }
    if (StartsWithNoCase(h, "<?xml") && first.empty()) {
      // A prolog longer than the head: let the name decide below.
    } else {
      return InputFormat::kHtml;
    }
  }
  if (!h.empty() && h[0] == '{') return InputFormat::kJsonl;
  std::string file(name);
  for (std::string_view z : {".gz", ".zst", ".zstd"}) {
    if (EndsWith(file, z)) {
      file.resize(file.size() - z.size());
      break;
    }
  }
  for (char& c : file) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (EndsWith(file, ".jsonl") || EndsWith(file, ".ndjson") || EndsWith(file, ".json"))
    return InputFormat::kJsonl;
  if (EndsWith(file, ".warc")) return InputFormat::kWarc;
  if (EndsWith(file, ".html") || EndsWith(file, ".htm") || EndsWith(file, ".xhtml"))
    return InputFormat::kHtml;
  if (EndsWith(file, ".rss") || EndsWith(file, ".atom") || EndsWith(file, ".xml"))
    return InputFormat::kFeed;
  return InputFormat::kText;
}

namespace {

using ingest_internal::Input;
using ingest_internal::ReadContext;

Status Dispatch(Input& in, ReadContext& ctx) {
  if (in.Peek(3) == "\xEF\xBB\xBF") in.Skip(3);
  InputFormat format = ctx.options().format;
  if (format == InputFormat::kAuto) format = DetectFormat(in.Peek(8192), ctx.name());
  switch (format) {
    case InputFormat::kAuto:
    case InputFormat::kText:
      ingest_internal::ReadText(in, ctx);
      break;
    case InputFormat::kJsonl:
      ingest_internal::ReadJsonl(in, ctx);
      break;
    case InputFormat::kHtml:
      ingest_internal::ReadHtml(in, ctx);
      break;
    case InputFormat::kWarc:
      ingest_internal::ReadWarc(in, ctx);
      break;
    case InputFormat::kFeed:
      ingest_internal::ReadFeed(in, ctx);
      break;
  }
  if (!in.error().ok() && !ctx.stopped()) {
    uint64_t record = ctx.record_open ? ctx.record : ctx.record + 1;
    ctx.Error(record, in.read_end(), in.error().message());
  }
  return ctx.first_error();
}

}  // namespace

Status ReadBuffer(std::string_view bytes, std::string_view name, const IngestOptions& options,
                  const DocumentSink& sink, const ErrorSink& on_error) {
  ReadContext ctx(name, options, sink, on_error);
  if (ingest_internal::LooksCompressed(bytes)) {
    Input in(ingest_internal::Decoded(ingest_internal::MemorySource(bytes)));
    return Dispatch(in, ctx);
  }
  Input in(bytes);
  return Dispatch(in, ctx);
}

Status ReadInput(const std::string& path, const IngestOptions& options, const DocumentSink& sink,
                 const ErrorSink& on_error) {
  ReadContext ctx(path, options, sink, on_error);
  int fd = 0;
  if (path != "-") {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      ctx.Error(1, 0, std::string("cannot open: ") + std::strerror(errno));
      return ctx.first_error();
    }
  }
  Input in(ingest_internal::Decoded(ingest_internal::FdSource(fd, path != "-")));
  return Dispatch(in, ctx);
}

}  // namespace annals
