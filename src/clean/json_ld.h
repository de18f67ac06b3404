// What a page's schema.org JSON-LD (<script type="application/ld+json">) says about the article it
// carries. Only objects of an article type count (Article, NewsArticle and its kinds,
// ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report): pages also describe their
// organisation, breadcrumbs, videos and web site in the same blocks.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace lagebild {

struct JsonLdArticle {
  std::optional<std::string> published;  // datePublished as written: "2023-09-05T10:00:00+02:00"
  std::optional<std::string> headline;
  std::optional<std::string> url;        // url, else mainEntityOfPage (a URL or an object's @id)
  std::optional<std::string> language;   // inLanguage as written: "de-DE"
};

// Reads the JSON of one script element: an object, an array of objects, or either with an @graph
// array. Fills the fields of `article` that are still empty from article objects in document
// order, so the first block and the first article in it win. Broken JSON and other types change
// nothing. Returns whether an article object was found.
bool ReadJsonLdArticle(std::string_view json, JsonLdArticle& article);

}  // namespace lagebild
