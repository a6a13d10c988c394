// annals: the command line. Each subcommand lives in its own file of this
// folder; exceptions stop here and become exit codes.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"annals: reads dated news and writes down what happened in it, as events."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "annals 0.1.0");
  annals::cli::AddExtractCommand(app);
  annals::cli::AddTimelineCommand(app);
  annals::cli::AddStoreCommands(app);
  annals::cli::AddServeCommand(app);
  CLI::App* eval = app.add_subcommand("eval", "Score a stage on public gold data (precision, recall, F1)");
  eval->require_subcommand(1);
  annals::cli::AddEvalBoilerplateCommand(*eval);
  annals::cli::AddEvalTimexCommand(*eval);
  annals::cli::AddEvalNerCommand(*eval);
  annals::cli::AddEvalEventsCommand(*eval);
  annals::cli::AddDictCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : annals::cli::kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "annals: %s\n", e.what());
    return annals::cli::kExitUsage;
  }
  return 0;
}
