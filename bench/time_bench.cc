// Throughput of the time stage alone over the Reuters-21578 bodies.
//
// The corpus is read once (bench/reuters_corpus.h, each story with its date) and
// tokenized outside the timed loop, so BM_TagTimes measures TagTimes()
// only; BM_Tokenize, over the same bytes in the same run, is the baseline
// the ratio is read against. Both report bytes/s of article text.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "reuters_corpus.h"
#include "text/text.h"
#include "time/time.h"

namespace annals {
namespace {

struct Corpus {
  std::vector<std::string> bodies;
  std::vector<std::optional<CivilDate>> dates;  // each story's own date
  std::vector<TextLayer> layers;
  size_t bytes = 0;
};

const Corpus& GetCorpus() {
  static Corpus* c = [] {
    auto* c = new Corpus;
    for (auto& s : bench::LoadReuters()) {
      c->bytes += s.body.size();
      c->dates.push_back(ParseIsoDate(s.date));
      c->bodies.push_back(std::move(s.body));
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
  size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (size_t i = 0; i < c.bodies.size(); ++i) {
      out.clear();
      TagTimes(c.bodies[i], c.layers[i], c.dates[i], TimeOptions{}, &out);
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
