// Helpers for the ingest tests: run a reader over bytes or a file and
// collect documents and error lines; build gzip and zstd inputs.
#ifndef ANNALS_TESTS_INGEST_TEST_UTIL_H_
#define ANNALS_TESTS_INGEST_TEST_UTIL_H_

#include <zlib.h>
#include <zstd.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace annals::testing {

struct Collected {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  Status status;
};

inline Collected Collect(std::string_view bytes, std::string_view name,
                         IngestOptions options = {}) {
  Collected c;
  c.status = ReadBuffer(
      bytes, name, options,
      [&](Document&& d) {
        c.docs.push_back(std::move(d));
        return true;
      },
      [&](const Status& s) { c.errors.push_back(s.message()); });
  return c;
}

inline Collected CollectFile(const std::string& path, IngestOptions options = {}) {
  Collected c;
  c.status = ReadInput(
      path, options,
      [&](Document&& d) {
        c.docs.push_back(std::move(d));
        return true;
      },
      [&](const Status& s) { c.errors.push_back(s.message()); });
  return c;
}

inline std::string DataPath(const std::string& name) {
  return std::string(ANNALS_SOURCE_DIR) + "/tests/ingest/data/" + name;
}

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// One gzip member holding `data`.
inline std::string Gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string Zstd(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

// True if `error` has the "input: record N, byte X: ..." form.
inline bool HasPosition(const std::string& error, const std::string& input, uint64_t record,
                        uint64_t byte) {
  return error.rfind(
             input + ": record " + std::to_string(record) + ", byte " + std::to_string(byte) + ": ",
             0) == 0 &&
         error.find('\n') == std::string::npos;
}

}  // namespace annals::testing

#endif  // ANNALS_TESTS_INGEST_TEST_UTIL_H_
