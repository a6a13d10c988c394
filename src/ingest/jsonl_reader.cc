// JSONL: one document per line, {"id", "url", "date", "title", "text" or
// "html"}. Lines are read by Input::ReadLine, which skips an over-long line
// without buffering it, and a line that does not start with '{' is
// reported without running the parser (binary junk, a 50 MB line of text).
// simdjson's DOM parser wants SIMDJSON_PADDING readable bytes after the
// line, so each line is copied into one reused padded buffer. A line with
// invalid UTF-8 (which simdjson rejects) is repaired with U+FFFD, reported,
// and parsed again, so the document still comes out.
#include <simdjson.h>

#include "core/utf8.h"
#include "ingest/internal.h"

namespace annals::ingest_internal {
namespace {

// A short, printable excerpt of a bad value for an error message.
std::string Excerpt(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 40)) out.push_back(static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  if (s.size() > 40) out += "...";
  return out;
}

class JsonlReader {
 public:
  JsonlReader(Input& in, ReadContext& ctx) : in_(in), ctx_(ctx) {}

  void Run() {
    const size_t max = ctx_.options().max_record_bytes;
    uint64_t line_no = 0;
    while (!ctx_.stopped()) {
      std::string_view line;
      uint64_t off = 0;
      bool terminated = true;
      const Input::Line r = in_.ReadLine(max, &line, &off, &terminated);
      if (r == Input::Line::kEnd) return;
      ctx_.Begin(++line_no);
      if (r == Input::Line::kTooLong) {
        ctx_.Error(line_no, off, "line longer than " + std::to_string(max) + " bytes; skipped");
        ctx_.End();
        continue;
      }
      // A last line cut short by a broken stream is the dispatcher's to report.
      if (!terminated && !in_.error().ok()) return;
      Record(line, off, line_no);
      ctx_.End();
    }
  }

 private:
  void Record(std::string_view line, uint64_t off, uint64_t line_no) {
    size_t lead = 0;
    while (lead < line.size() && (line[lead] == ' ' || line[lead] == '\t' || line[lead] == '\r'))
      ++lead;
    if (lead == line.size()) return;  // blank line
    if (line[lead] != '{') {
      ctx_.Error(line_no, off + lead, "not a JSON object (line does not start with '{')");
      return;
    }
    padded_.assign(line);
    padded_.resize(line.size() + simdjson::SIMDJSON_PADDING);
    simdjson::dom::element root;
    auto err = parser_.parse(padded_.data(), line.size(), false).get(root);
    uint32_t repaired = 0;
    if (err == simdjson::UTF8_ERROR) {
      size_t first_bad = 0;
      repaired = RepairUtf8(line, &fixed_, &first_bad);
      ctx_.Error(
          line_no, off + first_bad,
          "invalid UTF-8 (" + std::to_string(repaired) + " sequence(s) replaced with U+FFFD)");
      padded_.assign(fixed_);
      const size_t n = padded_.size();
      padded_.resize(n + simdjson::SIMDJSON_PADDING);
      err = parser_.parse(padded_.data(), n, false).get(root);
    }
    if (err) {
      ctx_.Error(line_no, off, std::string("invalid JSON: ") + simdjson::error_message(err));
      return;
    }
    simdjson::dom::object obj;
    if (root.get_object().get(obj)) {
      ctx_.Error(line_no, off, "not a JSON object");
      return;
    }
    std::string_view id, url, title, date_str, text, html;
    bool has_text = false, has_html = false, has_date = false;
    std::string id_num;
    for (auto field : obj) {
      std::string_view key = field.key;
      simdjson::dom::element v = field.value;
      std::string_view s;
      const bool is_str = !v.get_string().get(s);
      if (key == "id") {
        if (is_str) {
          id = s;
        } else if (int64_t i; !v.get_int64().get(i)) {
          id_num = std::to_string(i);
          id = id_num;
        } else if (uint64_t u; !v.get_uint64().get(u)) {
          id_num = std::to_string(u);
          id = id_num;
        }
      } else if (key == "url" && is_str) {
        url = s;
      } else if (key == "title" && is_str) {
        title = s;
      } else if (key == "date" && is_str) {
        date_str = s;
        has_date = true;
      } else if (key == "text" && is_str) {
        text = s;
        has_text = true;
      } else if (key == "html" && is_str) {
        html = s;
        has_html = true;
      }
    }
    if (!has_text && !has_html) {
      ctx_.Error(line_no, off, "no \"text\" or \"html\" string field; skipped");
      return;
    }
    Document doc;
    std::optional<CivilDate> dct;
    if (has_date && !date_str.empty()) {
      dct = ParseAnyDate(date_str);
      if (!dct) {
        ctx_.Error(line_no, off, "unreadable \"date\" '" + Excerpt(date_str) + "'; skipped");
        return;
      }
    }
    if (has_text) {
      doc.text.assign(text);
    } else {
      Status st = HtmlToDocument(html, &doc);
      if (!st.ok()) {
        ctx_.Error(line_no, off, "html: " + st.message());
        return;
      }
      ctx_.CheckText(&doc);
    }
    doc.invalid_utf8 += repaired;
    doc.id = id.empty() ? ctx_.RecordId(line_no) : std::string(id);
    if (!url.empty()) doc.url.assign(url);
    if (!title.empty()) doc.title.assign(title);
    if (dct) doc.dct = dct;
    doc.record = line_no;
    doc.input_offset = off;
    ctx_.End();
    ctx_.Emit(std::move(doc));
  }

  Input& in_;
  ReadContext& ctx_;
  simdjson::dom::parser parser_;
  std::string padded_;
  std::string fixed_;
};

}  // namespace

void ReadJsonl(Input& in, ReadContext& ctx) { JsonlReader(in, ctx).Run(); }

}  // namespace annals::ingest_internal
