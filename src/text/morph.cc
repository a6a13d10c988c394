// Light English morphology: enough to find a verb's lemma and a clause's
// tense for event coding and date normalisation. Irregular verbs come from
// a table; regular forms are undone by suffix rules.
#include <algorithm>
#include <array>
#include <string>

#include "text/text.h"

namespace annals {
namespace {

struct Irregular {
  std::string_view form;
  std::string_view lemma;
  bool past;
};

// Sorted by form for binary search.
constexpr Irregular kIrregular[] = {
    {"am", "be", false},        {"are", "be", false},       {"arose", "arise", true},
    {"arisen", "arise", true},  {"ate", "eat", true},       {"awoke", "awake", true},
    {"been", "be", true},       {"began", "begin", true},   {"begun", "begin", true},
    {"bid", "bid", true},       {"bore", "bear", true},     {"borne", "bear", true},
    {"bought", "buy", true},    {"bound", "bind", true},    {"broke", "break", true},
    {"broken", "break", true},  {"brought", "bring", true}, {"built", "build", true},
    {"burnt", "burn", true},    {"came", "come", true},     {"caught", "catch", true},
    {"chose", "choose", true},  {"chosen", "choose", true}, {"clung", "cling", true},
    {"could", "can", true},     {"dealt", "deal", true},    {"did", "do", true},
    {"does", "do", false},      {"done", "do", true},       {"drew", "draw", true},
    {"driven", "drive", true},  {"drove", "drive", true},   {"dug", "dig", true},
    {"fallen", "fall", true},   {"fed", "feed", true},      {"fell", "fall", true},
    {"felt", "feel", true},     {"fled", "flee", true},     {"flew", "fly", true},
    {"fought", "fight", true},  {"found", "find", true},    {"forbade", "forbid", true},
    {"forbidden", "forbid", true}, {"forgave", "forgive", true}, {"forgiven", "forgive", true},
    {"froze", "freeze", true},  {"frozen", "freeze", true}, {"gave", "give", true},
    {"given", "give", true},    {"gone", "go", true},       {"got", "get", true},
    {"gotten", "get", true},    {"grew", "grow", true},     {"grown", "grow", true},
    {"had", "have", true},      {"has", "have", false},     {"heard", "hear", true},
    {"held", "hold", true},     {"hid", "hide", true},      {"hidden", "hide", true},
    {"hit", "hit", true},       {"hung", "hang", true},     {"is", "be", false},
    {"kept", "keep", true},     {"knew", "know", true},     {"known", "know", true},
    {"laid", "lay", true},      {"led", "lead", true},      {"left", "leave", true},
    {"lent", "lend", true},     {"lost", "lose", true},     {"made", "make", true},
    {"meant", "mean", true},    {"met", "meet", true},      {"might", "may", true},
    {"overcame", "overcome", true}, {"overran", "overrun", true}, {"overseen", "oversee", true},
    {"oversaw", "oversee", true}, {"overthrew", "overthrow", true}, {"overthrown", "overthrow", true},
    {"paid", "pay", true},      {"put", "put", true},       {"quit", "quit", true},
    {"ran", "run", true},       {"rang", "ring", true},     {"read", "read", false},
    {"rode", "ride", true},     {"rose", "rise", true},     {"said", "say", true},
    {"sang", "sing", true},     {"sat", "sit", true},       {"saw", "see", true},
    {"says", "say", false},     {"seen", "see", true},      {"sent", "send", true},
    {"set", "set", false},      {"shot", "shoot", true},    {"shown", "show", true},
    {"shut", "shut", false},    {"slew", "slay", true},     {"sold", "sell", true},
    {"sought", "seek", true},   {"spent", "spend", true},   {"split", "split", false},
    {"spoke", "speak", true},   {"spoken", "speak", true},  {"spread", "spread", false},
    {"stole", "steal", true},   {"stolen", "steal", true},  {"stood", "stand", true},
    {"struck", "strike", true}, {"stuck", "stick", true},   {"swept", "sweep", true},
    {"swore", "swear", true},   {"sworn", "swear", true},   {"taken", "take", true},
    {"taught", "teach", true},  {"thought", "think", true}, {"threw", "throw", true},
    {"thrown", "throw", true},  {"told", "tell", true},     {"took", "take", true},
    {"tore", "tear", true},     {"torn", "tear", true},     {"understood", "understand", true},
    {"undertook", "undertake", true}, {"upheld", "uphold", true}, {"was", "be", true},
    {"went", "go", true},       {"were", "be", true},       {"withdrew", "withdraw", true},
    {"withdrawn", "withdraw", true}, {"won", "win", true},  {"wore", "wear", true},
    {"would", "will", true},    {"wound", "wind", true},    {"woke", "wake", true},
    {"wrote", "write", true},   {"written", "write", true},
};

const Irregular* FindIrregular(std::string_view w) {
  auto it = std::lower_bound(std::begin(kIrregular), std::end(kIrregular), w,
                             [](const Irregular& a, std::string_view b) { return a.form < b; });
  if (it != std::end(kIrregular) && it->form == w) return &*it;
  return nullptr;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Words ending in -ed/-s that are not verb forms we should undo.
bool IsStemException(std::string_view w) {
  static constexpr std::string_view kNo[] = {
      "bed", "red", "fed", "led", "need", "feed", "seed", "speed", "shed", "breed", "greed",
      "hundred", "sacred", "naked", "wicked", "kindred", "indeed", "bled", "wed", "deed",
      "news", "is", "was", "has", "this", "its", "us", "yes", "series", "species", "crisis",
      "analysis", "thus", "bus", "gas", "chaos", "status", "focus", "bonus", "census",
      "virus", "campus", "consensus", "process", "access", "success", "progress",
      "congress", "address", "business", "less", "unless", "across", "afterwards", "towards"};
  for (auto x : kNo)
    if (w == x) return true;
  return false;
}

}  // namespace

std::string_view LowerAscii(std::string_view word, std::string* buf) {
  buf->assign(word);
  for (char& c : *buf)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return *buf;
}

std::string_view VerbLemma(std::string_view w, std::string* buf) {
  if (const Irregular* irr = FindIrregular(w)) return irr->lemma;
  if (w.size() <= 3 || IsStemException(w)) return w;
  auto ends = [&](std::string_view suf) { return w.size() > suf.size() + 1 && w.ends_with(suf); };
  if (ends("ies")) { buf->assign(w.substr(0, w.size() - 3)); buf->push_back('y'); return *buf; }
  if (ends("ied")) { buf->assign(w.substr(0, w.size() - 3)); buf->push_back('y'); return *buf; }
  auto undouble_or_e = [&](std::string_view stem) -> std::string_view {
    // stopped -> stop; urged -> urge; visited -> visit; agreed -> agree
    const size_t n = stem.size();
    if (n >= 3 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) && stem[n - 1] != 'l' &&
        stem[n - 1] != 's' && stem[n - 1] != 'z' && stem[n - 1] != 'f') {
      buf->assign(stem.substr(0, n - 1));
      return *buf;
    }
    // A consonant + e-dropping ending: urg(e), accus(e), improv(e), stat(e).
    if (n >= 2) {
      const char last = stem[n - 1], prev = stem[n - 2];
      const bool needs_e =
          (last == 'g' && prev == 'r') || (last == 's' && IsVowel(prev) && prev != 'u' ? true : false) ||
          (last == 'v') || (last == 'z' && IsVowel(prev)) || (last == 'c' && IsVowel(prev)) ||
          (last == 't' && IsVowel(prev) && n >= 3 && !IsVowel(stem[n - 3]) && prev == 'a') ||
          (last == 'u') || (last == 'k' && prev == 'o') || (last == 'd' && prev == 'i') ||
          (last == 'n' && prev == 'i' && n >= 4) || (last == 'r' && prev == 'i') ||
          (last == 'l' && prev == 'o' && n >= 4) || (last == 'b' && prev == 'i') ||
          (last == 'g' && prev == 'n' && n >= 4 && stem[n - 3] == 'a') ||
          (last == 's' && prev == 'u') || (last == 'c' && prev == 'n') || (last == 'p' && prev == 'a') ||
          (last == 'm' && prev == 'a') || (last == 'm' && prev == 'i');
      if (needs_e) {
        buf->assign(stem);
        buf->push_back('e');
        return *buf;
      }
    }
    return stem;
  };
  if (ends("eed")) return w.substr(0, w.size() - 1);  // agreed -> agree
  if (ends("ed")) return undouble_or_e(w.substr(0, w.size() - 2));
  if (ends("ing")) return undouble_or_e(w.substr(0, w.size() - 3));
  if (ends("sses") || ends("shes") || ends("ches") || ends("xes") || ends("zes"))
    return w.substr(0, w.size() - 2);
  if (ends("s") && !ends("ss") && !ends("us")) return w.substr(0, w.size() - 1);
  return w;
}

bool IsPastForm(std::string_view w) {
  if (const Irregular* irr = FindIrregular(w)) return irr->past;
  return w.size() > 3 && w.ends_with("ed") && !IsStemException(w);
}

Tense TenseAt(std::string_view text, const TextLayer& layer, uint32_t tok) {
  if (tok >= layer.tokens.size()) return Tense::kUnknown;
  const Sentence& s = layer.sentences[layer.sentence_of[tok]];
  std::string buf, buf2;
  // Scores one token as a tense signal; returns kUnknown if it is none.
  auto signal = [&](uint32_t i) -> Tense {
    const Token& t = layer.tokens[i];
    if (!t.is(Token::kWord)) return Tense::kUnknown;
    std::string_view w = LowerAscii(t.in(text), &buf);
    if (w == "will" || w == "shall" || w == "'ll" || w == "won't" || w == "wo") return Tense::kFuture;
    if ((w == "is" || w == "are" || w == "was" || w == "were") && i + 2 < s.last) {
      std::string_view n = LowerAscii(layer.tokens[i + 1].in(text), &buf2);
      if (n == "to" || n == "due" || n == "expected" || n == "set" || n == "scheduled" ||
          n == "going" || n == "slated")
        return w == "is" || w == "are" ? Tense::kFuture : Tense::kPast;
      w = LowerAscii(t.in(text), &buf);
    }
    if (w == "plans" || w == "intends" || w == "expects") return Tense::kFuture;
    if (w == "is" || w == "are" || w == "am" || w == "says" || w == "say") return Tense::kPresent;
    if (w == "has" || w == "have") {
      // present perfect: has been, have met -> past reference
      if (i + 1 < s.last) {
        std::string_view n = LowerAscii(layer.tokens[i + 1].in(text), &buf2);
        if (IsPastForm(n)) return Tense::kPast;
      }
      return Tense::kPresent;
    }
    if (t.is(Token::kCapitalized) && i != s.first) return Tense::kUnknown;  // names: "Ted"
    if (IsPastForm(w)) {
      // A participle after "be" in a future frame ("will be held") was caught above.
      return Tense::kPast;
    }
    return Tense::kUnknown;
  };
  // Nearest signal to the left, within the clause; then to the right.
  for (uint32_t i = tok; i-- > s.first;) {
    const std::string_view tx = layer.tokens[i].in(text);
    if (tx == ";") break;
    Tense t = signal(i);
    if (t != Tense::kUnknown) return t;
  }
  for (uint32_t i = tok + 1; i < s.last; ++i) {
    const std::string_view tx = layer.tokens[i].in(text);
    if (tx == ";") break;
    Tense t = signal(i);
    if (t != Tense::kUnknown) return t;
  }
  return Tense::kUnknown;
}

}  // namespace annals
