// TimeML reading and TempEval-3 TIMEX3 scoring.
//
// TimeML files are small, regular XML; a careful tag scanner is enough and
// keeps byte offsets exact: text outside tags is copied (entities decoded),
// every tag is dropped, and TIMEX3 open/close tags inside <TEXT> record the
// span they enclose in the plain text. Matching is on byte spans of that
// text, which for whitespace-separated tokens is the same as TempEval-3's
// token-level strict/relaxed matching.
#include "time/timeml.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "text/text.h"

namespace annals {
namespace {

// Value of attribute `name` in a tag's text (between '<' and '>').
std::string Attr(std::string_view tag, std::string_view name) {
  size_t pos = 0;
  while ((pos = tag.find(name, pos)) != std::string_view::npos) {
    const bool boundary = pos > 0 && (tag[pos - 1] == ' ' || tag[pos - 1] == '\t' || tag[pos - 1] == '\n');
    size_t k = pos + name.size();
    while (k < tag.size() && tag[k] == ' ') ++k;
    if (boundary && k < tag.size() && tag[k] == '=') {
      ++k;
      while (k < tag.size() && tag[k] == ' ') ++k;
      if (k < tag.size() && (tag[k] == '"' || tag[k] == '\'')) {
        const char q = tag[k];
        const size_t e = tag.find(q, k + 1);
        if (e == std::string_view::npos) return {};
        return std::string(tag.substr(k + 1, e - k - 1));
      }
    }
    pos += name.size();
  }
  return {};
}

// Appends the decoded entity at s[i] ('&'); returns its length, 0 if none.
size_t DecodeEntity(std::string_view s, size_t i, std::string* out) {
  const size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return 0;
  const std::string_view e = s.substr(i + 1, semi - i - 1);
  if (e == "amp") out->push_back('&');
  else if (e == "lt") out->push_back('<');
  else if (e == "gt") out->push_back('>');
  else if (e == "quot") out->push_back('"');
  else if (e == "apos") out->push_back('\'');
  else if (e.size() > 1 && e[0] == '#') {
    unsigned long cp = 0;
    try {
      cp = e[1] == 'x' ? std::stoul(std::string(e.substr(2)), nullptr, 16)
                       : std::stoul(std::string(e.substr(1)));
    } catch (...) {
      return 0;
    }
    if (cp < 0x80) out->push_back(static_cast<char>(cp));
    else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  } else {
    return 0;
  }
  return semi - i + 1;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
double Ratio(size_t a, size_t b) { return b ? static_cast<double>(a) / b : 0; }

}  // namespace

Result<TimeMLDoc> ParseTimeML(std::string_view xml, std::string_view name) {
  TimeMLDoc doc;
  doc.id = std::string(name);
  // DCT: the TIMEX3 tag that says functionInDocument="CREATION_TIME".
  const size_t ct = xml.find("CREATION_TIME");
  if (ct != std::string_view::npos) {
    const size_t lt = xml.rfind('<', ct), gt = xml.find('>', ct);
    if (lt != std::string_view::npos && gt != std::string_view::npos) {
      const std::string v = Attr(xml.substr(lt, gt - lt), "value");
      if (v.size() >= 10) doc.dct = ParseIsoDate(v.substr(0, 10));
    }
  }
  const size_t tb = xml.find("<TEXT>");
  const size_t te = xml.find("</TEXT>");
  if (tb == std::string_view::npos || te == std::string_view::npos || te < tb)
    return Status::InvalidInput(std::string(name) + ": byte 0: no <TEXT> element");
  const size_t begin = tb + 6;
  std::string& out = doc.text;
  out.reserve(te - begin);
  std::vector<size_t> open;  // indices into doc.timexes of open TIMEX3 tags
  for (size_t i = begin; i < te;) {
    const char c = xml[i];
    if (c == '<') {
      const size_t gt = xml.find('>', i);
      if (gt == std::string_view::npos || gt > te)
        return Status::InvalidInput(std::string(name) + ": byte " + std::to_string(i) +
                                    ": unterminated tag");
      const std::string_view tag = xml.substr(i + 1, gt - i - 1);
      if (tag.substr(0, 6) == "TIMEX3") {
        GoldTimex g;
        g.begin = g.end = static_cast<uint32_t>(out.size());
        g.type = Attr(tag, "type");
        g.value = Attr(tag, "value");
        doc.timexes.push_back(std::move(g));
        if (tag.empty() || tag.back() != '/') open.push_back(doc.timexes.size() - 1);
      } else if (tag.substr(0, 7) == "/TIMEX3") {
        if (open.empty())
          return Status::InvalidInput(std::string(name) + ": byte " + std::to_string(i) +
                                      ": </TIMEX3> without <TIMEX3>");
        doc.timexes[open.back()].end = static_cast<uint32_t>(out.size());
        open.pop_back();
      }
      i = gt + 1;
      continue;
    }
    if (c == '&') {
      const size_t n = DecodeEntity(xml, i, &out);
      if (n) { i += n; continue; }
    }
    out.push_back(c);
    ++i;
  }
  // Spans never start or end on white space.
  for (GoldTimex& g : doc.timexes) {
    while (g.begin < g.end && IsSpace(out[g.begin])) ++g.begin;
    while (g.end > g.begin && IsSpace(out[g.end - 1])) --g.end;
  }
  doc.timexes.erase(std::remove_if(doc.timexes.begin(), doc.timexes.end(),
                                   [](const GoldTimex& g) { return g.end <= g.begin; }),
                    doc.timexes.end());
  return doc;
}

void TimexCounts::Add(const TimexCounts& o) {
  gold += o.gold;
  system += o.system;
  strict_sys += o.strict_sys;
  strict_gold += o.strict_gold;
  relaxed_sys += o.relaxed_sys;
  relaxed_gold += o.relaxed_gold;
  type_ok += o.type_ok;
  value_ok += o.value_ok;
}

TimexCounts ScoreTimex(const std::vector<GoldTimex>& gold, const std::vector<Timex>& system) {
  TimexCounts c;
  c.gold = gold.size();
  c.system = system.size();
  auto overlap = [](uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) -> int64_t {
    return static_cast<int64_t>(std::min(a1, b1)) - static_cast<int64_t>(std::max(a0, b0));
  };
  for (const Timex& s : system) {
    bool strict = false, relaxed = false;
    for (const GoldTimex& g : gold) {
      if (g.begin == s.begin && g.end == s.end) strict = true;
      if (overlap(g.begin, g.end, s.begin, s.end) > 0) relaxed = true;
    }
    c.strict_sys += strict;
    c.relaxed_sys += relaxed;
  }
  for (const GoldTimex& g : gold) {
    const Timex* best = nullptr;
    int64_t best_ov = 0;
    bool strict = false;
    for (const Timex& s : system) {
      if (g.begin == s.begin && g.end == s.end) strict = true;
      const int64_t ov = overlap(g.begin, g.end, s.begin, s.end);
      if (ov > best_ov) { best_ov = ov; best = &s; }
    }
    c.strict_gold += strict;
    if (best) {
      ++c.relaxed_gold;
      if (g.type == TimexTypeName(best->type)) ++c.type_ok;
      if (g.value == best->value) ++c.value_ok;
    }
  }
  return c;
}

TimexScores Summarize(const TimexCounts& c) {
  TimexScores s;
  s.strict_p = Ratio(c.strict_sys, c.system);
  s.strict_r = Ratio(c.strict_gold, c.gold);
  s.strict_f1 = F1(s.strict_p, s.strict_r);
  s.relaxed_p = Ratio(c.relaxed_sys, c.system);
  s.relaxed_r = Ratio(c.relaxed_gold, c.gold);
  s.relaxed_f1 = F1(s.relaxed_p, s.relaxed_r);
  s.type_acc = Ratio(c.type_ok, c.relaxed_gold);
  s.value_acc = Ratio(c.value_ok, c.relaxed_gold);
  s.type_f1 = F1(Ratio(c.type_ok, c.system), Ratio(c.type_ok, c.gold));
  s.value_f1 = F1(Ratio(c.value_ok, c.system), Ratio(c.value_ok, c.gold));
  return s;
}

Result<TimexCounts> EvalTimexDir(const std::string& dir, const TimeOptions& options,
                                 std::vector<std::string>* errors, size_t* files) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound(dir + ": byte 0: not a directory");
  std::vector<fs::path> paths;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it); it.increment(ec))
    if (it->is_regular_file() && it->path().extension() == ".tml") paths.push_back(it->path());
  std::sort(paths.begin(), paths.end());
  TimexCounts total;
  TextLayer layer;
  std::vector<Timex> sys;
  *files = 0;
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    if (!in.good() && !in.eof()) {
      errors->push_back(p.string() + ": byte 0: cannot read");
      continue;
    }
    const std::string xml = ss.str();
    Result<TimeMLDoc> doc = ParseTimeML(xml, p.string());
    if (!doc.ok()) {
      errors->push_back(doc.status().message());
      continue;
    }
    Tokenize(doc->text, {}, &layer);
    sys.clear();
    TagTimes(doc->text, layer, doc->dct, options, &sys);
    total.Add(ScoreTimex(doc->timexes, sys));
    ++*files;
  }
  return total;
}

}  // namespace annals
