// Language identification with CLD2 (Compact Language Detector 2, the
// detector of Chromium, packaged by Debian as libcld2).
//
// Design: CLD2 is given the first few kilobytes of the clean text only (a
// language does not change halfway through a news article, and the stage
// runs on every document); its codes are mapped to ISO 639-1 where CLD2
// keeps older or script-qualified ones ("iw" -> "he", "zh-Hant" -> "zh").
// Results that CLD2 does not call reliable become "und".
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cld2/public/compact_lang_det.h>

#include <string>

#include "clean/clean.h"
#include "core/utf8.h"

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which Debian ships but which
// pulls in internal headers; the function is exported by libcld2.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace annals {

std::string DetectLanguage(std::string_view text, size_t max_bytes) {
  if (text.size() > max_bytes) {
    // Cut on a character boundary.
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  if (text.empty()) return "und";
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
