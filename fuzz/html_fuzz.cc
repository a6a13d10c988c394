// libFuzzer target for the ingest HTML page reader (HtmlToDocument over a whole page).
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return annals::fuzz::FuzzReader(annals::InputFormat::kHtml, data, size);
}
