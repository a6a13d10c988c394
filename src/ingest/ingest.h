// The ingest stage: reads inputs of every supported format into Documents,
// finding the document creation time, and reports bad input without losing
// the other documents.
//
// Contract: a DocumentReader yields documents one at a time in input order.
// Errors are one line naming the input, the record and the byte offset;
// a bad record is reported through the error callback and skipped, a fatal
// input error (unreadable file, truncated gzip) ends that input after the
// documents read so far. Not thread-safe; use one reader per input.
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
