// The actor resolver: loading (knowledge base into one phrase table, cue
// lexicons into hash maps keyed like tokens, the memory-mapped place
// gazetteer) and the per-document scan. See resolver_impl.h for the shape
// of the scan; titles.cc and coref.cc hold the parts that learn people
// from their titles and resolve references back to earlier mentions.
//
// Hot path: each token is hashed once; a phrase lookup is one probe per
// extra token while some phrase still continues; the gazetteer is probed
// only at the start of a capitalised run. Per-document state lives in a
// thread_local DocState whose buffers are reused.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "actors/resolver_impl.h"

namespace annals {

const char* ActorKindName(ActorKind k) {
  switch (k) {
    case ActorKind::kPerson:
      return "PERSON";
    case ActorKind::kOrganization:
      return "ORG";
    case ActorKind::kState:
      return "STATE";
    case ActorKind::kPlace:
      return "PLACE";
  }
  return "ORG";
}

Result<std::unique_ptr<ActorResolver>> ActorResolver::Load(const std::string& data_dir) {
  auto r = std::make_unique<actors::ResolverImpl>();
  Status st = r->Init(data_dir);
  if (!st.ok()) return st;
  return std::unique_ptr<ActorResolver>(std::move(r));
}

namespace actors {

std::string Slug(std::string_view name) {
  std::string folded, out;
  FoldToken(name, &folded);
  for (char c : folded) {
    const bool alnum =
        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (static_cast<unsigned char>(c) >= 0x80);
    if (alnum) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

const KbTerm* TermAt(const KbPerson& p, std::optional<CivilDate> dct) {
  if (p.terms.empty()) return nullptr;
  if (!dct) return &p.terms.back();
  const KbTerm* best = nullptr;
  for (const KbTerm& t : p.terms) {
    if (t.start && *dct < *t.start) continue;
    if (t.end && !(*dct < *t.end)) continue;
    best = &t;  // the last covering term wins (a later row refines an earlier one)
  }
  return best;
}

void DocState::Reset(std::string_view t, const TextLayer& l, std::optional<CivilDate> d,
                     ActorResult* o, size_t n_countries) {
  text = t;
  layer = &l;
  dct = d;
  out = o;
  const size_t n = l.tokens.size();
  hash.resize(n);
  cue.resize(n);
  tok_country.assign(n, -1);
  tok_mention.assign(n, -1);
  actor_index.clear();
  by_name.clear();
  by_surname.clear();
  country_mentions.assign(n_countries, 0);
}

// ---------------------------------------------------------------- loading

Status ResolverImpl::Init(const std::string& data_dir) {
  Status st = kb_.Load(data_dir);
  if (!st.ok()) return st;
  for (uint32_t i = 0; i < kb_.countries.size(); ++i) {
    const KbCountry& c = kb_.countries[i];
    table_.Add(c.name, EntryKind::kCountry, i);
    for (const std::string& a : c.aliases) table_.Add(a, EntryKind::kCountry, i);
    for (const std::string& a : c.adjectives) table_.Add(a, EntryKind::kCountryAdj, i);
    if (!c.capital.empty()) table_.Add(c.capital, EntryKind::kCapital, i);
  }
  for (uint32_t i = 0; i < kb_.metonyms.size(); ++i)
    table_.Add(kb_.metonyms[i].phrase, EntryKind::kMetonym, i);
  for (uint32_t i = 0; i < kb_.bodies.size(); ++i) {
    table_.Add(kb_.bodies[i].name, EntryKind::kBody, i);
    for (const std::string& a : kb_.bodies[i].aliases) table_.Add(a, EntryKind::kBody, i);
  }
  std::vector<uint64_t> hashes;
  for (uint32_t i = 0; i < kb_.persons.size(); ++i) {
    const KbPerson& p = kb_.persons[i];
    table_.Add(p.name, EntryKind::kPerson, i);
    for (const std::string& a : p.aliases) table_.Add(a, EntryKind::kPerson, i);
    // The surname alone ("Blinken"): a weak entry, accepted when the person
    // was named before or holds an office at the document's date.
    const size_t sp = p.name.rfind(' ');
    if (sp != std::string::npos && sp + 1 < p.name.size())
      table_.Add(std::string_view(p.name).substr(sp + 1), EntryKind::kSurname, i);
  }
  for (uint32_t i = 0; i < kb_.roles.size(); ++i) {
    table_.Add(kb_.roles[i].title, EntryKind::kTitle, i);
    for (const std::string& a : kb_.roles[i].aliases) table_.Add(a, EntryKind::kTitle, i);
  }
  for (uint32_t i = 0; i < kb_.regions.size(); ++i) {
    table_.Add(kb_.regions[i].name, EntryKind::kRegion, i);
    for (const std::string& a : kb_.regions[i].aliases) table_.Add(a, EntryKind::kRegion, i);
  }
  for (const auto& [w, bits] : kb_.cues) cue_by_hash_[TokenHash(w)] |= bits;
  for (const std::string& w : kb_.given_names) given_by_hash_[TokenHash(w)] = 1;

  // The gazetteer: $ANNALS_GAZETTEER, else data/actors/gazetteer.bin, else
  // the one this build compiled. Absent: places come from the KB only.
  std::vector<std::string> paths;
  if (const char* env = std::getenv("ANNALS_GAZETTEER"); env != nullptr && *env)
    paths.emplace_back(env);
  paths.push_back(data_dir + "/actors/gazetteer.bin");
#ifdef ANNALS_GAZETTEER
  paths.emplace_back(ANNALS_GAZETTEER);
#endif
  for (const std::string& p : paths)
    if ((gaz_ = Gazetteer::Open(p))) break;
  return Status::Ok();
}

void ResolverImpl::AddDictionary(std::vector<DictionaryActor> actors,
                                 std::vector<DictionaryAgent> agents, bool replace_builtin) {
  replace_builtin_ = replace_builtin || replace_builtin_;
  auto norm = [](std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
  };
  for (DictionaryActor& a : actors) {
    const uint32_t ref = static_cast<uint32_t>(dict_actors_.size());
    for (const std::string& p : a.phrases) table_.Add(norm(p), EntryKind::kDictActor, ref);
    dict_actors_.push_back(std::move(a));
  }
  for (DictionaryAgent& a : agents) {
    const uint32_t ref = static_cast<uint32_t>(dict_agents_.size());
    for (const std::string& p : a.phrases) {
      // Agents are common nouns: match them in any case.
      std::string lower = norm(p);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      table_.Add(lower, EntryKind::kDictAgent, ref);
    }
    dict_agents_.push_back(std::move(a));
  }
}

void ResolverImpl::Resolve(std::string_view text, const TextLayer& layer,
                           std::optional<CivilDate> dct, ActorResult* out) const {
  out->clear();
  thread_local DocState st;
  st.Reset(text, layer, dct, out, kb_.countries.size());
  for (size_t i = 0; i < layer.tokens.size(); ++i) {
    const Token& t = layer.tokens[i];
    const uint64_t h = TokenHash(t.in(text));
    st.hash[i] = h;
    uint16_t cue = 0;
    if (t.is(Token::kWord)) {
      auto it = cue_by_hash_.find(h);
      if (it != cue_by_hash_.end()) cue = it->second;
    }
    st.cue[i] = cue;
  }
  Scan scan{*this, st};
  scan.Run();
}

// ------------------------------------------------------------- the scan

void Scan::Run() {
  for (const Sentence& s : st.layer->sentences) RunSentence(s);
}

uint64_t Scan::Chain(uint32_t first, uint32_t last) const {
  uint64_t h = kChainSeed;
  for (uint32_t k = first; k < last; ++k) h = ChainHash(h, st.hash[k]);
  return h;
}

namespace {
// Which entry of a phrase group wins when several share one phrase.
int Priority(EntryKind k) {
  switch (k) {
    case EntryKind::kDictActor:
      return 0;
    case EntryKind::kDictAgent:
      return 1;
    case EntryKind::kPerson:
      return 2;
    case EntryKind::kBody:
      return 3;
    case EntryKind::kMetonym:
      return 4;
    case EntryKind::kCountry:
      return 5;
    case EntryKind::kCapital:
      return 6;
    case EntryKind::kRegion:
      return 7;
    case EntryKind::kCountryAdj:
      return 8;
    case EntryKind::kTitle:
      return 9;
    case EntryKind::kSurname:
      return 10;
  }
  return 11;
}
bool IsDict(EntryKind k) { return k == EntryKind::kDictActor || k == EntryKind::kDictAgent; }
}  // namespace

bool Scan::Accept(const PhraseEntry& e, uint32_t i) const {
  if (r.replace_builtin_ && !IsDict(e.kind)) return false;
  if (e.kind != EntryKind::kTitle && e.kind != EntryKind::kDictAgent) {
    for (uint32_t k = 0; k < e.ntok && k < 32; ++k)
      if ((e.caps >> k & 1) && !Cap(i + k)) return false;
  }
  switch (e.kind) {
    case EntryKind::kBody:
      // "the alliance" only refers back to a body already named.
      if (e.descriptive) return st.actor_index.count(r.kb_.bodies[e.ref].id) > 0;
      return true;
    case EntryKind::kPerson:
      if (e.descriptive) return st.actor_index.count(r.kb_.persons[e.ref].id) > 0;
      return true;
    case EntryKind::kSurname: {
      const KbPerson& p = r.kb_.persons[e.ref];
      if (st.actor_index.count(p.id)) return true;
      return st.dct && TermAt(p, st.dct) != nullptr;
    }
    case EntryKind::kDictActor:
      return Cap(i);
    default:
      return true;
  }
}

Match Scan::LongestPhrase(uint32_t i, uint32_t end) const {
  Match best;
  uint64_t h = kChainSeed;
  const uint32_t limit = std::min<uint32_t>(end, i + static_cast<uint32_t>(r.table_.max_tokens()));
  for (uint32_t k = i; k < limit; ++k) {
    h = ChainHash(h, st.hash[k]);
    const std::vector<PhraseEntry>* g = nullptr;
    if (!r.table_.FindPrefix(h, &g)) break;
    if (g == nullptr) continue;
    const PhraseEntry* pick = nullptr;
    for (const PhraseEntry& e : *g)
      if ((pick == nullptr || Priority(e.kind) < Priority(pick->kind)) && Accept(e, i)) pick = &e;
    if (pick != nullptr) best = Match{k - i + 1, pick};
  }
  return best;
}

uint32_t Scan::ChunkEnd(uint32_t i, uint32_t end) const {
  uint32_t k = i;
  while (k < end) {
    if (Cap(k) && !tok(k).is(Token::kNumber)) {
      ++k;
      continue;
    }
    if (k > i && (st.cue[k] & kCueNameLink) && !Cap(k) && k + 1 < end && Cap(k + 1)) {
      k += 1;
      continue;
    }
    break;
  }
  return k;
}

void Scan::RunSentence(const Sentence& s) {
  uint32_t words = 0, caps = 0;
  for (uint32_t k = s.first; k < s.last; ++k) {
    if (!tok(k).is(Token::kWord)) continue;
    ++words;
    caps += tok(k).is(Token::kAllCaps);
  }
  st.all_caps_sentence = words >= 3 && caps * 10 >= words * 6;
  const size_t first_mention = st.out->mentions.size();

  uint32_t i = s.first;
  while (i < s.last) {
    const Token& t = tok(i);
    if (!t.is(Token::kWord)) {
      ++i;
      continue;
    }
    if ((st.cue[i] & (kCuePronounMale | kCuePronounFemale)) && !r.replace_builtin_) {
      OnPronoun(i);
      ++i;
      continue;
    }
    const Match m = LongestPhrase(i, s.last);
    const uint32_t j = Cap(i) ? ChunkEnd(i, s.last) : i;
    if (m.entry != nullptr) {
      const EntryKind k = m.entry->kind;
      // "Qatar Airways", "Washington Post": a place name that starts an
      // organisation's name is part of it.
      const bool name_like = k == EntryKind::kCountry || k == EntryKind::kCountryAdj ||
                             k == EntryKind::kCapital || k == EntryKind::kRegion ||
                             k == EntryKind::kBody;
      if (name_like && j > i + m.len && !r.replace_builtin_) {
        // The longest part of the run that ends in an organisation word:
        // "Apple Computer" of "Apple Computer CEO Steve Jobs".
        uint32_t org_end = 0;
        for (uint32_t q = j; q > i + m.len; --q)
          if ((st.cue[q - 1] & kCueOrgSuffix) && Cap(q - 1)) {
            org_end = q;
            break;
          }
        if (org_end > 0) {
          i += OnUnknownChunk(i, org_end);
          continue;
        }
      }
      uint32_t n = OnPhrase(m, i, s.last);
      if (n == 0) n = j > i ? OnUnknownChunk(i, j) : 1;
      i += n;
      continue;
    }
    if (!Cap(i) || r.replace_builtin_) {
      ++i;
      continue;
    }
    if (t.is(Token::kHyphenated) && j == i + 1) {
      SplitHyphenated(i);
      ++i;
      continue;
    }
    if (uint32_t n = TryGazetteer(i, j)) {
      i += n;
      continue;
    }
    i += OnUnknownChunk(i, j);
  }
  ResultsLine(s, first_mention);
}

void Scan::ResultsLine(const Sentence& s, size_t first_mention) {
  // A line of sports results ("Barcelona 2 Real Madrid 1", "DETROIT 74 58
  // .561"): names followed by scores are teams, organisations named after
  // their city. Two or more "Name number" pairs make such a line; states
  // keep their type (national teams are reported as the country).
  int pairs = 0;
  for (uint32_t k = s.first + 1; k < s.last; ++k)
    if (tok(k).is(Token::kNumber) && Cap(k - 1)) ++pairs;
  if (pairs < 2) return;
  ActorResult& out = *st.out;
  for (size_t m = first_mention; m < out.mentions.size(); ++m) {
    Mention& mm = out.mentions[m];
    if (mm.type == ActorKind::kState || mm.type == ActorKind::kPerson || mm.coreference) continue;
    if (mm.last_token >= s.last || !tok(mm.last_token).is(Token::kNumber)) continue;
    if (mm.type == ActorKind::kOrganization) continue;
    const std::string_view name = st.text.substr(mm.begin, mm.end - mm.begin);
    mm.actor = NamedActor(name, ActorKind::kOrganization, out.actors[mm.actor].country, {}, {});
    mm.type = ActorKind::kOrganization;
  }
  // Team names nothing else recognised.
  bool added = false;
  for (uint32_t k = s.first; k < s.last;) {
    if (!Cap(k) || st.tok_mention[k] >= 0 || (st.cue[k] & kCueStop)) {
      ++k;
      continue;
    }
    uint32_t j = k;
    while (j < s.last && Cap(j) && st.tok_mention[j] < 0 && !tok(j).is(Token::kNumber)) ++j;
    bool wordy = false;  // table headers are runs of letters: "W L T GF GA PTS"
    for (uint32_t q = k; q < j; ++q) wordy |= tok(q).end - tok(q).begin >= 4;
    if (j > k && j < s.last && tok(j).is(Token::kNumber) && j - k <= 4 && wordy) {
      const std::string_view name = st.text.substr(tok(k).begin, tok(j - 1).end - tok(k).begin);
      Emit(k, j, ActorKind::kOrganization, NamedActor(name, ActorKind::kOrganization, {}, {}, {}));
      added = true;
    }
    k = j > k ? j : k + 1;
  }
  if (added) {
    std::stable_sort(out.mentions.begin() + first_mention, out.mentions.end(),
                     [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    for (size_t m = first_mention; m < out.mentions.size(); ++m)
      for (uint32_t k = out.mentions[m].first_token; k < out.mentions[m].last_token; ++k)
        st.tok_mention[k] = static_cast<int32_t>(m);
  }
}

uint32_t Scan::OnPhrase(const Match& m, uint32_t i, uint32_t end) {
  const PhraseEntry& e = *m.entry;
  const uint32_t last = i + m.len;
  const KnowledgeBase& kb = r.kb_;
  switch (e.kind) {
    case EntryKind::kCountry:
      Emit(i, last, ActorKind::kState, CountryActor(static_cast<int>(e.ref)));
      return m.len;
    case EntryKind::kCountryAdj:
      for (uint32_t k = i; k < last; ++k) st.tok_country[k] = static_cast<int32_t>(e.ref);
      return m.len;
    case EntryKind::kCapital: {
      const KbCountry& c = kb.countries[e.ref];
      // Metonymy: a capital as the subject of a verb ("Paris has
      // advocated", "Washington said") or as the object of a political
      // verb ("urge Beijing to") stands for its government; after a
      // preposition ("in Beijing", "to Washington") it stays a place.
      const bool after_prep = i > 0 && (st.cue[i - 1] & (kCueLocPrep | kCueStop)) && !Cap(i - 1);
      const bool subject = !after_prep && last < end && (st.cue[last] & kCueAux) && !Cap(last);
      const bool object = i > 0 && (st.cue[i - 1] & kCuePolVerb) && !Cap(i - 1);
      if (subject || object) {
        Emit(i, last, ActorKind::kState, GovActor(static_cast<int>(e.ref), "GOV", word(i)));
      } else {
        Emit(i, last, ActorKind::kPlace,
             PlaceActor(c.capital, c.iso3, c.capital_lat, c.capital_lon, {}));
      }
      return m.len;
    }
    case EntryKind::kRegion: {
      const KbRegion& g = kb.regions[e.ref];
      Emit(i, last, ActorKind::kPlace, PlaceActor(g.name, g.iso3, g.lat, g.lon, g.id));
      return m.len;
    }
    case EntryKind::kBody:
      Emit(i, last, ActorKind::kOrganization, BodyActor(e.ref), e.descriptive);
      return m.len;
    case EntryKind::kPerson:
    case EntryKind::kSurname: {
      const bool seen = st.actor_index.count(kb.persons[e.ref].id) > 0;
      const int32_t a = PersonActor(e.ref);
      Emit(i, last, ActorKind::kPerson, a, e.kind == EntryKind::kSurname && seen);
      RememberName(i, last, a);
      return m.len;
    }
    case EntryKind::kMetonym: {
      const KbMetonym& mt = kb.metonyms[e.ref];
      auto it = kb.country_by_iso3.find(mt.iso3);
      std::string_view surface = st.text.substr(tok(i).begin, tok(last - 1).end - tok(i).begin);
      if (it != kb.country_by_iso3.end()) {
        const int32_t a = GovActor(it->second, mt.sector, surface);
        Emit(i, last, st.out->actors[a].kind, a);
      } else {
        const int32_t a =
            NamedActor(surface, ActorKind::kOrganization, mt.iso3, {}, mt.iso3 + mt.sector);
        Emit(i, last, ActorKind::kOrganization, a);
      }
      return m.len;
    }
    case EntryKind::kTitle:
      return OnTitle(m, i, end);
    case EntryKind::kDictActor: {
      const DictionaryActor& d = r.dict_actors_[e.ref];
      const DictionaryActor::DatedCode* pick = nullptr;
      for (const auto& c : d.codes) {
        const bool covers =
            !st.dct || ((!c.from || !(*st.dct < *c.from)) && (!c.to || !(*c.to < *st.dct)));
        if (covers && (pick == nullptr || (c.from || c.to)))
          pick = &c;  // a dated code beats an open one
      }
      if (pick == nullptr && !d.codes.empty()) pick = &d.codes.front();
      const std::string code = pick ? pick->code : std::string();
      std::string country;
      if (code.size() >= 3 && kb.country_by_iso3.count(code.substr(0, 3)))
        country = code.substr(0, 3);
      const int32_t a = NamedActor(d.name, d.kind, country, {}, code);
      st.out->actors[a].cameo = code;  // the code valid at this document's date
      Emit(i, last, d.kind, a);
      if (d.kind == ActorKind::kPerson) RememberName(i, last, a);
      return m.len;
    }
    case EntryKind::kDictAgent: {
      const DictionaryAgent& d = r.dict_agents_[e.ref];
      std::string code = d.code;
      // "~COP" (or a bare sector such as "COP") is appended to the actor
      // before it; anything else is a full code of its own.
      const bool suffix = (!code.empty() && code[0] == '~') || code.size() <= 3;
      code.erase(std::remove(code.begin(), code.end(), '~'), code.end());
      uint32_t first = i;
      std::string name(st.text.substr(tok(i).begin, tok(last - 1).end - tok(i).begin));
      Actor a;
      a.kind = ActorKind::kOrganization;
      ActorResult& out = *st.out;
      const int32_t prev = i > 0 ? st.tok_mention[i - 1] : -1;
      if (suffix && prev >= 0 && static_cast<size_t>(prev) + 1 == out.mentions.size() &&
          out.mentions[prev].actor >= 0 && !out.mentions[prev].coreference &&
          out.mentions[prev].type != ActorKind::kPerson &&
          !out.actors[out.mentions[prev].actor].cameo.empty()) {
        // "Iraqi police" with "Iraqi" an actor of the dictionary: the agent
        // extends that mention, whose code it completes (IRQ + COP).
        Mention& pm = out.mentions[prev];
        const Actor& base = out.actors[pm.actor];
        a.cameo = base.cameo + code;
        a.country = base.country;
        a.id = Slug(base.cameo + "-" + code);
        a.name = std::string(st.text.substr(pm.begin, tok(last - 1).end - pm.begin));
        pm.actor = AddActor(std::move(a));
        pm.type = ActorKind::kOrganization;
        pm.end = tok(last - 1).end;
        pm.last_token = last;
        for (uint32_t k = i; k < last; ++k) st.tok_mention[k] = prev;
        return m.len;
      }
      const int32_t ci = CountryBefore(i);
      if (ci >= 0 && suffix) {
        // "Iraqi police" -> IRQCOP; an adjective joins the mention, a named
        // country ("Iraq's police") keeps its own.
        const KbCountry& c = kb.countries[ci];
        if (i > 0 && st.tok_mention[i - 1] < 0 && st.tok_country[i - 1] == ci) {
          first = i - 1;
          while (first > 0 && st.tok_country[first - 1] == ci && st.tok_mention[first - 1] < 0)
            --first;
        }
        a.cameo = c.cameo + code;
        a.country = c.iso3;
        a.id = Slug(c.iso3 + "-" + code);
        a.name =
            std::string(st.text.substr(tok(first).begin, tok(last - 1).end - tok(first).begin));
      } else {
        a.cameo = code;
        a.id = Slug(code);
        a.name = name;
      }
      Emit(first, last, ActorKind::kOrganization, AddActor(std::move(a)));
      return m.len;
    }
  }
  return m.len;
}

void Scan::SplitHyphenated(uint32_t i) {
  // "Israel-Hamas conflict": each part that names a state or a body is a
  // mention of its own; "Franco-German" (adjectives) yields none.
  const Token& t = tok(i);
  uint32_t b = t.begin;
  while (b < t.end) {
    uint32_t e = b;
    while (e < t.end && st.text[e] != '-') ++e;
    const std::string_view part = st.text.substr(b, e - b);
    if (!part.empty() && part[0] >= 'A' && part[0] <= 'Z') {
      const std::vector<PhraseEntry>* g = r.table_.Find(ChainHash(kChainSeed, TokenHash(part)));
      if (g != nullptr) {
        for (const PhraseEntry& pe : *g) {
          if (pe.descriptive) continue;
          if (pe.kind == EntryKind::kCountry) {
            EmitBytes(b, e, i, ActorKind::kState, CountryActor(static_cast<int>(pe.ref)));
            break;
          }
          if (pe.kind == EntryKind::kBody) {
            EmitBytes(b, e, i, ActorKind::kOrganization, BodyActor(pe.ref));
            break;
          }
        }
      }
    }
    b = e + 1;
  }
}

uint32_t Scan::TryGazetteer(uint32_t i, uint32_t chunk_end) {
  const Gazetteer* g = r.gaz_.get();
  if (g == nullptr) return 0;
  uint64_t h = kChainSeed;
  Gazetteer::Run best;
  uint32_t best_len = 0;
  for (uint32_t k = i; k < chunk_end && k - i < g->max_tokens(); ++k) {
    h = ChainHash(h, st.hash[k]);
    Gazetteer::Run run = g->Find(h);
    if (run.ids == nullptr) break;
    if (run.count) {
      best = run;
      best_len = k - i + 1;
    }
  }
  // Only a whole capitalised run is a place ("Paris Hilton" is not Paris).
  if (best_len == 0 || best_len != chunk_end - i) return 0;
  if (best_len == 1 && ((st.cue[i] & (kCueStop | kCueHonorific | kCueOrgSuffix)) || IsGiven(i)))
    return 0;
  const bool loc_cue = i > 0 && (st.cue[i - 1] & kCueLocPrep) && !Cap(i - 1);
  const bool from_to =
      i > 0 && !Cap(i - 1) && (word(i - 1) == "from" || word(i - 1) == "to" || word(i - 1) == "at");
  const bool initial = tok(i).is(Token::kSentenceStart);
  // Ambiguity: capitals and big cities first, then places in countries the
  // article already mentioned.
  int pick = -1;
  double pick_score = -1;
  for (uint32_t c = 0; c < best.count && c < 64; ++c) {
    const GazPlace& p = g->place(best.ids[c]);
    double score = std::log10(1.0 + p.population) + (p.rank == 0 ? 2.0 : p.rank == 1 ? 0.7 : 0.0);
    const uint32_t code = static_cast<uint8_t>(p.iso3[0]) | static_cast<uint8_t>(p.iso3[1]) << 8 |
                          static_cast<uint32_t>(static_cast<uint8_t>(p.iso3[2])) << 16;
    (void)code;
    auto it = r.kb_.country_by_iso3.find(std::string(p.iso3, 3));
    if (it != r.kb_.country_by_iso3.end() && st.country_mentions[it->second] > 0) score += 1.5;
    if (score > pick_score) {
      pick_score = score;
      pick = static_cast<int>(c);
    }
  }
  if (pick < 0) return 0;
  const GazPlace& p = g->place(best.ids[pick]);
  bool ok;
  if (loc_cue)
    ok = p.population >= 1000 || p.rank <= 1;
  else if (from_to)
    ok = p.population >= 20000 || p.rank <= 1;
  else if (initial)
    ok = p.population >= 500000 || p.rank == 0;
  else
    ok = p.population >= 150000 || p.rank == 0 || (p.rank == 1 && p.population >= 50000);
  if (!ok) return 0;
  const std::string_view name = g->name(p);
  Emit(i, i + best_len, ActorKind::kPlace,
       PlaceActor(name, std::string_view(p.iso3, p.iso3[2] ? 3 : 2), p.lat, p.lon, {}));
  return best_len;
}

namespace {
bool EndsWith(std::string_view w, std::string_view suffix) {
  return w.size() > suffix.size() + 2 && w.substr(w.size() - suffix.size()) == suffix;
}
}  // namespace

bool IsDemonym(std::string_view w) {
  for (std::string_view suf : {"ian", "ians", "ean", "eans", "ese", "ish"})
    if (EndsWith(w, suf)) return true;
  return false;
}

uint32_t Scan::OnUnknownChunk(uint32_t i, uint32_t j) {
  // Leading function words and honorifics are not part of a name: step over
  // them and let the scan look again ("The", "Mr.", "In").
  if (st.cue[i] & (kCueStop | kCueHonorific)) return 1;
  if (st.all_caps_sentence) return j - i;  // headlines: too little evidence
  const bool initial =
      tok(i).is(Token::kSentenceStart) ||
      (i > 0 && tok(i - 1).is(Token::kSentenceStart) && tok(i - 1).is(Token::kQuote));
  // A common word opening the sentence ("Later Pashinyan left") is not
  // part of the name that follows it.
  if (initial && j > i + 1 && IsCommon(i) && !IsGiven(i)) return 1;
  // Cut the run where something known starts ("Sunday Blinken") and before
  // words with digits ("Airbus A320").
  for (uint32_t k = i + 1; k < j; ++k) {
    if (tok(k).is(Token::kNumber) ||
        std::any_of(word(k).begin(), word(k).end(), [](char c) { return c >= '0' && c <= '9'; })) {
      j = k;
      break;
    }
    if (st.cue[k] & kCueNameLink) continue;
    if (st.by_surname.count(st.hash[k]) && IsCommon(k - 1) &&
        !IsGiven(k - 1)) {  // "Later Pashinyan"
      j = k;
      break;
    }
    const Match m = LongestPhrase(k, j);
    if (m.entry && (m.entry->kind == EntryKind::kPerson || m.entry->kind == EntryKind::kCountry ||
                    m.entry->kind == EntryKind::kBody || m.entry->kind == EntryKind::kTitle ||
                    m.entry->kind == EntryKind::kSurname)) {
      // Unless the run is an organisation's name made of them.
      if (!(st.cue[j - 1] & kCueOrgSuffix)) {
        j = k;
        break;
      }
    }
  }
  if (std::any_of(word(i).begin(), word(i).end(), [](char c) { return c >= '0' && c <= '9'; }))
    return j - i;
  const uint32_t n = j - i;
  std::string_view name = st.text.substr(tok(i).begin, tok(j - 1).end - tok(i).begin);

  // A name said before, or the surname of a person named before.
  if (auto it = st.by_name.find(Chain(i, j)); it != st.by_name.end()) {
    Emit(i, j, st.out->actors[it->second].kind, it->second);
    return n;
  }
  if (n == 1) {
    if (auto it = st.by_surname.find(st.hash[i]); it != st.by_surname.end()) {
      Emit(i, j, ActorKind::kPerson, it->second, true);
      return n;
    }
  }
  const bool honorific = i > 0 && (st.cue[i - 1] & kCueHonorific);
  const bool loc_cue = i > 0 && (st.cue[i - 1] & kCueLocPrep) && !Cap(i - 1);
  bool has_org_word = false;
  for (uint32_t k = i; k < j; ++k) has_org_word |= (st.cue[k] & kCueOrgSuffix) != 0;
  ActorKind kind;
  bool emit = true;
  if (honorific) {
    kind = ActorKind::kPerson;
  } else if (st.cue[j - 1] & kCueOrgSuffix) {
    kind = ActorKind::kOrganization;
  } else if (st.cue[j - 1] & kCuePlaceSuffix) {
    kind = ActorKind::kPlace;
  } else if ((st.cue[i] & kCueOrgHead) && n >= 3) {
    kind = ActorKind::kOrganization;
  } else if (n >= 2 && IsGiven(i)) {
    kind = ActorKind::kPerson;
  } else if (loc_cue && n <= 3) {
    kind = ActorKind::kPlace;
  } else if (n == 1 && IsDemonym(word(i))) {
    // "Zairean", "Kurdish", "Italians": a people or a language, not an actor.
    kind = ActorKind::kOrganization;
    emit = false;
  } else if (n == 1) {
    // One unknown capitalised word: an acronym or a company, unless it is a
    // common word ("Internet", "Police", and most words that open a
    // sentence); a person when a verb of saying follows.
    const bool says = j < st.layer->tokens.size() && (st.cue[j] & kCuePersonVerb) && !Cap(j);
    kind = says && !tok(i).is(Token::kAllCaps) ? ActorKind::kPerson : ActorKind::kOrganization;
    emit = !IsCommon(i) && !(initial && (st.cue[i] & kCueAux));
  } else if (n <= 3 && !has_org_word) {
    // Two or three capitalised words: a person's name unless one of them is
    // a common word ("World Cup", "West Indies"); acronyms make companies.
    bool acronym = false, common = false;
    for (uint32_t k = i; k < j; ++k) {
      acronym |= tok(k).is(Token::kAllCaps);
      common |= !(st.cue[k] & kCueNameLink) && IsCommon(k);
    }
    kind = acronym ? ActorKind::kOrganization : ActorKind::kPerson;
    emit = acronym || !common;
  } else {
    kind = ActorKind::kOrganization;
  }
  if (!emit) return n;
  int32_t country = -1;
  if (kind == ActorKind::kOrganization)
    for (uint32_t k = i; k < j && country < 0; ++k) {
      const Match m = LongestPhrase(k, j);
      if (m.entry &&
          (m.entry->kind == EntryKind::kCountry || m.entry->kind == EntryKind::kCountryAdj))
        country = static_cast<int32_t>(m.entry->ref);
    }
  const int32_t a = NamedActor(
      name, kind, country >= 0 ? r.kb_.countries[country].iso3 : std::string_view(), {}, {});
  Emit(i, j, kind, a);
  RememberName(i, j, a);
  return n;
}

// ------------------------------------------------------ actors, mentions

int32_t Scan::AddActor(Actor a) {
  auto [it, fresh] = st.actor_index.emplace(a.id, static_cast<int32_t>(st.out->actors.size()));
  if (fresh) st.out->actors.push_back(std::move(a));
  return it->second;
}

int32_t Scan::CountryActor(int ci) {
  const KbCountry& c = r.kb_.countries[ci];
  std::string id = Slug(c.iso3);
  if (auto it = st.actor_index.find(id); it != st.actor_index.end()) return it->second;
  Actor a;
  a.id = std::move(id);
  a.name = c.name;
  a.kind = ActorKind::kState;
  a.country = c.iso3;
  a.cameo = c.cameo;
  if (c.capital_lat && c.capital_lon) {
    // A state carries no coordinates of its own; its capital's would
    // mislead event geolocation, so none are given.
  }
  return AddActor(std::move(a));
}

int32_t Scan::GovActor(int ci, std::string_view sector, std::string_view surface) {
  const KbCountry& c = r.kb_.countries[ci];
  std::string id = Slug(c.iso3 + "-" + std::string(sector));
  if (auto it = st.actor_index.find(id); it != st.actor_index.end()) return it->second;
  Actor a;
  a.id = std::move(id);
  a.country = c.iso3;
  a.cameo = c.cameo + std::string(sector);
  if (sector == "GOV") {
    // The government acts as the state: "the Elysee", "Beijing" (urged).
    a.kind = ActorKind::kState;
    a.name = "Government of " + c.name;
  } else {
    a.kind = ActorKind::kOrganization;
    std::string_view s = surface;
    if (s.size() > 4 && (s.substr(0, 4) == "the " || s.substr(0, 4) == "The ")) s.remove_prefix(4);
    a.name = std::string(s);
  }
  return AddActor(std::move(a));
}

int32_t Scan::BodyActor(uint32_t bi) {
  const KbBody& b = r.kb_.bodies[bi];
  if (auto it = st.actor_index.find(b.id); it != st.actor_index.end()) return it->second;
  Actor a;
  a.id = b.id;
  a.name = b.name;
  a.kind = ActorKind::kOrganization;
  a.country = b.country;
  a.cameo = b.cameo;
  return AddActor(std::move(a));
}

int32_t Scan::PersonActor(uint32_t pi) {
  const KbPerson& p = r.kb_.persons[pi];
  if (auto it = st.actor_index.find(p.id); it != st.actor_index.end()) return it->second;
  Actor a;
  a.id = p.id;
  a.name = p.name;
  a.kind = ActorKind::kPerson;
  if (const KbTerm* t = TermAt(p, st.dct)) {
    a.country = t->country;
    a.role = t->role;
    a.cameo = t->cameo;
  } else if (!p.terms.empty()) {
    // No office at this date: after a term has ended the person is a
    // former official (ELI) of its country; before any, a citizen.
    const KbTerm* ended = nullptr;
    for (const KbTerm& t : p.terms)
      if (st.dct && t.end && !(*st.dct < *t.end) && (!ended || *ended->end < *t.end)) ended = &t;
    const KbTerm& basis = ended ? *ended : p.terms.front();
    a.country = basis.country;
    const KbCountry* c = r.kb_.Country(basis.country);
    const std::string base = c ? c->cameo : basis.country;
    a.cameo = ended && !base.empty() ? base + "ELI" : base;
  }
  return AddActor(std::move(a));
}

int32_t Scan::PlaceActor(std::string_view name, std::string_view iso3, std::optional<double> lat,
                         std::optional<double> lon, std::string_view id_hint) {
  std::string id = id_hint.empty() ? Slug(name) : std::string(id_hint);
  if (auto it = st.actor_index.find(id); it != st.actor_index.end()) {
    if (st.out->actors[it->second].kind == ActorKind::kPlace) return it->second;
    id += "-place";
  }
  Actor a;
  a.id = std::move(id);
  a.name = std::string(name);
  a.kind = ActorKind::kPlace;
  a.country = std::string(iso3);
  a.lat = lat;
  a.lon = lon;
  return AddActor(std::move(a));
}

int32_t Scan::NamedActor(std::string_view name, ActorKind kind, std::string_view country,
                         std::string_view role, std::string_view cameo) {
  std::string id = Slug(name);
  if (id.empty()) id = "actor";
  if (auto it = st.actor_index.find(id); it != st.actor_index.end()) {
    if (st.out->actors[it->second].kind == kind) return it->second;
    std::string kn = ActorKindName(kind);
    for (char& c : kn) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    id += "-" + kn;
  }
  Actor a;
  a.id = std::move(id);
  a.name = std::string(name);
  a.kind = kind;
  a.country = std::string(country);
  a.role = std::string(role);
  a.cameo = std::string(cameo);
  return AddActor(std::move(a));
}

void Scan::Emit(uint32_t first, uint32_t last, ActorKind type, int32_t actor, bool coref) {
  // A name's article is not part of it: "the United States" -> "United
  // States" (descriptions such as "the alliance" keep theirs).
  if (!coref && last - first >= 2 && Cap(first + 1) &&
      (word(first) == "the" || word(first) == "The"))
    ++first;
  Mention m;
  m.begin = tok(first).begin;
  m.end = tok(last - 1).end;
  m.first_token = first;
  m.last_token = last;
  m.sentence = st.layer->sentence_of.empty() ? 0 : st.layer->sentence_of[first];
  m.type = type;
  m.actor = actor;
  m.coreference = coref;
  const int32_t mi = static_cast<int32_t>(st.out->mentions.size());
  st.out->mentions.push_back(m);
  for (uint32_t k = first; k < last; ++k) st.tok_mention[k] = mi;
  if (actor >= 0) {
    const Actor& a = st.out->actors[actor];
    if (a.kind != ActorKind::kPerson && !a.country.empty()) {
      auto it = r.kb_.country_by_iso3.find(a.country);
      if (it != r.kb_.country_by_iso3.end()) {
        for (uint32_t k = first; k < last; ++k) st.tok_country[k] = it->second;
        ++st.country_mentions[it->second];
      }
    }
  }
}

void Scan::EmitBytes(uint32_t begin, uint32_t end, uint32_t tok_index, ActorKind type,
                     int32_t actor) {
  Emit(tok_index, tok_index + 1, type, actor);
  st.out->mentions.back().begin = begin;
  st.out->mentions.back().end = end;
}

void Scan::RememberName(uint32_t first, uint32_t last, int32_t actor) {
  st.by_name.emplace(Chain(first, last), actor);
  if (st.out->actors[actor].kind == ActorKind::kPerson && last - first >= 2)
    st.by_surname[st.hash[last - 1]] = actor;
}

int32_t Scan::CountryBefore(uint32_t i) const {
  if (i == 0) return -1;
  uint32_t p = i - 1;
  if (word(p) == "'s" || word(p) == "\xE2\x80\x99s" || word(p) == "'S") {
    if (p == 0) return -1;
    --p;
  }
  return st.tok_country[p];
}

bool Scan::IsGiven(uint32_t i) const {
  if (r.given_by_hash_.count(st.hash[i])) return true;
  return r.gaz_ &&
         (r.gaz_->Word(st.hash[i]).flags & (WordInfo::kGivenMale | WordInfo::kGivenFemale));
}

bool Scan::IsCommon(uint32_t i) const {
  if (!r.gaz_) return (st.cue[i] & kCueStop) != 0;
  const WordInfo w = r.gaz_->Word(st.hash[i]);
  return (w.flags & WordInfo::kCommon) &&
         !(w.flags & (WordInfo::kGivenMale | WordInfo::kGivenFemale));
}

char Scan::GenderOf(int32_t actor) const {
  if (actor < 0 || !r.gaz_) return 0;
  const Actor& a = st.out->actors[actor];
  if (a.kind != ActorKind::kPerson) return 0;
  const size_t sp = a.name.find(' ');
  if (sp == std::string::npos) return 0;
  const WordInfo w = r.gaz_->Word(TokenHash(std::string_view(a.name).substr(0, sp)));
  const bool m = w.flags & WordInfo::kGivenMale, f = w.flags & WordInfo::kGivenFemale;
  return m && !f ? 'm' : f && !m ? 'f' : 0;
}

int32_t Scan::CountryFromContext(uint32_t i) const {
  // The nearest country named in this or the previous sentence, by a
  // state, a place, a body or an adjective (not by a person, who may be
  // the visitor rather than the host).
  const uint32_t s = st.layer->sentence_of[i];
  const uint32_t from = st.layer->sentences[s > 0 ? s - 1 : 0].first;
  for (uint32_t k = i; k-- > from;) {
    if (st.tok_country[k] >= 0) return st.tok_country[k];
  }
  return -1;
}

}  // namespace actors
}  // namespace annals
