// The embedded SQLite store.
//
// One table per kind of thing (documents, actors, mentions, events,
// event_mentions). An event row is the fused event: its key is (source,
// target, CAMEO code, date), so the same event told by many articles is one
// row with many event_mentions. Near-duplicate articles are found with the
// simhash pigeonhole trick: four 16-bit bands are indexed, and two hashes
// within 3 bits of each other must share at least one band exactly.
// Writes are batched in transactions; statements are prepared once.
#include <sqlite3.h>

#include <cstring>
#include <unordered_map>

#include "clean/clean.h"
#include "store/store.h"

namespace annals {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
INSERT OR IGNORE INTO meta VALUES ('schema_version', '1');
CREATE TABLE IF NOT EXISTS documents (
  id TEXT PRIMARY KEY, url TEXT, title TEXT, date TEXT, language TEXT,
  simhash INTEGER, band0 INTEGER, band1 INTEGER, band2 INTEGER, band3 INTEGER,
  duplicate_of TEXT, text TEXT);
CREATE INDEX IF NOT EXISTS documents_band0 ON documents(band0);
CREATE INDEX IF NOT EXISTS documents_band1 ON documents(band1);
CREATE INDEX IF NOT EXISTS documents_band2 ON documents(band2);
CREATE INDEX IF NOT EXISTS documents_band3 ON documents(band3);
CREATE TABLE IF NOT EXISTS actors (
  id TEXT PRIMARY KEY, name TEXT, kind TEXT, country TEXT, role TEXT, cameo TEXT, lat REAL, lon REAL);
CREATE TABLE IF NOT EXISTS mentions (
  document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  start INTEGER, end INTEGER, type TEXT, actor TEXT, coref INTEGER);
CREATE INDEX IF NOT EXISTS mentions_document ON mentions(document);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(actor);
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY, fusion_key TEXT NOT NULL UNIQUE, date TEXT, source TEXT, target TEXT,
  cameo TEXT, root TEXT, quad INTEGER, goldstein REAL, plover TEXT, place TEXT);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_source ON events(source);
CREATE INDEX IF NOT EXISTS events_target ON events(target);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
CREATE TABLE IF NOT EXISTS event_mentions (
  event INTEGER NOT NULL REFERENCES events(id),
  document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  mode TEXT, date_source TEXT, sentence INTEGER, start INTEGER, end INTEGER, trigger TEXT, rule TEXT);
CREATE INDEX IF NOT EXISTS event_mentions_event ON event_mentions(event);
CREATE INDEX IF NOT EXISTS event_mentions_document ON event_mentions(document);
)sql";

// A prepared statement, reset after every use.
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(s_); }
  int Prepare(sqlite3* db, const char* sql) { return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr); }
  sqlite3_stmt* get() { return s_; }
  void Text(int i, std::string_view v) {
    if (v.empty()) sqlite3_bind_null(s_, i);
    else sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(s_, i, v); }
  void Real(int i, std::optional<double> v) { v ? sqlite3_bind_double(s_, i, *v) : sqlite3_bind_null(s_, i); }
  int Step() { return sqlite3_step(s_); }
  void Reset() { sqlite3_reset(s_); sqlite3_clear_bindings(s_); }
  std::string Col(int i) {
    const auto* t = sqlite3_column_text(s_, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }

 private:
  sqlite3_stmt* s_ = nullptr;
};

class SqliteStore : public Store {
 public:
  SqliteStore(std::string path, const StoreOptions& options) : path_(std::move(path)), options_(options) {}
  ~SqliteStore() override {
    if (db_) {
      Flush();
      // close_v2 waits for the prepared statements, finalised after this body.
      sqlite3_close_v2(db_);
    }
  }

  Status Open() {
    if (sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
      return Error("cannot open");
    sqlite3_busy_timeout(db_, options_.busy_timeout_ms);
    if (sqlite3_exec(db_, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK) return Error("cannot create the schema");
    struct { Stmt* stmt; const char* sql; } prepared[] = {
        {&insert_doc_, "INSERT INTO documents VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)"},
        {&delete_doc_, "DELETE FROM documents WHERE id = ?1"},
        {&find_dups_, "SELECT id, simhash FROM documents WHERE (band0 = ?1 OR band1 = ?2 OR band2 = ?3 OR "
                      "band3 = ?4) AND duplicate_of IS NULL AND id <> ?5 LIMIT 64"},
        {&upsert_actor_,
         "INSERT INTO actors VALUES (?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT(id) DO UPDATE SET "
         "name = excluded.name, kind = excluded.kind, country = coalesce(excluded.country, country), "
         "role = coalesce(excluded.role, role), cameo = coalesce(excluded.cameo, cameo), "
         "lat = coalesce(excluded.lat, lat), lon = coalesce(excluded.lon, lon)"},
        {&insert_mention_, "INSERT INTO mentions VALUES (?1,?2,?3,?4,?5,?6)"},
        {&upsert_event_,
         "INSERT INTO events (fusion_key, date, source, target, cameo, root, quad, goldstein, plover, place) "
         "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10) ON CONFLICT(fusion_key) DO UPDATE SET "
         "place = coalesce(place, excluded.place) RETURNING id"},
        {&insert_event_mention_, "INSERT INTO event_mentions VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"},
    };
    for (auto& p : prepared)
      if (p.stmt->Prepare(db_, p.sql) != SQLITE_OK) return Error("cannot prepare a statement");
    return Status::Ok();
  }

  Status Add(const Analysis& a) override {
    if (!in_batch_) {
      if (Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
      in_batch_ = true;
    }
    const Document& d = a.doc;
    // Replacing a document: its mentions and event mentions go with it.
    delete_doc_.Text(1, d.id);
    if (delete_doc_.Step() != SQLITE_DONE) return StepError("delete", d.id, &delete_doc_);
    if (sqlite3_changes(db_) > 0) replaced_ = true;
    delete_doc_.Reset();

    std::string duplicate_of = FindDuplicate(d.id, a.clean.simhash);
    const uint64_t h = a.clean.simhash;
    insert_doc_.Text(1, d.id);
    insert_doc_.Text(2, d.url);
    insert_doc_.Text(3, d.title);
    insert_doc_.Text(4, d.dct ? FormatDate(*d.dct) : "");
    insert_doc_.Text(5, a.clean.language);
    insert_doc_.Int(6, static_cast<int64_t>(h));
    for (int b = 0; b < 4; ++b) insert_doc_.Int(7 + b, static_cast<int64_t>((h >> (16 * b)) & 0xFFFF));
    insert_doc_.Text(11, duplicate_of);
    insert_doc_.Text(12, d.text);
    if (insert_doc_.Step() != SQLITE_DONE) return StepError("insert document", d.id, &insert_doc_);
    insert_doc_.Reset();

    for (const Actor& actor : a.actors.actors) {
      upsert_actor_.Text(1, actor.id);
      upsert_actor_.Text(2, actor.name);
      upsert_actor_.Text(3, ActorKindName(actor.kind));
      upsert_actor_.Text(4, actor.country);
      upsert_actor_.Text(5, actor.role);
      upsert_actor_.Text(6, actor.cameo);
      upsert_actor_.Real(7, actor.lat);
      upsert_actor_.Real(8, actor.lon);
      if (upsert_actor_.Step() != SQLITE_DONE) return StepError("actor", d.id, &upsert_actor_);
      upsert_actor_.Reset();
    }
    auto actor_id = [&](int32_t i) -> std::string_view {
      if (i < 0 || static_cast<size_t>(i) >= a.actors.actors.size()) return {};
      return a.actors.actors[i].id;
    };
    for (const Mention& m : a.actors.mentions) {
      insert_mention_.Text(1, d.id);
      insert_mention_.Int(2, m.begin);
      insert_mention_.Int(3, m.end);
      insert_mention_.Text(4, ActorKindName(m.type));
      insert_mention_.Text(5, actor_id(m.actor));
      insert_mention_.Int(6, m.coreference);
      if (insert_mention_.Step() != SQLITE_DONE) return StepError("mention", d.id, &insert_mention_);
      insert_mention_.Reset();
    }
    if (duplicate_of.empty()) {
      std::string key;
      for (const Event& e : a.events) {
        key.assign(actor_id(e.source)).append("|").append(actor_id(e.target)).append("|");
        key.append(e.cameo).append("|").append(e.date);
        upsert_event_.Text(1, key);
        upsert_event_.Text(2, e.date);
        upsert_event_.Text(3, actor_id(e.source));
        upsert_event_.Text(4, actor_id(e.target));
        upsert_event_.Text(5, e.cameo);
        upsert_event_.Text(6, e.root);
        upsert_event_.Int(7, e.quad);
        upsert_event_.Real(8, e.goldstein);
        upsert_event_.Text(9, e.plover);
        upsert_event_.Text(10, actor_id(e.place));
        if (upsert_event_.Step() != SQLITE_ROW) return StepError("event", d.id, &upsert_event_);
        const int64_t event_id = sqlite3_column_int64(upsert_event_.get(), 0);
        upsert_event_.Reset();
        auto mention = [&](uint32_t sentence, uint32_t begin, uint32_t end, std::string_view rule) -> Status {
          insert_event_mention_.Int(1, event_id);
          insert_event_mention_.Text(2, d.id);
          insert_event_mention_.Text(3, EventModeName(e.mode));
          insert_event_mention_.Text(4, e.date_source);
          insert_event_mention_.Int(5, sentence);
          insert_event_mention_.Int(6, begin);
          insert_event_mention_.Int(7, end);
          insert_event_mention_.Text(8, e.trigger);
          insert_event_mention_.Text(9, rule);
          if (insert_event_mention_.Step() != SQLITE_DONE)
            return StepError("event mention", d.id, &insert_event_mention_);
          insert_event_mention_.Reset();
          return Status::Ok();
        };
        if (Status s = mention(e.sentence, e.begin, e.end, e.rule); !s.ok()) return s;
        for (const Event::Evidence& ev : e.also)
          if (Status s = mention(ev.sentence, ev.begin, ev.end, ev.rule); !s.ok()) return s;
      }
    }
    if (++pending_ >= options_.batch_size) return Flush();
    return Status::Ok();
  }

  Status Flush() override {
    if (!in_batch_) return Status::Ok();
    if (replaced_) {  // events whose every telling was replaced
      if (Status s = Exec("DELETE FROM events WHERE id NOT IN (SELECT event FROM event_mentions)"); !s.ok())
        return s;
      replaced_ = false;
    }
    in_batch_ = false;
    pending_ = 0;
    return Exec("COMMIT");
  }

  Result<StoreStats> Stats() override {
    StoreStats st;
    struct { int64_t* out; const char* sql; } counts[] = {
        {&st.documents, "SELECT count(*) FROM documents"},
        {&st.duplicates, "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"},
        {&st.actors, "SELECT count(*) FROM actors"},
        {&st.mentions, "SELECT count(*) FROM mentions"},
        {&st.events, "SELECT count(*) FROM events"},
        {&st.event_mentions, "SELECT count(*) FROM event_mentions"},
    };
    for (auto& c : counts) {
      Stmt s;
      if (s.Prepare(db_, c.sql) != SQLITE_OK || s.Step() != SQLITE_ROW) return Error("cannot count");
      *c.out = sqlite3_column_int64(s.get(), 0);
    }
    return st;
  }

  Status QueryEvents(const EventQuery& q, const std::function<void(const FusedEvent&)>& row) override {
    std::string sql = R"sql(
SELECT e.id, e.date, e.source, s.name, s.cameo, s.country, e.target, t.name, t.cameo, t.country,
       e.cameo, e.root, e.quad, e.goldstein, e.plover, e.place, p.name, p.country, p.lat, p.lon,
       count(*), count(DISTINCT m.document),
       CASE WHEN sum(m.mode = 'asserted') > 0 THEN 'asserted' ELSE min(m.mode) END,
       min(m.rowid)
FROM events e JOIN event_mentions m ON m.event = e.id
LEFT JOIN actors s ON s.id = e.source LEFT JOIN actors t ON t.id = e.target
LEFT JOIN actors p ON p.id = e.place
WHERE 1 = 1)sql";
    if (!q.actor.empty())
      sql += " AND (e.source = ?1 OR e.target = ?1 OR s.cameo LIKE ?2 OR t.cameo LIKE ?2)";
    if (!q.from.empty()) sql += " AND e.date >= ?3";
    if (!q.to.empty()) sql += " AND substr(e.date, 1, length(?4)) <= ?4";
    if (!q.cameo.empty()) sql += " AND e.cameo LIKE ?5";
    sql += " GROUP BY e.id";
    if (!q.mode.empty()) sql += " HAVING CASE WHEN sum(m.mode = 'asserted') > 0 THEN 'asserted' ELSE min(m.mode) END = ?6";
    sql += " ORDER BY e.date, e.id";
    if (q.limit > 0) sql += " LIMIT " + std::to_string(q.limit);
    Stmt s, evidence;
    if (s.Prepare(db_, sql.c_str()) != SQLITE_OK) return Error("cannot prepare the query");
    if (evidence.Prepare(db_, "SELECT m.document, d.url, m.trigger, m.rule FROM event_mentions m "
                              "JOIN documents d ON d.id = m.document WHERE m.rowid = ?1") != SQLITE_OK)
      return Error("cannot prepare the query");
    s.Text(1, q.actor);
    s.Text(2, q.actor + "%");
    s.Text(3, q.from);
    s.Text(4, q.to);
    s.Text(5, q.cameo + "%");
    s.Text(6, q.mode);
    FusedEvent e;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      e.id = sqlite3_column_int64(s.get(), 0);
      e.date = s.Col(1);
      e.source = s.Col(2), e.source_name = s.Col(3), e.source_cameo = s.Col(4), e.source_country = s.Col(5);
      e.target = s.Col(6), e.target_name = s.Col(7), e.target_cameo = s.Col(8), e.target_country = s.Col(9);
      e.cameo = s.Col(10), e.root = s.Col(11);
      e.quad = sqlite3_column_int(s.get(), 12);
      e.goldstein = sqlite3_column_double(s.get(), 13);
      e.plover = s.Col(14), e.place = s.Col(15), e.place_name = s.Col(16), e.place_country = s.Col(17);
      e.place_lat = sqlite3_column_type(s.get(), 18) == SQLITE_NULL ? std::nullopt
                                                                   : std::optional(sqlite3_column_double(s.get(), 18));
      e.place_lon = sqlite3_column_type(s.get(), 19) == SQLITE_NULL ? std::nullopt
                                                                   : std::optional(sqlite3_column_double(s.get(), 19));
      e.mentions = sqlite3_column_int(s.get(), 20);
      e.documents = sqlite3_column_int(s.get(), 21);
      e.mode = s.Col(22);
      evidence.Int(1, sqlite3_column_int64(s.get(), 23));
      if (evidence.Step() == SQLITE_ROW) {
        e.first_document = evidence.Col(0), e.url = evidence.Col(1);
        e.trigger = evidence.Col(2), e.rule = evidence.Col(3);
      }
      evidence.Reset();
      row(e);
    }
    if (rc != SQLITE_DONE) return Error("query failed");
    return Status::Ok();
  }

 private:
  Status Error(const std::string& what) {
    return Status::IoError(path_ + ": " + what + ": " + (db_ ? sqlite3_errmsg(db_) : "out of memory"));
  }
  Status StepError(const char* what, const std::string& doc, Stmt* s) {
    Status st = Error(std::string(what) + " of document " + doc);
    s->Reset();
    return st;
  }
  Status Exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return Error(sql);
    return Status::Ok();
  }

  // The id of a stored, original document within 3 bits of `h`, or "".
  std::string FindDuplicate(const std::string& id, uint64_t h) {
    if (h == 0) return "";
    for (int b = 0; b < 4; ++b) find_dups_.Int(1 + b, static_cast<int64_t>((h >> (16 * b)) & 0xFFFF));
    find_dups_.Text(5, id);
    std::string found;
    while (find_dups_.Step() == SQLITE_ROW) {
      const auto other = static_cast<uint64_t>(sqlite3_column_int64(find_dups_.get(), 1));
      if (SimhashDistance(h, other) <= 3) {
        found = find_dups_.Col(0);
        break;
      }
    }
    find_dups_.Reset();
    return found;
  }

  std::string path_;
  StoreOptions options_;
  sqlite3* db_ = nullptr;
  Stmt insert_doc_, delete_doc_, find_dups_, upsert_actor_, insert_mention_, upsert_event_, insert_event_mention_;
  bool in_batch_ = false;
  bool replaced_ = false;
  int pending_ = 0;
};

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  auto store = std::make_unique<SqliteStore>(path, options);
  if (Status s = store->Open(); !s.ok()) return s;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace annals
