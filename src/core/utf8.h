// UTF-8 helpers: validation with repair, and code point decoding.
#ifndef ANNALS_CORE_UTF8_H_
#define ANNALS_CORE_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace annals {

// Returns the length of the valid UTF-8 prefix of `s` (s.size() when all of
// it is valid). Fast path for ASCII.
size_t ValidUtf8Prefix(std::string_view s);

// Copies `in` to `out`, replacing each maximal invalid subsequence with
// U+FFFD. Returns the number of replacements; `first_bad` (if non-null)
// receives the byte offset in `in` of the first one.
uint32_t RepairUtf8(std::string_view in, std::string* out, size_t* first_bad = nullptr);

// Decodes the code point at s[i] (s must be valid UTF-8) and returns it,
// setting *len to its byte length.
inline char32_t DecodeUtf8(std::string_view s, size_t i, int* len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) { *len = 1; return c; }
  if (c < 0xE0 && i + 1 < s.size()) {
    *len = 2;
    return ((c & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
  }
  if (c < 0xF0 && i + 2 < s.size()) {
    *len = 3;
    return ((c & 0x0F) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 2]) & 0x3F);
  }
  if (i + 3 < s.size()) {
    *len = 4;
    return ((c & 0x07) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12) |
           ((static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) |
           (static_cast<unsigned char>(s[i + 3]) & 0x3F);
  }
  *len = 1;
  return 0xFFFD;
}

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace annals

#endif  // ANNALS_CORE_UTF8_H_
