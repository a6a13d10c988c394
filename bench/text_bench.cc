// Text layer throughput: Tokenize (tokens + sentences) over Reuters bodies,
// beside a baseline in the same run: counting words the way `wc -w` does
// (whitespace transitions), so the ratio survives a noisy machine.
#include <benchmark/benchmark.h>

#include "reuters_corpus.h"
#include "text/text.h"

namespace {

const std::vector<annals::bench::Story>& Corpus() {
  static const auto* stories = new std::vector<annals::bench::Story>(annals::bench::LoadReuters());
  return *stories;
}

int64_t CorpusBytes() {
  int64_t n = 0;
  for (const auto& s : Corpus()) n += static_cast<int64_t>(s.body.size());
  return n;
}

void BM_WcWordsBaseline(benchmark::State& state) {
  if (Corpus().empty()) { state.SkipWithError("no ../shared"); return; }
  for (auto _ : state) {
    int64_t words = 0;
    for (const auto& s : Corpus()) {
      bool in_word = false;
      for (unsigned char c : s.body) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
        words += (!space && !in_word);
        in_word = !space;
      }
    }
    benchmark::DoNotOptimize(words);
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
}
BENCHMARK(BM_WcWordsBaseline)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_TokenizeAndSplit(benchmark::State& state) {
  if (Corpus().empty()) { state.SkipWithError("no ../shared"); return; }
  annals::TextLayer layer;
  int64_t tokens = 0;
  for (auto _ : state) {
    for (const auto& s : Corpus()) {
      annals::Tokenize(s.body, {}, &layer);
      tokens += static_cast<int64_t>(layer.tokens.size());
    }
  }
  state.SetBytesProcessed(state.iterations() * CorpusBytes());
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TokenizeAndSplit)->Unit(benchmark::kMillisecond)->MinTime(1.0);

// Input-size sweep on one synthetic news paragraph (bytes/s over sizes, as
// RE2's benchmarks do), independent of ../shared.
void BM_TokenizeSizes(benchmark::State& state) {
  const std::string para =
      "US Secretary of State Antony Blinken will hold talks with French President Emmanuel Macron "
      "in Paris on Tuesday on a $60 billion aid package, officials said. The U.S. envoy met Gen. "
      "Smith at 3 p.m. \xE2\x80\x9CIt is over,\xE2\x80\x9D he said.\n\n";
  std::string text;
  while (text.size() < static_cast<size_t>(state.range(0))) text += para;
  annals::TextLayer layer;
  for (auto _ : state) {
    annals::Tokenize(text, {}, &layer);
    benchmark::DoNotOptimize(layer.tokens.data());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_TokenizeSizes)->Range(1 << 10, 1 << 20);

}  // namespace

BENCHMARK_MAIN();
