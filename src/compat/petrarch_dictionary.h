// Readers for the dictionary files of PETRARCH (docs-dictionaries.rst in the PETRARCH sources),
// the parser-based successor of TABARI, and a converter into the TABARI model so that a
// shallow matcher can use PETRARCH's dictionaries on raw text.
//
//   verbs     `&NAME` synsets with `+phrase` members (plurals made unless the name or the
//             phrase ends in `_`); `--- NAME [CODE] ---` blocks; verb lines `VERB {FORMS} [CODE]`
//             and multi-word verbs `+CORDON_OFF {…}`, `WIRE_+TAP`; patterns `- upper * lower
//             [CODE]` with `$` source, `+` target, `%` compound, `^` skip, `&SYNSET` and, in the
//             PETRARCH-2 files such as CAMEO.2.0.txt, `(PREP NOUN)` and `{ADJ NOUN}` groups;
//             `~ …` transformations (counted, not used)
//   actors    `PHRASE [CODE]` with `+synonym` lines and indented dated lines `[CODE <date]`,
//             `[CODE >date]`, `[CODE date-date]` (dates YYMMDD or YYYYMMDD)
//   agents    `PHRASE {PLURALS} [~CODE]` or `[CODE~]`; `!NAME! = A, B` substitution markers
//   discards  one phrase a line; `+PHRASE` discards the whole story, otherwise the sentence
//
// In all files `#` starts a comment, `<!-- … -->` comments may span lines, blank lines are
// skipped. Every malformed line gives a problem "file:line: message" and is skipped.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "compat/tabari_dictionary.h"
#include "lagebild/status.h"

namespace lagebild::petrarch {

using DatedCode = tabari::DatedCode;  // from/to YYYYMMDD, 0 = open

// One element of a verb pattern.
enum class PatternTokenKind { kWord, kSynset, kSource, kTarget, kCompound, kSkipActor };

struct PatternToken {
  PatternTokenKind kind = PatternTokenKind::kWord;
  std::string text;     // the word ("AID") or synset name ("&CURRENCY"); "$", "+", "%", "^"
  bool joined = false;  // written with `_` after the previous token (or, first after `*`, the verb)
};

struct VerbPattern {
  std::vector<PatternToken> upper;  // before the verb, in sentence order
  std::vector<PatternToken> lower;  // after the verb, in sentence order
  std::string text;                 // TABARI-style text: "SAID * TO ATTEND", "* AID IN_ +"
  std::string code;                 // "082", "042:043", "---"
  bool upper_touches_verb = false;  // "FAILED_TO_*": the upper part joins the verb with `_`
  int line = 0;
};

// One verb line of a block: a single word ("RESTORE") or a multi-word verb whose verb word
// carries `+` ("CORDON_+OFF" is not allowed; "+CORDON_OFF", "WIRE_+TAP").
struct VerbEntry {
  std::string phrase;              // as written without forms and code: "BREAK", "+BREAK_DOWN"
  std::string code;                // own code or the block's code
  std::vector<std::string> forms;  // irregular forms from `{...}` (multi-word: with `+`)
  int line = 0;
};

struct VerbBlock {
  std::string name;  // the block header's description: "ABANDON"
  std::string code;  // the header code, "---" when absent
  std::vector<VerbEntry> verbs;
  std::vector<VerbPattern> patterns;
  int line = 0;
};

struct Synset {
  std::string name;                  // "&CURRENCY"
  std::vector<std::string> members;  // phrases with spaces between words; "&OTHER" embeds a set
  bool plurals = true;               // false when the name ends in `_`
  int line = 0;
};

struct Actor {
  std::vector<std::string> phrases;  // words joined by ' ' (gap allowed) or '_' (consecutive)
  std::vector<DatedCode> codes;      // an undated code has from = to = 0
  int line = 0;
};

struct Agent {
  std::vector<std::string> phrases;  // the phrase and its plurals
  std::string code;                  // without the ~
  bool actor_first = true;           // [~GOV]: actor + agent code; [NGO~]: agent + actor code
  int line = 0;
};

struct Discard {
  std::string phrase;      // upper case, words separated by single spaces
  bool story = false;      // `+`: discard the story
  bool exact_end = false;  // ends in `_`: must end at a word boundary
};

struct Dictionaries {
  std::vector<Synset> synsets;
  std::vector<VerbBlock> verb_blocks;
  std::vector<Actor> actors;
  std::vector<Agent> agents;
  std::vector<Discard> discards;
  int transformations = 0;            // `~` lines of PETRARCH-2 verb files, not used
  std::vector<std::string> problems;  // "file:line: message"

  size_t VerbCount() const;
  size_t PatternCount() const;
};

// Parsers of one file's content; `file` names it in problems.
void ParseVerbs(std::string_view content, std::string_view file, Dictionaries& dictionaries);
void ParseActors(std::string_view content, std::string_view file, Dictionaries& dictionaries);
void ParseAgents(std::string_view content, std::string_view file, Dictionaries& dictionaries);
void ParseDiscards(std::string_view content, std::string_view file, Dictionaries& dictionaries);

enum class DictionaryKind { kVerbs, kActors, kAgents, kDiscards };

// Reads one file of the given kind; fails only when the file cannot be read.
Status ReadDictionaryFile(const std::string& path, DictionaryKind kind, Dictionaries& dictionaries);

// Adds what was read to the TABARI model: actors (phrases with `_` joins, dated codes), agents
// (each plural as its own agent), verbs (one tabari::Verb per verb entry, root with `_` joins and
// without `+`, forms, the block's patterns as TABARI text with the PETRARCH grouping marks `(`,
// `)`, `{`, `}` dropped) and synsets keyed "&NAME" (embedded synsets expanded).
void ToTabariModel(const Dictionaries& dictionaries, tabari::Dictionary& model);

// Regular noun plural as PETRARCH makes it: Y → IES (but ENVOY → ENVOYS), SS → SSES, otherwise + S.
std::string RegularPlural(std::string_view noun);

// Regular verb forms of a root: -S/-ES, -ED/-D, -ING (dropping a final E).
std::vector<std::string> RegularVerbForms(std::string_view root);

}  // namespace lagebild::petrarch
