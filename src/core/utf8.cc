// UTF-8 validation follows the well-formed byte sequence table of the
// Unicode standard (ch. 3, table 3-7): no overlongs, no surrogates, nothing
// above U+10FFFF. ASCII is skipped eight bytes at a time.
#include "core/utf8.h"

#include <cstring>

namespace annals {
namespace {

// Length of the well-formed sequence starting at s[i], or 0 if ill-formed.
inline size_t SequenceLength(const unsigned char* p, size_t avail) {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  auto cont = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return k < avail && p[k] >= lo && p[k] <= hi;
  };
  if (c < 0xE0) return cont(1) ? 2 : 0;
  if (c < 0xF0) {
    const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
    const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (c < 0xF5) {
    const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
    const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// Length of the maximal prefix of an ill-formed sequence (at least 1), so
// that one U+FFFD replaces it, as the standard recommends.
inline size_t BadLength(const unsigned char* p, size_t avail) {
  const unsigned char c = p[0];
  size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
  if (c >= 0xF5 || c < 0xC2) return 1;
  size_t k = 1;
  while (k < need && k < avail) {
    unsigned char lo = 0x80, hi = 0xBF;
    if (k == 1) {
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    if (p[k] < lo || p[k] > hi) break;
    ++k;
  }
  return k;
}

}  // namespace

size_t ValidUtf8Prefix(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if ((w & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const size_t len = SequenceLength(p + i, n - i);
    if (len == 0) return i;
    i += len;
  }
  return n;
}

uint32_t RepairUtf8(std::string_view in, std::string* out, size_t* first_bad) {
  out->clear();
  size_t valid = ValidUtf8Prefix(in);
  if (valid == in.size()) {
    out->assign(in);
    return 0;
  }
  if (first_bad) *first_bad = valid;
  out->reserve(in.size() + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  uint32_t bad = 0;
  size_t i = 0;
  while (i < in.size()) {
    valid = i + ValidUtf8Prefix(in.substr(i));
    out->append(in.data() + i, valid - i);
    i = valid;
    if (i >= in.size()) break;
    i += BadLength(p + i, in.size() - i);
    out->append("\xEF\xBF\xBD");
    ++bad;
  }
  return bad;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp <= 0x10FFFF) {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->append("\xEF\xBF\xBD");
  }
}

}  // namespace annals
