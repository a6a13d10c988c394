// Document: one dated news article as it enters the pipeline.
//
// Contract: `text` is valid UTF-8 (ingest repairs invalid bytes with U+FFFD
// and counts them) and is the only copy of the article text; every later
// stage refers to it by byte offsets, `end` exclusive. A Document owns all
// its strings. Not thread-safe to mutate; safe to read from many threads.
#ifndef ANNALS_DOCUMENT_H_
#define ANNALS_DOCUMENT_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "annals/date.h"

namespace annals {

// A byte range [begin, end) in a document's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  friend bool operator==(const Span&, const Span&) = default;
};

// Layout facts about one block of text (an HTML block element, or a line
// of a plain-text article), for boilerplate scoring by the clean stage.
struct TextBlock {
  enum Tag : uint8_t { kLine, kParagraph, kHeading, kListItem, kTableCell, kDiv, kPre, kQuote, kOther };
  enum Hint : uint32_t {
    kHintNone = 0,
    kHintNav = 1u << 0,         // inside <nav>, or class/id like "nav", "menu", "breadcrumb"
    kHintFooter = 1u << 1,      // <footer>, class/id "footer", "copyright"
    kHintHeader = 1u << 2,      // <header> of the page
    kHintAside = 1u << 3,       // <aside>, "sidebar", "related", "recommended"
    kHintComment = 1u << 4,     // "comment", "disqus"
    kHintShare = 1u << 5,       // "share", "social"
    kHintAd = 1u << 6,          // "ad", "advert", "promo", "sponsor"
    kHintArticle = 1u << 7,     // inside <article>, itemprop=articleBody, "article-body", "story"
    kHintMain = 1u << 8,        // <main>, role=main, "content"
    kHintForm = 1u << 9,        // inside <form>, <button>, <input>
    kHintHidden = 1u << 10,     // hidden/aria-hidden
    kHintCookie = 1u << 11,     // cookie/consent/newsletter/subscribe
    kHintFigure = 1u << 12,     // <figure>, <figcaption>, "caption", "credit"
    kHintByline = 1u << 13,     // "byline", "author", "dateline", "timestamp", "meta"
    kHintTags = 1u << 14,       // "tags", "keywords", "topics", "categories"
    kHintHeadline = 1u << 15,   // a heading whose text is the page's title
  };
  Span span;
  uint32_t link_bytes = 0;  // bytes of the block's text inside <a>
  uint16_t depth = 0;       // DOM depth (0 for plain text)
  Tag tag = kLine;
  uint32_t hints = kHintNone;
  // Ancestry, for container scoring: pre-order numbers (among the page's
  // block elements, from 1) of the block's own element (level 0) and its
  // nearest block ancestors, with each one's subtree end (one past the
  // largest number inside it), so that "block b lies inside element E" is
  // E.id <= b.ancestor[0] < E.end. Unused levels are 0.
  static constexpr int kAncestors = 6;
  std::array<uint32_t, kAncestors> ancestor{};
  std::array<uint32_t, kAncestors> ancestor_end{};
};

struct Document {
  std::string id;     // the input's id, else file name without extension (+ "#N")
  std::string url;    // empty when unknown
  std::string title;  // empty when unknown
  std::optional<CivilDate> dct;  // document creation time
  std::string text;   // UTF-8 article text (for HTML: the page's visible text)
  std::vector<TextBlock> blocks;  // filled for HTML input; empty for plain text

  // Provenance, for error messages: where this document came from.
  std::string input;        // file path, or "-" for standard input
  uint64_t record = 0;      // 1-based record number within the input
  uint64_t input_offset = 0;  // byte offset of the record within the input
  uint32_t invalid_utf8 = 0;  // bytes replaced by U+FFFD when reading
};

}  // namespace annals

#endif  // ANNALS_DOCUMENT_H_
