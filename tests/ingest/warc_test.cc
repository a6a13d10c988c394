// WARC reader over the crawl.warc fixture (see data/make_warc.py): which
// records become documents, their URL, date, id and position, plain and
// gzipped (one member per record, as in CC-NEWS).
#include <gtest/gtest.h>

#include "test_util.h"

namespace annals {
namespace {

using testing::Collect;
using testing::DataPath;

// Splits the fixture into its records (each starts with "WARC/1.1\r\n").
std::vector<std::string> Records(const std::string& warc) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < warc.size()) {
    size_t next = warc.find("\r\n\r\nWARC/1.1\r\n", pos);
    next = next == std::string::npos ? warc.size() : next + 4;
    out.push_back(warc.substr(pos, next - pos));
    pos = next;
  }
  return out;
}

void CheckCrawl(const testing::Collected& got, const std::string& name) {
  ASSERT_TRUE(got.errors.empty()) << got.errors[0];
  ASSERT_EQ(got.docs.size(), 3u);
  const Document& a = got.docs[0];
  EXPECT_EQ(a.record, 3u);
  EXPECT_EQ(a.url, "https://news.example.org/2024/05/lisbon-talks");
  EXPECT_EQ(FormatDate(*a.dct), "2024-05-14");  // WARC-Date: the page has none
  EXPECT_EQ(a.id.rfind("urn:uuid:", 0), 0u);
  EXPECT_EQ(a.input, name);
  const Document& b = got.docs[1];
  EXPECT_EQ(b.record, 7u);  // 4 metadata, 5 image, 6 redirect are skipped
  EXPECT_EQ(b.url, "https://port.example.net/news/strike-ends");
  const Document& c = got.docs[2];
  EXPECT_EQ(c.record, 8u);
  EXPECT_EQ(c.url, "file:///archive/note.html");
  EXPECT_EQ(FormatDate(*c.dct), "2024-05-16");
}

TEST(Warc, Fixture) {
  const std::string raw = testing::Slurp(DataPath("crawl.warc"));
  ASSERT_FALSE(raw.empty());
  auto got = Collect(raw, "crawl.warc");
  CheckCrawl(got, "crawl.warc");
  // input_offset points at the record's "WARC/" line.
  for (const Document& d : got.docs)
    EXPECT_EQ(raw.substr(d.input_offset, 9), "WARC/1.1\r") << d.record;
  auto recs = Records(raw);
  ASSERT_EQ(recs.size(), 8u);
  size_t off = 0;
  for (int i = 0; i < 2; ++i) off += recs[i].size();
  EXPECT_EQ(got.docs[0].input_offset, off);
}

TEST(Warc, Content) {
  auto got = Collect(testing::Slurp(DataPath("crawl.warc")), "crawl.warc");
  ASSERT_EQ(got.docs.size(), 3u);
  EXPECT_NE(got.docs[0].text.find("Foreign ministers of Portugal and Spain met in Lisbon"),
            std::string::npos);
  EXPECT_EQ(got.docs[0].title, "Ministers meet in Lisbon");
  // Chunked + gzip-encoded body decoded; the page's own earlier date wins.
  EXPECT_NE(got.docs[1].text.find("Dock workers in Rotterdam"), std::string::npos);
  if (got.docs[1].dct != CivilDate{2024, 5, 13}) {
    ADD_FAILURE() << "expected the page date 2024-05-13, got "
                  << (got.docs[1].dct ? FormatDate(*got.docs[1].dct) : "none");
  }
  EXPECT_NE(got.docs[2].text.find("Parliament approved the budget"), std::string::npos);
}

TEST(Warc, GzipOneMemberPerRecord) {
  const std::string raw = testing::Slurp(DataPath("crawl.warc"));
  std::string gz;
  for (const std::string& r : Records(raw)) gz += testing::Gzip(r);
  auto got = Collect(gz, "crawl.warc.gz");
  CheckCrawl(got, "crawl.warc.gz");
}

TEST(Warc, ForcedFormatAndDetection) {
  const std::string raw = testing::Slurp(DataPath("crawl.warc"));
  EXPECT_EQ(DetectFormat(raw.substr(0, 100), "x"), InputFormat::kWarc);
}

TEST(Warc, JunkBetweenRecordsIsReportedAndSkipped) {
  const std::string raw = testing::Slurp(DataPath("crawl.warc"));
  auto recs = Records(raw);
  std::string mixed = recs[0] + recs[1] + "\x01\x02garbage line\n" + recs[2];
  auto got = Collect(mixed, "mixed.warc");
  ASSERT_EQ(got.errors.size() >= 1, true);
  const uint64_t junk_at = recs[0].size() + recs[1].size();
  EXPECT_TRUE(testing::HasPosition(got.errors[0], "mixed.warc", 3, junk_at)) << got.errors[0];
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].url, "https://news.example.org/2024/05/lisbon-talks");
}

TEST(Warc, MissingContentLength) {
  std::string rec = "WARC/1.0\r\nWARC-Type: response\r\n\r\nbody\r\n\r\n";
  auto got = Collect(rec, "nolen.warc");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_TRUE(testing::HasPosition(got.errors[0], "nolen.warc", 1, 0)) << got.errors[0];
}

TEST(Warc, OversizedRecordIsSkipped) {
  const std::string raw = testing::Slurp(DataPath("crawl.warc"));
  IngestOptions o;
  o.max_record_bytes = 400;  // smaller than the response blocks
  auto got = Collect(raw, "crawl.warc", o);
  EXPECT_TRUE(got.docs.size() < 3u);
  ASSERT_FALSE(got.errors.empty());
  EXPECT_NE(got.errors[0].find("larger than 400"), std::string::npos) << got.errors[0];
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

TEST(Warc, StreamsLargeSkippedRecordsFromAFile) {
  // page, a 3 MB image record (skipped chunk by chunk), page; gzip per record.
  auto rec = [](const std::string& type, const std::string& ctype, const std::string& block,
                const std::string& uri) {
    return "WARC/1.1\r\nWARC-Type: " + type +
           "\r\nWARC-Date: 2024-06-01T00:00:00Z\r\nWARC-Target-URI: " + uri +
           "\r\nContent-Type: " + ctype + "\r\nContent-Length: " + std::to_string(block.size()) +
           "\r\n\r\n" + block + "\r\n\r\n";
  };
  const std::string page = "<html><body><p>Rain fell in Bergen on Saturday.</p></body></html>";
  const std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page;
  const std::string image =
      "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n" + std::string(3 << 20, '\x89');
  const std::string r1 =
      rec("response", "application/http; msgtype=response", http, "https://a.example/1");
  const std::string r2 =
      rec("response", "application/http; msgtype=response", image, "https://a.example/i.png");
  const std::string r3 =
      rec("response", "application/http; msgtype=response", http, "https://a.example/3");
  const std::string path = ::testing::TempDir() + "/ingest_stream.warc.gz";
  std::ofstream(path, std::ios::binary)
      << testing::Gzip(r1) << testing::Gzip(r2) << testing::Gzip(r3);
  auto got = testing::CollectFile(path);
  ASSERT_TRUE(got.errors.empty()) << got.errors[0];
  ASSERT_EQ(got.docs.size(), 2u);
  EXPECT_EQ(got.docs[0].url, "https://a.example/1");
  EXPECT_EQ(got.docs[1].url, "https://a.example/3");
  EXPECT_EQ(got.docs[1].record, 3u);
  EXPECT_EQ(got.docs[1].input_offset, r1.size() + r2.size());
  EXPECT_EQ(got.docs[1].id, "ingest_stream#3");  // no WARC-Record-ID
}

}  // namespace
}  // namespace annals
