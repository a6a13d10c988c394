#include "pipeline/pipeline.h"

#include <cstdlib>

namespace annals {

std::string ResolveDataDir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* env = std::getenv("ANNALS_DATA"); env != nullptr && *env != '\0') return env;
  return ANNALS_DATA_DIR;
}

Result<std::unique_ptr<Pipeline>> Pipeline::Create(const PipelineOptions& options) {
  auto p = std::unique_ptr<Pipeline>(new Pipeline());
  p->options_ = options;
  p->options_.data_dir = ResolveDataDir(options.data_dir);
  if (options.run_actors) {
    auto actors = ActorResolver::Load(p->options_.data_dir);
    if (!actors.ok()) return actors.status();
    p->actors_ = std::move(actors).value();
  }
  if (options.run_events) {
    auto events = EventCoder::Load(p->options_.data_dir);
    if (!events.ok()) return events.status();
    p->events_ = std::move(events).value();
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
