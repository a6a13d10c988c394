// The CAMEO codebook: complete, consistent (root, QuadClass, Goldstein
// range), checked against the shared code list when it is present, and
// every code used by the built-in patterns exists in it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "events/events.h"

namespace annals {
namespace {

const std::string kData = std::string(ANNALS_SOURCE_DIR) + "/data";

TEST(Codebook, LoadsAndIsConsistent) {
  auto cb = Codebook::Load(kData + "/events/cameo_codebook.tsv");
  ASSERT_TRUE(cb.ok()) << cb.status().message();
  const auto& codes = cb->codes();
  EXPECT_GE(codes.size(), 300u);
  int roots = 0;
  for (const CameoCode& c : codes) {
    if (c.code.size() == 2) ++roots;
    const int root = std::stoi(c.root);
    const int want_quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    EXPECT_EQ(c.quad, want_quad) << c.code;
    EXPECT_FALSE(c.name.empty()) << c.code;
    if (c.code.size() > 2)
      EXPECT_NE(cb->Find(c.code.substr(0, 3 == c.code.size() ? 2 : 3)), nullptr) << c.code;
    if (root >= 2) EXPECT_FALSE(c.plover.empty()) << c.code;
  }
  EXPECT_EQ(roots, 20);
  const CameoCode* m = cb->Find("036");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->plover, "CONSULT");
  EXPECT_EQ(cb->Find("190")->goldstein, -10.0);
  EXPECT_EQ(cb->Find("999"), nullptr);
}

TEST(Codebook, ErrorsNameTheLine) {
  auto cb = Codebook::Parse("#h\n010\tx\t01\t1\t0.0\t-\n011\tbad\t01\t9\t0\t-\n", "cb.tsv");
  ASSERT_FALSE(cb.ok());
  EXPECT_EQ(cb.status().message().rfind("cb.tsv:3:", 0), 0u) << cb.status().message();
}

TEST(Codebook, MatchesTheSharedCodeList) {
  const std::string shared =
      std::string(ANNALS_SHARED_DIR) + "/eval/cameo-codebook/cameo_codes.tsv";
  std::ifstream in(shared);
  if (!in) GTEST_SKIP() << "skipped: no ../shared";
  auto cb = Codebook::Load(kData + "/events/cameo_codebook.tsv");
  ASSERT_TRUE(cb.ok());
  std::set<std::string> theirs;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) theirs.insert(line.substr(0, line.find('\t')));
  for (const std::string& c : theirs) EXPECT_NE(cb->Find(c), nullptr) << "missing " << c;
  for (const CameoCode& c : cb->codes()) EXPECT_TRUE(theirs.count(c.code)) << "unknown " << c.code;
}

TEST(Codebook, EveryPatternCodeExists) {
  auto cb = Codebook::Load(kData + "/events/cameo_codebook.tsv");
  ASSERT_TRUE(cb.ok());
  const std::regex head(R"(^\s*(\d{2,4})(?:/(\d{2,4}))?\s+\S+.*:)");
  int rules = 0;
  std::set<std::string> roots;
  for (const auto& e : std::filesystem::directory_iterator(kData + "/events/patterns")) {
    std::ifstream in(e.path());
    std::string line;
    while (std::getline(in, line)) {
      std::smatch m;
      if (!std::regex_search(line, m, head)) continue;
      ++rules;
      roots.insert(m[1].str().substr(0, 2));
      EXPECT_NE(cb->Find(m[1].str()), nullptr) << e.path() << ": " << line;
      if (m[2].matched) EXPECT_NE(cb->Find(m[2].str()), nullptr) << e.path() << ": " << line;
    }
  }
  EXPECT_GT(rules, 150);
  EXPECT_EQ(roots.size(), 20u) << "every CAMEO root has patterns";
}

}  // namespace
}  // namespace annals
