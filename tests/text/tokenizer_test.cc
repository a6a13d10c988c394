// Table-driven tests of the text layer from tests/text/golden/tokenizer.txt,
// plus properties that must hold for any input (offsets in range, ordered,
// never inside boilerplate).
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "text/text.h"

namespace annals {
namespace {

struct Case {
  std::string name, text, tokens, sentences;
  bool has_tokens = false, has_sentences = false;
};

std::vector<Case> LoadCases(const std::string& path) {
  std::ifstream in(path);
  std::vector<Case> cases;
  std::string line, section;
  while (std::getline(in, line)) {
    if (line.rfind("== ", 0) == 0) {
      cases.emplace_back();
      cases.back().name = line.substr(3);
      section = "text";
      continue;
    }
    if (cases.empty() || (line.rfind("#", 0) == 0 && section.empty())) continue;
    if (line.rfind("-- ", 0) == 0) {
      section = line.substr(3);
      if (section == "tokens") cases.back().has_tokens = true;
      if (section == "sentences") cases.back().has_sentences = true;
      continue;
    }
    Case& c = cases.back();
    std::string* dst = section == "text" ? &c.text : section == "tokens" ? &c.tokens : &c.sentences;
    if (line.empty() && section != "text") continue;
    if (!dst->empty()) dst->push_back('\n');
    dst->append(line);
  }
  for (Case& c : cases)  // trailing blank lines separate cases
    while (!c.text.empty() && c.text.back() == '\n') c.text.pop_back();
  return cases;
}

TEST(Tokenizer, GoldenCases) {
  const auto cases = LoadCases(ANNALS_SOURCE_DIR "/tests/text/golden/tokenizer.txt");
  ASSERT_GE(cases.size(), 15u);
  TextLayer layer;
  for (const Case& c : cases) {
    Tokenize(c.text, {}, &layer);
    if (c.has_tokens) {
      std::string got;
      for (const Token& t : layer.tokens) {
        if (!got.empty()) got.push_back('|');
        got.append(t.in(c.text));
      }
      EXPECT_EQ(got, c.tokens) << c.name;
    }
    if (c.has_sentences) {
      std::string got;
      for (const Sentence& s : layer.sentences) {
        if (!got.empty()) got.push_back('\n');
        got.append(c.text.substr(s.begin, s.end - s.begin));
      }
      EXPECT_EQ(got, c.sentences) << c.name;
    }
  }
}

TEST(Tokenizer, SkipsBoilerplateAndBreaksSentencesThere) {
  const std::string text = "Blinken met Macron in Paris Advertisement and then he left.";
  const uint32_t b = static_cast<uint32_t>(text.find("Advertisement"));
  TextLayer layer;
  Tokenize(text, {Span{b, b + 13}}, &layer);
  for (const Token& t : layer.tokens) EXPECT_NE(t.in(text), "Advertisement");
  ASSERT_EQ(layer.sentences.size(), 2u);
  EXPECT_EQ(text.substr(layer.sentences[0].begin, layer.sentences[0].end - layer.sentences[0].begin),
            "Blinken met Macron in Paris");
}

TEST(Tokenizer, FlagsDescribeTokens) {
  const std::string text = "NATO and the U.S. paid $60 to Israel-Hamas talks.";
  TextLayer layer;
  Tokenize(text, {}, &layer);
  ASSERT_GE(layer.tokens.size(), 9u);
  EXPECT_TRUE(layer.tokens[0].is(Token::kAllCaps));
  EXPECT_TRUE(layer.tokens[0].is(Token::kSentenceStart));
  EXPECT_TRUE(layer.tokens[3].is(Token::kAbbreviation));
  EXPECT_TRUE(layer.tokens[5].is(Token::kCurrency));
  EXPECT_TRUE(layer.tokens[6].is(Token::kNumber));
  EXPECT_TRUE(layer.tokens[8].is(Token::kHyphenated));
  EXPECT_TRUE(layer.tokens[8].is(Token::kCapitalized));
}

// Any byte string (valid UTF-8 after repair, or raw) yields ordered,
// in-range, non-empty tokens and sentences that cover token ranges exactly.
TEST(Tokenizer, InvariantsOnRandomInput) {
  std::mt19937 rng(7);
  const std::string alphabet[] = {"a", "B", " ", "\n", "\n\n", ".", "U.S.", "Mr.", "'s", "\"", "3",
                                  ",", "-", "\xE2\x80\x9C", "\xC3\xA9", "...", "?", "\xE2\x80\x99"};
  TextLayer layer;
  for (int iter = 0; iter < 2000; ++iter) {
    std::string text;
    const int n = rng() % 60;
    for (int i = 0; i < n; ++i) text += alphabet[rng() % std::size(alphabet)];
    std::vector<Span> bp;
    if (text.size() > 10 && rng() % 2) bp.push_back(Span{3, static_cast<uint32_t>(text.size() / 2)});
    Tokenize(text, bp, &layer);
    uint32_t prev_end = 0;
    for (const Token& t : layer.tokens) {
      ASSERT_LT(t.begin, t.end);
      ASSERT_LE(prev_end, t.begin);
      ASSERT_LE(t.end, text.size());
      for (const Span& s : bp) ASSERT_TRUE(t.end <= s.begin || t.begin >= s.end);
      prev_end = t.end;
    }
    uint32_t next = 0;
    for (const Sentence& s : layer.sentences) {
      ASSERT_EQ(s.first, next);
      ASSERT_LT(s.first, s.last);
      next = s.last;
    }
    ASSERT_EQ(next, layer.tokens.size());
    ASSERT_EQ(layer.sentence_of.size(), layer.tokens.size());
  }
}

}  // namespace
}  // namespace annals
