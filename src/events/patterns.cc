// Event patterns: the loader of annals' own pattern format (docs/PATTERNS.md)
// and the rule index the matcher looks triggers up in.
//
// A pattern file is line-oriented so that an analyst can extend it with a
// text editor: `CODE[/PLANNED] ID [flags] : PATTERN`, word sets with
// `&NAME = w1 w2 ...`. Every literal is stored as its lemma (VerbLemma of
// the lowercase form) so that "meet" matches meets/met/meeting and
// "sanctions" matches "sanction". Rules are indexed by the lemma of their
// anchor (the verb of a verbal rule, the first word of a nominal one).
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "events/internal.h"

namespace annals::events {

std::string LemmaOfWord(std::string_view w) {
  std::string lower, buf;
  LowerAscii(w, &lower);
  return std::string(VerbLemma(lower, &buf));
}

namespace {

// Every lemma the text-side lemmatiser may give for a form of `w`: the
// suffix rules are lossy ("invaded" -> "invad", "expelled" -> "expell"),
// so a pattern word stands for the lemmas of its regular inflections.
void AddLemmas(std::string_view w, std::vector<std::string>* out) {
  std::string lower, buf;
  LowerAscii(w, &lower);
  auto add = [&](const std::string& form) {
    std::string l(VerbLemma(form, &buf));
    if (std::find(out->begin(), out->end(), l) == out->end()) out->push_back(l);
  };
  add(lower);
  if (lower.size() < 3 || lower.find(' ') != std::string::npos) return;
  const char last = lower.back();
  const bool e_end = last == 'e';
  add(lower + "s");
  add(e_end ? lower + "d" : lower + "ed");
  add(e_end ? lower.substr(0, lower.size() - 1) + "ing" : lower + "ing");
  if (!e_end && last != 'y' && last != 'w' && last != 'x') {
    add(lower + last + "ed");
    add(lower + last + "ing");
  }
  if (last == 'y') add(lower.substr(0, lower.size() - 1) + "ied");
}

std::vector<std::string_view> SplitWs(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool IsCode(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

void RuleSet::Clear() {
  rules_.clear();
  index_.clear();
}

void RuleSet::Add(Rule r) {
  // Priority: literal words count more than slots; required more than optional.
  int p = 0;
  for (const auto* part : {&r.pre, &r.post})
    for (const Elem& e : *part)
      if (e.kind == Elem::kWord) p += e.optional ? 1 : 3;
  r.priority = p;
  const uint32_t idx = static_cast<uint32_t>(rules_.size());
  if (r.verbal) {
    for (const std::string& v : r.verbs) {
      auto& list = index_[v];
      if (std::find(list.begin(), list.end(), idx) == list.end()) list.push_back(idx);
    }
  } else if (!r.post.empty() && r.post[0].kind == Elem::kWord) {
    for (const std::string& v : r.post[0].words) {
      auto& list = index_[v];
      if (std::find(list.begin(), list.end(), idx) == list.end()) list.push_back(idx);
    }
  }
  rules_.push_back(std::move(r));
}

const std::vector<uint32_t>* RuleSet::Lookup(std::string_view lemma) const {
  auto it = index_.find(lemma);
  return it == index_.end() ? nullptr : &it->second;
}

Status RuleSet::AddFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return AddText(ss.str(), path);
}

Status RuleSet::AddText(std::string_view text, const std::string& name) {
  std::unordered_map<std::string, std::vector<std::string>> sets;
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) {
      if (nl >= text.size()) break;
      continue;
    }
    auto err = [&](const std::string& msg) {
      return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": " + msg);
    };
    if (line[0] == '&') {  // word set: &NAME = a b c
      size_t eq = line.find('=');
      if (eq == std::string_view::npos) return err("word set needs '=': &NAME = word word ...");
      std::string set_name(Trim(line.substr(1, eq - 1)));
      auto& words = sets[set_name];
      for (auto w : SplitWs(line.substr(eq + 1))) {
        if (w[0] == '&') {
          auto it = sets.find(std::string(w.substr(1)));
          if (it == sets.end()) return err("unknown word set &" + std::string(w.substr(1)));
          words.insert(words.end(), it->second.begin(), it->second.end());
        } else {
          AddLemmas(w, &words);
        }
      }
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) return err("expected 'CODE ID [flags] : pattern'");
    auto head = SplitWs(line.substr(0, colon));
    auto body = SplitWs(line.substr(colon + 1));
    if (head.size() < 2) return err("expected 'CODE ID [flags] : pattern'");
    Rule r;
    r.file = name;
    r.line = line_no;
    std::string_view code = head[0];
    if (size_t slash = code.find('/'); slash != std::string_view::npos) {
      r.planned_code = std::string(code.substr(slash + 1));
      code = code.substr(0, slash);
      if (!IsCode(r.planned_code)) return err("bad planned code '" + r.planned_code + "'");
    }
    bool foreign = false;
    for (size_t i = 2; i < head.size(); ++i) foreign |= head[i] == "foreign";
    if (!IsCode(code) && code != "---" && !foreign)
      return err("bad CAMEO code '" + std::string(code) + "'");
    r.code = std::string(code);
    bool noun = false;
    for (size_t i = 2; i < head.size(); ++i) {
      if (head[i] == "sym")
        r.symmetric = true;
      else if (head[i] == "noun")
        noun = true;
      else if (head[i] == "loose")
        r.loose = true;
      else if (head[i] == "implicit")
        r.implicit_target = true;
      else if (head[i] == "foreign")
        continue;
      else if (head[i].starts_with("rev="))
        r.reverse_code = std::string(head[i].substr(4));
      else
        return err("unknown flag '" + std::string(head[i]) +
                   "' (sym, noun, loose, implicit, foreign, rev=CODE)");
    }
    std::string kind = noun ? "noun:" : "verb:";
    r.id = kind + std::string(head[1]);
    if (body.empty()) return err("empty pattern");
    // Parse the elements.
    std::vector<Elem> elems;
    int verb_at = -1;
    for (std::string_view tok : body) {
      Elem e;
      if (tok.size() > 1 && tok[0] == '^') {
        e.adjacent = true;
        tok.remove_prefix(1);
      }
      if (tok.size() > 1 && tok[0] == '@') {
        if (verb_at >= 0) return err("two verbs marked with '@'");
        verb_at = static_cast<int>(elems.size());
        tok.remove_prefix(1);
      }
      if (tok.size() >= 2 && tok.front() == '(' && tok.back() == ')') {
        e.optional = true;
        tok = tok.substr(1, tok.size() - 2);
      }
      if (tok == "S") {
        e.kind = Elem::kSource;
      } else if (tok == "T" || tok == "T?" || tok == "T:place" || tok == "T?:place") {
        e.kind = Elem::kTarget;
        e.place_only = tok.ends_with(":place");
        if (tok.starts_with("T?")) {
          e.optional = true;
          r.target_optional = true;
        }
      } else if (tok == "...") {
        e.kind = Elem::kGap;
      } else {
        e.kind = Elem::kWord;
        size_t i = 0;
        while (i <= tok.size()) {
          size_t bar = tok.find('|', i);
          if (bar == std::string_view::npos) bar = tok.size();
          std::string_view alt = tok.substr(i, bar - i);
          if (!alt.empty()) {
            if (alt[0] == '&') {
              auto it = sets.find(std::string(alt.substr(1)));
              if (it == sets.end()) return err("unknown word set " + std::string(alt));
              e.words.insert(e.words.end(), it->second.begin(), it->second.end());
            } else {
              AddLemmas(alt, &e.words);
              e.shown.push_back(std::string(alt));
            }
          }
          i = bar + 1;
        }
        if (e.words.empty()) return err("empty word alternatives");
      }
      elems.push_back(std::move(e));
    }
    bool has_target = false;
    for (const Elem& e : elems) has_target |= e.kind == Elem::kTarget;
    if (!has_target) r.target_optional = true;
    if (verb_at >= 0) {
      if (elems[verb_at].kind != Elem::kWord) return err("'@' must mark a word");
      r.verbal = true;
      r.verbs = elems[verb_at].words;
      const size_t from = !elems.empty() && elems[0].kind == Elem::kSource ? 1 : 0;
      r.pre.assign(elems.begin() + static_cast<long>(from), elems.begin() + verb_at);
      r.post.assign(elems.begin() + verb_at + 1, elems.end());
    } else if (!noun && elems.size() >= 2 && elems[0].kind == Elem::kSource &&
               elems[1].kind == Elem::kWord && !elems[1].optional) {
      r.verbal = true;
      r.verbs = elems[1].words;
      r.post.assign(elems.begin() + 2, elems.end());
    } else {
      r.verbal = false;
      // Nominal: anchor is the first required word; elements before it are "pre".
      size_t a = 0;
      while (a < elems.size() && !(elems[a].kind == Elem::kWord && !elems[a].optional)) ++a;
      if (a == elems.size()) return err("a nominal pattern needs a required word to anchor it");
      r.pre.assign(elems.begin(), elems.begin() + a);
      r.post.assign(elems.begin() + a, elems.end());
      bool has_source = false;
      for (const Elem& e : elems) has_source |= e.kind == Elem::kSource;
      if (!has_source) return err("a nominal pattern needs an S slot");
    }
    Add(std::move(r));
    if (nl >= text.size()) break;
  }
  return Status::Ok();
}

namespace {

void FormatElems(const std::vector<Elem>& els, std::string* out) {
  for (const Elem& e : els) {
    *out += ' ';
    if (e.adjacent) *out += '^';
    std::string x;
    switch (e.kind) {
      case Elem::kSource:
        x = "S";
        break;
      case Elem::kTarget:
        x = e.optional ? "T?" : "T";
        if (e.place_only) x += ":place";
        break;
      case Elem::kGap:
        x = "...";
        break;
      case Elem::kWord: {
        const auto& alts = e.shown.empty() ? e.words : e.shown;
        for (size_t i = 0; i < alts.size(); ++i) x += (i ? "|" : "") + alts[i];
        break;
      }
    }
    if (e.optional && e.kind != Elem::kTarget) x = "(" + x + ")";
    *out += x;
  }
}

}  // namespace

std::string FormatRule(const Rule& r) {
  std::string out = r.code.empty() ? "---" : r.code;
  if (!r.planned_code.empty()) out += "/" + r.planned_code;
  std::string id = r.id;
  if (size_t c = id.find(':'); c != std::string::npos) id = id.substr(c + 1);
  for (char& ch : id)
    if (ch == ' ' || ch == ':') ch = '_';
  out += " " + id;
  if (r.symmetric) out += " sym";
  if (!r.verbal) out += " noun";
  if (r.loose) out += " loose";
  if (r.implicit_target) out += " implicit";
  if (!r.reverse_code.empty()) out += " rev=" + r.reverse_code;
  auto numeric = [](const std::string& c) {
    return c == "---" || (c.size() >= 2 && c.size() <= 4 &&
                          c.find_first_not_of("0123456789") == std::string::npos);
  };
  if (!numeric(r.code.empty() ? "---" : r.code)) out += " foreign";
  out += " :";
  if (r.verbal) {
    out += " S";
    FormatElems(r.pre, &out);
    out += " @";
    for (size_t i = 0; i < r.verbs.size(); ++i) out += (i ? "|" : "") + r.verbs[i];
    FormatElems(r.post, &out);
  } else {
    std::string body;
    FormatElems(r.pre, &body);
    FormatElems(r.post, &body);
    out += body;
  }
  return out;
}

namespace {

struct MatchState {
  const Words& ws;
  const std::vector<Mention>& mentions;
  const Elem* el;  // the elements after the anchor
  size_t n;
  size_t passive_opt;  // index of a target slot made optional by the passive voice
  uint32_t limit;
  bool loose;
  Match* m;
};

bool InWords(const Word& w, const std::vector<std::string>& words) {
  for (const std::string& x : words)
    if (w.lemma == x || w.lower == x) return true;
  return false;
}

bool Skippable(const Word& w) {
  return (w.has(kDet) && !w.has(kNeg)) || w.has(kAdverb) || w.lower == "'s" || w.lower == "'";
}

bool Seq(MatchState& st, size_t k, uint32_t pos, int matched) {
  if (k == st.n) {
    st.m->last = pos;
    st.m->score = matched;
    return true;
  }
  const Elem& e = st.el[k];
  const auto& w = st.ws.w;
  // Where may this element start? Determiners and adverbs are skipped
  // freely; loose (imported) rules also skip a few other words.
  uint32_t starts[8];
  int n = 0;
  uint32_t p = pos;
  int loose_budget = st.loose ? 3 : 0;
  while (p <= st.limit && n < 8) {
    starts[n++] = p;
    if (e.adjacent || p >= st.limit) break;
    if (Skippable(w[p])) {
      ++p;
      continue;
    }
    if (loose_budget > 0 && !w[p].has(kPunctClause) && !w[p].has(kReport)) {
      --loose_budget;
      ++p;
      continue;
    }
    break;
  }
  for (int si = 0; si < n; ++si) {
    const uint32_t q = starts[si];
    switch (e.kind) {
      case Elem::kWord:
        if (q < st.limit && InWords(w[q], e.words)) {
          const uint32_t saved = st.m->last_word;
          st.m->last_word = q + 1;
          if (Seq(st, k + 1, q + 1, matched + 3)) return true;
          st.m->last_word = saved;
        }
        break;
      case Elem::kSource:
      case Elem::kTarget: {
        if (q >= st.limit) break;
        ActorChunk c = ChunkAt(st.ws, q, st.limit, 2);
        if (!c.found()) break;
        // A chunk followed by "and" in the pattern keeps its first conjunct.
        if (k + 1 < st.n && st.el[k + 1].kind == Elem::kWord && c.mentions.size() > 1) {
          for (const std::string& x : st.el[k + 1].words)
            if (x == "and" || x == "or") {
              c.mentions.resize(1);
              c.last = c.ends[0];
              c.ends.resize(1);
              break;
            }
        }
        if (e.place_only) {
          const Mention& mm = st.mentions[c.mentions[0]];
          if (mm.type != ActorKind::kPlace && mm.type != ActorKind::kState) break;
        }
        ActorChunk& slot = e.kind == Elem::kSource ? st.m->source : st.m->target;
        ActorChunk saved = slot;
        slot = c;
        if (e.kind == Elem::kTarget && q > 0 && w[q - 1].has(kPrep)) st.m->target_prep = q - 1;
        if (Seq(st, k + 1, c.last, matched + 2)) return true;
        slot = saved;
        break;
      }
      case Elem::kGap:
        for (uint32_t g = q; g <= st.limit && g < q + 7; ++g) {
          if (g > q && (w[g - 1].has(kPunctClause) || w[g - 1].has(kComma))) break;
          if (Seq(st, k + 1, g, matched)) return true;
        }
        break;
    }
  }
  if (e.optional || k == st.passive_opt) return Seq(st, k + 1, pos, matched);
  return false;
}

// Pre elements (before the anchor), matched right to left.
bool PreSeq(const Rule& r, const Words& ws, uint32_t anchor, uint32_t clause_start,
            const std::vector<Mention>& mentions, Match* m) {
  uint32_t pos = anchor;  // exclusive
  for (size_t k = r.pre.size(); k-- > 0;) {
    const Elem& e = r.pre[k];
    bool ok = false;
    int budget = r.loose || !r.verbal ? 6 : 0;
    for (uint32_t p = pos; p > clause_start && budget >= 0; --p) {
      const uint32_t q = p - 1;
      if (e.kind == Elem::kWord && InWords(ws.w[q], e.words)) {
        pos = q;
        m->first = q;
        m->score += 3;
        ok = true;
        break;
      }
      if (e.kind == Elem::kSource && ws.w[q].mention >= 0) {
        uint32_t b = q;
        while (b > clause_start && (ws.w[b - 1].mention >= 0 || ws.w[b - 1].capitalized)) --b;
        ActorChunk c = ChunkAt(ws, b, q + 1 < anchor ? anchor : q + 1, 0);
        if (c.found()) {
          m->source = c;
          m->source_slot = true;
          pos = b;
          ok = true;
          break;
        }
      }
      if (!Skippable(ws.w[q])) --budget;
    }
    if (!ok && !e.optional) return false;
  }
  (void)mentions;
  return true;
}

}  // namespace

bool MatchRule(const Rule& r, const Words& ws, uint32_t anchor, uint32_t clause_start,
               uint32_t clause_end, const std::vector<Mention>& mentions, Match* m) {
  *m = Match{};
  m->anchor = anchor;
  m->first = anchor;
  m->last_word = anchor + 1;
  uint32_t from = anchor + 1;
  size_t k0 = 0;
  if (!r.verbal) {
    // post[0] is the anchor word itself.
    k0 = 1;
  }
  const Elem* tail = r.post.data() + k0;
  const size_t n = r.post.size() - k0;
  // Passive voice: the direct object is the grammatical subject, so a
  // target slot right after the verb may stay empty ("was condemned by").
  const bool passive = r.verbal && IsPassive(ws, anchor);
  size_t passive_opt = SIZE_MAX;
  if (passive && from < ws.w.size() && ws.w[from].has(kBy)) {
    // "was accused by Ukraine of aggression": the rest follows the agent.
    ActorChunk agent = ChunkAt(ws, from + 1, clause_end, 2);
    if (agent.found()) from = agent.last;
  }
  if (passive)
    for (size_t i = 0; i < n; ++i) {
      if (tail[i].kind == Elem::kTarget) {
        passive_opt = i;
        break;
      }
      if (tail[i].kind == Elem::kWord && !tail[i].optional) break;
    }
  MatchState st{ws, mentions, tail, n, passive_opt, clause_end, r.loose, m};
  if (!Seq(st, 0, from, 3)) return false;
  if (!r.pre.empty() && !PreSeq(r, ws, anchor, clause_start, mentions, m)) return false;
  if (m->target.found()) m->score += 2;
  return true;
}

}  // namespace annals::events
