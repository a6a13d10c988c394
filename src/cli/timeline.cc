// PLACEHOLDER: `annals timeline` is not built yet.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"

namespace annals::cli {
void AddTimelineCommand(CLI::App& app) {
  app.add_subcommand("timeline", "(not built yet)")->callback([] {
    std::fprintf(stderr, "annals timeline: not built yet\n");
    throw CLI::RuntimeError(kExitUsage);
  });
}
}  // namespace annals::cli
