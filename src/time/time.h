// The time stage: finds temporal expressions and normalises them to TIMEX3
// values relative to the document creation time (DCT) and the tense of
// their clause.
//
// Contract: TagTimes() reads only tokens of the text layer (so boilerplate
// yields nothing), is thread-safe once the tagger is built, and never looks
// at the clock: a document without a DCT gets its relative expressions with
// an unresolved value ("XXXX-XX-XX" style, as TIMEX3 allows).
#ifndef ANNALS_TIME_TIME_H_
#define ANNALS_TIME_TIME_H_

#include <optional>
#include <string>
#include <vector>

#include "annals/date.h"
#include "text/text.h"

namespace annals {

struct Timex {
  enum Type : uint8_t { kDate, kTime, kDuration, kSet };
  uint32_t begin = 0;        // byte span in the text
  uint32_t end = 0;
  uint32_t first_token = 0;  // token range [first_token, last_token)
  uint32_t last_token = 0;
  uint32_t sentence = 0;
  Type type = kDate;
  std::string value;  // "2024-04-02", "2024-W14", "2022-12", "P2Y", "PT4H", "PAST_REF"
  std::string mod;    // "APPROX", "START", "MID", "END", "MORE_THAN", ... or empty
};

const char* TimexTypeName(Timex::Type t);  // "DATE", "TIME", "DURATION", "SET"

struct TimeOptions {
  bool day_first = false;  // "04/02/2024": false = month/day (US), true = day/month
};

// Appends the timexes of `text` to `out` in text order.
void TagTimes(std::string_view text, const TextLayer& layer, std::optional<CivilDate> dct,
              const TimeOptions& options, std::vector<Timex>* out);

}  // namespace annals

#endif  // ANNALS_TIME_TIME_H_
