#include "clean/html_text.h"

#include <gtest/gtest.h>

#include "clean/text_repair.h"

namespace lagebild {
namespace {

std::string VisibleText(const std::string& html) {
  std::vector<Diagnostic> warnings;
  return RepairText(ExtractHtmlText(html, warnings).text, warnings);
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
      warnings);
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
  EXPECT_EQ(RepairText(ExtractHtmlText(html, warnings).text, warnings), "tief");
  EXPECT_TRUE(warnings.empty());
}

TEST(HtmlTextTest, PathologicalNestingIsStrippedNotParsed) {
  // gumbo is quadratic in the depth; 400,000 levels would take minutes.
  std::string html = "<p>Vorne &amp; oben</p><script>verborgen()</script>";
  for (int i = 0; i < 400000; ++i) html += "<div>";
  html += "tief";
  std::vector<Diagnostic> warnings;
  EXPECT_EQ(RepairText(ExtractHtmlText(html, warnings).text, warnings), "Vorne & oben tief");
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].message.find("400000 levels"), std::string::npos);
}

}  // namespace
}  // namespace lagebild
