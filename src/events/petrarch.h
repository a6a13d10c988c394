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

// With `warnings`, malformed code lines (e.g. impossible dates) are
// reported there and skipped; without, they are errors.
Status ParsePetrarchActors(std::string_view text, const std::string& name,
                           std::vector<DictionaryActor>* out,
                           std::vector<std::string>* warnings = nullptr);
Status ParsePetrarchAgents(std::string_view text, const std::string& name,
                           std::vector<DictionaryAgent>* out,
                           std::vector<std::string>* warnings = nullptr);
Status LoadPetrarchActorFile(const std::string& path, std::vector<DictionaryActor>* actors,
                             std::vector<std::string>* warnings = nullptr);
Status LoadPetrarchAgentFile(const std::string& path, std::vector<DictionaryAgent>* agents,
                             std::vector<std::string>* warnings = nullptr);

}  // namespace annals

#endif  // ANNALS_EVENTS_PETRARCH_H_
