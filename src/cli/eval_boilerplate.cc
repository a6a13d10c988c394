// `annals eval boilerplate [DIR]`: scores HTML main-text extraction (the
// ingest HTML reader plus the clean stage's boilerplate spans) on the
// Zyte/Scrapinghub article-extraction benchmark with its own metric
// (shingle precision/recall/F1, see clean/shingle_f1.h).
//
// Design: every page is read from html/<key>.html.gz, turned into a
// Document by HtmlToDocument, cleaned by CleanDocument, and the clean text
// (boilerplate spans removed) is compared with ground-truth.json's
// articleBody. No network, no state: the score is a pure function of the
// code and the folder.
#include <zlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "clean/clean.h"
#include "clean/shingle_f1.h"
#include "cli/commands.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace annals::cli {
namespace {

struct EvalArgs {
  std::string dir = ANNALS_SHARED_DIR "/eval/article-extraction-benchmark";
  bool verbose = false;
};

bool ReadGzip(const std::string& path, std::string* out) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (f == nullptr) return false;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
  const bool ok = n == 0;
  gzclose(f);
  return ok;
}

std::string Oneline(std::string_view s, size_t max) {
  std::string out;
  for (char c : s.substr(0, max)) out.push_back(c == '\n' ? ' ' : c);
  return out;
}

void RunEval(const EvalArgs& args) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(args.dir, ec)) {
    std::printf("skipped: no ../shared (%s not found)\n", args.dir.c_str());
    return;
  }
  const std::string truth_path = args.dir + "/ground-truth.json";
  std::ifstream in(truth_path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "annals eval boilerplate: cannot read %s\n", truth_path.c_str());
    throw CLI::RuntimeError(kExitUsage);
  }
  nlohmann::json truth;
  try {
    truth = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    std::fprintf(stderr, "annals eval boilerplate: %s: %s\n", truth_path.c_str(), e.what());
    throw CLI::RuntimeError(kExitUsage);
  }
  struct PageResult {
    std::string key;
    ShingleCounts counts;
  };
  std::vector<PageResult> pages;
  std::vector<ShingleCounts> counts;
  size_t bytes = 0;
  int failed = 0;
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto& [key, value] : truth.items()) {
    const std::string body = value.value("articleBody", std::string());
    std::string html;
    const std::string path = args.dir + "/html/" + key + ".html.gz";
    if (!ReadGzip(path, &html)) {
      std::fprintf(stderr, "annals eval boilerplate: %s: cannot read\n", path.c_str());
      ++failed;
      continue;
    }
    bytes += html.size();
    Document doc;
    doc.input = path;
    std::string clean;
    if (Status st = HtmlToDocument(html, &doc); st.ok()) {
      CleanResult cr;
      CleanDocument(doc, &cr);
      clean = CleanText(doc.text, cr.boilerplate);
    } else {
      std::fprintf(stderr, "annals eval boilerplate: %s: %s\n", path.c_str(), st.message().c_str());
      ++failed;
    }
    const ShingleCounts c = ShingleMatch(body, clean);
    counts.push_back(c);
    pages.push_back({key, c});
    if (args.verbose) {
      const double p = c.precision(), r = c.recall();
      if (p < 0.95 || r < 0.95) {
        std::printf("%s  precision %.3f  recall %.3f  %s\n", key.substr(0, 12).c_str(), p, r,
                    value.value("url", std::string()).c_str());
        std::printf("    truth: %s\n    clean: %s\n", Oneline(body, 150).c_str(), Oneline(clean, 150).c_str());
      }
    }
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const ShingleScore s = ScorePages(counts);
  std::printf("article-extraction-benchmark: %zu pages (%d unreadable), %.1f MB of HTML in %.2f s\n",
              pages.size(), failed, bytes / 1e6, secs);
  std::printf("precision %.4f\nrecall %.4f\nF1 %.4f\n", s.precision, s.recall, s.f1);
  if (failed > 0) throw CLI::RuntimeError(kExitSomeFailed);
}

}  // namespace

void AddEvalBoilerplateCommand(CLI::App& eval) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* cmd = eval.add_subcommand(
      "boilerplate",
      "Score HTML main-text extraction on the article-extraction benchmark (shingle precision/recall/F1)");
  cmd->add_option("dir", args->dir, "benchmark folder (ground-truth.json, html/*.html.gz)");
  cmd->add_flag("-v,--verbose", args->verbose, "print each page scoring below 0.95, with the start of both texts");
  cmd->callback([args] { RunEval(*args); });
}

}  // namespace annals::cli
