// Splits the text of a paragraph into tokens (see TokenKind in document.h and the conventions in
// docs/golden-tests.md). Runs in one left-to-right pass with bounded look-ahead, linear in the
// input; words of scripts without spaces (Chinese, Japanese, Thai …) go through ICU's
// dictionary-based word break iterator.
#pragma once

#include <string_view>
#include <vector>

#include "lagebild/document.h"
#include "segment/segmentation_rules.h"

namespace lagebild {

// Appends the tokens of `text[span]` to `tokens`. Thread-safe.
void Tokenize(std::string_view text, Span span, const SegmentationRules& rules, std::vector<Token>& tokens);

}  // namespace lagebild
