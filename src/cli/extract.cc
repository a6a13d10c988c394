// `annals extract`: every input through the pipeline, one JSON line per
// document, in input order. Bad records are reported on standard error
// (one line each, naming input, record and byte offset) and skipped; the
// exit code says whether everything came through.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace annals::cli {
namespace {

struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string format = "auto";
  std::string date;
  std::string data_dir;
  bool with_text = false;
  bool with_sentences = false;
  bool clean_text = false;
  bool day_first = false;
  std::string output = "-";
};

// Expands directories (recursively, sorted, hidden files skipped).
std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in != "-" && fs::is_directory(in, ec)) {
      std::vector<std::string> files;
      for (auto it = fs::recursive_directory_iterator(in, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
      }
      std::sort(files.begin(), files.end());
      out.insert(out.end(), files.begin(), files.end());
    } else {
      out.push_back(in);
    }
  }
  return out;
}

void RunExtract(const ExtractArgs& args) {
  IngestOptions ingest;
  if (auto f = ParseInputFormat(args.format)) {
    ingest.format = *f;
  } else {
    std::fprintf(stderr, "annals extract: unknown --format '%s'\n", args.format.c_str());
    throw CLI::RuntimeError(kExitUsage);
  }
  if (!args.date.empty()) {
    ingest.default_date = ParseIsoDate(args.date);
    if (!ingest.default_date) {
      std::fprintf(stderr, "annals extract: --date '%s' is not YYYY-MM-DD\n", args.date.c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
  }
  PipelineOptions popts;
  popts.data_dir = args.data_dir;
  popts.time.day_first = args.day_first;
  auto pipeline = Pipeline::Create(popts);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "annals extract: %s\n", pipeline.status().message().c_str());
    throw CLI::RuntimeError(kExitUsage);
  }
  FILE* out = stdout;
  if (args.output != "-") {
    out = std::fopen(args.output.c_str(), "wb");
    if (out == nullptr) {
      std::fprintf(stderr, "annals extract: cannot write %s\n", args.output.c_str());
      throw CLI::RuntimeError(kExitUsage);
    }
  }
  OutputOptions oopts;
  oopts.with_text = args.with_text;
  oopts.with_sentences = args.with_sentences;
  oopts.with_clean_text = args.clean_text;

  bool any_error = false;
  Analysis analysis;
  std::string buffer;
  auto flush = [&] {
    if (!buffer.empty()) std::fwrite(buffer.data(), 1, buffer.size(), out);
    buffer.clear();
  };
  for (const std::string& input : ExpandInputs(args.inputs)) {
    auto sink = [&](Document&& doc) {
      if (!doc.dct) {
        std::fprintf(stderr, "annals: %s: record %llu, byte %llu: no document date; relative times left unresolved (use --date)\n",
                     doc.input.c_str(), static_cast<unsigned long long>(doc.record),
                     static_cast<unsigned long long>(doc.input_offset));
      }
      analysis.doc = std::move(doc);
      (*pipeline)->Analyze(&analysis);
      Pipeline::WriteJson(analysis, oopts, &buffer);
      if (buffer.size() > (1u << 20)) flush();
      return true;
    };
    auto on_error = [&](const Status& s) {
      any_error = true;
      flush();
      std::fflush(out);
      std::fprintf(stderr, "annals: %s\n", s.message().c_str());
    };
    Status st = ReadInput(input, ingest, sink, on_error);
    if (!st.ok()) any_error = true;
  }
  flush();
  if (out != stdout) std::fclose(out); else std::fflush(out);
  if (any_error) throw CLI::RuntimeError(kExitSomeFailed);
}

}  // namespace

void AddExtractCommand(CLI::App& app) {
  auto args = std::make_shared<ExtractArgs>();
  CLI::App* cmd = app.add_subcommand("extract", "Extract events from articles; writes one JSON line per document");
  cmd->add_option("inputs", args->inputs, "Files, folders (read recursively) or - for standard input")->required();
  cmd->add_option("--format", args->format, "auto|text|jsonl|html|warc|rss (default: detected)");
  cmd->add_option("--date", args->date, "Document creation date YYYY-MM-DD for inputs without one");
  cmd->add_option("--data", args->data_dir, "Data folder (default: $ANNALS_DATA or the build's data/)");
  cmd->add_option("-o,--output", args->output, "Output file (default: standard output)");
  cmd->add_flag("--with-text", args->with_text, "Add the document text, so offsets can be checked");
  cmd->add_flag("--sentences", args->with_sentences, "Add sentence spans");
  cmd->add_flag("--clean-text", args->clean_text, "Add the text with boilerplate removed");
  cmd->add_flag("--day-first", args->day_first, "Read 04/02/2024 as 4 February (default: April 2)");
  cmd->callback([args] { RunExtract(*args); });
}

}  // namespace annals::cli
