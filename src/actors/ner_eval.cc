// NER scoring (see ner_eval.h). The MEANTIME reader is a small scanner of
// the corpus' regular CAT XML (one element per line): tokens, named entity
// mentions with their token anchors, entity types and REFERS_TO links; no
// general XML parser is needed for it.
#include "actors/ner_eval.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <unordered_map>
#include <vector>

#include "text/text.h"

namespace annals {
namespace {

struct GoldDoc {
  std::string name;
  std::string text;
  std::optional<CivilDate> dct;
  struct Ent {
    uint32_t begin, end;
    int type;  // 0 PER, 1 ORG, 2 LOC
  };
  std::vector<Ent> gold;
  // MEANTIME annotates only the first sentences of each article: mentions
  // past the last annotated sentence are not scored.
  uint32_t scored_end = UINT32_MAX;
};

int TypeIndex(std::string_view t) {
  if (t == "PER") return 0;
  if (t == "ORG") return 1;
  if (t == "LOC") return 2;
  return -1;
}

int OurType(ActorKind k) {
  switch (k) {
    case ActorKind::kPerson:
      return 0;
    case ActorKind::kOrganization:
      return 1;
    case ActorKind::kState:
    case ActorKind::kPlace:
      return 2;
  }
  return 1;
}

std::string Attr(std::string_view line, std::string_view name) {
  const std::string key = std::string(name) + "=\"";
  size_t p = line.find(key);
  if (p == std::string_view::npos) return {};
  p += key.size();
  const size_t e = line.find('"', p);
  return std::string(line.substr(p, e - p));
}

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<const char*, char> kEnt[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (const auto& [e, c] : kEnt) {
        const size_t n = std::char_traits<char>::length(e);
        if (s.substr(i, n) == e) {
          out.push_back(c);
          i += n - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

Status ReadMeantime(const std::string& path, GoldDoc* doc) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string xml = ss.str();
  doc->name = std::filesystem::path(path).stem().string();
  std::unordered_map<std::string, std::pair<uint32_t, uint32_t>> tok_span;  // t_id -> bytes
  std::unordered_map<std::string, int> tok_sentence;                        // t_id -> sentence
  std::vector<uint32_t> sentence_end;                                       // sentence -> byte end
  int max_annotated = -1;
  bool in_markables = false;
  std::vector<std::pair<std::string, std::vector<std::string>>> named;  // m_id -> anchors
  std::unordered_map<std::string, std::string> ent_type;                // entity m_id -> type
  std::unordered_map<std::string, std::string> refers;                  // mention -> entity
  std::string cur_sentence;
  bool in_named = false, in_refers = false;
  std::vector<std::string> sources;
  // One element at a time: several may share a line.
  size_t pos = 0;
  while ((pos = xml.find('<', pos)) != std::string::npos) {
    const size_t gt = xml.find('>', pos);
    if (gt == std::string::npos)
      return Status::InvalidInput(path + ": byte " + std::to_string(pos) + ": unclosed tag");
    const std::string_view tag(xml.data() + pos, gt - pos + 1);
    pos = gt + 1;
    if (tag.rfind("<token ", 0) == 0) {
      const size_t close = xml.find("</token>", pos);
      if (close == std::string::npos)
        return Status::InvalidInput(path + ": byte " + std::to_string(pos) + ": unclosed token");
      const std::string word = Unescape(std::string_view(xml).substr(pos, close - pos));
      pos = close + 8;
      const std::string sent = Attr(tag, "sentence");
      if (!doc->text.empty()) doc->text += (sent == cur_sentence) ? " " : "\n\n";
      cur_sentence = sent;
      const uint32_t b = static_cast<uint32_t>(doc->text.size());
      doc->text += word;
      const std::string tid = Attr(tag, "t_id");
      tok_span[tid] = {b, static_cast<uint32_t>(doc->text.size())};
      const int sn = std::atoi(sent.c_str());
      tok_sentence[tid] = sn;
      if (sn >= 0) {
        if (sentence_end.size() <= static_cast<size_t>(sn)) sentence_end.resize(sn + 1, 0);
        sentence_end[sn] = static_cast<uint32_t>(doc->text.size());
      }
    } else if (tag.rfind("<Markables", 0) == 0) {
      in_markables = true;
    } else if (tag.rfind("<ENTITY_MENTION", 0) == 0) {
      in_named = Attr(tag, "syntactic_type") == "NAM";
      if (in_named) named.push_back({Attr(tag, "m_id"), {}});
    } else if (tag.rfind("</ENTITY_MENTION", 0) == 0) {
      in_named = false;
    } else if (tag.rfind("<token_anchor", 0) == 0) {
      const std::string tid = Attr(tag, "t_id");
      if (in_named) named.back().second.push_back(tid);
      if (in_markables) {
        auto it = tok_sentence.find(tid);
        if (it != tok_sentence.end()) max_annotated = std::max(max_annotated, it->second);
      }
    } else if (tag.rfind("<ENTITY ", 0) == 0) {
      ent_type[Attr(tag, "m_id")] = Attr(tag, "ent_type");
    } else if (tag.rfind("<TIMEX3", 0) == 0 &&
               tag.find("CREATION_TIME") != std::string_view::npos) {
      doc->dct = ParseIsoDate(Attr(tag, "value"));
    } else if (tag.rfind("<REFERS_TO", 0) == 0) {
      in_refers = true;
      sources.clear();
    } else if (in_refers && tag.rfind("<source", 0) == 0) {
      sources.push_back(Attr(tag, "m_id"));
    } else if (in_refers && tag.rfind("<target", 0) == 0) {
      for (const std::string& s : sources) refers[s] = Attr(tag, "m_id");
    } else if (tag.rfind("</REFERS_TO", 0) == 0) {
      in_refers = false;
    }
  }
  if (max_annotated >= 0 && static_cast<size_t>(max_annotated) < sentence_end.size())
    doc->scored_end = sentence_end[max_annotated];
  std::set<std::tuple<uint32_t, uint32_t, int>> seen;
  for (const auto& [mid, anchors] : named) {
    auto r = refers.find(mid);
    if (r == refers.end()) continue;
    auto t = ent_type.find(r->second);
    if (t == ent_type.end()) continue;
    const int type = TypeIndex(t->second);
    if (type < 0 || anchors.empty()) continue;
    uint32_t b = UINT32_MAX, e = 0;
    for (const std::string& a : anchors) {
      auto s = tok_span.find(a);
      if (s == tok_span.end()) continue;
      b = std::min(b, s->second.first);
      e = std::max(e, s->second.second);
    }
    if (b >= e) continue;
    if (seen.insert({b, e, type}).second) doc->gold.push_back({b, e, type});
  }
  return Status::Ok();
}

bool IsPronounOrDescription(std::string_view text) {
  static const std::set<std::string_view> kPron = {"he",   "she",     "him",     "her", "his",
                                                   "hers", "himself", "herself", "He",  "She",
                                                   "Him",  "Her",     "His",     "Hers"};
  if (kPron.count(text)) return true;
  return text.substr(0, 4) == "the " || text.substr(0, 4) == "The ";
}

void ScoreDoc(const ActorResolver& resolver, const GoldDoc& doc, NerScore* score,
              std::FILE* errors) {
  TextLayer layer;
  Tokenize(doc.text, {}, &layer);
  ActorResult out;
  resolver.Resolve(doc.text, layer, doc.dct, &out);
  std::set<std::tuple<uint32_t, uint32_t, int>> pred, gold;
  for (const Mention& m : out.mentions) {
    const std::string_view t(doc.text.data() + m.begin, m.end - m.begin);
    if (m.coreference && IsPronounOrDescription(t)) continue;
    if (m.end > doc.scored_end) continue;
    pred.insert({m.begin, m.end, OurType(m.type)});
  }
  for (const GoldDoc::Ent& g : doc.gold) gold.insert({g.begin, g.end, g.type});
  for (const auto& p : pred) {
    const int ty = std::get<2>(p);
    ++score->per_type[ty].pred;
    if (gold.count(p)) {
      ++score->per_type[ty].tp;
    } else if (errors) {
      std::fprintf(errors, "FP %s\t%s\t%.*s\n", kNerTypes[ty], doc.name.c_str(),
                   static_cast<int>(std::get<1>(p) - std::get<0>(p)),
                   doc.text.data() + std::get<0>(p));
    }
  }
  for (const auto& g : gold) {
    ++score->per_type[std::get<2>(g)].gold;
    if (errors && !pred.count(g))
      std::fprintf(errors, "FN %s\t%s\t%.*s\n", kNerTypes[std::get<2>(g)], doc.name.c_str(),
                   static_cast<int>(std::get<1>(g) - std::get<0>(g)),
                   doc.text.data() + std::get<0>(g));
  }
  // Relaxed, one to one: each gold mention takes the first unused
  // prediction of its type that overlaps it.
  std::vector<std::tuple<uint32_t, uint32_t, int>> preds(pred.begin(), pred.end());
  std::vector<bool> used(preds.size(), false);
  for (const auto& p : preds) ++score->relaxed[std::get<2>(p)].pred;
  for (const auto& g : gold) {
    NerCounts& c = score->relaxed[std::get<2>(g)];
    ++c.gold;
    for (size_t k = 0; k < preds.size(); ++k) {
      const auto& p = preds[k];
      if (used[k] || std::get<2>(p) != std::get<2>(g)) continue;
      if (std::get<0>(p) < std::get<1>(g) && std::get<0>(g) < std::get<1>(p)) {
        used[k] = true;
        ++c.tp;
        break;
      }
    }
  }
  ++score->documents;
}

void Total(NerScore* s) {
  s->all = {};
  s->relaxed_all = {};
  for (int t = 0; t < 3; ++t) {
    s->all.gold += s->per_type[t].gold;
    s->all.pred += s->per_type[t].pred;
    s->all.tp += s->per_type[t].tp;
    s->relaxed_all.gold += s->relaxed[t].gold;
    s->relaxed_all.pred += s->relaxed[t].pred;
    s->relaxed_all.tp += s->relaxed[t].tp;
  }
}

}  // namespace

Result<NerScore> EvalMeantime(const ActorResolver& resolver, const std::string& dir, int max_docs,
                              std::FILE* errors) {
  std::vector<std::string> files;
  std::error_code ec;
  const std::filesystem::path root = std::filesystem::path(dir) / "intra-doc_annotation";
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->path().extension() == ".xml") files.push_back(it->path().string());
  if (ec || files.empty()) return Status::NotFound(root.string() + ": no MEANTIME documents");
  std::sort(files.begin(), files.end());
  if (max_docs > 0 && files.size() > static_cast<size_t>(max_docs)) files.resize(max_docs);
  NerScore score;
  for (const std::string& f : files) {
    GoldDoc doc;
    Status st = ReadMeantime(f, &doc);
    if (!st.ok()) return st;
    ScoreDoc(resolver, doc, &score, errors);
  }
  Total(&score);
  return score;
}

Result<NerScore> EvalConll(const ActorResolver& resolver, const std::string& path, int max_docs,
                           std::FILE* errors) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open");
  NerScore score;
  GoldDoc doc;
  int cur_type = -1;
  uint32_t cur_begin = 0, cur_end = 0;
  bool sentence_open = false;
  int n = 0;
  auto close_entity = [&] {
    if (cur_type >= 0) doc.gold.push_back({cur_begin, cur_end, cur_type});
    cur_type = -1;
  };
  auto flush = [&] {
    close_entity();
    if (!doc.text.empty()) {
      doc.name = "doc" + std::to_string(++n);
      ScoreDoc(resolver, doc, &score, errors);
    }
    doc = GoldDoc();
    sentence_open = false;
  };
  std::string line;
  uint64_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("-DOCSTART-", 0) == 0) {
      flush();
      if (max_docs > 0 && n >= max_docs) break;
      continue;
    }
    if (line.empty()) {
      close_entity();
      sentence_open = false;
      continue;
    }
    std::istringstream ls(line);
    std::string word, tag, field;
    ls >> word;
    while (ls >> field) tag = field;
    if (word.empty() || tag.empty())
      return Status::InvalidInput(path + ": line " + std::to_string(line_no) +
                                  ": expected TOKEN ... TAG");
    if (!doc.text.empty()) doc.text += sentence_open ? " " : "\n\n";
    sentence_open = true;
    const uint32_t b = static_cast<uint32_t>(doc.text.size());
    doc.text += word;
    const uint32_t e = static_cast<uint32_t>(doc.text.size());
    const int type = tag.size() > 2 ? TypeIndex(std::string_view(tag).substr(2)) : -1;
    const bool begins = tag[0] == 'B' || (tag[0] == 'I' && type != cur_type) || tag == "O";
    if (tag == "O" || begins) close_entity();
    if (tag == "O" || type < 0) {
      if (tag != "O" && tag.size() > 2) cur_type = -1;  // MISC is not scored
      continue;
    }
    if (cur_type < 0) {
      cur_type = type;
      cur_begin = b;
    }
    cur_end = e;
  }
  if (max_docs <= 0 || n < max_docs) flush();
  Total(&score);
  return score;
}

void PrintNerScore(const std::string& title, const NerScore& s, std::FILE* out) {
  std::fprintf(out, "%s: %d documents (exact span and type)\n", title.c_str(), s.documents);
  std::fprintf(out, "%-5s %6s %6s %6s %9s %7s %7s\n", "type", "gold", "pred", "match", "precision",
               "recall", "F1");
  auto row = [out](const char* name, const NerCounts& c) {
    std::fprintf(out, "%-5s %6llu %6llu %6llu %9.3f %7.3f %7.3f\n", name,
                 static_cast<unsigned long long>(c.gold), static_cast<unsigned long long>(c.pred),
                 static_cast<unsigned long long>(c.tp), c.precision(), c.recall(), c.f1());
  };
  for (int t = 0; t < 3; ++t) row(kNerTypes[t], s.per_type[t]);
  row("all", s.all);
  std::fprintf(out, "relaxed (overlap, same type, one to one):\n");
  for (int t = 0; t < 3; ++t) row(kNerTypes[t], s.relaxed[t]);
  row("all", s.relaxed_all);
}

}  // namespace annals
