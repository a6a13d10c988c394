// libFuzzer target for the ingest JSONL reader (simdjson, line splitting, over-long lines).
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return annals::fuzz::FuzzReader(annals::InputFormat::kJsonl, data, size);
}
