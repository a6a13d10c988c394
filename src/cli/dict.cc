// PLACEHOLDER: `annals dict import` is not built yet.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"

namespace annals::cli {
void AddDictCommand(CLI::App& app) {
  CLI::App* dict = app.add_subcommand("dict", "Dictionaries (not built yet)");
  dict->callback([] {
    std::fprintf(stderr, "annals dict: not built yet\n");
    throw CLI::RuntimeError(kExitUsage);
  });
}
}  // namespace annals::cli
