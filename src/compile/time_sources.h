// The time words of the tagger (src/time): month and weekday names and the relative day words
// from CLDR (npm cldr-dates-full, locales de, de-AT, de-CH, en, en-GB), and our own words in
// data/time/{de,en}.txt (units, directions, seasons, parts of the day, numbers, tense cues).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace lagebild {

// Appends the sections "time/de/words" and "time/en/words": lines "form\tcategory\tvalue" with
// the form in lower case (the categories of data/time/de.txt plus month, weekday and dayrel).
// Problems name the file and line.
void ReadTimeSources(const std::string& data_dir, const std::string& packages_dir,
                     std::vector<std::pair<std::string, std::string>>& sections, std::vector<std::string>& problems);

}  // namespace lagebild
