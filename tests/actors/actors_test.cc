// Tests of the actors stage: the seed article against a golden table (with
// the project's knowledge base), dated roles, people learned from titles,
// coreference, analysts' dictionaries, the gazetteer compiler and reader,
// and accuracy floors on the shared NER sets. Fixture knowledge base:
// tests/actors/data/actors/*.tsv.
#include "actors/actors.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "actors/gazetteer.h"
#include "actors/matcher.h"
#include "actors/ner_eval.h"

namespace annals {
namespace {

const std::string kFixture = ANNALS_SOURCE_DIR "/tests/actors/data";
const std::string kData = ANNALS_SOURCE_DIR "/data";
// Accuracy floors: the measured F1 (all types) less 0.01.
constexpr double kMeantimeFloor = 0.487;  // measured 0.497 (strict, 120 documents)
constexpr double kConllFloor = 0.705;     // measured 0.715 (strict, 231 documents)

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Resolved {
  std::string text;
  ActorResult r;
  const Mention* Find(std::string_view surface, int nth = 1) const {
    size_t pos = 0;
    for (int k = 0; k < nth; ++k) {
      pos = text.find(surface, k == 0 ? 0 : pos + 1);
      if (pos == std::string::npos) return nullptr;
    }
    for (const Mention& m : r.mentions)
      if (m.begin == pos && m.end == pos + surface.size()) return &m;
    return nullptr;
  }
  const Actor* ActorOf(std::string_view surface, int nth = 1) const {
    const Mention* m = Find(surface, nth);
    return m && m->actor >= 0 ? &r.actors[m->actor] : nullptr;
  }
};

Resolved ResolveText(const ActorResolver& res, std::string text, const char* dct,
                     std::vector<Span> boilerplate = {}) {
  Resolved out;
  out.text = std::move(text);
  TextLayer layer;
  Tokenize(out.text, boilerplate, &layer);
  res.Resolve(out.text, layer, ParseIsoDate(dct), &out.r);
  return out;
}

std::unique_ptr<ActorResolver> Load(const std::string& dir) {
  auto r = ActorResolver::Load(dir);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : nullptr;
}

// ------------------------------------------------------------ the seed

TEST(Seed, ActorsOfTheArticle) {
  const std::string path = ANNALS_SHARED_DIR "/examples/seed-2024-04-02.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "skipped: no ../shared";
  std::string raw = ReadFile(path);
  // Header: "date YYYY-MM-DD" then the article.
  const size_t d = raw.find("date ");
  ASSERT_NE(d, std::string::npos);
  const std::string dct = raw.substr(d + 5, 10);
  size_t b = d + 15;
  while (b < raw.size() && (raw[b] == ' ' || raw[b] == '\n')) ++b;
  const std::string text = raw.substr(b);
  // Boilerplate: the two "Advertisement" lines and the teaser paragraph.
  std::vector<Span> bp;
  for (size_t p = 0; p < text.size();) {
    size_t e = text.find("\n\n", p);
    if (e == std::string::npos) e = text.size();
    const std::string_view para(text.data() + p, e - p);
    if (para == "Advertisement" || para.rfind("Other Topics of Interest", 0) == 0)
      bp.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(e)});
    p = e + 2;
  }
  ASSERT_EQ(bp.size(), 3u);
  auto res = Load(kData);
  ASSERT_TRUE(res);
  const Resolved out = ResolveText(*res, text, dct.c_str(), bp);
  for (const Mention& m : out.r.mentions)
    for (const Span& s : bp)
      EXPECT_FALSE(m.begin < s.end && s.begin < m.end) << "mention in boilerplate";

  std::istringstream golden(ReadFile(ANNALS_SOURCE_DIR "/tests/actors/golden/seed.tsv"));
  std::string line;
  bool header = true;
  int rows = 0;
  while (std::getline(golden, line)) {
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> f;
    std::stringstream ls(line);
    std::string field;
    while (std::getline(ls, field, '\t')) f.push_back(field);
    f.resize(8);
    ++rows;
    SCOPED_TRACE(line);
    const Mention* m = out.Find(f[0], std::stoi(f[1]));
    ASSERT_NE(m, nullptr) << "no mention";
    ASSERT_GE(m->actor, 0);
    const Actor& a = out.r.actors[m->actor];
    auto check = [](const std::string& want, const std::string& have) {
      if (want.empty()) return true;
      if (want.back() == '*') return have.rfind(want.substr(0, want.size() - 1), 0) == 0;
      return want == have;
    };
    EXPECT_TRUE(check(f[2], a.id)) << a.id;
    EXPECT_EQ(f[3], ActorKindName(m->type));
    EXPECT_TRUE(check(f[4], a.country)) << a.country;
    EXPECT_TRUE(check(f[5], a.role)) << a.role;
    EXPECT_TRUE(check(f[6], a.cameo)) << a.cameo;
    EXPECT_EQ(f[7] == "1", m->coreference);
  }
  EXPECT_GE(rows, 30);
  // Places carry coordinates.
  const Actor* paris = out.ActorOf("Paris");
  ASSERT_NE(paris, nullptr);
  ASSERT_TRUE(paris->lat && paris->lon);
  EXPECT_NEAR(*paris->lat, 48.85, 0.1);
  EXPECT_NEAR(*paris->lon, 2.35, 0.1);
  // "in Beijing" would be a place: here Beijing is urged, so it is China's government.
  EXPECT_EQ(out.Find("Kharkiv"), nullptr);
}

// ---------------------------------------------------- fixture knowledge base

TEST(KnowledgeBase, MissingFilesStillWork) {
  const std::string empty = ::testing::TempDir() + "/annals-empty-kb";
  std::filesystem::create_directories(empty);
  auto res = Load(empty);
  ASSERT_TRUE(res);
  const Resolved out = ResolveText(*res, "Someone said nothing in particular.", "2024-04-02");
  (void)out;  // no crash, no data: nothing required
}

TEST(KnowledgeBase, ShortRowIsAnErrorNamingFileAndByte) {
  const std::string dir = ::testing::TempDir() + "/annals-bad-kb";
  std::filesystem::create_directories(dir + "/actors");
  std::ofstream(dir + "/actors/bodies.tsv") << "id\tname\taliases\nnato\n";
  auto r = ActorResolver::Load(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("bodies.tsv: byte 16"), std::string::npos)
      << r.status().message();
}

TEST(DatedRoles, BlinkenIn2015And2024) {
  auto res = Load(kFixture);
  ASSERT_TRUE(res);
  const std::string text = "Antony Blinken arrived in Paris.";
  const Resolved r15 = ResolveText(*res, text, "2015-06-01");
  const Actor* a15 = r15.ActorOf("Antony Blinken");
  ASSERT_NE(a15, nullptr);
  EXPECT_EQ(a15->role, "Deputy Secretary of State");
  const Resolved r24 = ResolveText(*res, text, "2024-04-02");
  const Actor* a24 = r24.ActorOf("Antony Blinken");
  ASSERT_NE(a24, nullptr);
  EXPECT_EQ(a24->role, "Secretary of State");
  EXPECT_EQ(a24->cameo, "USAGOV");
  // Between terms: no office, plain country code; after the last: former official.
  const Resolved r19 = ResolveText(*res, text, "2019-03-01");
  const Actor* a19 = r19.ActorOf("Antony Blinken");
  ASSERT_NE(a19, nullptr);
  EXPECT_EQ(a19->role, "");
  EXPECT_EQ(a19->cameo, "USAELI");
  const Resolved r26 = ResolveText(*res, text, "2026-03-01");
  ASSERT_NE(r26.ActorOf("Antony Blinken"), nullptr);
  EXPECT_EQ(r26.ActorOf("Antony Blinken")->cameo, "USAELI");
}

bool HaveBuildGazetteer();

TEST(Titles, PeopleLearnedFromTitles) {
  auto res = Load(kFixture);
  ASSERT_TRUE(res);
  const Resolved out =
      ResolveText(*res,
                  "Armenian Prime Minister Nikol Pashinyan met France's Armed Forces Minister "
                  "Sebastien Lecornu and UNESCO leader Audrey Azoulay. Later Pashinyan left.",
                  "2024-04-02");
  const Actor* p = out.ActorOf("Nikol Pashinyan");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->kind, ActorKind::kPerson);
  EXPECT_EQ(p->country, "ARM");
  EXPECT_EQ(p->role, "Prime Minister");
  EXPECT_EQ(p->cameo, "ARMGOV");
  const Actor* l = out.ActorOf("Sebastien Lecornu");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->country, "FRA");
  EXPECT_EQ(l->role, "Armed Forces Minister");
  EXPECT_EQ(l->cameo, "FRAGOV");  // ministers are government, even of the armed forces
  const Actor* z = out.ActorOf("Audrey Azoulay");
  ASSERT_NE(z, nullptr);
  EXPECT_EQ(z->country, "");
  EXPECT_EQ(z->cameo, "IGOUNOUNESCO");
  EXPECT_EQ(z->role, "UNESCO leader");
  // Remembered for the rest of the document. Telling "Later" (a common
  // word) from a first name takes the word ranks of the compiled gazetteer.
  if (!HaveBuildGazetteer()) GTEST_SKIP() << "no compiled gazetteer (scripts/install-gazetteer.sh)";
  const Mention* later = out.Find("Pashinyan", 2);
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(out.r.actors[later->actor].id, p->id);
}

TEST(Titles, CountryFromContextWhenTheTitleHasNone) {
  auto res = Load(kFixture);
  ASSERT_TRUE(res);
  const Resolved out =
      ResolveText(*res,
                  "Antony Blinken met Emmanuel Macron, the French presidency told AFP. "
                  "He will also have talks with Foreign Minister Stephane Sejourne.",
                  "2024-04-02");
  const Actor* s = out.ActorOf("Stephane Sejourne");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->country, "FRA");
  EXPECT_EQ(s->cameo, "FRAGOV");
  EXPECT_EQ(s->role, "Foreign Minister");
}

TEST(Coreference, SurnamesPronounsDescriptions) {
  auto res = Load(kFixture);
  ASSERT_TRUE(res);
  const Resolved out =
      ResolveText(*res,
                  "US Secretary of State Antony Blinken arrived in Paris on Monday. He will hold "
                  "talks with Foreign Minister Stephane Sejourne. Blinken will meet NATO "
                  "officials. He will also visit "
                  "the alliance's headquarters. The French minister was in Beijing on Monday. "
                  "The Kremlin said nothing.",
                  "2024-04-02");
  const Mention* surname = out.Find("Blinken", 2);
  ASSERT_NE(surname, nullptr);
  EXPECT_TRUE(surname->coreference);
  EXPECT_EQ(out.r.actors[surname->actor].id, "antony-blinken");
  const Actor* he = out.ActorOf("He", 2);
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(he->id, "antony-blinken");
  const Actor* alliance = out.ActorOf("the alliance");
  ASSERT_NE(alliance, nullptr);
  EXPECT_EQ(alliance->id, "nato");
  const Actor* minister = out.ActorOf("The French minister");
  ASSERT_NE(minister, nullptr);
  EXPECT_EQ(minister->name, "Stephane Sejourne");
  // "in Beijing" stays a place; "The Kremlin" is Russia's government.
  const Mention* beijing = out.Find("Beijing");
  ASSERT_NE(beijing, nullptr);
  EXPECT_EQ(beijing->type, ActorKind::kPlace);
  const Actor* kremlin = out.ActorOf("Kremlin");
  ASSERT_NE(kremlin, nullptr);
  EXPECT_EQ(kremlin->cameo, "RUSGOV");
}

TEST(Coreference, DescriptionsNeedAnAntecedent) {
  auto res = Load(kFixture);
  ASSERT_TRUE(res);
  // No NATO before: "the alliance" refers to nothing.
  const Resolved out = ResolveText(*res, "The alliance met on Monday.", "2024-04-02");
  EXPECT_EQ(out.Find("The alliance"), nullptr);
}

TEST(Metonymy, CapitalAsSubjectOrObjectIsTheGovernment) {
  auto res = Load(kFixture);
  ASSERT_TRUE(res);
  const Resolved out =
      ResolveText(*res,
                  "He went to China to urge Beijing to press Russia. Washington said it agreed. "
                  "The summit is in Washington.",
                  "2024-04-02");
  const Actor* beijing = out.ActorOf("Beijing");
  ASSERT_NE(beijing, nullptr);
  EXPECT_EQ(beijing->cameo, "CHNGOV");
  const Actor* wash1 = out.ActorOf("Washington", 1);
  ASSERT_NE(wash1, nullptr);
  EXPECT_EQ(wash1->cameo, "USAGOV");
  const Mention* wash2 = out.Find("Washington", 2);
  ASSERT_NE(wash2, nullptr);
  EXPECT_EQ(wash2->type, ActorKind::kPlace);
}

TEST(Dictionary, DatedCodesAgentsAndReplacement) {
  auto make = [] {
    std::vector<DictionaryActor> actors(1);
    actors[0].name = "Barack Obama";
    actors[0].phrases = {"BARACK OBAMA", "OBAMA"};
    actors[0].kind = ActorKind::kPerson;
    actors[0].codes = {{"USAELI", std::nullopt, CivilDate{2009, 1, 19}},
                       {"USAGOV", CivilDate{2009, 1, 20}, CivilDate{2017, 1, 20}},
                       {"USAELI", CivilDate{2017, 1, 21}, std::nullopt}};
    std::vector<DictionaryAgent> agents(1);
    agents[0].phrases = {"POLICE", "POLICEMEN"};
    agents[0].code = "~COP";
    return std::make_pair(actors, agents);
  };
  auto res = Load(kFixture);
  ASSERT_TRUE(res);
  auto [actors, agents] = make();
  res->AddDictionary(actors, agents, false);
  const std::string text = "Barack Obama praised Iraqi police in France. Police made arrests.";
  const Resolved y2010 = ResolveText(*res, text, "2010-05-01");
  const Actor* obama = y2010.ActorOf("Barack Obama");
  ASSERT_NE(obama, nullptr);
  EXPECT_EQ(obama->cameo, "USAGOV");
  const Actor* iraqi = y2010.ActorOf("Iraqi police");
  ASSERT_NE(iraqi, nullptr);
  EXPECT_EQ(iraqi->cameo, "IRQCOP");
  EXPECT_EQ(iraqi->country, "IRQ");
  const Actor* police = y2010.ActorOf("Police");
  ASSERT_NE(police, nullptr);
  EXPECT_EQ(police->cameo, "COP");
  EXPECT_NE(y2010.Find("France"), nullptr);  // built-ins still on
  const Resolved y2020 = ResolveText(*res, text, "2020-05-01");
  ASSERT_NE(y2020.ActorOf("Barack Obama"), nullptr);
  EXPECT_EQ(y2020.ActorOf("Barack Obama")->cameo, "USAELI");

  auto only = Load(kFixture);
  auto [a2, g2] = make();
  only->AddDictionary(a2, g2, true);
  const Resolved rep = ResolveText(*only, text, "2010-05-01");
  EXPECT_EQ(rep.Find("France"), nullptr);  // only the dictionaries
  EXPECT_NE(rep.Find("Barack Obama"), nullptr);
}

TEST(Dictionary, AgentCompletesTheActorBeforeIt) {
  auto res = Load(kFixture);
  ASSERT_TRUE(res);
  std::vector<DictionaryActor> actors(1);
  actors[0].name = "Iraq";
  actors[0].phrases = {"IRAQI", "IRAQ"};
  actors[0].codes = {{"IRQ", std::nullopt, std::nullopt}};
  std::vector<DictionaryAgent> agents(2);
  agents[0].phrases = {"POLICE"};
  agents[0].code = "~COP";
  agents[1].phrases = {"DEFENSE MINISTRY"};
  agents[1].code = "~GOVMIL";
  res->AddDictionary(actors, agents, true);
  const Resolved out =
      ResolveText(*res, "Iraqi police and the Iraq defense ministry met.", "2010-05-01");
  const Actor* cop = out.ActorOf("Iraqi police");
  ASSERT_NE(cop, nullptr);
  EXPECT_EQ(cop->cameo, "IRQCOP");
  const Actor* mil = out.ActorOf("Iraq defense ministry");
  ASSERT_NE(mil, nullptr);
  EXPECT_EQ(mil->cameo, "IRQGOVMIL");
  EXPECT_EQ(out.r.mentions.size(), 2u);
}

TEST(Dictionary, PreferredOverBuiltins) {
  auto res = Load(kFixture);
  ASSERT_TRUE(res);
  std::vector<DictionaryActor> actors(1);
  actors[0].name = "NATO (dictionary)";
  actors[0].phrases = {"NATO"};
  actors[0].codes = {{"IGONAT", std::nullopt, std::nullopt}};
  res->AddDictionary(actors, {}, false);
  const Resolved out = ResolveText(*res, "NATO met.", "2024-04-02");
  const Actor* a = out.ActorOf("NATO");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->cameo, "IGONAT");
}

// ------------------------------------------------------------- gazetteer

void Varint(std::string* out, uint64_t v) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}
void Str(std::string* out, int tag, std::string_view s) {
  Varint(out, static_cast<uint64_t>(tag) << 3 | 2);
  Varint(out, s.size());
  out->append(s);
}

TEST(Gazetteer, CompilesAndMapsCities) {
  const std::string dir = ::testing::TempDir() + "/annals-gaz";
  std::filesystem::create_directories(dir);
  struct C {
    const char* name;
    const char* cc;
    const char* fc;
    uint32_t pop;
    double lat, lon;
  };
  const C cities[] = {{"Paris", "US", "PPLA2", 24782, 33.66, -95.56},
                      {"Paris", "FR", "PPLC", 2138551, 48.85, 2.35},
                      {"Le Mans", "FR", "PPLA2", 143599, 48.0, 0.2},
                      {"Springfield", "US", "PPLA", 114394, 39.8, -89.64}};
  std::string pbf;
  int64_t last_lat = 0, last_lon = 0;
  for (const C& c : cities) {
    std::string m;
    Str(&m, 2, c.name);
    Str(&m, 3, c.cc);
    Str(&m, 7, c.fc);
    Varint(&m, 9 << 3);
    Varint(&m, c.pop);
    const int64_t lon = static_cast<int64_t>(c.lon * 1e5 + (c.lon < 0 ? -0.5 : 0.5));
    const int64_t lat = static_cast<int64_t>(c.lat * 1e5 + (c.lat < 0 ? -0.5 : 0.5));
    auto zz = [](int64_t v) { return static_cast<uint64_t>((v << 1) ^ (v >> 63)); };
    Varint(&m, 10 << 3);
    Varint(&m, zz(lon - last_lon));
    Varint(&m, 11 << 3);
    Varint(&m, zz(lat - last_lat));
    last_lon = lon;
    last_lat = lat;
    Varint(&pbf, m.size());
    pbf += m;
  }
  std::ofstream(dir + "/cities.pbf", std::ios::binary) << pbf;
  std::ofstream(dir + "/iso.json")
      << R"({"3166-1":[{"alpha_2":"FR","alpha_3":"FRA"},{"alpha_2":"US","alpha_3":"USA"}]})";
  std::ofstream(dir + "/male.txt") << "Antony\nJordan\n";
  std::ofstream(dir + "/female.txt") << "Audrey\nJordan\n";
  std::ofstream(dir + "/words.js") << "var words = ['the','world','cup','jordan']";
  actors::GazetteerSources src{dir + "/cities.pbf", dir + "/iso.json", dir + "/male.txt",
                               dir + "/female.txt", dir + "/words.js", 3};
  Status st = actors::CompileGazetteer(src, dir + "/gaz.bin");
  ASSERT_TRUE(st.ok()) << st.message();
  auto g = actors::Gazetteer::Open(dir + "/gaz.bin");
  ASSERT_TRUE(g);
  EXPECT_EQ(g->size(), 4u);
  std::vector<uint64_t> h;
  uint32_t caps;
  actors::PhraseHashes("Paris", &h, &caps);
  auto run = g->Find(actors::ChainOf(h));
  ASSERT_EQ(run.count, 2u);
  const actors::GazPlace& first = g->place(run.ids[0]);
  EXPECT_EQ(std::string(first.iso3, 3), "FRA");  // the capital leads
  EXPECT_NEAR(first.lat, 48.85, 1e-3);
  EXPECT_NEAR(first.lon, 2.35, 1e-3);
  EXPECT_EQ(g->name(first), "Paris");
  actors::PhraseHashes("le mans", &h, &caps);  // folded: case does not matter
  EXPECT_EQ(g->Find(actors::ChainOf(h)).count, 1u);
  actors::PhraseHashes("Le", &h, &caps);
  EXPECT_TRUE(g->HasPrefix(actors::ChainOf(h)));
  EXPECT_EQ(g->Find(actors::ChainOf(h)).count, 0u);
  EXPECT_EQ(g->Word(actors::TokenHash("Antony")).flags, actors::WordInfo::kGivenMale);
  EXPECT_EQ(
      g->Word(actors::TokenHash("jordan")).flags,
      actors::WordInfo::kGivenMale | actors::WordInfo::kGivenFemale);  // rank 4 > 3: not common
  EXPECT_EQ(g->Word(actors::TokenHash("World")).rank, 2u);
  EXPECT_EQ(g->Word(actors::TokenHash("Blinken")).flags, 0u);
  EXPECT_EQ(actors::Gazetteer::Open(dir + "/none.bin"), nullptr);
}

// The build's gazetteer (compiled from the npm packages), if there is one.
bool HaveBuildGazetteer() {
  char exe[4096];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return false;
  exe[n] = 0;
  return std::filesystem::exists(std::filesystem::path(exe).parent_path().string() +
                                 "/gazetteer.bin");
}

TEST(Gazetteer, AmbiguityByPopulationAndInCue) {
  if (!HaveBuildGazetteer()) GTEST_SKIP() << "no compiled gazetteer (scripts/install-gazetteer.sh)";
  auto res = Load(kFixture);
  ASSERT_TRUE(res);
  const Resolved out = ResolveText(
      *res, "Talks were held in Toulouse and in Lyon, then in Springfield.", "2024-04-02");
  const Actor* t = out.ActorOf("Toulouse");
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->kind, ActorKind::kPlace);
  EXPECT_EQ(t->country, "FRA");
  ASSERT_TRUE(t->lat);
  EXPECT_NEAR(*t->lat, 43.6, 0.2);
  const Actor* s = out.ActorOf("Springfield");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->country, "USA");  // the largest Springfield
  // Document context: a Paris in a text about Texas is still the capital
  // unless a cue says otherwise; a small town needs the "in" cue.
  const Resolved plain = ResolveText(*res, "Mobile phones are popular.", "2024-04-02");
  EXPECT_EQ(plain.Find("Mobile"), nullptr);
}

// ------------------------------------------------------- accuracy floors

TEST(NerFloor, Meantime) {
  const std::string dir = ANNALS_SHARED_DIR "/eval/meantime-english";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "skipped: no ../shared";
  if (!HaveBuildGazetteer()) GTEST_SKIP() << "floors are measured with the compiled gazetteer";
  auto res = Load(kData);
  ASSERT_TRUE(res);
  auto s = EvalMeantime(*res, dir, 0);
  ASSERT_TRUE(s.ok()) << s.status().message();
  PrintNerScore("meantime", *s, stdout);
  EXPECT_EQ(s->documents, 120);
  EXPECT_GE(s->all.f1(), kMeantimeFloor);
}

TEST(NerFloor, Conll) {
  const std::string path = ANNALS_SHARED_DIR "/eval/conllpp-test/conllpp_test.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "skipped: no ../shared";
  if (!HaveBuildGazetteer()) GTEST_SKIP() << "floors are measured with the compiled gazetteer";
  auto res = Load(kData);
  ASSERT_TRUE(res);
  auto s = EvalConll(*res, path, 0);
  ASSERT_TRUE(s.ok()) << s.status().message();
  PrintNerScore("conll", *s, stdout);
  EXPECT_EQ(s->documents, 231);
  EXPECT_GE(s->all.f1(), kConllFloor);
}

}  // namespace
}  // namespace annals
