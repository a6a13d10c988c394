// PLACEHOLDER: `annals eval timex` is not built yet.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"

namespace annals::cli {
void AddEvalTimexCommand(CLI::App& eval) {
  eval.add_subcommand("timex", "(not built yet)")->callback([] {
    std::fprintf(stderr, "annals eval timex: not built yet\n");
    throw CLI::RuntimeError(kExitUsage);
  });
}
}  // namespace annals::cli
