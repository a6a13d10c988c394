// `annals eval ner [--set meantime|conll] [DIR]`: scores the actors stage
// as a named-entity recogniser (PER, ORG, LOC) on MEANTIME (120 dated
// Wikinews articles) or CoNLL++ (the corrected CoNLL-2003 English test
// set). Mentions are matched by exact byte span and type; our STATE and
// PLACE both count as LOC, ORG as ORG, PERSON as PER (see
// src/actors/ner_eval.h). With --both, both sets are scored. --docs N
// scores only the first N documents (development on MEANTIME's first 60).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>

#include "actors/ner_eval.h"
#include "cli/commands.h"
#include "pipeline/pipeline.h"

namespace annals::cli {
namespace {

struct EvalNerArgs {
  std::string set = "meantime";
  std::string dir;
  std::string data_dir;
  int docs = 0;
  bool errors = false;
};

void Run(const EvalNerArgs& a) {
  namespace fs = std::filesystem;
  auto resolver = ActorResolver::Load(ResolveDataDir(a.data_dir));
  if (!resolver.ok()) {
    std::fprintf(stderr, "annals eval ner: %s\n", resolver.status().message().c_str());
    throw CLI::RuntimeError(kExitUsage);
  }
  std::vector<std::string> sets;
  if (a.set == "both")
    sets = {"meantime", "conll"};
  else if (a.set == "meantime" || a.set == "conll")
    sets = {a.set};
  else {
    std::fprintf(stderr, "annals eval ner: --set must be meantime, conll or both, not '%s'\n",
                 a.set.c_str());
    throw CLI::RuntimeError(kExitUsage);
  }
  for (const std::string& set : sets) {
    std::string dir = a.dir;
    if (dir.empty() || sets.size() > 1)
      dir = set == "meantime" ? ANNALS_SHARED_DIR "/eval/meantime-english"
                              : ANNALS_SHARED_DIR "/eval/conllpp-test/conllpp_test.txt";
    if (!fs::exists(dir)) {
      std::printf("skipped: no ../shared\n");
      continue;
    }
    if (set == "conll" && fs::is_directory(dir)) dir += "/conllpp_test.txt";
    std::FILE* errors = a.errors ? stderr : nullptr;
    Result<NerScore> s = set == "meantime" ? EvalMeantime(**resolver, dir, a.docs, errors)
                                           : EvalConll(**resolver, dir, a.docs, errors);
    if (!s.ok()) {
      std::fprintf(stderr, "annals eval ner: %s\n", s.status().message().c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
    PrintNerScore("ner " + set + " (" + dir + ")", *s, stdout);
  }
}

}  // namespace

void AddEvalNerCommand(CLI::App& eval) {
  auto args = std::make_shared<EvalNerArgs>();
  CLI::App* cmd =
      eval.add_subcommand("ner", "Score named mentions (PER, ORG, LOC) on MEANTIME or CoNLL++");
  cmd->add_option("--set", args->set, "meantime (default), conll, or both");
  cmd->add_option("dir", args->dir,
                  "MEANTIME folder, or the CoNLL file (default: under ../shared/eval)");
  cmd->add_option("--docs", args->docs, "score only the first N documents (0 = all)");
  cmd->add_option("--data", args->data_dir,
                  "Data folder (default: $ANNALS_DATA or the build's data/)");
  cmd->add_flag("--errors", args->errors,
                "list misses (FN) and false alarms (FP) on standard error");
  cmd->callback([args] { Run(*args); });
}

}  // namespace annals::cli
