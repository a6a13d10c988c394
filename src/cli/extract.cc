// `annals extract`: every input through the pipeline, one JSON line per
// document, in input order. Bad records are reported on standard error
// (one line each, naming input, record and byte offset) and skipped; the
// exit code says whether everything came through.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"
#include "store/store.h"

namespace annals::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string format = "auto";
  std::string date;
  std::string data_dir;
  bool with_text = false;
  bool with_sentences = false;
  bool clean_text = false;
  bool day_first = false;
  std::string output;  // empty: standard output, unless --db is given
  std::string db;
  int threads = 0;  // 0: one per core
  std::string until = "events";  // last stage to run
  std::vector<std::string> patterns, petrarch_verbs, petrarch_actors, petrarch_agents;
};

// Runs the pipeline on several threads while keeping the output in input
// order. The reading thread gathers documents into numbered batches (a
// hand-off per batch, not per document, keeps thread wake-ups off the
// profile) and queues them, bounded so that memory stays flat on huge
// inputs; workers analyse and serialise a batch in parallel, then take
// turns, in batch order, to write its lines and add its documents to the
// store.
class OrderedRunner {
 public:
  OrderedRunner(const Pipeline& pipeline, const OutputOptions& options, FILE* out, Store* store,
                int threads)
      : pipeline_(pipeline), options_(options), out_(out), store_(store) {
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { Work(); });
  }
  ~OrderedRunner() { Finish(); }

  void Submit(Document&& doc) {
    pending_bytes_ += doc.text.size();
    pending_.push_back(std::move(doc));
    if (pending_.size() >= kBatchDocs || pending_bytes_ >= kBatchBytes) SubmitPending();
  }

  void Finish() {
    SubmitPending();
    {
      std::lock_guard lock(mu_);
      if (done_) return;
      done_ = true;
    }
    not_empty_.notify_all();
    for (auto& t : workers_) t.join();
    if (out_) std::fflush(out_);
  }

  // The first store error, if any (the run stops adding after it).
  const Status& store_status() const { return store_status_; }

 private:
  static constexpr size_t kBatchDocs = 32;
  static constexpr size_t kBatchBytes = 1u << 20;
  static constexpr size_t kMaxQueued = 8;  // batches

  void SubmitPending() {
    if (pending_.empty()) return;
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return queue_.size() < kMaxQueued; });
    queue_.emplace_back(next_in_++, std::move(pending_));
    pending_.clear();
    pending_bytes_ = 0;
    not_empty_.notify_one();
  }

  void Work() {
    std::vector<Analysis> analyses;  // reused: their buffers survive batches
    std::vector<Document> batch;
    std::string lines;
    for (;;) {
      uint64_t seq;
      {
        std::unique_lock lock(mu_);
        not_empty_.wait(lock, [&] { return done_ || !queue_.empty(); });
        if (queue_.empty()) return;
        seq = queue_.front().first;
        batch = std::move(queue_.front().second);
        queue_.pop_front();
        not_full_.notify_one();
      }
      if (analyses.size() < batch.size()) analyses.resize(batch.size());
      lines.clear();
      for (size_t i = 0; i < batch.size(); ++i) {
        analyses[i].doc = std::move(batch[i]);
        pipeline_.Analyze(&analyses[i]);
        if (out_) Pipeline::WriteJson(analyses[i], options_, &lines);
      }
      std::unique_lock lock(out_mu_);
      turn_.wait(lock, [&] { return next_out_ == seq; });
      if (out_) std::fwrite(lines.data(), 1, lines.size(), out_);
      for (size_t i = 0; i < batch.size() && store_ && store_status_.ok(); ++i)
        store_status_ = store_->Add(analyses[i]);
      ++next_out_;
      turn_.notify_all();
    }
  }

  const Pipeline& pipeline_;
  const OutputOptions& options_;
  FILE* out_;
  Store* store_;
  std::vector<Document> pending_;  // reading thread only
  size_t pending_bytes_ = 0;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<std::pair<uint64_t, std::vector<Document>>> queue_;
  uint64_t next_in_ = 0;
  bool done_ = false;
  std::mutex out_mu_;
  std::condition_variable turn_;
  uint64_t next_out_ = 0;
  Status store_status_;
};

// Expands directories (recursively, sorted, hidden files skipped).
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      out.insert(out.end(), files.begin(), files.end());
    } else {
      out.push_back(in);
    }
  }
  return out;
}

void RunExtract(const ExtractArgs& args) {
  IngestOptions ingest;
  if (auto f = ParseInputFormat(args.format)) {
    ingest.format = *f;
  } else {
    std::fprintf(stderr, "annals extract: unknown --format '%s'\n", args.format.c_str());
    throw CLI::RuntimeError(kExitUsage);
  }
  if (!args.date.empty()) {
    ingest.default_date = ParseIsoDate(args.date);
    if (!ingest.default_date) {
      std::fprintf(stderr, "annals extract: --date '%s' is not YYYY-MM-DD\n", args.date.c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
  }
  PipelineOptions popts;
  popts.data_dir = args.data_dir;
  popts.time.day_first = args.day_first;
  // --until: stop after a stage (to measure or debug the stages before it).
  static const char* kStages[] = {"text", "time", "actors", "events"};
  const size_t stage =
      static_cast<size_t>(std::find(std::begin(kStages), std::end(kStages), args.until) - std::begin(kStages));
  if (stage == std::size(kStages)) {
    std::fprintf(stderr, "annals extract: --until takes text, time, actors or events\n");
    throw CLI::RuntimeError(kExitUsage);
  }
  popts.run_times = stage >= 1;
  popts.run_actors = stage >= 2;
  popts.run_events = stage >= 3;
  popts.pattern_files = args.patterns;
  popts.petrarch_verbs = args.petrarch_verbs;
  popts.petrarch_actors = args.petrarch_actors;
  popts.petrarch_agents = args.petrarch_agents;
  std::vector<std::string> warnings;
  auto pipeline = Pipeline::Create(popts, &warnings);
  for (const std::string& w : warnings) std::fprintf(stderr, "annals extract: warning: %s\n", w.c_str());
  if (!pipeline.ok()) {
    std::fprintf(stderr, "annals extract: %s\n", pipeline.status().message().c_str());
    throw CLI::RuntimeError(kExitUsage);
  }
  std::unique_ptr<Store> store;
  if (!args.db.empty()) {
    auto opened = Store::Open(args.db);
    if (!opened.ok()) {
      std::fprintf(stderr, "annals extract: %s\n", opened.status().message().c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
    store = std::move(opened).value();
  }
  FILE* out = args.db.empty() || args.output == "-" ? stdout : nullptr;
  if (!args.output.empty() && args.output != "-") {
    out = std::fopen(args.output.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "annals extract: cannot write %s\n", args.output.c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
  }
  OutputOptions oopts;
  oopts.with_text = args.with_text;
  oopts.with_sentences = args.with_sentences;
  oopts.with_clean_text = args.clean_text;

  int threads = args.threads > 0 ? args.threads : static_cast<int>(std::thread::hardware_concurrency());
  threads = std::clamp(threads, 1, 64);
  bool any_error = false;
  {
    OrderedRunner runner(**pipeline, oopts, out, store.get(), threads);
    for (const std::string& input : ExpandInputs(args.inputs)) {
      auto sink = [&](Document&& doc) {
        if (!doc.dct) {
          std::fprintf(stderr,
                       "annals: %s: record %llu, byte %llu: no document date; relative times left "
                       "unresolved (use --date)\n",
                       doc.input.c_str(), static_cast<unsigned long long>(doc.record),
                       static_cast<unsigned long long>(doc.input_offset));
        }
        runner.Submit(std::move(doc));
        return true;
      };
      auto on_error = [&](const Status& s) {
        any_error = true;
        std::fprintf(stderr, "annals: %s\n", s.message().c_str());
      };
      Status st = ReadInput(input, ingest, sink, on_error);
      if (!st.ok()) any_error = true;
    }
    runner.Finish();
    Status st = runner.store_status();
    if (st.ok() && store) st = store->Flush();
    if (!st.ok()) {
      std::fprintf(stderr, "annals extract: %s\n", st.message().c_str());
      any_error = true;
    }
  }
  if (out != nullptr && out != stdout) std::fclose(out);
  if (out == stdout) std::fflush(out);
  if (any_error) throw CLI::RuntimeError(kExitSomeFailed);
}

}  // namespace

void AddExtractCommand(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Extract events from articles; writes one JSON line per document");
  cmd->add_option("inputs", args->inputs, "Files, folders (read recursively) or - for standard input")->required();
  cmd->add_option("--format", args->format, "auto|text|jsonl|html|warc|rss (default: detected)");
  cmd->add_option("--date", args->date, "Document creation date YYYY-MM-DD for inputs without one");
  cmd->add_option("--data", args->data_dir, "Data folder (default: $ANNALS_DATA or the build's data/)");
  cmd->add_option("-o,--output", args->output, "JSONL output file (default: standard output; none with --db)");
  cmd->add_option("--db", args->db, "Also add every document to this SQLite store (created if missing)");
  cmd->add_flag("--with-text", args->with_text, "Add the document text, so offsets can be checked");
  cmd->add_flag("--sentences", args->with_sentences, "Add sentence spans");
  cmd->add_flag("--clean-text", args->clean_text, "Add the text with boilerplate removed");
  cmd->add_option("-j,--threads", args->threads, "Worker threads (default: one per core)");
  cmd->add_option("--until", args->until, "Last stage to run: text, time, actors or events (default)");
  cmd->add_option("--patterns", args->patterns, "An event pattern file of your own (docs/PATTERNS.md); repeatable");
  cmd->add_option("--petrarch-verbs", args->petrarch_verbs, "A PETRARCH verb dictionary to use beside the built-in patterns; repeatable");
  cmd->add_option("--petrarch-actors", args->petrarch_actors, "A PETRARCH/Phoenix actor dictionary; repeatable");
  cmd->add_option("--petrarch-agents", args->petrarch_agents, "A PETRARCH/Phoenix agent dictionary; repeatable");
  cmd->add_flag("--day-first", args->day_first, "Read 04/02/2024 as 4 February (default: April 2)");
  cmd->callback([args] { RunExtract(*args); });
}

}  // namespace annals::cli
