// Single-document readers: plain text and one HTML page per input.
//
// Text: an optional "date YYYY-MM-DD" header (white space may precede it;
// the body may follow on the same line, as in the seed example) gives the
// DCT; the document text is everything after the header and the blanks
// that end it, so offsets count from the first byte of the body. The
// whole input is one document, read into memory (capped by
// max_record_bytes): the later stages need it whole anyway.
// HTML: the page, converted to UTF-8 from its declared charset, goes to
// HtmlToDocument, which finds text, title, URL and date; the id is the
// file name.
#include "ingest/internal.h"

namespace annals::ingest_internal {

namespace {

// Binary, not text: a NUL byte in the first 8 KB (the test git and grep
// use), or more than 10% control bytes other than white space there.
bool LooksBinary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 8192);
  size_t control = 0;
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == 0) return true;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F)
      ++control;
  }
  return control * 10 > head.size();
}

}  // namespace

void ReadText(Input& in, ReadContext& ctx) {
  const uint64_t start = in.offset();
  ctx.Begin(1);
  bool too_long = false;
  std::string_view all = in.ReadAll(ctx.options().max_record_bytes, &too_long);
  if (!in.error().ok()) return;  // truncated: the dispatcher reports it
  if (too_long) {
    ctx.Error(1, start,
              "document larger than " + std::to_string(ctx.options().max_record_bytes) +
                  " bytes; skipped");
    ctx.End();
    return;
  }
  if (LooksBinary(all)) {
    ctx.Error(1, start, "binary data, not text (NUL or control bytes); skipped");
    ctx.End();
    return;
  }
  Document doc;
  doc.id = ctx.stem();
  doc.record = 1;
  doc.input_offset = start;
  bool bad_header = false;
  const size_t body = ParseTextHeader(all, &doc.dct, &bad_header);
  if (bad_header) {
    ctx.Error(1, start, "date header holds an impossible date; skipped");
    ctx.End();
    return;
  }
  ctx.SetText(&doc, all.substr(body), start + body);
  ctx.End();
  ctx.Emit(std::move(doc));
}

void ReadHtml(Input& in, ReadContext& ctx) {
  const uint64_t start = in.offset();
  ctx.Begin(1);
  bool too_long = false;
  std::string_view all = in.ReadAll(ctx.options().max_record_bytes, &too_long);
  if (!in.error().ok()) return;
  ctx.End();
  if (too_long) {
    ctx.Error(
        1, start,
        "page larger than " + std::to_string(ctx.options().max_record_bytes) + " bytes; skipped");
    return;
  }
  Document doc;
  doc.record = 1;
  doc.input_offset = start;
  std::string converted;
  Status st = HtmlToDocument(HtmlToUtf8(all, {}, &converted), &doc);
  if (!st.ok()) {
    ctx.Error(1, start, "html: " + st.message());
    return;
  }
  doc.id = ctx.stem();
  doc.record = 1;
  doc.input_offset = start;
  ctx.CheckText(&doc);
  ctx.Emit(std::move(doc));
}

}  // namespace annals::ingest_internal
