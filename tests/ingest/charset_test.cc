// HTML payloads in legacy character sets are converted to UTF-8 before
// HtmlToDocument sees them.
#include <gtest/gtest.h>

#include "core/utf8.h"
#include "ingest/internal.h"
#include "test_util.h"

namespace annals {
namespace {

using ingest_internal::DeclaredCharset;
using ingest_internal::HtmlToUtf8;

TEST(Charset, Declared) {
  EXPECT_EQ(DeclaredCharset("<html>", "text/html; charset=ISO-8859-1"), "iso-8859-1");
  EXPECT_EQ(DeclaredCharset("<html><head><meta charset=\"Shift_JIS\">", ""), "shift_jis");
  EXPECT_EQ(DeclaredCharset(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", ""),
            "koi8-r");
  EXPECT_EQ(DeclaredCharset("<html><body>no label</body>", "text/html"), "");
}

TEST(Charset, ValidUtf8IsKeptWhateverTheLabel) {
  std::string storage;
  std::string_view page = "<p>Caf\xC3\xA9</p>";
  EXPECT_EQ(HtmlToUtf8(page, "text/html; charset=iso-8859-1", &storage).data(), page.data());
}

TEST(Charset, Windows1252ByLabelOrByDefault) {
  std::string storage;
  EXPECT_EQ(
      HtmlToUtf8("<p>Caf\xE9 \x93quoted\x94</p>", "text/html; charset=windows-1252", &storage),
      "<p>Caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D</p>");
  EXPECT_EQ(HtmlToUtf8("<p>na\xEFve</p>", "", &storage), "<p>na\xC3\xAFve</p>");
}

TEST(Charset, OtherCharsetsThroughIcu) {
  std::string storage;
  // "Moskva" in KOI8-R, declared in a meta tag.
  std::string page = "<meta charset=\"koi8-r\"><p>\xED\xCF\xD3\xCB\xD7\xC1</p>";
  std::string_view out = HtmlToUtf8(page, "", &storage);
  EXPECT_NE(out.find("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"), std::string_view::npos)
      << out;
  EXPECT_EQ(ValidUtf8Prefix(out), out.size());
}

TEST(Charset, Latin1HtmlFileReadsCleanly) {
  auto got = testing::Collect(
      "<html><head><meta charset=\"iso-8859-1\"><title>Z\xFCrich</title></head>"
      "<body><p>Die Stadt Z\xFCrich w\xE4hlte am Sonntag.</p></body></html>",
      "page.html");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].invalid_utf8, 0u);
  EXPECT_NE(got.docs[0].text.find("Die Stadt Z\xC3\xBCrich w\xC3\xA4hlte am Sonntag."),
            std::string::npos);
  EXPECT_EQ(got.docs[0].id, "page");
}

TEST(Wet, ConversionRecordsAreTextDocuments) {
  std::string body = "Voters in Porto went to the polls on Sunday.\n";
  std::string wet =
      "WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://example.pt/a\r\n"
      "WARC-Date: 2024-03-10T12:00:00Z\r\nContent-Type: text/plain\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body + "\r\n\r\n";
  auto got = testing::Collect(wet, "x.warc.wet");
  ASSERT_EQ(got.docs.size(), 1u);
  EXPECT_EQ(got.docs[0].text, body);
  EXPECT_EQ(got.docs[0].url, "https://example.pt/a");
  EXPECT_EQ(FormatDate(*got.docs[0].dct), "2024-03-10");
  EXPECT_EQ(got.docs[0].id, "x.warc#1");
}

}  // namespace
}  // namespace annals
