// `annals eval events`: scores the event coder on the PETRARCH validation
// records. Each record is a sentence with its date and the expected
// (source, target, event code) triples; annals codes the raw text (the
// records' parses are ignored) and we count, per set, the share of the
// expected triples produced (recall) and the produced triples that were
// not expected (false positives).
//
// Sets: (a) PETR.UnitTest.records.xml with the PETR.Validate dictionaries
// imported; (b) PETR2_GSR_validation.xml with the Phoenix dictionaries and
// CAMEO.2.0 verbs; (c) the GSR file with annals' built-in knowledge and
// patterns only.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "actors/actors.h"
#include "cli/commands.h"
#include "events/events.h"
#include "events/petrarch.h"
#include "pipeline/pipeline.h"
#include "time/time.h"

namespace annals::cli {
namespace {

struct Triple {
  std::string source, target, code;
  bool operator<(const Triple& o) const {
    return std::tie(source, target, code) < std::tie(o.source, o.target, o.code);
  }
  bool operator==(const Triple& o) const = default;
};

struct Record {
  std::string id, category, text;
  std::optional<CivilDate> date;
  std::vector<Triple> expected;
  bool noevents = false;
};

std::string Attr(std::string_view tag, std::string_view name) {
  size_t p = 0;
  while ((p = tag.find(name, p)) != std::string_view::npos) {
    size_t q = p + name.size();
    while (q < tag.size() && tag[q] == ' ') ++q;
    if (q < tag.size() && tag[q] == '=' && (p == 0 || tag[p - 1] == ' ' || tag[p - 1] == '<')) {
      ++q;
      while (q < tag.size() && tag[q] == ' ') ++q;
      if (q < tag.size() && (tag[q] == '"' || tag[q] == '\'')) {
        const char quote = tag[q];
        size_t e = tag.find(quote, q + 1);
        if (e != std::string_view::npos) return std::string(tag.substr(q + 1, e - q - 1));
      }
    }
    p = q;
  }
  return "";
}

std::string Unescape(std::string s) {
  auto rep = [&](const std::string& a, const std::string& b) {
    size_t p = 0;
    while ((p = s.find(a, p)) != std::string::npos) {
      s.replace(p, a.size(), b);
      p += b.size();
    }
  };
  rep("&lt;", "<");
  rep("&gt;", ">");
  rep("&quot;", "\"");
  rep("&apos;", "'");
  rep("&amp;", "&");
  return s;
}

// Reads the <Sentence> records of a PETRARCH validation file.
Result<std::vector<Record>> ReadRecords(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string x = ss.str();
  // Drop comments (some expectations are commented out).
  for (size_t p = 0; (p = x.find("<!--", p)) != std::string::npos;) {
    size_t e = x.find("-->", p);
    x.erase(p, e == std::string::npos ? std::string::npos : e + 3 - p);
  }
  std::vector<Record> out;
  size_t p = 0;
  while ((p = x.find("<Sentence ", p)) != std::string::npos) {
    size_t tag_end = x.find('>', p);
    size_t next = x.find("<Sentence ", p + 1);
    std::string_view tag(x.data() + p, tag_end - p);
    std::string_view body(x.data() + tag_end,
                          (next == std::string::npos ? x.size() : next) - tag_end);
    p = tag_end;
    if (Attr(tag, "evaluate") == "false") continue;
    Record r;
    r.id = Attr(tag, "id");
    r.category = Attr(tag, "category");
    std::string d = Attr(tag, "date");
    if (d.size() == 8)
      r.date = ParseIsoDate(d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2));
    size_t q = 0;
    while ((q = body.find("<EventCoding", q)) != std::string_view::npos) {
      size_t e = body.find('>', q);
      std::string_view ec = body.substr(q, e - q);
      q = e;
      if (Attr(ec, "noevents") == "True" || Attr(ec, "noevents") == "true") {
        r.noevents = true;
        continue;
      }
      Triple t{Attr(ec, "sourcecode"), Attr(ec, "targetcode"), Attr(ec, "eventcode")};
      if (!t.code.empty()) r.expected.push_back(t);
    }
    size_t t0 = body.find("<Text>"), t1 = body.find("</Text>");
    if (t0 == std::string_view::npos || t1 == std::string_view::npos) continue;
    std::string text = Unescape(std::string(body.substr(t0 + 6, t1 - t0 - 6)));
    std::string norm;
    for (char c : text) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      if (c == ' ' && (norm.empty() || norm.back() == ' ')) continue;
      norm.push_back(c);
    }
    while (!norm.empty() && norm.back() == ' ') norm.pop_back();
    if (norm.empty()) continue;
    r.text = std::move(norm);
    out.push_back(std::move(r));
  }
  if (out.empty()) return Status::InvalidInput(path + ": no <Sentence> records");
  return out;
}

struct Score {
  size_t records = 0, expected = 0, matched = 0, produced = 0, fp = 0;
  size_t records_right = 0;
};

struct Stages {
  std::unique_ptr<ActorResolver> actors;
  std::unique_ptr<EventCoder> events;
};

Result<Stages> MakeStages(const std::string& data, const std::string& dict_dir,
                          const std::vector<std::string>& actor_files,
                          const std::string& agent_file, const std::string& verb_file,
                          const std::string& discard_file, bool require_dyad) {
  Stages s;
  auto a = ActorResolver::Load(data);
  if (!a.ok()) return a.status();
  s.actors = std::move(a).value();
  auto e = EventCoder::Load(data);
  if (!e.ok()) return e.status();
  s.events = std::move(e).value();
  if (!actor_files.empty()) {
    std::vector<DictionaryActor> actors;
    std::vector<DictionaryAgent> agents;
    std::vector<std::string> warnings;
    for (const std::string& f : actor_files)
      if (Status st = LoadPetrarchActorFile(dict_dir + "/" + f, &actors, &warnings); !st.ok())
        return st;
    if (!agent_file.empty())
      if (Status st = LoadPetrarchAgentFile(dict_dir + "/" + agent_file, &agents, &warnings);
          !st.ok())
        return st;
    if (!warnings.empty())
      std::fprintf(stderr,
                   "annals eval events: %zu malformed dictionary codes skipped (first: %s)\n",
                   warnings.size(), warnings[0].c_str());

    s.actors->AddDictionary(std::move(actors), std::move(agents), /*replace_builtin=*/true);
  }
  s.events->SetRequireDyad(require_dyad);
  if (!discard_file.empty())
    if (Status st = s.events->AddPetrarchDiscards(dict_dir + "/" + discard_file); !st.ok())
      return st;
  if (!verb_file.empty()) {
    auto r = s.events->AddPetrarchVerbs(dict_dir + "/" + verb_file, /*replace_builtin=*/true);
    if (!r.ok()) return r.status();
  }
  return s;
}

std::string Show(const std::vector<Triple>& ts) {
  std::string out;
  for (const Triple& t : ts)
    out += (out.empty() ? "" : " ") + t.source + ">" + t.target + ":" + t.code;
  return out.empty() ? "-" : out;
}

Score Run(const std::vector<Record>& records, const Stages& st, int verbose,
          const std::string& only) {
  Score sc;
  TextLayer layer;
  std::vector<Timex> times;
  ActorResult actors;
  std::vector<Event> events;
  for (const Record& r : records) {
    if (!only.empty() && r.id != only) continue;
    layer.clear();
    times.clear();
    actors.clear();
    events.clear();
    Tokenize(r.text, {}, &layer);
    TagTimes(r.text, layer, r.date, TimeOptions{}, &times);
    st.actors->Resolve(r.text, layer, r.date, &actors);
    st.events->Code(r.text, layer, times, &actors, r.date, &events);
    std::vector<Triple> got;
    for (const Event& e : events) {
      // PETRARCH writes an unknown country as "---" ("---GOV": a government
      // of no named country) and a missing actor as "---".
      auto code = [&](int32_t i) {
        if (i < 0 || actors.actors[i].cameo.empty()) return std::string("---");
        const Actor& a = actors.actors[i];
        std::string lower;
        for (char ch : a.cameo)
          lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(ch))));
        if (a.kind == ActorKind::kOrganization && a.country.empty() && a.id == lower)
          return "---" + a.cameo;
        return a.cameo;
      };
      // A compound actor code ("FRO/BIL/SAM": the Shire's three) codes one
      // event per member, as PETRARCH writes it.
      auto split = [](const std::string& c) {
        std::vector<std::string> out;
        size_t i = 0;
        while (true) {
          size_t j = c.find('/', i);
          out.push_back(c.substr(i, j == std::string::npos ? std::string::npos : j - i));
          if (j == std::string::npos) break;
          i = j + 1;
        }
        return out;
      };
      for (const std::string& sc : split(code(e.source)))
        for (const std::string& tc : split(code(e.target))) got.push_back({sc, tc, e.cameo});
    }
    std::sort(got.begin(), got.end());
    got.erase(std::unique(got.begin(), got.end()), got.end());
    std::vector<Triple> want = r.expected;
    std::sort(want.begin(), want.end());
    std::vector<bool> used(got.size(), false);
    size_t matched = 0;
    std::vector<Triple> missed;
    for (const Triple& w : want) {
      bool found = false;
      for (size_t k = 0; k < got.size(); ++k)
        if (!used[k] && got[k] == w) {
          used[k] = found = true;
          break;
        }
      if (found)
        ++matched;
      else
        missed.push_back(w);
    }
    std::vector<Triple> extra;
    for (size_t k = 0; k < got.size(); ++k)
      if (!used[k]) extra.push_back(got[k]);
    ++sc.records;
    sc.expected += want.size();
    sc.matched += matched;
    sc.produced += got.size();
    sc.fp += extra.size();
    if (missed.empty() && extra.empty()) ++sc.records_right;
    if (verbose > 0 && (!missed.empty() || !extra.empty())) {
      std::printf("  %-22s want %s | got %s\n      %s\n", r.id.c_str(), Show(want).c_str(),
                  Show(got).c_str(), r.text.substr(0, 160).c_str());
      if (verbose > 1) {
        for (const Event& e : events)
          std::printf("      event %s rule %s '%s'\n", e.cameo.c_str(), e.rule.c_str(),
                      e.trigger.c_str());
        for (const Mention& m : actors.mentions)
          std::printf("      mention '%s' -> %s (%s %s %s)\n",
                      r.text.substr(m.begin, m.end - m.begin).c_str(),
                      m.actor >= 0 ? actors.actors[m.actor].cameo.c_str() : "?",
                      m.actor >= 0 ? actors.actors[m.actor].id.c_str() : "?",
                      m.actor >= 0 ? ActorKindName(actors.actors[m.actor].kind) : "?",
                      m.actor >= 0 ? actors.actors[m.actor].country.c_str() : "?");
      }
    }
  }
  return sc;
}

void Print(const char* name, const Score& s) {
  const double recall = s.expected ? 100.0 * s.matched / s.expected : 0;
  const double precision = s.produced ? 100.0 * (s.produced - s.fp) / s.produced : 0;
  const double f1 = recall + precision > 0 ? 2 * recall * precision / (recall + precision) : 0;
  std::printf("%s: records %zu (all right %zu), expected %zu, produced %zu, matched %zu\n", name,
              s.records, s.records_right, s.expected, s.produced, s.matched);
  std::printf(
      "    expected produced (recall) %.1f%%  false positives %zu  precision %.1f%%  F1 %.1f\n",
      recall, s.fp, precision, f1);
}

}  // namespace

void AddEvalEventsCommand(CLI::App& eval) {
  struct Opts {
    std::string set = "all";
    std::string shared = ANNALS_SHARED_DIR;
    std::string data;
    int verbose = 0;
    bool no_dyad = false;
    std::string only;
  };
  auto opts = std::make_shared<Opts>();
  CLI::App* cmd = eval.add_subcommand("events",
                                      "Score event coding on the PETRARCH validation records: (a) "
                                      "PETR unit tests with the PETR.Validate "
                                      "dictionaries, (b) the PETR2 GSR records with the Phoenix "
                                      "dictionaries, (c) the GSR records with annals' "
                                      "own knowledge and patterns");
  cmd->add_option("--set", opts->set, "a, b, c or all")
      ->check(CLI::IsMember({"a", "b", "c", "all"}));
  cmd->add_option("--shared", opts->shared,
                  "the shared eval folder (holds eval/petrarch2, eval/universalpetrarch)");
  cmd->add_option("--data", opts->data, "the annals data folder");
  cmd->add_flag("--no-dyad", opts->no_dyad,
                "(a), (b): let imported patterns code events without a target (PETRARCH's "
                "require_dyad = false)");
  cmd->add_option("--only", opts->only, "score only the record with this id (with -vv to see why)");
  cmd->add_flag("-v,--verbose", opts->verbose,
                "list the records with misses or false positives (-vv: details)");
  cmd->callback([opts] {
    const std::string data = ResolveDataDir(opts->data);
    const std::string p2 = opts->shared + "/eval/petrarch2";
    const std::string dicts = p2 + "/dictionaries";
    const std::string gsr = opts->shared + "/eval/universalpetrarch/PETR2_GSR_validation.xml";
    auto fail = [](const Status& s) {
      std::fprintf(stderr, "annals eval events: %s\n", s.message().c_str());
      throw CLI::RuntimeError(kExitUsage);
    };
    const bool all = opts->set == "all";
    if (all || opts->set == "a") {
      auto recs = ReadRecords(p2 + "/text/PETR.UnitTest.records.xml");
      if (!recs.ok()) fail(recs.status());
      auto st = MakeStages(data, dicts, {"PETR.Validate.actors.txt"}, "PETR.Validate.agents.txt",
                           "PETR.Validate.verbs.txt", "PETR.Validate.discards.txt", !opts->no_dyad);
      if (!st.ok()) fail(st.status());
      Print("(a) PETR.UnitTest.records.xml + PETR.Validate dictionaries",
            Run(*recs, *st, opts->verbose, opts->only));
    }
    if (all || opts->set == "b") {
      auto recs = ReadRecords(gsr);
      if (!recs.ok()) fail(recs.status());
      auto st =
          MakeStages(data, dicts,
                     {"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                      "Phoenix.MilNonState.actors.txt"},
                     "Phoenix.agents.txt", "CAMEO.2.0.txt", "Phoenix.discards.txt", !opts->no_dyad);
      if (!st.ok()) fail(st.status());
      Print("(b) PETR2_GSR_validation.xml + Phoenix dictionaries",
            Run(*recs, *st, opts->verbose, opts->only));
    }
    if (all || opts->set == "c") {
      auto recs = ReadRecords(gsr);
      if (!recs.ok()) fail(recs.status());
      auto st = MakeStages(data, dicts, {}, "", "", "", true);
      if (!st.ok()) fail(st.status());
      Print("(c) PETR2_GSR_validation.xml + annals built-in knowledge and patterns",
            Run(*recs, *st, opts->verbose, opts->only));
    }
  });
}

}  // namespace annals::cli
