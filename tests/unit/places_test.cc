// The gazetteer compiled into the test image and the place stage's decisions that the golden
// files do not show directly (coordinates, ids, region centres). Toponym behaviour itself is
// specified by tests/golden/places and tests/golden/grounding.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/gazetteer.h"
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
    const GazetteerPlace& place = gazetteer.place(index);
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

TEST(PlaceStageTest, ResolvedPlacesCarryGeoNamesIdAndCoordinates) {
  const Document doc = testing_support::Analyse("Kim Jong-un reiste nach Wladiwostok.", "de");
  ASSERT_EQ(doc.places.size(), 1u);
  const Place& place = doc.places[0];
  EXPECT_EQ(doc.Surface(place.span), "Wladiwostok");
  EXPECT_EQ(place.geonames, 2013348);
  EXPECT_NEAR(place.lat, 43.106, 0.01);
  EXPECT_NEAR(place.lon, 131.874, 0.01);
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
