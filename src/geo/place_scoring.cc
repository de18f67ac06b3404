// Disambiguation of toponyms: each mention's candidates are scored by size (population, feature),
// by the countries the document is about, by a qualifier ("Paris, Texas") and by the regions of
// the document's other places; the best one wins.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "geo/distance.h"
#include "geo/place_internal.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

constexpr double kCountryKindBonus = 4;
constexpr double kRegionKindBonus = 2.5;
constexpr double kAreaKindBonus = 4.5;  // "North Sea" the sea, not the hamlet on Long Island
constexpr double kCapitalBonus = 2;
constexpr double kFirstSeatBonus = 1;
constexpr double kSecondSeatBonus = 0.5;
constexpr double kDocumentCountryBonus = 3;
constexpr double kMainCountryBonus = 1;
constexpr double kQualifierBonus = 20;
constexpr double kSameRegionBonus = 3;
constexpr double kExactNameBonus = 0.8;  // "New Delhi" is the place so named, not Delhi (an alternate name)
constexpr double kNearbyBonus = 2;           // within kNearbyKm of another place of the document
constexpr double kNearbyKm = 150;
constexpr double kHomeRegionBonus = 3;       // a home region of the publisher (DocumentMeta::home_regions)
constexpr double kHomeCountryBonus = 2;      // … and its country

double SizeScore(const GazetteerPlace& place) {
  double score = std::log10(static_cast<double>(place.population) + 10.0);
  switch (place.kind) {
    case PlaceKind::kCountry: score += kCountryKindBonus; break;
    case PlaceKind::kRegion: score += kRegionKindBonus; break;
    case PlaceKind::kArea: score += kAreaKindBonus; break;
    case PlaceKind::kCity: break;
  }
  if (place.feature == "PPLC") score += kCapitalBonus;
  else if (place.feature == "PPLA") score += kFirstSeatBonus;
  else if (place.feature == "PPLA2") score += kSecondSeatBonus;
  return score;
}

// Keyed by alpha-3 codes, looked up with the gazetteer's string_views (std::less<>).
using CountryCounts = std::map<std::string, int, std::less<>>;

// How often each country is named: by the actors, and by mentions that can only mean places of
// one country.
CountryCounts DocumentCountries(const Gazetteer& gazetteer, const Document& doc, const std::vector<PlaceMention>& mentions) {
  CountryCounts countries;
  for (const Entity& entity : doc.entities) {
    // A capital's name may mean a smaller namesake ("Paris, Texas"), and a country's name is
    // being resolved itself ("Georgia" the US state): neither votes.
    if (entity.country.size() != 3 || entity.kind == EntityKind::kCapital) continue;
    const auto same_sentence = OfSentence(mentions, entity.sentence);  // mentions come in sentence order
    const bool resolved_here = std::any_of(same_sentence.begin(), same_sentence.end(), [&](const PlaceMention& mention) {
      return mention.span.begin < entity.span.end && entity.span.begin < mention.span.end;
    });
    if (!resolved_here) ++countries[entity.country];
  }
  for (const PlaceMention& mention : mentions) {
    const std::string_view first = gazetteer.place(mention.candidates.front()).country;
    const bool one_country = std::all_of(mention.candidates.begin(), mention.candidates.end(),
                                         [&](uint32_t index) { return gazetteer.place(index).country == first; });
    if (one_country && !first.empty() && mention.entity < 0) ++countries[std::string(first)];
  }
  return countries;
}

struct Context {
  CountryCounts countries;
  std::string main_country;
  std::map<std::string, int> regions;      // "USA/LA" of the places chosen so far
  // The cities chosen so far, each once, with their gazetteer entries (to tell a candidate itself).
  std::vector<std::pair<uint32_t, GazetteerPlace>> chosen;
  std::vector<std::pair<std::string, std::string>> homes;  // the publisher's home regions: ("USA", "LA")
};

double DistanceKm(const GazetteerPlace& a, const GazetteerPlace& b) { return HaversineKm(a.lat, a.lon, b.lat, b.lon); }

// LowerCase(name) == lower, in one pass and without building the lower-case name while it is
// ASCII (nearly all names are): an ASCII letter keeps its place when lowered, so the first
// difference there decides.
bool NameIs(std::string_view name, std::string_view lower) {
  for (size_t k = 0; k < name.size(); ++k) {
    const char c = name[k];
    if (static_cast<unsigned char>(c) >= 0x80) return LowerCase(name) == lower;
    const char lowered = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    if (k >= lower.size() || lowered != lower[k]) return false;
  }
  return name.size() == lower.size();
}

// A candidate as both passes of Choose read it: its entry, decoded once, and the part of its
// score that depends on nothing else in the document.
struct Candidate {
  uint32_t index = 0;
  GazetteerPlace place;
  double own_score = 0;  // SizeScore and the exact-name bonus
};

// `own_vote`: the country this mention's own first choice voted for, which does not count for it.
double Score(const Candidate& candidate, const PlaceMention& mention, const Context& context, const std::string& own_vote) {
  const uint32_t index = candidate.index;
  const GazetteerPlace& place = candidate.place;
  double score = candidate.own_score;
  const std::string_view country = place.country;
  const auto votes = context.countries.find(country);
  if (votes != context.countries.end() && votes->second - (country == own_vote ? 1 : 0) > 0) score += kDocumentCountryBonus;
  if (country == context.main_country) score += kMainCountryBonus;
  if (!mention.qualifier_country.empty() && country == mention.qualifier_country &&
      (mention.qualifier_admin1.empty() || place.admin1 == mention.qualifier_admin1)) {
    score += kQualifierBonus;
  }
  const auto home_country = [&](const auto& home) { return home.first == country; };
  if (std::any_of(context.homes.begin(), context.homes.end(), home_country)) score += kHomeCountryBonus;
  const auto home_region = [&](const auto& home) { return home.first == country && home.second == place.admin1; };
  if (!place.admin1.empty() && std::any_of(context.homes.begin(), context.homes.end(), home_region)) {
    score += kHomeRegionBonus;
  }
  if (!place.admin1.empty() && !context.regions.empty()) {  // empty in the first pass
    const auto found = context.regions.find(std::string(country) + "/" + std::string(place.admin1));
    // Another mention of the document in this region (not only this one's own earlier choice).
    if (found != context.regions.end() && found->second > 1) score += kSameRegionBonus;
  }
  if (place.kind == PlaceKind::kCity) {
    for (const auto& [other_index, other] : context.chosen) {
      if (other_index != index && other.name != place.name && DistanceKm(other, place) < kNearbyKm) {
        score += kNearbyBonus;
        break;
      }
    }
  }
  return score;
}

// A region named like its own seat ("Sankt Petersburg", "Berlin", "Kherson" the oblast): the
// bare name means the city.
bool RegionOfNamesakeCity(const Gazetteer& gazetteer, const PlaceMention& mention, const GazetteerPlace& region) {
  if (region.kind != PlaceKind::kRegion) return false;
  return std::any_of(mention.candidates.begin(), mention.candidates.end(), [&](uint32_t index) {
    const GazetteerPlace city = gazetteer.place(index);
    return city.kind == PlaceKind::kCity && city.country == region.country && city.admin1 == region.admin1 &&
           (city.feature == "PPLA" || city.feature == "PPLC");
  });
}

// Each mention's candidates in their order, without regions named like their own seat.
std::vector<std::vector<Candidate>> CandidatesOf(const Gazetteer& gazetteer, const std::vector<PlaceMention>& mentions) {
  std::vector<std::vector<Candidate>> all(mentions.size());
  for (size_t m = 0; m < mentions.size(); ++m) {
    const PlaceMention& mention = mentions[m];
    if (mention.candidates.size() == 1) continue;  // chosen without scores (Choose)
    all[m].reserve(mention.candidates.size());
    for (const uint32_t index : mention.candidates) {
      Candidate candidate{index, gazetteer.place(index), 0};
      if (RegionOfNamesakeCity(gazetteer, mention, candidate.place)) continue;
      candidate.own_score = SizeScore(candidate.place);
      if (!mention.surface.empty() && NameIs(candidate.place.name, mention.surface)) candidate.own_score += kExactNameBonus;
      all[m].push_back(candidate);
    }
  }
  return all;
}

void Choose(const Gazetteer& gazetteer, std::vector<PlaceMention>& mentions, const std::vector<std::vector<Candidate>>& candidates,
            const Context& context, bool second_pass) {
  for (size_t m = 0; m < mentions.size(); ++m) {
    PlaceMention& mention = mentions[m];
    if (mention.candidates.size() == 1) {  // nothing to choose: a region is left out only for a city among the others
      mention.chosen = static_cast<int32_t>(mention.candidates.front());
      continue;
    }
    const std::string own_vote =
        second_pass && mention.chosen >= 0 ? std::string(gazetteer.place(static_cast<uint32_t>(mention.chosen)).country) : "";
    double best = -1e9;
    for (const Candidate& candidate : candidates[m]) {
      const double score = Score(candidate, mention, context, own_vote);
      if (score > best) {
        best = score;
        mention.chosen = static_cast<int32_t>(candidate.index);
      }
    }
  }
}

}  // namespace

void ResolveMentions(const Gazetteer& gazetteer, const Document& doc, std::vector<PlaceMention>& mentions) {
  if (mentions.empty()) return;
  Context context;
  context.countries = DocumentCountries(gazetteer, doc, mentions);
  for (const std::string& home : doc.meta.home_regions) {
    const size_t slash = home.find('/');
    if (slash != std::string::npos) context.homes.emplace_back(home.substr(0, slash), home.substr(slash + 1));
  }
  int most = 0;
  for (const auto& [country, count] : context.countries) {
    if (count > most) {
      most = count;
      context.main_country = country;
    }
  }
  const std::vector<std::vector<Candidate>> candidates = CandidatesOf(gazetteer, mentions);
  Choose(gazetteer, mentions, candidates, context, false);
  // Second pass: places in the same region as the document's other places ("Alexandria" next to
  // "Rapides Parish" and "Pineville" is the Louisiana one).
  // and in the countries the first choices agree on ("Georgia" in a story about Atlanta).
  std::map<std::string, int> chosen_countries;
  std::vector<uint32_t> chosen_cities;
  for (const PlaceMention& mention : mentions) {
    const GazetteerPlace place = gazetteer.place(static_cast<uint32_t>(mention.chosen));
    if (!place.admin1.empty()) ++context.regions[std::string(place.country) + "/" + std::string(place.admin1)];
    if (place.kind == PlaceKind::kCity && mention.candidates.size() == 1) chosen_cities.push_back(static_cast<uint32_t>(mention.chosen));
    if (!place.country.empty()) ++chosen_countries[std::string(place.country)];
  }
  // each city once, however often it is named: Score compares a candidate with every one
  std::sort(chosen_cities.begin(), chosen_cities.end());
  chosen_cities.erase(std::unique(chosen_cities.begin(), chosen_cities.end()), chosen_cities.end());
  for (uint32_t city : chosen_cities) context.chosen.emplace_back(city, gazetteer.place(city));
  for (const auto& [country, count] : chosen_countries) {
    context.countries[country] += count;
    if (context.countries[country] > most) {
      most = context.countries[country];
      context.main_country = country;
    }
  }
  Choose(gazetteer, mentions, candidates, context, true);
}

}  // namespace lagebild
