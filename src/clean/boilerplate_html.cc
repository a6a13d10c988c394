// DOM block scoring (placeholder until written): keep every block.
#include "clean/clean.h"
namespace annals {
void FindHtmlBoilerplate(const Document& doc, std::vector<Span>* out) {
  for (const TextBlock& b : doc.blocks) {
    if (IsBoilerplateLine(std::string_view(doc.text).substr(b.span.begin, b.span.size()))) out->push_back(b.span);
  }
}
}  // namespace annals
