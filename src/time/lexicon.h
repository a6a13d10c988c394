// Internal to the time stage: the closed vocabulary of temporal expressions
// (months, weekdays, units, number words, deictics, modifiers) and the
// per-token view the recognizer works on.
//
// The lexicon is a fixed open-addressing hash table of lowercase ASCII
// words built once (thread-safe static initialisation); lookups never
// allocate. Every entry carries a bit set of roles because many words play
// several ("second" is an ordinal and a unit, "may" a month and a modal).
#ifndef ANNALS_TIME_LEXICON_H_
#define ANNALS_TIME_LEXICON_H_

#include <cstdint>
#include <string_view>

namespace annals::time_internal {

enum class Unit : uint8_t {
  kNone, kSecond, kMinute, kHour, kDay, kNight, kWeek, kWeekend, kFortnight, kMonth,
  kQuarter, kHalf, kYear, kDecade, kCentury
};

// Parts of the day, as TIMEX3 writes them after "T".
enum class Pod : uint8_t { kNone, kMorning, kAfternoon, kEvening, kNight, kNoon, kMidnight };

enum class Season : uint8_t { kNone, kSpring, kSummer, kFall, kWinter };

enum class Deictic : uint8_t { kNone, kToday, kTomorrow, kYesterday, kTonight, kOvernight };

enum class Ref : uint8_t { kNone, kPresent, kPast, kFuture };

// Relative determiners: "last week", "next month", "this year".
enum class Rel : uint8_t { kNone, kLast, kNext, kThis, kPast, kComing, kPrevious, kFollowing, kCurrent };

// Position modifiers: "early 2023", "mid-January", "late November".
enum class Pos : uint8_t { kNone, kEarly, kMid, kLate, kEarlier, kLater };

// Function words the grammar needs to see by identity.
enum class Fn : uint8_t {
  kNone, kThe, kA, kOf, kAnd, kOr, kTo, kAt, kOn, kIn, kAgo, kEarlier, kLater, kBefore, kAfter,
  kFrom, kNow, kFiscal, kEnd, kBeginning, kStart, kMiddle, kLocal, kTime, kZone, kEvery, kEach,
  kFew, kSeveral, kCouple, kMany, kSome, kRecent, kThat, kSame, kDay, kOld, kPer, kOnce, kTwice,
  kTimes, kThan, kMore, kLess, kAbout, kUntil, kSince, kFor, kWithin, kDuring, kBy, kHalfW,
  kOver, kUp, kAm, kPm, kYear, kHundred, kThousand, kQuarterW, kLatest, kThese, kPresentW,
  kMoment, kFuture, kPastW, kNear, kTerm, kShort, kLong, kWhile, kWeeks, kSo, kAhead, kFirst,
  kLast,
};

enum Role : uint32_t {
  kMonthR = 1u << 0,
  kWeekdayR = 1u << 1,
  kUnitR = 1u << 2,
  kNumR = 1u << 3,
  kOrdR = 1u << 4,
  kPodR = 1u << 5,
  kSeasonR = 1u << 6,
  kDeicticR = 1u << 7,
  kRefR = 1u << 8,
  kRelR = 1u << 9,
  kPosR = 1u << 10,
  kSetR = 1u << 11,   // daily, weekly, annually
  kApproxR = 1u << 12,  // about, nearly, more than: a mod outside the span
  kFnR = 1u << 13,
  kHolidayR = 1u << 14,
  kDecadeWordR = 1u << 15,  // "nineties"
  kTrigger = 1u << 16,  // may start an expression
};

enum class Holiday : uint8_t {
  kNone, kChristmas, kChristmasEve, kNewYearsDay, kNewYearsEve, kThanksgiving, kEaster,
  kIndependence, kHalloween, kValentines, kLabor, kMemorial, kElection, kVeterans, kGoodFriday,
  kPalmSunday
};

struct Lex {
  uint32_t roles = 0;
  int32_t num = 0;       // number words: "two" -> 2, "dozen" -> 12
  int8_t month = 0;      // 1..12
  int8_t weekday = 0;    // 1..7 (ISO)
  int8_t ordinal = 0;    // "third" -> 3
  int8_t decade = 0;     // "nineties" -> 9
  bool plural = false;   // units: "days"
  Unit unit = Unit::kNone;
  Unit set_unit = Unit::kNone;  // daily -> kDay
  Pod pod = Pod::kNone;
  Season season = Season::kNone;
  Deictic deictic = Deictic::kNone;
  Ref ref = Ref::kNone;
  Rel rel = Rel::kNone;
  Pos pos = Pos::kNone;
  Fn fn = Fn::kNone;
  Holiday holiday = Holiday::kNone;
  const char* approx = nullptr;  // TIMEX3 mod of an approximator: "APPROX", "MORE_THAN"
};

// Looks up a lowercase word (a trailing abbreviation dot already removed).
// Returns nullptr for words outside the vocabulary.
const Lex* LookupLex(std::string_view lower);

// Lowercases an ASCII word into `buf` (capacity `cap`); returns false if the
// word is longer than that or empty.
bool LowerInto(std::string_view w, char* buf, size_t cap, size_t* len);

}  // namespace annals::time_internal

#endif  // ANNALS_TIME_LEXICON_H_
