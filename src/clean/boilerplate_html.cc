// DOM block scoring for HTML pages: which blocks of the page's text are the
// article.
//
// Design, in three steps over the flat list of blocks that the HTML reader
// wrote (each with its text span, bytes inside links, tag, template hints
// and its nearest block ancestors):
//  1. Container scoring (the Readability method): every paragraph-like
//     block with enough text and few links gives points (1 + commas +
//     length/100, at most 3 for length) to its parent, half to its
//     grandparent and less further up; a container's points are scaled by
//     (1 - its link density). The best container is the article body.
//     Blocks under template hints for navigation, comments, asides, ads,
//     share bars and the like give no points.
//  2. The main region: the best container, widened to the highest of its
//     near ancestors whose extra text is, taken together, mostly
//     article-like (stories split over sibling divs around ads, figures
//     and pull quotes).
//  3. Block filtering inside the region: link density, negative hints that
//     are not shared by the whole region (so that a hint on a wrapper of
//     the whole article does not remove it), short blocks matching the
//     plain-text line rules, the headline, bylines, captions, tag lists
//     and short date lines.
// Everything outside the region is boilerplate. Consecutive rejected
// blocks are merged into one span.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "clean/clean.h"

namespace annals {
namespace {

constexpr uint32_t kNegative = TextBlock::kHintNav | TextBlock::kHintFooter | TextBlock::kHintHeader |
                               TextBlock::kHintAside | TextBlock::kHintComment | TextBlock::kHintShare |
                               TextBlock::kHintAd | TextBlock::kHintForm | TextBlock::kHintHidden |
                               TextBlock::kHintCookie;

struct BlockFacts {
  uint32_t len = 0;       // bytes of text
  uint32_t words = 0;
  uint32_t commas = 0;
  uint32_t stops = 0;     // sentence ends (. ! ?)
  double link_density = 0;
};

BlockFacts Facts(std::string_view t, const TextBlock& b) {
  BlockFacts f;
  f.len = static_cast<uint32_t>(t.size());
  bool in_word = false;
  for (size_t i = 0; i < t.size(); ++i) {
    const char c = t[i];
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++f.words;
    in_word = !space;
    if (c == ',') ++f.commas;
    if (c == '.' || c == '!' || c == '?') ++f.stops;
    // Full-width comma and ideographic full stop (CJK text).
    if (static_cast<unsigned char>(c) == 0xEF && i + 2 < t.size() && t[i + 1] == '\xBC' && t[i + 2] == '\x8C')
      ++f.commas;
    if (static_cast<unsigned char>(c) == 0xE3 && i + 2 < t.size() && t[i + 1] == '\x80' &&
        (t[i + 2] == '\x81' || t[i + 2] == '\x82'))
      ++f.commas, ++f.stops;
  }
  f.link_density = f.len > 0 ? std::min(1.0, static_cast<double>(b.link_bytes) / f.len) : 0.0;
  return f;
}

struct Container {
  double score = 0;
  uint32_t end = 0;
  uint64_t text = 0;   // bytes of text of the blocks under it (within reach)
  uint64_t links = 0;  // of which inside links
  uint32_t parent = 0;
};

// Share of article-like bytes the text added by an ancestor of the best
// container must reach for the region to grow to that ancestor.
constexpr double kExpandRatio = 0.75;
// Weight of a block under a negative template hint in container scoring.
constexpr double kNegativeWeight = 0.1;

// ANNALS_CLEAN_DEBUG=1 dumps every block's decision to standard error
// (a development aid; read once).
// A short line that dates the page and is not a sentence: "Updated 1:39
// am EST, Wednesday, November 20, 2019", "2019-11-20 12:57:32 Marcus De
// Guzman", "November 18, 2019". It carries a clock time, or a year with a
// month (a name or digits). Tweet attributions ("— Name (@user) October
// 9, 2018") and titles with a year ("Calendar 2018") are not such lines.
bool IsDateLine(std::string_view t, const BlockFacts& f) {
  if (f.len > 90 || f.words > 12 || t.empty()) return false;
  const char last = t.back();
  if (last == '.' || last == '!' || last == '?' || last == '"') return false;
  if (t.find('@') != std::string_view::npos) return false;
  if (t[0] == '(' || t[0] == '-' || t.substr(0, 3) == "\xE2\x80\x94") return false;  // em dash
  auto digit = [&](size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; };
  bool year = false, month = false;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!digit(i) || (i > 0 && digit(i - 1))) continue;
    size_t j = i;
    while (digit(j)) ++j;
    const size_t len = j - i;
    // h:mm or hh:mm: a clock time.
    if ((len == 1 || len == 2) && j + 2 < t.size() + 1 && j < t.size() && t[j] == ':' && digit(j + 1) &&
        digit(j + 2))
      return true;
    if (len == 4 && (t.compare(i, 2, "19") == 0 || t.compare(i, 2, "20") == 0)) {
      year = true;
      // 2019-11-20, 2016.12.01, 2019/11/20
      if (j < t.size() && (t[j] == '-' || t[j] == '.' || t[j] == '/') && digit(j + 1)) month = true;
    }
    // 20/11/2019, 20.11.2019
    if ((len == 1 || len == 2) && j < t.size() && (t[j] == '/' || t[j] == '.') && digit(j + 1) &&
        (digit(j + 2) || (j + 2 < t.size() && (t[j + 2] == '/' || t[j + 2] == '.'))))
      month = true;
  }
  if (!year) return false;
  if (month) return true;
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  for (size_t i = 0; i + 3 <= t.size(); ++i) {
    if (i > 0 && ((t[i - 1] | 0x20) >= 'a' && (t[i - 1] | 0x20) <= 'z')) continue;
    char w[3] = {static_cast<char>(t[i] | 0x20), static_cast<char>(t[i + 1] | 0x20),
                 static_cast<char>(t[i + 2] | 0x20)};
    for (std::string_view m : kMonths) {
      if (m == std::string_view(w, 3)) return true;
    }
  }
  return false;
}

bool Debug() {
  static const bool on = std::getenv("ANNALS_CLEAN_DEBUG") != nullptr;
  return on;
}

}  // namespace

void FindHtmlBoilerplate(const Document& doc, std::vector<Span>* out) {
  const std::string_view text = doc.text;
  const size_t n = doc.blocks.size();
  // Blocks come from the HTML reader: in order, inside the text. Anything
  // else (a hand-made Document) gets the plain-text rules instead.
  for (size_t i = 0; i < n; ++i) {
    const TextBlock& b = doc.blocks[i];
    if (b.span.begin > b.span.end || b.span.end > text.size() ||
        (i > 0 && b.span.begin < doc.blocks[i - 1].span.end)) {
      FindTextBoilerplate(text, out);
      return;
    }
  }
  std::vector<BlockFacts> facts(n);
  for (size_t i = 0; i < n; ++i) {
    const TextBlock& b = doc.blocks[i];
    facts[i] = Facts(text.substr(b.span.begin, b.span.size()), b);
  }

  // 1. Container scores.
  std::unordered_map<uint32_t, Container> containers;
  containers.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    const TextBlock& b = doc.blocks[i];
    const BlockFacts& f = facts[i];
    for (int k = 0; k < TextBlock::kAncestors && b.ancestor[k] != 0; ++k) {
      Container& c = containers[b.ancestor[k]];
      c.end = b.ancestor_end[k];
      c.text += f.len;
      c.links += b.link_bytes;
      if (k + 1 < TextBlock::kAncestors) c.parent = b.ancestor[k + 1];
    }
    if (b.tag == TextBlock::kHeading) continue;
    if (f.len < 25 || f.link_density > 0.5) continue;
    // List items and table cells count when they hold prose (articles
    // written as lists), not when they are menus or teasers.
    if ((b.tag == TextBlock::kListItem || b.tag == TextBlock::kTableCell) &&
        (f.len < 100 || f.stops == 0 || f.link_density > 0.3))
      continue;
    double points = 1.0 + f.commas + std::min(f.len / 100.0, 3.0);
    // Template hints are evidence, not verdicts: a wrapper of the article
    // may carry a misleading class, so hinted blocks still count a little.
    if ((b.hints & kNegative) != 0) points *= kNegativeWeight;
    static constexpr double kDivisor[TextBlock::kAncestors] = {1, 1, 2, 6, 9, 12};
    // Text directly inside a container (a div with text and <br>s) makes
    // that container a candidate itself, as Readability does by turning
    // such divs into paragraphs.
    const int first = b.tag == TextBlock::kParagraph ? 1 : 0;
    for (int k = first; k < TextBlock::kAncestors && b.ancestor[k] != 0; ++k) {
      containers[b.ancestor[k]].score += points / kDivisor[k];
    }
  }
  uint32_t best = 0;
  double best_score = 0;
  for (auto& [id, c] : containers) {
    const double ld = c.text > 0 ? static_cast<double>(c.links) / c.text : 0;
    c.score *= (1.0 - ld);
    if (c.score > best_score || (c.score == best_score && id < best)) {
      best_score = c.score;
      best = id;
    }
  }

  // 2. The main region. Articles are often split over sibling containers
  // (ads or pull quotes between them); move up from the best container
  // while the text that its parent adds is mostly article-like (good
  // bytes: long blocks without negative hints, weighted by 1 - link
  // density), or while the parent adds next to nothing. Blocks of one
  // element's subtree are consecutive (pre-order numbers), so subtree sums
  // are prefix-sum differences.
  std::vector<double> good_prefix(n + 1, 0), total_prefix(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    const TextBlock& b = doc.blocks[i];
    const BlockFacts& f = facts[i];
    const bool good = (b.hints & kNegative) == 0 && f.len >= 40 && f.link_density < 0.5;
    good_prefix[i + 1] = good_prefix[i] + (good ? f.len * (1.0 - f.link_density) : 0.0);
    total_prefix[i + 1] = total_prefix[i] + f.len;
  }
  // Blocks of one element's subtree are consecutive. A block's own element
  // number is not monotonic (text after a nested block belongs to the outer
  // element again), but its running maximum is: the blocks whose running
  // maximum falls in [id, end) are the subtree's blocks followed by, at
  // most, tail text of the element's ancestors, which is trimmed off.
  std::vector<uint32_t> key(n);
  for (size_t i = 0; i < n; ++i) key[i] = std::max(i > 0 ? key[i - 1] : 0u, doc.blocks[i].ancestor[0]);
  auto subtree = [&](uint32_t id, uint32_t end, double* good, double* total) {
    const size_t a = std::lower_bound(key.begin(), key.end(), id) - key.begin();
    size_t z = std::lower_bound(key.begin() + a, key.end(), end) - key.begin();
    while (z > a && (doc.blocks[z - 1].ancestor[0] < id || doc.blocks[z - 1].ancestor[0] >= end)) --z;
    *good = good_prefix[z] - good_prefix[a];
    *total = total_prefix[z] - total_prefix[a];
  };
  std::vector<std::pair<uint32_t, uint32_t>> region;  // [id, end) ranges
  if (best != 0) {
    // The highest ancestor (within a few levels) whose text beyond the best
    // container is, taken together, mostly article-like: a figure or a pull
    // quote between two halves of a story does not stop the climb.
    double base_good, base_total;
    subtree(best, containers[best].end, &base_good, &base_total);
    uint32_t chosen = best, cur = best;
    for (int step = 0; step < 12; ++step) {
      const uint32_t parent = containers[cur].parent;
      auto it = containers.find(parent);
      if (parent == 0 || it == containers.end()) break;
      double g, t;
      subtree(parent, it->second.end, &g, &t);
      const double added_good = g - base_good, added_total = t - base_total;
      if (added_total <= 0.05 * base_total || added_good >= kExpandRatio * added_total) chosen = parent;
      cur = parent;
    }
    region.push_back({chosen, containers[chosen].end});
  }
  auto in_region = [&](const TextBlock& b) {
    for (const auto& [id, end] : region) {
      if (b.ancestor[0] >= id && b.ancestor[0] < end) return true;
    }
    return false;
  };
  // Hints every block of the region shares come from above it.
  uint32_t shared = ~0u;
  bool any = false;
  for (size_t i = 0; i < n; ++i) {
    if (in_region(doc.blocks[i])) {
      shared &= doc.blocks[i].hints;
      any = true;
    }
  }
  if (!any) shared = 0;

  // 3. Block decisions.
  std::vector<bool> keep(n, false);
  std::vector<char> why(n, ' ');  // for the debug dump: why a block was dropped
  for (size_t i = 0; i < n; ++i) {
    const TextBlock& b = doc.blocks[i];
    const BlockFacts& f = facts[i];
    const uint32_t own = b.hints & ~shared;
    char& w = why[i];
    if (best != 0 && !in_region(b)) w = 'R';
    else if ((own & kNegative) != 0) w = 'N';
    else if ((b.hints & TextBlock::kHintHeadline) != 0) w = 'H';
    else if (f.link_density > 0.5 || (f.len < 80 && f.link_density > 0.3)) w = 'L';
    else if ((own & TextBlock::kHintByline) != 0 && f.len < 200) w = 'B';
    else if ((own & TextBlock::kHintFigure) != 0) w = 'F';
    else if ((own & TextBlock::kHintTags) != 0 && f.len < 200) w = 'T';
    else if (f.len < 300 && IsBoilerplateLine(text.substr(b.span.begin, b.span.size()))) w = 'P';
    else if (IsDateLine(text.substr(b.span.begin, b.span.size()), f)) w = 'D';
    else keep[i] = true;
  }
  if (Debug()) {
    for (size_t i = 0; i < n; ++i) {
      const TextBlock& b = doc.blocks[i];
      std::fprintf(stderr, "%c%c%5u tag=%d hints=%05x ld=%.2f anc=%u,%u,%u %.*s\n", keep[i] ? '+' : '-', why[i],
                   facts[i].len, b.tag, b.hints, facts[i].link_density, b.ancestor[0], b.ancestor[1],
                   b.ancestor[2], static_cast<int>(std::min<uint32_t>(b.span.size(), 90)),
                   text.data() + b.span.begin);
    }
    std::fprintf(stderr, "best=%u score=%.1f region=%zu\n", best, best_score, region.size());
  }
  // Spans: consecutive rejected blocks merge into one.
  for (size_t i = 0; i < n;) {
    if (keep[i]) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j + 1 < n && !keep[j + 1]) ++j;
    const Span s{doc.blocks[i].span.begin, doc.blocks[j].span.end};
    if (!s.empty()) out->push_back(s);
    i = j + 1;
  }
}

}  // namespace annals
