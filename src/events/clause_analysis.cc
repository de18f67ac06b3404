#include "events/clause_analysis.h"

#include <algorithm>

#include "events/clause_internal.h"

namespace lagebild {

using clause_internal::AnalyseVerbGroup;
using clause_internal::AppositionWords;
using clause_internal::BuildWords;
using clause_internal::ChooseRoles;
using clause_internal::CollectArguments;
using clause_internal::CutEnglishComplements;
using clause_internal::CutSegments;
using clause_internal::IsGerman;
using clause_internal::LinkGovernors;
using clause_internal::MergeSegments;
using clause_internal::SplitCoordinatedVerbs;
using clause_internal::TypeOf;

bool IsModalityAdjective(const std::vector<WordView>& words, uint32_t i, bool german) {
  const WordView& word = words[i];
  if (word.finite) return false;  // "könnte Russland …" is a verb
  if (word.capitalized && german && i > 0) return true;  // a noun: "Pläne", "Absicht"
  if (i + 1 >= words.size() || !words[i + 1].is_word) return false;
  const WordView& next = words[i + 1];
  if (german) {
    const std::string_view w = word.lower;
    const bool inflected = w.ends_with("e") || w.ends_with("en") || w.ends_with("er") || w.ends_with("es") || w.ends_with("em");
    return inflected && (next.capitalized || (next.flags & (kPlannedWord | kPossibleWord)));
  }
  static const char* kAdjectives[] = {"planned", "proposed", "scheduled", "upcoming", "forthcoming", "possible", "potential", "expected", "plans", "plan"};
  for (const char* adjective : kAdjectives) {
    if (word.lower == adjective) return next.lower != "to" && next.lower != "by" && !next.finite;
  }
  return false;
}

SentenceAnalysis AnalyseSentence(const Document& doc, uint32_t sentence, const EventLexicon& lexicon) {
  SentenceAnalysis analysis;
  const bool german = IsGerman(lexicon);
  analysis.words = BuildWords(doc, sentence, lexicon);
  const std::vector<WordView>& words = analysis.words;
  std::vector<std::vector<uint32_t>> raw = CutSegments(words);
  if (!german) CutEnglishComplements(words, raw, lexicon);
  std::vector<std::vector<uint32_t>> segments;
  std::vector<bool> coordinated;
  for (const auto& segment : raw) {
    const auto parts = SplitCoordinatedVerbs(words, segment, german);
    for (size_t p = 0; p < parts.size(); ++p) {
      segments.push_back(parts[p]);
      coordinated.push_back(p > 0);
    }
  }
  std::vector<ClauseType> types;
  for (size_t s = 0; s < segments.size(); ++s) types.push_back(TypeOf(words, segments[s], segments[s][0] == 0, lexicon));
  for (size_t s = 0; s < segments.size(); ++s) {
    // ", aber keine Drohnen an das russische Militär geschickt", ", and urged Turkey to …": after a
    // comma, a coordinator opens a second verb of the clause before.
    if (s > 0 && clause_internal::OpensCoordinatedVerb(words, segments[s], german)) {
      coordinated[s] = true;
      if (types[s] == ClauseType::kFragment) types[s] = ClauseType::kMain;
    }
    if (coordinated[s] && types[s] == ClauseType::kFragment) types[s] = ClauseType::kMain;
  }
  const std::vector<uint32_t> appositions = AppositionWords(words, segments, types);
  analysis.clauses = MergeSegments(words, segments, types, coordinated, german);
  LinkGovernors(words, analysis.clauses);
  for (Clause& clause : analysis.clauses) {
    AnalyseVerbGroup(words, clause, lexicon);
    clause.args = CollectArguments(doc, words, clause, german);
    for (Argument& arg : clause.args) {
      arg.apposition = arg.apposition || std::find(appositions.begin(), appositions.end(), arg.word) != appositions.end();
    }
  }
  return analysis;
}

void AssignRoles(SentenceAnalysis& analysis, bool german) {
  for (Clause& clause : analysis.clauses) {
    clause.subjects.clear();
    clause.objects.clear();
    ChooseRoles(clause, german);
  }
}

}  // namespace lagebild
