// HTML page -> Document: the page's visible text as blocks, layout facts
// per block for the clean stage, and title / URL / date from the metadata.
//
// Design: gumbo (an HTML5-conformant parser that never fails on soup)
// builds the tree; one iterative walk (an explicit stack, so that deeply
// nested soup cannot overflow the call stack) writes the text. Every block
// element (p, h1-h6, li, td, div, pre, blockquote, ...) starts and ends a
// block; the text between nested blocks belongs to the innermost block
// element; blocks are separated by a blank line, inline text is joined with
// single spaces (whitespace collapsed, U+00A0 read as a space). For each
// block we record what boilerplate scoring needs: bytes inside links, DOM
// depth, tag kind, hints from tag names and class/id words of the
// ancestors (nav, footer, share, comment, article body, ...), and its
// nearest block ancestors with their subtree ranges so that the scorer can
// find the content container without the tree. A hint is kept only where
// it is plausible: a negative word on an element that wraps 40% of the
// page's text, or a byline/caption word on an element with paragraphs of
// text, describes a layout wrapper, not what is inside it.
#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "ingest/ingest.h"

namespace annals {
namespace {

inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline bool IsAsciiSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

const char* Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (IsAsciiSpace(c) || (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0)) {
      if (c == 0xC2) ++i;
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(c));
  }
  return out;
}

enum class Kind : uint8_t { kInline, kBlock, kSkip, kBreak };

Kind KindOf(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_INPUT:
      return Kind::kSkip;
    case GUMBO_TAG_BR:
      return Kind::kBreak;
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_LEGEND:
      return Kind::kBlock;
    default:
      return Kind::kInline;
  }
}

TextBlock::Tag BlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: return TextBlock::kParagraph;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: return TextBlock::kHeading;
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: return TextBlock::kListItem;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: return TextBlock::kTableCell;
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_CENTER: return TextBlock::kDiv;
    case GUMBO_TAG_PRE: return TextBlock::kPre;
    case GUMBO_TAG_BLOCKQUOTE: return TextBlock::kQuote;
    default: return TextBlock::kOther;
  }
}

// Splits a lowercased class/id string into words at anything that is not a
// letter or digit ("article__body--wide" -> article, body, wide).
template <typename F>
void ForEachWord(std::string_view s, F&& f) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) f(s.substr(i, j - i));
    i = j;
  }
}

bool Has(std::string_view s, std::string_view needle) { return s.find(needle) != std::string_view::npos; }

// Hints from the words of class, id and role: the usual vocabulary of
// page templates. Whole words for short, ambiguous ones ("ad", "nav"),
// substrings for long, unambiguous ones ("sidebar", "comment").
uint32_t HintsFromNames(std::string_view names) {
  uint32_t h = 0;
  if (names.empty()) return 0;
  ForEachWord(names, [&](std::string_view w) {
    if (w == "nav" || w == "navbar" || w == "menu" || w == "menus" || w == "pagination" || w == "pager" ||
        w == "topnav" || w == "subnav" || w == "skip" || w == "skiplink" || w == "toolbar" || w == "tabs")
      h |= TextBlock::kHintNav;
    if (w == "footer" || w == "foot" || w == "copyright" || w == "colophon") h |= TextBlock::kHintFooter;
    if (w == "header" || w == "masthead" || w == "topbar" || w == "banner") h |= TextBlock::kHintHeader;
    if (w == "sidebar" || w == "aside" || w == "rail" || w == "related" || w == "recommended" ||
        w == "recommendations" || w == "recirc" || w == "widget" || w == "widgets" || w == "popular" ||
        w == "trending" || w == "teaser" || w == "teasers" || w == "outbrain" || w == "taboola" || w == "promo" ||
        w == "promos" || w == "more" || w == "readmore" || w == "also" || w == "newsfeed" || w == "sidebox")
      h |= TextBlock::kHintAside;
    if (w == "comment" || w == "comments" || w == "disqus" || w == "respond" || w == "replies" ||
        w == "reply")
      h |= TextBlock::kHintComment;
    if (w == "share" || w == "sharing" || w == "social" || w == "sharebar" || w == "addthis" ||
        w == "sns" || w == "socials" || w == "shares")
      h |= TextBlock::kHintShare;
    if (w == "ad" || w == "ads" || w == "advert" || w == "adverts" || w == "advertisement" || w == "adv" ||
        w == "advertising" || w == "sponsor" || w == "sponsored" || w == "dfp" || w == "gpt" || w == "adslot" ||
        w == "adunit" || w == "adcontainer" || w == "adwrapper")
      h |= TextBlock::kHintAd;
    if (w == "cookie" || w == "cookies" || w == "consent" || w == "gdpr" || w == "newsletter" ||
        w == "subscribe" || w == "subscription" || w == "signup" || w == "paywall" || w == "popup" ||
        w == "modal" || w == "overlay")
      h |= TextBlock::kHintCookie;
    if (w == "caption" || w == "captions" || w == "figcaption" || w == "credit" || w == "credits" ||
        w == "figure" || w == "gallery" || w == "slideshow")
      h |= TextBlock::kHintFigure;
    if (w == "byline" || w == "author" || w == "authors" || w == "dateline" || w == "timestamp" ||
        w == "date" || w == "meta" || w == "published" || w == "updated" || w == "posted")
      h |= TextBlock::kHintByline;
    if (w == "tags" || w == "tag" || w == "keywords" || w == "topics" || w == "categories" ||
        w == "tagged")
      h |= TextBlock::kHintTags;
    if (w == "main" || w == "content" || w == "maincontent") h |= TextBlock::kHintMain;
  });
  // Compound names written without separators.
  if (Has(names, "sidebar") || Has(names, "related") || Has(names, "recommend") || Has(names, "outbrain") ||
      Has(names, "taboola") || Has(names, "trending") || Has(names, "mostread") || Has(names, "most-read") ||
      Has(names, "mostpopular") || Has(names, "most-popular"))
    h |= TextBlock::kHintAside;
  if (Has(names, "comment") || Has(names, "disqus")) h |= TextBlock::kHintComment;
  if (Has(names, "navigation") || Has(names, "breadcrumb") || Has(names, "navbar") || Has(names, "mainmenu"))
    h |= TextBlock::kHintNav;
  if (Has(names, "footer")) h |= TextBlock::kHintFooter;
  if (Has(names, "sharing") || Has(names, "sharebar") || Has(names, "share-") || Has(names, "social"))
    h |= TextBlock::kHintShare;
  if (Has(names, "advert") || Has(names, "sponsor") || Has(names, "adslot") || Has(names, "ad-slot") ||
      Has(names, "ad-container") || Has(names, "ad-wrapper") || Has(names, "adunit"))
    h |= TextBlock::kHintAd;
  if (Has(names, "cookie") || Has(names, "consent") || Has(names, "newsletter") || Has(names, "subscri") ||
      Has(names, "signup") || Has(names, "paywall"))
    h |= TextBlock::kHintCookie;
  if (Has(names, "caption")) h |= TextBlock::kHintFigure;
  if (Has(names, "byline") || Has(names, "dateline")) h |= TextBlock::kHintByline;
  if (Has(names, "articlebody") || Has(names, "article-body") || Has(names, "article_body") ||
      Has(names, "article__body") || Has(names, "story-body") || Has(names, "storybody") ||
      Has(names, "story_body") || Has(names, "post-body") || Has(names, "postbody") ||
      Has(names, "entry-content") || Has(names, "post-content") || Has(names, "article-content") ||
      Has(names, "articlecontent") || Has(names, "article_content") || Has(names, "story-content") ||
      Has(names, "article-text") || Has(names, "articletext") || Has(names, "story-text") ||
      Has(names, "body-text") || Has(names, "bodytext") || Has(names, "entry-body") ||
      Has(names, "post-entry") || Has(names, "text-body") || Has(names, "article__content") ||
      Has(names, "content-body") || Has(names, "article-main") || Has(names, "main-text"))
    h |= TextBlock::kHintArticle;
  return h;
}

uint32_t ElementHints(const GumboElement& e) {
  uint32_t h = 0;
  switch (e.tag) {
    case GUMBO_TAG_NAV: h |= TextBlock::kHintNav; break;
    case GUMBO_TAG_FOOTER: h |= TextBlock::kHintFooter; break;
    case GUMBO_TAG_HEADER: h |= TextBlock::kHintHeader; break;
    case GUMBO_TAG_ASIDE: h |= TextBlock::kHintAside; break;
    case GUMBO_TAG_ARTICLE: h |= TextBlock::kHintArticle; break;
    case GUMBO_TAG_MAIN: h |= TextBlock::kHintMain; break;
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_FIELDSET: h |= TextBlock::kHintForm; break;
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: h |= TextBlock::kHintFigure; break;
    case GUMBO_TAG_TIME: h |= TextBlock::kHintByline; break;
    case GUMBO_TAG_ADDRESS: h |= TextBlock::kHintByline; break;
    default: break;
  }
  if (e.tag == GUMBO_TAG_HTML || e.tag == GUMBO_TAG_BODY) return h;
  if (Attr(e, "hidden") != nullptr) h |= TextBlock::kHintHidden;
  if (const char* v = Attr(e, "aria-hidden"); v != nullptr && LowerAscii(v) == "true") h |= TextBlock::kHintHidden;
  if (const char* v = Attr(e, "style")) {
    std::string s = LowerAscii(v);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (Has(s, "display:none") || Has(s, "visibility:hidden")) h |= TextBlock::kHintHidden;
  }
  if (const char* v = Attr(e, "itemprop")) {
    const std::string s = LowerAscii(v);
    if (Has(s, "articlebody") || s == "text") h |= TextBlock::kHintArticle;
    if (Has(s, "author")) h |= TextBlock::kHintByline;
  }
  if (const char* v = Attr(e, "role")) {
    const std::string s = LowerAscii(v);
    if (s == "navigation" || s == "menu" || s == "menubar") h |= TextBlock::kHintNav;
    if (s == "contentinfo") h |= TextBlock::kHintFooter;
    if (s == "banner") h |= TextBlock::kHintHeader;
    if (s == "complementary") h |= TextBlock::kHintAside;
    if (s == "main") h |= TextBlock::kHintMain;
    if (s == "dialog" || s == "alertdialog") h |= TextBlock::kHintCookie;
  }
  std::string names;
  if (const char* v = Attr(e, "class")) {
    names.append(v);
    // Hiding classes count only as whole class names: "hidden" hides,
    // "field-label-hidden" hides a label, not this element.
    std::string_view cls(v);
    size_t i = 0;
    while (i < cls.size()) {
      while (i < cls.size() && IsAsciiSpace(static_cast<unsigned char>(cls[i]))) ++i;
      size_t j = i;
      while (j < cls.size() && !IsAsciiSpace(static_cast<unsigned char>(cls[j]))) ++j;
      const std::string c = LowerAscii(cls.substr(i, j - i));
      if (c == "hidden" || c == "hide" || c == "sr-only" || c == "visually-hidden" || c == "visuallyhidden" ||
          c == "screen-reader-text" || c == "screen-reader-only" || c == "invisible" || c == "d-none")
        h |= TextBlock::kHintHidden;
      i = j;
    }
  }
  if (const char* v = Attr(e, "id")) names.append(" ").append(v);
  if (!names.empty()) h |= HintsFromNames(LowerAscii(names));
  return h;
}

// Writes the visible text and blocks.
class TextWriter {
 public:
  explicit TextWriter(Document* doc) : doc_(doc) {}

  void Text(std::string_view s, bool pre) {
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == '\r') continue;
      if (c == '\n' && pre) {
        if (open_) SetPending(kNewline);
        continue;
      }
      if (IsAsciiSpace(c)) {
        // Inside <pre>, spaces are text (once the block has begun).
        if (pre && open_ && (c == ' ' || c == '\t')) {
          Flush();
          Emit(static_cast<char>(c));
          continue;
        }
        if (open_ && pending_ == kNone) SetPending(kSpace);
        continue;
      }
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
        ++i;
        if (open_ && pending_ == kNone) SetPending(kSpace);
        continue;
      }
      // U+200B zero width space and U+FEFF byte order marks: invisible.
      if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\x8B') { i += 2; continue; }
      if (c == 0xEF && i + 2 < s.size() && s[i + 1] == '\xBB' && s[i + 2] == '\xBF') { i += 2; continue; }
      if (!open_) Open();
      Flush();
      Emit(static_cast<char>(c));
    }
  }

  void Break() {
    if (open_) SetPending(kNewline);
  }

  // Ends the current block (if any text was written since it began).
  void EndBlock() {
    if (!open_) return;
    TextBlock& b = doc_->blocks.back();
    b.span.end = static_cast<uint32_t>(doc_->text.size());
    open_ = false;
    pending_ = kNone;
  }

  // Facts of the innermost block element, used when its next block opens.
  struct Context {
    TextBlock::Tag tag = TextBlock::kOther;
    uint16_t depth = 0;
    uint32_t hints = 0;
    std::array<uint32_t, TextBlock::kAncestors> ancestor{};
  };
  void SetContext(const Context& c) { ctx_ = c; }
  void SetInLink(bool in) { in_link_ = in; }

 private:
  enum Pending : uint8_t { kNone, kSpace, kNewline };
  void Open() {
    if (!doc_->text.empty()) doc_->text.append("\n\n");
    TextBlock b;
    b.span.begin = b.span.end = static_cast<uint32_t>(doc_->text.size());
    b.tag = ctx_.tag;
    b.depth = ctx_.depth;
    b.hints = ctx_.hints;
    b.ancestor = ctx_.ancestor;
    doc_->blocks.push_back(b);
    open_ = true;
    pending_ = kNone;
  }
  void SetPending(Pending p) {
    pending_ = p;
    pending_in_link_ = in_link_;
  }
  // Writes a pending separator; it is link text only if it lies inside
  // the link ("a link"), not before it.
  void Flush() {
    if (pending_ == kNone) return;
    doc_->text.push_back(pending_ == kNewline ? '\n' : ' ');
    if (in_link_ && pending_in_link_) ++doc_->blocks.back().link_bytes;
    pending_ = kNone;
  }
  void Emit(char c) {
    doc_->text.push_back(c);
    if (in_link_) ++doc_->blocks.back().link_bytes;
  }

  Document* doc_;
  Context ctx_;
  bool open_ = false;
  bool in_link_ = false;
  Pending pending_ = kNone;
  bool pending_in_link_ = false;
};

struct Metadata {
  std::string og_title, title, canonical, og_url;
  std::string published_meta, itemprop_date, jsonld_date, time_datetime;
};

// "datePublished": "2019-11-20T10:00:00Z" anywhere in a JSON-LD script;
// a string search suffices (the value is all we need, and the script may
// be invalid JSON).
void FindJsonLdDate(std::string_view s, std::string* out) {
  if (!out->empty()) return;
  size_t at = s.find("\"datePublished\"");
  if (at == std::string_view::npos) return;
  size_t i = at + 15;
  while (i < s.size() && (IsAsciiSpace(static_cast<unsigned char>(s[i])) || s[i] == ':')) ++i;
  if (i >= s.size() || s[i] != '"') return;
  ++i;
  size_t j = i;
  while (j < s.size() && s[j] != '"' && j - i < 64) ++j;
  *out = std::string(s.substr(i, j - i));
}

void ReadMeta(const GumboElement& e, Metadata* m) {
  const char* content = Attr(e, "content");
  if (content == nullptr) return;
  std::string key;
  if (const char* p = Attr(e, "property")) key = LowerAscii(p);
  else if (const char* n = Attr(e, "name")) key = LowerAscii(n);
  const char* itemprop = Attr(e, "itemprop");
  if (key == "og:title" && m->og_title.empty()) m->og_title = content;
  if (key == "og:url" && m->og_url.empty()) m->og_url = content;
  if ((key == "article:published_time" || key == "og:published_time" || key == "published_time" ||
       key == "datepublished" || key == "pubdate" || key == "publishdate" || key == "publish-date" ||
       key == "dc.date.issued" || key == "dcterms.created" || key == "parsely-pub-date" ||
       key == "sailthru.date" || key == "date") &&
      m->published_meta.empty())
    m->published_meta = content;
  if (itemprop != nullptr && LowerAscii(itemprop) == "datepublished" && m->itemprop_date.empty())
    m->itemprop_date = content;
}

// Date strings in metadata: ISO first; some sites write "2019/11/20" or
// "20191120"; those are read too.
std::optional<CivilDate> ParseMetaDate(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  if (auto d = ParseIsoDate(s)) return d;
  if (s.size() >= 10 && (s[4] == '/' || s[4] == '.') && s[7] == s[4]) {
    std::string t(s.substr(0, 10));
    t[4] = t[7] = '-';
    return ParseIsoDate(t);
  }
  if (s.size() >= 8 && std::all_of(s.begin(), s.begin() + 8, [](char c) { return c >= '0' && c <= '9'; }) &&
      (s.size() == 8 || !std::isdigit(static_cast<unsigned char>(s[8])))) {
    char t[10] = {s[0], s[1], s[2], s[3], '-', s[4], s[5], '-', s[6], s[7]};
    return ParseIsoDate(std::string_view(t, 10));
  }
  return std::nullopt;
}

std::string NodeText(const GumboNode* n) {
  std::string out;
  std::vector<const GumboNode*> stack{n};
  // Depth-first, children in order: push in reverse.
  while (!stack.empty()) {
    const GumboNode* x = stack.back();
    stack.pop_back();
    if (x->type == GUMBO_NODE_TEXT || x->type == GUMBO_NODE_WHITESPACE || x->type == GUMBO_NODE_CDATA) {
      out.append(x->v.text.text);
    } else if (x->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& ch = x->v.element.children;
      for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
  }
  return out;
}

// Gumbo checks its stack of open elements on every tag, so a page nested
// thousands of levels deep (hostile or broken input) costs time quadratic
// in the depth. Estimates the nesting from the tags that stay open until
// closed; pages beyond kMaxNesting are read without a tree (StripTags).
constexpr int kMaxNesting = 4000;

int EstimatedNesting(std::string_view html) {
  static constexpr std::string_view kNesting[] = {
      "a", "abbr", "article", "aside", "b", "big", "blockquote", "button", "center", "cite", "code", "div",
      "dl", "em", "font", "footer", "form", "header", "i", "label", "main", "mark", "nav", "ol", "q", "s",
      "section", "small", "span", "strong", "sub", "sup", "table", "tt", "u", "ul"};
  int depth = 0, max_depth = 0;
  for (size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i + 1)) {
    size_t j = i + 1;
    const bool close = html[j] == '/';
    if (close) ++j;
    char name[12];
    size_t n = 0;
    while (j < html.size() && n < sizeof name && std::isalnum(static_cast<unsigned char>(html[j]))) {
      name[n++] = Lower(html[j++]);
    }
    if (n == 0 || n == sizeof name) continue;
    if (!std::binary_search(std::begin(kNesting), std::end(kNesting), std::string_view(name, n))) continue;
    if (close) {
      depth = std::max(0, depth - 1);
    } else if (++depth > max_depth) {
      max_depth = depth;
      if (max_depth > kMaxNesting) break;
    }
  }
  return max_depth;
}

// The page's text without a tree: tags become spaces (block tags blank
// lines), script/style/comments are dropped, common entities decoded; one
// block per paragraph. For pathological pages only.
void StripTags(std::string_view html, Document* doc) {
  std::string raw;
  raw.reserve(html.size() / 2);
  auto starts = [&](size_t i, std::string_view w) {
    if (i + w.size() > html.size()) return false;
    for (size_t k = 0; k < w.size(); ++k) {
      if (Lower(html[i + k]) != w[k]) return false;
    }
    return true;
  };
  size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      size_t end;
      if (starts(i, "<!--")) {
        end = html.find("-->", i + 4);
        end = end == std::string_view::npos ? html.size() : end + 3;
      } else if (starts(i, "<script") || starts(i, "<style")) {
        const std::string_view closer = starts(i, "<script") ? "</script" : "</style";
        end = i + 1;
        while (end < html.size() && !starts(end, closer)) ++end;
        end = html.find('>', end);
        end = end == std::string_view::npos ? html.size() : end + 1;
      } else {
        end = html.find('>', i);
        end = end == std::string_view::npos ? html.size() : end + 1;
      }
      const bool block = starts(i, "<p") || starts(i, "</p") || starts(i, "<div") || starts(i, "</div") ||
                         starts(i, "<br") || starts(i, "<li") || starts(i, "<h") || starts(i, "</h") ||
                         starts(i, "<tr") || starts(i, "<td");
      raw.append(block ? "\n\n" : " ");
      i = end;
      continue;
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, std::string_view> kEntities[] = {
          {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"},
          {"&nbsp;", " "}};
      bool done = false;
      for (const auto& [name, value] : kEntities) {
        if (html.substr(i, name.size()) == name) {
          raw.append(value);
          i += name.size();
          done = true;
          break;
        }
      }
      if (!done && i + 2 < html.size() && html[i + 1] == '#') {
        size_t j = i + 2;
        const bool hex = j < html.size() && (html[j] == 'x' || html[j] == 'X');
        if (hex) ++j;
        uint32_t cp = 0;
        size_t digits = 0;
        while (j < html.size() && digits < 8 && std::isxdigit(static_cast<unsigned char>(html[j])) &&
               (hex || std::isdigit(static_cast<unsigned char>(html[j])))) {
          cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(std::isdigit(static_cast<unsigned char>(html[j]))
                                                                ? html[j] - '0'
                                                                : Lower(html[j]) - 'a' + 10);
          ++j;
          ++digits;
        }
        if (digits > 0 && j < html.size() && html[j] == ';') {
          if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
          AppendUtf8(static_cast<char32_t>(cp), &raw);
          i = j + 1;
          done = true;
        }
      }
      if (done) continue;
    }
    raw.push_back(c);
    ++i;
  }
  // Paragraphs: runs of text between blank lines, whitespace collapsed.
  TextWriter writer(doc);
  TextWriter::Context ctx;
  ctx.tag = TextBlock::kDiv;
  ctx.ancestor[0] = 1;
  writer.SetContext(ctx);
  size_t pos = 0;
  while (pos < raw.size()) {
    size_t brk = raw.find("\n\n", pos);
    if (brk == std::string::npos) brk = raw.size();
    writer.Text(std::string_view(raw).substr(pos, brk - pos), false);
    writer.EndBlock();
    pos = brk + 2;
  }
  for (TextBlock& b : doc->blocks) b.ancestor_end[0] = 2;
}

}  // namespace

Status HtmlToDocument(std::string_view html, Document* doc) {
  std::string repaired;
  if (ValidUtf8Prefix(html) != html.size()) {
    doc->invalid_utf8 += RepairUtf8(html, &repaired);
    html = repaired;
  }
  if (html.size() > (1u << 30)) return Status::InvalidInput("html: page larger than 1 GiB");
  if (EstimatedNesting(html) > kMaxNesting) {
    doc->text.clear();
    doc->blocks.clear();
    StripTags(html, doc);
    return Status::Ok();
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  if (out == nullptr || out->root == nullptr) {
    if (out != nullptr) gumbo_destroy_output(&options, out);
    return Status::InvalidInput("html: cannot parse");
  }
  doc->text.clear();
  doc->blocks.clear();
  doc->text.reserve(html.size() / 4);

  Metadata meta;
  TextWriter writer(doc);

  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    bool block;       // a block element: opened a block context
    bool link;        // an <a>
    bool pre;         // inside <pre>
    uint32_t block_id;  // pre-order number among block elements (block frames)
    uint32_t hints;     // accumulated hints down to this element
    uint32_t block_hints;  // `hints` of the nearest block element (this one if a block)
    TextWriter::Context ctx;  // block context in force inside this element
  };
  std::vector<Frame> stack;
  std::vector<uint32_t> block_end(1, 0);  // subtree end per block id
  struct ElementInfo {
    uint32_t parent;   // block id of the nearest block ancestor
    uint32_t own;      // hints added by this element
    bool positive;     // this element names itself the article body
    uint64_t bytes;    // text bytes in its subtree
  };
  std::vector<ElementInfo> elements(1, ElementInfo{0, 0, false, 0});
  uint32_t next_block_id = 1;
  int link_depth = 0;

  auto enter = [&](const GumboNode* node) {
    const Frame* parent = stack.empty() ? nullptr : &stack.back();
    Frame f{node, 0, false, false, parent ? parent->pre : false, 0, parent ? parent->hints : 0u,
            parent ? parent->block_hints : 0u, parent ? parent->ctx : TextWriter::Context{}};
    const GumboElement& e = node->v.element;
    f.hints |= ElementHints(e);
    f.link = e.tag == GUMBO_TAG_A;
    if (e.tag == GUMBO_TAG_PRE) f.pre = true;
    if (KindOf(e.tag) == Kind::kBlock) {
      writer.EndBlock();
      f.block = true;
      f.block_id = next_block_id++;
      block_end.push_back(0);
      // Hints this element adds (itself and inline elements above it).
      elements.push_back({parent ? parent->ctx.ancestor[0] : 0u, f.hints & ~f.block_hints,
                          (f.hints & TextBlock::kHintArticle) != 0 && (f.block_hints & TextBlock::kHintArticle) == 0, 0});
      f.block_hints = f.hints;
      f.ctx.tag = BlockTag(e.tag);
      f.ctx.depth = static_cast<uint16_t>(std::min<size_t>(stack.size(), 0xFFFF));
      for (int i = TextBlock::kAncestors - 1; i > 0; --i) f.ctx.ancestor[i] = f.ctx.ancestor[i - 1];
      f.ctx.ancestor[0] = f.block_id;
      // A block takes the hints of its element and all its ancestors,
      // inline ones included (<span class="byline"><div>...).
      f.ctx.hints = f.hints;
    }
    if (f.link) ++link_depth;
    writer.SetInLink(link_depth > 0);
    writer.SetContext(f.ctx);
    stack.push_back(f);
  };
  auto leave = [&]() {
    const Frame f = stack.back();
    stack.pop_back();
    if (f.link) --link_depth;
    writer.SetInLink(link_depth > 0);
    if (f.block) {
      writer.EndBlock();
      block_end[f.block_id] = next_block_id;
    }
    if (!stack.empty()) writer.SetContext(stack.back().ctx);
  };

  // Metadata lives in <head> (and JSON-LD anywhere): one pass over every
  // element that the text walk skips or does not look at.
  {
    std::vector<const GumboNode*> all{out->root};
    while (!all.empty()) {
      const GumboNode* n = all.back();
      all.pop_back();
      if (n->type != GUMBO_NODE_ELEMENT) continue;
      const GumboElement& e = n->v.element;
      switch (e.tag) {
        case GUMBO_TAG_META: ReadMeta(e, &meta); break;
        case GUMBO_TAG_TITLE:
          if (meta.title.empty()) meta.title = NodeText(n);
          break;
        case GUMBO_TAG_LINK:
          if (const char* rel = Attr(e, "rel"); rel != nullptr && LowerAscii(rel) == "canonical") {
            if (const char* href = Attr(e, "href"); href != nullptr && meta.canonical.empty()) meta.canonical = href;
          }
          break;
        case GUMBO_TAG_SCRIPT:
          if (const char* type = Attr(e, "type"); type != nullptr && LowerAscii(type) == "application/ld+json") {
            FindJsonLdDate(NodeText(n), &meta.jsonld_date);
          }
          break;
        case GUMBO_TAG_TIME:
          if (const char* dt = Attr(e, "datetime"); dt != nullptr && meta.time_datetime.empty()) {
            meta.time_datetime = dt;
          }
          [[fallthrough]];
        default:
          if (const char* ip = Attr(e, "itemprop"); ip != nullptr && LowerAscii(ip) == "datepublished" &&
                                                      meta.itemprop_date.empty()) {
            if (const char* v = Attr(e, "datetime")) meta.itemprop_date = v;
            else if (const char* c = Attr(e, "content")) meta.itemprop_date = c;
          }
          break;
      }
      const GumboVector& ch = e.children;
      for (unsigned i = ch.length; i-- > 0;) all.push_back(static_cast<const GumboNode*>(ch.data[i]));
    }
  }

  // The text walk.
  enter(out->root);
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = top.node->v.element.children;
    if (top.next_child >= children.length) {
      leave();
      continue;
    }
    const GumboNode* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
    const bool pre = top.pre;
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        writer.Text(child->v.text.text, pre);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const Kind k = KindOf(child->v.element.tag);
        if (k == Kind::kSkip) break;
        if (k == Kind::kBreak) {
          writer.Break();
          break;
        }
        // Inline elements hidden by markup (display:none, hidden): their
        // text is not on the page. Hidden blocks are kept with a hint.
        if (k == Kind::kInline && (ElementHints(child->v.element) & TextBlock::kHintHidden) != 0) break;
        enter(child);
        break;
      }
      default:
        break;
    }
  }
  writer.EndBlock();
  // Effective hints. A template word on an element that wraps most of the
  // page ("ad" or "subscribe" on a layout wrapper, a page-wide <form>) says
  // nothing about the blocks inside, and neither does a negative word on
  // an element that also names itself the article body.
  for (const TextBlock& b : doc->blocks) {
    if (b.ancestor[0] < elements.size()) elements[b.ancestor[0]].bytes += b.span.size();
  }
  uint64_t total = 0;
  for (size_t id = elements.size(); id-- > 1;) {
    const uint32_t p = elements[id].parent;
    if (p < id) elements[p].bytes += elements[id].bytes;
    else total += elements[id].bytes;
  }
  total = std::max<uint64_t>(total, elements.size() > 1 ? elements[1].bytes : 0);
  constexpr uint32_t kWrapperNeutral = TextBlock::kHintAd | TextBlock::kHintCookie | TextBlock::kHintShare |
                                       TextBlock::kHintAside | TextBlock::kHintNav | TextBlock::kHintHeader |
                                       TextBlock::kHintFooter | TextBlock::kHintForm |
                                       TextBlock::kHintHidden;
  std::vector<uint32_t> effective(elements.size(), 0);
  for (size_t id = 1; id < elements.size(); ++id) {
    uint32_t own = elements[id].own;
    if (elements[id].bytes * 10 > total * 4) own &= ~kWrapperNeutral;
    // A byline, a tag list or a caption is short; an element holding more
    // text is a wrapper that happens to carry the word ("entry-meta").
    if (elements[id].bytes > 400) own &= ~(TextBlock::kHintByline | TextBlock::kHintTags);
    if (elements[id].bytes > 1500) own &= ~TextBlock::kHintFigure;
    if (elements[id].positive) own &= ~(TextBlock::kHintAd | TextBlock::kHintCookie | TextBlock::kHintAside | TextBlock::kHintShare);
    const uint32_t p = elements[id].parent;
    effective[id] = (p < id ? effective[p] : 0u) | own;
  }
  for (TextBlock& b : doc->blocks) {
    if (b.ancestor[0] < effective.size()) b.hints = effective[b.ancestor[0]];
  }
  // Subtree ends of each block's ancestors, now that all are known.
  for (TextBlock& b : doc->blocks) {
    for (int i = 0; i < TextBlock::kAncestors; ++i) {
      const uint32_t id = b.ancestor[i];
      b.ancestor_end[i] = (id != 0 && id < block_end.size()) ? block_end[id] : 0;
    }
  }
  gumbo_destroy_output(&options, out);

  // Metadata into the document.
  std::string title = CollapseSpaces(!meta.og_title.empty() ? meta.og_title : meta.title);
  if (doc->title.empty()) doc->title = std::move(title);
  if (doc->url.empty()) doc->url = CollapseSpaces(!meta.canonical.empty() ? meta.canonical : meta.og_url);
  if (!doc->dct) {
    for (const std::string* s : {&meta.published_meta, &meta.itemprop_date, &meta.jsonld_date, &meta.time_datetime}) {
      if (s->empty()) continue;
      if (auto d = ParseMetaDate(*s)) {
        doc->dct = d;
        break;
      }
    }
  }
  // Headings that repeat the page's title are the headline, not the body.
  if (!doc->title.empty()) {
    for (TextBlock& b : doc->blocks) {
      if (b.tag != TextBlock::kHeading) continue;
      std::string_view t = std::string_view(doc->text).substr(b.span.begin, b.span.size());
      if (t.size() >= 8 && doc->title.find(t) != std::string::npos) b.hints |= TextBlock::kHintHeadline;
    }
  }
  return Status::Ok();
}

}  // namespace annals
