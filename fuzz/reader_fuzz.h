// What every reader's libFuzzer target checks: arbitrary bytes go to
// ReadBuffer with one format forced, and the reader must keep its promises
// (no crash or sanitizer report, valid UTF-8 text, 1-based records with an
// id, and one-line errors that name input, record and byte). Each
// *_fuzz.cc only names its format. Run: scripts/fuzz.sh BUILD_DIR SECONDS
// (seeds in fuzz/seeds/<reader>/).
#ifndef ANNALS_FUZZ_READER_FUZZ_H_
#define ANNALS_FUZZ_READER_FUZZ_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "ingest/ingest.h"

namespace annals::fuzz {

inline int FuzzReader(annals::InputFormat format, const uint8_t* data, size_t size) {
  annals::IngestOptions options;
  options.format = format;
  options.max_record_bytes = 1 << 20;  // keep memory within libFuzzer's limit
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  annals::ReadBuffer(
      bytes, "fuzz.in", options,
      [](annals::Document&& doc) {
        if (annals::ValidUtf8Prefix(doc.text) != doc.text.size()) __builtin_trap();
        if (doc.record == 0 || doc.id.empty() || doc.input != "fuzz.in") __builtin_trap();
        return true;
      },
      [](const annals::Status& s) {
        const std::string& m = s.message();
        if (m.rfind("fuzz.in: record ", 0) != 0 || m.find(", byte ") == std::string::npos)
          __builtin_trap();
        if (m.find('\n') != std::string::npos) __builtin_trap();
      });
  return 0;
}

}  // namespace annals::fuzz

#endif  // ANNALS_FUZZ_READER_FUZZ_H_
