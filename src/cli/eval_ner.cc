// PLACEHOLDER: `annals eval ner` is not built yet.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"

namespace annals::cli {
void AddEvalNerCommand(CLI::App& eval) {
  eval.add_subcommand("ner", "(not built yet)")->callback([] {
    std::fprintf(stderr, "annals eval ner: not built yet\n");
    throw CLI::RuntimeError(kExitUsage);
  });
}
}  // namespace annals::cli
