// JSON-LD article metadata: the shapes pages use, broken JSON, and which source wins in the clean
// stage.
#include "clean/json_ld.h"

#include <gtest/gtest.h>

#include "clean/cleaner.h"
#include "clean/html_text.h"

namespace lagebild {
namespace {

struct JsonLdCase {
  const char* name;
  const char* json;
  bool found;
  std::optional<std::string> published;
  std::optional<std::string> headline;
  std::optional<std::string> url;
};

const JsonLdCase kCases[] = {
    {"object", R"({"@context":"https://schema.org","@type":"NewsArticle","headline":"Kim reist","datePublished":"2023-09-12T08:30:00+02:00","url":"https://a.example/k"})",
     true, "2023-09-12T08:30:00+02:00", "Kim reist", "https://a.example/k"},
    {"array, first article wins", R"([{"@type":"Organization","name":"Zeitung"},{"@type":"Article","headline":"Eins"},{"@type":"BlogPosting","headline":"Zwei","datePublished":"2023-01-02"}])",
     true, "2023-01-02", "Eins", std::nullopt},
    {"graph, type list, mainEntityOfPage object", R"({"@graph":[{"@type":"WebSite","url":"https://a.example/"},{"@type":["ReportageNewsArticle","Thing"],"headline":"G","mainEntityOfPage":{"@type":"WebPage","@id":"https://a.example/g"}}]})",
     true, std::nullopt, "G", "https://a.example/g"},
    {"prefixed type, mainEntityOfPage string", R"({"@type":"schema:NewsArticle","mainEntityOfPage":"https://a.example/m"})",
     true, std::nullopt, std::nullopt, "https://a.example/m"},
    {"not an article", R"({"@type":"VideoObject","headline":"Video","datePublished":"2020-01-01"})",
     false, std::nullopt, std::nullopt, std::nullopt},
    {"broken JSON", R"({"@type":"NewsArticle","headline":"x",})", false, std::nullopt, std::nullopt, std::nullopt},
    {"wrong value types", R"({"@type":"NewsArticle","headline":7,"datePublished":["2020"],"url":null})",
     true, std::nullopt, std::nullopt, std::nullopt},
    {"empty", "", false, std::nullopt, std::nullopt, std::nullopt},
};

TEST(JsonLdTest, ArticleFieldsFromEveryShape) {
  for (const JsonLdCase& c : kCases) {
    JsonLdArticle article;
    EXPECT_EQ(ReadJsonLdArticle(c.json, article), c.found) << c.name;
    EXPECT_EQ(article.published, c.published) << c.name;
    EXPECT_EQ(article.headline, c.headline) << c.name;
    EXPECT_EQ(article.url, c.url) << c.name;
  }
}

TEST(JsonLdTest, HtmlScriptsAnywhereOnThePageAreRead) {
  std::vector<Diagnostic> warnings;
  const HtmlText page = ExtractHtmlText(
      R"(<html><head><script type="application/ld+json">{"@type":"WebSite"}</script></head><body>
         <div><script type="application/LD+JSON">{"@type":"NewsArticle","headline":"Zwei  Leerzeichen","inLanguage":"de-DE"}</script>
         <p>Text.</p></div></body></html>)",
      {}, warnings);
  EXPECT_EQ(page.json_ld.headline, "Zwei  Leerzeichen");  // as written, not collapsed
  EXPECT_EQ(page.json_ld.language, "de-DE");
  EXPECT_EQ(page.text.find("NewsArticle"), std::string::npos);  // still invisible
}

TEST(JsonLdTest, ArticleDateAndHeadlineWinOverMetaTagsAndTitle) {
  RawDocument raw;
  raw.type = ContentType::kHtml;
  raw.content = R"(<html><head><title>Kim reist | Zeitung</title><meta name="date" content="2023-09-13">
    <link rel="canonical" href="https://a.example/kanonisch">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Kim reist","datePublished":"2023-09-12T23:30:00-04:00",
    "url":"https://a.example/ld","inLanguage":"en-GB"}</script></head><body><p>Text.</p></body></html>)";
  Document doc = Cleaner().Clean(raw);
  EXPECT_EQ(doc.meta.title, "Kim reist");
  EXPECT_EQ(doc.meta.published, "2023-09-12");  // the publisher's local date
  EXPECT_EQ(doc.meta.url, "https://a.example/kanonisch");
  EXPECT_EQ(doc.meta.lang, "en");

  raw.content = R"(<title>T</title><meta name="date" content="2023-09-13">
    <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"gestern"}</script><p>x</p>)";
  doc = Cleaner().Clean(raw);
  EXPECT_EQ(doc.meta.published, "2023-09-13");  // an unreadable JSON-LD date gives way
  EXPECT_EQ(doc.meta.title, "T");
  EXPECT_EQ(doc.meta.lang, std::nullopt);
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_NE(doc.warnings[0].message.find("datePublished"), std::string::npos);
}

}  // namespace
}  // namespace lagebild
