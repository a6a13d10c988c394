// Text reader, format detection, compression and the shared input layer.
// (Header and date tables: golden_test.cc over golden/*.tsv.)
#include <gtest/gtest.h>

#include "ingest/internal.h"
#include "test_util.h"

namespace annals {
namespace {

using testing::Collect;
using testing::CollectFile;
using testing::DataPath;

TEST(TextReader, ImpossibleHeaderDateIsReported) {
  auto got = Collect("date 2024-02-30 Body.", "bad.txt");
  EXPECT_TRUE(got.docs.empty());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_TRUE(testing::HasPosition(got.errors[0], "bad.txt", 1, 0)) << got.errors[0];
  EXPECT_FALSE(got.status.ok());
}

TEST(TextReader, DefaultDateOnlyWhenNoHeader) {
  IngestOptions o;
  o.default_date = CivilDate{2020, 1, 1};
  auto with = Collect("date 2024-04-02 Body.", "a.txt", o);
  EXPECT_EQ(FormatDate(*with.docs[0].dct), "2024-04-02");
  auto without = Collect("Body.", "b.txt", o);
  EXPECT_EQ(FormatDate(*without.docs[0].dct), "2020-01-01");
}

TEST(TextReader, SeedExampleOffsetsFollowTheBody) {
  const std::string path = std::string(ANNALS_SHARED_DIR) + "/examples/seed-2024-04-02.txt";
  std::string raw = testing::Slurp(path);
  if (raw.empty()) GTEST_SKIP() << "skipped: no ../shared";
  auto got = CollectFile(path);
  ASSERT_EQ(got.docs.size(), 1u);
  const Document& d = got.docs[0];
  EXPECT_EQ(d.id, "seed-2024-04-02");
  EXPECT_EQ(FormatDate(*d.dct), "2024-04-02");
  // The text is the input after the header: it ends the same way.
  ASSERT_LE(d.text.size(), raw.size());
  EXPECT_EQ(raw.substr(raw.size() - d.text.size()), d.text);
  EXPECT_NE(d.text.substr(0, 4), "date");
}

TEST(TextReader, FixtureFile) {
  auto got = CollectFile(DataPath("article.txt"));
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].id, "article");
  EXPECT_EQ(FormatDate(*got.docs[0].dct), "2024-03-18");
  EXPECT_EQ(got.docs[0].text.rfind("The mayor of Lyon", 0), 0u);
  EXPECT_TRUE(got.status.ok());
}

TEST(TextReader, ByteOrderMarkIsSkipped) {
  auto got = Collect(
      "\xEF\xBB\xBF"
      "date 2024-04-02 Body.",
      "bom.txt");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].text, "Body.");
  ASSERT_TRUE(got.docs[0].dct);
}

struct DetectCase {
  const char* head;
  const char* name;
  InputFormat want;
};

TEST(Detect, Table) {
  const DetectCase cases[] = {
      {"WARC/1.0\r\nWARC-Type: warcinfo", "x.bin", InputFormat::kWarc},
      {"  date 2024-04-02 Body", "x.jsonl", InputFormat::kText},
      {"{\"id\":1}", "x.txt", InputFormat::kJsonl},
      {"<?xml version=\"1.0\"?>\n<rss version=\"2.0\">", "x", InputFormat::kFeed},
      {"<?xml version=\"1.0\"?><!-- c --><feed xmlns=\"http://www.w3.org/2005/Atom\">", "x",
       InputFormat::kFeed},
      {"<rdf:RDF xmlns:rdf=\"x\">", "x", InputFormat::kFeed},
      {"<!DOCTYPE html><html><head>", "x.xml", InputFormat::kHtml},
      {"<html><body>feed</body>", "x", InputFormat::kHtml},
      {"<feeder>", "x", InputFormat::kHtml},
      {"\xEF\xBB\xBF{\"a\":1}", "x", InputFormat::kJsonl},
      {"Just words.", "page.HTML", InputFormat::kHtml},
      {"Just words.", "list.ndjson.gz", InputFormat::kJsonl},
      {"Just words.", "crawl.warc.gz", InputFormat::kWarc},
      {"Just words.", "news.atom", InputFormat::kFeed},
      {"Just words.", "notes.txt", InputFormat::kText},
      {"", "-", InputFormat::kText},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(DetectFormat(c.head, c.name), c.want) << c.head << " / " << c.name;
  }
}

TEST(Detect, FormatNames) {
  for (const char* n : {"auto", "text", "jsonl", "html", "warc", "rss", "atom", "feed"}) {
    EXPECT_TRUE(ParseInputFormat(n).has_value()) << n;
  }
  EXPECT_FALSE(ParseInputFormat("pdf").has_value());
  EXPECT_STREQ(InputFormatName(InputFormat::kWarc), "warc");
}

TEST(Detect, ForcedFormatWins) {
  auto got = Collect("{\"text\":\"x\"}", "a.jsonl", {.format = InputFormat::kText});
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].text, "{\"text\":\"x\"}");
}

TEST(Compression, GzipZstdAndMultiMember) {
  const std::string a = "{\"id\":\"a\",\"text\":\"one\"}\n";
  const std::string b = "{\"id\":\"b\",\"text\":\"two\"}\n";
  for (const std::string& bytes : {testing::Gzip(a + b), testing::Gzip(a) + testing::Gzip(b),
                                   testing::Zstd(a + b), testing::Zstd(a) + testing::Zstd(b)}) {
    auto got = Collect(bytes, "x.jsonl.gz");
    ASSERT_EQ(got.docs.size(), 2u);
    EXPECT_EQ(got.docs[0].id, "a");
    EXPECT_EQ(got.docs[1].id, "b");
    EXPECT_EQ(got.docs[1].input_offset, a.size());  // offsets are in the decoded stream
    EXPECT_TRUE(got.errors.empty());
  }
}

TEST(Compression, LargeGzipStreamsThroughReadInput) {
  // Many records across several read chunks, from a file.
  std::string plain;
  for (int i = 0; i < 20000; ++i)
    plain += "{\"id\":\"" + std::to_string(i) + "\",\"text\":\"Words of record.\"}\n";
  const std::string path = ::testing::TempDir() + "/ingest_large.jsonl.gz";
  std::ofstream(path, std::ios::binary) << testing::Gzip(plain);
  auto got = CollectFile(path);
  ASSERT_EQ(got.docs.size(), 20000u);
  EXPECT_EQ(got.docs.back().id, "19999");
  EXPECT_EQ(got.docs.back().record, 20000u);
  EXPECT_TRUE(got.status.ok());
}

TEST(Input, ReadLineAcrossChunksAndTooLong) {
  std::string data = std::string(300000, 'a') + "\nshort\n" + std::string(10, 'b');
  ingest_internal::Input in(ingest_internal::MemorySource(data));
  std::string_view line;
  uint64_t off = 0;
  bool term = false;
  EXPECT_EQ(in.ReadLine(1000, &line, &off, &term), ingest_internal::Input::Line::kTooLong);
  EXPECT_EQ(in.ReadLine(1000, &line, &off, &term), ingest_internal::Input::Line::kOk);
  EXPECT_EQ(line, "short");
  EXPECT_EQ(off, 300001u);
  EXPECT_EQ(in.ReadLine(1000, &line, &off, &term), ingest_internal::Input::Line::kOk);
  EXPECT_EQ(line, std::string(10, 'b'));
  EXPECT_FALSE(term);
  EXPECT_EQ(in.ReadLine(1000, &line, &off, &term), ingest_internal::Input::Line::kEnd);
}

TEST(Input, SkipToFindsNeedleAcrossChunks) {
  std::string data = std::string(700000, 'x') + "\nWARC/1.1\r\n";
  ingest_internal::Input in(ingest_internal::MemorySource(data));
  ASSERT_TRUE(in.SkipTo("\nWARC/"));
  EXPECT_EQ(in.offset(), 700000u);
  EXPECT_FALSE(in.SkipTo("absent"));
}

TEST(Ids, InputStem) {
  EXPECT_EQ(ingest_internal::InputStem("/a/b/crawl.warc.gz"), "crawl");
  EXPECT_EQ(ingest_internal::InputStem("seed-2024-04-02.txt"), "seed-2024-04-02");
  EXPECT_EQ(ingest_internal::InputStem("-"), "stdin");
  EXPECT_EQ(ingest_internal::InputStem("README"), "README");
  EXPECT_EQ(ingest_internal::InputStem(".hidden"), ".hidden");
}

TEST(Sink, StopsWhenAsked) {
  std::string in = "{\"text\":\"a\"}\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n";
  int n = 0;
  ReadBuffer(
      in, "x.jsonl", {}, [&](Document&&) { return ++n < 2; }, [](const Status&) {});
  EXPECT_EQ(n, 2);
}

}  // namespace
}  // namespace annals
