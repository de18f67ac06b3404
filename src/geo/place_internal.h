// Shared between the parts of the place stage: the cue words and the candidate mentions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/gazetteer.h"
#include "lagebild/document.h"
#include "resources/flat_string_map.h"

namespace lagebild {

// The words of data/{de,en}/place_cues.txt by flag.
struct PlaceCues {
  FlatStringMap<std::string, std::string> flags;  // lower-case word → locative|noun|direction|article|…
  // The flag of a token's lower-case form and its HashWord; empty when the word is no cue
  // (every cue has a flag).
  std::string_view FlagOf(std::string_view lower, uint64_t hash) const {
    const auto found = flags.find(lower, hash);
    return found == flags.end() ? std::string_view() : std::string_view(found->second);
  }
};

// A name found in a sentence with the gazetteer entries it may mean.
struct PlaceMention {
  Span span;
  uint32_t sentence = 0;
  uint32_t first_token = 0;  // document token indices [first_token, last_token)
  uint32_t last_token = 0;
  std::vector<uint32_t> candidates;
  std::string surface;            // lower-cased text, for the exact-name preference
  bool in_place_role = false;     // after a word of place
  bool speaker_place = false;     // right before a verb of saying: "Diplomaten in Khartum sagen"
  int32_t entity = -1;            // a country or capital entity it comes from
  std::string qualifier_country;  // "Paris, Texas": the qualifier's country …
  std::string qualifier_admin1;   // … and first-level region
  int32_t chosen = -1;            // the resolved gazetteer entry
};

// Picks each mention's entry (place_scoring.cc).
void ResolveMentions(const Gazetteer& gazetteer, const Document& doc, std::vector<PlaceMention>& mentions);

}  // namespace lagebild
