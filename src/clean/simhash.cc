// Simhash (Charikar 2002) over word 3-shingles: a 64-bit key that changes
// in few bits when the text changes a little, so that later stages can skip
// copies of one story (near-duplicates are within a Hamming distance of 3).
//
// Design: words are runs of ASCII letters/digits or non-ASCII bytes,
// lowercased on the fly and hashed with FNV-1a while scanning (no token
// vector); each shingle hash is the three word hashes combined and passed
// through a 64-bit finalizer; 64 signed counters take +1/-1 per bit.
#include <array>
#include <cstdint>

#include "clean/clean.h"

namespace annals {
namespace {

constexpr uint64_t kFnvOffset = 1469598103934665603ull;
constexpr uint64_t kFnvPrime = 1099511628211ull;

inline uint64_t Mix(uint64_t x) {  // splitmix64 finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

inline uint64_t Rotl(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

struct WordTable {
  // 0: separator; else the lowercased byte to hash.
  std::array<uint8_t, 256> map{};
  constexpr WordTable() {
    for (int c = '0'; c <= '9'; ++c) map[c] = static_cast<uint8_t>(c);
    for (int c = 'a'; c <= 'z'; ++c) map[c] = static_cast<uint8_t>(c);
    for (int c = 'A'; c <= 'Z'; ++c) map[c] = static_cast<uint8_t>(c + 32);
    for (int c = 0x80; c < 0x100; ++c) map[c] = static_cast<uint8_t>(c);
  }
};
constexpr WordTable kWord;

// Counts, per bit position, how many shingle hashes have that bit set.
// Bits are counted eight positions at a time in the bytes of eight 64-bit
// lanes (lane k byte j counts bit 8j+k), which costs 8 additions per
// shingle instead of 64; lanes are flushed to wide counters before a byte
// can overflow.
struct Accumulator {
  std::array<uint64_t, 8> lanes{};
  std::array<uint32_t, 64> ones{};
  uint32_t in_lanes = 0;
  uint32_t total = 0;
  uint64_t w1 = 0, w2 = 0;  // previous two word hashes
  uint64_t words = 0;

  void AddWord(uint64_t h) {
    ++words;
    if (words >= 3) Add(Mix(Rotl(w2, 42) ^ Rotl(w1, 21) ^ h));
    w2 = w1;
    w1 = h;
  }
  void Add(uint64_t h) {
    constexpr uint64_t kLow = 0x0101010101010101ull;
    for (int k = 0; k < 8; ++k) lanes[k] += (h >> k) & kLow;
    ++total;
    if (++in_lanes == 255) FlushLanes();
  }
  void FlushLanes() {
    for (int k = 0; k < 8; ++k) {
      for (int j = 0; j < 8; ++j) ones[8 * j + k] += (lanes[k] >> (8 * j)) & 0xFF;
      lanes[k] = 0;
    }
    in_lanes = 0;
  }
  uint64_t Finish() {
    // Fewer than three words: the words themselves are the features.
    if (words > 0 && words < 3) {
      if (words == 2) Add(Mix(w2));
      Add(Mix(w1));
    }
    FlushLanes();
    uint64_t out = 0;
    for (int b = 0; b < 64; ++b) {
      if (2 * ones[b] > total) out |= 1ull << b;
    }
    return out;
  }
};

void Scan(std::string_view s, Accumulator* acc, uint64_t* h, bool* in_word) {
  for (unsigned char c : s) {
    const uint8_t m = kWord.map[c];
    if (m != 0) {
      *h = (*h ^ m) * kFnvPrime;
      *in_word = true;
    } else if (*in_word) {
      acc->AddWord(*h);
      *h = kFnvOffset;
      *in_word = false;
    }
  }
}

}  // namespace

uint64_t Simhash(std::string_view text, const std::vector<Span>& skip) {
  Accumulator acc;
  uint64_t h = kFnvOffset;
  bool in_word = false;
  size_t pos = 0;
  for (const Span& s : skip) {
    if (s.begin > pos && s.begin <= text.size()) Scan(text.substr(pos, s.begin - pos), &acc, &h, &in_word);
    // A skipped span ends any word in progress.
    if (in_word) {
      acc.AddWord(h);
      h = kFnvOffset;
      in_word = false;
    }
    pos = std::max<size_t>(pos, s.end);
  }
  if (pos < text.size()) Scan(text.substr(pos), &acc, &h, &in_word);
  if (in_word) acc.AddWord(h);
  return acc.Finish();
}

}  // namespace annals
