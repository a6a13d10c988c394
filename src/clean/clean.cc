// The clean stage driver: boilerplate spans first (DOM block scoring for
// HTML input, line rules for plain text), then language and simhash of
// what remains.
//
// Design: the clean text is never materialised in full; simhash scans the
// gaps between spans directly and the language detector gets a bounded
// prefix assembled in a thread-local buffer, so the stage allocates
// nothing per document once warm.
#include <string>

#include "clean/clean.h"

namespace annals {

void CleanDocument(const Document& doc, CleanResult* out) {
  out->clear();
  if (!doc.blocks.empty()) {
    FindHtmlBoilerplate(doc, &out->boilerplate);
  } else {
    FindTextBoilerplate(doc.text, &out->boilerplate);
  }
  constexpr size_t kLanguageBytes = 1024;
  const std::string_view text = doc.text;
  if (out->boilerplate.empty()) {
    out->language = DetectLanguage(text, kLanguageBytes);
  } else {
    thread_local std::string buf;
    buf.clear();
    size_t pos = 0;
    for (const Span& s : out->boilerplate) {
      if (buf.size() >= kLanguageBytes) break;
      if (s.begin > pos) buf.append(text.substr(pos, s.begin - pos)).push_back('\n');
      pos = std::max<size_t>(pos, s.end);
    }
    if (buf.size() < kLanguageBytes && pos < text.size()) buf.append(text.substr(pos, kLanguageBytes));
    out->language = DetectLanguage(buf, kLanguageBytes);
  }
  out->simhash = Simhash(text, out->boilerplate);
}

}  // namespace annals
