// Actors stage throughput over the Reuters-21578 bodies: recognition and
// resolution only (the text layer is built outside the timed loop), in
// bytes per second of article text; plus the start-up cost of
// ActorResolver::Load (knowledge base, phrase table, mapped gazetteer) and
// the resident memory once everything is loaded.
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>

#include "actors/actors.h"
#include "pipeline/pipeline.h"
#include "reuters_corpus.h"
#include "text/text.h"

namespace {

struct Corpus {
  std::vector<annals::bench::Story> stories;
  std::vector<annals::TextLayer> layers;
  std::vector<std::optional<annals::CivilDate>> dates;
  size_t bytes = 0;
};

const Corpus& GetCorpus() {
  static Corpus* c = [] {
    auto* c = new Corpus();
    c->stories = annals::bench::LoadReuters();
    c->layers.resize(c->stories.size());
    for (size_t i = 0; i < c->stories.size(); ++i) {
      annals::Tokenize(c->stories[i].body, {}, &c->layers[i]);
      c->dates.push_back(annals::ParseIsoDate(c->stories[i].date));
      c->bytes += c->stories[i].body.size();
    }
    return c;
  }();
  return *c;
}

long ResidentKb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

void BM_ResolverLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto r = annals::ActorResolver::Load(annals::ResolveDataDir(""));
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(r.value().get());
  }
}
BENCHMARK(BM_ResolverLoad)->Unit(benchmark::kMillisecond);

void BM_ResolveReuters(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (c.stories.empty()) {
    state.SkipWithError("skipped: no ../shared");
    return;
  }
  auto r = annals::ActorResolver::Load(annals::ResolveDataDir(""));
  if (!r.ok()) {
    state.SkipWithError(r.status().message().c_str());
    return;
  }
  annals::ActorResult out;
  size_t mentions = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < c.stories.size(); ++i) {
      (*r)->Resolve(c.stories[i].body, c.layers[i], c.dates[i], &out);
      mentions += out.mentions.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["mentions/doc"] =
      static_cast<double>(mentions) / static_cast<double>(state.iterations() * c.stories.size());
  state.counters["rss_MB"] = static_cast<double>(ResidentKb()) / 1024.0;
}
BENCHMARK(BM_ResolveReuters)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
