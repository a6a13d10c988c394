// The events stage: CAMEO-coded events (with PLOVER type) from clean
// sentences, each with source, target, mode, its own date, place and the
// evidence (sentence, span, trigger, rule) that produced it.
//
// Contract: an EventCoder is built once from the data folder (codebook and
// patterns), read-only afterwards and thread-safe for Code().
#ifndef ANNALS_EVENTS_EVENTS_H_
#define ANNALS_EVENTS_EVENTS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "actors/actors.h"
#include "annals/date.h"
#include "annals/status.h"
#include "text/text.h"
#include "time/time.h"

namespace annals {

enum class EventMode : uint8_t { kAsserted, kPlanned, kReported, kNegated, kHypothetical };
const char* EventModeName(EventMode m);  // "asserted", "planned", ...

struct Event {
  int32_t source = -1;  // index into ActorResult::actors, -1 if none
  int32_t target = -1;
  std::string cameo;  // "036"
  std::string root;   // "03"
  int quad = 0;       // QuadClass 1..4
  double goldstein = 0;
  std::string plover;  // "CONSULT"
  EventMode mode = EventMode::kAsserted;
  std::string date;         // TIMEX value of the anchoring expression, or DCT
  std::string date_source;  // "timex", "narrative" or "dct"
  int32_t place = -1;       // index into ActorResult::actors (a PLACE), -1 if none
  uint32_t sentence = 0;
  uint32_t begin = 0, end = 0;  // evidence byte span
  std::string trigger;          // trigger text
  std::string rule;             // id of the rule that fired
  // Further mentions of the same event in this document (sentence, span).
  struct Evidence {
    uint32_t sentence, begin, end;
    std::string rule;
  };
  std::vector<Evidence> also;
};

// One entry of the CAMEO codebook (data/events/cameo_codebook.tsv).
struct CameoCode {
  std::string code;  // "036"
  std::string name;  // "Express intent to meet or negotiate"
  std::string root;  // "03"
  int quad = 0;      // QuadClass 1..4
  double goldstein = 0;
  std::string plover;  // "CONSULT", empty when PLOVER has no equivalent
};

class Codebook {
 public:
  // Reads the TSV codebook; errors name the file and line.
  static Result<Codebook> Load(const std::string& path);
  static Result<Codebook> Parse(std::string_view text, const std::string& name);
  const CameoCode* Find(std::string_view code) const;
  const std::vector<CameoCode>& codes() const { return codes_; }

 private:
  std::vector<CameoCode> codes_;  // sorted by code
};

// Options for analysts' dictionaries added to an EventCoder.
struct PatternImportStats {
  size_t rules = 0;     // rules added
  size_t patterns = 0;  // patterns read (PETRARCH: verb forms + patterns)
};

class EventCoder {
 public:
  static Result<std::unique_ptr<EventCoder>> Load(const std::string& data_dir);
  virtual ~EventCoder() = default;

  // Adds a file in annals' pattern format (docs/PATTERNS.md). Call before
  // the first Code(); not thread-safe.
  virtual Status AddPatternFile(const std::string& path) = 0;
  // Imports a PETRARCH verb dictionary (CAMEO.2.0.txt style: verb
  // families, synsets, patterns). With `replace_builtin`, the built-in
  // patterns are dropped first (for scoring against a dictionary-defined
  // gold standard).
  virtual Result<PatternImportStats> AddPetrarchVerbs(const std::string& path,
                                                      bool replace_builtin) = 0;
  // Imports a PETRARCH discard list: a sentence holding a phrase codes
  // nothing; a "+"-marked phrase discards the whole document.
  virtual Status AddPetrarchDiscards(const std::string& path) = 0;
  // With `require` (the default), an event needs a source and a target;
  // without, imported PETRARCH rules may code a source alone (target -1),
  // as PETRARCH does with require_dyad = false.
  virtual void SetRequireDyad(bool require) = 0;
  virtual const Codebook& codebook() const = 0;

  // `actors` may be extended (e.g. a place met only as an event location is
  // added to the document's actors).
  virtual void Code(std::string_view text, const TextLayer& layer, const std::vector<Timex>& times,
                    ActorResult* actors, std::optional<CivilDate> dct,
                    std::vector<Event>* out) const = 0;
};

// Converts a PETRARCH verb dictionary (CAMEO.2.0.txt style) into annals'
// pattern format (docs/PATTERNS.md), one rule per line; errors name the
// file and line. `rules` (optional) receives the number of rules written.
Status ConvertPetrarchVerbs(std::string_view text, const std::string& name, std::string* out,
                            size_t* rules = nullptr);

}  // namespace annals

#endif  // ANNALS_EVENTS_EVENTS_H_
