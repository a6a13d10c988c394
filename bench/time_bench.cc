// Throughput of the time stage alone over the Reuters-21578 bodies.
//
// The corpus is read once (zlib, straight from the .sgm.gz files) and
// tokenized outside the timed loop, so BM_TagTimes measures TagTimes()
// only; BM_Tokenize, over the same bytes in the same run, is the baseline
// the ratio is read against. Both report bytes/s of article text.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "text/text.h"
#include "time/time.h"

namespace annals {
namespace {

struct Corpus {
  std::vector<std::string> bodies;
  std::vector<TextLayer> layers;
  size_t bytes = 0;
};

std::string ReadGz(const std::string& path) {
  std::string out;
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

const Corpus& GetCorpus() {
  static Corpus* c = [] {
    auto* c = new Corpus;
    const std::filesystem::path dir = ANNALS_SHARED_DIR "/eval/reuters21578";
    std::vector<std::filesystem::path> files;
    if (std::filesystem::exists(dir))
      for (const auto& e : std::filesystem::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.rfind("reut2-", 0) == 0 && name.size() > 7 &&
            name.substr(name.size() - 7) == ".sgm.gz")
          files.push_back(e.path());
      }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      const std::string sgm = ReadGz(f.string());
      size_t pos = 0;
      while ((pos = sgm.find("<BODY>", pos)) != std::string::npos) {
        const size_t end = sgm.find("</BODY>", pos);
        if (end == std::string::npos) break;
        c->bodies.push_back(sgm.substr(pos + 6, end - pos - 6));
        c->bytes += end - pos - 6;
        pos = end;
      }
    }
    c->layers.resize(c->bodies.size());
    for (size_t i = 0; i < c->bodies.size(); ++i) Tokenize(c->bodies[i], {}, &c->layers[i]);
    return c;
  }();
  return *c;
}

void BM_TagTimes(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (c.bodies.empty()) {
    state.SkipWithError("skipped: no ../shared");
    return;
  }
  std::vector<Timex> out;
  const CivilDate dct{1987, 3, 26};
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (size_t i = 0; i < c.bodies.size(); ++i) {
      out.clear();
      TagTimes(c.bodies[i], c.layers[i], dct, TimeOptions{}, &out);
      found += out.size();
    }
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * c.bytes);
  state.counters["docs"] = static_cast<double>(c.bodies.size());
  state.counters["timexes"] = static_cast<double>(found);
}
BENCHMARK(BM_TagTimes)->Unit(benchmark::kMillisecond);

void BM_Tokenize(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (c.bodies.empty()) {
    state.SkipWithError("skipped: no ../shared");
    return;
  }
  TextLayer layer;
  for (auto _ : state) {
    for (const std::string& b : c.bodies) {
      Tokenize(b, {}, &layer);
      benchmark::DoNotOptimize(layer.tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * c.bytes);
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace annals

BENCHMARK_MAIN();
