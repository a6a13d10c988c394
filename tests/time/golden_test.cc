// Table-driven tests of the time stage: every row of tests/time/golden/*.tsv
// is a sentence, a DCT and one expected expression (text, type, value, and
// optionally mod); a text of "-" means the sentence must yield none. Plus
// the seed article's expressions and the day/month order option.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/text.h"
#include "time/time.h"

namespace annals {
namespace {

struct Row {
  std::string file;
  int line = 0;
  std::string sentence, dct, text, type, value, mod;
};

std::vector<std::string> SplitTabs(const std::string& s) {
  std::vector<std::string> out;
  size_t a = 0;
  for (size_t i = 0; i <= s.size(); ++i)
    if (i == s.size() || s[i] == '\t') {
      out.push_back(s.substr(a, i - a));
      a = i + 1;
    }
  return out;
}

std::vector<Row> LoadRows() {
  std::vector<Row> rows;
  const std::filesystem::path dir = std::filesystem::path(ANNALS_SOURCE_DIR) / "tests/time/golden";
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".tsv") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty() || line[0] == '#') continue;
      const std::vector<std::string> c = SplitTabs(line);
      Row r;
      r.file = f.filename().string();
      r.line = n;
      if (c.size() < 3) {
        ADD_FAILURE() << r.file << ":" << n << ": fewer than 3 columns";
        continue;
      }
      r.sentence = c[0];
      r.dct = c[1];
      r.text = c[2];
      if (r.text != "-") {
        if (c.size() < 5) {
          ADD_FAILURE() << r.file << ":" << n << ": expected text, type and value";
          continue;
        }
        r.type = c[3];
        r.value = c[4];
        if (c.size() > 5) r.mod = c[5];
      }
      rows.push_back(std::move(r));
    }
  }
  return rows;
}

std::vector<Timex> Tag(const std::string& text, const std::string& dct, TimeOptions options = {}) {
  TextLayer layer;
  Tokenize(text, {}, &layer);
  std::vector<Timex> out;
  std::optional<CivilDate> d;
  if (dct != "-") d = ParseIsoDate(dct);
  TagTimes(text, layer, d, options, &out);
  return out;
}

TEST(TimeGolden, AllRows) {
  const std::vector<Row> rows = LoadRows();
  ASSERT_GE(rows.size(), 150u) << "golden files must hold at least 150 cases";
  int failures = 0;
  for (const Row& r : rows) {
    const std::vector<Timex> got = Tag(r.sentence, r.dct);
    std::string seen;
    for (const Timex& t : got)
      seen += "[" + r.sentence.substr(t.begin, t.end - t.begin) + " " + TimexTypeName(t.type) + " " +
              t.value + (t.mod.empty() ? "" : " " + t.mod) + "] ";
    const std::string where = r.file + ":" + std::to_string(r.line) + ": " + r.sentence;
    if (r.text == "-") {
      if (!got.empty()) {
        ++failures;
        ADD_FAILURE() << where << "\n  expected no timex, got " << seen;
      }
      continue;
    }
    const Timex* hit = nullptr;
    for (const Timex& t : got)
      if (r.sentence.substr(t.begin, t.end - t.begin) == r.text) hit = &t;
    if (!hit) {
      ++failures;
      ADD_FAILURE() << where << "\n  missing \"" << r.text << "\", got " << seen;
      continue;
    }
    const bool ok = r.type == TimexTypeName(hit->type) && r.value == hit->value &&
                    (r.mod.empty() || r.mod == hit->mod);
    if (!ok) {
      ++failures;
      ADD_FAILURE() << where << "\n  expected " << r.type << " " << r.value << " " << r.mod
                    << ", got " << seen;
    }
  }
  EXPECT_EQ(failures, 0) << "of " << rows.size() << " golden rows";
}

TEST(TimeGolden, DayFirstOption) {
  TimeOptions us, eu;
  eu.day_first = true;
  auto a = Tag("It was signed on 04/02/2024.", "2024-04-02", us);
  auto b = Tag("It was signed on 04/02/2024.", "2024-04-02", eu);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(a[0].value, "2024-04-02");
  EXPECT_EQ(b[0].value, "2024-02-04");
  // A day over 12 is unambiguous either way.
  auto c = Tag("It was signed on 25/12/2023.", "2024-04-02", us);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].value, "2023-12-25");
}

TEST(TimeGolden, BoilerplateYieldsNothing) {
  const std::string text = "War Update for April 9. The talks were held on Monday.";
  TextLayer layer;
  Tokenize(text, {Span{0, 23}}, &layer);
  std::vector<Timex> out;
  TagTimes(text, layer, CivilDate{2024, 4, 2}, {}, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(text.substr(out[0].begin, out[0].end - out[0].begin), "Monday");
}

// The seed article: every expression the issue lists, with its value.
TEST(TimeSeed, SeedTimes) {
  const std::string path = ANNALS_SHARED_DIR "/examples/seed-2024-04-02.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "skipped: no ../shared";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  const std::string header = "date 2024-04-02";
  const size_t h = text.find(header);
  ASSERT_NE(h, std::string::npos);
  text = text.substr(h + header.size());
  while (!text.empty() && (text[0] == ' ' || text[0] == '\n')) text.erase(0, 1);
  const std::vector<Timex> got = Tag(text, "2024-04-02");
  struct Want { const char* text; const char* type; const char* value; const char* mod; };
  const Want wants[] = {
      {"Tuesday", "DATE", "2024-04-02", ""},     {"February", "DATE", "2024-02", ""},
      {"Saturday", "DATE", "2024-03-30", ""},    {"Monday", "DATE", "2024-04-01", ""},
      {"July", "DATE", "2024-07", ""},           {"last year", "DATE", "2023", ""},
      {"December 2022", "DATE", "2022-12", ""},  {"nearly two years", "DURATION", "P2Y", "APPROX"},
  };
  for (const Want& w : wants) {
    bool found = false;
    for (const Timex& t : got) {
      if (text.substr(t.begin, t.end - t.begin) != w.text) continue;
      found = true;
      EXPECT_STREQ(TimexTypeName(t.type), w.type) << w.text;
      EXPECT_EQ(t.value, w.value) << w.text;
      EXPECT_EQ(t.mod, w.mod) << w.text;
    }
    EXPECT_TRUE(found) << "seed: missing " << w.text;
  }
}

}  // namespace
}  // namespace annals
