// PLACEHOLDER: `annals eval boilerplate` is not built yet.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"

namespace annals::cli {
void AddEvalBoilerplateCommand(CLI::App& eval) {
  eval.add_subcommand("boilerplate", "(not built yet)")->callback([] {
    std::fprintf(stderr, "annals eval boilerplate: not built yet\n");
    throw CLI::RuntimeError(kExitUsage);
  });
}
}  // namespace annals::cli
