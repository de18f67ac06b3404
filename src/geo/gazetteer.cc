#include "geo/gazetteer.h"

#include <algorithm>
#include <string>

#include "geo/gazetteer_names.h"
#include "resources/static_string_set.h"
#include "segment/typography.h"
#include "util/lower_case.h"

namespace lagebild {

std::unique_ptr<Gazetteer> Gazetteer::Create(const ResourceImage& image, Status& status) {
  const std::optional<std::string_view> places = image.Section("geo/places");
  const std::optional<std::string_view> name_set = image.Section("geo/name_set");
  const std::optional<std::string_view> postings = image.Section("geo/postings");
  if (!places || !name_set || !postings || postings->size() < 8) {
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
  auto names = StaticStringSet::FromSection(*name_set, status);
  if (!names || !names->has_values()) {
    status = Status::Error(image.path() + ": broken gazetteer name set (rebuild the image)");
    return nullptr;
  }
  gazetteer->names_ = *names;
  const auto* words = reinterpret_cast<const uint32_t*>(postings->data());
  const size_t word_count = postings->size() / sizeof(uint32_t);
  const uint32_t keys = words[0];
  if (word_count < keys + 2u) {
    status = Status::Error(image.path() + ": gazetteer postings are cut short (rebuild the image)");
    return nullptr;
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
  if (!token.plain_word && !HasNothingToFold(surface)) return KeyOf(surface);
  return GazetteerKey{std::string(doc.Lower(token)), token.lower_hash};
}

// The lower-case text of the tokens is the key when their surface has nothing to fold and each
// token's lower-case form lies at its own offsets (Segmenter::FoldTokens): then the document's
// lower-case text holds the words with the spaces between them, and no string is made.
std::vector<uint32_t> Gazetteer::LookupTokens(const Document& doc, uint32_t first, uint32_t end) const {
  const Span span{doc.tokens[first].span.begin, doc.tokens[end - 1].span.end};
  const std::string_view surface = doc.Surface(span);
  const bool offsets_kept = std::all_of(doc.tokens.begin() + first, doc.tokens.begin() + end, [](const Token& token) {
    return token.lower.begin == token.span.begin && token.lower.end == token.span.end;
  });
  if (!offsets_kept || !HasNothingToFold(surface)) return Lookup(KeyOf(surface));
  const std::string_view lower(doc.lower_forms.data() + span.begin, span.size());
  return PlacesOf({names_.Value(lower, HashWord(lower))});
}

std::vector<uint32_t> Gazetteer::PlacesOf(GazetteerWord word) const {
  if (!word.value) return {};
  const uint32_t id = *word.value & gazetteer_names::kIdMask;
  if (id == gazetteer_names::kNoPlaces || size_t{id} + 1 >= offsets_.size()) return {};
  const uint32_t begin = offsets_[id], end = offsets_[id + 1];
  if (end > postings_.size() || begin > end) return {};
  std::vector<uint32_t> found(postings_.begin() + begin, postings_.begin() + end);
  std::erase_if(found, [&](uint32_t index) { return index >= places_.size(); });
  return found;
}

bool Gazetteer::StartsLongerName(GazetteerWord word) { return word.value && (*word.value & gazetteer_names::kStartsLongerName) != 0; }

void Gazetteer::Prefetch(const GazetteerKey& word) const { names_.Prefetch(word.hash); }

int32_t Gazetteer::Country(std::string_view alpha3) const {
  const auto found = countries_.find(alpha3);
  return found == countries_.end() ? -1 : static_cast<int32_t>(found->second);
}

int32_t Gazetteer::Region(std::string_view country, std::string_view admin1) const {
  const auto found = regions_.find(std::string(country) + "/" + std::string(admin1));
  return found == regions_.end() ? -1 : static_cast<int32_t>(found->second);
}

}  // namespace lagebild
