#include "geo/gazetteer.h"

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <string>

#include "resources/section_lines.h"
#include "segment/typography.h"
#include "util/lower_case.h"

namespace lagebild {
namespace {

PlaceKind KindOf(std::string_view code) {
  switch (code.empty() ? 'c' : code[0]) {
    case 'r': return PlaceKind::kRegion;
    case 'n': return PlaceKind::kCountry;
    case 'a': return PlaceKind::kArea;
    default: return PlaceKind::kCity;
  }
}

template <typename Number>
Number ParseNumber(std::string_view text) {
  Number value{};
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::string_view OrEmpty(std::string_view field) { return field == "-" ? std::string_view() : field; }

}  // namespace

std::unique_ptr<Gazetteer> Gazetteer::Create(const ResourceImage& image, Status& status) {
  const std::optional<std::string_view> entries = image.Section("geo/entries");
  const std::optional<std::string_view> names = image.Section("geo/names");
  const std::optional<std::string_view> postings = image.Section("geo/postings");
  if (!entries || !names || !postings || postings->size() < 8) {
    status = Status::Error(image.path() + ": no gazetteer sections (rebuild the image)");
    return nullptr;
  }
  auto gazetteer = std::unique_ptr<Gazetteer>(new Gazetteer());
  ForEachSectionLine(*entries, [&](const std::vector<std::string_view>& fields) {
    if (fields.size() != 9) return;
    GazetteerPlace place;
    place.geonames = ParseNumber<int64_t>(fields[0]);
    place.kind = KindOf(fields[1]);
    place.name = fields[2];
    place.country = OrEmpty(fields[3]);
    place.admin1 = OrEmpty(fields[4]);
    place.lat = ParseNumber<double>(fields[5]);
    place.lon = ParseNumber<double>(fields[6]);
    place.population = static_cast<uint32_t>(std::min<int64_t>(ParseNumber<int64_t>(fields[7]), UINT32_MAX));
    place.feature = fields[8];
    const auto index = static_cast<uint32_t>(gazetteer->places_.size());
    if (place.kind == PlaceKind::kCountry) gazetteer->countries_.emplace(place.country, index);
    if (place.kind == PlaceKind::kRegion) gazetteer->regions_.emplace(std::string(place.country) + "/" + std::string(place.admin1), index);
    gazetteer->places_.push_back(place);
  });
  try {
    gazetteer->trie_.map(names->data(), names->size());
  } catch (const marisa::Exception& error) {
    status = Status::Error(image.path() + ": broken gazetteer trie: " + error.what());
    return nullptr;
  }
  const auto* words = reinterpret_cast<const uint32_t*>(postings->data());
  const size_t word_count = postings->size() / sizeof(uint32_t);
  const uint32_t keys = words[0];
  if (word_count < keys + 2u || keys != gazetteer->trie_.size()) {
    status = Status::Error(image.path() + ": gazetteer postings do not fit the trie (rebuild the image)");
    return nullptr;
  }
  if (const auto first_words = image.Section("geo/first_words")) {
    gazetteer->first_words_ = StaticStringSet::FromSection(*first_words, status);
    if (!gazetteer->first_words_) return nullptr;
  }
  if (const auto name_set = image.Section("geo/name_set")) {
    gazetteer->name_set_ = StaticStringSet::FromSection(*name_set, status);
    if (!gazetteer->name_set_) return nullptr;
  }
  gazetteer->offsets_ = std::span<const uint32_t>(words + 1, keys + 1);
  gazetteer->postings_ = std::span<const uint32_t>(words + keys + 2, word_count - keys - 2);
  return gazetteer;
}

std::vector<uint32_t> Gazetteer::Lookup(std::string_view text) const {
  const std::string key = LowerCase(FoldTypography(text));
  if (name_set_ && !name_set_->Contains(key)) return {};
  marisa::Agent agent;
  agent.set_query(key.data(), key.size());
  if (!trie_.lookup(agent)) return {};
  const size_t id = agent.key().id();
  const uint32_t begin = offsets_[id], end = offsets_[id + 1];
  if (end > postings_.size() || begin > end) return {};
  std::vector<uint32_t> found(postings_.begin() + begin, postings_.begin() + end);
  std::erase_if(found, [&](uint32_t index) { return index >= places_.size(); });
  return found;
}

bool Gazetteer::StartsLongerName(std::string_view text) const {
  return first_words_ && first_words_->Contains(LowerCase(FoldTypography(text)));
}

int32_t Gazetteer::Country(std::string_view alpha3) const {
  const auto found = countries_.find(alpha3);
  return found == countries_.end() ? -1 : static_cast<int32_t>(found->second);
}

int32_t Gazetteer::Region(std::string_view country, std::string_view admin1) const {
  const auto found = regions_.find(std::string(country) + "/" + std::string(admin1));
  return found == regions_.end() ? -1 : static_cast<int32_t>(found->second);
}

}  // namespace lagebild
