// The actor stage: finds the actors of international politics in each sentence and codes them
// (CAMEO country + sector) for the document's date. See docs/actors.md for what it recognises:
// dictionary names with transliteration, inflection and initials tolerated; agents with their
// country ("US-Beamte", "der russische Präsident", "Kremlsprecher"); people not in the
// dictionary from titles, role words and appositions; and short references resolved within the
// document ("Herr Kim" → Kim Jong-un). Built once from the image; immutable and thread-safe.
#pragma once

#include <memory>

#include "actors/actor_dictionary.h"
#include "lagebild/document.h"
#include "lagebild/status.h"
#include "resources/resource_image.h"

namespace lagebild {

class ActorRecognizer {
 public:
  static std::unique_ptr<ActorRecognizer> Create(const ResourceImage& image, Status& status);

  // Appends entities to doc.entities (in text order). Needs tokens and sentences.
  void Recognize(Document& doc) const;

  const ActorDictionary& dictionary() const { return *dictionary_; }

 private:
  std::unique_ptr<ActorDictionary> dictionary_;
};

}  // namespace lagebild
