// A TABARI-compatible event coder: TABARI's dictionaries, shallow parse and pattern semantics
// (manual chapters 5–8), so that projects built on TABARI dictionaries can code with lagebild and
// lagebild can be checked against TABARI's validation suite. The native coder (src/events/) is
// separate; this one reproduces TABARI's behaviour rather than improving on it.
//
// Per sentence: filter and type words (tabari_sentence.h), check the complexity conditions, then
// in each conjunction-delimited clause try the verbs left to right, each verb's patterns longest
// first; the first event of a clause is coded (SET: CODE BY …), subordinate codes (`?`) only when
// nothing else is, dominant codes (`!`) over everything else. Sources and targets come from the
// pattern's `$ + %` slots or from TABARI's default search, with passive voice reversed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compat/tabari_lexicon.h"
#include "compat/tabari_options.h"
#include "compat/tabari_sentence.h"

namespace lagebild::tabari {

struct CodedEvent {
  std::string source, target, code;
  int pattern_line = 0;  // the .verbs line of the pattern, 0 for a root's own code
  // Words of the sentence (indices into CodingResult::word_spans, [first, last)) that named the
  // source, the target and the verb; {-1, -1} for a default actor.
  std::pair<int, int> source_words{-1, -1}, target_words{-1, -1}, verb_words{-1, -1};
};

struct CodingResult {
  std::vector<CodedEvent> events;
  bool discarded = false;  // a ### code
  bool complex = false;    // a +++ code or a COMPLEX: condition
  bool too_short = false;  // fewer words than SET: MINIMUM WORDS
  std::string explanation;
  std::string parse;  // DescribeParse() of the sentence when the coder was asked for it
  std::string first_actor;  // the first named actor's own code: what FORWARD passes on
  std::vector<WordSpan> word_spans;  // the bytes of each word the events refer to
};

class Coder {
 public:
  // Both must outlive the coder. Thread-safe: Code() only reads. With `describe_parse` every
  // result carries its parse as text (for explanations; it costs a string per sentence).
  Coder(const Lexicon& lexicon, const Options& options, bool describe_parse = false)
      : lexicon_(lexicon), options_(options), describe_parse_(describe_parse) {}

  // Codes one sentence; `date` is YYYYMMDD and selects date-restricted actor codes.
  // `forwarded_actor` (FORWARD) is the previous sentence's CodingResult::first_actor.
  CodingResult Code(std::string_view sentence, int32_t date, const std::string* forwarded_actor = nullptr) const;

 private:
  const Lexicon& lexicon_;
  const Options& options_;
  bool describe_parse_ = false;
};

}  // namespace lagebild::tabari
