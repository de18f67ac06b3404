// Clause structure of one sentence, found without an external parser: the sentence is cut into
// segments at punctuation, coordinated verbs and (English) infinitive and reporting boundaries;
// each segment is typed (main, subordinate, relative, infinitive, fragment), verbless fragments
// are merged into their neighbours (actor lists) or attached as appositions, and each clause
// gets its verb group (finite verb, lexical verb with its lemma, passive, modality cues) and its
// actor arguments with the preposition or case that governs each.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "events/event_lexicon.h"
#include "lagebild/document.h"

namespace lagebild {

// One token of the sentence as the coder sees it.
struct WordView {
  uint32_t token = 0;          // index into Document::tokens
  std::string_view lower;      // in Document::lower_forms, for words; empty for punctuation
  uint64_t hash = 0;           // HashWord(lower), for words
  uint32_t letters = 0;        // LetterSet(lower), for words (glob matching)
  const std::vector<TriggerForm>* forms = nullptr;
  uint32_t flags = 0;          // WordFlag bits
  bool is_word = false;        // a word, number or clitic, not punctuation
  bool capitalized = false;
  bool boundary = false;       // punctuation that ends a segment: , ; : ( ) – quotes
  bool comma = false;
  bool dash = false;
  bool opens_bracket = false;
  bool finite = false;         // may be the finite verb of its clause
  int32_t entity_start = -1;   // the entity whose first token this is
  int32_t entity_inside = -1;  // the entity covering this token
  bool genitive_s = false;     // German "Putins": the entity ends inside the token before -s
  std::string compound_head;   // "Russland-Besuch": the noun after the actor's hyphen, lower case
};

// Whether the words from `i` on are `phrase` (lower-case words, as EventLexicon::Phrases gives them).
bool PhraseAt(const std::vector<WordView>& words, size_t i, const std::vector<std::string>& phrase);

enum class ClauseType : uint8_t { kMain, kSubordinate, kConditional, kRelative, kInfinitive, kFragment };

struct Argument {
  int32_t entity = -1;        // index into Document::entities
  uint32_t word = 0;          // index of its first word in the sentence's WordView list
  uint32_t last_word = 0;
  std::string preposition;    // the governing preposition, lower case; empty when bare
  bool oblique = false;       // marked accusative/dative/genitive ("den", "dem", "Herrn")
  bool nominative = false;    // marked nominative ("Herr")
  bool genitive = false;      // a genitive or possessive attribute ("Putins", "des Präsidenten")
  bool apposition = false;    // inside an apposition to another actor
  bool speaker = false;       // the source of a report ("laut KCNA"): never an argument
  bool noun_attribute = false; // governed by a preposition after a noun ("Delegation von Beamten")
  bool coded = false;         // the entity has an actor code
  bool dateline = false;      // a place name before the dash of a dateline ("Wien – …")
  bool compound_modifier = false;  // the first part of a compound: "Russland-Besuch"
  int32_t group = -1;         // index of the first argument of its coordination ("A, B und C")
};

struct VerbGroup {
  int32_t finite = -1;        // word index of the finite verb
  int32_t lexical = -1;       // word index of the lexical verb (the trigger)
  int32_t lemma = -1;         // lexicon lemma of the lexical verb
  FormKind kind = FormKind::kFinite;
  bool passive = false;
  uint32_t frame_flags = 0;   // LemmaFlag bits of the frame verbs in the clause
  uint32_t other_frame_flags = 0;  // … of the frame verbs other than the lexical verb
  Modality modality = Modality::kAsserted;  // from modal verbs, adverbs, negation, future
  bool would = false;         // "would"/"würde": future in the past under a reporting verb
  bool pronoun_subject = false;  // a personal pronoun stands where the subject would
};

struct Clause {
  std::vector<uint32_t> words;  // indexes into the WordView list, in order
  ClauseType type = ClauseType::kMain;
  int32_t governor = -1;        // the clause this one depends on (complements, infinitives)
  bool coordinated = false;     // a second verb of the clause before it: shares its subject
  VerbGroup verb;
  std::vector<Argument> args;
  std::vector<int32_t> subjects;  // argument indexes (a coordination gives several)
  std::vector<int32_t> objects;
};

// True for modality words used as adjectives of a noun ("ein geplantes Treffen", "a possible
// deal"): they qualify the noun's event, not the clause's verb.
bool IsModalityAdjective(const std::vector<WordView>& words, uint32_t i, bool german);

struct SentenceAnalysis {
  std::vector<WordView> words;
  std::vector<Clause> clauses;
};

// Analyses sentence `sentence` of `doc` (tokens and entities must be present): words, clauses,
// verb groups and arguments.
SentenceAnalysis AnalyseSentence(const Document& doc, uint32_t sentence, const EventLexicon& lexicon);

// False only when no word of the sentence can trigger an event: none has a form (its own, a German
// compound's head, or the noun after a hyphen) whose lemma has patterns. Such a sentence yields
// no candidate whatever its clauses, so the coder need not analyse it. Costs a look-up per word,
// a fraction of AnalyseSentence.
bool MayTriggerEvent(const Document& doc, uint32_t sentence, const EventLexicon& lexicon);
// Whether some word of the sentence may be a subject pronoun (kSubjectPronoun), which can bring
// in an actor of the sentence before.
bool HasSubjectPronoun(const Document& doc, uint32_t sentence, const EventLexicon& lexicon);

// Chooses each clause's subjects and objects from its arguments (call after marking speakers):
// case and preposition cues first, then German V2 / verb-final order or English word order; in
// the passive the von/durch/by agent is the subject and the passive subject the object.
void AssignRoles(SentenceAnalysis& analysis, bool german);

}  // namespace lagebild
