// PLACEHOLDER until the time stage lands (issue 3): finds nothing.
#include "time/time.h"

namespace annals {
const char* TimexTypeName(Timex::Type t) {
  switch (t) {
    case Timex::kDate: return "DATE";
    case Timex::kTime: return "TIME";
    case Timex::kDuration: return "DURATION";
    case Timex::kSet: return "SET";
  }
  return "DATE";
}
void TagTimes(std::string_view, const TextLayer&, std::optional<CivilDate>, const TimeOptions&,
              std::vector<Timex>*) {}
}  // namespace annals
