// Clean stage throughput over the Reuters-21578 bodies: CleanDocument as a
// whole (boilerplate line rules, language, simhash), beside the tokenizer
// over the same bytes in the same run as the baseline for the ratio.
#include <benchmark/benchmark.h>

#include "clean/clean.h"
#include "reuters_corpus.h"
#include "text/text.h"

namespace {

struct Corpus {
  std::vector<annals::Document> docs;
  int64_t bytes = 0;
};

const Corpus& GetCorpus() {
  static const Corpus* c = [] {
    auto* c = new Corpus;
    for (auto& s : annals::bench::LoadReuters()) {
      annals::Document d;
      d.dct = annals::ParseIsoDate(s.date);
      c->bytes += static_cast<int64_t>(s.body.size());
      d.text = std::move(s.body);
      c->docs.push_back(std::move(d));
    }
    return c;
  }();
  return *c;
}

void BM_CleanDocument(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (c.docs.empty()) { state.SkipWithError("skipped: no ../shared"); return; }
  annals::CleanResult result;
  int64_t spans = 0;
  for (auto _ : state) {
    for (const auto& d : c.docs) {
      annals::CleanDocument(d, &result);
      spans += static_cast<int64_t>(result.boilerplate.size());
    }
  }
  benchmark::DoNotOptimize(spans);
  state.SetBytesProcessed(state.iterations() * c.bytes);
}
BENCHMARK(BM_CleanDocument)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_TokenizeBaseline(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (c.docs.empty()) { state.SkipWithError("skipped: no ../shared"); return; }
  annals::TextLayer layer;
  for (auto _ : state)
    for (const auto& d : c.docs) annals::Tokenize(d.text, {}, &layer);
  state.SetBytesProcessed(state.iterations() * c.bytes);
}
BENCHMARK(BM_TokenizeBaseline)->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace

BENCHMARK_MAIN();
