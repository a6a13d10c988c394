// Bad input: every case yields one-line errors naming the input, the
// record and the byte offset, and every other document still comes out.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/utf8.h"
#include "test_util.h"

namespace annals {
namespace {

using testing::Collect;
using testing::CollectFile;
using testing::HasPosition;

const std::string kA = "{\"id\":\"a\",\"date\":\"2024-01-01\",\"text\":\"first\"}\n";
const std::string kB = "{\"id\":\"b\",\"date\":\"2024-01-02\",\"text\":\"second\"}\n";

TEST(BadInput, TruncatedGzip) {
  std::string big;
  for (int i = 0; i < 5000; ++i)
    big += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"" + std::to_string(i * 7919) +
           " words\"}\n";
  std::string gz = testing::Gzip(big);
  auto got = Collect(std::string_view(gz).substr(0, gz.size() / 2), "cut.jsonl.gz");
  ASSERT_FALSE(got.docs.empty());  // the records decoded before the cut
  EXPECT_LT(got.docs.size(), 5000u);
  ASSERT_EQ(got.errors.size(), 1u);
  const std::string& e = got.errors[0];
  const uint64_t rec = got.docs.size() + 1;  // the record being read when the stream broke
  EXPECT_EQ(e.rfind("cut.jsonl.gz: record " + std::to_string(rec) + ", byte ", 0), 0u) << e;
  EXPECT_NE(e.find("truncated"), std::string::npos) << e;
  EXPECT_NE(e.find("compressed byte"), std::string::npos) << e;
  for (size_t i = 0; i < got.docs.size(); ++i) EXPECT_EQ(got.docs[i].id, "r" + std::to_string(i));
  EXPECT_FALSE(got.status.ok());
}

TEST(BadInput, TruncatedGzipSingleTextDocument) {
  std::string gz = testing::Gzip("date 2024-04-02 " + std::string(100000, 'w'));
  auto got = Collect(std::string_view(gz).substr(0, gz.size() - 10), "t.txt.gz");
  EXPECT_TRUE(got.docs.empty());  // a cut document is not passed on as whole
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].rfind("t.txt.gz: record 1, byte ", 0), 0u) << got.errors[0];
}

TEST(BadInput, CorruptGzip) {
  std::string gz = testing::Gzip(kA + kB);
  gz[gz.size() / 2] ^= 0x55;
  gz[gz.size() / 2 + 1] ^= 0x55;
  auto got = Collect(gz, "bad.jsonl.gz");
  EXPECT_FALSE(got.errors.empty());
  EXPECT_FALSE(got.status.ok());
}

TEST(BadInput, TruncatedZstd) {
  std::string zs = testing::Zstd(kA + kB);
  auto got = Collect(std::string_view(zs).substr(0, zs.size() - 3), "t.jsonl.zst");
  ASSERT_FALSE(got.errors.empty());
  EXPECT_NE(got.errors.back().find("truncated"), std::string::npos) << got.errors.back();
}

TEST(BadInput, TruncatedWarcRecord) {
  std::string ok =
      "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Date: 2024-05-01T00:00:00Z\r\nContent-Type: "
      "text/plain\r\n"
      "Content-Length: 5\r\n\r\nhello\r\n\r\n";
  std::string cut =
      "WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http; msgtype=response\r\n"
      "Content-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n";
  auto got = Collect(ok + cut, "cut.warc");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_TRUE(HasPosition(got.errors[0], "cut.warc", 2, ok.size())) << got.errors[0];
  EXPECT_NE(got.errors[0].find("truncated WARC record"), std::string::npos);
  // Same inside a gzip member cut short: the stream error names record 2.
  std::string gz = testing::Gzip(ok) + testing::Gzip(cut + std::string(4900, 'x'));
  auto got2 = Collect(std::string_view(gz).substr(0, gz.size() - 8), "cut.warc.gz");
  ASSERT_FALSE(got2.errors.empty());
  EXPECT_EQ(got2.errors[0].rfind("cut.warc.gz: record 2, byte ", 0), 0u) << got2.errors[0];
}

TEST(BadInput, FiftyMegabyteSingleLine) {
  std::string line(50u << 20, 'x');
  // JSONL: not an object -> one error, no parse of 50 MB; neighbours survive.
  auto got = Collect(kA + line + "\n" + kB, "big.jsonl");
  ASSERT_EQ(got.docs.size(), 2u);
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_TRUE(HasPosition(got.errors[0], "big.jsonl", 2, kA.size())) << got.errors[0];
  // Over max_record_bytes: reported and skipped without buffering.
  IngestOptions o;
  o.max_record_bytes = 1 << 20;
  auto got2 = Collect(kA + "{\"text\":\"" + line + "\"}\n" + kB, "big.jsonl", o);
  ASSERT_EQ(got2.docs.size(), 2u);
  ASSERT_EQ(got2.errors.size(), 1u);
  EXPECT_NE(got2.errors[0].find("longer than"), std::string::npos);
  // As a text document it is simply a (long) document.
  auto got3 = Collect("date 2024-04-02 " + line, "big.txt");
  ASSERT_EQ(got3.docs.size(), 1u);
  EXPECT_EQ(got3.docs[0].text.size(), line.size());
  EXPECT_TRUE(got3.errors.empty());
}

TEST(BadInput, FiftyMegabyteJsonRecordParses) {
  std::string text(50u << 20, 'y');
  auto got = Collect("{\"text\":\"" + text + "\"}\n", "bigrec.jsonl");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].text.size(), text.size());
}

TEST(BadInput, BinaryJunk) {
  std::string junk;
  uint32_t x = 12345;
  for (int i = 0; i < 100000; ++i) {
    x = x * 1103515245 + 12345;
    junk.push_back(static_cast<char>(x >> 24));
  }
  for (InputFormat f : {InputFormat::kAuto, InputFormat::kText, InputFormat::kJsonl,
                        InputFormat::kWarc, InputFormat::kFeed, InputFormat::kHtml}) {
    IngestOptions o;
    o.format = f;
    auto got = Collect(junk, "junk.bin", o);
    for (const Document& d : got.docs) EXPECT_EQ(ValidUtf8Prefix(d.text), d.text.size());
    for (const std::string& e : got.errors) EXPECT_EQ(e.rfind("junk.bin: record ", 0), 0u) << e;
  }
  // Junk between good JSONL lines.
  auto got = Collect(kA + junk.substr(0, 300) + "\n" + kB, "mixed.jsonl");
  EXPECT_GE(got.docs.size(), 2u);
  EXPECT_EQ(got.docs.front().id, "a");
  EXPECT_EQ(got.docs.back().id, "b");
  EXPECT_FALSE(got.errors.empty());
}

TEST(BadInput, InvalidUtf8IsRepairedCountedAndReported) {
  auto got = Collect("date 2024-04-02 Caf\xE9 and \xC3 more \xF0\x9F", "bad.txt");
  ASSERT_EQ(got.docs.size(), 1u);
  const Document& d = got.docs[0];
  EXPECT_EQ(d.invalid_utf8, 3u);
  EXPECT_EQ(d.text, "Caf\xEF\xBF\xBD and \xEF\xBF\xBD more \xEF\xBF\xBD");
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_TRUE(HasPosition(got.errors[0], "bad.txt", 1, 19)) << got.errors[0];  // byte of \xE9
  // JSONL: simdjson rejects it; the line is repaired, reported, and kept.
  auto got2 = Collect(kA + "{\"id\":\"u\",\"text\":\"na\xEFve\"}\n", "u.jsonl");
  ASSERT_EQ(got2.docs.size(), 2u);
  EXPECT_EQ(got2.docs[1].text, "na\xEF\xBF\xBDve");
  EXPECT_EQ(got2.docs[1].invalid_utf8, 1u);
  ASSERT_EQ(got2.errors.size(), 1u);
  EXPECT_TRUE(HasPosition(got2.errors[0], "u.jsonl", 2, kA.size() + 20)) << got2.errors[0];
}

TEST(BadInput, JsonlLineNotJson) {
  auto got = Collect(kA + "{\"id\": oops}\n" + "plain words\n" + kB, "nj.jsonl");
  ASSERT_EQ(got.docs.size(), 2u);
  ASSERT_EQ(got.errors.size(), 2u);
  EXPECT_TRUE(HasPosition(got.errors[0], "nj.jsonl", 2, kA.size())) << got.errors[0];
  EXPECT_TRUE(HasPosition(got.errors[1], "nj.jsonl", 3, kA.size() + 13)) << got.errors[1];
}

TEST(BadInput, MissingDateIsNotAnIngestError) {
  auto got = Collect("{\"text\":\"no date\"}\n", "nd.jsonl");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_FALSE(got.docs[0].dct);
  EXPECT_TRUE(got.errors.empty());
  EXPECT_TRUE(got.status.ok());
  IngestOptions o;
  o.default_date = CivilDate{2024, 4, 2};
  auto got2 = Collect("no header", "nd.txt", o);
  EXPECT_EQ(FormatDate(*got2.docs[0].dct), "2024-04-02");
}

TEST(BadInput, UnreadableFile) {
  auto got = CollectFile("/nonexistent/dir/file.txt");
  EXPECT_TRUE(got.docs.empty());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_TRUE(HasPosition(got.errors[0], "/nonexistent/dir/file.txt", 1, 0)) << got.errors[0];
  EXPECT_FALSE(got.status.ok());
  // A folder given as a file: reading fails, reported the same way.
  auto dir = CollectFile(::testing::TempDir());
  EXPECT_TRUE(dir.docs.empty());
  ASSERT_EQ(dir.errors.size(), 1u);
  // No read permission (meaningless as root, which reads anything).
  if (geteuid() != 0) {
    const std::string path = ::testing::TempDir() + "/ingest_noperm.txt";
    std::ofstream(path) << "date 2024-04-02 x";
    chmod(path.c_str(), 0);
    auto np = CollectFile(path);
    EXPECT_TRUE(np.docs.empty());
    EXPECT_EQ(np.errors.size(), 1u);
    unlink(path.c_str());
  }
}

TEST(BadInput, EmptyInputs) {
  for (InputFormat f : {InputFormat::kJsonl, InputFormat::kWarc}) {
    IngestOptions o;
    o.format = f;
    auto got = Collect("", "empty", o);
    EXPECT_TRUE(got.docs.empty());
    EXPECT_TRUE(got.errors.empty());
  }
  auto text = Collect("", "empty.txt");
  ASSERT_EQ(text.docs.size(), 1u);  // an empty article is still a document
  EXPECT_TRUE(text.docs[0].text.empty());
}

}  // namespace
}  // namespace annals

namespace annals {
namespace {

TEST(BadInput, BinaryFileAsTextIsReportedNotEmitted) {
  std::string bin = "date 2024-04-02 ";
  bin += std::string(
      "\x7f"
      "ELF\x02\x01\x01\0\0\0\0",
      12);
  bin += std::string(2000, '\x01');
  auto got = testing::Collect(bin, "prog.bin");
  EXPECT_TRUE(got.docs.empty());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_NE(got.errors[0].find("binary data"), std::string::npos);
  // Text with a few control bytes is still text.
  auto ok = testing::Collect("date 2024-04-02 Words\x0c and a form feed.\x1b", "t.txt");
  EXPECT_EQ(ok.docs.size(), 1u);
}

TEST(BadInput, ErrorLinesAreCappedPerInput) {
  std::string lines;
  for (int i = 0; i < 3000; ++i) lines += "junk line\n";
  lines += "{\"text\":\"last\"}\n";
  auto got = testing::Collect(lines, "many.jsonl");
  ASSERT_EQ(got.docs.size(), 1u);
  ASSERT_EQ(got.errors.size(), 1001u);
  EXPECT_NE(got.errors.back().find("more than 1000 errors"), std::string::npos);
  EXPECT_FALSE(got.status.ok());
}

}  // namespace
}  // namespace annals
