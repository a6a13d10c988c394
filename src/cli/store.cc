// `annals load` and `annals query`: the embedded store from the command
// line. load reads `annals extract` output (JSONL) into an SQLite file;
// query reads fused events back as a table, JSON lines, CSV or a
// GDELT-compatible TSV.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "store/store.h"

namespace annals::cli {
namespace {

struct LoadArgs {
  std::vector<std::string> inputs;
  std::string db;
};

void RunLoad(const LoadArgs& args) {
  auto store = Store::Open(args.db);
  if (!store.ok()) {
    std::fprintf(stderr, "annals load: %s\n", store.status().message().c_str());
    throw CLI::RuntimeError(kExitUsage);
  }
  bool any_error = false;
  uint64_t loaded = 0;
  Analysis analysis;
  for (const std::string& input : args.inputs) {
    std::ifstream file;
    std::istream* in = &std::cin;
    if (input != "-") {
      file.open(input, std::ios::binary);
      if (!file) {
        std::fprintf(stderr, "annals load: %s: cannot open\n", input.c_str());
        any_error = true;
        continue;
      }
      in = &file;
    }
    std::string line;
    uint64_t record = 0, offset = 0;
    while (std::getline(*in, line)) {
      ++record;
      const uint64_t here = offset;
      offset += line.size() + 1;
      if (line.empty()) continue;
      Status s = AnalysisFromJsonLine(line, &analysis);
      if (s.ok()) s = (*store)->Add(analysis);
      if (!s.ok()) {
        std::fprintf(stderr, "annals load: %s: record %llu, byte %llu: %s\n", input.c_str(),
                     static_cast<unsigned long long>(record), static_cast<unsigned long long>(here),
                     s.message().c_str());
        any_error = true;
        continue;
      }
      ++loaded;
    }
  }
  if (Status s = (*store)->Flush(); !s.ok()) {
    std::fprintf(stderr, "annals load: %s\n", s.message().c_str());
    throw CLI::RuntimeError(kExitSomeFailed);
  }
  auto stats = (*store)->Stats();
  if (stats.ok())
    std::fprintf(stderr, "annals load: %llu documents loaded; store: %lld documents (%lld duplicates), %lld actors, %lld events from %lld mentions\n",
                 static_cast<unsigned long long>(loaded), static_cast<long long>(stats->documents),
                 static_cast<long long>(stats->duplicates), static_cast<long long>(stats->actors),
                 static_cast<long long>(stats->events), static_cast<long long>(stats->event_mentions));
  if (any_error) throw CLI::RuntimeError(kExitSomeFailed);
}

struct QueryArgs {
  std::string db;
  EventQuery query;
  std::string format = "table";
};

std::string Clip(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "~";
}

void RunQuery(const QueryArgs& args) {
  auto store = Store::Open(args.db);
  if (!store.ok()) {
    std::fprintf(stderr, "annals query: %s\n", store.status().message().c_str());
    throw CLI::RuntimeError(kExitUsage);
  }
  std::string out;
  Status s;
  if (args.format == "table") {
    std::printf("%-10s  %-24s  %-4s  %-24s  %-16s  %-12s  %s\n", "date", "source", "code", "target",
                "place", "mode", "told");
    s = (*store)->QueryEvents(args.query, [&](const FusedEvent& e) {
      std::printf("%-10s  %-24s  %-4s  %-24s  %-16s  %-12s  %d in %d doc%s\n", e.date.c_str(),
                  Clip(e.source_name.empty() ? "-" : e.source_name, 24).c_str(), e.cameo.c_str(),
                  Clip(e.target_name.empty() ? "-" : e.target_name, 24).c_str(),
                  Clip(e.place_name.empty() ? "-" : e.place_name, 16).c_str(), e.mode.c_str(),
                  e.mentions, e.documents, e.documents == 1 ? "" : "s");
    });
  } else {
    ExportFormat f;
    if (args.format == "jsonl" || args.format == "json") f = ExportFormat::kJsonl;
    else if (args.format == "csv") f = ExportFormat::kCsv;
    else if (args.format == "gdelt") f = ExportFormat::kGdelt;
    else {
      std::fprintf(stderr, "annals query: unknown --format '%s'\n", args.format.c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
    WriteExportHeader(f, &out);
    s = (*store)->QueryEvents(args.query, [&](const FusedEvent& e) {
      WriteExportRow(f, e, &out);
      if (out.size() > (1u << 20)) {
        std::fwrite(out.data(), 1, out.size(), stdout);
        out.clear();
      }
    });
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  if (!s.ok()) {
    std::fprintf(stderr, "annals query: %s\n", s.message().c_str());
    throw CLI::RuntimeError(kExitSomeFailed);
  }
}

}  // namespace

void AddStoreCommands(CLI::App& app) {
  auto load = std::make_shared<LoadArgs>();
  CLI::App* lc = app.add_subcommand("load", "Load `annals extract` output (JSONL) into the embedded store");
  lc->add_option("inputs", load->inputs, "JSONL files, or - for standard input")->required();
  lc->add_option("--db", load->db, "SQLite store file (created if missing)")->required();
  lc->callback([load] { RunLoad(*load); });

  auto query = std::make_shared<QueryArgs>();
  CLI::App* qc = app.add_subcommand("query", "Events of the store, fused across articles");
  qc->add_option("--db", query->db, "SQLite store file")->required();
  qc->add_option("--actor", query->query.actor, "Actor id, or CAMEO actor code prefix (USA, FRAGOV)");
  qc->add_option("--from", query->query.from, "First event date, YYYY-MM-DD");
  qc->add_option("--to", query->query.to, "Last event date, YYYY-MM-DD");
  qc->add_option("--cameo", query->query.cameo, "CAMEO event code prefix (03, 036)");
  qc->add_option("--mode", query->query.mode, "asserted, planned, reported, negated, hypothetical");
  qc->add_option("--limit", query->query.limit, "At most this many events");
  qc->add_option("--format", query->format, "table (default), jsonl, csv, gdelt");
  qc->callback([query] { RunQuery(*query); });
}

}  // namespace annals::cli
