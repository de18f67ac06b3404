// Internal to the clause analysis (clause_analysis.h), split by step:
//   sentence_words.cc   words of a sentence with their forms, flags and entities
//   clause_segments.cc  segments, their types, coordination, merging, governors
//   verb_group.cc       the verb group of a clause: lexical verb, passive, modality
//   clause_arguments.cc actors with their prepositions and cases, subjects and objects
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "events/clause_analysis.h"

namespace lagebild::clause_internal {

inline constexpr size_t kMaxPrepositionDistance = 4;  // words between a preposition and its actor
inline constexpr size_t kMaxCoordinationGap = 3;      // words between coordinated actors

inline bool IsGerman(const EventLexicon& lexicon) { return lexicon.german(); }

// sentence_words.cc
std::vector<WordView> BuildWords(const Document& doc, uint32_t sentence, const EventLexicon& lexicon);
bool HasFormKind(const WordView& word, FormKind kind);
bool IsVerbForm(const WordView& word);  // a trigger verb form or a possible finite verb

// clause_segments.cc
bool IsArticleWord(std::string_view lower);  // der, die, … ein, the, a, this, that
bool HasFinite(const std::vector<WordView>& words, std::span<const uint32_t> segment);
bool StartsInfinitive(const std::vector<WordView>& words, size_t i, const EventLexicon& lexicon);
std::vector<std::vector<uint32_t>> CutSegments(const std::vector<WordView>& words);
void CutEnglishComplements(const std::vector<WordView>& words, std::vector<std::vector<uint32_t>>& segments,
                           const EventLexicon& lexicon);
// A segment that starts with a coordinator and has its own verb: German with its participle or
// infinitive at the end ("aber keine Drohnen … geschickt"), English with the verb right after
// ("and urged Turkey").
bool OpensCoordinatedVerb(const std::vector<WordView>& words, const std::vector<uint32_t>& segment, bool german);
std::vector<std::vector<uint32_t>> SplitCoordinatedVerbs(const std::vector<WordView>& words, const std::vector<uint32_t>& segment,
                                                         bool german);
ClauseType TypeOf(const std::vector<WordView>& words, const std::vector<uint32_t>& segment, bool sentence_start,
                  const EventLexicon& lexicon);
std::vector<Clause> MergeSegments(const std::vector<WordView>& words, const std::vector<std::vector<uint32_t>>& segments,
                                  const std::vector<ClauseType>& types, const std::vector<bool>& coordinated, bool german);
std::vector<uint32_t> AppositionWords(const std::vector<WordView>& words, const std::vector<std::vector<uint32_t>>& segments,
                                      const std::vector<ClauseType>& types);
void LinkGovernors(const std::vector<WordView>& words, std::vector<Clause>& clauses);

// verb_group.cc
void AnalyseVerbGroup(const std::vector<WordView>& words, Clause& clause, const EventLexicon& lexicon);

// clause_arguments.cc
std::vector<Argument> CollectArguments(const Document& doc, const std::vector<WordView>& words, const Clause& clause, bool german);
void ChooseRoles(Clause& clause, bool german);

}  // namespace lagebild::clause_internal
