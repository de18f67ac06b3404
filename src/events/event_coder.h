// The event stage: codes each interaction between actors in a sentence in CAMEO, with
// modality and attribution (docs/events.md). It reads the clause analysis (clause_analysis.h),
// matches verb and noun patterns (docs/patterns.md), resolves complements (requests, plans,
// denials, wishes that another actor act), finds who says so, and appends Document::events.
// Built once from the resource image; immutable and thread-safe.
#pragma once

#include <memory>
#include <string>

#include "events/event_lexicon.h"
#include "lagebild/document.h"
#include "lagebild/status.h"
#include "resources/resource_image.h"

namespace lagebild {

class EventCoder {
 public:
  static std::unique_ptr<EventCoder> Create(const ResourceImage& image, Status& status);

  // Appends the events of every German or English sentence. Needs tokens, sentences, entities.
  void Code(Document& doc) const;

  // A readable account of how each sentence was analysed: clauses, verbs, actors with their
  // roles, and the candidate events (for `lagebild explain` and for writing patterns).
  std::string Explain(const Document& doc) const;

  const EventLexicon* Lexicon(std::string_view language) const;
  const CameoTable& cameo() const { return *cameo_; }

 private:
  std::unique_ptr<EventLexicon> german_, english_;
  std::unique_ptr<CameoTable> cameo_;
};

}  // namespace lagebild
