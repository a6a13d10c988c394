// JSONL reader: fields, ids, dates, HTML records, record bookkeeping.
#include <gtest/gtest.h>

#include "test_util.h"

namespace annals {
namespace {

using testing::Collect;
using testing::CollectFile;
using testing::DataPath;

TEST(Jsonl, FixtureFile) {
  auto got = CollectFile(DataPath("news.jsonl"));
  ASSERT_EQ(got.docs.size(), 4u);
  EXPECT_TRUE(got.errors.empty()) << got.errors[0];
  const Document& a = got.docs[0];
  EXPECT_EQ(a.id, "n-001");
  EXPECT_EQ(a.url, "https://example.com/n-001");
  EXPECT_EQ(a.title, "Harvest begins");
  EXPECT_EQ(FormatDate(*a.dct), "2024-02-05");
  EXPECT_EQ(a.text, "Farmers in Punjab began the wheat harvest on Monday.");
  EXPECT_EQ(a.record, 1u);
  EXPECT_EQ(a.input_offset, 0u);
  // An ISO date-time keeps the date as written (no time zone shift).
  EXPECT_EQ(FormatDate(*got.docs[1].dct), "2024-02-06");
  EXPECT_EQ(got.docs[1].text,
            "India and Nepal held talks in New Delhi on power trade.\nBoth sides called the talks "
            "\"useful\".");
  // The blank line 3 is a record number but no document; no id -> name#N.
  EXPECT_EQ(got.docs[2].id, "news#4");
  EXPECT_EQ(got.docs[2].record, 4u);
  EXPECT_EQ(FormatDate(*got.docs[2].dct), "2024-02-07");
  const std::string raw = testing::Slurp(DataPath("news.jsonl"));
  EXPECT_EQ(raw.substr(got.docs[2].input_offset, 9), "{\"date\": ");
  // Numeric id, null date.
  EXPECT_EQ(got.docs[3].id, "4");
  EXPECT_FALSE(got.docs[3].dct);
  EXPECT_EQ(got.docs[3].url, "https://example.com/n-004");
}

TEST(Jsonl, HtmlRecordContent) {
  auto got = Collect(
      R"({"id":"h","html":"<html><head><title>Page title</title></head><body><p>Body text here.</p></body></html>"})",
      "h.jsonl");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].id, "h");
  EXPECT_NE(got.docs[0].text.find("Body text here."), std::string::npos);
  EXPECT_EQ(got.docs[0].title, "Page title");
}

TEST(Jsonl, JsonFieldsOverrideThePage) {
  auto got = Collect(
      R"({"url":"https://a.example/x","title":"From JSON","date":"2023-01-02","html":"<html><head><title>From page</title><meta property=\"article:published_time\" content=\"2020-05-05\"></head><body><p>Text.</p></body></html>"})",
      "o.jsonl");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].title, "From JSON");
  EXPECT_EQ(got.docs[0].url, "https://a.example/x");
  EXPECT_EQ(FormatDate(*got.docs[0].dct), "2023-01-02");
}

TEST(Jsonl, EscapesAndUnicode) {
  auto got = Collect(R"({"text":"Caf\u00e9 \"quoted\"\ttab \ud83d\ude00"})", "u.jsonl");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].text, "Caf\xC3\xA9 \"quoted\"\ttab \xF0\x9F\x98\x80");
  EXPECT_EQ(got.docs[0].invalid_utf8, 0u);
}

TEST(Jsonl, CrlfLinesAndNoFinalNewline) {
  auto got = Collect("{\"text\":\"a\"}\r\n{\"text\":\"b\"}", "c.jsonl");
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[1].text, "b");
  EXPECT_EQ(got.docs[1].input_offset, 14u);
  EXPECT_TRUE(got.errors.empty());
}

TEST(Jsonl, MissingTextIsAnError) {
  auto got = Collect("{\"id\":\"x\",\"title\":\"only\"}\n{\"text\":\"ok\"}\n", "m.jsonl");
  ASSERT_EQ(got.docs.size(), 1u);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_TRUE(testing::HasPosition(got.errors[0], "m.jsonl", 1, 0)) << got.errors[0];
}

TEST(Jsonl, DefaultDateAppliesOnlyWithoutOne) {
  IngestOptions o;
  o.default_date = CivilDate{2021, 6, 1};
  auto got = Collect("{\"text\":\"a\"}\n{\"text\":\"b\",\"date\":\"2024-01-01\"}\n", "d.jsonl", o);
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(FormatDate(*got.docs[0].dct), "2021-06-01");
  EXPECT_EQ(FormatDate(*got.docs[1].dct), "2024-01-01");
}

TEST(Jsonl, ArrayOrScalarLineIsNotADocument) {
  auto got = Collect("[1,2]\n\"s\"\n{\"text\":\"ok\"}\n", "a.jsonl");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.errors.size(), 2u);
}

}  // namespace
}  // namespace annals
