// Import of PETRARCH / Phoenix actor and agent dictionaries into annals'
// DictionaryActor / DictionaryAgent entries, for ActorResolver::AddDictionary.
//
// Actors: an entry line "NAME [CODE]" or "NAME" followed by "+SYNONYM"
// lines and code lines "[CODE >YYMMDD]", "[CODE <YYMMDD]",
// "[CODE YYMMDD-YYMMDD]" (date-restricted codes, 6 or 8 digits); "_"
// joins the words of a phrase. Agents: "PHRASE {PLURALS} [~CODE]" with
// "!SUBST! = a, b" substitution sets; "~" marks where the country code
// goes (suffix agents "~GOV", prefix agents "NGO~"). Comments start with
// "#" or sit in "<!-- -->".
#include <cctype>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "events/events.h"
#include "events/petrarch.h"

namespace annals {
namespace {

std::string_view TrimWs(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Phrase(std::string_view p) {
  std::string out;
  for (char c : TrimWs(p)) out.push_back(c == '_' ? ' ' : c);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// 6-digit YYMMDD (years < 30 are 20xx, as PETRARCH reads them) or 8-digit.
std::optional<CivilDate> ParseDictDate(std::string_view d) {
  for (char c : d)
    if (c < '0' || c > '9') return std::nullopt;
  CivilDate cd;
  if (d.size() == 6) {
    int yy = std::stoi(std::string(d.substr(0, 2)));
    cd.year = yy < 30 ? 2000 + yy : 1900 + yy;
    cd.month = std::stoi(std::string(d.substr(2, 2)));
    cd.day = std::stoi(std::string(d.substr(4, 2)));
  } else if (d.size() == 8) {
    cd.year = std::stoi(std::string(d.substr(0, 4)));
    cd.month = std::stoi(std::string(d.substr(4, 2)));
    cd.day = std::stoi(std::string(d.substr(6, 2)));
  } else {
    return std::nullopt;
  }
  if (!IsValidDate(cd)) return std::nullopt;
  return cd;
}

// Parses "[CODE]", "[CODE >YYMMDD]", "[CODE <YYMMDD]", "[CODE D1-D2]".
bool ParseDatedCode(std::string_view in, DictionaryActor::DatedCode* out) {
  in = TrimWs(in);
  if (in.size() < 2 || in.front() != '[') return false;
  size_t r = in.find(']');
  if (r == std::string_view::npos) return false;
  std::string_view body = TrimWs(in.substr(1, r - 1));
  size_t sp = body.find_first_of(" \t");
  out->code = std::string(body.substr(0, sp));
  out->from.reset();
  out->to.reset();
  if (sp == std::string_view::npos) return !out->code.empty();
  std::string_view rest = TrimWs(body.substr(sp));
  if (rest.empty()) return true;
  if (rest[0] == '>') {
    out->from = ParseDictDate(TrimWs(rest.substr(1)));
    return out->from.has_value();
  }
  if (rest[0] == '<') {
    out->to = ParseDictDate(TrimWs(rest.substr(1)));
    return out->to.has_value();
  }
  size_t dash = rest.find('-');
  if (dash == std::string_view::npos) return false;
  out->from = ParseDictDate(TrimWs(rest.substr(0, dash)));
  out->to = ParseDictDate(TrimWs(rest.substr(dash + 1)));
  return out->from.has_value() && out->to.has_value();
}

// Strips "<!-- ... -->" blocks (which may span lines) into blanks, keeping
// line numbers.
std::string StripXmlComments(std::string_view text) {
  std::string out(text);
  size_t p = 0;
  while ((p = out.find("<!--", p)) != std::string::npos) {
    size_t e = out.find("-->", p);
    size_t end = e == std::string::npos ? out.size() : e + 3;
    for (size_t i = p; i < end; ++i)
      if (out[i] != '\n') out[i] = ' ';
    p = end;
  }
  return out;
}

// The lines of a dictionary, '#' comments cut and blanks trimmed, empty
// lines skipped; Error() names the file and the current line.
class DictLines {
 public:
  DictLines(const std::string& text, const std::string& name) : text_(text), name_(name) {}
  bool Next(std::string_view* line) {
    while (pos_ < text_.size()) {
      size_t nl = text_.find('\n', pos_);
      if (nl == std::string::npos) nl = text_.size();
      std::string_view l(text_.data() + pos_, nl - pos_);
      pos_ = nl + 1;
      ++line_no_;
      if (size_t h = l.find('#'); h != std::string_view::npos) l = l.substr(0, h);
      l = TrimWs(l);
      if (!l.empty()) {
        *line = l;
        return true;
      }
    }
    return false;
  }
  Status Error(const std::string& message) const {
    return Status::InvalidInput(name_ + ":" + std::to_string(line_no_) + ": " + message);
  }

 private:
  const std::string& text_;
  const std::string& name_;
  size_t pos_ = 0;
  uint32_t line_no_ = 0;
};

}  // namespace

Status ParsePetrarchActors(std::string_view text_in, const std::string& name,
                           std::vector<DictionaryActor>* out, std::vector<std::string>* warnings) {
  const std::string text = StripXmlComments(text_in);
  DictionaryActor* cur = nullptr;
  DictLines lines(text, name);
  std::string_view line;
  while (lines.Next(&line)) {
    auto err = [&](const std::string& m) { return lines.Error(m); };
    if (line[0] == '+') {
      if (!cur) return err("synonym '+' line before any actor");
      std::string_view syn = line.substr(1);
      if (size_t b = syn.find('['); b != std::string_view::npos) syn = syn.substr(0, b);
      std::string ph = Phrase(syn);
      if (!ph.empty()) cur->phrases.push_back(ph);
      continue;
    }
    if (line[0] == '[') {
      if (!cur) return err("code line before any actor");
      DictionaryActor::DatedCode dc;
      if (!ParseDatedCode(line, &dc)) {
        // Real dictionaries hold a few malformed dates: report, skip the code.
        if (!warnings) return err("bad code '" + std::string(line) + "'");
        warnings->push_back(err("bad code '" + std::string(line) + "' skipped").message());
        continue;
      }
      cur->codes.push_back(std::move(dc));
      continue;
    }
    // A new actor: "NAME [CODE]" or "NAME" (codes follow).
    std::string_view nm = line;
    std::string_view code;
    if (size_t b = line.find('['); b != std::string_view::npos) {
      nm = line.substr(0, b);
      code = line.substr(b);
    }
    std::string ph = Phrase(nm);
    if (ph.empty()) return err("actor entry without a name");
    out->emplace_back();
    cur = &out->back();
    cur->name = ph;
    cur->phrases.push_back(ph);
    if (!code.empty()) {
      DictionaryActor::DatedCode dc;
      if (ParseDatedCode(code, &dc)) {
        cur->codes.push_back(std::move(dc));
      } else {
        if (!warnings) return err("bad code '" + std::string(code) + "'");
        warnings->push_back(err("bad code '" + std::string(code) + "' skipped").message());
      }
    }
    // Guess a kind from the code: a three-letter code is a state.
    if (!cur->codes.empty() && cur->codes[0].code.size() == 3)
      cur->kind = ActorKind::kState;
    else
      cur->kind = ActorKind::kOrganization;
    if (ph.find(' ') != std::string::npos && !cur->codes.empty() && cur->codes[0].code.size() > 3 &&
        cur->codes[0].from)
      cur->kind = ActorKind::kPerson;
  }
  return Status::Ok();
}

Status ParsePetrarchAgents(std::string_view text_in, const std::string& name,
                           std::vector<DictionaryAgent>* out, std::vector<std::string>* warnings) {
  const std::string text = StripXmlComments(text_in);
  std::unordered_map<std::string, std::vector<std::string>> subst;
  DictLines lines(text, name);
  std::string_view line;
  while (lines.Next(&line)) {
    auto err = [&](const std::string& m) { return lines.Error(m); };
    if (line[0] == '!' && line.find('=') != std::string_view::npos &&
        line.find('[') == std::string_view::npos) {
      size_t e = line.find('!', 1);
      size_t eq = line.find('=');
      if (e == std::string_view::npos || eq == std::string_view::npos)
        return err("bad substitution set");
      auto& v = subst[std::string(line.substr(0, e + 1))];
      std::string_view rest = line.substr(eq + 1);
      size_t i = 0;
      while (i <= rest.size()) {
        size_t c = rest.find(',', i);
        if (c == std::string_view::npos) c = rest.size();
        std::string w = Phrase(rest.substr(i, c - i));
        if (!w.empty()) v.push_back(w);
        i = c + 1;
      }
      continue;
    }
    size_t lb = line.find('[');
    size_t rb = lb == std::string_view::npos ? lb : line.find_first_of("]}", lb);
    if (lb == std::string_view::npos || rb == std::string_view::npos) {
      if (!warnings) return err("agent needs a [code]");
      warnings->push_back(err("agent without a [code] skipped").message());
      continue;
    }
    // "[~GOV]" is a suffix agent, "[NGO~]" a prefix one: annals stores the
    // code without the marker.
    std::string code;
    for (char ch : line.substr(lb + 1, rb - lb - 1))
      if (ch != '~' && !std::isspace(static_cast<unsigned char>(ch))) code.push_back(ch);
    std::string_view head = line.substr(0, lb);
    std::string_view plurals;
    if (size_t cb = head.find('{'); cb != std::string_view::npos) {
      size_t ce = head.find('}', cb);
      plurals = head.substr(cb + 1, (ce == std::string_view::npos ? head.size() : ce) - cb - 1);
      head = head.substr(0, cb);
    }
    DictionaryAgent a;
    a.code = code;
    std::string base = Phrase(head);
    if (base.empty()) return err("agent without a phrase");
    std::vector<std::string> forms = {base};
    // Plural: explicit list, "{}" means none, else regular "+S".
    if (plurals.data() != nullptr) {
      size_t k = 0;
      while (k < plurals.size()) {
        while (k < plurals.size() && std::isspace(static_cast<unsigned char>(plurals[k]))) ++k;
        size_t j = k;
        while (j < plurals.size() && !std::isspace(static_cast<unsigned char>(plurals[j]))) ++j;
        if (j > k) forms.push_back(Phrase(plurals.substr(k, j - k)));
        k = j;
      }
    } else if (line.find('{') == std::string_view::npos) {
      forms.push_back(base.back() == 'Y' && base.size() > 2 && base[base.size() - 2] != 'A' &&
                              base[base.size() - 2] != 'E' && base[base.size() - 2] != 'O'
                          ? base.substr(0, base.size() - 1) + "IES"
                          : (base.back() == 'S' || base.back() == 'H' ? base + "ES" : base + "S"));
    }
    // Substitution sets: expand "!PERSON!" into every alternative.
    for (const std::string& f : forms) {
      bool expanded = false;
      for (const auto& [key, alts] : subst) {
        size_t at = f.find(key);
        if (at == std::string::npos) continue;
        for (const std::string& alt : alts) {
          std::string g = f;
          g.replace(at, key.size(), alt);
          a.phrases.push_back(g);
        }
        expanded = true;
        break;
      }
      if (!expanded) a.phrases.push_back(f);
    }
    out->push_back(std::move(a));
  }
  return Status::Ok();
}

Status LoadPetrarchActorFile(const std::string& path, std::vector<DictionaryActor>* actors,
                             std::vector<std::string>* warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ParsePetrarchActors(ss.str(), path, actors, warnings);
}

Status LoadPetrarchAgentFile(const std::string& path, std::vector<DictionaryAgent>* agents,
                             std::vector<std::string>* warnings) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  return ParsePetrarchAgents(ss.str(), path, agents, warnings);
}

}  // namespace annals
