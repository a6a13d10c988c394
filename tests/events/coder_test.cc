// Table-driven tests of the event coder with hand-built actor mentions and
// time expressions, so that the coder is tested apart from the actors and
// time stages. Each line of tests/events/golden/*.tsv is
//   text <TAB> mentions <TAB> times <TAB> expected events
// mentions: "surface=actor-id/KIND; ..." (every occurrence of the surface
// string becomes a mention; KIND is PERSON, ORG, STATE or PLACE);
// times: "surface=VALUE; ..."; expected: "src>tgt:CODE:mode[:date[:place]] | ..."
// or "-" for no event. The DCT is 2024-04-02.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "events/events.h"

namespace annals {
namespace {

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t i = 0;
  while (true) {
    size_t j = s.find(sep, i);
    out.push_back(s.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) break;
    i = j + sep.size();
  }
  return out;
}

std::string Trim(std::string s) {
  while (!s.empty() && (s.front() == ' ')) s.erase(s.begin());
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

ActorKind KindOf(const std::string& k) {
  if (k == "PERSON") return ActorKind::kPerson;
  if (k == "STATE") return ActorKind::kState;
  if (k == "PLACE") return ActorKind::kPlace;
  return ActorKind::kOrganization;
}

struct Case {
  std::string file;
  int line = 0;
  std::string text, mentions, times, expected;
};

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  const std::string dir = std::string(ANNALS_SOURCE_DIR) + "/tests/events/golden";
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".tsv") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      if (line.empty() || line[0] == '#') continue;
      auto cols = Split(line, "\t");
      if (cols.size() != 4) {
        ADD_FAILURE() << f << ":" << n << ": expected 4 tab-separated columns";
        continue;
      }
      cases.push_back(
          {std::filesystem::path(f).filename().string(), n, cols[0], cols[1], cols[2], cols[3]});
    }
  }
  return cases;
}

// Builds mentions over the tokens of every occurrence of each surface form.
void BuildActors(const std::string& text, const TextLayer& layer, const std::string& spec,
                 ActorResult* r) {
  struct M {
    uint32_t b, e;
    int32_t actor;
    ActorKind kind;
  };
  std::vector<M> ms;
  for (const std::string& item : Split(spec, ";")) {
    std::string it = Trim(item);
    if (it.empty() || it == "-") continue;
    size_t eq = it.find('='), slash = it.rfind('/');
    ASSERT_NE(eq, std::string::npos) << it;
    std::string surface = it.substr(0, eq), id = it.substr(eq + 1, slash - eq - 1),
                kind = it.substr(slash + 1);
    int32_t idx = -1;
    for (size_t k = 0; k < r->actors.size(); ++k)
      if (r->actors[k].id == id) idx = static_cast<int32_t>(k);
    if (idx < 0) {
      Actor a;
      a.id = id;
      a.name = id;
      a.kind = KindOf(kind);
      r->actors.push_back(a);
      idx = static_cast<int32_t>(r->actors.size() - 1);
    }
    size_t p = 0;
    while ((p = text.find(surface, p)) != std::string::npos) {
      const bool left_ok = p == 0 || !std::isalnum(static_cast<unsigned char>(text[p - 1]));
      const size_t e = p + surface.size();
      const bool right_ok = e >= text.size() || !std::isalnum(static_cast<unsigned char>(text[e]));
      if (left_ok && right_ok)
        ms.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(e), idx, KindOf(kind)});
      p = e;
    }
  }
  std::sort(ms.begin(), ms.end(),
            [](const M& a, const M& b) { return a.b < b.b || (a.b == b.b && a.e > b.e); });
  uint32_t last_end = 0;
  for (const M& m : ms) {
    if (m.b < last_end) continue;  // overlapping: keep the longer, earlier one
    Mention mm;
    mm.begin = m.b;
    mm.end = m.e;
    mm.actor = m.actor;
    mm.type = m.kind;
    bool first = true;
    for (uint32_t t = 0; t < layer.tokens.size(); ++t) {
      if (layer.tokens[t].begin >= m.b && layer.tokens[t].end <= m.e) {
        if (first) {
          mm.first_token = t;
          first = false;
        }
        mm.last_token = t + 1;
      }
    }
    if (first) continue;
    mm.sentence = layer.sentence_of[mm.first_token];
    r->mentions.push_back(mm);
    last_end = m.e;
  }
}

void BuildTimes(const std::string& text, const TextLayer& layer, const std::string& spec,
                std::vector<Timex>* out) {
  for (const std::string& item : Split(spec, ";")) {
    std::string it = Trim(item);
    if (it.empty() || it == "-") continue;
    size_t eq = it.find('=');
    std::string surface = it.substr(0, eq), value = it.substr(eq + 1);
    size_t p = text.find(surface);
    if (p == std::string::npos) continue;
    Timex t;
    t.begin = static_cast<uint32_t>(p);
    t.end = static_cast<uint32_t>(p + surface.size());
    t.value = value;
    bool first = true;
    for (uint32_t k = 0; k < layer.tokens.size(); ++k)
      if (layer.tokens[k].begin >= t.begin && layer.tokens[k].end <= t.end) {
        if (first) {
          t.first_token = k;
          first = false;
        }
        t.last_token = k + 1;
      }
    t.sentence = layer.sentence_of[t.first_token];
    out->push_back(t);
  }
  std::sort(out->begin(), out->end(),
            [](const Timex& a, const Timex& b) { return a.begin < b.begin; });
}

std::unique_ptr<EventCoder> MakeCoder() {
  auto c = EventCoder::Load(std::string(ANNALS_SOURCE_DIR) + "/data");
  EXPECT_TRUE(c.ok()) << c.status().message();
  return c.ok() ? std::move(c).value() : nullptr;
}

TEST(EventCoder, Golden) {
  auto coder = MakeCoder();
  ASSERT_TRUE(coder);
  auto cases = LoadCases();
  ASSERT_GT(cases.size(), 60u);
  int failed = 0;
  for (const Case& c : cases) {
    TextLayer layer;
    Tokenize(c.text, {}, &layer);
    ActorResult actors;
    BuildActors(c.text, layer, c.mentions, &actors);
    std::vector<Timex> times;
    BuildTimes(c.text, layer, c.times, &times);
    std::vector<Event> events;
    coder->Code(c.text, layer, times, &actors, CivilDate{2024, 4, 2}, &events);
    // Compare as sets, each expected item to the precision it gives.
    std::vector<std::string> got;
    for (const Event& e : events) {
      auto id = [&](int32_t i) { return i >= 0 ? actors.actors[i].id : std::string("-"); };
      got.push_back(id(e.source) + ">" + id(e.target) + ":" + e.cameo + ":" +
                    EventModeName(e.mode) + ":" + e.date + ":" + id(e.place));
    }
    std::vector<std::string> want;
    if (Trim(c.expected) != "-")
      for (const std::string& x : Split(c.expected, "|")) want.push_back(Trim(x));
    std::vector<bool> used(got.size(), false);
    bool ok = true;
    for (const std::string& w : want) {
      bool found = false;
      for (size_t k = 0; k < got.size(); ++k)
        if (!used[k] && got[k].compare(0, w.size(), w) == 0 &&
            (got[k].size() == w.size() || got[k][w.size()] == ':')) {
          used[k] = found = true;
          break;
        }
      ok &= found;
    }
    ok &= std::all_of(used.begin(), used.end(), [](bool b) { return b; });
    if (!ok) {
      ++failed;
      std::string g;
      for (size_t k = 0; k < got.size(); ++k) {
        g += got[k] + " [" + events[k].rule + " '" + events[k].trigger + "']  ";
      }
      ADD_FAILURE() << c.file << ":" << c.line << ": " << c.text << "\n  want: " << c.expected
                    << "\n  got:  " << (g.empty() ? "-" : g);
    }
  }
  std::printf("golden: %zu cases, %d failed\n", cases.size(), failed);
}

TEST(EventCoder, EvidenceAndFusion) {
  auto coder = MakeCoder();
  ASSERT_TRUE(coder);
  const std::string text =
      "Blinken will hold talks with Macron in Paris on Tuesday.\n\nBlinken will meet with Macron "
      "to discuss the crises.";
  TextLayer layer;
  Tokenize(text, {}, &layer);
  ActorResult actors;
  BuildActors(text, layer,
              "Blinken=antony-blinken/PERSON; Macron=emmanuel-macron/PERSON; Paris=paris/PLACE",
              &actors);
  std::vector<Timex> times;
  BuildTimes(text, layer, "Tuesday=2024-04-02", &times);
  std::vector<Event> events;
  coder->Code(text, layer, times, &actors, CivilDate{2024, 4, 2}, &events);
  ASSERT_EQ(events.size(), 1u);
  const Event& e = events[0];
  EXPECT_EQ(e.cameo, "036");
  EXPECT_EQ(e.root, "03");
  EXPECT_EQ(e.quad, 1);
  EXPECT_EQ(e.plover, "CONSULT");
  EXPECT_EQ(e.mode, EventMode::kPlanned);
  EXPECT_EQ(e.date, "2024-04-02");
  EXPECT_EQ(e.date_source, "timex");
  EXPECT_EQ(e.trigger, "will hold talks with");
  EXPECT_EQ(e.rule, "verb:HOLD_TALKS");
  EXPECT_EQ(text.substr(e.begin, e.end - e.begin).substr(0, 7), "Blinken");
  ASSERT_EQ(e.also.size(), 1u);
  EXPECT_EQ(e.also[0].sentence, 1u);
  EXPECT_EQ(e.also[0].rule, "verb:MEET_WITH");
}

TEST(EventCoder, DctWhenUndated) {
  auto coder = MakeCoder();
  ASSERT_TRUE(coder);
  const std::string text = "Paris condemned Moscow.";
  TextLayer layer;
  Tokenize(text, {}, &layer);
  ActorResult actors;
  BuildActors(text, layer, "Paris=fra/STATE; Moscow=rus/STATE", &actors);
  std::vector<Event> events;
  coder->Code(text, layer, {}, &actors, CivilDate{2024, 4, 2}, &events);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].date, "2024-04-02");
  EXPECT_EQ(events[0].date_source, "dct");
  EXPECT_EQ(events[0].cameo, "111");
  EXPECT_EQ(events[0].goldstein, -2.0);
}

TEST(Patterns, ErrorsNameFileAndLine) {
  auto coder = MakeCoder();
  ASSERT_TRUE(coder);
  const std::string path = ::testing::TempDir() + "/bad_patterns.txt";
  {
    std::ofstream out(path);
    out << "# fine\n040 OK : S meet with T\n04x BAD : S meet T\n";
  }
  Status s = coder->AddPatternFile(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("bad_patterns.txt:3:"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace annals
