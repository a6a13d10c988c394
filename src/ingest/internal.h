// Internals shared by the ingest readers: byte sources (files, memory,
// decompressors), a buffered Input that hands out views without copying,
// and the ReadContext through which every reader emits documents and
// reports errors in the one-line "input: record N, byte X: what" form.
//
// Not part of the library's API; only src/ingest/*.cc and tests include it.
#ifndef ANNALS_INGEST_INTERNAL_H_
#define ANNALS_INGEST_INTERNAL_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/ingest.h"

namespace annals::ingest_internal {

// A stream of bytes. Read() returns 0 at the end or on error; status()
// then says which (OK at a clean end).
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  virtual size_t Read(char* buf, size_t n) = 0;
  const Status& status() const { return status_; }

 protected:
  Status status_;
};

// Reads a file descriptor (not closed unless `owned`).
std::unique_ptr<ByteSource> FdSource(int fd, bool owned);
// Reads bytes owned by the caller.
std::unique_ptr<ByteSource> MemorySource(std::string_view bytes);
// Looks at the first bytes of `raw`; returns a gzip (multi-member) or zstd
// decoder over it when they are the format's magic number, else `raw`
// itself (with the peeked bytes put back).
std::unique_ptr<ByteSource> Decoded(std::unique_ptr<ByteSource> raw);
// True if `head` starts with the gzip or zstd magic number.
bool LooksCompressed(std::string_view head);

// Inflates a gzip, zlib or raw deflate payload held in memory (an HTTP
// Content-Encoding), stopping with an error past `max_out` bytes.
Status InflateBuffer(std::string_view in, size_t max_out, std::string* out);

// Buffered reading over memory (zero copy) or a ByteSource. Views returned
// stay valid until the next call that reads or skips.
class Input {
 public:
  explicit Input(std::string_view bytes) : mem_(bytes), is_mem_(true) {}
  explicit Input(std::unique_ptr<ByteSource> src) : src_(std::move(src)) {}

  // Bytes already buffered from the current position (no reading).
  std::string_view Buffered() const;
  // At least `n` bytes from the current position, fewer only at the end.
  std::string_view Peek(size_t n);
  // Skips up to `n` bytes; returns how many were skipped.
  uint64_t Skip(uint64_t n);
  bool AtEnd() { return Peek(1).empty(); }
  // Offset of the current position from the start of the (decoded) input.
  uint64_t offset() const { return is_mem_ ? pos_ : base_ + pos_; }
  // Offset just past the last byte read so far.
  uint64_t read_end() const { return is_mem_ ? mem_.size() : base_ + buf_.size(); }
  // Why the input ended early (truncated gzip, read error); OK otherwise.
  const Status& error() const;

  enum class Line { kOk, kTooLong, kEnd };
  // Reads one line without its '\n'. A line longer than `max` is skipped
  // (kTooLong) without being buffered whole. `terminated` is false for a
  // last line with no newline.
  Line ReadLine(size_t max, std::string_view* line, uint64_t* line_offset, bool* terminated);
  // Everything left, or `too_long` when more than `max` bytes remain.
  std::string_view ReadAll(size_t max, bool* too_long);
  // Advances to the next occurrence of `needle` (which it does not skip);
  // returns false (at the end) when there is none.
  bool SkipTo(std::string_view needle);

 private:
  void Fill(size_t want);

  std::string_view mem_;
  bool is_mem_ = false;
  std::unique_ptr<ByteSource> src_;
  std::string buf_;
  size_t pos_ = 0;     // position in mem_ or buf_
  uint64_t base_ = 0;  // offset of buf_[0] in the stream
  bool eof_ = false;
};

// Where readers send documents and errors; keeps the first error.
class ReadContext {
 public:
  ReadContext(std::string_view name, const IngestOptions& options, const DocumentSink& sink,
              const ErrorSink& on_error);

  // At most this many error lines per input (then one line saying so).
  static constexpr uint64_t kMaxErrorsReported = 1000;
  // "name: record N, byte X: what", to on_error.
  void Error(uint64_t record, uint64_t offset, std::string_view what);
  // Fills provenance and the default date, then passes `doc` on. Returns
  // false once the sink asked to stop.
  bool Emit(Document&& doc);
  // Sets doc->text from raw bytes, repairing invalid UTF-8 (reported with
  // the input offset of the first bad byte; `base` is the offset of raw[0]).
  void SetText(Document* doc, std::string_view raw, uint64_t base);
  // After HtmlToDocument: makes sure the text is valid UTF-8.
  void CheckText(Document* doc);
  // "stem#N" for record N of a multi-record input.
  std::string RecordId(uint64_t record) const;

  std::string_view name() const { return name_; }
  const std::string& stem() const { return stem_; }
  const IngestOptions& options() const { return options_; }
  bool stopped() const { return stopped_; }
  Status first_error() const { return first_error_; }

  // The record being read, for errors found by the dispatcher (a stream
  // that ends early): readers call Begin() when a record starts and End()
  // once it is emitted or skipped.
  void Begin(uint64_t r) {
    record = r;
    record_open = true;
  }
  void End() { record_open = false; }
  uint64_t record = 0;
  bool record_open = false;

 private:
  std::string name_;
  std::string stem_;
  const IngestOptions& options_;
  const DocumentSink& sink_;
  const ErrorSink& on_error_;
  Status first_error_;
  bool stopped_ = false;
  uint64_t errors_ = 0;
};

// The file name without folders, compression suffix and extension;
// "stdin" for "-".
std::string InputStem(std::string_view name);

// Dates as feeds, WARC and JSONL write them: ISO 8601 date or date-time,
// RFC 822/1123 ("Tue, 02 Apr 2024 09:30:00 GMT"), "2 April 2024",
// "April 2, 2024". The calendar date as written (no time zone shift).
std::optional<CivilDate> ParseAnyDate(std::string_view s);

// windows-1252 (a superset of Latin-1's printable characters) to UTF-8.
void AppendWindows1252(std::string_view s, std::string* out);
// The charset an HTML payload declares (HTTP Content-Type, else a <meta>
// in its first 4 KB), lower case; empty when none.
std::string DeclaredCharset(std::string_view bytes, std::string_view content_type);
// An HTML payload as UTF-8: `bytes` itself when already valid UTF-8 (or
// declared UTF-8), else converted from its declared charset (windows-1252
// when none) into *storage.
std::string_view HtmlToUtf8(std::string_view bytes, std::string_view content_type,
                            std::string* storage);

// Text format: finds the "date YYYY-MM-DD" header. Returns the offset of
// the body; sets *date when a valid header is found, *bad_header when the
// header is there but its date is impossible.
size_t ParseTextHeader(std::string_view bytes, std::optional<CivilDate>* date, bool* bad_header);

// The readers. Each reads `in` to the end (or until the sink stops),
// emitting documents and reporting bad records through `ctx`.
void ReadText(Input& in, ReadContext& ctx);
void ReadHtml(Input& in, ReadContext& ctx);
void ReadJsonl(Input& in, ReadContext& ctx);
void ReadWarc(Input& in, ReadContext& ctx);
void ReadFeed(Input& in, ReadContext& ctx);

// ASCII case-insensitive equality (header names, XML element names).
inline bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    unsigned char x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x >= 'A' && x <= 'Z') x = static_cast<unsigned char>(x + 32);
    if (y >= 'A' && y <= 'Z') y = static_cast<unsigned char>(y + 32);
    if (x != y) return false;
  }
  return true;
}

}  // namespace annals::ingest_internal

#endif  // ANNALS_INGEST_INTERNAL_H_
