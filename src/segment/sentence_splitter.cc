#include "segment/sentence_splitter.h"

#include "segment/char_class.h"

namespace lagebild {
namespace {

bool IsEndMark(std::string_view surface) {
  if (surface == "." || surface == "\u2026" || surface.starts_with("..")) return true;
  if (surface == "\u203D" || surface == "\u061F" || surface == "\u3002") return true;
  return !surface.empty() && surface.find_first_not_of("?!") == std::string_view::npos;
}

class SplitterPass {
 public:
  SplitterPass(Document& doc, uint32_t paragraph, uint32_t first_token, const SegmentationRules& rules)
      : doc_(doc), paragraph_(paragraph), begin_(first_token),
        end_(static_cast<uint32_t>(doc.tokens.size())), rules_(rules) {}

  void Run() {
    uint32_t start = begin_;
    for (uint32_t i = begin_; i < end_; ++i) {
      if (i > start && BreaksAtLine(i)) {
        Emit(start, i, false);
        start = i;
      }
      if (i + 1 - start >= kMaxSentenceTokens) {
        const uint32_t cut = ForcedCut(start, i + 1);
        Emit(start, cut, true);
        start = cut;
        continue;
      }
      const uint32_t next = EndOfSentenceAt(i);
      if (next != 0 && next < end_) {
        Emit(start, next, false);
        start = next;
        i = next - 1;
      }
    }
    if (start < end_) Emit(start, end_, false);
  }

 private:
  std::string_view Surface(uint32_t token) const { return doc_.Surface(doc_.tokens[token].span); }
  const Token& TokenAt(uint32_t token) const { return doc_.tokens[token]; }

  // A line break ends a sentence unless the paragraph is hard-wrapped prose; then only a list
  // item starts a new one.
  bool BreaksAtLine(uint32_t i) const {
    const Token& token = TokenAt(i);
    if (!token.line_start) return false;
    if (token.kind == TokenKind::kListMarker) return true;
    return !doc_.paragraphs[paragraph_].hard_wrapped;
  }

  // If token i ends a sentence, the index of the first token of the next sentence; else 0.
  uint32_t EndOfSentenceAt(uint32_t i) const {
    const Token& token = TokenAt(i);
    const bool end_mark = token.kind == TokenKind::kPunctuation && IsEndMark(Surface(i));
    const bool period_word = token.kind == TokenKind::kAbbreviation || token.kind == TokenKind::kInitial;
    if (!end_mark && !period_word) return 0;
    const uint32_t next = SkipClosers(i + 1);
    if (next >= end_) return end_;
    if (TokenAt(next).line_start && BreaksAtLine(next)) return 0;  // the line break splits anyway
    if (end_mark) return StartsSentence(next) ? next : 0;
    return MayEndSentence(i) && OpensAfterAbbreviation(next) ? next : 0;
  }

  // Closing quotes and brackets, and further end marks ("?!"), belong to the ending sentence.
  uint32_t SkipClosers(uint32_t j) const {
    while (j < end_) {
      const Token& token = TokenAt(j);
      const bool closer = token.closes ||
                          (token.kind == TokenKind::kPunctuation && IsEndMark(Surface(j)));
      if (!closer || token.line_start) break;
      ++j;
    }
    return j;
  }

  bool StartsSentence(uint32_t j) const {
    const Token& token = TokenAt(j);
    if (token.capitalized || token.opens || token.kind == TokenKind::kListMarker) return true;
    if (token.kind == TokenKind::kNumber || token.kind == TokenKind::kOrdinal) return true;
    if (token.kind == TokenKind::kSymbol && token.span.size() > 1) return true;  // currency signs
    return false;
  }

  bool MayEndSentence(uint32_t i) const {
    const Token& token = TokenAt(i);
    std::string_view word = Surface(i);
    word.remove_suffix(1);
    if (token.kind == TokenKind::kInitial) return true;
    if (word.find('.') != std::string_view::npos) {
      // Dotted acronyms: "U.S." may end a sentence, "z.B." and "e.g." may not; "a.m."/"p.m." may.
      return token.capitalized || word == "a.m" || word == "p.m";
    }
    const AbbreviationInfo* info = rules_.FindAbbreviation(word);
    return info != nullptr && info->may_end_sentence;
  }

  // After an abbreviation only a typical sentence opener (or an opening quote) starts a sentence.
  bool OpensAfterAbbreviation(uint32_t j) const {
    const Token& token = TokenAt(j);
    if (token.opens && token.kind == TokenKind::kQuote) return true;
    return token.capitalized && rules_.IsSentenceStarter(Surface(j));
  }

  // Where to cut a sentence that reached the limit: after the last ';', else ',', else before
  // the last line start in its second half, else at the limit.
  uint32_t ForcedCut(uint32_t start, uint32_t limit) const {
    const uint32_t half = start + (limit - start) / 2;
    for (std::string_view mark : {std::string_view(";"), std::string_view(",")}) {
      for (uint32_t j = limit - 1; j > half; --j) {
        if (Surface(j) == mark) return j + 1;
      }
    }
    for (uint32_t j = limit - 1; j > half; --j) {
      if (TokenAt(j).line_start) return j;
    }
    return limit;
  }

  void Emit(uint32_t first, uint32_t last, bool forced) {
    Sentence sentence;
    sentence.span = {TokenAt(first).span.begin, TokenAt(last - 1).span.end};
    sentence.first_token = first;
    sentence.last_token = last;
    sentence.paragraph = paragraph_;
    sentence.forced_split = forced;
    doc_.sentences.push_back(sentence);
  }

  Document& doc_;
  uint32_t paragraph_;
  uint32_t begin_;
  uint32_t end_;
  const SegmentationRules& rules_;
};

}  // namespace

void SplitSentences(Document& doc, uint32_t paragraph_index, uint32_t first_token,
                    const SegmentationRules& rules) {
  if (first_token >= doc.tokens.size()) return;
  SplitterPass(doc, paragraph_index, first_token, rules).Run();
}

}  // namespace lagebild
