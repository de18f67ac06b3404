#include "clean/json_ld.h"

#include <simdjson.h>

#include <array>

namespace lagebild {
namespace {

constexpr std::array<std::string_view, 13> kArticleTypes = {
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BackgroundNewsArticle",
    "OpinionNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting", "LiveBlogPosting",
    "Report", "SatiricalArticle", "SocialMediaPosting"};

// "NewsArticle", "schema:NewsArticle" and "https://schema.org/NewsArticle" name the same type.
bool IsArticleType(std::string_view type) {
  if (const size_t cut = type.find_last_of("/:#"); cut != std::string_view::npos) type.remove_prefix(cut + 1);
  for (std::string_view article : kArticleTypes) {
    if (type == article) return true;
  }
  return false;
}

bool HasArticleType(simdjson::dom::object object) {
  simdjson::dom::element type;
  if (object["@type"].get(type) != simdjson::SUCCESS) return false;
  std::string_view name;
  if (type.get(name) == simdjson::SUCCESS) return IsArticleType(name);
  simdjson::dom::array names;
  if (type.get(names) != simdjson::SUCCESS) return false;
  for (simdjson::dom::element each : names) {
    if (each.get(name) == simdjson::SUCCESS && IsArticleType(name)) return true;
  }
  return false;
}

void FillString(simdjson::dom::object object, std::string_view key, std::optional<std::string>& field) {
  std::string_view value;
  if (!field && object[key].get(value) == simdjson::SUCCESS && !value.empty()) field = std::string(value);
}

// mainEntityOfPage is a URL or a WebPage object with its URL in @id.
void FillMainEntityUrl(simdjson::dom::object object, std::optional<std::string>& url) {
  simdjson::dom::object page;
  if (object["mainEntityOfPage"].get(page) == simdjson::SUCCESS) FillString(page, "@id", url);
  else FillString(object, "mainEntityOfPage", url);
}

bool ReadArticle(simdjson::dom::object object, JsonLdArticle& article) {
  if (!HasArticleType(object)) return false;
  FillString(object, "datePublished", article.published);
  FillString(object, "headline", article.headline);
  FillString(object, "url", article.url);
  FillMainEntityUrl(object, article.url);
  FillString(object, "inLanguage", article.language);
  return true;
}

// An object and the objects of its @graph; no deeper: article objects sit at the top.
bool ReadObject(simdjson::dom::object object, JsonLdArticle& article) {
  bool found = ReadArticle(object, article);
  simdjson::dom::array graph;
  if (object["@graph"].get(graph) != simdjson::SUCCESS) return found;
  for (simdjson::dom::element each : graph) {
    simdjson::dom::object member;
    if (each.get(member) == simdjson::SUCCESS) found |= ReadArticle(member, article);
  }
  return found;
}

}  // namespace

bool ReadJsonLdArticle(std::string_view json, JsonLdArticle& article) {
  // one parser per thread: the clean stage runs on many
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root) != simdjson::SUCCESS) return false;
  simdjson::dom::object object;
  if (root.get(object) == simdjson::SUCCESS) return ReadObject(object, article);
  simdjson::dom::array list;
  if (root.get(list) != simdjson::SUCCESS) return false;
  bool found = false;
  for (simdjson::dom::element each : list) {
    if (each.get(object) == simdjson::SUCCESS) found |= ReadObject(object, article);
  }
  return found;
}

}  // namespace lagebild
