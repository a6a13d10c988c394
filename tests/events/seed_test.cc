// The seed article (shared/examples/seed-2024-04-02.txt) through the whole
// pipeline: the events a reader finds in it, with their modes, dates and
// places, and nothing from the "Other Topics of Interest" teaser.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace annals {
namespace {

struct Seed {
  Analysis a;
  bool ok = false;
};

Seed& RunSeed() {
  static Seed seed = [] {
    Seed s;
    const std::string path = std::string(ANNALS_SHARED_DIR) + "/examples/seed-2024-04-02.txt";
    std::ifstream in(path);
    if (!in) return s;
    PipelineOptions po;
    po.data_dir = std::string(ANNALS_SOURCE_DIR) + "/data";
    auto p = Pipeline::Create(po);
    if (!p.ok()) {
      ADD_FAILURE() << p.status().message();
      return s;
    }
    Status st = ReadInput(
        path, IngestOptions{},
        [&](Document&& d) {
          s.a.doc = std::move(d);
          return false;
        },
        [](const Status& e) { ADD_FAILURE() << e.message(); });
    (*p)->Analyze(&s.a);
    s.ok = true;
    return s;
  }();
  return seed;
}

// Does an actor match a name fragment ("Blinken", "NATO")? Compares the
// actor's id and name, case-insensitively.
bool Is(const ActorResult& r, int32_t i, const std::string& frag) {
  if (i < 0) return frag.empty();
  std::string hay = r.actors[i].id + " " + r.actors[i].name + " " + r.actors[i].cameo;
  std::string f = frag;
  for (auto& c : hay) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (auto& c : f) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return hay.find(f) != std::string::npos;
}

std::string Describe(const Analysis& a) {
  std::string out;
  for (const Event& e : a.events) {
    auto id = [&](int32_t i) { return i >= 0 ? a.actors.actors[i].id : std::string("-"); };
    out += "  " + id(e.source) + " " + e.cameo + " " + id(e.target) + " " + EventModeName(e.mode) +
           " " + e.date + " @" + id(e.place) + " [" + e.trigger + "]\n";
  }
  return out;
}

// Finds an event: source/target fragments (either direction when `any_dir`),
// a code prefix, the mode, the date (empty: any) and place fragment (empty: any).
const Event* Find(const Analysis& a, const std::string& src, const std::string& tgt,
                  const std::string& code, EventMode mode, const std::string& date,
                  const std::string& place, bool any_dir = false) {
  for (const Event& e : a.events) {
    bool dir = Is(a.actors, e.source, src) && Is(a.actors, e.target, tgt);
    if (any_dir) dir |= Is(a.actors, e.source, tgt) && Is(a.actors, e.target, src);
    if (!dir || e.cameo.rfind(code, 0) != 0 || e.mode != mode) continue;
    if (!date.empty() && e.date != date) continue;
    if (!place.empty() && !Is(a.actors, e.place, place)) continue;
    return &e;
  }
  return nullptr;
}

#define SEED_OR_SKIP()                                   \
  Seed& seed = RunSeed();                                \
  if (!seed.ok) GTEST_SKIP() << "skipped: no ../shared"; \
  const Analysis& a = seed.a

TEST(Seed, BlinkenMacronTalksInParis) {
  SEED_OR_SKIP();
  const Event* e = Find(a, "blinken", "macron", "036", EventMode::kPlanned, "2024-04-02", "paris");
  ASSERT_NE(e, nullptr) << Describe(a);
  EXPECT_EQ(e->date_source, "timex");
  // "Blinken will meet with Macron ..." is the same event told again.
  EXPECT_GE(e->also.size(), 1u) << Describe(a);
}

TEST(Seed, TalksWithSejourne) {
  SEED_OR_SKIP();
  EXPECT_NE(Find(a, "blinken", "sejourne", "036", EventMode::kPlanned, "", "", true), nullptr)
      << Describe(a);
}

TEST(Seed, SejourneInCairoAndChina) {
  SEED_OR_SKIP();
  EXPECT_NE(Find(a, "sejourne", "cairo", "042", EventMode::kAsserted, "2024-03-30", "cairo"),
            nullptr)
      << Describe(a);
  EXPECT_NE(Find(a, "sejourne", "chn", "042", EventMode::kAsserted, "2024-04-01", ""), nullptr)
      << Describe(a);
  EXPECT_NE(Find(a, "sejourne", "chn", "02", EventMode::kAsserted, "2024-04-01", ""), nullptr)
      << Describe(a);
}

TEST(Seed, MacronStateVisit) {
  SEED_OR_SKIP();
  EXPECT_NE(Find(a, "macron", "washington", "042", EventMode::kAsserted, "2022-12", "washington"),
            nullptr)
      << Describe(a);
}

TEST(Seed, BrusselsMeetings) {
  SEED_OR_SKIP();
  EXPECT_NE(Find(a, "blinken", "nato", "036", EventMode::kPlanned, "2024-04-02", "brussels"),
            nullptr)
      << Describe(a);
  EXPECT_NE(Find(a, "blinken", "eu", "036", EventMode::kPlanned, "2024-04-02", "brussels"), nullptr)
      << Describe(a);
  EXPECT_NE(Find(a, "blinken", "pashinyan", "036", EventMode::kPlanned, "2024-04-02", "brussels"),
            nullptr)
      << Describe(a);
}

TEST(Seed, AzoulayMeeting) {
  SEED_OR_SKIP();
  EXPECT_NE(Find(a, "blinken", "azoulay", "036", EventMode::kPlanned, "2024-04-02", ""), nullptr)
      << Describe(a);
}

TEST(Seed, NothingFromTheTeaser) {
  SEED_OR_SKIP();
  const size_t teaser = a.doc.text.find("Other Topics of Interest");
  ASSERT_NE(teaser, std::string::npos);
  const size_t end = a.doc.text.find("\n\n", teaser);
  for (const Event& e : a.events) {
    EXPECT_FALSE(e.begin >= teaser && e.begin < end) << Describe(a);
    for (const auto& m : e.also) EXPECT_FALSE(m.begin >= teaser && m.begin < end);
  }
}

TEST(Seed, EveryEventIsExplained) {
  std::printf("%s", Describe(RunSeed().a).c_str());
  SEED_OR_SKIP();
  for (const Event& e : a.events) {
    EXPECT_FALSE(e.rule.empty());
    EXPECT_FALSE(e.trigger.empty());
    EXPECT_LT(e.begin, e.end);
    EXPECT_LE(e.end, a.doc.text.size());
    EXPECT_NE(a.doc.text.substr(e.begin, e.end - e.begin).find(e.trigger), std::string::npos)
        << e.trigger;
    EXPECT_FALSE(e.date.empty());
  }
}

}  // namespace
}  // namespace annals
