#include "pipeline/pipeline.h"

#include <cstdlib>

#include "events/petrarch.h"

namespace annals {

std::string ResolveDataDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("ANNALS_DATA"); env != nullptr && *env != '\0') return env;
  return ANNALS_DATA_DIR;
}

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options,
                                                   std::vector<std::string>* warnings) {
  auto p = std::unique_ptr<Pipeline>(new Pipeline());
  p->options_ = options;
  p->options_.data_dir = ResolveDataDir(options.data_dir);
  if (options.run_actors) {
    auto actors = ActorResolver::Load(p->options_.data_dir);
    if (!actors.ok()) return actors.status();
    p->actors_ = std::move(actors).value();
    std::vector<DictionaryActor> dict_actors;
    std::vector<DictionaryAgent> dict_agents;
    for (const std::string& f : options.petrarch_actors)
      if (Status s = LoadPetrarchActorFile(f, &dict_actors, warnings); !s.ok()) return s;
    for (const std::string& f : options.petrarch_agents)
      if (Status s = LoadPetrarchAgentFile(f, &dict_agents, warnings); !s.ok()) return s;
    if (!dict_actors.empty() || !dict_agents.empty())
      p->actors_->AddDictionary(std::move(dict_actors), std::move(dict_agents), /*replace_builtin=*/false);
  }
  if (options.run_events) {
    auto events = EventCoder::Load(p->options_.data_dir);
    if (!events.ok()) return events.status();
    p->events_ = std::move(events).value();
    for (const std::string& f : options.pattern_files)
      if (Status s = p->events_->AddPatternFile(f); !s.ok()) return s;
    for (const std::string& f : options.petrarch_verbs) {
      auto stats = p->events_->AddPetrarchVerbs(f, /*replace_builtin=*/false);
      if (!stats.ok()) return stats.status();
    }
  }
  return p;
}

void Pipeline::Analyze(Analysis* a) const {
  a->clean.clear();
  a->times.clear();
  a->actors.clear();
  a->events.clear();
  CleanDocument(a->doc, &a->clean);
  Tokenize(a->doc.text, a->clean.boilerplate, &a->text);
  if (options_.run_times) TagTimes(a->doc.text, a->text, a->doc.dct, options_.time, &a->times);
  if (actors_) actors_->Resolve(a->doc.text, a->text, a->doc.dct, &a->actors);
  if (events_ && actors_)
    events_->Code(a->doc.text, a->text, a->times, &a->actors, a->doc.dct, &a->events);
}

std::string CleanText(const std::string& text, const std::vector<Span>& boilerplate) {
  std::string out;
  out.reserve(text.size());
  uint32_t pos = 0;
  for (const Span& s : boilerplate) {
    if (s.begin > pos) out.append(text, pos, s.begin - pos);
    out.push_back('\n');
    pos = std::max(pos, s.end);
  }
  if (pos < text.size()) out.append(text, pos, std::string::npos);
  return out;
}

}  // namespace annals
