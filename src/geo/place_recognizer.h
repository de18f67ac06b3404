// The place stage (docs/places.md): finds toponyms in German and English text and resolves each
// to one gazetteer entry. Countries and capitals come from the actor stage's entities and are
// places only after a word of place ("in Russland", "nach Moskau"); in actor position they stay
// actors (metonymy: "Moskau warnte" is the Russian government). Other names are looked up in the
// gazetteer, longest first, and disambiguated by population and feature, by the countries the
// document is about, by a qualifier ("Paris, Texas") and by the other places of the document.
// Built once from the image; then immutable and thread-safe.
#pragma once

#include <memory>

#include "lagebild/document.h"
#include "lagebild/status.h"
#include "resources/resource_image.h"
#include "resources/static_string_set.h"

namespace lagebild {

class Gazetteer;
struct PlaceCues;

class PlaceRecognizer {
 public:
  static std::unique_ptr<PlaceRecognizer> Create(const ResourceImage& image, Status& status);
  ~PlaceRecognizer();

  // Appends the document's places to doc.places, in text order. Runs after the actor and time
  // stages (their spans are not toponyms, except countries and capitals in a place role).
  void Locate(Document& doc) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  PlaceRecognizer();
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<PlaceCues> cues_[2];  // de, en
  std::optional<StaticStringSet> german_nouns_;
  std::optional<StaticStringSet> english_words_;
};

}  // namespace lagebild
