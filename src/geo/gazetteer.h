// The compiled gazetteer (compile/gazetteer_sources): GeoNames cities500, first-level regions,
// named areas and countries, looked up by name in a hash set read in place from the image.
// Built once from the image; immutable and thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/place_table.h"
#include "lagebild/document.h"
#include "lagebild/status.h"
#include "resources/resource_image.h"
#include "resources/static_string_set.h"

namespace lagebild {

// A name as the gazetteer compares it (lower-cased, typography folded) and its hash.
struct GazetteerKey {
  std::string text;
  uint64_t hash = 0;
};

// What the name set holds for one word (Gazetteer::Word): the places it names and whether a
// longer name starts with it, from one probe.
struct GazetteerWord {
  std::optional<uint32_t> value;  // encoded as in gazetteer_names.h; nullopt when the word is no name
};

class Gazetteer {
 public:
  static std::unique_ptr<Gazetteer> Create(const ResourceImage& image, Status& status);

  static GazetteerKey KeyOf(std::string_view text);
  // The key of a token, from the lower-case form and hash the segment stage gave it when its
  // surface has nothing for FoldTypography to change (HasNothingToFold), else KeyOf(surface).
  static GazetteerKey KeyOfToken(const Document& doc, const Token& token);
  // The places named `text` (compared lower-cased and typography-folded).
  std::vector<uint32_t> Lookup(std::string_view text) const { return Lookup(KeyOf(text)); }
  std::vector<uint32_t> Lookup(const GazetteerKey& key) const { return PlacesOf(Word(key)); }
  // The places named by the tokens [first, end) of `doc` as written, spaces included ("New
  // York"): read from the document's lower-case text where that is the key, else KeyOf.
  std::vector<uint32_t> LookupTokens(const Document& doc, uint32_t first, uint32_t end) const;
  // Whether some name of several words starts with the word `text` ("New" of "New York").
  bool StartsLongerName(std::string_view text) const { return StartsLongerName(Word(KeyOf(text))); }
  // Both answers for a word from one probe of the name set.
  GazetteerWord Word(const GazetteerKey& key) const { return {names_.Value(key.text, key.hash)}; }
  std::vector<uint32_t> PlacesOf(GazetteerWord word) const;
  static bool StartsLongerName(GazetteerWord word);
  // Starts loading what Lookup and StartsLongerName read first for the word, so that the cache
  // misses of a sentence's words overlap (see StaticStringSet::Prefetch).
  void Prefetch(const GazetteerKey& word) const;
  // By value: the place is read from its record in the image (a few copies, no parsing).
  GazetteerPlace place(uint32_t index) const { return places_.At(index); }
  // A place's kind and population without its names (PlaceTable::KindAndPopulationAt).
  std::pair<PlaceKind, uint32_t> kind_and_population(uint32_t index) const { return places_.KindAndPopulationAt(index); }
  // The entry of a country by alpha-3 code, or -1.
  int32_t Country(std::string_view alpha3) const;
  // The region of a country's first-level code, or -1.
  int32_t Region(std::string_view country, std::string_view admin1) const;

 private:
  void IndexCountriesAndRegions();

  PlaceTable places_;
  // Every name and every first word of a longer name, hashed, with the encoding of
  // gazetteer_names.h: one probe tells whether a word names places, which (the id of its
  // postings), and whether a longer name starts with it.
  StaticStringSet names_;
  std::span<const uint32_t> offsets_;
  std::span<const uint32_t> postings_;
  std::unordered_map<std::string_view, uint32_t> countries_;
  std::unordered_map<std::string, uint32_t> regions_;  // "RUS/59"
};

}  // namespace lagebild
