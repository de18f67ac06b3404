// The gazetteer compiled into the test image and the place stage's decisions that the golden
// files do not show directly (coordinates, ids, region centres). Toponym behaviour itself is
// specified by tests/golden/places and tests/golden/grounding.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/gazetteer.h"
#include "geo/place_table.h"
#include "geo/publisher_regions.h"
#include "read/publisher.h"
#include "resources/resource_image.h"
#include "test_support.h"

namespace lagebild {
namespace {

const Gazetteer& TestGazetteer() {
  static const std::unique_ptr<ResourceImage> image = [] {
    Status status;
    auto opened = ResourceImage::Open(LAGEBILD_TEST_IMAGE, status);
    if (!opened) throw std::runtime_error(status.message());
    return opened;
  }();
  static const std::unique_ptr<Gazetteer> gazetteer = [] {
    Status status;
    auto created = Gazetteer::Create(*image, status);
    if (!created) throw std::runtime_error(status.message());
    return created;
  }();
  return *gazetteer;
}

bool Names(const Gazetteer& gazetteer, const std::string& text, std::string_view name, std::string_view country) {
  for (uint32_t index : gazetteer.Lookup(text)) {
    const GazetteerPlace place = gazetteer.place(index);
    if (place.name == name && place.country == country) return true;
  }
  return false;
}

TEST(GazetteerTest, FindsGermanExonymsCaseAndTypographyInsensitively) {
  const Gazetteer& gazetteer = TestGazetteer();
  EXPECT_TRUE(Names(gazetteer, "Wladiwostok", "Vladivostok", "RUS"));
  EXPECT_TRUE(Names(gazetteer, "PJÖNGJANG", "Pyongyang", "PRK"));
  EXPECT_TRUE(Names(gazetteer, "Kiew", "Kyiv", "UKR"));
  EXPECT_TRUE(Names(gazetteer, "Bayern", "Bavaria", "DEU"));        // a region of data/geo/regions.txt
  EXPECT_TRUE(Names(gazetteer, "Region Amur", "Amur Oblast", "RUS"));  // derived from "Amur Oblast"
  EXPECT_TRUE(Names(gazetteer, "Gazastreifen", "Gaza Strip", "PSE"));  // an area
  EXPECT_TRUE(gazetteer.Lookup("Xyzzy-upon-Nowhere").empty());
}

TEST(GazetteerTest, CountriesAndRegionsHaveCentresInsideThem) {
  const Gazetteer& gazetteer = TestGazetteer();
  const int32_t russia = gazetteer.Country("RUS");
  ASSERT_GE(russia, 0);
  EXPECT_NEAR(gazetteer.place(russia).lat, 60, 1);
  EXPECT_NEAR(gazetteer.place(russia).lon, 100, 1);
  EXPECT_EQ(gazetteer.place(russia).kind, PlaceKind::kCountry);
  const int32_t texas = gazetteer.Region("USA", "TX");
  ASSERT_GE(texas, 0);
  EXPECT_EQ(gazetteer.place(texas).name, "Texas");
  EXPECT_NEAR(gazetteer.place(texas).lat, 31, 2.5);
  EXPECT_NEAR(gazetteer.place(texas).lon, -99, 2.5);
  EXPECT_EQ(gazetteer.Country("XXX"), -1);
}

TEST(PlaceTableTest, RecordsReadBackAsWritten) {
  PlaceTableBuilder builder;
  GazetteerPlace kherson{706448, PlaceKind::kCity, "Cherson", "UKR", "14", "PPLA", 46.63542, 32.61687, 320477};
  GazetteerPlace europe{0, PlaceKind::kArea, "Europa", "", "", "continent", 48.69096, 9.14062, 0};
  ASSERT_TRUE(builder.Add(kherson).ok());
  ASSERT_TRUE(builder.Add(europe).ok());
  Status status;
  const std::string section = builder.Finish();
  const auto table = PlaceTable::FromSection(section, status);
  ASSERT_TRUE(table) << status.message();
  ASSERT_EQ(table->size(), 2u);
  const GazetteerPlace city = table->At(0), area = table->At(1);
  EXPECT_EQ(city.geonames, 706448);
  EXPECT_EQ(city.kind, PlaceKind::kCity);
  EXPECT_EQ(city.name, "Cherson");
  EXPECT_EQ(city.country, "UKR");
  EXPECT_EQ(city.admin1, "14");
  EXPECT_EQ(city.feature, "PPLA");
  EXPECT_EQ(city.lat, 46.63542);
  EXPECT_EQ(city.population, 320477u);
  EXPECT_EQ(area.kind, PlaceKind::kArea);
  EXPECT_EQ(area.name, "Europa");
  EXPECT_TRUE(area.country.empty());
  EXPECT_EQ(area.feature, "continent");
  EXPECT_EQ(table->KindAt(1), PlaceKind::kArea);
}

TEST(PlaceTableTest, DamagedSectionsAreRefusedOrReadAsEmpty) {
  PlaceTableBuilder builder;
  ASSERT_TRUE(builder.Add(GazetteerPlace{1, PlaceKind::kCity, "Goma", "COD", "19", "PPLA", -1.67, 29.22, 670000}).ok());
  GazetteerPlace too_long;
  too_long.feature = std::string(300, 'x');
  EXPECT_FALSE(builder.Add(too_long).ok());
  const std::string bytes = builder.Finish();
  const std::string_view section = bytes;  // the table reads the bytes in place: keep them alive
  Status status;
  EXPECT_FALSE(PlaceTable::FromSection("GPL", status));
  EXPECT_FALSE(PlaceTable::FromSection("XPL1" + std::string(section.substr(4)), status));
  EXPECT_FALSE(PlaceTable::FromSection(section.substr(0, 8 + sizeof(PlaceRecord) - 1), status));
  // Records intact, text cut off: the place keeps its numbers and reads as nameless.
  const auto cut = PlaceTable::FromSection(section.substr(0, 8 + sizeof(PlaceRecord) + 2), status);
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->At(0).population, 670000u);
  EXPECT_TRUE(cut->At(0).name.empty());
  EXPECT_TRUE(cut->At(7).name.empty());  // past the end: an empty place, no read out of bounds
}

TEST(PlaceStageTest, ResolvedPlacesCarryGeoNamesIdAndCoordinates) {
  const Document doc = testing_support::Analyse("Kim Jong-un reiste nach Wladiwostok.", "de");
  ASSERT_EQ(doc.places.size(), 1u);
  const Place& place = doc.places[0];
  EXPECT_EQ(doc.Surface(place.span), "Wladiwostok");
  EXPECT_EQ(place.geonames, 2013348);
  EXPECT_NEAR(place.lat, 43.106, 0.01);
  EXPECT_NEAR(place.lon, 131.874, 0.01);
}

TEST(PublisherRegionsTest, PublisherIsTheUrlHostWithoutWww) {
  DocumentMeta meta;
  EXPECT_EQ(PublisherOf(meta), "");
  meta.url = "https://www.TheTownTalk.com/article/20090320/NEWS01";
  EXPECT_EQ(PublisherOf(meta), "thetowntalk.com");
  meta.url = "http://news.example.org:8080?id=3";
  EXPECT_EQ(PublisherOf(meta), "news.example.org");
}

Document WithPlaces(const std::string& url, std::vector<std::string> regions) {
  Document doc;
  doc.meta.url = url;
  for (const std::string& region : regions) {
    Place place;
    place.country = region.substr(0, region.find('/'));
    place.admin1 = region.substr(region.find('/') + 1);
    doc.places.push_back(place);
  }
  return doc;
}

// A home region is the one named in most articles (all on a tie), in at least two and in 40% of
// those naming any region; a region counts once per article however often it is named.
TEST(PublisherRegionsTest, HomeRegionsAreWhatMostArticlesName) {
  using Regions = std::vector<std::string>;
  PublisherRegions publishers;
  const auto observe = [&](const std::string& url, Regions regions, int times = 1) {
    for (int i = 0; i < times; ++i) publishers.Observe(WithPlaces(url, regions));
  };
  observe("http://a.example/1", {"USA/LA", "USA/LA", "USA/LA", "USA/TX"});
  EXPECT_EQ(publishers.HomeRegions("a.example"), Regions{});  // one article is not enough
  observe("http://a.example/2", {"USA/LA"});
  EXPECT_EQ(publishers.HomeRegions("a.example"), Regions{"USA/LA"});
  observe("http://a.example/3", {"USA/NY"}, 4);
  EXPECT_EQ(publishers.HomeRegions("a.example"), Regions{"USA/NY"});  // 4 of 6; LA's 2 is under 40%
  observe("http://b.example/1", {"USA/NY"}, 2);
  for (const char* region : {"USA/TX", "USA/CA", "USA/FL", "USA/WA"}) observe("http://b.example/2", {region});
  EXPECT_EQ(publishers.HomeRegions("b.example"), Regions{});  // 2 of 6 is under 40%
  observe("http://c.example/1", {"USA/MO"}, 2);
  observe("http://c.example/2", {"USA/KS"}, 3);
  EXPECT_EQ(publishers.HomeRegions("c.example"), Regions{"USA/KS"});
  observe("http://c.example/3", {"USA/MO"});
  EXPECT_EQ(publishers.HomeRegions("c.example"), (Regions{"USA/KS", "USA/MO"}));  // a tie: by a state line
  EXPECT_EQ(publishers.HomeRegions("d.example"), Regions{});
  DocumentMeta meta;
  meta.url = "https://www.a.example/x";
  publishers.Assign(meta);
  EXPECT_EQ(meta.home_regions, Regions{"USA/NY"});
  meta.home_regions = {"DEU/16"};
  publishers.Assign(meta);
  EXPECT_EQ(meta.home_regions, Regions{"DEU/16"});  // regions the source gave stay
}

// The place stage prefers the home region among namesakes of similar size.
TEST(PublisherRegionsTest, HomeRegionPicksTheLocalNamesake) {
  const std::string text = "Police arrested a man in Alexandria on Sunday.";
  EXPECT_NE(testing_support::Analyse(text, "en").places.at(0).admin1, "LA");
  RawDocument raw;
  raw.content = text;
  raw.meta.lang = "en";
  raw.meta.home_regions = {"USA/LA"};
  const Document doc = testing_support::TestPipeline().Process(raw);
  ASSERT_EQ(doc.places.size(), 1u);
  EXPECT_EQ(doc.places[0].country, "USA");
  EXPECT_EQ(doc.places[0].admin1, "LA");
  EXPECT_NEAR(doc.places[0].lat, 31.31, 0.05);
}

}  // namespace
}  // namespace lagebild

#include <filesystem>
#include <fstream>

#include "compile/gazetteer_sources.h"
#include "compile/time_sources.h"

namespace lagebild {
namespace {

// A data directory with the given files, in a fresh temporary folder.
std::string DataDir(const std::vector<std::pair<std::string, std::string>>& files) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("lagebild-data-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  for (const auto& [name, content] : files) {
    std::filesystem::create_directories((dir / name).parent_path());
    std::ofstream(dir / name) << content;
  }
  return dir.string();
}

bool HasProblem(const std::vector<std::string>& problems, const std::string& part) {
  for (const std::string& problem : problems) {
    if (problem.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(PlaceSourcesTest, BrokenLinesAreReportedWithFileAndLine) {
  const std::string dir = DataDir({{"geo/regions.txt", "# regions\nUSA\tNowhere City\tNowhere\t-\t-\nUSA\tAustin\n"},
                                   {"geo/areas.txt", "sea\tBlack Sea\tSchwarzes Meer\t-\t-\t43.4\n"},
                                   {"geo/country_centres.txt", "RUS\t60\t100\tRussia\nXX\tnorth\t1\n"}});
  std::vector<std::pair<std::string, std::string>> sections;
  std::vector<std::string> problems;
  GazetteerCounts counts;
  ReadGazetteerSources(dir, std::string(LAGEBILD_SOURCE_DIR) + "/node_modules", sections, problems, counts);
  EXPECT_TRUE(HasProblem(problems, "regions.txt:2: seat 'Nowhere City'"));
  EXPECT_TRUE(HasProblem(problems, "regions.txt:3: expected"));
  EXPECT_TRUE(HasProblem(problems, "areas.txt:1: expected"));
  EXPECT_TRUE(HasProblem(problems, "country_centres.txt:2: expected"));
  EXPECT_GT(counts.cities, 100000u);
}

TEST(TimeSourcesTest, UnknownCategoriesAndShortLinesAreReported) {
  const std::string dir = DataDir({{"time/de.txt", "jahr\tunit\tY\nvergangen~\tdirektion\t-1\nkaputt\n"},
                                   {"time/en.txt", "year\tunit\tY\n"}});
  std::vector<std::pair<std::string, std::string>> sections;
  std::vector<std::string> problems;
  ReadTimeSources(dir, std::string(LAGEBILD_SOURCE_DIR) + "/node_modules", sections, problems);
  EXPECT_TRUE(HasProblem(problems, "de.txt:2: unknown category 'direktion'"));
  EXPECT_TRUE(HasProblem(problems, "de.txt:3: expected"));
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_NE(sections[0].second.find("september\tmonth\t9"), std::string::npos);  // from CLDR
  EXPECT_NE(sections[0].second.find("gestern\tdayrel\t-1"), std::string::npos);
}

}  // namespace
}  // namespace lagebild
