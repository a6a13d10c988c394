#include "core/utf8.h"

#include <gtest/gtest.h>

#include "core/json_writer.h"

namespace annals {
namespace {

struct RepairCase {
  std::string in;
  std::string out;
  uint32_t replaced;
};

TEST(Utf8, RepairsEachMaximalInvalidSubsequenceOnce) {
  const std::string R = "\xEF\xBF\xBD";
  const RepairCase cases[] = {
      {"plain ascii", "plain ascii", 0},
      {"S\xC3\xA9journ\xC3\xA9", "S\xC3\xA9journ\xC3\xA9", 0},
      {"a\xFF" "b", "a" + R + "b", 1},
      {"a\xC3", "a" + R, 1},                        // truncated 2-byte sequence at the end
      {"\xE2\x82" "x", R + "x", 1},                 // truncated 3-byte sequence
      {"\xC0\xAF", R + R, 2},                       // overlong: each byte is bad
      {"\xED\xA0\x80", R + R + R, 3},               // surrogate
      {"\xF4\x90\x80\x80", R + R + R + R, 4},       // above U+10FFFF
      {"\xF0\x9F\x98\x80 ok", "\xF0\x9F\x98\x80 ok", 0},  // emoji
  };
  for (const auto& c : cases) {
    std::string out;
    EXPECT_EQ(RepairUtf8(c.in, &out), c.replaced) << c.in;
    EXPECT_EQ(out, c.out);
    EXPECT_EQ(ValidUtf8Prefix(out), out.size());
  }
}

TEST(Utf8, ReportsFirstBadOffset) {
  std::string out;
  size_t first = 0;
  RepairUtf8("0123456789\xFFtail", &out, &first);
  EXPECT_EQ(first, 10u);
}

TEST(Utf8, DecodeAndAppendRoundTrip) {
  for (char32_t cp : {U'a', U'\u00e9', U'\u20ac', U'\U0001F600'}) {
    std::string s;
    AppendUtf8(cp, &s);
    int len = 0;
    EXPECT_EQ(DecodeUtf8(s, 0, &len), cp);
    EXPECT_EQ(static_cast<size_t>(len), s.size());
  }
}

TEST(JsonWriter, EscapesAndNests) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("s"); w.String("a\"b\\c\nd\x01");
  w.Key("n"); w.Null();
  w.Key("arr"); w.BeginArray(); w.Int(1); w.Double(4.0, 1); w.Double(48.8566, 4); w.Bool(true); w.EndArray();
  w.Key("empty"); w.BeginObject(); w.EndObject();
  w.EndObject();
  EXPECT_EQ(out, R"({"s":"a\"b\\c\nd\u0001","n":null,"arr":[1,4.0,48.8566,true],"empty":{}})");
}

}  // namespace
}  // namespace annals
