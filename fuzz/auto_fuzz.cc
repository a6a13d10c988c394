// libFuzzer target for the ingest dispatcher: gzip/zstd decoding and format detection, then any
// reader.
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return annals::fuzz::FuzzReader(annals::InputFormat::kAuto, data, size);
}
