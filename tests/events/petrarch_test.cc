// PETRARCH dictionary import: actors with date-restricted codes, agents
// with plurals and substitution sets, verb dictionaries converted to
// annals patterns and back; the shared dictionaries parse; and the
// accuracy floors of `annals eval events`.
#include "events/petrarch.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include "events/events.h"

namespace annals {
namespace {

const std::string kShared = ANNALS_SHARED_DIR;
const std::string kDicts = kShared + "/eval/petrarch2/dictionaries";

bool HaveShared() { return std::ifstream(kDicts + "/CAMEO.2.0.txt").good(); }

TEST(PetrarchActors, DatedCodesAndSynonyms) {
  const std::string text =
      "<!-- a comment\n spanning lines -->\n"
      "HAMID_KARZAI_  [AFGELI]  # pas\n"
      "+KARZAI\n"
      "[AFGGOV >011222]\n"
      "BARACK_OBAMA\n"
      "[USAGOV 20090120-20170120]\n"
      "[USAELI <20090120]\n"
      "GONDOR [GON]\n";
  std::vector<DictionaryActor> actors;
  Status s = ParsePetrarchActors(text, "t.txt", &actors);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(actors.size(), 3u);
  EXPECT_EQ(actors[0].name, "HAMID KARZAI");
  ASSERT_EQ(actors[0].phrases.size(), 2u);
  EXPECT_EQ(actors[0].phrases[1], "KARZAI");
  ASSERT_EQ(actors[0].codes.size(), 2u);
  EXPECT_EQ(actors[0].codes[1].code, "AFGGOV");
  ASSERT_TRUE(actors[0].codes[1].from.has_value());
  EXPECT_EQ(FormatDate(*actors[0].codes[1].from), "2001-12-22");
  EXPECT_FALSE(actors[0].codes[1].to.has_value());
  ASSERT_EQ(actors[1].codes.size(), 2u);
  EXPECT_EQ(FormatDate(*actors[1].codes[0].from), "2009-01-20");
  EXPECT_EQ(FormatDate(*actors[1].codes[0].to), "2017-01-20");
  EXPECT_EQ(FormatDate(*actors[1].codes[1].to), "2009-01-20");
  EXPECT_EQ(actors[2].kind, ActorKind::kState);
}

TEST(PetrarchActors, ErrorsNameFileAndLine) {
  std::vector<DictionaryActor> actors;
  Status s = ParsePetrarchActors("GONDOR [GON]\n[GONGOV >99999]\n", "bad.txt", &actors);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.message().rfind("bad.txt:2:", 0), 0u) << s.message();
  std::vector<std::string> warnings;
  actors.clear();
  EXPECT_TRUE(
      ParsePetrarchActors("GONDOR [GON]\n[GONGOV >99999]\n", "bad.txt", &actors, &warnings).ok());
  EXPECT_EQ(warnings.size(), 1u);
}

TEST(PetrarchAgents, PluralsAndSubstitutions) {
  const std::string text =
      "!PERSON! = MAN, MEN, WOMAN\n"
      "POLICE {} [ ~COP] # no plural\n"
      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
      "CONGRESS!PERSON! [~LEG]\n"
      "SOLDIER [~MIL]\n"
      "HUMAN_RIGHTS_BODY  [NGO~]\n";
  std::vector<DictionaryAgent> agents;
  Status s = ParsePetrarchAgents(text, "a.txt", &agents);
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_EQ(agents.size(), 5u);
  EXPECT_EQ(agents[0].code, "COP");
  EXPECT_EQ(agents[0].phrases, std::vector<std::string>{"POLICE"});
  EXPECT_EQ(agents[1].phrases, (std::vector<std::string>{"ATTORNEY GENERAL", "ATTORNEYS GENERAL"}));
  EXPECT_EQ(agents[2].phrases.size(), 3u * 2u);  // 3 substitutions x (singular, regular plural)
  EXPECT_EQ(agents[2].phrases[0], "CONGRESSMAN");
  EXPECT_EQ(agents[3].phrases, (std::vector<std::string>{"SOLDIER", "SOLDIERS"}));
  EXPECT_EQ(agents[4].code, "NGO");
}

const char kVerbs[] =
    "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n"
    "--- RESTORE [064] ---\n"
    "RESTORE\n"
    "- * &TIETYPES TIES [0312]\n"
    "- * FXLL  [+++]  # odd codes are kept\n"
    "--- MEET_PEOPLE [040] ---\n"
    "+MEET_WITH {+MET_WITH +MEETS_WITH}\n"
    "MEET {MEETS MET MEETING}\n"
    "- * (FOR TALKS) [036:036]\n";

TEST(PetrarchVerbs, ConvertAndCode) {
  std::string converted;
  size_t n = 0;
  Status s = ConvertPetrarchVerbs(kVerbs, "v.txt", &converted, &n);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(n, 6u) << converted;
  EXPECT_NE(converted.find("0312 RESTORE_L"), std::string::npos) << converted;
  EXPECT_NE(converted.find("rev=036"), std::string::npos) << converted;
  // The converted rules load back and code a sentence.
  const std::string path = ::testing::TempDir() + "/converted.txt";
  std::ofstream(path) << converted;
  auto coder = EventCoder::Load(std::string(ANNALS_SOURCE_DIR) + "/data");
  ASSERT_TRUE(coder.ok());
  ASSERT_TRUE((*coder)->AddPatternFile(path).ok());
  // And the dictionary imports directly.
  const std::string vpath = ::testing::TempDir() + "/verbs.txt";
  std::ofstream(vpath) << kVerbs;
  auto st = (*coder)->AddPetrarchVerbs(vpath, true);
  ASSERT_TRUE(st.ok()) << st.status().message();
  EXPECT_EQ(st->rules, 6u);
  const std::string text = "Arnor will restore military ties with Gondor.";
  TextLayer layer;
  Tokenize(text, {}, &layer);
  ActorResult actors;
  for (auto [b, e, id] : {std::tuple{0u, 5u, "arn"}, std::tuple{38u, 44u, "gon"}}) {
    Actor a;
    a.id = id;
    a.kind = ActorKind::kState;
    a.cameo = id;
    actors.actors.push_back(a);
    Mention m;
    m.begin = b;
    m.end = e;
    m.type = ActorKind::kState;
    m.actor = static_cast<int32_t>(actors.actors.size() - 1);
    for (uint32_t t = 0; t < layer.tokens.size(); ++t)
      if (layer.tokens[t].begin == b) {
        m.first_token = t;
        m.last_token = t + 1;
      }
    actors.mentions.push_back(m);
  }
  std::vector<Event> events;
  (*coder)->Code(text, layer, {}, &actors, CivilDate{2024, 1, 1}, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].cameo, "0312");
  EXPECT_EQ(events[0].mode, EventMode::kPlanned);
  EXPECT_EQ(events[0].rule.rfind("petrarch:RESTORE_L", 0), 0u) << events[0].rule;
}

TEST(PetrarchShared, RealDictionariesParse) {
  if (!HaveShared()) GTEST_SKIP() << "skipped: no ../shared";
  for (const char* f : {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                        "Phoenix.MilNonState.actors.txt", "PETR.Validate.actors.txt"}) {
    std::vector<DictionaryActor> actors;
    std::vector<std::string> warnings;
    Status s = LoadPetrarchActorFile(kDicts + "/" + f, &actors, &warnings);
    EXPECT_TRUE(s.ok()) << s.message();
    EXPECT_GT(actors.size(), 50u) << f;
    EXPECT_LT(warnings.size(), 20u) << f;
  }
  for (const char* f : {"Phoenix.agents.txt", "PETR.Validate.agents.txt"}) {
    std::vector<DictionaryAgent> agents;
    std::vector<std::string> warnings;
    EXPECT_TRUE(LoadPetrarchAgentFile(kDicts + "/" + f, &agents, &warnings).ok());
    EXPECT_GT(agents.size(), 50u) << f;
  }
  for (const char* f : {"CAMEO.2.0.txt", "PETR.Validate.verbs.txt"}) {
    std::ifstream in(kDicts + "/" + f);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string out;
    size_t n = 0;
    Status s = ConvertPetrarchVerbs(ss.str(), f, &out, &n);
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_GT(n, 500u) << f;
    // The converted file loads as annals patterns.
    const std::string path = ::testing::TempDir() + "/conv_" + f;
    std::ofstream(path) << out;
    auto coder = EventCoder::Load(std::string(ANNALS_SOURCE_DIR) + "/data");
    ASSERT_TRUE(coder.ok());
    Status l = (*coder)->AddPatternFile(path);
    EXPECT_TRUE(l.ok()) << l.message();
  }
}

// Runs `annals eval events --set X` and returns the recall it printed.
double EvalRecall(const std::string& set) {
  const std::string cmd = std::string(ANNALS_BINARY) + " eval events --set " + set + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  std::string out;
  char buf[512];
  while (std::fgets(buf, sizeof buf, p)) out += buf;
  pclose(p);
  std::smatch m;
  if (!std::regex_search(out, m, std::regex(R"(\(recall\) ([0-9.]+)%)"))) return -1;
  return std::stod(m[1].str());
}

// Floors: the measured recall minus one point (see the report in the
// commit history); a drop below means a regression.
TEST(EvalFloors, PetrarchUnitTests) {
  if (!HaveShared()) GTEST_SKIP() << "skipped: no ../shared";
  EXPECT_GE(EvalRecall("a"), 64.5);
}

TEST(EvalFloors, GsrWithPhoenixDictionaries) {
  if (!HaveShared()) GTEST_SKIP() << "skipped: no ../shared";
  EXPECT_GE(EvalRecall("b"), 39.5);
}

TEST(EvalFloors, GsrBuiltIn) {
  if (!HaveShared()) GTEST_SKIP() << "skipped: no ../shared";
  EXPECT_GE(EvalRecall("c"), 14.1);
}

}  // namespace
}  // namespace annals
