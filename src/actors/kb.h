// The knowledge base of the actors stage: the team's own facts, read from
// UTF-8 TSV files under data/actors/ (countries, metonyms, bodies, offices
// with dated terms, role titles) plus the lexicons of data/actors/lexicon/
// (cue words, given names, extra titles, regions).
//
// Contract: Load() never fails on a missing or empty file (that part of the
// knowledge base is simply empty); it fails with one line naming the file
// and byte offset only when a row is too short to mean anything. The
// result is immutable and shared read-only by all Resolve() calls.
#ifndef ANNALS_ACTORS_KB_H_
#define ANNALS_ACTORS_KB_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "annals/date.h"
#include "annals/status.h"

namespace annals::actors {

struct KbCountry {
  std::string iso3, iso2, name;
  std::vector<std::string> aliases, adjectives;
  std::string capital;
  std::optional<double> capital_lat, capital_lon;
  std::string cameo;  // usually iso3
};

struct KbBody {
  std::string id, name;
  std::vector<std::string> aliases;
  std::string kind;  // IGO|NGO|ARMED|PARTY|MEDIA|COMPANY|GOVBODY
  std::string cameo, country;
};

struct KbTerm {
  std::string country, role, cameo;
  std::optional<CivilDate> start, end;
};

struct KbPerson {
  std::string id, name;
  std::vector<std::string> aliases;
  std::vector<KbTerm> terms;  // in file order
};

struct KbMetonym {
  std::string phrase, iso3, sector;
};

// A title that names an office ("prime minister", "UNESCO leader").
struct KbRole {
  std::string title;
  std::vector<std::string> aliases;
  std::string sector;  // CAMEO sector suffix: GOV, MIL, COP, REB, OPP, JUD, LEG ...
  std::string role;    // display form: "Prime Minister"
};

// A named region or administrative area (lexicon/regions.tsv).
struct KbRegion {
  std::string id, name;
  std::vector<std::string> aliases;
  std::string iso3;  // empty for supranational regions
  std::optional<double> lat, lon;
};

// Small closed classes of cue words (lexicon/cues.tsv), lowercase.
enum CueClass : uint16_t {
  kCueStop = 1 << 0,        // capitalised, never a name on its own (The, Monday, January)
  kCueLocPrep = 1 << 1,     // in, near, at: "in X" makes X a place
  kCuePolVerb = 1 << 2,     // urge, press, accuse: a capital as their object is its government
  kCueHonorific = 1 << 3,   // Mr, Mrs, Dr, Sir: a person follows
  kCueOrgSuffix = 1 << 4,   // Inc, Corp, Airlines, Party: the name is an organisation
  kCueOrgHead = 1 << 5,     // University, Ministry, Bank (of): the name is an organisation
  kCueNameLink = 1 << 6,    // of, de, al, bin, van, von: may join two parts of a name
  kCueAux = 1 << 7,         // has, is, will, said: a verb right after a name (subject)
  kCuePersonVerb = 1 << 8,  // said, told, added: usually said by a person
  kCuePronounMale = 1 << 9,
  kCuePronounFemale = 1 << 10,
  kCuePlaceSuffix = 1 << 11,  // province, county, city, river: the name is a place
};

struct KnowledgeBase {
  std::vector<KbCountry> countries;
  std::vector<KbBody> bodies;
  std::vector<KbPerson> persons;
  std::vector<KbMetonym> metonyms;
  std::vector<KbRole> roles;
  std::vector<KbRegion> regions;
  std::unordered_map<std::string, int> country_by_iso3;  // "FRA" -> index
  std::unordered_map<std::string, int> country_by_iso2;  // "FR" -> index
  std::unordered_map<std::string, int> body_by_id;
  std::unordered_map<std::string, uint16_t> cues;  // lowercase word -> CueClass bits
  std::unordered_set<std::string> given_names;     // lowercase first names

  // Reads every file under `data_dir`/actors; missing files are empty.
  Status Load(const std::string& data_dir);

  const KbCountry* Country(std::string_view iso3) const;
  uint16_t Cue(std::string_view lower) const;
};

// Splits `s` on `sep`, dropping empty items and trimming spaces.
std::vector<std::string> SplitList(std::string_view s, char sep = '|');

}  // namespace annals::actors

#endif  // ANNALS_ACTORS_KB_H_
