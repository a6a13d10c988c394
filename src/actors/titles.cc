// People learned from their titles: "Foreign Minister Stephane Sejourne",
// "France's Armed Forces Minister Sebastien Lecornu", "UNESCO leader Audrey
// Azoulay". A title followed by a capitalised name makes a person with the
// title's role; the country comes from what qualifies the title (an
// adjective, a possessive, a body) or, failing that, from the nearest
// country the article named just before. The person is remembered by full
// name and surname for the rest of the document. A title with no name
// after it ("the French minister") is a description, resolved in coref.cc.
//
// CAMEO sector: ministers and secretaries are coded GOV even when the
// title is military ("Armed Forces Minister" -> FRAGOV): CAMEO keeps MIL
// for the armed forces themselves, and a defence minister is a member of
// the government.
#include <algorithm>

#include "actors/resolver_impl.h"

namespace annals::actors {
namespace {

bool ContainsWord(std::string_view haystack, std::string_view word) {
  std::string h(haystack);
  for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return h.find(word) != std::string::npos;
}

}  // namespace

uint32_t Scan::OnTitle(const Match& m, uint32_t i, uint32_t end) {
  const KbRole& role = r.kb_.roles[m.entry->ref];
  const uint32_t k = i + m.len;
  if (k < end && Cap(k)) {
    const Match pm = LongestPhrase(k, end);
    if (pm.entry != nullptr) {
      const EntryKind kind = pm.entry->kind;
      if (kind == EntryKind::kPerson || kind == EntryKind::kSurname ||
          kind == EntryKind::kDictActor)
        return m.len + OnPhrase(pm, k, end);
      // Another title, a state, a body: not a name; the scan goes on there.
      if (!Cap(i)) return m.len;
    }
    uint32_t j = ChunkEnd(k, end);
    for (uint32_t q = k; q < j; ++q) {
      if (q > k && LongestPhrase(q, j).entry !=
                       nullptr) {  // "President Macron France" : stop at known words
        j = q;
        break;
      }
    }
    if (j - k > 4) j = k + 4;
    const bool org = (st.cue[j - 1] & kCueOrgSuffix) != 0;
    if (org && Cap(i))
      return 0;  // "General Motors": an organisation, not General Motors the person
    if (pm.entry == nullptr && j > k && !org && !(st.cue[k] & (kCueStop | kCueHonorific)) &&
        !st.all_caps_sentence) {
      // Already known by this name or surname?
      int32_t a = -1;
      bool coref = false;
      if (auto it = st.by_name.find(Chain(k, j)); it != st.by_name.end()) {
        a = it->second;
      } else if (j - k == 1) {
        if (auto it2 = st.by_surname.find(st.hash[k]); it2 != st.by_surname.end()) {
          a = it2->second;
          coref = true;
        }
      }
      if (a < 0) {
        // Who qualifies the title: a body ("UNESCO leader"), a country
        // ("France's", "Armenian"), else the article's nearest country.
        int32_t body_actor = -1;
        {
          uint32_t p = i;
          if (p > 0 && (word(p - 1) == "'s" || word(p - 1) == "\xE2\x80\x99s")) --p;
          if (p > 0 && st.tok_mention[p - 1] >= 0) {
            const Mention& bm = st.out->mentions[st.tok_mention[p - 1]];
            if (bm.actor >= 0 && st.out->actors[bm.actor].kind == ActorKind::kOrganization)
              body_actor = bm.actor;
          }
        }
        std::string sector = role.sector;
        const std::string_view title_text =
            st.text.substr(tok(i).begin, tok(k - 1).end - tok(i).begin);
        if (ContainsWord(role.role, "minister") || ContainsWord(role.role, "secretary"))
          sector = "GOV";
        std::string country, cameo, role_text = role.role;
        if (body_actor >= 0) {
          const Actor& b = st.out->actors[body_actor];
          country = b.country;
          cameo = b.cameo;
          role_text = b.name + " " + std::string(title_text);
        } else {
          int32_t ci = CountryBefore(i);
          if (ci < 0) ci = CountryFromContext(i);
          if (ci >= 0) {
            const KbCountry& c = r.kb_.countries[ci];
            country = c.iso3;
            cameo = c.cameo + sector;
          }
        }
        const std::string_view name = st.text.substr(tok(k).begin, tok(j - 1).end - tok(k).begin);
        a = NamedActor(name, ActorKind::kPerson, country, role_text, cameo);
        RememberName(k, j, a);
      }
      Emit(k, j, ActorKind::kPerson, a, coref);
      return j - i;
    }
    return m.len;
  }
  // No name follows: "the French minister", "the president".
  uint32_t p = i;
  int32_t ci = -1;
  while (p > 0 && st.tok_country[p - 1] >= 0 && st.tok_mention[p - 1] < 0) {
    ci = st.tok_country[p - 1];
    --p;
  }
  if (p > 0 && (word(p - 1) == "the" || word(p - 1) == "The")) {
    const int32_t a = DescribedPerson(role, ci, p - 1);
    if (a >= 0) Emit(p - 1, k, ActorKind::kPerson, a, true);
  }
  return m.len;
}

}  // namespace annals::actors
