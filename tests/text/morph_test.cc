#include <gtest/gtest.h>

#include "text/text.h"

namespace annals {
namespace {

TEST(Morph, VerbLemmas) {
  const std::pair<const char*, const char*> cases[] = {
      {"held", "hold"},     {"met", "meet"},       {"urging", "urge"},     {"carries", "carry"},
      {"visited", "visit"}, {"stopped", "stop"},   {"agreed", "agree"},    {"said", "say"},
      {"accused", "accuse"}, {"meets", "meet"},    {"paid", "pay"},        {"discussed", "discuss"},
      {"condemned", "condemn"}, {"imposed", "impose"}, {"talks", "talk"}, {"went", "go"},
      {"welcomed", "welcome"}, {"rejoined", "rejoin"}, {"launched", "launch"}, {"signed", "sign"},
      {"attacked", "attack"}, {"accompanied", "accompany"}, {"pressed", "press"},
  };
  std::string buf;
  for (auto [form, lemma] : cases) EXPECT_EQ(VerbLemma(form, &buf), lemma) << form;
}

TEST(Morph, PastForms) {
  EXPECT_TRUE(IsPastForm("was"));
  EXPECT_TRUE(IsPastForm("held"));
  EXPECT_TRUE(IsPastForm("visited"));
  EXPECT_FALSE(IsPastForm("will"));
  EXPECT_FALSE(IsPastForm("hundred"));
  EXPECT_FALSE(IsPastForm("need"));
}

Tense TenseOf(const std::string& text, const std::string& word) {
  TextLayer layer;
  Tokenize(text, {}, &layer);
  for (uint32_t i = 0; i < layer.tokens.size(); ++i)
    if (layer.tokens[i].in(text) == word) return TenseAt(text, layer, i);
  return Tense::kUnknown;
}

TEST(Morph, TenseOfTheClause) {
  EXPECT_EQ(TenseOf("Blinken will hold talks with Macron on Tuesday.", "Tuesday"), Tense::kFuture);
  EXPECT_EQ(TenseOf("The minister was in Cairo on Saturday.", "Saturday"), Tense::kPast);
  EXPECT_EQ(TenseOf("Blinken is to go to Paris on Monday.", "Monday"), Tense::kFuture);
  EXPECT_EQ(TenseOf("Macron paid a state visit in December.", "December"), Tense::kPast);
  EXPECT_EQ(TenseOf("The talks have ended on Friday.", "Friday"), Tense::kPast);
  EXPECT_EQ(TenseOf("On Friday the ministers are expected to meet.", "Friday"), Tense::kFuture);
}

}  // namespace
}  // namespace annals
