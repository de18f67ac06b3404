#include "segment/segmenter.h"

#include "resources/static_string_set.h"
#include "segment/sentence_splitter.h"
#include "segment/tokenizer.h"
#include "util/lower_case.h"

namespace lagebild {

std::unique_ptr<Segmenter> Segmenter::Create(const ResourceImage& image, Status& status) {
  auto segmenter = std::make_unique<Segmenter>();
  segmenter->german_ = SegmentationRules::Load(image, "de", status);
  if (!segmenter->german_) return nullptr;
  segmenter->english_ = SegmentationRules::Load(image, "en", status);
  if (!segmenter->english_) return nullptr;
  return segmenter;
}

const SegmentationRules& Segmenter::RulesFor(std::string_view lang) const {
  return lang == "de" ? *german_ : *english_;
}

void Segmenter::Segment(Document& doc) const {
  doc.tokens.reserve(doc.text.size() / 6);
  for (uint32_t index = 0; index < doc.paragraphs.size(); ++index) {
    const Paragraph& paragraph = doc.paragraphs[index];
    const SegmentationRules& rules = RulesFor(paragraph.lang);
    const auto first_token = static_cast<uint32_t>(doc.tokens.size());
    Tokenize(doc.text, paragraph.span, rules, doc.tokens);
    SplitSentences(doc, index, first_token, rules);
  }
  FoldTokens(doc);
}

// Lower-casing keeps the byte length of nearly every text: the lower-case text is then folded
// in one pass, and each token's form has the token's span. Otherwise token by token.
void Segmenter::FoldTokens(Document& doc) {
  if (LowerCaseKeepingOffsets(doc.text, doc.lower_forms)) {
    for (Token& token : doc.tokens) {
      token.lower = token.span;
      token.lower_hash = HashWord(doc.Lower(token));
    }
    return;
  }
  doc.lower_forms.clear();
  doc.lower_forms.reserve(doc.text.size());
  for (Token& token : doc.tokens) {
    const auto begin = static_cast<uint32_t>(doc.lower_forms.size());
    AppendLowerCase(doc.Surface(token.span), doc.lower_forms);
    token.lower = {begin, static_cast<uint32_t>(doc.lower_forms.size())};
    token.lower_hash = HashWord(doc.Lower(token));
  }
}

}  // namespace lagebild
