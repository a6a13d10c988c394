// Plain-text boilerplate rules, language identification and simhash.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "clean/clean.h"

namespace annals {
namespace {

std::vector<std::string> BoilerplateLines(const std::string& text) {
  Document doc;
  doc.text = text;
  CleanResult r;
  CleanDocument(doc, &r);
  std::vector<std::string> out;
  for (const Span& s : r.boilerplate) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

TEST(TextBoilerplate, LinesThatAreNotTheArticle) {
  struct Case {
    const char* line;
    bool boilerplate;
  } cases[] = {
      {"Advertisement", true},
      {"  ADVERTISEMENT  ", true},
      {"Advertisements", true},
      {"Story continues below advertisement", true},
      {"Read more: Ministers meet in Brussels as talks stall", true},
      {"READ MORE »", true},
      {"Related: The long road to a ceasefire", true},
      {"Subscribe to our daily newsletter for the latest news", true},
      {"Sign up for the morning briefing", true},
      {"Follow us on Twitter and Facebook", true},
      {"\xC2\xA9 2024 Example News Ltd. All rights reserved.", true},
      {"Copyright 2019 The Daily Example", true},
      {"Facebook Twitter Email Print", true},
      {"Share on Facebook | Share on Twitter | WhatsApp", true},
      {"More stories: a flood in the north; a strike in the south", true},
      {"Other Topics of Interest Flood update: rivers rise; schools close", true},
      // Article sentences that start with the same words stay.
      {"Advertisers pulled out of the platform after the ruling, the company said.", false},
      {"Subscribers to the service were told on Monday that prices would rise.", false},
      {"Related talks between the two ministers are expected next week.", false},
      {"Copyright law was changed by the parliament last year, officials said.", false},
      {"Following the vote, the minister resigned.", false},
      {"Share prices fell sharply on Tuesday after the announcement.", false},
      {"Facebook said it would appeal the decision.", false},
      {"Most popular structure so far in the U.S., the survey found.", false},
      {"MOST POPULAR Flood update: rivers rise", true},
      {"(C) - Sales made on exporters' own account.", false},
      {" Reuter", true},
      {"(Reporting by Jane Doe; Editing by John Roe)", true},
      {"Reporting by Jane Doe in Paris; Editing by John Roe", true},
      {"Reporting by the agency showed a rise in exports.", false},
      {"Photo: A man walks past a flooded street.", true},
      {"Reporters were told the talks would resume on Monday.", false},
      {"The minister said the advertisement campaign would run until May.", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsBoilerplateLine(c.line), c.boilerplate) << c.line;
  }
}

TEST(TextBoilerplate, SpansCoverWholeLinesInOrder) {
  const std::string text =
      "The talks began on Monday.\n\nAdvertisement\n\nThe ministers met again.\r\nRead more: other news\n"
      "Facebook Twitter Email\nThe end.";
  Document doc;
  doc.text = text;
  CleanResult r;
  CleanDocument(doc, &r);
  ASSERT_EQ(r.boilerplate.size(), 3u);
  EXPECT_EQ(text.substr(r.boilerplate[0].begin, r.boilerplate[0].size()), "Advertisement");
  EXPECT_EQ(text.substr(r.boilerplate[1].begin, r.boilerplate[1].size()), "Read more: other news");
  EXPECT_EQ(text.substr(r.boilerplate[2].begin, r.boilerplate[2].size()), "Facebook Twitter Email");
  for (size_t i = 1; i < r.boilerplate.size(); ++i) {
    EXPECT_LE(r.boilerplate[i - 1].end, r.boilerplate[i].begin);
  }
}

TEST(TextBoilerplate, HardWrappedLinesAreNotLinesOfTheirOwn) {
  // A newswire wraps paragraphs at ~70 columns: a continuation line that
  // happens to start with "share" or "subscribe" is article text.
  const std::string text =
      "    The company said it expects to earn about 4.50 dlrs per\n"
      "share on sales of 1.78 billion dlrs for the year, and holders may\n"
      "subscribe to ordinary shares until March.\n"
      "    Advertisement\n"
      " more\n";
  const auto lines = BoilerplateLines(text);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], "    Advertisement");
  EXPECT_EQ(lines[1], " more");
}

TEST(TextBoilerplate, SeedArticle) {
  const std::string path = std::string(ANNALS_SHARED_DIR) + "/examples/seed-2024-04-02.txt";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "skipped: no ../shared";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  // Strip the "date YYYY-MM-DD " header as the text reader does.
  size_t i = text.find("date ");
  ASSERT_NE(i, std::string::npos);
  i += 15;
  while (i < text.size() && text[i] == ' ') ++i;
  text = text.substr(i);

  Document doc;
  doc.text = text;
  CleanResult r;
  CleanDocument(doc, &r);
  ASSERT_EQ(r.boilerplate.size(), 3u);
  EXPECT_EQ(text.substr(r.boilerplate[0].begin, r.boilerplate[0].size()), "Advertisement");
  EXPECT_EQ(text.substr(r.boilerplate[1].begin, 24), "Other Topics of Interest");
  EXPECT_EQ(text.substr(r.boilerplate[2].begin, r.boilerplate[2].size()), "Advertisement");
  // The teaser span is the whole line: it starts after a newline and ends at one.
  for (const Span& s : r.boilerplate) {
    EXPECT_EQ(text[s.begin - 1], '\n');
    EXPECT_EQ(text[s.end], '\n');
  }
  EXPECT_EQ(r.language, "en");
}

TEST(Language, DetectsEnglishFrenchGerman) {
  EXPECT_EQ(DetectLanguage("The foreign minister said on Tuesday that the talks with the government "
                           "would continue next week in the capital."),
            "en");
  EXPECT_EQ(DetectLanguage("Le ministre des affaires étrangères a déclaré mardi que les négociations "
                           "avec le gouvernement se poursuivraient la semaine prochaine."),
            "fr");
  EXPECT_EQ(DetectLanguage("Der Außenminister sagte am Dienstag, dass die Gespräche mit der Regierung "
                           "in der nächsten Woche in der Hauptstadt fortgesetzt werden."),
            "de");
  EXPECT_EQ(DetectLanguage(""), "und");
  EXPECT_EQ(DetectLanguage("12345 67 89"), "und");
}

TEST(Simhash, NearDuplicatesAreClose) {
  const std::string a =
      "US Secretary of State Antony Blinken will hold talks with French President Emmanuel Macron in "
      "Paris on Tuesday on supporting Ukraine in its war with Russia and the Israel-Hamas conflict. "
      "France is among major military suppliers to Ukraine, which has faced critical shortages of arms "
      "and troops as it holds off an onslaught of Russian attacks. The United States has been the key "
      "military backer for Ukraine but a $60 billion aid package has been held up in Congress.";
  std::string b = a;
  b.replace(b.find("Tuesday"), 7, "Monday");
  const std::string c =
      "The central bank left interest rates unchanged on Thursday, saying inflation was easing faster "
      "than expected while growth remained weak across most of the region's economies this year.";
  const uint64_t ha = Simhash(a), hb = Simhash(b), hc = Simhash(c);
  EXPECT_EQ(Simhash(a), ha);  // deterministic
  EXPECT_LE(SimhashDistance(ha, hb), 12);
  EXPECT_GT(SimhashDistance(ha, hc), 20);
  // Case and punctuation do not matter.
  EXPECT_EQ(Simhash("Hello, World! Big news today"), Simhash("hello world big NEWS today"));
  // Skipped spans are not hashed.
  const std::string with_ad = "alpha beta gamma delta\nAdvertisement\nepsilon zeta eta";
  EXPECT_EQ(Simhash(with_ad, {Span{23, 36}}), Simhash("alpha beta gamma delta\n\nepsilon zeta eta"));
}

}  // namespace
}  // namespace annals
