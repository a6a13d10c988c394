// libFuzzer target for the ingest RSS/Atom reader (the hand-written XML scanner).
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return annals::fuzz::FuzzReader(annals::InputFormat::kFeed, data, size);
}
