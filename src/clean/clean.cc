// PLACEHOLDER until the clean stage lands (issue 2): no boilerplate found.
#include "clean/clean.h"

namespace annals {
void CleanDocument(const Document&, CleanResult* out) { out->language = "und"; }
}  // namespace annals
