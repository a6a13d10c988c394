// Character sets of HTML payloads. HtmlToDocument reads UTF-8, while web
// pages (and CC-NEWS records) still come in windows-1252, ISO-8859-x,
// Shift_JIS, GBK, KOI8-R...: the charset is taken from the HTTP
// Content-Type, else a <meta charset> / http-equiv in the first bytes of
// the page, and the page is converted before it is parsed. Bytes that are
// already valid UTF-8 are used as they are whatever the label says (labels
// lie more often than bytes do). Undeclared, invalid UTF-8 falls back to
// windows-1252, as browsers do. windows-1252 and Latin-1 are converted
// here by table (the common case, no allocation beyond the output); other
// charsets through ICU's converters.
#include <unicode/ucnv.h>

#include <cctype>
#include <string>

#include "core/utf8.h"
#include "ingest/internal.h"

namespace annals::ingest_internal {
namespace {

// windows-1252 code points for bytes 0x80..0x9F (ISO-8859-1 maps them to
// C1 controls, which no page means).
constexpr char16_t kCp1252[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value after "charset=" in `s` (lower case), or empty.
std::string CharsetParam(std::string_view s) {
  const std::string l = Lower(s);
  size_t k = l.find("charset");
  while (k != std::string::npos) {
    size_t i = k + 7;
    while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
    if (i < l.size() && l[i] == '=') {
      ++i;
      while (i < l.size() && (l[i] == ' ' || l[i] == '"' || l[i] == '\'')) ++i;
      size_t j = i;
      while (j < l.size() && (std::isalnum(static_cast<unsigned char>(l[j])) || l[j] == '-' ||
                              l[j] == '_' || l[j] == '.' || l[j] == ':'))
        ++j;
      if (j > i) return l.substr(i, j - i);
    }
    k = l.find("charset", k + 7);
  }
  return {};
}

bool IsWindows1252Family(std::string_view cs) {
  return cs == "windows-1252" || cs == "cp1252" || cs == "iso-8859-1" || cs == "latin1" ||
         cs == "latin-1" || cs == "iso8859-1" || cs == "iso_8859-1" || cs == "us-ascii" ||
         cs == "ascii" || cs == "x-cp1252";
}

}  // namespace

void AppendWindows1252(std::string_view s, std::string* out) {
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80)
      out->push_back(ch);
    else if (c < 0xA0)
      AppendUtf8(kCp1252[c - 0x80], out);
    else
      AppendUtf8(c, out);
  }
}

std::string DeclaredCharset(std::string_view bytes, std::string_view content_type) {
  std::string cs = CharsetParam(content_type);
  if (!cs.empty()) return cs;
  // <meta charset="x"> or <meta http-equiv="Content-Type" content="...; charset=x">
  std::string_view head = bytes.substr(0, 4096);
  const std::string l = Lower(head);
  for (size_t m = l.find("<meta"); m != std::string::npos; m = l.find("<meta", m + 5)) {
    size_t end = l.find('>', m);
    if (end == std::string::npos) break;
    cs = CharsetParam(std::string_view(l).substr(m, end - m));
    if (!cs.empty()) return cs;
  }
  return {};
}

std::string_view HtmlToUtf8(std::string_view bytes, std::string_view content_type,
                            std::string* storage) {
  if (ValidUtf8Prefix(bytes) == bytes.size()) return bytes;
  const std::string cs = DeclaredCharset(bytes, content_type);
  if (cs == "utf-8" || cs == "utf8") return bytes;  // broken UTF-8: repaired later, and counted
  storage->clear();
  if (cs.empty() || IsWindows1252Family(cs)) {
    storage->reserve(bytes.size() + bytes.size() / 8);
    AppendWindows1252(bytes, storage);
    return *storage;
  }
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(cs.c_str(), &err);
  if (U_FAILURE(err) || conv == nullptr) {
    // Unknown label: windows-1252 keeps every ASCII byte and loses nothing.
    AppendWindows1252(bytes, storage);
    return *storage;
  }
  // Decode to UTF-16, then encode UTF-8; invalid input becomes U+FFFD.
  std::u16string wide(bytes.size() * 2 + 16, u'\0');
  const char* src = bytes.data();
  UChar* dst = reinterpret_cast<UChar*>(wide.data());
  ucnv_toUnicode(conv, &dst, dst + wide.size(), &src, bytes.data() + bytes.size(), nullptr, true,
                 &err);
  ucnv_close(conv);
  if (U_FAILURE(err)) {
    storage->clear();
    AppendWindows1252(bytes, storage);
    return *storage;
  }
  wide.resize(static_cast<size_t>(dst - reinterpret_cast<UChar*>(wide.data())));
  storage->reserve(wide.size() * 3 / 2);
  for (size_t i = 0; i < wide.size(); ++i) {
    char32_t cp = wide[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < wide.size() && wide[i + 1] >= 0xDC00 &&
        wide[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (wide[i + 1] - 0xDC00);
      ++i;
    }
    AppendUtf8(cp, storage);
  }
  return *storage;
}

}  // namespace annals::ingest_internal
