// One function per subcommand: each registers its CLI11 subcommand (name,
// options, usage text) and the callback that runs it. Callbacks report
// failure by throwing CLI::RuntimeError(exit_code) after printing a
// one-line message to standard error; main() turns that into the exit code.
#ifndef ANNALS_CLI_COMMANDS_H_
#define ANNALS_CLI_COMMANDS_H_

namespace CLI {
class App;
}

namespace annals::cli {

// Exit codes (documented in the README).
inline constexpr int kExitOk = 0;           // every document processed
inline constexpr int kExitSomeFailed = 1;   // some inputs or records had errors; the rest came out
inline constexpr int kExitUsage = 2;        // bad command line, or nothing could run (missing data)

void AddExtractCommand(CLI::App& app);
void AddTimelineCommand(CLI::App& app);
// `annals eval <what>`: one registration function per scored stage.
void AddEvalBoilerplateCommand(CLI::App& eval);
void AddEvalTimexCommand(CLI::App& eval);
void AddEvalNerCommand(CLI::App& eval);
void AddEvalEventsCommand(CLI::App& eval);
// `annals load` and `annals query`: the embedded store.
void AddStoreCommands(CLI::App& app);
// `annals serve`: HTTP API and web page.
void AddServeCommand(CLI::App& app);
// `annals dict import`
void AddDictCommand(CLI::App& app);

}  // namespace annals::cli

#endif  // ANNALS_CLI_COMMANDS_H_
