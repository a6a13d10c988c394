// Table-driven cases read from tests/ingest/golden/*.tsv: date strings and
// text-format headers.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "ingest/internal.h"
#include "test_util.h"

namespace annals {
namespace {

std::string Unescape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      const char c = s[++i];
      out.push_back(c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c);
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

// Rows of a TSV file, comments and blank lines left out.
std::vector<std::vector<std::string>> ReadTsv(const std::string& name) {
  std::ifstream in(std::string(ANNALS_SOURCE_DIR) + "/tests/ingest/golden/" + name);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t start = 0;
    for (;;) {
      size_t tab = line.find('\t', start);
      cols.push_back(
          line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

TEST(Golden, Dates) {
  auto rows = ReadTsv("dates.tsv");
  ASSERT_GE(rows.size(), 10u);
  for (const auto& r : rows) {
    const std::string want = r.size() > 1 ? r[1] : "";
    auto d = ingest_internal::ParseAnyDate(r[0]);
    EXPECT_EQ(d ? FormatDate(*d) : std::string(), want) << r[0];
  }
}

TEST(Golden, TextHeaders) {
  auto rows = ReadTsv("text_headers.tsv");
  ASSERT_GE(rows.size(), 10u);
  for (const auto& r : rows) {
    const std::string input = Unescape(r[0]);
    const std::string date = r.size() > 1 ? r[1] : "";
    const std::string text = r.size() > 2 ? Unescape(r[2]) : "";
    auto got = testing::Collect(input, "case.txt", {.format = InputFormat::kText});
    ASSERT_EQ(got.docs.size(), 1u) << r[0];
    EXPECT_EQ(got.docs[0].dct ? FormatDate(*got.docs[0].dct) : std::string(), date) << r[0];
    EXPECT_EQ(got.docs[0].text, text) << r[0];
    EXPECT_TRUE(got.errors.empty()) << r[0];
  }
}

}  // namespace
}  // namespace annals
