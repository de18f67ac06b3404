// A PETRARCH-1-style event coder: codes a sentence from its Penn Treebank parse with PETRARCH's
// verb, actor, agent and discard dictionaries (petrarch_dictionary.h).
//
// For one sentence:
//   1. discards: a story-level (`+`) or sentence-level discard phrase in the text stops coding;
//   2. the tree becomes PETRARCH's linear parse list with entities and compounds
//      (petrarch_parse_list.h), comma-delimited clauses of the configured lengths are removed;
//   3. every entity is coded from the actors and agents at the sentence date
//      (petrarch_actor_coding.h);
//   4. every verb phrase whose head verb (VB*) is a dictionary verb is coded: a passive
//      ("was … VBN … by") codes the participle and swaps source and target; the verb block's
//      patterns are matched (petrarch_verbs.h), else the verb's own code applies; a null code
//      ("---") codes nothing. The target is the pattern's `+`, else the first coded entity or
//      compound after the verb inside its phrase, else the first entity there; without a target
//      there is no event. The source is the pattern's `$`, else the nearest coded entity or
//      compound before the verb (back to a comma) whose code differs from the target's, else
//      the nearest entity. Once a verb phrase is coded, the verb phrases inside it are not;
//   5. events: compounds give one event per member, "A/B" codes one per part, paired codes
//      "042:043" give source→target 042 and target→source 043, self-references are dropped,
//      events with a null source or target are dropped unless require_dyad is off.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compat/petrarch_actor_coding.h"
#include "compat/petrarch_dictionary.h"
#include "compat/petrarch_parse_list.h"
#include "compat/petrarch_verbs.h"

namespace lagebild::petrarch {

struct CoderOptions {
  int new_actor_length = 0;  // > 0: uncoded entities of at most this many words appear as "TEXT"
  bool require_dyad = true;
  CommaOptions commas;
};

// Applies a <Config option value> setting; false when the option is unknown or the value bad.
bool ApplyConfigOption(std::string_view option, std::string_view value, CoderOptions& options);

struct CodedEvent {
  std::string source, target, code;
  friend bool operator==(const CodedEvent&, const CodedEvent&) = default;
};

enum class SentenceOutcome { kCoded, kBadParse, kDateline, kSentenceDiscard, kStoryDiscard };

struct SentenceResult {
  SentenceOutcome outcome = SentenceOutcome::kCoded;
  std::vector<CodedEvent> events;
  std::string message;  // why a sentence was not coded
};

class Coder {
 public:
  // `dictionaries` must outlive the coder.
  explicit Coder(const Dictionaries& dictionaries);

  // Codes one sentence; `date` is YYYYMMDD. Never throws on bad input; a malformed tree, or
  // one of more than 5000 nodes, gives kBadParse.
  SentenceResult Code(std::string_view text, std::string_view parse, int date, const CoderOptions& options) const;

  // The discard phrase found in `text`, and whether it discards the story.
  bool FindDiscard(std::string_view text, bool& story, std::string& phrase) const;

 private:
  const Dictionaries& dictionaries_;
  ActorCoder actors_;
  VerbIndex verbs_;
};

}  // namespace lagebild::petrarch
