// Events stage throughput over the Reuters-21578 bodies: EventCoder::Code
// alone (tokens, time expressions and actor mentions are computed outside
// the timed loop), in bytes per second of article text; plus the start-up
// cost of EventCoder::Load (codebook and pattern files) and of importing
// the PETRARCH CAMEO.2.0 verb dictionary.
#include <benchmark/benchmark.h>

#include <string>

#include "actors/actors.h"
#include "events/events.h"
#include "pipeline/pipeline.h"
#include "reuters_corpus.h"
#include "text/text.h"
#include "time/time.h"

namespace {

struct Corpus {
  std::vector<annals::bench::Story> stories;
  std::vector<annals::TextLayer> layers;
  std::vector<std::vector<annals::Timex>> times;
  std::vector<annals::ActorResult> actors;
  std::vector<std::optional<annals::CivilDate>> dates;
  size_t bytes = 0;
  bool ok = false;
};

const Corpus& GetCorpus() {
  static Corpus* c = [] {
    auto* c = new Corpus();
    c->stories = annals::bench::LoadReuters();
    auto resolver = annals::ActorResolver::Load(annals::ResolveDataDir(""));
    if (!resolver.ok()) return c;
    const size_t n = c->stories.size();
    c->layers.resize(n);
    c->times.resize(n);
    c->actors.resize(n);
    for (size_t i = 0; i < n; ++i) {
      const std::string& body = c->stories[i].body;
      c->dates.push_back(annals::ParseIsoDate(c->stories[i].date));
      annals::Tokenize(body, {}, &c->layers[i]);
      annals::TagTimes(body, c->layers[i], c->dates[i], annals::TimeOptions{}, &c->times[i]);
      (*resolver)->Resolve(body, c->layers[i], c->dates[i], &c->actors[i]);
      c->bytes += body.size();
    }
    c->ok = n > 0;
    return c;
  }();
  return *c;
}

void BM_CoderLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto c = annals::EventCoder::Load(annals::ResolveDataDir(""));
    if (!c.ok()) {
      state.SkipWithError(c.status().message().c_str());
      return;
    }
    benchmark::DoNotOptimize(c.value().get());
  }
}
BENCHMARK(BM_CoderLoad)->Unit(benchmark::kMillisecond);

void BM_ImportCameoVerbs(benchmark::State& state) {
  const std::string path =
      std::string(ANNALS_SHARED_DIR) + "/eval/petrarch2/dictionaries/CAMEO.2.0.txt";
  auto c = annals::EventCoder::Load(annals::ResolveDataDir(""));
  if (!c.ok()) {
    state.SkipWithError(c.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    auto r = (*c)->AddPetrarchVerbs(path, /*replace_builtin=*/true);
    if (!r.ok()) {
      state.SkipWithError("skipped: no ../shared");
      return;
    }
  }
}
BENCHMARK(BM_ImportCameoVerbs)->Unit(benchmark::kMillisecond);

// The coder over the corpus; Arg(0): built-in patterns, Arg(1): with the
// PETRARCH CAMEO.2.0 verb dictionary imported (about 6000 rules).
void BM_CodeReuters(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!c.ok) {
    state.SkipWithError("skipped: no ../shared");
    return;
  }
  auto coder = annals::EventCoder::Load(annals::ResolveDataDir(""));
  if (!coder.ok()) {
    state.SkipWithError(coder.status().message().c_str());
    return;
  }
  if (state.range(0) == 1) {
    auto r = (*coder)->AddPetrarchVerbs(
        std::string(ANNALS_SHARED_DIR) + "/eval/petrarch2/dictionaries/CAMEO.2.0.txt", true);
    if (!r.ok()) {
      state.SkipWithError("skipped: no ../shared");
      return;
    }
  }
  std::vector<annals::Event> events;
  std::vector<annals::ActorResult> actors = c.actors;  // Code() may add composed actors
  size_t n_events = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < c.stories.size(); ++i) {
      events.clear();
      (*coder)->Code(c.stories[i].body, c.layers[i], c.times[i], &actors[i], c.dates[i], &events);
      n_events += events.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
  state.counters["events/doc"] = benchmark::Counter(
      static_cast<double>(n_events) / static_cast<double>(state.iterations() * c.stories.size()));
}
BENCHMARK(BM_CodeReuters)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
