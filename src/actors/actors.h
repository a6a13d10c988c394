// The actors stage: people, organisations, states and places, recognised
// over tokens and resolved to canonical actors with country, role (valid
// at the document's date), CAMEO code and coordinates; coreference within
// a document (surnames, pronouns, descriptions).
//
// Contract: an ActorResolver is built once from the data folder (read-only
// afterwards, thread-safe for Resolve()); Resolve() reads only tokens of
// the text layer, so boilerplate yields no mention.
#ifndef ANNALS_ACTORS_ACTORS_H_
#define ANNALS_ACTORS_ACTORS_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "annals/date.h"
#include "annals/status.h"
#include "text/text.h"

namespace annals {

enum class ActorKind : uint8_t { kPerson, kOrganization, kState, kPlace };
const char* ActorKindName(ActorKind k);  // "PERSON", "ORG", "STATE", "PLACE"

struct Actor {
  std::string id;       // stable slug: "antony-blinken", "fra", "paris"
  std::string name;     // canonical name
  ActorKind kind = ActorKind::kOrganization;
  std::string country;  // ISO 3166-1 alpha-3, empty for international bodies
  std::string role;     // office held at the DCT, if any
  std::string cameo;    // CAMEO actor code: "USAGOV", "FRA", "IGOUNO"
  std::optional<double> lat, lon;
};

struct Mention {
  uint32_t begin = 0;  // byte span
  uint32_t end = 0;
  uint32_t first_token = 0;  // token range [first_token, last_token)
  uint32_t last_token = 0;
  uint32_t sentence = 0;
  ActorKind type = ActorKind::kOrganization;
  int32_t actor = -1;  // index into ActorResult::actors
  bool coreference = false;  // a pronoun/surname/description resolved to an earlier mention
};

struct ActorResult {
  std::vector<Actor> actors;      // this document's actors, each once
  std::vector<Mention> mentions;  // in text order
  void clear() { actors.clear(); mentions.clear(); }
};

// Entries of an analyst's own dictionary (e.g. imported from PETRARCH /
// Phoenix actor and agent files by `annals dict import`), matched beside
// the built-in knowledge base and preferred over it when both match.
struct DictionaryActor {
  std::string name;                  // canonical name
  std::vector<std::string> phrases;  // surface forms, as written ("BARACK OBAMA", "OBAMA")
  ActorKind kind = ActorKind::kOrganization;
  // Codes, each valid in [from, to] (open ends when unset): "[USAGOV >20090120]".
  struct DatedCode {
    std::string code;
    std::optional<CivilDate> from, to;
  };
  std::vector<DatedCode> codes;
};
// An agent: a generic noun that makes an actor code from a country or
// stands alone ("police" -> COP, "rebels" -> REB, "Iraqi police" -> IRQCOP).
struct DictionaryAgent {
  std::vector<std::string> phrases;  // "POLICE", "POLICEMAN"
  std::string code;                  // "COP" (a suffix) or a full code
};

class ActorResolver {
 public:
  // Loads the knowledge base from `data_dir` (data/ of the project).
  static Result<std::unique_ptr<ActorResolver>> Load(const std::string& data_dir);
  virtual ~ActorResolver() = default;

  virtual void Resolve(std::string_view text, const TextLayer& layer,
                       std::optional<CivilDate> dct, ActorResult* out) const = 0;

  // Adds dictionary entries (call before the first Resolve(); not
  // thread-safe). With `replace_builtin`, only the dictionaries are used
  // (for scoring against a dictionary-defined gold standard).
  virtual void AddDictionary(std::vector<DictionaryActor> actors, std::vector<DictionaryAgent> agents,
                             bool replace_builtin) = 0;
};

}  // namespace annals

#endif  // ANNALS_ACTORS_ACTORS_H_
