// Coreference within one document: pronouns ("He will also have talks")
// and descriptions ("the French minister"). Surnames and repeated names
// are resolved where names are read (resolver.cc, titles.cc) through the
// per-document name maps; "the alliance" by the knowledge base's
// descriptive aliases, which only fire after their body was named.
//
// Pronouns follow a salience order that works for news prose: a pronoun
// that opens a sentence is the subject of the last sentence that named a
// person (its first person mention); inside a sentence, after "who", the
// nearest person; otherwise this sentence's subject, else the previous
// one's. Only he/she and their forms are resolved: "they" and "it" are
// too often groups or things.
#include "actors/resolver_impl.h"

namespace annals::actors {

namespace {
// First PERSON mention of sentence s in mentions [0, upto) that fits, or -1.
template <typename Fits>
int32_t SubjectOf(const ActorResult& out, uint32_t s, size_t upto, const Fits& fits) {
  for (size_t m = 0; m < upto; ++m)
    if (out.mentions[m].sentence == s && out.mentions[m].type == ActorKind::kPerson &&
        out.mentions[m].actor >= 0 && fits(out.mentions[m].actor))
      return out.mentions[m].actor;
  return -1;
}
}  // namespace

int32_t Scan::PronounAntecedent(uint32_t i) const {
  // Gender from the pronoun and from first names filters candidates.
  const char want = (st.cue[i] & kCuePronounFemale) ? 'f' : 'm';
  auto fits = [&](int32_t a) {
    const char g = GenderOf(a);
    return g == 0 || g == want;
  };
  const ActorResult& out = *st.out;
  const uint32_t s = st.layer->sentence_of[i];
  const size_t n = out.mentions.size();
  bool opens = tok(i).is(Token::kSentenceStart) ||
               (i > 0 && tok(i - 1).is(Token::kSentenceStart) && !tok(i - 1).is(Token::kWord));
  if (!opens) {
    // Nearest person in this sentence, and whether "who" stands between.
    int32_t nearest = -1;
    uint32_t nearest_end = 0;
    for (size_t m = n; m-- > 0;) {
      if (out.mentions[m].sentence != s) break;
      if (out.mentions[m].type == ActorKind::kPerson && out.mentions[m].actor >= 0 &&
          fits(out.mentions[m].actor)) {
        nearest = out.mentions[m].actor;
        nearest_end = out.mentions[m].last_token;
        break;
      }
    }
    if (nearest >= 0) {
      for (uint32_t k = nearest_end; k < i; ++k)
        if (word(k) == "who") return nearest;
      return SubjectOf(out, s, n, fits);
    }
  }
  for (uint32_t back = 1; back <= 3 && back <= s; ++back) {
    const int32_t a = SubjectOf(out, s - back, n, fits);
    if (a >= 0) return a;
  }
  return -1;
}

bool Scan::OnPronoun(uint32_t i) {
  const int32_t a = PronounAntecedent(i);
  if (a < 0) return false;
  Emit(i, i + 1, ActorKind::kPerson, a, true);
  return true;
}

int32_t Scan::DescribedPerson(const KbRole& role, int32_t country, uint32_t from_tok) const {
  // The head noun of the role ("minister" of "Foreign Minister") must be
  // in the person's role; a country, when given, must match.
  std::string head = role.role;
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (const size_t sp = head.rfind(' '); sp != std::string::npos) head = head.substr(sp + 1);
  const ActorResult& out = *st.out;
  for (size_t m = out.mentions.size(); m-- > 0;) {
    const Mention& mm = out.mentions[m];
    if (mm.type != ActorKind::kPerson || mm.actor < 0) continue;
    const Actor& a = out.actors[mm.actor];
    if (country >= 0 && a.country != r.kb_.countries[country].iso3) continue;
    std::string have = a.role;
    for (char& c : have) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (have.find(head) == std::string::npos) continue;
    return mm.actor;
  }
  return -1;
}

}  // namespace annals::actors
