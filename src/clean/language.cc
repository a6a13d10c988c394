// Language identification with CLD2 (Compact Language Detector 2, the
// detector of Chromium, packaged by Debian as libcld2).
//
// Design: CLD2 is given the first few kilobytes of the clean text only (a
// language does not change halfway through a news article, and the stage
// runs on every document); its codes are mapped to ISO 639-1 where CLD2
// keeps older or script-qualified ones ("iw" -> "he", "zh-Hant" -> "zh").
// Results that CLD2 does not call reliable become "und".
// Fast path: most of what annals reads is English news, and English prose
// is recognised without doubt by its function words (the, of, and, was,
// ...: a fifth or more of the words, where French or German text has next
// to none of these); such text skips CLD2, which costs far more per byte
// than the rest of the clean stage.
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

#include <array>
#include <cstdint>
#include <string>

#include "clean/clean.h"
#include "core/utf8.h"

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which Debian ships but which
// pulls in internal headers; the function is exported by libcld2.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace annals {
namespace {

// English function words, packed as up to five lowercase ASCII bytes in an
// integer, in a small open-addressing table (the check runs on every word
// of every document's first kilobyte).
constexpr std::string_view kFunctionWords[] = {
    "of", "to", "is", "it", "by", "he", "be", "we", "the", "and", "was", "for", "has", "are", "its", "she",
    "but", "not", "had", "who", "his", "her", "our", "you", "that", "with", "said", "from", "have", "were",
    "will", "this", "they", "been", "also", "than", "what", "when", "more", "into", "some", "which",
    "would", "their", "there", "after", "about", "could", "while", "these", "those"};

constexpr uint64_t Pack(std::string_view w) {
  uint64_t v = 0;
  for (char c : w) v = (v << 8) | static_cast<unsigned char>(c);
  return v;
}
constexpr size_t Slot(uint64_t v) { return static_cast<size_t>((v * 0x9E3779B97F4A7C15ull) >> 57); }  // 128 slots

struct FunctionWordTable {
  std::array<uint64_t, 128> slots{};
  constexpr FunctionWordTable() {
    for (std::string_view w : kFunctionWords) {
      const uint64_t v = Pack(w);
      size_t i = Slot(v);
      while (slots[i] != 0) i = (i + 1) & 127;
      slots[i] = v;
    }
  }
  bool Contains(uint64_t v) const {
    for (size_t i = Slot(v);; i = (i + 1) & 127) {
      if (slots[i] == v) return true;
      if (slots[i] == 0) return false;
    }
  }
};
constexpr FunctionWordTable kEnglish;

// True when the first kilobytes of `text` are plainly English prose.
bool LooksEnglish(std::string_view text) {
  text = text.substr(0, 3000);
  int words = 0, hits = 0;
  size_t non_ascii = 0;
  uint64_t packed = 0;
  size_t n = 0;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
    non_ascii += c >> 7;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      packed = (packed << 8) | (c | 0x20);
      ++n;
      continue;
    }
    if (n > 0) {
      ++words;
      if (n <= 5 && kEnglish.Contains(packed)) ++hits;
      // Forty words settle it; no need to read on.
      if (words == 40) return hits * 5 >= words && non_ascii * 50 < i;
    }
    n = 0;
    packed = 0;
  }
  return words >= 12 && hits >= 3 && hits * 5 >= words && non_ascii * 50 < text.size();
}

}  // namespace

std::string DetectLanguage(std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes) {
    // Cut on a character boundary.
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  if (text.empty()) return "und";
  if (LooksEnglish(text)) return "en";
  bool reliable = false;
  int valid_prefix = 0;
  int text_bytes = 0;
  CLD2::Language lang3[3];
  int percent3[3];
  double scores3[3];
  const CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, /*cld_hints=*/nullptr,
      /*flags=*/0, lang3, percent3, scores3, /*resultchunkvector=*/nullptr, &text_bytes, &reliable,
      &valid_prefix);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "und";
  std::string code = CLD2::LanguageCode(lang);
  if (code == "iw") return "he";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  if (code == "jw") return "jv";
  if (code == "zh-Hant") return "zh";
  if (code == "xx" || code.empty()) return "und";
  // Other qualified codes ("sr-ME", "xx-Copt"): keep the language part when
  // it is a two-letter code, else unknown.
  if (size_t dash = code.find('-'); dash != std::string::npos) {
    code.resize(dash);
    if (code.size() != 2 || code == "xx") return "und";
  }
  return code;
}

}  // namespace annals
