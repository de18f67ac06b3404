// Event patterns: the compiled form of the lines in data/<lang>/patterns/*.txt (see
// docs/patterns.md). A pattern is a lemma, a frame of elements and a CAMEO code. The same parser
// reads frames at compile time (to check them) and when the image is loaded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lagebild/status.h"
#include "resources/flat_string_map.h"

namespace lagebild {

enum class TriggerKind : uint8_t { kVerb, kNoun };

enum class ElementKind : uint8_t {
  kTarget,   // T, with or without prepositions
  kSource,   // S, with or without prepositions
  kBetween,  // zwischen S und T / between S and T
  kLiteral,  // a word (alternatives and globs) that must occur in the clause
  kClass,    // $NAME: any word of a class
};

struct FrameElement {
  ElementKind kind = ElementKind::kLiteral;
  std::vector<std::string> words;  // slot prepositions, or literal alternatives (may hold '*')
  std::string class_name;          // for kClass, without '$'
  bool glob = false;               // some literal alternative holds '*' (else they compare as words)
  // The alternatives of a literal without globs, hashed: a clause word is looked up once instead
  // of compared with each alternative (elements list up to a few dozen).
  FlatStringSet<std::string> word_set;
};

struct Pattern {
  TriggerKind trigger = TriggerKind::kVerb;
  std::string lemma;                    // "treffen", "call" (head word of a phrasal verb)
  std::vector<std::string> particles;   // English phrasal particles: "call on" → {"on"}
  std::string rule;                     // "de/verbs-01-05:treffen:2"
  std::string code;                     // "040", or "02*" for a request code
  std::vector<FrameElement> elements;

  bool IsRequest() const { return !code.empty() && code.back() == '*'; }
  bool HasTarget() const;
  bool HasSource() const;
};

// Parses a frame ("sich mit T", "zwischen S und T", "$WEAPONS an T"). `language` picks the
// word for "between"/"and". Fails with a message (without file and line) on elements it cannot
// read.
Status ParseFrame(std::string_view frame, std::string_view language, std::vector<FrameElement>& elements);

// True when `code` is a CAMEO code as patterns write it: 2–4 digits, or 2 digits and '*'.
bool IsPatternCodeShape(std::string_view code);

// Glob match of a lower-case word against an entry with '*' wildcards ("*munition*").
bool GlobMatches(std::string_view pattern, std::string_view word);

// The kinds of byte a text holds, as bits: one per letter a–z, one for digits, one for other
// ASCII and one for the bytes of non-ASCII characters ('*' counts as none). A glob matches only
// words whose set holds all of its own ("*waffe*" needs a w), which rules out most words with
// one instruction before GlobMatches.
uint32_t LetterSet(std::string_view text);

struct Glob {
  std::string pattern;
  uint32_t letters = 0;  // LetterSet(pattern)

  explicit Glob(std::string_view text) : pattern(text), letters(LetterSet(text)) {}
  // `word_letters` is LetterSet(word).
  bool Matches(std::string_view word, uint32_t word_letters) const {
    return (letters & ~word_letters) == 0 && GlobMatches(pattern, word);
  }
};

}  // namespace lagebild
