// PLACEHOLDER reader until the ingest work of issue 2 lands: reads the
// text format ("date YYYY-MM-DD" header) only.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/utf8.h"
#include "ingest/ingest.h"

namespace annals {

std::optional<InputFormat> ParseInputFormat(std::string_view n) {
  if (n == "auto") return InputFormat::kAuto;
  if (n == "text") return InputFormat::kText;
  if (n == "jsonl") return InputFormat::kJsonl;
  if (n == "html") return InputFormat::kHtml;
  if (n == "warc") return InputFormat::kWarc;
  if (n == "rss" || n == "atom" || n == "feed") return InputFormat::kFeed;
  return std::nullopt;
}

const char* InputFormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto: return "auto";
    case InputFormat::kText: return "text";
    case InputFormat::kJsonl: return "jsonl";
    case InputFormat::kHtml: return "html";
    case InputFormat::kWarc: return "warc";
    case InputFormat::kFeed: return "rss";
  }
  return "auto";
}

InputFormat DetectFormat(std::string_view, std::string_view) { return InputFormat::kText; }


Status ReadBuffer(std::string_view bytes, std::string_view name, const IngestOptions& options,
                  const DocumentSink& sink, const ErrorSink& on_error) {
  Document doc;
  doc.input = std::string(name);
  doc.record = 1;
  doc.id = std::filesystem::path(std::string(name)).stem().string();
  size_t i = 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) ++i;
  if (bytes.substr(i, 5) == "date ") {
    doc.dct = ParseIsoDate(bytes.substr(i + 5, 10));
    i += 15;
    while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t')) ++i;
  } else {
    i = 0;
  }
  if (!doc.dct) doc.dct = options.default_date;
  doc.invalid_utf8 = RepairUtf8(bytes.substr(i), &doc.text);
  sink(std::move(doc));
  return Status::Ok();
}

Status ReadInput(const std::string& path, const IngestOptions& options, const DocumentSink& sink,
                 const ErrorSink& on_error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Status s = Status::IoError(path + ": cannot open");
    on_error(s);
    return s;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ReadBuffer(ss.str(), path, options, sink, on_error);
}

}  // namespace annals
