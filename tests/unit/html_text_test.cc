#include "clean/html_text.h"

#include <gtest/gtest.h>

#include "clean/furniture_text.h"
#include "clean/text_repair.h"

namespace lagebild {
namespace {

std::string VisibleText(const std::string& html) {
  std::vector<Diagnostic> warnings;
  return RepairText(ExtractHtmlText(html, {.main_text_only = false}, warnings).text, warnings);
}

TEST(HtmlTextTest, BlocksBecomeParagraphsAndInvisibleTextIsDropped) {
  const std::string html = R"(<html><head><title>Kim &amp; Putin</title><style>p{}</style></head>
    <body><h1>Treffen geplant</h1><script>var x = "nicht zeigen";</script>
    <p>Kim Jong-un plant eine <b>Reise</b>
    nach Russland.</p><p>Zeile eins<br>Zeile zwei</p><ul><li>eins</li><li>zwei</li></ul></body></html>)";
  EXPECT_EQ(VisibleText(html),
            "Treffen geplant\n\nKim Jong-un plant eine Reise nach Russland.\n\nZeile eins\nZeile zwei\n\neins\n\nzwei");
}

TEST(HtmlTextTest, ReadsTitleDateAndCanonicalUrl) {
  std::vector<Diagnostic> warnings;
  const HtmlText page = ExtractHtmlText(
      R"(<html><head><title>Titel</title><meta property="article:published_time" content="2023-09-05T08:00:00Z">
         <link rel="canonical" href="https://example.org/a"></head><body><p>x</p></body></html>)",
      {}, warnings);
  EXPECT_EQ(page.title, "Titel");
  EXPECT_EQ(page.published, "2023-09-05T08:00:00Z");
  EXPECT_EQ(page.url, "https://example.org/a");
}

TEST(HtmlTextTest, MalformedHtmlStillGivesText) {
  EXPECT_EQ(VisibleText("<p>offen <div>nie <b>geschlossen"), "offen\n\nnie geschlossen");
  EXPECT_EQ(VisibleText("</p></p><<<>>>"), "<<<>>>");
}

TEST(HtmlTextTest, DeepNestingIsParsedWithoutRecursion) {
  std::string html;
  for (int i = 0; i < 3000; ++i) html += "<div>";
  html += "tief";
  std::vector<Diagnostic> warnings;
  EXPECT_EQ(RepairText(ExtractHtmlText(html, {.main_text_only = false}, warnings).text, warnings), "tief");
  EXPECT_TRUE(warnings.empty());
}

TEST(HtmlTextTest, PathologicalNestingIsStrippedNotParsed) {
  // gumbo is quadratic in the depth; 400,000 levels would take minutes.
  std::string html = "<p>Vorne &amp; oben</p><script>verborgen()</script>";
  for (int i = 0; i < 400000; ++i) html += "<div>";
  html += "tief";
  std::vector<Diagnostic> warnings;
  EXPECT_EQ(RepairText(ExtractHtmlText(html, {.main_text_only = false}, warnings).text, warnings), "Vorne & oben tief");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].message.find("400000 levels"), std::string::npos);
}

TEST(HtmlTextTest, DeclaredLatin1IsDecodedBeforeParsing) {
  // "Müller – „Grüße“" in windows-1252, declared as ISO-8859-1 as many old pages do.
  const std::string html =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head>"
      "<body><p>M\xFCller \x96 \x84Gr\xFC\xDF" "e\x93</p></body></html>";
  EXPECT_EQ(VisibleText(html), "Müller – „Grüße“");
}

TEST(HtmlTextTest, MainTextLeavesOutFurniture) {
  const std::string html = R"(<body><nav><a href="/">Start</a> <a href="/p">Politik</a></nav>
    <div class="article"><p>Die Regierung in Berlin hat am Dienstag neue Hilfen für die Ukraine beschlossen.</p>
    <div class="share"><p>Diesen Artikel teilen: Facebook, X, E-Mail und viele weitere Netzwerke</p></div>
    <p>Foto: dpa</p></div><footer><p>© 2023 Beispielverlag, alle Rechte vorbehalten, Impressum, Datenschutz</p></footer></body>)";
  std::vector<Diagnostic> warnings;
  EXPECT_EQ(ExtractHtmlText(html, {}, warnings).text,
            "Die Regierung in Berlin hat am Dienstag neue Hilfen für die Ukraine beschlossen.");
  EXPECT_NE(ExtractHtmlText(html, {.main_text_only = false}, warnings).text.find("Impressum"), std::string::npos);
}

TEST(FurnitureLineTest, PhrasesAsWholeWordsAndDatelines) {
  EXPECT_TRUE(LooksLikeFurnitureLine("Auch interessant"));
  EXPECT_TRUE(LooksLikeFurnitureLine("Anzeige"));
  EXPECT_FALSE(LooksLikeFurnitureLine("Anzeigen der Polizei häufen sich"));  // not the word "Anzeige"
  EXPECT_TRUE(LooksLikeFurnitureLine("Foto: Michael Kappeler/dpa"));
  EXPECT_TRUE(LooksLikeFurnitureLine("Aktualisiert am 05.09.2023, 14:35 Uhr"));
  EXPECT_TRUE(LooksLikeFurnitureLine("Lesedauer ca. 6 Minuten"));
  EXPECT_TRUE(LooksLikeFurnitureLine("September 13, 2023"));
  EXPECT_FALSE(LooksLikeFurnitureLine("Am 5. September traf Kim in Wladiwostok ein."));
  EXPECT_FALSE(LooksLikeFurnitureLine("Teilen sich Bund und Länder die Kosten, wird es billiger, sagte der Minister. "
                                      "Die Länder sehen das anders und wollen mehr Geld vom Bund."));  // too long
}

}  // namespace
}  // namespace lagebild
