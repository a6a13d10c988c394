// `annals eval timex [DIR]`: TempEval-3 Task A scoring of the time stage.
//
// Reads every .tml file under DIR (default: the platinum test set of the
// shared eval folder), tags each file's plain text with its own DCT, and
// prints strict and relaxed span P/R/F1, type and value accuracy, and the
// TempEval-3 attribute F1 for type and value. With --errors it also lists
// the disagreements, one per line, for development on TBAQ-cleaned.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "text/text.h"
#include "time/timeml.h"

namespace annals::cli {
namespace {

struct EvalTimexArgs {
  std::string dir = ANNALS_SHARED_DIR "/eval/tempeval3/te3-platinum";
  bool day_first = false;
  bool errors = false;
  bool dir_given = false;
};

// Prints gold/system disagreements of every file (development aid).
void PrintErrors(const std::string& dir, const TimeOptions& options) {
  namespace fs = std::filesystem;
  std::vector<fs::path> paths;
  for (auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().extension() == ".tml") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  TextLayer layer;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto doc = ParseTimeML(ss.str(), p.string());
    if (!doc.ok()) continue;
    Tokenize(doc->text, {}, &layer);
    std::vector<Timex> sys;
    TagTimes(doc->text, layer, doc->dct, options, &sys);
    const std::string& t = doc->text;
    const std::string dct = doc->dct ? FormatDate(*doc->dct) : "none";
    auto ctx = [&](uint32_t b, uint32_t e) {
      const uint32_t cb = b > 40 ? b - 40 : 0;
      std::string s = t.substr(cb, b - cb) + "[" + t.substr(b, e - b) + "]" + t.substr(e, 30);
      for (char& c : s)
        if (c == '\n' || c == '\t') c = ' ';
      return s;
    };
    for (const auto& g : doc->timexes) {
      const Timex* m = nullptr;
      for (const auto& s : sys)
        if (std::min(s.end, g.end) > std::max(s.begin, g.begin)) { m = &s; break; }
      if (!m) {
        std::printf("MISS\t%s\t%s\t%s\t%s\n", dct.c_str(), g.type.c_str(), g.value.c_str(),
                    ctx(g.begin, g.end).c_str());
      } else if (m->begin != g.begin || m->end != g.end || m->value != g.value ||
                 g.type != TimexTypeName(m->type)) {
        std::printf("DIFF\t%s\t%s %s / %s %s\t%s | sys: %s\n", dct.c_str(), g.type.c_str(),
                    g.value.c_str(), TimexTypeName(m->type), m->value.c_str(),
                    ctx(g.begin, g.end).c_str(), t.substr(m->begin, m->end - m->begin).c_str());
      }
    }
    for (const auto& s : sys) {
      bool hit = false;
      for (const auto& g : doc->timexes)
        if (std::min(s.end, g.end) > std::max(s.begin, g.begin)) hit = true;
      if (!hit)
        std::printf("EXTRA\t%s\t%s %s\t%s\n", dct.c_str(), TimexTypeName(s.type), s.value.c_str(),
                    ctx(s.begin, s.end).c_str());
    }
  }
}

void Run(const EvalTimexArgs& a) {
  namespace fs = std::filesystem;
  if (!fs::exists(a.dir)) {
    if (a.dir_given) {
      std::fprintf(stderr, "annals eval timex: %s: byte 0: no such folder\n", a.dir.c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
    std::printf("skipped: no ../shared\n");
    return;
  }
  TimeOptions options;
  options.day_first = a.day_first;
  std::vector<std::string> errors;
  size_t files = 0;
  Result<TimexCounts> r = EvalTimexDir(a.dir, options, &errors, &files);
  if (!r.ok()) {
    std::fprintf(stderr, "annals eval timex: %s\n", r.status().message().c_str());
    throw CLI::RuntimeError(kExitUsage);
  }
  for (const std::string& e : errors) std::fprintf(stderr, "annals eval timex: %s\n", e.c_str());
  if (a.errors) PrintErrors(a.dir, options);
  const TimexCounts& c = *r;
  const TimexScores s = Summarize(c);
  std::printf("timex eval: %s\n", a.dir.c_str());
  std::printf("files %zu  gold %zu  system %zu\n", files, c.gold, c.system);
  std::printf("strict   P %.4f  R %.4f  F1 %.4f\n", s.strict_p, s.strict_r, s.strict_f1);
  std::printf("relaxed  P %.4f  R %.4f  F1 %.4f\n", s.relaxed_p, s.relaxed_r, s.relaxed_f1);
  std::printf("type     accuracy %.4f  F1 %.4f\n", s.type_acc, s.type_f1);
  std::printf("value    accuracy %.4f  F1 %.4f\n", s.value_acc, s.value_f1);
  if (!errors.empty()) throw CLI::RuntimeError(kExitSomeFailed);
}

}  // namespace

void AddEvalTimexCommand(CLI::App& eval) {
  auto args = std::make_shared<EvalTimexArgs>();
  CLI::App* cmd = eval.add_subcommand(
      "timex", "Score the time stage on TimeML (.tml) files, TempEval-3 Task A metrics");
  CLI::Option* dir = cmd->add_option("dir", args->dir, "folder of .tml files (searched recursively)");
  cmd->add_flag("--day-first", args->day_first, "read 04/02/2024 as day/month");
  cmd->add_flag("--errors", args->errors, "list misses, extras and wrong values");
  cmd->callback([args, dir] {
    args->dir_given = dir->count() > 0;
    Run(*args);
  });
}

}  // namespace annals::cli
