// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each <item> or <entry> is one
// document. A small hand-written XML scanner rather than a full parser:
// feeds in the wild are often not well-formed (stray '&', HTML inside
// <description>), and a scanner that knows comments, CDATA, processing
// instructions, doctypes, quoted attributes and element nesting recovers
// from all of that, keeps exact byte offsets for error messages, and has
// no external state to fuzz around. No entity expansion beyond the five
// XML entities, character references and a few common HTML names, so no
// billion-laughs or external-entity surprises.
//
// Per item: the id is <guid>/<id> (else "name#N"); the URL is <link> (its
// text in RSS, its href in Atom, rel="alternate" preferred); the date is
// <pubDate>, <published>, <dc:date> or <updated>; the text comes from
// <content:encoded>/<content>, else <description>/<summary>, else the title.
// Content that is HTML (Atom type="html"/"xhtml", or RSS content holding
// tags) goes through HtmlToDocument; plain text is taken as is. The feed is
// read whole (feeds are small); an item is emitted only at its end tag, so
// a truncated feed still yields every complete item. ISO-8859-1 and
// windows-1252 feeds are transcoded field by field, which keeps offsets
// those of the input.
#include <cctype>
#include <cstring>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "ingest/internal.h"

namespace annals::ingest_internal {
namespace {


std::string_view LocalName(std::string_view qname) {
  size_t colon = qname.rfind(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == ':' || c == '-' || c == '_' ||
         c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

// Decodes "&...;" at s[i] (s[i] == '&'); appends the character(s) and
// returns the length consumed, or 0 if it is not a reference we know.
size_t DecodeEntity(std::string_view s, size_t i, std::string* out) {
  size_t semi = s.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  std::string_view name = s.substr(i + 1, semi - i - 1);
  if (name.empty()) return 0;
  if (name[0] == '#') {
    uint32_t cp = 0;
    size_t k = 1;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    if (hex) k = 2;
    if (k >= name.size()) return 0;
    for (; k < name.size(); ++k) {
      const char c = name[k];
      int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
              : hex && c >= 'a' && c <= 'f'               ? c - 'a' + 10
              : hex && c >= 'A' && c <= 'F'               ? c - 'A' + 10
                                                          : -1;
      if (d < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
      if (cp > 0x10FFFF) return 0;
    }
    if (cp == 0) cp = 0xFFFD;
    AppendUtf8(static_cast<char32_t>(cp), out);
    return semi - i + 1;
  }
  static const struct {
    const char* name;
    char32_t cp;
  } kNames[] = {{"lt", '<'},        {"gt", '>'},       {"amp", '&'},      {"quot", '"'},
                {"apos", '\''},     {"nbsp", 0xA0},    {"mdash", 0x2014}, {"ndash", 0x2013},
                {"hellip", 0x2026}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C},
                {"rdquo", 0x201D},  {"copy", 0xA9}};
  for (const auto& e : kNames) {
    if (name == e.name) {
      AppendUtf8(e.cp, out);
      return semi - i + 1;
    }
  }
  return 0;
}

struct Field {
  std::string_view raw;   // inner content, undecoded
  uint64_t offset = 0;    // of raw in the input
  std::string_view type;  // Atom type attribute
  bool present = false;
};

struct Item {
  uint64_t record = 0;
  uint64_t offset = 0;
  Field title, link, id, description, content, date, updated;
  std::string href;  // Atom link
  bool href_alternate = false;
};

class FeedReader {
 public:
  FeedReader(Input& in, ReadContext& ctx) : in_(in), ctx_(ctx) {}

  void Run() {
    const uint64_t base = in_.offset();
    // Feeds are read whole; allow a generous multiple of a record.
    const size_t limit = ctx_.options().max_record_bytes > (SIZE_MAX / 8)
                             ? SIZE_MAX / 2
                             : ctx_.options().max_record_bytes * 4;
    ctx_.Begin(1);
    bool too_long = false;
    s_ = in_.ReadAll(limit, &too_long);
    if (too_long) {
      ctx_.Error(1, base, "feed larger than " + std::to_string(limit) + " bytes; skipped");
      ctx_.End();
      return;
    }
    ctx_.End();
    base_ = base;
    if (s_.size() >= 2 && (s_.substr(0, 2) == "\xFF\xFE" || s_.substr(0, 2) == "\xFE\xFF")) {
      ctx_.Error(1, base, "UTF-16 feeds are not supported; convert to UTF-8");
      return;
    }
    DetectEncoding();
    Scan();
    if (ctx_.stopped()) return;
    if (in_item_ && in_.error().ok()) {
      ctx_.Error(item_.record, base_ + item_.offset,
                 "truncated feed: item not closed before the end");
      ctx_.End();
    } else if (!in_item_) {
      ctx_.End();
    }
    if (!saw_root_ && records_ == 0 && in_.error().ok()) {
      ctx_.Error(1, base, "not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> element)");
    }
  }

 private:
  void DetectEncoding() {
    std::string_view head = s_.substr(0, 256);
    if (head.substr(0, 5) != "<?xml") return;
    size_t end = head.find("?>");
    std::string_view decl = head.substr(0, end);
    size_t e = decl.find("encoding");
    if (e == std::string_view::npos) return;
    size_t q = decl.find_first_of("\"'", e);
    if (q == std::string_view::npos) return;
    size_t q2 = decl.find(decl[q], q + 1);
    if (q2 == std::string_view::npos) return;
    std::string_view enc = decl.substr(q + 1, q2 - q - 1);
    latin1_ = EqualsNoCase(enc, "iso-8859-1") || EqualsNoCase(enc, "latin1") ||
              EqualsNoCase(enc, "windows-1252") || EqualsNoCase(enc, "cp1252") ||
              EqualsNoCase(enc, "iso-8859-15");
  }

  // Finds the end of markup starting at `i` that ends with `close`;
  // returns npos when it is unterminated.
  size_t EndOf(size_t i, std::string_view close) const {
    size_t k = s_.find(close, i);
    return k == std::string_view::npos ? k : k + close.size();
  }

  void Scan() {
    size_t pos = 0;
    const size_t n = s_.size();
    while (pos < n && !ctx_.stopped()) {
      const size_t lt = s_.find('<', pos);
      if (lt == std::string_view::npos) return;
      std::string_view rest = s_.substr(lt);
      size_t next;
      if (rest.substr(0, 4) == "<!--") {
        next = EndOf(lt + 4, "-->");
      } else if (rest.substr(0, 9) == "<![CDATA[") {
        next = EndOf(lt + 9, "]]>");
      } else if (rest.substr(0, 2) == "<?") {
        next = EndOf(lt + 2, "?>");
      } else if (rest.substr(0, 2) == "<!") {
        next = SkipDoctype(lt + 2);
      } else if (rest.substr(0, 2) == "</") {
        size_t k = lt + 2;
        while (k < n && IsNameChar(s_[k])) ++k;
        std::string_view name = s_.substr(lt + 2, k - lt - 2);
        next = EndOf(k, ">");
        if (next != std::string_view::npos) EndTag(name, lt);
      } else {
        next = StartTag(lt);
      }
      if (next == std::string_view::npos) return;
      pos = next;
    }
  }

  size_t SkipDoctype(size_t i) const {
    int brackets = 0;
    char quote = 0;
    for (; i < s_.size(); ++i) {
      const char c = s_[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        ++brackets;
      } else if (c == ']') {
        --brackets;
      } else if (c == '>' && brackets <= 0) {
        return i + 1;
      }
    }
    return std::string_view::npos;
  }

  // Parses "<name attr='v' ...>" at lt; returns the offset after '>'.
  size_t StartTag(size_t lt) {
    const size_t n = s_.size();
    size_t k = lt + 1;
    while (k < n && IsNameChar(s_[k])) ++k;
    std::string_view name = s_.substr(lt + 1, k - lt - 1);
    if (name.empty()) return lt + 1;  // a stray '<' in text
    std::string_view type, href, rel;
    bool self_closing = false;
    for (;;) {
      while (k < n && std::isspace(static_cast<unsigned char>(s_[k]))) ++k;
      if (k >= n) return std::string_view::npos;
      if (s_[k] == '>') {
        ++k;
        break;
      }
      if (s_[k] == '/' && k + 1 < n && s_[k + 1] == '>') {
        self_closing = true;
        k += 2;
        break;
      }
      size_t a = k;
      while (k < n && IsNameChar(s_[k])) ++k;
      std::string_view attr = s_.substr(a, k - a);
      if (attr.empty()) {
        ++k;  // junk inside a tag
        continue;
      }
      while (k < n && std::isspace(static_cast<unsigned char>(s_[k]))) ++k;
      std::string_view value;
      if (k < n && s_[k] == '=') {
        ++k;
        while (k < n && std::isspace(static_cast<unsigned char>(s_[k]))) ++k;
        if (k < n && (s_[k] == '"' || s_[k] == '\'')) {
          size_t q = s_.find(s_[k], k + 1);
          if (q == std::string_view::npos) return std::string_view::npos;
          value = s_.substr(k + 1, q - k - 1);
          k = q + 1;
        } else {
          size_t v = k;
          while (k < n && !std::isspace(static_cast<unsigned char>(s_[k])) && s_[k] != '>') ++k;
          value = s_.substr(v, k - v);
        }
      }
      if (attr == "type")
        type = value;
      else if (attr == "href")
        href = value;
      else if (attr == "rel")
        rel = value;
    }
    OpenElement(name, lt, k, type, href, rel, self_closing);
    return k;
  }

  void OpenElement(std::string_view name, size_t lt, size_t inner, std::string_view type,
                   std::string_view href, std::string_view rel, bool self_closing) {
    std::string_view local = LocalName(name);
    if (!in_item_ &&
        (EqualsNoCase(local, "rss") || EqualsNoCase(local, "feed") || EqualsNoCase(name, "rdf:RDF")))
      saw_root_ = true;
    const size_t depth = stack_.size();
    if (!in_item_ && (EqualsNoCase(local, "item") || EqualsNoCase(local, "entry")) && !self_closing) {
      in_item_ = true;
      item_ = Item();
      item_.record = ++records_;
      item_.offset = lt;
      item_depth_ = depth;
      ctx_.Begin(item_.record);
    } else if (in_item_ && depth == item_depth_ + 1) {
      if (EqualsNoCase(local, "link") && !href.empty()) {
        const bool alternate = rel.empty() || rel == "alternate";
        if (item_.href.empty() || (alternate && !item_.href_alternate)) {
          item_.href.clear();
          Decode(href, &item_.href);
          item_.href_alternate = alternate;
        }
      }
      if (!self_closing) {
        field_ = FieldFor(local, name);
        field_type_ = type;
        field_begin_ = inner;
      }
    }
    if (!self_closing) stack_.push_back(name);
  }

  Field* FieldFor(std::string_view local, std::string_view qname) {
    if (EqualsNoCase(local, "title")) return &item_.title;
    if (EqualsNoCase(local, "link")) return &item_.link;
    if (EqualsNoCase(local, "guid") || EqualsNoCase(local, "id")) return &item_.id;
    if (EqualsNoCase(local, "description") || EqualsNoCase(local, "summary")) return &item_.description;
    if (EqualsNoCase(local, "encoded") || EqualsNoCase(local, "content")) return &item_.content;
    if (EqualsNoCase(local, "pubDate") || EqualsNoCase(local, "published") || EqualsNoCase(local, "date") ||
        EqualsNoCase(local, "issued"))
      return &item_.date;
    if (EqualsNoCase(local, "updated") || EqualsNoCase(local, "modified")) return &item_.updated;
    return nullptr;
  }

  void EndTag(std::string_view name, size_t lt) {
    // Pop to the matching open element; an end tag that matches nothing
    // open is ignored (HTML left unescaped in a description).
    size_t k = stack_.size();
    while (k > 0 && stack_[k - 1] != name) --k;
    if (k == 0) return;
    const size_t depth = k - 1;  // depth of the element being closed
    stack_.resize(depth);
    if (!in_item_) return;
    if (depth == item_depth_ + 1 && field_ != nullptr) {
      if (!field_->present) {
        field_->present = true;
        field_->raw = s_.substr(field_begin_, lt - field_begin_);
        field_->offset = base_ + field_begin_;
        field_->type = field_type_;
      }
      field_ = nullptr;
    } else if (depth <= item_depth_) {
      in_item_ = false;
      field_ = nullptr;
      EmitItem();
    } else if (depth < item_depth_ + 1) {
      field_ = nullptr;
    }
  }

  // Entity and CDATA decoding of raw element content; markup inside it
  // (Atom xhtml, unescaped HTML) is kept as is.
  void Decode(std::string_view raw, std::string* out) const {
    out->reserve(out->size() + raw.size());
    size_t i = 0;
    while (i < raw.size()) {
      const char c = raw[i];
      if (c == '<' && raw.substr(i, 9) == "<![CDATA[") {
        size_t end = raw.find("]]>", i + 9);
        std::string_view data =
            raw.substr(i + 9, end == std::string_view::npos ? std::string_view::npos : end - i - 9);
        Append(data, out);
        i = end == std::string_view::npos ? raw.size() : end + 3;
      } else if (c == '<' && raw.substr(i, 4) == "<!--") {
        size_t end = raw.find("-->", i + 4);
        i = end == std::string_view::npos ? raw.size() : end + 3;
      } else if (c == '&') {
        size_t used = DecodeEntity(raw, i, out);
        if (used == 0) {
          out->push_back('&');
          ++i;
        } else {
          i += used;
        }
      } else {
        size_t next = raw.find_first_of("<&", i + 1);
        if (next == std::string_view::npos) next = raw.size();
        // A '<' that starts neither CDATA nor a comment is markup: copy.
        Append(raw.substr(i, next - i), out);
        i = next;
      }
    }
  }

  void Append(std::string_view s, std::string* out) const {
    if (latin1_)
      AppendWindows1252(s, out);
    else
      out->append(s);
  }

  // Plain text of a short field (title, id, date): decoded, tags removed,
  // white space collapsed.
  std::string PlainText(const Field& f) const {
    std::string decoded;
    Decode(f.raw, &decoded);
    std::string out;
    bool space = false;
    for (size_t i = 0; i < decoded.size(); ++i) {
      char c = decoded[i];
      if (c == '<') {
        size_t end = decoded.find('>', i);
        if (end != std::string::npos) {
          i = end;
          space = !out.empty();
          continue;
        }
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        space = !out.empty();
        continue;
      }
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
    return out;
  }

  static bool HasMarkup(std::string_view s) {
    for (size_t i = s.find('<'); i != std::string_view::npos && i + 1 < s.size();
         i = s.find('<', i + 1)) {
      const char c = s[i + 1];
      if (std::isalpha(static_cast<unsigned char>(c)) || c == '/' || c == '!') {
        if (s.find('>', i) != std::string_view::npos) return true;
      }
    }
    return false;
  }

  void EmitItem() {
    const uint64_t rec = item_.record;
    const uint64_t off = base_ + item_.offset;
    Document doc;
    // An empty <content> (Atom's content src="...") falls back to the summary.
    auto has_text = [](const Field& f) {
      return f.present && f.raw.find_first_not_of(" \t\r\n") != std::string_view::npos;
    };
    const Field* body = has_text(item_.content)       ? &item_.content
                        : has_text(item_.description) ? &item_.description
                                                      : nullptr;
    std::string title = item_.title.present ? PlainText(item_.title) : std::string();
    if (body != nullptr) {
      std::string decoded;
      Decode(body->raw, &decoded);
      bool html;
      if (!body->type.empty()) {
        html = EqualsNoCase(body->type, "html") || EqualsNoCase(body->type, "xhtml") ||
               EqualsNoCase(body->type, "text/html") || EqualsNoCase(body->type, "application/xhtml+xml");
      } else {
        html = HasMarkup(decoded);
      }
      if (html) {
        Status st = HtmlToDocument(decoded, &doc);
        if (!st.ok()) {
          ctx_.Error(rec, off, "html: " + st.message());
          ctx_.End();
          return;
        }
        ctx_.CheckText(&doc);
      } else {
        doc.record = rec;
        // Entity-decoded text has no byte-for-byte link to the input, so an
        // invalid byte is reported at the start of the field.
        ctx_.SetText(&doc, decoded, body->offset);
      }
    } else {
      doc.record = rec;
      ctx_.SetText(&doc, title, item_.title.offset);
    }
    const Field* date = item_.date.present      ? &item_.date
                        : item_.updated.present ? &item_.updated
                                                : nullptr;
    if (date != nullptr) {
      std::string ds = PlainText(*date);
      if (!ds.empty()) {
        auto d = ParseAnyDate(ds);
        if (!d) {
          std::string shown = ds.substr(0, 40);
          for (char& c : shown) c = static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
          ctx_.Error(rec, date->offset, "unreadable item date '" + shown + "'; skipped");
          ctx_.End();
          return;
        }
        doc.dct = d;
      }
    }
    std::string id = item_.id.present ? PlainText(item_.id) : std::string();
    doc.id = id.empty() ? ctx_.RecordId(rec) : std::move(id);
    if (!item_.href.empty()) {
      doc.url = std::move(item_.href);
    } else if (item_.link.present) {
      std::string link = PlainText(item_.link);
      if (!link.empty()) doc.url = std::move(link);
    }
    if (!title.empty()) doc.title = std::move(title);
    RepairField(&doc.id);
    RepairField(&doc.url);
    RepairField(&doc.title);
    doc.record = rec;
    doc.input_offset = off;
    ctx_.End();
    ctx_.Emit(std::move(doc));
  }

  static void RepairField(std::string* s) {
    if (ValidUtf8Prefix(*s) == s->size()) return;
    std::string raw = std::move(*s);
    RepairUtf8(raw, s);
  }

  Input& in_;
  ReadContext& ctx_;
  std::string_view s_;
  uint64_t base_ = 0;
  bool latin1_ = false;
  bool saw_root_ = false;
  std::vector<std::string_view> stack_;
  bool in_item_ = false;
  size_t item_depth_ = 0;
  uint64_t records_ = 0;
  Item item_;
  Field* field_ = nullptr;
  std::string_view field_type_;
  size_t field_begin_ = 0;
};

}  // namespace

void ReadFeed(Input& in, ReadContext& ctx) { FeedReader(in, ctx).Run(); }

}  // namespace annals::ingest_internal
