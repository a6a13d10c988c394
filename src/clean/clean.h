// The clean stage: boilerplate spans (navigation, "Advertisement",
// teasers, footers), language identification and a near-duplicate key.
//
// Contract: FindBoilerplate() returns sorted, non-overlapping byte spans of
// doc.text that are not the article; no later stage reads inside them.
// All functions are thread-safe.
#ifndef ANNALS_CLEAN_CLEAN_H_
#define ANNALS_CLEAN_CLEAN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "annals/document.h"

namespace annals {

struct CleanResult {
  std::vector<Span> boilerplate;
  std::string language;    // ISO 639-1 ("en"), "und" when unknown
  uint64_t simhash = 0;    // 64-bit simhash of the clean text's word shingles
  void clear() { boilerplate.clear(); language.clear(); simhash = 0; }
};

// Runs the whole stage: boilerplate (DOM block scoring when doc.blocks is
// non-empty, else line rules), then language and simhash of the clean text.
void CleanDocument(const Document& doc, CleanResult* out);

// Plain-text rules only: appends the spans of whole lines of `text` that are
// boilerplate ("Advertisement", "Read more: ...", share bars, copyright
// lines, teaser paragraphs) to `out`, sorted.
void FindTextBoilerplate(std::string_view text, std::vector<Span>* out);

// True when one line or block (already trimmed) reads as boilerplate by
// itself, whatever its context.
bool IsBoilerplateLine(std::string_view line);

// DOM block scoring over doc.blocks (HTML input): spans of the blocks that
// are not the article, sorted; adjacent rejected blocks are merged.
void FindHtmlBoilerplate(const Document& doc, std::vector<Span>* out);

// Language of `text` (UTF-8) as ISO 639-1 ("en"), or "und" when the
// detector is not confident. Looks at most at the first `max_bytes`.
std::string DetectLanguage(std::string_view text, size_t max_bytes = 1024);

// 64-bit simhash over lowercased word 3-shingles of `text`, skipping the
// `skip` spans (sorted, non-overlapping).
uint64_t Simhash(std::string_view text, const std::vector<Span>& skip = {});

// Hamming distance between two simhashes; near-duplicates are within 3.
inline int SimhashDistance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

}  // namespace annals

#endif  // ANNALS_CLEAN_CLEAN_H_
