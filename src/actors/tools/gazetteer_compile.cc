// annals_gazetteer_compile CITIES.pbf ISO.json OUT.bin [MALE.txt FEMALE.txt WORDS.js]:
// build-time compiler of the place gazetteer and word facts (see
// src/actors/gazetteer.h). Run by CMake; the word lists may be "-".
#include <cstdio>
#include <string>

#include "actors/gazetteer.h"

int main(int argc, char** argv) {
  if (argc != 4 && argc != 7) {
    std::fprintf(stderr,
                 "usage: annals_gazetteer_compile CITIES.pbf ISO_3166-1.json OUT.bin [MALE FEMALE "
                 "WORDS.js]\n");
    return 2;
  }
  annals::actors::GazetteerSources src;
  src.cities_pbf = argv[1];
  src.iso_json = argv[2];
  auto opt = [](const char* s) { return std::string(s) == "-" ? std::string() : std::string(s); };
  if (argc == 7) {
    src.male_names = opt(argv[4]);
    src.female_names = opt(argv[5]);
    src.popular_words = opt(argv[6]);
  }
  annals::Status st = annals::actors::CompileGazetteer(src, argv[3]);
  if (!st.ok()) {
    std::fprintf(stderr, "annals_gazetteer_compile: %s\n", st.message().c_str());
    return 1;
  }
  return 0;
}
