// The ingest stage: reads inputs of every supported format into Documents,
// finding the document creation time, and reports bad input without losing
// the other documents.
//
// Formats (detected from the first bytes, else the file name; --format
// overrides): text with an optional "date YYYY-MM-DD" header; JSONL
// ({"id","url","date","title","text"|"html"} per line); one HTML page;
// WARC/WET (HTTP 2xx responses with HTML payloads, resource records of
// type text/html, conversion records of text/plain); RSS 2.0, RSS 1.0 and
// Atom (one document per item/entry). gzip (multi-member) and zstd are
// undone transparently, by magic number.
//
// Contract: ReadInput/ReadBuffer pass documents to the sink one at a time,
// in input order.
// Errors are one line, "INPUT: record N, byte X: what"; a bad record is
// reported through the error callback and skipped, a fatal input error
// (unreadable file, truncated gzip or WARC) ends that input after the
// documents read so far. Invalid UTF-8 is replaced with U+FFFD, counted in
// Document::invalid_utf8 and reported, and the document is kept. Records
// are 1-based (JSONL: the line number; WARC: the record among all WARC
// records; feeds: the item); byte offsets count from the start of the
// decoded input (after gzip/zstd). A missing date is not an error here:
// IngestOptions::default_date applies. Ids: the input's own id (JSONL "id",
// WARC-Record-ID, feed guid/id), else the file name without extension,
// plus "#N" for record N of a multi-record input. Not thread-safe; use one
// reader per input.
#ifndef ANNALS_INGEST_INGEST_H_
#define ANNALS_INGEST_INGEST_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "annals/date.h"
#include "annals/document.h"
#include "annals/status.h"

namespace annals {

enum class InputFormat : uint8_t { kAuto, kText, kJsonl, kHtml, kWarc, kFeed };
// Parses "auto", "text", "jsonl", "html", "warc", "rss"/"atom"/"feed".
std::optional<InputFormat> ParseInputFormat(std::string_view name);
const char* InputFormatName(InputFormat f);

// Detects the format from the (decompressed) first bytes and the file name.
InputFormat DetectFormat(std::string_view head, std::string_view name);

struct IngestOptions {
  InputFormat format = InputFormat::kAuto;
  std::optional<CivilDate> default_date;  // --date: DCT when the input has none
  size_t max_record_bytes = 64u << 20;    // larger records are reported and skipped
};

// Called for every document, in input order. Return false to stop.
using DocumentSink = std::function<bool(Document&&)>;
// Called for every recoverable or fatal error with a one-line message.
using ErrorSink = std::function<void(const Status&)>;

// Reads one input (a file path, or "-" for standard input; gzip/zstd
// compressed files are decompressed transparently) and passes each document
// to `sink`. Returns OK if every record was read, else the first error (all
// errors also went to `on_error`).
Status ReadInput(const std::string& path, const IngestOptions& options, const DocumentSink& sink,
                 const ErrorSink& on_error);

// Same, over bytes already in memory (`name` is used for ids and errors).
Status ReadBuffer(std::string_view bytes, std::string_view name, const IngestOptions& options,
                  const DocumentSink& sink, const ErrorSink& on_error);

// HTML page -> Document text, blocks (layout facts for the clean stage),
// title, URL (canonical) and date from the page's metadata.
Status HtmlToDocument(std::string_view html, Document* doc);

}  // namespace annals

#endif  // ANNALS_INGEST_INGEST_H_
