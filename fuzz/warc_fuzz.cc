// libFuzzer target for the ingest WARC reader (headers, Content-Length, HTTP, chunked and gzip
// payloads).
#include "reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return annals::fuzz::FuzzReader(annals::InputFormat::kWarc, data, size);
}
