// PLACEHOLDER: `annals eval events` is not built yet.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"

namespace annals::cli {
void AddEvalEventsCommand(CLI::App& eval) {
  eval.add_subcommand("events", "(not built yet)")->callback([] {
    std::fprintf(stderr, "annals eval events: not built yet\n");
    throw CLI::RuntimeError(kExitUsage);
  });
}
}  // namespace annals::cli
