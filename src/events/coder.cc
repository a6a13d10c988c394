// The event coder: runs the pattern rules over each sentence that has actor
// mentions, fills source and target from the shallow syntax, reads the
// mode, attaches the event's own date and place, and fuses the same event
// told twice in a document into one event with several mentions.
//
// Date: the DATE/TIME expression of the event's clause (closest after the
// trigger within a few words, else closest before it in the clause); else
// the narrative's anchor (the date of the previous dated event of the same
// paragraph); else the DCT, marked date_source "dct". Place: a PLACE
// mention after "in"/"at" (or "to" when the target is not the place) in
// the event's clause, the target itself when the target is a place.
#include <algorithm>
#include <filesystem>
#include <mutex>
#include <unordered_map>

#include "events/internal.h"

namespace annals {

const char* EventModeName(EventMode m) {
  switch (m) {
    case EventMode::kAsserted:
      return "asserted";
    case EventMode::kPlanned:
      return "planned";
    case EventMode::kReported:
      return "reported";
    case EventMode::kNegated:
      return "negated";
    case EventMode::kHypothetical:
      return "hypothetical";
  }
  return "asserted";
}

namespace events {
namespace {

bool IsConsultFamily(std::string_view code) { return code.starts_with("04") || code == "036"; }

// Nouns that are events of their own: a date or place after them belongs
// to them ("preparations for a NATO summit in Washington in July").
bool IsEventNoun(std::string_view w) {
  static constexpr std::string_view kNouns[] = {
      "summit",   "summits",    "conference", "election", "elections", "anniversary", "war",
      "vote",     "referendum", "games",      "olympics", "congress",  "forum",       "session",
      "assembly", "festival",   "ceremony",   "attack",   "attacks",   "crisis",      "invasion",
      "talks",    "meeting",    "visit",      "trip"};
  for (auto n : kNouns)
    if (w == n) return true;
  return false;
}

// Physical places make sense as targets only for visits, hosting, protest,
// force, coercion and violence; "discuss the Gaza war" has no target.
bool PlaceTargetOk(std::string_view code) {
  if (code == "042" || code == "043" || code == "044") return true;
  if (code.size() < 2) return false;
  const int root = (code[0] - '0') * 10 + (code[1] - '0');
  return root >= 14;
}

bool DatedValue(const Timex& t) {
  if (t.type != Timex::kDate && t.type != Timex::kTime) return false;
  if (t.value.size() < 4) return false;
  for (int i = 0; i < 4; ++i)
    if (t.value[i] < '0' || t.value[i] > '9') return false;
  return true;
}

std::string DateOf(const Timex& t) {
  // A TIME value "2024-04-02T10:00" dates its day.
  std::string v = t.value;
  if (size_t tpos = v.find('T'); tpos != std::string::npos && tpos >= 10) v.resize(tpos);
  return v;
}

class Coder : public EventCoder {
 public:
  Status Init(const std::string& data_dir) {
    auto cb = Codebook::Load(data_dir + "/events/cameo_codebook.tsv");
    if (!cb.ok()) return cb.status();
    codebook_ = std::move(cb).value();
    const std::string dir = data_dir + "/events/patterns";
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec))
      if (e.path().extension() == ".txt") files.push_back(e.path().string());
    if (ec) return Status::IoError(dir + ": cannot list the pattern folder");
    std::sort(files.begin(), files.end());
    for (const std::string& f : files)
      if (Status s = rules_.AddFile(f); !s.ok()) return s;
    return Status::Ok();
  }

  Status AddPatternFile(const std::string& path) override { return rules_.AddFile(path); }

  Result<PatternImportStats> AddPetrarchVerbs(const std::string& path,
                                              bool replace_builtin) override {
    std::string text;
    {
      FILE* f = std::fopen(path.c_str(), "rb");
      if (!f) return Status::IoError(path + ": cannot open");
      char buf[65536];
      size_t n;
      while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
      std::fclose(f);
    }
    if (replace_builtin) rules_.Clear();
    const size_t before = rules_.size();
    PatternImportStats st;
    if (Status s = ImportPetrarchVerbs(text, path, &rules_, &st.patterns); !s.ok()) return s;
    st.rules = rules_.size() - before;
    return st;
  }

  const Codebook& codebook() const override { return codebook_; }
  void SetRequireDyad(bool require) override { require_dyad_ = require; }

  Status AddPetrarchDiscards(const std::string& path) override {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return Status::IoError(path + ": cannot open");
    char buf[4096];
    while (std::fgets(buf, sizeof buf, f)) {
      std::string line(buf);
      if (size_t h = line.find('#'); h != std::string::npos) line.resize(h);
      if (line.find("<!--") != std::string::npos) continue;
      bool story = false;
      std::vector<std::string> words;
      std::string cur;
      for (char ch : line) {
        if (ch == '+' && words.empty() && cur.empty()) {
          story = true;
          continue;
        }
        if (ch == ' ' || ch == '_' || ch == '\t' || ch == '\n' || ch == '\r') {
          if (!cur.empty()) words.push_back(cur);
          cur.clear();
        } else {
          cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
        }
      }
      if (!cur.empty()) words.push_back(cur);
      if (words.empty()) continue;
      discards_[words[0]].push_back({std::move(words), story});
    }
    std::fclose(f);
    return Status::Ok();
  }

  void Code(std::string_view text, const TextLayer& layer, const std::vector<Timex>& times,
            ActorResult* actors, std::optional<CivilDate> dct,
            std::vector<Event>* out) const override;

 private:
  void CodeSentence(std::string_view text, const TextLayer& layer, uint32_t si, const Words& ws,
                    const std::vector<Timex>& times, const ActorResult& actors, ActorResult* mut,
                    const std::string& dct_str, std::string* narrative,
                    std::vector<Event>* out) const;

  // Does the sentence hold a discard phrase? 0 no, 1 sentence, 2 story.
  int Discarded(const Words& ws) const {
    if (discards_.empty()) return 0;
    int worst = 0;
    for (uint32_t i = 0; i < ws.w.size(); ++i) {
      auto it = discards_.find(std::string(ws.w[i].lower));
      if (it == discards_.end()) continue;
      for (const Discard& d : it->second) {
        bool ok = i + d.words.size() <= ws.w.size();
        for (size_t k = 1; ok && k < d.words.size(); ++k) ok = ws.w[i + k].lower == d.words[k];
        if (ok) worst = std::max(worst, d.story ? 2 : 1);
      }
    }
    return worst;
  }

  struct Discard {
    std::vector<std::string> words;
    bool story = false;
  };
  Codebook codebook_;
  RuleSet rules_;
  bool require_dyad_ = true;
  std::unordered_map<std::string, std::vector<Discard>> discards_;
};

Result<std::unique_ptr<EventCoder>> Load(const std::string& data_dir) {
  auto c = std::make_unique<Coder>();
  if (Status s = c->Init(data_dir); !s.ok()) return s;
  return std::unique_ptr<EventCoder>(std::move(c));
}

// Is this mention an agent (a common noun coded by role: "government",
// "soldiers", "security officials") rather than a named actor?
bool IsAgent(const ActorResult& r, const Words& ws, uint32_t word) {
  const Word& w = ws.w[word];
  if (w.mention < 0) return false;
  const Mention& m = r.mentions[w.mention];
  if (m.actor < 0 || m.coreference) return false;
  const Actor& a = r.actors[m.actor];
  if (a.kind == ActorKind::kState || a.kind == ActorKind::kPerson || a.cameo.empty()) return false;
  if (!a.country.empty()) return false;  // already composed by the actors stage ("Tunisian court")
  if (!w.capitalized || w.has(kDet)) return true;
  // A capitalised title ("Prime Minister") resolved to a bare role code.
  std::string lower;
  for (char ch : a.cameo)
    lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  return a.kind == ActorKind::kOrganization && a.id == lower;
}

bool IsCountry(const ActorResult& r, int32_t mention) {
  if (mention < 0) return false;
  const Mention& m = r.mentions[mention];
  if (m.actor < 0) return false;
  const Actor& a = r.actors[m.actor];
  return a.kind == ActorKind::kState && a.cameo.size() >= 3;
}

// The actor of conjunct `k` of a chunk, composing an agent with the
// country it belongs to ("the Calenardhon government", "Gondor's police",
// "soldiers from Gondor", "the government of Gondor" -> CALGOV, GONCOP...),
// as CAMEO actor codes are built. A composed actor is added to the
// document's actors once.
int32_t ChunkActor(const Words& ws, const ActorChunk& c, size_t k, ActorResult* r) {
  const int32_t head = c.mentions[k];
  const int32_t head_actor = r->mentions[head].actor;
  if (head_actor < 0) return -1;
  const uint32_t from = k == 0 ? c.first : c.ends[k - 1];
  const uint32_t to = c.ends[k];
  int32_t agent = -1, country = -1;
  for (uint32_t i = from; i < to; ++i) {
    const int32_t m = ws.w[i].mention;
    if (m < 0) continue;
    if (IsAgent(*r, ws, i))
      agent = m;
    else if (IsCountry(*r, m) && country < 0)
      country = m;
  }
  // "soldiers from Gondor", "officials in Fornost"
  if (agent >= 0 && country < 0 && to + 1 < ws.w.size() &&
      (ws.w[to].lower == "from" || ws.w[to].lower == "in" || ws.w[to].lower == "of")) {
    uint32_t j = to + 1;
    while (j < ws.w.size() && ws.w[j].has(kDet)) ++j;
    if (j < ws.w.size() && IsCountry(*r, ws.w[j].mention)) country = ws.w[j].mention;
  }
  if (agent < 0 || country < 0) {
    // "Bree Prime Minister Romendacil": a name coded only by its country
    // yields to a title of the same country with a fuller code (BREGOV).
    const std::string& hc = r->actors[head_actor].cameo;
    int32_t best = head_actor;
    if (!hc.empty())
      for (uint32_t i = from; i < to; ++i) {
        const int32_t m = ws.w[i].mention;
        if (m < 0 || r->mentions[m].actor < 0) continue;
        const std::string& mc = r->actors[r->mentions[m].actor].cameo;
        if (mc.size() > r->actors[best].cameo.size() && mc.starts_with(hc))
          best = r->mentions[m].actor;
      }
    return best;
  }
  const Actor& ag = r->actors[r->mentions[agent].actor];
  const Actor& co = r->actors[r->mentions[country].actor];
  if (ag.cameo.starts_with(co.cameo)) return head_actor;
  std::string code = co.cameo;
  if (!code.ends_with(ag.cameo)) code += ag.cameo;
  std::string id = co.id + "-";
  for (char ch : ag.cameo)
    id.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
  for (size_t i = 0; i < r->actors.size(); ++i)
    if (r->actors[i].id == id) return static_cast<int32_t>(i);
  Actor a;
  a.id = id;
  a.name = co.name + " " + ag.name;
  a.kind = ActorKind::kOrganization;
  a.country = co.country;
  a.cameo = code;
  r->actors.push_back(std::move(a));
  return static_cast<int32_t>(r->actors.size() - 1);
}

// Fills the codebook fields of an event.
void FillCode(const Codebook& cb, const std::string& code, Event* e) {
  e->cameo = code;
  e->root = code.substr(0, std::min<size_t>(2, code.size()));
  if (const CameoCode* c = cb.Find(code)) {
    e->quad = c->quad;
    e->goldstein = c->goldstein;
    e->plover = c->plover;
  } else {
    e->quad = 0;
    e->goldstein = 0;
    e->plover.clear();
  }
}

void Coder::CodeSentence(std::string_view text, const TextLayer& layer, uint32_t si,
                         const Words& ws, const std::vector<Timex>& times,
                         const ActorResult& actors, ActorResult* mut, const std::string& dct_str,
                         std::string* narrative, std::vector<Event>* out) const {
  const uint32_t n = static_cast<uint32_t>(ws.w.size());
  const Sentence& sent = layer.sentences[si];
  // 1. Candidate matches, best per anchor.
  std::vector<Match> cands;
  Match m;
  for (uint32_t i = 0; i < n; ++i) {
    const Word& x = ws.w[i];
    if (x.punct || x.mention >= 0) continue;
    const std::vector<uint32_t>* lists[2] = {rules_.Lookup(x.lemma), nullptr};
    if (x.lower != x.lemma) lists[1] = rules_.Lookup(x.lower);
    Match best;
    bool have = false;
    uint32_t cs = UINT32_MAX, ce = 0;
    for (const auto* list : lists) {
      if (!list) continue;
      for (uint32_t ri : *list) {
        const Rule& r = rules_.rule(ri);
        if (r.verbal && !CanBeVerb(ws, i)) continue;
        if (cs == UINT32_MAX) {
          cs = ClauseStart(ws, VerbGroupStart(ws, i));
          ce = ClauseEnd(ws, i);
          // "allowed that Mordor isn't ...": a complement clause right after
          // the verb belongs to the verb's phrase.
          if (ce == i + 1 && ce < n && ws.w[ce].lower == "that") ce = ClauseEnd(ws, ce);
        }
        if (!MatchRule(r, ws, i, cs, ce, actors.mentions, &m)) continue;
        m.rule = ri;
        // A rule written for this very form ("left") beats one reached
        // through the lemma ("leave").
        if (x.lower != x.lemma &&
            std::find(r.verbs.begin(), r.verbs.end(), x.lower) != r.verbs.end())
          ++m.score;
        if (!have || m.score > best.score) {
          best = m;
          have = true;
        }
      }
    }
    if (have) cands.push_back(best);
  }
  if (cands.empty()) return;
  // 2. Overlaps: a higher-scoring match owns its literal words.
  std::vector<uint32_t> order(cands.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return cands[a].score > cands[b].score; });
  std::vector<char> owned(n, 0);
  for (uint32_t k : order) {
    Match& c = cands[k];
    bool clash = false;
    for (uint32_t i = c.first; i < c.last_word; ++i)
      if (owned[i] && ws.w[i].mention < 0 && !ws.w[i].has(kPrep | kDet)) clash = true;
    if (owned[c.anchor]) clash = true;
    if (clash) continue;
    for (uint32_t i = c.first; i < c.last_word; ++i) owned[i] = 1;
    const Rule& r = rules_.rule(c.rule);
    // 3. Source and target.
    ActorChunk source = c.source, target = c.target;
    bool controlled = false;
    const uint32_t g = VerbGroupStart(ws, c.anchor);
    const uint32_t cs = ClauseStart(ws, g);
    uint32_t ce = ClauseEnd(ws, c.anchor);
    if (ce == c.anchor + 1 && ce < n && ws.w[ce].lower == "that") ce = ClauseEnd(ws, ce);
    if (r.verbal && !c.source_slot) {
      if (IsPassive(ws, c.anchor)) {
        // "X was condemned by Y": Y is the source, X the target.
        ActorChunk subj = SubjectOf(ws, c.anchor);
        ActorChunk agent;
        for (uint32_t i = c.anchor + 1; i < ce; ++i)
          if (ws.w[i].has(kBy)) {
            agent = ChunkAt(ws, i + 1, ce, 2);
            break;
          }
        if (!target.found()) {
          target = subj;
          source = agent;
        } else {
          source = agent;  // "X was urged by Y to ..." keeps T
        }
      } else {
        source = SubjectOf(ws, c.anchor, &controlled);
      }
    }
    if (!target.found() && r.implicit_target) {
      // PETRARCH patterns without "+": the first actor after the verb.
      for (uint32_t i = c.anchor + 1; i < ce; ++i) {
        if (ws.w[i].has(kComma) && i >= c.last_word) break;  // "..., a senior official said"
        if (ws.w[i].mention < 0) continue;
        if (i > 0 && ws.w[i - 1].has(kBy) && IsPassive(ws, c.anchor)) continue;
        target = ChunkAt(ws, i, ce, 0);
        if (target.found() && i > 0 && ws.w[i - 1].has(kPrep)) c.target_prep = i - 1;
        break;
      }
    }
    if (target.found() && !PlaceTargetOk(r.code)) {
      // Drop conjuncts that are physical places.
      ActorChunk kept = target;
      kept.mentions.clear();
      for (int32_t tm : target.mentions)
        if (actors.mentions[tm].type != ActorKind::kPlace) kept.mentions.push_back(tm);
      if (kept.mentions.empty())
        target = ActorChunk{};
      else
        target.mentions = kept.mentions;
      if (!target.found() && !r.target_optional && !r.implicit_target) continue;
    }
    if (!source.found()) continue;
    EventMode mode = ModeOf(ws, c.anchor, r.verbal ? g : c.anchor, cs);
    if (controlled && mode != EventMode::kNegated) mode = EventMode::kHypothetical;
    const std::string code =
        (mode == EventMode::kPlanned && !r.planned_code.empty()) ? r.planned_code : r.code;
    const bool forward = !code.empty() && code != "---";
    const bool reverse = !r.reverse_code.empty() && r.reverse_code != "---";
    if (!forward && !reverse) continue;  // a blocking pattern
    // Pairs (source actor, target actor).
    std::vector<std::pair<int32_t, int32_t>> pairs;
    auto actor_of = [&](int32_t mention) {
      return mention >= 0 ? actors.mentions[mention].actor : -1;
    };
    std::vector<int32_t> src_actors, tgt_actors;
    for (size_t k = 0; k < source.mentions.size(); ++k)
      src_actors.push_back(ChunkActor(ws, source, k, mut));
    for (size_t k = 0; k < target.mentions.size(); ++k)
      tgt_actors.push_back(ChunkActor(ws, target, k, mut));
    if (target.found()) {
      for (int32_t sa : src_actors)
        for (int32_t ta : tgt_actors) {
          pairs.push_back({sa, ta});
          if (r.symmetric && !r.verbal) pairs.push_back({ta, sa});
        }
    } else if (r.symmetric && src_actors.size() > 1) {
      for (size_t a = 0; a < src_actors.size(); ++a)
        for (size_t b = 0; b < src_actors.size(); ++b)
          if (a != b) pairs.push_back({src_actors[a], src_actors[b]});
    } else if (!require_dyad_ && r.implicit_target) {
      for (int32_t sa : src_actors) pairs.push_back({sa, -1});
    }
    // Gapped coordination of the target's prepositional phrase: "was in
    // Cairo on Saturday ... and in China on Monday" gives one event per
    // conjunct, each dated by its own phrase.
    struct Extra {
      int32_t target;
      uint32_t first, last;
    };
    std::vector<Extra> extras;
    if (target.found() && c.target_prep != UINT32_MAX && r.verbal) {
      const std::string_view prep = ws.w[c.target_prep].lower;
      uint32_t i = target.last;
      for (; i + 2 < n; ++i) {
        if (ws.w[i].has(kPunctClause) || ws.w[i].has(kReport)) break;
        if (ws.w[i].lower == "and" && ws.w[i + 1].lower == prep) {
          ActorChunk t2 = ChunkAt(ws, i + 2, n, 1);
          if (t2.found()) extras.push_back({t2.mentions[0], i + 1, t2.last});
        }
      }
    }
    // 4. Date: the closest dated expression after the match (within a few
    // words, no clause break), else before the trigger inside the clause.
    auto date_for = [&](uint32_t after_first, uint32_t after_last, uint32_t before_limit,
                        uint32_t before_from, std::string* date, std::string* source_kind) {
      const uint32_t tok_after = sent.first + after_last;
      const Timex* best_t = nullptr;
      uint32_t best_d = UINT32_MAX;
      for (const Timex& t : times) {
        if (t.sentence != si || !DatedValue(t)) continue;
        if (t.first_token >= sent.first + after_first && t.first_token >= tok_after) {
          // Distance in words, not counting names ("in Woodside, California").
          uint32_t d = 0;
          bool broken = false;
          for (uint32_t k = tok_after; k < t.first_token && k < sent.last; ++k) {
            const uint32_t wi = k - sent.first;
            const Word& wk = ws.w[wi];
            if (wk.mention >= 0) continue;
            const bool name_comma = wk.lower == "," && wi > 0 && wi + 1 < n &&
                                    ws.w[wi - 1].mention >= 0 && ws.w[wi + 1].mention >= 0;
            if (name_comma) continue;
            ++d;
            if (IsEventNoun(wk.lower) && k > tok_after) broken = true;
            if (wk.has(kPunctClause | kReport | kRelPron) || wk.lower == "," ||
                (wk.lower == "and" && k > tok_after) ||
                (wk.has(kTo) && k + 1 < sent.last && CanBeVerb(ws, k + 1 - sent.first)))
              broken = true;
          }
          if (!broken && d <= 9 && d < best_d) {
            best_d = d;
            best_t = &t;
          }
        }
      }
      if (!best_t) {
        for (const Timex& t : times) {
          if (t.sentence != si || !DatedValue(t)) continue;
          if (t.last_token <= sent.first + before_limit &&
              t.first_token >= sent.first + before_from) {
            const uint32_t d = sent.first + before_limit - t.last_token;
            if (d < best_d) {
              best_d = d;
              best_t = &t;
            }
          }
        }
      }
      if (best_t) {
        *date = DateOf(*best_t);
        *source_kind = "timex";
      } else if (!narrative->empty()) {
        *date = *narrative;
        *source_kind = "narrative";
      } else {
        *date = dct_str;
        *source_kind = dct_str.empty() ? "" : "dct";
      }
    };
    // 5. Place.
    auto place_for = [&](int32_t target_actor, uint32_t from, uint32_t to) -> int32_t {
      if (target_actor >= 0 && actors.actors[target_actor].kind == ActorKind::kPlace)
        return target_actor;
      if (from >= to) return -1;
      for (uint32_t i = from; i < to; ++i) {
        const Word& x = ws.w[i];
        if (i > c.last_word && IsEventNoun(x.lower)) break;
        if (x.mention < 0) continue;
        const Mention& mm = actors.mentions[x.mention];
        if (mm.type != ActorKind::kPlace || mm.actor < 0 || mm.actor == target_actor) continue;
        uint32_t b = i;
        while (b > from && ws.w[b - 1].has(kDet)) --b;
        if (b > 0 &&
            (ws.w[b - 1].lower == "in" || ws.w[b - 1].lower == "at" || ws.w[b - 1].lower == "to"))
          return mm.actor;
        i = mm.last_token - sent.first - 1;  // skip the rest of the mention
      }
      return -1;
    };
    auto emit1 = [&](int32_t s, int32_t t, uint32_t tfirst, uint32_t tlast, uint32_t before_from,
                     const std::string& code) {
      if (s < 0 || s == t || (t < 0 && require_dyad_)) return;
      Event e;
      e.source = s;
      e.target = t;
      FillCode(codebook_, code, &e);
      e.mode = mode;
      e.sentence = si;
      const uint32_t trig_first = r.verbal ? g : c.first;
      const uint32_t trig_last = std::max(c.last_word, c.anchor + 1);
      e.trigger = std::string(text.substr(ws.w[trig_first].text.data() - text.data(),
                                          ws.w[trig_last - 1].text.data() +
                                              ws.w[trig_last - 1].text.size() -
                                              ws.w[trig_first].text.data()));
      uint32_t ev_first = std::min({trig_first, source.first, tfirst});
      uint32_t ev_last = std::max({trig_last, tlast, c.last});
      if (ev_last > n) ev_last = n;
      e.begin = layer.tokens[ws.w[ev_first].token].begin;
      e.end = layer.tokens[ws.w[ev_last - 1].token].end;
      e.rule = r.id;
      date_for(tfirst, tlast, trig_first, std::max(before_from, cs), &e.date, &e.date_source);
      e.place = place_for(t, std::min(cs, trig_first), std::max(ce, tlast));
      if (e.place < 0) e.place = place_for(t, c.anchor, std::min(tlast + 6, n));
      out->push_back(std::move(e));
    };
    auto emit = [&](int32_t s, int32_t t, uint32_t tfirst, uint32_t tlast, uint32_t before_from) {
      if (forward) emit1(s, t, tfirst, tlast, before_from, code);
      if (reverse) emit1(t, s, tfirst, tlast, before_from, r.reverse_code);
    };
    const size_t before = out->size();
    // Restrict place search of the main event to before the first extra conjunct.
    for (auto [s, t] : pairs)
      emit(s, t, target.found() ? target.first : c.last, target.found() ? target.last : c.last, cs);
    for (const Extra& x : extras)
      for (int32_t sa : src_actors) {
        // The conjunct's own date is found after its phrase or just before
        // the following infinitive; its clause starts at the conjunct.
        const int32_t ta = actor_of(x.target);
        if (sa < 0 || ta < 0 || sa == ta) continue;
        const size_t k0 = out->size();
        emit(sa, ta, x.first, x.last, x.first);
        for (size_t k1 = k0; k1 < out->size(); ++k1) {
          Event& e = (*out)[k1];
          e.place = actors.actors[ta].kind == ActorKind::kPlace ? ta : -1;
        }
      }
    for (size_t k2 = before; k2 < out->size(); ++k2)
      if ((*out)[k2].date_source == "timex") *narrative = (*out)[k2].date;
  }
}

void Coder::Code(std::string_view text, const TextLayer& layer, const std::vector<Timex>& times,
                 ActorResult* actors, std::optional<CivilDate> dct, std::vector<Event>* out) const {
  thread_local Words ws;
  const std::string dct_str = dct ? FormatDate(*dct) : std::string();
  std::string narrative;
  size_t cursor = 0;
  const size_t first_event = out->size();
  const auto& mentions = actors->mentions;
  for (uint32_t si = 0; si < layer.sentences.size(); ++si) {
    const Sentence& s = layer.sentences[si];
    if (layer.tokens[s.first].is(Token::kParagraphStart)) narrative.clear();
    // Fast path: a sentence without any actor mention codes nothing.
    while (cursor < mentions.size() && mentions[cursor].last_token <= s.first) ++cursor;
    if (cursor >= mentions.size() || mentions[cursor].first_token >= s.last) continue;
    // A dyad needs two actors: one mention alone codes nothing.
    if (require_dyad_ &&
        (cursor + 1 >= mentions.size() || mentions[cursor + 1].first_token >= s.last))
      continue;
    size_t c2 = cursor;
    ws.Build(text, layer, s, mentions, &c2);
    if (const int d = Discarded(ws); d > 0) {
      if (d == 2) {  // the whole story is out of scope
        out->resize(first_event);
        return;
      }
      continue;
    }
    CodeSentence(text, layer, si, ws, times, *actors, actors, dct_str, &narrative, out);
  }
  // Within-document fusion: the same (source, target, code) told twice,
  // with compatible dates, is one event with several mentions. Meetings and
  // talks fuse regardless of direction.
  std::vector<Event> fused;
  for (size_t k = first_event; k < out->size(); ++k) {
    Event& e = (*out)[k];
    bool merged = false;
    for (Event& f : fused) {
      // The reverse direction of one told mention is its own event ("Biden
      // and Xi met": both met); across mentions, talks are one event.
      const bool same_pair = (f.source == e.source && f.target == e.target) ||
                             (IsConsultFamily(f.cameo) && f.source == e.target &&
                              f.target == e.source && f.sentence != e.sentence);
      const bool same_code = f.cameo == e.cameo || (IsConsultFamily(f.cameo) &&
                                                    IsConsultFamily(e.cameo) && f.mode == e.mode);
      const bool dates_ok =
          f.date == e.date || f.date_source != "timex" || e.date_source != "timex";
      if (!same_pair || !same_code || !dates_ok || f.mode != e.mode) continue;
      if (f.sentence == e.sentence && f.begin == e.begin) {
        merged = true;
        break;
      }  // same mention
      if (f.date_source != "timex" && e.date_source == "timex") {
        f.date = e.date;
        f.date_source = e.date_source;
      }
      if (f.place < 0) f.place = e.place;
      f.also.push_back({e.sentence, e.begin, e.end, e.rule});
      merged = true;
      break;
    }
    if (!merged) fused.push_back(std::move(e));
  }
  out->resize(first_event);
  for (Event& e : fused) out->push_back(std::move(e));
}

}  // namespace
}  // namespace events

Result<std::unique_ptr<EventCoder>> EventCoder::Load(const std::string& data_dir) {
  return events::Load(data_dir);
}

}  // namespace annals
