// Groups a paragraph's tokens into sentences (conventions in docs/golden-tests.md).
#pragma once

#include <string_view>
#include <vector>

#include "lagebild/document.h"
#include "segment/segmentation_rules.h"

namespace lagebild {

// Sentences longer than this many tokens are cut (see ForcedCut in the .cc file).
inline constexpr uint32_t kMaxSentenceTokens = 250;

// Appends the sentences of paragraph `paragraph_index`, whose tokens are
// doc.tokens[first_token, doc.tokens.size()), to doc.sentences.
void SplitSentences(Document& doc, uint32_t paragraph_index, uint32_t first_token,
                    const SegmentationRules& rules);

}  // namespace lagebild
