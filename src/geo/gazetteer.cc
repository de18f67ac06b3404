#include "geo/gazetteer.h"

#include <string>

#include "segment/typography.h"
#include "util/lower_case.h"

namespace lagebild {

std::unique_ptr<Gazetteer> Gazetteer::Create(const ResourceImage& image, Status& status) {
  const std::optional<std::string_view> places = image.Section("geo/places");
  const std::optional<std::string_view> names = image.Section("geo/names");
  const std::optional<std::string_view> postings = image.Section("geo/postings");
  if (!places || !names || !postings || postings->size() < 8) {
    status = Status::Error(image.path() + ": no gazetteer sections (rebuild the image)");
    return nullptr;
  }
  auto gazetteer = std::unique_ptr<Gazetteer>(new Gazetteer());
  auto table = PlaceTable::FromSection(*places, status);
  if (!table) {
    status = Status::Error(image.path() + ": " + status.message());
    return nullptr;
  }
  gazetteer->places_ = *table;
  gazetteer->IndexCountriesAndRegions();
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

void Gazetteer::IndexCountriesAndRegions() {
  for (uint32_t index = 0; index < places_.size(); ++index) {
    const PlaceKind kind = places_.KindAt(index);
    if (kind != PlaceKind::kCountry && kind != PlaceKind::kRegion) continue;
    const GazetteerPlace place = places_.At(index);
    if (kind == PlaceKind::kCountry) countries_.emplace(place.country, index);
    else regions_.emplace(std::string(place.country) + "/" + std::string(place.admin1), index);
  }
}

GazetteerKey Gazetteer::KeyOf(std::string_view text) {
  GazetteerKey key;
  key.text = LowerCase(FoldTypography(text));
  key.hash = HashWord(key.text);
  return key;
}

GazetteerKey Gazetteer::KeyOfToken(const Document& doc, const Token& token) {
  const std::string_view surface = doc.Surface(token.span);
  if (!HasNothingToFold(surface)) return KeyOf(surface);
  return GazetteerKey{std::string(doc.Lower(token)), token.lower_hash};
}

std::vector<uint32_t> Gazetteer::Lookup(const GazetteerKey& key) const {
  size_t id = 0;
  if (name_set_ && name_set_->has_values()) {
    const std::optional<uint32_t> found = name_set_->Value(key.text, key.hash);
    if (!found || *found + 1 >= offsets_.size()) return {};
    id = *found;
  } else {  // a set without ids (the compiler writes them since image format 5): walk the trie
    if (name_set_ && !name_set_->Contains(key.text, key.hash)) return {};
    marisa::Agent agent;
    agent.set_query(key.text.data(), key.text.size());
    if (!trie_.lookup(agent)) return {};
    id = agent.key().id();
  }
  const uint32_t begin = offsets_[id], end = offsets_[id + 1];
  if (end > postings_.size() || begin > end) return {};
  std::vector<uint32_t> found(postings_.begin() + begin, postings_.begin() + end);
  std::erase_if(found, [&](uint32_t index) { return index >= places_.size(); });
  return found;
}

bool Gazetteer::StartsLongerName(const GazetteerKey& word) const {
  return first_words_ && first_words_->Contains(word.text, word.hash);
}

void Gazetteer::Prefetch(const GazetteerKey& word) const {
  if (name_set_) name_set_->Prefetch(word.hash);
  if (first_words_) first_words_->Prefetch(word.hash);
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
