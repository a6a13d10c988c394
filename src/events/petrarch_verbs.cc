// Import of PETRARCH verb dictionaries (CAMEO.2.0.txt, PETR.Validate.verbs)
// into annals rules, so that analysts' existing dictionaries work.
//
// The format: synsets ("&NAME" then "+word" lines), verb families
// ("--- NAME [code] ---"), verb lines ("MEET {MEETS MET MEETING}",
// "+MEET_WITH {+MET_WITH}" for phrasal verbs, optionally "[code]") and
// patterns ("- pre * post [code:revcode] # comment") where "*" is the
// verb, "+" the target, "$" the source, "_" joins words that must be
// adjacent and "(", ")", "{", "}" only group. Each verb gets a bare rule
// with its family's (or its own) code; each pattern becomes a loose rule
// on every verb of its family. "[a:b]" codes a from source to target and
// b from target to source; "---" blocks coding.
#include <algorithm>
#include <cctype>

#include "events/internal.h"

namespace annals::events {
namespace {


std::string_view TrimWs(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Fields(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// "[042:043]" -> ("042", "043"); "[---]" -> ("---", "").
bool ParseCode(std::string_view s, std::string* a, std::string* b) {
  size_t l = s.find('['), r = s.find(']');
  if (l == std::string_view::npos || r == std::string_view::npos || r < l) return false;
  std::string_view in = TrimWs(s.substr(l + 1, r - l - 1));
  size_t colon = in.find(':');
  *a = std::string(TrimWs(in.substr(0, colon)));
  *b = colon == std::string_view::npos ? "" : std::string(TrimWs(in.substr(colon + 1)));
  return true;
}

struct Family {
  std::string code;
  std::string rev;                 // "[032:033]": the code from target to source
  std::vector<std::string> verbs;  // lemmas and explicit forms
  std::vector<Rule> bare;          // one per verb line (phrasal verbs keep their words)
};

}  // namespace

Status ImportPetrarchVerbs(std::string_view text, const std::string& name, RuleSet* out,
                           size_t* patterns_read) {
  std::unordered_map<std::string, std::vector<std::string>> synsets;
  std::string current_set;
  Family fam;
  std::string fam_name;
  bool in_family = false;
  bool collecting = false;  // inside a synset's "+word" lines
  size_t count = 0;
  auto flush = [&]() {
    for (Rule& r : fam.bare)
      if (r.code != "---" && !r.code.empty()) out->Add(r);
    fam = Family{};
  };
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    std::string_view line = raw;
    {
      // A comment starts at '#' outside brackets ("[###]" is a code).
      int depth = 0;
      for (size_t h = 0; h < line.size(); ++h) {
        if (line[h] == '[')
          ++depth;
        else if (line[h] == ']')
          --depth;
        else if (line[h] == '#' && depth <= 0) {
          line = line.substr(0, h);
          break;
        }
      }
    }
    line = TrimWs(line);
    if (line.empty() || line.starts_with("<!--") || line.starts_with("<")) {
      continue;
    }
    auto err = [&](const std::string& m) {
      return Status::InvalidInput(name + ":" + std::to_string(line_no) + ": " + m);
    };
    if (line[0] == '&') {
      current_set = std::string(TrimWs(Fields(line)[0].substr(1)));
      while (!current_set.empty() && current_set.back() == '_') current_set.pop_back();
      synsets[current_set];
      collecting = true;
      continue;
    }
    if (line[0] != '+') collecting = false;
    if (line.starts_with("---")) {
      flush();
      std::string a, b;
      if (!ParseCode(line, &a, &b)) return err("verb family header needs a [code]");
      fam.code = a;
      fam.rev = b;
      {
        auto f = Fields(line);
        fam_name = f.size() >= 2 ? std::string(f[1]) : "VERB";
      }
      in_family = true;
      current_set.clear();
      continue;
    }
    if (line[0] == '+' && collecting) {
      // synset member; multiword members keep their last word.
      std::string_view w = TrimWs(line.substr(1));
      auto f = Fields(w);
      if (f.empty()) continue;
      std::string_view word = f.back();
      size_t us = word.rfind('_');
      if (us != std::string_view::npos && us + 1 < word.size()) word = word.substr(us + 1);
      while (!word.empty() && word.back() == '_') word.remove_suffix(1);
      if (word.starts_with("&")) {
        auto it = synsets.find(std::string(word.substr(1)));
        if (it != synsets.end()) {
          auto copy = it->second;
          synsets[current_set].insert(synsets[current_set].end(), copy.begin(), copy.end());
        }
      } else if (!word.empty()) {
        synsets[current_set].push_back(LemmaOfWord(word));
      }
      continue;
    }
    if (!in_family) continue;
    if (line[0] == '-') {
      // A pattern.
      ++count;
      std::string a, b;
      if (!ParseCode(line, &a, &b)) return err("pattern needs a [code]");
      std::string_view body = line.substr(1, line.find('[') - 1);
      // Tokenise: brackets group only; '/' separates alternatives; '_'
      // joins adjacent words.
      std::string cleaned;
      for (char ch : body)
        cleaned.push_back(ch == '(' || ch == ')' || ch == '{' || ch == '}' ? ' ' : ch);
      Rule r;
      r.id = "petrarch:" + fam_name + "_L" + std::to_string(line_no);
      r.file = name;
      r.line = line_no;
      r.loose = true;
      r.verbal = true;
      r.code = a.empty() ? "---" : a;
      r.reverse_code = b;
      if (a.empty() && !b.empty()) r.code = "";
      bool seen_verb = false, has_target = false;
      for (std::string_view tok : Fields(cleaned)) {
        // split "IN_AND_*_OUT" into adjacent parts
        size_t i = 0;
        bool first_part = true;
        while (i <= tok.size()) {
          size_t us = tok.find('_', i);
          if (us == std::string_view::npos) us = tok.size();
          std::string_view part = tok.substr(i, us - i);
          i = us + 1;
          if (part.empty()) {
            first_part = false;
            continue;
          }
          Elem e;
          e.adjacent = !first_part;
          first_part = false;
          if (part == "*") {
            seen_verb = true;
            continue;
          }
          if (part == "+") {
            e.kind = Elem::kTarget;
            has_target = true;
          } else if (part == "$") {
            e.kind = Elem::kSource;
          } else if (part == "%" || part == "^") {
            continue;
          } else {
            e.kind = Elem::kWord;
            size_t k = 0;
            while (k <= part.size()) {
              size_t sl = part.find('/', k);
              if (sl == std::string_view::npos) sl = part.size();
              std::string_view alt = part.substr(k, sl - k);
              k = sl + 1;
              if (alt.empty()) continue;
              if (alt[0] == '&') {
                std::string sn(alt.substr(1));
                while (!sn.empty() && sn.back() == '_') sn.pop_back();
                auto it = synsets.find(sn);
                // An undefined synset matches nothing (PETRARCH would skip it too).
                if (it == synsets.end()) {
                  e.words.push_back("undefined-synset-" + LemmaOfWord(alt.substr(1)));
                  e.shown.push_back(e.words.back());
                } else {
                  e.words.insert(e.words.end(), it->second.begin(), it->second.end());
                  e.shown.insert(e.shown.end(), it->second.begin(), it->second.end());
                }
              } else {
                e.words.push_back(LemmaOfWord(alt));
                std::string shown;
                LowerAscii(alt, &shown);
                e.shown.push_back(shown);
              }
            }
            if (e.words.empty()) continue;
          }
          (seen_verb ? r.post : r.pre).push_back(std::move(e));
        }
      }
      if (!seen_verb) continue;  // noun-only TABARI leftovers
      r.implicit_target = !has_target;
      r.target_optional = true;
      r.symmetric = true;  // a compound subject without a target codes its pairs
      r.verbs = fam.verbs;
      if (r.verbs.empty()) continue;
      out->Add(std::move(r));
      continue;
    }
    // A verb line: "MEET {MEETS MET MEETING} [code]" or "+MEET_WITH {...}".
    ++count;
    std::string own_code, own_rev;
    std::string_view vl = line;
    if (size_t br = vl.find('['); br != std::string_view::npos) {
      ParseCode(vl, &own_code, &own_rev);
      vl = vl.substr(0, br);
    }
    std::string_view forms;
    if (size_t lb = vl.find('{'); lb != std::string_view::npos) {
      size_t rb = vl.find('}', lb);
      forms = vl.substr(lb + 1, (rb == std::string_view::npos ? vl.size() : rb) - lb - 1);
      vl = vl.substr(0, lb);
    }
    auto f = Fields(vl);
    if (f.empty()) continue;
    std::string_view phrase = f[0];
    // Split the phrase at '_' (or spaces): the '+'-marked word is the verb.
    std::vector<std::string_view> parts;
    for (std::string_view t : f) {
      size_t i = 0;
      while (i <= t.size()) {
        size_t us = t.find('_', i);
        if (us == std::string_view::npos) us = t.size();
        if (us > i) parts.push_back(t.substr(i, us - i));
        i = us + 1;
      }
    }
    (void)phrase;
    size_t verb_at = 0;
    bool marked = false;
    for (size_t k = 0; k < parts.size(); ++k)
      if (parts[k][0] == '+') {
        verb_at = k;
        marked = true;
      }
    Rule r;
    r.id = "petrarch:" + fam_name + "_L" + std::to_string(line_no);
    r.file = name;
    r.line = line_no;
    r.verbal = true;
    r.loose = false;
    r.implicit_target = true;
    r.target_optional = true;
    r.symmetric = true;
    r.code = own_code.empty() ? fam.code : own_code;
    r.reverse_code = own_code.empty() ? fam.rev : own_rev;
    std::string_view vword = marked ? parts[verb_at].substr(1) : parts[0];
    std::string verb = LemmaOfWord(vword);
    r.verbs.push_back(verb);
    // The form as written too: "LEFT" is its own family beside "LEAVE".
    std::string written;
    LowerAscii(vword, &written);
    if (written != verb) r.verbs.push_back(written);
    for (std::string_view form : Fields(forms)) {
      if (form[0] == '+') form.remove_prefix(1);
      const std::string fv = LemmaOfWord(form.substr(0, form.find('_')));
      if (std::find(r.verbs.begin(), r.verbs.end(), fv) == r.verbs.end()) r.verbs.push_back(fv);
    }
    for (size_t k = 0; k < parts.size(); ++k) {
      if (k == (marked ? verb_at : 0)) continue;
      Elem e;
      e.kind = Elem::kWord;
      e.adjacent = true;
      std::string_view part = parts[k][0] == '+' ? parts[k].substr(1) : parts[k];
      if (!part.empty() && part[0] == '&') {
        std::string sn(part.substr(1));
        while (!sn.empty() && sn.back() == '_') sn.pop_back();
        auto it = synsets.find(sn);
        if (it != synsets.end()) {
          e.words = it->second;
          e.shown = it->second;
        } else {
          e.words.push_back("undefined-synset-" + LemmaOfWord(sn));
          e.shown = e.words;
        }
      } else {
        e.words.push_back(LemmaOfWord(part));
        std::string shown;
        LowerAscii(part, &shown);
        e.shown.push_back(shown);
      }
      if (e.words.empty()) continue;
      (k < (marked ? verb_at : 0) ? r.pre : r.post).push_back(std::move(e));
    }
    if (r.pre.empty() && r.post.empty())
      for (const std::string& v : r.verbs)
        if (std::find(fam.verbs.begin(), fam.verbs.end(), v) == fam.verbs.end())
          fam.verbs.push_back(v);
    fam.bare.push_back(std::move(r));
  }
  flush();
  if (patterns_read) *patterns_read = count;
  return Status::Ok();
}

}  // namespace annals::events

namespace annals {

Status ConvertPetrarchVerbs(std::string_view text, const std::string& name, std::string* out,
                            size_t* rules) {
  events::RuleSet set;
  size_t read = 0;
  if (Status s = events::ImportPetrarchVerbs(text, name, &set, &read); !s.ok()) return s;
  out->append("# Converted from " + name + " by `annals dict import` (" + std::to_string(read) +
              " verb forms and patterns).\n");
  for (size_t i = 0; i < set.size(); ++i) {
    out->append(events::FormatRule(set.rule(i)));
    out->push_back('\n');
  }
  if (rules) *rules = set.size();
  return Status::Ok();
}

}  // namespace annals
