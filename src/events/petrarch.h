// PETRARCH / Phoenix dictionary import: actor and agent dictionaries into
// the ActorResolver's DictionaryActor / DictionaryAgent entries (verb
// dictionaries go through EventCoder::AddPetrarchVerbs). Errors name the
// file and line. Thread-safe (pure functions).
#ifndef ANNALS_EVENTS_PETRARCH_H_
#define ANNALS_EVENTS_PETRARCH_H_

#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "annals/status.h"

namespace annals {

Status ParsePetrarchActors(std::string_view text, const std::string& name, std::vector<DictionaryActor>* out);
Status ParsePetrarchAgents(std::string_view text, const std::string& name, std::vector<DictionaryAgent>* out);
Status LoadPetrarchActorFile(const std::string& path, std::vector<DictionaryActor>* actors);
Status LoadPetrarchAgentFile(const std::string& path, std::vector<DictionaryAgent>* agents);

}  // namespace annals

#endif  // ANNALS_EVENTS_PETRARCH_H_
