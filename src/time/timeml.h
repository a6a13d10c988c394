// TimeML (TempEval-3 .tml) reading and TIMEX3 scoring, shared by
// `annals eval timex` and the accuracy tests.
//
// ParseTimeML() keeps the content of <TEXT> with every tag removed and XML
// entities decoded, and records each inline TIMEX3 as a byte span of that
// plain text; the DCT is the TIMEX3 with functionInDocument="CREATION_TIME".
// ScoreTimex() implements the TempEval-3 Task A definitions: strict match
// (identical span) and relaxed match (overlap), precision over system
// timexes and recall over gold ones, and type/value judged on relaxed
// matches (attribute precision/recall = correct attributes over all system
// or all gold timexes).
#ifndef ANNALS_TIME_TIMEML_H_
#define ANNALS_TIME_TIMEML_H_

#include <optional>
#include <string>
#include <vector>

#include "annals/status.h"
#include "time/time.h"

namespace annals {

struct GoldTimex {
  uint32_t begin = 0, end = 0;
  std::string type;   // "DATE", ...
  std::string value;
};

struct TimeMLDoc {
  std::string id;
  std::optional<CivilDate> dct;
  std::string text;
  std::vector<GoldTimex> timexes;
};

// Parses one .tml file's content; `name` is used in error messages.
Result<TimeMLDoc> ParseTimeML(std::string_view xml, std::string_view name);

struct TimexCounts {
  size_t gold = 0, system = 0;
  size_t strict_sys = 0, strict_gold = 0;    // strictly matched system / gold timexes
  size_t relaxed_sys = 0, relaxed_gold = 0;  // relaxed matches
  size_t type_ok = 0, value_ok = 0;          // over relaxed gold matches
  void Add(const TimexCounts& o);
};

// Scores system timexes of one document against its gold.
TimexCounts ScoreTimex(const std::vector<GoldTimex>& gold, const std::vector<Timex>& system);

struct TimexScores {
  double strict_p, strict_r, strict_f1;
  double relaxed_p, relaxed_r, relaxed_f1;
  double type_acc, value_acc;  // over relaxed matches
  double type_f1, value_f1;    // TempEval-3 attribute F1
};
TimexScores Summarize(const TimexCounts& c);

// Runs the tagger over every .tml file under `dir` (recursively) and sums
// the counts. `errors` gets one line per file that could not be read.
Result<TimexCounts> EvalTimexDir(const std::string& dir, const TimeOptions& options,
                                 std::vector<std::string>* errors, size_t* files);

}  // namespace annals

#endif  // ANNALS_TIME_TIMEML_H_
