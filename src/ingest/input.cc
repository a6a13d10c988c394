// Input: one buffer over a byte source, read in large chunks and compacted
// only when a request does not fit, so that a line reader touches each byte
// a bounded number of times. Over memory it is a plain cursor (no copy).
// ReadContext: the one place that formats error lines and fills document
// provenance, so every reader reports errors the same way. Also the loose
// date parser shared by the JSONL, WARC and feed readers.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>

#include "core/utf8.h"
#include "ingest/internal.h"

namespace annals::ingest_internal {

namespace {
constexpr size_t kChunk = 256 << 10;
}  // namespace

std::string_view Input::Buffered() const {
  if (is_mem_) return mem_.substr(pos_);
  return std::string_view(buf_).substr(pos_);
}

const Status& Input::error() const {
  static const Status kOk;
  return src_ ? src_->status() : kOk;
}

void Input::Fill(size_t want) {
  if (is_mem_ || eof_) return;
  if (buf_.size() - pos_ >= want) return;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    base_ += pos_;
    pos_ = 0;
  }
  while (buf_.size() < want && !eof_) {
    const size_t old = buf_.size();
    // Fixed-size reads: asking for `want` at once would zero-fill (resize)
    // up to max_record_bytes for every small file.
    const size_t ask = kChunk;
    buf_.resize(old + ask);
    const size_t got = src_->Read(buf_.data() + old, ask);
    buf_.resize(old + got);
    if (got == 0) eof_ = true;
  }
}

std::string_view Input::Peek(size_t n) {
  Fill(n);
  return Buffered().substr(0, n);
}

uint64_t Input::Skip(uint64_t n) {
  if (is_mem_) {
    n = std::min<uint64_t>(n, mem_.size() - pos_);
    pos_ += n;
    return n;
  }
  uint64_t done = 0;
  while (done < n) {
    if (buf_.size() == pos_) {
      // Drop the buffer and read the next chunk straight into it.
      base_ += buf_.size();
      buf_.clear();
      pos_ = 0;
      Fill(static_cast<size_t>(std::min<uint64_t>(n - done, kChunk)));
      if (buf_.empty()) break;
    }
    const uint64_t take = std::min<uint64_t>(n - done, buf_.size() - pos_);
    pos_ += take;
    done += take;
  }
  return done;
}

Input::Line Input::ReadLine(size_t max, std::string_view* line, uint64_t* line_offset,
                            bool* terminated) {
  *line_offset = offset();
  std::string_view have = Buffered();
  size_t nl = have.find('\n');
  while (nl == std::string_view::npos) {
    if (have.size() > max) {
      // Too long: skip to the end of the line without keeping it.
      for (;;) {
        std::string_view b = Buffered();
        size_t k = b.find('\n');
        if (k != std::string_view::npos) {
          Skip(k + 1);
          *terminated = true;
          return Line::kTooLong;
        }
        Skip(b.size());
        if (Peek(1).empty()) {
          *terminated = false;
          return Line::kTooLong;
        }
      }
    }
    const size_t scanned = have.size();
    have = Peek(scanned + kChunk);
    if (have.size() == scanned) break;  // end of input
    nl = have.find('\n', scanned);
  }
  if (nl == std::string_view::npos) {
    if (have.empty()) return Line::kEnd;
    *line = have;
    *terminated = false;
    Skip(have.size());
    // The view stays valid: Skip within the buffer does not move bytes.
    return Line::kOk;
  }
  *terminated = true;
  if (nl > max) {
    Skip(nl + 1);
    return Line::kTooLong;
  }
  *line = have.substr(0, nl);
  Skip(nl + 1);
  return Line::kOk;
}

std::string_view Input::ReadAll(size_t max, bool* too_long) {
  std::string_view all = Peek(max < SIZE_MAX ? max + 1 : max);
  *too_long = all.size() > max;
  if (*too_long) return {};
  Skip(all.size());
  return all;
}

bool Input::SkipTo(std::string_view needle) {
  for (;;) {
    std::string_view have = Peek(std::max(needle.size(), kChunk));
    if (have.size() < needle.size()) {
      Skip(have.size());
      return false;
    }
    size_t k = have.find(needle);
    if (k != std::string_view::npos) {
      Skip(k);
      return true;
    }
    // Keep the last needle.size()-1 bytes: the needle may straddle chunks.
    Skip(have.size() - needle.size() + 1);
  }
}

ReadContext::ReadContext(std::string_view name, const IngestOptions& options,
                         const DocumentSink& sink, const ErrorSink& on_error)
    : name_(name), stem_(InputStem(name)), options_(options), sink_(sink), on_error_(on_error) {}

void ReadContext::Error(uint64_t record, uint64_t offset, std::string_view what) {
  std::string msg = name_;
  msg += ": record ";
  msg += std::to_string(record);
  msg += ", byte ";
  msg += std::to_string(offset);
  msg += ": ";
  // One line, whatever the cause says.
  for (char c : what) msg.push_back(c == '\n' || c == '\r' ? ' ' : c);
  ++errors_;
  if (errors_ == kMaxErrorsReported + 1) {
    // A binary file read as JSONL would otherwise print a line per '\n'.
    msg = name_ + ": record " + std::to_string(record) + ", byte " + std::to_string(offset) +
          ": more than " + std::to_string(kMaxErrorsReported) +
          " errors; the rest of this input's errors are not shown";
  }
  Status s = Status::InvalidInput(std::move(msg));
  if (on_error_ && errors_ <= kMaxErrorsReported + 1) on_error_(s);
  if (first_error_.ok()) first_error_ = std::move(s);
}

bool ReadContext::Emit(Document&& doc) {
  if (stopped_) return false;
  doc.input = name_;
  if (!doc.dct) doc.dct = options_.default_date;
  if (sink_ && !sink_(std::move(doc))) stopped_ = true;
  return !stopped_;
}

void ReadContext::SetText(Document* doc, std::string_view raw, uint64_t base) {
  size_t first_bad = 0;
  doc->invalid_utf8 = RepairUtf8(raw, &doc->text, &first_bad);
  if (doc->invalid_utf8 > 0) {
    Error(doc->record, base + first_bad,
          "invalid UTF-8 (" + std::to_string(doc->invalid_utf8) +
              " sequence(s) replaced with U+FFFD)");
  }
}

void ReadContext::CheckText(Document* doc) {
  if (ValidUtf8Prefix(doc->text) == doc->text.size()) return;
  std::string raw = std::move(doc->text);
  doc->invalid_utf8 += RepairUtf8(raw, &doc->text);
}

std::string ReadContext::RecordId(uint64_t record) const {
  return stem_ + "#" + std::to_string(record);
}

std::string InputStem(std::string_view name) {
  if (name == "-" || name.empty()) return "stdin";
  std::string file = std::filesystem::path(std::string(name)).filename().string();
  for (std::string_view z : {".gz", ".zst", ".zstd"}) {
    if (file.size() > z.size() && file.compare(file.size() - z.size(), z.size(), z) == 0) {
      file.resize(file.size() - z.size());
      break;
    }
  }
  size_t dot = file.rfind('.');
  if (dot != std::string::npos && dot > 0) file.resize(dot);
  return file;
}

namespace {

int MonthFromName(std::string_view w) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  if (w.size() < 3) return 0;
  char l[3];
  for (int i = 0; i < 3; ++i)
    l[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(w[i])));
  for (int m = 0; m < 12; ++m) {
    if (std::memcmp(l, kMonths[m], 3) == 0) return m + 1;
  }
  return 0;
}

}  // namespace

std::optional<CivilDate> ParseAnyDate(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  if (s.empty()) return std::nullopt;
  if (auto d = ParseIsoDate(s)) return d;
  if (s.size() >= 10 && std::isdigit(static_cast<unsigned char>(s[0]))) {
    // An ISO date followed by anything else ("2024-04-02 09:30 UTC").
    if (auto d = ParseIsoDate(s.substr(0, 10));
        d && (s.size() == 10 || !std::isdigit(static_cast<unsigned char>(s[10]))))
      return d;
  }
  // Word-based forms: pick the day, the month name and the year out of the
  // first few words, ignoring a weekday and the time.
  int day = 0, month = 0, year = 0;
  size_t i = 0;
  int words = 0;
  while (i < s.size() && words < 6) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',' || s[i] == '\t' || s[i] == '-' ||
                            s[i] == '.' || s[i] == '/'))
      ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != ',' && s[j] != '\t' && s[j] != '-' &&
           s[j] != '.' && s[j] != '/')
      ++j;
    std::string_view w = s.substr(i, j - i);
    i = j;
    if (w.empty()) break;
    ++words;
    if (std::isdigit(static_cast<unsigned char>(w[0]))) {
      if (w.find(':') != std::string_view::npos) continue;  // a time
      int v = 0;
      size_t k = 0;
      while (k < w.size() && std::isdigit(static_cast<unsigned char>(w[k])) && v < 100000)
        v = v * 10 + (w[k++] - '0');
      if (k == w.size() ||
          (k + 2 == w.size() && std::isalpha(static_cast<unsigned char>(w[k])))) {  // "2nd"
        if (k >= 3 && year == 0) {
          year = v;
        } else if (k <= 2 && day == 0) {
          day = v;
        }
      }
    } else if (month == 0) {
      month = MonthFromName(w);
    }
    if (day && month && year) break;
  }
  if (!day || !month || !year) return std::nullopt;
  CivilDate d{year, month, day};
  if (!IsValidDate(d)) return std::nullopt;
  return d;
}

size_t ParseTextHeader(std::string_view b, std::optional<CivilDate>* date, bool* bad_header) {
  *bad_header = false;
  size_t i = 0;
  while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) ++i;
  if (b.size() - i < 4 + 1 + 10) return 0;
  auto lower = [&](size_t k) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(b[k])));
  };
  if (lower(i) != 'd' || lower(i + 1) != 'a' || lower(i + 2) != 't' || lower(i + 3) != 'e')
    return 0;
  size_t j = i + 4;
  if (j < b.size() && b[j] == ':') ++j;
  const size_t gap = j;
  while (j < b.size() && (b[j] == ' ' || b[j] == '\t')) ++j;
  if (j == gap && b[i + 4] != ':') return 0;  // "dated ..." is text, not a header
  if (b.size() - j < 10) return 0;
  std::string_view v = b.substr(j, 10);
  // Shape YYYY-MM-DD, then the end of the word.
  for (size_t k = 0; k < 10; ++k) {
    const bool dash = k == 4 || k == 7;
    if (dash ? v[k] != '-' : !std::isdigit(static_cast<unsigned char>(v[k]))) return 0;
  }
  j += 10;
  if (j < b.size() && !(b[j] == ' ' || b[j] == '\t' || b[j] == '\r' || b[j] == '\n')) return 0;
  *date = ParseIsoDate(v);
  if (!*date) *bad_header = true;
  while (j < b.size() && (b[j] == ' ' || b[j] == '\t')) ++j;
  // A header alone on its line takes its line end with it.
  if (j < b.size() && b[j] == '\r') ++j;
  if (j < b.size() && b[j] == '\n') ++j;
  return j;
}

}  // namespace annals::ingest_internal
