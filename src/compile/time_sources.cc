#include "compile/time_sources.h"

#include <simdjson.h>

#include <array>
#include <set>
#include <string_view>

#include "compile/source_lines.h"
#include "resources/section_lines.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

constexpr std::array<std::string_view, 20> kCategories = {
    "unit", "direction", "position", "season", "daypart", "ref", "set", "number", "ordinal", "decade",
    "future", "past", "approx", "ago", "later", "clock", "offset", "month", "weekday", "holiday"};
constexpr std::array<std::string_view, 6> kAdjectiveEndings = {"", "e", "en", "er", "es", "em"};
constexpr std::array<std::string_view, 7> kWeekdayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

using Lines = std::set<std::string>;

void AddLine(Lines& lines, std::string_view form, std::string_view category, std::string_view value) {
  lines.insert(LowerCase(form) + '\t' + std::string(category) + '\t' + std::string(value));
}

// Month names (wide and abbreviated, format and stand-alone), weekday names (wide) from
// ca-gregorian.json; the relative day words (relative-type--2 … 2) from dateFields.json.
void ReadCldrLocale(const std::string& dir, const std::string& locale, Lines& lines, std::vector<std::string>& problems) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  const std::string gregorian = dir + "/ca-gregorian.json";
  if (parser.load(gregorian).get(root)) {
    problems.push_back(gregorian + ": cannot read (run scripts/setup.sh)");
    return;
  }
  simdjson::dom::element calendar = root["main"][locale]["dates"]["calendars"]["gregorian"];
  for (const char* context : {"format", "stand-alone"}) {
    for (const char* width : {"wide", "abbreviated"}) {
      simdjson::dom::object months;
      if (calendar["months"][context][width].get(months)) continue;
      for (auto [number, name] : months) {
        std::string_view text;
        if (name.get(text) != simdjson::SUCCESS) continue;
        AddLine(lines, text, "month", number);
        // The German genitive of a wide name: "des 9. Februars 1904" (not of "März", "Mai")
        const bool genitive = locale.starts_with("de") && std::string_view(width) == "wide" && !text.ends_with("s") &&
                              !text.ends_with("z") && !text.ends_with("i");
        if (genitive) {
          AddLine(lines, std::string(text) + "s", "month", number);
        }
      }
    }
  }
  for (size_t day = 0; day < kWeekdayKeys.size(); ++day) {
    std::string_view text;
    if (calendar["days"]["format"]["wide"][kWeekdayKeys[day]].get(text) == simdjson::SUCCESS) {
      AddLine(lines, text, "weekday", std::to_string(day + 1));
    }
  }
  const std::string fields_path = dir + "/dateFields.json";
  if (parser.load(fields_path).get(root)) {
    problems.push_back(fields_path + ": cannot read (run scripts/setup.sh)");
    return;
  }
  simdjson::dom::object day;
  if (root["main"][locale]["dates"]["fields"]["day"].get(day)) return;
  for (auto [key, value] : day) {
    constexpr std::string_view kPrefix = "relative-type-";
    std::string_view text;
    if (key.substr(0, kPrefix.size()) != kPrefix || value.get(text) != simdjson::SUCCESS) continue;
    AddLine(lines, text, "dayrel", key.substr(kPrefix.size()));
  }
}

void ReadTimeWords(const std::string& path, Lines& lines, std::vector<std::string>& problems) {
  const Status status = ForEachSourceLine(path, [&](int number, const std::string& line) {
    const std::vector<std::string> fields = SplitToStrings(line, '\t');
    if (fields.size() != 3 || fields[0].empty()) {
      problems.push_back(AtLine(path, number) + "expected `form<TAB>category<TAB>value`");
      return Status::Ok();
    }
    if (std::find(kCategories.begin(), kCategories.end(), fields[1]) == kCategories.end()) {
      problems.push_back(AtLine(path, number) + "unknown category '" + fields[1] + "'");
      return Status::Ok();
    }
    if (fields[0].back() != '~') {
      AddLine(lines, fields[0], fields[1], fields[2]);
      return Status::Ok();
    }
    const std::string stem = fields[0].substr(0, fields[0].size() - 1);
    for (std::string_view ending : kAdjectiveEndings) AddLine(lines, stem + std::string(ending), fields[1], fields[2]);
    return Status::Ok();
  });
  if (!status.ok()) AppendProblems(status, problems);
}

}  // namespace

void ReadTimeSources(const std::string& data_dir, const std::string& packages_dir,
                     std::vector<std::pair<std::string, std::string>>& sections, std::vector<std::string>& problems) {
  const std::string cldr = packages_dir + "/cldr-dates-full/main/";
  for (const auto& [lang, locales] : {std::pair{"de", std::vector<std::string>{"de", "de-AT", "de-CH"}},
                                      std::pair{"en", std::vector<std::string>{"en", "en-GB"}}}) {
    Lines lines;
    for (const std::string& locale : locales) ReadCldrLocale(cldr + locale, locale, lines, problems);
    ReadTimeWords(data_dir + "/time/" + lang + ".txt", lines, problems);
    std::string section;
    for (const std::string& line : lines) section += line + '\n';
    sections.emplace_back(std::string("time/") + lang + "/words", std::move(section));
  }
}

}  // namespace lagebild
