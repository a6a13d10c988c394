// The JSONL output contract (docs/OUTPUT.md): every required field is
// present with its type, offsets slice the text to the quoted strings, and
// nothing is found inside boilerplate.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/pipeline.h"

namespace annals {
namespace {

Analysis AnalyzeText(const std::string& text, std::optional<CivilDate> dct) {
  auto pipeline = Pipeline::Create(PipelineOptions{});
  EXPECT_TRUE(pipeline.ok()) << pipeline.status().message();
  Analysis a;
  a.doc.id = "t";
  a.doc.text = text;
  a.doc.dct = dct;
  (*pipeline)->Analyze(&a);
  return a;
}

nlohmann::json ToJson(const Analysis& a, OutputOptions opt = {}) {
  std::string line;
  Pipeline::WriteJson(a, opt, &line);
  EXPECT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1) << "one line per document";
  return nlohmann::json::parse(line);
}

void CheckContract(const nlohmann::json& j, const std::string& text) {
  for (const char* key : {"id", "date", "url", "title", "language", "boilerplate", "mentions",
                          "actors", "times", "events"})
    ASSERT_TRUE(j.contains(key)) << key;
  EXPECT_TRUE(j["boilerplate"].is_array());
  EXPECT_TRUE(j["actors"].is_object());
  auto slice = [&](const nlohmann::json& x) {
    const size_t b = x["start"], e = x["end"];
    EXPECT_LE(b, e);
    EXPECT_LE(e, text.size());
    return text.substr(b, e - b);
  };
  auto outside_boilerplate = [&](const nlohmann::json& x) {
    for (const auto& span : j["boilerplate"]) {
      const size_t b = span[0], e = span[1];
      EXPECT_TRUE(x["end"].get<size_t>() <= b || x["start"].get<size_t>() >= e) << x.dump();
    }
  };
  for (const auto& m : j["mentions"]) {
    EXPECT_EQ(slice(m), m["text"].get<std::string>());
    outside_boilerplate(m);
    if (!m["actor"].is_null()) EXPECT_TRUE(j["actors"].contains(m["actor"].get<std::string>()));
  }
  for (const auto& t : j["times"]) {
    EXPECT_EQ(slice(t), t["text"].get<std::string>());
    outside_boilerplate(t);
    const std::string type = t["type"];
    EXPECT_TRUE(type == "DATE" || type == "TIME" || type == "DURATION" || type == "SET") << type;
  }
  for (const auto& e : j["events"]) {
    for (const char* key : {"source", "target", "cameo", "root", "quad", "goldstein", "plover",
                            "mode", "date", "place", "sentence", "start", "end", "trigger", "rule"})
      ASSERT_TRUE(e.contains(key)) << key;
    slice(e);
    outside_boilerplate(e);
    EXPECT_EQ(e["cameo"].get<std::string>().substr(0, 2), e["root"].get<std::string>());
    for (const char* role : {"source", "target", "place"})
      if (!e[role].is_null()) EXPECT_TRUE(j["actors"].contains(e[role].get<std::string>())) << role;
  }
}

std::string SeedText() {
  std::ifstream in(ANNALS_SHARED_DIR "/examples/seed-2024-04-02.txt", std::ios::binary);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  const size_t body = s.find("date 2024-04-02 ");
  return body == std::string::npos ? "" : s.substr(body + 16);
}

TEST(OutputContract, Seed) {
  const std::string text = SeedText();
  if (text.empty()) GTEST_SKIP() << "skipped: no ../shared";
  const Analysis a = AnalyzeText(text, CivilDate{2024, 4, 2});
  OutputOptions opt;
  opt.with_text = opt.with_sentences = opt.with_clean_text = true;
  const auto j = ToJson(a, opt);
  CheckContract(j, text);
  EXPECT_EQ(j["date"], "2024-04-02");
  EXPECT_EQ(j["language"], "en");
  EXPECT_EQ(j["text"], text);
  EXPECT_EQ(j["clean_text"].get<std::string>().find("Other Topics of Interest"), std::string::npos);
  EXPECT_GE(j["sentences"].size(), 15u);
}

TEST(OutputContract, UndatedDocumentStillComesOut) {
  const std::string text = "The minister will visit Paris on Tuesday. He met Macron last year.";
  const auto j = ToJson(AnalyzeText(text, std::nullopt));
  CheckContract(j, text);
  EXPECT_TRUE(j["date"].is_null());
}

TEST(OutputContract, EmptyAndOddTexts) {
  for (const std::string& text : {std::string(""), std::string("\n\n\n"), std::string("....!!!???"),
                                 std::string(1000, 'a'), std::string("\xEF\xBF\xBD x \xEF\xBF\xBD")}) {
    const auto j = ToJson(AnalyzeText(text, CivilDate{2024, 1, 1}));
    CheckContract(j, text);
  }
}

}  // namespace
}  // namespace annals
