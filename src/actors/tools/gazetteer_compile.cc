// annals_gazetteer_compile PBF ISO_JSON OUT: build-time compiler of the
// place gazetteer (see src/actors/gazetteer.h). Run by CMake.
#include <cstdio>

#include "actors/gazetteer.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: annals_gazetteer_compile CITIES.pbf ISO_3166-1.json OUT.bin\n");
    return 2;
  }
  annals::Status st = annals::actors::CompileGazetteer(argv[1], argv[2], argv[3]);
  if (!st.ok()) {
    std::fprintf(stderr, "annals_gazetteer_compile: %s\n", st.message().c_str());
    return 1;
  }
  return 0;
}
