// The benchmark's metric, re-implemented from its description (see
// shingle_f1.h). Tokens are compared as written (case kept), shingles are
// hashed token sequences counted in a hash map; a 64-bit hash of the four
// token strings stands in for the tuple (collisions are negligible at the
// sizes of article pages).
#include "clean/shingle_f1.h"

#include <utf8proc.h>

#include <string>
#include <unordered_map>

#include "core/utf8.h"

namespace annals {
namespace {

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
  }
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

uint64_t HashToken(std::string_view t) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : t) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::vector<uint64_t> Tokens(std::string_view text) {
  std::string valid;
  if (ValidUtf8Prefix(text) != text.size()) {
    RepairUtf8(text, &valid);
    text = valid;
  }
  std::vector<uint64_t> out;
  size_t i = 0, start = 0;
  bool in = false;
  while (i < text.size()) {
    int len = 1;
    const char32_t cp = DecodeUtf8(text, i, &len);
    const bool w = IsWordChar(cp);
    if (w && !in) {
      start = i;
      in = true;
    } else if (!w && in) {
      out.push_back(HashToken(text.substr(start, i - start)));
      in = false;
    }
    i += static_cast<size_t>(len);
  }
  if (in) out.push_back(HashToken(text.substr(start)));
  return out;
}

std::unordered_map<uint64_t, int> Shingles(std::string_view text) {
  const std::vector<uint64_t> tok = Tokens(text);
  std::unordered_map<uint64_t, int> out;
  constexpr size_t n = 4;
  if (tok.empty()) return out;
  const size_t count = tok.size() >= n ? tok.size() - n + 1 : 1;
  for (size_t i = 0; i < count; ++i) {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    for (size_t j = i; j < std::min(tok.size(), i + n); ++j) {
      h ^= tok[j] + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    }
    ++out[h];
  }
  return out;
}

}  // namespace

double ShingleCounts::precision() const {
  if (fp == 0 && fn == 0) return 1.0;
  if (tp == 0 && fp == 0) return 0.0;
  return tp / (tp + fp);
}

double ShingleCounts::recall() const {
  if (fp == 0 && fn == 0) return 1.0;
  if (tp == 0 && fn == 0) return 0.0;
  return tp / (tp + fn);
}

ShingleCounts ShingleMatch(std::string_view truth, std::string_view prediction) {
  const auto t = Shingles(truth);
  const auto p = Shingles(prediction);
  ShingleCounts c;
  for (const auto& [k, tc] : t) {
    auto it = p.find(k);
    const int pc = it == p.end() ? 0 : it->second;
    c.tp += std::min(tc, pc);
    c.fn += std::max(0, tc - pc);
    c.fp += std::max(0, pc - tc);
  }
  for (const auto& [k, pc] : p) {
    if (t.find(k) == t.end()) c.fp += pc;
  }
  const double s = c.tp + c.fp + c.fn;
  if (s > 0) {
    c.tp /= s;
    c.fp /= s;
    c.fn /= s;
  }
  return c;
}

ShingleScore ScorePages(const std::vector<ShingleCounts>& pages) {
  ShingleScore s;
  double psum = 0, rsum = 0;
  int pn = 0, rn = 0;
  for (const ShingleCounts& c : pages) {
    if (c.tp + c.fp > 0) {
      psum += c.precision();
      ++pn;
    }
    if (c.tp + c.fn > 0) {
      rsum += c.recall();
      ++rn;
    }
  }
  s.precision = pn > 0 ? psum / pn : 0;
  s.recall = rn > 0 ? rsum / rn : 0;
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

}  // namespace annals
