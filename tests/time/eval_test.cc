// Accuracy floor of the time stage on the TempEval-3 platinum test set:
// strict span F1 and value F1 must not fall below what was measured when
// the rules were last changed (minus 0.01). Skipped without ../shared.
#include <gtest/gtest.h>

#include <filesystem>

#include "time/timeml.h"

namespace annals {
namespace {

// Measured with `annals eval timex` on te3-platinum (see the report).
constexpr double kStrictF1 = 0.863;
constexpr double kValueF1 = 0.840;

TEST(TimeEval, PlatinumFloor) {
  const std::string dir = ANNALS_SHARED_DIR "/eval/tempeval3/te3-platinum";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "skipped: no ../shared";
  std::vector<std::string> errors;
  size_t files = 0;
  Result<TimexCounts> r = EvalTimexDir(dir, TimeOptions{}, &errors, &files);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(files, 20u);
  EXPECT_EQ(r->gold, 138u);
  const TimexScores s = Summarize(*r);
  EXPECT_GE(s.strict_f1, kStrictF1 - 0.01);
  EXPECT_GE(s.value_f1, kValueF1 - 0.01);
}

TEST(TimeEval, ParsesTimeML) {
  const std::string xml =
      "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2013-03-22\" "
      "functionInDocument=\"CREATION_TIME\">March 22, 2013</TIMEX3></DCT>\n<TEXT>\nThe CDC "
      "<EVENT eid=\"e1\">said</EVENT> <TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2013-03-22\">Friday"
      "</TIMEX3> &amp; <TIMEX3 tid=\"t4\" type=\"DURATION\" value=\"P1M\">a month</TIMEX3>.\n</TEXT>"
      "</TimeML>";
  Result<TimeMLDoc> d = ParseTimeML(xml, "x.tml");
  ASSERT_TRUE(d.ok());
  ASSERT_TRUE(d->dct.has_value());
  EXPECT_EQ(FormatDate(*d->dct), "2013-03-22");
  ASSERT_EQ(d->timexes.size(), 2u);
  EXPECT_EQ(d->text.substr(d->timexes[0].begin, d->timexes[0].end - d->timexes[0].begin), "Friday");
  EXPECT_EQ(d->text.substr(d->timexes[1].begin, d->timexes[1].end - d->timexes[1].begin), "a month");
  EXPECT_NE(d->text.find("Friday & a month"), std::string::npos);
  EXPECT_EQ(d->timexes[1].type, "DURATION");
  EXPECT_EQ(d->timexes[1].value, "P1M");
}

TEST(TimeEval, ScoresStrictRelaxedAndValue) {
  std::vector<GoldTimex> gold = {{0, 10, "DATE", "2013-03-22"}, {20, 30, "DURATION", "P1M"}};
  std::vector<Timex> sys(2);
  sys[0].begin = 0;
  sys[0].end = 10;
  sys[0].type = Timex::kDate;
  sys[0].value = "2013-03-22";
  sys[1].begin = 22;
  sys[1].end = 30;
  sys[1].type = Timex::kDuration;
  sys[1].value = "P2M";
  const TimexCounts c = ScoreTimex(gold, sys);
  EXPECT_EQ(c.strict_sys, 1u);
  EXPECT_EQ(c.relaxed_sys, 2u);
  EXPECT_EQ(c.type_ok, 2u);
  EXPECT_EQ(c.value_ok, 1u);
  const TimexScores s = Summarize(c);
  EXPECT_DOUBLE_EQ(s.strict_f1, 0.5);
  EXPECT_DOUBLE_EQ(s.relaxed_f1, 1.0);
  EXPECT_DOUBLE_EQ(s.value_f1, 0.5);
}

}  // namespace
}  // namespace annals
