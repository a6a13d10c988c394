// `annals dict import --format petrarch FILE... [-o OUT]`: reads PETRARCH /
// Phoenix dictionaries (verbs, actors, agents, discards; the kind is told
// by the file's content) and writes them in annals' own formats: verbs as
// pattern rules (docs/PATTERNS.md), actors and agents as TSV
// (docs/PATTERNS.md, "Dictionaries"). Parse errors are reported with
// file:line and make the command fail.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "events/events.h"
#include "events/petrarch.h"

namespace annals::cli {
namespace {

enum class Kind { kVerbs, kActors, kAgents, kDiscards };

Kind Guess(const std::string& path, const std::string& text) {
  std::string lower = path;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.find("discard") != std::string::npos) return Kind::kDiscards;
  if (lower.find("agent") != std::string::npos) return Kind::kAgents;
  if (lower.find("verb") != std::string::npos || lower.find("cameo.") != std::string::npos)
    return Kind::kVerbs;
  if (lower.find("actor") != std::string::npos) return Kind::kActors;
  // By content: verb families, agent codes with '~', else actors.
  if (text.find("\n--- ") != std::string::npos || text.find("\n---  ") != std::string::npos)
    return Kind::kVerbs;
  if (text.find("[~") != std::string::npos) return Kind::kAgents;
  return Kind::kActors;
}

std::string DateStr(const std::optional<CivilDate>& d) {
  return d ? FormatDate(*d) : std::string();
}

}  // namespace

void AddDictCommand(CLI::App& app) {
  CLI::App* dict = app.add_subcommand("dict", "Analysts' dictionaries");
  dict->require_subcommand(1);
  struct Opts {
    std::string format = "petrarch";
    std::vector<std::string> files;
    std::string out;
    bool strict = false;
  };
  auto opts = std::make_shared<Opts>();
  CLI::App* imp = dict->add_subcommand("import",
                                       "Convert PETRARCH verb, actor, agent and discard "
                                       "dictionaries to annals' formats (verbs -> pattern rules, "
                                       "actors/agents -> TSV); errors name file:line");
  imp->add_option("--format", opts->format, "dictionary format")
      ->check(CLI::IsMember({"petrarch"}));
  imp->add_option("files", opts->files, "dictionary files")->required();
  imp->add_option("-o,--output", opts->out, "output file (default: standard output)");
  imp->add_flag("--strict", opts->strict,
                "fail on malformed code lines instead of skipping them with a warning");
  imp->callback([opts] {
    std::string out;
    int failed = 0;
    for (const std::string& path : opts->files) {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        std::fprintf(stderr, "annals dict import: %s: cannot open\n", path.c_str());
        ++failed;
        continue;
      }
      std::stringstream ss;
      ss << in.rdbuf();
      const std::string text = ss.str();
      std::vector<std::string> warnings;
      std::vector<std::string>* w = opts->strict ? nullptr : &warnings;
      Status st;
      size_t count = 0;
      switch (Guess(path, text)) {
        case Kind::kVerbs: {
          out += "# kind: patterns\n";
          st = ConvertPetrarchVerbs(text, path, &out, &count);
          break;
        }
        case Kind::kActors: {
          std::vector<DictionaryActor> actors;
          st = ParsePetrarchActors(text, path, &actors, w);
          if (!st.ok()) break;
          out += "# kind: actors (from " + path + ")\n# phrase\tname\tkind\tcode\tfrom\tto\n";
          for (const DictionaryActor& a : actors)
            for (const std::string& p : a.phrases) {
              if (a.codes.empty()) {
                out += p + "\t" + a.name + "\t" + ActorKindName(a.kind) + "\t\t\t\n";
              }
              for (const auto& c : a.codes)
                out += p + "\t" + a.name + "\t" + ActorKindName(a.kind) + "\t" + c.code + "\t" +
                       DateStr(c.from) + "\t" + DateStr(c.to) + "\n";
            }
          count = actors.size();
          break;
        }
        case Kind::kAgents: {
          std::vector<DictionaryAgent> agents;
          st = ParsePetrarchAgents(text, path, &agents, w);
          if (!st.ok()) break;
          out += "# kind: agents (from " + path + ")\n# phrase\tcode\n";
          for (const DictionaryAgent& a : agents)
            for (const std::string& p : a.phrases) out += p + "\t" + a.code + "\n";
          count = agents.size();
          break;
        }
        case Kind::kDiscards: {
          out += "# kind: discards (from " + path + "); '+' discards the whole story\n";
          std::istringstream ls(text);
          std::string line;
          while (std::getline(ls, line)) {
            if (size_t h = line.find('#'); h != std::string::npos) line.resize(h);
            while (!line.empty() &&
                   (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
              line.pop_back();
            if (line.empty() || line.find("<!--") != std::string::npos) continue;
            out += line + "\n";
            ++count;
          }
          break;
        }
      }
      for (const std::string& m : warnings)
        std::fprintf(stderr, "annals dict import: warning: %s\n", m.c_str());
      if (!st.ok()) {
        std::fprintf(stderr, "annals dict import: %s\n", st.message().c_str());
        ++failed;
        continue;
      }
      std::fprintf(stderr, "annals dict import: %s: %zu entries\n", path.c_str(), count);
    }
    if (opts->out.empty()) {
      std::fwrite(out.data(), 1, out.size(), stdout);
    } else {
      std::ofstream o(opts->out, std::ios::binary);
      o << out;
      if (!o) {
        std::fprintf(stderr, "annals dict import: %s: cannot write\n", opts->out.c_str());
        throw CLI::RuntimeError(kExitUsage);
      }
    }
    if (failed > 0) throw CLI::RuntimeError(kExitSomeFailed);
  });
}

}  // namespace annals::cli
