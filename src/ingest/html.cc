// PLACEHOLDER until HTML reading lands (issue 2).
#include "ingest/ingest.h"

namespace annals {
Status HtmlToDocument(std::string_view, Document*) { return Status::Unsupported("html: not built yet"); }
}  // namespace annals
