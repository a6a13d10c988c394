// Loading the knowledge base: one small TSV reader shared by every file.
// A header line and `#` comments are skipped; short rows are padded with
// empty fields (a trailing empty column is easy to lose in an editor), and
// only a row without its key columns is an error. Files that are absent or
// empty leave their part of the knowledge base empty, so the stage still
// runs (with fewer actors) while the data is being written.
#include "actors/kb.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace annals::actors {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t'))
    s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<double> ParseDouble(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return std::nullopt;
  std::string tmp(s);
  char* end = nullptr;
  double v = std::strtod(tmp.c_str(), &end);
  if (end == tmp.c_str()) return std::nullopt;
  return v;
}

// Calls fn(fields) for each data row of `path`. `min_fields` is the number
// of leading columns a row must have to mean anything.
template <typename Fn>
Status ReadTsv(const std::string& path, size_t width, size_t min_fields, Fn fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Ok();  // absent: that part of the knowledge base is empty
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string data = ss.str();
  size_t pos = 0;
  bool header_seen = false;
  std::vector<std::string_view> fields;
  while (pos < data.size()) {
    size_t eol = data.find('\n', pos);
    if (eol == std::string::npos) eol = data.size();
    std::string_view line(data.data() + pos, eol - pos);
    const size_t line_start = pos;
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line.front() == '#') continue;
    if (!header_seen) {  // the header names the columns
      header_seen = true;
      continue;
    }
    fields.clear();
    size_t b = 0;
    while (true) {
      size_t t = line.find('\t', b);
      fields.push_back(
          Trim(line.substr(b, t == std::string_view::npos ? std::string_view::npos : t - b)));
      if (t == std::string_view::npos) break;
      b = t + 1;
    }
    size_t non_empty = 0;
    for (size_t i = 0; i < std::min(fields.size(), min_fields); ++i)
      non_empty += !fields[i].empty();
    if (non_empty < min_fields) {
      return Status::InvalidInput(path + ": byte " + std::to_string(line_start) + ": row needs " +
                                  std::to_string(min_fields) + " non-empty leading columns");
    }
    while (fields.size() < width) fields.push_back({});
    fn(fields);
  }
  return Status::Ok();
}

std::optional<CivilDate> ParseDateField(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return std::nullopt;
  return ParseIsoDate(s);
}

}  // namespace

std::vector<std::string> SplitList(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  while (b <= s.size()) {
    size_t e = s.find(sep, b);
    if (e == std::string_view::npos) e = s.size();
    std::string_view item = Trim(s.substr(b, e - b));
    if (!item.empty()) out.emplace_back(item);
    b = e + 1;
  }
  return out;
}

const KbCountry* KnowledgeBase::Country(std::string_view iso3) const {
  auto it = country_by_iso3.find(std::string(iso3));
  return it == country_by_iso3.end() ? nullptr : &countries[it->second];
}

uint16_t KnowledgeBase::Cue(std::string_view lower) const {
  auto it = cues.find(std::string(lower));
  return it == cues.end() ? 0 : it->second;
}

Status KnowledgeBase::Load(const std::string& data_dir) {
  const std::string dir = data_dir + "/actors/";
  Status st = ReadTsv(dir + "countries.tsv", 9, 3, [&](const std::vector<std::string_view>& f) {
    KbCountry c;
    c.iso3 = std::string(f[0]);
    c.iso2 = std::string(f[1]);
    c.name = std::string(f[2]);
    c.aliases = SplitList(f[3]);
    c.adjectives = SplitList(f[4]);
    c.capital = std::string(f[5]);
    c.capital_lat = ParseDouble(f[6]);
    c.capital_lon = ParseDouble(f[7]);
    c.cameo = f[8].empty() ? c.iso3 : std::string(f[8]);
    if (country_by_iso3.count(c.iso3)) return;  // first row wins
    country_by_iso3[c.iso3] = static_cast<int>(countries.size());
    if (!c.iso2.empty()) country_by_iso2[c.iso2] = static_cast<int>(countries.size());
    countries.push_back(std::move(c));
  });
  if (!st.ok()) return st;
  st = ReadTsv(dir + "metonyms.tsv", 4, 2, [&](const std::vector<std::string_view>& f) {
    metonyms.push_back(
        {std::string(f[0]), std::string(f[1]), f[2].empty() ? "GOV" : std::string(f[2])});
  });
  if (!st.ok()) return st;
  st = ReadTsv(dir + "bodies.tsv", 7, 2, [&](const std::vector<std::string_view>& f) {
    KbBody b;
    b.id = std::string(f[0]);
    b.name = std::string(f[1]);
    b.aliases = SplitList(f[2]);
    b.kind = std::string(f[3]);
    b.cameo = std::string(f[4]);
    b.country = std::string(f[5]);
    if (body_by_id.count(b.id)) return;
    body_by_id[b.id] = static_cast<int>(bodies.size());
    bodies.push_back(std::move(b));
  });
  if (!st.ok()) return st;
  std::unordered_map<std::string, int> person_by_id;
  st = ReadTsv(dir + "offices.tsv", 8, 2, [&](const std::vector<std::string_view>& f) {
    const std::string id(f[0]);
    auto [it, fresh] = person_by_id.emplace(id, static_cast<int>(persons.size()));
    if (fresh) {
      KbPerson p;
      p.id = id;
      p.name = std::string(f[1]);
      persons.push_back(std::move(p));
    }
    KbPerson& p = persons[it->second];
    for (std::string& a : SplitList(f[2]))
      if (std::find(p.aliases.begin(), p.aliases.end(), a) == p.aliases.end())
        p.aliases.push_back(std::move(a));
    KbTerm t;
    t.country = std::string(f[3]);
    t.role = std::string(f[4]);
    t.cameo = std::string(f[5]);
    t.start = ParseDateField(f[6]);
    t.end = ParseDateField(f[7]);
    if (!t.role.empty() || !t.cameo.empty() || !t.country.empty()) p.terms.push_back(std::move(t));
  });
  if (!st.ok()) return st;
  auto read_roles = [&](const std::string& path) {
    return ReadTsv(path, 4, 1, [&](const std::vector<std::string_view>& f) {
      KbRole r;
      r.title = std::string(f[0]);
      r.aliases = SplitList(f[1]);
      r.sector = std::string(f[2]);
      // "MIL?" marks a sector the team was unsure of; keep the letters.
      r.sector.erase(std::remove(r.sector.begin(), r.sector.end(), '?'), r.sector.end());
      r.role = f[3].empty() ? std::string(f[0]) : std::string(f[3]);
      roles.push_back(std::move(r));
    });
  };
  if (st = read_roles(dir + "roles.tsv"); !st.ok()) return st;
  if (st = read_roles(dir + "lexicon/titles.tsv"); !st.ok()) return st;
  st = ReadTsv(dir + "lexicon/regions.tsv", 6, 2, [&](const std::vector<std::string_view>& f) {
    KbRegion r;
    r.id = std::string(f[0]);
    r.name = std::string(f[1]);
    r.aliases = SplitList(f[2]);
    r.iso3 = std::string(f[3]);
    r.lat = ParseDouble(f[4]);
    r.lon = ParseDouble(f[5]);
    regions.push_back(std::move(r));
  });
  if (!st.ok()) return st;
  static const std::pair<const char*, uint16_t> kClasses[] = {
      {"STOP", kCueStop},
      {"LOC_PREP", kCueLocPrep},
      {"POL_VERB", kCuePolVerb},
      {"HONORIFIC", kCueHonorific},
      {"ORG_SUFFIX", kCueOrgSuffix},
      {"ORG_HEAD", kCueOrgHead},
      {"NAME_LINK", kCueNameLink},
      {"AUX", kCueAux},
      {"PERSON_VERB", kCuePersonVerb},
      {"PRON_M", kCuePronounMale},
      {"PRON_F", kCuePronounFemale},
      {"PLACE_SUFFIX", kCuePlaceSuffix},
  };
  st = ReadTsv(dir + "lexicon/cues.tsv", 2, 2, [&](const std::vector<std::string_view>& f) {
    for (const auto& [name, bit] : kClasses)
      if (f[1] == name)
        for (const std::string& w : SplitList(f[0])) cues[Lower(w)] |= bit;
  });
  if (!st.ok()) return st;
  st = ReadTsv(dir + "lexicon/given_names.tsv", 1, 1, [&](const std::vector<std::string_view>& f) {
    for (const std::string& w : SplitList(f[0], ' ')) given_names.insert(Lower(w));
  });
  return st;
}

}  // namespace annals::actors
