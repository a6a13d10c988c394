// Internal to the time stage: the tense of the clause around a temporal
// expression, tuned for resolving weekdays and months (tense.cc).
#ifndef ANNALS_TIME_TENSE_H_
#define ANNALS_TIME_TENSE_H_

#include <cstdint>
#include <string_view>

#include "text/text.h"

namespace annals::time_internal {

// Like TenseAt() of the text layer, but reads verb groups whole ("are
// expected to join" is future, "must be returned by" is future, "has
// been" is past) and takes "by"/"until"/"as soon as" before the
// expression as a future cue.
Tense ClauseTense(std::string_view text, const TextLayer& layer, uint32_t tok);

}  // namespace annals::time_internal

#endif  // ANNALS_TIME_TENSE_H_
