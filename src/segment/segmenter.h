// The segment stage: tokens and sentences for every paragraph, with the rules of the paragraph's
// language (German or English; other languages use the English rules).
#pragma once

#include <memory>

#include "lagebild/document.h"
#include "lagebild/status.h"
#include "resources/resource_image.h"
#include "segment/segmentation_rules.h"

namespace lagebild {

class Segmenter {
 public:
  static std::unique_ptr<Segmenter> Create(const ResourceImage& image, Status& status);

  // Appends tokens (with their lower-case forms) and sentences to `doc`. Thread-safe.
  void Segment(Document& doc) const;

  const SegmentationRules& RulesFor(std::string_view lang) const;

 private:
  // Fills every token's lower-case form and its hash.
  static void FoldTokens(Document& doc);

  std::unique_ptr<SegmentationRules> german_;
  std::unique_ptr<SegmentationRules> english_;
};

}  // namespace lagebild
