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
#include <vector>

#include "annals/document.h"

namespace annals {

struct CleanResult {
  std::vector<Span> boilerplate;
  std::string language;    // ISO 639-1 ("en"), "und" when unknown
  uint64_t simhash = 0;    // 64-bit simhash of the clean text's word shingles
  void clear() { boilerplate.clear(); language.clear(); simhash = 0; }
};

void CleanDocument(const Document& doc, CleanResult* out);

// Hamming distance between two simhashes; near-duplicates are within 3.
inline int SimhashDistance(uint64_t a, uint64_t b) { return __builtin_popcountll(a ^ b); }

}  // namespace annals

#endif  // ANNALS_CLEAN_CLEAN_H_
