// The benchmark's metric on small cases, and an accuracy floor: HTML main
// text extraction on the article-extraction benchmark must not fall below
// what was measured when this test was written (minus 0.01).
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "clean/shingle_f1.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace annals {
namespace {

TEST(ShingleMetric, CountsLikeTheBenchmark) {
  // Identical texts: all shingles true positives.
  ShingleCounts c = ShingleMatch("one two three four five", "one, two; three four five!");
  EXPECT_DOUBLE_EQ(c.tp, 1.0);
  EXPECT_DOUBLE_EQ(c.precision(), 1.0);
  EXPECT_DOUBLE_EQ(c.recall(), 1.0);
  // 2 true shingles; prediction has them plus 2 extra: tp 2, fp 2 -> 0.5/0.5.
  c = ShingleMatch("a b c d e", "x y a b c d e z");
  EXPECT_NEAR(c.tp, 2.0 / 5, 1e-12);
  EXPECT_NEAR(c.fp, 3.0 / 5, 1e-12);
  EXPECT_NEAR(c.precision(), 0.4, 1e-12);
  EXPECT_NEAR(c.recall(), 1.0, 1e-12);
  // Fewer than four tokens: one shingle of all of them.
  EXPECT_DOUBLE_EQ(ShingleMatch("a b", "a b").precision(), 1.0);
  EXPECT_DOUBLE_EQ(ShingleMatch("a b", "a c").recall(), 0.0);
  // Unicode words; case matters.
  EXPECT_DOUBLE_EQ(ShingleMatch("Séjourné à Paris ce mardi", "Séjourné à Paris ce mardi").tp, 1.0);
  EXPECT_DOUBLE_EQ(ShingleMatch("Alpha beta gamma delta", "alpha beta gamma delta").tp, 0.0);
  // Empty prediction: precision not counted, recall 0.
  c = ShingleMatch("a b c d", "");
  EXPECT_DOUBLE_EQ(c.recall(), 0.0);
  const ShingleScore s = ScorePages({c, ShingleMatch("a b c d", "a b c d")});
  EXPECT_DOUBLE_EQ(s.precision, 1.0);
  EXPECT_DOUBLE_EQ(s.recall, 0.5);
  EXPECT_NEAR(s.f1, 2 * 0.5 / 1.5, 1e-12);
}

bool ReadGzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
  gzclose(f);
  return n == 0;
}

TEST(BoilerplateEval, F1Floor) {
  const std::string dir = std::string(ANNALS_SHARED_DIR) + "/eval/article-extraction-benchmark";
  std::ifstream in(dir + "/ground-truth.json");
  if (!in) GTEST_SKIP() << "skipped: no ../shared";
  const nlohmann::json truth = nlohmann::json::parse(in);
  std::vector<ShingleCounts> pages;
  for (const auto& [key, value] : truth.items()) {
    std::string html;
    ASSERT_TRUE(ReadGzip(dir + "/html/" + key + ".html.gz", &html)) << key;
    Document doc;
    ASSERT_TRUE(HtmlToDocument(html, &doc).ok()) << key;
    CleanResult r;
    CleanDocument(doc, &r);
    pages.push_back(ShingleMatch(value.value("articleBody", std::string()), CleanText(doc.text, r.boilerplate)));
  }
  const ShingleScore s = ScorePages(pages);
  std::printf("article-extraction-benchmark: precision %.4f recall %.4f F1 %.4f\n", s.precision, s.recall, s.f1);
  constexpr double kMeasuredF1 = 0.9728;  // `annals eval boilerplate` when this floor was set
  EXPECT_GE(s.f1, kMeasuredF1 - 0.01);
}

}  // namespace
}  // namespace annals
