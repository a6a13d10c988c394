// `annals serve`: the HTTP API and the web page over a store.
#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>

#include "cli/commands.h"
#include "server/server.h"

namespace annals::cli {
namespace {

struct ServeArgs {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web = ANNALS_WEB_DIR;
  std::string data_dir;
};

ApiServer* g_server = nullptr;
void OnSignal(int) {
  if (g_server) g_server->Stop();
}

void RunServe(const ServeArgs& args) {
  PipelineOptions popts;
  popts.data_dir = args.data_dir;
  auto pipeline = Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "annals serve: %s\n", pipeline.status().message().c_str());
    throw CLI::RuntimeError(kExitUsage);
  }
  std::unique_ptr<Store> store;
  if (!args.db.empty()) {
    auto opened = Store::Open(args.db);
    if (!opened.ok()) {
      std::fprintf(stderr, "annals serve: %s\n", opened.status().message().c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
    store = std::move(opened).value();
  }
  ApiServer server(**pipeline, store.get(), args.web);
  g_server = &server;
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::fprintf(stderr, "annals serve: http://%s:%d/ (store: %s)\n", args.host.c_str(), args.port,
               args.db.empty() ? "none" : args.db.c_str());
  if (!server.Listen(args.host, args.port)) {
    std::fprintf(stderr, "annals serve: cannot listen on %s:%d\n", args.host.c_str(), args.port);
    throw CLI::RuntimeError(kExitUsage);
  }
  g_server = nullptr;
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "HTTP API and web page over a store");
  cmd->add_option("--db", args->db, "SQLite store file to query");
  cmd->add_option("--host", args->host, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--port", args->port, "Port (default 8080)");
  cmd->add_option("--web", args->web, "Folder of the web page");
  cmd->add_option("--data", args->data_dir, "Data folder (default: $ANNALS_DATA or the build's data/)");
  cmd->callback([args] { RunServe(*args); });
}

}  // namespace annals::cli
