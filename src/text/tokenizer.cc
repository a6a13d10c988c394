// Tokenizer and sentence splitter.
//
// One left-to-right pass over the bytes. ASCII is classified with a 256-entry
// table; a non-ASCII code point is decoded and classified by its Unicode
// category (utf8proc), which keeps "Séjourné" one word and turns curly
// quotes and dashes into punctuation. Sentence ends are decided on the
// token stream: a terminal mark ends a sentence unless it belongs to an
// abbreviation that is followed by something other than a sentence start.
// Blank lines and boilerplate spans always end a sentence.
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "core/utf8.h"
#include "text/text.h"

namespace annals {
namespace {

enum Class : uint8_t { kSpace, kNewline, kLetter, kDigit, kPunctC, kApos, kHyphen, kDot, kOther };

constexpr std::array<uint8_t, 256> MakeTable() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = kPunctC;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t[' '] = t['\t'] = t['\r'] = t['\f'] = t['\v'] = kSpace;
  t['\n'] = kNewline;
  t['\''] = kApos;
  t['-'] = kHyphen;
  t['.'] = kDot;
  for (int c = 0; c < 32; ++c)
    if (c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\v') t[c] = kSpace;
  for (int c = 128; c < 256; ++c) t[c] = kOther;  // decoded separately
  return t;
}
constexpr std::array<uint8_t, 256> kTable = MakeTable();

// Classifies a non-ASCII code point.
Class ClassifyCodePoint(char32_t cp) {
  switch (cp) {
    case 0x00A0: case 0x2002: case 0x2003: case 0x2009: case 0x200A: case 0x202F:
    case 0x3000: case 0xFEFF: case 0x200B:
      return kSpace;
    case 0x2028: case 0x2029: case 0x0085:
      return kNewline;
    case 0x2019: case 0x2018:  // curly apostrophes (inside words: Côte d’Ivoire)
      return kApos;
    case 0x2010: case 0x2011:  // hyphens
      return kHyphen;
    default: break;
  }
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  switch (cat) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
      return kLetter;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
      return kDigit;
    case UTF8PROC_CATEGORY_ZS:
      return kSpace;
    case UTF8PROC_CATEGORY_ZL: case UTF8PROC_CATEGORY_ZP:
      return kNewline;
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
      return kSpace;
    default:
      return kPunctC;
  }
}

bool IsUpperCodePoint(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}
bool IsLowerCodePoint(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
}

// Abbreviations that take a dot; titles and month/day names never end a
// sentence, the others (inc., etc.) may.
struct Abbrev {
  const char* word;
  bool never_final;
};
constexpr Abbrev kAbbrevs[] = {
    {"adm", true},  {"apr", true},   {"aug", true},  {"capt", true}, {"cmdr", true},
    {"co", false},  {"col", true},   {"corp", false}, {"cpl", true},  {"dec", true},
    {"dept", false}, {"dr", true},   {"e.g", true},  {"etc", false}, {"feb", true},
    {"fig", true},  {"fri", true},   {"ft", false},  {"gen", true},  {"gov", true},
    {"i.e", true},  {"inc", false},  {"jan", true},  {"jr", false},  {"jul", true},
    {"jun", true},  {"lt", true},    {"ltd", false}, {"maj", true},  {"mar", true},
    {"mon", true},  {"mr", true},    {"mrs", true},  {"ms", true},   {"mt", true},
    {"no", true},   {"nov", true},   {"oct", true},  {"pres", true}, {"prof", true},
    {"rep", true},  {"rev", true},   {"sat", true},  {"sen", true},  {"sep", true},
    {"sept", true}, {"sgt", true},   {"sr", false},  {"st", true},   {"sun", true},
    {"thu", true},  {"thurs", true}, {"tue", true},  {"tues", true}, {"vs", true},
    {"wed", true},
};

// Returns 0 if `w` (letters only, any case) is not an abbreviation, 1 if it
// is one that may end a sentence, 2 if it never does.
int AbbrevKind(std::string_view w) {
  if (w.size() > 5) return 0;
  char buf[8];
  for (size_t i = 0; i < w.size(); ++i) {
    char c = w[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  std::string_view lw(buf, w.size());
  // "No." only as a title before a number; "no." at a sentence end is a word.
  for (const Abbrev& a : kAbbrevs)
    if (lw == a.word) return a.never_final ? 2 : 1;
  return 0;
}

// Words that typically open a sentence: after an abbreviation like "U.S."
// one of these, capitalised, signals a new sentence.
bool IsSentenceOpener(std::string_view w) {
  static constexpr std::string_view kOpeners[] = {
      "A",     "An",   "After", "Also", "And",  "As",   "At",  "But",   "He",    "Her",  "His",
      "However", "I",  "If",    "In",   "It",   "Its",  "On",  "Our",   "She",   "So",   "That",
      "The",   "Their", "There", "These", "They", "This", "Those", "We",  "When", "While", "You"};
  for (auto o : kOpeners)
    if (w == o) return true;
  return false;
}

bool IsTerminal(std::string_view t) {
  return t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6" || t == "?!" ||
         t == "!!" || t == "??";
}

bool IsClosing(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "]" || t == "\xE2\x80\x9D" ||
         t == "\xE2\x80\x99" || t == "\xC2\xBB";
}

class Scanner {
 public:
  Scanner(std::string_view text, TextLayer* out) : s_(text), out_(out) {}

  // Tokenizes bytes [begin, end), a region without boilerplate.
  void Region(size_t begin, size_t end) {
    size_t i = begin;
    while (i < end) {
      const auto c = static_cast<unsigned char>(s_[i]);
      int len = 1;
      Class cls = static_cast<Class>(kTable[c]);
      if (cls == kOther) cls = ClassifyCodePoint(DecodeUtf8(s_, i, &len));
      if (i + len > end) {  // a code point cut by a region edge: one opaque piece
        len = static_cast<int>(end - i);
        cls = kPunctC;
      }
      if (cls == kSpace) { i += len; continue; }
      if (cls == kNewline) {
        // A blank line (two newlines with only spaces between) breaks paragraphs.
        if (last_newline_ != SIZE_MAX && OnlySpaces(last_newline_ + 1, i)) pending_break_ = true;
        last_newline_ = i;
        i += len;
        continue;
      }
      size_t tok_end;
      uint16_t flags = 0;
      if (cls == kLetter) {
        tok_end = ScanWord(i, end, &flags);
      } else if (cls == kDigit) {
        tok_end = ScanNumber(i, end, &flags);
      } else {
        tok_end = ScanPunct(i, end, len, &flags);
      }
      Emit(i, tok_end, flags);
      i = tok_end;
    }
    pending_break_ = true;  // regions never share a sentence
    last_newline_ = SIZE_MAX;
  }

 private:
  bool OnlySpaces(size_t a, size_t b) const {
    for (size_t k = a; k < b; ++k)
      if (s_[k] != ' ' && s_[k] != '\t' && s_[k] != '\r') return false;
    return true;
  }

  // Class of the code point at i (kSpace at the end).
  Class ClassAt(size_t i, size_t end, int* len) const {
    *len = 1;
    if (i >= end) return kSpace;
    const auto c = static_cast<unsigned char>(s_[i]);
    Class cls = static_cast<Class>(kTable[c]);
    if (cls == kOther) cls = ClassifyCodePoint(DecodeUtf8(s_, i, len));
    if (i + *len > end) return kSpace;  // cut by the region edge: treat as a boundary
    return cls;
  }

  size_t ScanWord(size_t i, size_t end, uint16_t* flags) {
    const size_t start = i;
    int len;
    bool first_upper = false, any_lower = false;
    int letters = 0;
    {
      char32_t cp = DecodeUtf8(s_, i, &len);
      first_upper = IsUpperCodePoint(cp);
    }
    bool dotted = false;  // U.S., e.g.
    while (i < end) {
      // Fastest path: eight ASCII bytes at a time, classified with SWAR
      // range checks (a byte in [lo, hi] iff adding 0x80-lo sets its high
      // bit and adding 0x80-(hi+1) does not), advancing over the run of
      // letters and digits with one count-trailing-zeros.
      if (i + 8 <= end) {
        uint64_t w;
        std::memcpy(&w, s_.data() + i, 8);
        constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
        if ((w & kHigh) == 0) {
          const uint64_t folded = w | (0x20 * kOnes);
          const uint64_t alpha = (folded + (0x80 - 'a') * kOnes) & ~(folded + (0x80 - 'z' - 1) * kOnes) & kHigh;
          const uint64_t lower = (w + (0x80 - 'a') * kOnes) & ~(w + (0x80 - 'z' - 1) * kOnes) & kHigh;
          const uint64_t digit = (w + (0x80 - '0') * kOnes) & ~(w + (0x80 - '9' - 1) * kOnes) & kHigh;
          const uint64_t stop = ~(alpha | digit) & kHigh;  // little-endian: byte k at bits 8k..8k+7
          const int run = stop == 0 ? 8 : __builtin_ctzll(stop) / 8;
          if (run > 0) {
            const uint64_t keep = run == 8 ? ~0ull : (1ull << (8 * run)) - 1;
            // Bytes with the high bit set, counted by one multiply (the
            // portable build has no popcount instruction).
            letters += static_cast<int>((((alpha & keep) >> 7) * kOnes) >> 56);
            any_lower |= (lower & keep) != 0;
            i += run;
            if (run == 8) continue;
          }
          if (i >= end) break;
        }
      }
      // Fast path: ASCII letters and digits, the bulk of news text.
      const auto b = static_cast<unsigned char>(s_[i]);
      if (kTable[b] == kLetter) {
        ++letters;
        any_lower |= (b >= 'a');
        ++i;
        continue;
      }
      if (kTable[b] == kDigit) { ++i; continue; }
      Class cls = ClassAt(i, end, &len);
      if (cls == kLetter || cls == kDigit) {
        if (cls == kLetter) {
          ++letters;
          if (!any_lower && IsLowerCodePoint(DecodeUtf8(s_, i, &len))) any_lower = true;
        }
        i += len;
        continue;
      }
      int len2;
      if (cls == kHyphen && ClassAt(i + len, end, &len2) <= kDigit && ClassAt(i + len, end, &len2) >= kLetter) {
        *flags |= Token::kHyphenated;
        i += len;
        continue;
      }
      if (cls == kApos) {
        Class next = ClassAt(i + len, end, &len2);
        if (next == kLetter) {
          // Possessive 's stays a token of its own: "Sejourne's" -> Sejourne 's
          const char n = s_[i + len];
          int len3;
          const bool possessive = (n == 's' || n == 'S') && ClassAt(i + len + 1, end, &len3) != kLetter;
          if (possessive) break;
          i += len;
          continue;
        }
        break;
      }
      if (cls == kDot) {
        // Single letters joined by dots: U.S. / U.N. / e.g.
        int len3;
        if (letters_since_dot(start, i) == 1 && ClassAt(i + 1, end, &len2) == kLetter &&
            (ClassAt(i + 2, end, &len3) == kDot)) {
          dotted = true;
          i += 1;
          continue;
        }
        if (dotted) {  // final dot of U.S.
          i += 1;
          *flags |= Token::kAbbreviation;
        } else {
          const std::string_view w = s_.substr(start, i - start);
          const bool initial = letters == 1 && first_upper;
          if (initial || AbbrevKind(w) != 0) {
            i += 1;
            *flags |= Token::kAbbreviation;
          }
        }
        break;
      }
      break;
    }
    *flags |= Token::kWord;
    if (first_upper) *flags |= Token::kCapitalized;
    if (first_upper && !any_lower && letters >= 2) *flags |= Token::kAllCaps;
    return i;
  }

  // Letters since the last dot (or token start) before position i.
  int letters_since_dot(size_t start, size_t i) const {
    int n = 0;
    for (size_t k = i; k > start; --k) {
      if (s_[k - 1] == '.') break;
      ++n;
    }
    return n;
  }

  size_t ScanNumber(size_t i, size_t end, uint16_t* flags) {
    int len, len2;
    while (i < end) {
      Class cls = ClassAt(i, end, &len);
      if (cls == kDigit) { i += len; continue; }
      if (cls == kLetter) {  // 75th, 1990s, 10am, 3G
        i += len;
        continue;
      }
      const char c = s_[i];
      if ((c == ',' || c == '.' || c == ':' || c == '/' || c == '-') &&
          ClassAt(i + 1, end, &len2) == kDigit) {
        i += 1;
        continue;
      }
      if (cls == kHyphen && ClassAt(i + len, end, &len2) == kLetter) {  // four-hour style: 24-hour
        *flags |= Token::kHyphenated;
        i += len;
        continue;
      }
      break;
    }
    *flags |= Token::kNumber;
    return i;
  }

  size_t ScanPunct(size_t i, size_t end, int len, uint16_t* flags) {
    const unsigned char c = s_[i];
    if (c == '.' || c == '-' || c == '!' || c == '?') {  // runs: ... -- ?! !!
      size_t j = i + 1;
      while (j < end && j - i < 3 && (s_[j] == '.' || s_[j] == '-' || s_[j] == '!' || s_[j] == '?') &&
             (s_[j] == c || c == '!' || c == '?'))
        ++j;
      *flags |= Token::kPunct;
      return j;
    }
    if (c == '\'' || (len == 3 && s_.substr(i, 3) == "\xE2\x80\x99")) {
      // Possessive 's after a word: "Israel's" -> Israel 's
      int l2;
      if (i + len < end && (s_[i + len] == 's' || s_[i + len] == 'S') &&
          ClassAt(i + len + 1, end, &l2) != kLetter && !out_->tokens.empty() &&
          out_->tokens.back().end == i) {
        *flags |= Token::kWord;
        return i + len + 1;
      }
    }
    if (c == '"' || c == '\'' || c == '`') *flags |= Token::kQuote;
    if (c == '$') *flags |= Token::kCurrency;
    if (len > 1) {
      const std::string_view t = s_.substr(i, len);
      if (t == "\xE2\x80\x9C" || t == "\xE2\x80\x9D" || t == "\xE2\x80\x98" || t == "\xE2\x80\x99" ||
          t == "\xC2\xAB" || t == "\xC2\xBB")
        *flags |= Token::kQuote;
      if (t == "\xE2\x82\xAC" || t == "\xC2\xA3" || t == "\xC2\xA5" || t == "\xE2\x82\xB9")
        *flags |= Token::kCurrency;
    }
    *flags |= Token::kPunct;
    return i + len;
  }

  void Emit(size_t b, size_t e, uint16_t flags) {
    if (pending_break_) {
      flags |= Token::kParagraphStart;
      if (!out_->tokens.empty()) out_->tokens.back().flags |= kBreakAfter;
      pending_break_ = false;
    }
    out_->tokens.push_back(Token{static_cast<uint32_t>(b), static_cast<uint32_t>(e), flags});
  }

 public:
  // Internal marker bit (cleared before returning): a hard break follows.
  static constexpr uint16_t kBreakAfter = 1u << 15;

 private:
  std::string_view s_;
  TextLayer* out_;
  bool pending_break_ = true;
  size_t last_newline_ = SIZE_MAX;
};

void SplitSentences(std::string_view text, TextLayer* out) {
  auto& toks = out->tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  uint32_t first = 0;
  auto close = [&](uint32_t last) {  // [first, last)
    if (last <= first) return;
    out->sentences.push_back(Sentence{first, last, toks[first].begin, toks[last - 1].end});
    toks[first].flags |= Token::kSentenceStart;
    first = last;
  };
  for (uint32_t i = 0; i < n; ++i) {
    Token& t = toks[i];
    if (t.flags & Scanner::kBreakAfter) {
      t.flags &= ~Scanner::kBreakAfter;
      close(i + 1);
      continue;
    }
    const std::string_view tx = t.in(text);
    bool ends = false;
    uint32_t last = i + 1;
    if (t.is(Token::kPunct) && IsTerminal(tx)) {
      // Closing quotes and brackets stay with the sentence they close.
      while (last < n && toks[last].is(Token::kPunct) && IsClosing(toks[last - 0].in(text)) &&
             !(toks[last - 1].flags & Scanner::kBreakAfter))
        ++last;
      ends = true;
      if (last < n) {
        const Token& next = toks[last];
        // "... 3.5 p.m. on" / "said: ... and" : lowercase continuation is no end.
        if (next.is(Token::kWord) && !next.is(Token::kCapitalized) && tx == "...") ends = false;
      }
    } else if (t.is(Token::kAbbreviation) && i + 1 < n && !(t.flags & Scanner::kBreakAfter)) {
      // An abbreviation ends a sentence only if what follows opens one.
      const Token& next = toks[i + 1];
      const std::string_view w = tx.substr(0, tx.size() - 1);
      const int kind = tx.find('.') < tx.size() - 1 ? 1 : AbbrevKind(w);
      const bool initial = w.size() == 1;
      if (kind == 1 && !initial && next.is(Token::kCapitalized) && IsSentenceOpener(next.in(text)))
        ends = true;
    }
    if (ends) {
      // Absorbed closing tokens end with the sentence: their break markers
      // have nothing left to break.
      for (uint32_t k = i + 1; k < last; ++k) toks[k].flags &= ~Scanner::kBreakAfter;
      close(last);
      i = last - 1;
    }
  }
  close(n);
  out->sentence_of.resize(n);
  for (uint32_t s = 0; s < out->sentences.size(); ++s)
    for (uint32_t k = out->sentences[s].first; k < out->sentences[s].last; ++k) out->sentence_of[k] = s;
}

}  // namespace

void Tokenize(std::string_view text, const std::vector<Span>& boilerplate, TextLayer* out) {
  out->clear();
  out->tokens.reserve(text.size() / 5 + 8);
  Scanner sc(text, out);
  size_t pos = 0;
  for (const Span& b : boilerplate) {
    if (b.begin > pos) sc.Region(pos, std::min<size_t>(b.begin, text.size()));
    pos = std::max<size_t>(pos, b.end);
  }
  if (pos < text.size()) sc.Region(pos, text.size());
  SplitSentences(text, out);
}

}  // namespace annals
