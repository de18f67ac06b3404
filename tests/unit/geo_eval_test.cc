// `lagebild eval geo` (src/eval/geo_eval.h, src/eval/text_alignment.h): the gold readers, the
// alignment of cleaned and gold text and the scorer, without the toponym resolver.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "eval/geo_eval.h"
#include "eval/text_alignment.h"
#include "test_support.h"

namespace lagebild {
namespace {

const std::string kSharedGeo = std::string(LAGEBILD_SOURCE_DIR) + "/../shared/data/geo";

// "Café" before the toponym: LGL counts code points, so "Zürich" (15-21) is bytes 16-23.
constexpr const char* kLgl = R"(<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <dltime>2009-03-20 12:24:52.002364-05</dltime>
    <text><![CDATA[Café owners in Zürich met. Rome too.]]></text>
    <toponyms>
      <toponym><start>27</start><end>31</end><phrase>Rome</phrase></toponym>
      <toponym><start>15</start><end>21</end><phrase>Zürich</phrase>
        <gaztag geonameid="2657896"><name>Zurich</name><lat>47.3667</lat><lon>8.55</lon></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>)";

// GeoVirus counts code points from 1; a <location> may hold further <location>s.
constexpr const char* kGeoVirus = R"(<articles>
  <article>
    <source>https://example.org/outbreak</source>
    <text>Outbreak in Bogotá and Lima, Perú.</text>
    <locations>
      <location><name>Lima</name><start>24</start><end>28</end><lat>-12.05</lat><lon>-77.04</lon></location>
      <location>
        <location><name>Perú</name><start>30</start><end>34</end><lat>-10</lat><lon>-76</lon></location>
        <name>Bogotá</name><start>13</start><end>19</end><lat>4.61</lat><lon>-74.08</lon>
      </location>
    </locations>
  </article>
</articles>)";

Place PlaceAt(uint32_t begin, uint32_t end, double lat, double lon, PlaceKind kind = PlaceKind::kCity) {
  Place place;
  place.span = {begin, end};
  place.name = "Somewhere";
  place.kind = kind;
  place.lat = lat;
  place.lon = lon;
  return place;
}

GoldToponym ToponymAt(uint32_t begin, uint32_t end, std::string phrase, std::optional<double> lat = std::nullopt,
                      std::optional<double> lon = std::nullopt) {
  GoldToponym toponym;
  toponym.span = {begin, end};
  toponym.phrase = std::move(phrase);
  toponym.lat = lat;
  toponym.lon = lon;
  return toponym;
}

// ---------------------------------------------------------------------------------------------
// Distances and statistics

struct DistanceCase {
  double lat1, lon1, lat2, lon2;
  double km;
  double tolerance;
};

TEST(GeoEvalTest, HaversineDistances) {
  const DistanceCase cases[] = {
      {52.5200, 13.4050, 48.1351, 11.5820, 504, 2},     // Berlin - Munich
      {40.7128, -74.0060, 51.5074, -0.1278, 5570, 5},   // New York - London
      {10, 20, 10, 20, 0, 1e-9},                        // same point
      {0, 0, 1, 0, 111.195, 0.001},                     // one degree of latitude
      {0, 179.5, 0, -179.5, 111.195, 0.001},            // across the date line
      {0, 0, 0, 180, 20015.087, 0.001},                 // antipodes: half the circumference
      {90, 0, -90, 0, 20015.087, 0.001},                // pole to pole
  };
  for (const DistanceCase& c : cases) {
    EXPECT_NEAR(HaversineKm(c.lat1, c.lon1, c.lat2, c.lon2), c.km, c.tolerance)
        << c.lat1 << "," << c.lon1 << " - " << c.lat2 << "," << c.lon2;
    EXPECT_NEAR(HaversineKm(c.lat2, c.lon2, c.lat1, c.lon1), c.km, c.tolerance) << "symmetric";
  }
}

TEST(GeoEvalTest, MeanMedianAndAuc) {
  struct Case {
    std::vector<double> values;
    double mean, median;
  };
  const Case cases[] = {
      {{}, 0, 0}, {{3}, 3, 3}, {{5, 1, 3}, 3, 3}, {{4, 1, 3, 2}, 2.5, 2.5}, {{1, 2, 3, 6}, 3, 2.5},
  };
  for (const Case& c : cases) {
    EXPECT_DOUBLE_EQ(MeanOf(c.values), c.mean) << c.values.size() << " values";
    EXPECT_DOUBLE_EQ(MedianOf(c.values), c.median) << c.values.size() << " values";
  }
  EXPECT_DOUBLE_EQ(AucOfLogError({}), 0);
  EXPECT_DOUBLE_EQ(AucOfLogError({0, 0, 0}), 0);
  EXPECT_NEAR(AucOfLogError({kMaxErrorKm - 1, 0}), 0.5, 1e-12);  // a straight line from 0 to 1
  EXPECT_NEAR(AucOfLogError({kMaxErrorKm - 1}), 1, 1e-12);
}

// ---------------------------------------------------------------------------------------------
// Matching and scoring

struct MatchCase {
  const char* what;
  std::vector<Span> gold;
  std::vector<Span> predicted;
  std::vector<std::pair<size_t, size_t>> pairs;
};

TEST(GeoEvalTest, MatchesOverlappingSpansOneToOne) {
  const MatchCase cases[] = {
      {"exact", {{0, 5}}, {{0, 5}}, {{0, 0}}},
      {"partial overlap", {{0, 5}}, {{3, 8}}, {{0, 0}}},
      {"touching is no overlap", {{0, 5}}, {{5, 8}}, {}},
      {"one prediction for two gold", {{0, 5}, {6, 10}}, {{0, 10}}, {{0, 0}}},
      {"the larger overlap wins", {{0, 10}}, {{0, 4}, {5, 10}}, {{0, 1}}},
      {"equal overlaps: the first gold takes it", {{0, 4}, {5, 10}}, {{2, 7}}, {{0, 0}}},
      {"in order", {{0, 4}, {10, 14}, {20, 24}}, {{20, 24}, {0, 4}}, {{0, 1}, {2, 0}}},
      {"no prediction", {{0, 4}}, {}, {}},
      {"no gold", {}, {{0, 4}}, {}},
      {"empty spans never match", {{3, 3}}, {{3, 3}}, {}},
  };
  for (const MatchCase& c : cases) EXPECT_EQ(MatchOverlapping(c.gold, c.predicted), c.pairs) << c.what;
}

TEST(GeoEvalTest, ScoresRecognitionResolutionAndEndToEnd) {
  GoldArticle gold;
  gold.text = "Paris and Lyon and Nice";
  gold.toponyms = {ToponymAt(0, 5, "Paris", 48.8566, 2.3522), ToponymAt(10, 14, "Lyon"),
                   ToponymAt(19, 23, "Nice", 43.7102, 7.2620)};
  const std::vector<Place> predicted = {PlaceAt(0, 5, 48.85, 2.35), PlaceAt(6, 9, 0, 0, PlaceKind::kCountry)};
  GeoScore score;
  std::vector<std::string> errors;
  ScoreArticle(gold, predicted, 7, score, &errors);
  EXPECT_EQ(score.gold, 3u);
  EXPECT_EQ(score.gold_with_point, 2u);
  EXPECT_EQ(score.predicted, 2u);
  EXPECT_EQ(score.recognised, 1u);
  EXPECT_EQ(score.within, 1u);
  ASSERT_EQ(score.errors_km.size(), 1u);
  EXPECT_LT(score.errors_km[0], 1);
  EXPECT_DOUBLE_EQ(score.Precision(), 0.5);
  EXPECT_DOUBLE_EQ(score.Recall(), 1.0 / 3);
  EXPECT_DOUBLE_EQ(score.Accuracy(), 1);
  EXPECT_DOUBLE_EQ(score.EndToEnd(), 0.5);
  EXPECT_EQ(score.by_kind[static_cast<size_t>(PlaceKind::kCity)], 1u);
  EXPECT_EQ(score.by_kind[static_cast<size_t>(PlaceKind::kCountry)], 1u);
  const std::vector<std::string> expected = {
      "[7] FN  \"Lyon\" gold no coordinates",
      "[7] FN  \"Nice\" gold 43.710,7.262",
      "[7] FP  \"and\" -> Somewhere (-, country) 0.000,0.000",
  };
  EXPECT_EQ(errors, expected);
}

TEST(GeoEvalTest, AccuracyThresholdIs161Km) {
  // One degree of latitude is 111.195 km: 1.44 degrees are 160.1 km, 1.46 degrees 162.3 km.
  GoldArticle gold;
  gold.text = "Alpha Beta";
  gold.toponyms = {ToponymAt(0, 5, "Alpha", 0.0, 0.0), ToponymAt(6, 10, "Beta", 0.0, 0.0)};
  const std::vector<Place> predicted = {PlaceAt(0, 5, 1.44, 0), PlaceAt(6, 10, 1.46, 0)};
  GeoScore score;
  std::vector<std::string> errors;
  ScoreArticle(gold, predicted, 0, score, &errors);
  EXPECT_EQ(score.recognised, 2u);
  EXPECT_EQ(score.within, 1u);
  EXPECT_DOUBLE_EQ(score.Accuracy(), 0.5);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "[0] FAR \"Beta\" -> Somewhere (-, city) 1.460,0.000; gold 0.000,0.000: 162 km");
  ScoreArticle(gold, predicted, 0, score, nullptr);  // adds up; no errors asked for
  EXPECT_EQ(score.within, 2u);
  EXPECT_EQ(score.errors_km.size(), 4u);
}

// ---------------------------------------------------------------------------------------------
// Alignment of cleaned and gold text

struct AlignmentCase {
  const char* what;
  std::string cleaned;
  std::string original;
  std::string surface;   // in the cleaned text
  std::string expected;  // in the original; empty for none
};

TEST(TextAlignmentTest, MapsCleanedSpansOntoTheOriginal) {
  const AlignmentCase cases[] = {
      {"same text", "Rome is far.", "Rome is far.", "is", "is"},
      {"white space collapsed", "Rome is far.", "  Rome \t is\n\n far.", "is far", "is\n\n far"},
      {"NFC composed", "Zürich in the north", "Zu\xCC\x88rich in the north", "Zürich", "Zu\xCC\x88rich"},
      {"soft hyphen removed", "Hamburg port", "Ham\xC2\xAD" "burg port", "Hamburg", "Ham\xC2\xAD" "burg"},
      {"no-break space", "New York", "New\xC2\xA0York", "New York", "New\xC2\xA0York"},
      {"after a repaired byte", "café in Paris", "caf\xE9 in Paris", "Paris", "Paris"},
      {"only white space", "a b", "a  b", " ", ""},
  };
  for (const AlignmentCase& c : cases) {
    const TextAlignment alignment(c.cleaned, c.original);
    const auto begin = static_cast<uint32_t>(c.cleaned.find(c.surface));
    const std::optional<Span> span = alignment.ToOriginal({begin, begin + static_cast<uint32_t>(c.surface.size())});
    EXPECT_EQ(span ? std::string(span->In(c.original)) : "", c.expected) << c.what;
  }
}

TEST(TextAlignmentTest, CountsUnpairedCharactersAndRejectsOutsideSpans) {
  EXPECT_EQ(TextAlignment("café in Paris", "caf\xE9 in Paris").mismatches(), 1u);
  EXPECT_EQ(TextAlignment("Zürich", "Zu\xCC\x88rich").mismatches(), 0u);
  const TextAlignment alignment("abc", "abc");
  EXPECT_FALSE(alignment.ToOriginal({2, 9}));
  EXPECT_FALSE(alignment.ToOriginal({2, 1}));
  // A character only in one of the texts does not shift the rest.
  const std::string longer = "one X two three";
  const TextAlignment dropped("one two three", longer);
  EXPECT_EQ(dropped.ToOriginal({8, 13})->In(longer), "three");
  EXPECT_EQ(dropped.mismatches(), 0u);
  const std::string shorter = "one two three";
  const TextAlignment added(longer, shorter);
  EXPECT_EQ(added.ToOriginal({10, 15})->In(shorter), "three");
  EXPECT_FALSE(added.ToOriginal({4, 5}));  // "X"
  EXPECT_EQ(added.mismatches(), 1u);
}

TEST(TextAlignmentTest, CodePointOffsets) {
  EXPECT_EQ(CodePointOffsets(""), (std::vector<uint32_t>{0}));
  EXPECT_EQ(CodePointOffsets("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"), (std::vector<uint32_t>{0, 1, 3, 6, 10}));  // aé€😀
  EXPECT_EQ(CodePointOffsets("a\xFF" "b"), (std::vector<uint32_t>{0, 1, 2, 3}));
}

// ---------------------------------------------------------------------------------------------
// Gold files

TEST(GeoGoldTest, ReadsLgl) {
  GoldCorpus corpus;
  const Status status = ParseGeoGold(kLgl, "inline.xml", corpus);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(corpus.format, "LGL");
  ASSERT_EQ(corpus.articles.size(), 1u);
  const GoldArticle& article = corpus.articles[0];
  EXPECT_EQ(article.id, "7");
  EXPECT_EQ(article.published, "2009-03-20");
  ASSERT_EQ(article.toponyms.size(), 2u);
  EXPECT_EQ(article.toponyms[0].span, (Span{16, 23}));  // sorted by position
  EXPECT_EQ(article.toponyms[0].span.In(article.text), "Zürich");
  EXPECT_DOUBLE_EQ(*article.toponyms[0].lat, 47.3667);
  EXPECT_EQ(article.toponyms[1].span.In(article.text), "Rome");
  EXPECT_FALSE(article.toponyms[1].HasPoint());
  EXPECT_EQ(corpus.without_point, 1u);
  EXPECT_EQ(corpus.phrase_mismatch, 0u);
}

TEST(GeoGoldTest, ReadsGeoVirus) {
  GoldCorpus corpus;
  const Status status = ParseGeoGold(kGeoVirus, "inline.xml", corpus);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(corpus.format, "GeoVirus");
  ASSERT_EQ(corpus.articles.size(), 1u);
  const GoldArticle& article = corpus.articles[0];
  EXPECT_FALSE(article.published);
  ASSERT_EQ(article.toponyms.size(), 3u);
  EXPECT_EQ(article.toponyms[0].span.In(article.text), "Bogotá");
  EXPECT_EQ(article.toponyms[1].span.In(article.text), "Lima");
  EXPECT_EQ(article.toponyms[2].span.In(article.text), "Perú");
  EXPECT_DOUBLE_EQ(*article.toponyms[1].lon, -77.04);
  EXPECT_EQ(corpus.without_point, 0u);
  EXPECT_EQ(corpus.phrase_mismatch, 0u);
}

TEST(GeoGoldTest, MalformedFilesNameFileAndLine) {
  const std::string lgl_head = "<articles><article><text>Rome</text><toponyms><toponym>";
  const std::string lgl_tail = "</toponym></toponyms></article></articles>";
  const std::pair<std::string, std::string> cases[] = {
      {"<articles><article>", "bad.xml:1: "},
      {"", "bad.xml:"},
      {"<docs/>", "expected <articles>"},
      {"<articles><article><text>x</text></article></articles>", "neither LGL"},
      {lgl_head + "<start>a</start><end>4</end>" + lgl_tail, "numeric <start> and <end>"},
      {lgl_head + "<start>0</start><end>5</end>" + lgl_tail, "outside the article text (4 characters)"},
      {lgl_head + "<start>3</start><end>2</end>" + lgl_tail, "outside the article text"},
      {lgl_head + "<start>0</start><end>4</end><gaztag><lat>north</lat><lon>1</lon></gaztag>" + lgl_tail, "latitude"},
      {lgl_head + "<start>0</start><end>4</end><gaztag><lat>91</lat><lon>1</lon></gaztag>" + lgl_tail, "latitude"},
      {"<articles><article><locations/></article></articles>", "<article> without <text>"},
      {"<articles><article><text>x</text><locations><location><start>0</start><end>1</end></location></locations>"
       "</article></articles>",
       "outside the article text"},  // GeoVirus counts from 1
  };
  for (const auto& [xml, message] : cases) {
    GoldCorpus corpus;
    const Status status = ParseGeoGold(xml, "bad.xml", corpus);
    ASSERT_FALSE(status.ok()) << xml;
    EXPECT_EQ(status.message().rfind("bad.xml:", 0), 0u) << status.message();
    EXPECT_NE(status.message().find(message), std::string::npos) << status.message();
    EXPECT_TRUE(corpus.articles.empty());
  }
  GoldCorpus corpus;
  EXPECT_NE(ReadGeoGold("/nonexistent/lgl.xml", corpus).message().find("/nonexistent/lgl.xml"), std::string::npos);
}

// The whole pipeline on an inline article: no crash, the cleaned text aligns with the gold text.
TEST(GeoGoldTest, EvaluatesThroughThePipeline) {
  GoldCorpus corpus;
  ASSERT_TRUE(ParseGeoGold(kLgl, "inline.xml", corpus).ok());
  const GeoEvaluation result = EvaluateGeo(testing_support::TestPipeline(), corpus, {.limit = 5, .collect_errors = true});
  EXPECT_EQ(result.articles, 1u);
  EXPECT_EQ(result.score.gold, 2u);
  EXPECT_EQ(result.score.gold_with_point, 1u);
  EXPECT_EQ(result.unaligned, 0u);
  EXPECT_EQ(result.mismatches, 0u);
}

// The shared gold sets: offsets are code points (LGL from 0, GeoVirus from 1), so every span
// reads as its phrase.
TEST(GeoSharedDataTest, LglAndGeoVirusRead) {
  if (!std::filesystem::exists(kSharedGeo)) GTEST_SKIP() << "../shared/data/geo is absent";
  const auto count = [](const GoldCorpus& corpus) {
    size_t toponyms = 0;
    for (const GoldArticle& article : corpus.articles) toponyms += article.toponyms.size();
    return toponyms;
  };
  GoldCorpus lgl;
  Status status = ReadGeoGold(kSharedGeo + "/lgl.xml", lgl);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(lgl.format, "LGL");
  EXPECT_EQ(lgl.articles.size(), 588u);
  EXPECT_EQ(count(lgl), 5088u);
  EXPECT_EQ(lgl.without_point, 626u);
  EXPECT_EQ(lgl.phrase_mismatch, 0u);
  EXPECT_EQ(lgl.articles[0].published, "2009-03-20");
  GoldCorpus geovirus;
  status = ReadGeoGold(kSharedGeo + "/GeoVirus.xml", geovirus);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(geovirus.format, "GeoVirus");
  EXPECT_EQ(geovirus.articles.size(), 229u);
  EXPECT_EQ(count(geovirus), 2170u);
  EXPECT_EQ(geovirus.without_point, 0u);
  EXPECT_EQ(geovirus.phrase_mismatch, 0u);
}

}  // namespace
}  // namespace lagebild
