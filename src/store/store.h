// The store: documents, actors, mentions and events in an embedded SQLite
// database, with the same event told by several articles fused into one
// row (fused_events) that keeps every mention as evidence.
//
// Contract: a Store is opened on one file; Add() writes inside a batch
// transaction that Flush() commits (Add flushes by itself every
// `batch_size` documents). Re-adding a document id replaces it. A document
// whose simhash is within 3 bits of a stored one is kept as a duplicate of
// it and contributes no events. Not thread-safe: one writer per Store.
// Errors name the database file and the SQLite message; a locked database
// is retried for `busy_timeout_ms` and then reported, never a crash.
#ifndef ANNALS_STORE_STORE_H_
#define ANNALS_STORE_STORE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annals/status.h"
#include "pipeline/pipeline.h"

namespace annals {

struct StoreOptions {
  int batch_size = 500;         // documents per transaction
  int busy_timeout_ms = 5000;   // how long to wait on a locked database
};

// A fused event: one (source, target, code, date) however many articles
// told it, with its counts and one piece of evidence.
struct FusedEvent {
  int64_t id = 0;
  std::string date, source, source_name, source_cameo, source_country;
  std::string target, target_name, target_cameo, target_country;
  std::string cameo, root, plover, mode, place, place_name, place_country;
  int quad = 0;
  double goldstein = 0;
  std::optional<double> place_lat, place_lon;
  int mentions = 0;   // how many times it was told
  int documents = 0;  // in how many articles
  std::string first_document, url, trigger, rule;  // evidence from the first telling
};

struct EventQuery {
  std::string actor;      // actor id, or CAMEO actor-code prefix ("USA", "FRAGOV"), source or target
  std::string from, to;   // event date range, YYYY-MM-DD (inclusive), empty = open
  std::string cameo;      // CAMEO code prefix ("03", "036")
  std::string mode;       // asserted, planned, ...
  int limit = 0;          // 0 = all
};

struct StoreStats {
  int64_t documents = 0, duplicates = 0, actors = 0, mentions = 0, event_mentions = 0, events = 0;
};

class Store {
 public:
  // Opens (creating if needed) an SQLite store at `path`.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options = {});
  virtual ~Store() = default;

  virtual Status Add(const Analysis& analysis) = 0;
  virtual Status Flush() = 0;
  virtual Result<StoreStats> Stats() = 0;
  virtual Status QueryEvents(const EventQuery& query,
                             const std::function<void(const FusedEvent&)>& row) = 0;
};

// Rebuilds an Analysis (document, actors, mentions, times, events) from one
// line of `annals extract` output, for `annals load`. The text is empty
// unless the line carries "text".
Status AnalysisFromJsonLine(std::string_view line, Analysis* out);

enum class ExportFormat { kJsonl, kCsv, kGdelt };
// Writers for query results: a header (CSV, GDELT: none) and one row each.
void WriteExportHeader(ExportFormat format, std::string* out);
void WriteExportRow(ExportFormat format, const FusedEvent& e, std::string* out);

}  // namespace annals

#endif  // ANNALS_STORE_STORE_H_
