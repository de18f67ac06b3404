#include "eval/geo_eval.h"

#include "lagebild/output.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>
#include <pugixml.hpp>

#include "eval/text_alignment.h"
#include "geo/distance.h"
#include "geo/publisher_regions.h"
#include "util/file_content.h"
#include "util/iso_date.h"
#include "util/trim.h"

namespace lagebild {
namespace {

enum class GoldFormat { kLgl, kGeoVirus };

// The gold file being read, for messages that name its file and line.
struct GoldSource {
  std::string_view xml;
  std::string_view name;

  int LineAt(ptrdiff_t offset) const {
    if (offset < 0) return 0;
    const auto end = xml.begin() + static_cast<ptrdiff_t>(std::min(static_cast<size_t>(offset), xml.size()));
    return 1 + static_cast<int>(std::count(xml.begin(), end, '\n'));
  }
  Status Error(const pugi::xml_node& node, const std::string& message) const {
    return Status::Error(fmt::format("{}:{}: {}", name, LineAt(node.offset_debug()), message));
  }
};

template <typename Number>
std::optional<Number> ParseNumber(std::string_view text) {
  text = TrimWhitespace(text);
  Number value{};
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// Every element called `name` below `root`, walked without recursion.
std::vector<pugi::xml_node> Descendants(const pugi::xml_node& root, std::string_view name) {
  std::vector<pugi::xml_node> found;
  std::vector<pugi::xml_node> stack{root};
  while (!stack.empty()) {
    const pugi::xml_node node = stack.back();
    stack.pop_back();
    for (const pugi::xml_node& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      if (name == child.name()) found.push_back(child);
      stack.push_back(child);
    }
  }
  return found;
}

// Reads <lat> and <lon> below `holder`; both absent or empty (or no holder) is no point, not an error.
Status ReadPoint(const GoldSource& source, const pugi::xml_node& holder, GoldToponym& toponym) {
  const std::string_view lat = TrimWhitespace(holder.child_value("lat"));
  const std::string_view lon = TrimWhitespace(holder.child_value("lon"));
  if (lat.empty() && lon.empty()) return Status::Ok();
  toponym.lat = ParseNumber<double>(lat);
  toponym.lon = ParseNumber<double>(lon);
  if (!toponym.lat || !toponym.lon || std::abs(*toponym.lat) > 90 || std::abs(*toponym.lon) > 180) {
    return source.Error(holder, "latitude and longitude must both be numbers in range");
  }
  return Status::Ok();
}

// Reads one <toponym> (LGL) or <location> (GeoVirus); `origin` is the code point number of the
// text's first character.
Status ReadToponym(const GoldSource& source, const pugi::xml_node& node, GoldFormat format,
                   const std::vector<uint32_t>& offsets, GoldToponym& toponym) {
  const int64_t origin = format == GoldFormat::kLgl ? 0 : 1;
  const auto start = ParseNumber<int64_t>(node.child_value("start"));
  const auto end = ParseNumber<int64_t>(node.child_value("end"));
  if (!start || !end) return source.Error(node, fmt::format("<{}> without numeric <start> and <end>", node.name()));
  const int64_t characters = static_cast<int64_t>(offsets.size()) - 1;
  if (*start - origin < 0 || *end < *start || *end - origin > characters) {
    return source.Error(node, fmt::format("span {}-{} outside the article text ({} characters)", *start, *end, characters));
  }
  toponym.span = {offsets[static_cast<size_t>(*start - origin)], offsets[static_cast<size_t>(*end - origin)]};
  toponym.phrase = std::string(TrimWhitespace(node.child_value(format == GoldFormat::kLgl ? "phrase" : "name")));
  return ReadPoint(source, format == GoldFormat::kLgl ? node.child("gaztag") : node, toponym);
}

std::vector<pugi::xml_node> ToponymNodes(const pugi::xml_node& article, GoldFormat format) {
  if (format == GoldFormat::kLgl) {
    const auto children = article.child("toponyms").children("toponym");
    return {children.begin(), children.end()};
  }
  std::vector<pugi::xml_node> locations = Descendants(article.child("locations"), "location");
  std::erase_if(locations, [](const pugi::xml_node& node) { return !node.child("start"); });
  return locations;
}

Status ReadArticle(const GoldSource& source, const pugi::xml_node& node, GoldFormat format, GoldCorpus& corpus) {
  const pugi::xml_node text = node.child("text");
  if (!text) return source.Error(node, "<article> without <text>");
  GoldArticle article;
  article.text = text.child_value();
  article.id = format == GoldFormat::kLgl ? node.attribute("docid").value() : std::to_string(corpus.articles.size());
  article.published = ParseIsoDate(TrimWhitespace(node.child_value("dltime")));
  if (const std::string_view url = TrimWhitespace(node.child_value("url")); !url.empty()) article.url = std::string(url);
  const std::vector<uint32_t> offsets = CodePointOffsets(article.text);
  for (const pugi::xml_node& toponym_node : ToponymNodes(node, format)) {
    GoldToponym toponym;
    if (Status status = ReadToponym(source, toponym_node, format, offsets, toponym); !status.ok()) return status;
    if (!toponym.HasPoint()) ++corpus.without_point;
    if (toponym.span.In(article.text) != toponym.phrase) ++corpus.phrase_mismatch;
    article.toponyms.push_back(std::move(toponym));
  }
  std::stable_sort(article.toponyms.begin(), article.toponyms.end(), [](const GoldToponym& a, const GoldToponym& b) {
    return std::pair(a.span.begin, a.span.end) < std::pair(b.span.begin, b.span.end);
  });
  corpus.articles.push_back(std::move(article));
  return Status::Ok();
}

std::optional<GoldFormat> DetectFormat(const pugi::xml_node& root) {
  for (const pugi::xml_node& article : root.children("article")) {
    if (article.child("toponyms")) return GoldFormat::kLgl;
    if (article.child("locations")) return GoldFormat::kGeoVirus;
  }
  return std::nullopt;
}

uint32_t Overlap(Span a, Span b) {
  const uint32_t begin = std::max(a.begin, b.begin), end = std::min(a.end, b.end);
  return end > begin ? end - begin : 0;
}

std::string Point(double lat, double lon) { return fmt::format("{:.3f},{:.3f}", lat, lon); }

std::string GoldPoint(const GoldToponym& toponym) {
  return toponym.HasPoint() ? Point(*toponym.lat, *toponym.lon) : "no coordinates";
}

std::string Describe(const Place& place) {
  return fmt::format("{} ({}, {}) {}", place.name, place.country.empty() ? "-" : place.country,
                     PlaceKindName(place.kind), Point(place.lat, place.lon));
}

void CollectMissesAndFalsePositives(const GoldArticle& gold, std::span<const Place> predicted, size_t article,
                                    const std::vector<std::pair<size_t, size_t>>& pairs, std::vector<std::string>& errors) {
  std::vector<bool> gold_matched(gold.toponyms.size()), predicted_matched(predicted.size());
  for (const auto& [g, p] : pairs) gold_matched[g] = predicted_matched[p] = true;
  for (size_t g = 0; g < gold.toponyms.size(); ++g) {
    if (gold_matched[g]) continue;
    const GoldToponym& toponym = gold.toponyms[g];
    errors.push_back(fmt::format("[{}] FN  \"{}\" gold {}", article, toponym.phrase, GoldPoint(toponym)));
  }
  for (size_t p = 0; p < predicted.size(); ++p) {
    if (predicted_matched[p]) continue;
    errors.push_back(fmt::format("[{}] FP  \"{}\" -> {}", article, predicted[p].span.In(gold.text), Describe(predicted[p])));
  }
}

RawDocument RawFor(const GoldArticle& article, const std::string& format) {
  RawDocument raw;
  raw.meta.id = format + ":" + article.id;
  raw.meta.source = format;
  raw.meta.lang = "en";
  raw.meta.published = article.published;
  raw.meta.url = article.url;
  raw.content = article.text;
  return raw;
}

// The document's places with their spans moved onto the gold text.
std::vector<Place> PlacesInGoldText(const Document& doc, const std::string& gold_text, GeoEvaluation& result) {
  const TextAlignment alignment(doc.text, gold_text);
  result.mismatches += alignment.mismatches();
  std::vector<Place> places;
  for (const Place& place : doc.places) {
    const std::optional<Span> span = alignment.ToOriginal(place.span);
    if (!span) {
      ++result.unaligned;
      continue;
    }
    places.push_back(place);
    places.back().span = *span;
  }
  return places;
}

}  // namespace

Status ParseGeoGold(std::string_view xml, std::string_view name, GoldCorpus& corpus) {
  const GoldSource source{xml, name};
  pugi::xml_document document;
  const pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size(), pugi::parse_default);
  if (!parsed) return Status::Error(fmt::format("{}:{}: {}", name, source.LineAt(parsed.offset), parsed.description()));
  const pugi::xml_node root = document.document_element();
  if (std::string_view(root.name()) != "articles") return source.Error(root, "expected <articles> as the root element");
  const std::optional<GoldFormat> format = DetectFormat(root);
  if (!format) return source.Error(root, "neither LGL (<toponyms>) nor GeoVirus (<locations>) articles");
  GoldCorpus result;
  result.format = *format == GoldFormat::kLgl ? "LGL" : "GeoVirus";
  for (const pugi::xml_node& article : root.children("article")) {
    if (Status status = ReadArticle(source, article, *format, result); !status.ok()) return status;
  }
  corpus = std::move(result);
  return Status::Ok();
}

Status ReadGeoGold(const std::string& path, GoldCorpus& corpus) {
  std::string content;
  if (!ReadFileContent(path, content)) return Status::Error(path + ": cannot open");
  return ParseGeoGold(content, path, corpus);
}

std::vector<std::pair<size_t, size_t>> MatchOverlapping(std::span<const Span> gold, std::span<const Span> predicted) {
  std::vector<std::pair<size_t, size_t>> pairs;
  std::vector<bool> taken(predicted.size());
  for (size_t g = 0; g < gold.size(); ++g) {
    size_t best = predicted.size();
    uint32_t best_overlap = 0;
    for (size_t p = 0; p < predicted.size(); ++p) {
      const uint32_t overlap = taken[p] ? 0 : Overlap(gold[g], predicted[p]);
      if (overlap > best_overlap) {
        best = p;
        best_overlap = overlap;
      }
    }
    if (best == predicted.size()) continue;
    taken[best] = true;
    pairs.emplace_back(g, best);
  }
  return pairs;
}

double MeanOf(std::span<const double> values) {
  double sum = 0;
  for (double value : values) sum += value;
  return values.empty() ? 0 : sum / static_cast<double>(values.size());
}

double MedianOf(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

double AucOfLogError(std::vector<double> errors_km) {
  if (errors_km.empty()) return 0;
  std::sort(errors_km.begin(), errors_km.end());
  const double scale = std::log(kMaxErrorKm);
  if (errors_km.size() == 1) return std::log1p(errors_km[0]) / scale;
  double area = 0;
  for (size_t i = 1; i < errors_km.size(); ++i) area += (std::log1p(errors_km[i - 1]) + std::log1p(errors_km[i])) / 2;
  return area / static_cast<double>(errors_km.size() - 1) / scale;
}

void ScoreArticle(const GoldArticle& gold, std::span<const Place> predicted, size_t article, GeoScore& score,
                  std::vector<std::string>* errors) {
  std::vector<Span> gold_spans, predicted_spans;
  for (const GoldToponym& toponym : gold.toponyms) {
    gold_spans.push_back(toponym.span);
    if (toponym.HasPoint()) ++score.gold_with_point;
  }
  for (const Place& place : predicted) {
    predicted_spans.push_back(place.span);
    const auto kind = static_cast<size_t>(place.kind);
    if (kind < score.by_kind.size()) ++score.by_kind[kind];
  }
  const std::vector<std::pair<size_t, size_t>> pairs = MatchOverlapping(gold_spans, predicted_spans);
  score.gold += gold.toponyms.size();
  score.predicted += predicted.size();
  score.recognised += pairs.size();
  for (const auto& [g, p] : pairs) {
    const GoldToponym& toponym = gold.toponyms[g];
    if (!toponym.HasPoint()) continue;
    const Place& place = predicted[p];
    const double km = HaversineKm(*toponym.lat, *toponym.lon, place.lat, place.lon);
    score.errors_km.push_back(km);
    if (km <= kAccuracyKm) {
      ++score.within;
    } else if (errors) {
      errors->push_back(fmt::format("[{}] FAR \"{}\" -> {}; gold {}: {:.0f} km", article, toponym.phrase,
                                    Describe(place), GoldPoint(toponym), km));
    }
  }
  if (errors) CollectMissesAndFalsePositives(gold, predicted, article, pairs, *errors);
}

GeoEvaluation EvaluateGeo(const Pipeline& pipeline, const GoldCorpus& corpus, const GeoEvalSettings& settings) {
  GeoEvaluation result;
  const size_t limit = settings.limit;
  result.articles = limit == 0 ? corpus.articles.size() : std::min(limit, corpus.articles.size());
  // First pass: learn each publisher's home region from all its articles, as an analyst's run
  // over a corpus does (geo/publisher_regions.h).
  PublisherRegions publishers;
  for (size_t i = 0; settings.publisher_regions && i < result.articles; ++i) {
    publishers.Observe(pipeline.Process(RawFor(corpus.articles[i], corpus.format)));
  }
  for (size_t i = 0; i < result.articles; ++i) {
    const GoldArticle& article = corpus.articles[i];
    RawDocument raw = RawFor(article, corpus.format);
    publishers.Assign(raw.meta);
    if (!raw.meta.home_regions.empty()) ++result.with_home_region;
    const Document doc = pipeline.Process(raw);
    const std::vector<Place> places = PlacesInGoldText(doc, article.text, result);
    ScoreArticle(article, places, i, result.score, settings.collect_errors ? &result.errors : nullptr);
  }
  return result;
}


}  // namespace lagebild
