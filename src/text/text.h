// The text layer: UTF-8 tokens and sentences over a document's text, plus
// light morphology (lowercase forms, verb lemmas, tense).
//
// Contract: tokens are byte ranges into the text they were made from, in
// order, never overlapping, never inside a boilerplate span; sentences are
// token ranges that never cross a boilerplate span or a blank line.
// Tokenize() is thread-safe (no shared mutable state); a TextLayer may be
// reused across documents to keep its buffers (allocation-light hot path).
#ifndef ANNALS_TEXT_TEXT_H_
#define ANNALS_TEXT_TEXT_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "annals/document.h"

namespace annals {

struct Token {
  enum Flag : uint16_t {
    kWord = 1 << 0,         // letters (may contain digits, apostrophes, hyphens, dots of an abbreviation)
    kNumber = 1 << 1,       // starts with a digit: 1,000.5  75th  2024-04-02  3.30
    kPunct = 1 << 2,        // punctuation or symbol
    kCapitalized = 1 << 3,  // first letter is uppercase
    kAllCaps = 1 << 4,      // every letter uppercase (and at least two letters)
    kHyphenated = 1 << 5,   // contains an inner hyphen: Israel-Hamas, four-hour
    kAbbreviation = 1 << 6, // ends with a dot that is part of the token: U.S.  Jan.  Gen.
    kSentenceStart = 1 << 7,  // first token of its sentence
    kParagraphStart = 1 << 8, // first token after a blank line or block start
    kQuote = 1 << 9,        // a quotation mark of any style
    kCurrency = 1 << 10,    // a currency symbol: $ € £ ¥
  };
  uint32_t begin = 0;
  uint32_t end = 0;
  uint16_t flags = 0;

  bool is(Flag f) const { return (flags & f) != 0; }
  std::string_view in(std::string_view text) const { return text.substr(begin, end - begin); }
};

struct Sentence {
  uint32_t first = 0;  // index of the first token
  uint32_t last = 0;   // one past the last token
  uint32_t begin = 0;  // byte offset of the first token
  uint32_t end = 0;    // byte end of the last token
};

struct TextLayer {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // Index of the sentence of each token (same size as tokens).
  std::vector<uint32_t> sentence_of;

  void clear() { tokens.clear(); sentences.clear(); sentence_of.clear(); }
};

// Tokenizes `text` and splits it into sentences, skipping `boilerplate`
// spans (sorted, non-overlapping). Abbreviations (U.S., Jan., Gen., Mr.,
// initials) do not end sentences; quotes and brackets closing a sentence
// stay with it.
void Tokenize(std::string_view text, const std::vector<Span>& boilerplate, TextLayer* out);

// --- light morphology -------------------------------------------------

// ASCII-lowercases `word` into `buf` (non-ASCII bytes are copied as-is) and
// returns a view of it.
std::string_view LowerAscii(std::string_view word, std::string* buf);

// The lemma of a lowercase English verb form ("held" -> "hold", "met" ->
// "meet", "urging" -> "urge", "carries" -> "carry"); `word` if unknown.
// Returned view points to static storage or into `word`/`buf`.
std::string_view VerbLemma(std::string_view lower_word, std::string* buf);

// True if a lowercase word is a finite past-tense or past-participle form
// ("was", "held", "said", "met", "visited").
bool IsPastForm(std::string_view lower_word);

enum class Tense : uint8_t { kUnknown, kPast, kPresent, kFuture };

// The tense of the clause around token `tok` (tense.cc): the nearest verb
// group in the same clause, read whole ("will hold", "is to go", "are
// expected to meet", "has been", "must be returned by"), with deadline
// cues ("by Friday", "until March") pointing forward and reporting verbs
// ("said") skipped unless next to the token.
Tense TenseAt(std::string_view text, const TextLayer& layer, uint32_t tok);

}  // namespace annals

#endif  // ANNALS_TEXT_TEXT_H_
