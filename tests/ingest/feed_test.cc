// RSS 2.0 and Atom readers over the feed fixtures, plus encodings,
// truncation and malformed feeds.
#include <gtest/gtest.h>

#include "test_util.h"

namespace annals {
namespace {

using testing::Collect;
using testing::CollectFile;
using testing::DataPath;

TEST(Rss, Fixture) {
  auto got = CollectFile(DataPath("feed.rss"));
  const std::string raw = testing::Slurp(DataPath("feed.rss"));
  // Item 1 is plain text: no HtmlToDocument needed.
  ASSERT_FALSE(got.docs.empty());
  const Document& a = got.docs[0];
  EXPECT_EQ(a.id, "wire-2024-0511");
  EXPECT_EQ(a.url, "https://wire.example.com/africa/rail-deal");
  EXPECT_EQ(a.title, "Kenya and Uganda sign rail deal");
  EXPECT_EQ(FormatDate(*a.dct), "2024-05-11");
  EXPECT_EQ(a.text,
            "The presidents of Kenya & Uganda signed an agreement in Nairobi on Saturday to extend "
            "the railway to Kampala.");
  EXPECT_EQ(a.record, 1u);
  EXPECT_EQ(raw.substr(a.input_offset, 6), "<item>");
  ASSERT_EQ(got.docs.size(), 3u);
  const Document& b = got.docs[1];
  EXPECT_EQ(b.id, "feed#2");
  EXPECT_EQ(b.title, "Floods close schools in Porto Alegre");
  EXPECT_EQ(FormatDate(*b.dct), "2024-05-12");
  EXPECT_NE(b.text.find("Authorities in Rio Grande do Sul closed schools"), std::string::npos);
  EXPECT_EQ(b.text.find("<p>"), std::string::npos);
  const Document& c = got.docs[2];
  EXPECT_FALSE(c.dct);
  EXPECT_EQ(c.record, 3u);
  EXPECT_EQ(raw.substr(c.input_offset, 6), "<item>");
}

TEST(Atom, Fixture) {
  auto got = CollectFile(DataPath("feed.atom"));
  ASSERT_EQ(got.docs.size(), 3u);
  EXPECT_TRUE(got.errors.empty());
  const Document& a = got.docs[0];
  EXPECT_EQ(a.id, "urn:example:harbour:ferry");
  EXPECT_EQ(a.url, "https://harbour.example.org/news/ferry");  // rel=alternate, not self
  EXPECT_EQ(FormatDate(*a.dct), "2024-05-14");                 // published, not updated
  EXPECT_NE(a.text.find("The ferry between Helsinki and Tallinn resumed service on Tuesday."),
            std::string::npos);
  const Document& b = got.docs[1];
  EXPECT_EQ(b.url, "https://harbour.example.org/news/retires");
  EXPECT_EQ(FormatDate(*b.dct), "2024-05-13");  // updated when not published
  EXPECT_EQ(b.text, "The harbour master of Gdansk retired on Monday after thirty years.");
  EXPECT_NE(got.docs[2].text.find("Two new cranes arrived in Klaipeda."), std::string::npos);
  EXPECT_EQ(got.docs[2].title, "New cranes");
}

TEST(Rss, Latin1FeedIsTranscoded) {
  std::string feed =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Caf\xE9</title>"
      "<pubDate>Mon, 06 May 2024 10:00:00 GMT</pubDate><description>Le caf\xE9 est ouvert \x96 "
      "enfin.</description>"
      "</item></channel></rss>";
  auto got = Collect(feed, "l.rss");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].title, "Caf\xC3\xA9");
  EXPECT_EQ(got.docs[0].text, "Le caf\xC3\xA9 est ouvert \xE2\x80\x93 enfin.");
  EXPECT_EQ(got.docs[0].invalid_utf8, 0u);
  EXPECT_TRUE(got.errors.empty());
}

TEST(Rss, TruncatedFeedKeepsCompleteItems) {
  const std::string raw = testing::Slurp(DataPath("feed.rss"));
  const size_t cut = raw.find("<item>", raw.find("<item>") + 1) + 20;  // inside item 2
  auto got = Collect(raw.substr(0, cut), "cut.rss");
  ASSERT_EQ(got.docs.size(), 1u);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_TRUE(
      testing::HasPosition(got.errors[0], "cut.rss", 2, raw.find("<item>", raw.find("<item>") + 1)))
      << got.errors[0];
}

TEST(Rss, UnreadableDateSkipsTheItem) {
  std::string feed =
      "<rss><channel><item><pubDate>sometime soon</pubDate><description>a</description></item>"
      "<item><description>b</description></item></channel></rss>";
  auto got = Collect(feed, "d.rss");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].text, "b");
  EXPECT_EQ(got.docs[0].record, 2u);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].find("record 1"), std::string::npos);
}

TEST(Rss, CommentsCdataAndDoctypeDoNotConfuseTheScanner) {
  std::string feed =
      "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"y\">]><rss><channel>"
      "<!-- <item><description>not an item</description></item> -->"
      "<item><title>A &amp; B &#233;&#x41;</title><description><![CDATA[x </item> "
      "y]]></description></item>"
      "</channel></rss>";
  auto got = Collect(feed, "c.rss");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].title,
            "A & B \xC3\xA9"
            "A");
  // "</item>" inside CDATA neither ends the item nor survives as text
  // (the description holds markup, so it is read as HTML).
  const std::string& t = got.docs[0].text;
  ASSERT_FALSE(t.empty());
  EXPECT_EQ(t.front(), 'x');
  EXPECT_EQ(t.back(), 'y');
}

TEST(Feed, NotAFeed) {
  auto got = Collect("<html><body>hello</body></html>", "x.rss", {.format = InputFormat::kFeed});
  EXPECT_TRUE(got.docs.empty());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_TRUE(testing::HasPosition(got.errors[0], "x.rss", 1, 0)) << got.errors[0];
}

TEST(Feed, ItemWithoutBodyUsesTitle) {
  auto got =
      Collect("<rss><channel><item><title>Headline only</title></item></channel></rss>", "t.rss");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].text, "Headline only");
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

TEST(Atom, EmptyContentFallsBackToSummary) {
  auto got = testing::Collect(
      "<feed "
      "xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>T</title><updated>2024-05-01T00:00:00Z</"
      "updated>"
      "<content src=\"https://x.example/a\"/><summary>The summary text.</summary></entry>"
      "<entry><title>U</title><content type=\"text\"> </content><summary>Second "
      "summary.</summary></entry></feed>",
      "s.atom");
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].text, "The summary text.");
  EXPECT_EQ(got.docs[1].text, "Second summary.");
}

}  // namespace
}  // namespace annals
