// Plain-text boilerplate: line rules for what news sites leave in the text
// of an article (ad markers, "Read more:" teasers, share bars, sign-up
// calls, copyright lines).
//
// Design: one pass over the lines with memchr; a line is only looked at
// closely when its first letter can start a rule (a 64-entry first-byte
// filter), so long article paragraphs cost a few instructions each. The
// rules are generic classes of phrases, not strings of one page: exact
// short markers (the whole line is a known label), teaser prefixes (the
// line opens with a "more stories" header), share bars (every word is a
// network or a share verb) and copyright notices.
#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

#include "clean/clean.h"

namespace annals {
namespace {

inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
inline bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  // Non-breaking spaces (U+00A0, C2 A0) pad many scraped lines.
  while (e - b >= 2 && s[b] == '\xC2' && s[b + 1] == '\xA0') b += 2;
  while (e - b >= 2 && s[e - 2] == '\xC2' && s[e - 1] == '\xA0') e -= 2;
  return s.substr(b, e - b);
}

// Lowercases ASCII, collapses runs of spaces, drops trailing decoration
// (":", ".", "»", ">", "|", arrows) so that "Read More »" and "read more"
// compare equal. Returns false if the line is too long to be a label.
bool NormalizeLabel(std::string_view s, std::array<char, 64>* buf, std::string_view* out) {
  size_t n = 0;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = n > 0;
      continue;
    }
    if (space) {
      if (n >= buf->size()) return false;
      (*buf)[n++] = ' ';
      space = false;
    }
    if (n >= buf->size()) return false;
    (*buf)[n++] = Lower(c);
  }
  std::string_view v(buf->data(), n);
  for (;;) {
    const size_t before = v.size();
    while (!v.empty() && (v.back() == ':' || v.back() == '.' || v.back() == '>' || v.back() == '|' ||
                          v.back() == ' ' || v.back() == '-' || v.back() == '!' || v.back() == '+')) {
      v.remove_suffix(1);
    }
    // »  (C2 BB), › (E2 80 BA), → (E2 86 92), … (E2 80 A6)
    if (v.size() >= 2 && v.substr(v.size() - 2) == "\xC2\xBB") v.remove_suffix(2);
    if (v.size() >= 3 && (v.substr(v.size() - 3) == "\xE2\x80\xBA" || v.substr(v.size() - 3) == "\xE2\x86\x92" ||
                          v.substr(v.size() - 3) == "\xE2\x80\xA6")) {
      v.remove_suffix(3);
    }
    if (v.size() == before) break;
  }
  while (!v.empty() && (v.front() == '|' || v.front() == ' ' || v.front() == '-' || v.front() == '[' ||
                        v.front() == '(')) {
    v.remove_prefix(1);
  }
  while (!v.empty() && (v.back() == ']' || v.back() == ')')) v.remove_suffix(1);
  *out = v;
  return true;
}

// Whole-line labels: a line that is exactly one of these is not article text.
// Sorted for binary search.
constexpr std::string_view kLabels[] = {
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertisement - scroll to continue",
    "advertisement continue reading below",
    "advertisements",
    "advertising",
    "ap photo",
    "article continues below",
    "article continues below advertisement",
    "back to top",
    "bookmark",
    "close",
    "comment",
    "comments",
    "continue reading",
    "continue reading below",
    "continue reading the main story",
    "continue to article",
    "copy link",
    "download",
    "editor's picks",
    "editors' picks",
    "email",
    "email this",
    "file photo",
    "follow",
    "follow us",
    "full story",
    "further reading",
    "get the app",
    "getty images",
    "hide caption",
    "image",
    "image caption",
    "latest news",
    "latest stories",
    "leave a comment",
    "leave a reply",
    "listen",
    "listen to this article",
    "load more",
    "loading",
    "log in",
    "login",
    "media caption",
    "menu",
    "more",
    "more news",
    "more on this",
    "more on this story",
    "more stories",
    "most popular",
    "most read",
    "most viewed",
    "next",
    "next article",
    "next story",
    "paid content",
    "paid post",
    "partner content",
    "photo",
    "play video",
    "popular",
    "post a comment",
    "previous",
    "previous article",
    "print",
    "print this",
    "promoted",
    "promoted content",
    "read more",
    "read next",
    "recommended",
    "recommended for you",
    "recommended stories",
    "register",
    "related",
    "related articles",
    "related content",
    "related coverage",
    "related links",
    "related news",
    "related posts",
    "related stories",
    "related topics",
    "reply",
    "report an error",
    "reuter",
    "reuters",
    "save",
    "scroll to continue",
    "scroll to continue with content",
    "search",
    "see all",
    "see more",
    "share",
    "share article",
    "share on facebook",
    "share on twitter",
    "share this",
    "share this article",
    "share this page",
    "share this post",
    "share this story",
    "show caption",
    "show comments",
    "show more",
    "sign in",
    "sign up",
    "skip ad",
    "skip advertisement",
    "skip to content",
    "skip to main content",
    "sponsored",
    "sponsored content",
    "sponsored links",
    "sponsored stories",
    "story continues",
    "story continues below",
    "story continues below advertisement",
    "subscribe",
    "subscribe now",
    "tags",
    "top stories",
    "trending",
    "trending now",
    "tweet",
    "video caption",
    "view comments",
    "watch",
    "watch now",
    "watch video",
    "what to read next",
    "you may also like",
    "you might also like",
};

// Line openers of teasers and calls to action. `max_len` bounds the line
// length in bytes (0: any length) so that an article paragraph that merely
// starts with the same word survives; `boundary` asks for a non-letter after
// the prefix.
struct Prefix {
  std::string_view text;  // lowercase
  uint32_t max_len;
  // A section header ("Other Topics of Interest", "MORE STORIES") is
  // written in title case or capitals; the same words in a sentence
  // ("most popular structure so far") are not a header.
  bool header = false;
};
constexpr Prefix kPrefixes[] = {
    {"advertisement", 120},
    {"all rights reserved", 300},
    {"also read:", 600},
    {"also read", 300},
    {"also see:", 600},
    {"click here", 300},
    {"continue reading", 200},
    {"copyright", 300},
    {"don't miss:", 600},
    {"download our app", 300},
    {"download the app", 300},
    {"editor's picks", 600, true},
    {"follow us", 300},
    {"follow @", 300},
    {"for more news", 300},
    {"get our newsletter", 300},
    {"get the latest", 300},
    {"join our", 300},
    {"like us on facebook", 300},
    {"more from", 300, true},
    {"more on this:", 600},
    {"more stories", 600, true},
    {"most popular", 600, true},
    {"most read", 600, true},
    {"other topics of interest", 0, true},
    {"popular stories", 600, true},
    {"read also:", 600},
    {"read also", 300},
    {"read more:", 600},
    {"read more", 200},
    {"read next:", 600},
    {"read:", 300},
    {"recommended for you", 600, true},
    {"recommended:", 600},
    {"recommended stories", 600, true},
    {"related articles", 600, true},
    {"related coverage", 600, true},
    {"related news", 600, true},
    {"related stories", 600, true},
    {"related:", 600},
    {"see also:", 600},
    {"share on", 200},
    {"share this", 200},
    {"sign up for", 300},
    {"sign up to", 300},
    {"sign up now", 300},
    {"subscribe", 300},
    {"top stories", 600, true},
    {"trending now", 600, true},
    {"watch:", 300},
    {"you may also like", 600},
    // Wire and photo credits.
    // In parentheses only: "Reporting by the agency showed ..." is prose.
    {"(reporting by", 300},
    {"(additional reporting by", 300},
    {"(editing by", 300},
    {"(writing by", 300},
    {"(compiled by", 300},
    {"image source:", 200},
    {"image caption", 300},
    {"media caption", 300},
    {"photo:", 200},
    {"photo credit", 200},
    {"file photo:", 200},
    {"you might also like", 600},
};

// Words of a share bar ("Facebook Twitter Email Print").
constexpr std::string_view kShareWords[] = {
    "comment",  "comments", "copy",    "e-mail",   "email", "facebook", "flipboard", "google",
    "instagram", "link",    "linkedin", "mail",    "messenger", "pinterest", "pocket", "print",
    "reddit",   "save",     "share",    "sms",     "telegram",  "tumblr",    "tweet",  "twitter",
    "vk",       "whatsapp", "x",        "youtube",
};

// The first two bytes (ASCII-lowercased) of every label, prefix and share
// word: a line whose first two bytes are not in this set cannot match any
// rule, which settles most article lines after two table lookups.
struct StartFilter {
  std::array<bool, 256 * 256> ok{};
  static constexpr unsigned char L(char c) {
    return static_cast<unsigned char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
  constexpr void Add(std::string_view w) {
    if (w.size() >= 2) ok[L(w[0]) * 256 + L(w[1])] = true;
  }
  constexpr StartFilter() {
    for (const auto& p : kPrefixes) Add(p.text);
    for (const auto& l : kLabels) Add(l);
    for (const auto& w : kShareWords) {
      if (w.size() >= 2) Add(w);
      // One-letter words ("x") may be followed by anything.
      else for (int c = 0; c < 256; ++c) ok[L(w[0]) * 256 + c] = true;
    }
    // Decorations in front of labels and signs: "(", "[", "|", "-", "©",
    // "»", bullets, non-breaking spaces.
    for (int c = 0; c < 256; ++c) {
      for (unsigned char f : {'(', '[', '|', '-', '\xC2', '\xE2'}) ok[f * 256 + c] = true;
    }
  }
  bool Match(std::string_view s) const {
    if (s.size() < 2) return true;
    return ok[L(s[0]) * 256 + L(s[1])];
  }
};
constexpr StartFilter kStart;

bool StartsWithNoCase(std::string_view s, std::string_view lower_prefix) {
  if (s.size() < lower_prefix.size()) return false;
  for (size_t i = 0; i < lower_prefix.size(); ++i) {
    if (Lower(s[i]) != lower_prefix[i]) return false;
  }
  return true;
}

bool ContainsNoCase(std::string_view s, std::string_view lower_needle) {
  if (lower_needle.empty() || s.size() < lower_needle.size()) return false;
  for (size_t i = 0; i + lower_needle.size() <= s.size(); ++i) {
    if (Lower(s[i]) == lower_needle[0] && StartsWithNoCase(s.substr(i), lower_needle)) return true;
  }
  return false;
}

// "© 2024", "(c) 2019 Reuters", "Copyright 2020": a short line with a
// copyright sign or the word and a year, or "All rights reserved".
bool IsCopyrightLine(std::string_view s) {
  if (s.size() > 300) return false;
  if (s.find("\xC2\xA9") != std::string_view::npos) return true;  // ©
  if (StartsWithNoCase(s, "(c) ") && s.size() > 4 && s[4] >= '0' && s[4] <= '9') return true;
  // "reserved" is rare in articles: look for it before the full phrase.
  if ((s.find("eserved") != std::string_view::npos || s.find("ESERVED") != std::string_view::npos) &&
      ContainsNoCase(s, "all rights reserved"))
    return true;
  return false;
}

// Every word of four letters or more starts with a capital.
bool IsTitleCase(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsAlnum(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && (IsAlnum(s[j]) || s[j] == '\'')) ++j;
    if (j - i >= 4 && !(s[i] >= 'A' && s[i] <= 'Z')) return false;
    i = j;
  }
  return true;
}

bool IsShareBar(std::string_view s) {
  if (s.size() > 160) return false;
  int words = 0;
  size_t i = 0;
  std::array<char, 16> w;
  while (i < s.size()) {
    while (i < s.size() && !IsAlnum(s[i]) && s[i] != '-') {
      // Anything that is not a separator or a bullet makes it not a bar.
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (!(IsSpace(s[i]) || c == '|' || c == '/' || c == ',' || c == ':' || c == '.' || c >= 0x80)) return false;
      ++i;
    }
    if (i >= s.size()) break;
    size_t n = 0;
    while (i < s.size() && (IsAlnum(s[i]) || s[i] == '-')) {
      if (n >= w.size()) return false;
      w[n++] = Lower(s[i++]);
    }
    std::string_view word(w.data(), n);
    if (word == "on" || word == "this" || word == "via" || word == "by" || word == "the") continue;
    if (!std::binary_search(std::begin(kShareWords), std::end(kShareWords), word)) return false;
    ++words;
  }
  return words >= 2;
}

}  // namespace

bool IsBoilerplateLine(std::string_view line) {
  const std::string_view s = Trim(line);
  if (s.empty()) return false;
  // Copyright signs may stand anywhere; everything else starts the line.
  if (!kStart.Match(s)) return IsCopyrightLine(s);
  std::array<char, 64> buf;
  std::string_view label;
  if (s.size() <= 64 && NormalizeLabel(s, &buf, &label)) {
    if (!label.empty() && std::binary_search(std::begin(kLabels), std::end(kLabels), label)) return true;
  }
  for (const Prefix& p : kPrefixes) {
    if (p.max_len != 0 && s.size() > p.max_len) continue;
    if (!StartsWithNoCase(s, p.text)) continue;
    // A word boundary after a prefix that ends in a letter: "Subscribers
    // said" is not "Subscribe".
    const char last = p.text.back();
    if (IsAlnum(last) && s.size() > p.text.size() && IsAlnum(s[p.text.size()])) continue;
    if (p.header && !IsTitleCase(s.substr(0, p.text.size())) &&
        !(s.size() > p.text.size() && s[p.text.size()] == ':'))
      continue;
    if (p.text == "copyright" && !IsCopyrightLine(s) &&
        s.find_first_of("0123456789") == std::string_view::npos) {
      continue;
    }
    return true;
  }
  if (IsCopyrightLine(s)) return true;
  if (IsShareBar(s)) return true;
  // "Reporting by Jane Doe; Editing by John Roe": a wire credit line.
  if (s.size() <= 300 && StartsWithNoCase(s, "reporting by") && ContainsNoCase(s, "editing by")) return true;
  return false;
}

// Hard-wrapped text (newswires, e-mail) breaks paragraphs into lines of
// some 70 characters; a line that continues a sentence ("share on sales
// of 40.8 mln dlrs.") is not a line of its own, whatever its first word.
// A line stands alone when it opens the text, follows a blank line, a
// line that ended a sentence, a short line (a title or a label) or a
// boilerplate line; a line starting in lowercase must also be followed by
// a blank line.
void FindTextBoilerplate(std::string_view text, std::vector<Span>* out) {
  const char* base = text.data();
  const size_t n = text.size();
  size_t pos = 0;
  bool prev_open = false;  // the previous line continues into this one
  while (pos < n) {
    const void* nl = std::memchr(base + pos, '\n', n - pos);
    const size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - base) : n;
    size_t i = pos;
    while (i < end && (base[i] == ' ' || base[i] == '\t' || base[i] == '\r')) ++i;
    size_t e = end;
    while (e > i && (base[e - 1] == ' ' || base[e - 1] == '\t' || base[e - 1] == '\r')) --e;
    if (i == e) {  // blank line
      prev_open = false;
      pos = end + 1;
      continue;
    }
    bool boilerplate = false;
    if (!prev_open) {
      bool standalone = true;
      if (base[i] >= 'a' && base[i] <= 'z') {
        // Lowercase start: only as a paragraph of its own.
        size_t k = end + 1;
        while (k < n && (base[k] == ' ' || base[k] == '\t' || base[k] == '\r')) ++k;
        standalone = k >= n || base[k] == '\n';
      }
      boilerplate = standalone && IsBoilerplateLine(text.substr(i, e - i));
    }
    if (boilerplate) {
      size_t span_end = end;
      if (span_end > pos && base[span_end - 1] == '\r') --span_end;
      out->push_back(Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(span_end)});
      prev_open = false;
    } else {
      const char last = base[e - 1];
      const bool ends_sentence = last == '.' || last == '!' || last == '?' || last == '"' || last == ':' ||
                                 last == ')' || last == '\'' ||
                                 (e - i >= 3 && static_cast<unsigned char>(base[e - 3]) == 0xE2 &&
                                  base[e - 2] == '\x80' && (base[e - 1] == '\x9D' || base[e - 1] == '\x99'));
      prev_open = !ends_sentence && e - i >= 50;
    }
    pos = end + 1;
  }
}

}  // namespace annals
