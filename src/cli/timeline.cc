// `annals timeline FILE.jsonl|-`: the events of `annals extract` output as
// an aligned table sorted by date: date, source, event (CAMEO name),
// target, place, mode. Actor ids are shown by their names; CAMEO names
// come from the codebook in the data folder.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "events/events.h"
#include "pipeline/pipeline.h"

namespace annals::cli {
namespace {

struct Row {
  std::string date, source, event, target, place, mode, doc;
  size_t order = 0;
};

// Display width in code points (good enough for names in Latin scripts).
size_t Width(const std::string& s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// Cuts to at most `max` code points, marking the cut with "~".
std::string Fit(const std::string& s, size_t max) {
  if (Width(s) <= max) return s;
  size_t n = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (n == max - 1) break;
      ++n;
    }
  }
  return s.substr(0, i) + "~";
}

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

void AddTimelineCommand(CLI::App& app) {
  struct Opts {
    std::string input = "-";
    std::string data;
    size_t width = 30;
    bool with_doc = false;
  };
  auto opts = std::make_shared<Opts>();
  CLI::App* cmd = app.add_subcommand(
      "timeline", "Print the events of `annals extract` output (JSONL) as a table sorted by date");
  cmd->add_option("input", opts->input,
                  "JSONL file from `annals extract`, or - for standard input");
  cmd->add_option("--data", opts->data, "the annals data folder (for CAMEO names)");
  cmd->add_option("--width", opts->width, "widest column, in characters")
      ->check(CLI::Range(8, 200));
  cmd->add_flag("--doc", opts->with_doc, "add the document id column");
  cmd->callback([opts] {
    auto cb = Codebook::Load(ResolveDataDir(opts->data) + "/events/cameo_codebook.tsv");
    if (!cb.ok()) {
      std::fprintf(stderr, "annals timeline: %s\n", cb.status().message().c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
    std::ifstream file;
    std::istream* in = &std::cin;
    if (opts->input != "-") {
      file.open(opts->input);
      if (!file) {
        std::fprintf(stderr, "annals timeline: %s: cannot open\n", opts->input.c_str());
        throw CLI::RuntimeError(kExitUsage);
      }
      in = &file;
    }
    std::vector<Row> rows;
    std::string line;
    uint64_t line_no = 0;
    int errors = 0;
    while (std::getline(*in, line)) {
      ++line_no;
      if (line.empty()) continue;
      nlohmann::json doc;
      try {
        doc = nlohmann::json::parse(line);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "annals timeline: %s: line %llu: invalid JSON\n", opts->input.c_str(),
                     static_cast<unsigned long long>(line_no));
        ++errors;
        continue;
      }
      const nlohmann::json& actors =
          doc.contains("actors") ? doc["actors"] : nlohmann::json::object();
      auto name = [&](const nlohmann::json& id) -> std::string {
        if (!id.is_string()) return "-";
        const std::string s = id.get<std::string>();
        if (actors.is_object() && actors.contains(s) && actors[s].contains("name"))
          return Str(actors[s], "name");
        return s;
      };
      if (!doc.contains("events") || !doc["events"].is_array()) continue;
      for (const auto& e : doc["events"]) {
        Row r;
        r.date = Str(e, "date");
        if (Str(e, "date_source") == "dct") r.date += "*";
        r.source = name(e.value("source", nlohmann::json()));
        r.target = name(e.value("target", nlohmann::json()));
        r.place = name(e.value("place", nlohmann::json()));
        const std::string code = Str(e, "cameo");
        const CameoCode* c = cb->Find(code);
        r.event = c ? c->name + " (" + code + ")" : code;
        r.mode = Str(e, "mode");
        r.doc = Str(doc, "id");
        r.order = rows.size();
        rows.push_back(std::move(r));
      }
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return a.date < b.date; });
    const char* heads[] = {"date", "source", "event", "target", "place", "mode", "doc"};
    const int ncol = opts->with_doc ? 7 : 6;
    std::vector<std::vector<std::string>> cells;
    for (const Row& r : rows)
      cells.push_back({r.date, r.source, r.event, r.target, r.place, r.mode, r.doc});
    std::vector<size_t> w(7, 0);
    for (int k = 0; k < ncol; ++k) w[k] = Width(heads[k]);
    for (auto& c : cells)
      for (int k = 0; k < ncol; ++k) {
        c[k] = Fit(c[k], k == 2 ? opts->width + 14 : opts->width);
        w[k] = std::max(w[k], Width(c[k]));
      }
    std::string out;
    auto put_row = [&](const std::vector<std::string>& c) {
      for (int k = 0; k < ncol; ++k) {
        out += c[k];
        if (k + 1 < ncol) out.append(w[k] - Width(c[k]) + 2, ' ');
      }
      out += '\n';
    };
    put_row({heads[0], heads[1], heads[2], heads[3], heads[4], heads[5], heads[6]});
    std::vector<std::string> rule;
    for (int k = 0; k < 7; ++k) rule.push_back(std::string(k < ncol ? w[k] : 0, '-'));
    put_row(rule);
    for (const auto& c : cells) put_row(c);
    out += std::to_string(rows.size()) + " events";
    if (std::any_of(rows.begin(), rows.end(), [](const Row& r) { return r.date.ends_with("*"); }))
      out += " (* dated by the document's date)";
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
    if (errors > 0) throw CLI::RuntimeError(kExitSomeFailed);
  });
}

}  // namespace annals::cli
