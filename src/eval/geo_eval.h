// `lagebild eval geo`: toponym recognition and resolution scored against the LGL and GeoVirus
// gold sets (../shared/data/geo/).
//
// Gold files. LGL: <articles><article><dltime><text><toponyms><toponym><start><end><phrase>
// <gaztag geonameid><lat><lon>, offsets in code points, [start, end); toponyms without a gaztag
// or coordinates are kept for recognition and counted. GeoVirus: <articles><article><text>
// <locations><location><name><start><end><lat><lon>, offsets in code points counted from 1,
// so the span is [start - 1, end - 1); a <location> nested in another is a location too. Both
// are read into byte spans of the article's UTF-8 text.
//
// Scores. Recognition: predicted place spans against gold toponym spans, a match being one
// overlapping pair (one-to-one). Resolution, over the recognised gold toponyms that have
// coordinates: the share whose predicted point lies within 161 km (100 miles) of the gold point
// ("accuracy@161km"), mean and median error in km and the AUC of the log error (Gritta et al.
// 2018, lower is better). End to end: the share of all gold toponyms with coordinates that are
// recognised and resolved within 161 km.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lagebild/document.h"
#include "geo/distance.h"  // HaversineKm, kEarthRadiusKm
#include "lagebild/pipeline.h"
#include "lagebild/status.h"

namespace lagebild {

inline constexpr double kAccuracyKm = 161;    // 100 miles
inline constexpr double kMaxErrorKm = 20039;  // half the Earth's circumference, the AUC's scale

struct GoldToponym {
  Span span;           // bytes of the article's text
  std::string phrase;  // as the gold file writes it
  std::optional<double> lat;  // both or neither
  std::optional<double> lon;
  bool HasPoint() const { return lat && lon; }
};

struct GoldArticle {
  std::string id;                        // LGL docid, else the position in the file
  std::string text;
  std::optional<std::string> published;  // LGL <dltime> date
  std::optional<std::string> url;        // LGL <url>: its host is the publisher
  std::vector<GoldToponym> toponyms;     // in text order
};

struct GoldCorpus {
  std::string format;  // "LGL" or "GeoVirus"
  std::vector<GoldArticle> articles;
  size_t without_point = 0;    // toponyms without coordinates: recognition only
  size_t phrase_mismatch = 0;  // toponyms whose span does not read as their phrase (kept)
};

// Reads an LGL or GeoVirus file (told apart by <toponyms> or <locations>). `name` names the file
// in messages; a malformed file gives an error with its line, never a partial corpus.
Status ParseGeoGold(std::string_view xml, std::string_view name, GoldCorpus& corpus);
Status ReadGeoGold(const std::string& path, GoldCorpus& corpus);

// Pairs gold and predicted spans one-to-one where they overlap: each gold span in order takes
// the unpaired predicted span that overlaps it most (the first of equals). Gives (gold index,
// predicted index) pairs in gold order.
std::vector<std::pair<size_t, size_t>> MatchOverlapping(std::span<const Span> gold, std::span<const Span> predicted);

double MeanOf(std::span<const double> values);  // 0 for none
double MedianOf(std::vector<double> values);    // the mean of the middle two for an even count; 0 for none

// Gritta et al.'s AUC: the errors sorted, each scaled to ln(1 + km) / ln(kMaxErrorKm), the area
// under them by the trapezoid rule over a unit width (one error: its scaled value; none: 0).
// 0 is perfect, 1 the worst.
double AucOfLogError(std::vector<double> errors_km);

struct GeoScore {
  size_t gold = 0;             // gold toponyms
  size_t gold_with_point = 0;  // of those, with coordinates
  size_t predicted = 0;        // predicted places
  size_t recognised = 0;       // matched pairs
  size_t within = 0;           // recognised, with coordinates, within kAccuracyKm
  std::vector<double> errors_km;  // one per recognised gold toponym with coordinates
  std::array<size_t, 4> by_kind{};  // predicted places per PlaceKind

  double Precision() const { return predicted == 0 ? 0 : static_cast<double>(recognised) / predicted; }
  double Recall() const { return gold == 0 ? 0 : static_cast<double>(recognised) / gold; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
  double Accuracy() const { return errors_km.empty() ? 0 : static_cast<double>(within) / errors_km.size(); }
  double EndToEnd() const { return gold_with_point == 0 ? 0 : static_cast<double>(within) / gold_with_point; }
};

// Scores one article: `predicted` carries byte spans into the same text as `gold` (see
// TextAlignment). With `errors`, appends one line per miss (FN), false positive (FP) and
// resolution farther than kAccuracyKm (FAR), each starting with "[article]".
void ScoreArticle(const GoldArticle& gold, std::span<const Place> predicted, size_t article, GeoScore& score,
                  std::vector<std::string>* errors);

struct GeoEvaluation {
  GeoScore score;
  size_t articles = 0;
  size_t with_home_region = 0;  // articles whose publisher's home regions were learned (second pass)
  size_t unaligned = 0;   // predicted places whose span could not be mapped onto the gold text
  size_t mismatches = 0;  // characters the alignment paired without a partner
  std::vector<std::string> errors;  // when asked for
};

struct GeoEvalSettings {
  size_t limit = 0;             // score only the first N articles (0: all)
  bool collect_errors = false;  // fill GeoEvaluation::errors
  bool publisher_regions = true;  // a first pass learns each publisher's home region (LGL <url>)
};

// Runs the pipeline on the articles as English text and scores the places found.
GeoEvaluation EvaluateGeo(const Pipeline& pipeline, const GoldCorpus& corpus, const GeoEvalSettings& settings);


}  // namespace lagebild
