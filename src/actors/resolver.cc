// PLACEHOLDER until the actors stage lands (issue 4): finds nothing.
#include "actors/actors.h"

namespace annals {
const char* ActorKindName(ActorKind k) {
  switch (k) {
    case ActorKind::kPerson: return "PERSON";
    case ActorKind::kOrganization: return "ORG";
    case ActorKind::kState: return "STATE";
    case ActorKind::kPlace: return "PLACE";
  }
  return "ORG";
}
namespace {
class NullResolver : public ActorResolver {
 public:
  void Resolve(std::string_view, const TextLayer&, std::optional<CivilDate>, ActorResult*) const override {}
  void AddDictionary(std::vector<DictionaryActor>, std::vector<DictionaryAgent>, bool) override {}
};
}  // namespace
Result<std::unique_ptr<ActorResolver>> ActorResolver::Load(const std::string&) {
  return std::unique_ptr<ActorResolver>(new NullResolver());
}
}  // namespace annals
