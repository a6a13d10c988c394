// The embedded store: fusion of the same event across articles, near-
// duplicate articles, replacement of a re-added document, query filters,
// exports, the JSONL round trip, and a locked database.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "store/store.h"

namespace annals {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("annals-store-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "annals.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Store> Open() {
    auto s = Store::Open(path_);
    EXPECT_TRUE(s.ok()) << s.status().message();
    return std::move(s).value();
  }

  std::vector<FusedEvent> Query(Store& s, EventQuery q = {}) {
    std::vector<FusedEvent> rows;
    EXPECT_TRUE(s.QueryEvents(q, [&](const FusedEvent& e) { rows.push_back(e); }).ok());
    return rows;
  }

  std::filesystem::path dir_;
  std::string path_;
};

// A document telling "Blinken meets Macron in Paris on <date>".
Analysis Talks(const std::string& id, const std::string& date, uint64_t simhash, EventMode mode) {
  Analysis a;
  a.doc.id = id;
  a.doc.url = "https://example.org/" + id;
  a.doc.dct = ParseIsoDate(date);
  a.doc.text = "Blinken will meet with Macron in Paris.";
  a.clean.language = "en";
  a.clean.simhash = simhash;
  Actor blinken{"antony-blinken", "Antony Blinken", ActorKind::kPerson, "USA", "Secretary of State", "USAGOV"};
  Actor macron{"emmanuel-macron", "Emmanuel Macron", ActorKind::kPerson, "FRA", "President", "FRAGOV"};
  Actor paris{"paris", "Paris", ActorKind::kPlace, "FRA", "", "", 48.8566, 2.3522};
  a.actors.actors = {blinken, macron, paris};
  a.actors.mentions = {Mention{0, 7, 0, 1, 0, ActorKind::kPerson, 0}, Mention{23, 29, 4, 5, 0, ActorKind::kPerson, 1}};
  Event e;
  e.source = 0, e.target = 1, e.place = 2;
  e.cameo = "036", e.root = "03", e.quad = 1, e.goldstein = 4.0, e.plover = "CONSULT";
  e.mode = mode;
  e.date = date, e.date_source = "dct";
  e.begin = 0, e.end = 39, e.trigger = "will meet with", e.rule = "verb:MEET_WITH";
  a.events.push_back(e);
  return a;
}

TEST_F(StoreTest, FusesTheSameEventAcrossArticles) {
  auto s = Open();
  ASSERT_TRUE(s->Add(Talks("a", "2024-04-02", 0x00000000FFFF0000ull, EventMode::kPlanned)).ok());
  ASSERT_TRUE(s->Add(Talks("b", "2024-04-02", 0x0F0F0F0F00000000ull, EventMode::kAsserted)).ok());
  ASSERT_TRUE(s->Add(Talks("c", "2024-04-03", 0x1234567800000000ull, EventMode::kAsserted)).ok());
  ASSERT_TRUE(s->Flush().ok());
  const auto rows = Query(*s);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].date, "2024-04-02");
  EXPECT_EQ(rows[0].documents, 2);
  EXPECT_EQ(rows[0].mentions, 2);
  EXPECT_EQ(rows[0].mode, "asserted") << "an event told as planned and as done is done";
  EXPECT_EQ(rows[0].first_document, "a");
  EXPECT_EQ(rows[0].source_cameo, "USAGOV");
  EXPECT_EQ(rows[0].place_name, "Paris");
  EXPECT_EQ(rows[1].documents, 1);
  auto stats = s->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->documents, 3);
  EXPECT_EQ(stats->actors, 3);
  EXPECT_EQ(stats->events, 2);
}

TEST_F(StoreTest, NearDuplicateArticlesAddNoEvents) {
  auto s = Open();
  ASSERT_TRUE(s->Add(Talks("orig", "2024-04-02", 0xDEADBEEF12345678ull, EventMode::kPlanned)).ok());
  // Three bits away: a copy of the same wire story.
  ASSERT_TRUE(s->Add(Talks("copy", "2024-04-02", 0xDEADBEEF12345678ull ^ 0x8000000000000101ull, EventMode::kPlanned)).ok());
  ASSERT_TRUE(s->Flush().ok());
  const auto rows = Query(*s);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].documents, 1);
  EXPECT_EQ(s->Stats()->duplicates, 1);
}

TEST_F(StoreTest, ReAddingADocumentReplacesIt) {
  auto s = Open();
  ASSERT_TRUE(s->Add(Talks("a", "2024-04-02", 1, EventMode::kPlanned)).ok());
  ASSERT_TRUE(s->Flush().ok());
  ASSERT_TRUE(s->Add(Talks("a", "2024-04-05", 1, EventMode::kPlanned)).ok());
  ASSERT_TRUE(s->Flush().ok());
  const auto rows = Query(*s);
  ASSERT_EQ(rows.size(), 1u) << "the old telling's event is gone with it";
  EXPECT_EQ(rows[0].date, "2024-04-05");
  EXPECT_EQ(s->Stats()->documents, 1);
  EXPECT_EQ(s->Stats()->mentions, 2);
}

TEST_F(StoreTest, QueryFilters) {
  auto s = Open();
  ASSERT_TRUE(s->Add(Talks("a", "2024-04-02", 1ull << 40, EventMode::kPlanned)).ok());
  ASSERT_TRUE(s->Add(Talks("b", "2024-05-10", 0xFFull, EventMode::kNegated)).ok());
  ASSERT_TRUE(s->Flush().ok());
  EventQuery q;
  q.actor = "FRA";
  EXPECT_EQ(Query(*s, q).size(), 2u);
  q.actor = "antony-blinken";
  q.from = "2024-05-01";
  EXPECT_EQ(Query(*s, q).size(), 1u);
  q = {};
  q.to = "2024-04";
  EXPECT_EQ(Query(*s, q).size(), 1u);
  q = {};
  q.cameo = "04";
  EXPECT_EQ(Query(*s, q).size(), 0u);
  q = {};
  q.mode = "negated";
  ASSERT_EQ(Query(*s, q).size(), 1u);
  EXPECT_EQ(Query(*s, q)[0].date, "2024-05-10");
  q = {};
  q.limit = 1;
  EXPECT_EQ(Query(*s, q).size(), 1u);
}

TEST_F(StoreTest, ExportsGdeltCsvAndJson) {
  auto s = Open();
  Analysis a = Talks("a", "2024-04-02", 1, EventMode::kPlanned);
  a.events[0].date = "2022-12";  // a month: GDELT gets its first day
  ASSERT_TRUE(s->Add(a).ok());
  ASSERT_TRUE(s->Flush().ok());
  const auto rows = Query(*s);
  ASSERT_EQ(rows.size(), 1u);
  std::string tsv;
  WriteExportRow(ExportFormat::kGdelt, rows[0], &tsv);
  std::vector<std::string> cols;
  size_t start = 0;
  for (size_t i = 0; i <= tsv.size() - 1; ++i)
    if (tsv[i] == '\t' || tsv[i] == '\n') cols.push_back(tsv.substr(start, i - start)), start = i + 1;
  ASSERT_EQ(cols.size(), 61u);
  EXPECT_EQ(cols[1], "20221201");
  EXPECT_EQ(cols[5], "USAGOV");
  EXPECT_EQ(cols[6], "ANTONY BLINKEN");
  EXPECT_EQ(cols[12], "GOV");
  EXPECT_EQ(cols[26], "036");
  EXPECT_EQ(cols[28], "03");
  EXPECT_EQ(cols[29], "1");
  EXPECT_EQ(cols[52], "Paris");
  EXPECT_EQ(cols[60], "https://example.org/a");

  std::string csv;
  WriteExportHeader(ExportFormat::kCsv, &csv);
  WriteExportRow(ExportFormat::kCsv, rows[0], &csv);
  EXPECT_NE(csv.find("036,03,1,4.0,CONSULT,planned,paris,Paris,48.8566,2.3522,1,1,a,"), std::string::npos) << csv;
  std::string json;
  WriteExportRow(ExportFormat::kJsonl, rows[0], &json);
  EXPECT_NE(json.find("\"cameo\":\"036\""), std::string::npos);
}

TEST_F(StoreTest, JsonLineRoundTrip) {
  const Analysis a = Talks("a", "2024-04-02", 0xABCDull, EventMode::kPlanned);
  std::string line;
  OutputOptions opt;
  opt.with_text = true;
  Pipeline::WriteJson(a, opt, &line);
  Analysis b;
  ASSERT_TRUE(AnalysisFromJsonLine(line, &b).ok());
  std::string again;
  Pipeline::WriteJson(b, opt, &again);
  EXPECT_EQ(line, again);
  EXPECT_FALSE(AnalysisFromJsonLine("{not json", &b).ok());
  EXPECT_FALSE(AnalysisFromJsonLine("[1,2]", &b).ok());
}

TEST_F(StoreTest, LockedDatabaseIsAnErrorNamingTheFile) {
  sqlite3* other = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &other), SQLITE_OK);
  StoreOptions opts;
  opts.busy_timeout_ms = 50;
  {
    auto s = Store::Open(path_, opts);
    ASSERT_TRUE(s.ok());
    ASSERT_EQ(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
    Status st = (*s)->Add(Talks("a", "2024-04-02", 1, EventMode::kPlanned));
    EXPECT_FALSE(st.ok());
    EXPECT_NE(st.message().find(path_), std::string::npos) << st.message();
    EXPECT_NE(st.message().find("locked"), std::string::npos) << st.message();
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  }
  sqlite3_close(other);
}

}  // namespace
}  // namespace annals
