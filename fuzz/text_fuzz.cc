// libFuzzer target for the ingest plain-text reader (date header, UTF-8 repair).
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return annals::fuzz::FuzzReader(annals::InputFormat::kText, data, size);
}
