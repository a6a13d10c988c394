// PLACEHOLDER until the events stage lands (issue 5): finds nothing.
#include "events/events.h"

namespace annals {
const char* EventModeName(EventMode m) {
  switch (m) {
    case EventMode::kAsserted: return "asserted";
    case EventMode::kPlanned: return "planned";
    case EventMode::kReported: return "reported";
    case EventMode::kNegated: return "negated";
    case EventMode::kHypothetical: return "hypothetical";
  }
  return "asserted";
}
namespace {
class NullCoder : public EventCoder {
 public:
  void Code(std::string_view, const TextLayer&, const std::vector<Timex>&, ActorResult*,
            std::optional<CivilDate>, std::vector<Event>*) const override {}
};
}  // namespace
Result<std::unique_ptr<EventCoder>> EventCoder::Load(const std::string&) {
  return std::unique_ptr<EventCoder>(new NullCoder());
}
}  // namespace annals
