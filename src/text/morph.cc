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

// The irregular forms in an open-addressing hash table built once: one
// hash and usually one comparison per word (lemmatising runs on every token
// of every sentence, so a binary search of string compares showed up in
// profiles).
class IrregularIndex {
 public:
  IrregularIndex() {
    for (const Irregular& irr : kIrregular) {
      size_t i = Hash(irr.form) & kMask;
      while (slots_[i] != nullptr) i = (i + 1) & kMask;
      slots_[i] = &irr;
    }
  }
  const Irregular* Find(std::string_view w) const {
    if (w.empty() || w.size() > 12) return nullptr;
    for (size_t i = Hash(w) & kMask; slots_[i] != nullptr; i = (i + 1) & kMask)
      if (slots_[i]->form == w) return slots_[i];
    return nullptr;
  }

 private:
  static constexpr size_t kSlots = 1024;  // load under 0.2
  static constexpr size_t kMask = kSlots - 1;
  static size_t Hash(std::string_view w) {
    uint64_t h = 1469598103934665603ull;  // FNV-1a
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  const Irregular* slots_[kSlots] = {};
};

const Irregular* FindIrregular(std::string_view w) {
  static const IrregularIndex index;
  return index.Find(w);
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Words ending in -ed/-s that are not verb forms to undo. Sorted.
constexpr std::string_view kStemExceptions[] = {
    "access", "across", "address", "afterwards", "analysis", "bed", "bled", "bonus", "breed",
    "bus", "business", "campus", "census", "chaos", "congress", "consensus", "crisis", "deed",
    "fed", "feed", "focus", "gas", "greed", "has", "hundred", "indeed", "is", "its", "kindred",
    "led", "less", "naked", "need", "news", "process", "progress", "red", "sacred", "seed",
    "series", "shed", "species", "speed", "status", "success", "this", "thus", "towards",
    "unless", "us", "virus", "was", "wed", "wicked", "yes",
};

bool IsStemException(std::string_view w) {
  return std::binary_search(std::begin(kStemExceptions), std::end(kStemExceptions), w);
}

// Common news verbs whose lemma ends in a silent -e (so "urged" -> "urge",
// not "urg"). Sorted for binary search.
constexpr std::string_view kEVerbs[] = {
    "abdicate", "abide", "abuse", "accelerate", "accommodate", "accuse", "achieve", "activate",
    "advise", "advocate", "agree", "alienate", "allege", "alleviate", "allocate", "amaze",
    "amputate", "analyse", "analyze", "annihilate", "announce", "appease", "approve", "argue",
    "arrange", "arrive", "assume", "assure", "attribute", "authorize", "bake", "balance",
    "base", "become", "behave", "believe", "blame", "bribe", "bruise", "calculate", "capture",
    "care", "cause", "cease", "celebrate", "challenge", "change", "charge", "chase", "choke",
    "circulate", "cite", "close", "collapse", "combine", "commemorate", "compare", "compete",
    "compile", "complete", "compromise", "concede", "conclude", "condone", "confiscate",
    "confuse", "congratulate", "consolidate", "constitute", "consume", "continue", "contribute",
    "convene", "convince", "cooperate", "coordinate", "create", "criticise", "criticize", "cue",
    "cure", "damage", "dance", "debate", "decentralize", "decide", "declare", "decline",
    "decrease", "dedicate", "define", "delegate", "delete", "demobilize", "demonstrate",
    "denounce", "deplore", "deprecate", "deprive", "derive", "describe", "deserve", "designate",
    "desire", "destabilize", "deteriorate", "determine", "devastate", "devote", "die", "dine",
    "disagree", "disapprove", "discharge", "disclose", "discourage", "disguise", "dislike",
    "dismantle", "disparage", "dispense", "dispose", "dispute", "dissolve", "distribute",
    "divide", "dominate", "donate", "dose", "double", "drive", "dye", "educate", "elaborate",
    "eliminate", "emerge", "emphasise", "emphasize", "enable", "encircle", "encourage",
    "endorse", "endure", "energize", "enforce", "engage", "enhance", "enlarge", "ensure",
    "entitle", "erase", "escalate", "escape", "evacuate", "evade", "evaluate", "evolve",
    "examine", "exchange", "excite", "exclude", "excuse", "execute", "exercise", "expire",
    "explode", "explore", "expose", "facilitate", "fare", "figure", "finalise", "finalize",
    "finance", "fire", "force", "forge", "formulate", "free", "fuse", "generate", "give",
    "glimpse", "grade", "graduate", "guarantee", "guide", "handle", "hate", "hire", "hope",
    "house", "ignite", "ignore", "illustrate", "imagine", "immunize", "impede", "implicate",
    "impose", "improve", "incite", "include", "increase", "indicate", "induce", "initiate",
    "inquire", "inspire", "institute", "insure", "integrate", "interfere", "intimidate",
    "introduce", "investigate", "invite", "involve", "isolate", "issue", "judge", "juxtapose",
    "leave", "legislate", "liberalize", "liberate", "like", "line", "liquidate", "live",
    "locate", "lose", "love", "manage", "manipulate", "mediate", "merge", "migrate", "mine",
    "mobilise", "mobilize", "moderate", "motivate", "move", "narrate", "nationalise",
    "nationalize", "negate", "negotiate", "nominate", "normalize", "note", "notice", "obligate",
    "oblige", "observe", "operate", "oppose", "orchestrate", "organise", "organize", "outrage",
    "owe", "participate", "paste", "pause", "perceive", "persuade", "phase", "pile", "place",
    "plague", "please", "pledge", "poke", "pose", "practise", "praise", "precede", "prepare",
    "preside", "presume", "privatize", "probe", "produce", "promote", "pronounce", "propose",
    "prosecute", "provide", "provoke", "purchase", "pursue", "quote", "race", "raise", "rape",
    "rate", "realise", "realize", "receive", "recognise", "recognize", "reconcile", "reduce",
    "refine", "refuse", "regulate", "rehabilitate", "reinforce", "reintegrate", "reiterate",
    "rejoice", "relate", "release", "relocate", "remove", "renegotiate", "renounce", "replace",
    "require", "rescue", "reserve", "reshape", "reshuffle", "reside", "resolve", "restore",
    "resume", "retake", "retaliate", "retire", "reunite", "revise", "revive", "revoke",
    "ridicule", "rule", "sabotage", "save", "scare", "schedule", "score", "secure", "seize",
    "sense", "serve", "settle", "shape", "share", "shave", "shine", "shore", "sideline",
    "smile", "smoke", "solve", "speculate", "spike", "stabilise", "stabilize", "stage", "state",
    "stimulate", "store", "strangle", "strike", "subside", "substitute", "suffocate",
    "supervise", "suppose", "surge", "surprise", "survive", "sympathize", "tackle", "take",
    "terminate", "tie", "tolerate", "torture", "trade", "translate", "tribute", "trouble",
    "tune", "type", "underscore", "undertake", "unite", "update", "urge", "use", "vacate",
    "validate", "value", "violate", "vote", "wage", "waive", "welcome", "wipe", "wrestle",
    "write",
};

bool IsEVerb(std::string_view w) {
  return std::binary_search(std::begin(kEVerbs), std::end(kEVerbs), w);
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
    const size_t n = stem.size();
    // urged -> urge, accused -> accuse: the lemma is the stem + "e" when that
    // is a known verb ending in -e.
    buf->assign(stem);
    buf->push_back('e');
    if (IsEVerb(*buf)) return *buf;
    // stopped -> stop; but pressed, called, added keep their double letter.
    if (n >= 3 && stem[n - 1] == stem[n - 2] && !IsVowel(stem[n - 1]) && stem[n - 1] != 'l' &&
        stem[n - 1] != 's' && stem[n - 1] != 'z' && stem[n - 1] != 'f' && stem != "add" &&
        stem != "ebb" && stem != "err") {
      buf->assign(stem.substr(0, n - 1));
      return *buf;
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


}  // namespace annals
