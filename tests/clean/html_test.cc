// HTML reading (text, blocks, metadata, robustness on soup) and DOM block
// scoring on pages written for these tests.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "clean/clean.h"
#include "core/utf8.h"
#include "ingest/ingest.h"
#include "pipeline/pipeline.h"

namespace annals {
namespace {

Document Read(const std::string& html) {
  Document doc;
  Status st = HtmlToDocument(html, &doc);
  EXPECT_TRUE(st.ok()) << st.message();
  return doc;
}

std::string BlockText(const Document& doc, size_t i) {
  return doc.text.substr(doc.blocks[i].span.begin, doc.blocks[i].span.size());
}

TEST(HtmlReader, BlocksInlineTextEntitiesAndDroppedElements) {
  const Document doc = Read(
      "<html><head><title>T</title><style>p{color:red}</style><script>var x = '<p>no</p>';</script></head>"
      "<body><h1>  The   headline </h1>"
      "<p>First <b>bold</b>\n  and <a href='/x'>a link</a> &amp; more&nbsp;text.</p>"
      "<div>Direct text<p>Inner paragraph.</p>tail text</div>"
      "<ul><li>one</li><li>two</li></ul><noscript>enable js</noscript>"
      "<p>Line one<br>line two</p><template><p>hidden template</p></template>"
      "<pre>code  kept\nas is</pre></body></html>");
  EXPECT_EQ(doc.text,
            "The headline\n\nFirst bold and a link & more text.\n\nDirect text\n\nInner paragraph.\n\n"
            "tail text\n\none\n\ntwo\n\nLine one\nline two\n\ncode  kept\nas is");
  ASSERT_EQ(doc.blocks.size(), 9u);
  EXPECT_EQ(doc.blocks[0].tag, TextBlock::kHeading);
  EXPECT_EQ(doc.blocks[1].tag, TextBlock::kParagraph);
  EXPECT_EQ(doc.blocks[1].link_bytes, 6u);  // "a link"
  EXPECT_EQ(doc.blocks[2].tag, TextBlock::kDiv);
  EXPECT_EQ(BlockText(doc, 2), "Direct text");
  EXPECT_EQ(BlockText(doc, 4), "tail text");
  EXPECT_EQ(doc.blocks[5].tag, TextBlock::kListItem);
  EXPECT_EQ(doc.blocks[8].tag, TextBlock::kPre);
  // Ancestry: the inner paragraph lies inside the div of "Direct text".
  const TextBlock& div = doc.blocks[2];
  const TextBlock& inner = doc.blocks[3];
  EXPECT_EQ(inner.ancestor[1], div.ancestor[0]);
  EXPECT_GE(inner.ancestor[0], div.ancestor[0]);
  EXPECT_LT(inner.ancestor[0], div.ancestor_end[0]);
  for (size_t i = 1; i < doc.blocks.size(); ++i) EXPECT_LT(doc.blocks[i - 1].span.end, doc.blocks[i].span.begin);
}

TEST(HtmlReader, TemplateHints) {
  const Document doc = Read(
      "<body><nav><a href=/>Home</a></nav><div class='sidebar-widget'><p>Popular now</p></div>"
      "<article><div class='article-body'><p>Story text here.</p></div>"
      "<div class='social-share'><a>Share</a></div></article>"
      "<footer><p>About us</p></footer><div class='cookie-banner'><p>We use cookies.</p></div>"
      "<p hidden>Secret</p><p>Visible <span style='display: none'>invisible</span>words</p></body>");
  auto hints_of = [&](const std::string& text) -> uint32_t {
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
      if (BlockText(doc, i) == text) return doc.blocks[i].hints;
    }
    ADD_FAILURE() << "no block " << text;
    return 0;
  };
  EXPECT_NE(hints_of("Home") & TextBlock::kHintNav, 0u);
  EXPECT_NE(hints_of("Popular now") & TextBlock::kHintAside, 0u);
  EXPECT_NE(hints_of("Story text here.") & TextBlock::kHintArticle, 0u);
  EXPECT_EQ(hints_of("Story text here.") & (TextBlock::kHintNav | TextBlock::kHintShare), 0u);
  EXPECT_NE(hints_of("Share") & TextBlock::kHintShare, 0u);
  EXPECT_NE(hints_of("About us") & TextBlock::kHintFooter, 0u);
  EXPECT_NE(hints_of("We use cookies.") & TextBlock::kHintCookie, 0u);
  EXPECT_NE(hints_of("Secret") & TextBlock::kHintHidden, 0u);
  EXPECT_EQ(doc.text.find("invisible"), std::string::npos);
  EXPECT_NE(doc.text.find("Visible words"), std::string::npos);
}

TEST(HtmlReader, Metadata) {
  {
    const Document doc = Read(
        "<html><head><title>Page title | Site</title>"
        "<meta property='og:title' content='Ministers meet in Paris'>"
        "<link rel='canonical' href='https://example.com/a/1'>"
        "<meta property='og:url' content='https://example.com/og'>"
        "<meta property='article:published_time' content='2024-04-02T09:30:00+02:00'>"
        "<script type='application/ld+json'>{\"datePublished\": \"2023-01-01\"}</script>"
        "</head><body><time datetime='2022-05-05'>May 5</time><p>x</p></body></html>");
    EXPECT_EQ(doc.title, "Ministers meet in Paris");
    EXPECT_EQ(doc.url, "https://example.com/a/1");
    ASSERT_TRUE(doc.dct.has_value());
    EXPECT_EQ(FormatDate(*doc.dct), "2024-04-02");
  }
  {
    const Document doc = Read(
        "<html><head><title> Plain   title </title><meta property='og:url' content='https://example.com/og'>"
        "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\" : \"2023-01-31T10:00:00Z\"}"
        "</script></head><body><time datetime='2022-05-05'>May 5</time></body></html>");
    EXPECT_EQ(doc.title, "Plain title");
    EXPECT_EQ(doc.url, "https://example.com/og");
    ASSERT_TRUE(doc.dct.has_value());
    EXPECT_EQ(FormatDate(*doc.dct), "2023-01-31");
  }
  {
    const Document doc = Read("<body><p>Posted <time datetime='2022-05-05T08:00'>May 5</time></p></body>");
    ASSERT_TRUE(doc.dct.has_value());
    EXPECT_EQ(FormatDate(*doc.dct), "2022-05-05");
  }
  {
    const Document doc = Read("<head><meta itemprop='datePublished' content='2021-12-24'></head><p>x</p>");
    ASSERT_TRUE(doc.dct.has_value());
    EXPECT_EQ(FormatDate(*doc.dct), "2021-12-24");
  }
  {
    // A date from the input wins over the page's; a bad date is ignored.
    Document doc;
    doc.dct = CivilDate{2020, 1, 2};
    doc.url = "from-input";
    ASSERT_TRUE(HtmlToDocument("<meta property='article:published_time' content='2024-04-02'>"
                               "<link rel=canonical href=/x>", &doc).ok());
    EXPECT_EQ(FormatDate(*doc.dct), "2020-01-02");
    EXPECT_EQ(doc.url, "from-input");
    const Document bad = Read("<meta property='article:published_time' content='yesterday'><p>x</p>");
    EXPECT_FALSE(bad.dct.has_value());
  }
}

TEST(HtmlReader, SoupNeverBreaksInvariants) {
  const std::string pieces[] = {"<p>", "</p>", "<div class='a'>", "</div>", "<a href=x>", "</a>", "<br>",
                                "<script>", "</script>", "text ", "&amp;", "&#0;", "&#xD800;", "\xFF\xFE",
                                "\xC3", "<!--", "-->", "<table><tr><td>", "</td>", "<pre>", "\n", "<li>",
                                "<nav>", "</nav>", "<<", ">", "\"", "<time datetime='", "<![CDATA[", "<svg>",
                                "<h1>", "caf\xC3\xA9 ", "\xC2\xA0", "<body>", "<html>", "<template>"};
  std::mt19937 rng(7);
  for (int iter = 0; iter < 400; ++iter) {
    std::string html;
    const int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) html += pieces[rng() % std::size(pieces)];
    Document doc;
    ASSERT_TRUE(HtmlToDocument(html, &doc).ok());
    ASSERT_EQ(ValidUtf8Prefix(doc.text), doc.text.size()) << html;
    ASSERT_EQ(ValidUtf8Prefix(doc.title), doc.title.size());
    uint32_t prev = 0;
    for (const TextBlock& b : doc.blocks) {
      ASSERT_LE(prev, b.span.begin);
      ASSERT_LE(b.span.begin, b.span.end);
      ASSERT_LE(b.span.end, doc.text.size());
      ASSERT_LE(b.link_bytes, b.span.size());
      prev = b.span.end;
    }
    CleanResult r;
    CleanDocument(doc, &r);
    prev = 0;
    for (const Span& s : r.boilerplate) {
      ASSERT_LE(prev, s.begin);
      ASSERT_LT(s.begin, s.end);
      ASSERT_LE(s.end, doc.text.size());
      prev = s.end;
    }
  }
  // Deep nesting: no recursion to overflow.
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += "<div>";
  deep += "bottom";
  Document doc;
  ASSERT_TRUE(HtmlToDocument(deep, &doc).ok());
  EXPECT_NE(doc.text.find("bottom"), std::string::npos);
}

TEST(HtmlReader, PathologicalNestingIsReadWithoutATree) {
  // Gumbo's cost grows with the square of the nesting depth; beyond a few
  // thousand levels the page is read by stripping tags (still text and
  // blocks, in well under a second).
  std::string deep = "<html><body><script>var a = '<p>no</p>';</script>";
  for (int i = 0; i < 100000; ++i) deep += "<div><span>";
  deep += "Top &amp; bottom &#233;t&#xE9; &#55296;<p>second paragraph</p><!-- <p>comment</p> -->";
  Document doc;
  ASSERT_TRUE(HtmlToDocument(deep, &doc).ok());
  EXPECT_EQ(doc.text, "Top & bottom \xC3\xA9t\xC3\xA9 \xEF\xBF\xBD\n\nsecond paragraph");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(ValidUtf8Prefix(doc.text), doc.text.size());
  CleanResult r;
  CleanDocument(doc, &r);
  EXPECT_TRUE(r.boilerplate.empty());
}

// A news page as templates make them: navigation, headline, byline, the
// story split in two containers around an ad, a related list, comments, a
// footer and a cookie notice.
const char kPage[] = R"(<!doctype html><html><head><title>Flood waters rise in the north | Daily Example</title>
<meta property="og:title" content="Flood waters rise in the north"></head><body>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="page"><main><article>
<h1>Flood waters rise in the north</h1>
<div class="byline">By A. Reporter, 2 April 2024</div>
<div class="story-body">
<div>Updated 09:30 GMT, Tuesday, April 2, 2024</div>
<p>Rivers in the northern provinces burst their banks on Tuesday, forcing thousands of residents to leave their homes, officials said.</p>
<p>The regional governor declared a state of emergency, and the army sent boats and helicopters to the worst-hit villages, where water reached the roofs of houses.</p>
</div>
<div class="ad-slot"><p>Advertisement</p></div>
<div class="story-body">
<p>Forecasters expect more rain this week, and engineers are inspecting two dams upstream, the ministry of water said in a statement on Tuesday evening.</p>
<p>Schools in the region will stay closed until Friday, and the railway company suspended trains between the two largest cities, it said.</p>
</div>
<div class="share-tools"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/1">Storm hits coast, thousands without power in the south of the country</a></li>
<li><a href="/2">Drought last summer left reservoirs at record low levels, report says</a></li></ul></aside>
<section id="comments"><p>Great reporting, thanks, I hope everyone stays safe out there tonight.</p></section>
</main></div>
<footer><p>Copyright 2024 Daily Example. All rights reserved.</p><p><a href="/about">About us</a> | <a href="/contact">Contact</a></p></footer>
<div class="cookie-consent"><p>We use cookies to improve your experience on our site, by continuing you agree.</p></div>
</body></html>)";

TEST(HtmlBoilerplate, KeepsTheStoryDropsTheTemplate) {
  const Document doc = Read(kPage);
  CleanResult r;
  CleanDocument(doc, &r);
  const std::string clean = CleanText(doc.text, r.boilerplate);
  for (const char* kept : {"Rivers in the northern provinces", "The regional governor declared",
                           "Forecasters expect more rain", "Schools in the region will stay closed"}) {
    EXPECT_NE(clean.find(kept), std::string::npos) << kept;
  }
  for (const char* dropped : {"Home", "Politics", "Advertisement", "Facebook", "Related stories", "Storm hits coast",
                              "Great reporting", "All rights reserved", "About us", "We use cookies",
                              "Flood waters rise in the north", "By A. Reporter", "Updated 09:30"}) {
    EXPECT_EQ(clean.find(dropped), std::string::npos) << dropped;
  }
  EXPECT_EQ(r.language, "en");
  // Spans are whole blocks, sorted and disjoint.
  uint32_t prev = 0;
  for (const Span& s : r.boilerplate) {
    EXPECT_LE(prev, s.begin);
    prev = s.end;
  }
}

TEST(HtmlBoilerplate, BlocksThatDoNotFitTheTextFallBackToLineRules) {
  Document doc;
  doc.text = "Advertisement\nThe minister spoke.";
  TextBlock b;
  b.span = Span{5, 500};  // past the end of the text
  doc.blocks.push_back(b);
  CleanResult r;
  CleanDocument(doc, &r);
  ASSERT_EQ(r.boilerplate.size(), 1u);
  EXPECT_EQ(r.boilerplate[0], (Span{0, 13}));
}

TEST(HtmlBoilerplate, PlainDocumentWithoutTemplateKeepsEverything) {
  const Document doc = Read(
      "<html><body><p>The central bank left interest rates unchanged on Thursday, saying inflation was easing.</p>"
      "<p>Growth remained weak across most of the region, the bank's governor told reporters in the capital.</p>"
      "</body></html>");
  CleanResult r;
  CleanDocument(doc, &r);
  EXPECT_TRUE(r.boilerplate.empty());
}

}  // namespace
}  // namespace annals
