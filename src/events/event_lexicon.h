// The event coder's word knowledge for one language, loaded from the resource image: trigger
// forms (every inflected form of every pattern lemma), the patterns by lemma, the frame words
// (modality, negation, reporting, clause structure; data/<lang>/frames.txt), word classes, and
// for German the set of all finite verb forms. Immutable and thread-safe after Create.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/pattern.h"
#include "lagebild/document.h"
#include "lagebild/status.h"
#include "resources/flat_string_map.h"
#include "resources/resource_image.h"
#include "resources/static_string_set.h"

namespace lagebild {

enum class FormKind : uint8_t { kFinite, kParticiple, kInfinitive, kZuInfinitive, kGerund, kPast, kNoun };

struct TriggerForm {
  uint32_t lemma = 0;          // index into EventLexicon::lemma()
  FormKind kind = FormKind::kFinite;
  std::string_view particle;   // German separable particle that must stand apart, or empty
};

// Frame-word categories of single words (bits of WordFlags).
enum WordFlag : uint32_t {
  kPlannedWord = 1u << 0,
  kPossibleWord = 1u << 1,
  kNegationWord = 1u << 2,
  kConditionalWord = 1u << 3,
  kSubordinator = 1u << 4,
  kRelativeWord = 1u << 5,
  kCoordinator = 1u << 6,
  kInfinitiveWord = 1u << 7,
  kWerdenWord = 1u << 8,   // German forms of werden; English forms of be/get (passive)
  kPerfectWord = 1u << 9,  // haben/sein; have
  kPreposition = 1u << 10,
  kObliqueWord = 1u << 11,
  kNominativeWord = 1u << 12,
  kAccordingWord = 1u << 13,
  kQuoteTagWord = 1u << 14,
  kSubjectPronoun = 1u << 15,
  kFiniteWord = 1u << 16,       // English auxiliaries that are always finite ("will", "did")
  kNeverFiniteWord = 1u << 17,  // German words the paradigm dictionary wrongly lists as finite ("eine")
  kQuantityWord = 1u << 18,     // "dozens", "Hunderte" before of/von
  kCompoundHead = 1u << 19,     // English nouns that make the word before a modifier ("trade gap")
  kTitleWord = 1u << 20,        // capitalised titles before a name, by ending ("Verteidigungsminister")
  kPossibilityNoun = 1u << 21,  // "Möglichkeit", "option": the infinitive after it is only possible
  kPhraseStart = 1u << 22,      // the first word of some fixed phrase ("is" of "is to"): Phrases() may match here
};

// Frame-verb categories of lemmas (bits of LemmaFlags).
enum LemmaFlag : uint32_t {
  kPlannedVerb = 1u << 0,
  kPossibleVerb = 1u << 1,
  kNegatingVerb = 1u << 2,
  kDesireVerb = 1u << 3,
  kObjectControlVerb = 1u << 4,
  kReportVerb = 1u << 5,
  kWarningVerb = 1u << 6,  // a warning against cooperation warns those who would cooperate
  kAddresseeVerb = 1u << 7,  // a reporting verb whose first object is its addressee ("told Reuters")
};

// Looked up by string_view without building a string.
template <typename Value>
using StringMap = FlatStringMap<std::string, Value>;

class EventLexicon {
 public:
  static std::unique_ptr<EventLexicon> Create(const ResourceImage& image, std::string_view language, Status& status);

  const std::string& language() const { return language_; }
  bool german() const { return german_; }  // asked per word: no string comparison
  // Trigger and frame-verb forms of a lower-case word; nullptr when it has none.
  const std::vector<TriggerForm>* Forms(std::string_view lower) const { return Forms(lower, HashWord(lower)); }
  // The same with the word's HashWord, computed once for this and WordFlags.
  const std::vector<TriggerForm>* Forms(std::string_view lower, uint64_t hash) const;
  // Forms of a word with at least one noun reading; nullptr otherwise. Asked of the suffixes of a
  // German compound for its head ("waffenverhandlungen" → "verhandlungen").
  const std::vector<TriggerForm>* NounForms(std::string_view lower) const;
  // Frame-word flags of a word; kTitleWord only when `capitalized` (titles are matched by ending).
  uint32_t WordFlags(std::string_view lower, bool capitalized) const { return WordFlags(lower, HashWord(lower), capitalized); }
  uint32_t WordFlags(std::string_view lower, uint64_t hash, bool capitalized) const;
  uint32_t LemmaFlags(uint32_t lemma) const { return lemma < lemma_flags_.size() ? lemma_flags_[lemma] : 0; }
  const std::string& lemma(uint32_t index) const { return lemmas_[index]; }
  // Patterns of a verb lemma (all phrasal variants) or a noun lemma.
  const std::vector<Pattern>& PatternsOf(uint32_t lemma) const;
  // Fixed phrases of a word category ("according-phrases"), each as its words.
  const std::vector<std::vector<std::string>>& Phrases(std::string_view category) const;
  // A class of words ("WEAPONS"): entries without '*' are looked up; only the globs are matched
  // one by one.
  struct WordClass {
    FlatStringSet<std::string> words, excluded_words;
    std::vector<Glob> globs, excluded_globs;

    // True when `lower` (whose HashWord is `hash` and LetterSet `letters`) belongs to the class:
    // one of its entries matches and no exclusion does.
    bool Contains(std::string_view lower, uint64_t hash, uint32_t letters) const;
  };
  // The class of that name, or nullptr. Look it up once, not per word.
  const WordClass* Class(std::string_view class_name) const;
  // German: any finite verb form of the paradigm dictionary (for clause structure).
  bool IsFiniteVerb(std::string_view lower) const;

 private:
  uint32_t InternLemma(std::string_view lemma, bool noun);
  Status LoadForms(std::string_view section);
  Status LoadPatterns(std::string_view section);
  void LoadFrames(std::string_view section);
  void LoadClasses(std::string_view section);

  std::string language_;
  bool german_ = false;
  std::vector<std::string> lemmas_;
  std::vector<uint32_t> lemma_flags_;
  std::unordered_map<std::string, uint32_t> verb_lemma_ids_, noun_lemma_ids_;
  StringMap<std::vector<TriggerForm>> forms_;
  StringMap<uint32_t> word_flags_;
  std::vector<std::vector<Pattern>> patterns_;  // by lemma
  StringMap<std::vector<std::vector<std::string>>> phrases_;
  StringMap<WordClass> classes_;
  // Title endings ("minister", "chef") by their last byte: a word is compared only with the
  // endings it could have.
  std::array<std::vector<std::string>, 256> title_endings_by_last_byte_;
  std::optional<StaticStringSet> finite_verbs_;
};

// True for the categories data/<lang>/frames.txt may use; the compiler reports any other.
bool IsFrameCategory(std::string_view category);

// CAMEO codes with their Goldstein value, QuadClass and PLOVER type and mode.
struct CameoInfo {
  double goldstein = 0;
  int quad_class = 0;
  std::string plover_type;  // empty when PLOVER has none
  std::string plover_mode;
};

class CameoTable {
 public:
  static std::unique_ptr<CameoTable> Create(const ResourceImage& image, Status& status);
  const CameoInfo* Find(std::string_view code) const;
  // Fills the event's Goldstein value, QuadClass and PLOVER type and mode from its code; leaves
  // them empty for a code the table does not know (a TABARI project's own codes).
  void Describe(Event& event) const;

 private:
  std::unordered_map<std::string, CameoInfo> codes_;
};

}  // namespace lagebild
